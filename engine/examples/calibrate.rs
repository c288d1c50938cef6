//! Sweep the Sandwell recruit route's tenure and interim stay over 144 months (development aid).
use turnaround_engine::{presets, simulate, validate, Range};

fn main() {
    for (t, i) in [
        ((28.0, 32.0, 36.0), (8.0, 10.0, 12.0)),
        ((30.0, 36.0, 42.0), (8.0, 10.0, 12.0)),
        ((32.0, 38.0, 44.0), (8.0, 10.0, 12.0)),
        ((34.0, 40.0, 46.0), (8.0, 10.0, 12.0)),
        ((28.0, 32.0, 36.0), (8.0, 12.0, 12.0)),
    ] {
        let mut input = presets::preset(presets::PresetId::Sandwell2012);
        input.simulation.horizon_months = 144;
        input.simulation.paths = 2000;
        input.options.truncate(1);
        input.options[0].leadership.permanent_mean_tenure_months = Range::new(t.0, t.1, t.2);
        input.options[0].leadership.interim_mean_stay_months = Range::new(i.0, i.1, i.2);
        let r = simulate(&validate(&input).unwrap());
        let o = &r.options[0];
        println!(
            "tenure {t:?} interim {i:?}: holders {:.2} +- {:.2}, stable share {:.2}",
            o.distinct_holders.mean, o.distinct_holders.mcse, o.stable_share.mean
        );
    }
}
