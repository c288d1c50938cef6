//! Model 3: bad outcomes are representable on both presets (MODEL.md section
//! 10), teams act only where specified, per-path draws are kept, and
//! model-2 scenarios still load.

mod common;

use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::{
    simulate, simulate_with_draws, simulate_with_paths, validate, Category, Range, Route, Run,
    ScenarioInput,
};

const PATHS: u32 = 2_000;

fn with_interim_chain(mut s: ScenarioInput) -> ScenarioInput {
    let mut chain = s.options[0].clone();
    chain.route = Route::InterimChain;
    chain.name = "Interim chain".into();
    s.options.push(chain);
    s
}

#[test]
fn in_sourcing_can_be_dearer_even_when_the_contract_is_let() {
    for id in PresetId::ALL {
        let r = simulate_with_paths(&validate(&preset(id)).unwrap(), PATHS);
        let pair = r.pairs.iter().find(|p| (p.a, p.b) == (0, 1)).unwrap();
        let recruit_cheaper_if_let = pair.p_a_cheaper_if_let.unwrap().mean;
        println!(
            "{}: P(in-source cheaper) {:.3}, given let {:.3}; P(recruit cheaper | let) {:.3}",
            id.label(),
            pair.p_b_cheaper.mean,
            pair.p_b_cheaper_if_let.unwrap().mean,
            recruit_cheaper_if_let
        );
        assert!(recruit_cheaper_if_let > 0.0, "{}", id.label());
        assert!(pair.paths_let > 0 && pair.paths_let < r.paths);
    }
}

#[test]
fn payments_to_the_partner_can_exceed_the_contract_value() {
    for id in PresetId::ALL {
        let input = preset(id);
        let r = simulate_with_paths(&validate(&input).unwrap(), PATHS);
        let ins = &r.options[1];
        println!(
            "{}: paid to partner P50 {:.0} P90 {:.0}; P(> value) {:.3}",
            id.label(),
            ins.paid_to_partner.quantiles.p50,
            ins.paid_to_partner.quantiles.p90,
            ins.p_paid_above_value.mean
        );
        assert!(ins.p_paid_above_value.mean > 0.0, "{}", id.label());
        assert!(ins.paid_to_partner.quantiles.p95 > input.options[1].contract.value);
    }
}

#[test]
fn agency_share_can_rise_above_its_start_within_18_months_on_every_route() {
    for id in PresetId::ALL {
        let input = with_interim_chain(preset(id));
        let start = input.context.workforce.start_agency_share;
        let r = simulate_with_paths(&validate(&input).unwrap(), PATHS);
        for o in &r.options {
            let peak = o.agency_share[..18]
                .iter()
                .map(|q| q.p95)
                .fold(f64::MIN, f64::max);
            println!(
                "{} {}: P95 agency share peak {peak:.3} (start {start})",
                id.label(),
                o.name
            );
            assert!(peak > start, "{} {}", id.label(), o.name);
        }
    }
}

#[test]
fn children_looked_after_can_grow_by_half_in_five_years_in_sandwell() {
    let input = preset(PresetId::Sandwell2012);
    assert_eq!(input.simulation.horizon_months, 60);
    let start = input.context.placements.children_start;
    let (_, draws) = simulate_with_draws(&validate(&input).unwrap(), PATHS);
    for o in 0..input.options.len() {
        let end = draws
            .outcome(&format!("options[{o}].children_end"))
            .unwrap();
        let n = end.iter().filter(|&&c| f64::from(c) > 1.5 * start).count();
        println!("option {o}: {n} of {PATHS} futures grow by more than half");
        assert!(n > 0);
    }
}

#[test]
fn a_team_changes_travel_training_only_through_its_explicit_setting() {
    let sen = |team_travel: f64, team: f64| {
        let mut s = common::small(300, 48);
        s.options.truncate(2);
        for o in s.options.iter_mut() {
            o.route = Route::InSource;
            o.contract.procurement_failure = Range::fixed(0.0);
            o.programmes.team_travel_training = team_travel;
        }
        s.options[1].contract.team_strength = Range::fixed(team);
        s.options[0].contract.team_strength = Range::fixed(0.0);
        let r = simulate(&validate(&s).unwrap());
        let k = Category::SenTransport.index();
        (
            r.options[0].total_by_category[k],
            r.options[1].total_by_category[k],
        )
    };
    // Default 0: a strong partner team leaves SEN transport exactly alone.
    let (a, b) = sen(0.0, 3.0);
    assert_eq!(a, b);
    // The own team likewise.
    let mut s = common::small(300, 48);
    s.options.truncate(1);
    let mut with_team = s.options[0].clone();
    with_team.own_team.length_months = 48;
    with_team.own_team.effect = Range::fixed(3.0);
    s.options.push(with_team);
    let r = simulate(&validate(&s).unwrap());
    let k = Category::SenTransport.index();
    assert_eq!(
        r.options[0].total_by_category[k],
        r.options[1].total_by_category[k]
    );
    // An explicit setting above 0 trains more pupils while a team runs, on
    // both options alike (it does not depend on the team's effect).
    let (a1, b1) = sen(0.5, 3.0);
    assert_eq!(a1, b1);
    assert!(a1.quantiles.mean < a.quantiles.mean);
}

#[test]
fn the_equal_spend_team_costs_what_the_contract_costs_beyond_a_director() {
    for id in PresetId::ALL {
        let s = preset(id);
        let own = &s.options[2];
        assert_eq!(own.route, Route::Recruit);
        let c = &s.options[1].contract;
        let director = s.options[1].leadership.permanent_cost_per_year.likely;
        let m = c.length_months as f64;
        let expect = (c.value - director * m / 12.0) / m;
        assert!((own.own_team.monthly_cost.likely - expect).abs() <= 50.0);
        assert_eq!(own.own_team.length_months, c.length_months);
        assert!(own.own_team.effect.low < 0.0 && c.team_strength.low < 0.0);
    }
}

#[test]
fn ranges_cover_every_input_that_separates_the_options() {
    for id in PresetId::ALL {
        let s = preset(id);
        let c = &s.options[1].contract;
        let st = &s.context.stability;
        for (name, r) in [
            ("team_strength", c.team_strength),
            ("partner_early_exit", c.partner_early_exit),
            ("partner_replacement_months", c.partner_replacement_months),
            ("handover_probability", c.handover_probability),
            ("procurement_failure", c.procurement_failure),
            ("procurement_months", c.procurement_months),
            ("campaign_success", s.options[0].leadership.campaign_success),
            ("recruitment", s.options[0].programmes.recruitment),
            ("mix_shift", s.options[0].programmes.mix_shift),
            ("travel_training", s.options[0].programmes.travel_training),
            ("shock", st.shock),
            ("churn_coupling", st.churn_coupling),
            ("recruitment_coupling", st.recruitment_coupling),
            ("placement_coupling", st.placement_coupling),
            ("sen_coupling", st.sen_coupling),
        ] {
            assert!(r.low < r.high, "{} {name} is fixed", id.label());
        }
        assert!(s.context.stability.demand_coupling.low == 0.0);
        assert!(s.context.workforce.change_turnover.low == 0.0);
    }
    let sandwell = preset(PresetId::Sandwell2012);
    assert!(sandwell.context.placements.net_growth.high >= 0.12);
}

#[test]
fn path_draws_are_kept_compactly_and_match_the_results() {
    let s = validate(&common::small(300, 24)).unwrap();
    let (r, d) = simulate_with_draws(&s, 300);
    assert_eq!(r, simulate_with_paths(&s, 300));
    let input = s.input();
    for c in d.inputs.iter().chain(&d.outcomes) {
        assert_eq!(c.values.len(), 300, "{}", c.name);
        assert!(c.values.iter().all(|v| v.is_finite()), "{}", c.name);
    }
    // Draws lie in their ranges, and a paired difference is a - b.
    let team = d.input("options[1].contract.team_strength").unwrap();
    let range = input.options[1].contract.team_strength;
    assert!(team
        .iter()
        .all(|&v| (range.low as f32..=range.high as f32).contains(&v)));
    assert!(d.input("context.placements.net_growth").is_some());
    assert!(d.input("options[2].own_team.effect").is_some());
    assert!(
        d.input("options[0].contract.team_strength").is_none(),
        "recruit has no contract"
    );
    let (a, b) = (
        d.outcome("options[0].total").unwrap(),
        d.outcome("options[1].total").unwrap(),
    );
    let diff = d.outcome("pairs[0,1].difference").unwrap();
    for i in 0..300 {
        let want = f64::from(a[i]) - f64::from(b[i]);
        assert!((f64::from(diff[i]) - want).abs() <= 1e-6 * f64::from(a[i]).abs());
    }
    // Without keep_draws, inputs are empty but outcomes are there.
    let (_, d2) = Run::new(&s, 300).finish_with_draws();
    assert!(d2.inputs.is_empty() && !d2.outcomes.is_empty());
}

#[test]
fn model_2_scenarios_still_load() {
    // A model-2 scenario: single numbers where model 3 has ranges, and none
    // of model 3's fields.
    let mut v = serde_json::to_value(preset(PresetId::Sandwell2012)).unwrap();
    let cx = v["context"].as_object_mut().unwrap();
    cx["stability"]["shock"] = serde_json::json!(0.15);
    cx["stability"]
        .as_object_mut()
        .unwrap()
        .remove("demand_coupling");
    for k in ["fill_variability", "change_turnover", "disruption_months"] {
        cx["workforce"].as_object_mut().unwrap().remove(k);
    }
    cx["placements"]
        .as_object_mut()
        .unwrap()
        .remove("mix_decay");
    cx["sen"].as_object_mut().unwrap().remove("return_rate");
    cx["sen"].as_object_mut().unwrap().remove("age_out_rate");
    cx["finance"]
        .as_object_mut()
        .unwrap()
        .remove("budget_uprating");
    cx["finance"]
        .as_object_mut()
        .unwrap()
        .remove("baseline_option");
    for o in v["options"].as_array_mut().unwrap() {
        let o = o.as_object_mut().unwrap();
        o.remove("own_team");
        o["contract"]["team_strength"] = serde_json::json!(0.5);
        o["leadership"]["campaign_success"] = serde_json::json!(0.7);
        o["programmes"]["recruitment"] = serde_json::json!(0.25);
        let c = o["contract"].as_object_mut().unwrap();
        for k in [
            "procurement_cost",
            "management_per_month",
            "variation_probability",
            "variation_share",
            "variation_extends",
            "arrival_turnover",
        ] {
            c.remove(k);
        }
        o["programmes"]
            .as_object_mut()
            .unwrap()
            .remove("team_travel_training");
    }
    let s: ScenarioInput = serde_json::from_value(v).expect("model-2 JSON parses");
    validate(&s).expect("and validates");
    assert_eq!(s.options[0].contract.team_strength, Range::fixed(0.5));
    assert_eq!(
        s.options[0].contract.variation_probability,
        Range::fixed(0.0)
    );
    assert_eq!(s.options[0].own_team.length_months, 0);
    assert_eq!(s.context.finance.budget_uprating, 0.0);
    assert_eq!(s.options[0].programmes.team_travel_training, 0.0);
}

#[test]
fn an_extension_pays_more_and_keeps_the_partner_longer() {
    let base = {
        let mut s = common::small(300, 60);
        s.options.truncate(2);
        let c = &mut s.options[1].contract;
        c.procurement_failure = Range::fixed(0.0);
        c.variation_probability = Range::fixed(0.0);
        c.procurement_months = Range::fixed(3.0);
        c.partner_early_exit = Range::fixed(0.0);
        // Targets always met, so the at-risk share is always paid.
        c.agency_share_target = 1.0;
        c.mix_shift_target = 0.0;
        s
    };
    let mut ext = base.clone();
    ext.options[1].contract.variation_probability = Range::fixed(1.0);
    ext.options[1].contract.variation_share = Range::fixed(0.2);
    let (r0, r1) = (
        simulate(&validate(&base).unwrap()),
        simulate(&validate(&ext).unwrap()),
    );
    let value = base.options[1].contract.value;
    assert_eq!(r1.options[1].p_paid_above_value.mean, 1.0);
    assert!((r1.options[1].paid_to_partner.quantiles.p5 - 1.2 * value).abs() < 1e-6 * value);
    // Partner still in the seat after the original 30 months (3 + 30 + 1).
    assert_eq!(r0.options[1].seat_probability[34][1], 0.0);
    assert_eq!(r1.options[1].seat_probability[34][1], 1.0);
    // A one-off variation pays the extra without extending.
    let mut lump = ext.clone();
    lump.options[1].contract.variation_extends = false;
    let r2 = simulate(&validate(&lump).unwrap());
    assert_eq!(r2.options[1].seat_probability[34][1], 0.0);
    assert_eq!(r2.options[1].p_paid_above_value.mean, 1.0);
}
