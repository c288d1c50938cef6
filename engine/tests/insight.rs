//! Decision insight (issue 10): tornado, break-even and value of information.

use turnaround_engine::insight::{self, Insight, Settings};
use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::{simulate_with_draws, validate, Range, Route, Scenario, ScenarioInput};

/// Two recruit options alike in everything but an own improvement team with
/// no effect: option 0's team works 36 months at an uncertain monthly cost
/// (10k / 20k / 40k), option 1's works 24 months at a fixed 30k. With pay
/// inflation fixed at 0 the teams cost exactly their monthly cost, so on every
/// path total(0) - total(1) = 36 v - 24 x 30,000, and the options break even
/// at v = 720,000 / 36 = 20,000 a month.
fn own_team_pair() -> Scenario {
    let mut s: ScenarioInput = preset(PresetId::Sandwell2012);
    let mut recruit = s.options[0].clone();
    assert_eq!(recruit.route, Route::Recruit);
    recruit.own_team.effect = Range::fixed(0.0);
    recruit.own_team.start_month = 1;
    let mut a = recruit.clone();
    a.name = "Team A".into();
    a.own_team.length_months = 36;
    a.own_team.monthly_cost = Range::new(10_000.0, 20_000.0, 40_000.0);
    let mut b = recruit;
    b.name = "Team B".into();
    b.own_team.length_months = 24;
    b.own_team.monthly_cost = Range::fixed(30_000.0);
    s.options = vec![a, b];
    s.context.workforce.pay_inflation = Range::fixed(0.0);
    s.context.finance.baseline_option = 0;
    s.simulation.paths = 4_000;
    validate(&s).expect("valid")
}

fn fine() -> Settings {
    Settings {
        paths: 400,
        tolerance: 1.0 / 4096.0,
        ..Settings::default()
    }
}

#[test]
fn the_only_input_that_differs_ranks_first_and_breaks_even_where_computed_by_hand() {
    let scenario = own_team_pair();
    let (_, draws) = simulate_with_draws(&scenario, 4_000);
    let report = insight::analyse(&scenario, &draws, 0, 1, fine());
    let rows = &report.tornado.rows;
    assert_eq!(rows[0].input.name, "options[0].own_team.monthly_cost");
    assert_eq!(rows[0].input.fields.len(), 1);
    // 36 x (40k - 10k) = 1.08m.
    assert!(
        (rows[0].swing - 1_080_000.0).abs() < 1.0,
        "{}",
        rows[0].swing
    );
    assert_eq!(rows[0].low.p_a_cheaper, 1.0);
    assert_eq!(rows[0].high.p_a_cheaper, 0.0);
    for r in &rows[1..] {
        assert!(r.swing < 1.0, "{} swings {}", r.input.name, r.swing);
    }
    // Shared per-option inputs are pinned in both options at once.
    assert!(rows
        .iter()
        .any(|r| r.input.name == "options[0].leadership.interim_day_rate"
            && r.input.fields.len() == 2));

    let be = &report.break_evens[0];
    assert_eq!(be.input.name, "options[0].own_team.monthly_cost");
    for c in [be.p_crossing, be.median_crossing, be.mean_crossing] {
        let c = c.expect("crosses");
        assert!((c.value - 20_000.0).abs() < 30.0, "{c:?}");
        assert!(c.a_cheaper_below);
    }
    // The other inputs cannot change the answer: none within the allowed range.
    assert!(report.break_evens[1].p_crossing.is_none());
    assert!(be
        .curve
        .windows(2)
        .all(|w| w[0].p_a_cheaper >= w[1].p_a_cheaper));
}

#[test]
fn evppi_is_evpi_for_the_deciding_input_and_zero_for_the_rest() {
    let scenario = own_team_pair();
    let (_, draws) = simulate_with_draws(&scenario, 4_000);
    let report = insight::analyse(&scenario, &draws, 0, 1, fine());
    let voi = &report.voi;
    assert!(voi.evpi.value > 10_000.0, "{:?}", voi.evpi);
    let top = &voi.rows[0];
    assert_eq!(top.input.name, "options[0].own_team.monthly_cost");
    let rel = (top.evppi.value - voi.evpi.value).abs() / voi.evpi.value;
    assert!(rel < 0.02, "EVPPI {:?} vs EVPI {:?}", top.evppi, voi.evpi);
    assert!(top.evppi.mcse > 0.0 && top.evppi.mcse < 0.1 * top.evppi.value);
    for r in &voi.rows[1..] {
        assert!(
            r.evppi.value < 1e-6 * voi.evpi.value,
            "{} {:?}",
            r.input.name,
            r.evppi
        );
    }
    // Campaign length and fee are drawn per campaign: no EVPPI, said so.
    assert!(voi
        .not_per_path
        .iter()
        .any(|i| i.name == "options[0].leadership.campaign_months"));
}

#[test]
fn same_inputs_give_the_same_bits_and_any_slicing_gives_the_same_report() {
    let scenario = validate(&preset(PresetId::England2024)).unwrap();
    let (_, draws) = simulate_with_draws(&scenario, 300);
    let settings = turnaround_engine::golden::insight_settings();
    let whole = insight::analyse(&scenario, &draws, 0, 1, settings);
    assert_eq!(whole, insight::analyse(&scenario, &draws, 0, 1, settings));
    for budget in [1u64, 7, 250] {
        let mut run = Insight::new(&scenario, &draws, 0, 1, settings);
        let mut last = 0.0;
        let mut steps = 0;
        while !run.advance(budget) {
            let p = run.progress();
            assert!((last..=1.0).contains(&p), "progress {last} -> {p}");
            last = p;
            steps += 1;
        }
        assert!(steps > 1);
        assert_eq!(run.finish(), whole, "budget {budget}");
    }
    // A pair in the other order mirrors the answer.
    let flipped = insight::analyse(&scenario, &draws, 1, 0, settings);
    let (x, y) = (flipped.voi.evpi.value, whole.voi.evpi.value);
    assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0), "{x} vs {y}");
}

#[test]
fn a_user_picked_number_field_breaks_even_within_its_span() {
    // The contract value: dearer contracts make recruiting cheaper.
    let scenario = validate(&preset(PresetId::Sandwell2012)).unwrap();
    let field = turnaround_engine::Field::of_option(turnaround_engine::FieldId::ContractValue, 1);
    let target = insight::Input::for_field(scenario.input(), 0, 1, field).unwrap();
    assert_eq!(
        target.fields.len(),
        1,
        "only the in-source option has a contract"
    );
    let settings = Settings {
        paths: 300,
        ..Settings::default()
    };
    let be =
        insight::BreakEvenRun::new(&scenario, 0, 1, target, Some((0.0, 20_000_000.0)), settings)
            .finish();
    assert_eq!(be.curve.len(), 9);
    assert!(be.curve.first().unwrap().p_a_cheaper < be.curve.last().unwrap().p_a_cheaper);
    let c = be
        .p_crossing
        .expect("a contract value where recruiting wins");
    assert!(
        !c.a_cheaper_below,
        "recruiting is cheaper above the crossing"
    );
    assert!(c.value > 0.0 && c.value < 20_000_000.0);
}

/// The pinned fingerprint of a small analysis: the same bits in a release
/// or debug build here, and in Chromium (tests/browser.rs).
#[test]
fn the_golden_insight_fingerprint_holds() {
    assert_eq!(
        turnaround_engine::golden::insight_fingerprint(),
        turnaround_engine::golden::INSIGHT_FINGERPRINT
    );
}

#[test]
fn rerun_draws_kept_from_another_scenario_give_the_same_report() {
    let settings = turnaround_engine::golden::insight_settings();
    let finish = |scenario: &Scenario, previous| {
        let (_, draws) = simulate_with_draws(scenario, 300);
        let mut run = Insight::new_reusing(scenario, &draws, 0, 1, settings, previous);
        while !run.advance(500) {}
        let kept = run.rerun_draws();
        (run.finish(), kept)
    };
    let first = validate(&preset(PresetId::England2024)).unwrap();
    let (_, kept) = finish(&first, None);
    // Another value of a context input: the same seed and horizon, so the
    // kept draws fit, and the report is the one drawn afresh.
    let mut input = first.input().clone();
    input.context.placements.children_start += 25.0;
    let second = validate(&input).unwrap();
    assert_eq!(
        finish(&second, Some(kept.clone())).0,
        finish(&second, None).0
    );
    // Another seed: the kept draws do not fit and are drawn again.
    input.simulation.seed += 1;
    let third = validate(&input).unwrap();
    assert_eq!(finish(&third, Some(kept)).0, finish(&third, None).0);
}
