//! Words and tables for "What drives the answer": the engine's tornado,
//! break-evens and value of information ([`turnaround_engine::insight`])
//! turned into labels, sentences and data tables. Pure, so the page, the
//! exports and the committee paper share one wording, tested natively.

use crate::format::{in_unit, money, percent};
use crate::params::{self, Unit};
use crate::view_model::Table;
use turnaround_engine::insight::{BreakEven, Crossing, Input, Tornado, Voi};

/// The page's label for an input, with the option's name when the input
/// belongs to one option only: "Improvement team strength (In-source partner)".
pub fn label(input: &Input, names: &[String]) -> String {
    let base = input
        .fields
        .first()
        .and_then(params::for_field)
        .map(|(def, _)| def.label.to_string())
        .unwrap_or_else(|| input.name.clone());
    match (
        input.fields.len(),
        input.fields.first().and_then(|f| f.option),
    ) {
        (1, Some(o)) => match names.get(o) {
            Some(n) => format!("{base} ({n})"),
            None => base,
        },
        _ => base,
    }
}

/// The input's display unit.
pub fn unit(input: &Input) -> Unit {
    input
        .fields
        .first()
        .and_then(params::for_field)
        .map_or(Unit::Number, |(def, _)| def.unit)
}

/// A value of the input in its display unit ("£20,000", "8%", "0.08").
pub fn value(input: &Input, v: f64) -> String {
    in_unit(v, unit(input))
}

/// Lower-case first letter, for a label inside a sentence.
fn in_sentence(label: &str) -> String {
    let mut cs = label.chars();
    match (cs.next(), label.chars().nth(1)) {
        // Keep acronyms ("SEN transport") as they are.
        (Some(first), Some(second)) if !second.is_uppercase() => {
            crate::text::lowercase(first.encode_utf8(&mut [0; 4])) + cs.as_str()
        }
        _ => label.to_string(),
    }
}

/// "below £20,000, Recruit is cheaper" for a crossing.
fn side(input: &Input, c: &Crossing, a: &str, b: &str) -> String {
    let cheaper = if c.a_cheaper_below { a } else { b };
    format!("below {}, {cheaper} is cheaper", value(input, c.value))
}

/// The driver sentence the verdict ends with: the tornado's top input and,
/// where its break-even is known, the side of it each option wins.
/// "The answer turns mostly on improvement team strength (In-source
/// partner): below 0.08, Recruit is cheaper."
pub fn driver_sentence(
    tornado: &Tornado,
    break_evens: &[impl AsRef<BreakEven>],
    names: &[String],
) -> Option<String> {
    let top = tornado.rows.first()?;
    if top.swing.is_nan() || top.swing <= 0.0 {
        return None;
    }
    let (a, b) = (name(names, tornado.a), name(names, tornado.b));
    let what = in_sentence(&label(&top.input, names));
    let be = break_evens
        .iter()
        .map(AsRef::as_ref)
        .find(|be| be.input == top.input);
    // The first of the other break-evens (tornado order) that does flip the answer.
    let flips = || {
        tornado.rows.iter().skip(1).find_map(|r| {
            let be = break_evens
                .iter()
                .map(AsRef::as_ref)
                .find(|be| be.input == r.input)?;
            let c = be.p_crossing.as_ref()?;
            Some(format!(
                "; {} does: {}",
                in_sentence(&label(&r.input, names)),
                side(&r.input, c, &a, &b)
            ))
        })
    };
    Some(match be {
        Some(be) => match &be.p_crossing {
            Some(c) => format!(
                "The answer turns mostly on {what}: {}.",
                side(&top.input, c, &a, &b)
            ),
            None => format!(
                "The answer turns mostly on {what}, though no value of it within the allowed range changes which option is cheaper in most futures{}.",
                flips().unwrap_or_default()
            ),
        },
        None => format!("The answer turns mostly on {what}."),
    })
}

fn name(names: &[String], i: usize) -> String {
    names
        .get(i)
        .cloned()
        .unwrap_or_else(|| format!("Option {}", i + 1))
}

/// "Pinning down X is worth up to £0.4m to this decision."
pub fn worth_sentence(input: &Input, evppi: f64, names: &[String]) -> String {
    format!(
        "Pinning down {} is worth up to {} to this decision.",
        in_sentence(&label(input, names)),
        money(evppi)
    )
}

/// The tornado's data table.
pub fn tornado_table(t: &Tornado, names: &[String]) -> Table {
    let (a, b) = (name(names, t.a), name(names, t.b));
    Table {
        head: vec![
            "Input".into(),
            "Low value".into(),
            format!("Median {a} minus {b}, at low"),
            format!("P({a} cheaper), at low"),
            "High value".into(),
            format!("Median {a} minus {b}, at high"),
            format!("P({a} cheaper), at high"),
            "Swing".into(),
        ],
        rows: t
            .rows
            .iter()
            .map(|r| {
                vec![
                    label(&r.input, names),
                    value(&r.input, r.low.value),
                    money(r.low.median_difference),
                    percent(r.low.p_a_cheaper),
                    value(&r.input, r.high.value),
                    money(r.high.median_difference),
                    percent(r.high.p_a_cheaper),
                    money(r.swing),
                ]
            })
            .collect(),
    }
}

/// "£20,000 (below: Recruit cheaper)" or "none within the allowed range".
pub fn crossing_text(
    input: &Input,
    c: &Option<Crossing>,
    names: &[String],
    a: usize,
    b: usize,
) -> String {
    match c {
        Some(c) => {
            let below = if c.a_cheaper_below { a } else { b };
            format!(
                "{} (below it, {} is cheaper)",
                value(input, c.value),
                name(names, below)
            )
        }
        None => "none within the allowed range".into(),
    }
}

/// The break-evens' table: one row per input.
pub fn break_even_table(list: &[impl AsRef<BreakEven>], names: &[String]) -> Table {
    Table {
        head: vec![
            "Input".into(),
            "Current value".into(),
            "Searched from".into(),
            "to".into(),
            "P(cheaper) crosses 50% at".into(),
            "Median difference crosses zero at".into(),
            "Mean difference crosses zero at".into(),
        ],
        rows: list
            .iter()
            .map(AsRef::as_ref)
            .map(|be| {
                vec![
                    label(&be.input, names),
                    value(&be.input, be.input.likely),
                    value(&be.input, be.span.0),
                    value(&be.input, be.span.1),
                    crossing_text(&be.input, &be.p_crossing, names, be.a, be.b),
                    crossing_text(&be.input, &be.median_crossing, names, be.a, be.b),
                    crossing_text(&be.input, &be.mean_crossing, names, be.a, be.b),
                ]
            })
            .collect(),
    }
}

/// One break-even's curve as a table.
pub fn curve_table(be: &BreakEven, names: &[String]) -> Table {
    let (a, b) = (name(names, be.a), name(names, be.b));
    Table {
        head: vec![
            label(&be.input, names),
            format!("P({a} cheaper)"),
            format!("Median {a} minus {b}"),
            format!("Mean {a} minus {b}"),
        ],
        rows: be
            .curve
            .iter()
            .map(|p| {
                vec![
                    value(&be.input, p.value),
                    percent(p.p_a_cheaper),
                    money(p.median_difference),
                    money(p.mean_difference),
                ]
            })
            .collect(),
    }
}

/// The value-of-information table: EVPI, then every input's EVPPI.
pub fn voi_table(v: &Voi, names: &[String]) -> Table {
    let mut rows = vec![vec![
        "Everything (EVPI)".to_string(),
        money(v.evpi.value),
        money(v.evpi.mcse),
    ]];
    rows.extend(v.rows.iter().map(|r| {
        vec![
            label(&r.input, names),
            money(r.evppi.value),
            money(r.evppi.mcse),
        ]
    }));
    Table {
        head: vec![
            "Pinning down".into(),
            "Worth up to (EVPPI)".into(),
            "Monte Carlo error".into(),
        ],
        rows,
    }
}

/// A table cut to its first `max` rows for the printed paper, with the
/// sentence saying what was left out (`None` when nothing was). The tornado
/// and value-of-information tables are sorted most important first, and
/// every row stays in the drivers CSV.
pub fn paper_rows(mut t: Table, max: usize) -> (Table, Option<String>) {
    let left = t.rows.len().saturating_sub(max);
    t.rows.truncate(max);
    let note = match left {
        0 => None,
        1 => Some("1 more input matters less; every row is in the drivers CSV export.".into()),
        n => Some(format!(
            "{n} more inputs matter less; every row is in the drivers CSV export."
        )),
    };
    (t, note)
}

/// The "worth finding out" lines: inputs worth at least 1% of the EVPI (and
/// at least £1,000), largest first, at most `max`.
pub fn worth_list(v: &Voi, names: &[String], max: usize) -> Vec<String> {
    let floor = (0.01 * v.evpi.value).max(1_000.0);
    v.rows
        .iter()
        .filter(|r| r.evppi.value >= floor)
        .take(max)
        .map(|r| worth_sentence(&r.input, r.evppi.value, names))
        .collect()
}

/// What to say when no single input is worth pinning down.
pub fn luck_sentence(v: &Voi) -> String {
    format!(
        "No single input is worth much to pin down: knowing everything in advance would be worth up to {} (EVPI), but most of that is the luck of events (who leaves, when campaigns succeed), not any one number.",
        money(v.evpi.value)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use turnaround_engine::{Field, FieldId};

    #[test]
    fn the_paper_keeps_the_top_rows_and_says_what_it_left_out() {
        let t = |n: usize| Table {
            head: vec!["Input".into()],
            rows: (0..n).map(|i| vec![format!("row {i}")]).collect(),
        };
        let (short, note) = paper_rows(t(5), 12);
        assert_eq!((short.rows.len(), note), (5, None));
        let (cut, note) = paper_rows(t(40), 12);
        assert_eq!(cut.rows.len(), 12);
        assert_eq!(cut.rows[11], vec!["row 11".to_string()]);
        assert_eq!(
            note.as_deref(),
            Some("28 more inputs matter less; every row is in the drivers CSV export.")
        );
        let (_, one) = paper_rows(t(13), 12);
        assert!(one.unwrap().starts_with("1 more input matters less"));
    }

    fn input(field: Field) -> Input {
        Input {
            name: field.to_string(),
            fields: vec![field],
            low: 0.0,
            likely: 0.5,
            high: 1.0,
            integer: false,
        }
    }

    #[test]
    fn labels_name_the_option_of_a_one_option_input() {
        let names = vec!["Recruit".to_string(), "In-source partner".to_string()];
        let i = input(Field::of_option(FieldId::TeamStrength, 1));
        assert_eq!(
            label(&i, &names),
            "Improvement team strength (In-source partner)"
        );
        assert_eq!(
            worth_sentence(&i, 412_000.0, &names),
            "Pinning down improvement team strength (In-source partner) is worth up to £412k to this decision."
        );
    }
}
