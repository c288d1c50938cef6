//! Histogram of the paired difference in total spend between two options.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{
    build_chart, draw_frame, fit_count, fit_text, layout_of, nice_axis, sane_range, text_w,
    ticks_within, y_tick_count, Axis, Format, LegendItem, Marker, Metrics, PlotBox, LABEL_PX,
    TICK_PX,
};
use super::{ChartArea, ChartError, ChartLayout, ChartStyle, BACKGROUND, DIFFERENCE_COLOURS, TEXT};
use crate::format::money;

/// Colour of the percentile marker lines.
const MARKER: RGBColor = RGBColor(0x33, 0x33, 0x33);

/// Distribution across paths of total spend of option A minus option B.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DifferenceHistogram {
    /// Chart title.
    pub title: String,
    /// Name of option A.
    pub label_a: String,
    /// Name of option B.
    pub label_b: String,
    /// Bin edges in GBP (A minus B), ascending, `counts.len() + 1` of them.
    pub edges: Vec<f64>,
    /// Number of paths in each bin.
    pub counts: Vec<u32>,
    /// 10th percentile of the difference, GBP.
    pub p10: f64,
    /// Median difference, GBP.
    pub p50: f64,
    /// 90th percentile of the difference, GBP.
    pub p90: f64,
}

/// Histogram of A minus B: bars left of zero (A cheaper) in
/// `DIFFERENCE_COLOURS[0]`, right of zero (B cheaper) in
/// `DIFFERENCE_COLOURS[1]` (a bin is coloured by its midpoint), a solid
/// vertical line at £0 when zero is inside the bins, and dashed P10, P50,
/// P90 markers labelled with their amounts, each on its own row (P10's
/// label left of its line, P90's right, unless the plot edge is in the
/// way, so no label crosses another marker when there is room). The x range is exactly the first
/// to the last edge. One bar per bin (bins with no paths have zero height);
/// if `edges` is short, only the bins it bounds are drawn.
/// `ChartError::NoData` without bins.
pub fn draw_difference_histogram<DB: DrawingBackend>(
    area: &ChartArea<DB>,
    data: &DifferenceHistogram,
    style: &ChartStyle,
) -> Result<ChartLayout, ChartError> {
    let bins = data.counts.len().min(data.edges.len().saturating_sub(1));
    if bins == 0 {
        return Err(ChartError::NoData);
    }
    let m = Metrics::new(style);
    let legend = [
        LegendItem::new(
            format!("{} cheaper", data.label_a),
            DIFFERENCE_COLOURS[0].to_rgba(),
            Marker::Swatch,
        ),
        LegendItem::new(
            format!("{} cheaper", data.label_b),
            DIFFERENCE_COLOURS[1].to_rgba(),
            Marker::Swatch,
        ),
        LegendItem::new(
            "P10, P50, P90 (percentiles)",
            MARKER.to_rgba(),
            Marker::Dashed,
        ),
    ];
    let body = draw_frame(area, &data.title, &legend, &m)?;

    let mut pb = PlotBox::new(&m);
    let body_h = body.dim_in_pixel().1 as i32;
    let plot_h = pb.plot_h(body_h);
    // Reserve three rows at the top for the percentile labels.
    let row_h = m.line_h(TICK_PX);
    let reserve = f64::from(3 * row_h + m.ipx(4.0));
    let max_count = data.counts[..bins]
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let head = f64::from(plot_h) / (f64::from(plot_h) - reserve).max(f64::from(plot_h) * 0.3);
    let (ylo, yhi, yticks) = nice_axis(
        0.0,
        f64::from(max_count) * head,
        y_tick_count(&m, plot_h),
        true,
    );
    let y = Axis {
        lo: ylo,
        hi: yhi,
        ticks: yticks,
        format: Format::Number,
        desc: "Number of runs".to_string(),
    };
    let plot_w = pb.fit_y_labels(&body, &m, &y)?;

    let (xlo, xhi) = sane_range(data.edges[0], data.edges[bins]);
    let max_x = fit_count(&body, &m, "-£10m", plot_w)?;
    let x = Axis {
        lo: xlo,
        hi: xhi,
        ticks: ticks_within(xlo, xhi, max_x),
        format: Format::Money,
        // Option names can be long: the axis title is cut to the plot width.
        desc: fit_text(
            &body,
            &format!("Total spend, {} minus {}", data.label_a, data.label_b),
            &m.font(LABEL_PX),
            plot_w,
        )?,
    };
    let mut chart = build_chart(&body, &m, &pb, &x, &y, false)?;
    let cx = |v: f64| {
        if v.is_finite() {
            v.clamp(x.lo, x.hi)
        } else {
            x.lo
        }
    };

    // Half a pixel of gap either side of each bar, in data units.
    let half_px = {
        let (l, _) = chart.backend_coord(&(x.lo, 0.0));
        let (r, _) = chart.backend_coord(&(x.hi, 0.0));
        0.5 * (x.hi - x.lo) / f64::from((r - l).max(1))
    };
    for i in 0..bins {
        let (e0, e1) = (cx(data.edges[i]), cx(data.edges[i + 1]));
        let mid = (e0 + e1) / 2.0;
        let colour = if mid < 0.0 {
            DIFFERENCE_COLOURS[0]
        } else {
            DIFFERENCE_COLOURS[1]
        };
        let gap = if e1 - e0 > 6.0 * half_px {
            half_px
        } else {
            0.0
        };
        let top = f64::from(data.counts[i]).min(y.hi);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(e0 + gap, 0.0), (e1 - gap, top)],
            colour.filled(),
        )))?;
    }

    if x.lo < 0.0 && 0.0 < x.hi {
        chart.draw_series(LineSeries::new(
            [(0.0, y.lo), (0.0, y.hi)],
            TEXT.stroke_width(m.stroke(1.5)),
        ))?;
    }

    let mid_x = (x.lo + x.hi) / 2.0;
    let gap = m.ipx(4.0);
    let (plot_l, _) = chart.backend_coord(&(x.lo, y.hi));
    let (plot_r, _) = chart.backend_coord(&(x.hi, y.hi));
    for (row, (name, v)) in [("P10", data.p10), ("P50", data.p50), ("P90", data.p90)]
        .into_iter()
        .enumerate()
    {
        if !v.is_finite() || v < x.lo || v > x.hi {
            continue;
        }
        chart.draw_series(DashedLineSeries::new(
            [(v, y.lo), (v, y.hi)],
            m.px(5.0),
            m.px(4.0),
            MARKER.stroke_width(m.stroke(1.5)),
        ))?;
        let label = format!("{name} {}", money(v));
        let tw = text_w(&body, &label, &m.font(TICK_PX))?;
        // P10 reads outward to the left of its line and P90 to the right, so
        // neither label crosses the other markers; P50 takes the wider side.
        // A label that would run off the plot goes to the other side.
        let (vx, _) = chart.backend_coord(&(v, y.hi));
        let room_left = vx - plot_l - gap;
        let room_right = plot_r - vx - gap;
        let prefer_right = match row {
            0 => false,
            2 => true,
            _ => v <= mid_x,
        };
        let right = if prefer_right {
            room_right >= tw || room_left < tw
        } else {
            room_left < tw && room_right >= tw
        };
        let (hpos, dx) = if right {
            (HPos::Left, gap)
        } else {
            (HPos::Right, -gap)
        };
        let font = m.font(TICK_PX).pos(Pos::new(hpos, VPos::Top));
        let dy = m.ipx(2.0) + row as i32 * row_h;
        // A light box behind the label keeps it readable over bars and lines.
        let (bx0, bx1) = if dx > 0 {
            (dx - m.ipx(2.0), dx + tw + m.ipx(2.0))
        } else {
            (dx - tw - m.ipx(2.0), dx + m.ipx(2.0))
        };
        let box_style = BACKGROUND.mix(0.85).filled();
        chart.plotting_area().draw(
            &(EmptyElement::at((v, y.hi))
                + Rectangle::new(
                    [(bx0, dy - m.ipx(1.0)), (bx1, dy + row_h - m.ipx(2.0))],
                    box_style,
                )
                + Text::new(label, (dx, dy), font)),
        )?;
    }

    Ok(layout_of(&chart, &x, &y))
}
