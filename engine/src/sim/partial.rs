//! Slices of a run and their merge.
//!
//! A run over a slice of the paths ([`crate::Run::new_slice`]) ends in a
//! [`Partial`]: every path's finals, the year-end overspends, and each
//! month's mergeable summaries (bin counts, extremes, exact sums, seat
//! counts). [`merge`] joins slices that cover all the paths into the
//! [`Results`] a single run gives, bit for bit, whatever the split: a whole
//! run is itself one slice merged.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::service::ByCategory;
use super::{break_even, HISTOGRAM_BINS};
use crate::binned;
use crate::input::{Route, ScenarioInput};
use crate::output::{
    Category, Column, Estimate, OptionResult, PairResult, Quantiles, Results, Summary,
};
use crate::stats;
use crate::validate::Scenario;

/// Monthly series with quantiles, per option, in this order: the six
/// categories of [`Category::ALL`], total, cumulative, agency share, stability.
pub(crate) const SERIES: usize = 10;
/// Series with an exact sum: the six categories, agency share, stability.
pub(crate) const SUMS: usize = 8;
/// `u32` words per exact sum (an `i128`, little-endian words).
const SUM_WORDS: usize = 4;
/// `f64` finals per option-path: the six categories' spend, NPV, paid to
/// the partner, children at the horizon.
pub(crate) const FINALS: usize = 9;
pub(crate) const F_NPV: usize = 6;
pub(crate) const F_PAID: usize = 7;
pub(crate) const F_CHILDREN: usize = 8;
/// `u32` finals per option-path: leadership changes, stable months, 24
/// stable months reached (0/1), contract let (0/1).
pub(crate) const COUNTS: usize = 4;
pub(crate) const C_CHANGES: usize = 0;
pub(crate) const C_STABLE: usize = 1;
pub(crate) const C_GOT24: usize = 2;
pub(crate) const C_LET: usize = 3;

/// What a run over a slice of the paths hands over for merging: flat arrays
/// only (so a web worker can send them as transferable typed arrays), in
/// path order within the slice. "paths" below means the slice's paths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    /// Paths in the whole run.
    pub total_paths: u32,
    /// First path of the slice.
    pub first_path: u32,
    /// Paths in the slice.
    pub paths: u32,
    /// Options in the scenario.
    pub options: u32,
    /// Months simulated.
    pub horizon_months: u32,
    /// Per-path finals, `[option][field][path]`, fields: spend by category
    /// (in [`Category::ALL`] order), NPV, paid to the partner, children at
    /// the horizon.
    pub finals: Vec<f64>,
    /// Per-path counts, `[option][field][path]`, fields: leadership changes,
    /// stable months, 24 stable months reached (0 or 1), contract let (0 or 1).
    pub counts: Vec<u32>,
    /// Each year's spend minus that year's budget, `[year][option][path]`.
    pub year_overspend: Vec<f64>,
    /// Paths in each seat state at each month's end, `[month][option][seat]`.
    pub seats: Vec<u32>,
    /// Exact fixed-point sums, `[month][option][series]` for the six
    /// categories (2^-12 pounds), agency share and stability (2^-40); each
    /// an `i128` in four little-endian `u32` words.
    pub sums: Vec<u32>,
    /// Smallest and largest value, `[month][option][series][min, max]`, for
    /// the ten series (categories, total, cumulative, agency share, stability).
    pub extremes: Vec<f64>,
    /// Start of each `[month][option][series]` bin list in `bin_keys` and
    /// `bin_counts`, plus the end of the last.
    pub bin_offsets: Vec<u32>,
    /// Bin keys (ascending within a list).
    pub bin_keys: Vec<u32>,
    /// Paths in each bin.
    pub bin_counts: Vec<u32>,
}

/// Why slices could not be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// No slices were given.
    Empty,
    /// A slice does not fit the scenario or the others (options, months or
    /// total paths differ), or its arrays are malformed.
    Mismatch(String),
    /// The slices do not cover every path exactly once: the first path
    /// missing or covered twice.
    Coverage {
        /// The path at which coverage breaks.
        at: u32,
    },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::Empty => write!(f, "no slices to merge"),
            MergeError::Mismatch(why) => write!(f, "slice does not fit: {why}"),
            MergeError::Coverage { at } => {
                write!(f, "slices do not cover every path once (at path {at})")
            }
        }
    }
}

impl std::error::Error for MergeError {}

impl Partial {
    /// An empty partial for `options` options over `horizon` months, to be
    /// filled month by month.
    pub(crate) fn start(
        total: u32,
        first: u32,
        paths: u32,
        options: usize,
        horizon: usize,
    ) -> Self {
        let lists = horizon * options * SERIES;
        let mut bin_offsets = Vec::with_capacity(lists + 1);
        bin_offsets.push(0);
        Partial {
            total_paths: total,
            first_path: first,
            paths,
            options: options as u32,
            horizon_months: horizon as u32,
            finals: Vec::new(),
            counts: Vec::new(),
            year_overspend: Vec::with_capacity(horizon.div_ceil(12) * options * paths as usize),
            seats: Vec::with_capacity(horizon * options * 3),
            sums: Vec::with_capacity(horizon * options * SUMS * SUM_WORDS),
            extremes: Vec::with_capacity(lists * 2),
            bin_offsets,
            bin_keys: Vec::new(),
            bin_counts: Vec::new(),
        }
    }

    /// A whole run of `n` paths (paths `0..n`, as [`crate::Run::new`] makes)
    /// as the first `n` paths of a `total`-path run, to merge with slices
    /// of the rest: path p draws the same numbers whatever the path count,
    /// so a preview's paths need not be simulated again for the full run.
    ///
    /// ```
    /// use turnaround_engine::{merge, presets, simulate_with_paths, validate, Run};
    ///
    /// let scenario = validate(&presets::preset(presets::PresetId::England2024)).unwrap();
    /// let preview = Run::new(&scenario, 100).finish_partial();
    /// // The preview's own results...
    /// assert_eq!(merge(&scenario, vec![preview.clone()]).unwrap(), simulate_with_paths(&scenario, 100));
    /// // ...and, with the other 200 paths, the 300-path run's.
    /// let rest = Run::new_slice(&scenario, 300, 100..300).finish_partial();
    /// let parts = vec![preview.first_of(300).unwrap(), rest];
    /// assert_eq!(merge(&scenario, parts).unwrap(), simulate_with_paths(&scenario, 300));
    /// ```
    ///
    /// # Errors
    ///
    /// [`MergeError::Mismatch`] unless this is a whole run of at most
    /// `total` paths.
    pub fn first_of(mut self, total: u32) -> Result<Partial, MergeError> {
        if self.first_path != 0 || self.paths != self.total_paths || self.paths > total {
            return Err(MergeError::Mismatch(
                "only a whole run of at most the total paths can start a larger run".into(),
            ));
        }
        self.total_paths = total;
        Ok(self)
    }

    /// Appends an exact sum.
    pub(crate) fn push_sum(&mut self, s: i128) {
        let u = s as u128;
        for w in 0..SUM_WORDS {
            self.sums.push((u >> (32 * w)) as u32);
        }
    }

    fn sum(&self, i: usize) -> i128 {
        let w = &self.sums[i * SUM_WORDS..(i + 1) * SUM_WORDS];
        let mut u = 0u128;
        for (k, &x) in w.iter().enumerate() {
            u |= (x as u128) << (32 * k);
        }
        u as i128
    }

    fn years(&self) -> usize {
        (self.horizon_months as usize).div_ceil(12)
    }

    /// Checks the arrays' shapes and each bin list's count.
    fn check(&self) -> Result<(), MergeError> {
        let bad = |what: &str| Err(MergeError::Mismatch(what.to_string()));
        let (o, h, n) = (
            self.options as usize,
            self.horizon_months as usize,
            self.paths as usize,
        );
        let lists = h * o * SERIES;
        if self.finals.len() != o * FINALS * n || self.counts.len() != o * COUNTS * n {
            return bad("finals");
        }
        if self.year_overspend.len() != self.years() * o * n {
            return bad("year overspend");
        }
        if self.seats.len() != h * o * 3
            || self.sums.len() != h * o * SUMS * SUM_WORDS
            || self.extremes.len() != lists * 2
        {
            return bad("monthly summaries");
        }
        if self.bin_offsets.len() != lists + 1
            || self.bin_offsets[0] != 0
            || self.bin_offsets[lists] as usize != self.bin_keys.len()
            || self.bin_keys.len() != self.bin_counts.len()
        {
            return bad("bins");
        }
        for w in self.bin_offsets.windows(2) {
            if w[0] > w[1] {
                return bad("bin offsets");
            }
            let (a, b) = (w[0] as usize, w[1] as usize);
            let keys = &self.bin_keys[a..b];
            if keys.windows(2).any(|k| k[0] >= k[1])
                || self.bin_counts[a..b].iter().map(|&c| c as u64).sum::<u64>() != n as u64
            {
                return bad("bin list");
            }
        }
        Ok(())
    }

    fn list(&self, j: usize) -> (&[u32], &[u32]) {
        let (a, b) = (
            self.bin_offsets[j] as usize,
            self.bin_offsets[j + 1] as usize,
        );
        (&self.bin_keys[a..b], &self.bin_counts[a..b])
    }
}

/// Merges slices that together cover every path of a run once, given in any
/// order, into the results of the whole run: equal, bit for bit, to
/// [`crate::simulate_with_paths`]`(scenario, total)` for every split.
///
/// ```
/// use turnaround_engine::{merge, presets, simulate_with_paths, validate, Run};
///
/// let scenario = validate(&presets::preset(presets::PresetId::Sandwell2012)).unwrap();
/// let parts = vec![
///     Run::new_slice(&scenario, 300, 170..300).finish_partial(),
///     Run::new_slice(&scenario, 300, 0..170).finish_partial(),
/// ];
/// assert_eq!(merge(&scenario, parts).unwrap(), simulate_with_paths(&scenario, 300));
/// ```
pub fn merge(scenario: &Scenario, parts: Vec<Partial>) -> Result<Results, MergeError> {
    let input = scenario.input();
    let whole = merge_parts(input, parts)?;
    Ok(assemble(input, &whole, false).0)
}

/// Joins slices into one partial covering every path.
pub(crate) fn merge_parts(
    input: &ScenarioInput,
    mut parts: Vec<Partial>,
) -> Result<Partial, MergeError> {
    let first = parts.first().ok_or(MergeError::Empty)?;
    let total = first.total_paths;
    let (o, h) = (
        input.options.len(),
        input.simulation.horizon_months as usize,
    );
    for p in &parts {
        if p.total_paths != total || p.options as usize != o || p.horizon_months as usize != h {
            return Err(MergeError::Mismatch(
                "options, months or total paths differ".into(),
            ));
        }
        p.check()?;
    }
    parts.sort_by_key(|p| (p.first_path, p.paths));
    let mut at = 0u32;
    for p in &parts {
        if p.first_path != at {
            return Err(MergeError::Coverage { at });
        }
        at = at.checked_add(p.paths).ok_or(MergeError::Coverage { at })?;
    }
    if at != total {
        return Err(MergeError::Coverage { at });
    }
    parts.retain(|p| p.paths > 0);
    if parts.len() == 1 {
        return Ok(parts.pop().expect("one part"));
    }
    if parts.is_empty() {
        return Err(MergeError::Coverage { at: 0 });
    }

    let mut m = Partial::start(total, 0, total, o, h);
    // Per-path arrays: concatenate each block's paths in path order.
    let concat = |out: &mut Vec<f64>, blocks: usize, get: &dyn Fn(&Partial) -> &[f64]| {
        for b in 0..blocks {
            for p in &parts {
                let n = p.paths as usize;
                out.extend_from_slice(&get(p)[b * n..(b + 1) * n]);
            }
        }
    };
    concat(&mut m.finals, o * FINALS, &|p| &p.finals);
    let years = m.years();
    concat(&mut m.year_overspend, years * o, &|p| &p.year_overspend);
    for b in 0..o * COUNTS {
        for p in &parts {
            let n = p.paths as usize;
            m.counts.extend_from_slice(&p.counts[b * n..(b + 1) * n]);
        }
    }
    // Monthly summaries: counts and sums add, extremes take the extremes.
    m.seats = parts[0].seats.clone();
    for p in &parts[1..] {
        for (a, b) in m.seats.iter_mut().zip(&p.seats) {
            *a += b;
        }
    }
    for i in 0..h * o * SUMS {
        let s = parts
            .iter()
            .fold(0i128, |acc, p| acc.wrapping_add(p.sum(i)));
        m.push_sum(s);
    }
    m.extremes = parts[0].extremes.clone();
    for p in &parts[1..] {
        for (pair, other) in m
            .extremes
            .chunks_exact_mut(2)
            .zip(p.extremes.chunks_exact(2))
        {
            pair[0] = pair[0].min(other[0]);
            pair[1] = pair[1].max(other[1]);
        }
    }
    let mut lists: Vec<(&[u32], &[u32])> = Vec::with_capacity(parts.len());
    for j in 0..h * o * SERIES {
        lists.clear();
        lists.extend(parts.iter().map(|p| p.list(j)));
        binned::merge_bins(&lists, &mut m.bin_keys, &mut m.bin_counts);
        m.bin_offsets.push(m.bin_keys.len() as u32);
    }
    Ok(m)
}

fn empty_summary() -> Summary {
    Summary {
        quantiles: stats::constant(0.0, 0.0),
        mcse: 0.0,
        quantile_mcse: [0.0; 7],
    }
}

/// The results of a whole run from its partial (which covers every path),
/// and when `outcomes` is set, the per-path outcome columns of
/// [`crate::PathDraws`].
pub(crate) fn assemble(
    input: &ScenarioInput,
    w: &Partial,
    outcomes: bool,
) -> (Results, Vec<Column>) {
    let cx = &input.context;
    let n = w.paths as usize;
    let horizon = w.horizon_months as usize;
    let n_opt = w.options as usize;
    let years = w.years();
    let inv_n = 1.0 / n as f64;
    let money = |s: i128| s as f64 * (1.0 / binned::MONEY_SCALE) * inv_n;
    let share = |s: i128| s as f64 * (1.0 / binned::SHARE_SCALE) * inv_n;

    let mut results: Vec<OptionResult> = Vec::with_capacity(n_opt);
    for (o, oi) in input.options.iter().enumerate() {
        let mut r = OptionResult {
            name: oi.name.clone(),
            monthly_by_category: Category::ALL
                .iter()
                .map(|_| Vec::with_capacity(horizon))
                .collect(),
            monthly_total: Vec::with_capacity(horizon),
            cumulative_total: Vec::with_capacity(horizon),
            annual_by_category_mean: Vec::with_capacity(years),
            annual_overspend: Vec::with_capacity(years),
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
        };
        let mut cumulative: i128 = 0;
        for t in 0..horizon {
            let at = t * n_opt + o;
            let q = |s: usize, mean: f64| -> Quantiles {
                let j = at * SERIES + s;
                let (keys, counts) = w.list(j);
                binned::quantiles(
                    keys,
                    counts,
                    n,
                    w.extremes[2 * j],
                    w.extremes[2 * j + 1],
                    mean,
                )
            };
            let mut month: i128 = 0;
            for c in Category::ALL {
                let s = w.sum(at * SUMS + c.index());
                month = month.wrapping_add(s);
                r.monthly_by_category[c.index()].push(q(c.index(), money(s)));
            }
            cumulative = cumulative.wrapping_add(month);
            r.monthly_total.push(q(6, money(month)));
            r.cumulative_total.push(q(7, money(cumulative)));
            r.agency_share.push(q(8, share(w.sum(at * SUMS + 6))));
            r.stability.push(q(9, share(w.sum(at * SUMS + 7))));
            let seats = &w.seats[at * 3..at * 3 + 3];
            r.seat_probability.push([
                seats[0] as f64 * inv_n,
                seats[1] as f64 * inv_n,
                seats[2] as f64 * inv_n,
            ]);
        }
        // Years: annual means by category from the monthly means.
        let mut tmp = Vec::with_capacity(n);
        for y in 0..years {
            let (from, to) = (y * 12, ((y + 1) * 12).min(horizon));
            let mut year = [0.0; 6];
            for (k, v) in year.iter_mut().enumerate() {
                *v = r.monthly_by_category[k][from..to]
                    .iter()
                    .map(|q| q.mean)
                    .sum();
            }
            r.annual_by_category_mean.push(year);
            let values = &w.year_overspend[(y * n_opt + o) * n..(y * n_opt + o + 1) * n];
            r.annual_overspend.push(stats::summary(values, &mut tmp));
        }
        results.push(r);
    }

    // Horizon summaries from the per-path finals.
    let budget_total: f64 = super::budget(input).iter().sum();
    let mut tmp = Vec::with_capacity(n);
    let mut totals: Vec<Vec<f64>> = Vec::with_capacity(n_opt);
    let mut route: Vec<Vec<f64>> = Vec::with_capacity(n_opt);
    let mut changes: Vec<Vec<f64>> = Vec::with_capacity(n_opt);
    let mut let_: Vec<Vec<bool>> = Vec::with_capacity(n_opt);
    let mut out: Vec<Column> = Vec::new();
    let column = |name: String, v: &[f64]| Column {
        name,
        values: v.iter().map(|&x| x as f32).collect(),
    };
    for (o, r) in results.iter_mut().enumerate() {
        let f = |k: usize| &w.finals[(o * FINALS + k) * n..(o * FINALS + k + 1) * n];
        let c = |k: usize| &w.counts[(o * COUNTS + k) * n..(o * COUNTS + k + 1) * n];
        let spend = ByCategory::from_fn(|c| f(c.index()));
        let value = input.options[o].contract.value;
        let total: Vec<f64> = (0..n).map(|p| spend.at(p).total()).collect();
        r.total = stats::summary(&total, &mut tmp);
        r.total_by_category = Category::ALL
            .iter()
            .map(|&c| stats::summary(spend.get(c), &mut tmp))
            .collect();
        r.npv = stats::summary(f(F_NPV), &mut tmp);
        let over: Vec<f64> = total.iter().map(|t| t - budget_total).collect();
        r.overspend = stats::summary(&over, &mut tmp);
        let rc: Vec<f64> = (0..n)
            .map(|p| spend.leadership[p] + spend.contract[p])
            .collect();
        r.route_cost = stats::summary(&rc, &mut tmp);
        let service: Vec<f64> = (0..n)
            .map(|p| {
                spend.social_worker_pay[p]
                    + spend.agency_premium[p]
                    + spend.placements[p]
                    + spend.sen_transport[p]
            })
            .collect();
        r.service_spend = stats::summary(&service, &mut tmp);
        let paid = f(F_PAID);
        r.paid_to_partner = stats::summary(paid, &mut tmp);
        r.p_paid_above_value = stats::proportion(
            paid.iter().filter(|&&x| x > value * (1.0 + 1e-12)).count(),
            n,
        );
        let lets: Vec<bool> = c(C_LET).iter().map(|&l| l != 0).collect();
        r.contract_let = stats::proportion(lets.iter().filter(|&&l| l).count(), n);
        let children = f(F_CHILDREN);
        r.children_end = stats::summary(children, &mut tmp);
        let ch: Vec<f64> = c(C_CHANGES).iter().map(|&x| x as f64).collect();
        r.leadership_changes = stats::estimate(&ch);
        r.distinct_holders = Estimate {
            mean: r.leadership_changes.mean + 1.0,
            mcse: r.leadership_changes.mcse,
        };
        let share: Vec<f64> = c(C_STABLE)
            .iter()
            .map(|&s| s as f64 / horizon as f64)
            .collect();
        r.stable_share = stats::estimate(&share);
        r.p_stable_24 = stats::proportion(c(C_GOT24).iter().filter(|&&g| g != 0).count(), n);
        if outcomes {
            out.push(column(format!("options[{o}].total"), &total));
            out.push(column(format!("options[{o}].route_cost"), &rc));
            out.push(column(format!("options[{o}].paid_to_partner"), paid));
            let let_f: Vec<f64> = lets.iter().map(|&l| f64::from(u8::from(l))).collect();
            out.push(column(format!("options[{o}].contract_let"), &let_f));
            out.push(column(format!("options[{o}].leadership_changes"), &ch));
            out.push(column(format!("options[{o}].children_end"), children));
        }
        totals.push(total);
        route.push(rc);
        changes.push(ch);
        let_.push(lets);
    }

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
            if outcomes {
                out.push(column(format!("pairs[{a},{b}].difference"), &diff));
            }
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
        engine_version: super::ENGINE_VERSION.to_string(),
        paths: n as u32,
        horizon_months: horizon as u32,
        seed: input.simulation.seed,
        price_base_year: cx.finance.price_base_year,
        options: results,
        pairs,
    };
    (results, out)
}
