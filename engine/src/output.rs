//! Results of a run: summaries only, never raw paths, so they are cheap to
//! send across a web-worker boundary.

use serde::{Deserialize, Serialize};

/// Cumulative probabilities reported in every [`Quantiles`].
pub const QUANTILE_LEVELS: [f64; 7] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];

/// Quantiles across paths, plus the mean.
///
/// The quantile at level p is the order statistic with zero-based index
/// `round(p x (n - 1))` of the n path values (no interpolation).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Quantiles {
    /// 5th percentile.
    pub p5: f64,
    /// 10th percentile.
    pub p10: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Mean across paths.
    pub mean: f64,
}

impl Quantiles {
    /// The seven quantiles in the order of [`QUANTILE_LEVELS`].
    pub fn levels(&self) -> [f64; 7] {
        [
            self.p5, self.p10, self.p25, self.p50, self.p75, self.p90, self.p95,
        ]
    }
}

/// A mean and its Monte Carlo standard error (standard deviation across paths / sqrt(paths)).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// Mean across paths (for a probability: the share of paths).
    pub mean: f64,
    /// Monte Carlo standard error of the mean.
    pub mcse: f64,
}

/// Distribution of a headline figure across paths.
///
/// `mcse` is the Monte Carlo standard error of `quantiles.mean`.
/// `quantile_mcse[i]` is that of the quantile at `QUANTILE_LEVELS[i]`, from the
/// distribution-free (binomial) 95% interval for a quantile: the order
/// statistics at ranks n p -/+ 1.96 sqrt(n p (1 - p)), whose spread divided by
/// 2 x 1.96 approximates a standard error.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Quantiles and mean.
    pub quantiles: Quantiles,
    /// Monte Carlo standard error of the mean.
    pub mcse: f64,
    /// Monte Carlo standard error of each quantile, in `QUANTILE_LEVELS` order.
    pub quantile_mcse: [f64; 7],
}

impl Summary {
    /// Monte Carlo standard errors of P10, P50 and P90.
    pub fn p10_p50_p90_mcse(&self) -> [f64; 3] {
        [
            self.quantile_mcse[1],
            self.quantile_mcse[3],
            self.quantile_mcse[5],
        ]
    }
}

/// Spending categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Director pay (permanent), interim day rates, search campaign fees.
    Leadership,
    /// Social worker establishment at permanent cost with on-costs.
    SocialWorkerPay,
    /// Agency premium over permanent cost for posts covered by agency staff.
    AgencyPremium,
    /// Placements of children looked after.
    Placements,
    /// SEN home-to-school transport and travel training.
    SenTransport,
    /// Improvement capacity: partner contract fees (with at-risk payments,
    /// extensions and variations), procurement, client-side contract
    /// management, and the option's own improvement team.
    Contract,
}

impl Category {
    /// All categories, in array order.
    pub const ALL: [Category; 6] = [
        Category::Leadership,
        Category::SocialWorkerPay,
        Category::AgencyPremium,
        Category::Placements,
        Category::SenTransport,
        Category::Contract,
    ];

    /// Human label.
    pub fn label(&self) -> &'static str {
        match self {
            Category::Leadership => "Leadership",
            Category::SocialWorkerPay => "Social worker pay",
            Category::AgencyPremium => "Agency premium",
            Category::Placements => "Placements",
            Category::SenTransport => "SEN transport",
            Category::Contract => "Contract and improvement team",
        }
    }

    /// Position in [`Category::ALL`].
    pub fn index(&self) -> usize {
        *self as usize
    }
}

/// Who holds the director's seat at the end of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeatState {
    /// A permanent director employed by the council.
    Permanent,
    /// A director supplied by the improvement partner under contract.
    Partner,
    /// Interim cover (paid by the council, or by the partner during a replacement gap).
    Interim,
}

impl SeatState {
    /// All states, in array order.
    pub const ALL: [SeatState; 3] = [SeatState::Permanent, SeatState::Partner, SeatState::Interim];

    /// Human label.
    pub fn label(&self) -> &'static str {
        match self {
            SeatState::Permanent => "Permanent",
            SeatState::Partner => "Partner",
            SeatState::Interim => "Interim",
        }
    }

    /// Position in [`SeatState::ALL`].
    pub fn index(&self) -> usize {
        *self as usize
    }
}

/// Counts of values in equal-width bins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// Bin edges, one more than the bins; bin i covers [edges\[i\], edges\[i+1\]) (the last bin includes its upper edge).
    pub edges: Vec<f64>,
    /// Paths in each bin.
    pub counts: Vec<u32>,
}

/// Everything a run reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Engine and model version; numbers are reproducible for the same version, input, seed and paths.
    pub engine_version: String,
    /// Paths simulated.
    pub paths: u32,
    /// Months simulated.
    pub horizon_months: u32,
    /// Seed used.
    pub seed: u64,
    /// Price base year of all money figures.
    pub price_base_year: u16,
    /// One result per option, in input order.
    pub options: Vec<OptionResult>,
    /// Every pair (a, b) of options with a < b.
    pub pairs: Vec<PairResult>,
}

/// Results for one option. Month index 0 is the first simulated month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionResult {
    /// Option name.
    pub name: String,
    /// Monthly spend: `[category index in Category::ALL][month]`.
    pub monthly_by_category: Vec<Vec<Quantiles>>,
    /// Monthly total spend: `[month]`.
    pub monthly_total: Vec<Quantiles>,
    /// Cumulative spend to the end of each month: `[month]`.
    pub cumulative_total: Vec<Quantiles>,
    /// Mean spend by year and category: `[year][category]`; the final year is partial when the horizon is not a multiple of 12.
    pub annual_by_category_mean: Vec<[f64; 6]>,
    /// Spend in each year minus the (pro-rata) annual budget: `[year]`.
    pub annual_overspend: Vec<Summary>,
    /// Total spend over the horizon.
    pub total: Summary,
    /// Total spend over the horizon by category: `[category]`.
    pub total_by_category: Vec<Summary>,
    /// Net present value of spend at the discount rate (monthly discounting, end of month).
    pub npv: Summary,
    /// Total spend minus budget over the horizon (budget uprated by
    /// `finance.budget_uprating`, pro rata by month); negative = underspend.
    pub overspend: Summary,
    /// Leadership-route cost: leadership plus the contract-and-team category
    /// (partner fees, procurement, contract management, own team), the cost
    /// of the route itself, apart from service spend.
    pub route_cost: Summary,
    /// Service spend: social worker pay, agency premium, placements and SEN
    /// transport (what the route is meant to change).
    pub service_spend: Summary,
    /// Total spend minus the baseline option's total on the same path
    /// (`finance.baseline_option`); zero for the baseline itself.
    pub vs_baseline: Summary,
    /// Total paid to the improvement partner (fees, extensions, variations,
    /// at-risk payments); zero on paths where no contract is let.
    pub paid_to_partner: Summary,
    /// Probability that the payments to the partner exceed the contract value.
    pub p_paid_above_value: Estimate,
    /// Children looked after at the horizon.
    pub children_end: Summary,
    /// Probability that the contract is let (procurement succeeds within the
    /// horizon); zero for routes without a contract.
    pub contract_let: Estimate,
    /// Leadership changes (each change of the person in the seat).
    pub leadership_changes: Estimate,
    /// People who held the seat, including the interim in post at the start.
    pub distinct_holders: Estimate,
    /// Share of months ending with a permanent or partner director.
    pub stable_share: Estimate,
    /// Probability of at least 24 consecutive stable months (see the crate documentation).
    pub p_stable_24: Estimate,
    /// Probability of each seat state at the end of each month: `[month][SeatState index]`.
    pub seat_probability: Vec<[f64; 3]>,
    /// Agency share of the social worker establishment: `[month]`.
    pub agency_share: Vec<Quantiles>,
    /// Stability index S: `[month]`.
    pub stability: Vec<Quantiles>,
}

/// Paired comparison of option `a` with option `b` on the same paths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairResult {
    /// Index of the first option.
    pub a: usize,
    /// Index of the second option.
    pub b: usize,
    /// Total spend of `a` minus total spend of `b`, per path.
    pub difference: Summary,
    /// Histogram of that difference (40 bins).
    pub difference_histogram: Histogram,
    /// Share of paths where `a` spends strictly less than `b`.
    pub p_a_cheaper: Estimate,
    /// Share of paths where `b` spends strictly less than `a`.
    pub p_b_cheaper: Estimate,
    /// Paths on which every in-source option of the pair let its contract
    /// (all paths when neither option is in-source).
    pub paths_let: u32,
    /// Share of those paths where `a` spends strictly less than `b`:
    /// P(a cheaper | contract let). `None` when no path qualifies.
    pub p_a_cheaper_if_let: Option<Estimate>,
    /// Share of those paths where `b` spends strictly less than `a`.
    pub p_b_cheaper_if_let: Option<Estimate>,
    /// Share of paths where `a`'s leadership-route cost is below `b`'s.
    pub p_a_route_cheaper: Estimate,
    /// Break-even month: the first month (1-based) from which the mean
    /// cumulative difference in spend (a - b) keeps, to the horizon, the
    /// non-zero sign it has at the horizon. `None` when it has that sign in
    /// every month (the options never cross) or is exactly zero at the horizon.
    pub break_even_month: Option<u32>,
    /// Leadership changes of `a` minus those of `b`, per path.
    pub leadership_changes_difference: Estimate,
}

/// Per-path draws and outcomes of a run, kept compactly (`f32` columns, one
/// value per path) for sensitivity and value-of-information analysis. Not part
/// of [`Results`], so the page does not receive them unless it asks
/// ([`crate::Run::finish_with_draws`], [`crate::simulate_with_draws`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathDraws {
    /// The value of every uncertain input drawn for each path: shared inputs
    /// named by their field path (`context.placements.net_growth`), option
    /// inputs as `options[i].contract.team_strength`.
    pub inputs: Vec<Column>,
    /// Outcomes per path: `options[i].total`, `options[i].route_cost`,
    /// `options[i].paid_to_partner`, `options[i].contract_let` (1 or 0),
    /// `options[i].leadership_changes`, `options[i].children_end`, and for each pair
    /// `pairs[a,b].difference` (total of a minus total of b).
    pub outcomes: Vec<Column>,
}

/// One named column of per-path values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Field path or outcome name.
    pub name: String,
    /// One value per path, in path order.
    pub values: Vec<f32>,
}

impl PathDraws {
    /// The input column named `name`.
    pub fn input(&self, name: &str) -> Option<&[f32]> {
        self.inputs
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.values.as_slice())
    }

    /// The outcome column named `name`.
    pub fn outcome(&self, name: &str) -> Option<&[f32]> {
        self.outcomes
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.values.as_slice())
    }
}
