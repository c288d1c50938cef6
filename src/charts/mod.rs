//! Charts for Turnaround, drawn with plotters.
//!
//! Every chart is one function generic over a plotters [`DrawingBackend`], so
//! the same code draws to an HTML canvas in the page (through
//! `plotters-canvas`) and to SVG in the native snapshot tests. Charts take
//! small chart-specific input structs defined here, not engine types: the app
//! converts engine results into these.
//!
//! Each drawing function fills the whole area with [`BACKGROUND`], draws a
//! title and a legend at the top, then the plot, and returns a
//! [`ChartLayout`] so the page can map a pointer position back to a data
//! index for hover readouts.

use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::*;

mod break_even;
mod canvas;
mod common;
mod either;
mod fan;
mod histogram;
mod measured;
mod seats;
mod stacked;
mod ticks;

pub use canvas::{measured_canvas, MeasuredCanvas};
pub use either::{BackendError, EitherBackend, SvgText};
pub use measured::{Estimate, Measured, TextMeasure};
mod tornado;

pub use break_even::{draw_break_even, BreakEvenChart, XUnit};
pub use fan::{draw_fan, Band, FanChart, FanSeries, YUnit};
pub use histogram::{draw_difference_histogram, DifferenceHistogram};
pub use seats::{draw_seat_states, SeatStates, SEAT_STATE_NAMES};
pub use stacked::{draw_stacked_annual, StackedAnnual};
pub use tornado::{draw_tornado, TornadoBar, TornadoChart, HIGH_COLOUR, LOW_COLOUR};

/// CSS pixels of canvas width each unit of type scale needs; see
/// [`fitted_type_scale`].
pub const TYPE_ROOM_PX: f64 = 360.0;

/// The type scale to draw with on a canvas `css_width` CSS pixels wide: the
/// scale asked for ("Large type", presentation mode), but no more than the
/// width has room for, and never below normal. A phone draws its charts at
/// the normal size, where labels fit (tests/chart_legibility.rs); the page's
/// own text still follows "Large type".
pub fn fitted_type_scale(asked: f64, css_width: f64) -> f64 {
    let room = if css_width.is_finite() {
        (css_width / TYPE_ROOM_PX).max(1.0)
    } else {
        1.0
    };
    if asked.is_finite() && asked > 0.0 {
        asked.min(room)
    } else {
        1.0
    }
}

/// The drawing area type every chart function takes: a plotters area in
/// plain pixel coordinates on any backend.
pub type ChartArea<DB> = DrawingArea<DB, Shift>;

/// How to draw: size multiplier and font.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    /// Multiplies font sizes, line widths, margins and legend markers: 1.0 is
    /// normal. The page passes device-pixel-ratio times its large-type
    /// setting. Values that are not finite or not positive are treated as
    /// 1.0; others are clamped to 0.5..=6.0.
    pub scale: f64,
    /// CSS font family for all text, e.g. `"sans-serif"`.
    pub font_family: &'static str,
}

impl Default for ChartStyle {
    /// Scale 1.0, `"sans-serif"`.
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            font_family: "sans-serif",
        }
    }
}

impl ChartStyle {
    /// The scale actually used: `scale` made finite, positive and bounded.
    pub fn effective_scale(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.0 {
            self.scale.clamp(0.5, 6.0)
        } else {
            1.0
        }
    }
}

/// Where the plotting rectangle ended up, in backend pixels, and what x maps
/// to, so the page can turn a pointer position into a data index for hover
/// readouts.
///
/// Convention shared by every chart: with `len` data items, item `i` covers
/// the x cell `[x_min + i*w, x_min + (i+1)*w]` where `w = (x_max - x_min) /
/// len`. Monthly charts use `x_min = 0.5`, `x_max = months + 0.5` (month `m`
/// is centred on `x = m`), the annual chart does the same with years, and
/// the histogram uses its first and last bin edges (exact for equal-width
/// bins; use [`ChartLayout::x_at`] for anything else).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartLayout {
    /// Pixel column of `x_min` (left edge of the plotting rectangle).
    pub plot_left: i32,
    /// Pixel column of `x_max` (right edge of the plotting rectangle).
    pub plot_right: i32,
    /// Pixel row of the top of the plotting rectangle.
    pub plot_top: i32,
    /// Pixel row of the bottom of the plotting rectangle (the x axis).
    pub plot_bottom: i32,
    /// Data x value at `plot_left`.
    pub x_min: f64,
    /// Data x value at `plot_right`.
    pub x_max: f64,
}

impl ChartLayout {
    /// Nearest data index for a pixel x (month index for monthly charts,
    /// bin for the histogram, year for the annual chart), `None` outside the
    /// plot or when `len == 0`. `plot_left` maps to 0 and `plot_right` to
    /// `len - 1`.
    pub fn index_at(&self, x_px: f64, len: usize) -> Option<usize> {
        let t = self.fraction_at(x_px)?;
        if len == 0 {
            return None;
        }
        let i = (t * len as f64).floor();
        Some((i.max(0.0) as usize).min(len - 1))
    }

    /// The data x value under a pixel x (months, years or GBP depending on
    /// the chart), `None` outside the plot.
    pub fn x_at(&self, x_px: f64) -> Option<f64> {
        let t = self.fraction_at(x_px)?;
        Some(self.x_min + t * (self.x_max - self.x_min))
    }

    /// Whether a pixel position lies inside the plotting rectangle (edges
    /// included).
    pub fn contains(&self, x_px: f64, y_px: f64) -> bool {
        x_px >= f64::from(self.plot_left)
            && x_px <= f64::from(self.plot_right)
            && y_px >= f64::from(self.plot_top)
            && y_px <= f64::from(self.plot_bottom)
    }

    fn fraction_at(&self, x_px: f64) -> Option<f64> {
        let (l, r) = (f64::from(self.plot_left), f64::from(self.plot_right));
        if !x_px.is_finite() || r <= l || x_px < l || x_px > r {
            return None;
        }
        Some((x_px - l) / (r - l))
    }
}

/// Why a chart could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartError {
    /// The backend or plotters failed; the message is plotters' own.
    Drawing(String),
    /// Nothing to draw: no series, no months, no bins, no categories.
    NoData,
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::Drawing(msg) => write!(f, "chart drawing failed: {msg}"),
            ChartError::NoData => write!(f, "no data to chart"),
        }
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Drawing(e.to_string())
    }
}

/// Okabe–Ito colour-blind-safe palette, ordered for a light background:
/// option `i` is drawn in `PALETTE[i]` (blue, vermillion, bluish green,
/// reddish purple, orange, sky blue, black, yellow).
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0xF0, 0xE4, 0x42),
];

/// Spend-category colours (Paul Tol's colour-blind-safe "bright" set), in
/// category order: category `c` uses `CATEGORY_COLOURS[c % 6]`.
pub const CATEGORY_COLOURS: [RGBColor; 6] = [
    RGBColor(0x44, 0x77, 0xAA),
    RGBColor(0xEE, 0x66, 0x77),
    RGBColor(0x22, 0x88, 0x33),
    RGBColor(0xCC, 0xBB, 0x44),
    RGBColor(0x66, 0xCC, 0xEE),
    RGBColor(0xAA, 0x33, 0x77),
];

/// Seat-state colours (Okabe–Ito): permanent (bluish green), partner (sky
/// blue), interim (orange).
pub const SEAT_COLOURS: [RGBColor; 3] = [
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0xE6, 0x9F, 0x00),
];

/// Difference-histogram bar colours: first option cheaper (Okabe–Ito blue),
/// second option cheaper (Okabe–Ito vermillion).
pub const DIFFERENCE_COLOURS: [RGBColor; 2] = [PALETTE[0], PALETTE[1]];

/// Chart background (white).
pub const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// Text colour (near black).
pub const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);

/// Gridline colour (light grey, visible on a projector).
pub const GRID: RGBColor = RGBColor(0xD6, 0xD6, 0xD6);

/// Axis line and tick colour (mid-dark grey).
pub const AXIS: RGBColor = RGBColor(0x59, 0x59, 0x59);
