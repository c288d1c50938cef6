//! One test per mechanism.

mod common;

use common::*;
use turnaround_engine::{simulate, validate, Category, Range, Route, SeatState};

const PERMANENT: usize = 0;
const PARTNER: usize = 1;

#[test]
fn near_deterministic_recruit_cycle() {
    let mut s = small(200, 144);
    s.options.truncate(1);
    deterministic_leadership(&mut s, 0, 30.0);
    let r = simulate(&validate(&s).unwrap());
    let o = &r.options[0];
    // Campaign of 6 months, then about 30 months in post, repeat: changes at
    // about 6, 36, 42, 72, 78, 108, 114, 144.
    assert!(
        (o.leadership_changes.mean - 8.0).abs() <= 1.0,
        "changes {}",
        o.leadership_changes.mean
    );
}

#[test]
fn tenure_beyond_horizon_gives_one_appointment() {
    let mut s = small(300, 60);
    s.options.truncate(1);
    let l = &mut s.options[0].leadership;
    l.permanent_mean_tenure_months = Range::fixed(1200.0);
    l.tenure_shape = 10.0;
    l.interim_mean_stay_months = Range::fixed(1200.0);
    l.campaign_success = Range::fixed(1.0);
    l.campaign_months = Range::fixed(6.0);
    let r = simulate(&validate(&s).unwrap());
    let o = &r.options[0];
    // Interim at the start, one appointment at month 6 that lasts to the
    // horizon (the only other changes are the rare interim successions
    // before it: hazard 1/1200 a month).
    assert_eq!(o.seat_probability[4][PERMANENT], 0.0);
    assert!(o.seat_probability[5..].iter().all(|p| p[PERMANENT] == 1.0));
    assert!(o.leadership_changes.mean >= 1.0 && o.leadership_changes.mean < 1.03);
    assert_eq!(o.p_stable_24.mean, 1.0);
    // One campaign fee, then permanent pay only.
    let lead = &o.monthly_by_category[Category::Leadership.index()];
    assert!(lead[0].mean > lead[1].mean);
}

#[test]
fn zero_agency_premium_means_zero_premium_spend() {
    let mut s = small(200, 36);
    s.context.workforce.agency_premium_per_fte = Range::fixed(0.0);
    let r = simulate(&validate(&s).unwrap());
    for o in &r.options {
        let k = Category::AgencyPremium.index();
        assert_eq!(o.total_by_category[k].quantiles.p95, 0.0);
        assert_eq!(o.total_by_category[k].quantiles.mean, 0.0);
        assert!(o.monthly_by_category[k].iter().all(|q| q.p95 == 0.0));
    }
}

#[test]
fn zero_couplings_make_leadership_irrelevant_to_service_spend() {
    let mut s = small(300, 60);
    let st = &mut s.context.stability;
    st.churn_coupling = Range::fixed(0.0);
    st.recruitment_coupling = Range::fixed(0.0);
    st.placement_coupling = Range::fixed(0.0);
    st.sen_coupling = Range::fixed(0.0);
    st.demand_coupling = Range::fixed(0.0);
    s.context.workforce.change_turnover = Range::fixed(0.0);
    s.context.placements.mix_decay = Range::fixed(0.0);
    // Same programmes, no improvement team: only the route differs.
    s.options.truncate(2);
    s.options[1].contract.team_strength = Range::fixed(0.0);
    s.options[1].contract.arrival_turnover = Range::fixed(0.0);
    let mut chain = s.options[0].clone();
    chain.route = Route::InterimChain;
    chain.name = "Interim chain".into();
    s.options.push(chain);
    let r = simulate(&validate(&s).unwrap());
    for c in [
        Category::SocialWorkerPay,
        Category::AgencyPremium,
        Category::Placements,
        Category::SenTransport,
    ] {
        let k = c.index();
        let a = &r.options[0].total_by_category[k];
        for o in &r.options[1..] {
            assert_eq!(&o.total_by_category[k], a, "{}", c.label());
        }
    }
    // ... while leadership and stability still differ.
    assert_ne!(r.options[0].stability, r.options[2].stability);
    assert_ne!(
        r.options[0].total_by_category[0],
        r.options[2].total_by_category[0]
    );
}

#[test]
fn stability_coupling_lowers_agency_use_under_stable_leadership() {
    let mut s = small(300, 60);
    let mut chain = s.options[0].clone();
    chain.route = Route::InterimChain;
    s.options = vec![s.options[0].clone(), chain];
    let r = simulate(&validate(&s).unwrap());
    let last = 59;
    assert!(r.options[0].agency_share[last].mean < r.options[1].agency_share[last].mean);
    assert!(r.options[0].stability[last].mean > r.options[1].stability[last].mean);
}

#[test]
fn interim_chain_never_has_a_permanent_seat() {
    let mut s = small(300, 120);
    s.options.truncate(1);
    s.options[0].route = Route::InterimChain;
    let r = simulate(&validate(&s).unwrap());
    let o = &r.options[0];
    assert!(o
        .seat_probability
        .iter()
        .all(|p| p[PERMANENT] == 0.0 && p[PARTNER] == 0.0 && p[2] == 1.0));
    assert_eq!(o.stable_share.mean, 0.0);
    assert_eq!(o.p_stable_24.mean, 0.0);
    assert!(o.leadership_changes.mean > 5.0, "interims keep changing");
    assert_eq!(
        o.total_by_category[Category::Contract.index()]
            .quantiles
            .mean,
        0.0
    );
}

#[test]
fn failed_procurement_behaves_like_recruit_after_a_delay() {
    let mut s = small(400, 60);
    for o in s.options.iter_mut() {
        o.contract.procurement_failure = Range::fixed(1.0);
        o.contract.procurement_cost = Range::fixed(0.0);
        o.contract.procurement_months = Range::fixed(4.0);
        o.leadership.campaign_success = Range::fixed(1.0);
        o.leadership.campaign_months = Range::fixed(6.0);
    }
    let r = simulate(&validate(&s).unwrap());
    let (recruit, insource) = (&r.options[0], &r.options[1]);
    assert!(insource.seat_probability.iter().all(|p| p[PARTNER] == 0.0));
    assert_eq!(
        insource.total_by_category[Category::Contract.index()]
            .quantiles
            .p95,
        0.0
    );
    // Recruit appoints at month 6, in-source at 4 + 6 = 10.
    assert_eq!(recruit.seat_probability[5][PERMANENT], 1.0);
    assert_eq!(insource.seat_probability[8][PERMANENT], 0.0);
    assert_eq!(insource.seat_probability[9][PERMANENT], 1.0);
}

#[test]
fn in_source_contract_pays_the_contract_value() {
    let mut s = small(300, 60);
    let c = &mut s.options[1].contract;
    c.procurement_failure = Range::fixed(0.0);
    c.procurement_cost = Range::fixed(0.0);
    c.management_per_month = Range::fixed(0.0);
    c.variation_probability = Range::fixed(0.0);
    c.agency_share_target = 1.0; // always met
    c.mix_shift_target = 0.0; // always met
    let value = c.value;
    let r = simulate(&validate(&s).unwrap());
    let contract = &r.options[1].total_by_category[Category::Contract.index()];
    assert!((contract.quantiles.p5 - value).abs() < 1e-6 * value);
    assert!((contract.quantiles.p95 - value).abs() < 1e-6 * value);
    let paid = &r.options[1].paid_to_partner;
    assert!((paid.quantiles.p5 - value).abs() < 1e-6 * value);
    assert_eq!(r.options[1].p_paid_above_value.mean, 0.0);
    assert_eq!(r.options[1].contract_let.mean, 1.0);
    // Partner in seat once procurement ends (at most 6 months).
    assert!(r.options[1].seat_probability[6][PARTNER] > 0.8);
    // Nothing at risk paid when no target is met.
    let mut s2 = s.clone();
    let c = &mut s2.options[1].contract;
    c.agency_share_target = 0.0;
    c.mix_shift_target = 1.0;
    s2.options[1].programmes.mix_shift = Range::fixed(0.0);
    s2.options[1].contract.team_strength = Range::fixed(0.0);
    let r2 = simulate(&validate(&s2).unwrap());
    let contract2 = &r2.options[1].total_by_category[Category::Contract.index()];
    assert!((contract2.quantiles.p50 - 0.8 * value).abs() < 1e-6 * value);
}

#[test]
fn seat_probabilities_sum_to_one() {
    let r = simulate(&validate(&small(200, 48)).unwrap());
    for o in &r.options {
        for p in &o.seat_probability {
            assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
    }
    let _ = SeatState::ALL;
}

#[test]
fn preview_paths_are_the_first_paths_of_the_full_run() {
    let s = validate(&small(400, 24)).unwrap();
    let a = turnaround_engine::simulate_with_paths(&s, 100);
    let mut small_input = small(100, 24);
    small_input.simulation.paths = 100;
    let b = simulate(&validate(&small_input).unwrap());
    assert_eq!(a, b);
}
