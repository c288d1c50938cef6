//! An incremental run gives exactly the one-shot numbers, whatever the chunks.

use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::{simulate_with_paths, validate, Run};

#[test]
fn chunked_runs_equal_one_shot_runs() {
    for id in PresetId::ALL {
        let scenario = validate(&preset(id)).unwrap();
        let whole = simulate_with_paths(&scenario, 250);
        for chunk in [1, 5, 12, 59, 60, 1000] {
            let mut run = Run::new(&scenario, 250);
            assert_eq!(run.months_done(), 0);
            let mut calls = 0;
            while !run.advance(chunk) {
                calls += 1;
                assert!(run.months_done() < run.horizon_months());
            }
            assert_eq!(run.months_done(), 60);
            assert!(calls <= 60);
            assert_eq!(run.finish(), whole, "{} chunk {chunk}", id.label());
        }
        // Finishing early simulates the rest.
        let mut run = Run::new(&scenario, 250);
        run.advance(3);
        assert_eq!(run.finish(), whole);
    }
}
