//! Helpers shared by the integration tests.
#![allow(dead_code)]

use turnaround_engine::{presets, Range, Route, ScenarioInput};

/// The Sandwell preset with a small run.
pub fn small(paths: u32, horizon: u32) -> ScenarioInput {
    let mut s = presets::preset(presets::PresetId::Sandwell2012);
    s.simulation.paths = paths;
    s.simulation.horizon_months = horizon;
    s.simulation.seed = 7;
    s
}

/// Make the recruit option's leadership nearly deterministic.
pub fn deterministic_leadership(s: &mut ScenarioInput, idx: usize, tenure: f64) {
    let o = &mut s.options[idx];
    o.route = Route::Recruit;
    o.leadership.campaign_success = Range::fixed(1.0);
    o.leadership.campaign_months = Range::fixed(6.0);
    o.leadership.interim_mean_stay_months = Range::fixed(1200.0);
    o.leadership.permanent_mean_tenure_months = Range::fixed(tenure);
    o.leadership.tenure_shape = 10.0;
}
