//! Shared layout: title and legend header, axes and mesh. The pure tick and
//! range maths they draw with lives in [`super::ticks`].

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub(crate) use super::ticks::*;
use super::{ChartError, ChartLayout, ChartStyle, AXIS, BACKGROUND, GRID, TEXT};

/// Base sizes in CSS pixels at scale 1.
pub(crate) const TITLE_PX: f64 = 16.0;
pub(crate) const LABEL_PX: f64 = 13.0;
pub(crate) const TICK_PX: f64 = 12.0;
pub(crate) const PAD_PX: f64 = 6.0;

/// An f64 axis with our own tick positions (plotters' `WithKeyPoints` over
/// f64 has no label formatter, so this small wrapper stands in for it).
#[derive(Clone)]
pub(crate) struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.inner.range()
    }
}

impl Ticked {
    pub(crate) fn new(axis: &Axis) -> Self {
        Ticked {
            inner: (axis.lo..axis.hi).into(),
            ticks: axis.ticks.clone(),
        }
    }
}

/// The coordinate system every chart uses: f64 on both axes with our own
/// tick positions.
pub(crate) type Coord = Cartesian2d<Ticked, Ticked>;

/// A chart context over [`Coord`].
pub(crate) type Chart<'a, DB> = ChartContext<'a, DB, Coord>;

/// Resolved sizes for one drawing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Metrics {
    pub s: f64,
    pub family: &'static str,
}

impl Metrics {
    pub fn new(style: &ChartStyle) -> Self {
        Metrics {
            s: style.effective_scale(),
            family: style.font_family,
        }
    }

    /// A length in pixels, scaled.
    pub fn px(&self, base: f64) -> f64 {
        base * self.s
    }

    /// A length in whole pixels, scaled, at least 1.
    pub fn ipx(&self, base: f64) -> i32 {
        (base * self.s).round().max(1.0) as i32
    }

    /// A stroke width, scaled, at least 1.
    pub fn stroke(&self, base: f64) -> u32 {
        (base * self.s).round().max(1.0) as u32
    }

    pub fn font(&self, base: f64) -> TextStyle<'static> {
        FontDesc::new(
            FontFamily::Name(self.family),
            self.px(base),
            FontStyle::Normal,
        )
        .color(&TEXT)
    }

    pub fn bold(&self, base: f64) -> TextStyle<'static> {
        FontDesc::new(
            FontFamily::Name(self.family),
            self.px(base),
            FontStyle::Bold,
        )
        .color(&TEXT)
    }

    /// Line height for text of a base size (generous: browser fonts are a
    /// little taller than the native estimate).
    pub fn line_h(&self, base: f64) -> i32 {
        (self.px(base) * 1.3).ceil() as i32
    }
}

/// Text width in pixels as the backend measures it, plus 5% slack (the
/// native estimate runs a little short of real fonts).
pub(crate) fn text_w<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle,
) -> Result<i32, ChartError> {
    let w = f64::from(area.estimate_text_size(text, font)?.0);
    Ok((w * 1.05).ceil() as i32)
}

/// How a legend entry is marked.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Marker {
    /// A short thick line (median lines).
    Line,
    /// A short dashed line (percentile markers).
    Dashed,
    /// A filled square of the colour (areas, bars).
    Swatch,
    /// Text only.
    None,
    /// Not drawn: the next entry starts a new legend row.
    Break,
}

/// One legend entry.
#[derive(Clone, Debug)]
pub(crate) struct LegendItem {
    pub label: String,
    pub colour: RGBAColor,
    pub marker: Marker,
}

impl LegendItem {
    /// An entry that only starts a new row.
    pub fn row_break() -> Self {
        LegendItem::new("", TRANSPARENT.to_rgba(), Marker::Break)
    }

    pub fn new(label: impl Into<String>, colour: RGBAColor, marker: Marker) -> Self {
        LegendItem {
            label: label.into(),
            colour,
            marker,
        }
    }
}

/// Fill the area, draw the title (wrapped, at most two lines) and the legend
/// (wrapped into rows) at the top, and return the area left for the plot.
pub(crate) fn draw_frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    legend: &[LegendItem],
    m: &Metrics,
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    area.fill(&BACKGROUND)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let pad = m.ipx(PAD_PX);
    let avail = (w - 2 * pad).max(1);

    let title_font = m.bold(TITLE_PX);
    // Bold text runs wider than the estimate: wrap the title a little early.
    let title_lines = wrap(area, title, &title_font, avail * 9 / 10, 2)?;
    let title_lh = m.line_h(TITLE_PX);

    let legend_font = m.font(LABEL_PX);
    let legend_lh = m.line_h(LABEL_PX);
    let marker_w = m.ipx(14.0);
    let marker_gap = m.ipx(4.0);
    let item_gap = m.ipx(12.0);

    // Lay the legend out in rows.
    let mut rows: Vec<Vec<(i32, &LegendItem, String)>> = Vec::new();
    let mut x = 0;
    let mut force_row = false;
    for item in legend {
        let lead = match item.marker {
            Marker::Break => {
                force_row = true;
                continue;
            }
            Marker::None => 0,
            _ => marker_w + marker_gap,
        };
        let label = fit_text(area, &item.label, &legend_font, (avail - lead).max(1))?;
        let iw = lead + text_w(area, &label, &legend_font)?;
        if rows.is_empty() || (x > 0 && (force_row || x + iw > avail)) {
            rows.push(Vec::new());
            x = 0;
        }
        force_row = false;
        if let Some(row) = rows.last_mut() {
            row.push((x, item, label));
        }
        x += iw + item_gap;
    }

    let mut header_h = pad + title_lh * title_lines.len() as i32;
    if !rows.is_empty() {
        header_h += pad / 2 + legend_lh * rows.len() as i32;
    }
    header_h += pad;
    let header_h = header_h.min(h / 2).max(0);

    let top_left = Pos::new(HPos::Left, VPos::Top);
    let mut y = pad;
    for line in &title_lines {
        area.draw_text(line, &title_font.pos(top_left), (pad, y))?;
        y += title_lh;
    }
    y += pad / 2;
    let legend_text = legend_font.pos(Pos::new(HPos::Left, VPos::Center));
    for row in &rows {
        let cy = y + legend_lh / 2;
        for (x, item, label) in row {
            let x0 = pad + x;
            let tx = match item.marker {
                Marker::None | Marker::Break => x0,
                _ => x0 + marker_w + marker_gap,
            };
            let lw = m.stroke(3.0);
            match item.marker {
                Marker::Line => {
                    area.draw(&PathElement::new(
                        vec![(x0, cy), (x0 + marker_w, cy)],
                        item.colour.stroke_width(lw),
                    ))?;
                }
                Marker::Dashed => {
                    let seg = (marker_w / 4).max(2);
                    let mut sx = x0;
                    while sx < x0 + marker_w {
                        let ex = (sx + seg).min(x0 + marker_w);
                        area.draw(&PathElement::new(
                            vec![(sx, cy), (ex, cy)],
                            item.colour.stroke_width(m.stroke(1.5)),
                        ))?;
                        sx += 2 * seg;
                    }
                }
                Marker::Swatch => {
                    let half = (legend_lh * 2 / 5).max(3);
                    area.draw(&Rectangle::new(
                        [(x0, cy - half), (x0 + marker_w, cy + half)],
                        item.colour.filled(),
                    ))?;
                }
                Marker::None | Marker::Break => {}
            }
            area.draw_text(label, &legend_text, (tx, cy))?;
        }
        y += legend_lh;
    }

    Ok(area.split_vertically(header_h).1)
}

/// Longest text, in characters, any chart label is drawn from: far more
/// than fits on any chart, and it bounds the cost of measuring hostile
/// input (an option name from a file can be any length).
pub(crate) const MAX_LABEL_CHARS: usize = 400;

/// `text` cut to at most [`MAX_LABEL_CHARS`] characters (one pass).
fn bounded(text: &str) -> &str {
    match text.char_indices().nth(MAX_LABEL_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// Greedy word wrap into at most `max_lines` lines; the last line is cut
/// with an ellipsis if needed. Work is linear in the text's length: the
/// text is bounded first, words stop being placed once the lines are
/// full, and a cut takes a binary search ([`fit_text`]).
fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle,
    width: i32,
    max_lines: usize,
) -> Result<Vec<String>, ChartError> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut words = bounded(text).split_whitespace();
    for word in words.by_ref() {
        let trial = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if cur.is_empty() || text_w(area, &trial, font)? <= width {
            cur = trial;
        } else {
            if lines.len() + 1 >= max_lines {
                cur.push(' ');
                cur.push_str(word);
                break;
            }
            lines.push(std::mem::replace(&mut cur, word.to_string()));
        }
    }
    // Whatever did not get a line of its own goes on the last one (cut below).
    for word in words {
        cur.push(' ');
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        out.push(fit_text(area, &l, font, width)?);
    }
    Ok(out)
}

/// Cut text with an ellipsis so it fits `width` pixels. The cut point is
/// found by binary search over the prefix length, so a long text costs a
/// few measurements, not one per character.
pub(crate) fn fit_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle,
    width: i32,
) -> Result<String, ChartError> {
    let short = bounded(text);
    if short.len() == text.len() && text_w(area, text, font)? <= width {
        return Ok(text.to_string());
    }
    // Byte offsets of every prefix end (a char boundary).
    let ends: Vec<usize> = short
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain(std::iter::once(short.len()))
        .collect();
    let cand = |n: usize| format!("{}\u{2026}", short[..ends[n - 1]].trim_end());
    // The longest prefix (in chars, at least 1) whose cut form fits.
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text_w(area, &cand(mid), font)? <= width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Ok(if lo == 0 {
        "\u{2026}".to_string()
    } else {
        cand(lo)
    })
}

/// Sizes of the plot's label areas and margins.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PlotBox {
    pub x_label_h: i32,
    pub y_label_w: i32,
    pub top: i32,
    pub right: i32,
    pub left: i32,
    pub bottom: i32,
}

impl PlotBox {
    /// Margins that do not depend on the tick labels.
    pub fn new(m: &Metrics) -> Self {
        PlotBox {
            // tick mark, gap, tick label, gap, axis title, gap
            x_label_h: m.ipx(6.0) + m.line_h(TICK_PX) + m.ipx(4.0) + m.line_h(LABEL_PX),
            y_label_w: 0,
            top: m.ipx(10.0),
            right: m.ipx(14.0),
            left: m.ipx(4.0),
            bottom: m.ipx(4.0),
        }
    }

    /// Plot height available in an area of the given height.
    pub fn plot_h(&self, area_h: i32) -> i32 {
        (area_h - self.top - self.bottom - self.x_label_h).max(1)
    }

    /// Set the y label area from the widest tick label, and return the plot
    /// width left in an area of the given width.
    pub fn fit_y_labels<DB: DrawingBackend>(
        &mut self,
        area: &DrawingArea<DB, Shift>,
        m: &Metrics,
        y: &Axis,
    ) -> Result<i32, ChartError> {
        let font = m.font(TICK_PX);
        let mut widest = 0;
        for t in &y.ticks {
            widest = widest.max(text_w(area, &y.format.label(*t), &font)?);
        }
        // axis title, gap, widest label, gap, tick mark
        self.y_label_w = m.line_h(LABEL_PX) + m.ipx(6.0) + widest + m.ipx(6.0) + m.ipx(6.0);
        let w = area.dim_in_pixel().0 as i32;
        Ok((w - self.left - self.right - self.y_label_w).max(1))
    }
}

/// How many labels of about `sample` width fit along `plot_w` pixels.
pub(crate) fn fit_count<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &Metrics,
    sample: &str,
    plot_w: i32,
) -> Result<usize, ChartError> {
    let w = text_w(area, sample, &m.font(TICK_PX))? + m.ipx(18.0);
    Ok(((plot_w / w.max(1)) as usize).max(1))
}

/// How many y ticks fit along `plot_h` pixels.
pub(crate) fn y_tick_count(m: &Metrics, plot_h: i32) -> usize {
    ((f64::from(plot_h) / (m.px(TICK_PX) * 2.4)) as usize).clamp(2, 8)
}

/// Widen the right margin so an x tick label centred on the right edge of
/// the plot is not clipped.
pub(crate) fn fit_right_label<DB: DrawingBackend>(
    pb: &mut PlotBox,
    area: &DrawingArea<DB, Shift>,
    m: &Metrics,
    x: &Axis,
) -> Result<(), ChartError> {
    if let Some(last) = x.ticks.last() {
        let span = (x.hi - x.lo).abs().max(1e-12);
        if (x.hi - last).abs() / span < 0.05 {
            let half = text_w(area, &x.format.label(*last), &m.font(TICK_PX))? * 3 / 5 + m.ipx(4.0);
            pb.right = pb.right.max(half);
        }
    }
    Ok(())
}

/// Build the chart in `body` with the given axes and draw the mesh
/// (horizontal gridlines at y ticks, vertical at x ticks unless `x_grid` is
/// false), axis titles and tick labels.
pub(crate) fn build_chart<'a, DB: DrawingBackend>(
    body: &'a DrawingArea<DB, Shift>,
    m: &Metrics,
    pb: &PlotBox,
    x: &Axis,
    y: &Axis,
    x_grid: bool,
) -> Result<Chart<'a, DB>, ChartError> {
    let mut pb = *pb;
    fit_right_label(&mut pb, body, m, x)?;
    // Axis titles are cut to the plot's width and height, so a long option
    // name never runs off the canvas or up into the legend (on a phone).
    let (w, h) = body.dim_in_pixel();
    let x_desc = fit_text(
        body,
        &x.desc,
        &m.font(LABEL_PX),
        (w as i32 - pb.left - pb.right - pb.y_label_w).max(1),
    )?;
    let y_desc = fit_text(body, &y.desc, &m.font(LABEL_PX), pb.plot_h(h as i32))?;
    let mut chart = ChartBuilder::on(body)
        .margin_top(pb.top)
        .margin_right(pb.right)
        .margin_left(pb.left)
        .margin_bottom(pb.bottom)
        .x_label_area_size(pb.x_label_h)
        .y_label_area_size(pb.y_label_w)
        .build_cartesian_2d(Ticked::new(x), Ticked::new(y))?;
    let xf = x.format;
    let yf = y.format;
    let x_fmt = move |v: &f64| xf.label(*v);
    let y_fmt = move |v: &f64| yf.label(*v);
    let mut mesh = chart.configure_mesh();
    mesh.bold_line_style(GRID.stroke_width(m.stroke(1.0)))
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS.stroke_width(m.stroke(1.0)))
        .set_all_tick_mark_size(m.ipx(5.0))
        .x_label_style(m.font(TICK_PX))
        .y_label_style(m.font(TICK_PX))
        .axis_desc_style(m.font(LABEL_PX))
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt);
    if !x_grid {
        mesh.disable_x_mesh();
    }
    mesh.draw()?;
    Ok(chart)
}

/// The layout record for a built chart.
pub(crate) fn layout_of<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    x: &Axis,
    y: &Axis,
) -> ChartLayout {
    let (l, t) = chart.backend_coord(&(x.lo, y.hi));
    let (r, b) = chart.backend_coord(&(x.hi, y.lo));
    ChartLayout {
        plot_left: l,
        plot_right: r,
        plot_top: t,
        plot_bottom: b,
        x_min: x.lo,
        x_max: x.hi,
    }
}
