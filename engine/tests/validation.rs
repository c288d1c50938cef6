//! Every error kind, naming the field.

mod common;

use common::small;
use turnaround_engine::{validate, ErrorKind, PlacementKind, Range, Scenario, ScenarioInput};

fn err(s: &ScenarioInput) -> (String, ErrorKind) {
    let e = validate(s).expect_err("should be refused");
    let field = e
        .field
        .map(|f| f.to_string())
        .unwrap_or_else(|| "options".into());
    // Display is a sentence that starts with the field.
    assert!(e.to_string().starts_with(&field), "{e}");
    (field, e.kind)
}

#[test]
fn presets_are_valid() {
    for id in turnaround_engine::presets::PresetId::ALL {
        let input = turnaround_engine::presets::preset(id);
        let sc = validate(&input).unwrap();
        assert_eq!(sc.input(), &input);
        assert!(Scenario::try_from(input).is_ok());
    }
}

#[test]
fn not_finite() {
    let mut s = small(100, 12);
    s.context.finance.annual_budget = f64::NAN;
    assert_eq!(
        err(&s),
        ("context.finance.annual_budget".into(), ErrorKind::NotFinite)
    );
}

#[test]
fn negative() {
    let mut s = small(100, 12);
    s.options[1].contract.value = -1.0;
    assert_eq!(
        err(&s),
        (
            "options[1].contract.value".into(),
            ErrorKind::OutOfBounds {
                value: -1.0,
                min: 0.0,
                max: 100_000_000.0
            }
        )
    );
}

#[test]
fn probability_out_of_range() {
    let mut s = small(100, 12);
    s.options[0].leadership.campaign_success = Range::fixed(1.2);
    let (f, k) = err(&s);
    assert_eq!(f, "options[0].leadership.campaign_success");
    assert_eq!(
        k,
        ErrorKind::OutOfBounds {
            value: 1.2,
            min: 0.01,
            max: 1.0
        }
    );
    let e = validate(&s).unwrap_err();
    assert_eq!(
        e.to_string(),
        "options[0].leadership.campaign_success: value 1.2 is outside 0.01 to 1"
    );
}

#[test]
fn range_out_of_order() {
    let mut s = small(100, 12);
    s.context.workforce.agency_premium_per_fte = Range::new(3.0, 2.0, 4.0);
    assert_eq!(
        err(&s),
        (
            "context.workforce.agency_premium_per_fte".into(),
            ErrorKind::RangeOutOfOrder {
                low: 3.0,
                likely: 2.0,
                high: 4.0
            }
        )
    );
}

#[test]
fn mix_does_not_sum_to_one() {
    let mut s = small(100, 12);
    s.context.placements.mix[0] += 0.1;
    let (f, k) = err(&s);
    assert_eq!(f, "context.placements.mix");
    assert!(matches!(k, ErrorKind::MixDoesNotSumToOne { sum } if (sum - 1.1).abs() < 1e-9));
}

#[test]
fn horizon_out_of_range() {
    let mut s = small(100, 12);
    s.simulation.horizon_months = 145;
    assert_eq!(
        err(&s),
        (
            "simulation.horizon_months".into(),
            ErrorKind::OutOfBounds {
                value: 145.0,
                min: 12.0,
                max: 144.0
            }
        )
    );
    s.simulation.horizon_months = 11;
    assert_eq!(err(&s).0, "simulation.horizon_months");
}

#[test]
fn paths_out_of_range() {
    let mut s = small(100, 12);
    s.simulation.paths = 99;
    assert_eq!(
        err(&s),
        (
            "simulation.paths".into(),
            ErrorKind::OutOfBounds {
                value: 99.0,
                min: 100.0,
                max: 100_000.0
            }
        )
    );
}

#[test]
fn no_options_and_too_many() {
    let mut s = small(100, 12);
    let o = s.options[0].clone();
    s.options.clear();
    assert_eq!(err(&s), ("options".into(), ErrorKind::NoOptions));
    s.options = vec![o; 5];
    assert_eq!(
        err(&s),
        ("options".into(), ErrorKind::TooManyOptions { count: 5 })
    );
}

#[test]
fn out_of_bounds() {
    let mut s = small(100, 12);
    s.options[0].leadership.tenure_shape = 0.0;
    assert_eq!(
        err(&s),
        (
            "options[0].leadership.tenure_shape".into(),
            ErrorKind::OutOfBounds {
                value: 0.0,
                min: 0.2,
                max: 10.0
            }
        )
    );
    let mut s = small(100, 12);
    s.context.placements.shift.share = 0.5; // more than the IFA share
    assert_eq!(
        err(&s),
        (
            "context.placements.shift.share".into(),
            ErrorKind::ShiftExceedsSource {
                value: 0.5,
                available: 0.25
            }
        )
    );
}

#[test]
fn names_and_whole_numbers_and_seed() {
    let mut s = small(100, 12);
    s.options[1].name = "   ".into();
    assert_eq!(
        err(&s),
        (
            "options[1].name".into(),
            ErrorKind::BadName { chars: 3, max: 40 }
        )
    );
    s.options[1].name = "x".repeat(41);
    assert_eq!(err(&s).0, "options[1].name");
    s.options[1].name = "ok".into();
    s.options[0].contract.length_months = 0;
    assert!(matches!(err(&s).1, ErrorKind::OutOfBounds { .. }));
    let mut s = small(100, 12);
    s.simulation.seed = u64::MAX;
    assert_eq!(err(&s).0, "simulation.seed");
}

/// Every field of every option at every corner of its bounds is accepted,
/// and just past either end is refused, naming that field.
#[test]
fn every_field_at_its_bounds() {
    use turnaround_engine::{Field, FieldValue, Shape};
    let base = small(100, 12);
    for field in Field::all_in(&base).collect::<Vec<_>>() {
        let m = field.meta();
        let (lo, hi) = (m.min, m.max);
        let candidates: Vec<FieldValue> = match m.shape {
            Shape::Range => vec![
                FieldValue::Range(Range::new(lo, lo, lo)),
                FieldValue::Range(Range::new(lo, hi, hi)),
                FieldValue::Range(Range::new(hi, hi, hi)),
            ],
            Shape::Number | Shape::Integer => vec![FieldValue::Number(lo), FieldValue::Number(hi)],
            _ => continue,
        };
        for v in candidates {
            let mut s = base.clone();
            field.set(&mut s, field.check(v.clone()).expect("bounds accepted"));
            match validate(&s) {
                Ok(_) => {}
                // Cross-field rules may refuse a corner (the mix shift, say),
                // but never in the name of another single-field bound.
                Err(e) => assert!(
                    matches!(
                        e.kind,
                        ErrorKind::ShiftExceedsSource { .. }
                            | ErrorKind::MixDoesNotSumToOne { .. }
                            | ErrorKind::NoSuchOption { .. }
                    ),
                    "{field} = {v:?}: {e}"
                ),
            }
        }
        if matches!(m.shape, Shape::Number | Shape::Integer | Shape::Range) {
            let step = (hi - lo).abs().max(1.0);
            for bad in [lo - step, hi + step] {
                let mut s = base.clone();
                let v = if m.shape == Shape::Range {
                    FieldValue::Range(Range::fixed(bad))
                } else {
                    FieldValue::Number(bad)
                };
                // Write without checking, as a file or a hand-edited link might.
                field.set(&mut s, v.clone());
                if field.get(&s) != Some(v) {
                    continue; // not representable (a negative whole number of months)
                }
                let e = validate(&s).expect_err("out of bounds refused");
                assert_eq!(e.field, Some(field), "{field}: {e}");
            }
        }
    }
}

#[test]
fn shift_to_same_kind() {
    let mut s = small(100, 12);
    s.context.placements.shift.to = PlacementKind::Ifa;
    assert_eq!(
        err(&s),
        (
            "context.placements.shift.to".into(),
            ErrorKind::ShiftToSameKind
        )
    );
}

#[test]
fn serde_round_trip_and_range_as_array() {
    let s = small(100, 12);
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains("\"campaign_months\":[4.0,6.0,9.0]"), "{json}");
    assert!(json.contains("\"route\":\"in_source\""));
    let back: ScenarioInput = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
}
