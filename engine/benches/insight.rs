//! Time of the decision insight (tornado, three break-evens, EVPPI) for the
//! Sandwell preset's first pair, after a 10,000-path main run with draws.

use criterion::{criterion_group, criterion_main, Criterion};
use turnaround_engine::{insight, presets, simulate_with_draws, validate};

fn bench(c: &mut Criterion) {
    let scenario = validate(&presets::preset(presets::PresetId::Sandwell2012)).expect("preset");
    let (_, draws) = simulate_with_draws(&scenario, scenario.input().simulation.paths);
    let mut g = c.benchmark_group("insight");
    g.sample_size(10);
    g.bench_function("sandwell_pair_0_1_default_settings", |b| {
        b.iter(|| {
            insight::analyse(
                std::hint::black_box(&scenario),
                &draws,
                0,
                1,
                insight::Settings::default(),
            )
        })
    });
    g.bench_function("sandwell_evppi_only", |b| {
        let settings = insight::Settings {
            paths: 1,
            top: 0,
            ..insight::Settings::default()
        };
        b.iter(|| insight::analyse(std::hint::black_box(&scenario), &draws, 0, 1, settings))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
