//! `max` and `min` for the hot loops (the step, the insight's smoother),
//! written as a compare and a select.
//!
//! `f64::max` and `f64::min` have IEEE `maxNum` semantics, which WebAssembly
//! has no instruction for, so in wasm each is a call into compiler-builtins'
//! `fmax`/`fmin` (8% of the main run's time in V8). These follow the same
//! rule as that `libm` code (a NaN argument yields the other one; ties
//! return the first argument for `max` and the second for `min`), so every
//! figure is unchanged, and inline as a compare and a select on every target.

/// The larger of `a` and `b` (`b` if `a` is NaN), as `libm::fmax` without the call.
#[inline(always)]
pub(crate) fn max(a: f64, b: f64) -> f64 {
    if a.is_nan() || a < b {
        b
    } else {
        a
    }
}

/// The smaller of `a` and `b` (`a` if `b` is NaN), as `libm::fmin` without the call.
#[inline(always)]
pub(crate) fn min(a: f64, b: f64) -> f64 {
    if b.is_nan() || a < b {
        a
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::{max, min};

    #[test]
    fn agrees_with_libm_everywhere_that_matters() {
        let values = [
            f64::NEG_INFINITY,
            -3.5,
            -1.0,
            -0.0,
            0.0,
            1e-300,
            0.25,
            1.0,
            7.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for &a in &values {
            for &b in &values {
                let (m, n) = (max(a, b), min(a, b));
                let (lm, ln) = (libm::fmax(a, b), libm::fmin(a, b));
                assert_eq!(m.is_nan(), lm.is_nan(), "max({a}, {b})");
                assert_eq!(n.is_nan(), ln.is_nan(), "min({a}, {b})");
                if !lm.is_nan() {
                    assert_eq!(m.to_bits(), lm.to_bits(), "max({a}, {b})");
                    assert_eq!(n.to_bits(), ln.to_bits(), "min({a}, {b})");
                }
            }
        }
    }
}
