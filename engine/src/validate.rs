//! Checking a [`ScenarioInput`] before it is simulated.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::input::{Range, ScenarioInput};

/// Fewest paths a run may use.
pub const MIN_PATHS: u32 = 100;
/// Most paths a run may use.
pub const MAX_PATHS: u32 = 100_000;
/// Shortest horizon, months.
pub const MIN_HORIZON: u32 = 12;
/// Longest horizon, months (the app offers up to 120; 144 lets the 12-year calibration run).
pub const MAX_HORIZON: u32 = 144;
/// Most options a scenario may compare.
pub const MAX_OPTIONS: usize = 4;

/// Why an input was refused. Each variant is documented with the rule it enforces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The number is NaN or infinite.
    NotFinite,
    /// The number must be zero or more.
    Negative,
    /// A probability or share must lie between 0 and 1.
    ProbabilityOutOfRange {
        /// The value given.
        value: f64,
    },
    /// A range must satisfy low <= likely <= high.
    RangeOutOfOrder {
        /// Low point given.
        low: f64,
        /// Likely point given.
        likely: f64,
        /// High point given.
        high: f64,
    },
    /// The placement mix must sum to 1 (within 1e-6).
    MixDoesNotSumToOne {
        /// The sum given.
        sum: f64,
    },
    /// The horizon must be 12 to 144 months.
    HorizonOutOfRange {
        /// The value given.
        value: u32,
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// The number of paths must be 100 to 100,000.
    PathsOutOfRange {
        /// The value given.
        value: u32,
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// A scenario needs at least one option.
    NoOptions,
    /// A scenario compares at most 4 options.
    TooManyOptions {
        /// Number of options given.
        count: usize,
    },
    /// The number lies outside the bounds that make sense for this field.
    OutOfBounds {
        /// The value given.
        value: f64,
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
    },
    /// The mix-shift programme must move children between two different placement types.
    ShiftToSameKind,
}

/// A refused input: which field, and why.
///
/// `field` is a dotted path such as `"context.placements.mix"` or
/// `"options[1].contract.value"`; for a range it names the range, not the point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioError {
    /// Dotted path of the offending field.
    pub field: String,
    /// What is wrong with it.
    pub kind: ErrorKind,
}

impl ScenarioError {
    fn new(field: impl Into<String>, kind: ErrorKind) -> Self {
        ScenarioError {
            field: field.into(),
            kind,
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.field)?;
        match &self.kind {
            ErrorKind::NotFinite => write!(f, "value is not a finite number"),
            ErrorKind::Negative => write!(f, "value must not be negative"),
            ErrorKind::ProbabilityOutOfRange { value } => {
                write!(f, "probability {value} is outside 0 to 1")
            }
            ErrorKind::RangeOutOfOrder { low, likely, high } => write!(
                f,
                "range {low} / {likely} / {high} is out of order (need low <= likely <= high)"
            ),
            ErrorKind::MixDoesNotSumToOne { sum } => {
                write!(f, "placement shares sum to {sum}, not 1")
            }
            ErrorKind::HorizonOutOfRange { value, min, max } => {
                write!(f, "horizon {value} months is outside {min} to {max}")
            }
            ErrorKind::PathsOutOfRange { value, min, max } => {
                write!(f, "{value} paths is outside {min} to {max}")
            }
            ErrorKind::NoOptions => write!(f, "at least one option is needed"),
            ErrorKind::TooManyOptions { count } => {
                write!(f, "{count} options given, at most {MAX_OPTIONS} allowed")
            }
            ErrorKind::OutOfBounds { value, min, max } => {
                write!(f, "value {value} is outside {min} to {max}")
            }
            ErrorKind::ShiftToSameKind => {
                write!(
                    f,
                    "the mix shift must move children between two different types"
                )
            }
        }
    }
}

impl std::error::Error for ScenarioError {}

/// A scenario that passed [`validate`]: the only thing [`crate::simulate`] accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    input: ScenarioInput,
}

impl Scenario {
    /// The validated input.
    pub fn input(&self) -> &ScenarioInput {
        &self.input
    }

    /// Give back the input.
    pub fn into_input(self) -> ScenarioInput {
        self.input
    }
}

impl TryFrom<ScenarioInput> for Scenario {
    type Error = ScenarioError;
    fn try_from(input: ScenarioInput) -> Result<Self, Self::Error> {
        check(&input)?;
        Ok(Scenario { input })
    }
}

/// Check every field of `input`; on success return a [`Scenario`] ready to simulate.
///
/// The first problem found is reported. Fields are checked in declaration
/// order: simulation settings, then context, then options.
pub fn validate(input: &ScenarioInput) -> Result<Scenario, ScenarioError> {
    check(input)?;
    Ok(Scenario {
        input: input.clone(),
    })
}

type R = Result<(), ScenarioError>;

fn finite(field: &str, v: f64) -> R {
    if v.is_finite() {
        Ok(())
    } else {
        Err(ScenarioError::new(field, ErrorKind::NotFinite))
    }
}

fn non_negative(field: &str, v: f64) -> R {
    finite(field, v)?;
    if v < 0.0 {
        Err(ScenarioError::new(field, ErrorKind::Negative))
    } else {
        Ok(())
    }
}

fn probability(field: &str, v: f64) -> R {
    finite(field, v)?;
    if !(0.0..=1.0).contains(&v) {
        Err(ScenarioError::new(
            field,
            ErrorKind::ProbabilityOutOfRange { value: v },
        ))
    } else {
        Ok(())
    }
}

fn bounded(field: &str, v: f64, min: f64, max: f64) -> R {
    finite(field, v)?;
    if v < min || v > max {
        Err(ScenarioError::new(
            field,
            ErrorKind::OutOfBounds { value: v, min, max },
        ))
    } else {
        Ok(())
    }
}

fn range(field: &str, r: &Range) -> R {
    finite(field, r.low)?;
    finite(field, r.likely)?;
    finite(field, r.high)?;
    if !(r.low <= r.likely && r.likely <= r.high) {
        return Err(ScenarioError::new(
            field,
            ErrorKind::RangeOutOfOrder {
                low: r.low,
                likely: r.likely,
                high: r.high,
            },
        ));
    }
    Ok(())
}

fn range_non_negative(field: &str, r: &Range) -> R {
    range(field, r)?;
    non_negative(field, r.low)
}

fn range_bounded(field: &str, r: &Range, min: f64, max: f64) -> R {
    range(field, r)?;
    bounded(field, r.low, min, max)?;
    bounded(field, r.high, min, max)
}

fn check(input: &ScenarioInput) -> R {
    let sim = &input.simulation;
    if !(MIN_PATHS..=MAX_PATHS).contains(&sim.paths) {
        return Err(ScenarioError::new(
            "simulation.paths",
            ErrorKind::PathsOutOfRange {
                value: sim.paths,
                min: MIN_PATHS,
                max: MAX_PATHS,
            },
        ));
    }
    if !(MIN_HORIZON..=MAX_HORIZON).contains(&sim.horizon_months) {
        return Err(ScenarioError::new(
            "simulation.horizon_months",
            ErrorKind::HorizonOutOfRange {
                value: sim.horizon_months,
                min: MIN_HORIZON,
                max: MAX_HORIZON,
            },
        ));
    }

    let s = &input.context.stability;
    probability("context.stability.initial", s.initial)?;
    probability("context.stability.interim_target", s.interim_target)?;
    probability("context.stability.start_level", s.start_level)?;
    bounded("context.stability.ramp_months", s.ramp_months, 0.0, 600.0)?;
    probability("context.stability.shock", s.shock)?;
    bounded(
        "context.stability.time_constant_months",
        s.time_constant_months,
        0.1,
        600.0,
    )?;
    probability("context.stability.churn_coupling", s.churn_coupling)?;
    probability(
        "context.stability.recruitment_coupling",
        s.recruitment_coupling,
    )?;
    probability("context.stability.placement_coupling", s.placement_coupling)?;
    probability("context.stability.sen_coupling", s.sen_coupling)?;

    let w = &input.context.workforce;
    non_negative("context.workforce.establishment_fte", w.establishment_fte)?;
    probability("context.workforce.start_agency_share", w.start_agency_share)?;
    range_non_negative(
        "context.workforce.permanent_cost_per_fte",
        &w.permanent_cost_per_fte,
    )?;
    range_non_negative(
        "context.workforce.agency_premium_per_fte",
        &w.agency_premium_per_fte,
    )?;
    range_bounded(
        "context.workforce.base_turnover",
        &w.base_turnover,
        0.0,
        1.0,
    )?;
    probability("context.workforce.base_fill_rate", w.base_fill_rate)?;
    range_bounded(
        "context.workforce.pay_inflation",
        &w.pay_inflation,
        -0.5,
        1.0,
    )?;

    let p = &input.context.placements;
    non_negative("context.placements.children_start", p.children_start)?;
    range_bounded("context.placements.net_growth", &p.net_growth, -0.9, 2.0)?;
    for (i, &m) in p.mix.iter().enumerate() {
        probability(&format!("context.placements.mix[{i}]"), m)?;
    }
    let sum: f64 = p.mix.iter().sum();
    if (sum - 1.0).abs() > 1e-6 {
        return Err(ScenarioError::new(
            "context.placements.mix",
            ErrorKind::MixDoesNotSumToOne { sum },
        ));
    }
    for (i, c) in p.weekly_cost.iter().enumerate() {
        range_non_negative(&format!("context.placements.weekly_cost[{i}]"), c)?;
    }
    range_bounded("context.placements.inflation", &p.inflation, -0.5, 1.0)?;
    if p.shift.from == p.shift.to {
        return Err(ScenarioError::new(
            "context.placements.shift.to",
            ErrorKind::ShiftToSameKind,
        ));
    }
    probability("context.placements.shift.share", p.shift.share)?;
    let available = p.mix[p.shift.from.index()];
    bounded(
        "context.placements.shift.share",
        p.shift.share,
        0.0,
        available,
    )?;
    bounded(
        "context.placements.shift.target_month",
        p.shift.target_month as f64,
        1.0,
        600.0,
    )?;

    let e = &input.context.sen;
    non_negative("context.sen.pupils", e.pupils)?;
    range_non_negative("context.sen.cost_per_pupil", &e.cost_per_pupil)?;
    range_bounded("context.sen.growth", &e.growth, -0.9, 2.0)?;
    range_bounded("context.sen.inflation", &e.inflation, -0.5, 1.0)?;
    non_negative("context.sen.training_per_year", e.training_per_year)?;
    non_negative("context.sen.cost_per_trainee", e.cost_per_trainee)?;

    let f = &input.context.finance;
    non_negative("context.finance.annual_budget", f.annual_budget)?;
    bounded("context.finance.discount_rate", f.discount_rate, -0.5, 1.0)?;
    bounded(
        "context.finance.general_inflation",
        f.general_inflation,
        -0.5,
        1.0,
    )?;

    if input.options.is_empty() {
        return Err(ScenarioError::new("options", ErrorKind::NoOptions));
    }
    if input.options.len() > MAX_OPTIONS {
        return Err(ScenarioError::new(
            "options",
            ErrorKind::TooManyOptions {
                count: input.options.len(),
            },
        ));
    }
    for (i, o) in input.options.iter().enumerate() {
        let at = |name: &str| format!("options[{i}].{name}");
        let l = &o.leadership;
        range_non_negative(
            &at("leadership.permanent_cost_per_year"),
            &l.permanent_cost_per_year,
        )?;
        range_non_negative(&at("leadership.interim_day_rate"), &l.interim_day_rate)?;
        bounded(
            &at("leadership.interim_days_per_year"),
            l.interim_days_per_year,
            0.0,
            366.0,
        )?;
        range_bounded(
            &at("leadership.interim_mean_stay_months"),
            &l.interim_mean_stay_months,
            0.5,
            1200.0,
        )?;
        range_bounded(
            &at("leadership.campaign_months"),
            &l.campaign_months,
            0.0,
            120.0,
        )?;
        range_non_negative(&at("leadership.campaign_fee"), &l.campaign_fee)?;
        probability(&at("leadership.campaign_success"), l.campaign_success)?;
        range_bounded(
            &at("leadership.permanent_mean_tenure_months"),
            &l.permanent_mean_tenure_months,
            0.5,
            1200.0,
        )?;
        bounded(&at("leadership.tenure_shape"), l.tenure_shape, 0.2, 10.0)?;

        let c = &o.contract;
        range_bounded(
            &at("contract.procurement_months"),
            &c.procurement_months,
            0.0,
            120.0,
        )?;
        probability(&at("contract.procurement_failure"), c.procurement_failure)?;
        bounded(
            &at("contract.length_months"),
            c.length_months as f64,
            1.0,
            600.0,
        )?;
        non_negative(&at("contract.value"), c.value)?;
        probability(&at("contract.at_risk_share"), c.at_risk_share)?;
        probability(&at("contract.agency_share_target"), c.agency_share_target)?;
        probability(&at("contract.mix_shift_target"), c.mix_shift_target)?;
        probability(&at("contract.partner_early_exit"), c.partner_early_exit)?;
        bounded(
            &at("contract.partner_replacement_months"),
            c.partner_replacement_months,
            0.0,
            120.0,
        )?;
        probability(&at("contract.handover_probability"), c.handover_probability)?;
        bounded(
            &at("contract.campaign_lead_months"),
            c.campaign_lead_months as f64,
            0.0,
            120.0,
        )?;
        bounded(&at("contract.team_strength"), c.team_strength, 0.0, 10.0)?;

        let g = &o.programmes;
        bounded(&at("programmes.recruitment"), g.recruitment, 0.0, 10.0)?;
        bounded(&at("programmes.mix_shift"), g.mix_shift, 0.0, 10.0)?;
        bounded(
            &at("programmes.travel_training"),
            g.travel_training,
            0.0,
            10.0,
        )?;
    }
    Ok(())
}
