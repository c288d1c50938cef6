//! Exact figures, determinism, calibration and sanity checks.

use turnaround_engine::{golden, presets, simulate, simulate_with_paths, validate, Category};

#[test]
fn golden_figures() {
    let r = simulate(&validate(&golden::scenario()).unwrap());
    let bits = |x: f64| x.to_bits();
    let got_p50: Vec<u64> = r
        .options
        .iter()
        .map(|o| bits(o.total.quantiles.p50))
        .collect();
    let got_mean: Vec<u64> = r
        .options
        .iter()
        .map(|o| bits(o.total.quantiles.mean))
        .collect();
    let got_npv: Vec<u64> = r
        .options
        .iter()
        .map(|o| bits(o.npv.quantiles.mean))
        .collect();
    let got_ch: Vec<u64> = r
        .options
        .iter()
        .map(|o| bits(o.leadership_changes.mean))
        .collect();
    let got_paid: Vec<u64> = r
        .options
        .iter()
        .map(|o| bits(o.paid_to_partner.quantiles.mean))
        .collect();
    let got_diff = bits(r.pairs[0].difference.quantiles.p50);
    let got_let = bits(r.pairs[0].p_b_cheaper_if_let.unwrap().mean);
    println!(
        "TOTAL_P50_BITS {got_p50:?}\nTOTAL_MEAN_BITS {got_mean:?}\nNPV_MEAN_BITS {got_npv:?}\nLEADERSHIP_CHANGES_MEAN_BITS {got_ch:?}\nPAID_TO_PARTNER_MEAN_BITS {got_paid:?}\nDIFFERENCE_P50_BITS {got_diff}\nP_B_CHEAPER_IF_LET_BITS {got_let}"
    );
    assert_eq!(got_p50, golden::TOTAL_P50_BITS);
    assert_eq!(got_mean, golden::TOTAL_MEAN_BITS);
    assert_eq!(got_npv, golden::NPV_MEAN_BITS);
    assert_eq!(got_ch, golden::LEADERSHIP_CHANGES_MEAN_BITS);
    assert_eq!(got_paid, golden::PAID_TO_PARTNER_MEAN_BITS);
    assert_eq!(got_diff, golden::DIFFERENCE_P50_BITS);
    assert_eq!(got_let, golden::P_B_CHEAPER_IF_LET_BITS);
    println!("RESULTS_FINGERPRINT {}", golden::results_fingerprint(&r));
    assert_eq!(golden::check(&r), Ok(()));
}

#[test]
fn same_input_same_results() {
    let s = validate(&golden::scenario()).unwrap();
    let a = simulate_with_paths(&s, 300);
    let b = simulate_with_paths(&s, 300);
    assert_eq!(a, b);
    // And through serde (the web-worker boundary).
    let json = serde_json::to_string(&a).unwrap();
    let back: turnaround_engine::Results = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
}

#[test]
fn sandwell_recruit_calibration_7_to_12_holders_over_144_months() {
    let mut s = presets::preset(presets::PresetId::Sandwell2012);
    s.simulation.horizon_months = 144;
    s.simulation.paths = 2_000;
    let r = simulate(&validate(&s).unwrap());
    let recruit = &r.options[0];
    let holders = recruit.distinct_holders.mean;
    println!(
        "Sandwell recruit, 144 months: {holders:.2} holders (mcse {:.2})",
        recruit.distinct_holders.mcse
    );
    assert!((7.0..=12.0).contains(&holders), "holders {holders}");
}

#[test]
fn sandwell_first_year_is_about_37m_with_22m_placements() {
    let r = simulate_with_paths(
        &validate(&presets::preset(presets::PresetId::Sandwell2012)).unwrap(),
        1_000,
    );
    for o in &r.options {
        let y = o.annual_by_category_mean[0];
        let total: f64 = y.iter().sum();
        let placements = y[Category::Placements.index()];
        assert!((32e6..42e6).contains(&total), "{} total {total}", o.name);
        assert!(
            (19e6..25e6).contains(&placements),
            "{} placements {placements}",
            o.name
        );
    }
}

#[test]
fn england_first_year_is_plausible() {
    let r = simulate_with_paths(
        &validate(&presets::preset(presets::PresetId::England2024)).unwrap(),
        1_000,
    );
    for o in &r.options {
        let total: f64 = o.annual_by_category_mean[0].iter().sum();
        assert!((50e6..80e6).contains(&total), "{} total {total}", o.name);
    }
}

#[test]
fn every_preset_field_is_in_the_field_table_and_has_a_source() {
    fn leaves(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    leaves(v, p, out);
                }
            }
            serde_json::Value::Array(a) if path == "options" => {
                for v in a {
                    leaves(v, path.clone(), out);
                }
            }
            _ => out.push(path),
        }
    }
    for id in presets::PresetId::ALL {
        assert_eq!(presets::PresetId::from_id(id.id()), Some(id));
        let v = serde_json::to_value(presets::preset(id)).unwrap();
        let mut fields = Vec::new();
        leaves(&v, String::new(), &mut fields);
        for f in &fields {
            assert!(
                turnaround_engine::FieldId::ALL
                    .iter()
                    .any(|t| t.meta().path == f),
                "{f} is not in the field table"
            );
        }
        for &field in turnaround_engine::FieldId::ALL {
            let s = presets::source(id, field)
                .unwrap_or_else(|| panic!("{}: no source for {field:?}", id.id()));
            assert!(!s.note.is_empty() && !s.year.is_empty(), "{field:?}");
        }
    }
}
