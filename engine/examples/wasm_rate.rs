//! The engine's rate in WebAssembly, for `tests/bench/engine-rate.mjs`
//! (development aid): built as a bare `cdylib` with no JavaScript glue, so
//! the benchmark times exactly the engine, the same workload as
//! `examples/cpu_bench.rs` runs natively.
//!
//! `cargo build --release -p turnaround-engine --example wasm_rate --target wasm32-unknown-unknown`
use turnaround_engine::{insight, presets, simulate, simulate_with_draws, validate};

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

/// The page's drivers for `preset` (options 0 and 1) with `paths` paths:
/// the main run with its draws kept, then the whole insight (tornado,
/// break-evens of the top three, value of information), as the worker runs
/// them. Returns a figure from the analysis.
#[no_mangle]
pub extern "C" fn drivers(preset: u32, paths: u32) -> f64 {
    let scenario = validate(&input(preset, paths)).expect("presets are valid");
    let (_, draws) = simulate_with_draws(&scenario, paths);
    let mut run = insight::Insight::new(&scenario, &draws, 0, 1, insight::Settings::default());
    while !run.advance(2_000) {}
    run.voi().map_or(f64::NAN, |v| v.evpi.value)
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
