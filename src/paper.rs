//! The meeting record's pure part: a scenario's name, file names with the
//! name and date, and the committee paper's contents (the full assumptions
//! table with sources, the caveats, the versions). The printed paper lives in
//! [`crate::components::paper`]; the single-file report reuses these rows.

use crate::format::in_unit;
use crate::params::{source_of, Group, ParamDef, Value, PARAMS};
use turnaround_engine::{presets::PresetId, ScenarioInput};

/// This build of the page (`Cargo.toml` version).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Longest slug in a file name, in characters.
const MAX_SLUG: usize = 48;

/// Who and what a paper or file is for. Every field may be empty; an empty
/// name means [`default_name`].
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Details {
    /// The scenario's name, as the user typed it.
    pub name: String,
    /// Author of the paper.
    pub author: String,
    /// Council (or committee) the paper is for.
    pub council: String,
}

impl Details {
    /// The name to print and to put in file names: the typed one, trimmed,
    /// or the options' names.
    pub fn title(&self, input: &ScenarioInput) -> String {
        let typed = self.name.trim();
        if typed.is_empty() {
            default_name(input)
        } else {
            typed.to_string()
        }
    }
}

/// A scenario's name when the user has not given one: its options' names,
/// joined by " vs " (`Recruit vs In-source partner`).
pub fn default_name(input: &ScenarioInput) -> String {
    let names: Vec<&str> = input
        .options
        .iter()
        .map(|o| o.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        "Scenario".to_string()
    } else {
        names.join(" vs ")
    }
}

/// Lower-case ASCII letters and digits joined by single hyphens, at most
/// [`MAX_SLUG`] characters, cut at a hyphen: `recruit-vs-in-source-partner`.
/// Never empty (`scenario`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        let extra = word.len() + usize::from(!out.is_empty());
        if out.len() + extra > MAX_SLUG {
            if out.is_empty() {
                out.push_str(&word[..MAX_SLUG]);
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    if out.is_empty() {
        "scenario".to_string()
    } else {
        out
    }
}

/// The date part (`2026-11-27`) of an ISO 8601 time, or the text itself
/// when it is not one.
pub fn iso_date(iso: &str) -> &str {
    match iso.get(0..10) {
        Some(d) if d.as_bytes().get(4) == Some(&b'-') && d.as_bytes().get(7) == Some(&b'-') => d,
        _ => iso,
    }
}

/// A file name stem with the scenario's name and date:
/// `turnaround-recruit-vs-in-source-2026-11-27`.
pub fn file_stem(name: &str, iso_time: &str) -> String {
    format!("turnaround-{}-{}", slug(name), iso_date(iso_time))
}

/// A parameter's value as the paper prints it: one number, or
/// `low – likely – high` for a range (one number when the range is fixed).
pub fn value_text(param: &ParamDef, value: &Value) -> String {
    match value {
        Value::Scalar(v) => in_unit(*v, param.unit),
        Value::Range(r) if r.low == r.high => in_unit(r.likely, param.unit),
        Value::Range(r) => format!(
            "{} \u{2013} {} \u{2013} {}",
            in_unit(r.low, param.unit),
            in_unit(r.likely, param.unit),
            in_unit(r.high, param.unit)
        ),
    }
}

/// One row of the assumptions table.
#[derive(Debug, Clone, PartialEq)]
pub struct AssumptionRow {
    /// Panel group.
    pub group: Group,
    /// The parameter's label.
    pub label: &'static str,
    /// The unit, spelled out (empty for plain numbers).
    pub unit: &'static str,
    /// True when one value applies to every option.
    pub shared: bool,
    /// The value per option (one entry when shared); `None` where the
    /// option's route does not use it.
    pub values: Vec<Option<String>>,
    /// True when any value differs from the preset.
    pub changed: bool,
    /// The preset's source for it, if any.
    pub source: Option<String>,
    /// Year (or years) of the source.
    pub year: Option<String>,
    /// True when the preset value is the project's estimate.
    pub estimate: bool,
}

impl AssumptionRow {
    /// The one value to print across every option: a shared value, or a
    /// per-option value that every option uses and has alike.
    pub fn common_value(&self) -> Option<&str> {
        let first = self.values.first()?.as_deref()?;
        self.values
            .iter()
            .all(|v| v.as_deref() == Some(first))
            .then_some(first)
    }

    /// "Source (year)", or "Model setting" when the preset names none.
    pub fn source_text(&self) -> String {
        let year = self
            .year
            .as_deref()
            .map(str::trim)
            .filter(|y| !y.is_empty() && *y != "-" && *y != "\u{2013}");
        match (&self.source, year) {
            (Some(s), Some(y)) => format!("{s} ({y})"),
            (Some(s), None) => s.clone(),
            _ => "Model setting (no preset source).".into(),
        }
    }
}

/// Every registered assumption, in panel order, with its value for every
/// option (shared ones once), unit, and the preset's source and year.
pub fn assumption_rows(
    preset: PresetId,
    baseline: &ScenarioInput,
    input: &ScenarioInput,
) -> Vec<AssumptionRow> {
    let mut rows = Vec::new();
    for group in Group::ALL {
        for param in PARAMS.iter().filter(|p| p.group == group) {
            let shared = !param.per_option();
            let options = if shared { 1 } else { input.options.len() };
            let mut changed = false;
            let values: Vec<Option<String>> = (0..options)
                .map(|i| {
                    if !shared && !param.applies(input.options[i].route) {
                        return None;
                    }
                    let v = param.get(input, i)?;
                    let b = param.get(baseline, crate::params::baseline_option(baseline, i));
                    changed |= b != Some(v);
                    Some(value_text(param, &v))
                })
                .collect();
            if values.iter().all(Option::is_none) {
                continue;
            }
            let source = source_of(preset, param);
            rows.push(AssumptionRow {
                group,
                label: param.label,
                unit: param.unit.spoken(),
                shared,
                values,
                changed,
                source: source.map(|s| s.note.to_string()),
                year: source.map(|s| s.year.to_string()),
                estimate: source.is_some_and(|s| s.estimate),
            });
        }
    }
    rows
}

/// The caveats every paper carries: what the model does and does not predict.
pub const CAVEATS: [&str; 6] = [
    "The model projects spend on children's services and the stability of leadership under each option, as ranges over thousands of simulated futures. Every figure follows from the assumptions listed in this paper.",
    "It does not predict inspection outcomes (Ofsted judgements), children's outcomes, or whether an intervention notice is lifted.",
    "The stability measure is an assumption-driven index, not a measurement; the model does not know local people, politics or the market on the day.",
    "Ranges show uncertainty in the assumptions (low, likely, high); they are not confidence intervals from data. Values marked \u{201c}estimate\u{201d} are the project's own and open to challenge.",
    "Money is nominal GBP. Monte Carlo errors (footnote table) say how precisely the simulation pins down each figure, not how likely the future is.",
    "Use the results to compare options under stated assumptions, and test the assumptions you doubt, not as a forecast.",
];

/// The versions line: `Turnaround app 0.2.0, model turnaround-engine 0.2.0 model 3`.
pub fn versions() -> String {
    format!(
        "Turnaround app {APP_VERSION}, model {}",
        turnaround_engine::ENGINE_VERSION
    )
}

pub use crate::svg_chart::chart_svg;

#[cfg(test)]
mod tests {
    use super::*;
    use turnaround_engine::presets::preset;

    #[test]
    fn default_names_join_the_options() {
        let input = preset(PresetId::Sandwell2012);
        let name = default_name(&input);
        assert!(name.starts_with("Recruit vs In-source partner"), "{name}");
        let d = Details {
            name: "  Budget  ".into(),
            ..Details::default()
        };
        assert_eq!(d.title(&input), "Budget");
        assert_eq!(Details::default().title(&input), name);
    }

    #[test]
    fn slugs_are_short_plain_and_never_empty() {
        assert_eq!(slug("Recruit vs In-source"), "recruit-vs-in-source");
        assert_eq!(slug("Agency 35%, \"worst\" case!"), "agency-35-worst-case");
        assert_eq!(slug("££ ---"), "scenario");
        let long = slug(&"word ".repeat(30));
        assert!(long.len() <= MAX_SLUG && !long.ends_with('-'), "{long}");
        assert_eq!(slug(&"x".repeat(80)).len(), MAX_SLUG);
    }

    #[test]
    fn file_stems_carry_name_and_date() {
        assert_eq!(
            file_stem("Recruit vs In-source", "2026-11-27T05:40:00.000Z"),
            "turnaround-recruit-vs-in-source-2026-11-27"
        );
        assert_eq!(iso_date("not a date"), "not a date");
    }

    #[test]
    fn the_assumptions_table_has_every_option_and_sources() {
        let base = preset(PresetId::Sandwell2012);
        let mut input = base.clone();
        input.options[0].name = "Changed".into();
        let rows = assumption_rows(PresetId::Sandwell2012, &base, &input);
        assert!(rows.len() > 20, "{}", rows.len());
        let per_option = rows.iter().find(|r| !r.shared).unwrap();
        assert_eq!(per_option.values.len(), input.options.len());
        assert!(rows.iter().filter(|r| r.source.is_some()).count() > rows.len() / 2);
        assert!(rows.iter().any(|r| r.estimate));
        assert!(rows.iter().all(|r| !r.changed));
        // Shared rows print once; so do per-option rows all options share.
        assert!(rows
            .iter()
            .filter(|r| r.shared)
            .all(|r| r.common_value().is_some()));
        assert!(rows.iter().all(|r| !r.source_text().ends_with("(-)")));
        // Route-specific rows are blank for options on other routes.
        assert!(rows.iter().any(|r| r.values.iter().any(Option::is_none)));
    }

    #[test]
    fn every_pair_draws_as_svg() {
        let input = preset(PresetId::Sandwell2012);
        let scenario = turnaround_engine::validate(&input).unwrap();
        let results = turnaround_engine::simulate_with_paths(&scenario, 200);
        assert_eq!(results.pairs.len(), 3);
        for i in 0..results.pairs.len() {
            let spec = crate::view_model::difference(&results, i).unwrap();
            let svg = chart_svg(&spec, 640, 300).unwrap();
            assert!(
                svg.starts_with("<svg") && svg.contains("viewBox"),
                "{}",
                &svg[..80]
            );
            assert!(svg.contains(&results.options[results.pairs[i].b].name));
        }
    }

    #[test]
    fn ranges_print_low_likely_high() {
        let p = PARAMS
            .iter()
            .find(|p| p.kind() == crate::params::Kind::Range)
            .unwrap();
        let r = turnaround_engine::Range::new(1.0, 2.0, 3.0);
        let text = value_text(p, &Value::Range(r));
        assert_eq!(text.matches('\u{2013}').count(), 2, "{text}");
        let fixed = value_text(p, &Value::Range(turnaround_engine::Range::fixed(2.0)));
        assert!(!fixed.contains('\u{2013}'), "{fixed}");
    }
}
