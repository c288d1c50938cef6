#![cfg(not(target_arch = "wasm32"))]
//! Native snapshot and content tests for the "What drives the answer"
//! charts (`draw_tornado`, `draw_break_even`), in the style of
//! `chart_snapshots.rs`. To accept new output run
//! `UPDATE_SNAPSHOTS=1 cargo test --test chart_snapshots_insight`.

use std::path::PathBuf;

use plotters::prelude::*;
use turnaround::charts::{
    draw_break_even, draw_tornado, BreakEvenChart, ChartError, ChartStyle, TornadoBar,
    TornadoChart, XUnit, HIGH_COLOUR, LOW_COLOUR,
};

fn render(
    draw: impl FnOnce(
        &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    ) -> Result<turnaround::charts::ChartLayout, ChartError>,
) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (800, 450)).into_drawing_area();
        draw(&root).expect("chart draws");
        root.present().expect("present");
    }
    svg
}

fn check_snapshot(name: &str, svg: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(format!("{name}.svg"));
    let new_path = dir.join(format!("{name}.new.svg"));
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::write(&path, svg).expect("write snapshot");
        let _ = std::fs::remove_file(&new_path);
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(expected) if expected == svg => {
            let _ = std::fs::remove_file(&new_path);
        }
        _ => {
            std::fs::write(&new_path, svg).expect("write .new.svg");
            panic!(
                "chart {name} differs from {} (or it is missing); new output in {}. If intended, run UPDATE_SNAPSHOTS=1 cargo test --test chart_snapshots_insight",
                path.display(),
                new_path.display()
            );
        }
    }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn tornado_sample() -> TornadoChart {
    TornadoChart {
        title: "What drives the answer: Recruit against In-source partner".into(),
        label_a: "Recruit".into(),
        label_b: "In-source partner".into(),
        base: 900_000.0,
        bars: vec![
            TornadoBar {
                label: "Instability and entries to care".into(),
                low: -490_000.0,
                high: 3_850_000.0,
            },
            TornadoBar {
                label: "Improvement team strength (In-source partner)".into(),
                low: 22_000.0,
                high: 1_550_000.0,
            },
            TornadoBar {
                label: "Procurement length (In-source partner)".into(),
                low: 1_700_000.0,
                high: 550_000.0,
            },
        ],
    }
}

#[test]
fn tornado_snapshot_and_content() {
    let data = tornado_sample();
    let svg = render(|a| draw_tornado(a, &data, &ChartStyle::default()));
    for text in [
        "Instability and entries to care",
        "Input at its low value",
        "Input at its high value",
        "Median total spend, Recruit minus In-source partner",
    ] {
        assert!(svg.contains(text), "missing {text}");
    }
    // One low and one high bar per input.
    let count = |c: RGBColor| svg.matches(&format!("fill=\"{}\"", hex(c))).count();
    assert!(count(LOW_COLOUR) >= 3 && count(HIGH_COLOUR) >= 3);
    check_snapshot("tornado", &svg);
    // No bars: no data.
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
    let empty = TornadoChart::default();
    assert_eq!(
        draw_tornado(&root, &empty, &ChartStyle::default()).unwrap_err(),
        ChartError::NoData
    );
}

#[test]
fn break_even_snapshot_and_content() {
    let data = BreakEvenChart {
        title: "Break-even: Improvement team strength".into(),
        x_label: "Improvement team strength".into(),
        label_a: "Recruit".into(),
        x_unit: Some(XUnit::Number),
        points: (0..11)
            .map(|i| {
                let v = -1.0 + 0.375 * i as f64;
                (v, 1.0 / (1.0 + (4.0 * (v + 0.25)).exp()))
            })
            .collect(),
        current: 0.25,
        crossing: Some(-0.25),
    };
    let svg = render(|a| draw_break_even(a, &data, &ChartStyle::default()));
    for text in [
        "P(Recruit cheaper)",
        "Current value",
        "Break-even",
        "Improvement team strength",
    ] {
        assert!(svg.contains(text), "missing {text}");
    }
    check_snapshot("break_even", &svg);
}
