//! The reducer and the parameter registry, natively.
#![cfg(not(target_arch = "wasm32"))]

use turnaround::codec;
use turnaround::explain::explain;
use turnaround::params::{self, changes, Kind, Value, PARAMS};
use turnaround::state::{Action, AppState, Commit};
use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::{validate, Range, Route};

fn set(state: &AppState, key: &str, option: usize, value: Value) -> AppState {
    state.apply(Action::SetParam {
        param: params::find(key).unwrap(),
        option,
        value,
        commit: Commit::Push,
    })
}

#[test]
fn every_parameter_reads_and_writes_its_own_field() {
    for id in PresetId::ALL {
        let base = preset(id);
        for p in PARAMS {
            let mut s = base.clone();
            let v = p.get(&s, 0).unwrap();
            let nudged = match v {
                Value::Scalar(x) => Value::Scalar(if x + p.step <= p.max() {
                    x + p.step
                } else {
                    x - p.step
                }),
                Value::Range(r) => Value::Range(Range::new(r.low, r.likely, r.high + p.step)),
            };
            let nudged = p
                .check(&nudged)
                .unwrap_or_else(|e| panic!("{}: {e}", p.key()));
            p.set(&mut s, 0, nudged);
            assert_eq!(p.get(&s, 0), Some(nudged), "{}", p.key());
            let changed = changes(&base, &s);
            assert_eq!(
                changed.len(),
                1,
                "{} changed {:?}",
                p.key(),
                changed.iter().map(|c| c.param.key()).collect::<Vec<_>>()
            );
            assert_eq!(changed[0].param.key(), p.key());
        }
    }
}

#[test]
fn registry_bounds_are_values_the_engine_accepts() {
    let base = preset(PresetId::Sandwell2012);
    for p in PARAMS {
        // Cross-field rules (mix sums to 1, shift within its source share) are
        // covered by the reducer; here each bound alone must be acceptable.
        if p.key().starts_with("pl.mix.") || p.key() == "pl.shift" {
            continue;
        }
        for bound in [p.min(), p.max()] {
            let mut s = base.clone();
            let v = match p.kind() {
                Kind::Range => Value::Range(Range::fixed(bound)),
                _ => Value::Scalar(bound),
            };
            for o in 0..s.options.len() {
                p.set(&mut s, o, v);
            }
            if let Err(e) = validate(&s) {
                panic!("{} = {bound}: engine refuses: {e}", p.key());
            }
        }
    }
}

#[test]
fn keys_are_unique_and_sources_exist_for_both_presets() {
    let mut keys: Vec<String> = PARAMS.iter().map(|p| p.key()).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), PARAMS.len());
    let mut missing = Vec::new();
    for id in PresetId::ALL {
        for p in PARAMS {
            if params::source_of(id, p).is_none() {
                missing.push(format!("{} ({:?}) in {}", p.key(), p.field, id.label()));
            }
        }
    }
    assert!(missing.is_empty(), "no source shown for: {missing:#?}");
}

#[test]
fn set_param_changes_one_value_and_bumps_the_revision() {
    let s = AppState::new(PresetId::Sandwell2012);
    let next = set(&s, "wf.agency", 0, Value::Scalar(0.3));
    assert_eq!(next.input.context.workforce.start_agency_share, 0.3);
    assert_eq!(next.revision, s.revision + 1);
    assert_eq!(next.commit, Commit::Push);
    assert_eq!(changes(&next.baseline, &next.input).len(), 1);
}

#[test]
fn invalid_values_never_reach_the_state() {
    let s = AppState::new(PresetId::Sandwell2012);
    for (key, v) in [
        ("wf.agency", Value::Scalar(1.5)),
        ("wf.agency", Value::Scalar(f64::NAN)),
        ("wf.premium", Value::Range(Range::new(3.0, 2.0, 1.0))),
        ("paths", Value::Scalar(5.0)),
    ] {
        let next = set(&s, key, 0, v);
        assert_eq!(next.input, s.input, "{key} {v:?} must be refused");
        assert_eq!(next.revision, s.revision);
        let param = params::find(key).unwrap();
        assert!(next.rejection_for(param, 0).is_some(), "{key}: no message");
        // The next accepted change clears the message.
        let ok = set(&next, "wf.agency", 0, Value::Scalar(0.3));
        assert_eq!(ok.rejected, None);
    }
}

#[test]
fn editing_a_mix_share_rebalances_the_others() {
    let s = AppState::new(PresetId::Sandwell2012);
    let next = set(&s, "pl.mix.inhouse", 0, Value::Scalar(0.5));
    let mix = next.input.context.placements.mix;
    assert_eq!(mix[0], 0.5);
    assert!((mix.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{mix:?}");
    assert!(validate(&next.input).is_ok());
}

#[test]
fn engine_messages_use_the_page_labels() {
    let mut input = preset(PresetId::Sandwell2012);
    input.options[1].contract.at_risk_share = 2.0;
    let err = validate(&input).unwrap_err();
    assert_eq!(
        explain(&err),
        "Fee at risk (option 2): must be between 0 and 100%"
    );
}

#[test]
fn options_can_be_added_renamed_rerouted_and_removed() {
    let s = AppState::new(PresetId::England2024);
    // The presets compare three options (model 3); a fourth may be added.
    assert_eq!(s.input.options.len(), 3);
    let s = s.apply(Action::AddOption);
    assert_eq!(s.input.options.len(), 4);
    let s = s.apply(Action::SetRoute {
        option: 3,
        route: Route::InterimChain,
    });
    let s = s.apply(Action::RenameOption {
        option: 3,
        name: "  Interims only ".into(),
    });
    assert_eq!(s.input.options[3].name, "Interims only");
    assert_eq!(s.input.options[3].route, Route::InterimChain);
    let f = codec::encode(s.preset, &s.input);
    assert_eq!(codec::decode(&f).input, s.input);
    let s = s.apply(Action::AddOption).apply(Action::AddOption);
    assert_eq!(s.input.options.len(), 4, "at most four options");
    let s = s.apply(Action::RemoveOption(0));
    assert_eq!(s.input.options.len(), 3);
    let same = s.apply(Action::RenameOption {
        option: 0,
        name: "   ".into(),
    });
    assert_eq!(same, s, "a blank name is refused");
}

#[test]
fn reset_one_and_reset_all_return_to_the_preset() {
    let s = AppState::new(PresetId::Sandwell2012);
    let s = set(&s, "wf.agency", 0, Value::Scalar(0.3));
    let s = set(&s, "ctr.value", 1, Value::Scalar(2_000_000.0));
    assert_eq!(changes(&s.baseline, &s.input).len(), 2);
    let one = s.apply(Action::Reset {
        param: params::find("wf.agency").unwrap(),
        option: 0,
    });
    assert_eq!(changes(&one.baseline, &one.input).len(), 1);
    let all = s.apply(Action::ResetAll);
    assert!(changes(&all.baseline, &all.input).is_empty());
}

#[test]
fn opening_a_bad_link_keeps_the_link_and_its_warnings() {
    let raw = "v=1&wf.agency=0.3&bogus=1".to_string();
    let s = AppState::new(PresetId::Sandwell2012).apply(Action::OpenLink {
        decoded: codec::decode(&raw),
        raw: raw.clone(),
    });
    assert_eq!(s.input.context.workforce.start_agency_share, 0.3);
    assert_eq!(s.link_warnings.len(), 1);
    assert_eq!(s.original_link.as_deref(), Some(raw.as_str()));
    assert_eq!(
        s.commit,
        Commit::FromUrl,
        "opening a link must not write the URL"
    );
    let s = s.apply(Action::DismissLinkWarnings);
    assert!(s.link_warnings.is_empty());
}

#[test]
fn loading_a_preset_replaces_the_baseline() {
    let s = AppState::new(PresetId::Sandwell2012).apply(Action::LoadPreset(PresetId::England2024));
    assert_eq!(s.preset, PresetId::England2024);
    assert_eq!(s.input, preset(PresetId::England2024));
    assert_eq!(*s.baseline, preset(PresetId::England2024));
}

#[test]
fn resetting_one_mix_share_resets_the_whole_mix() {
    let s = AppState::new(PresetId::Sandwell2012);
    let s = set(&s, "pl.mix.ifa", 0, Value::Scalar(0.4));
    assert_ne!(
        s.input.context.placements.mix,
        s.baseline.context.placements.mix
    );
    let reset = s.apply(Action::Reset {
        param: params::find("pl.mix.inhouse").unwrap(),
        option: 0,
    });
    assert_eq!(
        reset.input.context.placements.mix,
        reset.baseline.context.placements.mix
    );
    assert!(changes(&reset.baseline, &reset.input).is_empty());
}

#[test]
fn reset_all_restores_the_preset_exactly() {
    let s = AppState::new(PresetId::England2024)
        .apply(Action::AddOption)
        .apply(Action::SetRoute {
            option: 0,
            route: Route::InterimChain,
        });
    let s = set(&s, "seed", 0, Value::Scalar(99.0));
    let s = s.apply(Action::ResetAll);
    assert_eq!(s.input, preset(PresetId::England2024));
}

#[test]
fn the_verdict_names_the_cheaper_option_and_its_saving() {
    use turnaround::components::verdict::sentence;
    let mut input = preset(PresetId::Sandwell2012);
    input.simulation.paths = 500;
    let results = turnaround_engine::simulate(&validate(&input).unwrap());
    let text = sentence(&results, &results.pairs[0]);
    let p = &results.pairs[0];
    let (cheaper, other) = if p.p_b_cheaper.mean >= p.p_a_cheaper.mean {
        (&results.options[1].name, &results.options[0].name)
    } else {
        (&results.options[0].name, &results.options[1].name)
    };
    assert!(
        text.starts_with(&format!("{cheaper} is cheaper than {other} in ")),
        "{text}"
    );
    assert!(
        text.contains("over 5 years") && text.contains("80% of futures"),
        "{text}"
    );
    assert!(text.contains("fewer leadership changes"), "{text}");
}

#[test]
fn option_changes_are_listed_in_words() {
    use turnaround::components::changes::option_changes;
    let s = AppState::new(PresetId::Sandwell2012)
        .apply(Action::AddOption)
        .apply(Action::SetRoute {
            option: 3,
            route: Route::InterimChain,
        })
        .apply(Action::RenameOption {
            option: 0,
            name: "Headhunt".into(),
        });
    let list = option_changes(&s.baseline, &s.input);
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(list[0], "Option 1 renamed: Recruit → Headhunt");
    assert!(
        list[1].starts_with("Added option: Option 4 (Interim cover only"),
        "{list:?}"
    );
    let s = s
        .apply(Action::RemoveOption(3))
        .apply(Action::RemoveOption(2))
        .apply(Action::RemoveOption(1));
    let list = option_changes(&s.baseline, &s.input);
    assert!(
        list.contains(&"Removed option: In-source partner".to_string()),
        "{list:?}"
    );
}

#[test]
fn a_mix_share_below_the_planned_shift_is_explained_in_those_words() {
    let s = AppState::new(PresetId::Sandwell2012);
    let next = set(&s, "pl.mix.ifa", 0, Value::Scalar(0.02));
    let msg = next
        .rejection_for(params::find("pl.mix.ifa").unwrap(), 0)
        .expect("refused")
        .to_string();
    assert!(
        msg.starts_with("the planned mix shift (5%) cannot be more than"),
        "{msg}"
    );
}

/// Model 3: the verdict says how much the answer rests on the contract
/// being let, where procurement can fail; never for two recruit routes.
#[test]
fn the_verdict_says_how_much_rests_on_the_contract_being_let() {
    use turnaround::components::verdict::sentence;
    let mut input = preset(PresetId::Sandwell2012);
    input.simulation.paths = 400;
    let results = turnaround_engine::simulate(&validate(&input).unwrap());
    let pair = |a, b| results.pairs.iter().find(|p| p.a == a && p.b == b).unwrap();
    let with_partner = sentence(&results, pair(0, 1));
    assert!(
        with_partner.contains("rests partly on the contract being let: it is let in"),
        "{with_partner}"
    );
    let recruit_only = sentence(&results, pair(0, 2));
    assert!(!recruit_only.contains("contract"), "{recruit_only}");
}
