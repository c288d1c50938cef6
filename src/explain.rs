//! Engine validation errors in the words of the page: the assumption's label
//! and what is wrong, in its display unit.
//!
//! Every route into a scenario (a typed value, a link, a JSON file, a saved
//! scenario) is checked by the engine's one rule per field; this module is
//! the one place that turns the engine's typed [`ScenarioError`] into a
//! sentence, using the registry row of exactly the field at fault.

use turnaround_engine::{ErrorKind, Field, FieldId, ScenarioError, MAX_OPTIONS};

use crate::format::trim;
use crate::params::{self, ParamDef, Unit};

/// " pounds", " months", " %" ...: the unit after a bound in a message.
pub fn unit_tail(unit: Unit) -> String {
    match unit.suffix() {
        "" => String::new(),
        "£" => " pounds".to_string(),
        s if s.starts_with('%') => s.to_string(),
        s => format!(" {s}"),
    }
}

/// What is wrong with a value for `param`, without the label:
/// "must be between 0 and 100 %".
pub fn what_is_wrong(param: &ParamDef, kind: &ErrorKind) -> String {
    let f = param.unit.display_factor();
    let tail = unit_tail(param.unit);
    match kind {
        ErrorKind::NotFinite | ErrorKind::WrongShape => "enter a number".to_string(),
        ErrorKind::NotWhole { .. } => "must be a whole number".to_string(),
        ErrorKind::OutOfBounds { min, max, .. } => format!(
            "must be between {} and {}{tail}",
            trim(min * f),
            trim(max * f)
        ),
        ErrorKind::RangeOutOfOrder { .. } => {
            "low must not exceed likely, nor likely exceed high".to_string()
        }
        ErrorKind::MixDoesNotSumToOne { sum } => format!(
            "the placement shares add up to {}%, not 100%",
            trim((sum * 1000.0).round() / 10.0)
        ),
        ErrorKind::ShiftExceedsSource { value, available } => format!(
            "the planned mix shift ({}%) cannot be more than the share of children in the type it moves them from ({}%): lower the planned shift first",
            trim((value * 1000.0).round() / 10.0),
            trim((available * 1000.0).round() / 10.0)
        ),
        other => other.to_string(),
    }
}

/// A label for a field the registry has no row for (names, routes, the
/// mix-shift types), or for a whole per-type field.
fn label_of(field: &Field) -> String {
    if let Some((param, _)) = params::for_field(field) {
        return param.label.to_string();
    }
    match field.id {
        FieldId::OptionName => "Option name".to_string(),
        FieldId::OptionRoute => "Leadership route".to_string(),
        FieldId::PlacementMix => "Placement mix".to_string(),
        FieldId::WeeklyCost => "Weekly cost".to_string(),
        FieldId::ShiftFrom => "Mix shift: moves children from".to_string(),
        FieldId::ShiftTo => "Mix shift: moves children to".to_string(),
        FieldId::BaselineOption => "Baseline option for comparisons".to_string(),
        _ => field.to_string(),
    }
}

/// An engine validation error as a sentence: "Contract value (option 2):
/// must be between 0 and 100000000 pounds".
pub fn explain(err: &ScenarioError) -> String {
    let Some(field) = &err.field else {
        return match &err.kind {
            ErrorKind::NoOptions => "at least one option is needed".to_string(),
            ErrorKind::TooManyOptions { count } => {
                format!("{count} options given; at most {MAX_OPTIONS} can be compared")
            }
            other => other.to_string(),
        };
    };
    // The planned shift is explained in its own words: it names both fields.
    if let ErrorKind::ShiftExceedsSource { .. } = err.kind {
        if let Some((param, _)) = params::for_field(field) {
            return what_is_wrong(param, &err.kind);
        }
    }
    let label = label_of(field);
    let option = match field.option {
        Some(o) => format!(" (option {})", o + 1),
        None => String::new(),
    };
    let what = match (params::for_field(field), &err.kind) {
        (Some((param, _)), kind) => what_is_wrong(param, kind),
        (None, ErrorKind::BadName { max, .. }) => {
            format!("a name needs 1 to {max} characters, not all spaces, and no line breaks")
        }
        (None, kind @ ErrorKind::MixDoesNotSumToOne { .. })
        | (None, kind @ ErrorKind::ShiftExceedsSource { .. }) => match params::PARAMS
            .iter()
            .find(|p| p.field == FieldId::ShiftShare)
        {
            Some(p) => what_is_wrong(p, kind),
            None => kind.to_string(),
        },
        (None, kind) => kind.to_string(),
    };
    format!("{label}{option}: {what}")
}

/// An engine error shown in the field `param` that caused it: without the
/// label when the error is that field's own, in full when another field
/// (or a rule over several) is at fault.
pub fn explain_for(err: &ScenarioError, param: &ParamDef) -> String {
    match &err.field {
        Some(f) if f.id == param.field && f.index == param.element.map(|k| k.index()) => {
            what_is_wrong(param, &err.kind)
        }
        _ if matches!(err.kind, ErrorKind::ShiftExceedsSource { .. }) => {
            what_is_wrong(param, &err.kind)
        }
        _ => explain(err),
    }
}
