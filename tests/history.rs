//! Undo and redo in the reducer: settled changes are steps; a drag or a run
//! of key nudges (transient changes then one settle) is one step.
#![cfg(not(target_arch = "wasm32"))]

use turnaround::params::{self, Value};
use turnaround::state::{Action, AppState, Commit};
use turnaround_engine::presets::PresetId;

fn set(state: &AppState, v: f64, commit: Commit) -> AppState {
    state.apply(Action::SetParam {
        param: params::find("pl.children").unwrap(),
        option: 0,
        value: Value::Scalar(v),
        commit,
    })
}

fn children(state: &AppState) -> f64 {
    params::find("pl.children")
        .unwrap()
        .get(&state.input, 0)
        .unwrap()
        .central()
}

#[test]
fn undo_and_redo_step_through_settled_changes() {
    let s0 = AppState::new(PresetId::Sandwell2012);
    let start = children(&s0);
    assert!(!s0.history.can_undo() && !s0.history.can_redo());
    let s1 = set(&s0, 600.0, Commit::Push);
    let s2 = set(&s1, 700.0, Commit::Push);
    let u1 = s2.apply(Action::Undo);
    assert_eq!(children(&u1), 600.0);
    let u2 = u1.apply(Action::Undo);
    assert_eq!(children(&u2), start);
    assert!(!u2.history.can_undo());
    assert_eq!(u2.apply(Action::Undo), u2, "nothing more to undo");
    let r1 = u2.apply(Action::Redo);
    assert_eq!(children(&r1), 600.0);
    // A new change after an undo drops the redo steps.
    let n = set(&r1, 650.0, Commit::Push);
    assert!(!n.history.can_redo());
    assert_eq!(children(&n.apply(Action::Undo)), 600.0);
}

#[test]
fn ten_nudges_then_a_settle_are_one_undo_step() {
    let s0 = AppState::new(PresetId::Sandwell2012);
    let start = children(&s0);
    let mut s = s0.clone();
    for i in 1..=10 {
        s = set(&s, start + f64::from(i), Commit::Transient);
    }
    s = set(&s, start + 10.0, Commit::Push);
    assert_eq!(s.history.0.past.len(), 1);
    let back = s.apply(Action::Undo);
    assert_eq!(children(&back), start);
    assert!(!back.history.can_undo());
}

#[test]
fn a_preset_change_can_be_undone() {
    let s0 = AppState::new(PresetId::Sandwell2012);
    let s1 = s0.apply(Action::LoadPreset(PresetId::England2024));
    let back = s1.apply(Action::Undo);
    assert_eq!(back.preset, PresetId::Sandwell2012);
    assert_eq!(back.input, s0.input);
    assert_eq!(*back.baseline, *s0.baseline);
}
