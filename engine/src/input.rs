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
/// value is fixed. Serialises as a three-element array `[low, likely, high]`;
/// a plain number also reads as a fixed range, so scenarios saved when a
/// field was a single number (model 2) still load.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(into = "[f64; 3]")]
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

/// What a [`Range`] reads from: `[low, likely, high]` or one number.
#[derive(Deserialize)]
#[serde(untagged)]
enum RangeRepr {
    Three([f64; 3]),
    One(f64),
}

impl<'de> Deserialize<'de> for Range {
    /// Human-readable formats (JSON files) accept `[low, likely, high]` or a
    /// single number; compact binary formats (the page-to-worker transport,
    /// which cannot look ahead) read exactly three numbers.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            RangeRepr::deserialize(d).map(Range::from)
        } else {
            <[f64; 3]>::deserialize(d).map(Range::from)
        }
    }
}

impl From<RangeRepr> for Range {
    fn from(r: RangeRepr) -> Self {
        match r {
            RangeRepr::Three(a) => a.into(),
            RangeRepr::One(v) => Range::fixed(v),
        }
    }
}

fn zero() -> Range {
    Range::fixed(0.0)
}

impl Default for Range {
    /// Fixed at zero.
    fn default() -> Self {
        zero()
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
    pub shock: Range,
    /// Months for S to close about 63% of its gap to the target (default 6), at least 0.1.
    pub time_constant_months: f64,
    /// Extra annual social-worker turnover at S = 0, 0 to 1:
    /// turnover = base + churn_coupling x (1 - S).
    pub churn_coupling: Range,
    /// How much S scales vacancy filling, 0 to 1 (0: S irrelevant; 1: filling proportional to S).
    pub recruitment_coupling: Range,
    /// How much S scales the placement mix-shift programme's progress, 0 to 1.
    pub placement_coupling: Range,
    /// How much S scales travel-training throughput, 0 to 1.
    pub sen_coupling: Range,
    /// Extra annual growth in children looked after at S = 0 (entries to care
    /// rise when the service is unstable): growth += demand_coupling x (1 - S).
    /// At least 0. Absent in model-2 scenarios: 0.
    #[serde(default = "zero")]
    pub demand_coupling: Range,
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
    /// Month-to-month luck in vacancy filling, shared by every option: the
    /// fill rate is multiplied by a uniform factor with mean 1 and this
    /// standard deviation (floored at 0), 0 to 2. Absent in model-2
    /// scenarios: 0 (no luck).
    #[serde(default)]
    pub fill_variability: f64,
    /// Extra annual leaving rate among permanent staff for
    /// `disruption_months` after each leadership change, 0 to 1. Absent in
    /// model-2 scenarios: 0.
    #[serde(default = "zero")]
    pub change_turnover: Range,
    /// Months that extra leaving lasts after each change, 0 to 60 (default 6).
    #[serde(default = "default_disruption_months")]
    pub disruption_months: f64,
}

fn default_disruption_months() -> f64 {
    6.0
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
    /// Annual rate at which mix-shift progress unwinds: in full once the
    /// programme stops (no strength), and scaled by (1 - S) while it runs.
    /// 0 to 5. Absent in model-2 scenarios: 0 (progress never decays).
    #[serde(default = "zero")]
    pub mix_decay: Range,
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
    /// Annual fraction of travel-trained pupils who return to funded
    /// transport, 0 to 1. Absent in model-2 scenarios: 0.
    #[serde(default = "zero")]
    pub return_rate: Range,
    /// Annual fraction of travel-trained pupils who age out of eligibility
    /// (their saving ends; they are replaced in the pupil count by untrained
    /// pupils), 0 to 1. Absent in model-2 scenarios: 0.
    #[serde(default)]
    pub age_out_rate: f64,
}

/// Money settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinanceParams {
    /// Annual budget for the modelled lines in the first year, GBP.
    pub annual_budget: f64,
    /// Annual uprating of the budget in cash (the general inflation the
    /// council's budget follows), -0.1 to 0.2. Absent in model-2 scenarios:
    /// 0 (budget flat in cash).
    #[serde(default)]
    pub budget_uprating: f64,
    /// Option every option's spend is compared with (`vs_baseline`), by
    /// index. Absent: 0, the first option.
    #[serde(default)]
    pub baseline_option: u32,
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
    /// The option's own improvement team, if it buys one. Absent: none.
    #[serde(default)]
    pub own_team: OwnTeam,
}

/// An improvement team the council buys itself, on any route. It affects
/// exactly what the partner's team affects: social worker recruitment and the
/// placement mix shift (and travel training only through
/// [`Programmes::team_travel_training`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnTeam {
    /// Cost per month, GBP at price-base-year pay (uprated with pay inflation), at least 0.
    pub monthly_cost: Range,
    /// Strength added to recruitment and mix-shift programmes while the team
    /// works (same scale as [`ContractParams::team_strength`]; may be negative), -1 to 10.
    pub effect: Range,
    /// First month the team works (1-based; 0 or 1 = from the start), 0 to 600.
    pub start_month: u32,
    /// Months the team works, 0 (no team) to 600.
    pub length_months: u32,
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
    /// Probability a campaign ends in an appointment, 0 to 1 (drawn once per path).
    pub campaign_success: Range,
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
    pub procurement_failure: Range,
    /// One-off cost of procuring (legal, procurement staff), GBP, paid in the
    /// first month of procurement whether or not it succeeds. Absent in
    /// model-2 scenarios: 0.
    #[serde(default = "zero")]
    pub procurement_cost: Range,
    /// Client-side contract management, GBP per month while the contract
    /// runs (uprated with pay inflation). Absent in model-2 scenarios: 0.
    #[serde(default = "zero")]
    pub management_per_month: Range,
    /// Probability the contract is varied or extended (decided at the
    /// handover decision month), 0 to 1. Absent in model-2 scenarios: 0.
    #[serde(default = "zero")]
    pub variation_probability: Range,
    /// Extra cost of a variation as a share of the contract value, 0 to 2.
    /// Absent in model-2 scenarios: 0.
    #[serde(default = "zero")]
    pub variation_share: Range,
    /// True: a variation extends the contract (and the partner director's
    /// tenure) by `variation_share x length` months at the full monthly rate;
    /// false: it is a one-off extra payment. Absent: true.
    #[serde(default = "yes")]
    pub variation_extends: bool,
    /// Extra annual leaving rate among permanent staff for the disruption
    /// months after the partner arrives (a restructure), on top of any
    /// leadership-change effect, 0 to 1. Absent in model-2 scenarios: 0.
    #[serde(default = "zero")]
    pub arrival_turnover: Range,
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
    pub partner_early_exit: Range,
    /// Months the partner takes to replace a departed director (cover at the partner's cost).
    pub partner_replacement_months: Range,
    /// Probability that at contract end the seat passes to a permanent director without a vacancy, 0 to 1.
    pub handover_probability: Range,
    /// Months before contract end that a recruit campaign starts if there is no handover.
    pub campaign_lead_months: u32,
    /// Strength the partner's improvement team adds to the recruitment and
    /// mix-shift programmes while the contract runs, -1 to 10 (may be
    /// negative: a new partner can unsettle staff).
    pub team_strength: Range,
}

fn yes() -> bool {
    true
}

/// An option's own programme strengths (0 = no programme; 1 = the programme's
/// nominal pace), each drawn once per path. -1 to 10: a council's own
/// programme can do harm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programmes {
    /// Social worker recruitment: vacancy fill rate is multiplied by (1 + strength).
    pub recruitment: Range,
    /// Placement mix shift: progress per month is strength / target month.
    pub mix_shift: Range,
    /// Independent travel training: pupils trained per year is strength x `training_per_year`.
    pub travel_training: Range,
    /// Strength any running improvement team (partner or own) adds to travel
    /// training, 0 to 10. Default 0: teams do not train pupils unless this says so.
    #[serde(default)]
    pub team_travel_training: f64,
}
