//! Stacked area of the director's seat state over months.

use plotters::prelude::*;

use super::common::{
    build_chart, draw_frame, fit_count, layout_of, month_axis, month_xs, Axis, Format, LegendItem,
    Marker, Metrics, PlotBox,
};
use super::{ChartArea, ChartError, ChartLayout, ChartStyle, BACKGROUND, SEAT_COLOURS, TEXT};

/// Names of the three seat states, in stacking order (bottom to top).
pub const SEAT_STATE_NAMES: [&str; 3] = ["Permanent", "Partner", "Interim"];

/// Probability of each seat state by month, for one option.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeatStates {
    /// Chart title.
    pub title: String,
    /// Option name, shown at the start of the legend (unless the title
    /// already contains it).
    pub option: String,
    /// Per month (month 1..=n): probability of Permanent, Partner, Interim,
    /// summing to 1.
    pub months: Vec<[f64; 3]>,
}

/// Stacked area of the three seat states over months (permanent at the
/// bottom, then partner, then interim), y axis 0–100%. Each month is
/// normalised to sum to 1 (negative or non-finite entries count as zero; a
/// month of all zeros is left empty). `ChartError::NoData` without months.
pub fn draw_seat_states<DB: DrawingBackend>(
    area: &ChartArea<DB>,
    data: &SeatStates,
    style: &ChartStyle,
) -> Result<ChartLayout, ChartError> {
    let n = data.months.len();
    if n == 0 {
        return Err(ChartError::NoData);
    }
    let m = Metrics::new(style);
    let mut legend = Vec::with_capacity(4);
    // Name the option in the legend unless the title already does.
    if !data.option.is_empty() && !data.title.contains(data.option.as_str()) {
        legend.push(LegendItem::new(
            format!("{}:", data.option),
            TEXT.to_rgba(),
            Marker::None,
        ));
    }
    for (name, c) in SEAT_STATE_NAMES.iter().zip(SEAT_COLOURS) {
        legend.push(LegendItem::new(*name, c.to_rgba(), Marker::Swatch));
    }
    let body = draw_frame(area, &data.title, &legend, &m)?;

    let mut pb = PlotBox::new(&m);
    let y = Axis {
        lo: 0.0,
        hi: 1.0,
        ticks: vec![0.0, 0.25, 0.5, 0.75, 1.0],
        format: Format::Percent,
        desc: "Probability".to_string(),
    };
    let plot_w = pb.fit_y_labels(&body, &m, &y)?;
    let max_x = fit_count(&body, &m, "000", plot_w)?;
    let x = month_axis(n, max_x);
    let mut chart = build_chart(&body, &m, &pb, &x, &y, true)?;

    // Cumulative boundaries per month: [0, p0, p0+p1, p0+p1+p2].
    let bounds: Vec<[f64; 4]> = data.months.iter().map(normalised_bounds).collect();
    let xs = month_xs(n);
    for (state, c) in SEAT_COLOURS.iter().enumerate() {
        let mut poly: Vec<(f64, f64)> =
            xs.iter().map(|&(x, j)| (x, bounds[j][state + 1])).collect();
        poly.extend(xs.iter().rev().map(|&(x, j)| (x, bounds[j][state])));
        chart.draw_series(std::iter::once(Polygon::new(poly, c.filled())))?;
    }
    // Faint gridlines over the areas so the quarters stay readable.
    chart.draw_series([0.25, 0.5, 0.75].map(|v| {
        PathElement::new(
            vec![(x.lo, v), (x.hi, v)],
            BACKGROUND.mix(0.45).stroke_width(1),
        )
    }))?;

    Ok(layout_of(&chart, &x, &y))
}

fn normalised_bounds(p: &[f64; 3]) -> [f64; 4] {
    let q = p.map(|v| if v.is_finite() { v.max(0.0) } else { 0.0 });
    let sum: f64 = q.iter().sum();
    let q = if sum > 0.0 { q.map(|v| v / sum) } else { q };
    [0.0, q[0], q[0] + q[1], (q[0] + q[1] + q[2]).min(1.0)]
}
