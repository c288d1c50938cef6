//! The engine's rate in WebAssembly, for `tests/bench/engine-rate.mjs`
//! (development aid): built as a bare `cdylib` with no JavaScript glue, so
//! the benchmark times exactly the engine, the same workload as
//! `examples/cpu_bench.rs` runs natively.
//!
//! `cargo build --release -p turnaround-engine --example wasm_rate --target wasm32-unknown-unknown`
use turnaround_engine::{presets, simulate, validate};

/// Option-path-months one `run` of `preset` (0 Sandwell 2012, 1 England
/// 2024) simulates with `paths` paths.
#[no_mangle]
pub extern "C" fn elements(preset: u32, paths: u32) -> f64 {
    let input = input(preset, paths);
    input.simulation.paths as f64
        * input.simulation.horizon_months as f64
        * input.options.len() as f64
}

/// Simulate `preset` with `paths` paths once; returns a figure from the
/// results so the work cannot be optimised away.
#[no_mangle]
pub extern "C" fn run(preset: u32, paths: u32) -> f64 {
    let scenario = validate(&input(preset, paths)).expect("presets are valid");
    let results = simulate(&scenario);
    results.options[0].total.quantiles.p50
}

fn input(preset: u32, paths: u32) -> turnaround_engine::ScenarioInput {
    let id = if preset == 0 {
        presets::PresetId::Sandwell2012
    } else {
        presets::PresetId::England2024
    };
    let mut input = presets::preset(id);
    input.simulation.paths = paths;
    input
}

/// Unused natively (the example is built as a library for wasm32).
#[allow(dead_code)]
fn main() {}
