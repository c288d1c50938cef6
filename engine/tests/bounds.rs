//! Every input's bounds keep every output finite: each field of the table is
//! pushed to the low and the high corner of its bounds in turn (and all
//! numbers at once to their high corner), on every route, and every
//! headline figure of every option and pair must stay finite.

mod common;

use turnaround_engine::{
    simulate, validate, Field, FieldValue, Range, Results, Route, ScenarioInput, Shape,
};

fn finite(r: &Results) -> Result<(), String> {
    for o in &r.options {
        let q = [
            &o.total,
            &o.npv,
            &o.overspend,
            &o.route_cost,
            &o.service_spend,
            &o.paid_to_partner,
        ];
        for s in q {
            let v = s.quantiles.levels();
            if !(v.iter().all(|x| x.is_finite()) && s.quantiles.mean.is_finite()) {
                return Err(format!("{}: {:?}", o.name, s.quantiles));
            }
        }
        if !o.leadership_changes.mean.is_finite() {
            return Err(format!("{}: leadership changes", o.name));
        }
        for q in o.cumulative_total.iter().chain(&o.agency_share) {
            if !q.mean.is_finite() || !q.p50.is_finite() {
                return Err(format!("{}: monthly series", o.name));
            }
        }
    }
    for p in &r.pairs {
        if !p.difference.quantiles.mean.is_finite() || !p.p_a_cheaper.mean.is_finite() {
            return Err(format!("pair {}-{}", p.a, p.b));
        }
    }
    Ok(())
}

fn corner(field: Field, high: bool) -> Option<FieldValue> {
    let m = field.meta();
    let v = if high { m.max } else { m.min };
    match m.shape {
        Shape::Range => Some(FieldValue::Range(Range::fixed(v))),
        Shape::Number | Shape::Integer => Some(FieldValue::Number(v)),
        _ => None,
    }
}

fn base(route: Route) -> ScenarioInput {
    let mut s = common::small(100, 24);
    for o in &mut s.options {
        o.route = route;
    }
    s
}

#[test]
fn every_field_at_either_corner_keeps_every_output_finite_on_every_route() {
    let mut checked = 0;
    for route in [Route::Recruit, Route::InSource, Route::InterimChain] {
        let s0 = base(route);
        for field in Field::all_in(&s0).collect::<Vec<_>>() {
            for high in [false, true] {
                let Some(v) = corner(field, high) else {
                    continue;
                };
                let mut s = s0.clone();
                field.set(&mut s, v);
                // Some corners break a rule over several fields (a mix that no
                // longer sums to 1, a shift larger than its source): those are
                // refused, never simulated.
                let Ok(scenario) = validate(&s) else {
                    continue;
                };
                let r = simulate(&scenario);
                if let Err(e) = finite(&r) {
                    panic!(
                        "{route:?}, {field} at its {} bound: {e}",
                        if high { "high" } else { "low" }
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 300, "only {checked} corners simulated");
}

#[test]
fn every_number_at_its_high_corner_at_once_stays_finite() {
    for route in [Route::Recruit, Route::InSource, Route::InterimChain] {
        let mut s = base(route);
        s.simulation.horizon_months = 144;
        for field in Field::all_in(&s.clone()).collect::<Vec<_>>() {
            if field.id == turnaround_engine::FieldId::Horizon
                || field.id == turnaround_engine::FieldId::Paths
                || field.meta().shape == Shape::Share
            {
                continue;
            }
            if let Some(v) = corner(field, true) {
                let mut t = s.clone();
                field.set(&mut t, v);
                if validate(&t).is_ok() {
                    s = t;
                }
            }
        }
        let r = simulate(&validate(&s).expect("still valid"));
        finite(&r).unwrap_or_else(|e| panic!("{route:?}, everything high: {e}"));
    }
}
