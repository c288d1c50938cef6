//! Break-even chart: the chance option A is cheaper against one input's value.

use plotters::prelude::*;

use super::common::{
    build_chart, draw_frame, layout_of, sane_range, ticks_within, Axis, Format, LegendItem, Marker,
    Metrics, PlotBox, TICK_PX,
};
use super::{ChartArea, ChartError, ChartLayout, ChartStyle, AXIS, PALETTE, TEXT};

/// How the input's values are written on the x axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XUnit {
    /// Pounds.
    Money,
    /// A share, written as a percentage.
    Share,
    /// A plain number.
    Number,
}

/// Break-even chart data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BreakEvenChart {
    /// Chart title.
    pub title: String,
    /// The input's label (x axis title).
    pub x_label: String,
    /// Name of option A.
    pub label_a: String,
    /// How to write x values.
    pub x_unit: Option<XUnit>,
    /// (input value, P(A cheaper)) points, ascending in value.
    pub points: Vec<(f64, f64)>,
    /// The input's current value.
    pub current: f64,
    /// Where P(A cheaper) crosses 50%, if it does.
    pub crossing: Option<f64>,
}

/// A line of P(A cheaper) against the input's value with a marker at each
/// computed point, a dashed line at 50%, a solid vertical line at the
/// current value and a dashed one at the break-even. `ChartError::NoData`
/// with fewer than two points.
pub fn draw_break_even<DB: DrawingBackend>(
    area: &ChartArea<DB>,
    data: &BreakEvenChart,
    style: &ChartStyle,
) -> Result<ChartLayout, ChartError> {
    if data.points.len() < 2 {
        return Err(ChartError::NoData);
    }
    let m = Metrics::new(style);
    let colour = PALETTE[0];
    let mut legend = vec![
        LegendItem::new(
            format!("P({} cheaper)", data.label_a),
            colour.to_rgba(),
            Marker::Line,
        ),
        LegendItem::new("Current value", TEXT.to_rgba(), Marker::Line),
    ];
    if data.crossing.is_some() {
        legend.push(LegendItem::new(
            "Break-even",
            PALETTE[1].to_rgba(),
            Marker::Dashed,
        ));
    }
    let body = draw_frame(area, &data.title, &legend, &m)?;
    let mut pb = PlotBox::new(&m);
    let y = Axis {
        lo: 0.0,
        hi: 1.0,
        ticks: vec![0.0, 0.25, 0.5, 0.75, 1.0],
        format: Format::Percent,
        desc: format!("P({} cheaper)", data.label_a),
    };
    let plot_w = pb.fit_y_labels(&body, &m, &y)?;
    let first = data.points[0].0;
    let last = data.points[data.points.len() - 1].0;
    let (lo, hi) = sane_range(first.min(data.current), last.max(data.current));
    let format = match data.x_unit {
        Some(XUnit::Money) => Format::Money,
        Some(XUnit::Share) => Format::Percent,
        _ => Format::Number,
    };
    let sample = (m.px(TICK_PX) * 5.0) as i32;
    let max_x = ((plot_w / (sample + m.ipx(10.0)).max(1)) as usize).max(2);
    let x = Axis {
        lo,
        hi,
        ticks: ticks_within(lo, hi, max_x),
        format,
        desc: data.x_label.clone(),
    };
    let mut chart = build_chart(&body, &m, &pb, &x, &y, true)?;
    chart.draw_series(DashedLineSeries::new(
        [(lo, 0.5), (hi, 0.5)],
        m.px(4.0),
        m.px(4.0),
        AXIS.stroke_width(m.stroke(1.0)),
    ))?;
    let pts: Vec<(f64, f64)> = data
        .points
        .iter()
        .filter(|(v, p)| v.is_finite() && p.is_finite())
        .map(|&(v, p)| (v, p.clamp(0.0, 1.0)))
        .collect();
    chart.draw_series(LineSeries::new(
        pts.iter().copied(),
        colour.stroke_width(m.stroke(2.5)),
    ))?;
    chart.draw_series(
        pts.iter()
            .map(|&p| Circle::new(p, m.ipx(3.0), colour.filled())),
    )?;
    if data.current.is_finite() {
        chart.draw_series(LineSeries::new(
            [(data.current, 0.0), (data.current, 1.0)],
            TEXT.stroke_width(m.stroke(2.0)),
        ))?;
    }
    if let Some(c) = data.crossing.filter(|c| c.is_finite()) {
        chart.draw_series(DashedLineSeries::new(
            [(c, 0.0), (c, 1.0)],
            m.px(5.0),
            m.px(4.0),
            PALETTE[1].stroke_width(m.stroke(2.0)),
        ))?;
    }
    Ok(layout_of(&chart, &x, &y))
}
