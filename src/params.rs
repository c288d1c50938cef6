//! The parameter registry: one table describing every assumption a user can
//! change. The assumptions panel draws its inputs from it, the URL codec
//! names values by its keys, and "changed from baseline" compares through it.
//!
//! A parameter is either shared (scenario context, simulation settings) or
//! per option (leadership route and contract). Per-option parameters are
//! addressed by option index; their URL key gets the option number as a
//! prefix (`o1.`, `o2.`, ...).

use turnaround_engine::{ErrorKind, Range, ScenarioError, ScenarioInput};

/// Which group of the assumptions panel a parameter belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// Per-option leadership route, campaigns, tenure and contract.
    Leadership,
    /// How leadership stability couples to the services.
    Stability,
    /// Social worker establishment, turnover and agency use.
    Workforce,
    /// Children looked after, placement mix and costs.
    Placements,
    /// SEN home-to-school transport and travel training.
    Sen,
    /// Budget and discounting.
    Finance,
    /// Seed, path count and horizon.
    Simulation,
}

impl Group {
    /// Every group, in panel order.
    pub const ALL: [Group; 7] = [
        Group::Leadership,
        Group::Workforce,
        Group::Placements,
        Group::Sen,
        Group::Finance,
        Group::Stability,
        Group::Simulation,
    ];

    /// Heading shown in the panel.
    pub fn label(self) -> &'static str {
        match self {
            Group::Leadership => "Leadership",
            Group::Stability => "Stability coupling",
            Group::Workforce => "Workforce",
            Group::Placements => "Placements",
            Group::Sen => "SEN transport",
            Group::Finance => "Finance",
            Group::Simulation => "Simulation",
        }
    }
}

/// The unit a parameter is entered and shown in. Shares are stored as
/// fractions and shown as percentages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Pounds.
    Gbp,
    /// Pounds per year.
    GbpPerYear,
    /// Pounds per week.
    GbpPerWeek,
    /// Pounds per day.
    GbpPerDay,
    /// Months.
    Months,
    /// Days per year.
    DaysPerYear,
    /// A fraction shown as a percentage (0.25 shows as 25%).
    Percent,
    /// A fraction per year shown as a percentage.
    PercentPerYear,
    /// Full-time equivalents.
    Fte,
    /// A head count (children, pupils).
    Count,
    /// Pupils per year.
    PerYear,
    /// A dimensionless number (strengths, shapes).
    Number,
    /// A calendar year.
    Year,
}

impl Unit {
    /// Short unit text shown after a number box, and in accessible names.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Gbp => "£",
            Unit::GbpPerYear => "£/yr",
            Unit::GbpPerWeek => "£/wk",
            Unit::GbpPerDay => "£/day",
            Unit::Months => "months",
            Unit::DaysPerYear => "days/yr",
            Unit::Percent => "%",
            Unit::PercentPerYear => "%/yr",
            Unit::Fte => "FTE",
            Unit::Count => "",
            Unit::PerYear => "/yr",
            Unit::Number => "",
            Unit::Year => "",
        }
    }

    /// Spoken unit for screen readers.
    pub fn spoken(self) -> &'static str {
        match self {
            Unit::Gbp => "pounds",
            Unit::GbpPerYear => "pounds per year",
            Unit::GbpPerWeek => "pounds per week",
            Unit::GbpPerDay => "pounds per day",
            Unit::Months => "months",
            Unit::DaysPerYear => "days per year",
            Unit::Percent => "percent",
            Unit::PercentPerYear => "percent per year",
            Unit::Fte => "full-time equivalents",
            Unit::Count => "",
            Unit::PerYear => "per year",
            Unit::Number => "",
            Unit::Year => "",
        }
    }

    /// Factor from the stored value to the displayed one (100 for percentages).
    pub fn display_factor(self) -> f64 {
        match self {
            Unit::Percent | Unit::PercentPerYear => 100.0,
            _ => 1.0,
        }
    }
}

/// A parameter's value: one number, or a low / likely / high range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A single number (integers are stored as whole floats).
    Scalar(f64),
    /// An uncertain value sampled once per path.
    Range(Range),
}

impl Value {
    /// The number for a scalar, the likely value for a range.
    pub fn central(&self) -> f64 {
        match self {
            Value::Scalar(v) => *v,
            Value::Range(r) => r.likely,
        }
    }
}

/// Whether a parameter is a plain number, a whole number or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A real number.
    Scalar,
    /// A whole number (months, counts, seeds).
    Integer,
    /// low / likely / high.
    Range,
}

/// One user-changeable assumption.
#[derive(Clone, Copy)]
pub struct ParamDef {
    /// Stable key used in share links. Never rename one: old links use it.
    pub key: &'static str,
    /// Label shown beside the input.
    pub label: &'static str,
    /// One sentence saying what the value means.
    pub help: &'static str,
    /// Panel group.
    pub group: Group,
    /// Display unit.
    pub unit: Unit,
    /// Scalar, integer or range.
    pub kind: Kind,
    /// Smallest accepted value (stored units).
    pub min: f64,
    /// Largest accepted value (stored units).
    pub max: f64,
    /// Slider step (stored units).
    pub step: f64,
    /// True when the value belongs to each option separately.
    pub per_option: bool,
    /// Dotted path of the field in the engine's preset source table.
    pub source: &'static str,
    get: Getter,
    set: Setter,
}

/// Reads a parameter for an option.
type Getter = fn(&ScenarioInput, usize) -> Value;
/// Writes a parameter for an option.
type Setter = fn(&mut ScenarioInput, usize, Value);

impl std::fmt::Debug for ParamDef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParamDef").field("key", &self.key).finish()
    }
}

impl PartialEq for ParamDef {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl ParamDef {
    /// Reads the value (for option `option` when per option; ignored otherwise).
    /// Returns `None` when the option does not exist.
    pub fn get(&self, input: &ScenarioInput, option: usize) -> Option<Value> {
        if self.per_option && option >= input.options.len() {
            return None;
        }
        Some((self.get)(input, option))
    }

    /// Writes a value that has already been validated with [`ParamDef::check`].
    /// Does nothing when the option does not exist.
    pub fn set(&self, input: &mut ScenarioInput, option: usize, value: Value) {
        if self.per_option && option >= input.options.len() {
            return;
        }
        (self.set)(input, option, value)
    }

    /// The URL key for this parameter and option (`o2.tenure` or `wf.fte`).
    pub fn url_key(&self, option: usize) -> String {
        if self.per_option {
            format!("o{}.{}", option + 1, self.key)
        } else {
            self.key.to_string()
        }
    }

    /// Validates a candidate value against this parameter's bounds and shape,
    /// returning a message a user can act on.
    pub fn check(&self, value: &Value) -> Result<Value, String> {
        let bound = |v: f64| -> Result<f64, String> {
            if !v.is_finite() {
                return Err("enter a number".to_string());
            }
            let v = if self.kind == Kind::Integer {
                v.round()
            } else {
                v
            };
            if v < self.min || v > self.max {
                let f = self.unit.display_factor();
                return Err(format!(
                    "must be between {} and {}{}",
                    trim(self.min * f),
                    trim(self.max * f),
                    unit_tail(self.unit)
                ));
            }
            Ok(v)
        };
        match (self.kind, value) {
            (Kind::Range, Value::Range(r)) => {
                let r = Range::new(bound(r.low)?, bound(r.likely)?, bound(r.high)?);
                if !(r.low <= r.likely && r.likely <= r.high) {
                    return Err("low must not exceed likely, nor likely exceed high".to_string());
                }
                Ok(Value::Range(r))
            }
            (Kind::Range, Value::Scalar(v)) => {
                let v = bound(*v)?;
                Ok(Value::Range(Range::new(v, v, v)))
            }
            (_, Value::Scalar(v)) => Ok(Value::Scalar(bound(*v)?)),
            (_, Value::Range(r)) => Ok(Value::Scalar(bound(r.likely)?)),
        }
    }
}

fn unit_tail(unit: Unit) -> String {
    match unit.suffix() {
        "" => String::new(),
        "£" => " pounds".to_string(),
        s => format!(" {s}"),
    }
}

/// Formats a number without trailing zeros (for messages and URL values).
pub fn trim(v: f64) -> String {
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

macro_rules! ctx {
    (scalar $($p:tt)+) => {(
        |s: &ScenarioInput, _| Value::Scalar(s.$($p)+ as f64),
        |s: &mut ScenarioInput, _, v: Value| s.$($p)+ = v.central() as _,
    )};
    (range $($p:tt)+) => {(
        |s: &ScenarioInput, _| Value::Range(s.$($p)+),
        |s: &mut ScenarioInput, _, v: Value| if let Value::Range(r) = v { s.$($p)+ = r },
    )};
}

macro_rules! opt {
    (scalar $($p:tt)+) => {(
        |s: &ScenarioInput, i: usize| Value::Scalar(s.options[i].$($p)+ as f64),
        |s: &mut ScenarioInput, i: usize, v: Value| s.options[i].$($p)+ = v.central() as _,
    )};
    (range $($p:tt)+) => {(
        |s: &ScenarioInput, i: usize| Value::Range(s.options[i].$($p)+),
        |s: &mut ScenarioInput, i: usize, v: Value| if let Value::Range(r) = v { s.options[i].$($p)+ = r },
    )};
}

#[allow(clippy::too_many_arguments)]
const fn def(
    key: &'static str,
    label: &'static str,
    help: &'static str,
    group: Group,
    unit: Unit,
    kind: Kind,
    (min, max, step): (f64, f64, f64),
    per_option: bool,
    source: &'static str,
    (get, set): (Getter, Setter),
) -> ParamDef {
    ParamDef {
        key,
        label,
        help,
        group,
        unit,
        kind,
        min,
        max,
        step,
        per_option,
        source,
        get,
        set,
    }
}

use Group as G;
use Kind as K;
use Unit as U;

/// Every parameter, in panel order within each group.
pub static PARAMS: &[ParamDef] = &[
    // Leadership, per option.
    def(
        "dcs.cost",
        "Permanent DCS cost",
        "Salary with pension and NI on-costs.",
        G::Leadership,
        U::GbpPerYear,
        K::Range,
        (50_000.0, 500_000.0, 1_000.0),
        true,
        "options.leadership.permanent_cost_per_year",
        opt!(range leadership.permanent_cost_per_year),
    ),
    def(
        "dcs.tenure",
        "Mean permanent stay",
        "Average time a permanent director stays before leaving.",
        G::Leadership,
        U::Months,
        K::Range,
        (3.0, 240.0, 1.0),
        true,
        "options.leadership.permanent_mean_tenure_months",
        opt!(range leadership.permanent_mean_tenure_months),
    ),
    def(
        "dcs.shape",
        "Tenure shape",
        "Weibull shape: 1 is memoryless; below 1 means more early departures.",
        G::Leadership,
        U::Number,
        K::Scalar,
        (0.3, 5.0, 0.05),
        true,
        "options.leadership.tenure_shape",
        opt!(scalar leadership.tenure_shape),
    ),
    def(
        "int.rate",
        "Interim day rate",
        "Day rate for an interim director, including agency fee.",
        G::Leadership,
        U::GbpPerDay,
        K::Range,
        (100.0, 5_000.0, 10.0),
        true,
        "options.leadership.interim_day_rate",
        opt!(range leadership.interim_day_rate),
    ),
    def(
        "int.days",
        "Interim days worked",
        "Working days billed per year.",
        G::Leadership,
        U::DaysPerYear,
        K::Scalar,
        (100.0, 260.0, 1.0),
        true,
        "options.leadership.interim_days_per_year",
        opt!(scalar leadership.interim_days_per_year),
    ),
    def(
        "int.stay",
        "Interim mean stay",
        "Average time an interim director stays.",
        G::Leadership,
        U::Months,
        K::Range,
        (1.0, 60.0, 1.0),
        true,
        "options.leadership.interim_mean_stay_months",
        opt!(range leadership.interim_mean_stay_months),
    ),
    def(
        "camp.len",
        "Campaign length",
        "Months from advert to a permanent director in post.",
        G::Leadership,
        U::Months,
        K::Range,
        (1.0, 24.0, 1.0),
        true,
        "options.leadership.campaign_months",
        opt!(range leadership.campaign_months),
    ),
    def(
        "camp.fee",
        "Campaign fee",
        "Headhunter fee per campaign, about a third of salary.",
        G::Leadership,
        U::Gbp,
        K::Range,
        (0.0, 200_000.0, 1_000.0),
        true,
        "options.leadership.campaign_fee",
        opt!(range leadership.campaign_fee),
    ),
    def(
        "camp.p",
        "Campaign success",
        "Chance a campaign appoints; a failed one re-advertises.",
        G::Leadership,
        U::Percent,
        K::Scalar,
        (0.01, 1.0, 0.01),
        true,
        "options.leadership.campaign_success",
        opt!(scalar leadership.campaign_success),
    ),
    def(
        "proc.len",
        "Procurement length",
        "Months from decision to a partner in post.",
        G::Leadership,
        U::Months,
        K::Range,
        (1.0, 24.0, 1.0),
        true,
        "options.contract.procurement_months",
        opt!(range contract.procurement_months),
    ),
    def(
        "proc.fail",
        "Procurement failure",
        "Chance procurement fails and the option falls back to recruiting.",
        G::Leadership,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.01),
        true,
        "options.contract.procurement_failure",
        opt!(scalar contract.procurement_failure),
    ),
    def(
        "ctr.len",
        "Contract length",
        "Months the improvement partner contract runs.",
        G::Leadership,
        U::Months,
        K::Integer,
        (6.0, 120.0, 1.0),
        true,
        "options.contract.length_months",
        opt!(scalar contract.length_months),
    ),
    def(
        "ctr.value",
        "Contract value",
        "Total contract value, paid monthly.",
        G::Leadership,
        U::Gbp,
        K::Scalar,
        (0.0, 20_000_000.0, 10_000.0),
        true,
        "options.contract.value",
        opt!(scalar contract.value),
    ),
    def(
        "ctr.risk",
        "Fee at risk",
        "Share of the fee paid only in proportion to targets met.",
        G::Leadership,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.01),
        true,
        "options.contract.at_risk_share",
        opt!(scalar contract.at_risk_share),
    ),
    def(
        "ctr.agency",
        "Agency share target",
        "Agency share of social workers the partner must reach by contract end.",
        G::Leadership,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.01),
        true,
        "options.contract.agency_share_target",
        opt!(scalar contract.agency_share_target),
    ),
    def(
        "ctr.mix",
        "Placement-mix target",
        "Share of the planned placement shift to achieve by contract end.",
        G::Leadership,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.01),
        true,
        "options.contract.mix_shift_target",
        opt!(scalar contract.mix_shift_target),
    ),
    def(
        "ctr.exit",
        "Partner DCS early exit",
        "Chance the partner's director leaves before the contract ends.",
        G::Leadership,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.01),
        true,
        "options.contract.partner_early_exit",
        opt!(scalar contract.partner_early_exit),
    ),
    def(
        "ctr.repl",
        "Partner replacement time",
        "Months the partner takes to replace its director, at its own cost.",
        G::Leadership,
        U::Months,
        K::Scalar,
        (0.0, 12.0, 0.5),
        true,
        "options.contract.partner_replacement_months",
        opt!(scalar contract.partner_replacement_months),
    ),
    def(
        "ctr.hand",
        "Handover to permanent",
        "Chance the seat passes to a permanent director at contract end without a vacancy.",
        G::Leadership,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.01),
        true,
        "options.contract.handover_probability",
        opt!(scalar contract.handover_probability),
    ),
    def(
        "ctr.lead",
        "Campaign lead time",
        "Months before contract end that a recruit campaign starts, if no handover.",
        G::Leadership,
        U::Months,
        K::Integer,
        (0.0, 24.0, 1.0),
        true,
        "options.contract.campaign_lead_months",
        opt!(scalar contract.campaign_lead_months),
    ),
    def(
        "ctr.team",
        "Improvement team strength",
        "Added to programme strengths while the contract runs.",
        G::Leadership,
        U::Number,
        K::Scalar,
        (0.0, 5.0, 0.05),
        true,
        "options.contract.team_strength",
        opt!(scalar contract.team_strength),
    ),
    def(
        "prog.recruit",
        "Recruitment programme",
        "The option's own social worker recruitment strength.",
        G::Leadership,
        U::Number,
        K::Scalar,
        (0.0, 5.0, 0.05),
        true,
        "options.programmes.recruitment",
        opt!(scalar programmes.recruitment),
    ),
    def(
        "prog.mix",
        "Placement programme",
        "The option's own strength in shifting the placement mix.",
        G::Leadership,
        U::Number,
        K::Scalar,
        (0.0, 5.0, 0.05),
        true,
        "options.programmes.mix_shift",
        opt!(scalar programmes.mix_shift),
    ),
    def(
        "prog.travel",
        "Travel training programme",
        "The option's own independent travel training strength.",
        G::Leadership,
        U::Number,
        K::Scalar,
        (0.0, 5.0, 0.05),
        true,
        "options.programmes.travel_training",
        opt!(scalar programmes.travel_training),
    ),
    // Workforce.
    def(
        "wf.fte",
        "Social worker establishment",
        "Funded social worker posts.",
        G::Workforce,
        U::Fte,
        K::Scalar,
        (1.0, 5_000.0, 1.0),
        false,
        "context.workforce.establishment_fte",
        ctx!(scalar context.workforce.establishment_fte),
    ),
    def(
        "wf.agency",
        "Starting agency share",
        "Share of posts covered by agency staff at the start.",
        G::Workforce,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.005),
        false,
        "context.workforce.start_agency_share",
        ctx!(scalar context.workforce.start_agency_share),
    ),
    def(
        "wf.cost",
        "Permanent cost per FTE",
        "Salary with on-costs per social worker.",
        G::Workforce,
        U::GbpPerYear,
        K::Range,
        (10_000.0, 150_000.0, 500.0),
        false,
        "context.workforce.permanent_cost_per_fte",
        ctx!(range context.workforce.permanent_cost_per_fte),
    ),
    def(
        "wf.premium",
        "Agency premium per FTE",
        "Extra cost of an agency worker over a permanent one.",
        G::Workforce,
        U::GbpPerYear,
        K::Range,
        (0.0, 100_000.0, 500.0),
        false,
        "context.workforce.agency_premium_per_fte",
        ctx!(range context.workforce.agency_premium_per_fte),
    ),
    def(
        "wf.turnover",
        "Base turnover",
        "Share of permanent staff leaving each year in a stable service.",
        G::Workforce,
        U::PercentPerYear,
        K::Range,
        (0.0, 0.6, 0.005),
        false,
        "context.workforce.base_turnover",
        ctx!(range context.workforce.base_turnover),
    ),
    def(
        "wf.fill",
        "Vacancy fill rate",
        "Share of vacancies filled each month in a stable service.",
        G::Workforce,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.005),
        false,
        "context.workforce.base_fill_rate",
        ctx!(scalar context.workforce.base_fill_rate),
    ),
    def(
        "wf.payinf",
        "Pay inflation",
        "Annual pay growth.",
        G::Workforce,
        U::PercentPerYear,
        K::Range,
        (-0.05, 0.2, 0.005),
        false,
        "context.workforce.pay_inflation",
        ctx!(range context.workforce.pay_inflation),
    ),
    // Placements.
    def(
        "pl.children",
        "Children looked after",
        "Children in care at the start.",
        G::Placements,
        U::Count,
        K::Scalar,
        (1.0, 10_000.0, 1.0),
        false,
        "context.placements.children_start",
        ctx!(scalar context.placements.children_start),
    ),
    def(
        "pl.growth",
        "Net growth",
        "Annual net change in children looked after.",
        G::Placements,
        U::PercentPerYear,
        K::Range,
        (-0.2, 0.3, 0.005),
        false,
        "context.placements.net_growth",
        ctx!(range context.placements.net_growth),
    ),
    def(
        "pl.mix.inhouse",
        "Mix: in-house fostering",
        "Share of children in in-house foster care.",
        G::Placements,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.005),
        false,
        "context.placements.mix",
        ctx!(scalar context.placements.mix[0]),
    ),
    def(
        "pl.mix.ifa",
        "Mix: independent fostering",
        "Share of children with independent fostering agencies.",
        G::Placements,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.005),
        false,
        "context.placements.mix",
        ctx!(scalar context.placements.mix[1]),
    ),
    def(
        "pl.mix.kin",
        "Mix: kinship",
        "Share of children in kinship care.",
        G::Placements,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.005),
        false,
        "context.placements.mix",
        ctx!(scalar context.placements.mix[2]),
    ),
    def(
        "pl.mix.home",
        "Mix: council children's home",
        "Share of children in council-run homes.",
        G::Placements,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.005),
        false,
        "context.placements.mix",
        ctx!(scalar context.placements.mix[3]),
    ),
    def(
        "pl.mix.ext",
        "Mix: external children's home",
        "Share of children in externally run homes.",
        G::Placements,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.005),
        false,
        "context.placements.mix",
        ctx!(scalar context.placements.mix[4]),
    ),
    def(
        "pl.mix.other",
        "Mix: supported / other",
        "Share in supported accommodation, placed with parents and other.",
        G::Placements,
        U::Percent,
        K::Scalar,
        (0.0, 1.0, 0.005),
        false,
        "context.placements.mix",
        ctx!(scalar context.placements.mix[5]),
    ),
    def(
        "pl.cost.inhouse",
        "Weekly cost: in-house fostering",
        "Cost per child per week.",
        G::Placements,
        U::GbpPerWeek,
        K::Range,
        (0.0, 50_000.0, 10.0),
        false,
        "context.placements.weekly_cost",
        ctx!(range context.placements.weekly_cost[0]),
    ),
    def(
        "pl.cost.ifa",
        "Weekly cost: independent fostering",
        "Cost per child per week.",
        G::Placements,
        U::GbpPerWeek,
        K::Range,
        (0.0, 50_000.0, 10.0),
        false,
        "context.placements.weekly_cost",
        ctx!(range context.placements.weekly_cost[1]),
    ),
    def(
        "pl.cost.kin",
        "Weekly cost: kinship",
        "Cost per child per week.",
        G::Placements,
        U::GbpPerWeek,
        K::Range,
        (0.0, 50_000.0, 10.0),
        false,
        "context.placements.weekly_cost",
        ctx!(range context.placements.weekly_cost[2]),
    ),
    def(
        "pl.cost.home",
        "Weekly cost: council home",
        "Cost per child per week.",
        G::Placements,
        U::GbpPerWeek,
        K::Range,
        (0.0, 50_000.0, 10.0),
        false,
        "context.placements.weekly_cost",
        ctx!(range context.placements.weekly_cost[3]),
    ),
    def(
        "pl.cost.ext",
        "Weekly cost: external home",
        "Cost per child per week.",
        G::Placements,
        U::GbpPerWeek,
        K::Range,
        (0.0, 50_000.0, 10.0),
        false,
        "context.placements.weekly_cost",
        ctx!(range context.placements.weekly_cost[4]),
    ),
    def(
        "pl.cost.other",
        "Weekly cost: supported / other",
        "Cost per child per week.",
        G::Placements,
        U::GbpPerWeek,
        K::Range,
        (0.0, 50_000.0, 10.0),
        false,
        "context.placements.weekly_cost",
        ctx!(range context.placements.weekly_cost[5]),
    ),
    def(
        "pl.inflation",
        "Placement price inflation",
        "Annual rise in placement prices.",
        G::Placements,
        U::PercentPerYear,
        K::Range,
        (-0.05, 0.3, 0.005),
        false,
        "context.placements.inflation",
        ctx!(range context.placements.inflation),
    ),
    def(
        "pl.shift",
        "Mix shift planned",
        "Share of all children the programme aims to move from independent to in-house fostering.",
        G::Placements,
        U::Percent,
        K::Scalar,
        (0.0, 0.5, 0.005),
        false,
        "context.placements.shift",
        ctx!(scalar context.placements.shift.share),
    ),
    def(
        "pl.shift.by",
        "Mix shift target month",
        "Month by which the planned shift should be complete.",
        G::Placements,
        U::Months,
        K::Integer,
        (1.0, 144.0, 1.0),
        false,
        "context.placements.shift",
        ctx!(scalar context.placements.shift.target_month),
    ),
    // SEN transport.
    def(
        "sen.pupils",
        "Pupils transported",
        "Pupils on funded home-to-school transport at the start.",
        G::Sen,
        U::Count,
        K::Scalar,
        (0.0, 20_000.0, 10.0),
        false,
        "context.sen.pupils",
        ctx!(scalar context.sen.pupils),
    ),
    def(
        "sen.cost",
        "Cost per pupil",
        "Annual transport cost per pupil.",
        G::Sen,
        U::GbpPerYear,
        K::Range,
        (0.0, 50_000.0, 50.0),
        false,
        "context.sen.cost_per_pupil",
        ctx!(range context.sen.cost_per_pupil),
    ),
    def(
        "sen.growth",
        "Pupil growth",
        "Annual growth in pupils needing transport.",
        G::Sen,
        U::PercentPerYear,
        K::Range,
        (-0.2, 0.3, 0.005),
        false,
        "context.sen.growth",
        ctx!(range context.sen.growth),
    ),
    def(
        "sen.inflation",
        "Transport price inflation",
        "Annual rise in cost per pupil.",
        G::Sen,
        U::PercentPerYear,
        K::Range,
        (-0.05, 0.3, 0.005),
        false,
        "context.sen.inflation",
        ctx!(range context.sen.inflation),
    ),
    def(
        "sen.train",
        "Travel training capacity",
        "Pupils trained to travel independently per year in a stable service.",
        G::Sen,
        U::PerYear,
        K::Scalar,
        (0.0, 2_000.0, 1.0),
        false,
        "context.sen.training_per_year",
        ctx!(scalar context.sen.training_per_year),
    ),
    def(
        "sen.traincost",
        "Cost per trainee",
        "One-off cost of training a pupil.",
        G::Sen,
        U::Gbp,
        K::Scalar,
        (0.0, 50_000.0, 50.0),
        false,
        "context.sen.cost_per_trainee",
        ctx!(scalar context.sen.cost_per_trainee),
    ),
    // Finance.
    def(
        "fin.budget",
        "Annual budget",
        "Budget for the modelled lines, per year.",
        G::Finance,
        U::GbpPerYear,
        K::Scalar,
        (0.0, 2_000_000_000.0, 100_000.0),
        false,
        "context.finance.annual_budget",
        ctx!(scalar context.finance.annual_budget),
    ),
    def(
        "fin.discount",
        "Discount rate",
        "Annual rate for net present value (Green Book 3.5%).",
        G::Finance,
        U::PercentPerYear,
        K::Scalar,
        (0.0, 0.2, 0.0025),
        false,
        "context.finance.discount_rate",
        ctx!(scalar context.finance.discount_rate),
    ),
    def(
        "fin.deflator",
        "General inflation",
        "Annual rise in prices generally (GDP deflator): turns cash into base-year pounds so the real Green Book rate applies.",
        G::Finance,
        U::PercentPerYear,
        K::Scalar,
        (-0.05, 0.2, 0.0025),
        false,
        "context.finance.general_inflation",
        ctx!(scalar context.finance.general_inflation),
    ),
    def(
        "fin.base",
        "Price base year",
        "Year of the prices entered.",
        G::Finance,
        U::Year,
        K::Integer,
        (2000.0, 2100.0, 1.0),
        false,
        "context.finance.price_base_year",
        ctx!(scalar context.finance.price_base_year),
    ),
    // Stability coupling.
    def(
        "st.initial",
        "Starting stability",
        "Stability index at month 0.",
        G::Stability,
        U::Number,
        K::Scalar,
        (0.0, 1.0, 0.01),
        false,
        "context.stability.initial",
        ctx!(scalar context.stability.initial),
    ),
    def(
        "st.interim",
        "Interim target",
        "Stability an interim director can hold the service at.",
        G::Stability,
        U::Number,
        K::Scalar,
        (0.0, 1.0, 0.01),
        false,
        "context.stability.interim_target",
        ctx!(scalar context.stability.interim_target),
    ),
    def(
        "st.start",
        "New director start level",
        "Where a new permanent or partner director's ramp starts.",
        G::Stability,
        U::Number,
        K::Scalar,
        (0.0, 1.0, 0.01),
        false,
        "context.stability.start_level",
        ctx!(scalar context.stability.start_level),
    ),
    def(
        "st.ramp",
        "Ramp time",
        "Months for a new director to reach full stability.",
        G::Stability,
        U::Months,
        K::Scalar,
        (0.0, 60.0, 1.0),
        false,
        "context.stability.ramp_months",
        ctx!(scalar context.stability.ramp_months),
    ),
    def(
        "st.shock",
        "Shock per change",
        "Drop in stability at each leadership change.",
        G::Stability,
        U::Number,
        K::Scalar,
        (0.0, 1.0, 0.01),
        false,
        "context.stability.shock",
        ctx!(scalar context.stability.shock),
    ),
    def(
        "st.tau",
        "Recovery time constant",
        "Months for stability to close most of the gap to its target.",
        G::Stability,
        U::Months,
        K::Scalar,
        (0.5, 60.0, 0.5),
        false,
        "context.stability.time_constant_months",
        ctx!(scalar context.stability.time_constant_months),
    ),
    def(
        "st.churn",
        "Churn sensitivity",
        "Extra annual social worker turnover when stability is zero.",
        G::Stability,
        U::PercentPerYear,
        K::Scalar,
        (0.0, 1.0, 0.005),
        false,
        "context.stability.churn_coupling",
        ctx!(scalar context.stability.churn_coupling),
    ),
    def(
        "st.recruit",
        "Recruitment coupling",
        "How strongly stability speeds vacancy filling (0: not at all).",
        G::Stability,
        U::Number,
        K::Scalar,
        (0.0, 1.0, 0.05),
        false,
        "context.stability.recruitment_coupling",
        ctx!(scalar context.stability.recruitment_coupling),
    ),
    def(
        "st.place",
        "Placement coupling",
        "How strongly stability drives placement-mix progress (0: not at all).",
        G::Stability,
        U::Number,
        K::Scalar,
        (0.0, 1.0, 0.05),
        false,
        "context.stability.placement_coupling",
        ctx!(scalar context.stability.placement_coupling),
    ),
    def(
        "st.sen",
        "Travel training coupling",
        "How strongly stability drives travel training (0: not at all).",
        G::Stability,
        U::Number,
        K::Scalar,
        (0.0, 1.0, 0.05),
        false,
        "context.stability.sen_coupling",
        ctx!(scalar context.stability.sen_coupling),
    ),
    // Simulation.
    def(
        "seed",
        "Seed",
        "Random seed: the same seed gives the same numbers.",
        G::Simulation,
        U::Number,
        K::Integer,
        (0.0, 4_294_967_295.0, 1.0),
        false,
        "simulation.seed",
        ctx!(scalar simulation.seed),
    ),
    def(
        "paths",
        "Paths",
        "Simulated futures; more paths, smaller Monte Carlo error.",
        G::Simulation,
        U::Count,
        K::Integer,
        (100.0, 100_000.0, 100.0),
        false,
        "simulation.paths",
        ctx!(scalar simulation.paths),
    ),
    def(
        "horizon",
        "Horizon",
        "Months simulated.",
        G::Simulation,
        U::Months,
        K::Integer,
        (12.0, 120.0, 1.0),
        false,
        "simulation.horizon_months",
        ctx!(scalar simulation.horizon_months),
    ),
];

/// Looks a parameter up by its key (without the option prefix).
pub fn find(key: &str) -> Option<&'static ParamDef> {
    PARAMS.iter().find(|p| p.key == key)
}

/// Parameters of one group, in panel order.
pub fn in_group(group: Group) -> impl Iterator<Item = &'static ParamDef> {
    PARAMS.iter().filter(move |p| p.group == group)
}

/// The preset option an option is compared with: the same one, or the first
/// for options the preset does not have (added options start as its copy).
pub fn baseline_option(baseline: &ScenarioInput, option: usize) -> usize {
    if option < baseline.options.len() {
        option
    } else {
        0
    }
}

/// One assumption that differs between two scenarios.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The parameter.
    pub param: &'static ParamDef,
    /// Option index for per-option parameters (0 otherwise).
    pub option: usize,
    /// Value in the baseline.
    pub baseline: Value,
    /// Value now.
    pub current: Value,
}

/// Every registered assumption whose value differs between `baseline` and
/// `current`. Options beyond the baseline's count compare with option 1 of
/// the baseline.
pub fn changes(baseline: &ScenarioInput, current: &ScenarioInput) -> Vec<Change> {
    let mut out = Vec::new();
    for param in PARAMS {
        let options = if param.per_option {
            current.options.len()
        } else {
            1
        };
        for option in 0..options {
            let base_option = baseline_option(baseline, option);
            let (Some(b), Some(c)) = (param.get(baseline, base_option), param.get(current, option))
            else {
                continue;
            };
            if b != c {
                out.push(Change {
                    param,
                    option,
                    baseline: b,
                    current: c,
                });
            }
        }
    }
    out
}

/// The preset's source for a parameter: the entry for its field, or else
/// for the nearest enclosing field (`options.programmes` covers all three
/// programme strengths).
pub fn source_of(
    preset: turnaround_engine::presets::PresetId,
    param: &ParamDef,
) -> Option<&'static turnaround_engine::presets::Source> {
    turnaround_engine::presets::sources(preset)
        .iter()
        .filter(|s| {
            param.source == s.field
                || param
                    .source
                    .strip_prefix(s.field)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
        .max_by_key(|s| s.field.len())
}

/// The parameter an engine error's field path points at, if any
/// (`options[1].contract.value` -> `ctr.value`, option 1).
pub fn for_field(field: &str) -> Option<(&'static ParamDef, usize)> {
    if let Some(rest) = field.strip_prefix("options[") {
        let (num, tail) = rest.split_once("].")?;
        let option = num.parse().ok()?;
        let source = format!("options.{tail}");
        return PARAMS
            .iter()
            .filter(|p| p.per_option)
            .find(|p| source.starts_with(p.source))
            .map(|p| (p, option));
    }
    PARAMS
        .iter()
        .filter(|p| !p.per_option)
        .find(|p| field.starts_with(p.source))
        .map(|p| (p, 0))
}

/// An engine validation error in the words of the page: the assumption's
/// label and what is wrong, in its display unit.
pub fn explain(err: &ScenarioError) -> String {
    // The planned shift moves children out of one placement type, so it can
    // never exceed that type's share: say so in those words.
    if let ("context.placements.shift.share", ErrorKind::OutOfBounds { value, max, .. }) =
        (err.field.as_str(), &err.kind)
    {
        return format!(
            "the planned mix shift ({}%) cannot be more than the share of children in the type it moves them from ({}%): lower the planned shift first",
            trim((value * 1000.0).round() / 10.0),
            trim((max * 1000.0).round() / 10.0)
        );
    }
    let Some((param, _)) = for_field(&err.field) else {
        return err.to_string();
    };
    let f = param.unit.display_factor();
    let tail = unit_tail(param.unit);
    let what = match &err.kind {
        ErrorKind::NotFinite => "must be a number".to_string(),
        ErrorKind::Negative => "must not be negative".to_string(),
        ErrorKind::ProbabilityOutOfRange { .. } => "must be between 0 and 100%".to_string(),
        ErrorKind::RangeOutOfOrder { .. } => {
            "low must not exceed likely, nor likely exceed high".to_string()
        }
        ErrorKind::MixDoesNotSumToOne { sum } => format!(
            "the placement shares add up to {}%, not 100%",
            trim((sum * 1000.0).round() / 10.0)
        ),
        ErrorKind::OutOfBounds { min, max, .. } => format!(
            "must be between {} and {}{tail}",
            trim(min * f),
            trim(max * f)
        ),
        _ => return err.to_string(),
    };
    format!("{}: {what}", param.label)
}
