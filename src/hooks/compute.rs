//! Runs the engine in the compute worker and keeps the newest results.

use std::rc::Rc;

use gloo::worker::Spawnable;
use yew::prelude::*;

use crate::worker::{Request, Response, SimWorker, Stage};
use turnaround_engine::{Results, ScenarioInput};

/// Path of the worker script Trunk builds from `src/bin/worker.rs`.
pub const WORKER_PATH: &str = "./worker.js";

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

/// Sends every scenario change (identified by `generation`) to the worker and
/// returns what to show. Stale answers are ignored.
#[hook]
pub fn use_compute(input: &ScenarioInput, generation: u64) -> ComputeState {
    let state = use_reducer(ComputeState::default);
    let bridge = {
        let dispatch = state.dispatcher();
        use_memo((), move |_| {
            SimWorker::spawner()
                .callback(move |response| dispatch.dispatch(ComputeAction::Received(response)))
                .spawn(WORKER_PATH)
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
            bridge.send(Request {
                generation: *generation,
                input,
            });
        });
    }
    (*state).clone()
}
