//! Size of a whole run's partial (what a worker sends) and time to merge
//! slices (development aid):
//! `cargo run --release -p turnaround-engine --example partial_size`.
use turnaround_engine::{merge, presets, validate, Run};

fn main() {
    for id in presets::PresetId::ALL {
        let sc = validate(&presets::preset(id)).unwrap();
        let total = sc.input().simulation.paths;
        let p = Run::new_slice(&sc, total, 0..total).finish_partial();
        let bytes = p.finals.len() * 8
            + p.counts.len() * 4
            + p.year_overspend.len() * 8
            + p.seats.len() * 4
            + p.sums.len() * 4
            + p.extremes.len() * 8
            + p.bin_offsets.len() * 4
            + p.bin_keys.len() * 4
            + p.bin_counts.len() * 4;
        let parts: Vec<_> = [0..total / 2, total / 2..total]
            .into_iter()
            .map(|r| Run::new_slice(&sc, total, r).finish_partial())
            .collect();
        let t = std::time::Instant::now();
        let r = merge(&sc, parts).unwrap();
        println!(
            "{}: partial of {total} paths {:.2} MB ({} bins), merging two halves {:.1} ms",
            id.label(),
            bytes as f64 / 1e6,
            p.bin_keys.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
        std::hint::black_box(r);
    }
}
