//! The page's chart backend: plotters' canvas backend, with text measured by
//! the canvas's own `measureText` (see [`super::measured`] for why). It needs
//! no DOM, so no policy exception, and it is faster too.

use plotters_backend::BackendTextStyle;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::measured::{Measured, TextMeasure};

/// Measures text with a canvas's 2D context.
pub struct CanvasMeasure(CanvasRenderingContext2d);

impl TextMeasure for CanvasMeasure {
    fn size<S: BackendTextStyle>(&self, text: &str, style: &S) -> (u32, u32) {
        // The same font string the canvas backend draws with.
        self.0.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str(),
        ));
        let width = self.0.measure_text(text).map_or(0.0, |m| m.width());
        let height = style.size() * 1.2;
        (width.max(0.0).ceil() as u32, height.max(0.0).ceil() as u32)
    }
}

/// A canvas backend whose text measurement uses the canvas.
pub type MeasuredCanvas = Measured<CanvasBackend, CanvasMeasure>;

/// Draws on `canvas`; `None` when it has no 2D context.
pub fn measured_canvas(canvas: HtmlCanvasElement) -> Option<MeasuredCanvas> {
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()?
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    let inner = CanvasBackend::with_canvas_object(canvas)?;
    Some(Measured::new(inner, CanvasMeasure(context)))
}
