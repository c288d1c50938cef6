//! Grouped stacked bars: mean spend per year by category, one bar per option.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{
    build_chart, draw_frame, fit_count, layout_of, nice_axis, text_w, unit_ticks, y_tick_count,
    Axis, Format, LegendItem, Marker, Metrics, PlotBox, TICK_PX,
};
use super::{ChartArea, ChartError, ChartLayout, ChartStyle, BACKGROUND, CATEGORY_COLOURS, TEXT};

/// Share of a year's cell taken by its group of bars.
const GROUP_W: f64 = 0.8;
/// Share of each bar's slot the bar fills (the rest is a gap).
const BAR_FILL: f64 = 0.86;

/// Mean annual spend by category, for one or more options.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StackedAnnual {
    /// Chart title.
    pub title: String,
    /// Category names, stacked bottom to top in this order (e.g.
    /// Leadership, Social worker pay, Agency premium, Placements, SEN
    /// transport, Contract); category `c` uses `CATEGORY_COLOURS[c % 6]`.
    pub categories: Vec<String>,
    /// Option name and its mean spend as `[year][category]` in GBP.
    pub options: Vec<(String, Vec<Vec<f64>>)>,
}

/// Grouped stacked bars: for each year, one stacked bar per option side by
/// side (left to right in option order). Each bar carries its option's
/// letter (A, B, ...) above it, explained in the legend, next to the
/// category colours. Negative or non-finite amounts count as zero.
/// `ChartError::NoData` without options, categories or years.
pub fn draw_stacked_annual<DB: DrawingBackend>(
    area: &ChartArea<DB>,
    data: &StackedAnnual,
    style: &ChartStyle,
) -> Result<ChartLayout, ChartError> {
    let years = data.options.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    let k = data.options.len();
    if k == 0 || years == 0 || data.categories.is_empty() {
        return Err(ChartError::NoData);
    }
    let m = Metrics::new(style);

    let mut legend: Vec<LegendItem> = data
        .categories
        .iter()
        .enumerate()
        .map(|(c, name)| {
            LegendItem::new(name.clone(), category_colour(c).to_rgba(), Marker::Swatch)
        })
        .collect();
    legend.push(LegendItem::row_break());
    if k == 1 {
        legend.push(LegendItem::new(
            format!("Option: {}", data.options[0].0),
            TEXT.to_rgba(),
            Marker::None,
        ));
    } else {
        for (o, (name, _)) in data.options.iter().enumerate() {
            legend.push(LegendItem::new(
                format!("{} = {}", letter(o), name),
                TEXT.to_rgba(),
                Marker::None,
            ));
        }
    }
    let body = draw_frame(area, &data.title, &legend, &m)?;

    let amount = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let totals = data
        .options
        .iter()
        .flat_map(|(_, ys)| ys.iter())
        .map(|cats| {
            cats.iter()
                .take(data.categories.len())
                .map(|v| amount(*v))
                .sum::<f64>()
        });
    let max_total = totals.fold(0.0_f64, f64::max);

    let mut pb = PlotBox::new(&m);
    let body_h = body.dim_in_pixel().1 as i32;
    let plot_h = pb.plot_h(body_h);
    // Leave room for the letters above the tallest bar.
    let letter_h = f64::from(m.line_h(TICK_PX) + m.ipx(2.0));
    let head = if k > 1 {
        f64::from(plot_h) / (f64::from(plot_h) - letter_h).max(1.0)
    } else {
        1.0
    };
    let (lo, hi, ticks) = nice_axis(0.0, max_total * head, y_tick_count(&m, plot_h), false);
    let y = Axis {
        lo,
        hi,
        ticks,
        format: Format::Money,
        desc: "Mean spend per year".to_string(),
    };
    let plot_w = pb.fit_y_labels(&body, &m, &y)?;
    let max_x = fit_count(&body, &m, "00", plot_w)?;
    let x = Axis {
        lo: 0.5,
        hi: years as f64 + 0.5,
        ticks: unit_ticks(years, max_x, &[1, 2, 5, 10, 20, 50]),
        format: Format::Number,
        desc: "Year".to_string(),
    };
    let mut chart = build_chart(&body, &m, &pb, &x, &y, false)?;

    let slot = GROUP_W / k as f64;
    let bar_w = slot * BAR_FILL;
    let sep = BACKGROUND.stroke_width(1);
    let letter_font = m.font(TICK_PX).pos(Pos::new(HPos::Center, VPos::Bottom));
    // Letters only when they fit over a bar.
    let bar_px = {
        let (a, _) = chart.backend_coord(&(1.0, 0.0));
        let (b, _) = chart.backend_coord(&(1.0 + bar_w, 0.0));
        b - a
    };
    let show_letters = k > 1 && text_w(&body, "W", &m.font(TICK_PX))? <= bar_px + m.ipx(2.0);

    for (o, (_, per_year)) in data.options.iter().enumerate() {
        for (yi, cats) in per_year.iter().enumerate() {
            let x0 = (yi + 1) as f64 - GROUP_W / 2.0 + o as f64 * slot + (slot - bar_w) / 2.0;
            let x1 = x0 + bar_w;
            let mut base = 0.0;
            let mut joins = Vec::new();
            for (c, v) in cats.iter().take(data.categories.len()).enumerate() {
                let v = amount(*v);
                if v <= 0.0 {
                    continue;
                }
                let top = (base + v).min(y.hi);
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(x0, base), (x1, top)],
                    category_colour(c).filled(),
                )))?;
                if base > 0.0 {
                    joins.push(base);
                }
                base = top;
            }
            // Thin light lines between stacked segments.
            chart.draw_series(
                joins
                    .into_iter()
                    .map(|j| PathElement::new(vec![(x0, j), (x1, j)], sep)),
            )?;
            if show_letters {
                chart.plotting_area().draw(
                    &(EmptyElement::at(((x0 + x1) / 2.0, base))
                        + Text::new(letter(o), (0, -m.ipx(2.0)), letter_font.clone())),
                )?;
            }
        }
    }

    Ok(layout_of(&chart, &x, &y))
}

fn category_colour(c: usize) -> RGBColor {
    CATEGORY_COLOURS[c % CATEGORY_COLOURS.len()]
}

/// "A", "B", ... "Z", then "27", "28"...
fn letter(o: usize) -> String {
    if o < 26 {
        char::from(b'A' + o as u8).to_string()
    } else {
        (o + 1).to_string()
    }
}
