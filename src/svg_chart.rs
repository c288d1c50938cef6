//! Charts as SVG text, for the single-file report. Plotters' SVG backend
//! measures text, in the browser, by adding a `<span>` with a `style`
//! attribute to the page, which the page's Content-Security-Policy
//! (`style-src 'self'`) refuses, so the SVG backend is wrapped in
//! [`Measured`] with text sizes [`Estimate`]d from the character count (the
//! viewer's font draws the text anyway).

use plotters::prelude::*;

use crate::charts::{EitherBackend, Estimate, Measured};
use crate::view_model::ChartSpec;

/// A chart as an SVG document string (`width` x `height` pixels, with a
/// viewBox so it scales). `None` when the chart cannot be drawn.
pub fn chart_svg(spec: &ChartSpec, width: u32, height: u32) -> Option<String> {
    let mut svg = String::new();
    {
        // Through the page's one chart backend type, so the charts' code
        // is not compiled a second time for SVG (see `EitherBackend`).
        let root = EitherBackend::Svg(Measured::new(
            SVGBackend::with_string(&mut svg, (width, height)),
            Estimate,
        ))
        .into_drawing_area();
        let style = crate::charts::ChartStyle {
            scale: 1.0,
            font_family: "sans-serif",
        };
        spec.draw(&root, &style).ok()?;
        root.present().ok()?;
    }
    Some(svg)
}
