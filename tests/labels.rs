//! Every field's own label and accepted range reach the user, whichever way
//! a bad value arrives: a link, a JSON scenario file or a saved scenario.
#![cfg(not(target_arch = "wasm32"))]

use turnaround::codec::{decode, FORMAT_VERSION};
use turnaround::export::{parse_scenario_json, scenario_json, ImportError};
use turnaround::format::trim;
use turnaround::params::{Kind, ParamDef, Value, PARAMS};
use turnaround::saved::{self, Entry, SavedScenario};
use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::Range;

/// A value above the field's largest accepted value.
fn too_big(p: &ParamDef) -> f64 {
    let max = p.max();
    (max * 2.0 + 1.0).round()
}

/// The message must name the field and state its bounds in display units.
fn assert_names(p: &ParamDef, option: usize, how: &str, msg: &str) {
    let f = p.unit.display_factor();
    let (lo, hi) = (trim(p.min() * f), trim(p.max() * f));
    assert!(
        msg.contains(p.label),
        "{how} {} (option {}): message does not name {:?}: {msg}",
        p.key(),
        option + 1,
        p.label
    );
    assert!(
        msg.contains(&format!("between {lo} and {hi}")),
        "{how} {}: message does not give the range {lo} to {hi}: {msg}",
        p.key()
    );
    if p.per_option() {
        assert!(
            msg.contains(&format!("option {}", option + 1)),
            "{how} {}: message does not name option {}: {msg}",
            p.key(),
            option + 1
        );
    }
}

fn options_of(p: &ParamDef, n: usize) -> Vec<usize> {
    if p.per_option() {
        (0..n).collect()
    } else {
        vec![0]
    }
}

#[test]
fn a_bad_value_in_a_link_or_saved_scenario_names_its_own_field_and_range() {
    let id = PresetId::England2024;
    let n = preset(id).options.len();
    for p in PARAMS {
        for option in options_of(p, n) {
            let link = format!(
                "v={FORMAT_VERSION}&preset={}&{}={}",
                id.id(),
                p.url_key(option),
                too_big(p)
            );
            let d = decode(&link);
            let w = d
                .warnings
                .iter()
                .find(|w| w.what.starts_with(&p.url_key(option)))
                .unwrap_or_else(|| panic!("{link}: no warning: {:?}", d.warnings));
            assert_names(p, option, "link", &w.why);

            let entry = Entry::Saved(SavedScenario {
                name: "bad".into(),
                saved_at: "2026-11-27T09:00:00.000Z".into(),
                fragment: link.clone(),
            });
            let opened = saved::open(&entry).expect("the valid rest still opens");
            let w = opened
                .warnings
                .iter()
                .find(|w| w.what.starts_with(&p.url_key(option)))
                .unwrap_or_else(|| panic!("saved {link}: no warning"));
            assert_names(p, option, "saved scenario", &w.why);
        }
    }
}

#[test]
fn a_bad_value_in_a_scenario_file_names_its_own_field_and_range() {
    let id = PresetId::Sandwell2012;
    let base = preset(id);
    for p in PARAMS {
        for option in options_of(p, base.options.len()) {
            let mut s = base.clone();
            let bad = too_big(p);
            let v = match p.kind() {
                Kind::Range => Value::Range(Range::fixed(bad)),
                _ => Value::Scalar(bad),
            };
            // Written unchecked, as a hand-edited file would be.
            p.set(&mut s, option, v);
            if p.get(&s, option) != Some(v) {
                continue; // a yes/no field: a file can only say true or false
            }
            let json = scenario_json(id, &s);
            match parse_scenario_json(&json) {
                Err(ImportError::InvalidScenario(why)) => assert_names(p, option, "file", &why),
                other => panic!("{}: file with {bad} gave {other:?}", p.key()),
            }
        }
    }
}

/// Every engine field is either a registry row (tested above) or one of the
/// few the header edits, each with its own wording.
#[test]
fn every_field_is_covered_and_names_are_labelled_too() {
    use turnaround_engine::FieldId;
    let edited_elsewhere = [
        FieldId::OptionName,
        FieldId::OptionRoute,
        FieldId::ShiftFrom,
        FieldId::ShiftTo,
        FieldId::BaselineOption,
    ];
    for id in FieldId::ALL {
        assert!(
            PARAMS.iter().any(|p| p.field == *id) || edited_elsewhere.contains(id),
            "{id:?} has no registry row and no wording"
        );
    }
    let mut s = preset(PresetId::Sandwell2012);
    s.options[1].name = "x".repeat(41);
    match parse_scenario_json(&scenario_json(PresetId::Sandwell2012, &s)) {
        Err(ImportError::InvalidScenario(why)) => {
            assert!(why.contains("Option name (option 2)"), "{why}");
            assert!(why.contains("1 to 40 characters"), "{why}");
        }
        other => panic!("{other:?}"),
    }
    let d = decode(&format!("v=1&o2.name={}", "y".repeat(41)));
    assert!(
        d.warnings.iter().any(|w| w.why.contains("40 characters")),
        "{:?}",
        d.warnings
    );
}
