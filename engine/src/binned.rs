//! Mergeable binned quantiles and exact sums for the monthly series.
//!
//! Each month, each series' values across paths are counted into fixed
//! log-scaled bins: a value's bin is its `f32` sign, exponent and top
//! [`BIN_BITS`] mantissa bits, so a bin spans at most 2^-7 (0.78%) of its
//! values' magnitude, and the edges never depend on the data. Counts merge
//! exactly (integers add), so slices of paths run apart merge to the same
//! quantiles as one run. A quantile is the order statistic's bin's midpoint,
//! clamped to the series' smallest and largest value that month (also
//! mergeable): within half a bin (0.39%) of the exact order statistic, and
//! exact when every path has the same value. Magnitudes below 2^-40 count
//! as zero.
//!
//! Means come from exact fixed-point sums (money to 2^-12, shares to 2^-40
//! of a unit, in wrapping `i128`), which are associative, so any split of
//! the paths gives the same bits.

use crate::output::{Quantiles, QUANTILE_LEVELS};

/// Mantissa bits kept in a bin's key: relative bin width at most 2^-7.
pub(crate) const BIN_BITS: u32 = 7;
const SHIFT: u32 = 23 - BIN_BITS;
/// `f32` bits of 2^-40: smaller magnitudes count as zero.
const TINY_BITS: u32 = 0x2B80_0000;
/// `f32` bits of 2^64: larger magnitudes share the top bin.
const HUGE_BITS: u32 = 0x5F80_0000;
/// Bins per sign below the top bin.
const SPAN: u32 = (HUGE_BITS - TINY_BITS) >> SHIFT;
/// Key of zero (and of magnitudes below 2^-40).
pub(crate) const ZERO_KEY: u32 = SPAN + 1;
/// Keys run over 0..KEYS.
pub(crate) const KEYS: usize = 2 * SPAN as usize + 3;

/// Fixed-point scale of money sums (2^12 per pound).
pub(crate) const MONEY_SCALE: f64 = 4_096.0;
/// Fixed-point scale of share sums (2^40 per unit).
pub(crate) const SHARE_SCALE: f64 = 1_099_511_627_776.0;

/// The bin key of `v`: monotone non-decreasing in `v` (branch-free).
#[inline(always)]
pub(crate) fn key(v: f64) -> u32 {
    let b = (v as f32).to_bits();
    let a = b & 0x7FFF_FFFF;
    // 0 below 2^-40, else 1 + the bin above 2^-40 (top bin from 2^64).
    let m = (a.min(HUGE_BITS).saturating_sub(TINY_BITS - (1 << SHIFT))) >> SHIFT;
    // Negative values: ZERO_KEY - m, by two's complement (neg is 0 or all ones).
    let neg = 0u32.wrapping_sub(b >> 31);
    ZERO_KEY.wrapping_add((m ^ neg).wrapping_sub(neg))
}

/// The value reported for bin `k`: its midpoint (zero for the zero bin; the
/// lower edge, 2^64, for the top bins).
pub(crate) fn representative(k: u32) -> f64 {
    if k == ZERO_KEY {
        return 0.0;
    }
    let (m, sign) = if k > ZERO_KEY {
        (k - ZERO_KEY - 1, 1.0)
    } else {
        (ZERO_KEY - 1 - k, -1.0)
    };
    let lo = f32::from_bits(TINY_BITS + (m << SHIFT)) as f64;
    if m >= SPAN {
        return sign * lo;
    }
    let hi = f32::from_bits(TINY_BITS + ((m + 1) << SHIFT) - 1) as f64;
    sign * 0.5 * (lo + hi)
}

/// One series' month being counted: dense bin counts, the range of
/// non-zero keys touched, extremes and the exact fixed-point sum.
#[derive(Debug, Clone)]
pub(crate) struct Histogram {
    /// Two dense halves of `KEYS` counts: the first counts values at even
    /// places of a slice, the second those at odd places, so two values in
    /// the same bin, one after the other, do not wait on each other's
    /// increment (natively about 3% of the whole run; [`Histogram::flush`]
    /// adds the halves).
    counts: Vec<u32>,
    /// Key range, extremes and sum of the values in hand.
    run: Running,
}

/// The running figures of the values counted since the last flush.
#[derive(Debug, Clone, Copy)]
struct Running {
    /// Range of the non-zero keys.
    lo: u32,
    hi: u32,
    min: f64,
    max: f64,
    /// Sum: wrapping, exact while a block's sum stays within `i64` (values
    /// below 2^55 fixed-point units).
    sum: i64,
}

impl Running {
    /// No values yet.
    const EMPTY: Running = Running {
        lo: u32::MAX,
        hi: 0,
        min: f64::INFINITY,
        max: f64::NEG_INFINITY,
        sum: 0,
    };

    /// Takes in value `v` of key `k` (and its sum at `scale` when `SUM`).
    #[inline(always)]
    fn add<const SUM: bool>(&mut self, k: u32, v: f64, scale: f64) {
        let nz = k != ZERO_KEY;
        self.lo = if nz { self.lo.min(k) } else { self.lo };
        self.hi = if nz { self.hi.max(k) } else { self.hi };
        // Plain comparisons (one instruction each; values are never NaN).
        self.min = if v < self.min { v } else { self.min };
        self.max = if v > self.max { v } else { self.max };
        if SUM {
            self.sum = self.sum.wrapping_add((v * scale) as i64);
        }
    }
}

impl Default for Histogram {
    fn default() -> Self {
        Histogram {
            counts: vec![0; 2 * KEYS],
            run: Running::EMPTY,
        }
    }
}

/// What one series' month came to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ColumnStats {
    /// Smallest value (0 when there were none).
    pub min: f64,
    /// Largest value (0 when there were none).
    pub max: f64,
    /// Exact fixed-point sum (when summed).
    pub sum: i128,
}

impl Histogram {
    /// Counts every value of `values`, adding them to the sum at `scale`
    /// when `SUM`: one tight loop over pairs of values, its running figures
    /// in registers. The same figures as [`Histogram::add_each`].
    #[inline]
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    pub(crate) fn add_all<const SUM: bool>(&mut self, values: &[f64], scale: f64) {
        let pairs = values.chunks_exact(2);
        let rest = pairs.remainder();
        let (even, odd) = self.counts.split_at_mut(KEYS);
        let mut run = self.run;
        for p in pairs {
            let (k0, k1) = (key(p[0]), key(p[1]));
            even[k0 as usize] += 1;
            odd[k1 as usize] += 1;
            run.add::<SUM>(k0, p[0], scale);
            run.add::<SUM>(k1, p[1], scale);
        }
        self.run = run;
        self.add_each::<SUM>(rest, scale);
    }

    /// Counts every value of `values`, adding them to the sum at `scale`
    /// when `SUM`: two values at a time in simd128 (keys, key range and
    /// extremes), the counts and the sum value by value. The same figures
    /// as [`Histogram::add_each`]: the keys are the same (`f32` rounding and
    /// integer steps lane by lane), integer sums wrap, and each lane keeps
    /// its first smallest and largest value, as one running comparison does.
    #[inline(never)]
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    pub(crate) fn add_all<const SUM: bool>(&mut self, values: &[f64], scale: f64) {
        use core::arch::wasm32::*;
        let pairs = values.chunks_exact(2);
        let rest = pairs.remainder();
        let (even, odd) = self.counts.split_at_mut(KEYS);
        let (abs, huge) = (u32x4_splat(0x7FFF_FFFF), u32x4_splat(HUGE_BITS));
        let floor = u32x4_splat(TINY_BITS - (1 << SHIFT));
        let zero_key = u32x4_splat(ZERO_KEY);
        let (none_lo, none_hi) = (u32x4_splat(u32::MAX), u32x4_splat(0));
        let (mut lo, mut hi) = (u32x4_splat(self.run.lo), u32x4_splat(self.run.hi));
        let (mut min, mut max) = (f64x2_splat(self.run.min), f64x2_splat(self.run.max));
        let mut sum = self.run.sum;
        for p in pairs {
            let v = f64x2(p[0], p[1]);
            // `key` lane by lane (lanes 2 and 3 are 0.0: the zero key).
            let b = f32x4_demote_f64x2_zero(v);
            let a = v128_and(b, abs);
            let m = u32x4_shr(
                u32x4_sub(u32x4_max(u32x4_min(a, huge), floor), floor),
                SHIFT,
            );
            let neg = i32x4_shr(b, 31);
            let k = i32x4_add(zero_key, i32x4_sub(v128_xor(m, neg), neg));
            even[u32x4_extract_lane::<0>(k) as usize] += 1;
            odd[u32x4_extract_lane::<1>(k) as usize] += 1;
            let nz = i32x4_ne(k, zero_key);
            lo = u32x4_min(lo, v128_bitselect(k, none_lo, nz));
            hi = u32x4_max(hi, v128_bitselect(k, none_hi, nz));
            // pmin(a, b) is `b < a ? b : a`: a running `if v < min`.
            min = f64x2_pmin(min, v);
            max = f64x2_pmax(max, v);
            if SUM {
                let s = f64x2_mul(v, f64x2_splat(scale));
                sum = sum
                    .wrapping_add(f64x2_extract_lane::<0>(s) as i64)
                    .wrapping_add(f64x2_extract_lane::<1>(s) as i64);
            }
        }
        let lane = |v: v128, f: fn(f64, f64) -> f64| {
            f(f64x2_extract_lane::<0>(v), f64x2_extract_lane::<1>(v))
        };
        self.run = Running {
            lo: u32x4_extract_lane::<0>(lo).min(u32x4_extract_lane::<1>(lo)),
            hi: u32x4_extract_lane::<0>(hi).max(u32x4_extract_lane::<1>(hi)),
            min: lane(min, |a, b| if b < a { b } else { a }),
            max: lane(max, |a, b| if b > a { b } else { a }),
            sum,
        };
        self.add_each::<SUM>(rest, scale);
    }

    /// [`Histogram::add_all`] value by value.
    #[inline(always)]
    fn add_each<const SUM: bool>(&mut self, values: &[f64], scale: f64) {
        let counts = &mut self.counts[..];
        let mut run = self.run;
        for &v in values {
            let k = key(v);
            counts[k as usize] += 1;
            run.add::<SUM>(k, v, scale);
        }
        self.run = run;
    }

    /// Adds the counts so far to `w`, returns the extremes and sum, and
    /// starts afresh.
    pub(crate) fn flush(&mut self, w: &mut Window) -> ColumnStats {
        let (even, odd) = self.counts.split_at_mut(KEYS);
        w.zeros += core::mem::take(&mut even[ZERO_KEY as usize])
            + core::mem::take(&mut odd[ZERO_KEY as usize]);
        let run = core::mem::replace(&mut self.run, Running::EMPTY);
        let (lo, hi) = (run.lo, run.hi);
        if lo <= hi {
            w.cover(lo, hi);
            let from = (lo - w.base) as usize;
            let range = lo as usize..=hi as usize;
            let (e, o) = (&mut even[range.clone()], &mut odd[range]);
            for ((d, e), o) in w.counts[from..].iter_mut().zip(e).zip(o) {
                *d += core::mem::take(e) + core::mem::take(o);
            }
        }
        let empty = run.min > run.max;
        ColumnStats {
            // No values: zeros keep an empty slice's partial finite (and
            // JSON-safe); merging skips empty slices.
            min: if empty { 0.0 } else { run.min },
            max: if empty { 0.0 } else { run.max },
            sum: run.sum as i128,
        }
    }

    /// Counts every value of `values` and flushes (tests).
    #[cfg(test)]
    pub(crate) fn column(
        &mut self,
        values: &[f64],
        scale: f64,
        keys: &mut Vec<u32>,
        counts: &mut Vec<u32>,
    ) -> ColumnStats {
        self.add_all::<true>(values, scale);
        let mut w = Window::default();
        let st = self.flush(&mut w);
        w.list(keys, counts);
        st
    }
}

/// Counts of one series' month accumulated over blocks of paths: a dense
/// window over the non-zero keys seen, and the zeros apart.
#[derive(Debug, Clone, Default)]
pub(crate) struct Window {
    base: u32,
    counts: Vec<u32>,
    zeros: u32,
}

impl Window {
    /// Widens the window to hold keys `lo..=hi`.
    fn cover(&mut self, lo: u32, hi: u32) {
        if self.counts.is_empty() {
            self.base = lo;
            self.counts = vec![0; (hi - lo) as usize + 1];
            return;
        }
        let top = self.base + self.counts.len() as u32 - 1;
        if lo >= self.base && hi <= top {
            return;
        }
        let (new_lo, new_hi) = (lo.min(self.base), hi.max(top));
        let mut counts = vec![0; (new_hi - new_lo) as usize + 1];
        let from = (self.base - new_lo) as usize;
        counts[from..from + self.counts.len()].copy_from_slice(&self.counts);
        self.base = new_lo;
        self.counts = counts;
    }

    /// Appends the non-empty bins (ascending keys) to `keys`/`counts`.
    pub(crate) fn list(&self, keys: &mut Vec<u32>, counts: &mut Vec<u32>) {
        let mut zero_done = self.zeros == 0;
        for (i, &c) in self.counts.iter().enumerate() {
            let k = self.base + i as u32;
            if !zero_done && ZERO_KEY < k {
                keys.push(ZERO_KEY);
                counts.push(self.zeros);
                zero_done = true;
            }
            if c != 0 {
                keys.push(k);
                counts.push(c);
            }
        }
        if !zero_done {
            keys.push(ZERO_KEY);
            counts.push(self.zeros);
        }
    }
}

/// Zero-based order-statistic index for level `p` among `n` values.
#[inline]
pub(crate) fn rank(p: f64, n: usize) -> usize {
    let h = p * (n - 1) as f64 + 0.5;
    (h as usize).min(n - 1)
}

/// Quantiles of `n` values counted in bins `keys`/`counts` (ascending keys),
/// with extremes `min`, `max` and the given mean.
pub(crate) fn quantiles(
    keys: &[u32],
    counts: &[u32],
    n: usize,
    min: f64,
    max: f64,
    mean: f64,
) -> Quantiles {
    if n == 0 {
        return crate::stats::constant(0.0, 0.0);
    }
    if min == max {
        return crate::stats::constant(min, mean);
    }
    let mut q = [0.0; 7];
    let mut i = 0;
    let mut before = 0usize;
    for (level, out) in QUANTILE_LEVELS.iter().zip(q.iter_mut()) {
        let r = rank(*level, n);
        while i + 1 < keys.len() && before + counts[i] as usize <= r {
            before += counts[i] as usize;
            i += 1;
        }
        *out = representative(keys[i]).clamp(min, max);
    }
    crate::stats::from_levels(q, mean)
}

/// Merges sorted bin lists (keys ascending), adding counts of equal keys.
pub(crate) fn merge_bins(lists: &[(&[u32], &[u32])], keys: &mut Vec<u32>, counts: &mut Vec<u32>) {
    let mut at: Vec<usize> = vec![0; lists.len()];
    loop {
        let mut next = u32::MAX;
        let mut any = false;
        for (l, &i) in lists.iter().zip(&at) {
            if let Some(&k) = l.0.get(i) {
                if !any || k < next {
                    next = k;
                }
                any = true;
            }
        }
        if !any {
            return;
        }
        let mut c = 0u32;
        for (l, i) in lists.iter().zip(at.iter_mut()) {
            if l.0.get(*i) == Some(&next) {
                c += l.1[*i];
                *i += 1;
            }
        }
        keys.push(next);
        counts.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_monotone_and_bins_narrow() {
        let mut s = 7u64;
        let mut v: Vec<f64> = (0..20_000)
            .map(|i| {
                let u = (crate::rng::splitmix64(&mut s) >> 11) as f64 / 9e15;
                match i % 4 {
                    0 => u * 1e7,
                    1 => -u * 3.0,
                    2 => u * 1e-15,
                    _ => 0.0,
                }
            })
            .collect();
        v.push(-0.0);
        v.push(f64::MAX);
        v.push(-1e30);
        v.push(3e19);
        v.sort_by(f64::total_cmp);
        for w in v.windows(2) {
            assert!(key(w[0]) <= key(w[1]), "{} {}", w[0], w[1]);
        }
        for &x in &v {
            let r = representative(key(x));
            if x.abs() < 1e-12 {
                assert_eq!(r, 0.0);
            } else if x.abs() < 1.8e19 {
                assert!((r - x).abs() <= x.abs() / 256.0 * 1.0001, "{x} {r}");
            }
        }
    }

    #[test]
    fn column_lists_every_value_in_order_and_sums_exactly() {
        let mut b = Histogram::default();
        let v = [3.0, 0.0, -2.0, 3.0, 1e-20, 5e6, 0.25];
        let (mut keys, mut counts) = (Vec::new(), Vec::new());
        let st = b.column(&v, MONEY_SCALE, &mut keys, &mut counts);
        assert_eq!(counts.iter().sum::<u32>(), 7);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert_eq!((st.min, st.max), (-2.0, 5e6));
        assert_eq!(st.sum, ((5e6 + 4.25) * MONEY_SCALE) as i128);
        assert!(b.counts.iter().all(|&c| c == 0), "dense counts left clean");
        let q = quantiles(&keys, &counts, 7, st.min, st.max, 0.0);
        assert_eq!(q.p5, -2.0);
        assert!(
            q.p50 >= 0.25 && q.p50 <= 0.25 * (1.0 + 1.0 / 256.0),
            "{q:?}"
        );
        assert!(q.p95 <= 5e6 && q.p95 >= 5e6 * (1.0 - 1.0 / 256.0), "{q:?}");
    }

    #[test]
    fn merged_bins_equal_bins_of_the_whole() {
        let mut s = 3u64;
        let v: Vec<f64> = (0..5_000)
            .map(|_| (crate::rng::splitmix64(&mut s) >> 40) as f64 - 4e6)
            .collect();
        let mut b = Histogram::default();
        let (mut wk, mut wc) = (Vec::new(), Vec::new());
        b.column(&v, 1.0, &mut wk, &mut wc);
        let parts: Vec<(Vec<u32>, Vec<u32>)> = [0..1000, 1000..1001, 1001..5000]
            .into_iter()
            .map(|r| {
                let (mut k, mut c) = (Vec::new(), Vec::new());
                b.column(&v[r], 1.0, &mut k, &mut c);
                (k, c)
            })
            .collect();
        let lists: Vec<(&[u32], &[u32])> = parts
            .iter()
            .map(|(k, c)| (k.as_slice(), c.as_slice()))
            .collect();
        let (mut mk, mut mc) = (Vec::new(), Vec::new());
        merge_bins(&lists, &mut mk, &mut mc);
        assert_eq!((mk, mc), (wk, wc));
    }
}
