//! Scenarios side by side, natively: the selection in the reducer, reading
//! pasted links, and the table (matching options, marking differences, CSV).
#![cfg(not(target_arch = "wasm32"))]

use turnaround::codec::{self, encode};
use turnaround::compare::{self, Column, Compared, LinkError, Origin, ABSENT, MAX_COMPARED};
use turnaround::params::{self, Value};
use turnaround::state::{Action, AppState};
use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::{simulate_with_paths, validate, Range, Results, ScenarioInput};

fn item(label: &str, input: &ScenarioInput) -> Compared {
    Compared {
        label: label.into(),
        fragment: encode(PresetId::Sandwell2012, input),
        origin: Origin::Link,
    }
}

fn small(mut input: ScenarioInput) -> ScenarioInput {
    input.simulation.paths = 400;
    input
}

fn with_contract(value: f64) -> ScenarioInput {
    let mut input = small(preset(PresetId::Sandwell2012));
    let p = params::find("ctr.value").unwrap();
    let i = input
        .options
        .iter()
        .position(|o| p.applies(o.route))
        .unwrap();
    p.set(&mut input, i, Value::Range(Range::new(value, value, value)));
    input
}

fn run(input: &ScenarioInput) -> Results {
    simulate_with_paths(&validate(input).unwrap(), input.simulation.paths)
}

#[test]
fn the_selection_lives_in_the_reducer_up_to_four_without_repeats() {
    let base = AppState::new(PresetId::Sandwell2012);
    let mut s = base.clone();
    for k in 0..6 {
        s = s.apply(Action::CompareAdd(item(
            &format!("S{k}"),
            &with_contract(1_000_000.0 + 100_000.0 * k as f64),
        )));
    }
    assert_eq!(s.compared.len(), MAX_COMPARED, "a fifth is refused");
    // Picking is not an edit of the scenario: no revision, no undo step.
    assert_eq!(s.revision, base.revision);
    assert_eq!(s.input, base.input);
    assert!(!s.history.can_undo());
    let again = s
        .apply(Action::CompareRemove(3))
        .apply(Action::CompareAdd(s.compared[0].clone()));
    assert_eq!(
        again.compared.len(),
        3,
        "the same scenario twice is refused"
    );
    let removed = s.apply(Action::CompareRemove(1));
    assert_eq!(
        removed
            .compared
            .iter()
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>(),
        ["S0", "S2", "S3"]
    );
    assert_eq!(
        removed.apply(Action::CompareRemove(9)),
        removed,
        "out of range: no change"
    );
    assert!(s.apply(Action::CompareClear).compared.is_empty());
    // A new scenario on the page keeps the selection.
    let loaded = s.apply(Action::LoadPreset(PresetId::England2024));
    assert_eq!(loaded.compared, s.compared);
}

#[test]
fn check_add_says_why_a_scenario_cannot_join() {
    let a = item("A", &with_contract(1_000_000.0));
    let same = Compared {
        label: "B".into(),
        ..a.clone()
    };
    let err = compare::check_add(std::slice::from_ref(&a), &same).unwrap_err();
    assert!(err.contains("same scenario as \u{201c}A\u{201d}"), "{err}");
    let named = item("A", &with_contract(1_200_000.0));
    let err = compare::check_add(std::slice::from_ref(&a), &named).unwrap_err();
    assert!(err.contains("already in the table"), "{err}");
}

#[test]
fn pasted_links_are_read_like_the_page_reads_them() {
    assert_eq!(compare::read_link("  "), Err(LinkError::Empty));
    assert_eq!(
        compare::read_link("https://example.org/turnaround/"),
        Err(LinkError::NoScenario)
    );
    assert_eq!(compare::read_link("hello"), Err(LinkError::NoScenario));
    let input = with_contract(1_300_000.0);
    let fragment = encode(PresetId::Sandwell2012, &input);
    let (f, d) = compare::read_link(&format!("http://127.0.0.1:8080/?large=1#{fragment}")).unwrap();
    assert_eq!(f, fragment);
    assert_eq!(d.input, input);
    assert!(d.warnings.is_empty());
    // A bad value: the page's own warning, every valid value kept.
    let (_, d) = compare::read_link(&format!("#{fragment}&wf.fte=-5&nonsense=1")).unwrap();
    let said = compare::warnings_text(&d.warnings);
    let page: Vec<String> = codec::decode(&format!("{fragment}&wf.fte=-5&nonsense=1"))
        .warnings
        .iter()
        .map(|w| w.to_string())
        .collect();
    for w in &page {
        assert!(said.contains(w.as_str()), "{said} lacks {w}");
    }
    assert!(
        said.contains("nonsense=1: not a setting this version knows"),
        "{said}"
    );
    assert_eq!(d.input, input);
}

#[test]
fn the_table_marks_what_differs_and_matches_options_by_name_and_route() {
    let a = with_contract(1_000_000.0);
    let b = with_contract(1_800_000.0);
    let mut c = a.clone();
    c.options[0].name = "Recruit now".into();
    let (da, db, dc) = (
        codec::decode(&encode(PresetId::Sandwell2012, &a)),
        codec::decode(&encode(PresetId::Sandwell2012, &b)),
        codec::decode(&encode(PresetId::Sandwell2012, &c)),
    );
    let (ra, rb, rc) = (run(&a), run(&b), run(&c));
    let columns = [
        Column {
            label: "A",
            decoded: &da,
            results: Some(&ra),
        },
        Column {
            label: "B",
            decoded: &db,
            results: Some(&rb),
        },
        Column {
            label: "C",
            decoded: &dc,
            results: Some(&rc),
        },
    ];
    let t = compare::table(&columns);
    assert_eq!(t.head, ["A", "B", "C"]);
    let row = |group: &str, metric: &str| {
        t.rows
            .iter()
            .find(|r| r.group.starts_with(group) && r.metric == metric)
            .unwrap_or_else(|| panic!("no {group} {metric}"))
    };
    let first = &a.options[0].name;
    let partner = a
        .options
        .iter()
        .find(|o| o.route == turnaround_engine::Route::InSource)
        .unwrap()
        .name
        .clone();
    // The cell text is the page's own: the option card's median total.
    let total = row(&partner, "total-p50");
    let i = a.options.iter().position(|o| o.name == partner).unwrap();
    assert_eq!(
        total.cells[0].text,
        turnaround::format::money(ra.options[i].total.quantiles.p50)
    );
    assert!(
        total.cells[1].differs,
        "a dearer contract changes the partner's total"
    );
    assert!(!total.cells[0].differs, "the first column is the reference");
    // The renamed option is its own row, absent where it is not.
    let renamed = row("Recruit now", "total-p50");
    assert_eq!(renamed.cells[0].text, ABSENT);
    assert_eq!(renamed.cells[1].text, ABSENT);
    assert!(renamed.cells[2].differs);
    let old = row(first, "route-cost");
    assert_eq!(old.cells[2].text, ABSENT);
    assert!(
        t.notes
            .iter()
            .any(|n| n.contains("do not all match") && n.contains("Recruit now")),
        "{:?}",
        t.notes
    );
    // The same seed and paths: settings that match are not marked.
    assert!(!row("Scenario", "seed").differs());
    assert!(!row("Scenario", "paths").differs());
    // Paths and the contract value, in A and in B alike.
    let changed = row("Scenario", "changed");
    assert_eq!(changed.cells[0].text, "2");
    assert_eq!(changed.cells[1].text, "2");
    assert!(!changed.cells[1].differs);
    // Pairs read "first minus second" in every column, however ordered.
    let d = row(&format!("{first} against"), "difference-p50");
    let v = turnaround::view_model::versus(&ra, 0, 1).unwrap();
    assert_eq!(d.cells[0].text, turnaround::format::money(v.diff[1]));

    // The CSV: exact numbers, ranges as two rows, a differs column, links.
    let links = [
        "https://x/#a".to_string(),
        "https://x/#b".into(),
        "https://x/#c".into(),
    ];
    let csv = compare::csv(&t, &links);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "Group,Figure,A,B,C,Differs between scenarios,made_by"
    );
    let made_by = turnaround::export::made_by();
    assert!(lines
        .iter()
        .all(|l| l.ends_with(&made_by) || *l == lines[0]));
    let p50 = ra.options[i].total.quantiles.p50;
    assert!(
        lines.iter().any(|l| l.starts_with(&format!(
            "{partner} (in-source partner),Total spend (median),{},",
            turnaround::format::exact(p50)
        ))),
        "{csv}"
    );
    assert!(lines
        .iter()
        .any(|l| l.contains("Total spend, 80% range (P10 to P90) (P10)")));
    assert!(lines.contains(
        &format!("Scenario,Link,https://x/#a,https://x/#b,https://x/#c,,{made_by}").as_str()
    ));
    assert!(lines.iter().any(|l| l.starts_with("Note,")));
}

#[test]
fn cells_are_not_marked_until_every_scenario_has_run() {
    let a = with_contract(1_000_000.0);
    let b = with_contract(1_800_000.0);
    let (da, db) = (
        codec::decode(&encode(PresetId::Sandwell2012, &a)),
        codec::decode(&encode(PresetId::Sandwell2012, &b)),
    );
    let ra = run(&a);
    let t = compare::table(&[
        Column {
            label: "A",
            decoded: &da,
            results: Some(&ra),
        },
        Column {
            label: "B",
            decoded: &db,
            results: None,
        },
    ]);
    for row in t.rows.iter().filter(|r| r.group != "Scenario") {
        assert_eq!(row.cells[1].text, compare::PENDING);
        assert!(!row.differs());
    }
}
