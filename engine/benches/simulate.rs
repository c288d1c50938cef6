//! Throughput of a full run: the Sandwell preset, 10,000 paths x 60 months x
//! its options (3 under model 3, 2 under model 2). Criterion reports elements
//! (option-path-months) per second, so the models compare per
//! option-path-month; see also `examples/cpu_bench.rs` (CPU time, steadier on
//! a shared machine).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use turnaround_engine::{presets, simulate, simulate_with_paths, validate};

fn bench(c: &mut Criterion) {
    let input = presets::preset(presets::PresetId::Sandwell2012);
    let scenario = validate(&input).expect("preset is valid");
    let months = input.simulation.horizon_months as u64;
    let options = input.options.len() as u64;

    let mut g = c.benchmark_group("simulate");
    g.sample_size(10);
    let paths = input.simulation.paths as u64;
    g.throughput(Throughput::Elements(paths * months * options));
    g.bench_function("sandwell_10000_paths_60_months", |b| {
        b.iter(|| simulate(std::hint::black_box(&scenario)))
    });
    g.throughput(Throughput::Elements(1_000 * months * options));
    g.bench_function("sandwell_preview_1000_paths", |b| {
        b.iter(|| simulate_with_paths(std::hint::black_box(&scenario), 1_000))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
