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
use crate::worker::{
    InsightAsk, InsightPart, InsightUpdate, MergeRequest, PartReply, Reply, Request, Response,
    Share, SimWorker, Stage, ToWorker, WireCodec,
};
use turnaround_engine::insight::{BreakEven, Tornado, Voi};
use turnaround_engine::{Results, ScenarioInput};

/// What drives the answer for one pair, as its parts arrive from the worker.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InsightState {
    /// Generation of the results explained.
    pub generation: u64,
    /// The pair explained.
    pub pair: (usize, usize),
    /// Share of the automatic parts done, 0 to 1.
    pub progress: f64,
    /// The tornado, once sent.
    pub tornado: Option<Rc<Tornado>>,
    /// Break-evens of the top inputs, as sent.
    pub break_evens: Vec<Rc<BreakEven>>,
    /// The value of information, once sent (the last automatic part).
    pub voi: Option<Rc<Voi>>,
    /// The break-even the user picked, once sent.
    pub picked: Option<Rc<BreakEven>>,
    /// Worker milliseconds from the full run's end to the value of information.
    pub millis: Option<f64>,
}

impl InsightState {
    /// True once every automatic part has arrived.
    pub fn complete(&self) -> bool {
        self.voi.is_some()
    }

    fn apply(&mut self, u: InsightUpdate) {
        if u.generation != self.generation || u.pair != self.pair {
            *self = InsightState {
                generation: u.generation,
                pair: u.pair,
                ..InsightState::default()
            };
        }
        match u.part {
            InsightPart::Progress(p) => self.progress = p,
            InsightPart::Tornado(t) => self.tornado = Some(Rc::new(t)),
            InsightPart::BreakEven(b) => self.break_evens.push(Rc::new(b)),
            InsightPart::Voi(v) => {
                self.voi = Some(Rc::new(v));
                self.progress = 1.0;
                self.millis = Some(u.millis);
            }
            InsightPart::Picked(b) => self.picked = Some(Rc::new(b)),
        }
    }
}

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

/// Starts one compute worker whose replies go to `received`: the hashed
/// loader when the build names one (on `channel`, the page's broadcast
/// channel for it), else Trunk's unhashed script.
pub(crate) fn spawn_worker(
    received: impl Fn(<SimWorker as gloo::worker::Worker>::Output) + 'static,
    channel: &str,
) -> WorkerBridge<SimWorker> {
    let mut spawner = SimWorker::spawner();
    spawner.callback(received);
    let spawner = spawner.encoding::<WireCodec>();
    match worker_loader() {
        Some(url) => spawner.spawn_with_loader(&format!("{url}?ch={channel}")),
        None => spawner.spawn(WORKER_PATH),
    }
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
    /// What drives the answer, for the newest full results.
    pub insight: InsightState,
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
    /// The worker answered.
    Received(Response),
    /// The worker sent part of the insight.
    Insight(InsightUpdate),
}

impl Reducible for ComputeState {
    type Action = ComputeAction;

    fn reduce(self: Rc<Self>, action: ComputeAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ComputeAction::Insight(update) => {
                if update.generation != self.generation {
                    return self;
                }
                next.insight.apply(update);
            }
            ComputeAction::Received(response) => {
                let newer = response.generation > self.generation || self.stage.is_none();
                let fuller = response.generation == self.generation
                    && response.stage == Stage::Full
                    && self.stage == Some(Stage::Preview);
                if !(newer || fuller) {
                    return self;
                }
                if response.generation != self.insight.generation {
                    next.insight = InsightState::default();
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
/// It also holds the digest of the newest full results
/// (`fullDigest`, hex, with `fullGeneration`) and the workers started
/// (`workers`), for the test that compares worker splits.
fn publish_memory(worker_bytes: u64, full: Option<(u64, u64)>, workers: usize) {
    let global = js_sys::global();
    let old = js_sys::Reflect::get(&global, &"turnaroundDebug".into()).ok();
    let debug = js_sys::Object::new();
    let set = |k: &str, v: u64| js_sys::Reflect::set(&debug, &k.into(), &(v as f64).into());
    let _ = set("pageWasmBytes", failsafe::wasm_memory_bytes());
    let _ = set("workerWasmBytes", worker_bytes);
    let _ = set("workers", workers as u64);
    match full {
        Some((generation, digest)) => {
            let _ = set("fullGeneration", generation);
            let _ = js_sys::Reflect::set(
                &debug,
                &"fullDigest".into(),
                &format!("{digest:016x}").into(),
            );
        }
        None => {
            for k in ["fullGeneration", "fullDigest"] {
                if let Some(v) = old
                    .as_ref()
                    .and_then(|o| js_sys::Reflect::get(o, &k.into()).ok())
                {
                    let _ = js_sys::Reflect::set(&debug, &k.into(), &v);
                }
            }
        }
    }
    let _ = js_sys::Reflect::set(&js_sys::global(), &"turnaroundDebug".into(), &debug);
}

/// Workers to run: `?debug=workers:N` if given (for tests), else one fewer
/// than the processor's cores, at least 1 and at most [`MAX_WORKERS`].
pub fn worker_count() -> usize {
    failsafe::debug_workers(&failsafe::search()).unwrap_or_else(|| {
        let cores = web_sys::window()
            .map_or(1.0, |w| w.navigator().hardware_concurrency())
            .max(1.0) as usize;
        cores.saturating_sub(1).clamp(1, MAX_WORKERS)
    })
}

/// Most workers the page starts.
pub const MAX_WORKERS: usize = 8;

/// Keeps the live workers and the newest request (see the module docs).
/// Worker 0, the lead, answers the preview and the insight; with more than
/// one worker each runs a slice of the full run and the lead merges them.
/// Any worker dying restarts them all.
struct Supervisor {
    bridges: Vec<WorkerBridge<SimWorker>>,
    count: usize,
    deliver: Rc<dyn Fn(Reply)>,
    /// The name of the channel the workers' panic hook speaks on.
    channel_name: String,
    _channel: Option<(web_sys::BroadcastChannel, Closure<dyn FnMut()>)>,
    /// The newest request, and whether any answer to it has come.
    newest: Option<Request>,
    answered: bool,
    /// The other workers' slices (all but the lead's) of the newest
    /// generation's full run received so far.
    parts: Vec<Option<PartReply>>,
    /// The generation already retried once.
    retried: Option<u64>,
    watchdog: Option<Timeout>,
    debug: DebugPanic,
    sent: u64,
}

impl Supervisor {
    fn new(deliver: Rc<dyn Fn(Reply)>) -> Rc<RefCell<Supervisor>> {
        let channel_name = format!(
            "turnaround-worker-{}",
            (js_sys::Math::random() * 1e15) as u64
        );
        let count = worker_count();
        let this = Rc::new(RefCell::new(Supervisor {
            bridges: Vec::new(),
            count,
            deliver,
            channel_name,
            _channel: None,
            newest: None,
            answered: true,
            parts: vec![None; count - 1],
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
        let count = this.borrow().count;
        let bridges = (0..count)
            .map(|_| {
                let weak = Rc::downgrade(this);
                let channel = this.borrow().channel_name.clone();
                spawn_worker(
                    move |response| Supervisor::received(&weak, response),
                    &channel,
                )
            })
            .collect();
        this.borrow_mut().bridges = bridges;
    }

    /// Sends the newest request (to new workers if there are none).
    fn send(this: &Rc<RefCell<Supervisor>>, request: Request) {
        if this.borrow().bridges.is_empty() {
            Supervisor::spawn(this);
        }
        let weak = Rc::downgrade(this);
        let mut me = this.borrow_mut();
        let debug_panic = match me.debug {
            DebugPanic::WorkerAlways => true,
            DebugPanic::WorkerOnce => me.sent == 0,
            _ => false,
        };
        me.sent += 1;
        // A new pair or pick for the same scenario gets no run answer: it
        // keeps the watchdog as it was.
        let same = me
            .newest
            .as_ref()
            .is_some_and(|r| r.generation == request.generation && r.input == request.input);
        if !same {
            me.parts = vec![None; me.count - 1];
        }
        me.newest = Some(request.clone());
        if !same {
            me.answered = false;
            me.watchdog = Some(Timeout::new(WATCHDOG_MS, move || {
                let unanswered = weak.upgrade().is_some_and(|s| !s.borrow().answered);
                if unanswered {
                    Supervisor::dead(&weak);
                }
            }));
        }
        let count = me.count as u32;
        for (index, bridge) in me.bridges.iter().enumerate() {
            let mut outgoing = request.clone();
            outgoing.share = Share {
                index: index as u32,
                count,
            };
            // The debug switch panics the lead.
            outgoing.debug_panic = debug_panic && index == 0;
            bridge.send(ToWorker::Run(Box::new(outgoing)));
        }
    }

    fn received(weak: &Weak<RefCell<Supervisor>>, reply: Reply) {
        let Some(this) = weak.upgrade() else { return };
        let response = match reply {
            Reply::Run(response) => response,
            // Insight parts follow a run answer that passed the version check.
            insight @ Reply::Insight(_) => {
                let deliver = this.borrow().deliver.clone();
                deliver(insight);
                return;
            }
            Reply::Part(part) => {
                Supervisor::part(&this, part);
                return;
            }
        };
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
        let full = (response.stage == Stage::Full && response.outcome.is_ok())
            .then(crate::worker::last_results_digest)
            .flatten()
            .map(|d| (response.generation, d));
        publish_memory(response.memory_bytes, full, this.borrow().count);
        deliver(Reply::Run(response));
    }

    /// Keeps another worker's slice of the newest full run; once every
    /// worker but the lead has sent its slice, relays them to the lead, which
    /// merges them with its own (the merge code lives in the worker only).
    fn part(this: &Rc<RefCell<Supervisor>>, part: PartReply) {
        if part.version != failsafe::version() {
            web_sys::console::error_1(
                &format!(
                    "Turnaround: worker version {} differs from the page's {}",
                    part.version,
                    failsafe::version()
                )
                .into(),
            );
            failsafe::show_failure();
            return;
        }
        let mut me = this.borrow_mut();
        let Some(generation) = me.newest.as_ref().map(|r| r.generation) else {
            return;
        };
        if generation != part.generation {
            return; // stale
        }
        let Some(slot) = (part.share.index as usize)
            .checked_sub(1)
            .and_then(|i| me.parts.get_mut(i))
        else {
            return;
        };
        *slot = Some(part);
        if me.parts.iter().any(Option::is_none) {
            return;
        }
        let parts: Vec<PartReply> = me.parts.iter_mut().filter_map(Option::take).collect();
        if let Some(lead) = me.bridges.first() {
            lead.send(ToWorker::Merge(MergeRequest { generation, parts }));
        }
    }

    /// Any worker died: start them all again and retry the newest request once.
    fn dead(weak: &Weak<RefCell<Supervisor>>) {
        let Some(this) = weak.upgrade() else { return };
        let retry = {
            let mut me = this.borrow_mut();
            me.bridges.clear();
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
                // Sent as new, so the slices start afresh.
                this.borrow_mut().newest = None;
                Supervisor::send(&this, request);
            }
            None => failsafe::show_failure(),
        }
    }
}

/// Sends every scenario change (identified by `generation`; `settled` when
/// it is not mid-drag), and every change of what to explain (`ask`), to the
/// worker and returns what to show. Stale answers are ignored.
///
/// The request goes out while the page renders the change, not in an effect
/// after it: the worker starts while the page's own render and reconcile run,
/// which takes that time off input-to-preview. Sending twice is harmless (the
/// worker keeps the newest), and a render with the same generation and ask
/// sends nothing.
#[hook]
pub fn use_compute(
    input: &ScenarioInput,
    generation: u64,
    settled: bool,
    ask: &InsightAsk,
) -> ComputeState {
    let state = use_reducer(ComputeState::default);
    let supervisor = {
        let dispatch = state.dispatcher();
        use_memo((), move |_| {
            Supervisor::new(Rc::new(move |reply| match reply {
                Reply::Run(response) => dispatch.dispatch(ComputeAction::Received(response)),
                Reply::Insight(update) => dispatch.dispatch(ComputeAction::Insight(update)),
                // Slices are merged by the supervisor, never delivered.
                Reply::Part(_) => {}
            }))
        })
    };
    // The newest (generation, ask) sent, and the newest generation asked for
    // with its path count (kept here, not in the reducer: recording it needs
    // no render of its own).
    let sent = use_mut_ref(|| None::<(u64, InsightAsk)>);
    let requested = use_mut_ref(|| (0u64, 0u32));
    let key = (generation, ask.clone());
    if sent.borrow().as_ref() != Some(&key) {
        *requested.borrow_mut() = (generation, input.simulation.paths);
        Supervisor::send(
            &supervisor,
            Request {
                generation,
                input: input.clone(),
                version: failsafe::version(),
                debug_panic: false,
                insight: ask.clone(),
                share: Share::default(),
                settled,
            },
        );
        *sent.borrow_mut() = Some(key);
    }
    let mut shown = (*state).clone();
    shown.requested = *requested.borrow();
    shown
}
