//! Keeps the URL fragment and the scenario in step.
//!
//! The scenario is written to the fragment on every change: a settled change
//! pushes a history entry (so Back and Forward step between committed
//! scenarios); during a drag the drag's own entry is replaced at most once
//! per [`THROTTLE_MS`]. Back and Forward decode the fragment into an action.
//!
//! Each write waits until the change's results are on screen: after the
//! frame that paints them, once the main thread is idle
//! (`requestIdleCallback`; a timer of [`WRITE_AFTER_SHOWN_MS`] where a
//! browser lacks it), or [`WRITE_FALLBACK_MS`] at most. It then runs in a
//! task of its own: Chromium's `pushState`/`replaceState` take 1 to 10 ms,
//! and the browser answers each with a task of a few more, which would
//! otherwise hold up the input's preview or the frame that paints it.
//! Writes keep their order, so Back still steps through every settled
//! scenario.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::codec;
use crate::state::{Action, AppState, Commit};

/// Least time between URL writes during a drag.
pub const THROTTLE_MS: f64 = 300.0;

/// Wait after the frame that paints a change's results before writing its
/// URL, where the browser has no `requestIdleCallback`.
pub const WRITE_AFTER_SHOWN_MS: u32 = 20;

/// Longest a change waits for its results before its URL is written anyway.
pub const WRITE_FALLBACK_MS: u32 = 400;

/// The current fragment without `#` (empty when there is none).
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

#[derive(Default)]
struct Writer {
    in_drag: bool,
    last_write: f64,
    /// A drag's throttled write.
    pending: Option<Timeout>,
    /// Changes rendered but not yet written, oldest first.
    queue: Vec<(Commit, String)>,
    /// The write once results are shown (the frame, then the idle callback
    /// or timer), and the fallback: kept, not forgotten (a forgotten
    /// callback's closure would never be freed), and cancelled when dropped.
    frame: Option<AnimationFrame>,
    soon: Option<Soon>,
    fallback: Option<Timeout>,
}

/// A flush waiting for the main thread to be idle, or for a timer.
enum Soon {
    Idle { _callback: IdleCallback },
    Timer { _timer: Timeout },
}

/// A `requestIdleCallback` callback, cancelled when dropped.
struct IdleCallback {
    id: JsValue,
    _closure: Closure<dyn FnMut()>,
}

impl Drop for IdleCallback {
    fn drop(&mut self) {
        if let Some(cancel) = window_function("cancelIdleCallback") {
            let _ = cancel.call1(&JsValue::UNDEFINED, &self.id);
        }
    }
}

/// The window's function `name`, if the browser has it.
fn window_function(name: &str) -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

/// Schedules [`flush`] once the main thread is idle (at most
/// [`WRITE_FALLBACK_MS`] later), or after [`WRITE_AFTER_SHOWN_MS`] where the
/// browser has no `requestIdleCallback`.
fn flush_when_idle(writer: &Rc<RefCell<Writer>>) -> Soon {
    let idle = window_function("requestIdleCallback").and_then(|request| {
        let later = writer.clone();
        let closure = Closure::<dyn FnMut()>::new(move || flush(&later));
        let options = js_sys::Object::new();
        js_sys::Reflect::set(
            &options,
            &"timeout".into(),
            &f64::from(WRITE_FALLBACK_MS).into(),
        )
        .ok()?;
        let id = request
            .call2(&JsValue::UNDEFINED, closure.as_ref(), &options)
            .ok()?;
        Some(IdleCallback {
            id,
            _closure: closure,
        })
    });
    match idle {
        Some(idle) => Soon::Idle { _callback: idle },
        None => Soon::Timer {
            _timer: flush_after(writer, WRITE_AFTER_SHOWN_MS),
        },
    }
}

/// Writes every queued change, in order.
fn flush(writer: &Rc<RefCell<Writer>>) {
    let changes = {
        let mut w = writer.borrow_mut();
        std::mem::take(&mut w.queue)
    };
    for (commit, fragment) in changes {
        sync(writer, commit, fragment);
    }
}

/// Schedules [`flush`] after `ms`.
fn flush_after(writer: &Rc<RefCell<Writer>>, ms: u32) -> Timeout {
    let writer = writer.clone();
    Timeout::new(ms, move || flush(&writer))
}

fn write(push: bool, fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let url = format!("#{fragment}");
    let result = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    if let Err(e) = result {
        gloo::console::warn!("could not write the link to the address bar", e);
    }
}

/// Writes the scenario (`fragment`, the state's encoded scenario) to the
/// URL as it changes and turns Back and Forward into [`Action::OpenLink`].
/// `shown` is the generation (revision) of the results on screen: a change's
/// URL is written once its results are shown.
#[hook]
pub fn use_url_sync(
    state: &AppState,
    fragment: &AttrValue,
    dispatch: Callback<Action>,
    shown: u64,
) {
    let writer = use_mut_ref(Writer::default);

    {
        let writer = writer.clone();
        let (fragment, commit) = (fragment.clone(), state.commit);
        use_effect_with(state.revision, move |_| {
            let mut w = writer.borrow_mut();
            w.queue.push((commit, fragment.to_string()));
            // The oldest change waiting sets the deadline.
            if w.queue.len() == 1 {
                w.fallback = Some(flush_after(&writer, WRITE_FALLBACK_MS));
            }
        });
    }
    {
        let writer = writer.clone();
        use_effect_with(shown, move |_| {
            let mut w = writer.borrow_mut();
            if !w.queue.is_empty() {
                // The frame that paints the results first, then the write.
                let later = writer.clone();
                w.frame = Some(request_animation_frame(move |_| {
                    let soon = flush_when_idle(&later);
                    later.borrow_mut().soon = Some(soon);
                }));
            }
        });
    }

    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "popstate", move |_| {
                let raw = current_fragment();
                dispatch.emit(Action::OpenLink {
                    decoded: codec::decode(&raw),
                    raw,
                });
            })
        });
        move || drop(listener)
    });
}

fn sync(writer: &Rc<RefCell<Writer>>, commit: Commit, fragment: String) {
    let now = js_sys::Date::now();
    let mut w = writer.borrow_mut();
    match commit {
        Commit::FromUrl => {}
        Commit::Push => {
            w.pending = None;
            // A drag already made its own entry: the settled value replaces it.
            write(!w.in_drag, &fragment);
            w.in_drag = false;
            w.last_write = now;
        }
        Commit::Transient if !w.in_drag => {
            w.pending = None;
            w.in_drag = true;
            write(true, &fragment);
            w.last_write = now;
        }
        Commit::Transient => {
            let wait = THROTTLE_MS - (now - w.last_write);
            if wait <= 0.0 {
                w.pending = None;
                write(false, &fragment);
                w.last_write = now;
            } else {
                let later = writer.clone();
                w.pending = Some(Timeout::new(wait.ceil() as u32, move || {
                    let mut w = later.borrow_mut();
                    if w.in_drag {
                        write(false, &fragment);
                        w.last_write = js_sys::Date::now();
                    }
                    w.pending = None;
                }));
            }
        }
    }
}
