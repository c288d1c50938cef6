//! Runs the scenarios picked for "side by side" in a compute worker of their
//! own, one after another, and keeps each one's full-run results.
//!
//! It uses the page's worker and its ordinary requests (no insight: the
//! pair asked for is `(0, 0)`, which the worker skips), through a second
//! bridge, so the page's own runs are never displaced. Each scenario runs
//! with its own seed and path count, so its figures are the ones the page
//! shows when it is opened. Results are kept by link, so a scenario taken
//! out and put back is not run again.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use gloo::worker::WorkerBridge;
use yew::prelude::*;

use crate::failsafe;
use crate::worker::{InsightAsk, Reply, Request, Share, SimWorker, Stage, ToWorker};
use turnaround_engine::{Results, ScenarioInput};

/// Longest wait for one scenario's full run before it is reported as failed.
pub const RUN_TIMEOUT_MS: u32 = 120_000;

/// One scenario's run.
#[derive(Debug, Clone, PartialEq)]
pub enum RunState {
    /// Waiting or running.
    Running,
    /// Its full-run results.
    Done(Rc<Results>),
    /// Why it has no results, in words.
    Failed(String),
}

/// Runs by link (fragment); a handful at most, so a list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Runs(pub Vec<(String, RunState)>);

impl Runs {
    /// The state of the scenario with this link (running until known).
    pub fn get(&self, fragment: &str) -> RunState {
        self.0
            .iter()
            .find(|(k, _)| k == fragment)
            .map_or(RunState::Running, |(_, s)| s.clone())
    }
}

/// A run finished (or failed).
pub struct Finished(String, RunState);

impl Reducible for Runs {
    type Action = Finished;

    fn reduce(self: Rc<Self>, Finished(key, state): Finished) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.retain(|(k, _)| *k != key);
        next.0.push((key, state));
        Rc::new(next)
    }
}

struct Runner {
    bridge: Option<WorkerBridge<SimWorker>>,
    queue: Vec<(String, ScenarioInput)>,
    in_flight: Option<(u64, String, u32)>,
    generation: u64,
    timeout: Option<Timeout>,
    deliver: Rc<dyn Fn(String, RunState)>,
    known: Vec<String>,
}

impl Runner {
    fn new(deliver: Rc<dyn Fn(String, RunState)>) -> Rc<RefCell<Runner>> {
        Rc::new(RefCell::new(Runner {
            bridge: None,
            queue: Vec::new(),
            in_flight: None,
            generation: 0,
            timeout: None,
            deliver,
            known: Vec::new(),
        }))
    }

    /// Queues every scenario not yet run or queued, then starts the next.
    fn want(this: &Rc<RefCell<Runner>>, wanted: &[(String, ScenarioInput)]) {
        let (queued, deliver) = {
            let mut me = this.borrow_mut();
            // Taken out before its turn: not run (and run if picked again).
            let dropped: Vec<String> = me
                .queue
                .iter()
                .filter(|(k, _)| !wanted.iter().any(|(w, _)| w == k))
                .map(|(k, _)| k.clone())
                .collect();
            me.queue.retain(|(k, _)| !dropped.contains(k));
            me.known.retain(|k| !dropped.contains(k));
            let mut queued = Vec::new();
            for (key, input) in wanted {
                if !me.known.contains(key) {
                    me.known.push(key.clone());
                    me.queue.push((key.clone(), input.clone()));
                    queued.push(key.clone());
                }
            }
            (queued, me.deliver.clone())
        };
        for key in queued {
            deliver(key, RunState::Running);
        }
        Runner::pump(this);
    }

    fn pump(this: &Rc<RefCell<Runner>>) {
        let weak = Rc::downgrade(this);
        let mut me = this.borrow_mut();
        if me.in_flight.is_some() {
            return;
        }
        if me.queue.is_empty() {
            return;
        }
        let (key, input) = me.queue.remove(0);
        if me.bridge.is_none() {
            let weak = weak.clone();
            let channel = format!(
                "turnaround-compare-{}",
                (js_sys::Math::random() * 1e15) as u64
            );
            me.bridge = Some(crate::hooks::compute::spawn_worker(
                move |reply| Runner::received(&weak, reply),
                &channel,
            ));
        }
        me.generation += 1;
        let generation = me.generation;
        me.in_flight = Some((generation, key.clone(), input.simulation.paths));
        me.timeout = Some(Timeout::new(RUN_TIMEOUT_MS, move || {
            Runner::finish(
                &weak,
                generation,
                RunState::Failed(
                    "The simulation did not finish. Take this scenario out and add it again to retry."
                        .into(),
                ),
            )
        }));
        if let Some(bridge) = &me.bridge {
            bridge.send(ToWorker::Run(Box::new(Request {
                generation,
                input,
                version: failsafe::version(),
                debug_panic: false,
                // The same option twice: the worker explains nothing.
                insight: InsightAsk {
                    pair: (0, 0),
                    pick: None,
                },
                // One worker runs the whole.
                share: Share::default(),
                // Not a drag: the full run starts at once.
                settled: true,
            })));
        }
    }

    fn received(weak: &Weak<RefCell<Runner>>, reply: Reply) {
        let Reply::Run(response) = reply else {
            return;
        };
        let Some(this) = weak.upgrade() else { return };
        let paths = match &this.borrow().in_flight {
            Some((g, _, paths)) if *g == response.generation => *paths,
            _ => return,
        };
        let state = if response.version != failsafe::version() {
            RunState::Failed(
                "The simulation came from another version of Turnaround; reload the page.".into(),
            )
        } else {
            match response.outcome {
                Err(e) => RunState::Failed(crate::explain::explain(&e)),
                // A preview is the full run when the scenario asks for no more paths.
                Ok(r) if response.stage == Stage::Full || r.paths >= paths => {
                    RunState::Done(Rc::new(r))
                }
                Ok(_) => return,
            }
        };
        Runner::finish(weak, response.generation, state);
    }

    fn finish(weak: &Weak<RefCell<Runner>>, generation: u64, state: RunState) {
        let Some(this) = weak.upgrade() else { return };
        let (key, deliver) = {
            let mut me = this.borrow_mut();
            match me.in_flight.take() {
                Some((g, key, _)) if g == generation => {
                    me.timeout = None;
                    if matches!(state, RunState::Failed(_)) {
                        // Let a retry (take out, add again) run it afresh.
                        me.known.retain(|k| *k != key);
                        me.bridge = None;
                    }
                    (key, me.deliver.clone())
                }
                other => {
                    me.in_flight = other;
                    return;
                }
            }
        };
        deliver(key, state);
        Runner::pump(&this);
    }
}

/// Runs every scenario in `wanted` (link and scenario) once, in order, and
/// returns the runs so far. One that failed is run again when it is picked
/// again. The worker is started on first need and stops
/// with the component.
#[hook]
pub fn use_compare_runs(wanted: Vec<(String, ScenarioInput)>) -> Runs {
    let runs = use_reducer(Runs::default);
    let runner = {
        let dispatch = runs.dispatcher();
        use_memo((), move |_| {
            Runner::new(Rc::new(move |key, state| {
                dispatch.dispatch(Finished(key, state))
            }))
        })
    };
    {
        let keys: Vec<String> = wanted.iter().map(|(k, _)| k.clone()).collect();
        let runner = runner.clone();
        use_effect_with(keys, move |_| Runner::want(&runner, &wanted));
    }
    (*runs).clone()
}
