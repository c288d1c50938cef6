//! Fan charts over months: cumulative spend and agency share.

use plotters::prelude::*;

use super::common::{
    build_chart, clamp_finite, draw_frame, finite_extent, fit_count, layout_of, month_axis,
    month_xs, nice_axis, y_tick_count, Axis, Format, LegendItem, Marker, Metrics, PlotBox,
};
use super::{ChartArea, ChartError, ChartLayout, ChartStyle, PALETTE};

/// Opacity of the 5–95% band.
const OUTER_ALPHA: f64 = 0.16;
/// Opacity of the 25–75% band (drawn over the outer band).
const INNER_ALPHA: f64 = 0.34;

/// Quantiles of one quantity in one month across simulated paths.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Band {
    /// 5th percentile.
    pub p5: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// One option's fan: a band per month.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FanSeries {
    /// Option name shown in the legend.
    pub label: String,
    /// One band per month, month 1..=n.
    pub points: Vec<Band>,
}

/// Units of a fan chart's y axis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum YUnit {
    /// GBP: axis labels like "£0", "£50m", "£1.2m", "£750k".
    #[default]
    Money,
    /// A share in 0..1 shown as a percentage.
    Share,
}

/// A fan chart: 1 to 4 options overlaid, each in its own palette colour
/// (series `i` uses `PALETTE[i]`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FanChart {
    /// Chart title.
    pub title: String,
    /// y axis title, e.g. "Cumulative spend".
    pub y_label: String,
    /// Units of the y values.
    pub y_unit: YUnit,
    /// The options, 1..=4 (more are drawn, cycling the palette).
    pub series: Vec<FanSeries>,
}

/// A fan chart per option in the units of `data.y_unit` (money for
/// cumulative spend, a percentage for the agency share): 5–95% band light,
/// 25–75% band darker, median line. A money axis starts at £0 unless values
/// are negative. `ChartError::NoData` when there is no series or no month.
pub fn draw_fan<DB: DrawingBackend>(
    area: &ChartArea<DB>,
    data: &FanChart,
    style: &ChartStyle,
) -> Result<ChartLayout, ChartError> {
    draw_fan_as(area, data, data.y_unit, style)
}

fn draw_fan_as<DB: DrawingBackend>(
    area: &ChartArea<DB>,
    data: &FanChart,
    unit: YUnit,
    style: &ChartStyle,
) -> Result<ChartLayout, ChartError> {
    let n = data
        .series
        .iter()
        .map(|s| s.points.len())
        .max()
        .unwrap_or(0);
    if n == 0 {
        return Err(ChartError::NoData);
    }
    let m = Metrics::new(style);

    let mut legend: Vec<LegendItem> = data
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            LegendItem::new(
                format!("{} (median)", s.label),
                colour(i).to_rgba(),
                Marker::Line,
            )
        })
        .collect();
    let grey = RGBColor(0x55, 0x55, 0x55);
    legend.push(LegendItem::new(
        "Middle 50% of runs",
        grey.mix(1.0 - (1.0 - OUTER_ALPHA) * (1.0 - INNER_ALPHA)),
        Marker::Swatch,
    ));
    legend.push(LegendItem::new(
        "Middle 90%",
        grey.mix(OUTER_ALPHA),
        Marker::Swatch,
    ));
    let body = draw_frame(area, &data.title, &legend, &m)?;

    // y axis
    let values = data
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .flat_map(|b| [b.p5, b.p25, b.p50, b.p75, b.p95]);
    let (dmin, dmax) = finite_extent(values).unwrap_or((0.0, 1.0));
    let mut pb = PlotBox::new(&m);
    let body_h = body.dim_in_pixel().1 as i32;
    let max_y = y_tick_count(&m, pb.plot_h(body_h));
    let (lo, hi, mut ticks) = nice_axis(dmin.min(0.0), dmax.max(0.0), max_y, false);
    let mut hi = hi;
    if unit == YUnit::Share && dmax <= 1.0 && hi > 1.0 {
        hi = 1.0;
        ticks.retain(|t| *t <= 1.0 + 1e-9);
    }
    let y = Axis {
        lo,
        hi,
        ticks,
        format: match unit {
            YUnit::Money => Format::Money,
            YUnit::Share => Format::Percent,
        },
        desc: data.y_label.clone(),
    };
    let plot_w = pb.fit_y_labels(&body, &m, &y)?;

    // x axis: months, each centred in its cell.
    let max_x = fit_count(&body, &m, "000", plot_w)?;
    let x = month_axis(n, max_x);

    let mut chart = build_chart(&body, &m, &pb, &x, &y, true)?;
    let cl = |v: f64| clamp_finite(v, y.lo, y.hi);

    // Bands first (all series), then medians on top so no line is hidden.
    for (i, s) in data.series.iter().enumerate() {
        if s.points.is_empty() {
            continue;
        }
        let xs = month_xs(s.points.len());
        let c = colour(i);
        let bands: [(Pick, Pick, f64); 2] = [
            (|b| b.p5, |b| b.p95, OUTER_ALPHA),
            (|b| b.p25, |b| b.p75, INNER_ALPHA),
        ];
        for (lower, upper, alpha) in bands {
            let mut poly: Vec<(f64, f64)> = xs
                .iter()
                .map(|&(x, j)| (x, cl(upper(&s.points[j]))))
                .collect();
            poly.extend(xs.iter().rev().map(|&(x, j)| (x, cl(lower(&s.points[j])))));
            chart.draw_series(std::iter::once(Polygon::new(poly, c.mix(alpha).filled())))?;
        }
    }
    for (i, s) in data.series.iter().enumerate() {
        if s.points.is_empty() {
            continue;
        }
        let xs = month_xs(s.points.len());
        chart.draw_series(LineSeries::new(
            xs.iter().map(|&(x, j)| (x, cl(s.points[j].p50))),
            colour(i).stroke_width(m.stroke(2.5)),
        ))?;
    }

    Ok(layout_of(&chart, &x, &y))
}

/// Picks one quantile out of a band.
type Pick = fn(&Band) -> f64;

fn colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}
