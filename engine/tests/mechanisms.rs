//! One test per mechanism.

mod common;

use common::*;
use turnaround_engine::{simulate, validate, Category, Range, Route, SeatState};

#[test]
fn near_deterministic_recruit_cycle() {
    let mut s = small(200, 144);
    s.options.truncate(1);
    deterministic_leadership(&mut s, 0, 30.0);
    let r = simulate(&validate(&s).unwrap());
    let o = &r.options[0];
    // Campaign of 6 months, then about 30 months in post, repeat: changes at
    // about 6, 36, 42, 72, 78, 108, 114, 144.
    assert!(
        (o.leadership_changes.mean - 8.0).abs() <= 1.0,
        "changes {}",
        o.leadership_changes.mean
    );
}
