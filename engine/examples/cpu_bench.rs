//! CPU time per option-path-month of both presets (development aid):
//! `cargo run --release -p turnaround-engine --example cpu_bench -- [runs] [max options] [sandwell|england]`;
//! process CPU time from /proc/self/stat, less sensitive to other load than wall time.
use turnaround_engine::{presets, simulate, validate};

fn cpu_seconds() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let rest = &s[s.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(20);
    let max_options: usize = std::env::args()
        .nth(2)
        .map(|s| s.parse().unwrap())
        .unwrap_or(4);
    let only = std::env::args().nth(3);
    for (name, id) in [
        ("sandwell", presets::PresetId::Sandwell2012),
        ("england", presets::PresetId::England2024),
    ] {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let mut input = presets::preset(id);
        input.options.truncate(max_options);
        let sc = validate(&input).unwrap();
        let elems = input.simulation.paths as f64
            * input.simulation.horizon_months as f64
            * input.options.len() as f64;
        let _ = simulate(&sc);
        let c0 = cpu_seconds();
        let t0 = std::time::Instant::now();
        for _ in 0..runs {
            std::hint::black_box(simulate(std::hint::black_box(&sc)));
        }
        let cpu = cpu_seconds() - c0;
        let wall = t0.elapsed().as_secs_f64();
        let ns = cpu / runs as f64 / elems * 1e9;
        println!(
            "{name}, {} options: {ns:.1} ns CPU per option-path-month ({:.1} ns wall), {:.1} M option-path-months/s CPU, {:.0} ms CPU per run",
            input.options.len(),
            wall / runs as f64 / elems * 1e9,
            1e3 / ns,
            cpu / runs as f64 * 1e3
        );
    }
}
