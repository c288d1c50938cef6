//! Exports: results as CSV, the scenario as JSON (and reading it back).
//! Pure functions only; the page's download buttons live in
//! [`crate::components::exports`].
//!
//! - [`results_csv`]: long format, one row per option, category and month:
//!   `option,category,month,p5,p10,p25,p50,p75,p90,p95,mean,made_by`.
//!   Categories are the engine's six, then `Total` (monthly total) and
//!   `Cumulative total`. Months are 1-based.
//! - [`headline_csv`]: one row per option (`kind` = `option`) and one per
//!   pair of options (`kind` = `pair`), with the share link (fragment, so it
//!   is independent of where the page is hosted) in column `link` of every
//!   row.
//! - Every CSV ends each row with `made_by`: the app version, the model
//!   version and the build date ([`crate::provenance::line`]), so a
//!   spreadsheet that outlives the meeting still says what made its figures.
//! - [`scenario_json`] / [`parse_scenario_json`]: `{"format":
//!   "turnaround-scenario", "version": 1, "preset": id, "link": fragment,
//!   "scenario": ScenarioInput}`. On reading, `scenario` is authoritative and
//!   `link` is informational. [`scenario_file`] adds `"name"` and
//!   `"saved_at"`; files without them still open.
//!
//! Numbers are plain decimals (no thousands separators, currency signs or
//! exponents) so spreadsheets parse them; money is nominal GBP, shares and
//! probabilities are fractions from 0 to 1.

use serde_json::Value as Json;

use crate::codec;
use turnaround_engine::{
    presets::PresetId, Category, Estimate, OptionResult, Quantiles, Results, ScenarioInput, Summary,
};

/// `format` field of a scenario file.
pub const SCENARIO_FORMAT: &str = "turnaround-scenario";
/// Version of the scenario file format this build writes and reads.
pub const SCENARIO_VERSION: u64 = 1;

/// Header of [`results_csv`].
pub const RESULTS_HEADER: &str = "option,category,month,p5,p10,p25,p50,p75,p90,p95,mean,made_by";

/// Header of [`headline_csv`].
pub const HEADLINE_HEADER: [&str; 37] = [
    "kind",
    "option",
    "option_b",
    "total_p10",
    "total_p50",
    "total_p90",
    "total_mean",
    "total_mean_mcse",
    "total_p10_mcse",
    "total_p50_mcse",
    "total_p90_mcse",
    "npv_p50",
    "npv_mean",
    "overspend_p50",
    "overspend_mean",
    "leadership_changes_mean",
    "leadership_changes_mcse",
    "stable_share_mean",
    "stable_share_mcse",
    "p_stable_24",
    "p_stable_24_mcse",
    "difference_p10",
    "difference_p50",
    "difference_p90",
    "difference_mean",
    "difference_mean_mcse",
    "difference_p10_mcse",
    "difference_p50_mcse",
    "difference_p90_mcse",
    "p_a_cheaper",
    "p_a_cheaper_mcse",
    "p_b_cheaper",
    "p_b_cheaper_mcse",
    "break_even_month",
    "leadership_changes_difference",
    "link",
    "made_by",
];

/// One CSV field, quoted when it holds a comma, quote, line break or
/// surrounding space (quotes doubled), per RFC 4180.
pub fn field(s: &str) -> String {
    let needs = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

use crate::format::exact as number;

/// The `made_by` field: what made these figures, quoted as CSV needs.
pub fn made_by() -> String {
    field(&crate::provenance::line())
}

fn line(fields: &[String]) -> String {
    let mut s = fields.join(",");
    s.push_str("\r\n");
    s
}

fn quantile_fields(q: &Quantiles) -> [String; 8] {
    [q.p5, q.p10, q.p25, q.p50, q.p75, q.p90, q.p95, q.mean].map(number)
}

fn series(o: &OptionResult) -> Vec<(&'static str, &[Quantiles])> {
    let mut out: Vec<(&'static str, &[Quantiles])> = Category::ALL
        .iter()
        .filter_map(|c| {
            o.monthly_by_category
                .get(c.index())
                .map(|v| (c.label(), v.as_slice()))
        })
        .collect();
    out.push(("Total", &o.monthly_total));
    out.push(("Cumulative total", &o.cumulative_total));
    out
}

/// Per-month quantiles by option and category, long format (see the module docs).
pub fn results_csv(results: &Results) -> String {
    let mut out = format!("{RESULTS_HEADER}\r\n");
    let made_by = made_by();
    for o in &results.options {
        let name = field(&o.name);
        for (category, months) in series(o) {
            for (m, q) in months.iter().enumerate() {
                let mut row = vec![name.clone(), field(category), (m + 1).to_string()];
                row.extend(quantile_fields(q));
                row.push(made_by.clone());
                out.push_str(&line(&row));
            }
        }
    }
    out
}

/// P10, P50, P90, mean, then the Monte Carlo errors of the mean, P10, P50, P90.
fn summary_p(s: &Summary) -> [String; 8] {
    let q = &s.quantiles;
    let [e10, e50, e90] = s.p10_p50_p90_mcse();
    [
        number(q.p10),
        number(q.p50),
        number(q.p90),
        number(q.mean),
        number(s.mcse),
        number(e10),
        number(e50),
        number(e90),
    ]
}

fn estimate(e: &Estimate) -> [String; 2] {
    [number(e.mean), number(e.mcse)]
}

/// One row per option and per pair of options, with the share link.
pub fn headline_csv(results: &Results, fragment: &str) -> String {
    let mut out = line(&HEADLINE_HEADER.map(String::from));
    let link = field(fragment);
    let made_by = made_by();
    let blank = || String::new();
    for o in &results.options {
        let mut row = vec!["option".into(), field(&o.name), blank()];
        row.extend(summary_p(&o.total));
        row.push(number(o.npv.quantiles.p50));
        row.push(number(o.npv.quantiles.mean));
        row.push(number(o.overspend.quantiles.p50));
        row.push(number(o.overspend.quantiles.mean));
        row.extend(estimate(&o.leadership_changes));
        row.extend(estimate(&o.stable_share));
        row.extend(estimate(&o.p_stable_24));
        row.extend((0..14).map(|_| blank()));
        row.push(link.clone());
        row.push(made_by.clone());
        out.push_str(&line(&row));
    }
    for p in &results.pairs {
        let name = |i: usize| {
            results
                .options
                .get(i)
                .map_or_else(String::new, |o| field(&o.name))
        };
        let mut row = vec!["pair".into(), name(p.a), name(p.b)];
        row.extend((0..18).map(|_| blank()));
        row.extend(summary_p(&p.difference));
        row.extend(estimate(&p.p_a_cheaper));
        row.extend(estimate(&p.p_b_cheaper));
        row.push(
            p.break_even_month
                .map_or_else(String::new, |m| m.to_string()),
        );
        row.push(number(p.leadership_changes_difference.mean));
        row.push(link.clone());
        row.push(made_by.clone());
        out.push_str(&line(&row));
    }
    out
}

/// The scenario as a JSON file (pretty-printed), without a name or time.
pub fn scenario_json(preset: PresetId, input: &ScenarioInput) -> String {
    scenario_file(preset, input, None)
}

/// The scenario as a JSON file (pretty-printed); with `named` = `(name,
/// saved_at)` it also carries `"name"` and `"saved_at"` (ISO 8601). Readers
/// ignore both, so files with and without them open alike.
pub fn scenario_file(
    preset: PresetId,
    input: &ScenarioInput,
    named: Option<(&str, &str)>,
) -> String {
    let mut doc = serde_json::json!({
        "format": SCENARIO_FORMAT,
        "version": SCENARIO_VERSION,
        "preset": preset.id(),
        "link": codec::encode(preset, input),
        "made_by": crate::provenance::line(),
        "scenario": input,
    });
    if let (Some((name, saved_at)), Some(map)) = (named, doc.as_object_mut()) {
        map.insert("name".into(), name.into());
        map.insert("saved_at".into(), saved_at.into());
    }
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Largest scenario file read, in bytes. A real file is a few kilobytes;
/// anything bigger is refused before it is parsed (a huge file would hold
/// the page's memory or trap the wasm).
pub const MAX_FILE_BYTES: usize = 1_000_000;

/// The name a scenario file carries, if any (files written before names
/// have none).
pub fn scenario_file_name(text: &str) -> Option<String> {
    let doc: Json = serde_json::from_str(text).ok()?;
    let name = doc.get("name")?.as_str()?.trim();
    (!name.is_empty()).then(|| name.chars().take(crate::saved::MAX_NAME).collect())
}

/// Why a scenario file was not opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_FILE_BYTES`] (its size in bytes).
    TooLarge(u64),
    /// Not JSON at all.
    NotJson,
    /// JSON, but not a Turnaround scenario file.
    WrongFormat,
    /// A scenario file from a newer version of Turnaround.
    NewerVersion(u64),
    /// A preset this version does not know.
    UnknownPreset(String),
    /// The scenario is malformed or fails the model's checks.
    InvalidScenario(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge(n) => write!(
                f,
                "This file is {:.1} MB; a scenario file is a few kilobytes and at most {} MB, so it was not opened. Choose a file saved with \u{201c}Download scenario (JSON)\u{201d}.",
                *n as f64 / 1e6,
                MAX_FILE_BYTES / 1_000_000
            ),
            ImportError::NotJson => write!(
                f,
                "This file is not a JSON file, so it could not be opened. Choose a file saved with the \u{201c}Scenario file (JSON)\u{201d} button under \u{201c}Download and print\u{201d}."
            ),
            ImportError::WrongFormat => write!(
                f,
                "This JSON file is not a Turnaround scenario (it has no \u{201c}format\u{201d}: \u{201c}{SCENARIO_FORMAT}\u{201d}), so it was not opened."
            ),
            ImportError::NewerVersion(v) => write!(
                f,
                "This scenario file was made by a newer version of Turnaround (file version {v}; this one reads version {SCENARIO_VERSION}), so it was not opened."
            ),
            ImportError::UnknownPreset(id) => write!(
                f,
                "This scenario file builds on a preset (\u{201c}{id}\u{201d}) this version of Turnaround does not know, so it was not opened."
            ),
            ImportError::InvalidScenario(why) => write!(
                f,
                "This scenario file does not hold a valid scenario, so it was not opened: {why}"
            ),
        }
    }
}

/// The head of a scenario file, read first (unknown fields are ignored).
#[derive(serde::Deserialize)]
struct FileHead {
    format: Option<Json>,
    version: Option<Json>,
    preset: Option<Json>,
    scenario: Option<serde::de::IgnoredAny>,
}

/// The scenario of a file, read once the head is right.
#[derive(serde::Deserialize)]
struct FileBody {
    scenario: ScenarioInput,
}

/// Reads a scenario file: the preset and a scenario that passes the same
/// rules as a link. A file is opened only when its scenario can be written
/// as a link that reopens it bit for bit: it is encoded and decoded, and any
/// value the link would refuse (a bound, a name, the seed, the horizon) is
/// refused here with the link's own message.
pub fn parse_scenario_json(text: &str) -> Result<(PresetId, ScenarioInput), ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(text.len() as u64));
    }
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|_| ImportError::NotJson)?;
    let head: FileHead = serde_json::from_str(text).map_err(|_| ImportError::WrongFormat)?;
    if head.format.as_ref().and_then(Json::as_str) != Some(SCENARIO_FORMAT) {
        return Err(ImportError::WrongFormat);
    }
    match head.version.as_ref().and_then(Json::as_u64) {
        Some(v) if v > SCENARIO_VERSION => return Err(ImportError::NewerVersion(v)),
        Some(v) if v >= 1 => {}
        _ => return Err(ImportError::WrongFormat),
    }
    let id = head
        .preset
        .as_ref()
        .and_then(Json::as_str)
        .ok_or_else(|| ImportError::UnknownPreset("(none)".into()))?;
    let preset = PresetId::from_id(id)
        .ok_or_else(|| ImportError::UnknownPreset(id.chars().take(40).collect()))?;
    if head.scenario.is_none() {
        return Err(ImportError::InvalidScenario(
            "it has no \u{201c}scenario\u{201d}".into(),
        ));
    }
    let body: FileBody = serde_json::from_str(text)
        .map_err(|e| ImportError::InvalidScenario(format!("the scenario is malformed ({e})")))?;
    let input = body.scenario;
    turnaround_engine::validate(&input)
        .map_err(|e| ImportError::InvalidScenario(crate::explain::explain(&e)))?;
    // One rule for every route: the link's.
    let link = codec::encode(preset, &input);
    if link.len() > codec::MAX_FRAGMENT {
        return Err(ImportError::InvalidScenario(format!(
            "it would need a link of {} characters, over the limit of {}",
            link.len(),
            codec::MAX_FRAGMENT
        )));
    }
    let decoded = codec::decode(&link);
    if let Some(w) = decoded.warnings.first() {
        return Err(ImportError::InvalidScenario(w.to_string()));
    }
    if decoded.preset != preset || decoded.input != input {
        return Err(ImportError::InvalidScenario(
            "it holds values a link cannot carry".into(),
        ));
    }
    // The link's reading (the same numbers; -0 read as 0), so the file and
    // its link open the same scenario to the bit.
    Ok((preset, decoded.input))
}

/// True when two scenarios are the same to the bit (`-0.0` differs from
/// `0.0`; `==` on floats would not tell).
pub fn bit_identical(a: &ScenarioInput, b: &ScenarioInput) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

/// "What drives the answer" as one CSV: a `table` column says which table
/// each row belongs to (`tornado`, `break_even`, `value_of_information`),
/// then that table's own columns as on the page (see [`crate::drivers`]),
/// values as the page words them. Empty when nothing has arrived yet.
pub fn drivers_csv(insight: &crate::hooks::InsightState, names: &[String]) -> String {
    use crate::drivers;
    let mut out = String::new();
    let made_by = made_by();
    let mut table = |name: &str, t: &crate::view_model::Table| {
        let mut head = vec!["table".to_string()];
        head.extend(t.head.iter().map(|h| field(h)));
        head.push("made_by".into());
        out.push_str(&line(&head));
        for r in &t.rows {
            let mut row = vec![name.to_string()];
            row.extend(r.iter().map(|c| field(c)));
            row.push(made_by.clone());
            out.push_str(&line(&row));
        }
    };
    if let Some(t) = &insight.tornado {
        table("tornado", &drivers::tornado_table(t, names));
    }
    let bes: Vec<_> = insight
        .break_evens
        .iter()
        .chain(insight.picked.iter())
        .cloned()
        .collect();
    if !bes.is_empty() {
        table("break_even", &drivers::break_even_table(&bes, names));
    }
    if let Some(v) = &insight.voi {
        table("value_of_information", &drivers::voi_table(v, names));
    }
    out
}

/// "What drives the answer" as JSON: the engine's tornado, break-evens and
/// value of information (exact numbers, GBP; shares as fractions), each
/// input with its page label, and the driver sentence.
pub fn drivers_json(insight: &crate::hooks::InsightState, names: &[String]) -> String {
    use crate::drivers;
    let labels = |i: &turnaround_engine::insight::Input| drivers::label(i, names);
    let sentence = insight
        .tornado
        .as_ref()
        .and_then(|t| drivers::driver_sentence(t, &insight.break_evens, names));
    let doc = serde_json::json!({
        "made_by": crate::provenance::line(),
        "options": names,
        "pair": [insight.pair.0, insight.pair.1],
        "driver": sentence,
        "tornado": insight.tornado.as_ref().map(|t| serde_json::json!({
            "paths": t.paths,
            "base": t.base,
            "rows": t.rows.iter().map(|r| serde_json::json!({
                "label": labels(&r.input), "row": r,
            })).collect::<Vec<_>>(),
        })),
        "break_evens": insight.break_evens.iter().chain(insight.picked.iter()).map(|b| serde_json::json!({
            "label": labels(&b.input), "break_even": **b,
        })).collect::<Vec<_>>(),
        "value_of_information": insight.voi.as_ref().map(|v| serde_json::json!({
            "paths": v.paths,
            "evpi": v.evpi,
            "rows": v.rows.iter().map(|r| serde_json::json!({
                "label": labels(&r.input), "evppi": r.evppi, "input": r.input,
            })).collect::<Vec<_>>(),
            "not_per_path": v.not_per_path.iter().map(labels).collect::<Vec<_>>(),
        })),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use turnaround_engine::{presets::preset, simulate_with_paths, validate};

    #[test]
    fn drivers_tables_go_into_the_csv_and_json() {
        use std::rc::Rc;
        use turnaround_engine::insight;
        let scenario = validate(&preset(PresetId::England2024)).unwrap();
        let (results, draws) = turnaround_engine::simulate_with_draws(&scenario, 300);
        let settings = insight::Settings {
            paths: 50,
            curve_points: 5,
            tolerance: 0.1,
            bootstrap: 3,
            ..Default::default()
        };
        let report = insight::analyse(&scenario, &draws, 0, 1, settings);
        let state = crate::hooks::InsightState {
            pair: (0, 1),
            progress: 1.0,
            tornado: Some(Rc::new(report.tornado.clone())),
            break_evens: report.break_evens.iter().cloned().map(Rc::new).collect(),
            voi: Some(Rc::new(report.voi.clone())),
            ..Default::default()
        };
        let names: Vec<String> = results.options.iter().map(|o| o.name.clone()).collect();
        let rows = parse_csv(&drivers_csv(&state, &names));
        let count = |t: &str| rows.iter().filter(|r| r[0] == t).count();
        assert_eq!(count("tornado"), report.tornado.rows.len());
        assert_eq!(count("break_even"), 3);
        assert_eq!(count("value_of_information"), report.voi.rows.len() + 1);
        // Each table's header and rows end with what made them.
        assert!(rows
            .iter()
            .all(|r| r.last().unwrap() == "made_by"
                || *r.last().unwrap() == crate::provenance::line()));
        let doc: serde_json::Value = serde_json::from_str(&drivers_json(&state, &names)).unwrap();
        assert_eq!(
            doc["tornado"]["rows"].as_array().unwrap().len(),
            report.tornado.rows.len()
        );
        assert!(doc["driver"]
            .as_str()
            .unwrap()
            .starts_with("The answer turns mostly on"));
        assert!(
            doc["value_of_information"]["evpi"]["value"]
                .as_f64()
                .unwrap()
                >= 0.0
        );
    }

    /// A small RFC 4180 reader, enough to check what we write parses back.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        if !cell.is_empty() || !row.is_empty() {
            row.push(cell);
            rows.push(row);
        }
        rows
    }

    fn results_for(names: &[&str], horizon: u32) -> (ScenarioInput, Results) {
        let mut input = preset(PresetId::Sandwell2012);
        codec::resize_options(&mut input, names.len());
        for (o, n) in input.options.iter_mut().zip(names) {
            o.name = n.to_string();
        }
        input.simulation.horizon_months = horizon;
        let scenario = validate(&input).unwrap();
        (input.clone(), simulate_with_paths(&scenario, 100))
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(number(1234567.5), "1234567.5");
        assert_eq!(number(1e-7), "0.0000001");
        assert_eq!(number(3e12), "3000000000000");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(f64::NAN), "");
    }

    #[test]
    fn results_csv_has_a_row_per_option_category_and_month() {
        let names = ["Recruit, then \"hope\"", "In-source partner", "Third"];
        let (_, results) = results_for(&names, 24);
        let rows = parse_csv(&results_csv(&results));
        assert_eq!(rows[0].join(","), RESULTS_HEADER);
        let expected = names.len() * (Category::ALL.len() + 2) * 24;
        assert_eq!(rows.len(), expected + 1);
        assert!(rows.iter().all(|r| r.len() == 12));
        // Every row says what made it.
        assert!(rows[1..].iter().all(|r| r[11] == crate::provenance::line()));
        // The awkward name survives quoting; months run 1..=24; numbers parse.
        assert_eq!(rows[1][0], names[0]);
        assert_eq!(rows[1][1], "Leadership");
        assert_eq!(rows[1][2], "1");
        assert_eq!(rows[24][2], "24");
        let last = rows.last().unwrap();
        assert_eq!(last[0], "Third");
        assert_eq!(last[1], "Cumulative total");
        let p50: f64 = last[6].parse().unwrap();
        assert_eq!(p50, results.options[2].cumulative_total[23].p50);
        for r in &rows[1..] {
            for v in &r[3..11] {
                v.parse::<f64>()
                    .unwrap_or_else(|_| panic!("not a number: {v}"));
            }
        }
    }

    #[test]
    fn headline_csv_has_options_then_pairs_with_the_link() {
        let (input, results) = results_for(&["A, with comma", "B", "C"], 24);
        let fragment = codec::encode(PresetId::Sandwell2012, &input);
        let rows = parse_csv(&headline_csv(&results, &fragment));
        assert_eq!(rows[0], HEADLINE_HEADER);
        assert_eq!(rows.len(), 1 + 3 + 3);
        assert!(rows.iter().all(|r| r.len() == HEADLINE_HEADER.len()));
        let col = |name: &str| HEADLINE_HEADER.iter().position(|h| *h == name).unwrap();
        assert_eq!(rows[1][col("kind")], "option");
        assert_eq!(rows[1][col("option")], "A, with comma");
        let p50: f64 = rows[1][col("total_p50")].parse().unwrap();
        assert_eq!(p50, results.options[0].total.quantiles.p50);
        assert_eq!(rows[4][col("kind")], "pair");
        assert_eq!(rows[4][col("option_b")], "B");
        let p: f64 = rows[4][col("p_a_cheaper")].parse().unwrap();
        assert_eq!(p, results.pairs[0].p_a_cheaper.mean);
        assert!(rows[1..].iter().all(|r| r[col("link")] == fragment));
        assert!(rows[1..]
            .iter()
            .all(|r| r[col("made_by")] == crate::provenance::line()));
    }

    #[test]
    fn scenario_json_round_trips() {
        let mut input = preset(PresetId::England2024);
        input.options[1].name = "Partner \"A\", 3 years".into();
        input.context.workforce.start_agency_share = 0.31;
        let text = scenario_json(PresetId::England2024, &input);
        let doc: Json = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["format"], SCENARIO_FORMAT);
        assert_eq!(doc["version"], 1);
        assert_eq!(doc["preset"], "england-2024");
        assert_eq!(doc["link"], codec::encode(PresetId::England2024, &input));
        assert_eq!(
            parse_scenario_json(&text),
            Ok((PresetId::England2024, input))
        );
    }

    #[test]
    fn named_files_carry_name_and_time_and_old_files_still_open() {
        let input = preset(PresetId::Sandwell2012);
        let named = scenario_file(
            PresetId::Sandwell2012,
            &input,
            Some(("Budget, \"worst\"", "2026-11-27T05:40:00.000Z")),
        );
        let doc: Json = serde_json::from_str(&named).unwrap();
        assert_eq!(doc["name"], "Budget, \"worst\"");
        assert_eq!(doc["saved_at"], "2026-11-27T05:40:00.000Z");
        assert_eq!(
            scenario_file_name(&named).as_deref(),
            Some("Budget, \"worst\"")
        );
        let old = scenario_json(PresetId::Sandwell2012, &input);
        assert_eq!(scenario_file_name(&old), None);
        for text in [&named, &old] {
            assert_eq!(
                parse_scenario_json(text),
                Ok((PresetId::Sandwell2012, input.clone()))
            );
        }
    }

    #[test]
    fn scenario_files_are_refused_with_specific_reasons() {
        let good: Json = serde_json::from_str(&scenario_json(
            PresetId::Sandwell2012,
            &preset(PresetId::Sandwell2012),
        ))
        .unwrap();
        let with = |f: &dyn Fn(&mut Json)| {
            let mut d = good.clone();
            f(&mut d);
            parse_scenario_json(&d.to_string())
        };
        assert_eq!(parse_scenario_json("{not json"), Err(ImportError::NotJson));
        assert_eq!(parse_scenario_json("[1]"), Err(ImportError::WrongFormat));
        assert_eq!(
            with(&|d| d["format"] = "other".into()),
            Err(ImportError::WrongFormat)
        );
        assert_eq!(
            with(&|d| d["version"] = 9.into()),
            Err(ImportError::NewerVersion(9))
        );
        assert_eq!(
            with(&|d| d["preset"] = "narnia".into()),
            Err(ImportError::UnknownPreset("narnia".into()))
        );
        let malformed = with(&|d| d["scenario"]["options"] = "x".into());
        assert!(
            matches!(malformed, Err(ImportError::InvalidScenario(ref m)) if m.contains("malformed"))
        );
        let invalid =
            with(&|d| d["scenario"]["context"]["workforce"]["start_agency_share"] = 1.5.into());
        let Err(ImportError::InvalidScenario(why)) = invalid else {
            panic!("expected invalid, got {invalid:?}");
        };
        assert!(why.to_lowercase().contains("agency"), "{why}");
        // Option names follow the link rule: 1 to 40 characters.
        for bad in [
            String::new(),
            "  ".into(),
            "x".repeat(41),
            "x".repeat(20_000),
        ] {
            let refused = with(&|d| d["scenario"]["options"][0]["name"] = bad.clone().into());
            assert!(
                matches!(refused, Err(ImportError::InvalidScenario(ref m)) if m.to_lowercase().contains("name")),
                "{refused:?}"
            );
        }
        let forty = with(&|d| d["scenario"]["options"][0]["name"] = "x".repeat(40).into());
        assert!(forty.is_ok(), "{forty:?}");
    }
}
