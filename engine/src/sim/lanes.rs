//! Two paths' values at once, for the services' step
//! ([`super::service::ServiceLanes::step`]).
//!
//! [`V`] holds [`W`] lanes and does each operation lane by lane with plain
//! IEEE `f64` arithmetic, so every lane's result is, bit for bit, what the
//! same expression gives on one path. Conditions are masks and selects
//! ([`M`]), so the step has no branches.
//!
//! In WebAssembly (built with simd128) a [`V`] is one `v128` and every
//! operation one simd128 instruction, whatever the optimisation level (the
//! page's size-tuned build does not auto-vectorise). Elsewhere it is an
//! array the compiler packs into SIMD registers (SSE2 natively).

use core::ops::{Add, Div, Mul, Sub};

use super::{Lanes, BLOCK};

/// Lanes per [`V`].
pub(crate) const W: usize = 2;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    use core::arch::wasm32::*;

    use super::{Lanes, BLOCK};

    /// Two paths' values of one quantity.
    #[derive(Clone, Copy)]
    pub(crate) struct V(v128);

    /// Two lanes' truth values: all ones (true) or all zeros (false).
    #[derive(Clone, Copy)]
    pub(crate) struct M(v128);

    impl V {
        #[inline(always)]
        pub fn splat(x: f64) -> V {
            V(f64x2_splat(x))
        }

        /// Lanes `i..i + 2` of `a`.
        #[inline(always)]
        pub fn load(a: &Lanes, i: usize) -> V {
            V(f64x2(a[i], a[i + 1]))
        }

        /// Stores into lanes `i..i + 2` of `a`.
        #[inline(always)]
        pub fn store(self, a: &mut Lanes, i: usize) {
            a[i] = f64x2_extract_lane::<0>(self.0);
            a[i + 1] = f64x2_extract_lane::<1>(self.0);
        }

        #[inline(always)]
        pub(super) fn add(self, o: V) -> V {
            V(f64x2_add(self.0, o.0))
        }

        #[inline(always)]
        pub(super) fn sub(self, o: V) -> V {
            V(f64x2_sub(self.0, o.0))
        }

        #[inline(always)]
        pub(super) fn mul(self, o: V) -> V {
            V(f64x2_mul(self.0, o.0))
        }

        #[inline(always)]
        pub(super) fn div(self, o: V) -> V {
            V(f64x2_div(self.0, o.0))
        }

        #[inline(always)]
        pub fn sqrt(self) -> V {
            V(f64x2_sqrt(self.0))
        }

        #[inline(always)]
        pub fn lt(self, o: V) -> M {
            M(f64x2_lt(self.0, o.0))
        }

        #[inline(always)]
        pub fn le(self, o: V) -> M {
            M(f64x2_le(self.0, o.0))
        }

        #[inline(always)]
        pub fn gt(self, o: V) -> M {
            M(f64x2_gt(self.0, o.0))
        }

        #[inline(always)]
        pub fn ge(self, o: V) -> M {
            M(f64x2_ge(self.0, o.0))
        }

        #[inline(always)]
        pub(super) fn is_nan(self) -> M {
            M(f64x2_ne(self.0, self.0))
        }
    }

    impl M {
        /// Lanes `i..i + 2` of 0-or-1 flags.
        #[inline(always)]
        pub fn load(a: &[u64; BLOCK], i: usize) -> M {
            M(i64x2_neg(u64x2(a[i] & 1, a[i + 1] & 1)))
        }

        /// Every lane `on`.
        #[inline(always)]
        pub fn splat(on: bool) -> M {
            M(u64x2_splat(0u64.wrapping_sub(u64::from(on))))
        }

        #[inline(always)]
        pub fn or(self, o: M) -> M {
            M(v128_or(self.0, o.0))
        }

        /// `a` where true, `b` where false (bit for bit).
        #[inline(always)]
        pub fn select(self, a: V, b: V) -> V {
            V(v128_bitselect(a.0, b.0, self.0))
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod imp {
    use super::{Lanes, BLOCK, W};

    /// [`W`] paths' values of one quantity.
    #[derive(Clone, Copy)]
    pub(crate) struct V([f64; W]);

    /// [`W`] lanes' truth values: all ones (true) or all zeros (false).
    #[derive(Clone, Copy)]
    pub(crate) struct M([u64; W]);

    impl V {
        #[inline(always)]
        pub fn splat(x: f64) -> V {
            V([x; W])
        }

        /// Lanes `i..i + W` of `a`.
        #[inline(always)]
        pub fn load(a: &Lanes, i: usize) -> V {
            V(core::array::from_fn(|j| a[i + j]))
        }

        /// Stores into lanes `i..i + W` of `a`.
        #[inline(always)]
        pub fn store(self, a: &mut Lanes, i: usize) {
            a[i..i + W].copy_from_slice(&self.0);
        }

        #[inline(always)]
        fn zip(self, o: V, f: impl Fn(f64, f64) -> f64) -> V {
            V(core::array::from_fn(|j| f(self.0[j], o.0[j])))
        }

        #[inline(always)]
        fn test(self, o: V, f: impl Fn(f64, f64) -> bool) -> M {
            M(core::array::from_fn(|j| {
                0u64.wrapping_sub(u64::from(f(self.0[j], o.0[j])))
            }))
        }

        #[inline(always)]
        pub(super) fn add(self, o: V) -> V {
            self.zip(o, |a, b| a + b)
        }

        #[inline(always)]
        pub(super) fn sub(self, o: V) -> V {
            self.zip(o, |a, b| a - b)
        }

        #[inline(always)]
        pub(super) fn mul(self, o: V) -> V {
            self.zip(o, |a, b| a * b)
        }

        #[inline(always)]
        pub(super) fn div(self, o: V) -> V {
            self.zip(o, |a, b| a / b)
        }

        #[inline(always)]
        pub fn sqrt(self) -> V {
            V(self.0.map(f64::sqrt))
        }

        #[inline(always)]
        pub fn lt(self, o: V) -> M {
            self.test(o, |a, b| a < b)
        }

        #[inline(always)]
        pub fn le(self, o: V) -> M {
            self.test(o, |a, b| a <= b)
        }

        #[inline(always)]
        pub fn gt(self, o: V) -> M {
            self.test(o, |a, b| a > b)
        }

        #[inline(always)]
        pub fn ge(self, o: V) -> M {
            self.test(o, |a, b| a >= b)
        }

        #[inline(always)]
        pub(super) fn is_nan(self) -> M {
            self.test(self, |a, b| a != b)
        }
    }

    impl M {
        /// Lanes `i..i + W` of 0-or-1 flags.
        #[inline(always)]
        pub fn load(a: &[u64; BLOCK], i: usize) -> M {
            M(core::array::from_fn(|j| 0u64.wrapping_sub(a[i + j] & 1)))
        }

        /// Every lane `on`.
        #[inline(always)]
        pub fn splat(on: bool) -> M {
            M([0u64.wrapping_sub(u64::from(on)); W])
        }

        #[inline(always)]
        pub fn or(self, o: M) -> M {
            M(core::array::from_fn(|j| self.0[j] | o.0[j]))
        }

        /// `a` where true, `b` where false (bit for bit).
        #[inline(always)]
        pub fn select(self, a: V, b: V) -> V {
            V(core::array::from_fn(|j| {
                let m = self.0[j];
                f64::from_bits((a.0[j].to_bits() & m) | (b.0[j].to_bits() & !m))
            }))
        }
    }
}

pub(crate) use imp::{M, V};

impl V {
    /// [`crate::float::max`] lane by lane: `b` where `a` is NaN or smaller.
    #[inline(always)]
    pub fn max(self, b: V) -> V {
        self.is_nan().or(self.lt(b)).select(b, self)
    }

    /// [`crate::float::min`] lane by lane: `a` unless `b` is NaN or not larger.
    #[inline(always)]
    pub fn min(self, b: V) -> V {
        b.is_nan().or(self.lt(b)).select(self, b)
    }

    /// `f64::clamp` lane by lane (without its check that `lo <= hi`: lanes
    /// past a block's paths hold values nobody reads).
    #[inline(always)]
    pub fn clamp(self, lo: V, hi: V) -> V {
        let x = self.lt(lo).select(lo, self);
        x.gt(hi).select(hi, x)
    }
}

macro_rules! op {
    ($tr:ident, $f:ident) => {
        impl $tr for V {
            type Output = V;
            #[inline(always)]
            fn $f(self, o: V) -> V {
                V::$f(self, o)
            }
        }
        impl $tr<f64> for V {
            type Output = V;
            #[inline(always)]
            fn $f(self, o: f64) -> V {
                V::$f(self, V::splat(o))
            }
        }
        impl $tr<V> for f64 {
            type Output = V;
            #[inline(always)]
            fn $f(self, o: V) -> V {
                V::$f(V::splat(self), o)
            }
        }
    };
}
op!(Add, add);
op!(Sub, sub);
op!(Mul, mul);
op!(Div, div);
