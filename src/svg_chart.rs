//! Charts as SVG text, for the single-file report. Plotters' SVG backend
//! measures text, in the browser, by adding a `<span>` with a `style`
//! attribute to the page, which the page's Content-Security-Policy
//! (`style-src 'self'`) refuses. [`Measured`] wraps the SVG backend and
//! estimates text sizes itself (the viewer's font draws the text anyway).

use plotters::prelude::SVGBackend;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use crate::view_model::ChartSpec;

/// Average advance of a sans-serif glyph, in ems.
const EM_PER_CHAR: f64 = 0.56;

/// The SVG backend with text sizes estimated from the character count.
pub struct Measured<'a>(SVGBackend<'a>);

type Error<'a> = DrawingErrorKind<<SVGBackend<'a> as DrawingBackend>::ErrorType>;

impl<'a> DrawingBackend for Measured<'a> {
    type ErrorType = <SVGBackend<'a> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), Error<'a>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), Error<'a>> {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Error<'a>> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Error<'a>> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Error<'a>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Error<'a>> {
        self.0.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Error<'a>> {
        self.0.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Error<'a>> {
        self.0.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Error<'a>> {
        self.0.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Error<'a>> {
        Ok(estimate(text, style.size()))
    }
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), Error<'a>> {
        self.0.blit_bitmap(pos, size, src)
    }
}

/// Width and height of `text` at `size` pixels, estimated.
pub fn estimate(text: &str, size: f64) -> (u32, u32) {
    let chars = text.chars().count() as f64;
    (
        (chars * size * EM_PER_CHAR).round() as u32,
        size.ceil() as u32,
    )
}

/// A chart as an SVG document string (`width` x `height` pixels, with a
/// viewBox so it scales). `None` when the chart cannot be drawn.
pub fn chart_svg(spec: &ChartSpec, width: u32, height: u32) -> Option<String> {
    let mut svg = String::new();
    {
        let root = Measured(SVGBackend::with_string(&mut svg, (width, height))).into_drawing_area();
        let style = crate::charts::ChartStyle {
            scale: 1.0,
            font_family: "sans-serif",
        };
        spec.draw(&root, &style).ok()?;
        root.present().ok()?;
    }
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_sizes_grow_with_length_and_size() {
        assert_eq!(estimate("", 12.0), (0, 12));
        let (w10, _) = estimate("ten chars!", 10.0);
        let (w20, h20) = estimate("ten chars!", 20.0);
        assert!(w10 > 40 && w20 == 2 * w10 && h20 == 20);
    }
}
