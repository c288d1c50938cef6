//! The compute worker: runs the engine off the main thread.
//!
//! The page sends a [`Request`] for every scenario change. The worker keeps
//! only the newest request: older ones still queued are dropped unrun. For
//! the newest it runs a quick preview at once, then (after
//! [`PAINT_PAUSE_MS`], so the page can paint the preview) the full path count
//! in slices of at most [`SLICE_MS`], returning to the event loop between
//! slices; a newer request arriving meanwhile abandons the full run. So
//! during a drag only previews run, and once input settles the full result
//! follows. Responses carry the request's generation
//! so the page can ignore anything stale.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use turnaround_engine::{
    simulate_with_paths, validate, Results, Run, Scenario, ScenarioError, ScenarioInput,
};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Paths in a preview run.
pub const PREVIEW_PATHS: u32 = 1_000;

/// Longest the worker computes before checking for newer input.
pub const SLICE_MS: f64 = 12.0;

/// Pause between sending a preview and starting the full run: about two
/// frames, so the page can paint the preview before the full run competes
/// with it for the processor, and a drag's next input usually arrives first.
pub const PAINT_PAUSE_MS: u32 = 30;

/// How the page and the worker encode their messages: as JS values, through
/// serde-wasm-bindgen (structured clone carries them). gloo's default,
/// bincode, is not self-describing, so it cannot read the engine's `Range`
/// (which accepts either one number or three); every request would fail to
/// decode in the worker. Large integers (seeds) travel as BigInt, exactly.
pub struct JsCodec;

impl gloo::worker::Codec for JsCodec {
    fn encode<I: Serialize>(input: I) -> JsValue {
        let serializer =
            serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
        input
            .serialize(&serializer)
            .expect("a worker message encodes")
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        serde_wasm_bindgen::from_value(input).expect("a worker message decodes")
    }
}

/// A request to simulate a scenario.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    /// Increases with every scenario change on the page.
    pub generation: u64,
    /// The scenario.
    pub input: ScenarioInput,
    /// The page's [`crate::failsafe::version`].
    pub version: String,
    /// The hidden debug switch: panic on receiving this request.
    pub debug_panic: bool,
}

/// Which run a response comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// The quick preview run.
    Preview,
    /// The full path count.
    Full,
}

/// A finished run, or why it could not run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Response {
    /// The request's generation.
    pub generation: u64,
    /// Preview or full.
    pub stage: Stage,
    /// The results, or why the engine refused the scenario (typed, so the
    /// page words it like every other refusal).
    pub outcome: Result<Results, ScenarioError>,
    /// Milliseconds the engine took, measured in the worker.
    pub millis: f64,
    /// The worker's [`crate::failsafe::version`]: the page refuses answers
    /// from another build.
    pub version: String,
    /// The worker's wasm memory in bytes when it answered (for the soak test).
    pub memory_bytes: u64,
}

/// Runs one stage of a request: the preview is the scenario's path count
/// capped at [`PREVIEW_PATHS`]; the full run uses the scenario's own count.
pub fn run(request: &Request, stage: Stage) -> Response {
    run_checked(request, validate(&request.input), stage)
}

/// [`run`] for a request already validated once (the worker checks each
/// request once, then reuses the [`Scenario`] for the full run).
fn run_checked(
    request: &Request,
    checked: Result<Scenario, ScenarioError>,
    stage: Stage,
) -> Response {
    let started = now();
    let outcome = checked.map(|scenario| {
        let paths = match stage {
            Stage::Preview => request.input.simulation.paths.min(PREVIEW_PATHS),
            Stage::Full => request.input.simulation.paths,
        };
        simulate_with_paths(&scenario, paths)
    });
    Response {
        generation: request.generation,
        stage,
        outcome,
        millis: now() - started,
        version: crate::failsafe::version(),
        memory_bytes: crate::failsafe::wasm_memory_bytes(),
    }
}

/// True when the full run adds nothing to the preview.
pub fn preview_is_full(request: &Request) -> bool {
    request.input.simulation.paths <= PREVIEW_PATHS
}

fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// Internal messages the worker sends itself, one task apart.
pub enum Tick {
    /// Run the preview for the newest request.
    Preview,
    /// Advance the full run of this generation by one slice.
    Slice(u64),
}

/// A full run under way.
struct FullRun {
    generation: u64,
    run: Run,
    started: f64,
}

/// The worker's state.
pub struct SimWorker {
    newest: Option<(HandlerId, Request)>,
    full: Option<FullRun>,
    yielder: Option<Yielder>,
    /// The pause before a full run starts (dropping it cancels the start).
    pause: Option<Timeout>,
}

/// Hands the worker a [`Tick`] in a new task, through a `MessageChannel`:
/// between tasks the worker receives newer requests, and unlike chained
/// `setTimeout(0)` calls (clamped to 4 ms after five levels) it adds no delay.
struct Yielder {
    port: web_sys::MessagePort,
    next: Rc<RefCell<Option<Tick>>>,
    _receiver: web_sys::MessagePort,
    _on_message: Closure<dyn FnMut()>,
}

impl Yielder {
    fn new(scope: &WorkerScope<SimWorker>) -> Option<Yielder> {
        let channel = web_sys::MessageChannel::new().ok()?;
        let next = Rc::new(RefCell::new(None::<Tick>));
        let (scope, slot) = (scope.clone(), next.clone());
        let on_message = Closure::<dyn FnMut()>::new(move || {
            if let Some(tick) = slot.borrow_mut().take() {
                scope.send_message(tick);
            }
        });
        let receiver = channel.port1();
        receiver.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Yielder {
            port: channel.port2(),
            next,
            _receiver: receiver,
            _on_message: on_message,
        })
    }

    /// Replaces any tick not yet delivered: only the newest matters.
    fn post(&self, tick: Tick) {
        *self.next.borrow_mut() = Some(tick);
        let _ = self.port.post_message(&JsValue::NULL);
    }
}

impl SimWorker {
    fn schedule(&self, scope: &WorkerScope<Self>, tick: Tick) {
        match &self.yielder {
            Some(y) => y.post(tick),
            // No MessageChannel: still run, though newer input then waits
            // for the whole run.
            None => scope.send_message(tick),
        }
    }
}

impl Worker for SimWorker {
    type Message = Tick;
    type Input = Request;
    type Output = Response;

    fn create(scope: &WorkerScope<Self>) -> Self {
        SimWorker {
            newest: None,
            full: None,
            yielder: Yielder::new(scope),
            pause: None,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, tick: Tick) {
        let Some((id, request)) = self.newest.as_ref() else {
            return;
        };
        let (id, generation) = (*id, request.generation);
        match tick {
            Tick::Preview => {
                let checked = validate(&request.input);
                let full = match (&checked, preview_is_full(request)) {
                    (Ok(scenario), false) => Some(FullRun {
                        generation,
                        run: Run::new(scenario, request.input.simulation.paths),
                        started: now(),
                    }),
                    _ => None,
                };
                let response = run_checked(request, checked, Stage::Preview);
                scope.respond(id, response);
                if full.is_some() {
                    self.full = full;
                    let scope = scope.clone();
                    self.pause = Some(Timeout::new(PAINT_PAUSE_MS, move || {
                        scope.send_message(Tick::Slice(generation))
                    }));
                }
            }
            Tick::Slice(g) => {
                let Some(full) = self.full.as_mut().filter(|f| f.generation == g) else {
                    return;
                };
                let slice_start = now();
                let mut done = false;
                while !done && now() - slice_start < SLICE_MS {
                    done = full.run.advance(1);
                }
                if !done {
                    self.schedule(scope, Tick::Slice(g));
                    return;
                }
                let FullRun { run, started, .. } = self.full.take().expect("checked above");
                let results = run.finish();
                scope.respond(
                    id,
                    Response {
                        generation: g,
                        stage: Stage::Full,
                        outcome: Ok(results),
                        millis: now() - started,
                        version: crate::failsafe::version(),
                        memory_bytes: crate::failsafe::wasm_memory_bytes(),
                    },
                );
            }
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
        if request.debug_panic {
            panic!("debug switch: a panic in the worker");
        }
        // Newest wins: dropping any full run, and replacing any tick not yet
        // delivered, abandons all work for older input.
        self.newest = Some((id, request));
        self.full = None;
        self.pause = None;
        self.schedule(scope, Tick::Preview);
    }
}
