//! The councils data file and the scenarios built from it.
//!
//! - The extraction script's committed output reproduces a fixture of known
//!   DfE rows (England 2024 totals, Sandwell, Middlesbrough).
//! - Every council yields a scenario that passes engine validation and the
//!   page's parameter bounds.

use turnaround::councils::{cla_trend, data, scale, scenario, Figure, Origin};
use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::{validate, FieldId};

const FIXTURE: &str = include_str!("fixtures/councils_known.tsv");

#[test]
fn extraction_reproduces_known_rows() {
    let d = data();
    let mut checked = 0;
    for line in FIXTURE.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let (code, col, year, value) = (f[0], f[1], f[2].parse::<u16>().unwrap(), f[3]);
        let council = if code == d.england.code {
            &d.england
        } else {
            d.council(code).unwrap_or_else(|| panic!("{code} missing"))
        };
        let fig = Figure::ALL
            .into_iter()
            .find(|x| x.column() == col)
            .unwrap_or_else(|| panic!("no figure {col}"));
        let p = council
            .series(fig)
            .iter()
            .find(|p| p.year == year)
            .unwrap_or_else(|| panic!("{code} {col} has no {year}"));
        assert_eq!(
            p.value,
            value.parse::<f64>().unwrap(),
            "{code} {col} {year}"
        );
        checked += 1;
    }
    assert!(checked >= 20);
}

#[test]
fn councils_sum_to_the_england_row() {
    // Each children's service counted once (two pairs share one service).
    let d = data();
    let mut seen = Vec::new();
    let mut total = 0.0;
    for c in &d.councils {
        let key = c.joint_service.clone().unwrap_or_else(|| c.code.clone());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        total += c
            .latest(Figure::SwFte)
            .filter(|p| p.year == 2024)
            .map_or(0.0, |p| p.value);
    }
    let england = d.england.latest(Figure::SwFte).unwrap().value;
    assert!((total - england).abs() < 1.0, "{total} vs {england}");
}

#[test]
fn every_council_yields_a_valid_scenario() {
    let d = data();
    for c in &d.councils {
        let (s, filled) = scenario(d, c);
        validate(&s).unwrap_or_else(|e| panic!("{} {}: {e:?}", c.code, c.name));
        for f in &filled {
            match &f.origin {
                Origin::Council { source, .. } => {
                    assert!(source.starts_with("DfE, "), "{source}");
                    assert!(
                        source.contains(&c.name) || c.joint_service.is_some(),
                        "{source}"
                    );
                }
                Origin::EnglandDefault { why } => assert!(!why.is_empty()),
            }
        }
        assert!(filled.iter().any(|f| f.field == FieldId::PlacementMix));
    }
}

#[test]
fn sandwell_starts_from_its_own_figures() {
    let d = data();
    let c = d.council("E08000028").unwrap();
    let (s, filled) = scenario(d, c);
    let w = &s.context.workforce;
    assert_eq!(w.establishment_fte, 284.7); // 241.3 in post + 43.4 agency
    assert_eq!(w.start_agency_share, 0.152);
    assert_eq!(
        (
            w.base_turnover.low,
            w.base_turnover.likely,
            w.base_turnover.high
        ),
        (0.1, 0.1, 0.28)
    );
    assert_eq!(s.context.placements.children_start, 812.0);
    let (first, last, cagr, _) = cla_trend(c).unwrap();
    assert_eq!((first.year, last.year), (2019, 2024));
    assert!((cagr - ((812.0_f64 / 897.0).powf(0.2) - 1.0)).abs() < 1e-12);
    let g = s.context.placements.net_growth;
    let national = preset(PresetId::England2024).context.placements.net_growth;
    assert_eq!(g.likely, -0.02);
    assert!(g.likely - g.low >= national.likely - national.low - 1e-9);
    assert!(g.high - g.likely >= national.high - national.likely - 1e-9);
    // Untouched fields keep the England default.
    let england = preset(PresetId::England2024);
    assert_eq!(s.context.placements.mix, england.context.placements.mix);
    assert_eq!(s.options, england.options);
    let est = filled
        .iter()
        .find(|f| f.field == FieldId::Establishment)
        .unwrap();
    assert_eq!(
        est.source_text(),
        "DfE, Children's social work workforce, 2024, Sandwell (241.3 in post + 43.4 agency FTE)"
    );
    let mix = filled
        .iter()
        .find(|f| f.field == FieldId::PlacementMix)
        .unwrap();
    assert!(mix.source_text().starts_with("England 2024 default: "));
}

#[test]
fn joint_services_split_by_children_looked_after() {
    let d = data();
    let k = d.council("E09000021").unwrap();
    let r = d.council("E09000027").unwrap();
    let (sk, _) = scenario(d, k);
    let (sr, fr) = scenario(d, r);
    let joint = k.latest(Figure::SwFte).unwrap().value + k.latest(Figure::AgencyFte).unwrap().value;
    let sum = sk.context.workforce.establishment_fte + sr.context.workforce.establishment_fte;
    assert!((sum - joint).abs() <= 0.1 + 1e-9, "{sum} vs {joint}");
    let src = fr[0].source_text();
    assert!(
        src.contains("one joint children's service") && src.contains("estimate"),
        "{src}"
    );
}

#[test]
fn sense_of_scale_ranks_among_councils() {
    let d = data();
    let m = d.council("E06000002").unwrap(); // Middlesbrough, agency rate 32.2%
    let lines = scale(d, m);
    let agency = lines.iter().find(|l| l.label == "Agency rate").unwrap();
    assert_eq!(agency.value, "32.2%");
    assert_eq!(agency.period, "2024");
    let spend = lines
        .iter()
        .find(|l| l.label == "Residential care spend")
        .unwrap();
    assert_eq!(spend.period, "2023-24");
    assert_eq!(agency.position, "higher than 9 in 10 councils");
    // Every council gets a position for each figure it has.
    for c in &d.councils {
        for l in scale(d, c) {
            assert!(
                l.position.starts_with("higher than")
                    || l.position.starts_with("lower than")
                    || l.position.starts_with("the "),
                "{} {}",
                c.name,
                l.position
            );
        }
    }
}

#[test]
fn the_link_holds_the_council_code_and_round_trips() {
    use turnaround::codec::{decode, encode_for};
    let d = data();
    for c in &d.councils {
        let (mut s, _) = scenario(d, c);
        s.context.placements.children_start += 1.0;
        let link = encode_for(PresetId::England2024, Some(&c.code), &s);
        assert!(link.contains(&format!("la={}", c.code)), "{link}");
        // Only the change from the council's own scenario is written.
        let want = format!("pl.children={}", s.context.placements.children_start);
        assert!(link.contains(&want) && !link.contains("wf.fte="), "{link}");
        let back = decode(&link);
        assert_eq!(back.warnings, vec![], "{link}");
        assert_eq!(back.council.as_deref(), Some(c.code.as_str()));
        assert_eq!(back.input, s, "{}", c.name);
    }
}

#[test]
fn an_old_or_unknown_code_is_named_and_the_rest_of_the_link_applies() {
    use turnaround::codec::decode;
    let old = decode("v=1&preset=england-2024&la=E10000021&pl.children=600");
    assert_eq!(old.council, None);
    assert_eq!(old.input.context.placements.children_start, 600.0);
    assert_eq!(old.warnings.len(), 1);
    assert_eq!(old.warnings[0].what, "la=E10000021");
    assert!(
        old.warnings[0].why.contains("Northamptonshire")
            && old.warnings[0]
                .why
                .contains("North Northamptonshire and West Northamptonshire"),
        "{}",
        old.warnings[0].why
    );
    let unknown = decode("v=1&preset=england-2024&la=E08999999&wf.agency=0.3");
    assert_eq!(unknown.council, None);
    assert_eq!(unknown.input.context.workforce.start_agency_share, 0.3);
    assert!(unknown.warnings[0].why.contains("not an English council"));
    // A council starts from England 2024, whatever preset the link names.
    let other = decode("v=1&preset=sandwell-2012&la=E08000028");
    assert_eq!(other.preset, PresetId::England2024);
    assert_eq!(other.council.as_deref(), Some("E08000028"));
    assert_eq!(other.warnings.len(), 1);
}

#[test]
fn choosing_a_council_starts_from_its_scenario_and_clearing_it_returns_to_the_preset() {
    use turnaround::state::{Action, AppState};
    let s = AppState::new(PresetId::Sandwell2012).apply(Action::LoadCouncil("e08000028".into()));
    assert_eq!(s.preset, PresetId::England2024);
    assert_eq!(s.council.as_deref(), Some("E08000028"));
    assert_eq!(s.input.context.workforce.establishment_fte, 284.7);
    assert_eq!(*s.baseline, s.input);
    assert!(s.fragment().contains("la=E08000028"));
    let unchanged = s.apply(Action::LoadCouncil("E10000006".into()));
    assert_eq!(unchanged, s);
    let cleared = s.apply(Action::LoadPreset(PresetId::England2024));
    assert_eq!(cleared.council, None);
    assert_eq!(cleared.input, preset(PresetId::England2024));
    assert!(!cleared.fragment().contains("la="));
}

#[test]
fn a_saved_council_scenario_reopens_with_its_council() {
    use turnaround::saved::{open, Entry, SavedScenario};
    use turnaround::state::{Action, AppState};
    let chosen =
        AppState::new(PresetId::Sandwell2012).apply(Action::LoadCouncil("E06000002".into()));
    let entry = Entry::Saved(SavedScenario {
        name: "Middlesbrough".into(),
        saved_at: "2026-11-27T06:00:00.000Z".into(),
        fragment: chosen.fragment(),
    });
    let opened = open(&entry).unwrap();
    assert_eq!(opened.council.as_deref(), Some("E06000002"));
    let reopened = AppState::new(PresetId::Sandwell2012).apply(Action::Open {
        preset: opened.preset,
        input: opened.input,
        council: opened.council,
    });
    assert_eq!(reopened.council, chosen.council);
    assert_eq!(reopened.baseline, chosen.baseline);
    assert_eq!(reopened.input, chosen.input);
}
