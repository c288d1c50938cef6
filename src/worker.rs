//! The compute worker: runs the engine off the main thread.
//!
//! The page sends a [`Request`] for every scenario change. The worker keeps
//! only the newest request: older ones still queued are dropped unrun. For
//! the newest it runs a quick preview at once, then waits for the input to
//! settle ([`SETTLE_MS`]) and runs the full path count, unless a newer request
//! arrived meanwhile. Responses carry the request's generation so the page
//! can ignore anything stale.

use gloo::timers::callback::Timeout;
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use turnaround_engine::{simulate_with_paths, validate, Results, ScenarioInput};

/// Paths in a preview run.
pub const PREVIEW_PATHS: u32 = 1_000;

/// Quiet time after the newest input before the full run starts.
pub const SETTLE_MS: u32 = 150;

/// A request to simulate a scenario.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    /// Increases with every scenario change on the page.
    pub generation: u64,
    /// The scenario.
    pub input: ScenarioInput,
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
    /// The results, or the engine's validation message.
    pub outcome: Result<Results, String>,
    /// Milliseconds the engine took, measured in the worker.
    pub millis: f64,
}

/// Runs one stage of a request: the preview is the scenario's path count
/// capped at [`PREVIEW_PATHS`]; the full run uses the scenario's own count.
pub fn run(request: &Request, stage: Stage) -> Response {
    let started = now();
    let outcome = validate(&request.input)
        .map(|scenario| {
            let paths = match stage {
                Stage::Preview => request.input.simulation.paths.min(PREVIEW_PATHS),
                Stage::Full => request.input.simulation.paths,
            };
            simulate_with_paths(&scenario, paths)
        })
        .map_err(|e| e.to_string());
    Response {
        generation: request.generation,
        stage,
        outcome,
        millis: now() - started,
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

/// Internal messages the worker sends itself from timers.
pub enum Tick {
    /// Run the preview for the newest request.
    Preview,
    /// Run the full count for the newest request.
    Full(u64),
}

/// The worker's state.
pub struct SimWorker {
    newest: Option<(HandlerId, Request)>,
    timer: Option<Timeout>,
}

impl SimWorker {
    fn schedule(&mut self, scope: &WorkerScope<Self>, millis: u32, tick: Tick) {
        let scope = scope.clone();
        self.timer = Some(Timeout::new(millis, move || scope.send_message(tick)));
    }
}

impl Worker for SimWorker {
    type Message = Tick;
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        SimWorker {
            newest: None,
            timer: None,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, tick: Tick) {
        self.timer = None;
        let Some((id, request)) = self.newest.as_ref() else {
            return;
        };
        let id = *id;
        match tick {
            Tick::Preview => {
                let response = run(request, Stage::Preview);
                let generation = request.generation;
                let done = preview_is_full(request) || response.outcome.is_err();
                scope.respond(id, response);
                if !done {
                    self.schedule(scope, SETTLE_MS, Tick::Full(generation));
                }
            }
            Tick::Full(generation) if generation == request.generation => {
                scope.respond(id, run(request, Stage::Full));
            }
            Tick::Full(_) => {}
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
        // Newest wins: replacing the pending request and its timer cancels
        // any preview or full run not yet started for older input.
        self.newest = Some((id, request));
        self.schedule(scope, 0, Tick::Preview);
    }
}
