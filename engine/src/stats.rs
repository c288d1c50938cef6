//! Quantiles, means and Monte Carlo standard errors.

use crate::output::{Estimate, Histogram, Quantiles, Summary, QUANTILE_LEVELS};

/// Zero-based order-statistic index for level `p` among `n` values.
#[inline]
fn rank(p: f64, n: usize) -> usize {
    let h = p * (n - 1) as f64 + 0.5;
    (h as usize).min(n - 1)
}

/// Quantiles of `values` (reordered in place), with the given mean.
///
/// Uses selection, not a full sort: the median first, then each outer level
/// within the part already known to hold it.
pub(crate) fn quantiles_in_place(values: &mut [f64], mean: f64) -> Quantiles {
    let n = values.len();
    if n == 0 {
        return constant(0.0, 0.0);
    }
    // Constant series (common: contract fees, zero categories) need no selection.
    let first = values[0];
    if values.iter().all(|&v| v == first) {
        return constant(first, mean);
    }
    let r: [usize; 7] = core::array::from_fn(|i| rank(QUANTILE_LEVELS[i], n));
    let mut q = [0.0; 7];
    // Median on the whole slice.
    q[3] = *values.select_nth_unstable_by(r[3], f64::total_cmp).1;
    // Lower levels: each within [0, previous rank).
    let mut hi = r[3];
    for i in (0..3).rev() {
        if r[i] == hi {
            q[i] = values[hi];
        } else {
            q[i] = *values[..hi].select_nth_unstable_by(r[i], f64::total_cmp).1;
        }
        hi = r[i];
    }
    // Upper levels: each within (previous rank, n).
    let mut lo = r[3];
    for i in 4..7 {
        if r[i] == lo {
            q[i] = values[lo];
        } else {
            q[i] = *values[lo + 1..]
                .select_nth_unstable_by(r[i] - lo - 1, f64::total_cmp)
                .1;
        }
        lo = r[i];
    }
    from_levels(q, mean)
}

/// Every quantile equal to `v`, with the given mean.
pub(crate) fn constant(v: f64, mean: f64) -> Quantiles {
    from_levels([v; 7], mean)
}

/// Quantiles from values at the seven `QUANTILE_LEVELS`, in order.
pub(crate) fn from_levels(q: [f64; 7], mean: f64) -> Quantiles {
    Quantiles {
        p5: q[0],
        p10: q[1],
        p25: q[2],
        p50: q[3],
        p75: q[4],
        p90: q[5],
        p95: q[6],
        mean,
    }
}

/// Mean and Monte Carlo standard error of `values`.
pub(crate) fn estimate(values: &[f64]) -> Estimate {
    let n = values.len();
    if n == 0 {
        return Estimate {
            mean: 0.0,
            mcse: 0.0,
        };
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    if n < 2 {
        return Estimate { mean, mcse: 0.0 };
    }
    let ss: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    let sd = (ss / (n - 1) as f64).sqrt();
    Estimate {
        mean,
        mcse: sd / (n as f64).sqrt(),
    }
}

/// Estimate of a probability from a count of successes.
pub(crate) fn proportion(successes: usize, n: usize) -> Estimate {
    if n == 0 {
        return Estimate {
            mean: 0.0,
            mcse: 0.0,
        };
    }
    let p = successes as f64 / n as f64;
    Estimate {
        mean: p,
        mcse: (p * (1.0 - p) / n as f64).sqrt(),
    }
}

/// Summary of `values`; `scratch` is overwritten.
pub(crate) fn summary(values: &[f64], scratch: &mut Vec<f64>) -> Summary {
    let e = estimate(values);
    scratch.clear();
    scratch.extend_from_slice(values);
    let quantiles = quantiles_in_place(scratch, e.mean);
    let n = scratch.len();
    let mut quantile_mcse = [0.0; 7];
    if n >= 2 {
        // Selection left the values partitioned at the quantiles' ranks, so
        // each further order statistic is found within one segment.
        let mut cuts: Vec<usize> = QUANTILE_LEVELS.iter().map(|&p| rank(p, n)).collect();
        for (e, &p) in quantile_mcse.iter_mut().zip(&QUANTILE_LEVELS) {
            let (lo, hi) = interval_ranks(n, p);
            let low = order_statistic(scratch, lo, &mut cuts);
            let high = order_statistic(scratch, hi, &mut cuts);
            *e = (high - low) / (2.0 * 1.96);
        }
    }
    Summary {
        quantiles,
        mcse: e.mcse,
        quantile_mcse,
    }
}

/// The order statistic at zero-based `r` of `values`, which are known to be
/// partitioned at each index in `cuts` (sorted): every value before a cut is
/// no greater than the value at it, every value after no smaller. Selects
/// only between the nearest cuts, then records `r` as a new cut.
fn order_statistic(values: &mut [f64], r: usize, cuts: &mut Vec<usize>) -> f64 {
    match cuts.binary_search(&r) {
        Ok(_) => values[r],
        Err(at) => {
            let start = if at == 0 { 0 } else { cuts[at - 1] + 1 };
            let end = cuts.get(at).copied().unwrap_or(values.len());
            let v = *values[start..end]
                .select_nth_unstable_by(r - start, f64::total_cmp)
                .1;
            cuts.insert(at, r);
            v
        }
    }
}

/// Ranks of the order statistics bounding the distribution-free 95% interval
/// for the quantile at level `p` of `n` values: n p -/+ 1.96 sqrt(n p (1 - p)).
fn interval_ranks(n: usize, p: f64) -> (usize, usize) {
    let centre = p * n as f64;
    let half = 1.96 * (n as f64 * p * (1.0 - p)).sqrt();
    let last = (n - 1) as f64;
    (
        (centre - half).floor().clamp(0.0, last) as usize,
        (centre + half).ceil().clamp(0.0, last) as usize,
    )
}

/// Standard error of the quantile at level `p` of `values` (reordered in
/// place): the spread of its 95% interval's order statistics / (2 x 1.96).
#[cfg(test)]
fn quantile_mcse(values: &mut [f64], p: f64) -> f64 {
    let n = values.len();
    if n < 2 {
        return 0.0;
    }
    let (lo, hi) = interval_ranks(n, p);
    let mut cuts = Vec::new();
    let low = order_statistic(values, lo, &mut cuts);
    let high = order_statistic(values, hi, &mut cuts);
    (high - low) / (2.0 * 1.96)
}

/// Histogram of `values` with `bins` equal-width bins from min to max.
pub(crate) fn histogram(values: &[f64], bins: usize) -> Histogram {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for &v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if values.is_empty() {
        lo = 0.0;
        hi = 0.0;
    }
    if hi <= lo {
        let c = lo;
        lo = c - 0.5;
        hi = c + 0.5;
    }
    let width = (hi - lo) / bins as f64;
    let edges: Vec<f64> = (0..=bins)
        .map(|i| if i == bins { hi } else { lo + width * i as f64 })
        .collect();
    let mut counts = vec![0u32; bins];
    for &v in values {
        let i = (((v - lo) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    Histogram { edges, counts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_match_sorted_order_statistics() {
        let mut s = 12345u64;
        for n in [1usize, 2, 3, 7, 20, 101, 1000] {
            let mut v: Vec<f64> = (0..n)
                .map(|_| (crate::rng::splitmix64(&mut s) >> 11) as f64)
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            let q = quantiles_in_place(&mut v, 0.0);
            for (i, &p) in QUANTILE_LEVELS.iter().enumerate() {
                assert_eq!(q.levels()[i], sorted[rank(p, n)], "n={n} p={p}");
            }
        }
    }

    #[test]
    fn histogram_counts_everything() {
        let v: Vec<f64> = (0..100).map(|i| i as f64).collect();
        let h = histogram(&v, 40);
        assert_eq!(h.edges.len(), 41);
        assert_eq!(h.counts.iter().sum::<u32>(), 100);
        let h = histogram(&[3.0; 10], 40);
        assert_eq!(h.counts.iter().sum::<u32>(), 10);
    }
}

#[cfg(test)]
mod quantile_error_tests {
    use super::*;

    #[test]
    fn quantile_error_shrinks_with_more_paths_and_is_zero_for_constants() {
        // Evenly spread values on [0, 1): the p-quantile's error is about
        // sqrt(p (1 - p) / n).
        let even = |n: usize| (0..n).map(|i| i as f64 / n as f64).collect::<Vec<_>>();
        let (small, large) = (
            quantile_mcse(&mut even(1_000), 0.5),
            quantile_mcse(&mut even(100_000), 0.5),
        );
        assert!((small - 0.5 / (1_000f64).sqrt()).abs() < 0.002, "{small}");
        assert!(
            (large - 0.5 / (100_000f64).sqrt()).abs() < 0.0002,
            "{large}"
        );
        assert_eq!(quantile_mcse(&mut [3.0; 50], 0.9), 0.0);
        // Selection gives what a full sort gives.
        let mut shuffled: Vec<f64> = (0..5_000).map(|i| ((i * 7_919) % 5_000) as f64).collect();
        let (lo, hi) = interval_ranks(5_000, 0.9);
        assert_eq!(
            quantile_mcse(&mut shuffled, 0.9),
            (hi - lo) as f64 / (2.0 * 1.96)
        );
        let mut scratch = Vec::new();
        let s = summary(&even(10_000), &mut scratch);
        assert!(s.quantile_mcse.iter().all(|e| *e > 0.0 && *e < 0.01));
        assert_eq!(s.p10_p50_p90_mcse()[1], s.quantile_mcse[3]);
        // Segment-wise selection gives exactly what selection on a fresh
        // copy gives, level by level.
        let shuffled: Vec<f64> = (0..10_000)
            .map(|i| ((i * 7_919) % 10_000) as f64 * 0.37)
            .collect();
        let s = summary(&shuffled, &mut scratch);
        for (i, &p) in QUANTILE_LEVELS.iter().enumerate() {
            assert_eq!(
                s.quantile_mcse[i],
                quantile_mcse(&mut shuffled.clone(), p),
                "level {p}"
            );
        }
    }
}
