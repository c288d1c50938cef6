//! The share-link codec: round-trips, version fixtures, bad links.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use turnaround::codec::{decode, encode, FORMAT_VERSION, MODEL_2_NOTE};
use turnaround::params::{Kind, Value, PARAMS};
use turnaround::state::rebalance_mix;
use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::{validate, Range, Route, ScenarioInput};

#[test]
fn an_unchanged_preset_encodes_to_its_header_only() {
    let s = preset(PresetId::Sandwell2012);
    let f = encode(PresetId::Sandwell2012, &s);
    assert_eq!(
        f,
        format!(
            "v={FORMAT_VERSION}&preset=sandwell-2012&seed={}&paths={}&horizon={}",
            s.simulation.seed, s.simulation.paths, s.simulation.horizon_months
        )
    );
    let d = decode(&f);
    assert_eq!(d.input, s);
    assert!(d.warnings.is_empty());
}

#[test]
fn only_changed_values_are_written_with_readable_keys() {
    let mut s = preset(PresetId::England2024);
    s.context.workforce.start_agency_share = 0.3;
    s.options[1].contract.value = 1_500_000.0;
    s.options[0].leadership.campaign_fee = Range::new(30_000.0, 45_000.0, 70_000.0);
    s.options[1].name = "Partner & co".into();
    s.options[0].route = Route::InterimChain;
    let f = encode(PresetId::England2024, &s);
    assert!(f.contains("preset=england-2024"), "{f}");
    assert!(f.contains("wf.agency=0.3"), "{f}");
    assert!(f.contains("o2.ctr.value=1500000"), "{f}");
    assert!(f.contains("o1.camp.fee=30000,45000,70000"), "{f}");
    assert!(f.contains("o2.name=Partner%20%26%20co"), "{f}");
    assert!(f.contains("o1.route=interim_chain"), "{f}");
    assert!(!f.contains("wf.fte"), "unchanged values stay out: {f}");
    let d = decode(&f);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_eq!(d.input, s);
    assert_eq!(d.preset, PresetId::England2024);
}

/// Links exactly as version 1 wrote them. They must keep opening to the same
/// scenario in every later version (migrate() carries them forward).
#[test]
fn version_1_fixture_links_keep_opening() {
    let link = "#v=1&preset=sandwell-2012&seed=7&paths=2000&horizon=72&options=3&o3.name=Interim%20only&o3.route=interim_chain&wf.agency=0.3&pl.cost.ifa=750,820,900&o2.ctr.value=1400000";
    let d = decode(link);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    let s = &d.input;
    assert_eq!(d.preset, PresetId::Sandwell2012);
    assert_eq!(
        (
            s.simulation.seed,
            s.simulation.paths,
            s.simulation.horizon_months
        ),
        (7, 2000, 72)
    );
    assert_eq!(s.options.len(), 3);
    assert_eq!(s.options[2].name, "Interim only");
    assert_eq!(s.options[2].route, Route::InterimChain);
    assert_eq!(s.context.workforce.start_agency_share, 0.3);
    assert_eq!(
        s.context.placements.weekly_cost[1],
        Range::new(750.0, 820.0, 900.0)
    );
    assert_eq!(s.options[1].contract.value, 1_400_000.0);
    assert_eq!(d.notes, vec![MODEL_2_NOTE.to_string()]);
}

/// Version-1 links as model 2's page wrote them: two options unless they
/// said otherwise, and single numbers for inputs that model 3 made ranges.
/// Every value is kept, and the page is told the figures follow model 3.
#[test]
fn model_2_links_keep_their_inputs_and_say_the_figures_follow_model_3() {
    let fixtures: &[&str] = &[
        // Sandwell, one shared and two per-option edits, no option count.
        "v=1&preset=sandwell-2012&seed=2012&paths=10000&horizon=60&wf.agency=0.3&o2.ctr.team=0.5&o1.camp.p=0.8",
        // England, the `o.` shorthand for every option.
        "v=1&preset=england-2024&seed=2024&paths=10000&horizon=60&o.proc.fail=0.2&st.shock=0.1",
    ];
    let d = decode(fixtures[0]);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_eq!(d.notes, vec![MODEL_2_NOTE.to_string()]);
    let s = &d.input;
    assert_eq!(s.options.len(), 2, "model 2's presets had two options");
    assert_eq!(s.context.workforce.start_agency_share, 0.3);
    assert_eq!(s.options[1].contract.team_strength, Range::fixed(0.5));
    assert_eq!(s.options[0].leadership.campaign_success, Range::fixed(0.8));
    assert!(validate(s).is_ok());

    let d = decode(fixtures[1]);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_eq!(d.input.options.len(), 2);
    for o in &d.input.options {
        assert_eq!(o.contract.procurement_failure, Range::fixed(0.2));
    }
    assert_eq!(d.input.context.stability.shock, Range::fixed(0.1));

    // What this version writes opens without the note.
    let again = decode(&encode(d.preset, &d.input));
    assert!(again.notes.is_empty());
    assert_eq!(again.input, d.input);
}

#[test]
fn a_realistic_heavily_edited_scenario_stays_under_2500_characters() {
    // Model 3 added 26 fields (2,000 before); 2,500 still fits a QR code at
    // error-correction level L (2,953 bytes) with the page address.
    let mut s = preset(PresetId::Sandwell2012);
    turnaround::codec::resize_options(&mut s, 4);
    for (n, p) in PARAMS.iter().enumerate() {
        let options = if p.per_option() { 4 } else { 1 };
        for o in 0..options {
            if p.key().starts_with("pl.mix.") {
                continue;
            }
            let v = p.get(&s, o).unwrap();
            let nudged = match v {
                Value::Scalar(x) => Value::Scalar((x + p.step * (1 + n % 3) as f64).min(p.max())),
                Value::Range(r) => {
                    let d = p.step * 2.0;
                    Value::Range(Range::new(
                        r.low,
                        (r.likely + d).min(p.max()).max(r.low),
                        (r.high + 2.0 * d)
                            .min(p.max())
                            .max(r.likely + d)
                            .min(p.max()),
                    ))
                }
            };
            if let Ok(v) = p.check(&nudged) {
                p.set(&mut s, o, v);
            }
        }
    }
    validate(&s).expect("still valid");
    let f = encode(PresetId::Sandwell2012, &s);
    assert!(f.len() < 2500, "{} characters: {f}", f.len());
    assert_eq!(decode(&f).input, s);
}

fn warnings_for(link: &str) -> Vec<String> {
    decode(link)
        .warnings
        .iter()
        .map(|w| w.to_string())
        .collect()
}

#[test]
fn bad_links_apply_what_is_valid_and_say_what_was_ignored() {
    let cases: &[(&str, &str)] = &[
        ("v=1&preset=atlantis", "unknown preset"),
        ("v=1&wf.agency=lots", "expected a number"),
        ("v=1&wf.agency=1.7", "between 0 and 100"),
        (
            "v=1&wf.premium=20000,10000,5000",
            "low must not exceed likely",
        ),
        ("v=1&warp.speed=9", "not a setting this version knows"),
        ("v=1&o9.ctr.value=1", "no such option"),
        ("v=2&o4.ctr.value=1", "the scenario has 3 options"),
        ("v=1&ctr.value=1", "belongs to an option"),
        ("v=1&o1.wf.fte=200", "shared by all options"),
        ("v=1&o1.route=teleport", "route must be"),
        ("v=1&options=9", "1 to 4"),
        ("v=99&wf.agency=0.3", "newer version"),
        ("v=abc", "not a format version"),
        ("v=1&wf.agency=%ZZ", "percent-encoding"),
        ("v=1&pl.mix.ifa=0.9", "ignored"),
        ("v=1&paths=5", "between 100 and 100000"),
        ("v=1&horizon=1000", "between 12 and 144"),
    ];
    for (link, expected) in cases {
        let w = warnings_for(link);
        assert!(
            w.iter().any(|m| m.contains(expected)),
            "{link}: expected a warning containing {expected:?}, got {w:?}"
        );
        assert!(
            validate(&decode(link).input).is_ok(),
            "{link} must open a valid scenario"
        );
    }
}

#[test]
fn valid_values_beside_bad_ones_are_still_applied() {
    let d = decode("v=1&wf.agency=0.31&junk=1&pl.children=600&wf.fte=oops");
    assert_eq!(d.input.context.workforce.start_agency_share, 0.31);
    assert_eq!(d.input.context.placements.children_start, 600.0);
    assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
}

#[test]
fn a_future_version_link_still_applies_known_values() {
    let d = decode("v=3&wf.agency=0.2");
    assert_eq!(d.input.context.workforce.start_agency_share, 0.2);
    assert_eq!(d.warnings.len(), 1);
}

#[test]
fn empty_and_bare_fragments_open_the_default_preset() {
    for f in ["", "#", "#&&&"] {
        let d = decode(f);
        assert_eq!(d.input, preset(PresetId::Sandwell2012));
        assert!(d.warnings.is_empty(), "{f:?}: {:?}", d.warnings);
    }
}

#[test]
fn a_huge_link_is_cut_with_a_message() {
    let link = format!("v=1&wf.agency=0.2&{}", "x=1&".repeat(5000));
    let d = decode(&link);
    assert_eq!(d.input.context.workforce.start_agency_share, 0.2);
    assert!(d.warnings.iter().any(|w| w.why.contains("longer than")));
}

fn arb_range(min: f64, max: f64) -> impl Strategy<Value = Range> {
    (min..=max, min..=max, min..=max).prop_map(|(a, b, c)| {
        let mut v = [a, b, c];
        v.sort_by(|x, y| x.partial_cmp(y).unwrap());
        Range::new(v[0], v[1], v[2])
    })
}

/// Random valid scenarios: every registered parameter drawn within its
/// bounds (whole numbers where whole), a random valid mix, random names.
fn arb_scenario() -> impl Strategy<Value = (PresetId, ScenarioInput)> {
    let presets = prop_oneof![Just(PresetId::Sandwell2012), Just(PresetId::England2024)];
    (
        presets,
        1usize..=4,
        proptest::collection::vec(0.0f64..1.0, PARAMS.len() * 4),
        proptest::collection::vec(arb_range(0.0, 1.0), PARAMS.len() * 4),
        "[A-Za-z0-9 &%#=/+é-]{1,20}",
        0usize..6,
        0.0f64..1.0,
    )
        .prop_map(|(id, n, scalars, ranges, name, mix_k, mix_v)| {
            let mut s = preset(id);
            turnaround::codec::resize_options(&mut s, n);
            let mut k = 0;
            for p in PARAMS {
                if p.key().starts_with("pl.mix.") || p.key().starts_with("pl.shift") {
                    continue;
                }
                let opts = if p.per_option() { n } else { 1 };
                for o in 0..opts {
                    let lerp = |u: f64| {
                        let v = p.min() + (p.max() - p.min()) * u;
                        let v = (v / p.step).round() * p.step;
                        if p.kind() == Kind::Integer {
                            v.round()
                        } else {
                            v
                        }
                        .clamp(p.min(), p.max())
                    };
                    let v = match p.kind() {
                        Kind::Range => {
                            let r = ranges[k];
                            Value::Range(Range::new(lerp(r.low), lerp(r.likely), lerp(r.high)))
                        }
                        _ => Value::Scalar(lerp(scalars[k])),
                    };
                    if let Ok(v) = p.check(&v) {
                        p.set(&mut s, o, v);
                    }
                    k += 1;
                }
            }
            s.context.placements.mix[mix_k] = mix_v;
            rebalance_mix(&mut s.context.placements.mix, mix_k);
            let from = s.context.placements.shift.from.index();
            s.context.placements.shift.share = s
                .context
                .placements
                .shift
                .share
                .min(s.context.placements.mix[from]);
            s.options[n - 1].name = name.trim().to_string();
            if s.options[n - 1].name.is_empty() {
                s.options[n - 1].name = "X".into();
            }
            (id, s)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn encode_then_decode_returns_the_same_scenario((id, s) in arb_scenario()) {
        prop_assume!(validate(&s).is_ok());
        let f = encode(id, &s);
        let d = decode(&f);
        prop_assert!(d.warnings.is_empty(), "{:?} for {}", d.warnings, f);
        prop_assert_eq!(d.preset, id);
        prop_assert_eq!(d.input, s);
    }

    #[test]
    fn decoding_arbitrary_text_never_panics_and_gives_a_valid_scenario(text in ".{0,300}") {
        let d = decode(&text);
        prop_assert!(validate(&d.input).is_ok());
    }

    #[test]
    fn decoding_mangled_real_links_never_panics(
        (id, s) in arb_scenario(),
        cut in 0usize..400,
        junk in "[=&,%.a-z0-9]{0,12}",
    ) {
        let f = encode(id, &s);
        let mut cut = cut.min(f.len());
        while !f.is_char_boundary(cut) { cut -= 1; }
        let mangled = format!("{}{}{}", &f[..cut], junk, &f[cut..]);
        let d = decode(&mangled);
        prop_assert!(validate(&d.input).is_ok());
    }
}

#[test]
fn mix_rebalancing_keeps_the_sum_at_one() {
    let mut mix = preset(PresetId::Sandwell2012).context.placements.mix;
    mix[1] = 0.4;
    rebalance_mix(&mut mix, 1);
    assert!((mix.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert_eq!(mix[1], 0.4);
}

// The view settings in the query string: presentation, large type, embed
// and the embedded chart.

use turnaround::codec::{decode_view, encode_view, EmbedChart, View};

#[test]
fn every_view_round_trips_through_the_query_string() {
    for present in [false, true] {
        for large in [false, true] {
            for embed in [false, true] {
                for chart in EmbedChart::ALL {
                    let view = View {
                        present,
                        large,
                        embed,
                        chart,
                    };
                    let search = encode_view(&view);
                    let (back, warnings) = decode_view(&search);
                    assert!(warnings.is_empty(), "{search}: {warnings:?}");
                    // `chart=` belongs to the embed: without it, the default.
                    let expected = View {
                        chart: if embed { chart } else { EmbedChart::default() },
                        ..view
                    };
                    assert_eq!(back, expected, "{search}");
                }
            }
        }
    }
}

#[test]
fn the_embed_link_is_short_and_readable() {
    let view = View {
        embed: true,
        chart: EmbedChart::Cumulative,
        ..View::default()
    };
    assert_eq!(encode_view(&view), "?embed=1&chart=cumulative");
    assert_eq!(
        encode_view(&View {
            embed: true,
            ..View::default()
        }),
        "?embed=1"
    );
    assert_eq!(encode_view(&View::default()), "");
    assert_eq!(
        decode_view("?present=1&large=1").0,
        View {
            present: true,
            large: true,
            ..View::default()
        }
    );
}

#[test]
fn bad_view_values_are_named_and_left_at_their_defaults() {
    let (view, warnings) = decode_view("?embed=yes&chart=pie&large=1&utm_source=x");
    assert_eq!(
        view,
        View {
            large: true,
            ..View::default()
        }
    );
    let text: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        text,
        vec![
            "embed=yes: must be 1 (on) or 0 (off); left off".to_string(),
            "chart=pie: unknown chart; showing the difference chart (choose difference, cumulative, annual, agency)".to_string(),
        ]
    );
    for id in ["difference", "cumulative", "annual", "agency"] {
        assert_eq!(EmbedChart::from_id(id).map(|c| c.id()), Some(id));
    }
}

proptest! {
    #[test]
    fn reading_any_query_string_never_panics(text in ".{0,200}") {
        let (view, _) = decode_view(&text);
        // Whatever was read is written back and read the same again.
        prop_assert_eq!(decode_view(&encode_view(&view)).0, view);
    }
}

#[test]
fn the_embed_snippet_opens_the_same_scenario_in_the_embedded_view() {
    use turnaround::codec::embed_snippet;
    let mut input = preset(PresetId::Sandwell2012);
    input.options[0].name = "Recruit \"now\" & <soon>".into();
    let fragment = encode(PresetId::Sandwell2012, &input);
    let snippet = embed_snippet(
        "https://example.org/turnaround/",
        &fragment,
        EmbedChart::Annual,
        &input.options[0].name,
    );
    assert!(snippet
        .starts_with("<iframe src=\"https://example.org/turnaround/?embed=1&amp;chart=annual#v="));
    assert!(
        snippet.ends_with("width=\"600\" height=\"560\" loading=\"lazy\"></iframe>"),
        "{snippet}"
    );
    assert!(
        snippet.contains("title=\"Turnaround: Recruit &quot;now&quot; &amp; &lt;soon&gt;\""),
        "{snippet}"
    );
    // Unescape the src as a browser would, and read it back.
    let src = snippet.split('"').nth(1).unwrap().replace("&amp;", "&");
    let (search, frag) = src.split_once('#').unwrap();
    let search = &search[search.find('?').unwrap()..];
    let (view, warnings) = decode_view(search);
    assert!(warnings.is_empty());
    assert_eq!(
        view,
        View {
            embed: true,
            chart: EmbedChart::Annual,
            ..View::default()
        }
    );
    let decoded = decode(frag);
    assert!(decoded.warnings.is_empty());
    assert_eq!(decoded.input, input);
}
