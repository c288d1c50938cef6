//! The monthly Monte Carlo simulation.
//!
//! Paths advance in lock-step, one month at a time: each month every path's
//! shared context (children, price indices, random draws) is advanced once,
//! then every option steps every path using those same draws, and the month's
//! quantiles are taken across paths at once. Memory therefore grows with
//! paths x options, never with paths x months.

use crate::input::Route;
use crate::output::{
    Category, Column, Estimate, OptionResult, PairResult, PathDraws, Results, Summary,
};
use crate::stats;
use crate::validate::{Scenario, MAX_PATHS};

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
mod service;

use context::{context_draws, Consts, PathContext};
use leadership::{option_draws, Leadership, Plan};
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

/// A simulation that can be advanced a few months at a time, so a caller
/// (the page's web worker) can interleave other work and abandon a run that
/// newer input has made stale. Advancing in any chunk sizes gives exactly the
/// numbers of [`simulate_with_paths`]: the computation is the same, in the
/// same order.
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
    input: crate::input::ScenarioInput,
    n: usize,
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
    results: Vec<OptionResult>,
    /// Each option's monthly series for the current month, one value per path.
    series: Vec<MonthSeries<Vec<f64>>>,
    scratch: Vec<f64>,
    quantiler: stats::Quantiler,
    months_in_year: u32,
    /// Months simulated so far.
    done: usize,
}

impl Run {
    /// Sets up every path's context and each option's state; no month is
    /// simulated yet. `paths` is clamped to 1 to 100,000.
    pub fn new(scenario: &Scenario, paths: u32) -> Run {
        let input = scenario.input().clone();
        let n = paths.clamp(1, MAX_PATHS) as usize;
        let horizon = input.simulation.horizon_months as usize;
        let seed = input.simulation.seed;
        let cx = &input.context;

        let consts = Consts::new(&input);

        // Discount factor at the end of each month. Spend is in cash; the
        // Green Book rate is real, so cash is discounted at the matching
        // nominal rate (1 + r)(1 + general inflation) - 1.
        let nominal = (1.0 + cx.finance.discount_rate) * (1.0 + cx.finance.general_inflation);
        let discount: Vec<f64> = (1..=horizon)
            .map(|t| libm::pow(nominal, -(t as f64) / 12.0))
            .collect();
        // The budget, uprated monthly in cash from the first month.
        let uprating = 1.0 + cx.finance.budget_uprating;
        let budget: Vec<f64> = (0..horizon)
            .map(|t| cx.finance.annual_budget / 12.0 * libm::pow(uprating, t as f64 / 12.0))
            .collect();

        // Shared path contexts and each option's per-path state.
        let plans: Vec<Plan> = input.options.iter().map(Plan::new).collect();
        let mut paths_cx: Vec<PathContext> = Vec::with_capacity(n);
        let mut states: Vec<Vec<OptState>> = plans.iter().map(|_| Vec::with_capacity(n)).collect();
        for p in 0..n {
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
        let results: Vec<OptionResult> = input
            .options
            .iter()
            .map(|o| OptionResult {
                name: o.name.clone(),
                monthly_by_category: Category::ALL
                    .iter()
                    .map(|_| Vec::with_capacity(horizon))
                    .collect(),
                monthly_total: Vec::with_capacity(horizon),
                cumulative_total: Vec::with_capacity(horizon),
                annual_by_category_mean: Vec::new(),
                annual_overspend: Vec::new(),
                total: empty_summary(),
                total_by_category: Vec::new(),
                npv: empty_summary(),
                overspend: empty_summary(),
                route_cost: empty_summary(),
                service_spend: empty_summary(),
                vs_baseline: empty_summary(),
                paid_to_partner: empty_summary(),
                p_paid_above_value: Estimate {
                    mean: 0.0,
                    mcse: 0.0,
                },
                contract_let: Estimate {
                    mean: 0.0,
                    mcse: 0.0,
                },
                children_end: empty_summary(),
                leadership_changes: Estimate {
                    mean: 0.0,
                    mcse: 0.0,
                },
                distinct_holders: Estimate {
                    mean: 0.0,
                    mcse: 0.0,
                },
                stable_share: Estimate {
                    mean: 0.0,
                    mcse: 0.0,
                },
                p_stable_24: Estimate {
                    mean: 0.0,
                    mcse: 0.0,
                },
                seat_probability: Vec::with_capacity(horizon),
                agency_share: Vec::with_capacity(horizon),
                stability: Vec::with_capacity(horizon),
            })
            .collect();

        Run {
            series: (0..n_opt).map(|_| MonthSeries::columns(n)).collect(),
            scratch: Vec::with_capacity(n),
            quantiler: stats::Quantiler::default(),
            months_in_year: 0,
            done: 0,
            input,
            n,
            horizon,
            consts,
            discount,
            budget,
            plans,
            draws: None,
            paths_cx,
            states,
            results,
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
        for p in 0..self.n {
            // The same uniforms the run drew for this path (stream 1 is
            // drawn in full at set-up, so redrawing it is exact).
            let (_, u) = PathContext::new(&self.input, seed, p);
            let mut values: Vec<(String, f64)> = context_draws(&self.input, &u);
            for (i, o) in self.input.options.iter().enumerate() {
                for (name, v) in option_draws(o, &u) {
                    values.push((format!("options[{i}].{name}"), v));
                }
            }
            if p == 0 {
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

    /// Paths in the run.
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
        let n = self.n;
        let horizon = self.horizon;
        let n_opt = self.plans.len();
        self.months_in_year += 1;
        let months_in_year = self.months_in_year;
        let year_end = t % 12 == 0 || t == horizon;
        let mut sums: Vec<MonthSeries<f64>> = vec![MonthSeries::default(); n_opt];
        let mut seats = vec![[0usize; 3]; n_opt];
        let (plans, consts, discount) = (&self.plans, &self.consts, self.discount[t - 1]);
        // Each path: advance the shared context once, then step every option
        // with the same draws.
        for (p, pc) in self.paths_cx.iter_mut().enumerate() {
            let d = pc.advance();
            let pc = &*pc;
            for o in 0..n_opt {
                let s = &mut self.states[o][p];
                let v = s.step(t as u32, &plans[o], pc, &d, consts, discount);
                self.series[o].store(p, &v, &mut sums[o]);
                seats[o][s.lead.seat.index()] += 1;
            }
        }

        for o in 0..n_opt {
            let st = &mut self.states[o];
            let (sums, seats, series) = (&sums[o], &seats[o], &self.series[o]);
            let r = &mut self.results[o];
            let quantiler = &mut self.quantiler;
            let inv_n = 1.0 / n as f64;
            let mut q = |v: &[f64], sum: f64| quantiler.quantiles(v, sum * inv_n);
            for c in Category::ALL {
                let qc = q(series.spend.get(c), *sums.spend.get(c));
                r.monthly_by_category[c.index()].push(qc);
            }
            r.monthly_total.push(q(&series.total, sums.total));
            r.cumulative_total
                .push(q(&series.cumulative, sums.cumulative));
            r.agency_share
                .push(q(&series.agency_share, sums.agency_share));
            r.stability.push(q(&series.stability, sums.stability));
            r.seat_probability.push([
                seats[0] as f64 * inv_n,
                seats[1] as f64 * inv_n,
                seats[2] as f64 * inv_n,
            ]);
            if year_end {
                let budget: f64 = self.budget[t - months_in_year as usize..t].iter().sum();
                let values: Vec<f64> = st
                    .iter_mut()
                    .map(|s| {
                        let y = s.year - budget;
                        s.year = 0.0;
                        y
                    })
                    .collect();
                r.annual_overspend
                    .push(stats::summary(&values, &mut self.scratch));
                // Annual means by category from the monthly means.
                let months = r.monthly_total.len();
                let from = months - months_in_year as usize;
                let mut year = [0.0; 6];
                for (k, y) in year.iter_mut().enumerate() {
                    *y = r.monthly_by_category[k][from..]
                        .iter()
                        .map(|q| q.mean)
                        .sum();
                }
                r.annual_by_category_mean.push(year);
            }
        }
        if year_end {
            self.months_in_year = 0;
        }
    }

    /// Simulates any months left, then the horizon summaries and the paired
    /// comparisons.
    pub fn finish(self) -> Results {
        self.finish_with_draws().0
    }

    /// Like [`Run::finish`], also returning the per-path draws and outcomes.
    /// Inputs are empty unless [`Run::keep_draws`] was called.
    pub fn finish_with_draws(mut self) -> (Results, PathDraws) {
        self.advance(u32::MAX);
        let Run {
            input,
            n,
            horizon,
            states,
            budget,
            draws,
            mut results,
            ..
        } = self;
        let cx = &input.context;
        let seed = input.simulation.seed;
        let n_opt = results.len();
        // Horizon summaries.
        let budget_total: f64 = budget.iter().sum();
        let mut tmp = Vec::with_capacity(n);
        let mut totals: Vec<Vec<f64>> = Vec::with_capacity(n_opt);
        let mut route: Vec<Vec<f64>> = Vec::with_capacity(n_opt);
        let mut changes: Vec<Vec<f64>> = Vec::with_capacity(n_opt);
        let mut let_: Vec<Vec<bool>> = Vec::with_capacity(n_opt);
        let mut outcomes: Vec<Column> = Vec::new();
        let column = |name: String, v: &[f64]| Column {
            name,
            values: v.iter().map(|&x| x as f32).collect(),
        };
        for (o, st) in states.iter().enumerate() {
            let r = &mut results[o];
            let value = input.options[o].contract.value;
            let total: Vec<f64> = st.iter().map(|s| s.spend.total()).collect();
            r.total = stats::summary(&total, &mut tmp);
            r.total_by_category = Category::ALL
                .iter()
                .map(|&c| {
                    let v: Vec<f64> = st.iter().map(|s| *s.spend.get(c)).collect();
                    stats::summary(&v, &mut tmp)
                })
                .collect();
            let npv: Vec<f64> = st.iter().map(|s| s.npv).collect();
            r.npv = stats::summary(&npv, &mut tmp);
            let over: Vec<f64> = total.iter().map(|t| t - budget_total).collect();
            r.overspend = stats::summary(&over, &mut tmp);
            let rc: Vec<f64> = st
                .iter()
                .map(|s| s.spend.leadership + s.spend.contract)
                .collect();
            r.route_cost = stats::summary(&rc, &mut tmp);
            let service: Vec<f64> = st
                .iter()
                .map(|s| {
                    s.spend.social_worker_pay
                        + s.spend.agency_premium
                        + s.spend.placements
                        + s.spend.sen_transport
                })
                .collect();
            r.service_spend = stats::summary(&service, &mut tmp);
            let paid: Vec<f64> = st.iter().map(|s| s.paid_partner).collect();
            r.paid_to_partner = stats::summary(&paid, &mut tmp);
            r.p_paid_above_value = stats::proportion(
                paid.iter().filter(|&&x| x > value * (1.0 + 1e-12)).count(),
                n,
            );
            let lets: Vec<bool> = st.iter().map(|s| s.lead.contract_let).collect();
            r.contract_let = stats::proportion(lets.iter().filter(|&&l| l).count(), n);
            let children: Vec<f64> = st.iter().map(|s| s.children).collect();
            r.children_end = stats::summary(&children, &mut tmp);
            let ch: Vec<f64> = st.iter().map(|s| s.changes as f64).collect();
            r.leadership_changes = stats::estimate(&ch);
            r.distinct_holders = Estimate {
                mean: r.leadership_changes.mean + 1.0,
                mcse: r.leadership_changes.mcse,
            };
            let share: Vec<f64> = st
                .iter()
                .map(|s| s.stable_months as f64 / horizon as f64)
                .collect();
            r.stable_share = stats::estimate(&share);
            r.p_stable_24 = stats::proportion(st.iter().filter(|s| s.got24).count(), n);
            outcomes.push(column(format!("options[{o}].total"), &total));
            outcomes.push(column(format!("options[{o}].route_cost"), &rc));
            outcomes.push(column(format!("options[{o}].paid_to_partner"), &paid));
            let let_f: Vec<f64> = lets.iter().map(|&l| f64::from(u8::from(l))).collect();
            outcomes.push(column(format!("options[{o}].contract_let"), &let_f));
            outcomes.push(column(format!("options[{o}].leadership_changes"), &ch));
            outcomes.push(column(format!("options[{o}].children_end"), &children));
            totals.push(total);
            route.push(rc);
            changes.push(ch);
            let_.push(lets);
        }
        drop(states);

        let baseline = (cx.finance.baseline_option as usize).min(n_opt - 1);
        for o in 0..n_opt {
            let d: Vec<f64> = totals[o]
                .iter()
                .zip(&totals[baseline])
                .map(|(x, y)| x - y)
                .collect();
            results[o].vs_baseline = stats::summary(&d, &mut tmp);
        }

        let mut pairs = Vec::new();
        for a in 0..n_opt {
            for b in a + 1..n_opt {
                let diff: Vec<f64> = totals[a]
                    .iter()
                    .zip(&totals[b])
                    .map(|(x, y)| x - y)
                    .collect();
                let ch: Vec<f64> = changes[a]
                    .iter()
                    .zip(&changes[b])
                    .map(|(x, y)| x - y)
                    .collect();
                let mean_cum: Vec<f64> = results[a]
                    .cumulative_total
                    .iter()
                    .zip(&results[b].cumulative_total)
                    .map(|(x, y)| x.mean - y.mean)
                    .collect();
                // Paths where every in-source option of the pair let its contract.
                let in_source = |o: usize| input.options[o].route == Route::InSource;
                let qualifies =
                    |p: usize| (!in_source(a) || let_[a][p]) && (!in_source(b) || let_[b][p]);
                let (mut m, mut a_less, mut b_less) = (0usize, 0usize, 0usize);
                for (p, &d) in diff.iter().enumerate() {
                    if qualifies(p) {
                        m += 1;
                        a_less += usize::from(d < 0.0);
                        b_less += usize::from(d > 0.0);
                    }
                }
                let route_a_less = route[a]
                    .iter()
                    .zip(&route[b])
                    .filter(|(x, y)| x < y)
                    .count();
                outcomes.push(column(format!("pairs[{a},{b}].difference"), &diff));
                pairs.push(PairResult {
                    a,
                    b,
                    difference: stats::summary(&diff, &mut tmp),
                    difference_histogram: stats::histogram(&diff, HISTOGRAM_BINS),
                    p_a_cheaper: stats::proportion(diff.iter().filter(|&&d| d < 0.0).count(), n),
                    p_b_cheaper: stats::proportion(diff.iter().filter(|&&d| d > 0.0).count(), n),
                    paths_let: m as u32,
                    p_a_cheaper_if_let: (m > 0).then(|| stats::proportion(a_less, m)),
                    p_b_cheaper_if_let: (m > 0).then(|| stats::proportion(b_less, m)),
                    p_a_route_cheaper: stats::proportion(route_a_less, n),
                    break_even_month: break_even(&mean_cum),
                    leadership_changes_difference: stats::estimate(&ch),
                });
            }
        }

        let results = Results {
            engine_version: ENGINE_VERSION.to_string(),
            paths: n as u32,
            horizon_months: horizon as u32,
            seed,
            price_base_year: cx.finance.price_base_year,
            options: results,
            pairs,
        };
        let draws = PathDraws {
            inputs: draws.unwrap_or_default(),
            outcomes,
        };
        (results, draws)
    }
}

fn empty_summary() -> Summary {
    Summary {
        quantiles: stats::constant(0.0, 0.0),
        mcse: 0.0,
        quantile_mcse: [0.0; 7],
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
    let horizon = input.simulation.horizon_months as usize;
    let seed = input.simulation.seed;
    let cx = &input.context;
    let consts = Consts::new(input);
    let nominal = (1.0 + cx.finance.discount_rate) * (1.0 + cx.finance.general_inflation);
    let discount: Vec<f64> = (1..=horizon)
        .map(|t| libm::pow(nominal, -(t as f64) / 12.0))
        .collect();
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
