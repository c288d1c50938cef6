//! Checking a [`ScenarioInput`] before it is simulated.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::field::{Field, FieldId};
use crate::input::ScenarioInput;

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
    /// A whole-number field (months, counts, seed, year) was given a fraction.
    NotWhole {
        /// The value given.
        value: f64,
    },
    /// The number lies outside the field's bounds (see [`crate::FieldMeta`]).
    OutOfBounds {
        /// The value given.
        value: f64,
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
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
    /// The mix-shift programme must move children between two different placement types.
    ShiftToSameKind,
    /// The planned mix shift cannot move more children than the type it moves them from holds.
    ShiftExceedsSource {
        /// The planned shift (fraction of all children).
        value: f64,
        /// The share of the type it moves them from.
        available: f64,
    },
    /// An option name must have 1 to `max` characters, not all spaces, and no control characters.
    BadName {
        /// Characters given.
        chars: usize,
        /// Most allowed.
        max: usize,
    },
    /// The value is of the wrong kind for the field (for example a name given for a number).
    WrongShape,
    /// The baseline option must be one of the scenario's options.
    NoSuchOption {
        /// The option index given (0-based).
        value: u32,
        /// Number of options in the scenario.
        options: usize,
    },
    /// A scenario needs at least one option.
    NoOptions,
    /// A scenario compares at most [`MAX_OPTIONS`] options.
    TooManyOptions {
        /// Number of options given.
        count: usize,
    },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::NotFinite => write!(f, "value is not a finite number"),
            ErrorKind::NotWhole { value } => write!(f, "{value} is not a whole number"),
            ErrorKind::OutOfBounds { value, min, max } => {
                write!(f, "value {value} is outside {min} to {max}")
            }
            ErrorKind::RangeOutOfOrder { low, likely, high } => write!(
                f,
                "range {low} / {likely} / {high} is out of order (need low <= likely <= high)"
            ),
            ErrorKind::MixDoesNotSumToOne { sum } => {
                write!(f, "placement shares sum to {sum}, not 1")
            }
            ErrorKind::ShiftToSameKind => write!(
                f,
                "the mix shift must move children between two different types"
            ),
            ErrorKind::ShiftExceedsSource { value, available } => write!(
                f,
                "the planned shift {value} exceeds the share {available} of the type it moves children from"
            ),
            ErrorKind::BadName { chars, max } => write!(
                f,
                "a name needs 1 to {max} characters and no control characters ({chars} given)"
            ),
            ErrorKind::WrongShape => write!(f, "value is of the wrong kind for this field"),
            ErrorKind::NoSuchOption { value, options } => write!(
                f,
                "option {} is not one of the {options} options compared",
                value + 1
            ),
            ErrorKind::NoOptions => write!(f, "at least one option is needed"),
            ErrorKind::TooManyOptions { count } => {
                write!(f, "{count} options given, at most {MAX_OPTIONS} allowed")
            }
        }
    }
}

/// A refused input: which field, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioError {
    /// The offending field; `None` when the problem is the list of options itself.
    pub field: Option<Field>,
    /// What is wrong with it.
    pub kind: ErrorKind,
}

impl ScenarioError {
    /// An error about `field`.
    pub fn new(field: Field, kind: ErrorKind) -> Self {
        ScenarioError {
            field: Some(field),
            kind,
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.kind),
            None => write!(f, "options: {}", self.kind),
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
/// The first problem found is reported: the option count, then every field
/// in the order of the field table (run settings, options, context), then the
/// rules that involve several fields (the mix sums to 1; the mix shift moves
/// children between two types, no more than the source type holds).
pub fn validate(input: &ScenarioInput) -> Result<Scenario, ScenarioError> {
    check(input)?;
    Ok(Scenario {
        input: input.clone(),
    })
}

fn check(input: &ScenarioInput) -> Result<(), ScenarioError> {
    let options = |kind| ScenarioError { field: None, kind };
    if input.options.is_empty() {
        return Err(options(ErrorKind::NoOptions));
    }
    if input.options.len() > MAX_OPTIONS {
        return Err(options(ErrorKind::TooManyOptions {
            count: input.options.len(),
        }));
    }
    // Every field on its own: shape and bounds from the one field table.
    for field in Field::all_in(input) {
        if let Some(value) = field.get(input) {
            field
                .check(value)
                .map_err(|kind| ScenarioError::new(field, kind))?;
        }
    }
    // Rules that involve more than one field.
    let p = &input.context.placements;
    let sum: f64 = p.mix.iter().sum();
    if (sum - 1.0).abs() > 1e-6 {
        return Err(ScenarioError::new(
            Field::shared(FieldId::PlacementMix),
            ErrorKind::MixDoesNotSumToOne { sum },
        ));
    }
    if p.shift.from == p.shift.to {
        return Err(ScenarioError::new(
            Field::shared(FieldId::ShiftTo),
            ErrorKind::ShiftToSameKind,
        ));
    }
    let available = p.mix[p.shift.from.index()];
    if p.shift.share > available {
        return Err(ScenarioError::new(
            Field::shared(FieldId::ShiftShare),
            ErrorKind::ShiftExceedsSource {
                value: p.shift.share,
                available,
            },
        ));
    }
    let baseline = input.context.finance.baseline_option;
    if baseline as usize >= input.options.len() {
        return Err(ScenarioError::new(
            Field::shared(FieldId::BaselineOption),
            ErrorKind::NoSuchOption {
                value: baseline,
                options: input.options.len(),
            },
        ));
    }
    Ok(())
}
