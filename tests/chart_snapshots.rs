#![cfg(not(target_arch = "wasm32"))]
//! Native snapshot and content tests for `turnaround::charts`.
//!
//! Each chart is drawn to SVG (plotters' deterministic "naive" font metrics
//! natively) and compared with `tests/snapshots/<name>.svg`. To accept new
//! output run `UPDATE_SNAPSHOTS=1 cargo test --test chart_snapshots`; on a
//! mismatch the new output is written next to the snapshot as `.new.svg`.

use std::path::PathBuf;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use turnaround::charts::{
    draw_difference_histogram, draw_fan, draw_seat_states, draw_stacked_annual, Band, ChartError,
    ChartLayout, ChartStyle, DifferenceHistogram, FanChart, FanSeries, SeatStates, StackedAnnual,
    YUnit, CATEGORY_COLOURS, DIFFERENCE_COLOURS, PALETTE, SEAT_COLOURS,
};

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// A boxed chart drawing call, for looping over charts.
type DrawFn<'d> = Box<dyn Fn(&Area<'_>) -> Result<ChartLayout, ChartError> + 'd>;

const W: u32 = 800;
const H: u32 = 450;

fn style() -> ChartStyle {
    ChartStyle {
        scale: 1.0,
        font_family: "sans-serif",
    }
}

/// Draw into an SVG string of the given size.
fn render(
    w: u32,
    h: u32,
    draw: impl FnOnce(&Area<'_>) -> Result<ChartLayout, ChartError>,
) -> Result<(String, ChartLayout), ChartError> {
    let mut svg = String::new();
    let layout = {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let layout = draw(&root)?;
        root.present()
            .map_err(|e| ChartError::Drawing(e.to_string()))?;
        layout
    };
    Ok((svg, layout))
}

fn render_ok(
    w: u32,
    h: u32,
    draw: impl FnOnce(&Area<'_>) -> Result<ChartLayout, ChartError>,
) -> (String, ChartLayout) {
    render(w, h, draw).expect("chart should draw")
}

/// Compare with (or, with UPDATE_SNAPSHOTS=1, write) tests/snapshots/<name>.svg.
fn check_snapshot(name: &str, svg: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(format!("{name}.svg"));
    let new_path = dir.join(format!("{name}.new.svg"));
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::create_dir_all(&dir).expect("create tests/snapshots");
        std::fs::write(&path, svg).expect("write snapshot");
        let _ = std::fs::remove_file(&new_path);
        return;
    }
    let expected = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(_) => {
            std::fs::create_dir_all(&dir).expect("create tests/snapshots");
            std::fs::write(&new_path, svg).expect("write .new.svg");
            panic!(
                "snapshot {} is missing; output written to {}. \
                 Look at it, then run UPDATE_SNAPSHOTS=1 cargo test --test chart_snapshots to accept it.",
                path.display(),
                new_path.display()
            );
        }
    };
    if expected == svg {
        let _ = std::fs::remove_file(&new_path);
        return;
    }
    std::fs::write(&new_path, svg).expect("write .new.svg");
    let (line, old, new) = expected
        .lines()
        .zip(svg.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| (i + 1, a.to_string(), b.to_string()))
        .unwrap_or((
            expected.lines().count().min(svg.lines().count()) + 1,
            format!("({} lines)", expected.lines().count()),
            format!("({} lines)", svg.lines().count()),
        ));
    panic!(
        "chart {name} differs from {} at line {line}:\n  expected: {old}\n  actual:   {new}\n\
         New output written to {}. If the change is intended, run \
         UPDATE_SNAPSHOTS=1 cargo test --test chart_snapshots",
        path.display(),
        new_path.display()
    );
}

// ---------------------------------------------------------------- sample data

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A band around a median with a given spread (normal-ish quantiles).
fn band(median: f64, sd: f64, floor: f64, ceil: f64) -> Band {
    let q = |z: f64| (median + z * sd).clamp(floor, ceil);
    Band {
        p5: q(-1.645),
        p25: q(-0.674),
        p50: q(0.0),
        p75: q(0.674),
        p95: q(1.645),
    }
}

/// Two options, 60 months, cumulative spend rising to about £180m with
/// widening bands.
fn cumulative_sample() -> FanChart {
    let months = 60;
    let recruit = (1..=months)
        .map(|t| {
            let t = f64::from(t);
            band(
                3.0e6 * t + 0.04e6 * t * t / 12.0,
                0.35e6 * t.powf(1.1),
                0.0,
                f64::MAX,
            )
        })
        .collect();
    let insource = (1..=months)
        .map(|t| {
            let t = f64::from(t);
            band(1.15e6 + 2.9e6 * t, 0.22e6 * t.powf(1.1), 0.0, f64::MAX)
        })
        .collect();
    FanChart {
        title: "Cumulative spend on the modelled lines".into(),
        y_label: "Cumulative spend".into(),
        y_unit: YUnit::Money,
        series: vec![
            FanSeries {
                label: "Recruit".into(),
                points: recruit,
            },
            FanSeries {
                label: "In-source".into(),
                points: insource,
            },
        ],
    }
}

/// Agency share falling from 25% with widening uncertainty.
fn agency_sample() -> FanChart {
    let months = 60;
    let series = [("Recruit", 0.20, 0.030), ("In-source", 0.12, 0.045)]
        .iter()
        .map(|&(label, target, rate)| FanSeries {
            label: label.into(),
            points: (1..=months)
                .map(|t| {
                    let t = f64::from(t);
                    let m = target + (0.25 - target) * (-rate * t).exp();
                    band(m, 0.004 * t.sqrt() + 0.002 * t / 6.0, 0.0, 1.0)
                })
                .collect(),
        })
        .collect();
    FanChart {
        title: "Agency social workers, share of establishment".into(),
        y_label: "Agency share".into(),
        y_unit: YUnit::Share,
        series,
    }
}

fn categories() -> Vec<String> {
    [
        "Leadership",
        "Social worker pay",
        "Agency premium",
        "Placements",
        "SEN transport",
        "Contract",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn stacked_sample() -> StackedAnnual {
    let years = 5;
    let recruit = (0..years)
        .map(|y| {
            let g = 1.04f64.powi(y);
            vec![
                0.32e6,
                9.0e6,
                2.9e6 * 0.95f64.powi(y),
                22.0e6 * g,
                5.5e6 * g,
                0.0,
            ]
        })
        .collect();
    let insource = (0..years)
        .map(|y| {
            let g = 1.035f64.powi(y);
            let contract = if y < 3 { 0.46e6 } else { 0.0 };
            vec![
                0.12e6,
                9.0e6,
                2.9e6 * 0.85f64.powi(y),
                21.5e6 * g,
                5.5e6 * g,
                contract,
            ]
        })
        .collect();
    StackedAnnual {
        title: "Mean spend per year by category".into(),
        categories: categories(),
        options: vec![("Recruit".into(), recruit), ("In-source".into(), insource)],
    }
}

/// 40 bins from -£8m to +£4m, roughly normal around -£2m, 10,000 runs.
fn histogram_sample() -> DifferenceHistogram {
    let (lo, width, bins) = (-8.0e6, 0.3e6, 40);
    let (mean, sd, n) = (-2.0e6, 1.5e6, 10_000.0);
    let edges: Vec<f64> = (0..=bins).map(|i| lo + f64::from(i) * width).collect();
    let counts = (0..bins as usize)
        .map(|i| {
            let mid = (edges[i] + edges[i + 1]) / 2.0;
            let z = (mid - mean) / sd;
            let pdf = (-0.5 * z * z).exp() / (sd * (2.0 * std::f64::consts::PI).sqrt());
            (pdf * width * n).round() as u32
        })
        .collect();
    DifferenceHistogram {
        title: "Difference in total spend over 5 years".into(),
        label_a: "In-source".into(),
        label_b: "Recruit".into(),
        edges,
        counts,
        p10: mean - 1.2816 * sd,
        p50: mean,
        p90: mean + 1.2816 * sd,
    }
}

fn seat_sample() -> SeatStates {
    let months = (1..=60)
        .map(|t| {
            let t = f64::from(t);
            // A partner arrives after a 4-month procurement, for 30 months;
            // after that a permanent appointment becomes likely.
            let partner_in = 0.92 / (1.0 + (-(t - 5.0) * 1.3).exp());
            let partner_out = 1.0 / (1.0 + (-(t - 33.0) * 0.5).exp());
            let partner = partner_in * (1.0 - 0.7 * partner_out);
            let permanent = (1.0 - partner) * (0.1 + 0.65 * partner_out);
            let interim = 1.0 - partner - permanent;
            [permanent, partner, interim]
        })
        .collect();
    SeatStates {
        title: "Who is in the director's seat".into(),
        option: "In-source".into(),
        months,
    }
}

// ------------------------------------------------------------- svg helpers

/// Attribute value of a one-line SVG element.
fn attr<'a>(el: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = el.find(&key)? + key.len();
    let rest = &el[start..];
    Some(&rest[..rest.find('"')?])
}

fn num(el: &str, name: &str) -> f64 {
    attr(el, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// Elements of a kind (`rect`, `polygon`, `polyline`, `text`), one per line
/// as plotters writes them.
fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.lines()
        .map(str::trim)
        .filter(|l| l.starts_with(&open))
        .collect()
}

/// Filled rectangles of the given colour whose top-left corner lies inside
/// the plotting rectangle (this excludes legend swatches in the header).
fn plot_rects(svg: &str, colour: RGBColor, layout: &ChartLayout) -> usize {
    let fill = hex(colour);
    elements(svg, "rect")
        .into_iter()
        .filter(|r| attr(r, "fill") == Some(fill.as_str()))
        .filter(|r| {
            let (x, y) = (num(r, "x"), num(r, "y"));
            x >= f64::from(layout.plot_left)
                && x <= f64::from(layout.plot_right)
                && y >= f64::from(layout.plot_top)
                && y <= f64::from(layout.plot_bottom)
        })
        .count()
}

fn has_text(svg: &str, text: &str) -> bool {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
        .replace('"', "&quot;");
    svg.contains(&format!(">{escaped}</text>")) || svg.contains(&format!("\n{escaped}\n</text>"))
}

fn assert_texts(svg: &str, texts: &[&str]) {
    for t in texts {
        assert!(has_text(svg, t), "SVG should contain the text {t:?}");
    }
}

fn assert_sane_layout(layout: &ChartLayout, w: u32, h: u32) {
    assert!(layout.plot_left > 0 && layout.plot_left < layout.plot_right);
    assert!(layout.plot_right <= w as i32, "{layout:?}");
    assert!(layout.plot_top > 0 && layout.plot_top < layout.plot_bottom);
    assert!(layout.plot_bottom < h as i32, "{layout:?}");
    assert!(layout.x_min < layout.x_max);
}

// ------------------------------------------------------------------- tests

#[test]
fn cumulative_fan_snapshot_and_content() {
    let data = cumulative_sample();
    let (svg, layout) = render_ok(W, H, |a| draw_fan(a, &data, &style()));
    check_snapshot("cumulative_fan", &svg);
    assert_sane_layout(&layout, W, H);
    assert_texts(
        &svg,
        &[
            "Cumulative spend on the modelled lines",
            "Recruit (median)",
            "In-source (median)",
            "Month",
            "Cumulative spend",
            "£0",
            "12",
            "60",
        ],
    );
    // Money axis reaches about £180m-£200m.
    assert!(
        has_text(&svg, "£200m") || has_text(&svg, "£180m"),
        "top money tick"
    );
    for (i, _) in data.series.iter().enumerate() {
        let c = hex(PALETTE[i]);
        let medians = elements(&svg, "polyline")
            .into_iter()
            .filter(|p| {
                attr(p, "stroke") == Some(c.as_str()) && attr(p, "stroke-width") == Some("3")
            })
            .filter(|p| attr(p, "points").map_or(0, |pts| pts.split_whitespace().count()) == 60)
            .count();
        assert_eq!(medians, 1, "one 60-point median polyline in {c}");
        let bands = elements(&svg, "polygon")
            .into_iter()
            .filter(|p| attr(p, "fill") == Some(c.as_str()))
            .count();
        assert_eq!(bands, 2, "a 5-95 and a 25-75 band in {c}");
    }
    // Month 1 is at the left edge, month 60 at the right edge.
    assert_eq!(layout.x_min, 0.5);
    assert_eq!(layout.x_max, 60.5);
    assert_eq!(layout.index_at(f64::from(layout.plot_left), 60), Some(0));
    assert_eq!(layout.index_at(f64::from(layout.plot_right), 60), Some(59));
    assert_eq!(layout.index_at(f64::from(layout.plot_left) - 1.0, 60), None);
    assert_eq!(
        layout.index_at(f64::from(layout.plot_right) + 1.0, 60),
        None
    );
    // Pixel of month 30's centre maps back to index 29.
    let px = f64::from(layout.plot_left)
        + (30.0 - 0.5) / 60.0 * f64::from(layout.plot_right - layout.plot_left);
    assert_eq!(layout.index_at(px, 60), Some(29));
}

#[test]
fn cumulative_fan_small_snapshot() {
    let data = cumulative_sample();
    let (svg, layout) = render_ok(360, 240, |a| draw_fan(a, &data, &style()));
    check_snapshot("cumulative_fan_360x240", &svg);
    assert_sane_layout(&layout, 360, 240);
    assert_texts(&svg, &["Recruit (median)", "In-source (median)", "Month"]);
}

#[test]
fn agency_fan_snapshot_and_content() {
    let data = agency_sample();
    let (svg, layout) = render_ok(W, H, |a| draw_fan(a, &data, &style()));
    check_snapshot("agency_fan", &svg);
    assert_sane_layout(&layout, W, H);
    assert_texts(
        &svg,
        &[
            "Agency social workers, share of establishment",
            "Recruit (median)",
            "In-source (median)",
            "Agency share",
            "0%",
        ],
    );
    assert!(!svg.contains('£'), "a share chart has no money labels");
    // draw_fan honours y_unit and draws the same picture for Share data.
    let (svg2, _) = render_ok(W, H, |a| draw_fan(a, &data, &style()));
    assert_eq!(svg, svg2);
}

#[test]
fn stacked_annual_snapshot_and_content() {
    let data = stacked_sample();
    let (svg, layout) = render_ok(W, H, |a| draw_stacked_annual(a, &data, &style()));
    check_snapshot("stacked_annual", &svg);
    assert_sane_layout(&layout, W, H);
    let mut texts: Vec<&str> = vec![
        "Mean spend per year by category",
        "Year",
        "A = Recruit",
        "B = In-source",
    ];
    let cats = categories();
    texts.extend(cats.iter().map(String::as_str));
    assert_texts(&svg, &texts);
    // One segment per positive (year, option, category) amount.
    for (c, colour) in CATEGORY_COLOURS.iter().enumerate() {
        let expected = data
            .options
            .iter()
            .flat_map(|(_, ys)| ys.iter())
            .filter(|cats| cats[c] > 0.0)
            .count();
        assert_eq!(
            plot_rects(&svg, *colour, &layout),
            expected,
            "segments of category {}",
            cats[c]
        );
    }
    // Option letters over every bar: 5 years x 2 options.
    let letters = svg.matches("\nA\n</text>").count() + svg.matches("\nB\n</text>").count();
    assert_eq!(letters, 10);
    assert_eq!(layout.index_at(f64::from(layout.plot_left), 5), Some(0));
    assert_eq!(layout.index_at(f64::from(layout.plot_right), 5), Some(4));
    assert_eq!(layout.index_at(f64::from(layout.plot_right) + 1.0, 5), None);
}

#[test]
fn difference_histogram_snapshot_and_content() {
    let data = histogram_sample();
    let (svg, layout) = render_ok(W, H, |a| draw_difference_histogram(a, &data, &style()));
    check_snapshot("difference_histogram", &svg);
    assert_sane_layout(&layout, W, H);
    assert_texts(
        &svg,
        &[
            "Difference in total spend over 5 years",
            "In-source cheaper",
            "Recruit cheaper",
            "Total spend, In-source minus Recruit",
            "P10 -£3.92m",
            "P50 -£2.00m",
            "P90 -£78k",
            "£0",
        ],
    );
    let a_bars = plot_rects(&svg, DIFFERENCE_COLOURS[0], &layout);
    let b_bars = plot_rects(&svg, DIFFERENCE_COLOURS[1], &layout);
    assert_eq!(a_bars + b_bars, data.counts.len(), "one bar per bin");
    // Bins are 0.3m wide from -8m: 26 below zero, 14 above (the bin
    // straddling zero, -0.2m..0.1m, has a negative midpoint).
    assert_eq!((a_bars, b_bars), (27, 13));
    assert_eq!(layout.x_min, -8.0e6);
    assert_eq!(layout.x_max, 4.0e6);
    assert_eq!(layout.index_at(f64::from(layout.plot_left), 40), Some(0));
    assert_eq!(layout.index_at(f64::from(layout.plot_right), 40), Some(39));
    assert_eq!(layout.index_at(f64::from(layout.plot_left) - 0.5, 40), None);
    let zero = layout.x_at(f64::from(layout.plot_left)).unwrap();
    assert_eq!(zero, -8.0e6);
}

#[test]
fn seat_states_snapshot_and_content() {
    let data = seat_sample();
    let (svg, layout) = render_ok(W, H, |a| draw_seat_states(a, &data, &style()));
    check_snapshot("seat_states", &svg);
    assert_sane_layout(&layout, W, H);
    assert_texts(
        &svg,
        &[
            "Who is in the director's seat",
            "In-source:",
            "Permanent",
            "Partner",
            "Interim",
            "Probability",
            "100%",
            "Month",
        ],
    );
    for c in SEAT_COLOURS {
        let areas = elements(&svg, "polygon")
            .into_iter()
            .filter(|p| attr(p, "fill") == Some(hex(c).as_str()))
            .count();
        assert_eq!(areas, 1, "one stacked area in {}", hex(c));
    }
    assert_eq!(layout.index_at(f64::from(layout.plot_left), 60), Some(0));
    assert_eq!(layout.index_at(f64::from(layout.plot_right), 60), Some(59));
}

#[test]
fn snapshots_are_stable_across_runs() {
    let data = cumulative_sample();
    let a = render_ok(W, H, |a| draw_fan(a, &data, &style()));
    let b = render_ok(W, H, |a| draw_fan(a, &data, &style()));
    assert_eq!(a, b);
    let h = histogram_sample();
    let a = render_ok(W, H, |a| draw_difference_histogram(a, &h, &style()));
    let b = render_ok(W, H, |a| draw_difference_histogram(a, &h, &style()));
    assert_eq!(a, b);
}

#[test]
fn empty_inputs_are_no_data() {
    let no_data = |r: Result<(String, ChartLayout), ChartError>| {
        assert_eq!(r.err(), Some(ChartError::NoData));
    };
    let empty_fan = FanChart::default();
    no_data(render(W, H, |a| draw_fan(a, &empty_fan, &style())));
    no_data(render(W, H, |a| draw_fan(a, &empty_fan, &style())));
    let no_points = FanChart {
        series: vec![FanSeries {
            label: "Recruit".into(),
            points: vec![],
        }],
        ..FanChart::default()
    };
    no_data(render(W, H, |a| draw_fan(a, &no_points, &style())));
    no_data(render(W, H, |a| {
        draw_stacked_annual(a, &StackedAnnual::default(), &style())
    }));
    let no_years = StackedAnnual {
        categories: categories(),
        options: vec![("Recruit".into(), vec![])],
        ..StackedAnnual::default()
    };
    no_data(render(W, H, |a| {
        draw_stacked_annual(a, &no_years, &style())
    }));
    no_data(render(W, H, |a| {
        draw_difference_histogram(a, &DifferenceHistogram::default(), &style())
    }));
    let one_edge = DifferenceHistogram {
        edges: vec![0.0],
        counts: vec![3],
        ..DifferenceHistogram::default()
    };
    no_data(render(W, H, |a| {
        draw_difference_histogram(a, &one_edge, &style())
    }));
    no_data(render(W, H, |a| {
        draw_seat_states(a, &SeatStates::default(), &style())
    }));
    assert_eq!(ChartError::NoData.to_string(), "no data to chart");
}

#[test]
fn edge_cases_do_not_panic() {
    // All-equal values, a single month, NaN and infinities.
    let flat = FanChart {
        title: "Flat".into(),
        y_label: "Spend".into(),
        y_unit: YUnit::Money,
        series: vec![FanSeries {
            label: "Flat".into(),
            points: vec![band(5.0e6, 0.0, 0.0, f64::MAX); 24],
        }],
    };
    let single = FanChart {
        series: vec![FanSeries {
            label: "One".into(),
            points: vec![band(1.0e6, 1.0e5, 0.0, f64::MAX)],
        }],
        ..flat.clone()
    };
    let zeros = FanChart {
        series: vec![FanSeries {
            label: "Zero".into(),
            points: vec![Band::default(); 12],
        }],
        ..flat.clone()
    };
    let mut nan = cumulative_sample();
    nan.series[0].points[3].p50 = f64::NAN;
    nan.series[1].points[7].p95 = f64::INFINITY;
    nan.series[1].points[8].p5 = f64::NEG_INFINITY;
    let all_nan = FanChart {
        series: vec![FanSeries {
            label: "Missing".into(),
            points: vec![
                Band {
                    p5: f64::NAN,
                    p25: f64::NAN,
                    p50: f64::NAN,
                    p75: f64::NAN,
                    p95: f64::NAN,
                };
                6
            ],
        }],
        ..flat.clone()
    };
    let mut many = cumulative_sample();
    for i in 0..7 {
        let mut s = many.series[i % 2].clone();
        s.label = format!("Option with a rather long name number {i}");
        many.series.push(s);
    }
    for data in [&flat, &single, &zeros, &nan, &all_nan, &many] {
        let (svg, layout) = render_ok(W, H, |a| draw_fan(a, data, &style()));
        assert_sane_layout(&layout, W, H);
        for bad in ["NaN", "inf"] {
            let hit = svg.lines().find(|l| l.contains(bad));
            assert!(
                hit.is_none(),
                "{bad} in output of {}: {hit:?}",
                data.series[0].label
            );
        }
        render_ok(W, H, |a| draw_fan(a, data, &style()));
    }
    let (_, layout) = render_ok(W, H, |a| draw_fan(a, &single, &style()));
    assert_eq!(layout.index_at(f64::from(layout.plot_left), 1), Some(0));
    assert_eq!(layout.index_at(f64::from(layout.plot_right), 1), Some(0));

    let hist_flat = DifferenceHistogram {
        title: "Flat".into(),
        label_a: "A".into(),
        label_b: "B".into(),
        edges: vec![1.0e6, 1.0e6],
        counts: vec![0],
        p10: f64::NAN,
        p50: 1.0e6,
        p90: f64::INFINITY,
    };
    render_ok(W, H, |a| draw_difference_histogram(a, &hist_flat, &style()));
    let mut hist_short = histogram_sample();
    hist_short.edges.truncate(10);
    let (svg, layout) = render_ok(W, H, |a| {
        draw_difference_histogram(a, &hist_short, &style())
    });
    let bars = plot_rects(&svg, DIFFERENCE_COLOURS[0], &layout)
        + plot_rects(&svg, DIFFERENCE_COLOURS[1], &layout);
    assert_eq!(bars, 9, "only the bins the edges bound");
    let mut hist_positive = histogram_sample();
    for e in &mut hist_positive.edges {
        *e += 20.0e6;
    }
    hist_positive.p10 += 20.0e6;
    hist_positive.p50 += 20.0e6;
    hist_positive.p90 += 20.0e6;
    render_ok(W, H, |a| {
        draw_difference_histogram(a, &hist_positive, &style())
    });

    let stacked_odd = StackedAnnual {
        title: "Odd".into(),
        categories: vec!["Only".into()],
        options: vec![
            ("Zero".into(), vec![vec![0.0]]),
            ("NaN".into(), vec![vec![f64::NAN], vec![-5.0]]),
            ("Ragged".into(), vec![vec![1.0, 2.0, 3.0], vec![]]),
        ],
    };
    render_ok(W, H, |a| draw_stacked_annual(a, &stacked_odd, &style()));
    let mut one_option = stacked_sample();
    one_option.options.truncate(1);
    let (svg, layout) = render_ok(W, H, |a| draw_stacked_annual(a, &one_option, &style()));
    assert_sane_layout(&layout, W, H);
    assert_texts(&svg, &["Option: Recruit"]);
    assert_eq!(
        svg.matches("\nA\n</text>").count(),
        0,
        "no letters for one option"
    );

    let seats_odd = SeatStates {
        title: "Odd".into(),
        option: String::new(),
        months: vec![[0.0, 0.0, 0.0], [f64::NAN, 2.0, -1.0], [0.2, 0.3, 0.5]],
    };
    render_ok(W, H, |a| draw_seat_states(a, &seats_odd, &style()));
    let seats_one = SeatStates {
        months: vec![[0.5, 0.25, 0.25]],
        ..seats_odd
    };
    render_ok(W, H, |a| draw_seat_states(a, &seats_one, &style()));
}

#[test]
fn all_sizes_and_scales_draw() {
    let fan = cumulative_sample();
    let agency = agency_sample();
    let stacked = stacked_sample();
    let hist = histogram_sample();
    let seats = seat_sample();
    for &(w, h) in &[(360, 240), (640, 360), (800, 450), (1600, 900)] {
        for &scale in &[0.5, 1.0, 1.5, 2.0, 3.0] {
            let st = ChartStyle {
                scale,
                font_family: "sans-serif",
            };
            let sane = |(_, l): (String, ChartLayout)| assert_sane_layout(&l, w, h);
            // Very large type on a small chart may leave no room; it must
            // still not panic. Otherwise the layout must be sane.
            let fits = scale <= 2.0 || w >= 800;
            let results = [
                render(w, h, |a| draw_fan(a, &fan, &st)),
                render(w, h, |a| draw_fan(a, &agency, &st)),
                render(w, h, |a| draw_stacked_annual(a, &stacked, &st)),
                render(w, h, |a| draw_difference_histogram(a, &hist, &st)),
                render(w, h, |a| draw_seat_states(a, &seats, &st)),
            ];
            if fits {
                for r in results {
                    sane(r.unwrap_or_else(|e| panic!("{w}x{h} scale {scale}: {e}")));
                }
            }
        }
    }
    // Degenerate areas and scales must not panic either.
    for &(w, h) in &[(1, 1), (20, 10), (120, 60)] {
        for &scale in &[f64::NAN, 0.0, -1.0, 1.0, 100.0] {
            let st = ChartStyle {
                scale,
                font_family: "sans-serif",
            };
            let _ = render(w, h, |a| draw_fan(a, &fan, &st));
            let _ = render(w, h, |a| draw_stacked_annual(a, &stacked, &st));
            let _ = render(w, h, |a| draw_difference_histogram(a, &hist, &st));
            let _ = render(w, h, |a| draw_seat_states(a, &seats, &st));
        }
    }
}

#[test]
fn layout_index_at() {
    let l = ChartLayout {
        plot_left: 100,
        plot_right: 700,
        plot_top: 50,
        plot_bottom: 400,
        x_min: 0.5,
        x_max: 60.5,
    };
    assert_eq!(l.index_at(100.0, 60), Some(0));
    assert_eq!(l.index_at(700.0, 60), Some(59));
    assert_eq!(l.index_at(99.9, 60), None);
    assert_eq!(l.index_at(700.1, 60), None);
    assert_eq!(l.index_at(f64::NAN, 60), None);
    assert_eq!(l.index_at(400.0, 0), None);
    assert_eq!(l.index_at(400.0, 1), Some(0));
    // Month m is centred at 100 + (m - 0.5) * 10 px.
    assert_eq!(l.index_at(100.0 + 11.5 * 10.0, 60), Some(11));
    assert_eq!(l.index_at(100.0 + 12.0 * 10.0 - 0.1, 60), Some(11));
    assert_eq!(l.index_at(100.0 + 12.0 * 10.0 + 0.1, 60), Some(12));
    assert_eq!(l.x_at(400.0), Some(30.5));
    assert_eq!(l.x_at(50.0), None);
    assert!(l.contains(100.0, 50.0) && l.contains(700.0, 400.0));
    assert!(!l.contains(700.0, 401.0));
    let degenerate = ChartLayout {
        plot_right: 100,
        ..l
    };
    assert_eq!(degenerate.index_at(100.0, 10), None);
}

#[test]
fn money_formats_one_style() {
    use turnaround::format::money;
    let cases = [
        (0.0, "£0"),
        (0.4, "£0"),
        (-0.4, "£0"),
        (300.0, "£300"),
        (999.0, "£999"),
        (7_500.0, "£7.5k"),
        (750_000.0, "£750k"),
        (850_000.0, "£850k"),
        (-300_000.0, "-£300k"),
        (999_600.0, "£1.00m"),
        (1_000_000.0, "£1.00m"),
        (1_234_000.0, "£1.23m"),
        (-2_000_000.0, "-£2.00m"),
        (9_996_000.0, "£10.0m"),
        (50_000_000.0, "£50.0m"),
        (180_400_000.0, "£180.4m"),
        (1_500_000_000.0, "£1.50bn"),
    ];
    for (v, want) in cases {
        assert_eq!(money(v), want, "money({v})");
    }
    assert_eq!(money(f64::NAN), "\u{2013}");
}

#[test]
fn palette_is_okabe_ito() {
    let okabe_ito = [
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
    ];
    let mut ours: Vec<String> = PALETTE.iter().map(|c| hex(*c)).collect();
    ours.sort();
    let mut theirs: Vec<String> = okabe_ito.iter().map(|s| s.to_string()).collect();
    theirs.sort();
    assert_eq!(ours, theirs);
    // Option colours, category colours and seat colours are distinct sets.
    let cats: std::collections::BTreeSet<String> =
        CATEGORY_COLOURS.iter().map(|c| hex(*c)).collect();
    assert_eq!(cats.len(), 6);
    let seats: std::collections::BTreeSet<String> = SEAT_COLOURS.iter().map(|c| hex(*c)).collect();
    assert_eq!(seats.len(), 3);
}

/// With CHART_PREVIEW_DIR set, write every chart at small, normal and large
/// sizes there as SVG (for looking at by eye, e.g. via rsvg-convert).
#[test]
fn preview_sizes() {
    let Ok(dir) = std::env::var("CHART_PREVIEW_DIR") else {
        return;
    };
    std::fs::create_dir_all(&dir).expect("create preview dir");
    let fan = cumulative_sample();
    let agency = agency_sample();
    let stacked = stacked_sample();
    let hist = histogram_sample();
    let seats = seat_sample();
    for &(w, h, scale) in &[
        (360, 240, 1.0),
        (800, 450, 1.0),
        (1600, 900, 2.0),
        (1600, 900, 1.0),
    ] {
        let st = ChartStyle {
            scale,
            font_family: "sans-serif",
        };
        let charts: [(&str, DrawFn<'_>); 5] = [
            ("fan", Box::new(|a| draw_fan(a, &fan, &st))),
            ("agency", Box::new(|a| draw_fan(a, &agency, &st))),
            (
                "stacked",
                Box::new(|a| draw_stacked_annual(a, &stacked, &st)),
            ),
            (
                "histogram",
                Box::new(|a| draw_difference_histogram(a, &hist, &st)),
            ),
            ("seats", Box::new(|a| draw_seat_states(a, &seats, &st))),
        ];
        for (name, draw) in charts {
            let (svg, _) = render_ok(w, h, draw);
            let path = format!("{dir}/{name}_{w}x{h}_s{scale}.svg");
            std::fs::write(path, svg).expect("write preview");
        }
    }
}

// ------------------------------------------------------ hostile label sizes

/// An SVG backend that counts the characters it is asked to measure: the
/// work chart layout does for its labels.
struct Counting<'a> {
    inner: SVGBackend<'a>,
    measured: std::rc::Rc<std::cell::Cell<usize>>,
}

impl DrawingBackend for Counting<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.measured
            .set(self.measured.get() + text.chars().count());
        self.inner.estimate_text_size(text, style)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_text(text, style, pos)
    }
}

/// Characters measured while drawing `draw` on an 800x450 counting backend,
/// and the SVG drawn.
fn measured_chars(
    draw: impl FnOnce(&DrawingArea<Counting<'_>, Shift>) -> Result<ChartLayout, ChartError>,
) -> (usize, String) {
    let measured = std::rc::Rc::new(std::cell::Cell::new(0));
    let mut svg = String::new();
    {
        let backend = Counting {
            inner: SVGBackend::with_string(&mut svg, (W, H)),
            measured: measured.clone(),
        };
        let root = backend.into_drawing_area();
        draw(&root).expect("chart should draw");
        root.present().expect("present");
    }
    (measured.get(), svg)
}

#[test]
fn huge_labels_cost_linear_work() {
    // An option name of 20,000 characters (one word, and many short
    // words) reaches legends and titles; a scenario file can carry it.
    // Label fitting used to measure every prefix (quadratic: about 2e8
    // characters measured, minutes on the page). Now the text is bounded
    // and cut by binary search: the work stays small and does not grow
    // with the name.
    let one_word = "x".repeat(20_000);
    let words = "ab ".repeat(6_667);
    let mut budgets = Vec::new();
    for name in [one_word.as_str(), words.as_str(), "Recruit"] {
        let mut fan = cumulative_sample();
        fan.title = name.to_string();
        fan.series[0].label = name.to_string();
        let mut hist = histogram_sample();
        hist.title = name.to_string();
        hist.label_a = name.to_string();
        let mut seats = seat_sample();
        seats.option = name.to_string();
        let mut stacked = stacked_sample();
        stacked.title = name.to_string();
        let st = style();
        let drawn = [
            measured_chars(|area| draw_fan(area, &fan, &st)),
            measured_chars(|area| draw_difference_histogram(area, &hist, &st)),
            measured_chars(|area| draw_seat_states(area, &seats, &st)),
            measured_chars(|area| draw_stacked_annual(area, &stacked, &st)),
        ];
        for (_, svg) in &drawn {
            // Nothing drawn carries the whole name.
            let longest = svg.lines().map(str::len).max().unwrap_or(0);
            assert!(longest < 2_000, "a label was drawn uncut ({longest} bytes)");
        }
        budgets.push(drawn.iter().map(|(n, _)| n).sum::<usize>());
    }
    let ordinary = budgets[2];
    for (i, &n) in budgets.iter().enumerate().take(2) {
        assert!(
            n < 60_000 && n < ordinary * 30,
            "case {i}: {n} characters measured (ordinary name: {ordinary})"
        );
    }
}
