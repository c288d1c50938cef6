//! One typed address for every scenario field.
//!
//! [`FieldId`] names each field of a [`ScenarioInput`] a user can set; a
//! [`Field`] adds the option index and array index where the field has them.
//! Everything about a field that is not presentation lives in ONE table below
//! (the `fields!` invocation): its dotted path, its stable link key, its
//! scope, its shape and its accepted bounds, plus where it lives in the input.
//! Validation, preset sources, the page's parameter registry and the share
//! link all address fields through it, so adding a field means one row here
//! (plus its mechanism, its page row and its documentation).
//!
//! Bounds are the single rule for every route into the engine (the page, a
//! link, a file, a saved scenario): every value inside them is accepted and
//! keeps every output finite.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::input::{PlacementKind, Range, Route, ScenarioInput};
use crate::validate::{MAX_HORIZON, MAX_OPTIONS, MAX_PATHS, MIN_HORIZON, MIN_PATHS};

/// Where a field lives: run settings, the shared context, or each option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// `simulation.*`: seed, paths, horizon.
    Simulation,
    /// `context.*`: shared by every option.
    Context,
    /// `options[i].*`: set separately for each option.
    Option,
}

/// What kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A real number.
    Number,
    /// A whole number (months, counts, seeds, years).
    Integer,
    /// An uncertain `low / likely / high` range.
    Range,
    /// A share of the placement mix: one number per placement type, summing to 1.
    Share,
    /// Free text (an option's name).
    Text,
    /// A leadership route.
    Route,
    /// A placement type.
    Kind,
}

/// A field's value, in the engine's stored units (shares as fractions).
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// A number (whole numbers are stored as whole floats).
    Number(f64),
    /// A `low / likely / high` range.
    Range(Range),
    /// Text.
    Text(String),
    /// A leadership route.
    Route(Route),
    /// A placement type.
    Kind(PlacementKind),
}

impl FieldValue {
    /// The number for a number, the likely value for a range, `None` otherwise.
    pub fn central(&self) -> Option<f64> {
        match self {
            FieldValue::Number(v) => Some(*v),
            FieldValue::Range(r) => Some(r.likely),
            _ => None,
        }
    }
}

/// Everything the engine knows about a field (presentation lives in the app).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldMeta {
    /// The field.
    pub id: FieldId,
    /// Dotted path in [`ScenarioInput`], without option or array index
    /// (`"context.placements.weekly_cost"`, `"options.contract.value"`).
    pub path: &'static str,
    /// Stable short key used in share links (`"ctr.value"`). Never rename one.
    pub key: &'static str,
    /// Run settings, shared context, or per option.
    pub scope: Scope,
    /// Kind of value.
    pub shape: Shape,
    /// Smallest accepted value (stored units; ignored for text, route, kind).
    pub min: f64,
    /// Largest accepted value (stored units). For text: the longest length in characters.
    pub max: f64,
    /// Number of elements: 1, or 6 for per-placement-type arrays.
    pub len: usize,
}

/// Values stored in a field's slot, read and written generically.
trait Slot {
    fn read(&self) -> FieldValue;
    fn write(&mut self, v: FieldValue);
}

impl Slot for f64 {
    fn read(&self) -> FieldValue {
        FieldValue::Number(*self)
    }
    fn write(&mut self, v: FieldValue) {
        match v {
            FieldValue::Number(x) => *self = x,
            FieldValue::Range(r) => *self = r.likely,
            _ => {}
        }
    }
}

macro_rules! int_slot {
    ($($t:ty),*) => {$(
        impl Slot for $t {
            fn read(&self) -> FieldValue {
                FieldValue::Number(*self as f64)
            }
            fn write(&mut self, v: FieldValue) {
                if let Some(x) = v.central() {
                    // Saturating float-to-int cast; callers validate first.
                    *self = x.round() as $t;
                }
            }
        }
    )*};
}
int_slot!(u16, u32, u64);

impl Slot for Range {
    fn read(&self) -> FieldValue {
        FieldValue::Range(*self)
    }
    fn write(&mut self, v: FieldValue) {
        match v {
            FieldValue::Range(r) => *self = r,
            FieldValue::Number(x) => *self = Range::fixed(x),
            _ => {}
        }
    }
}

impl Slot for bool {
    fn read(&self) -> FieldValue {
        FieldValue::Number(if *self { 1.0 } else { 0.0 })
    }
    fn write(&mut self, v: FieldValue) {
        if let Some(x) = v.central() {
            *self = x != 0.0;
        }
    }
}

impl Slot for String {
    fn read(&self) -> FieldValue {
        FieldValue::Text(self.clone())
    }
    fn write(&mut self, v: FieldValue) {
        if let FieldValue::Text(t) = v {
            *self = t;
        }
    }
}

impl Slot for Route {
    fn read(&self) -> FieldValue {
        FieldValue::Route(*self)
    }
    fn write(&mut self, v: FieldValue) {
        if let FieldValue::Route(r) = v {
            *self = r;
        }
    }
}

impl Slot for PlacementKind {
    fn read(&self) -> FieldValue {
        FieldValue::Kind(*self)
    }
    fn write(&mut self, v: FieldValue) {
        if let FieldValue::Kind(k) = v {
            *self = k;
        }
    }
}

/// Generates [`FieldId`], its metadata table and its accessors from one table.
///
/// Each row: `Variant: "path", "key", Scope, Shape, min, max, len, |root, index| place;`
/// where `root` is the `ScenarioInput` for simulation and context fields and
/// the `OptionInput` for option fields, and `index` is the array index.
macro_rules! fields {
    ($( $(#[$doc:meta])* $id:ident : $path:literal, $key:literal, $scope:ident, $shape:ident,
        $min:expr, $max:expr, $len:expr, |$r:ident, $i:ident| $place:expr ; )*) => {
        /// Every scenario field a user can set. Generated, with its metadata,
        /// from the one table in `field.rs`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum FieldId {
            $( $(#[$doc])* $id, )*
        }

        /// Metadata of every field, in table order.
        static META: &[FieldMeta] = &[
            $( FieldMeta {
                id: FieldId::$id,
                path: $path,
                key: $key,
                scope: Scope::$scope,
                shape: Shape::$shape,
                min: $min,
                max: $max,
                len: $len,
            }, )*
        ];

        impl FieldId {
            /// Every field, in table order.
            pub const ALL: &'static [FieldId] = &[ $( FieldId::$id, )* ];
        }

        #[allow(unused_variables, clippy::redundant_locals)]
        fn read(id: FieldId, input: &ScenarioInput, option: usize, index: usize) -> FieldValue {
            match id {
                $( FieldId::$id => {
                    let $i = index;
                    let $r = fields!(@root $scope input option);
                    Slot::read(&$place)
                } )*
            }
        }

        #[allow(unused_variables, clippy::redundant_locals)]
        fn write(id: FieldId, input: &mut ScenarioInput, option: usize, index: usize, v: FieldValue) {
            match id {
                $( FieldId::$id => {
                    let $i = index;
                    let $r = fields!(@root_mut $scope input option);
                    Slot::write(&mut $place, v)
                } )*
            }
        }
    };
    (@root Option $input:ident $option:ident) => { &$input.options[$option] };
    (@root $other:ident $input:ident $option:ident) => { $input };
    (@root_mut Option $input:ident $option:ident) => { &mut $input.options[$option] };
    (@root_mut $other:ident $input:ident $option:ident) => { $input };
}

/// Largest seed a link can carry exactly (every integer up to 2^32 - 1).
pub const MAX_SEED: f64 = 4_294_967_295.0;
/// Longest option name, in characters.
pub const MAX_NAME_CHARS: usize = 40;

fields! {
    // Run settings.
    /// Random seed.
    Seed: "simulation.seed", "seed", Simulation, Integer, 0.0, MAX_SEED, 1, |s, i| s.simulation.seed;
    /// Number of simulated futures.
    Paths: "simulation.paths", "paths", Simulation, Integer, MIN_PATHS as f64, MAX_PATHS as f64, 1, |s, i| s.simulation.paths;
    /// Months simulated (144 lets the 12-year calibration run).
    Horizon: "simulation.horizon_months", "horizon", Simulation, Integer, MIN_HORIZON as f64, MAX_HORIZON as f64, 1, |s, i| s.simulation.horizon_months;

    // Options: identity.
    /// Option name.
    OptionName: "options.name", "name", Option, Text, 1.0, MAX_NAME_CHARS as f64, 1, |o, i| o.name;
    /// Leadership route.
    OptionRoute: "options.route", "route", Option, Route, 0.0, 0.0, 1, |o, i| o.route;

    // Options: leadership.
    /// Permanent director pay with on-costs, GBP a year.
    DcsCost: "options.leadership.permanent_cost_per_year", "dcs.cost", Option, Range, 0.0, 1_000_000.0, 1, |o, i| o.leadership.permanent_cost_per_year;
    /// Mean permanent stay, months.
    DcsTenure: "options.leadership.permanent_mean_tenure_months", "dcs.tenure", Option, Range, 0.5, 1_200.0, 1, |o, i| o.leadership.permanent_mean_tenure_months;
    /// Weibull shape of permanent tenure.
    DcsShape: "options.leadership.tenure_shape", "dcs.shape", Option, Number, 0.2, 10.0, 1, |o, i| o.leadership.tenure_shape;
    /// Interim day rate, GBP.
    InterimRate: "options.leadership.interim_day_rate", "int.rate", Option, Range, 0.0, 10_000.0, 1, |o, i| o.leadership.interim_day_rate;
    /// Interim days paid a year.
    InterimDays: "options.leadership.interim_days_per_year", "int.days", Option, Number, 0.0, 366.0, 1, |o, i| o.leadership.interim_days_per_year;
    /// Interim mean stay, months.
    InterimStay: "options.leadership.interim_mean_stay_months", "int.stay", Option, Range, 0.5, 1_200.0, 1, |o, i| o.leadership.interim_mean_stay_months;
    /// Campaign length, months.
    CampaignLength: "options.leadership.campaign_months", "camp.len", Option, Range, 0.0, 120.0, 1, |o, i| o.leadership.campaign_months;
    /// Campaign fee, GBP.
    CampaignFee: "options.leadership.campaign_fee", "camp.fee", Option, Range, 0.0, 1_000_000.0, 1, |o, i| o.leadership.campaign_fee;
    /// Probability a campaign appoints.
    CampaignSuccess: "options.leadership.campaign_success", "camp.p", Option, Range, 0.01, 1.0, 1, |o, i| o.leadership.campaign_success;

    // Options: contract.
    /// Procurement length, months.
    ProcurementLength: "options.contract.procurement_months", "proc.len", Option, Range, 0.0, 120.0, 1, |o, i| o.contract.procurement_months;
    /// Probability procurement fails.
    ProcurementFailure: "options.contract.procurement_failure", "proc.fail", Option, Range, 0.0, 1.0, 1, |o, i| o.contract.procurement_failure;
    /// Contract length, months.
    ContractLength: "options.contract.length_months", "ctr.len", Option, Integer, 1.0, 600.0, 1, |o, i| o.contract.length_months;
    /// Contract value, GBP.
    ContractValue: "options.contract.value", "ctr.value", Option, Number, 0.0, 100_000_000.0, 1, |o, i| o.contract.value;
    /// Share of fee at risk.
    ContractAtRisk: "options.contract.at_risk_share", "ctr.risk", Option, Number, 0.0, 1.0, 1, |o, i| o.contract.at_risk_share;
    /// Agency share target.
    ContractAgencyTarget: "options.contract.agency_share_target", "ctr.agency", Option, Number, 0.0, 1.0, 1, |o, i| o.contract.agency_share_target;
    /// Mix-shift target (fraction of the planned shift).
    ContractMixTarget: "options.contract.mix_shift_target", "ctr.mix", Option, Number, 0.0, 1.0, 1, |o, i| o.contract.mix_shift_target;
    /// Probability the partner director leaves early.
    PartnerExit: "options.contract.partner_early_exit", "ctr.exit", Option, Range, 0.0, 1.0, 1, |o, i| o.contract.partner_early_exit;
    /// Months the partner takes to replace its director.
    PartnerReplacement: "options.contract.partner_replacement_months", "ctr.repl", Option, Range, 0.0, 120.0, 1, |o, i| o.contract.partner_replacement_months;
    /// Probability of a handover without vacancy at contract end.
    Handover: "options.contract.handover_probability", "ctr.hand", Option, Range, 0.0, 1.0, 1, |o, i| o.contract.handover_probability;
    /// Months before contract end that a campaign starts.
    CampaignLead: "options.contract.campaign_lead_months", "ctr.lead", Option, Integer, 0.0, 120.0, 1, |o, i| o.contract.campaign_lead_months;
    /// Partner improvement team strength (may be negative).
    TeamStrength: "options.contract.team_strength", "ctr.team", Option, Range, -1.0, 10.0, 1, |o, i| o.contract.team_strength;
    /// One-off procurement cost, GBP (paid even if procurement fails).
    ProcurementCost: "options.contract.procurement_cost", "proc.cost", Option, Range, 0.0, 100_000_000.0, 1, |o, i| o.contract.procurement_cost;
    /// Client-side contract management, GBP a month.
    ContractManagement: "options.contract.management_per_month", "ctr.manage", Option, Range, 0.0, 10_000_000.0, 1, |o, i| o.contract.management_per_month;
    /// Probability the contract is varied or extended.
    VariationProbability: "options.contract.variation_probability", "ctr.var.p", Option, Range, 0.0, 1.0, 1, |o, i| o.contract.variation_probability;
    /// Extra cost of a variation, share of the contract value.
    VariationShare: "options.contract.variation_share", "ctr.var.share", Option, Range, 0.0, 2.0, 1, |o, i| o.contract.variation_share;
    /// 1: a variation extends the contract and the partner director's tenure; 0: a one-off payment.
    VariationExtends: "options.contract.variation_extends", "ctr.var.ext", Option, Integer, 0.0, 1.0, 1, |o, i| o.contract.variation_extends;
    /// Extra annual staff leaving after the partner arrives.
    ArrivalTurnover: "options.contract.arrival_turnover", "ctr.arrival", Option, Range, 0.0, 1.0, 1, |o, i| o.contract.arrival_turnover;

    // Options: programmes.
    /// Own social worker recruitment programme strength.
    ProgrammeRecruitment: "options.programmes.recruitment", "prog.recruit", Option, Range, -1.0, 10.0, 1, |o, i| o.programmes.recruitment;
    /// Own placement mix-shift programme strength.
    ProgrammeMixShift: "options.programmes.mix_shift", "prog.mix", Option, Range, -1.0, 10.0, 1, |o, i| o.programmes.mix_shift;
    /// Own travel-training programme strength.
    ProgrammeTravel: "options.programmes.travel_training", "prog.travel", Option, Range, -1.0, 10.0, 1, |o, i| o.programmes.travel_training;
    /// Strength a running improvement team adds to travel training (default 0).
    TeamTravel: "options.programmes.team_travel_training", "prog.teamtravel", Option, Number, 0.0, 10.0, 1, |o, i| o.programmes.team_travel_training;

    // Options: own improvement team.
    /// Own improvement team cost, GBP a month.
    OwnTeamCost: "options.own_team.monthly_cost", "own.cost", Option, Range, 0.0, 10_000_000.0, 1, |o, i| o.own_team.monthly_cost;
    /// Own improvement team effect (same scale as the partner team's; may be negative).
    OwnTeamEffect: "options.own_team.effect", "own.effect", Option, Range, -1.0, 10.0, 1, |o, i| o.own_team.effect;
    /// First month the own team works.
    OwnTeamStart: "options.own_team.start_month", "own.start", Option, Integer, 0.0, 600.0, 1, |o, i| o.own_team.start_month;
    /// Months the own team works (0: no team).
    OwnTeamLength: "options.own_team.length_months", "own.len", Option, Integer, 0.0, 600.0, 1, |o, i| o.own_team.length_months;

    // Context: stability.
    /// Stability index at month 0.
    StabilityInitial: "context.stability.initial", "st.initial", Context, Number, 0.0, 1.0, 1, |s, i| s.context.stability.initial;
    /// Stability target under interim cover.
    StabilityInterim: "context.stability.interim_target", "st.interim", Context, Number, 0.0, 1.0, 1, |s, i| s.context.stability.interim_target;
    /// Where a new director's target starts.
    StabilityStart: "context.stability.start_level", "st.start", Context, Number, 0.0, 1.0, 1, |s, i| s.context.stability.start_level;
    /// Months for a new director's target to ramp to 1.
    StabilityRamp: "context.stability.ramp_months", "st.ramp", Context, Number, 0.0, 600.0, 1, |s, i| s.context.stability.ramp_months;
    /// Knock to stability at each leadership change.
    StabilityShock: "context.stability.shock", "st.shock", Context, Range, 0.0, 1.0, 1, |s, i| s.context.stability.shock;
    /// Stability time constant, months.
    StabilityTau: "context.stability.time_constant_months", "st.tau", Context, Number, 0.1, 600.0, 1, |s, i| s.context.stability.time_constant_months;
    /// Extra turnover at stability 0.
    ChurnCoupling: "context.stability.churn_coupling", "st.churn", Context, Range, 0.0, 1.0, 1, |s, i| s.context.stability.churn_coupling;
    /// How much stability scales vacancy filling.
    RecruitmentCoupling: "context.stability.recruitment_coupling", "st.recruit", Context, Range, 0.0, 1.0, 1, |s, i| s.context.stability.recruitment_coupling;
    /// How much stability scales mix-shift progress.
    PlacementCoupling: "context.stability.placement_coupling", "st.place", Context, Range, 0.0, 1.0, 1, |s, i| s.context.stability.placement_coupling;
    /// How much stability scales travel training.
    SenCoupling: "context.stability.sen_coupling", "st.sen", Context, Range, 0.0, 1.0, 1, |s, i| s.context.stability.sen_coupling;
    /// Extra annual growth in children looked after at stability 0.
    DemandCoupling: "context.stability.demand_coupling", "st.demand", Context, Range, 0.0, 1.0, 1, |s, i| s.context.stability.demand_coupling;

    // Context: workforce.
    /// Social worker establishment, FTE.
    Establishment: "context.workforce.establishment_fte", "wf.fte", Context, Number, 0.0, 10_000.0, 1, |s, i| s.context.workforce.establishment_fte;
    /// Starting agency share.
    AgencyShare: "context.workforce.start_agency_share", "wf.agency", Context, Number, 0.0, 1.0, 1, |s, i| s.context.workforce.start_agency_share;
    /// Permanent social worker cost per FTE, GBP a year.
    WorkerCost: "context.workforce.permanent_cost_per_fte", "wf.cost", Context, Range, 0.0, 500_000.0, 1, |s, i| s.context.workforce.permanent_cost_per_fte;
    /// Agency premium per FTE, GBP a year.
    AgencyPremium: "context.workforce.agency_premium_per_fte", "wf.premium", Context, Range, 0.0, 500_000.0, 1, |s, i| s.context.workforce.agency_premium_per_fte;
    /// Base annual turnover.
    Turnover: "context.workforce.base_turnover", "wf.turnover", Context, Range, 0.0, 1.0, 1, |s, i| s.context.workforce.base_turnover;
    /// Monthly vacancy fill rate.
    FillRate: "context.workforce.base_fill_rate", "wf.fill", Context, Number, 0.0, 1.0, 1, |s, i| s.context.workforce.base_fill_rate;
    /// Annual pay inflation.
    PayInflation: "context.workforce.pay_inflation", "wf.payinf", Context, Range, -0.5, 1.0, 1, |s, i| s.context.workforce.pay_inflation;
    /// Month-to-month luck in vacancy filling (standard deviation of the factor).
    FillLuck: "context.workforce.fill_variability", "wf.luck", Context, Number, 0.0, 2.0, 1, |s, i| s.context.workforce.fill_variability;
    /// Extra annual staff leaving after each leadership change.
    ChangeTurnover: "context.workforce.change_turnover", "wf.change", Context, Range, 0.0, 1.0, 1, |s, i| s.context.workforce.change_turnover;
    /// Months that extra leaving lasts.
    DisruptionMonths: "context.workforce.disruption_months", "wf.disrupt", Context, Number, 0.0, 60.0, 1, |s, i| s.context.workforce.disruption_months;

    // Context: placements.
    /// Children looked after at month 0.
    Children: "context.placements.children_start", "pl.children", Context, Number, 0.0, 100_000.0, 1, |s, i| s.context.placements.children_start;
    /// Annual net growth in children looked after.
    ChildrenGrowth: "context.placements.net_growth", "pl.growth", Context, Range, -0.9, 2.0, 1, |s, i| s.context.placements.net_growth;
    /// Placement mix share, one per placement type.
    PlacementMix: "context.placements.mix", "pl.mix", Context, Share, 0.0, 1.0, 6, |s, i| s.context.placements.mix[i];
    /// Weekly cost per child, one per placement type, GBP.
    WeeklyCost: "context.placements.weekly_cost", "pl.cost", Context, Range, 0.0, 100_000.0, 6, |s, i| s.context.placements.weekly_cost[i];
    /// Annual placement price inflation.
    PlacementInflation: "context.placements.inflation", "pl.inflation", Context, Range, -0.5, 1.0, 1, |s, i| s.context.placements.inflation;
    /// Type the mix shift moves children out of.
    ShiftFrom: "context.placements.shift.from", "pl.shift.from", Context, Kind, 0.0, 0.0, 1, |s, i| s.context.placements.shift.from;
    /// Type the mix shift moves children into.
    ShiftTo: "context.placements.shift.to", "pl.shift.to", Context, Kind, 0.0, 0.0, 1, |s, i| s.context.placements.shift.to;
    /// Share of all children the mix shift moves.
    ShiftShare: "context.placements.shift.share", "pl.shift", Context, Number, 0.0, 1.0, 1, |s, i| s.context.placements.shift.share;
    /// Month by which the mix shift completes.
    ShiftMonth: "context.placements.shift.target_month", "pl.shift.by", Context, Integer, 1.0, 600.0, 1, |s, i| s.context.placements.shift.target_month;
    /// Annual rate at which mix-shift progress unwinds.
    MixDecay: "context.placements.mix_decay", "pl.decay", Context, Range, 0.0, 5.0, 1, |s, i| s.context.placements.mix_decay;

    // Context: SEN transport.
    /// Pupils on funded transport at month 0.
    SenPupils: "context.sen.pupils", "sen.pupils", Context, Number, 0.0, 100_000.0, 1, |s, i| s.context.sen.pupils;
    /// Cost per pupil per year, GBP.
    SenCost: "context.sen.cost_per_pupil", "sen.cost", Context, Range, 0.0, 200_000.0, 1, |s, i| s.context.sen.cost_per_pupil;
    /// Annual growth in pupils.
    SenGrowth: "context.sen.growth", "sen.growth", Context, Range, -0.9, 2.0, 1, |s, i| s.context.sen.growth;
    /// Annual transport price inflation.
    SenInflation: "context.sen.inflation", "sen.inflation", Context, Range, -0.5, 1.0, 1, |s, i| s.context.sen.inflation;
    /// Pupils trained a year at full pace.
    TrainingPerYear: "context.sen.training_per_year", "sen.train", Context, Number, 0.0, 100_000.0, 1, |s, i| s.context.sen.training_per_year;
    /// Cost of training one pupil, GBP.
    TrainingCost: "context.sen.cost_per_trainee", "sen.traincost", Context, Number, 0.0, 200_000.0, 1, |s, i| s.context.sen.cost_per_trainee;
    /// Annual share of trained pupils who return to funded transport.
    SenReturn: "context.sen.return_rate", "sen.return", Context, Range, 0.0, 1.0, 1, |s, i| s.context.sen.return_rate;
    /// Annual share of trained pupils who age out of eligibility.
    SenAgeOut: "context.sen.age_out_rate", "sen.ageout", Context, Number, 0.0, 1.0, 1, |s, i| s.context.sen.age_out_rate;

    // Context: finance.
    /// Annual budget for the modelled lines, GBP.
    Budget: "context.finance.annual_budget", "fin.budget", Context, Number, 0.0, 10_000_000_000.0, 1, |s, i| s.context.finance.annual_budget;
    /// Annual cash uprating of the budget.
    BudgetUprating: "context.finance.budget_uprating", "fin.uprate", Context, Number, -0.1, 0.2, 1, |s, i| s.context.finance.budget_uprating;
    /// Option every option's spend is compared with (0-based).
    BaselineOption: "context.finance.baseline_option", "fin.baseline", Context, Integer, 0.0, (MAX_OPTIONS - 1) as f64, 1, |s, i| s.context.finance.baseline_option;
    /// Annual discount rate.
    DiscountRate: "context.finance.discount_rate", "fin.discount", Context, Number, -0.5, 1.0, 1, |s, i| s.context.finance.discount_rate;
    /// Annual general inflation.
    GeneralInflation: "context.finance.general_inflation", "fin.deflator", Context, Number, -0.5, 1.0, 1, |s, i| s.context.finance.general_inflation;
    /// Price base year.
    PriceBaseYear: "context.finance.price_base_year", "fin.base", Context, Integer, 1900.0, 2200.0, 1, |s, i| s.context.finance.price_base_year;
}

impl FieldId {
    /// This field's metadata.
    pub fn meta(self) -> &'static FieldMeta {
        &META[self as usize]
    }

    /// The field whose link key is `key` (`"ctr.value"`).
    pub fn from_key(key: &str) -> Option<FieldId> {
        META.iter().find(|m| m.key == key).map(|m| m.id)
    }

    /// True for per-option fields.
    pub fn per_option(self) -> bool {
        self.meta().scope == Scope::Option
    }
}

/// One field of one scenario: a [`FieldId`] with the option and array index
/// where the field has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Field {
    /// Which field.
    pub id: FieldId,
    /// Option index, for per-option fields.
    pub option: Option<usize>,
    /// Array index (placement type), for per-placement-type fields.
    pub index: Option<usize>,
}

impl Field {
    /// A shared (simulation or context) field with no array index.
    pub const fn shared(id: FieldId) -> Field {
        Field {
            id,
            option: None,
            index: None,
        }
    }

    /// A per-option field of option `option` (0-based).
    pub const fn of_option(id: FieldId, option: usize) -> Field {
        Field {
            id,
            option: Some(option),
            index: None,
        }
    }

    /// One element of a per-placement-type field.
    pub const fn of_kind(id: FieldId, kind: PlacementKind) -> Field {
        Field {
            id,
            option: None,
            index: Some(kind as usize),
        }
    }

    /// This field's metadata.
    pub fn meta(&self) -> &'static FieldMeta {
        self.id.meta()
    }

    /// The placement type of an element of a per-type field.
    pub fn kind(&self) -> Option<PlacementKind> {
        self.index.and_then(|i| PlacementKind::ALL.get(i).copied())
    }

    /// The link key: `ctr.value`, or `pl.mix.ifa` for an element of a per-type
    /// field. Per-option fields take an `oN.` prefix in links (added by the codec).
    pub fn key(&self) -> String {
        match self.kind() {
            Some(k) => format!("{}.{}", self.meta().key, k.key()),
            None => self.meta().key.to_string(),
        }
    }

    /// True when the field exists in `input` (its option and index are in range).
    pub fn exists_in(&self, input: &ScenarioInput) -> bool {
        let m = self.meta();
        let option_ok = match (m.scope, self.option) {
            (Scope::Option, Some(o)) => o < input.options.len(),
            (Scope::Option, None) => false,
            (_, None) => true,
            (_, Some(_)) => false,
        };
        let index_ok = match self.index {
            Some(i) => m.len > 1 && i < m.len,
            None => m.len == 1,
        };
        option_ok && index_ok
    }

    /// The field's value in `input`, or `None` when it does not exist there.
    pub fn get(&self, input: &ScenarioInput) -> Option<FieldValue> {
        self.exists_in(input).then(|| {
            read(
                self.id,
                input,
                self.option.unwrap_or(0),
                self.index.unwrap_or(0),
            )
        })
    }

    /// Writes `value` (already checked with [`Field::check`]); does nothing
    /// when the field does not exist in `input`.
    pub fn set(&self, input: &mut ScenarioInput, value: FieldValue) {
        if self.exists_in(input) {
            write(
                self.id,
                input,
                self.option.unwrap_or(0),
                self.index.unwrap_or(0),
                value,
            )
        }
    }

    /// Checks a candidate value against this field's shape and bounds alone
    /// (rules that involve other fields, such as the mix summing to 1, are
    /// checked by [`crate::validate`]). Whole-number fields accept only
    /// whole numbers. Returns the value to store.
    pub fn check(&self, value: FieldValue) -> Result<FieldValue, crate::ErrorKind> {
        use crate::ErrorKind as E;
        let m = self.meta();
        let number = |v: f64| -> Result<f64, E> {
            if !v.is_finite() {
                return Err(E::NotFinite);
            }
            if m.shape == Shape::Integer && v.fract() != 0.0 {
                return Err(E::NotWhole { value: v });
            }
            if v < m.min || v > m.max {
                return Err(E::OutOfBounds {
                    value: v,
                    min: m.min,
                    max: m.max,
                });
            }
            Ok(v)
        };
        match (m.shape, value) {
            (Shape::Range, FieldValue::Range(r)) => {
                for v in [r.low, r.likely, r.high] {
                    number(v)?;
                }
                if !(r.low <= r.likely && r.likely <= r.high) {
                    return Err(E::RangeOutOfOrder {
                        low: r.low,
                        likely: r.likely,
                        high: r.high,
                    });
                }
                Ok(FieldValue::Range(r))
            }
            (Shape::Range, FieldValue::Number(v)) => {
                Ok(FieldValue::Range(Range::fixed(number(v)?)))
            }
            (Shape::Number | Shape::Integer | Shape::Share, FieldValue::Number(v)) => {
                Ok(FieldValue::Number(number(v)?))
            }
            (Shape::Text, FieldValue::Text(t)) => {
                let chars = t.chars().count();
                if t.trim().is_empty() || chars > MAX_NAME_CHARS || t.chars().any(char::is_control)
                {
                    return Err(E::BadName {
                        chars,
                        max: MAX_NAME_CHARS,
                    });
                }
                Ok(FieldValue::Text(t))
            }
            (Shape::Route, FieldValue::Route(r)) => Ok(FieldValue::Route(r)),
            (Shape::Kind, FieldValue::Kind(k)) => Ok(FieldValue::Kind(k)),
            _ => Err(E::WrongShape),
        }
    }

    /// Every field instance of `input`, in table order (options in turn for
    /// per-option fields, every placement type for per-type fields).
    pub fn all_in(input: &ScenarioInput) -> impl Iterator<Item = Field> + '_ {
        FieldId::ALL.iter().flat_map(move |&id| {
            let m = id.meta();
            let options: Vec<Option<usize>> = if m.scope == Scope::Option {
                (0..input.options.len()).map(Some).collect()
            } else {
                vec![None]
            };
            let indices: Vec<Option<usize>> = if m.len > 1 {
                (0..m.len).map(Some).collect()
            } else {
                vec![None]
            };
            options.into_iter().flat_map(move |option| {
                indices
                    .clone()
                    .into_iter()
                    .map(move |index| Field { id, option, index })
            })
        })
    }
}

impl fmt::Display for Field {
    /// The dotted path with indices: `options[1].contract.value`,
    /// `context.placements.mix[2]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.meta().path;
        match self.option {
            Some(o) => write!(f, "options[{o}]{}", path.trim_start_matches("options"))?,
            None => f.write_str(path)?,
        }
        if let Some(i) = self.index {
            write!(f, "[{i}]")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_id_and_keys_are_unique() {
        for (i, m) in META.iter().enumerate() {
            assert_eq!(m.id as usize, i);
            assert_eq!(FieldId::from_key(m.key), Some(m.id));
            assert!(m.min <= m.max, "{}", m.path);
        }
        let mut paths: Vec<_> = META.iter().map(|m| m.path).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), META.len());
    }

    #[test]
    fn every_field_reads_back_what_it_writes() {
        let mut s = crate::presets::preset(crate::presets::PresetId::England2024);
        for f in Field::all_in(&s.clone()).collect::<Vec<_>>() {
            let v = f.get(&s).unwrap();
            f.set(&mut s, v.clone());
            assert_eq!(f.get(&s), Some(v), "{f}");
        }
    }

    #[test]
    fn display_names_option_and_index() {
        assert_eq!(
            Field::of_option(FieldId::ContractValue, 1).to_string(),
            "options[1].contract.value"
        );
        assert_eq!(
            Field::of_kind(FieldId::WeeklyCost, PlacementKind::ExternalHome).to_string(),
            "context.placements.weekly_cost[4]"
        );
        assert_eq!(
            Field::of_kind(FieldId::PlacementMix, PlacementKind::Kinship).key(),
            "pl.mix.kin"
        );
    }
}
