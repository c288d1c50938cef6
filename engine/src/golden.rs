//! Golden figures: a fixed scenario and the exact numbers this engine version
//! must produce for it, natively and in WebAssembly.
//!
//! Both the engine's own test and the app's browser test assert these, so a
//! change in any number is caught everywhere. When a deliberate model change
//! moves them, bump [`crate::ENGINE_VERSION`] and update the constants.

use crate::input::ScenarioInput;
use crate::presets::{preset, PresetId};

/// Seed of the golden run.
pub const SEED: u64 = 42;
/// Paths of the golden run.
pub const PATHS: u32 = 1_000;

/// The golden scenario: the Sandwell 2012 preset, seed 42, 1,000 paths, 60 months.
pub fn scenario() -> ScenarioInput {
    let mut s = preset(PresetId::Sandwell2012);
    s.simulation.seed = SEED;
    s.simulation.paths = PATHS;
    s.simulation.horizon_months = 60;
    s
}

/// `f64::to_bits` of each option's median total spend (`options[i].total.quantiles.p50`).
pub const TOTAL_P50_BITS: [u64; 2] = [0, 0];
/// `f64::to_bits` of each option's mean total spend (`options[i].total.quantiles.mean`).
pub const TOTAL_MEAN_BITS: [u64; 2] = [0, 0];
/// `f64::to_bits` of each option's mean NPV (`options[i].npv.quantiles.mean`).
pub const NPV_MEAN_BITS: [u64; 2] = [0, 0];
/// `f64::to_bits` of each option's mean leadership changes.
pub const LEADERSHIP_CHANGES_MEAN_BITS: [u64; 2] = [0, 0];
/// `f64::to_bits` of the paired difference's median (`pairs[0].difference.quantiles.p50`).
pub const DIFFERENCE_P50_BITS: u64 = 0;
