//! Scenarios side by side (the pure part): what is picked, reading a pasted
//! link, and the table of headline figures with the cells that differ.
//!
//! A picked scenario is kept as its share-link fragment, so it opens, runs
//! and is described exactly as the page would open it: the same seed and
//! paths give the same figures. Options are matched between scenarios by
//! name and route; when they do not match, the table says so.

use crate::codec::{self, Decoded, Warning};
use crate::format::{exact, money, percent};
use turnaround_engine::{Results, Route, ScenarioInput};

/// Fewest scenarios worth a table.
pub const MIN_COMPARED: usize = 2;
/// Most scenarios side by side.
pub const MAX_COMPARED: usize = 4;

/// Where a picked scenario came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A scenario saved in this browser, saved at this ISO time.
    Saved(String),
    /// A pasted link.
    Link,
    /// The scenario on the page when it was picked.
    Current,
}

/// One picked scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared {
    /// Its name in the table's heading.
    pub label: String,
    /// Its share-link fragment (without `#`).
    pub fragment: String,
    /// Where it came from.
    pub origin: Origin,
}

impl Compared {
    /// The scenario, decoded as the page decodes a link.
    pub fn decoded(&self) -> Decoded {
        codec::decode(&self.fragment)
    }
}

/// Whether `item` can join `picked`; the message says why not.
pub fn check_add(picked: &[Compared], item: &Compared) -> Result<(), String> {
    if picked.len() >= MAX_COMPARED {
        return Err(format!(
            "At most {MAX_COMPARED} scenarios fit side by side; remove one first."
        ));
    }
    if let Some(same) = picked.iter().find(|p| p.fragment == item.fragment) {
        return Err(format!(
            "\u{201c}{}\u{201d} is the same scenario as \u{201c}{}\u{201d}, already in the table.",
            item.label, same.label
        ));
    }
    if picked.iter().any(|p| p.label == item.label) {
        return Err(format!(
            "A scenario called \u{201c}{}\u{201d} is already in the table; give this one another name.",
            item.label
        ));
    }
    Ok(())
}

/// Why a pasted link was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing was pasted.
    Empty,
    /// The text holds no scenario (no `#…` part).
    NoScenario,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Empty => write!(f, "Paste a Turnaround link first."),
            LinkError::NoScenario => write!(
                f,
                "This is not a link to a Turnaround scenario: a scenario link has a \u{201c}#v=\u{2026}&preset=\u{2026}\u{201d} part. Copy it from \u{201c}Link to this scenario\u{201d}."
            ),
        }
    }
}

/// Reads a pasted link (a whole address, or just its `#…` part) into a
/// fragment and what the page would make of it. A link the page would open
/// with warnings is taken, with the same warnings.
pub fn read_link(text: &str) -> Result<(String, Decoded), LinkError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(LinkError::Empty);
    }
    let fragment = match text.split_once('#') {
        Some((_, f)) => f,
        None if text.starts_with("v=") || text.starts_with("preset=") => text,
        None => return Err(LinkError::NoScenario),
    };
    let has_scenario = fragment.split('&').any(|p| {
        p.split_once('=')
            .is_some_and(|(k, _)| matches!(k, "v" | "preset"))
    });
    if !has_scenario {
        return Err(LinkError::NoScenario);
    }
    let decoded = codec::decode(fragment);
    Ok((fragment.to_string(), decoded))
}

/// What a link's warnings say, in the page's words.
pub fn warnings_text(warnings: &[Warning]) -> String {
    let parts: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    format!(
        "This link could not be opened exactly as written. Every valid value in it was applied. These parts were ignored: {}.",
        parts.join("; ")
    )
}

/// One scenario's column: its heading, its scenario, and its results once run.
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    /// The heading.
    pub label: &'a str,
    /// The decoded scenario.
    pub decoded: &'a Decoded,
    /// Its full-run results, once in.
    pub results: Option<&'a Results>,
}

/// One cell of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// As shown (the page's own formatting).
    pub text: String,
    /// The exact numbers behind it, for the CSV (one, or low and high).
    pub numbers: Vec<f64>,
    /// True when it differs from the first scenario's cell.
    pub differs: bool,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            numbers: Vec::new(),
            differs: false,
        }
    }

    fn one(text: String, v: f64) -> Cell {
        Cell {
            text,
            numbers: vec![v],
            differs: false,
        }
    }

    fn range(low: f64, high: f64) -> Cell {
        Cell {
            text: format!("{} to {}", money(low), money(high)),
            numbers: vec![low, high],
            differs: false,
        }
    }
}

/// One row: a figure across the scenarios.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The group it belongs to (the scenario, an option, a pair).
    pub group: String,
    /// The figure.
    pub label: String,
    /// A stable id for the figure (`total-p50`), for tests and styling.
    pub metric: &'static str,
    /// One cell per scenario.
    pub cells: Vec<Cell>,
}

impl Row {
    /// True when some scenario's cell differs from the first's.
    pub fn differs(&self) -> bool {
        self.cells.iter().any(|c| c.differs)
    }
}

/// The side-by-side table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The scenarios' headings.
    pub head: Vec<String>,
    /// The figures.
    pub rows: Vec<Row>,
    /// What the reader should know: options that do not match, links with
    /// parts ignored.
    pub notes: Vec<String>,
}

/// Shown in a cell whose scenario is still running.
pub const PENDING: &str = "running…";
/// Shown where a scenario has no such option.
pub const ABSENT: &str = "not in this scenario";

fn route_words(route: Route) -> &'static str {
    match route {
        Route::Recruit => "recruit",
        Route::InSource => "in-source partner",
        Route::InterimChain => "interim cover only",
    }
}

/// An option as matched between scenarios: its name and route.
type Key = (String, Route);

fn keys(input: &ScenarioInput) -> Vec<Key> {
    input
        .options
        .iter()
        .map(|o| (o.name.clone(), o.route))
        .collect()
}

fn key_label((name, route): &Key) -> String {
    format!("{name} ({})", route_words(*route))
}

/// The scenario's own rows: label and id.
const SCENARIO_FIGURES: [(&str, &str); 5] = [
    ("Starts from", "preset"),
    ("Assumptions changed from it", "changed"),
    ("Seed", "seed"),
    ("Simulated futures (paths)", "paths"),
    ("Horizon (months)", "horizon"),
];

/// Each option's rows: label and id (the option card's own ids).
const OPTION_FIGURES: [(&str, &str); 7] = [
    ("Route's own cost (median)", "route-cost"),
    ("Total spend (median)", "total-p50"),
    ("Total spend, 80% range (P10 to P90)", "total-range"),
    ("Service spend (median)", "service-spend"),
    ("Service spend, 80% range (P10 to P90)", "service-range"),
    ("Expected leadership changes", "changes"),
    (
        "Months with a permanent or partner director",
        "stable-share",
    ),
];

fn scenario_figure(d: &Decoded, k: usize) -> Cell {
    let sim = &d.input.simulation;
    match k {
        0 => {
            let council = d
                .council
                .as_deref()
                .and_then(|code| crate::councils::data().council(code))
                .map(|x| format!(", {}", x.name))
                .unwrap_or_default();
            Cell::text(format!("{}{council}", d.preset.label()))
        }
        1 => {
            let base = codec::base_scenario(d.preset, d.council.as_deref());
            let n = crate::params::changes(&base, &d.input).len();
            Cell::one(n.to_string(), n as f64)
        }
        2 => Cell::one(sim.seed.to_string(), sim.seed as f64),
        3 => Cell::one(crate::format::thousands(sim.paths as u64), sim.paths as f64),
        _ => Cell::one(sim.horizon_months.to_string(), sim.horizon_months as f64),
    }
}

fn option_figure(o: &turnaround_engine::OptionResult, k: usize) -> Cell {
    let money_cell = |v: f64| Cell::one(money(v), v);
    let (route, total, service) = (
        &o.route_cost.quantiles,
        &o.total.quantiles,
        &o.service_spend.quantiles,
    );
    match k {
        0 => money_cell(route.p50),
        1 => money_cell(total.p50),
        2 => Cell::range(total.p10, total.p90),
        3 => money_cell(service.p50),
        4 => Cell::range(service.p10, service.p90),
        5 => Cell::one(
            crate::components::option_card::one_decimal(o.leadership_changes.mean),
            o.leadership_changes.mean,
        ),
        _ => Cell::one(percent(o.stable_share.mean), o.stable_share.mean),
    }
}

fn pair_figure(v: &crate::view_model::Ranked, k: usize) -> Cell {
    match k {
        0 => Cell::one(money(v.diff[1]), v.diff[1]),
        1 => Cell::range(v.diff[0], v.diff[2]),
        _ => Cell::one(percent(v.p_cheaper), v.p_cheaper),
    }
}

/// The table of headline figures for `columns`, options matched by name and
/// route, with each cell that differs from the first scenario's marked.
pub fn table(columns: &[Column]) -> Table {
    let head: Vec<String> = columns.iter().map(|c| c.label.to_string()).collect();
    let mut rows: Vec<Row> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    // A cell from a column's results at option indexes `at`, or why not.
    let cell = |c: &Column,
                at: Option<(usize, usize)>,
                f: &dyn Fn(&Results, usize, usize) -> Cell| {
        match (at, c.results) {
            (None, _) => Cell::text(ABSENT),
            (Some(_), None) => Cell::text(PENDING),
            (Some((i, j)), Some(r)) => f(r, i, j),
        }
    };
    let mut push = |group: &str, label: String, metric: &'static str, cells: Vec<Cell>| {
        rows.push(Row {
            group: group.to_string(),
            label,
            metric,
            cells,
        })
    };
    for (k, (label, metric)) in SCENARIO_FIGURES.into_iter().enumerate() {
        let cells = columns
            .iter()
            .map(|c| scenario_figure(c.decoded, k))
            .collect();
        push("Scenario", label.to_string(), metric, cells);
    }

    // Options, matched by name and route, in order of first appearance.
    let mut all: Vec<Key> = Vec::new();
    for c in columns {
        for k in keys(&c.decoded.input) {
            if !all.contains(&k) {
                all.push(k);
            }
        }
    }
    let index_of = |c: &Column, k: &Key| keys(&c.decoded.input).iter().position(|x| x == k);
    for key in &all {
        let missing: Vec<&str> = columns
            .iter()
            .filter(|c| index_of(c, key).is_none())
            .map(|c| c.label)
            .collect();
        if !missing.is_empty() {
            notes.push(format!(
                "The options do not all match: {} is not in {}.",
                key_label(key),
                missing.join(", ")
            ));
        }
        for (k, (label, metric)) in OPTION_FIGURES.into_iter().enumerate() {
            let cells = columns
                .iter()
                .map(|c| {
                    cell(c, index_of(c, key).map(|i| (i, i)), &|r, i, _| {
                        option_figure(&r.options[i], k)
                    })
                })
                .collect();
            push(&key_label(key), label.to_string(), metric, cells);
        }
    }

    // Pairs of options that share at least one scenario, "first minus second".
    for (x, kx) in all.iter().enumerate() {
        for ky in all.iter().skip(x + 1) {
            let both = |c: &Column| index_of(c, kx).zip(index_of(c, ky));
            if !columns.iter().any(|c| both(c).is_some()) {
                continue;
            }
            let group = format!("{} against {}", kx.0, ky.0);
            let labels = [
                (
                    format!("{} minus {}, total spend (median)", kx.0, ky.0),
                    "difference-p50",
                ),
                (
                    "Difference, 80% range (P10 to P90)".to_string(),
                    "difference-range",
                ),
                (format!("Chance {} is cheaper", kx.0), "p-cheaper"),
            ];
            for (k, (label, metric)) in labels.into_iter().enumerate() {
                let cells = columns
                    .iter()
                    .map(|c| {
                        cell(c, both(c), &|r, i, j| {
                            crate::view_model::versus(r, i, j)
                                .map_or_else(|| Cell::text(ABSENT), |v| pair_figure(&v, k))
                        })
                    })
                    .collect();
                push(&group, label, metric, cells);
            }
        }
    }

    for c in columns {
        if !c.decoded.warnings.is_empty() {
            notes.push(format!(
                "{}: {}",
                c.label,
                warnings_text(&c.decoded.warnings)
            ));
        }
    }

    // Mark what differs from the first scenario, once every figure is in.
    let ready = columns.iter().all(|c| c.results.is_some());
    for row in &mut rows {
        let Some(first) = row.cells.first().map(|c| c.text.clone()) else {
            continue;
        };
        let settled = ready || row.group == "Scenario";
        for cell in row.cells.iter_mut().skip(1) {
            cell.differs = settled && cell.text != first;
        }
    }
    Table { head, rows, notes }
}

/// The table as CSV (RFC 4180): one row per figure, a range as two rows (its
/// P10 and P90), exact numbers, a column saying whether the scenarios
/// differ, each scenario's link, and, like every CSV the page writes,
/// `made_by` (app and model versions, build date) ending each row.
pub fn csv(t: &Table, links: &[String]) -> String {
    use crate::export::{field, made_by};
    let made_by = made_by();
    let columns = t.head.len() + 3;
    let mut head = vec!["Group".to_string(), "Figure".to_string()];
    head.extend(t.head.iter().map(|h| field(h)));
    head.push("Differs between scenarios".into());
    head.push("made_by".into());
    let mut out = head.join(",") + "\r\n";
    let mut line = |mut fields: Vec<String>| {
        fields.resize(columns, String::new());
        fields.push(made_by.clone());
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    };
    for row in &t.rows {
        let ranged = row.cells.iter().any(|c| c.numbers.len() == 2);
        let parts: Vec<(String, Option<usize>)> = if ranged {
            vec![
                (format!("{} (P10)", row.label), Some(0)),
                (format!("{} (P90)", row.label), Some(1)),
            ]
        } else {
            vec![(row.label.clone(), None)]
        };
        for (label, at) in parts {
            let mut fields = vec![field(&row.group), field(&label)];
            fields.extend(row.cells.iter().map(|c| match (c.numbers.as_slice(), at) {
                ([v], None) => exact(*v),
                ([lo, hi], Some(i)) => exact(if i == 0 { *lo } else { *hi }),
                _ => field(&c.text),
            }));
            fields.push(if row.differs() { "yes" } else { "no" }.into());
            line(fields);
        }
    }
    let mut link_row = vec!["Scenario".to_string(), "Link".to_string()];
    link_row.extend(links.iter().map(|l| field(l)));
    line(link_row);
    for note in &t.notes {
        line(vec!["Note".into(), field(note)]);
    }
    out
}
