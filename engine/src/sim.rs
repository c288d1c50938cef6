//! The monthly Monte Carlo simulation.
//!
//! Paths advance in lock-step, one month at a time: each month every path's
//! shared context (children, price indices, random draws) is advanced once,
//! then every option steps every path using those same draws, and the month's
//! quantiles are taken across paths at once. Memory therefore grows with
//! paths x options, never with paths x months.

use crate::input::{OptionInput, Range, Route};
use crate::output::{Estimate, OptionResult, PairResult, Results, SeatState, Summary};
use crate::rng::{
    normal_inverse, triangular_inverse, Stream, STREAM_CONTEXT, STREAM_LEADERSHIP, STREAM_PARAMS,
};
use crate::stats;
use crate::validate::{Scenario, MAX_PATHS};

/// Engine and model version. Bump the model number whenever numbers change.
pub const ENGINE_VERSION: &str =
    concat!("turnaround-engine ", env!("CARGO_PKG_VERSION"), " model 2");

/// Weeks in a month: 52.18 / 12.
pub const WEEKS_PER_MONTH: f64 = 52.18 / 12.0;

/// Monthly flow into plus out of care as a fraction of children looked after
/// (about 0.4 a year each way, DfE SSDA903 starts and ceases): the variance of
/// the monthly net change in children is this times the number of children.
pub const CARE_FLOW_PER_MONTH: f64 = 0.8 / 12.0;

/// Bins in each paired-difference histogram.
pub const HISTOGRAM_BINS: usize = 40;

/// Indices of the per-path parameter uniforms (stream 1). Each uncertain input
/// has its own fixed index, so changing one range never moves another's draw.
mod param {
    pub const PERMANENT_COST_PER_FTE: usize = 0;
    pub const AGENCY_PREMIUM: usize = 1;
    pub const BASE_TURNOVER: usize = 2;
    pub const PAY_INFLATION: usize = 3;
    pub const NET_GROWTH: usize = 4;
    pub const WEEKLY_COST: usize = 5; // 5..=10
    pub const PLACEMENT_INFLATION: usize = 11;
    pub const SEN_COST: usize = 12;
    pub const SEN_GROWTH: usize = 13;
    pub const SEN_INFLATION: usize = 14;
    pub const DCS_PAY: usize = 15;
    pub const INTERIM_RATE: usize = 16;
    pub const INTERIM_STAY: usize = 17;
    pub const TENURE_MEAN: usize = 18;
    pub const PROCUREMENT: usize = 19;
    pub const FIRST_CAMPAIGN_LENGTH: usize = 20;
    pub const FIRST_CAMPAIGN_FEE: usize = 21;
    pub const COUNT: usize = 22;
}

/// Indices of the monthly leadership uniforms (stream 3), all drawn every month.
mod lead {
    pub const INTERIM_LEAVES: usize = 0;
    pub const CAMPAIGN_OUTCOME: usize = 1;
    pub const CAMPAIGN_LENGTH: usize = 2;
    pub const CAMPAIGN_FEE: usize = 3;
    pub const TENURE: usize = 4;
    pub const PARTNER_EXIT: usize = 5;
    pub const PROCUREMENT_OUTCOME: usize = 6;
    pub const HANDOVER: usize = 7;
    pub const COUNT: usize = 8;
}

/// Number of monthly series with quantiles per option.
const SERIES: usize = 10;
const S_TOTAL: usize = 6;
const S_CUMULATIVE: usize = 7;
const S_AGENCY: usize = 8;
const S_STABILITY: usize = 9;

/// One path's shared context: identical in every option.
#[derive(Debug, Clone)]
struct PathContext {
    ctx: Stream,
    lead: Stream,
    // Per-path draws.
    perm_cost_month: f64,
    premium_month: f64,
    turnover: f64,
    pay_growth: f64,
    placement_growth: f64,
    children_growth: f64,
    base_weekly: f64,
    shift_delta_weekly: f64,
    sen_cost_month: f64,
    sen_growth: f64,
    sen_price_growth: f64,
    // Evolving.
    children: f64,
    pay_index: f64,
    placement_index: f64,
    sen_index: f64,
    sen_pupils: f64,
}

/// Per-path uniforms for the option-specific leadership draws (used at set-up).
#[derive(Debug, Clone)]
struct PathUniforms {
    dcs_pay: f64,
    interim_rate: f64,
    interim_stay: f64,
    tenure_mean: f64,
    procurement: f64,
    first_length: f64,
    first_fee: f64,
}

/// One path's draws for one month, shared by every option.
#[derive(Debug, Clone)]
struct Draws {
    z_leavers: f64,
    u: [f64; lead::COUNT],
}

/// An option's fixed settings, precomputed.
#[derive(Debug, Clone)]
struct Plan {
    route: Route,
    leadership_days_factor: f64,
    campaign_months: Range,
    campaign_fee: Range,
    campaign_success: f64,
    weibull_factor: f64,
    inv_shape: f64,
    procurement_failure: f64,
    contract_length: u32,
    contract_fee_month: f64,
    at_risk_value: f64,
    agency_target: f64,
    mix_target: f64,
    exit_hazard: f64,
    replacement_months: f64,
    handover_probability: f64,
    decision_month: u32,
    team: f64,
    recruitment: f64,
    mix_shift: f64,
    travel_training: f64,
}

impl Plan {
    fn new(o: &OptionInput) -> Self {
        let l = &o.leadership;
        let c = &o.contract;
        let length = c.length_months.max(1);
        let exit_hazard = if c.partner_early_exit >= 1.0 {
            1.0
        } else {
            1.0 - libm::pow(1.0 - c.partner_early_exit, 1.0 / length as f64)
        };
        Plan {
            route: o.route,
            leadership_days_factor: l.interim_days_per_year / 12.0,
            campaign_months: l.campaign_months,
            campaign_fee: l.campaign_fee,
            campaign_success: l.campaign_success,
            weibull_factor: 1.0 / libm::tgamma(1.0 + 1.0 / l.tenure_shape),
            inv_shape: 1.0 / l.tenure_shape,
            procurement_failure: c.procurement_failure,
            contract_length: length,
            contract_fee_month: c.value * (1.0 - c.at_risk_share) / length as f64,
            at_risk_value: c.value * c.at_risk_share,
            agency_target: c.agency_share_target,
            mix_target: c.mix_shift_target,
            exit_hazard,
            replacement_months: c.partner_replacement_months,
            handover_probability: c.handover_probability,
            decision_month: length.saturating_sub(c.campaign_lead_months).max(1),
            team: c.team_strength,
            recruitment: o.programmes.recruitment,
            mix_shift: o.programmes.mix_shift,
            travel_training: o.programmes.travel_training,
        }
    }
}

const HANDOVER_UNDECIDED: u8 = 0;
const HANDOVER_YES: u8 = 1;
const HANDOVER_NO: u8 = 2;

/// One option on one path.
#[derive(Debug, Clone)]
struct OptState {
    // Per-path leadership draws.
    dcs_month: f64,
    interim_month: f64,
    interim_hazard: f64,
    tenure_mean: f64,
    // Leadership state.
    seat: SeatState,
    council_pays_interim: bool,
    campaign_on: bool,
    appointee_waiting: bool,
    procuring: bool,
    contract_on: bool,
    in_gap: bool,
    handover: u8,
    contract_month: u32,
    campaign_left: f64,
    tenure_left: f64,
    months_in_post: f64,
    procurement_left: f64,
    gap_left: f64,
    pending_fees: f64,
    // Service state.
    s: f64,
    permanent: f64,
    progress: f64,
    trained: f64,
    // Accumulators.
    by_category: [f64; 6],
    npv: f64,
    year: f64,
    changes: u32,
    stable_run: u32,
    stable_months: u32,
    got24: bool,
}

/// Scenario-wide constants used in the monthly step.
struct Consts {
    establishment: f64,
    interim_target: f64,
    start_level: f64,
    inv_ramp: f64,
    shock: f64,
    alpha: f64,
    churn: f64,
    recruitment_coupling: f64,
    placement_coupling: f64,
    sen_coupling: f64,
    base_fill: f64,
    shift_share: f64,
    inv_target_month: f64,
    training_month: f64,
    cost_per_trainee: f64,
}

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
    plans: Vec<Plan>,
    paths_cx: Vec<PathContext>,
    states: Vec<Vec<OptState>>,
    results: Vec<OptionResult>,
    /// series[option][series][path] for the current month.
    series: Vec<Vec<Vec<f64>>>,
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

        let consts = Consts {
            establishment: cx.workforce.establishment_fte,
            interim_target: cx.stability.interim_target,
            start_level: cx.stability.start_level,
            inv_ramp: if cx.stability.ramp_months > 0.0 {
                1.0 / cx.stability.ramp_months
            } else {
                f64::INFINITY
            },
            shock: cx.stability.shock,
            alpha: 1.0 - libm::exp(-1.0 / cx.stability.time_constant_months),
            churn: cx.stability.churn_coupling,
            recruitment_coupling: cx.stability.recruitment_coupling,
            placement_coupling: cx.stability.placement_coupling,
            sen_coupling: cx.stability.sen_coupling,
            base_fill: cx.workforce.base_fill_rate,
            shift_share: cx.placements.shift.share,
            inv_target_month: 1.0 / cx.placements.shift.target_month.max(1) as f64,
            training_month: cx.sen.training_per_year / 12.0,
            cost_per_trainee: cx.sen.cost_per_trainee,
        };

        // Discount factor at the end of each month. Spend is in cash; the
        // Green Book rate is real, so cash is discounted at the matching
        // nominal rate (1 + r)(1 + general inflation) - 1.
        let nominal = (1.0 + cx.finance.discount_rate) * (1.0 + cx.finance.general_inflation);
        let discount: Vec<f64> = (1..=horizon)
            .map(|t| libm::pow(nominal, -(t as f64) / 12.0))
            .collect();

        // Shared path contexts and each option's per-path state.
        let plans: Vec<Plan> = input.options.iter().map(Plan::new).collect();
        let mut paths_cx: Vec<PathContext> = Vec::with_capacity(n);
        let mut states: Vec<Vec<OptState>> = plans.iter().map(|_| Vec::with_capacity(n)).collect();
        for p in 0..n {
            let (pc, pu) = new_context(&input, seed, p);
            for ((o, plan), st) in input.options.iter().zip(&plans).zip(states.iter_mut()) {
                st.push(new_state(
                    o,
                    plan,
                    &pu,
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
                monthly_by_category: (0..6).map(|_| Vec::with_capacity(horizon)).collect(),
                monthly_total: Vec::with_capacity(horizon),
                cumulative_total: Vec::with_capacity(horizon),
                annual_by_category_mean: Vec::new(),
                annual_overspend: Vec::new(),
                total: empty_summary(),
                total_by_category: Vec::new(),
                npv: empty_summary(),
                overspend: empty_summary(),
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
            series: vec![vec![vec![0.0; n]; SERIES]; n_opt],
            scratch: Vec::with_capacity(n),
            quantiler: stats::Quantiler::default(),
            months_in_year: 0,
            done: 0,
            input,
            n,
            horizon,
            consts,
            discount,
            plans,
            paths_cx,
            states,
            results,
        }
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
        let budget_month = self.input.context.finance.annual_budget / 12.0;
        self.months_in_year += 1;
        let months_in_year = self.months_in_year;
        let year_end = t % 12 == 0 || t == horizon;
        let mut sums = vec![[0.0f64; SERIES]; n_opt];
        let mut seats = vec![[0usize; 3]; n_opt];
        let (plans, consts, discount) = (&self.plans, &self.consts, self.discount[t - 1]);
        // Each path: advance the shared context once, then step every option
        // with the same draws.
        for (p, pc) in self.paths_cx.iter_mut().enumerate() {
            let d = advance_context(pc);
            let pc = &*pc;
            for o in 0..n_opt {
                let s = &mut self.states[o][p];
                let v = step(s, &plans[o], pc, &d, consts, discount);
                let (ser, sum) = (&mut self.series[o], &mut sums[o]);
                for (k, &x) in v.iter().enumerate() {
                    ser[k][p] = x;
                    sum[k] += x;
                }
                seats[o][s.seat.index()] += 1;
            }
        }

        for o in 0..n_opt {
            let st = &mut self.states[o];
            let (sums, seats, series) = (&sums[o], &seats[o], &self.series[o]);
            let r = &mut self.results[o];
            let quantiler = &mut self.quantiler;
            let inv_n = 1.0 / n as f64;
            let mut q = |k: usize| quantiler.quantiles(&series[k], sums[k] * inv_n);
            for k in 0..6 {
                let qk = q(k);
                r.monthly_by_category[k].push(qk);
            }
            r.monthly_total.push(q(S_TOTAL));
            r.cumulative_total.push(q(S_CUMULATIVE));
            r.agency_share.push(q(S_AGENCY));
            r.stability.push(q(S_STABILITY));
            r.seat_probability.push([
                seats[0] as f64 * inv_n,
                seats[1] as f64 * inv_n,
                seats[2] as f64 * inv_n,
            ]);
            if year_end {
                let budget = budget_month * months_in_year as f64;
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
    pub fn finish(mut self) -> Results {
        self.advance(u32::MAX);
        let Run {
            input,
            n,
            horizon,
            states,
            mut results,
            ..
        } = self;
        let cx = &input.context;
        let seed = input.simulation.seed;
        let n_opt = results.len();
        // Horizon summaries.
        let budget_total = cx.finance.annual_budget * horizon as f64 / 12.0;
        let mut tmp = Vec::with_capacity(n);
        let mut totals: Vec<Vec<f64>> = Vec::with_capacity(n_opt);
        let mut changes: Vec<Vec<f64>> = Vec::with_capacity(n_opt);
        for (o, st) in states.iter().enumerate() {
            let r = &mut results[o];
            let total: Vec<f64> = st.iter().map(|s| s.by_category.iter().sum()).collect();
            r.total = stats::summary(&total, &mut tmp);
            r.total_by_category = (0..6)
                .map(|k| {
                    let v: Vec<f64> = st.iter().map(|s| s.by_category[k]).collect();
                    stats::summary(&v, &mut tmp)
                })
                .collect();
            let npv: Vec<f64> = st.iter().map(|s| s.npv).collect();
            r.npv = stats::summary(&npv, &mut tmp);
            let over: Vec<f64> = total.iter().map(|t| t - budget_total).collect();
            r.overspend = stats::summary(&over, &mut tmp);
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
            totals.push(total);
            changes.push(ch);
        }
        drop(states);

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
                pairs.push(PairResult {
                    a,
                    b,
                    difference: stats::summary(&diff, &mut tmp),
                    difference_histogram: stats::histogram(&diff, HISTOGRAM_BINS),
                    p_a_cheaper: stats::proportion(diff.iter().filter(|&&d| d < 0.0).count(), n),
                    p_b_cheaper: stats::proportion(diff.iter().filter(|&&d| d > 0.0).count(), n),
                    break_even_month: break_even(&mean_cum),
                    leadership_changes_difference: stats::estimate(&ch),
                });
            }
        }

        Results {
            engine_version: ENGINE_VERSION.to_string(),
            paths: n as u32,
            horizon_months: horizon as u32,
            seed,
            price_base_year: cx.finance.price_base_year,
            options: results,
            pairs,
        }
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

fn monthly_growth(annual: f64) -> f64 {
    libm::pow(1.0 + annual, 1.0 / 12.0)
}

fn new_context(
    input: &crate::input::ScenarioInput,
    seed: u64,
    p: usize,
) -> (PathContext, PathUniforms) {
    let cx = &input.context;
    let mut params = Stream::new(seed, p as u64, STREAM_PARAMS);
    let u: [f64; param::COUNT] = core::array::from_fn(|_| params.uniform());
    let tri = |r: &Range, i: usize| triangular_inverse(r, u[i]);
    let w = &cx.workforce;
    let pl = &cx.placements;
    let weekly: [f64; 6] =
        core::array::from_fn(|k| tri(&pl.weekly_cost[k], param::WEEKLY_COST + k));
    let base_weekly: f64 = pl.mix.iter().zip(&weekly).map(|(m, c)| m * c).sum();
    let shift_delta_weekly = weekly[pl.shift.to.index()] - weekly[pl.shift.from.index()];
    let pc = PathContext {
        ctx: Stream::new(seed, p as u64, STREAM_CONTEXT),
        lead: Stream::new(seed, p as u64, STREAM_LEADERSHIP),
        perm_cost_month: tri(&w.permanent_cost_per_fte, param::PERMANENT_COST_PER_FTE) / 12.0,
        premium_month: tri(&w.agency_premium_per_fte, param::AGENCY_PREMIUM) / 12.0,
        turnover: tri(&w.base_turnover, param::BASE_TURNOVER),
        pay_growth: monthly_growth(tri(&w.pay_inflation, param::PAY_INFLATION)),
        placement_growth: monthly_growth(tri(&pl.inflation, param::PLACEMENT_INFLATION)),
        children_growth: monthly_growth(tri(&pl.net_growth, param::NET_GROWTH)) - 1.0,
        base_weekly,
        shift_delta_weekly,
        sen_cost_month: tri(&cx.sen.cost_per_pupil, param::SEN_COST) / 12.0,
        sen_growth: monthly_growth(tri(&cx.sen.growth, param::SEN_GROWTH)),
        sen_price_growth: monthly_growth(tri(&cx.sen.inflation, param::SEN_INFLATION)),
        children: pl.children_start,
        pay_index: 1.0,
        placement_index: 1.0,
        sen_index: 1.0,
        sen_pupils: cx.sen.pupils,
    };
    let pu = PathUniforms {
        dcs_pay: u[param::DCS_PAY],
        interim_rate: u[param::INTERIM_RATE],
        interim_stay: u[param::INTERIM_STAY],
        tenure_mean: u[param::TENURE_MEAN],
        procurement: u[param::PROCUREMENT],
        first_length: u[param::FIRST_CAMPAIGN_LENGTH],
        first_fee: u[param::FIRST_CAMPAIGN_FEE],
    };
    (pc, pu)
}

/// Advance a path's shared context by one month and draw the month's uniforms
/// (a fixed number from each stream, whatever happens).
#[inline]
fn advance_context(pc: &mut PathContext) -> Draws {
    let u_leave = pc.ctx.uniform();
    let u_children = pc.ctx.uniform();
    let u: [f64; lead::COUNT] = core::array::from_fn(|_| pc.lead.uniform());
    let z_leavers = normal_inverse(u_leave);
    let z_children = normal_inverse(u_children);
    pc.pay_index *= pc.pay_growth;
    pc.placement_index *= pc.placement_growth;
    pc.sen_index *= pc.sen_price_growth;
    pc.sen_pupils *= pc.sen_growth;
    let c = pc.children;
    pc.children =
        (c + c * pc.children_growth + z_children * (c * CARE_FLOW_PER_MONTH).sqrt()).max(0.0);
    Draws { z_leavers, u }
}

fn new_state(
    o: &OptionInput,
    plan: &Plan,
    pu: &PathUniforms,
    k: &Consts,
    initial_s: f64,
    start_agency: f64,
) -> OptState {
    let l = &o.leadership;
    let stay = triangular_inverse(&l.interim_mean_stay_months, pu.interim_stay);
    let mut s = OptState {
        dcs_month: triangular_inverse(&l.permanent_cost_per_year, pu.dcs_pay) / 12.0,
        interim_month: triangular_inverse(&l.interim_day_rate, pu.interim_rate)
            * plan.leadership_days_factor,
        interim_hazard: 1.0 - libm::exp(-1.0 / stay),
        tenure_mean: triangular_inverse(&l.permanent_mean_tenure_months, pu.tenure_mean),
        seat: SeatState::Interim,
        council_pays_interim: true,
        campaign_on: false,
        appointee_waiting: false,
        procuring: false,
        contract_on: false,
        in_gap: false,
        handover: HANDOVER_UNDECIDED,
        contract_month: 0,
        campaign_left: 0.0,
        tenure_left: 0.0,
        months_in_post: 0.0,
        procurement_left: 0.0,
        gap_left: 0.0,
        pending_fees: 0.0,
        s: initial_s,
        permanent: k.establishment * (1.0 - start_agency),
        progress: 0.0,
        trained: 0.0,
        by_category: [0.0; 6],
        npv: 0.0,
        year: 0.0,
        changes: 0,
        stable_run: 0,
        stable_months: 0,
        got24: false,
    };
    match plan.route {
        Route::Recruit => {
            s.campaign_on = true;
            s.campaign_left = triangular_inverse(&plan.campaign_months, pu.first_length);
            s.pending_fees = triangular_inverse(&plan.campaign_fee, pu.first_fee);
        }
        Route::InSource => {
            s.procuring = true;
            s.procurement_left = triangular_inverse(&o.contract.procurement_months, pu.procurement);
        }
        Route::InterimChain => {}
    }
    s
}

impl OptState {
    fn start_campaign(&mut self, plan: &Plan, u: &[f64; lead::COUNT]) {
        self.campaign_on = true;
        self.campaign_left = triangular_inverse(&plan.campaign_months, u[lead::CAMPAIGN_LENGTH]);
        self.pending_fees += triangular_inverse(&plan.campaign_fee, u[lead::CAMPAIGN_FEE]);
    }

    fn appoint_permanent(&mut self, plan: &Plan, u: &[f64; lead::COUNT]) {
        self.seat = SeatState::Permanent;
        self.council_pays_interim = true;
        self.months_in_post = 0.0;
        self.draw_tenure(plan, u);
    }

    fn draw_tenure(&mut self, plan: &Plan, u: &[f64; lead::COUNT]) {
        let e = -libm::log(u[lead::TENURE]);
        let e = if plan.inv_shape == 1.0 {
            e
        } else {
            libm::pow(e, plan.inv_shape)
        };
        self.tenure_left = self.tenure_mean * plan.weibull_factor * e;
    }

    fn become_interim(&mut self) {
        self.seat = SeatState::Interim;
        self.council_pays_interim = true;
        self.months_in_post = 0.0;
    }
}

/// Leadership events of one month; returns the number of leadership changes
/// and whether the contract ended this month.
#[inline]
fn leadership(s: &mut OptState, plan: &Plan, u: &[f64; lead::COUNT]) -> (u32, bool) {
    let mut changes = 0;
    let mut ended = false;
    let mut appointed = false;
    let mut campaign_started = false;

    // 1. A council-paid interim may leave; a successor interim follows.
    if s.seat == SeatState::Interim
        && s.council_pays_interim
        && u[lead::INTERIM_LEAVES] < s.interim_hazard
    {
        changes += 1;
    }

    // 2. Procurement.
    if s.procuring {
        s.procurement_left -= 1.0;
        if s.procurement_left <= 0.0 {
            s.procuring = false;
            if u[lead::PROCUREMENT_OUTCOME] < plan.procurement_failure {
                // Fall back to the recruit route.
                s.start_campaign(plan, u);
                campaign_started = true;
            } else {
                s.seat = SeatState::Partner;
                s.months_in_post = 0.0;
                s.contract_on = true;
                s.contract_month = 0;
                changes += 1;
                appointed = true;
            }
        }
    }

    // 3. Contract.
    if s.contract_on {
        s.contract_month += 1;
        if s.in_gap {
            s.gap_left -= 1.0;
            if s.gap_left <= 0.0 {
                s.in_gap = false;
                s.seat = SeatState::Partner;
                s.months_in_post = 0.0;
                changes += 1;
                appointed = true;
            }
        } else if s.seat == SeatState::Partner
            && !appointed
            && u[lead::PARTNER_EXIT] < plan.exit_hazard
        {
            changes += 1;
            if plan.replacement_months > 0.0 {
                s.in_gap = true;
                s.gap_left = plan.replacement_months;
                s.seat = SeatState::Interim;
                s.council_pays_interim = false;
                s.months_in_post = 0.0;
            } else {
                s.months_in_post = 0.0;
                appointed = true;
            }
        }
        if s.contract_month == plan.decision_month && s.handover == HANDOVER_UNDECIDED {
            if u[lead::HANDOVER] < plan.handover_probability {
                s.handover = HANDOVER_YES;
            } else {
                s.handover = HANDOVER_NO;
                s.start_campaign(plan, u);
                campaign_started = true;
            }
        }
        if s.contract_month >= plan.contract_length {
            s.contract_on = false;
            ended = true;
            if s.handover == HANDOVER_YES {
                // The partner director stays on as permanent (no change), or a
                // coached successor takes over from gap cover (a change).
                if s.in_gap || s.seat != SeatState::Partner {
                    changes += 1;
                    s.months_in_post = 0.0;
                }
                s.in_gap = false;
                s.seat = SeatState::Permanent;
                s.council_pays_interim = true;
                s.draw_tenure(plan, u);
                appointed = true;
            } else {
                s.in_gap = false;
                if s.appointee_waiting {
                    s.appointee_waiting = false;
                    s.appoint_permanent(plan, u);
                    appointed = true;
                } else {
                    s.become_interim();
                    if !s.campaign_on {
                        s.start_campaign(plan, u);
                        campaign_started = true;
                    }
                }
                changes += 1;
            }
        }
    }

    // 4. Campaign.
    if s.campaign_on && !campaign_started {
        s.campaign_left -= 1.0;
        if s.campaign_left <= 0.0 {
            s.campaign_on = false;
            if u[lead::CAMPAIGN_OUTCOME] < plan.campaign_success {
                if s.contract_on {
                    s.appointee_waiting = true;
                } else {
                    s.appoint_permanent(plan, u);
                    changes += 1;
                    appointed = true;
                }
            } else {
                s.start_campaign(plan, u);
            }
        }
    }

    // 5. Permanent tenure.
    if s.seat == SeatState::Permanent && !appointed {
        s.tenure_left -= 1.0;
        if s.tenure_left <= 0.0 {
            s.become_interim();
            s.start_campaign(plan, u);
            changes += 1;
        }
    }
    (changes, ended)
}

/// One option, one path, one month. Returns the month's series values.
#[inline]
fn step(
    s: &mut OptState,
    plan: &Plan,
    pc: &PathContext,
    d: &Draws,
    k: &Consts,
    discount: f64,
) -> [f64; SERIES] {
    let (changes, contract_ended) = if plan.route == Route::InterimChain {
        (
            u32::from(d.u[lead::INTERIM_LEAVES] < s.interim_hazard),
            false,
        )
    } else {
        leadership(s, plan, &d.u)
    };
    let contract_running = s.contract_on || contract_ended;
    s.changes += changes;

    // Leadership spend (end-of-month seat), campaign fees.
    let mut leadership_spend = s.pending_fees * pc.pay_index;
    s.pending_fees = 0.0;
    match s.seat {
        SeatState::Permanent => leadership_spend += s.dcs_month * pc.pay_index,
        SeatState::Interim if s.council_pays_interim => {
            leadership_spend += s.interim_month * pc.pay_index
        }
        _ => {}
    }

    // Stability.
    let mut st = s.s - k.shock * changes as f64;
    if st < 0.0 {
        st = 0.0;
    }
    let target = match s.seat {
        SeatState::Interim => k.interim_target,
        _ => {
            let ramp = (s.months_in_post * k.inv_ramp).min(1.0);
            k.start_level + (1.0 - k.start_level) * ramp
        }
    };
    st += (target - st) * k.alpha;
    s.s = st;
    let gap = 1.0 - st;
    let team = if contract_running { plan.team } else { 0.0 };
    if s.seat != SeatState::Interim {
        s.months_in_post += 1.0;
    }

    // Workforce.
    let q = ((pc.turnover + k.churn * gap) / 12.0).min(1.0);
    let mean = s.permanent * q;
    let sd = (mean * (1.0 - q)).sqrt();
    let leavers = (mean + d.z_leavers * sd).clamp(0.0, s.permanent);
    let mut perm = s.permanent - leavers;
    let fill =
        (k.base_fill * (1.0 + plan.recruitment + team) * (1.0 - k.recruitment_coupling * gap))
            .clamp(0.0, 1.0);
    perm += (k.establishment - perm) * fill;
    s.permanent = perm;
    let agency = (k.establishment - perm).max(0.0);
    let agency_share = if k.establishment > 0.0 {
        agency / k.establishment
    } else {
        0.0
    };
    let pay = k.establishment * pc.perm_cost_month * pc.pay_index;
    let premium = agency * pc.premium_month * pc.pay_index;

    // Placements.
    let pace = (plan.mix_shift + team) * (1.0 - k.placement_coupling * gap) * k.inv_target_month;
    s.progress = (s.progress + pace).min(1.0);
    let placements = pc.children
        * (pc.base_weekly + k.shift_share * s.progress * pc.shift_delta_weekly)
        * pc.placement_index
        * WEEKS_PER_MONTH;

    // SEN transport.
    let mut trainees =
        k.training_month * (plan.travel_training + team) * (1.0 - k.sen_coupling * gap);
    let remaining = (pc.sen_pupils - s.trained).max(0.0);
    if trainees > remaining {
        trainees = remaining;
    }
    s.trained += trainees;
    let funded = (pc.sen_pupils - s.trained).max(0.0);
    let sen = (funded * pc.sen_cost_month + trainees * k.cost_per_trainee) * pc.sen_index;

    // Contract fees.
    let mut contract = 0.0;
    if contract_running {
        contract = plan.contract_fee_month;
        if contract_ended {
            let met = u32::from(agency_share <= plan.agency_target)
                + u32::from(s.progress >= plan.mix_target);
            contract += plan.at_risk_value * met as f64 / 2.0;
        }
    }

    let cats = [leadership_spend, pay, premium, placements, sen, contract];
    let total: f64 = cats.iter().sum();
    for (a, c) in s.by_category.iter_mut().zip(cats) {
        *a += c;
    }
    s.npv += total * discount;
    s.year += total;
    let cumulative: f64 = s.by_category.iter().sum();

    // Stable months.
    let settled = s.seat != SeatState::Interim;
    if settled {
        s.stable_months += 1;
    }
    if settled && changes == 0 {
        s.stable_run += 1;
        if s.stable_run >= 24 {
            s.got24 = true;
        }
    } else {
        s.stable_run = 0;
    }

    [
        cats[0],
        cats[1],
        cats[2],
        cats[3],
        cats[4],
        cats[5],
        total,
        cumulative,
        agency_share,
        st,
    ]
}
