//! The engine's native rate on the page's preview (1,000 paths, both
//! presets), to compare with the rate in the browser's worker that
//! `node tests/bench/page-bench.mjs` prints (the issue's "engine in Chromium
//! at least 0.8 x native"). Fastest of `runs` (default 30), wall time, one
//! thread: `cargo run --release --example engine_rate [runs]`.
use turnaround_engine::{presets, simulate_with_paths, validate};

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    for id in [
        presets::PresetId::Sandwell2012,
        presets::PresetId::England2024,
    ] {
        let input = presets::preset(id);
        let scenario = validate(&input).expect("presets are valid");
        let paths = 1_000;
        let elems =
            paths as f64 * input.simulation.horizon_months as f64 * input.options.len() as f64;
        let mut best = f64::INFINITY;
        for _ in 0..runs {
            let t = std::time::Instant::now();
            std::hint::black_box(simulate_with_paths(std::hint::black_box(&scenario), paths));
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{}, {} options, {paths} paths: fastest {:.1} ms, {:.1} M option-path-months/s",
            id.id(),
            input.options.len(),
            best * 1e3,
            elems / best / 1e6
        );
    }
}
