//! The monthly Monte Carlo simulation.
//!
//! Paths advance in lock-step, one month at a time: each month every path's
//! shared context (children, price indices, random draws) is advanced once,
//! then every option steps every path using those same draws, and the month's
//! quantiles are taken across paths at once. Memory therefore grows with
//! paths x options, never with paths x months.

use crate::binned::{Histogram, Window, MONEY_SCALE, SHARE_SCALE};
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

/// Paths simulated together through every month: their states stay in
/// cache from one month to the next, and the services' step runs across
/// them, several at a time ([`service::ServiceLanes`]).
pub(crate) const BLOCK: usize = 256;

/// One value per path of a block.
pub(crate) type Lanes = [f64; BLOCK];

/// Every lane zero.
pub(crate) const ZERO_LANES: Lanes = [0.0; BLOCK];

/// Bins in each paired-difference histogram.
pub const HISTOGRAM_BINS: usize = 40;

mod context;
mod lanes;
mod leadership;
mod partial;
mod service;

use context::{context_draws, Consts, ContextLanes, MonthDraws, PathContext};
use leadership::{option_draws, EventLanes, Leadership, Plan};
pub use partial::{merge, MergeError, Partial};
use partial::{COUNTS, FINALS, SERIES};
use service::ServiceLanes;

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

/// Every path's input draws for paths `paths` (the [`PathDraws`] inputs).
fn input_draws(input: &ScenarioInput, paths: core::ops::Range<usize>) -> Vec<Column> {
    let seed = input.simulation.seed;
    let mut cols: Vec<Column> = Vec::new();
    let first = paths.start;
    for p in paths.clone() {
        // The same uniforms the run drew for this path (stream 1 is
        // drawn in full at set-up, so redrawing it is exact).
        let (_, u) = PathContext::new(input, seed, p);
        let context = context_draws(input, &u);
        let options: Vec<_> = input.options.iter().map(|o| option_draws(o, &u)).collect();
        if p == first {
            // The column names, once (not for every path).
            let column = |name: String| Column {
                name,
                values: Vec::with_capacity(paths.len()),
            };
            cols = context
                .iter()
                .map(|(name, _)| column(name.to_string()))
                .chain(options.iter().enumerate().flat_map(|(i, draws)| {
                    draws
                        .iter()
                        .map(move |(name, _)| column(format!("options[{i}].{name}")))
                }))
                .collect();
        }
        let values = context
            .iter()
            .chain(options.iter().flatten())
            .map(|&(_, v)| v);
        for (c, v) in cols.iter_mut().zip(values) {
            c.values.push(v as f32);
        }
    }
    cols
}

/// Like [`merge`], also returning every path's input draws and outcomes,
/// exactly as [`simulate_with_draws`] gives them for the whole run (the
/// draws are redrawn here, so slices need not carry them).
pub fn merge_with_draws(
    scenario: &Scenario,
    parts: Vec<Partial>,
) -> Result<(Results, PathDraws), MergeError> {
    let input = scenario.input();
    let whole = partial::merge_parts(input, parts)?;
    let (results, outcomes) = partial::assemble(input, &whole, true);
    let inputs = input_draws(input, 0..whole.paths as usize);
    Ok((results, PathDraws { inputs, outcomes }))
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
    plans: Vec<Plan>,
    /// Per-path input draws, when kept.
    draws: Option<Vec<Column>>,
    paths_cx: Vec<PathContext>,
    /// Each option's leadership, `[option][path]`.
    leads: Vec<Vec<Leadership>>,
    /// Each option's services, `[option][block]`.
    services: Vec<Vec<ServiceLanes>>,
    /// The block-month's shared context.
    cx_lanes: Box<ContextLanes>,
    /// An option's leadership events in the block-month.
    ev_lanes: Box<EventLanes>,
    /// Bins of one series' block-month in hand.
    hist: Histogram,
    /// The block-month's series values, `[option][series][path in block]`.
    block: Vec<f64>,
    /// Bins so far, `[month][option][series]`.
    windows: Vec<Window>,
    /// Extremes so far, `[month][option][series][min, max]`.
    extremes: Vec<f64>,
    /// Exact sums so far, `[month][option][series]`.
    sums: Vec<i128>,
    /// Seat counts so far, `[month][option][seat]`.
    seats: Vec<u32>,
    /// Each year's spend minus budget, `[year][option][path]`.
    year_overspend: Vec<f64>,
    /// Budget of each year.
    year_budget: Vec<f64>,
    /// Every path's monthly series, `[month][option][series][path]`, when
    /// recorded (tests).
    #[cfg(test)]
    columns: Option<Vec<Vec<Vec<Vec<f64>>>>>,
    /// The partial being built (its monthly parts are filled at the end).
    acc: Partial,
    /// Blocks of [`BLOCK`] paths.
    blocks: usize,
    /// Block-months simulated so far (each block runs through every month
    /// before the next starts).
    units: usize,
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
        let blocks = n.div_ceil(BLOCK);
        let mut paths_cx: Vec<PathContext> = Vec::with_capacity(n);
        let mut leads: Vec<Vec<Leadership>> = plans.iter().map(|_| Vec::with_capacity(n)).collect();
        let mut services: Vec<Vec<ServiceLanes>> = plans
            .iter()
            .map(|_| (0..blocks).map(|_| ServiceLanes::new()).collect())
            .collect();
        for (j, p) in (first as usize..end as usize).enumerate() {
            let (pc, u) = PathContext::new(&input, seed, p);
            for (o, (oi, plan)) in input.options.iter().zip(&plans).enumerate() {
                let lanes = &mut services[o][j / BLOCK];
                start_option(oi, plan, &u, &consts, cx, &mut leads[o], lanes, j % BLOCK);
            }
            paths_cx.push(pc);
        }

        let n_opt = plans.len();
        Run {
            hist: Histogram::default(),
            block: vec![0.0; n_opt * SERIES * BLOCK],
            windows: vec![Window::default(); horizon * n_opt * SERIES],
            extremes: [f64::INFINITY, f64::NEG_INFINITY].repeat(horizon * n_opt * SERIES),
            sums: vec![0; horizon * n_opt * SERIES],
            seats: vec![0; horizon * n_opt * 3],
            year_overspend: vec![0.0; horizon.div_ceil(12) * n_opt * n],
            year_budget: (0..horizon.div_ceil(12))
                .map(|y| budget[y * 12..((y + 1) * 12).min(horizon)].iter().sum())
                .collect(),
            #[cfg(test)]
            columns: None,
            acc: Partial::start(total, first, n as u32, n_opt, horizon),
            blocks,
            units: 0,
            input,
            n,
            first: first as usize,
            horizon,
            consts,
            discount,
            plans,
            draws: None,
            paths_cx,
            leads,
            services,
            cx_lanes: ContextLanes::new(),
            ev_lanes: EventLanes::new(),
        }
    }

    /// Keep every path's input draws for [`Run::finish_with_draws`]
    /// (about 4 bytes per path per uncertain input). Call before advancing.
    pub fn keep_draws(&mut self) {
        if self.draws.is_none() {
            self.draws = Some(input_draws(&self.input, self.first..self.first + self.n));
        }
    }

    /// Months in the run.
    pub fn horizon_months(&self) -> u32 {
        self.horizon as u32
    }

    /// Months' worth of work done so far (the run works through its paths
    /// in blocks, each block through every month).
    pub fn months_done(&self) -> u32 {
        self.units.checked_div(self.blocks).unwrap_or(self.horizon) as u32
    }

    /// Paths in the run (in the slice, for a slice).
    pub fn paths(&self) -> u32 {
        self.n as u32
    }

    /// Does up to `months` more months' worth of work; returns true once
    /// every path has reached the horizon.
    pub fn advance(&mut self, months: u32) -> bool {
        let all = self.blocks * self.horizon;
        let end = all.min(
            self.units
                .saturating_add((months as usize).saturating_mul(self.blocks)),
        );
        while self.units < end {
            let (b, t) = (self.units / self.horizon, self.units % self.horizon + 1);
            self.block_month(b, t);
            self.units += 1;
        }
        self.units >= all
    }

    /// Month `t` (1-based) of block `b`: every path of the block and every
    /// option, then the block's summaries added to the month's.
    fn block_month(&mut self, b: usize, t: usize) {
        let horizon = self.horizon;
        let n_opt = self.plans.len();
        let year_end = t % 12 == 0 || t == horizon;
        let mut seats = [[0u32; 3]; MAX_OPTIONS];
        let (plans, consts, discount) = (&self.plans, &self.consts, self.discount[t - 1]);
        let paths = b * BLOCK..((b + 1) * BLOCK).min(self.n);
        let (start, len) = (paths.start, paths.len());
        // The shared context advances once a path; then each option steps
        // every path of the block with the same draws, its series values
        // kept for the block.
        context_month(
            t,
            &mut self.paths_cx[paths.clone()],
            &mut self.cx_lanes,
            |pc, _| pc.advance(),
        );
        for (o, plan) in plans.iter().enumerate() {
            seats[o] = option_month(
                t as u32,
                plan,
                &mut self.leads[o][paths.clone()],
                &mut self.services[o][b],
                &self.cx_lanes,
                &mut self.ev_lanes,
                consts,
                discount,
                &mut self.block[o * SERIES * BLOCK..],
            );
            #[cfg(test)]
            if let Some(cols) = &mut self.columns {
                for (i, col) in cols[t - 1][o].iter_mut().enumerate() {
                    let values = &self.block[(o * SERIES + i) * BLOCK..][..len];
                    col[start..start + len].copy_from_slice(values);
                }
            }
        }

        let h = &mut self.hist;
        for (o, seats) in seats.iter().enumerate().take(n_opt) {
            let at = (t - 1) * n_opt + o;
            for (a, b) in self.seats[at * 3..at * 3 + 3].iter_mut().zip(seats) {
                *a += b;
            }
            for i in 0..SERIES {
                let j = at * SERIES + i;
                let values = &self.block[(o * SERIES + i) * BLOCK..][..len];
                match i {
                    0..=5 => h.add_all::<true>(values, MONEY_SCALE),
                    6 | 7 => h.add_all::<false>(values, 0.0),
                    _ => h.add_all::<true>(values, SHARE_SCALE),
                }
                let st = h.flush(&mut self.windows[j]);
                let e = &mut self.extremes[2 * j..2 * j + 2];
                e[0] = crate::float::min(e[0], st.min);
                e[1] = crate::float::max(e[1], st.max);
                self.sums[j] = self.sums[j].wrapping_add(st.sum);
            }
        }
        if year_end {
            let y = (t - 1) / 12;
            let budget = self.year_budget[y];
            for (o, services) in self.services.iter_mut().enumerate() {
                let out = &mut self.year_overspend[(y * n_opt + o) * self.n + start..][..len];
                let year = &mut services[b].year;
                for (out, year) in out.iter_mut().zip(&mut year[..len]) {
                    *out = *year - budget;
                    *year = 0.0;
                }
            }
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
            leads,
            services,
            draws,
            mut acc,
            windows,
            extremes,
            sums,
            seats,
            year_overspend,
            ..
        } = self;
        let n_opt = leads.len();
        for (j, w) in windows.iter().enumerate() {
            w.list(&mut acc.bin_keys, &mut acc.bin_counts);
            acc.bin_offsets.push(acc.bin_keys.len() as u32);
            if j % SERIES < 6 || j % SERIES >= 8 {
                acc.push_sum(sums[j]);
            }
        }
        acc.extremes = extremes;
        if n == 0 {
            acc.extremes.fill(0.0);
        }
        acc.seats = seats;
        acc.year_overspend = year_overspend;
        acc.finals = Vec::with_capacity(n_opt * FINALS * n);
        acc.counts = Vec::with_capacity(n_opt * COUNTS * n);
        for (leads, services) in leads.iter().zip(&services) {
            // Lane values of the block's paths, in path order.
            let lanes = |f: &dyn Fn(&ServiceLanes) -> &Lanes| -> Vec<f64> {
                let mut v: Vec<f64> = services.iter().flat_map(|s| *f(s)).collect();
                v.truncate(n);
                v
            };
            for c in Category::ALL {
                acc.finals.extend(lanes(&|s| s.spend.get(c)));
            }
            acc.finals.extend(lanes(&|s| &s.npv));
            acc.finals.extend(lanes(&|s| &s.paid_partner));
            acc.finals.extend(lanes(&|s| &s.children));
            acc.counts.extend(leads.iter().map(|l| l.changes));
            acc.counts.extend(leads.iter().map(|l| l.stable_months));
            acc.counts.extend(leads.iter().map(|l| u32::from(l.got24)));
            acc.counts
                .extend(leads.iter().map(|l| u32::from(l.contract_let)));
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
/// option listed. The paths run in blocks of up to [`BLOCK`], each from
/// start to horizon, through the same step as [`Run`] with no monthly
/// summaries: every path's arithmetic is the same (the same draws in the
/// same order), so the totals are bit for bit those of a full run. Used by
/// [`crate::insight`] for its many reruns, which keep `scratch` between
/// calls.
///
/// `draws` holds the random numbers of the first paths' months, drawn once
/// for many reruns; paths beyond them draw their own.
#[allow(clippy::too_many_arguments)]
pub(crate) fn path_totals(
    input: &crate::input::ScenarioInput,
    options: &[usize],
    from: usize,
    to: usize,
    out: &mut [Vec<f64>],
    draws: &ContextDraws,
    scratch: &mut TotalsScratch,
) {
    let seed = input.simulation.seed;
    let cx = &input.context;
    let consts = Consts::new(input);
    let discount = discount(input);
    let plans: Vec<Plan> = options
        .iter()
        .map(|&o| Plan::new(&input.options[o]))
        .collect();
    let TotalsScratch {
        cx_lanes,
        ev_lanes,
        services,
        out_lanes,
        paths_cx,
        leads,
    } = scratch;
    let cx_lanes = cx_lanes.get_or_insert_with(ContextLanes::new);
    let ev_lanes = ev_lanes.get_or_insert_with(EventLanes::new);
    services.resize_with(options.len(), ServiceLanes::new);
    out_lanes.resize(SERIES * BLOCK, 0.0);
    leads.resize_with(options.len(), Vec::new);
    let mut start = from;
    while start < to {
        let end = (start + BLOCK).min(to);
        paths_cx.clear();
        leads.iter_mut().for_each(Vec::clear);
        for p in start..end {
            let (pc, u) = PathContext::new(input, seed, p);
            for (k, (&o, plan)) in options.iter().zip(&plans).enumerate() {
                let oi = &input.options[o];
                start_option(
                    oi,
                    plan,
                    &u,
                    &consts,
                    cx,
                    &mut leads[k],
                    &mut services[k],
                    p - start,
                );
            }
            paths_cx.push(pc);
        }
        for (m, &disc) in discount.iter().enumerate() {
            let t = m + 1;
            context_month(t, paths_cx, cx_lanes, |pc, i| {
                match draws.path(start + i).filter(|d| d.len() == discount.len()) {
                    Some(months) => pc.apply(&months[m]),
                    None => pc.advance(),
                }
            });
            for (k, plan) in plans.iter().enumerate() {
                option_month(
                    t as u32,
                    plan,
                    &mut leads[k],
                    &mut services[k],
                    cx_lanes,
                    ev_lanes,
                    &consts,
                    disc,
                    out_lanes,
                );
            }
        }
        for (k, s) in services.iter().enumerate() {
            for p in start..end {
                out[k][p - from] = s.total(p - start);
            }
        }
        start = end;
    }
}

/// Working memory of [`path_totals`] (about 60 KB, and 50 KB an option),
/// kept by a caller that runs it many times so it is set up once.
#[derive(Clone, Default)]
pub(crate) struct TotalsScratch {
    cx_lanes: Option<Box<ContextLanes>>,
    ev_lanes: Option<Box<EventLanes>>,
    services: Vec<ServiceLanes>,
    out_lanes: Vec<f64>,
    paths_cx: Vec<PathContext>,
    leads: Vec<Vec<Leadership>>,
}

impl core::fmt::Debug for TotalsScratch {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("TotalsScratch")
    }
}

/// Option `oi`'s start on a path whose parameter uniforms are `u`: its
/// leadership, pushed to `leads`, and lane `lane` of its services.
#[allow(clippy::too_many_arguments)]
fn start_option(
    oi: &crate::input::OptionInput,
    plan: &Plan,
    u: &context::ParamUniforms,
    consts: &Consts,
    cx: &crate::input::Context,
    leads: &mut Vec<Leadership>,
    services: &mut ServiceLanes,
    lane: usize,
) {
    leads.push(Leadership::new(oi, plan, u));
    services.start(lane, oi, u, consts, cx);
}

/// Month `t` (1-based) of the shared context of a block's `paths`, into
/// `lanes`: `advance(path, lane)` advances each path and gives its draws.
#[inline]
fn context_month(
    t: usize,
    paths: &mut [PathContext],
    lanes: &mut ContextLanes,
    mut advance: impl FnMut(&mut PathContext, usize) -> context::Draws,
) {
    for (i, pc) in paths.iter_mut().enumerate() {
        if t == 1 {
            lanes.set_path(i, pc);
        }
        let d = advance(pc, i);
        lanes.set_month(i, pc, &d);
    }
}

/// Month `t` of one option on a block of paths (`leads`, one a path, and
/// `services`), with the block's shared context `cx`: the leadership path
/// by path, then the services across the block. Writes the series values
/// to `out` (`[series][lane]`) and returns the count of each end-of-month
/// seat.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn option_month(
    t: u32,
    plan: &Plan,
    leads: &mut [Leadership],
    services: &mut ServiceLanes,
    cx: &ContextLanes,
    ev: &mut EventLanes,
    k: &Consts,
    discount: f64,
    out: &mut [f64],
) -> [u32; 3] {
    let mut seats = [0u32; 3];
    for (i, l) in leads.iter_mut().enumerate() {
        let seat = l.month(plan, &cx.u[i], cx.pay_index[i], ev, i);
        seats[seat.index()] += 1;
    }
    services.step(t, plan, ev, cx, k, discount, leads.len(), out);
    seats
}

/// Every month's random numbers for paths `0..paths` of a run with a
/// given seed and horizon: the same for any values of the scenario's inputs,
/// so the insight's reruns (the same paths, one input pinned) draw them once
/// rather than once a rerun (12 numbers a path-month, 96 bytes).
#[derive(Clone, Default)]
pub(crate) struct ContextDraws {
    horizon: usize,
    months: Vec<MonthDraws>,
}

impl ContextDraws {
    /// The draws of paths `0..paths` of `input`'s seed and horizon.
    pub(crate) fn new(input: &crate::input::ScenarioInput, paths: usize) -> ContextDraws {
        let horizon = input.simulation.horizon_months as usize;
        let mut months = Vec::with_capacity(paths * horizon);
        for p in 0..paths {
            let (mut ctx, mut lead) = MonthDraws::streams(input.simulation.seed, p);
            months.extend((0..horizon).map(|_| MonthDraws::draw(&mut ctx, &mut lead)));
        }
        ContextDraws { horizon, months }
    }

    /// Path `p`'s months, if drawn.
    fn path(&self, p: usize) -> Option<&[MonthDraws]> {
        self.months.get(p * self.horizon..(p + 1) * self.horizon)
    }
}

impl core::fmt::Debug for ContextDraws {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "ContextDraws {{ {} paths of {} months }}",
            self.months.len().checked_div(self.horizon).unwrap_or(0),
            self.horizon
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{preset, PresetId};

    /// A run that records every path's monthly series, and its partial.
    fn recorded(id: PresetId, horizon: u32, paths: u32) -> (Vec<Vec<Vec<Vec<f64>>>>, Partial) {
        let mut input = preset(id);
        input.simulation.horizon_months = horizon;
        let scenario = crate::validate(&input).unwrap();
        let mut run = Run::new(&scenario, paths);
        let n_opt = input.options.len();
        run.columns = Some(
            (0..horizon)
                .map(|_| {
                    (0..n_opt)
                        .map(|_| vec![vec![0.0; paths as usize]; SERIES])
                        .collect()
                })
                .collect(),
        );
        run.advance(u32::MAX);
        let columns = run.columns.take().unwrap();
        (columns, run.finish_partial())
    }

    /// The binned monthly quantiles are within half a bin (2^-8 of the
    /// magnitude, 0.39%) of the exact order statistics of the same paths:
    /// checked month by month, series by series, on both presets.
    #[test]
    fn binned_monthly_quantiles_match_exact_order_statistics() {
        for id in PresetId::ALL {
            let n = 3_000;
            let (cols, acc) = recorded(id, 36, n);
            let mut worst = 0.0f64;
            for (t, month) in cols.iter().enumerate() {
                for (o, s) in month.iter().enumerate() {
                    for (i, col) in s.iter().enumerate() {
                        let j = (t * month.len() + o) * SERIES + i;
                        let (a, b) = (acc.bin_offsets[j] as usize, acc.bin_offsets[j + 1] as usize);
                        let got = crate::binned::quantiles(
                            &acc.bin_keys[a..b],
                            &acc.bin_counts[a..b],
                            n as usize,
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
        let (cols, acc) = recorded(PresetId::England2024, 60, 2_000);
        let mut input = preset(PresetId::England2024);
        input.simulation.paths = 2_000;
        let r = partial::assemble(&input, &acc, false).0;
        let o = &r.options[1];
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        for (t, month) in cols.iter().enumerate() {
            let s = &month[1];
            // Series 3, 6, 7 and 9: placements, total, cumulative, stability.
            let want = [mean(&s[3]), mean(&s[6]), mean(&s[7]), mean(&s[9])];
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
