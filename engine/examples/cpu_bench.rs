//! CPU time per option-path-month of both presets (development aid):
//! `cargo run --release -p turnaround-engine --example cpu_bench -- [runs] [max options] [sandwell|england] [paths]`;
//! CPU time of the thread from /proc/thread-self/schedstat (nanoseconds), less
//! sensitive to other load than wall time; prints the median and the fastest
//! run (the fastest is the steadiest figure on a shared machine).
use turnaround_engine::{presets, simulate, validate};

fn cpu_seconds() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    s.split_whitespace().next().unwrap().parse::<f64>().unwrap() * 1e-9
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
    let only = std::env::args().nth(3).filter(|s| s != "both");
    let paths: Option<u32> = std::env::args().nth(4).map(|s| s.parse().unwrap());
    for (name, id) in [
        ("sandwell", presets::PresetId::Sandwell2012),
        ("england", presets::PresetId::England2024),
    ] {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let mut input = presets::preset(id);
        input.options.truncate(max_options);
        if let Some(p) = paths {
            input.simulation.paths = p;
        }
        let sc = validate(&input).unwrap();
        let elems = input.simulation.paths as f64
            * input.simulation.horizon_months as f64
            * input.options.len() as f64;
        let _ = simulate(&sc);
        let mut cpu: Vec<f64> = Vec::with_capacity(runs);
        let t0 = std::time::Instant::now();
        for _ in 0..runs {
            let c0 = cpu_seconds();
            std::hint::black_box(simulate(std::hint::black_box(&sc)));
            cpu.push(cpu_seconds() - c0);
        }
        let wall = t0.elapsed().as_secs_f64();
        cpu.sort_by(f64::total_cmp);
        let per = |s: f64| s / elems * 1e9;
        let (best, median) = (per(cpu[0]), per(cpu[cpu.len() / 2]));
        println!(
            "{name}, {} options: {median:.1} ns CPU per option-path-month median, {best:.1} fastest ({:.1} M option-path-months/s), {:.1} ns wall mean, {:.0} ms CPU per run",
            input.options.len(),
            1e3 / best,
            wall / runs as f64 / elems * 1e9,
            cpu[cpu.len() / 2] * 1e3
        );
    }
}
