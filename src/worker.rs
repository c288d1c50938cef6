//! The compute worker: runs the engine off the main thread.
//!
//! The page sends a [`Request`] for every scenario change. The worker keeps
//! only the newest request: older ones still queued are dropped unrun. For
//! the newest it runs a quick preview at once, then the full path count in
//! slices of at most [`SLICE_MS`], returning to the event loop between
//! slices; a newer request arriving meanwhile abandons the full run. So
//! during a drag only previews run, and once input settles the full result
//! follows without a fixed delay. Responses carry the request's generation
//! so the page can ignore anything stale.

use gloo::timers::callback::Timeout;
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use turnaround_engine::{simulate_with_paths, validate, Results, Run, ScenarioInput};

/// Paths in a preview run.
pub const PREVIEW_PATHS: u32 = 1_000;

/// Longest the worker computes before checking for newer input.
pub const SLICE_MS: f64 = 12.0;

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
    timer: Option<Timeout>,
}

impl SimWorker {
    fn schedule(&mut self, scope: &WorkerScope<Self>, tick: Tick) {
        let scope = scope.clone();
        self.timer = Some(Timeout::new(0, move || scope.send_message(tick)));
    }
}

impl Worker for SimWorker {
    type Message = Tick;
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        SimWorker {
            newest: None,
            full: None,
            timer: None,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, tick: Tick) {
        self.timer = None;
        let Some((id, request)) = self.newest.as_ref() else {
            return;
        };
        let (id, generation) = (*id, request.generation);
        match tick {
            Tick::Preview => {
                let response = run(request, Stage::Preview);
                let full = match (&response.outcome, preview_is_full(request)) {
                    (Ok(_), false) => validate(&request.input).ok().map(|scenario| FullRun {
                        generation,
                        run: Run::new(&scenario, request.input.simulation.paths),
                        started: now(),
                    }),
                    _ => None,
                };
                scope.respond(id, response);
                if full.is_some() {
                    self.full = full;
                    self.schedule(scope, Tick::Slice(generation));
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
                    },
                );
            }
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
        // Newest wins: dropping the pending timer and any full run abandons
        // all work for older input.
        self.newest = Some((id, request));
        self.full = None;
        self.schedule(scope, Tick::Preview);
    }
}
