//! A drawing backend with its own text measurement.
//!
//! plotters measures text on the web by laying out a `<span>` with an inline
//! `style` attribute, which the page's Content-Security-Policy
//! (`style-src 'self'`) blocks, leaving every measurement wrong. [`Measured`]
//! wraps any backend and answers `estimate_text_size` itself, through a
//! [`TextMeasure`]: the page's canvas measures with the canvas
//! ([`super::MeasuredCanvas`]); the single-file report's SVG charts estimate
//! from the character count ([`Estimate`]). Every drawing call goes to the
//! wrapped backend unchanged.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// How a [`Measured`] backend sizes text: width and height in pixels.
pub trait TextMeasure {
    /// The size `text` takes in `style`.
    fn size<S: BackendTextStyle>(&self, text: &str, style: &S) -> (u32, u32);
}

/// Average advance of a sans-serif glyph, in ems.
const EM_PER_CHAR: f64 = 0.56;

/// Text sizes estimated from the character count (for output whose viewer
/// draws the text in its own font, such as SVG files).
#[derive(Clone, Copy, Debug, Default)]
pub struct Estimate;

impl Estimate {
    /// Width and height of `text` at `size` pixels, estimated.
    pub fn of(text: &str, size: f64) -> (u32, u32) {
        let chars = text.chars().count() as f64;
        (
            (chars * size * EM_PER_CHAR).round() as u32,
            size.ceil() as u32,
        )
    }
}

impl TextMeasure for Estimate {
    fn size<S: BackendTextStyle>(&self, text: &str, style: &S) -> (u32, u32) {
        Estimate::of(text, style.size())
    }
}

/// A backend `B` whose text is measured by `M`.
pub struct Measured<B, M> {
    inner: B,
    measure: M,
}

impl<B: DrawingBackend, M: TextMeasure> Measured<B, M> {
    /// Draws on `inner`, measuring text with `measure`.
    pub fn new(inner: B, measure: M) -> Self {
        Measured { inner, measure }
    }
}

type Result<E> = std::result::Result<(), DrawingErrorKind<E>>;

impl<B: DrawingBackend, M: TextMeasure> DrawingBackend for Measured<B, M> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<B::ErrorType> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<B::ErrorType> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<B::ErrorType> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<B::ErrorType> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<B::ErrorType> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<B::ErrorType> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<B::ErrorType> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<B::ErrorType> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<B::ErrorType> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<B::ErrorType>> {
        Ok(self.measure.size(text, style))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<B::ErrorType> {
        self.inner.blit_bitmap(pos, (iw, ih), src)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimated_text_sizes_grow_with_length_and_size() {
        assert_eq!(Estimate::of("", 12.0), (0, 12));
        let (w10, _) = Estimate::of("ten chars!", 10.0);
        let (w20, h20) = Estimate::of("ten chars!", 20.0);
        assert!(w10 > 40 && w20 == 2 * w10 && h20 == 20);
    }
}
