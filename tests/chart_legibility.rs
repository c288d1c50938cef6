#![cfg(not(target_arch = "wasm32"))]
//! Every chart the page draws, from real results, stays legible at the
//! sizes people use it: a phone (a 300 px square canvas at device pixel ratio
//! 2), a tablet, a laptop and a projector with large type. "Legible" is
//! checked, not eyeballed: no two pieces of text overlap, and none runs off
//! the canvas.
//!
//! Text is measured as the single-file report measures it
//! ([`turnaround::charts::Estimate`], an average glyph advance of 0.56 em,
//! wider than the page's sans-serif), so the check errs on the side of
//! finding overlaps.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use turnaround::charts::{fitted_type_scale, ChartStyle, Estimate};
use turnaround::view_model::{self, ChartSpec};
use turnaround_engine::{insight, presets, simulate_with_draws, validate};

/// A text's box on the canvas, in pixels: left, top, right, bottom.
#[derive(Clone, Debug)]
struct TextBox {
    text: String,
    rect: (f64, f64, f64, f64),
}

/// A backend that draws nothing and records where each text goes.
struct Texts {
    size: (u32, u32),
    boxes: Rc<RefCell<Vec<TextBox>>>,
}

type R = Result<(), DrawingErrorKind<std::convert::Infallible>>;

impl DrawingBackend for Texts {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> R {
        Ok(())
    }
    fn present(&mut self) -> R {
        Ok(())
    }
    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> R {
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, _: BackendCoord, _: BackendCoord, _: &S) -> R {
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
        _: bool,
    ) -> R {
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> R {
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        _: I,
        _: &S,
    ) -> R {
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> R {
        if text.trim().is_empty() {
            return Ok(());
        }
        let (w, h) = Estimate::of(text, style.size());
        let (w, h) = (f64::from(w), f64::from(h));
        let anchor = style.anchor();
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        // Along the text and across it, from the anchor.
        let along = |len: f64| match anchor.h_pos {
            HPos::Left => (0.0, len),
            HPos::Center => (-len / 2.0, len / 2.0),
            HPos::Right => (-len, 0.0),
        };
        let across = |len: f64| match anchor.v_pos {
            VPos::Top => (0.0, len),
            VPos::Center => (-len / 2.0, len / 2.0),
            VPos::Bottom => (-len, 0.0),
        };
        let rect = match style.transform() {
            // Reading upwards: "along" runs up the y axis.
            FontTransform::Rotate270 => {
                let (a0, a1) = along(w);
                let (c0, c1) = across(h);
                (x + c0, y - a1, x + c1, y - a0)
            }
            FontTransform::Rotate90 => {
                let (a0, a1) = along(w);
                let (c0, c1) = across(h);
                (x - c1, y + a0, x - c0, y + a1)
            }
            _ => {
                let (a0, a1) = along(w);
                let (c0, c1) = across(h);
                (x + a0, y + c0, x + a1, y + c1)
            }
        };
        self.boxes.borrow_mut().push(TextBox {
            text: text.to_string(),
            rect,
        });
        Ok(())
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<std::convert::Infallible>> {
        Ok(Estimate::of(text, style.size()))
    }
}

/// Every chart the page and the drivers panel draw for a preset.
fn charts(preset: presets::PresetId) -> Vec<ChartSpec> {
    let scenario = validate(&presets::preset(preset)).unwrap();
    let (results, draws) = simulate_with_draws(&scenario, 400);
    let names: Vec<String> = results.options.iter().map(|o| o.name.clone()).collect();
    let mut out = vec![
        view_model::cumulative(&results),
        view_model::agency(&results),
        view_model::annual(&results),
    ];
    out.extend((0..results.pairs.len()).filter_map(|p| view_model::difference(&results, p)));
    out.extend((0..results.options.len()).filter_map(|o| view_model::seats(&results, o)));
    let settings = insight::Settings {
        paths: 100,
        curve_points: 5,
        tolerance: 0.1,
        bootstrap: 3,
        ..Default::default()
    };
    let report = insight::analyse(&scenario, &draws, 0, 1, settings);
    out.push(view_model::tornado(&report.tornado, &names));
    out.extend(
        report
            .break_evens
            .iter()
            .map(|b| view_model::break_even(b, &names)),
    );
    out
}

fn overlap(a: &TextBox, b: &TextBox) -> f64 {
    let (l, t, r, bm) = a.rect;
    let (l2, t2, r2, b2) = b.rect;
    let w = r.min(r2) - l.max(l2);
    let h = bm.min(b2) - t.max(t2);
    if w > 0.0 && h > 0.0 {
        w.min(h)
    } else {
        0.0
    }
}

/// Draws `chart` at `w` x `h` CSS pixels and `scale`, and returns what is
/// wrong with its text, if anything.
fn faults(chart: &ChartSpec, w: u32, h: u32, scale: f64) -> Vec<String> {
    let size = (
        (f64::from(w) * scale).round() as u32,
        (f64::from(h) * scale).round() as u32,
    );
    let boxes = Rc::new(RefCell::new(Vec::new()));
    {
        let area = Texts {
            size,
            boxes: boxes.clone(),
        }
        .into_drawing_area();
        let style = ChartStyle {
            scale,
            font_family: "sans-serif",
        };
        chart.draw(&area, &style).expect("chart draws");
    }
    let boxes = boxes.take();
    // A pixel of slack for rounding.
    let slack = 1.0;
    let mut out = Vec::new();
    for b in &boxes {
        let (l, t, r, bm) = b.rect;
        if l < -slack
            || t < -slack
            || r > f64::from(size.0) + slack
            || bm > f64::from(size.1) + slack
        {
            out.push(format!(
                "{:?} runs off the canvas {size:?}: {:?}",
                b.text, b.rect
            ));
        }
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            // Glyph boxes include line spacing: a pixel or two of touching
            // at the scale is not an overlap a reader sees.
            if overlap(a, b) > 2.0 * scale {
                out.push(format!(
                    "{:?} {:?} overlaps {:?} {:?}",
                    a.text, a.rect, b.text, b.rect
                ));
            }
        }
    }
    out
}

/// The page's sizes: (name, canvas CSS width, height, device pixel ratio,
/// type scale asked for: 1.35 is "Large type", 1.7 presentation mode). The
/// scale drawn with is the page's: [`fitted_type_scale`] times the ratio.
const SIZES: [(&str, u32, u32, f64, f64); 7] = [
    // 390 px phone: chart canvases are square, 306 to 340 px wide (the
    // drivers panel's are the narrowest): the narrowest is checked.
    ("phone", 300, 300, 2.0, 1.0),
    ("phone, large type", 300, 300, 2.0, 1.35),
    ("phone, presenting", 330, 330, 2.0, 1.7),
    // 768 px tablet, one chart per row, 16:9.
    ("tablet", 700, 394, 2.0, 1.0),
    ("tablet, presenting", 700, 394, 2.0, 1.7),
    // 1280 px laptop, two charts per row.
    ("laptop", 600, 338, 1.0, 1.0),
    // Presentation on a 1920 px projector.
    ("projector", 1400, 788, 1.0, 1.7),
];

fn check(preset: presets::PresetId) {
    let mut all = Vec::new();
    for chart in charts(preset) {
        for (name, w, h, dpr, asked) in SIZES {
            let scale = dpr * fitted_type_scale(asked, f64::from(w));
            for f in faults(&chart, w, h, scale) {
                all.push(format!("{name}: {}: {f}", chart.title()));
            }
        }
    }
    assert!(all.is_empty(), "{} faults:\n{}", all.len(), all.join("\n"));
}

#[test]
fn sandwell_2012_charts_have_no_overlapping_or_clipped_text() {
    check(presets::PresetId::Sandwell2012);
}

#[test]
fn england_2024_charts_have_no_overlapping_or_clipped_text() {
    check(presets::PresetId::England2024);
}

#[test]
fn the_check_finds_overlaps_and_clipping() {
    let a = TextBox {
        text: "a".into(),
        rect: (0.0, 0.0, 50.0, 12.0),
    };
    let b = TextBox {
        text: "b".into(),
        rect: (40.0, 6.0, 90.0, 18.0),
    };
    let c = TextBox {
        text: "c".into(),
        rect: (60.0, 0.0, 100.0, 12.0),
    };
    assert!(overlap(&a, &b) > 0.0);
    assert_eq!(overlap(&a, &c), 0.0);
    // A chart squeezed into a stamp cannot hold its labels: faults found.
    let chart = &charts(presets::PresetId::Sandwell2012)[0];
    assert!(!faults(chart, 60, 40, 1.0).is_empty());
}

#[test]
fn type_is_as_large_as_asked_where_there_is_room() {
    assert_eq!(fitted_type_scale(1.7, 1400.0), 1.7);
    assert_eq!(fitted_type_scale(1.7, 330.0), 1.0);
    assert_eq!(fitted_type_scale(1.35, 300.0), 1.0);
    assert!((fitted_type_scale(1.35, 450.0) - 1.25).abs() < 1e-12);
    assert_eq!(fitted_type_scale(1.0, 2000.0), 1.0);
    assert_eq!(fitted_type_scale(f64::NAN, 600.0), 1.0);
    assert_eq!(fitted_type_scale(1.7, f64::NAN), 1.0);
}
