//! Scenario inputs: the shared context, the options compared, and the run settings.
//!
//! Every money figure is in pounds sterling (GBP) at the prices of
//! [`FinanceParams::price_base_year`]; every rate marked "annual" is a fraction
//! per year (0.035 = 3.5%); every duration is in months unless its name says
//! otherwise.

use serde::{Deserialize, Serialize};

/// An uncertain input: low / likely / high.
///
/// Each path draws one value from a triangular distribution with these three
/// points, by inverse CDF from one uniform number. `low == high` means the
/// value is fixed. Serialises as a three-element array `[low, likely, high]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f64; 3]", into = "[f64; 3]")]
pub struct Range {
    /// Lowest plausible value.
    pub low: f64,
    /// Most likely value (the mode).
    pub likely: f64,
    /// Highest plausible value.
    pub high: f64,
}

impl Range {
    /// A range that is not uncertain: every path uses `v`.
    pub const fn fixed(v: f64) -> Self {
        Range {
            low: v,
            likely: v,
            high: v,
        }
    }

    /// A range from its three points.
    pub const fn new(low: f64, likely: f64, high: f64) -> Self {
        Range { low, likely, high }
    }

    /// Mean of the triangular distribution, `(low + likely + high) / 3`.
    pub fn mean(&self) -> f64 {
        (self.low + self.likely + self.high) / 3.0
    }
}

impl From<[f64; 3]> for Range {
    fn from(a: [f64; 3]) -> Self {
        Range::new(a[0], a[1], a[2])
    }
}

impl From<Range> for [f64; 3] {
    fn from(r: Range) -> Self {
        [r.low, r.likely, r.high]
    }
}

/// A whole scenario: shared context, 1 to 4 options, and run settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioInput {
    /// Everything the options share: the council's workforce, children, SEN transport and money.
    pub context: Context,
    /// The options compared (1 to 4), run on the same simulated futures.
    pub options: Vec<OptionInput>,
    /// Seed, number of paths, horizon.
    pub simulation: Simulation,
}

/// Run settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    /// Random seed; the same seed, paths and engine version give the same numbers everywhere.
    pub seed: u64,
    /// Number of simulated futures, 100 to 100,000.
    pub paths: u32,
    /// Months simulated, 12 to 144 (the app offers 12 to 120; 144 is allowed
    /// so that the 12-year Sandwell calibration can run).
    pub horizon_months: u32,
}

/// The shared context: identical in every option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Context {
    /// How leadership changes feed an organisational stability index.
    pub stability: StabilityParams,
    /// Children's social worker establishment and costs.
    pub workforce: WorkforceParams,
    /// Children looked after, placement mix and unit costs.
    pub placements: PlacementParams,
    /// Special educational needs (SEN) home-to-school transport.
    pub sen: SenParams,
    /// Budget, discounting and price base.
    pub finance: FinanceParams,
}

/// Stability index settings. S runs from 0 (chaotic) to 1 (settled).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StabilityParams {
    /// S at month 0, 0 to 1 (0.4: the seat starts under interim cover).
    pub initial: f64,
    /// Level S moves toward while an interim holds the seat, 0 to 1 (default 0.4).
    pub interim_target: f64,
    /// Where a new permanent or partner director's target starts, 0 to 1 (e.g. 0.5).
    pub start_level: f64,
    /// Months for that target to ramp from `start_level` to 1 (e.g. 12); 0 = immediate.
    pub ramp_months: f64,
    /// Knock to S at each leadership change, 0 to 1 (default 0.15).
    pub shock: f64,
    /// Months for S to close about 63% of its gap to the target (default 6), at least 0.1.
    pub time_constant_months: f64,
    /// Extra annual social-worker turnover at S = 0, 0 to 1:
    /// turnover = base + churn_coupling x (1 - S).
    pub churn_coupling: f64,
    /// How much S scales vacancy filling, 0 to 1 (0: S irrelevant; 1: filling proportional to S).
    pub recruitment_coupling: f64,
    /// How much S scales the placement mix-shift programme's progress, 0 to 1.
    pub placement_coupling: f64,
    /// How much S scales travel-training throughput, 0 to 1.
    pub sen_coupling: f64,
}

/// Children's social worker establishment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkforceParams {
    /// Funded social worker posts, FTE (full-time equivalent).
    pub establishment_fte: f64,
    /// Share of the establishment filled by agency staff at month 0, 0 to 1.
    pub start_agency_share: f64,
    /// Cost of a permanent social worker with on-costs, GBP per FTE per year.
    pub permanent_cost_per_fte: Range,
    /// Extra cost of an agency social worker over a permanent one, GBP per FTE per year.
    pub agency_premium_per_fte: Range,
    /// Annual fraction of permanent staff who leave when S = 1.
    pub base_turnover: Range,
    /// Fraction of vacancies filled by permanent staff each month at S = 1 and recruitment strength 0, 0 to 1.
    pub base_fill_rate: f64,
    /// Annual pay inflation (applies to social worker and director pay, interim rates and campaign fees).
    pub pay_inflation: Range,
}

/// Placement types for children looked after, in the order used by every per-type array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementKind {
    /// Foster care provided by the council's own carers.
    InHouseFostering,
    /// Independent fostering agency.
    Ifa,
    /// Kinship (family and friends) care.
    Kinship,
    /// Council-run children's home.
    CouncilHome,
    /// Externally provided children's home.
    ExternalHome,
    /// Supported accommodation and other placements.
    Other,
}

impl PlacementKind {
    /// All kinds, in array order.
    pub const ALL: [PlacementKind; 6] = [
        PlacementKind::InHouseFostering,
        PlacementKind::Ifa,
        PlacementKind::Kinship,
        PlacementKind::CouncilHome,
        PlacementKind::ExternalHome,
        PlacementKind::Other,
    ];

    /// Human label.
    pub fn label(&self) -> &'static str {
        match self {
            PlacementKind::InHouseFostering => "In-house fostering",
            PlacementKind::Ifa => "Independent fostering agency",
            PlacementKind::Kinship => "Kinship care",
            PlacementKind::CouncilHome => "Children's home (council)",
            PlacementKind::ExternalHome => "Children's home (external)",
            PlacementKind::Other => "Supported accommodation / other",
        }
    }

    /// Stable short key used in share links (`pl.mix.ifa`).
    pub fn key(&self) -> &'static str {
        match self {
            PlacementKind::InHouseFostering => "inhouse",
            PlacementKind::Ifa => "ifa",
            PlacementKind::Kinship => "kin",
            PlacementKind::CouncilHome => "home",
            PlacementKind::ExternalHome => "ext",
            PlacementKind::Other => "other",
        }
    }

    /// Position in [`PlacementKind::ALL`].
    pub fn index(&self) -> usize {
        *self as usize
    }
}

/// Children looked after and placements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacementParams {
    /// Children looked after at month 0.
    pub children_start: f64,
    /// Annual net growth in the number of children looked after (fraction, may be negative).
    pub net_growth: Range,
    /// Share of children in each placement type, order of [`PlacementKind::ALL`]; sums to 1.
    pub mix: [f64; 6],
    /// Weekly cost per child in each placement type, GBP, order of [`PlacementKind::ALL`].
    pub weekly_cost: [Range; 6],
    /// Annual placement price inflation.
    pub inflation: Range,
    /// The mix-shift programme.
    pub shift: MixShift,
}

/// A programme that moves children from a costly placement type to a cheaper one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MixShift {
    /// Type children move out of.
    pub from: PlacementKind,
    /// Type children move into.
    pub to: PlacementKind,
    /// Fraction of all children to move (e.g. 0.05), at most the `from` share of the mix.
    pub share: f64,
    /// Month by which the move completes at S = 1 and programme strength 1 (1 to 600).
    pub target_month: u32,
}

/// SEN home-to-school transport.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SenParams {
    /// Pupils on funded transport at month 0.
    pub pupils: f64,
    /// Cost per pupil per year, GBP.
    pub cost_per_pupil: Range,
    /// Annual growth in pupils needing transport.
    pub growth: Range,
    /// Annual transport price inflation.
    pub inflation: Range,
    /// Pupils trained to travel independently per year at S = 1 and programme strength 1.
    pub training_per_year: f64,
    /// Cost of training one pupil, GBP.
    pub cost_per_trainee: f64,
}

/// Money settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinanceParams {
    /// Annual budget for the modelled lines, GBP, held flat in cash.
    pub annual_budget: f64,
    /// Annual discount rate for net present value (HM Treasury Green Book:
    /// 0.035). A real rate: it applies to spend in price-base-year pounds.
    pub discount_rate: f64,
    /// Annual general inflation (GDP deflator) that turns cash into
    /// price-base-year pounds for discounting, so the real Green Book rate
    /// is applied to real values. Absent in scenarios saved before it
    /// existed: 2%.
    #[serde(default = "default_general_inflation")]
    pub general_inflation: f64,
    /// Year whose prices the money inputs are in.
    pub price_base_year: u16,
}

fn default_general_inflation() -> f64 {
    0.02
}

/// How an option gets its director.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// Interim cover while a search campaign runs; appoint a permanent director; repeat on departure.
    Recruit,
    /// Procure an improvement partner who supplies a director and a team under contract.
    InSource,
    /// Successive interims, no campaign.
    InterimChain,
}

/// One option compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionInput {
    /// Name shown to users.
    pub name: String,
    /// Leadership route.
    pub route: Route,
    /// Director pay, interim rates, campaigns and tenure.
    pub leadership: LeadershipParams,
    /// The improvement-partner contract (used by [`Route::InSource`] only).
    pub contract: ContractParams,
    /// The option's own programme strengths.
    pub programmes: Programmes,
}

/// Leadership costs and durations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadershipParams {
    /// Permanent director pay with on-costs, GBP per year.
    pub permanent_cost_per_year: Range,
    /// Interim director day rate, GBP.
    pub interim_day_rate: Range,
    /// Days an interim is paid per year (220).
    pub interim_days_per_year: f64,
    /// Mean months an interim stays before another interim replaces them.
    pub interim_mean_stay_months: Range,
    /// Length of one search campaign, months (drawn afresh for each campaign).
    pub campaign_months: Range,
    /// Fee for one search campaign, GBP (drawn afresh for each campaign).
    pub campaign_fee: Range,
    /// Probability a campaign ends in an appointment, 0 to 1.
    pub campaign_success: f64,
    /// Mean months a permanent director stays (drawn once per path).
    pub permanent_mean_tenure_months: Range,
    /// Weibull shape of permanent tenure (1 = memoryless; below 1, more early departures), 0.2 to 10.
    pub tenure_shape: f64,
}

/// The improvement-partner contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContractParams {
    /// Months to procure the partner, under interim cover.
    pub procurement_months: Range,
    /// Probability procurement fails and the option falls back to the recruit route, 0 to 1.
    pub procurement_failure: f64,
    /// Contract length, months (1 to 600).
    pub length_months: u32,
    /// Total contract value, GBP.
    pub value: f64,
    /// Share of the value paid only in proportion to targets met at contract end, 0 to 1.
    pub at_risk_share: f64,
    /// Agency share of the establishment at or below which the agency target is met, 0 to 1.
    pub agency_share_target: f64,
    /// Fraction of the mix-shift share achieved by contract end at or above which the placement target is met, 0 to 1.
    pub mix_shift_target: f64,
    /// Probability the partner director leaves before contract end, over the whole contract, 0 to 1.
    pub partner_early_exit: f64,
    /// Months the partner takes to replace a departed director (cover at the partner's cost).
    pub partner_replacement_months: f64,
    /// Probability that at contract end the seat passes to a permanent director without a vacancy, 0 to 1.
    pub handover_probability: f64,
    /// Months before contract end that a recruit campaign starts if there is no handover.
    pub campaign_lead_months: u32,
    /// Strength added to every programme while the contract runs, at least 0.
    pub team_strength: f64,
}

/// An option's own programme strengths (0 = no programme; 1 = the programme's
/// nominal pace). At least 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programmes {
    /// Social worker recruitment: vacancy fill rate is multiplied by (1 + strength).
    pub recruitment: f64,
    /// Placement mix shift: progress per month is strength / target month.
    pub mix_shift: f64,
    /// Independent travel training: pupils trained per year is strength x `training_per_year`.
    pub travel_training: f64,
}
