//! One chart on a canvas, with a hover readout and its data table.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use plotters::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::charts::{measured_canvas, ChartLayout, ChartStyle, EitherBackend};
use crate::components::data_table::DataTable;
use crate::view_model::ChartSpec;

/// Least time between two redraws of one chart.
pub const MIN_REDRAW_MS: f64 = 50.0;

/// How near the viewport a chart counts as in view.
const VIEW_MARGIN: &str = "200px";

/// A draw waiting for its timer.
struct PendingDraw {
    job: Rc<dyn Fn()>,
    _timer: Timer,
}

/// When a pending draw runs (dropping it cancels the draw).
enum Timer {
    /// After a wait, in a task of its own.
    After { _timeout: Timeout },
    /// Just before the next frame is rendered, so the chart is painted in
    /// the same frame as the rest of the new result (a task of its own would
    /// leave one frame painted without it, and cost a second).
    Frame { _frame: AnimationFrame },
    /// When the chart comes into (or near) view, the page is printed or the
    /// chart's PNG is downloaded, whichever comes first: a chart nobody can
    /// see is not drawn.
    Held,
}

/// Runs the draw waiting in `pending`, if any, at once (before printing or
/// reading the canvas).
fn run_pending(pending: &std::cell::RefCell<Option<PendingDraw>>) {
    let job = pending.borrow_mut().take().map(|p| p.job);
    if let Some(job) = job {
        job();
    }
}

/// Watches whether `canvas` is in (or near) view, and runs any pending draw
/// as soon as it comes into view. Returns the observer and its callback
/// (which must live as long as the observer).
#[allow(clippy::type_complexity)]
fn observe_view(
    canvas: &HtmlCanvasElement,
    in_view: Rc<std::cell::RefCell<bool>>,
    pending: Rc<std::cell::RefCell<Option<PendingDraw>>>,
) -> Option<(
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array)>,
)> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let visible = entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            .next_back()
            .map(|e| e.is_intersecting());
        let Some(visible) = visible else { return };
        *in_view.borrow_mut() = visible;
        if visible {
            run_pending(&pending);
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(VIEW_MARGIN);
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(canvas);
    Some((observer, callback))
}

/// Chart panel properties.
#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    /// Stable id (used for the canvas and tests).
    pub id: AttrValue,
    /// What to draw.
    pub spec: Rc<ChartSpec>,
    /// One sentence saying how to read the chart.
    pub caption: AttrValue,
    /// Scale for the large-type setting (1 normal).
    #[prop_or(1.0)]
    pub type_scale: f64,
}

fn draw(canvas: &HtmlCanvasElement, spec: &ChartSpec, type_scale: f64) -> Option<ChartLayout> {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let width = canvas.client_width().max(200) as f64;
    let height = canvas.client_height().max(150) as f64;
    // Draw in device pixels so lines and text stay sharp on high-DPI screens.
    // The size is set only when it changed: setting it (even to the same
    // value) makes the browser lay the page out again, so the next chart's
    // size read would force a second layout in the same frame. The chart
    // paints its whole background, so nothing of the last draw shows.
    let (w, h) = ((width * dpr).round() as u32, (height * dpr).round() as u32);
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let backend = EitherBackend::Canvas(measured_canvas(canvas.clone())?);
    let area = backend.into_drawing_area();
    let style = ChartStyle {
        scale: dpr * crate::charts::fitted_type_scale(type_scale, width),
        font_family: "sans-serif",
    };
    let layout = spec.draw(&area, &style);
    let _ = area.present();
    match layout {
        Ok(layout) => Some(layout),
        Err(e) => {
            gloo::console::warn!(format!("chart {}: {e}", spec.title()));
            None
        }
    }
}

/// A chart drawn with plotters onto a canvas; the pointer shows a readout,
/// and a disclosure holds the accessible data table.
#[function_component(ChartPanel)]
pub fn chart_panel(props: &ChartPanelProps) -> Html {
    let canvas = use_node_ref();
    let layout = use_mut_ref(|| None::<ChartLayout>);
    let readout = use_state(|| None::<String>);
    let resized = use_state(|| 0u32);

    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "resize", move |_| resized.set(*resized + 1)));
            move || drop(listener)
        });
    }
    let last_draw = use_mut_ref(|| f64::NEG_INFINITY);
    // Whether the chart is in (or near) view, from an IntersectionObserver;
    // in view until it first reports.
    let in_view = use_mut_ref(|| true);
    // The draw waiting for its turn, runnable early (when the chart scrolls
    // into view) and dropped when newer data arrives.
    let pending = use_mut_ref(|| None::<PendingDraw>);
    {
        let canvas = canvas.clone();
        let (in_view, pending) = (in_view.clone(), pending.clone());
        use_effect_with((), move |_| {
            // Printing shows every chart: draw any held back first (the
            // browser lays the page out for print after this event).
            let print = web_sys::window().map(|w| {
                let pending = pending.clone();
                EventListener::new(&w, "beforeprint", move |_| run_pending(&pending))
            });
            let observer = canvas
                .cast::<HtmlCanvasElement>()
                .and_then(|c| observe_view(&c, in_view, pending));
            move || {
                drop(print);
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    {
        let canvas = canvas.clone();
        let layout = layout.clone();
        let last_draw = last_draw.clone();
        let (in_view, pending) = (in_view.clone(), pending.clone());
        use_effect_with(
            (props.spec.clone(), props.type_scale, *resized),
            move |(spec, scale, _)| {
                // Draw just before the next frame (with the result's other
                // changes, in one paint), and at most every MIN_REDRAW_MS,
                // so previews arriving during a drag leave the main thread
                // free; a draw held back by that waits in a task of its own.
                // Charts out of view are not drawn until they come into
                // view (or the page prints, or the PNG is downloaded). A
                // newer result drops (cancels) a draw that has not run yet,
                // so the newest data is drawn last.
                let (spec, scale) = (spec.clone(), *scale);
                // "pending" until the newest data is drawn ("true"): tests
                // and the print check wait on it.
                if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                    c.set_attribute("data-drawn", "pending").ok();
                }
                let since = js_sys::Date::now() - *last_draw.borrow();
                let wait = (MIN_REDRAW_MS - since).max(0.0) as u32;
                let job: Rc<dyn Fn()> = Rc::new(move || {
                    *last_draw.borrow_mut() = js_sys::Date::now();
                    if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                        *layout.borrow_mut() = draw(&c, &spec, scale);
                        c.set_attribute("data-drawn", "true").ok();
                        // For the browser benchmark: when each chart finished drawing.
                        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                            let _ = perf.mark("turnaround:chart-drawn");
                        }
                    }
                });
                let slot = pending.clone();
                let run = job.clone();
                let go = move || {
                    slot.borrow_mut().take();
                    run();
                };
                let timer = if !*in_view.borrow() {
                    Timer::Held
                } else if wait == 0 {
                    Timer::Frame {
                        _frame: request_animation_frame(move |_| go()),
                    }
                } else {
                    Timer::After {
                        _timeout: Timeout::new(wait, go),
                    }
                };
                *pending.borrow_mut() = Some(PendingDraw { job, _timer: timer });
                let pending = pending.clone();
                move || drop(pending.borrow_mut().take())
            },
        );
    }

    // A tap or click pins the readout until dismissed (on touch there is
    // no hover, and a readout that vanishes cannot be read out to a room).
    let pinned = use_state(|| false);
    let text_at = {
        let layout = layout.clone();
        let spec = props.spec.clone();
        move |e: &PointerEvent| {
            let dpr = web_sys::window()
                .map_or(1.0, |w| w.device_pixel_ratio())
                .max(1.0);
            layout
                .borrow()
                .as_ref()
                .and_then(|l| l.index_at(e.offset_x() as f64 * dpr, spec.len()))
                .map(|i| spec.readout(i))
        }
    };
    let on_move = {
        let (readout, pinned, text_at) = (readout.clone(), pinned.clone(), text_at.clone());
        Callback::from(move |e: PointerEvent| {
            if !*pinned {
                readout.set(text_at(&e));
            }
        })
    };
    let on_down = {
        let (readout, pinned) = (readout.clone(), pinned.clone());
        Callback::from(move |e: PointerEvent| {
            let text = text_at(&e);
            pinned.set(text.is_some());
            readout.set(text);
        })
    };
    let on_leave = {
        let (readout, pinned) = (readout.clone(), pinned.clone());
        Callback::from(move |_| {
            if !*pinned {
                readout.set(None);
            }
        })
    };
    let on_dismiss = {
        let (readout, pinned) = (readout.clone(), pinned.clone());
        Callback::from(move |_: MouseEvent| {
            pinned.set(false);
            readout.set(None);
        })
    };
    let spec = props.spec.clone();
    let title = props.spec.title().to_string();
    let on_png = {
        let (canvas, pending) = (canvas.clone(), pending.clone());
        let filename = format!("turnaround-{}.png", props.id);
        Callback::from(move |_: MouseEvent| {
            // The newest data, even if its draw was still waiting.
            run_pending(&pending);
            let url = canvas
                .cast::<HtmlCanvasElement>()
                .and_then(|c| c.to_data_url_with_type("image/png").ok());
            if let Some(url) = url {
                if let Err(e) = crate::hooks::download::download_href(&url, &filename) {
                    gloo::console::warn!("could not download the chart", e);
                }
            }
        })
    };

    html! {
        <figure class="chart" id={props.id.clone()}>
            <canvas
                ref={canvas}
                role="img"
                aria-label={format!("{title}. {}", props.caption)}
                onpointermove={on_move}
                onpointerdown={on_down}
                onpointerleave={on_leave}
            />
            <div class="readout-row">
                <p class="readout" aria-hidden="true">
                    { readout.as_deref().unwrap_or("Point at or tap the chart for values; a tap keeps them.") }
                </p>
                <button type="button" class="link readout-dismiss" hidden={!*pinned} onclick={on_dismiss}
                    aria-label={format!("Dismiss the values shown: {title}")}>{ "Dismiss" }</button>
            </div>
            <figcaption>{ props.caption.clone() }</figcaption>
            <button type="button" class="link download-png" onclick={on_png}
                aria-label={format!("Download PNG: {title}")}>{ "Download PNG" }</button>
            <DataTable summary={format!("Data table: {title}")} caption={title.clone()}
                table={Callback::from(move |()| spec.table())} />
        </figure>
    }
}
