//! Times the decision-insight analysis (tornado, break-evens, EVPPI) on both
//! presets and prints its headline figures.
//!
//! `cargo run --release -p turnaround-engine --example insight`

use std::time::Instant;

use turnaround_engine::{insight, presets, simulate_with_draws, validate};

fn main() {
    for id in [
        presets::PresetId::Sandwell2012,
        presets::PresetId::England2024,
    ] {
        let scenario = validate(&presets::preset(id)).expect("preset");
        let t0 = Instant::now();
        let (results, draws) = simulate_with_draws(&scenario, scenario.input().simulation.paths);
        let main_ms = t0.elapsed().as_secs_f64() * 1e3;
        let (a, b) = (0, 1);
        let settings = insight::Settings::default();
        let mut run = insight::Insight::new(&scenario, &draws, a, b, settings);
        let t1 = Instant::now();
        let mut marks = Vec::new();
        let mut seen = (false, 0usize);
        while !run.advance(2_000) {
            if run.tornado().is_some() && !seen.0 {
                seen.0 = true;
                marks.push(("tornado", t1.elapsed().as_secs_f64() * 1e3));
            }
            if run.break_evens().len() > seen.1 {
                seen.1 = run.break_evens().len();
                marks.push(("break-even", t1.elapsed().as_secs_f64() * 1e3));
            }
        }
        let total_ms = t1.elapsed().as_secs_f64() * 1e3;
        let report = run.finish();
        let names = |i: usize| results.options[i].name.clone();
        println!(
            "== {id:?}: {} vs {}; main run {main_ms:.0} ms; insight {total_ms:.0} ms; {} inputs",
            names(a),
            names(b),
            report.tornado.rows.len()
        );
        for (what, ms) in marks {
            println!("   {what} done at {ms:.0} ms");
        }
        let t = &report.tornado;
        println!(
            "   base (first {} paths): P(a cheaper) {:.3}, median diff {:.0}",
            t.paths, t.base.p_a_cheaper, t.base.median_difference
        );
        for r in t.rows.iter().take(8) {
            println!(
                "   {:55} low {:>10.3} -> P {:.3} med {:>11.0} | high {:>10.3} -> P {:.3} med {:>11.0} | swing {:>9.0}",
                r.input.name,
                r.low.value,
                r.low.p_a_cheaper,
                r.low.median_difference,
                r.high.value,
                r.high.p_a_cheaper,
                r.high.median_difference,
                r.swing
            );
        }
        for be in &report.break_evens {
            println!(
                "   break-even {}: span {:?}, P crossing {:?}, median crossing {:?}, mean crossing {:?}",
                be.input.name, be.span, be.p_crossing, be.median_crossing, be.mean_crossing
            );
        }
        let v = &report.voi;
        println!("   EVPI {:.0} (se {:.0})", v.evpi.value, v.evpi.mcse);
        for r in v.rows.iter().take(5) {
            println!(
                "   EVPPI {:55} {:>9.0} (se {:.0})",
                r.input.name, r.evppi.value, r.evppi.mcse
            );
        }
    }
}
