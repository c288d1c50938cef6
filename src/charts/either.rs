//! One backend type for every chart the app draws: the page's canvas
//! ([`super::MeasuredCanvas`]) or the exports' SVG text ([`SvgText`]).
//!
//! Every chart function is generic over its backend, so each backend type the
//! app draws with gets its own copy of every chart and of plotters' chart
//! code in the page's wasm. Drawing both through [`EitherBackend`] keeps one
//! copy (about 4 KB of the compressed download, 38 KB raw); only these few forwarding
//! calls choose between the two at run time. The drawing calls reach the
//! chosen backend unchanged, so the output is the same.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

use super::canvas::MeasuredCanvas;
use super::measured::{Estimate, Measured};

/// Plotters' SVG backend writing to a string, text sized by [`Estimate`].
pub type SvgText<'a> = Measured<SVGBackend<'a>, Estimate>;

/// The canvas or the SVG backend.
pub enum EitherBackend<'a> {
    /// The page's canvas.
    Canvas(MeasuredCanvas),
    /// SVG text for the exports.
    Svg(SvgText<'a>),
}

/// A backend's error, as its message (the chart reports only the message).
#[derive(Debug)]
pub struct BackendError(String);

impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BackendError {}

type Result<T> = std::result::Result<T, DrawingErrorKind<BackendError>>;

/// The same result with the backend's error as a [`BackendError`].
fn lift<T, E: std::error::Error + Send + Sync>(
    result: std::result::Result<T, DrawingErrorKind<E>>,
) -> Result<T> {
    result.map_err(|e| match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(BackendError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

/// Calls the same method on whichever backend it is.
macro_rules! forward {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            EitherBackend::Canvas($b) => lift($call),
            EitherBackend::Svg($b) => lift($call),
        }
    };
}

impl DrawingBackend for EitherBackend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            EitherBackend::Canvas(b) => b.get_size(),
            EitherBackend::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<()> {
        forward!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<()> {
        forward!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<()> {
        forward!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<()> {
        forward!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        forward!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<()> {
        forward!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<()> {
        forward!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<()> {
        forward!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<()> {
        forward!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        forward!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<()> {
        forward!(self, b => b.blit_bitmap(pos, size, src))
    }
}
