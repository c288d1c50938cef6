//! Runs the engine in the compute worker and keeps the newest results.
//!
//! The worker is supervised. It dies when it panics (its panic hook tells
//! the page on a `BroadcastChannel`, see [`crate::failsafe`]) or when it
//! gives no answer to the newest request within [`WATCHDOG_MS`]. A dead
//! worker is replaced by a new one and the request is sent again, once per
//! request; if that fails too the page shows the failure notice. Answers
//! from a worker of another build (its [`crate::failsafe::version`]
//! differs) are refused, with the notice.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use gloo::worker::{Spawnable, WorkerBridge};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::failsafe::{self, DebugPanic};
use crate::worker::{JsCodec, Request, Response, SimWorker, Stage};
use turnaround_engine::{Results, ScenarioInput};

/// Where the worker's loader is when the page does not say (an unprocessed
/// build): Trunk's unhashed worker script.
pub const WORKER_PATH: &str = "./worker.js";

/// Longest wait for the first answer (the preview) to the newest request
/// before the worker is taken for dead. A preview takes well under a second;
/// this allows for a slow machine loading the worker.
pub const WATCHDOG_MS: u32 = 15_000;

/// The worker loader's URL from `<meta name="turnaround-worker">`, which
/// `scripts/post-build.mjs` writes with the content-hashed name.
fn worker_loader() -> Option<String> {
    gloo::utils::document()
        .query_selector(r#"meta[name="turnaround-worker"]"#)
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

/// What the results area shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComputeState {
    /// The newest results received, if any.
    pub results: Option<Rc<Results>>,
    /// Generation of `results`.
    pub generation: u64,
    /// Stage of `results`.
    pub stage: Option<Stage>,
    /// The engine's message when the newest scenario could not run.
    pub error: Option<String>,
    /// Engine milliseconds for `results`, measured in the worker.
    pub millis: f64,
    /// The newest generation asked for, and its path count.
    pub requested: (u64, u32),
}

impl ComputeState {
    /// True while newer or fuller results are on their way.
    pub fn refining(&self) -> bool {
        let (generation, paths) = self.requested;
        self.generation < generation
            || self.results.is_none()
            || self
                .results
                .as_ref()
                .is_some_and(|r| self.stage == Some(Stage::Preview) && r.paths < paths)
    }
}

/// A message into the compute state.
pub enum ComputeAction {
    /// The page asked for this generation with this many paths.
    Requested(u64, u32),
    /// The worker answered.
    Received(Response),
}

impl Reducible for ComputeState {
    type Action = ComputeAction;

    fn reduce(self: Rc<Self>, action: ComputeAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ComputeAction::Requested(generation, paths) => next.requested = (generation, paths),
            ComputeAction::Received(response) => {
                let newer = response.generation > self.generation || self.stage.is_none();
                let fuller = response.generation == self.generation
                    && response.stage == Stage::Full
                    && self.stage == Some(Stage::Preview);
                if !(newer || fuller) {
                    return self;
                }
                next.generation = response.generation;
                next.stage = Some(response.stage);
                next.millis = response.millis;
                match response.outcome {
                    Ok(results) => {
                        next.results = Some(Rc::new(results));
                        next.error = None;
                    }
                    Err(e) => next.error = Some(crate::explain::explain(&e)),
                }
            }
        }
        Rc::new(next)
    }
}

/// A debug hook for the soak test: `window.turnaroundDebug` holds the wasm
/// memory of the page and of the worker (from its newest answer), in bytes.
fn publish_memory(worker_bytes: u64) {
    let debug = js_sys::Object::new();
    let set = |k: &str, v: u64| js_sys::Reflect::set(&debug, &k.into(), &(v as f64).into());
    let _ = set("pageWasmBytes", failsafe::wasm_memory_bytes());
    let _ = set("workerWasmBytes", worker_bytes);
    let _ = js_sys::Reflect::set(&js_sys::global(), &"turnaroundDebug".into(), &debug);
}

/// Keeps one live worker and the newest request (see the module docs).
struct Supervisor {
    bridge: Option<WorkerBridge<SimWorker>>,
    deliver: Rc<dyn Fn(Response)>,
    /// The name of the channel the worker's panic hook speaks on.
    channel_name: String,
    _channel: Option<(web_sys::BroadcastChannel, Closure<dyn FnMut()>)>,
    /// The newest request, and whether any answer to it has come.
    newest: Option<Request>,
    answered: bool,
    /// The generation already retried once.
    retried: Option<u64>,
    watchdog: Option<Timeout>,
    debug: DebugPanic,
    sent: u64,
}

impl Supervisor {
    fn new(deliver: Rc<dyn Fn(Response)>) -> Rc<RefCell<Supervisor>> {
        let channel_name = format!(
            "turnaround-worker-{}",
            (js_sys::Math::random() * 1e15) as u64
        );
        let this = Rc::new(RefCell::new(Supervisor {
            bridge: None,
            deliver,
            channel_name,
            _channel: None,
            newest: None,
            answered: true,
            retried: None,
            watchdog: None,
            debug: failsafe::debug_switch(),
            sent: 0,
        }));
        let weak = Rc::downgrade(&this);
        let on_message = Closure::<dyn FnMut()>::new(move || Supervisor::dead(&weak));
        let name = this.borrow().channel_name.clone();
        if let Ok(channel) = web_sys::BroadcastChannel::new(&name) {
            channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            this.borrow_mut()._channel = Some((channel, on_message));
        }
        this
    }

    fn spawn(this: &Rc<RefCell<Supervisor>>) {
        let weak = Rc::downgrade(this);
        let mut spawner = SimWorker::spawner();
        spawner.callback(move |response| Supervisor::received(&weak, response));
        let spawner = spawner.encoding::<JsCodec>();
        let mut me = this.borrow_mut();
        let bridge = match worker_loader() {
            Some(url) => spawner.spawn_with_loader(&format!("{url}?ch={}", me.channel_name)),
            None => spawner.spawn(WORKER_PATH),
        };
        me.bridge = Some(bridge);
    }

    /// Sends the newest request (to a new worker if there is none).
    fn send(this: &Rc<RefCell<Supervisor>>, request: Request) {
        if this.borrow().bridge.is_none() {
            Supervisor::spawn(this);
        }
        let weak = Rc::downgrade(this);
        let mut me = this.borrow_mut();
        let mut outgoing = request.clone();
        outgoing.debug_panic = match me.debug {
            DebugPanic::WorkerAlways => true,
            DebugPanic::WorkerOnce => me.sent == 0,
            _ => false,
        };
        me.sent += 1;
        me.newest = Some(request);
        me.answered = false;
        me.watchdog = Some(Timeout::new(WATCHDOG_MS, move || {
            let unanswered = weak.upgrade().is_some_and(|s| !s.borrow().answered);
            if unanswered {
                Supervisor::dead(&weak);
            }
        }));
        if let Some(bridge) = &me.bridge {
            bridge.send(outgoing);
        }
    }

    fn received(weak: &Weak<RefCell<Supervisor>>, response: Response) {
        let Some(this) = weak.upgrade() else { return };
        let deliver = {
            let mut me = this.borrow_mut();
            if me.newest.as_ref().map(|r| r.generation) == Some(response.generation) {
                me.answered = true;
                me.watchdog = None;
            }
            me.deliver.clone()
        };
        if response.version != failsafe::version() {
            web_sys::console::error_1(
                &format!(
                    "Turnaround: worker version {} differs from the page's {}",
                    response.version,
                    failsafe::version()
                )
                .into(),
            );
            failsafe::show_failure();
            return;
        }
        publish_memory(response.memory_bytes);
        deliver(response);
    }

    /// The worker died: start another and retry the newest request once.
    fn dead(weak: &Weak<RefCell<Supervisor>>) {
        let Some(this) = weak.upgrade() else { return };
        let retry = {
            let mut me = this.borrow_mut();
            me.bridge = None;
            me.watchdog = None;
            let Some(request) = me.newest.clone() else {
                return;
            };
            if me.retried == Some(request.generation) {
                None
            } else {
                me.retried = Some(request.generation);
                Some(request)
            }
        };
        match retry {
            Some(request) => {
                web_sys::console::warn_1(
                    &"Turnaround: the compute worker stopped; restarting it".into(),
                );
                Supervisor::send(&this, request);
            }
            None => failsafe::show_failure(),
        }
    }
}

/// Sends every scenario change (identified by `generation`) to the worker and
/// returns what to show. Stale answers are ignored.
#[hook]
pub fn use_compute(input: &ScenarioInput, generation: u64) -> ComputeState {
    let state = use_reducer(ComputeState::default);
    let supervisor = {
        let dispatch = state.dispatcher();
        use_memo((), move |_| {
            Supervisor::new(Rc::new(move |response| {
                dispatch.dispatch(ComputeAction::Received(response))
            }))
        })
    };
    {
        let dispatch = state.dispatcher();
        let input = input.clone();
        use_effect_with(generation, move |generation| {
            dispatch.dispatch(ComputeAction::Requested(
                *generation,
                input.simulation.paths,
            ));
            Supervisor::send(
                &supervisor,
                Request {
                    generation: *generation,
                    input,
                    version: failsafe::version(),
                    debug_panic: false,
                },
            );
        });
    }
    (*state).clone()
}
