#![cfg(not(target_arch = "wasm32"))]
//! Every link and file the page writes reads back exactly (issue 13).
//!
//! - Property tests over random valid scenarios, including tiny, huge,
//!   boundary and full-precision values: `decode(encode(s)) == s`,
//!   `import(export(s)) == s` to the bit, and the link within its limit.
//! - The probe's reproducers, each as a test.
//! - A fuzz loop over the link decoder and the file importer (a seeded
//!   generator, so any failure names its case): a bounded number of cases
//!   in `cargo test` (3,000 in a debug build, 20,000 with `--release`: a few
//!   seconds), and a longer run by environment variable, e.g.
//!   `FUZZ_CASES=10000000 cargo test --release --test fail_safe fuzz -- --nocapture`.
//!   It checks that nothing panics, every decoded link is a valid scenario
//!   that re-encodes to a link reading back the same, and every file the
//!   importer accepts round-trips through a link and a file bit for bit.

use proptest::prelude::*;
use turnaround::codec::{decode, encode, resize_options, MAX_FRAGMENT};
use turnaround::export::{bit_identical, parse_scenario_json, scenario_json, ImportError};
use turnaround::params::{Kind, Value, PARAMS};
use turnaround::state::rebalance_mix;
use turnaround_engine::presets::{preset, PresetId};
use turnaround_engine::{validate, Range, ScenarioInput};

/// One value for a parameter from a choice and two uniforms: within the
/// bounds on the slider's step, at a bound, just above the lower bound by a
/// tiny amount (`1e-31`), or at full precision.
fn pick(min: f64, max: f64, step: f64, integer: bool, how: u8, u: f64, w: f64) -> f64 {
    let v = match how % 5 {
        0 => ((min + (max - min) * u) / step).round() * step,
        1 => min,
        2 => max,
        3 => min + 10f64.powi(-((w * 300.0) as i32)) * (1.0 + u),
        _ => min + (max - min) * u,
    };
    let v = if integer { v.round() } else { v };
    // No -0: the page never holds one (the link reader reads -0 as 0).
    v.clamp(min, max) + 0.0
}

/// Random valid scenarios: a preset, 1 to 4 options, every parameter drawn
/// as [`pick`] does, a random valid mix, random names.
fn arb_scenario() -> impl Strategy<Value = (PresetId, ScenarioInput)> {
    let n_draws = PARAMS.len() * 4 * 3;
    (
        prop_oneof![Just(PresetId::Sandwell2012), Just(PresetId::England2024)],
        1usize..=4,
        proptest::collection::vec((any::<u8>(), 0.0f64..1.0, 0.0f64..1.0), n_draws),
        proptest::collection::vec(0.0f64..1.0, PARAMS.len() * 4),
        "[A-Za-z0-9 &%#=/+é€-]{1,40}",
        0usize..6,
        0.0f64..1.0,
    )
        .prop_map(|(id, n, draws, coin, name, mix_k, mix_v)| {
            let mut s = preset(id);
            resize_options(&mut s, n);
            let mut k = 0;
            for (pi, p) in PARAMS.iter().enumerate() {
                if p.key().starts_with("pl.mix.") || p.key().starts_with("pl.shift") {
                    continue;
                }
                let opts = if p.per_option() { n } else { 1 };
                for o in 0..opts {
                    // Leave about half the values at the preset's.
                    if coin[(pi * 4 + o) % coin.len()] < 0.5 {
                        continue;
                    }
                    let next = |k: &mut usize| {
                        let (how, u, w) = draws[*k % draws.len()];
                        *k += 1;
                        pick(
                            p.min(),
                            p.max(),
                            p.step,
                            p.kind() == Kind::Integer,
                            how,
                            u,
                            w,
                        )
                    };
                    let v = match p.kind() {
                        Kind::Range => {
                            let mut t = [next(&mut k), next(&mut k), next(&mut k)];
                            t.sort_by(f64::total_cmp);
                            Value::Range(Range::new(t[0], t[1], t[2]))
                        }
                        _ => Value::Scalar(next(&mut k)),
                    };
                    if let Ok(v) = p.check(&v) {
                        p.set(&mut s, o, v);
                    }
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
            let name = name.trim();
            s.options[n - 1].name = if name.is_empty() {
                "X".into()
            } else {
                name.into()
            };
            (id, s)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn links_and_files_read_back_bit_identical((id, s) in arb_scenario()) {
        prop_assume!(validate(&s).is_ok());
        let link = encode(id, &s);
        prop_assert!(link.len() <= MAX_FRAGMENT, "{} characters", link.len());
        let d = decode(&link);
        prop_assert!(d.warnings.is_empty(), "{:?} for {}", d.warnings, link);
        prop_assert_eq!(d.preset, id);
        prop_assert!(bit_identical(&d.input, &s), "link {}", link);
        let file = scenario_json(id, &s);
        let (p, back) = parse_scenario_json(&file).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(p, id);
        prop_assert!(bit_identical(&back, &s));
    }
}

fn with_value(key: &str, option: usize, v: Value) -> ScenarioInput {
    let mut s = preset(PresetId::Sandwell2012);
    let p = turnaround::params::find(key).unwrap();
    p.set(&mut s, option, v);
    s
}

/// The file for a scenario, with `edit` applied to its JSON.
fn file_with(edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(&scenario_json(
        PresetId::Sandwell2012,
        &preset(PresetId::Sandwell2012),
    ))
    .unwrap();
    edit(&mut doc);
    doc.to_string()
}

#[test]
fn probe_a_tiny_value_is_written_so_the_reader_takes_it() {
    // `#v=1&st.churn=1e-31`, changed and reloaded, used to drop the value.
    let d = decode("v=1&st.churn=1e-31");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    let link = encode(d.preset, &d.input);
    assert!(link.contains("=1e-31"), "{link}");
    let again = decode(&link);
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert!(bit_identical(&again.input, &d.input));
}

#[test]
fn probe_a_file_reads_back_the_last_bits() {
    // 0.010000000000000009 came back as ...07 without float_roundtrip.
    let p = PARAMS
        .iter()
        .find(|p| p.kind() == Kind::Range && p.min() <= 0.01 && p.max() >= 0.02)
        .expect("a range field around 0.01");
    let v = 0.010000000000000009;
    let s = with_value(&p.key(), 0, Value::Range(Range::new(v, v, 0.02)));
    let (_, back) = parse_scenario_json(&scenario_json(PresetId::Sandwell2012, &s)).unwrap();
    assert!(bit_identical(&back, &s));
    assert_eq!(
        format!("{:?}", p.get(&back, 0)),
        format!("{:?}", p.get(&s, 0))
    );
}

#[test]
fn probe_files_and_links_accept_and_refuse_alike() {
    // The probe's file values (seed 2^64 - 1, horizon 144, empty and
    // over-long names, 6,000 FTE) with the same values as link pairs: a file
    // opens exactly when the link opens cleanly, and then to the same scenario.
    type Edit = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(Edit, String)> = vec![
        (
            Box::new(|d| d["scenario"]["simulation"]["seed"] = u64::MAX.into()),
            format!("seed={}", u64::MAX),
        ),
        (
            Box::new(|d| d["scenario"]["simulation"]["horizon_months"] = 144.into()),
            "horizon=144".into(),
        ),
        (
            Box::new(|d| d["scenario"]["simulation"]["horizon_months"] = 145.into()),
            "horizon=145".into(),
        ),
        (
            Box::new(|d| d["scenario"]["options"][0]["name"] = "".into()),
            "o1.name=".into(),
        ),
        (
            Box::new(|d| d["scenario"]["options"][0]["name"] = "x".repeat(41).into()),
            format!("o1.name={}", "x".repeat(41)),
        ),
        (
            Box::new(|d| {
                d["scenario"]["context"]["workforce"]["establishment_fte"] = 6000.0.into()
            }),
            "wf.fte=6000".into(),
        ),
    ];
    for (edit, pair) in cases {
        let file = parse_scenario_json(&file_with(edit));
        let link = decode(&format!(
            "v={}&preset=sandwell-2012&{pair}",
            turnaround::codec::FORMAT_VERSION
        ));
        match file {
            Ok((_, opened)) => {
                assert!(
                    link.warnings.is_empty(),
                    "{pair}: file opened, link warned {:?}",
                    link.warnings
                );
                assert!(bit_identical(&opened, &link.input), "{pair}");
            }
            Err(ImportError::InvalidScenario(_)) => {
                assert!(
                    !link.warnings.is_empty(),
                    "{pair}: file refused, link opened"
                );
            }
            Err(e) => panic!("{pair}: {e:?}"),
        }
    }
}

#[test]
fn probe_a_huge_file_is_refused_before_parsing() {
    let huge = format!(
        "{{\"format\":\"turnaround-scenario\",\"pad\":\"{}\"}}",
        "x".repeat(2_000_000)
    );
    assert_eq!(
        parse_scenario_json(&huge),
        Err(ImportError::TooLarge(huge.len() as u64))
    );
    assert!(ImportError::TooLarge(130_000_000)
        .to_string()
        .contains("130.0 MB"));
}

#[test]
fn every_number_has_a_written_form_the_reader_takes() {
    for v in [
        1e-31,
        -1e-31,
        5e-324,
        f64::MIN_POSITIVE,
        f64::MAX,
        -f64::MAX,
        0.1 + 0.2,
        123456789.12345679,
        1e21,
        0.0,
        -0.0,
    ] {
        let text = turnaround::codec::format_number(v);
        assert!(text.len() <= turnaround::codec::MAX_NUMBER_CHARS, "{text}");
        assert_eq!(
            text.parse::<f64>().unwrap().to_bits(),
            v.to_bits(),
            "{text}"
        );
    }
    assert_eq!(turnaround::codec::format_number(1e-31), "1e-31");
    assert_eq!(turnaround::codec::format_number(1400000.0), "1400000");
    assert_eq!(turnaround::codec::format_number(1e-7), "1e-7");
    assert_eq!(turnaround::codec::format_number(0.25), "0.25");
}

// ------------------------------------------------------------------ fuzz

/// SplitMix64: a small seeded generator, so each case can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const LINK_ALPHABET: &[u8] = b"0123456789.,-+eE=&%#o1234.abcdefghijklmnopqrstuvwxyz_~ \xc3\xa9";

/// A number as hostile text: huge, tiny, negative, many digits, or junk.
fn hostile_number(r: &mut Rng) -> String {
    match r.below(8) {
        0 => format!("{:e}", f64::from_bits(r.next())),
        1 => format!("1e{}", r.below(700) as i64 - 350),
        2 => format!("{}", r.unit() * 10f64.powi(r.below(40) as i32 - 20)),
        3 => format!("-{}", r.unit() * 1e6),
        4 => "9".repeat(1 + r.below(400)),
        5 => format!("{}", r.next()),
        6 => ["NaN", "inf", "-0", "0x10", "", "1.", ".5", "1e"][r.below(8)].into(),
        _ => format!("{}", (r.unit() * 100.0).round() / 100.0),
    }
}

/// A valid scenario to start from: a preset with a few values moved.
fn base_scenario(r: &mut Rng) -> (PresetId, ScenarioInput) {
    let id = [PresetId::Sandwell2012, PresetId::England2024][r.below(2)];
    let mut s = preset(id);
    resize_options(&mut s, 1 + r.below(4));
    for _ in 0..r.below(8) {
        let p = &PARAMS[r.below(PARAMS.len())];
        let o = r.below(s.options.len());
        let (how, u, w) = (r.next() as u8, r.unit(), r.unit());
        let v = pick(
            p.min(),
            p.max(),
            p.step,
            p.kind() == Kind::Integer,
            how,
            u,
            w,
        );
        let v = match p.kind() {
            Kind::Range => Value::Range(Range::fixed(v)),
            _ => Value::Scalar(v),
        };
        if let Ok(v) = p.check(&v) {
            let mut next = s.clone();
            p.set(&mut next, o, v);
            if validate(&next).is_ok() {
                s = next;
            }
        }
    }
    (id, s)
}

fn mutate_link(r: &mut Rng, link: &str) -> String {
    let mut bytes = link.as_bytes().to_vec();
    for _ in 0..1 + r.below(6) {
        match r.below(5) {
            0 if !bytes.is_empty() => {
                let at = r.below(bytes.len());
                bytes.remove(at);
            }
            1 => {
                let at = r.below(bytes.len() + 1);
                bytes.insert(at, LINK_ALPHABET[r.below(LINK_ALPHABET.len())]);
            }
            2 => {
                // Append a hostile pair.
                let p = &PARAMS[r.below(PARAMS.len())];
                let key = if p.per_option() {
                    p.url_key(r.below(5))
                } else {
                    p.key()
                };
                let v = (0..[1, 3][r.below(2)])
                    .map(|_| hostile_number(r))
                    .collect::<Vec<_>>()
                    .join(",");
                bytes.extend(format!("&{key}={v}").bytes());
            }
            3 => bytes.extend(
                [
                    "&seed=18446744073709551615",
                    "&horizon=144",
                    "&options=9",
                    "&o1.name=",
                    "&o2.name=%FF",
                    "&preset=sandwell%2D2012",
                    "&v=2",
                ][r.below(7)]
                .bytes(),
            ),
            _ => {
                let at = r.below(bytes.len() + 1);
                let len = r.below(bytes.len() - at + 1);
                bytes.drain(at..at + len);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn mutate_json(r: &mut Rng, file: &str) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(file).unwrap();
    for _ in 0..1 + r.below(4) {
        // Walk to a random leaf of the scenario and replace it.
        let mut at = &mut doc["scenario"];
        loop {
            let next_key = match at {
                serde_json::Value::Object(m) if !m.is_empty() => {
                    let k = m.keys().nth(r.below(m.len())).cloned().unwrap();
                    Some(serde_json::Value::String(k))
                }
                serde_json::Value::Array(a) if !a.is_empty() => Some(r.below(a.len()).into()),
                _ => None,
            };
            match next_key {
                Some(serde_json::Value::String(k)) => at = &mut at[k.as_str()],
                Some(i) => at = &mut at[i.as_u64().unwrap() as usize],
                None => break,
            }
            if r.below(6) == 0 {
                break;
            }
        }
        *at = match r.below(7) {
            0 => serde_json::Value::from(f64::from_bits(r.next())),
            1 => serde_json::Value::from(r.next()),
            2 => serde_json::Value::from(r.unit() * 10f64.powi(r.below(60) as i32 - 30)),
            3 => serde_json::Value::from("x".repeat(r.below(60))),
            4 => serde_json::Value::Null,
            5 => serde_json::json!([r.unit(), r.unit(), r.unit()]),
            _ => serde_json::Value::from(-(r.unit() * 1e4)),
        };
    }
    let mut text = doc.to_string();
    if r.below(10) == 0 && !text.is_empty() {
        // Byte-level damage too.
        let at = r.below(text.len());
        if text.is_char_boundary(at) {
            text.insert(at, ['"', '{', ']', '9', ',', 'e'][r.below(6)]);
        }
    }
    text
}

/// Starting points for fuzz cases: valid scenarios with their link and
/// file, made once (making them is most of a case's cost otherwise).
struct Base {
    link: String,
    file: String,
}

fn bases() -> Vec<Base> {
    let mut r = Rng(0x5eed);
    (0..256)
        .map(|_| {
            let (id, s) = base_scenario(&mut r);
            Base {
                link: encode(id, &s),
                file: scenario_json(id, &s),
            }
        })
        .collect()
}

/// One fuzz case; returns what it exercised ("link" or "file"). As in the
/// probe, about one case in eleven is a file.
fn fuzz_case(seed: u64, bases: &[Base]) -> &'static str {
    let mut r = Rng(seed);
    let base = &bases[r.below(bases.len())];
    if r.below(11) != 0 {
        let text = match r.below(10) {
            0 => (0..r.below(200))
                .map(|_| LINK_ALPHABET[r.below(LINK_ALPHABET.len())] as char)
                .collect(),
            _ => mutate_link(&mut r, &base.link),
        };
        let d = decode(&text);
        assert!(
            validate(&d.input).is_ok(),
            "seed {seed}: decode gave an invalid scenario for {text}"
        );
        // What a link opens, the page writes back as a link reading the same.
        let again = encode(d.preset, &d.input);
        assert!(again.len() <= MAX_FRAGMENT, "seed {seed}");
        let d2 = decode(&again);
        assert!(
            d2.warnings.is_empty(),
            "seed {seed}: {:?} for {again} (from {text})",
            d2.warnings
        );
        assert!(
            bit_identical(&d2.input, &d.input),
            "seed {seed}: {again} (from {text})"
        );
        "link"
    } else {
        let file = mutate_json(&mut r, &base.file);
        if let Ok((p, opened)) = parse_scenario_json(&file) {
            let link = encode(p, &opened);
            assert!(link.len() <= MAX_FRAGMENT, "seed {seed}");
            let d = decode(&link);
            assert!(
                d.warnings.is_empty() && bit_identical(&d.input, &opened),
                "seed {seed}"
            );
            let (_, back) = parse_scenario_json(&scenario_json(p, &opened))
                .unwrap_or_else(|e| panic!("seed {seed}: its own file refused: {e}"));
            assert!(bit_identical(&back, &opened), "seed {seed}");
        }
        "file"
    }
}

#[test]
fn fuzz_links_and_files() {
    // 20,000 cases optimised (a few seconds); 3,000 in a debug build, where
    // `cargo test` and scripts/test.sh run it (each case is ~20x slower).
    let default = if cfg!(debug_assertions) {
        3_000
    } else {
        20_000
    };
    let cases: u64 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    let first: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    // Count panics rather than stop at the first, so a long run reports them all.
    std::panic::set_hook(Box::new(|_| {}));
    let bases = bases();
    let (mut links, mut files, mut panics) = (0u64, 0u64, Vec::new());
    for seed in first..first + cases {
        match std::panic::catch_unwind(|| fuzz_case(seed, &bases)) {
            Ok("link") => links += 1,
            Ok(_) => files += 1,
            Err(e) => {
                let why = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                panics.push(format!("seed {seed}: {why}"));
            }
        }
    }
    let _ = std::panic::take_hook();
    println!(
        "fuzz: {cases} cases from seed {first}: {links} links, {files} files, {} panics",
        panics.len()
    );
    assert!(
        panics.is_empty(),
        "{} failing cases:\n{}",
        panics.len(),
        panics
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
