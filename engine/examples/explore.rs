//! Print headline figures for a preset (development aid).
use turnaround_engine::{presets, simulate, validate, Category, Route};

fn main() {
    for id in presets::PresetId::ALL {
        let mut input = presets::preset(id);
        let horizon: u32 = std::env::args()
            .nth(1)
            .map(|s| s.parse().unwrap())
            .unwrap_or(60);
        input.simulation.horizon_months = horizon;
        input.simulation.paths = 2000;
        let sc = validate(&input).unwrap();
        let t = std::time::Instant::now();
        let r = simulate(&sc);
        println!("{} ({:?})", id.label(), t.elapsed());
        for o in &r.options {
            println!("  {}: total mean {:.2}m/yr, p5 {:.1}m p95 {:.1}m; holders {:.2} changes {:.2} stable_share {:.2} p24 {:.2}",
                o.name, o.total.quantiles.mean / 1e6 * 12.0 / horizon as f64, o.total.quantiles.p5/1e6, o.total.quantiles.p95/1e6,
                o.distinct_holders.mean, o.leadership_changes.mean, o.stable_share.mean, o.p_stable_24.mean);
            for (k, c) in Category::ALL.iter().enumerate() {
                print!(
                    "    {}: {:.2}m/yr",
                    c.label(),
                    o.total_by_category[k].quantiles.mean / 1e6 * 12.0 / horizon as f64
                );
            }
            println!();
            let last = o.agency_share.len() - 1;
            println!("    agency share m1 {:.3} m12 {:.3} last {:.3}; S m12 {:.2} last {:.2}; overspend {:.1}m",
                o.agency_share[0].p50, o.agency_share[11].p50, o.agency_share[last].p50, o.stability[11].p50, o.stability[last].p50, o.overspend.quantiles.mean/1e6);
        }
        for o in &r.options {
            let y = o.annual_by_category_mean[0];
            println!(
                "  {} year 1: total {:.2}m placements {:.2}m",
                o.name,
                y.iter().sum::<f64>() / 1e6,
                y[3] / 1e6
            );
        }
        for p in &r.pairs {
            println!(
                "  pair: diff mean {:.2}m p_a_cheaper {:.2} break-even {:?} dchanges {:.2}",
                p.difference.quantiles.mean / 1e6,
                p.p_a_cheaper.mean,
                p.break_even_month,
                p.leadership_changes_difference.mean
            );
        }
        let _ = Route::Recruit;
    }
}
