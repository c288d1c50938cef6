//! Headline figures and a one-at-a-time sweep of every uncertain input
//! (development aid for model 3).
//!
//! For each preset: P(in-source cheaper than recruit) overall and given the
//! contract is let, payments to the partner, and then, for every uncertain
//! (range) input, P(in-source cheaper) with that input fixed at its low and
//! at its high end, all others at their ranges. A per-option input is fixed
//! in every option at once. The inputs are ranked by the swing
//! |P(high) - P(low)|.
//!
//! `cargo run --release -p turnaround-engine --example sweep -- [paths]`
use turnaround_engine::{presets, simulate, validate, Range, Results, ScenarioInput};

/// P(option 1 cheaper than option 0) and the same given the contract is let.
fn p_insource(r: &Results) -> (f64, f64) {
    let pair = r.pairs.iter().find(|p| p.a == 0 && p.b == 1).unwrap();
    (
        pair.p_b_cheaper.mean,
        pair.p_b_cheaper_if_let.map_or(f64::NAN, |e| e.mean),
    )
}

/// Every uncertain range in the scenario, with its path (collected through
/// serde so that no field is missed).
fn ranges(input: &ScenarioInput) -> Vec<(String, Range)> {
    fn walk(v: &serde_json::Value, path: String, out: &mut Vec<(String, Range)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(v, p, out);
                }
            }
            serde_json::Value::Array(a) => {
                if a.len() == 3 && a.iter().all(|x| x.is_number()) {
                    let f: Vec<f64> = a.iter().map(|x| x.as_f64().unwrap()).collect();
                    if f[0] < f[2] {
                        out.push((path, Range::new(f[0], f[1], f[2])));
                    }
                } else {
                    for (i, v) in a.iter().enumerate() {
                        walk(v, format!("{path}[{i}]"), out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(input).unwrap(),
        String::new(),
        &mut out,
    );
    out
}

/// `input` with the range at `path` fixed at `v`; an `options.` path
/// (collapsed from `options[i].`) is fixed in every option, so options that
/// share the input stay paired.
fn with_fixed(input: &ScenarioInput, path: &str, v: f64) -> ScenarioInput {
    if let Some(rest) = path.strip_prefix("options.") {
        let mut out = input.clone();
        for i in 0..input.options.len() {
            out = with_fixed(&out, &format!("options[{i}].{rest}"), v);
        }
        return out;
    }
    let mut json = serde_json::to_value(input).unwrap();
    let mut cur = &mut json;
    for part in path.split('.') {
        let (name, idx) = match part.find('[') {
            Some(i) => (
                &part[..i],
                Some(part[i + 1..part.len() - 1].parse::<usize>().unwrap()),
            ),
            None => (part, None),
        };
        cur = &mut cur[name];
        if let Some(i) = idx {
            cur = &mut cur[i];
        }
    }
    *cur = serde_json::json!([v, v, v]);
    serde_json::from_value(json).unwrap()
}

fn main() {
    let paths: u32 = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(2_000);
    for id in presets::PresetId::ALL {
        let mut input = presets::preset(id);
        input.simulation.paths = paths;
        let r = simulate(&validate(&input).unwrap());
        let (p, p_let) = p_insource(&r);
        println!("== {} ({paths} paths)", id.label());
        println!("P(in-source cheaper than recruit): {p:.3}; given contract let: {p_let:.3}");
        for o in &r.options {
            println!(
                "  {}: total P50 {:.2}m; route cost P50 {:.2}m; service P50 {:.2}m; vs baseline P50 {:+.2}m",
                o.name,
                o.total.quantiles.p50 / 1e6,
                o.route_cost.quantiles.p50 / 1e6,
                o.service_spend.quantiles.p50 / 1e6,
                o.vs_baseline.quantiles.p50 / 1e6
            );
        }
        let ins = &r.options[1];
        println!(
            "  paid to partner P10 {:.2}m P50 {:.2}m P90 {:.2}m mean {:.2}m; P(> value) {:.3}; contract let {:.3}",
            ins.paid_to_partner.quantiles.p10 / 1e6,
            ins.paid_to_partner.quantiles.p50 / 1e6,
            ins.paid_to_partner.quantiles.p90 / 1e6,
            ins.paid_to_partner.quantiles.mean / 1e6,
            ins.p_paid_above_value.mean,
            ins.contract_let.mean
        );
        for pair in &r.pairs {
            println!(
                "  pair {} vs {}: P(a cheaper) {:.3}, P(b cheaper) {:.3}, given let {:.3}/{:.3}",
                r.options[pair.a].name,
                r.options[pair.b].name,
                pair.p_a_cheaper.mean,
                pair.p_b_cheaper.mean,
                pair.p_a_cheaper_if_let.map_or(f64::NAN, |e| e.mean),
                pair.p_b_cheaper_if_let.map_or(f64::NAN, |e| e.mean),
            );
        }
        if std::env::var("NO_SWEEP").is_ok() {
            continue;
        }
        // Options 0 and 1 only, for speed.
        input.options.truncate(2);
        let mut swings: Vec<(f64, String, f64, f64)> = Vec::new();
        // Per-option inputs are swept in every option at once (the presets
        // give every option the same range), keyed by the first option's range.
        let mut seen = std::collections::BTreeSet::new();
        let mut inputs = Vec::new();
        for (path, range) in ranges(&input) {
            let key = match path.strip_prefix("options[") {
                Some(rest) => format!("options.{}", &rest[rest.find("].").unwrap() + 2..]),
                None => path.clone(),
            };
            if seen.insert(key.clone()) {
                inputs.push((key, range));
            }
        }
        for (path, range) in inputs {
            let lo = p_insource(&simulate(
                &validate(&with_fixed(&input, &path, range.low)).unwrap(),
            ))
            .0;
            let hi = p_insource(&simulate(
                &validate(&with_fixed(&input, &path, range.high)).unwrap(),
            ))
            .0;
            swings.push(((hi - lo).abs(), path, lo, hi));
        }
        swings.sort_by(|a, b| b.0.total_cmp(&a.0));
        println!(
            "  one-at-a-time sweep ({} ranges), top 10 by swing:",
            swings.len()
        );
        for (s, path, lo, hi) in swings.iter().take(10) {
            println!("    {path}: low {lo:.3}, high {hi:.3} (swing {s:.3})");
        }
    }
}
