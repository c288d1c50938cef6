//! Pure axis maths, apart from any drawing: nice tick steps and bounds,
//! month and year ticks, sane ranges, and finite extents. Every chart's
//! axes come from here; `common.rs` draws them.

use crate::format::{money_tick, number_tick, percent_tick};

/// How tick labels on an axis are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Money,
    Percent,
    Number,
}

impl Format {
    pub fn label(self, v: f64) -> String {
        match self {
            Format::Money => money_tick(v),
            Format::Percent => percent_tick(v),
            Format::Number => number_tick(v),
        }
    }
}

/// One axis: range, tick positions, label format and title.
#[derive(Clone, Debug)]
pub(crate) struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
    pub format: Format,
    pub desc: String,
}

/// A "nice" tick step (1, 2, 2.5 or 5 times a power of ten) giving at most
/// `max_ticks` intervals over `span`.
pub(crate) fn nice_step(span: f64, max_ticks: usize) -> f64 {
    let raw = span / max_ticks.max(1) as f64;
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    for mult in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if mult * mag >= raw * (1.0 - 1e-9) {
            return mult * mag;
        }
    }
    10.0 * mag
}

/// Make a value range usable: finite, ordered, and not flat.
pub(crate) fn sane_range(min: f64, max: f64) -> (f64, f64) {
    let (mut lo, mut hi) = match (min.is_finite(), max.is_finite()) {
        (true, true) => (min.min(max), min.max(max)),
        (true, false) => (min, min),
        (false, true) => (max, max),
        (false, false) => (0.0, 1.0),
    };
    if hi - lo <= 1e-9 * lo.abs().max(hi.abs()).max(1e-12) {
        let pad = if lo.abs() > 0.0 { lo.abs() * 0.1 } else { 1.0 };
        if lo >= 0.0 && lo - pad < 0.0 {
            // Keep a non-negative quantity non-negative.
            hi = lo + pad;
            lo = 0.0_f64.min(lo);
        } else {
            lo -= pad;
            hi += pad;
        }
    }
    (lo, hi)
}

/// Expand `min..max` to nice bounds with nice ticks (at most `max_ticks`
/// intervals). With `integer`, the step is at least 1.
pub(crate) fn nice_axis(
    min: f64,
    max: f64,
    max_ticks: usize,
    integer: bool,
) -> (f64, f64, Vec<f64>) {
    let (min, max) = sane_range(min, max);
    let mut step = nice_step(max - min, max_ticks);
    if integer {
        step = step.max(1.0).round();
    }
    let lo_i = (min / step + 1e-9).floor();
    let hi_i = (max / step - 1e-9).ceil().max(lo_i + 1.0);
    let ticks: Vec<f64> = (0..=((hi_i - lo_i) as i64).min(200))
        .map(|k| clean_zero((lo_i + k as f64) * step))
        .collect();
    (lo_i * step, hi_i * step, ticks)
}

/// Nice ticks inside a fixed range (the range is not widened).
pub(crate) fn ticks_within(lo: f64, hi: f64, max_ticks: usize) -> Vec<f64> {
    let step = nice_step(hi - lo, max_ticks);
    let first = (lo / step - 1e-9).ceil();
    let last = (hi / step + 1e-9).floor();
    if !(first.is_finite() && last.is_finite()) || last < first {
        return Vec::new();
    }
    (0..=((last - first) as i64).min(200))
        .map(|k| clean_zero((first + k as f64) * step))
        .collect()
}

fn clean_zero(v: f64) -> f64 {
    if v.abs() < 1e-12 {
        0.0
    } else {
        v
    }
}

/// Ticks for an axis of `n` whole units (months or years) at multiples of
/// the smallest step from `steps` that leaves at most `max_ticks` ticks.
pub(crate) fn unit_ticks(n: usize, max_ticks: usize, steps: &[usize]) -> Vec<f64> {
    let n = n.max(1);
    let max_ticks = max_ticks.max(1);
    let step = steps
        .iter()
        .copied()
        .find(|&s| n / s <= max_ticks)
        .unwrap_or_else(|| n.div_ceil(max_ticks));
    let mut t: Vec<f64> = (1..=n / step).map(|k| (k * step) as f64).collect();
    if t.is_empty() {
        t.push(1.0);
    }
    t
}

/// The x axis of a monthly chart: months 1..=n, each centred in its cell,
/// ticked every 12 months (or 24, 36, 60...) once the horizon is three
/// years or more, finer for short horizons; at most `max_ticks` ticks.
pub(crate) fn month_axis(n: usize, max_ticks: usize) -> Axis {
    let steps: &[usize] = if n >= 36 {
        &[12, 24, 36, 60, 120, 240]
    } else {
        &[1, 2, 3, 6, 12, 24]
    };
    Axis {
        lo: 0.5,
        hi: n as f64 + 0.5,
        ticks: unit_ticks(n, max_ticks, steps),
        format: Format::Number,
        desc: "Month".to_string(),
    }
}

/// A finite value clamped into `lo..=hi`; anything not finite becomes `lo`.
pub(crate) fn clamp_finite(v: f64, lo: f64, hi: f64) -> f64 {
    if v.is_finite() {
        v.clamp(lo, hi)
    } else {
        lo
    }
}

/// x positions for `n` monthly points: month `m` at `x = m`; a single month
/// is drawn across most of its cell so it stays visible.
pub(crate) fn month_xs(n: usize) -> Vec<(f64, usize)> {
    if n == 1 {
        vec![(0.6, 0), (1.4, 0)]
    } else {
        (0..n).map(|i| ((i + 1) as f64, i)).collect()
    }
}

/// Min and max of the finite values, if any.
pub(crate) fn finite_extent(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps_are_one_two_two_and_a_half_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(10.0, 5), 2.0);
        assert_eq!(nice_step(1_000_000.0, 4), 250_000.0);
        assert_eq!(nice_step(0.0, 5), 1.0);
        assert_eq!(nice_step(f64::NAN, 5), 1.0);
    }

    #[test]
    fn nice_axis_covers_the_data_and_starts_on_a_tick() {
        let (lo, hi, ticks) = nice_axis(3.2, 97.0, 5, false);
        assert!(lo <= 3.2 && hi >= 97.0);
        assert_eq!(ticks.first(), Some(&lo));
        assert_eq!(ticks.last(), Some(&hi));
        let (_, _, ticks) = nice_axis(0.0, 3.0, 10, true);
        assert!(ticks.iter().all(|t| t.fract() == 0.0));
    }

    #[test]
    fn flat_and_broken_ranges_become_usable() {
        assert_eq!(sane_range(f64::NAN, f64::NAN), (0.0, 1.0));
        let (lo, hi) = sane_range(5.0, 5.0);
        assert!(lo >= 0.0 && hi > lo);
        assert_eq!(finite_extent([1.0, f64::NAN, -2.0]), Some((-2.0, 1.0)));
        assert_eq!(finite_extent([f64::NAN]), None);
    }

    #[test]
    fn month_ticks_are_yearly_for_long_horizons() {
        assert_eq!(month_axis(60, 10).ticks, vec![12.0, 24.0, 36.0, 48.0, 60.0]);
        assert_eq!(month_axis(12, 12).ticks.len(), 12);
        assert_eq!(ticks_within(0.0, 1.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    }
}
