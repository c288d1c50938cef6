//! The monthly Monte Carlo simulation.
//!
//! Paths advance in lock-step, one month at a time: each month every path's
//! shared context (children, price indices, random draws) is advanced once,
//! then every option steps every path using those same draws, and the month's
//! quantiles are taken across paths at once. Memory therefore grows with
//! paths x options, never with paths x months.

use crate::binned::{Binner, MONEY_SCALE, SHARE_SCALE};
use crate::input::ScenarioInput;
use crate::output::{Category, Column, PathDraws, Results};
use crate::validate::{Scenario, MAX_OPTIONS, MAX_PATHS};

/// Engine and model version. Bump the model number whenever numbers change.
pub const ENGINE_VERSION: &str =
    concat!("turnaround-engine ", env!("CARGO_PKG_VERSION"), " model 3");

/// Weeks in a month: 52.18 / 12.
pub const WEEKS_PER_MONTH: f64 = 52.18 / 12.0;

/// Monthly flow into plus out of care as a fraction of children looked after
/// (about 0.4 a year each way, DfE SSDA903 starts and ceases): the variance of
/// the monthly net change in children is this times the number of children.
pub const CARE_FLOW_PER_MONTH: f64 = 0.8 / 12.0;

/// Bins in each paired-difference histogram.
pub const HISTOGRAM_BINS: usize = 40;

mod context;
mod leadership;
mod partial;
mod service;

use context::{context_draws, Consts, PathContext};
use leadership::{option_draws, Leadership, Plan};
pub use partial::{merge, MergeError, Partial};
use partial::{COUNTS, FINALS, SERIES};
use service::{MonthSeries, OptState};

/// Simulate a validated scenario with its own number of paths.
pub fn simulate(scenario: &Scenario) -> Results {
    simulate_with_paths(scenario, scenario.input().simulation.paths)
}

/// Simulate with `paths` in place of the scenario's own (clamped to 1 to
/// 100,000), e.g. for a fast preview. Path i draws the same numbers whatever
/// the path count, so a preview's paths are the first paths of the full run.
pub fn simulate_with_paths(scenario: &Scenario, paths: u32) -> Results {
    let mut run = Run::new(scenario, paths);
    run.advance(u32::MAX);
    run.finish()
}

/// Like [`simulate_with_paths`], also returning every path's input draws and
/// outcomes ([`PathDraws`]) for sensitivity analysis. The results are
/// identical to [`simulate_with_paths`]'s.
pub fn simulate_with_draws(scenario: &Scenario, paths: u32) -> (Results, PathDraws) {
    let mut run = Run::new(scenario, paths);
    run.keep_draws();
    run.finish_with_draws()
}

/// The budget for each month (uprated in cash from the first month).
fn budget(input: &ScenarioInput) -> Vec<f64> {
    let f = &input.context.finance;
    let uprating = 1.0 + f.budget_uprating;
    (0..input.simulation.horizon_months)
        .map(|t| f.annual_budget / 12.0 * libm::pow(uprating, t as f64 / 12.0))
        .collect()
}

/// Discount factor at the end of each month. Spend is in cash; the Green
/// Book rate is real, so cash is discounted at the matching nominal rate
/// (1 + r)(1 + general inflation) - 1.
fn discount(input: &ScenarioInput) -> Vec<f64> {
    let f = &input.context.finance;
    let nominal = (1.0 + f.discount_rate) * (1.0 + f.general_inflation);
    (1..=input.simulation.horizon_months)
        .map(|t| libm::pow(nominal, -(t as f64) / 12.0))
        .collect()
}

/// A simulation that can be advanced a few months at a time, so a caller
/// (the page's web worker) can interleave other work and abandon a run that
/// newer input has made stale. Advancing in any chunk sizes gives exactly the
/// numbers of [`simulate_with_paths`]: the computation is the same, in the
/// same order.
///
/// A run may cover only a slice of the paths ([`Run::new_slice`]); slices
/// run apart (in several web workers) and [`merge`]d give exactly the whole
/// run's numbers.
///
/// ```
/// use turnaround_engine::{presets, simulate_with_paths, validate, Run};
///
/// let scenario = validate(&presets::preset(presets::PresetId::England2024)).unwrap();
/// let mut run = Run::new(&scenario, 300);
/// while !run.advance(7) {}
/// assert_eq!(run.finish(), simulate_with_paths(&scenario, 300));
/// ```
pub struct Run {
    input: ScenarioInput,
    /// Paths in the slice.
    n: usize,
    /// First path of the slice.
    first: usize,
    horizon: usize,
    consts: Consts,
    discount: Vec<f64>,
    /// Budget for each month (uprated in cash).
    budget: Vec<f64>,
    plans: Vec<Plan>,
    /// Per-path input draws, when kept.
    draws: Option<Vec<Column>>,
    paths_cx: Vec<PathContext>,
    states: Vec<Vec<OptState>>,
    /// Each option's monthly series for the current month, one value per path.
    series: Vec<MonthSeries<Vec<f64>>>,
    binner: Binner,
    /// The monthly summaries so far.
    acc: Partial,
    months_in_year: u32,
    /// Months simulated so far.
    done: usize,
}

impl Run {
    /// Sets up every path's context and each option's state; no month is
    /// simulated yet. `paths` is clamped to 1 to 100,000.
    pub fn new(scenario: &Scenario, paths: u32) -> Run {
        let n = paths.clamp(1, MAX_PATHS);
        Run::new_slice(scenario, n, 0..n)
    }

    /// A run over paths `paths` (a sub-range of `0..total`) of a
    /// `total`-path simulation; end it with [`Run::finish_partial`] and
    /// [`merge`] the slices. Path p draws exactly what it draws in the whole
    /// run. `total` is clamped to 1 to 100,000 and `paths` to `0..total`
    /// (an empty slice is allowed).
    pub fn new_slice(scenario: &Scenario, total: u32, paths: core::ops::Range<u32>) -> Run {
        let input = scenario.input().clone();
        let total = total.clamp(1, MAX_PATHS);
        let end = paths.end.min(total);
        let first = paths.start.min(end);
        let n = (end - first) as usize;
        let horizon = input.simulation.horizon_months as usize;
        let seed = input.simulation.seed;
        let cx = &input.context;

        let consts = Consts::new(&input);
        let discount = discount(&input);
        let budget = budget(&input);

        // Shared path contexts and each option's per-path state.
        let plans: Vec<Plan> = input.options.iter().map(Plan::new).collect();
        let mut paths_cx: Vec<PathContext> = Vec::with_capacity(n);
        let mut states: Vec<Vec<OptState>> = plans.iter().map(|_| Vec::with_capacity(n)).collect();
        for p in first as usize..end as usize {
            let (pc, u) = PathContext::new(&input, seed, p);
            for ((o, plan), st) in input.options.iter().zip(&plans).zip(states.iter_mut()) {
                st.push(OptState::new(
                    o,
                    Leadership::new(o, plan, &u),
                    &u,
                    &consts,
                    cx.stability.initial,
                    cx.workforce.start_agency_share,
                ));
            }
            paths_cx.push(pc);
        }

        let n_opt = plans.len();
        Run {
            series: (0..n_opt).map(|_| MonthSeries::columns(n)).collect(),
            binner: Binner::default(),
            acc: Partial::start(total, first, n as u32, n_opt, horizon),
            months_in_year: 0,
            done: 0,
            input,
            n,
            first: first as usize,
            horizon,
            consts,
            discount,
            budget,
            plans,
            draws: None,
            paths_cx,
            states,
        }
    }

    /// Keep every path's input draws for [`Run::finish_with_draws`]
    /// (about 4 bytes per path per uncertain input). Call before advancing.
    pub fn keep_draws(&mut self) {
        if self.draws.is_some() {
            return;
        }
        let seed = self.input.simulation.seed;
        let mut cols: Vec<Column> = Vec::new();
        for p in self.first..self.first + self.n {
            // The same uniforms the run drew for this path (stream 1 is
            // drawn in full at set-up, so redrawing it is exact).
            let (_, u) = PathContext::new(&self.input, seed, p);
            let mut values: Vec<(String, f64)> = context_draws(&self.input, &u);
            for (i, o) in self.input.options.iter().enumerate() {
                for (name, v) in option_draws(o, &u) {
                    values.push((format!("options[{i}].{name}"), v));
                }
            }
            if p == self.first {
                cols = values
                    .iter()
                    .map(|(name, _)| Column {
                        name: name.clone(),
                        values: Vec::with_capacity(self.n),
                    })
                    .collect();
            }
            for (c, (_, v)) in cols.iter_mut().zip(values) {
                c.values.push(v as f32);
            }
        }
        self.draws = Some(cols);
    }

    /// Months in the run.
    pub fn horizon_months(&self) -> u32 {
        self.horizon as u32
    }

    /// Months simulated so far.
    pub fn months_done(&self) -> u32 {
        self.done as u32
    }

    /// Paths in the run (in the slice, for a slice).
    pub fn paths(&self) -> u32 {
        self.n as u32
    }

    /// Simulates up to `months` more months; returns true once the horizon
    /// is reached.
    pub fn advance(&mut self, months: u32) -> bool {
        let end = self.horizon.min(self.done.saturating_add(months as usize));
        while self.done < end {
            self.done += 1;
            self.month(self.done);
        }
        self.done >= self.horizon
    }

    /// One month `t` (1-based) for every path and option, then its summaries.
    fn month(&mut self, t: usize) {
        let horizon = self.horizon;
        let n_opt = self.plans.len();
        self.months_in_year += 1;
        let months_in_year = self.months_in_year;
        let year_end = t % 12 == 0 || t == horizon;
        let mut seats = [[0u32; 3]; MAX_OPTIONS];
        let (plans, consts, discount) = (&self.plans, &self.consts, self.discount[t - 1]);
        // Each path: advance the shared context once, then step every option
        // with the same draws.
        for (p, pc) in self.paths_cx.iter_mut().enumerate() {
            let d = pc.advance();
            let pc = &*pc;
            for o in 0..n_opt {
                let s = &mut self.states[o][p];
                let v = s.step(t as u32, &plans[o], pc, &d, consts, discount);
                self.series[o].store(p, &v);
                seats[o][s.lead.seat.index()] += 1;
            }
        }

        let acc = &mut self.acc;
        for (o, seats) in seats.iter().enumerate().take(n_opt) {
            acc.seats.extend_from_slice(seats);
            let series = &self.series[o];
            let columns: [(&[f64], f64); SERIES] = [
                (&series.spend.leadership, MONEY_SCALE),
                (&series.spend.social_worker_pay, MONEY_SCALE),
                (&series.spend.agency_premium, MONEY_SCALE),
                (&series.spend.placements, MONEY_SCALE),
                (&series.spend.sen_transport, MONEY_SCALE),
                (&series.spend.contract, MONEY_SCALE),
                (&series.total, 0.0),
                (&series.cumulative, 0.0),
                (&series.agency_share, SHARE_SCALE),
                (&series.stability, SHARE_SCALE),
            ];
            let mut sums = [0i128; SERIES];
            for (i, (values, scale)) in columns.into_iter().enumerate() {
                let st = if scale > 0.0 {
                    self.binner.column::<true>(
                        values,
                        scale,
                        &mut acc.bin_keys,
                        &mut acc.bin_counts,
                    )
                } else {
                    self.binner.column::<false>(
                        values,
                        scale,
                        &mut acc.bin_keys,
                        &mut acc.bin_counts,
                    )
                };
                acc.bin_offsets.push(acc.bin_keys.len() as u32);
                acc.extremes.push(st.min);
                acc.extremes.push(st.max);
                sums[i] = st.sum;
            }
            for s in sums[..6].iter().chain(&sums[8..]) {
                acc.push_sum(*s);
            }
        }
        if year_end {
            let budget: f64 = self.budget[t - months_in_year as usize..t].iter().sum();
            for st in &mut self.states {
                for s in st.iter_mut() {
                    acc.year_overspend.push(s.year - budget);
                    s.year = 0.0;
                }
            }
            self.months_in_year = 0;
        }
    }

    /// Simulates any months left and ends a run made by [`Run::new_slice`]
    /// (or [`Run::new`]): everything [`merge`] needs, nothing more.
    pub fn finish_partial(self) -> Partial {
        self.into_parts().2
    }

    fn into_parts(mut self) -> (ScenarioInput, Option<Vec<Column>>, Partial) {
        self.advance(u32::MAX);
        let Run {
            input,
            n,
            states,
            draws,
            mut acc,
            ..
        } = self;
        let n_opt = states.len();
        acc.finals = Vec::with_capacity(n_opt * FINALS * n);
        acc.counts = Vec::with_capacity(n_opt * COUNTS * n);
        for st in &states {
            for c in Category::ALL {
                acc.finals.extend(st.iter().map(|s| *s.spend.get(c)));
            }
            acc.finals.extend(st.iter().map(|s| s.npv));
            acc.finals.extend(st.iter().map(|s| s.paid_partner));
            acc.finals.extend(st.iter().map(|s| s.children));
            acc.counts.extend(st.iter().map(|s| s.changes));
            acc.counts.extend(st.iter().map(|s| s.stable_months));
            acc.counts.extend(st.iter().map(|s| u32::from(s.got24)));
            acc.counts
                .extend(st.iter().map(|s| u32::from(s.lead.contract_let)));
        }
        (input, draws, acc)
    }

    /// Simulates any months left, then the horizon summaries and the paired
    /// comparisons.
    ///
    /// # Panics
    ///
    /// If the run covers only a slice of the paths: end a slice with
    /// [`Run::finish_partial`] and [`merge`] it with the others.
    pub fn finish(self) -> Results {
        self.finish_with_draws().0
    }

    /// Like [`Run::finish`], also returning the per-path draws and outcomes.
    /// Inputs are empty unless [`Run::keep_draws`] was called.
    ///
    /// # Panics
    ///
    /// If the run covers only a slice of the paths.
    pub fn finish_with_draws(self) -> (Results, PathDraws) {
        let (input, draws, acc) = self.into_parts();
        let whole = partial::merge_parts(&input, vec![acc])
            .expect("finish needs a whole run; end a slice with finish_partial");
        let (results, outcomes) = partial::assemble(&input, &whole, true);
        let draws = PathDraws {
            inputs: draws.unwrap_or_default(),
            outcomes,
        };
        (results, draws)
    }
}

/// First month (1-based) from which `d` keeps its final non-zero sign; `None`
/// if it has that sign throughout or ends at zero.
pub(crate) fn break_even(d: &[f64]) -> Option<u32> {
    let last = *d.last()?;
    if last == 0.0 {
        return None;
    }
    let positive = last > 0.0;
    let keeps = |x: f64| if positive { x > 0.0 } else { x < 0.0 };
    let i = d.iter().rposition(|&x| !keeps(x))?;
    Some(i as u32 + 2)
}

/// Total spend of the options `options` (indices into the scenario's
/// options) on paths `from..to`, written to `out[k][p - from]` for the k-th
/// option listed. Each path is simulated from start to horizon on its own,
/// with no monthly summaries: the arithmetic of every path is the same as in
/// [`Run`] (the same draws in the same order), so the totals are bit for bit
/// those of a full run. Used by [`crate::insight`] for its many reruns.
pub(crate) fn path_totals(
    input: &crate::input::ScenarioInput,
    options: &[usize],
    from: usize,
    to: usize,
    out: &mut [Vec<f64>],
) {
    let seed = input.simulation.seed;
    let cx = &input.context;
    let consts = Consts::new(input);
    let discount = discount(input);
    let plans: Vec<Plan> = options
        .iter()
        .map(|&o| Plan::new(&input.options[o]))
        .collect();
    let mut states: Vec<OptState> = Vec::with_capacity(options.len());
    for p in from..to {
        let (mut pc, u) = PathContext::new(input, seed, p);
        states.clear();
        for (&o, plan) in options.iter().zip(&plans) {
            let oi = &input.options[o];
            states.push(OptState::new(
                oi,
                Leadership::new(oi, plan, &u),
                &u,
                &consts,
                cx.stability.initial,
                cx.workforce.start_agency_share,
            ));
        }
        for (t, &disc) in discount.iter().enumerate() {
            let d = pc.advance();
            for (s, plan) in states.iter_mut().zip(&plans) {
                s.step(t as u32 + 1, plan, &pc, &d, &consts, disc);
            }
        }
        for (k, s) in states.iter().enumerate() {
            out[k][p - from] = s.spend.total();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{preset, PresetId};

    /// The binned monthly quantiles are within half a bin (2^-8 of the
    /// magnitude, 0.39%) of the exact order statistics of the same paths,
    /// and the exact fixed-point means within 1e-9 of the f64 means: checked
    /// month by month, series by series, on both presets.
    #[test]
    fn binned_monthly_quantiles_match_exact_order_statistics() {
        for id in PresetId::ALL {
            let mut input = preset(id);
            input.simulation.horizon_months = 36;
            let scenario = crate::validate(&input).unwrap();
            let mut run = Run::new(&scenario, 3_000);
            let n = run.n;
            let mut worst = 0.0f64;
            for t in 0..36 {
                run.advance(1);
                for o in 0..run.plans.len() {
                    let s = &run.series[o];
                    let cols: [&[f64]; SERIES] = [
                        &s.spend.leadership,
                        &s.spend.social_worker_pay,
                        &s.spend.agency_premium,
                        &s.spend.placements,
                        &s.spend.sen_transport,
                        &s.spend.contract,
                        &s.total,
                        &s.cumulative,
                        &s.agency_share,
                        &s.stability,
                    ];
                    for (i, col) in cols.iter().enumerate() {
                        let j = (t * run.plans.len() + o) * SERIES + i;
                        let acc = &run.acc;
                        let (a, b) = (acc.bin_offsets[j] as usize, acc.bin_offsets[j + 1] as usize);
                        let got = crate::binned::quantiles(
                            &acc.bin_keys[a..b],
                            &acc.bin_counts[a..b],
                            n,
                            acc.extremes[2 * j],
                            acc.extremes[2 * j + 1],
                            0.0,
                        );
                        let want = crate::stats::quantiles_in_place(&mut col.to_vec(), 0.0);
                        for (g, w) in got.levels().iter().zip(want.levels()) {
                            let err = (g - w).abs();
                            assert!(
                                err <= w.abs() / 256.0 * (1.0 + 1e-6) + 1e-12,
                                "{} month {} option {o} series {i}: {g} vs {w}",
                                id.label(),
                                t + 1
                            );
                            if w.abs() > 1e-9 {
                                worst = worst.max(err / w.abs());
                            }
                        }
                    }
                }
            }
            assert!(worst > 0.0 && worst <= 1.0 / 256.0, "worst {worst}");
            println!("{}: worst relative error {worst:.2e}", id.label());
        }
    }

    /// The monthly means from exact fixed-point sums match the plain f64
    /// sums of the same values to 1e-9 (relative).
    #[test]
    fn exact_monthly_means_match_f64_means() {
        let scenario = crate::validate(&preset(PresetId::England2024)).unwrap();
        let mut run = Run::new(&scenario, 2_000);
        let mut plain: Vec<[f64; 4]> = Vec::new();
        while !run.advance(1) {
            let s = &run.series[1];
            let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
            plain.push([
                mean(&s.spend.placements),
                mean(&s.total),
                mean(&s.cumulative),
                mean(&s.stability),
            ]);
        }
        let s = &run.series[1];
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        plain.push([
            mean(&s.spend.placements),
            mean(&s.total),
            mean(&s.cumulative),
            mean(&s.stability),
        ]);
        let r = run.finish();
        let o = &r.options[1];
        for (t, want) in plain.iter().enumerate() {
            let got = [
                o.monthly_by_category[Category::Placements.index()][t].mean,
                o.monthly_total[t].mean,
                o.cumulative_total[t].mean,
                o.stability[t].mean,
            ];
            for (g, w) in got.iter().zip(want) {
                assert!((g - w).abs() <= w.abs() * 1e-9, "month {t}: {g} vs {w}");
            }
        }
    }
}
