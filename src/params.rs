//! The parameter registry: the page's presentation of every assumption a
//! user can change, as data. Each row names an engine field
//! ([`turnaround_engine::FieldId`], plus the placement type for per-type
//! fields) and adds what only the page needs: label, help, panel group,
//! display unit, slider step and span, the routes it applies to and how it
//! rebalances. Everything else about a field (its path, link key, shape and
//! accepted bounds) comes from the engine's one field table, so validation
//! here is the engine's validation.
//!
//! A parameter is either shared (scenario context, simulation settings) or
//! per option (leadership route and contract). Per-option parameters are
//! addressed by option index; their URL key gets the option number as a
//! prefix (`o1.`, `o2.`, ...).

use turnaround_engine::{
    ErrorKind, Field, FieldId, FieldValue, PlacementKind, Range, Route, ScenarioInput, Shape,
};

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

/// How setting a parameter affects others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebalance {
    /// Nothing else changes.
    None,
    /// A placement-mix share: the other shares are scaled so the mix sums to 1.
    Mix,
}

/// Routes whose options use a parameter.
pub type Routes = &'static [Route];
/// Every route (shared parameters, interim pay, own programmes).
pub const ALL: Routes = &[Route::Recruit, Route::InSource, Route::InterimChain];
/// Routes that may appoint a permanent director (campaigns, tenure, pay).
pub const LEADER: Routes = &[Route::Recruit, Route::InSource];
/// The in-source route only (procurement and contract).
pub const IN_SOURCE: Routes = &[Route::InSource];

/// One user-changeable assumption: an engine field and how the page shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamDef {
    /// The engine field.
    pub field: FieldId,
    /// The placement type, for one element of a per-type field (the mix, weekly costs).
    pub element: Option<PlacementKind>,
    /// Label shown beside the input.
    pub label: &'static str,
    /// One sentence saying what the value means.
    pub help: &'static str,
    /// Panel group.
    pub group: Group,
    /// Display unit.
    pub unit: Unit,
    /// Slider step (stored units).
    pub step: f64,
    /// The widest span a slider offers (stored units), inside the field's bounds.
    pub slider: (f64, f64),
    /// Routes whose options use this parameter (shared parameters: all).
    pub routes: Routes,
    /// How setting it changes other parameters.
    pub rebalance: Rebalance,
}

impl ParamDef {
    /// The engine field for option `option` (ignored for shared parameters).
    pub fn field_at(&self, option: usize) -> Field {
        Field {
            id: self.field,
            option: self.per_option().then_some(option),
            index: self.element.map(|k| k.index()),
        }
    }

    /// Stable key used in share links, without the option prefix (`wf.agency`, `pl.mix.ifa`).
    pub fn key(&self) -> String {
        self.field_at(0).key()
    }

    /// True when the value belongs to each option separately.
    pub fn per_option(&self) -> bool {
        self.field.per_option()
    }

    /// Scalar, integer or range.
    pub fn kind(&self) -> Kind {
        match self.field.meta().shape {
            Shape::Range => Kind::Range,
            Shape::Integer => Kind::Integer,
            _ => Kind::Scalar,
        }
    }

    /// Smallest accepted value (stored units): the engine's bound.
    pub fn min(&self) -> f64 {
        self.field.meta().min
    }

    /// Largest accepted value (stored units): the engine's bound.
    pub fn max(&self) -> f64 {
        self.field.meta().max
    }

    /// True when an option on `route` uses this parameter.
    pub fn applies(&self, route: Route) -> bool {
        self.routes.contains(&route)
    }

    /// Reads the value (for option `option` when per option; ignored otherwise).
    /// Returns `None` when the option does not exist.
    pub fn get(&self, input: &ScenarioInput, option: usize) -> Option<Value> {
        match self.field_at(option).get(input)? {
            FieldValue::Number(v) => Some(Value::Scalar(v)),
            FieldValue::Range(r) => Some(Value::Range(r)),
            _ => None,
        }
    }

    /// Writes a value that has already been validated with [`ParamDef::check`].
    /// Does nothing when the option does not exist.
    pub fn set(&self, input: &mut ScenarioInput, option: usize, value: Value) {
        self.field_at(option).set(input, value.into());
    }

    /// The URL key for this parameter and option (`o2.tenure` or `wf.fte`).
    pub fn url_key(&self, option: usize) -> String {
        if self.per_option() {
            format!("o{}.{}", option + 1, self.key())
        } else {
            self.key()
        }
    }

    /// Validates a candidate value against the engine's rule for this field
    /// (the same rule links, files and saved scenarios meet), returning the
    /// value to store or what is wrong. Whole-number fields round what was
    /// typed; a single number given for a range fixes it.
    pub fn check_kind(&self, value: &Value) -> Result<Value, ErrorKind> {
        let value = match (self.kind(), *value) {
            (Kind::Integer, Value::Scalar(v)) if v.is_finite() => Value::Scalar(v.round()),
            (Kind::Range, Value::Scalar(v)) => Value::Range(Range::fixed(v)),
            (Kind::Range, r @ Value::Range(_)) => r,
            (_, Value::Range(r)) => Value::Scalar(r.likely),
            (_, v) => v,
        };
        match self.field_at(0).check(value.into())? {
            FieldValue::Number(v) => Ok(Value::Scalar(v)),
            FieldValue::Range(r) => Ok(Value::Range(r)),
            _ => Err(ErrorKind::WrongShape),
        }
    }

    /// [`ParamDef::check_kind`] with the reason as a message for the field
    /// itself ("must be between 0 and 100%").
    pub fn check(&self, value: &Value) -> Result<Value, String> {
        self.check_kind(value)
            .map_err(|kind| crate::explain::what_is_wrong(self, &kind))
    }
}

impl From<Value> for FieldValue {
    fn from(v: Value) -> FieldValue {
        match v {
            Value::Scalar(x) => FieldValue::Number(x),
            Value::Range(r) => FieldValue::Range(r),
        }
    }
}

use FieldId as F;
use Group as G;
use Unit as U;

/// Every parameter, in panel order within each group.
pub static PARAMS: &[ParamDef] = &[
    ParamDef {
        field: F::DcsCost,
        element: None,
        label: "Permanent DCS cost",
        help: "Salary with pension and NI on-costs.",
        group: G::Leadership,
        unit: U::GbpPerYear,
        step: 1_000.0,
        slider: (50_000.0, 500_000.0),
        routes: LEADER,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::DcsTenure,
        element: None,
        label: "Mean permanent stay",
        help: "Average time a permanent director stays before leaving.",
        group: G::Leadership,
        unit: U::Months,
        step: 1.0,
        slider: (3.0, 240.0),
        routes: LEADER,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::DcsShape,
        element: None,
        label: "Tenure shape",
        help: "Weibull shape: 1 is memoryless; below 1 means more early departures.",
        group: G::Leadership,
        unit: U::Number,
        step: 0.05,
        slider: (0.3, 5.0),
        routes: LEADER,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::InterimRate,
        element: None,
        label: "Interim day rate",
        help: "Day rate for an interim director, including agency fee.",
        group: G::Leadership,
        unit: U::GbpPerDay,
        step: 10.0,
        slider: (100.0, 5_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::InterimDays,
        element: None,
        label: "Interim days worked",
        help: "Working days billed per year.",
        group: G::Leadership,
        unit: U::DaysPerYear,
        step: 1.0,
        slider: (100.0, 260.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::InterimStay,
        element: None,
        label: "Interim mean stay",
        help: "Average time an interim director stays.",
        group: G::Leadership,
        unit: U::Months,
        step: 1.0,
        slider: (1.0, 60.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::CampaignLength,
        element: None,
        label: "Campaign length",
        help: "Months from advert to a permanent director in post.",
        group: G::Leadership,
        unit: U::Months,
        step: 1.0,
        slider: (1.0, 24.0),
        routes: LEADER,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::CampaignFee,
        element: None,
        label: "Campaign fee",
        help: "Headhunter fee per campaign, about a third of salary.",
        group: G::Leadership,
        unit: U::Gbp,
        step: 1_000.0,
        slider: (0.0, 200_000.0),
        routes: LEADER,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::CampaignSuccess,
        element: None,
        label: "Campaign success",
        help: "Chance a campaign appoints; a failed one re-advertises.",
        group: G::Leadership,
        unit: U::Percent,
        step: 0.01,
        slider: (0.01, 1.0),
        routes: LEADER,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ProcurementLength,
        element: None,
        label: "Procurement length",
        help: "Months from decision to a partner in post.",
        group: G::Leadership,
        unit: U::Months,
        step: 1.0,
        slider: (1.0, 24.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ProcurementFailure,
        element: None,
        label: "Procurement failure",
        help: "Chance procurement fails and the option falls back to recruiting.",
        group: G::Leadership,
        unit: U::Percent,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ContractLength,
        element: None,
        label: "Contract length",
        help: "Months the improvement partner contract runs.",
        group: G::Leadership,
        unit: U::Months,
        step: 1.0,
        slider: (6.0, 120.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ContractValue,
        element: None,
        label: "Contract value",
        help: "Total contract value, paid monthly.",
        group: G::Leadership,
        unit: U::Gbp,
        step: 10_000.0,
        slider: (0.0, 20_000_000.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ContractAtRisk,
        element: None,
        label: "Fee at risk",
        help: "Share of the fee paid only in proportion to targets met.",
        group: G::Leadership,
        unit: U::Percent,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ContractAgencyTarget,
        element: None,
        label: "Agency share target",
        help: "Agency share of social workers the partner must reach by contract end.",
        group: G::Leadership,
        unit: U::Percent,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ContractMixTarget,
        element: None,
        label: "Placement-mix target",
        help: "Share of the planned placement shift to achieve by contract end.",
        group: G::Leadership,
        unit: U::Percent,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::PartnerExit,
        element: None,
        label: "Partner DCS early exit",
        help: "Chance the partner's director leaves before the contract ends.",
        group: G::Leadership,
        unit: U::Percent,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::PartnerReplacement,
        element: None,
        label: "Partner replacement time",
        help: "Months the partner takes to replace its director, at its own cost.",
        group: G::Leadership,
        unit: U::Months,
        step: 0.5,
        slider: (0.0, 12.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::Handover,
        element: None,
        label: "Handover to permanent",
        help: "Chance the seat passes to a permanent director at contract end without a vacancy.",
        group: G::Leadership,
        unit: U::Percent,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::CampaignLead,
        element: None,
        label: "Campaign lead time",
        help: "Months before contract end that a recruit campaign starts, if no handover.",
        group: G::Leadership,
        unit: U::Months,
        step: 1.0,
        slider: (0.0, 24.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::TeamStrength,
        element: None,
        label: "Improvement team strength",
        help: "Added to the recruitment and placement programmes while the contract runs; below zero the partner unsettles staff.",
        group: G::Leadership,
        unit: U::Number,
        step: 0.05,
        slider: (-1.0, 3.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ProcurementCost,
        element: None,
        label: "Procurement cost",
        help: "One-off legal and procurement cost, paid even if procurement fails.",
        group: G::Leadership,
        unit: U::Gbp,
        step: 1_000.0,
        slider: (0.0, 500_000.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ContractManagement,
        element: None,
        label: "Contract management a month",
        help: "Client-side cost of managing the contract, per month while it runs.",
        group: G::Leadership,
        unit: U::Gbp,
        step: 500.0,
        slider: (0.0, 50_000.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::VariationProbability,
        element: None,
        label: "Variation or extension",
        help: "Chance the contract is varied or extended.",
        group: G::Leadership,
        unit: U::Percent,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::VariationShare,
        element: None,
        label: "Variation cost",
        help: "Extra cost of a variation, as a share of the contract value.",
        group: G::Leadership,
        unit: U::Percent,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::VariationExtends,
        element: None,
        label: "Variation extends the term",
        help: "1: a variation extends the contract and the partner director; 0: it is a one-off payment.",
        group: G::Leadership,
        unit: U::Number,
        step: 1.0,
        slider: (0.0, 1.0),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ArrivalTurnover,
        element: None,
        label: "Staff leaving after the partner arrives",
        help: "Extra yearly leaving rate for the months after the partner arrives (a restructure).",
        group: G::Leadership,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (0.0, 0.3),
        routes: IN_SOURCE,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ProgrammeRecruitment,
        element: None,
        label: "Recruitment programme",
        help: "The option's own social worker recruitment strength.",
        group: G::Leadership,
        unit: U::Number,
        step: 0.05,
        slider: (-1.0, 3.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ProgrammeMixShift,
        element: None,
        label: "Placement programme",
        help: "The option's own strength in shifting the placement mix.",
        group: G::Leadership,
        unit: U::Number,
        step: 0.05,
        slider: (-1.0, 3.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ProgrammeTravel,
        element: None,
        label: "Travel training programme",
        help: "The option's own independent travel training strength.",
        group: G::Leadership,
        unit: U::Number,
        step: 0.05,
        slider: (-1.0, 3.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::TeamTravel,
        element: None,
        label: "Team help with travel training",
        help: "Strength an improvement team adds to travel training while it works (0: none).",
        group: G::Leadership,
        unit: U::Number,
        step: 0.05,
        slider: (0.0, 2.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::OwnTeamCost,
        element: None,
        label: "Own improvement team cost a month",
        help: "What the council pays each month for its own improvement team.",
        group: G::Leadership,
        unit: U::Gbp,
        step: 500.0,
        slider: (0.0, 200_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::OwnTeamEffect,
        element: None,
        label: "Own improvement team effect",
        help: "Added to the recruitment and placement programmes while the team works; same scale as the partner team.",
        group: G::Leadership,
        unit: U::Number,
        step: 0.05,
        slider: (-1.0, 3.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::OwnTeamStart,
        element: None,
        label: "Own team starts",
        help: "First month the own team works.",
        group: G::Leadership,
        unit: U::Months,
        step: 1.0,
        slider: (0.0, 60.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::OwnTeamLength,
        element: None,
        label: "Own team length",
        help: "Months the own team works (0: no own team).",
        group: G::Leadership,
        unit: U::Months,
        step: 1.0,
        slider: (0.0, 120.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::Establishment,
        element: None,
        label: "Social worker establishment",
        help: "Funded social worker posts.",
        group: G::Workforce,
        unit: U::Fte,
        step: 1.0,
        slider: (1.0, 5_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::AgencyShare,
        element: None,
        label: "Starting agency share",
        help: "Share of posts covered by agency staff at the start.",
        group: G::Workforce,
        unit: U::Percent,
        step: 0.005,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::WorkerCost,
        element: None,
        label: "Permanent cost per FTE",
        help: "Salary with on-costs per social worker.",
        group: G::Workforce,
        unit: U::GbpPerYear,
        step: 500.0,
        slider: (10_000.0, 150_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::AgencyPremium,
        element: None,
        label: "Agency premium per FTE",
        help: "Extra cost of an agency worker over a permanent one.",
        group: G::Workforce,
        unit: U::GbpPerYear,
        step: 500.0,
        slider: (0.0, 100_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::Turnover,
        element: None,
        label: "Base turnover",
        help: "Share of permanent staff leaving each year in a stable service.",
        group: G::Workforce,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (0.0, 0.6),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::FillRate,
        element: None,
        label: "Vacancy fill rate",
        help: "Share of vacancies filled each month in a stable service.",
        group: G::Workforce,
        unit: U::Percent,
        step: 0.005,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::PayInflation,
        element: None,
        label: "Pay inflation",
        help: "Annual pay growth.",
        group: G::Workforce,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (-0.05, 0.2),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::FillLuck,
        element: None,
        label: "Vacancy-filling luck",
        help: "Month-to-month variation in filling vacancies, the same in every option (0: none).",
        group: G::Workforce,
        unit: U::Number,
        step: 0.05,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ChangeTurnover,
        element: None,
        label: "Staff leaving after a change of director",
        help: "Extra yearly leaving rate for the months after each change of director.",
        group: G::Workforce,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (0.0, 0.3),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::DisruptionMonths,
        element: None,
        label: "Months of extra leaving",
        help: "How long extra leaving lasts after a change.",
        group: G::Workforce,
        unit: U::Months,
        step: 1.0,
        slider: (0.0, 24.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::Children,
        element: None,
        label: "Children looked after",
        help: "Children in care at the start.",
        group: G::Placements,
        unit: U::Count,
        step: 1.0,
        slider: (1.0, 10_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ChildrenGrowth,
        element: None,
        label: "Net growth",
        help: "Annual net change in children looked after.",
        group: G::Placements,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (-0.2, 0.3),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::PlacementMix,
        element: Some(PlacementKind::InHouseFostering),
        label: "Mix: in-house fostering",
        help: "Share of children in in-house foster care.",
        group: G::Placements,
        unit: U::Percent,
        step: 0.005,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::Mix,
    },
    ParamDef {
        field: F::PlacementMix,
        element: Some(PlacementKind::Ifa),
        label: "Mix: independent fostering",
        help: "Share of children with independent fostering agencies.",
        group: G::Placements,
        unit: U::Percent,
        step: 0.005,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::Mix,
    },
    ParamDef {
        field: F::PlacementMix,
        element: Some(PlacementKind::Kinship),
        label: "Mix: kinship",
        help: "Share of children in kinship care.",
        group: G::Placements,
        unit: U::Percent,
        step: 0.005,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::Mix,
    },
    ParamDef {
        field: F::PlacementMix,
        element: Some(PlacementKind::CouncilHome),
        label: "Mix: council children's home",
        help: "Share of children in council-run homes.",
        group: G::Placements,
        unit: U::Percent,
        step: 0.005,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::Mix,
    },
    ParamDef {
        field: F::PlacementMix,
        element: Some(PlacementKind::ExternalHome),
        label: "Mix: external children's home",
        help: "Share of children in externally run homes.",
        group: G::Placements,
        unit: U::Percent,
        step: 0.005,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::Mix,
    },
    ParamDef {
        field: F::PlacementMix,
        element: Some(PlacementKind::Other),
        label: "Mix: supported / other",
        help: "Share in supported accommodation, placed with parents and other.",
        group: G::Placements,
        unit: U::Percent,
        step: 0.005,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::Mix,
    },
    ParamDef {
        field: F::WeeklyCost,
        element: Some(PlacementKind::InHouseFostering),
        label: "Weekly cost: in-house fostering",
        help: "Cost per child per week.",
        group: G::Placements,
        unit: U::GbpPerWeek,
        step: 10.0,
        slider: (0.0, 50_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::WeeklyCost,
        element: Some(PlacementKind::Ifa),
        label: "Weekly cost: independent fostering",
        help: "Cost per child per week.",
        group: G::Placements,
        unit: U::GbpPerWeek,
        step: 10.0,
        slider: (0.0, 50_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::WeeklyCost,
        element: Some(PlacementKind::Kinship),
        label: "Weekly cost: kinship",
        help: "Cost per child per week.",
        group: G::Placements,
        unit: U::GbpPerWeek,
        step: 10.0,
        slider: (0.0, 50_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::WeeklyCost,
        element: Some(PlacementKind::CouncilHome),
        label: "Weekly cost: council home",
        help: "Cost per child per week.",
        group: G::Placements,
        unit: U::GbpPerWeek,
        step: 10.0,
        slider: (0.0, 50_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::WeeklyCost,
        element: Some(PlacementKind::ExternalHome),
        label: "Weekly cost: external home",
        help: "Cost per child per week.",
        group: G::Placements,
        unit: U::GbpPerWeek,
        step: 10.0,
        slider: (0.0, 50_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::WeeklyCost,
        element: Some(PlacementKind::Other),
        label: "Weekly cost: supported / other",
        help: "Cost per child per week.",
        group: G::Placements,
        unit: U::GbpPerWeek,
        step: 10.0,
        slider: (0.0, 50_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::PlacementInflation,
        element: None,
        label: "Placement price inflation",
        help: "Annual rise in placement prices.",
        group: G::Placements,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (-0.05, 0.3),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ShiftShare,
        element: None,
        label: "Mix shift planned",
        help: "Share of all children the programme aims to move from independent to in-house fostering.",
        group: G::Placements,
        unit: U::Percent,
        step: 0.005,
        slider: (0.0, 0.5),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ShiftMonth,
        element: None,
        label: "Mix shift target month",
        help: "Month by which the planned shift should be complete.",
        group: G::Placements,
        unit: U::Months,
        step: 1.0,
        slider: (1.0, 144.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::MixDecay,
        element: None,
        label: "Placement progress unwinding",
        help: "Yearly rate at which placement-mix progress unwinds once its programme stops, or while the service is unstable.",
        group: G::Placements,
        unit: U::PercentPerYear,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::SenPupils,
        element: None,
        label: "Pupils transported",
        help: "Pupils on funded home-to-school transport at the start.",
        group: G::Sen,
        unit: U::Count,
        step: 10.0,
        slider: (0.0, 20_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::SenCost,
        element: None,
        label: "Cost per pupil",
        help: "Annual transport cost per pupil.",
        group: G::Sen,
        unit: U::GbpPerYear,
        step: 50.0,
        slider: (0.0, 50_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::SenGrowth,
        element: None,
        label: "Pupil growth",
        help: "Annual growth in pupils needing transport.",
        group: G::Sen,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (-0.2, 0.3),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::SenInflation,
        element: None,
        label: "Transport price inflation",
        help: "Annual rise in cost per pupil.",
        group: G::Sen,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (-0.05, 0.3),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::TrainingPerYear,
        element: None,
        label: "Travel training capacity",
        help: "Pupils trained to travel independently per year in a stable service.",
        group: G::Sen,
        unit: U::PerYear,
        step: 1.0,
        slider: (0.0, 2_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::TrainingCost,
        element: None,
        label: "Cost per trainee",
        help: "One-off cost of training a pupil.",
        group: G::Sen,
        unit: U::Gbp,
        step: 50.0,
        slider: (0.0, 50_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::SenReturn,
        element: None,
        label: "Trained pupils returning",
        help: "Share of travel-trained pupils a year who return to funded transport.",
        group: G::Sen,
        unit: U::PercentPerYear,
        step: 0.01,
        slider: (0.0, 0.5),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::SenAgeOut,
        element: None,
        label: "Trained pupils ageing out",
        help: "Share of travel-trained pupils a year who leave eligibility, ending their saving.",
        group: G::Sen,
        unit: U::PercentPerYear,
        step: 0.01,
        slider: (0.0, 0.5),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::Budget,
        element: None,
        label: "Annual budget",
        help: "Budget for the modelled lines, per year.",
        group: G::Finance,
        unit: U::GbpPerYear,
        step: 100_000.0,
        slider: (0.0, 2_000_000_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::BudgetUprating,
        element: None,
        label: "Budget uprating",
        help: "Yearly cash uprating of the budget (general inflation).",
        group: G::Finance,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (-0.1, 0.2),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::DiscountRate,
        element: None,
        label: "Discount rate",
        help: "Annual rate for net present value (Green Book 3.5%).",
        group: G::Finance,
        unit: U::PercentPerYear,
        step: 0.0025,
        slider: (0.0, 0.2),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::GeneralInflation,
        element: None,
        label: "General inflation",
        help: "Annual rise in prices generally (GDP deflator): turns cash into base-year pounds so the real Green Book rate applies.",
        group: G::Finance,
        unit: U::PercentPerYear,
        step: 0.0025,
        slider: (-0.05, 0.2),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::PriceBaseYear,
        element: None,
        label: "Price base year",
        help: "Year of the prices entered.",
        group: G::Finance,
        unit: U::Year,
        step: 1.0,
        slider: (2000.0, 2100.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::StabilityInitial,
        element: None,
        label: "Starting stability",
        help: "Stability index at month 0.",
        group: G::Stability,
        unit: U::Number,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::StabilityInterim,
        element: None,
        label: "Interim target",
        help: "Stability an interim director can hold the service at.",
        group: G::Stability,
        unit: U::Number,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::StabilityStart,
        element: None,
        label: "New director start level",
        help: "Where a new permanent or partner director's ramp starts.",
        group: G::Stability,
        unit: U::Number,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::StabilityRamp,
        element: None,
        label: "Ramp time",
        help: "Months for a new director to reach full stability.",
        group: G::Stability,
        unit: U::Months,
        step: 1.0,
        slider: (0.0, 60.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::StabilityShock,
        element: None,
        label: "Shock per change",
        help: "Drop in stability at each leadership change.",
        group: G::Stability,
        unit: U::Number,
        step: 0.01,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::StabilityTau,
        element: None,
        label: "Recovery time constant",
        help: "Months for stability to close most of the gap to its target.",
        group: G::Stability,
        unit: U::Months,
        step: 0.5,
        slider: (0.5, 60.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::ChurnCoupling,
        element: None,
        label: "Churn sensitivity",
        help: "Extra annual social worker turnover when stability is zero.",
        group: G::Stability,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::RecruitmentCoupling,
        element: None,
        label: "Recruitment coupling",
        help: "How strongly stability speeds vacancy filling (0: not at all).",
        group: G::Stability,
        unit: U::Number,
        step: 0.05,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::PlacementCoupling,
        element: None,
        label: "Placement coupling",
        help: "How strongly stability drives placement-mix progress (0: not at all).",
        group: G::Stability,
        unit: U::Number,
        step: 0.05,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::SenCoupling,
        element: None,
        label: "Travel training coupling",
        help: "How strongly stability drives travel training (0: not at all).",
        group: G::Stability,
        unit: U::Number,
        step: 0.05,
        slider: (0.0, 1.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::DemandCoupling,
        element: None,
        label: "Instability and entries to care",
        help: "Extra yearly growth in children looked after when the service is unstable (0: no link).",
        group: G::Stability,
        unit: U::PercentPerYear,
        step: 0.005,
        slider: (0.0, 0.3),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::Seed,
        element: None,
        label: "Seed",
        help: "Random seed: the same seed gives the same numbers.",
        group: G::Simulation,
        unit: U::Number,
        step: 1.0,
        slider: (0.0, 4_294_967_295.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::Paths,
        element: None,
        label: "Paths",
        help: "Simulated futures; more paths, smaller Monte Carlo error.",
        group: G::Simulation,
        unit: U::Count,
        step: 100.0,
        slider: (100.0, 100_000.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
    ParamDef {
        field: F::Horizon,
        element: None,
        label: "Horizon",
        help: "Months simulated.",
        group: G::Simulation,
        unit: U::Months,
        step: 1.0,
        slider: (12.0, 120.0),
        routes: ALL,
        rebalance: Rebalance::None,
    },
];

/// Looks a parameter up by its key (without the option prefix).
pub fn find(key: &str) -> Option<&'static ParamDef> {
    PARAMS.iter().find(|p| p.key() == key)
}

/// The parameter for an engine field, with its option index (0 for shared
/// fields), if the page has a row for it.
pub fn for_field(field: &Field) -> Option<(&'static ParamDef, usize)> {
    PARAMS
        .iter()
        .find(|p| p.field == field.id && p.element.map(|k| k.index()) == field.index)
        .map(|p| (p, field.option.unwrap_or(0)))
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
        let options = if param.per_option() {
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

/// The preset's source for a parameter (a per-type field's source covers every type).
pub fn source_of(
    preset: turnaround_engine::presets::PresetId,
    param: &ParamDef,
) -> Option<&'static turnaround_engine::presets::Source> {
    turnaround_engine::presets::source(preset, param.field)
}
