//! Slices of the paths run apart and merged give exactly the whole run's
//! results, bit for bit, whatever the split (the page's worker pool relies on
//! this).

use proptest::prelude::*;
use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::{
    merge, merge_with_draws, simulate_with_draws, simulate_with_paths, validate, MergeError,
    Partial, Run, Scenario,
};

fn scenario(which: usize, horizon: u32, seed: u64) -> Scenario {
    let mut s = preset(PresetId::ALL[which % PresetId::ALL.len()]);
    s.simulation.horizon_months = horizon;
    s.simulation.seed = seed;
    validate(&s).unwrap()
}

fn slices(scenario: &Scenario, total: u32, cuts: &[u32]) -> Vec<Partial> {
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(total);
    bounds
        .windows(2)
        .map(|w| Run::new_slice(scenario, total, w[0]..w[1]).finish_partial())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_split_merges_to_the_whole_run_bit_for_bit(
        which in 0usize..2,
        horizon in prop::sample::select(vec![13u32, 24, 37]),
        seed in 0u64..1_000,
        total in 1u32..300,
        raw_cuts in prop::collection::vec(0.0f64..=1.0, 0..=3),
        rotate in 0usize..4,
        through_json in any::<bool>(),
    ) {
        let scenario = scenario(which, horizon, seed);
        let mut cuts: Vec<u32> = raw_cuts.iter().map(|c| (c * total as f64) as u32).collect();
        cuts.sort_unstable();
        let mut parts = slices(&scenario, total, &cuts);
        // Any order.
        let k = parts.len();
        parts.rotate_left(rotate % k);
        if through_json {
            parts = parts
                .iter()
                .map(|p| serde_json::from_str(&serde_json::to_string(p).unwrap()).unwrap())
                .collect();
        }
        let merged = merge(&scenario, parts).unwrap();
        let whole = simulate_with_paths(&scenario, total);
        // `==` on the whole results; NaN never occurs, so this is bit equality
        // (checked through Debug, which prints every f64 exactly, as well).
        prop_assert_eq!(format!("{merged:?}"), format!("{whole:?}"));
        prop_assert!(merged == whole);
    }
}

#[test]
fn full_size_split_in_three_and_four_is_exact() {
    for which in 0..2 {
        let scenario = scenario(which, 60, 7);
        let whole = simulate_with_paths(&scenario, 2_000);
        for cuts in [&[667u32, 1334][..], &[1, 999, 1998]] {
            let mut parts = slices(&scenario, 2_000, cuts);
            parts.reverse();
            assert_eq!(merge(&scenario, parts).unwrap(), whole);
        }
    }
}

#[test]
fn merged_draws_equal_the_whole_runs_draws() {
    let scenario = scenario(1, 36, 11);
    let whole = simulate_with_draws(&scenario, 700);
    let parts = slices(&scenario, 700, &[300, 301]);
    assert_eq!(merge_with_draws(&scenario, parts).unwrap(), whole);
}

#[test]
fn gaps_overlaps_and_strangers_are_refused() {
    let s = scenario(0, 24, 1);
    let part = |a: u32, b: u32| Run::new_slice(&s, 100, a..b).finish_partial();
    assert_eq!(merge(&s, vec![]), Err(MergeError::Empty));
    assert_eq!(
        merge(&s, vec![part(0, 40), part(50, 100)]),
        Err(MergeError::Coverage { at: 40 })
    );
    assert_eq!(
        merge(&s, vec![part(0, 60), part(50, 100)]),
        Err(MergeError::Coverage { at: 60 })
    );
    assert_eq!(
        merge(&s, vec![part(0, 60)]),
        Err(MergeError::Coverage { at: 60 })
    );
    let other = scenario(0, 36, 1);
    assert!(matches!(
        merge(&other, vec![part(0, 100)]),
        Err(MergeError::Mismatch(_))
    ));
    let mut broken = part(0, 100);
    broken.bin_counts[0] += 1;
    assert!(matches!(
        merge(&s, vec![broken]),
        Err(MergeError::Mismatch(_))
    ));
    // An empty slice is harmless.
    assert_eq!(
        merge(&s, vec![part(0, 0), part(0, 100), part(100, 100)]).unwrap(),
        simulate_with_paths(&s, 100)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// The page's preview (a whole run of the first paths) merged with a
    /// slice of the rest gives the full run, bit for bit.
    #[test]
    fn a_preview_starts_the_full_run_bit_for_bit(
        which in 0usize..2,
        horizon in prop::sample::select(vec![13u32, 24, 37]),
        seed in 0u64..1_000,
        total in 1u32..300,
        first in 0.0f64..=1.0,
        more in prop::collection::vec(0.0f64..=1.0, 0..=2),
    ) {
        let scenario = scenario(which, horizon, seed);
        let n = ((first * total as f64) as u32).max(1).min(total);
        let preview = Run::new(&scenario, n).finish_partial();
        prop_assert_eq!(
            merge(&scenario, vec![preview.clone()]).unwrap(),
            simulate_with_paths(&scenario, n)
        );
        let mut cuts: Vec<u32> = more.iter().map(|c| n + (c * (total - n) as f64) as u32).collect();
        cuts.sort_unstable();
        let mut parts = slices(&scenario, total, &[&[n][..], &cuts].concat())
            .into_iter()
            .skip(1)
            .collect::<Vec<_>>();
        parts.push(preview.first_of(total).unwrap());
        let merged = merge(&scenario, parts).unwrap();
        prop_assert!(merged == simulate_with_paths(&scenario, total));
    }
}

#[test]
fn only_a_whole_run_starts_a_larger_one() {
    let s = scenario(0, 13, 1);
    let slice = Run::new_slice(&s, 50, 10..50).finish_partial();
    assert!(matches!(slice.first_of(100), Err(MergeError::Mismatch(_))));
    let whole = Run::new(&s, 50).finish_partial();
    assert!(matches!(
        whole.clone().first_of(40),
        Err(MergeError::Mismatch(_))
    ));
    assert_eq!(whole.first_of(50).unwrap().total_paths, 50);
}
