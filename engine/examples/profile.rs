//! Run the default Sandwell scenario a few times (for profiling).
use turnaround_engine::{presets, simulate, validate};

fn main() {
    let sc = validate(&presets::preset(presets::PresetId::Sandwell2012)).unwrap();
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(5);
    let t = std::time::Instant::now();
    let mut x = 0.0;
    for _ in 0..n {
        x += simulate(&sc).options[0].total.quantiles.mean;
    }
    let per = t.elapsed().as_secs_f64() / n as f64;
    println!(
        "{:.1} ms per run, {:.2} M option-path-months/s ({x:.0})",
        per * 1e3,
        1.2 / per
    );
}
