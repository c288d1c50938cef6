//! What drives the answer: sensitivity, break-even and the value of finding out.
//!
//! For a chosen pair of options (a, b) this module answers a meeting's two
//! questions, "what would make the other option cheaper?" and "which number
//! should we pin down before we decide?":
//!
//! - **Tornado** ([`Tornado`]): every uncertain input (every range whose low
//!   is below its high, see [`uncertain_inputs`]) is held at its low and then
//!   at its high value while everything else is sampled as usual **on the
//!   same futures** (common random numbers: same seed, same path indices, the
//!   per-path uniforms unchanged; only the pinned input's value moves). Each
//!   side reports the median paired difference (a - b) and P(a cheaper).
//!   Rows are ranked by swing: the absolute change of the median difference
//!   between the two sides (ties by the change of P(a cheaper)).
//! - **Break-even** ([`BreakEven`]): for one input, a curve of P(a cheaper)
//!   and the median difference against the input's value over a span inside
//!   the field's allowed bounds, then bisection, on common random numbers,
//!   for the value where P(a cheaper) crosses 50% and the value where the
//!   median difference crosses zero ("none within the allowed range" when
//!   the curve never crosses). Where the curve crosses more than once, the
//!   crossing nearest the current value is refined.
//! - **Value of information** ([`Voi`]): the expected value of perfect
//!   information (EVPI) and of perfect partial information (EVPPI) for every
//!   uncertain input with a per-path draw, from the main run's per-path
//!   draws ([`crate::PathDraws`]) by non-parametric regression (Strong,
//!   Oakley and Brennan 2014, *Med Decis Making* 34:311). See [`evppi`].
//!
//! The reruns behind the tornado and break-evens use the first
//! [`Settings::paths`] paths of the run (600 by default, to keep all three parts within about a second in the browser): path i draws the
//! same numbers whatever the path count, so these are the same futures as the
//! main run's first paths, and each rerun simulates only the option(s) whose
//! inputs are pinned (the other keeps its unpinned totals, exactly).
//!
//! Everything is deterministic: the same scenario, pair and settings give the
//! same bits. [`Insight`] and [`BreakEvenRun`] advance in slices of work, as
//! [`crate::Run`] does, so a web worker can interleave other work and abandon
//! them; any slicing gives identical results.
//!
//! ```
//! use turnaround_engine::{insight, presets, simulate_with_draws, validate};
//!
//! let scenario = validate(&presets::preset(presets::PresetId::Sandwell2012)).unwrap();
//! let (_results, draws) = simulate_with_draws(&scenario, 400);
//! let settings = insight::Settings { paths: 200, ..insight::Settings::default() };
//! let mut run = insight::Insight::new(&scenario, &draws, 0, 1, settings);
//! while !run.advance(500) {}
//! let report = run.finish();
//! let top = &report.tornado.rows[0];
//! println!("{} swings the median difference by £{:.0}", top.input.name, top.swing);
//! assert!(report.voi.evpi.value >= 0.0);
//! ```

use serde::{Deserialize, Serialize};

use crate::field::{Field, FieldValue, Scope, Shape};
use crate::float::max;
use crate::input::{Range, Route, ScenarioInput};
use crate::output::PathDraws;
use crate::rng::Stream;
use std::sync::Arc;

use crate::sim::{path_totals, ContextDraws, TotalsScratch};
use crate::validate::{validate, Scenario};

/// Tuning of an insight run. The defaults are what the page uses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Paths in each tornado and break-even rerun (at most the run's own).
    pub paths: u32,
    /// Inputs (from the top of the tornado) given an automatic break-even.
    pub top: usize,
    /// Points on each break-even curve (at least 3).
    pub curve_points: usize,
    /// Bisection stops when the bracket is narrower than this share of the span.
    pub tolerance: f64,
    /// Half-width of the EVPPI smoothing window, as a share of the paths.
    pub window: f64,
    /// Bootstrap replicates behind each EVPPI's Monte Carlo error.
    pub bootstrap: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            paths: 600,
            top: 3,
            curve_points: 9,
            tolerance: 1.0 / 64.0,
            window: 0.05,
            bootstrap: 20,
        }
    }
}

/// One uncertain (or user-picked) input of a pair: the field instances
/// pinned together. A per-option field whose range is the same in both
/// options of the pair is one input (the model draws it from the same
/// uniform in every option, so it is one uncertain quantity) and is pinned
/// in both; where the ranges differ, or only one option uses the field, each
/// option's field is its own input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Input {
    /// The field instances pinned together (one, or the same field in both options).
    pub fields: Vec<Field>,
    /// Dotted path of the first field (`options[1].contract.team_strength`);
    /// also the name of its column in [`crate::PathDraws`].
    pub name: String,
    /// Current low value (the number, for a fixed field).
    pub low: f64,
    /// Current likely value: the value the break-even chart marks.
    pub likely: f64,
    /// Current high value.
    pub high: f64,
    /// Whole numbers only.
    pub integer: bool,
}

impl Input {
    /// The input for `field` in the pair (a, b): pinned in both options when
    /// it is per-option, the two options hold the same value and both use
    /// it; `None` for a field that is not a number or range, or does not exist.
    pub fn for_field(input: &ScenarioInput, a: usize, b: usize, field: Field) -> Option<Input> {
        let value = field.get(input)?;
        let m = field.meta();
        if !matches!(m.shape, Shape::Range | Shape::Number | Shape::Integer) {
            return None;
        }
        let mut fields = vec![field];
        if let Some(o) = field.option {
            let other = if o == a { b } else { a };
            let twin = Field {
                option: Some(other),
                ..field
            };
            if (o == a || o == b)
                && twin.get(input) == Some(value.clone())
                && uses(input, o, field)
                && uses(input, other, twin)
            {
                fields.push(twin);
                fields.sort();
            }
        }
        Some(Input::new(fields, &value))
    }

    fn new(fields: Vec<Field>, value: &FieldValue) -> Input {
        let r = match value {
            FieldValue::Range(r) => *r,
            v => Range::fixed(v.central().unwrap_or(0.0)),
        };
        Input {
            name: fields[0].to_string(),
            integer: fields[0].meta().shape == Shape::Integer,
            fields,
            low: r.low,
            likely: r.likely,
            high: r.high,
        }
    }

    /// The options this input is pinned in (empty for a shared input).
    pub fn options(&self) -> Vec<usize> {
        self.fields.iter().filter_map(|f| f.option).collect()
    }

    /// The allowed bounds of the field.
    pub fn bounds(&self) -> (f64, f64) {
        let m = self.fields[0].meta();
        (m.min, m.max)
    }

    /// A span to search for a break-even when the caller has none: the
    /// range widened by twice its width each side (a fixed number: from 0 to
    /// three times its value), inside the field's bounds.
    pub fn default_span(&self) -> (f64, f64) {
        let (min, max) = self.bounds();
        let width = self.high - self.low;
        let (lo, hi) = if width > 0.0 {
            (self.low - 2.0 * width, self.high + 2.0 * width)
        } else if self.likely != 0.0 {
            let v = self.likely.abs();
            (self.likely - 2.0 * v, self.likely + 2.0 * v)
        } else {
            (min, max.min(1.0))
        };
        (lo.max(min), hi.min(max))
    }

    /// `input` with this input pinned at `v` in every one of its fields.
    fn pinned(&self, input: &ScenarioInput, v: f64) -> ScenarioInput {
        let mut out = input.clone();
        let v = if self.integer { v.round() } else { v };
        for f in &self.fields {
            let value = match f.meta().shape {
                Shape::Range => FieldValue::Range(Range::fixed(v)),
                _ => FieldValue::Number(v),
            };
            f.set(&mut out, value);
        }
        out
    }
}

/// True when option `o` uses the per-option field `f`: contract fields only
/// on the in-source route, own-team fields only with a team.
fn uses(input: &ScenarioInput, o: usize, f: Field) -> bool {
    let opt = &input.options[o];
    let path = f.meta().path;
    if path.starts_with("options.contract.") {
        opt.route == Route::InSource
    } else if path.starts_with("options.own_team.") {
        opt.own_team.length_months > 0
    } else {
        true
    }
}

/// Every uncertain input of the pair (a, b), in field-table order: every
/// shared range whose low is below its high, and every such range of option
/// a or b that the option uses (joined into one input where both options
/// hold the same range; see [`Input`]).
pub fn uncertain_inputs(input: &ScenarioInput, a: usize, b: usize) -> Vec<Input> {
    let mut out: Vec<Input> = Vec::new();
    for f in Field::all_in(input) {
        let m = f.meta();
        if m.shape != Shape::Range || m.scope == Scope::Simulation {
            continue;
        }
        let Some(FieldValue::Range(r)) = f.get(input) else {
            continue;
        };
        if r.low >= r.high {
            continue;
        }
        match f.option {
            None => out.push(Input::new(vec![f], &FieldValue::Range(r))),
            Some(o) if (o == a || o == b) && uses(input, o, f) => {
                let Some(i) = Input::for_field(input, a, b, f) else {
                    continue;
                };
                if !out.iter().any(|x| x.fields == i.fields) {
                    out.push(i);
                }
            }
            Some(_) => {}
        }
    }
    out
}

/// P(a cheaper) and the median paired difference at one value of an input.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The input's value (for the unpinned baseline: its likely value).
    pub value: f64,
    /// Share of paths on which a costs strictly less than b.
    pub p_a_cheaper: f64,
    /// Median over paths of total(a) - total(b), GBP.
    pub median_difference: f64,
    /// Mean over paths of total(a) - total(b), GBP.
    pub mean_difference: f64,
}

/// One tornado bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TornadoRow {
    /// The input.
    pub input: Input,
    /// Held at its low value.
    pub low: Point,
    /// Held at its high value.
    pub high: Point,
    /// |median difference at high - at low|, GBP.
    pub swing: f64,
}

/// The tornado of a pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tornado {
    /// First option of the pair.
    pub a: usize,
    /// Second option of the pair.
    pub b: usize,
    /// Paths in each rerun.
    pub paths: u32,
    /// Nothing pinned, on the same paths.
    pub base: Point,
    /// One row per uncertain input, largest swing first.
    pub rows: Vec<TornadoRow>,
}

/// Where a break-even curve crosses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Crossing {
    /// The input's value at the crossing (middle of the final bracket).
    pub value: f64,
    /// True when option a is the cheaper one just below `value`.
    pub a_cheaper_below: bool,
}

/// The break-even of one input for a pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreakEven {
    /// First option of the pair.
    pub a: usize,
    /// Second option of the pair.
    pub b: usize,
    /// The input.
    pub input: Input,
    /// The span searched (inside the field's bounds).
    pub span: (f64, f64),
    /// P(a cheaper) and the median difference at evenly spaced values over the span.
    pub curve: Vec<Point>,
    /// Where P(a cheaper) crosses 50%; `None`: none within the allowed range.
    pub p_crossing: Option<Crossing>,
    /// Where the median difference crosses zero; `None`: none within the
    /// allowed range. The median is below zero exactly when more than half
    /// the paths have a cheaper, so this matches `p_crossing` unless ties
    /// (paths where the options cost the same) fall at the crossing.
    pub median_crossing: Option<Crossing>,
    /// Where the mean difference crosses zero (a cheaper on average);
    /// `None`: none within the allowed range.
    pub mean_crossing: Option<Crossing>,
    /// Paths in each rerun.
    pub paths: u32,
}

/// A value of information, GBP, with its Monte Carlo error.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Value {
    /// The estimate, GBP.
    pub value: f64,
    /// Its bootstrap standard error, GBP.
    pub mcse: f64,
}

/// The EVPPI of one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiRow {
    /// The input.
    pub input: Input,
    /// Expected value of perfect partial information, GBP.
    pub evppi: Value,
}

/// The value of information for a pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voi {
    /// First option of the pair.
    pub a: usize,
    /// Second option of the pair.
    pub b: usize,
    /// Paths used (the main run's).
    pub paths: u32,
    /// Expected value of perfect information: learning everything.
    pub evpi: Value,
    /// One row per input with a per-path draw, largest EVPPI first.
    pub rows: Vec<VoiRow>,
    /// Uncertain inputs without one value per path (drawn afresh for each
    /// recruitment campaign), so with no EVPPI.
    pub not_per_path: Vec<Input>,
}

/// Everything an [`Insight`] run produces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Sensitivity of the pair to each uncertain input.
    pub tornado: Tornado,
    /// Break-evens of the top inputs, in tornado order.
    pub break_evens: Vec<BreakEven>,
    /// Value of information.
    pub voi: Voi,
}

// ---------------------------------------------------------------------------
// Reruns.

/// The reruns' paths' monthly random numbers, drawn once (96 bytes a
/// path-month). They depend only on the seed, the horizon and the rerun
/// path count, not on any other value of the scenario, so a caller that
/// analyses one scenario after another can keep them
/// ([`Insight::rerun_draws`], [`Insight::new_reusing`]) instead of drawing
/// them again for every change.
#[derive(Debug, Clone)]
pub struct RerunDraws {
    months: Arc<ContextDraws>,
    seed: u64,
    horizon: u32,
    paths: usize,
}

impl RerunDraws {
    fn new(input: &ScenarioInput, paths: usize) -> RerunDraws {
        RerunDraws {
            months: Arc::new(ContextDraws::new(input, paths)),
            seed: input.simulation.seed,
            horizon: input.simulation.horizon_months,
            paths,
        }
    }

    /// These draws, if they are `input`'s for `paths` rerun paths; else new ones.
    fn fitted(this: Option<RerunDraws>, input: &ScenarioInput, paths: usize) -> RerunDraws {
        match this {
            Some(d)
                if d.seed == input.simulation.seed
                    && d.horizon == input.simulation.horizon_months
                    && d.paths == paths =>
            {
                d
            }
            _ => RerunDraws::new(input, paths),
        }
    }
}

/// Totals of both options of the pair on the rerun paths, unpinned.
#[derive(Debug, Clone)]
struct Base {
    totals: [Vec<f64>; 2],
}

impl Base {
    fn point(&self, value: f64, ta: &[f64], tb: &[f64]) -> Point {
        let mut diff: Vec<f64> = ta.iter().zip(tb).map(|(x, y)| x - y).collect();
        let cheaper = diff.iter().filter(|&&d| d < 0.0).count();
        let n = diff.len();
        let mean = diff.iter().sum::<f64>() / n as f64;
        let k = ((0.5 * (n - 1) as f64).round() as usize).min(n - 1);
        let (_, median, _) = diff.select_nth_unstable_by(k, f64::total_cmp);
        Point {
            value,
            p_a_cheaper: cheaper as f64 / n as f64,
            median_difference: *median,
            mean_difference: mean,
        }
    }
}

/// One rerun with an input pinned at one value, advanced path by path.
#[derive(Debug, Clone)]
struct Eval {
    input: ScenarioInput,
    value: f64,
    /// Which of the pair's options to rerun (0: a, 1: b).
    rerun: Vec<usize>,
    options: Vec<usize>,
    next: usize,
    paths: usize,
    totals: Vec<Vec<f64>>,
    /// The pinned scenario failed validation (cross-field rules).
    invalid: bool,
}

impl Eval {
    fn new(
        scenario: &ScenarioInput,
        pair: (usize, usize),
        paths: usize,
        inp: &Input,
        v: f64,
    ) -> Eval {
        let pinned = inp.pinned(scenario, v);
        let invalid = validate(&pinned).is_err();
        let opts = inp.options();
        let rerun: Vec<usize> = [0usize, 1]
            .into_iter()
            .filter(|&k| {
                let o = if k == 0 { pair.0 } else { pair.1 };
                opts.is_empty() || opts.contains(&o)
            })
            .collect();
        let options: Vec<usize> = rerun
            .iter()
            .map(|&k| if k == 0 { pair.0 } else { pair.1 })
            .collect();
        Eval {
            input: pinned,
            value: if inp.integer { v.round() } else { v },
            totals: vec![vec![0.0; paths]; rerun.len()],
            rerun,
            options,
            next: 0,
            paths,
            invalid,
        }
    }

    /// Runs paths until `budget` option-paths are spent or all are done,
    /// with the months' random numbers from `draws`.
    fn advance(
        &mut self,
        budget: &mut u64,
        draws: &ContextDraws,
        scratch: &mut TotalsScratch,
    ) -> bool {
        if self.invalid {
            return true;
        }
        let per = self.options.len().max(1) as u64;
        while self.next < self.paths && *budget > 0 {
            let chunk = ((*budget / per).max(1) as usize)
                .min(self.paths - self.next)
                .min(crate::sim::BLOCK);
            let mut buf: Vec<Vec<f64>> = vec![vec![0.0; chunk]; self.options.len()];
            path_totals(
                &self.input,
                &self.options,
                self.next,
                self.next + chunk,
                &mut buf,
                draws,
                scratch,
            );
            for (k, b) in buf.into_iter().enumerate() {
                self.totals[k][self.next..self.next + chunk].copy_from_slice(&b);
            }
            self.next += chunk;
            *budget = budget.saturating_sub(chunk as u64 * per);
        }
        self.next >= self.paths
    }

    fn point(&self, base: &Base) -> Option<Point> {
        if self.invalid {
            return None;
        }
        let pick = |k: usize| -> &[f64] {
            match self.rerun.iter().position(|&r| r == k) {
                Some(i) => &self.totals[i],
                None => &base.totals[k],
            }
        };
        Some(base.point(self.value, pick(0), pick(1)))
    }
}

fn base_eval(input: &ScenarioInput, pair: (usize, usize), paths: usize) -> Eval {
    Eval {
        input: input.clone(),
        value: 0.0,
        rerun: vec![0, 1],
        options: vec![pair.0, pair.1],
        next: 0,
        paths,
        totals: vec![vec![0.0; paths]; 2],
        invalid: false,
    }
}

fn base_from(eval: Eval) -> Base {
    let mut t = eval.totals.into_iter();
    Base {
        totals: [t.next().unwrap_or_default(), t.next().unwrap_or_default()],
    }
}

// ---------------------------------------------------------------------------
// Break-even.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    /// P(a cheaper) > 0.5.
    Probability,
    /// Median difference < 0.
    Median,
    /// Mean difference < 0.
    Mean,
}

impl Target {
    fn a_cheaper(self, p: &Point) -> bool {
        match self {
            Target::Probability => p.p_a_cheaper > 0.5,
            Target::Median => p.median_difference < 0.0,
            Target::Mean => p.mean_difference < 0.0,
        }
    }
}

#[derive(Debug, Clone)]
struct Bisection {
    /// Targets that change side in this bracket (P and median usually do
    /// together: see [`BreakEven`]); refined with one evaluation per step.
    targets: Vec<Target>,
    lo: f64,
    hi: f64,
    lo_side: bool,
}

#[derive(Debug, Clone)]
enum BeStage {
    Base(Eval),
    Curve(usize, Eval),
    Bisect(Bisection, Eval),
    Next,
    Done,
}

/// A break-even search for one input, advanced in slices of work.
///
/// Evaluates the curve at [`Settings::curve_points`] evenly spaced values
/// over the span, picks for each target (P(a cheaper) = 50%, median
/// difference = 0) the bracket where it changes side nearest the input's
/// likely value, and bisects it until narrower than
/// [`Settings::tolerance`] of the span (whole-number fields: adjacent
/// whole numbers).
#[derive(Debug, Clone)]
pub struct BreakEvenRun {
    input: ScenarioInput,
    pair: (usize, usize),
    target: Input,
    span: (f64, f64),
    paths: usize,
    settings: Settings,
    base: Option<Base>,
    curve: Vec<Point>,
    crossings: [Option<Crossing>; 3],
    pending: Vec<Bisection>,
    /// The curve is done and the brackets are queued.
    bracketed: bool,
    stage: BeStage,
    /// The rerun paths' monthly random numbers, drawn once for every rerun.
    reruns: RerunDraws,
    /// The reruns' working memory.
    scratch: TotalsScratch,
}

impl BreakEvenRun {
    /// A break-even search for `target` between options `a` and `b` over
    /// `span` (clamped to the field's bounds; `None`: [`Input::default_span`]).
    pub fn new(
        scenario: &Scenario,
        a: usize,
        b: usize,
        target: Input,
        span: Option<(f64, f64)>,
        settings: Settings,
    ) -> BreakEvenRun {
        let input = scenario.input();
        let paths = rerun_paths(input, &settings);
        let reruns = RerunDraws::new(input, paths);
        let mut run = BreakEvenRun::with_base(input, (a, b), target, span, settings, None, reruns);
        run.stage = BeStage::Base(base_eval(input, (a, b), paths));
        run
    }

    fn with_base(
        input: &ScenarioInput,
        pair: (usize, usize),
        target: Input,
        span: Option<(f64, f64)>,
        settings: Settings,
        base: Option<Base>,
        reruns: RerunDraws,
    ) -> BreakEvenRun {
        let (min, max) = target.bounds();
        let (mut lo, mut hi) = span.unwrap_or_else(|| target.default_span());
        lo = lo.clamp(min, max);
        hi = hi.clamp(min, max);
        if hi < lo {
            std::mem::swap(&mut lo, &mut hi);
        }
        if target.integer {
            lo = lo.ceil();
            hi = hi.floor().max(lo);
        }
        let paths = rerun_paths(input, &settings);
        let mut run = BreakEvenRun {
            input: input.clone(),
            pair,
            target,
            span: (lo, hi),
            paths,
            settings,
            base,
            curve: Vec::new(),
            crossings: [None, None, None],
            pending: Vec::new(),
            bracketed: false,
            stage: BeStage::Done,
            reruns,
            scratch: TotalsScratch::default(),
        };
        run.stage = run.curve_eval(0);
        run
    }

    fn grid(&self) -> Vec<f64> {
        let n = self.settings.curve_points.max(3);
        let (lo, hi) = self.span;
        let mut v: Vec<f64> = (0..n)
            .map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64)
            .map(|x| if self.target.integer { x.round() } else { x })
            .collect();
        v.dedup();
        v
    }

    fn curve_eval(&self, i: usize) -> BeStage {
        match self.grid().get(i) {
            Some(&v) => BeStage::Curve(
                i,
                Eval::new(&self.input, self.pair, self.paths, &self.target, v),
            ),
            None => BeStage::Next,
        }
    }

    /// Does up to about `budget` option-paths of work (one option simulated
    /// over one path's horizon is one unit); returns true when finished.
    pub fn advance(&mut self, budget: u64) -> bool {
        let mut budget = budget.max(1);
        loop {
            match &mut self.stage {
                BeStage::Done => return true,
                BeStage::Base(e) => {
                    if !e.advance(&mut budget, &self.reruns.months, &mut self.scratch) {
                        return false;
                    }
                    let BeStage::Base(e) = std::mem::replace(&mut self.stage, BeStage::Next) else {
                        unreachable!()
                    };
                    self.base = Some(base_from(e));
                    self.stage = self.curve_eval(0);
                }
                BeStage::Curve(i, e) => {
                    if !e.advance(&mut budget, &self.reruns.months, &mut self.scratch) {
                        return false;
                    }
                    let i = *i;
                    let base = self.base.as_ref().expect("base before curve");
                    if let Some(p) = e.point(base) {
                        self.curve.push(p);
                    }
                    self.stage = self.curve_eval(i + 1);
                }
                BeStage::Bisect(bis, e) => {
                    if !e.advance(&mut budget, &self.reruns.months, &mut self.scratch) {
                        return false;
                    }
                    let base = self.base.as_ref().expect("base before bisection");
                    let mut bis = bis.clone();
                    let mid = e.value;
                    match e.point(base) {
                        Some(p) => {
                            // Targets that disagree with the first fork into
                            // their own bracket.
                            let up = bis.targets[0].a_cheaper(&p) == bis.lo_side;
                            let (same, other): (Vec<Target>, Vec<Target>) = bis
                                .targets
                                .iter()
                                .partition(|t| (t.a_cheaper(&p) == bis.lo_side) == up);
                            if !other.is_empty() {
                                let mut fork = bis.clone();
                                fork.targets = other;
                                if up {
                                    fork.hi = mid;
                                } else {
                                    fork.lo = mid;
                                }
                                self.pending.push(fork);
                            }
                            bis.targets = same;
                            if up {
                                bis.lo = mid;
                            } else {
                                bis.hi = mid;
                            }
                            self.stage = self.bisect_step(bis);
                        }
                        None => {
                            self.finish_bisection(&bis);
                            self.stage = BeStage::Next;
                        }
                    }
                }
                BeStage::Next => {
                    if !self.bracketed {
                        self.bracketed = true;
                        self.pending = self.brackets();
                    }
                    self.stage = if self.pending.is_empty() {
                        BeStage::Done
                    } else {
                        let bis = self.pending.remove(0);
                        self.bisect_step(bis)
                    };
                }
            }
            if budget == 0 {
                return matches!(self.stage, BeStage::Done);
            }
        }
    }

    /// For each target, the bracket where it changes side nearest the
    /// likely value; targets sharing a bracket and side are bisected together.
    fn brackets(&self) -> Vec<Bisection> {
        let c = &self.curve;
        let likely = self.target.likely;
        let mut out: Vec<Bisection> = Vec::new();
        for t in [Target::Probability, Target::Median, Target::Mean] {
            let best = (1..c.len())
                .filter(|&i| t.a_cheaper(&c[i - 1]) != t.a_cheaper(&c[i]))
                .min_by(|&i, &j| {
                    let di = (0.5 * (c[i - 1].value + c[i].value) - likely).abs();
                    let dj = (0.5 * (c[j - 1].value + c[j].value) - likely).abs();
                    di.total_cmp(&dj)
                });
            let Some(i) = best else { continue };
            let (lo, hi, lo_side) = (c[i - 1].value, c[i].value, t.a_cheaper(&c[i - 1]));
            match out
                .iter_mut()
                .find(|b| b.lo == lo && b.hi == hi && b.lo_side == lo_side)
            {
                Some(b) => b.targets.push(t),
                None => out.push(Bisection {
                    targets: vec![t],
                    lo,
                    hi,
                    lo_side,
                }),
            }
        }
        out
    }

    fn bisect_step(&mut self, bis: Bisection) -> BeStage {
        let narrow = if self.target.integer {
            bis.hi - bis.lo <= 1.0
        } else {
            bis.hi - bis.lo <= (self.span.1 - self.span.0) * self.settings.tolerance
        };
        if narrow {
            self.finish_bisection(&bis);
            return BeStage::Next;
        }
        let mid = if self.target.integer {
            (0.5 * (bis.lo + bis.hi)).floor()
        } else {
            0.5 * (bis.lo + bis.hi)
        };
        let e = Eval::new(&self.input, self.pair, self.paths, &self.target, mid);
        BeStage::Bisect(bis, e)
    }

    fn finish_bisection(&mut self, bis: &Bisection) {
        let value = if self.target.integer {
            bis.hi
        } else {
            0.5 * (bis.lo + bis.hi)
        };
        for t in &bis.targets {
            let slot = match t {
                Target::Probability => 0,
                Target::Median => 1,
                Target::Mean => 2,
            };
            self.crossings[slot] = Some(Crossing {
                value,
                a_cheaper_below: bis.lo_side,
            });
        }
    }

    /// The result; finishes any work left first.
    pub fn finish(mut self) -> BreakEven {
        while !self.advance(u64::MAX) {}
        BreakEven {
            a: self.pair.0,
            b: self.pair.1,
            input: self.target,
            span: self.span,
            curve: self.curve,
            p_crossing: self.crossings[0],
            median_crossing: self.crossings[1],
            mean_crossing: self.crossings[2],
            paths: self.paths as u32,
        }
    }
}

fn rerun_paths(input: &ScenarioInput, settings: &Settings) -> usize {
    settings.paths.clamp(1, input.simulation.paths.max(1)) as usize
}

// ---------------------------------------------------------------------------
// Value of information.

/// EVPPI of one input for a two-option decision, with a bootstrap error.
///
/// `x` is the input's draw on each path; `inb` the incremental net benefit
/// of option a over option b on each path (total of b minus total of a:
/// net benefit is minus total spend). Following Strong, Oakley and Brennan
/// (2014), E[INB | x] is estimated by a smoother, here a **local linear
/// regression on the ranks of x** with a uniform kernel of half-width
/// `window x paths` ranks (at least 10), computed in O(paths) with running
/// sums after one sort; paths with equal x share the mean of their smoothed
/// values. Then, with g the smoothed values,
///
/// EVPPI = mean(max(g, 0)) - max(mean(g), 0),
///
/// which is Strong et al.'s mean of the per-path best smoothed net benefit
/// minus the best mean (smoothing each option's net benefit is the same,
/// since the smoother is linear and the common term cancels), never
/// negative. Its Monte Carlo error is the standard deviation over
/// `bootstrap` resamples of the paths (weights from a fixed-seed portable
/// generator, so the figure is reproducible); the smoother's own bias is
/// not in it.
pub fn evppi(x: &[f32], inb: &[f64], window: f64, bootstrap: u32, seed: u64) -> Value {
    let n = x.len().min(inb.len());
    if n == 0 {
        return Value {
            value: 0.0,
            mcse: 0.0,
        };
    }
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&i, &j| x[i as usize].total_cmp(&x[j as usize]).then(i.cmp(&j)));
    let xs: Vec<f32> = order.iter().map(|&i| x[i as usize]).collect();
    let mean = inb[..n].iter().sum::<f64>() / n as f64;
    let ys: Vec<f64> = order.iter().map(|&i| inb[i as usize] - mean).collect();
    let h = ((window * n as f64).round() as usize).max(10);
    let ones = vec![1.0; n];
    let value = evppi_weighted(&xs, &ys, &ones, h, mean);
    let mut reps = Vec::with_capacity(bootstrap as usize);
    let mut rng = Stream::new(seed, 0x5EED_0E7E, 0xB007);
    let mut w = vec![0.0; n];
    for _ in 0..bootstrap {
        w.iter_mut().for_each(|v| *v = 0.0);
        for _ in 0..n {
            let k = ((rng.uniform() * n as f64) as usize).min(n - 1);
            w[k] += 1.0;
        }
        reps.push(evppi_weighted(&xs, &ys, &w, h, mean));
    }
    Value {
        value,
        mcse: sd(&reps),
    }
}

fn sd(v: &[f64]) -> f64 {
    if v.len() < 2 {
        return 0.0;
    }
    let m = v.iter().sum::<f64>() / v.len() as f64;
    (v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (v.len() - 1) as f64).sqrt()
}

/// Weighted EVPPI with x sorted (`xs`), centred INB `ys` (add `shift` back).
fn evppi_weighted(xs: &[f32], ys: &[f64], w: &[f64], h: usize, shift: f64) -> f64 {
    let n = xs.len();
    // Prefix sums of w, w r, w r^2, w y, w r y (r = rank).
    let mut s = vec![[0.0f64; 5]; n + 1];
    for i in 0..n {
        let (r, wi, y) = (i as f64, w[i], ys[i]);
        let p = s[i];
        s[i + 1] = [
            p[0] + wi,
            p[1] + wi * r,
            p[2] + wi * r * r,
            p[3] + wi * y,
            p[4] + wi * r * y,
        ];
    }
    let mut g = vec![0.0; n];
    for (i, gi) in g.iter_mut().enumerate() {
        let lo = i.saturating_sub(h);
        let hi = (i + h + 1).min(n);
        let d = |k: usize| s[hi][k] - s[lo][k];
        let (s0, s1, s2, t0, t1) = (d(0), d(1), d(2), d(3), d(4));
        if s0 <= 0.0 {
            continue;
        }
        let c = i as f64;
        let m1 = s1 - c * s0;
        let m2 = s2 - 2.0 * c * s1 + c * c * s0;
        let u1 = t1 - c * t0;
        let det = s0 * m2 - m1 * m1;
        *gi = if det > 1e-9 * s0 * max(m2, 1.0) {
            (t0 * m2 - m1 * u1) / det
        } else {
            t0 / s0
        };
    }
    // Equal x: one smoothed value.
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && xs[j] == xs[i] {
            j += 1;
        }
        if j - i > 1 {
            let (sw, sg) = (i..j).fold((0.0, 0.0), |(a, b), k| (a + w[k], b + w[k] * g[k]));
            let m = if sw > 0.0 {
                sg / sw
            } else {
                g[i..j].iter().sum::<f64>() / (j - i) as f64
            };
            g[i..j].iter_mut().for_each(|v| *v = m);
        }
        i = j;
    }
    let total_w: f64 = w.iter().sum();
    if total_w <= 0.0 {
        return 0.0;
    }
    let (mut best, mut avg) = (0.0, 0.0);
    for k in 0..n {
        let v = g[k] + shift;
        best += w[k] * max(v, 0.0);
        avg += w[k] * v;
    }
    max(best / total_w - max(avg / total_w, 0.0), 0.0)
}

/// EVPI of a two-option decision from per-path incremental net benefits:
/// mean(max(inb, 0)) - max(mean(inb), 0), with a bootstrap error.
pub fn evpi(inb: &[f64], bootstrap: u32, seed: u64) -> Value {
    let n = inb.len();
    if n == 0 {
        return Value {
            value: 0.0,
            mcse: 0.0,
        };
    }
    let f = |w: &dyn Fn(usize) -> f64| {
        let (mut tw, mut best, mut avg) = (0.0, 0.0, 0.0);
        for (k, &v) in inb.iter().enumerate() {
            let wk = w(k);
            tw += wk;
            best += wk * max(v, 0.0);
            avg += wk * v;
        }
        max(best / tw - max(avg / tw, 0.0), 0.0)
    };
    let value = f(&|_| 1.0);
    let mut rng = Stream::new(seed, 0x5EED_0E71, 0xB007);
    let mut reps = Vec::with_capacity(bootstrap as usize);
    let mut w = vec![0.0; n];
    for _ in 0..bootstrap {
        w.iter_mut().for_each(|v| *v = 0.0);
        for _ in 0..n {
            let k = ((rng.uniform() * n as f64) as usize).min(n - 1);
            w[k] += 1.0;
        }
        reps.push(f(&|k| w[k]));
    }
    Value {
        value,
        mcse: sd(&reps),
    }
}

/// Per-path incremental net benefit of a over b (total of b minus total of
/// a) from the main run's outcomes.
fn incremental(draws: &PathDraws, a: usize, b: usize) -> Vec<f64> {
    let (lo, hi, sign) = if a < b { (a, b, -1.0) } else { (b, a, 1.0) };
    if let Some(d) = draws.outcome(&format!("pairs[{lo},{hi}].difference")) {
        return d.iter().map(|&v| sign * v as f64).collect();
    }
    let ta = draws.outcome(&format!("options[{a}].total")).unwrap_or(&[]);
    let tb = draws.outcome(&format!("options[{b}].total")).unwrap_or(&[]);
    ta.iter()
        .zip(tb)
        .map(|(x, y)| *y as f64 - *x as f64)
        .collect()
}

// ---------------------------------------------------------------------------
// The whole analysis.

#[derive(Debug, Clone)]
enum Stage {
    Base(Eval),
    Tornado { k: usize, high: bool, eval: Eval },
    BreakEven(usize, Box<BreakEvenRun>),
    Voi(usize),
    Done,
}

/// The tornado, the top break-evens and the value of information of one
/// pair, advanced in slices of work ([`Insight::advance`]); each part is
/// available as soon as it is complete.
pub struct Insight {
    input: ScenarioInput,
    pair: (usize, usize),
    settings: Settings,
    paths: usize,
    inputs: Vec<Input>,
    base: Option<Base>,
    lows: Vec<Point>,
    highs: Vec<Point>,
    tornado: Option<Tornado>,
    break_evens: Vec<BreakEven>,
    inb: Vec<f64>,
    columns: Vec<Option<Vec<f32>>>,
    voi_rows: Vec<VoiRow>,
    voi: Option<Voi>,
    stage: Stage,
    /// The rerun paths' monthly random numbers, drawn once for every rerun
    /// (shared with the break-even searches).
    reruns: RerunDraws,
    /// The reruns' working memory.
    scratch: TotalsScratch,
}

impl Insight {
    /// Sets up the analysis of options `a` and `b` of `scenario`, whose main
    /// run (with draws kept) gave `draws`. Nothing is simulated yet.
    pub fn new(
        scenario: &Scenario,
        draws: &PathDraws,
        a: usize,
        b: usize,
        settings: Settings,
    ) -> Insight {
        Insight::new_reusing(scenario, draws, a, b, settings, None)
    }

    /// Like [`Insight::new`], reusing `previous` (an earlier analysis's
    /// [`Insight::rerun_draws`]) when they fit this scenario's seed, horizon
    /// and rerun paths: the same results, without drawing them again.
    pub fn new_reusing(
        scenario: &Scenario,
        draws: &PathDraws,
        a: usize,
        b: usize,
        settings: Settings,
        previous: Option<RerunDraws>,
    ) -> Insight {
        let input = scenario.input().clone();
        let paths = rerun_paths(&input, &settings);
        let reruns = RerunDraws::fitted(previous, &input, paths);
        let inputs = uncertain_inputs(&input, a, b);
        let columns = inputs
            .iter()
            .map(|i| draws.input(&i.name).map(<[f32]>::to_vec))
            .collect();
        Insight {
            stage: Stage::Base(base_eval(&input, (a, b), paths)),
            inb: incremental(draws, a, b),
            input,
            pair: (a, b),
            settings,
            paths,
            inputs,
            base: None,
            lows: Vec::new(),
            highs: Vec::new(),
            tornado: None,
            break_evens: Vec::new(),
            columns,
            voi_rows: Vec::new(),
            voi: None,
            reruns,
            scratch: TotalsScratch::default(),
        }
    }

    /// The reruns' random numbers, to pass to the next analysis
    /// ([`Insight::new_reusing`]).
    pub fn rerun_draws(&self) -> RerunDraws {
        self.reruns.clone()
    }

    /// The uncertain inputs analysed, in field-table order.
    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    /// The tornado, once complete.
    pub fn tornado(&self) -> Option<&Tornado> {
        self.tornado.as_ref()
    }

    /// The break-evens completed so far, in tornado order.
    pub fn break_evens(&self) -> &[BreakEven] {
        &self.break_evens
    }

    /// The value of information, once complete.
    pub fn voi(&self) -> Option<&Voi> {
        self.voi.as_ref()
    }

    /// Share of the work done, 0 to 1 (by steps: reruns and EVPPI inputs).
    pub fn progress(&self) -> f64 {
        let n = self.inputs.len();
        let top = self.settings.top.min(n);
        let per_be = self.settings.curve_points + 2;
        let total = (1 + 2 * n + top * per_be + n).max(1) as f64;
        let done = match &self.stage {
            Stage::Base(_) => 0,
            Stage::Tornado { k, high, .. } => 1 + 2 * k + usize::from(*high),
            Stage::BreakEven(i, r) => {
                1 + 2 * n + i * per_be + (r.curve.len() + 2 * usize::from(r.bracketed)).min(per_be)
            }
            Stage::Voi(k) => 1 + 2 * n + top * per_be + k,
            Stage::Done => return 1.0,
        };
        done as f64 / total
    }

    /// Does up to about `budget` units of work (one option simulated over
    /// one path's horizon is one unit; an EVPPI input is one step whatever
    /// the budget); returns true when everything is complete.
    pub fn advance(&mut self, budget: u64) -> bool {
        let mut budget = budget.max(1);
        loop {
            match &mut self.stage {
                Stage::Done => return true,
                Stage::Base(e) => {
                    if !e.advance(&mut budget, &self.reruns.months, &mut self.scratch) {
                        return false;
                    }
                    let Stage::Base(e) = std::mem::replace(&mut self.stage, Stage::Done) else {
                        unreachable!()
                    };
                    self.base = Some(base_from(e));
                    self.stage = self.tornado_eval(0, false);
                }
                Stage::Tornado { k, high, eval } => {
                    if !eval.advance(&mut budget, &self.reruns.months, &mut self.scratch) {
                        return false;
                    }
                    let (k, high) = (*k, *high);
                    let base = self.base.as_ref().expect("base first");
                    let inp = &self.inputs[k];
                    let v = if high { inp.high } else { inp.low };
                    let p = eval.point(base).unwrap_or(Point {
                        value: v,
                        p_a_cheaper: f64::NAN,
                        median_difference: f64::NAN,
                        mean_difference: f64::NAN,
                    });
                    if high {
                        self.highs.push(p);
                        self.stage = self.tornado_eval(k + 1, false);
                    } else {
                        self.lows.push(p);
                        self.stage = self.tornado_eval(k, true);
                    }
                }
                Stage::BreakEven(i, run) => {
                    if !run.advance(budget) {
                        return false;
                    }
                    let i = *i;
                    let Stage::BreakEven(_, run) = std::mem::replace(&mut self.stage, Stage::Done)
                    else {
                        unreachable!()
                    };
                    self.break_evens.push(run.finish());
                    self.stage = self.break_even_stage(i + 1);
                    // A break-even consumes the slice it finishes in.
                    return false;
                }
                Stage::Voi(k) => {
                    let k = *k;
                    if k < self.inputs.len() {
                        if let Some(x) = &self.columns[k] {
                            let v = evppi(
                                x,
                                &self.inb,
                                self.settings.window,
                                self.settings.bootstrap,
                                self.input.simulation.seed ^ (k as u64 + 1),
                            );
                            self.voi_rows.push(VoiRow {
                                input: self.inputs[k].clone(),
                                evppi: v,
                            });
                        }
                        self.stage = Stage::Voi(k + 1);
                        budget = budget.saturating_sub((self.inb.len() / 8).max(1) as u64);
                    } else {
                        self.finish_voi();
                        self.stage = Stage::Done;
                    }
                }
            }
            if budget == 0 {
                return matches!(self.stage, Stage::Done);
            }
        }
    }

    fn tornado_eval(&mut self, k: usize, high: bool) -> Stage {
        if k >= self.inputs.len() {
            self.finish_tornado();
            return self.break_even_stage(0);
        }
        let inp = &self.inputs[k];
        let v = if high { inp.high } else { inp.low };
        Stage::Tornado {
            k,
            high,
            eval: Eval::new(&self.input, self.pair, self.paths, inp, v),
        }
    }

    fn finish_tornado(&mut self) {
        let base = self.base.as_ref().expect("base first");
        let base_point = base.point(0.0, &base.totals[0], &base.totals[1]);
        let mut rows: Vec<TornadoRow> = self
            .inputs
            .iter()
            .zip(self.lows.iter().zip(&self.highs))
            .map(|(inp, (lo, hi))| TornadoRow {
                input: inp.clone(),
                low: *lo,
                high: *hi,
                swing: (hi.median_difference - lo.median_difference).abs(),
            })
            .collect();
        // Stable sort: ties keep field-table order.
        rows.sort_by(|x, y| {
            let key = |r: &TornadoRow| {
                let s = if r.swing.is_nan() { -1.0 } else { r.swing };
                let p = (r.high.p_a_cheaper - r.low.p_a_cheaper).abs();
                (s, if p.is_nan() { -1.0 } else { p })
            };
            let (kx, ky) = (key(x), key(y));
            ky.0.total_cmp(&kx.0).then(ky.1.total_cmp(&kx.1))
        });
        self.tornado = Some(Tornado {
            a: self.pair.0,
            b: self.pair.1,
            paths: self.paths as u32,
            base: base_point,
            rows,
        });
    }

    fn break_even_stage(&mut self, i: usize) -> Stage {
        let rows = self.tornado.as_ref().map(|t| &t.rows[..]).unwrap_or(&[]);
        if i >= self.settings.top.min(rows.len()) {
            return Stage::Voi(0);
        }
        let target = rows[i].input.clone();
        Stage::BreakEven(
            i,
            Box::new(BreakEvenRun::with_base(
                &self.input,
                self.pair,
                target,
                None,
                self.settings,
                self.base.clone(),
                self.reruns.clone(),
            )),
        )
    }

    fn finish_voi(&mut self) {
        let mut rows = std::mem::take(&mut self.voi_rows);
        rows.sort_by(|x, y| y.evppi.value.total_cmp(&x.evppi.value));
        let not_per_path = self
            .inputs
            .iter()
            .zip(&self.columns)
            .filter(|(_, c)| c.is_none())
            .map(|(i, _)| i.clone())
            .collect();
        self.voi = Some(Voi {
            a: self.pair.0,
            b: self.pair.1,
            paths: self.inb.len() as u32,
            evpi: evpi(
                &self.inb,
                self.settings.bootstrap,
                self.input.simulation.seed,
            ),
            rows,
            not_per_path,
        });
    }

    /// Everything; finishes any work left first.
    pub fn finish(mut self) -> Report {
        while !self.advance(u64::MAX) {}
        Report {
            tornado: self.tornado.expect("complete"),
            break_evens: self.break_evens,
            voi: self.voi.expect("complete"),
        }
    }
}

/// The whole analysis at once: [`Insight`] run to the end.
pub fn analyse(
    scenario: &Scenario,
    draws: &PathDraws,
    a: usize,
    b: usize,
    settings: Settings,
) -> Report {
    Insight::new(scenario, draws, a, b, settings).finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{preset, PresetId};

    #[test]
    fn reruns_reproduce_the_main_runs_totals_bit_for_bit() {
        let scenario = validate(&preset(PresetId::England2024)).unwrap();
        let (_, draws) = crate::simulate_with_draws(&scenario, 50);
        let mut out = vec![vec![0.0; 50]; 2];
        // Drawing each path's months afresh, and with the first 30 paths'
        // months drawn once beforehand: the same bits.
        path_totals(
            scenario.input(),
            &[2, 0],
            0,
            50,
            &mut out,
            &ContextDraws::default(),
            &mut TotalsScratch::default(),
        );
        let mut cached = vec![vec![0.0; 50]; 2];
        let some = ContextDraws::new(scenario.input(), 30);
        path_totals(
            scenario.input(),
            &[2, 0],
            0,
            50,
            &mut cached,
            &some,
            &mut TotalsScratch::default(),
        );
        assert_eq!(cached, out);
        let t2 = draws.outcome("options[2].total").unwrap();
        let t0 = draws.outcome("options[0].total").unwrap();
        for p in 0..50 {
            assert_eq!(out[0][p] as f32, t2[p]);
            assert_eq!(out[1][p] as f32, t0[p]);
        }
    }

    fn uniform_x(n: usize) -> Vec<f32> {
        // A fixed scramble of 0..n, so x is not in path order.
        (0..n).map(|i| ((i * 7919) % n) as f32 / n as f32).collect()
    }

    #[test]
    fn evppi_equals_evpi_when_the_input_decides_everything() {
        let x = uniform_x(5_000);
        let inb: Vec<f64> = x.iter().map(|&v| 1e6 * (v as f64 - 0.3)).collect();
        let full = evpi(&inb, 10, 1);
        let part = evppi(&x, &inb, 0.05, 10, 1);
        // E[max(x - 0.3, 0)] for x uniform: 0.7^2 / 2 = 0.245; minus max(0.2, 0).
        assert!((full.value - 45_000.0).abs() < 500.0, "{full:?}");
        assert!(
            (part.value - full.value).abs() < 0.01 * full.value,
            "{part:?} {full:?}"
        );
    }

    #[test]
    fn evppi_is_zero_for_an_input_that_cannot_change_the_decision() {
        let x = uniform_x(5_000);
        // Noise unrelated to x, around a clear winner.
        let inb: Vec<f64> = (0..5_000)
            .map(|i| -2e6 + 5e5 * (((i * 104_729) % 997) as f64 / 997.0 - 0.5))
            .collect();
        assert_eq!(evppi(&x, &inb, 0.05, 10, 1).value, 0.0);
        // And where x shifts the benefit without ever changing the sign.
        let inb: Vec<f64> = x.iter().map(|&v| -3e6 + 1e6 * v as f64).collect();
        assert_eq!(evppi(&x, &inb, 0.05, 10, 1).value, 0.0);
        assert_eq!(evpi(&inb, 10, 1).value, 0.0);
    }

    #[test]
    fn equal_draws_share_one_smoothed_value() {
        let x = vec![1.0f32; 1_000];
        let inb: Vec<f64> = (0..1_000)
            .map(|i| if i % 2 == 0 { 1.0 } else { -1.5 })
            .collect();
        // A constant input carries no information.
        assert!(evppi(&x, &inb, 0.05, 5, 1).value.abs() < 1e-9);
    }
}
