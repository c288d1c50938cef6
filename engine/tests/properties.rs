//! Property tests over random scenarios (small runs so the suite stays fast).

mod common;

use proptest::prelude::*;
use turnaround_engine::{simulate, validate, Range, Results, Route, ScenarioInput};

fn route(i: u8) -> Route {
    match i % 3 {
        0 => Route::Recruit,
        1 => Route::InSource,
        _ => Route::InterimChain,
    }
}

fn range(lo: f64, spread_lo: f64, spread_hi: f64) -> Range {
    Range::new(
        lo,
        lo * (1.0 + spread_lo),
        lo * (1.0 + spread_lo + spread_hi),
    )
}

prop_compose! {
    fn scenario()(
        seed in 0u64..=4_294_967_295,
        horizon in 12u32..=36,
        routes in (0u8..3, 0u8..3),
        tenure in 6.0f64..60.0,
        shape in 0.5f64..3.0,
        success in 0.01f64..=1.0,
        couplings in (0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=1.0),
        growth in -0.05f64..0.1,
        spread in (0.0f64..0.3, 0.0f64..0.3),
        early_exit in 0.0f64..=1.0,
        failure in 0.0f64..=1.0,
        team in -1.0f64..2.0,
        length in 1u32..40,
        // Model 3: (programme strength, own team effect, own team cost, own team start, own team length)
        own in (-1.0f64..2.0, -1.0f64..2.0, 0.0f64..50_000.0, 0u32..30, 0u32..40),
        // (demand coupling, change turnover, mix decay, SEN return, age out, fill variability)
        worse in (0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=5.0, 0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=2.0),
        // (variation probability, variation share, extends, budget uprating, team travel training)
        contract in (0.0f64..=1.0, 0.0f64..=2.0, any::<bool>(), -0.1f64..0.2, 0.0f64..2.0),
    ) -> ScenarioInput {
        let mut s = common::small(100, horizon);
        s.simulation.seed = seed;
        let st = &mut s.context.stability;
        st.churn_coupling = Range::fixed(couplings.0);
        st.recruitment_coupling = Range::fixed(couplings.1);
        st.placement_coupling = Range::fixed(couplings.2);
        st.sen_coupling = Range::fixed(couplings.3);
        s.context.placements.net_growth = Range::new(growth - 0.01, growth, growth + 0.02);
        s.context.workforce.agency_premium_per_fte = range(10_000.0, spread.0, spread.1);
        s.context.stability.demand_coupling = Range::new(0.0, worse.0 / 2.0, worse.0);
        s.context.workforce.change_turnover = Range::new(0.0, worse.1 / 2.0, worse.1);
        s.context.workforce.fill_variability = worse.5;
        s.context.placements.mix_decay = Range::new(0.0, worse.2 / 2.0, worse.2);
        s.context.sen.return_rate = Range::new(0.0, worse.3 / 2.0, worse.3);
        s.context.sen.age_out_rate = worse.4;
        s.context.finance.budget_uprating = contract.3;
        for (i, o) in s.options.iter_mut().enumerate() {
            o.route = route(if i == 0 { routes.0 } else { routes.1 });
            o.leadership.permanent_mean_tenure_months = range(tenure, spread.0, spread.1);
            o.leadership.tenure_shape = shape;
            o.leadership.campaign_success = Range::fixed(success);
            o.contract.partner_early_exit = Range::fixed(early_exit);
            o.contract.procurement_failure = Range::fixed(failure);
            o.contract.team_strength = Range::new(team.min(0.0), team, team.max(0.0) + 0.5);
            o.contract.length_months = length;
            o.contract.variation_probability = Range::new(0.0, contract.0 / 2.0, contract.0);
            o.contract.variation_share = Range::new(0.0, contract.1 / 2.0, contract.1);
            o.contract.variation_extends = contract.2;
            o.programmes.recruitment = Range::new(own.0.min(0.0), own.0, own.0.max(0.0) + 0.5);
            o.programmes.mix_shift = Range::new(own.0.min(0.0), own.0, own.0.max(0.0) + 0.5);
            o.programmes.team_travel_training = contract.4;
            o.own_team.effect = Range::new(own.1.min(0.0), own.1, own.1.max(0.0) + 0.5);
            o.own_team.monthly_cost = Range::new(0.0, own.2, own.2 * 1.5);
            o.own_team.start_month = own.3;
            o.own_team.length_months = own.4;
        }
        s
    }
}

fn run(s: &ScenarioInput) -> Results {
    simulate(&validate(s).expect("generated scenarios are valid"))
}

fn all_quantiles(r: &Results) -> Vec<turnaround_engine::Quantiles> {
    let mut v = Vec::new();
    for o in &r.options {
        for c in &o.monthly_by_category {
            v.extend_from_slice(c);
        }
        v.extend_from_slice(&o.monthly_total);
        v.extend_from_slice(&o.cumulative_total);
        v.extend_from_slice(&o.agency_share);
        v.extend_from_slice(&o.stability);
        v.push(o.total.quantiles);
        v.push(o.npv.quantiles);
        v.push(o.overspend.quantiles);
        v.push(o.route_cost.quantiles);
        v.push(o.service_spend.quantiles);
        v.push(o.vs_baseline.quantiles);
        v.push(o.paid_to_partner.quantiles);
        v.push(o.children_end.quantiles);
        v.extend(o.total_by_category.iter().map(|s| s.quantiles));
        v.extend(o.annual_overspend.iter().map(|s| s.quantiles));
    }
    for p in &r.pairs {
        v.push(p.difference.quantiles);
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn finite_monotone_and_non_negative(s in scenario()) {
        let r = run(&s);
        for q in all_quantiles(&r) {
            let l = q.levels();
            prop_assert!(l.iter().chain([&q.mean]).all(|x| x.is_finite()), "{q:?}");
            prop_assert!(l.windows(2).all(|w| w[0] <= w[1]), "{q:?}");
        }
        for o in &r.options {
            for c in &o.monthly_by_category {
                prop_assert!(c.iter().all(|q| q.p5 >= 0.0));
            }
            let cumulative_monotone = o.cumulative_total.windows(2).all(|w| {
                w[1].levels().iter().zip(w[0].levels()).all(|(b, a)| *b >= a) && w[1].mean >= w[0].mean
            });
            prop_assert!(cumulative_monotone, "cumulative spend fell");
            for s in o.agency_share.iter().chain(&o.stability) {
                prop_assert!(s.p5 >= 0.0 && s.p95 <= 1.0);
            }
            prop_assert!(o.leadership_changes.mean >= 0.0);
            prop_assert!((0.0..=1.0).contains(&o.p_stable_24.mean));
            prop_assert!((0.0..=1.0).contains(&o.stable_share.mean));
            prop_assert!(o.leadership_changes.mcse.is_finite());
            for q in [&o.route_cost, &o.service_spend, &o.paid_to_partner, &o.children_end] {
                prop_assert!(q.quantiles.p5 >= 0.0, "negative where it cannot be: {q:?}");
            }
            prop_assert!((0.0..=1.0).contains(&o.p_paid_above_value.mean));
            prop_assert!((0.0..=1.0).contains(&o.contract_let.mean));
        }
        for p in &r.pairs {
            prop_assert!(p.p_a_cheaper.mean + p.p_b_cheaper.mean <= 1.0 + 1e-12);
            if let (Some(a), Some(b)) = (p.p_a_cheaper_if_let, p.p_b_cheaper_if_let) {
                prop_assert!(a.mean + b.mean <= 1.0 + 1e-12);
                prop_assert!(p.paths_let > 0 && p.paths_let <= r.paths);
            }
            prop_assert_eq!(p.difference_histogram.counts.iter().sum::<u32>(), r.paths);
        }
    }

    #[test]
    fn identical_options_have_exactly_zero_difference(s in scenario()) {
        let mut s = s;
        s.options[1] = s.options[0].clone();
        s.options[1].name = "Copy".into();
        let r = run(&s);
        let p = &r.pairs[0];
        prop_assert_eq!(p.difference.quantiles.p5, 0.0);
        prop_assert_eq!(p.difference.quantiles.p95, 0.0);
        prop_assert_eq!(p.difference.quantiles.mean, 0.0);
        prop_assert_eq!(p.leadership_changes_difference.mean, 0.0);
        prop_assert_eq!(p.p_a_cheaper.mean, 0.0);
        prop_assert_eq!(p.break_even_month, None);
        prop_assert_eq!(&r.options[0].total, &r.options[1].total);
    }

    #[test]
    fn raising_a_unit_cost_never_lowers_expected_spend(s in scenario(), factor in 1.0f64..2.0, which in 0usize..5) {
        let base = run(&s);
        let mut up = s.clone();
        let scale = |r: &mut Range| { r.low *= factor; r.likely *= factor; r.high *= factor; };
        match which {
            0 => scale(&mut up.context.workforce.agency_premium_per_fte),
            1 => scale(&mut up.context.placements.weekly_cost[3]),
            2 => scale(&mut up.context.sen.cost_per_pupil),
            3 => for o in up.options.iter_mut() { scale(&mut o.leadership.interim_day_rate) },
            _ => for o in up.options.iter_mut() { scale(&mut o.leadership.campaign_fee) },
        }
        let higher = run(&up);
        for (a, b) in base.options.iter().zip(&higher.options) {
            prop_assert!(b.total.quantiles.mean >= a.total.quantiles.mean * (1.0 - 1e-12),
                "{} -> {}", a.total.quantiles.mean, b.total.quantiles.mean);
        }
    }
}
