//! Tornado chart: how far each input, held at its low and at its high value,
//! moves the median paired difference between two options.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{
    draw_frame, fit_text, layout_of, sane_range, text_w, ticks_within, Axis, Format, LegendItem,
    Marker, Metrics, PlotBox, Ticked, LABEL_PX, TICK_PX,
};
use super::{ChartArea, ChartError, ChartLayout, ChartStyle, AXIS, GRID, TEXT};

/// Colour of the bar from the base to the input's low value (Okabe–Ito sky blue).
pub const LOW_COLOUR: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
/// Colour of the bar from the base to the input's high value (Okabe–Ito orange).
pub const HIGH_COLOUR: RGBColor = RGBColor(0xE6, 0x9F, 0x00);

/// One tornado bar.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    /// Input label.
    pub label: String,
    /// Median difference with the input at its low value, GBP.
    pub low: f64,
    /// Median difference with the input at its high value, GBP.
    pub high: f64,
}

/// Tornado chart data, largest swing first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TornadoChart {
    /// Chart title.
    pub title: String,
    /// Name of option A.
    pub label_a: String,
    /// Name of option B.
    pub label_b: String,
    /// Median difference with nothing pinned, GBP.
    pub base: f64,
    /// Bars, top to bottom.
    pub bars: Vec<TornadoBar>,
}

/// Draws one row per bar, top first: a bar from the base median to the
/// median at the input's low value ([`LOW_COLOUR`]) and one to its high value
/// ([`HIGH_COLOUR`]), a dashed line at the base and a solid line at £0 (left
/// of it A is cheaper). Labels sit left of the plot, shortened to fit.
/// `ChartError::NoData` without bars.
pub fn draw_tornado<DB: DrawingBackend>(
    area: &ChartArea<DB>,
    data: &TornadoChart,
    style: &ChartStyle,
) -> Result<ChartLayout, ChartError> {
    let n = data.bars.len();
    if n == 0 {
        return Err(ChartError::NoData);
    }
    let m = Metrics::new(style);
    let legend = [
        LegendItem::new(
            "Input at its low value",
            LOW_COLOUR.to_rgba(),
            Marker::Swatch,
        ),
        LegendItem::new(
            "Input at its high value",
            HIGH_COLOUR.to_rgba(),
            Marker::Swatch,
        ),
        LegendItem::new("Nothing held (base)", TEXT.to_rgba(), Marker::Dashed),
    ];
    let body = draw_frame(area, &data.title, &legend, &m)?;
    let (w, _) = body.dim_in_pixel();
    let w = w as i32;

    let font = m.font(TICK_PX);
    let label_max = (w * 2 / 5).max(m.ipx(60.0));
    let labels: Vec<String> = data
        .bars
        .iter()
        .map(|b| fit_text(&body, &b.label, &font, label_max))
        .collect::<Result<_, _>>()?;
    let mut widest = 0;
    for l in &labels {
        widest = widest.max(text_w(&body, l, &font)?);
    }

    let values = data
        .bars
        .iter()
        .flat_map(|b| [b.low, b.high])
        .chain([data.base, 0.0])
        .filter(|v| v.is_finite());
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let pad = 0.05 * (hi - lo).max(1.0);
    let (lo, hi) = sane_range(lo - pad, hi + pad);
    let mut pb = PlotBox::new(&m);
    pb.y_label_w = widest + m.ipx(10.0);
    let plot_w = (w - pb.left - pb.right - pb.y_label_w).max(1);
    let sample = text_w(&body, "-£10.5m", &font)?.max(1);
    let max_x = ((plot_w / (sample + m.ipx(12.0))) as usize).max(2);
    let x = Axis {
        lo,
        hi,
        ticks: ticks_within(lo, hi, max_x),
        format: Format::Money,
        // Option names can be long: the axis title is cut to the plot width.
        desc: fit_text(
            &body,
            &format!(
                "Median total spend, {} minus {}",
                data.label_a, data.label_b
            ),
            &m.font(LABEL_PX),
            plot_w,
        )?,
    };
    let y = Axis {
        lo: 0.0,
        hi: n as f64,
        ticks: Vec::new(),
        format: Format::Number,
        desc: String::new(),
    };
    let mut chart = ChartBuilder::on(&body)
        .margin_top(pb.top)
        .margin_right(pb.right)
        .margin_left(pb.left)
        .margin_bottom(pb.bottom)
        .x_label_area_size(pb.x_label_h)
        .y_label_area_size(pb.y_label_w)
        .build_cartesian_2d(Ticked::new(&x), Ticked::new(&y))?;
    let xf = x.format;
    let x_fmt = move |v: &f64| xf.label(*v);
    chart
        .configure_mesh()
        .bold_line_style(GRID.stroke_width(m.stroke(1.0)))
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS.stroke_width(m.stroke(1.0)))
        .set_all_tick_mark_size(m.ipx(5.0))
        .x_label_style(m.font(TICK_PX))
        .axis_desc_style(m.font(LABEL_PX))
        .x_desc(x.desc.clone())
        .disable_y_mesh()
        .x_label_formatter(&x_fmt)
        .draw()?;

    let clamp = |v: f64| {
        if v.is_finite() {
            v.clamp(lo, hi)
        } else {
            data.base.clamp(lo, hi)
        }
    };
    let base = clamp(data.base);
    let label_font = m.font(TICK_PX).pos(Pos::new(HPos::Right, VPos::Center));
    for (i, (bar, text)) in data.bars.iter().zip(&labels).enumerate() {
        // Row i occupies y in [n - i - 1, n - i].
        let top = n as f64 - i as f64 - 0.18;
        let bottom = n as f64 - i as f64 - 0.82;
        for (v, colour) in [(bar.low, LOW_COLOUR), (bar.high, HIGH_COLOUR)] {
            let v = clamp(v);
            if v != base {
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(base.min(v), bottom), (base.max(v), top)],
                    colour.filled(),
                )))?;
            }
        }
        let mid = n as f64 - i as f64 - 0.5;
        chart.plotting_area().draw(
            &(EmptyElement::at((lo, mid))
                + Text::new(text.clone(), (-m.ipx(6.0), 0), label_font.clone())),
        )?;
    }
    chart.draw_series(DashedLineSeries::new(
        [(base, 0.0), (base, n as f64)],
        m.px(5.0),
        m.px(4.0),
        TEXT.stroke_width(m.stroke(1.5)),
    ))?;
    if lo < 0.0 && 0.0 < hi {
        chart.draw_series(LineSeries::new(
            [(0.0, 0.0), (0.0, n as f64)],
            AXIS.stroke_width(m.stroke(1.0)),
        ))?;
    }
    Ok(layout_of(&chart, &x, &y))
}
