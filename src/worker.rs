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
//!
//! After the full run the worker works out what drives the answer for the
//! requested pair of options ([`turnaround_engine::insight`]), in the same
//! slices: the tornado first, then the break-evens of its top three inputs,
//! then the value of information, sending each part as it completes
//! ([`Reply::Insight`]), with progress in between. New input abandons it. A
//! request with the same generation and scenario but a different pair or
//! break-even pick reruns only the insight, from the kept per-path draws.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use turnaround_engine::insight::{
    BreakEven, BreakEvenRun, Insight, RerunDraws, Settings, Tornado, Voi,
};
use turnaround_engine::{
    simulate, validate, Field, Partial, PathDraws, Results, Run, Scenario, ScenarioError,
    ScenarioInput,
};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Paths in a preview run.
pub const PREVIEW_PATHS: u32 = 1_000;

/// Longest the worker computes before checking for newer input: newer
/// input waits for the slice under way, half of it on average. 6 ms, down
/// from 12: an input 30 ms after a full result (while the drivers are being
/// worked out) painted its preview 9 ms sooner in two A/Bs of 48 inputs
/// each (70 -> 60 ms median), and inputs on an idle worker did not move
/// beyond noise.
pub const SLICE_MS: f64 = 6.0;

/// Pause between sending a preview and starting the full run mid-drag:
/// about two frames, so a drag's next input usually arrives first (a full
/// run already under way holds the next preview up by up to a slice), and on
/// a one-core machine the page can paint the preview before the full run
/// competes with it for the processor. A settled change on a machine with a
/// core to spare starts its full run at once ([`full_run_pause`]).
pub const PAINT_PAUSE_MS: u32 = 30;

/// The pause before the full run of `request` (see [`PAINT_PAUSE_MS`]).
pub fn full_run_pause(request: &Request, cores: u32) -> u32 {
    if request.settled && cores >= 2 {
        0
    } else {
        PAINT_PAUSE_MS
    }
}

/// `navigator.hardwareConcurrency` where this code runs (1 if unknown).
fn cores() -> u32 {
    js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"hardwareConcurrency".into()))
        .ok()
        .and_then(|c| c.as_f64())
        .map_or(1, |c| c.max(1.0) as u32)
}

/// Work units (one option over one path's horizon) between clock checks
/// while the insight runs: about a third of a millisecond.
pub const INSIGHT_UNITS: u64 = 100;

/// Least time between progress messages while the insight runs.
pub const PROGRESS_MS: f64 = 250.0;

/// How the page and the worker encode their messages: bincode, in one
/// `Uint8Array` (one copy out of the sender's memory, one buffer for the
/// structured clone, one copy in). Bincode keeps every `f64`'s bits and
/// every `u64` (seeds) exactly; the engine's `Range` reads its compact
/// three-number form from it (the number-or-three form is for JSON files).
/// It replaced serde-wasm-bindgen's tree of JS values, whose per-field
/// decoding code cost about 28 KB of the compressed download (page and
/// worker together).
pub struct WireCodec;

impl gloo::worker::Codec for WireCodec {
    fn encode<I: Serialize>(input: I) -> JsValue {
        let bytes = bincode::serialize(&input).expect("a worker message encodes");
        js_sys::Uint8Array::from(bytes.as_slice()).into()
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let bytes = js_sys::Uint8Array::new(&input).to_vec();
        bincode::deserialize(&bytes).expect("a worker message decodes")
    }
}

/// Results (and split runs' slices) are bincode bytes of their own inside
/// a message, so the page can relay a slice to the lead worker without
/// decoding it, and fingerprint the results it decodes
/// ([`last_results_digest`]).
mod binary_outcome {
    use serde::de::{Deserializer, Error as _, Visitor};
    use serde::ser::{Error as _, Serializer};
    use serde::{Deserialize, Serialize};
    use turnaround_engine::{Results, ScenarioError};

    /// Bytes serialised as bytes (a `Uint8Array` in JS), not as a sequence.
    struct Bytes(Vec<u8>);

    impl Serialize for Bytes {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&self.0)
        }
    }

    impl<'de> Deserialize<'de> for Bytes {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl Visitor<'_> for V {
                type Value = Bytes;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("bytes")
                }
                fn visit_bytes<E>(self, v: &[u8]) -> Result<Bytes, E> {
                    Ok(Bytes(v.to_vec()))
                }
                fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Bytes, E> {
                    Ok(Bytes(v))
                }
            }
            d.deserialize_byte_buf(V)
        }
    }

    /// `Vec<u8>` as bytes, for `#[serde(with = ...)]`.
    pub mod bytes {
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(v)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
            super::Bytes::deserialize(d).map(|b| b.0)
        }
    }

    #[derive(Serialize, Deserialize)]
    enum Wire {
        Ok(Bytes),
        Err(ScenarioError),
    }

    pub fn serialize<S: Serializer>(
        outcome: &Result<Results, ScenarioError>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match outcome {
            Ok(r) => Wire::Ok(Bytes(bincode::serialize(r).map_err(S::Error::custom)?)),
            Err(e) => Wire::Err(e.clone()),
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Result<Results, ScenarioError>, D::Error> {
        match Wire::deserialize(d)? {
            Wire::Ok(b) => {
                LAST_DIGEST.with(|c| c.set(Some(digest(&b.0))));
                bincode::deserialize(&b.0).map(Ok).map_err(D::Error::custom)
            }
            Wire::Err(e) => Ok(Err(e)),
        }
    }

    std::thread_local! {
        /// The digest of the newest results decoded (see [`super::last_results_digest`]).
        pub(super) static LAST_DIGEST: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
    }

    /// FNV-1a, 64 bits.
    fn digest(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
        })
    }
}

/// A digest (FNV-1a of the bincode bytes) of the newest results decoded
/// from a worker: equal digests mean equal figures, bit for bit. For the
/// end-to-end test that compares worker splits.
pub fn last_results_digest() -> Option<u64> {
    binary_outcome::LAST_DIGEST.with(|c| c.get())
}

/// A slice's [`Partial`] as bincode in one byte buffer (a `Uint8Array` in
/// JS; see [`binary_outcome`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartBytes(#[serde(with = "binary_outcome::bytes")] Vec<u8>);

impl PartBytes {
    /// Encodes a slice.
    pub fn encode(partial: &Partial) -> PartBytes {
        PartBytes(bincode::serialize(partial).expect("a partial encodes"))
    }

    /// Decodes a slice.
    pub fn decode(&self) -> Result<Partial, String> {
        bincode::deserialize(&self.0).map_err(|e| e.to_string())
    }
}

/// What the page sends a worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ToWorker {
    /// Simulate a scenario (the newest request wins).
    Run(Box<Request>),
    /// For the lead of a split run: the other workers' slices of this
    /// generation, to merge with its own into the full results.
    Merge(MergeRequest),
}

/// The other workers' slices, relayed to the lead.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MergeRequest {
    /// The generation the slices belong to.
    pub generation: u64,
    /// Every slice but the lead's.
    pub parts: Vec<PartReply>,
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
    /// Which pair to explain, and any break-even the user picked.
    #[serde(default)]
    pub insight: InsightAsk,
    /// This worker's share of the full run when several workers split it.
    #[serde(default)]
    pub share: Share,
    /// A settled change (not mid-drag): its full run need not wait for a
    /// next input ([`full_run_pause`]).
    #[serde(default)]
    pub settled: bool,
}

/// Worker `index` of `count` splitting the full run's paths. The lead
/// (index 0) also runs the preview and the insight. With one worker the
/// lead's full run is the whole run and it answers with results; with
/// more, every other worker answers with its slice ([`Reply::Part`]), the
/// page relays them to the lead ([`ToWorker::Merge`]), and the lead merges
/// them with its own ([`turnaround_engine::merge_with_draws`], which also
/// gives the insight its per-path draws): the same figures, bit for bit,
/// whatever the split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    /// This worker's position, from 0.
    pub index: u32,
    /// Workers splitting the run (at least 1).
    pub count: u32,
}

impl Default for Share {
    fn default() -> Self {
        Share { index: 0, count: 1 }
    }
}

impl Share {
    /// This share's paths out of `total`: consecutive, near-equal slices.
    pub fn paths(self, total: u32) -> std::ops::Range<u32> {
        let count = self.count.max(1) as u64;
        let at = |i: u64| (total as u64 * i / count) as u32;
        at(self.index as u64)..at(self.index as u64 + 1)
    }

    /// True for the worker that runs the preview and the insight.
    pub fn is_lead(self) -> bool {
        self.index == 0
    }

    /// True when the full run is split.
    pub fn split(self) -> bool {
        self.count > 1
    }
}

/// One worker's slice of a full run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PartReply {
    /// The request's generation.
    pub generation: u64,
    /// Which share.
    pub share: Share,
    /// The slice, as one byte buffer (bincode of [`turnaround_engine::Partial`]),
    /// which the page relays to the lead without reading it.
    pub partial: PartBytes,
    /// Milliseconds from the request to the slice's end, in the worker.
    pub millis: f64,
    /// The worker's [`crate::failsafe::version`].
    pub version: String,
}

/// What the page wants explained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InsightAsk {
    /// The pair of options (a, b).
    pub pair: (usize, usize),
    /// A break-even the user picked, with the span to search (stored units).
    pub pick: Option<(Field, (f64, f64))>,
}

impl Default for InsightAsk {
    fn default() -> Self {
        InsightAsk {
            pair: (0, 1),
            pick: None,
        }
    }
}

/// One part of the insight for a pair, or progress towards it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum InsightPart {
    /// Share of the work done, 0 to 1.
    Progress(f64),
    /// The tornado.
    Tornado(Tornado),
    /// One of the top inputs' break-evens.
    BreakEven(BreakEven),
    /// The value of information; the last automatic part.
    Voi(Voi),
    /// The break-even the user picked.
    Picked(BreakEven),
}

/// An insight message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InsightUpdate {
    /// The request's generation.
    pub generation: u64,
    /// The pair explained.
    pub pair: (usize, usize),
    /// The part.
    pub part: InsightPart,
    /// Milliseconds since the insight started (from the end of the full run).
    pub millis: f64,
}

/// What the worker sends.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Reply {
    /// A preview or full run.
    Run(Response),
    /// Part of the insight.
    Insight(InsightUpdate),
    /// One worker's slice of a split full run.
    Part(PartReply),
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
    /// page words it like every other refusal). Results travel as one byte
    /// buffer ([`binary_outcome`]), not as a tree of JS objects.
    #[serde(with = "binary_outcome")]
    pub outcome: Result<Results, ScenarioError>,
    /// Milliseconds the engine took, measured in the worker.
    pub millis: f64,
    /// The worker's [`crate::failsafe::version`]: the page refuses answers
    /// from another build.
    pub version: String,
    /// The worker's wasm memory in bytes when it answered (for the soak test).
    pub memory_bytes: u64,
}

impl Response {
    /// An answer to `generation`, stamped with this build's version and the
    /// worker's memory now.
    fn new(
        generation: u64,
        stage: Stage,
        outcome: Result<Results, ScenarioError>,
        millis: f64,
    ) -> Response {
        Response {
            generation,
            stage,
            outcome,
            millis,
            version: crate::failsafe::version(),
            memory_bytes: crate::failsafe::wasm_memory_bytes(),
        }
    }
}

/// Runs one stage of a request as the worker does: the preview is the
/// scenario's path count capped at [`PREVIEW_PATHS`]; the full run uses the
/// scenario's own count.
pub fn run(request: &Request, stage: Stage) -> Response {
    let checked = validate(&request.input);
    match stage {
        Stage::Preview => preview(request, checked).0,
        Stage::Full => {
            let started = now();
            let outcome = checked.map(|scenario| simulate(&scenario));
            Response::new(request.generation, stage, outcome, now() - started)
        }
    }
}

/// The preview of `request` (its first [`PREVIEW_PATHS`] paths), with its
/// [`Partial`] so the full run can start from it; marked [`Stage::Full`]
/// when the scenario has no more paths than that (nothing further follows).
fn preview(
    request: &Request,
    checked: Result<Scenario, ScenarioError>,
) -> (Response, Option<Partial>) {
    let started = now();
    let paths = request.input.simulation.paths.min(PREVIEW_PATHS);
    let mut part = None;
    let outcome = checked.map(|scenario| {
        let whole = Run::new(&scenario, paths).finish_partial();
        let results = match turnaround_engine::merge(&scenario, vec![whole.clone()]) {
            Ok(results) => results,
            // Not reached: a whole run merges on its own.
            Err(e) => panic!("a preview does not merge: {e}"),
        };
        part = Some(whole);
        results
    });
    // With no more paths to run, the preview is the full result.
    let stage = if preview_is_full(request) {
        Stage::Full
    } else {
        Stage::Preview
    };
    let response = Response::new(request.generation, stage, outcome, now() - started);
    (response, part)
}

/// The paths of `share` the full run must still simulate when a preview of
/// the first `preview` paths is kept: the rest of the share when the share
/// starts at path 0 and holds the whole preview, else the whole share.
pub fn paths_left(share: std::ops::Range<u32>, preview: Option<u32>) -> std::ops::Range<u32> {
    match preview {
        Some(n) if share.start == 0 && n > 0 && n <= share.end => n..share.end,
        _ => share,
    }
}

/// True when the full run adds nothing to the preview.
pub fn preview_is_full(request: &Request) -> bool {
    request.input.simulation.paths <= PREVIEW_PATHS
}

/// Milliseconds, to a fraction (`performance.now()` in the page and the
/// worker; `Date.now()` if there is none).
fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Reflect::get(&js_sys::global(), &"performance".into())
            .ok()
            .filter(|p| !p.is_undefined())
            .map(|p| p.unchecked_into::<web_sys::Performance>().now())
            .unwrap_or_else(js_sys::Date::now)
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
    /// Advance the insight of this generation by one slice.
    Insight(u64),
    /// Redraw the per-path draws of this generation's merged run.
    Draws(u64),
}

/// The newest full run's scenario and per-path draws, kept for the insight.
struct Kept {
    generation: u64,
    scenario: Scenario,
    draws: PathDraws,
}

/// The insight under way.
struct InsightRun {
    generation: u64,
    ask: InsightAsk,
    run: Option<Insight>,
    picked: Option<BreakEvenRun>,
    sent_tornado: bool,
    sent_break_evens: usize,
    started: f64,
    last_progress: f64,
}

/// A full run under way.
struct FullRun {
    generation: u64,
    run: FullStage,
    started: f64,
    /// This worker's slice of the paths (all of them with one worker).
    share: Share,
}

/// A full run waiting for its set-up, or set up and advancing.
enum FullStage {
    Pending(Box<Scenario>),
    Running(Box<Run>),
}

/// The worker's state.
pub struct SimWorker {
    newest: Option<(HandlerId, Request)>,
    full: Option<FullRun>,
    kept: Option<Kept>,
    insight: Option<InsightRun>,
    yielder: Option<Yielder>,
    /// The pause before a full run starts (dropping it cancels the start).
    pause: Option<Timeout>,
    /// The lead: the newest generation's preview, kept as the first paths
    /// of the full run (which then simulates only the rest).
    preview_part: Option<(u64, Partial)>,
    /// A split run's lead: its own slices of the newest generation (the
    /// preview's and its share's, with its milliseconds), and the others'
    /// slices relayed by the page.
    own_part: Option<(u64, Vec<Partial>, f64)>,
    relayed: Option<MergeRequest>,
    /// The lead: merged slices waiting to be redrawn with their draws.
    to_draw: Option<(u64, Scenario, Vec<Partial>)>,
    /// The insight's reruns' random numbers, kept from one scenario to the
    /// next (they change only with the seed or horizon): no redrawing, and
    /// no 3.5 MB allocation, for every change.
    rerun_draws: Option<RerunDraws>,
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
    fn keep(&mut self, generation: u64, scenario: Scenario, draws: PathDraws) {
        self.kept = Some(Kept {
            generation,
            scenario,
            draws,
        });
        self.insight = None;
        self.start_insight(generation);
    }

    /// Starts (or keeps) the insight for the newest request's ask: the pair's
    /// parts are reused when only the pick changed.
    fn start_insight(&mut self, generation: u64) {
        let (Some(kept), Some((_, request))) = (&self.kept, &self.newest) else {
            return;
        };
        if kept.generation != generation {
            return;
        }
        let ask = request.insight.clone();
        let n = kept.scenario.input().options.len();
        let (a, b) = ask.pair;
        if a >= n || b >= n || a == b {
            self.insight = None;
            return;
        }
        let settings = Settings::default();
        let picked = ask.pick.and_then(|(field, span)| {
            let target =
                turnaround_engine::insight::Input::for_field(kept.scenario.input(), a, b, field)?;
            Some(BreakEvenRun::new(
                &kept.scenario,
                a,
                b,
                target,
                Some(span),
                settings,
            ))
        });
        match &mut self.insight {
            Some(i) if i.generation == generation && i.ask.pair == ask.pair => {
                i.ask = ask;
                i.picked = picked;
            }
            _ => {
                let run = Insight::new_reusing(
                    &kept.scenario,
                    &kept.draws,
                    a,
                    b,
                    settings,
                    self.rerun_draws.take(),
                );
                self.rerun_draws = Some(run.rerun_draws());
                self.insight = Some(InsightRun {
                    generation,
                    run: Some(run),
                    ask,
                    picked,
                    sent_tornado: false,
                    sent_break_evens: 0,
                    started: now(),
                    last_progress: now(),
                });
            }
        }
    }

    /// One slice of the insight; sends each part as it completes.
    fn insight_slice(&mut self, scope: &WorkerScope<Self>, id: HandlerId, g: u64) {
        let Some(ins) = self.insight.as_mut().filter(|i| i.generation == g) else {
            return;
        };
        let slice_start = now();
        let pair = ins.ask.pair;
        let send = |part: InsightPart, started: f64| {
            scope.respond(
                id,
                Reply::Insight(InsightUpdate {
                    generation: g,
                    pair,
                    part,
                    millis: now() - started,
                }),
            );
        };
        while now() - slice_start < SLICE_MS {
            if let Some(run) = ins.run.as_mut() {
                let done = run.advance(INSIGHT_UNITS);
                if let (false, Some(t)) = (ins.sent_tornado, run.tornado()) {
                    ins.sent_tornado = true;
                    send(InsightPart::Tornado(t.clone()), ins.started);
                }
                while ins.sent_break_evens < run.break_evens().len() {
                    let be = run.break_evens()[ins.sent_break_evens].clone();
                    ins.sent_break_evens += 1;
                    send(InsightPart::BreakEven(be), ins.started);
                }
                if done {
                    let voi = run.voi().cloned();
                    ins.run = None;
                    if let Some(v) = voi {
                        send(InsightPart::Voi(v), ins.started);
                    }
                }
                continue;
            }
            match ins.picked.as_mut() {
                Some(p) => {
                    if p.advance(INSIGHT_UNITS) {
                        let be = ins.picked.take().expect("just advanced").finish();
                        send(InsightPart::Picked(be), ins.started);
                    }
                }
                None => return,
            }
        }
        if let Some(run) = ins.run.as_ref() {
            if now() - ins.last_progress >= PROGRESS_MS {
                ins.last_progress = now();
                send(InsightPart::Progress(run.progress()), ins.started);
            }
        }
        self.schedule(scope, Tick::Insight(g));
    }

    /// The lead: once its own slice (and with several workers, the others')
    /// is in for the newest generation, merges them and sends the full
    /// results, then merges again with the per-path draws for the insight
    /// (the draws are redrawn, which takes time the page need not wait for).
    fn try_merge(&mut self, scope: &WorkerScope<Self>) {
        let Some((id, request)) = self.newest.as_ref() else {
            return;
        };
        let g = request.generation;
        let alone = !request.share.split();
        let ready = self.own_part.as_ref().is_some_and(|p| p.0 == g)
            && (alone || self.relayed.as_ref().is_some_and(|r| r.generation == g));
        if !ready {
            return;
        }
        let Some((_, own, own_millis)) = self.own_part.take() else {
            return;
        };
        let relayed = self.relayed.take().map(|r| r.parts).unwrap_or_default();
        let millis = relayed.iter().map(|p| p.millis).fold(own_millis, f64::max);
        let mut parts = own;
        for p in &relayed {
            match p.partial.decode() {
                Ok(partial) => parts.push(partial),
                // Not reached: the bytes come from this build's workers.
                Err(e) => panic!("a worker's slice does not decode: {e}"),
            }
        }
        let Ok(scenario) = validate(&request.input) else {
            return;
        };
        // The results go first; the per-path draws for the insight (redrawn
        // by a second merge) follow once the page has them.
        let results = match turnaround_engine::merge(&scenario, parts.clone()) {
            Ok(results) => results,
            // Not reached: the slices come from this scenario and cover
            // every path once. Say so rather than show wrong figures.
            Err(e) => panic!("the workers' slices do not merge: {e}"),
        };
        scope.respond(
            *id,
            Reply::Run(Response::new(g, Stage::Full, Ok(results), millis)),
        );
        // The same option twice (side by side's runs): nothing to explain.
        if request.insight.pair.0 == request.insight.pair.1 {
            return;
        }
        // Redrawing the draws is a task of its own: newer input first.
        self.to_draw = Some((g, scenario, parts));
        self.schedule(scope, Tick::Draws(g));
    }

    /// The merged run's per-path draws, then the insight.
    fn draws(&mut self, scope: &WorkerScope<Self>, g: u64) {
        let Some((_, scenario, parts)) = self.to_draw.take().filter(|d| d.0 == g) else {
            return;
        };
        let Ok((_, draws)) = turnaround_engine::merge_with_draws(&scenario, parts) else {
            return; // not reached: these slices merged before
        };
        self.keep(g, scenario, draws);
        self.schedule(scope, Tick::Insight(g));
    }

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
    type Input = ToWorker;
    type Output = Reply;

    fn create(scope: &WorkerScope<Self>) -> Self {
        SimWorker {
            newest: None,
            full: None,
            kept: None,
            insight: None,
            yielder: Yielder::new(scope),
            pause: None,
            preview_part: None,
            own_part: None,
            relayed: None,
            to_draw: None,
            rerun_draws: None,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, tick: Tick) {
        let Some((id, request)) = self.newest.as_ref() else {
            return;
        };
        let (id, generation) = (*id, request.generation);
        match tick {
            Tick::Preview => {
                // The preview goes first: setting up the full run (every
                // path's context, and the draws kept for the insight) waits
                // for the first slice, after the pause.
                let checked = validate(&request.input);
                let scenario = checked.as_ref().ok().cloned();
                let share = request.share;
                if share.is_lead() {
                    let (response, part) = preview(request, checked);
                    scope.respond(id, Reply::Run(response));
                    self.preview_part = part.map(|p| (generation, p));
                } else if preview_is_full(request) {
                    // The lead's preview is the whole answer.
                    return;
                }
                match (scenario, preview_is_full(request)) {
                    (Some(scenario), true) => {
                        // The preview is the full run: keep its draws for the
                        // insight (redrawn from its slice, not simulated again).
                        let Some((_, part)) = self.preview_part.take() else {
                            return;
                        };
                        let draws = match turnaround_engine::merge_with_draws(&scenario, vec![part])
                        {
                            Ok((_, draws)) => draws,
                            // Not reached: a whole run merges on its own.
                            Err(e) => panic!("a preview does not merge: {e}"),
                        };
                        self.keep(generation, scenario, draws);
                        self.schedule(scope, Tick::Insight(generation));
                    }
                    (Some(scenario), false) => {
                        self.full = Some(FullRun {
                            generation,
                            run: FullStage::Pending(Box::new(scenario)),
                            started: now(),
                            share,
                        });
                        let scope = scope.clone();
                        let pause = full_run_pause(request, cores());
                        self.pause = Some(Timeout::new(pause, move || {
                            scope.send_message(Tick::Slice(generation))
                        }));
                    }
                    (None, _) => {}
                }
            }
            Tick::Slice(g) => {
                let Some(full) = self.full.as_mut().filter(|f| f.generation == g) else {
                    return;
                };
                let run = match &mut full.run {
                    FullStage::Running(run) => run,
                    FullStage::Pending(scenario) => {
                        // Set-up is a slice of its own.
                        let total = request.input.simulation.paths;
                        // The lead's share starts with the preview's paths:
                        // simulate only the rest.
                        let preview = self.preview_part.as_ref().filter(|p| p.0 == g);
                        let paths = paths_left(full.share.paths(total), preview.map(|p| p.1.paths));
                        if paths.start == 0 {
                            self.preview_part = None;
                        }
                        // No draws kept: the merge redraws them after the
                        // results have gone.
                        let run = Run::new_slice(scenario, total, paths);
                        full.run = FullStage::Running(Box::new(run));
                        self.schedule(scope, Tick::Slice(g));
                        return;
                    }
                };
                let slice_start = now();
                let mut done = false;
                while !done && now() - slice_start < SLICE_MS {
                    done = run.advance(1);
                }
                if !done {
                    self.schedule(scope, Tick::Slice(g));
                    return;
                }
                let FullRun {
                    run,
                    started,
                    share,
                    ..
                } = self.full.take().expect("checked above");
                let FullStage::Running(run) = run else {
                    return; // not reached: the run was advanced above
                };
                let partial = run.finish_partial();
                let millis = now() - started;
                if share.is_lead() {
                    // The lead merges (its slices alone, or with the others').
                    let total = request.input.simulation.paths;
                    let mut own = vec![partial];
                    if let Some((_, p)) = self.preview_part.take().filter(|p| p.0 == g) {
                        match p.first_of(total) {
                            Ok(p) => own.push(p),
                            // Not reached: the preview is a whole run of fewer paths.
                            Err(e) => panic!("the preview cannot start the full run: {e}"),
                        }
                    }
                    self.own_part = Some((g, own, millis));
                    self.try_merge(scope);
                } else {
                    scope.respond(
                        id,
                        Reply::Part(PartReply {
                            generation: g,
                            share,
                            partial: PartBytes::encode(&partial),
                            millis,
                            version: crate::failsafe::version(),
                        }),
                    );
                }
            }
            Tick::Insight(g) => self.insight_slice(scope, id, g),
            Tick::Draws(g) => self.draws(scope, g),
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, message: ToWorker, id: HandlerId) {
        let request = match message {
            ToWorker::Run(request) => *request,
            ToWorker::Merge(relayed) => {
                self.relayed = Some(relayed);
                self.try_merge(scope);
                return;
            }
        };
        if request.debug_panic {
            panic!("debug switch: a panic in the worker");
        }
        // Same scenario, new pair or pick: keep any run going and redo only
        // the insight (at once from the kept draws, or after the full run).
        let same = self
            .newest
            .as_ref()
            .is_some_and(|(_, r)| r.generation == request.generation && r.input == request.input);
        if same {
            let g = request.generation;
            self.newest = Some((id, request));
            if self.kept.as_ref().is_some_and(|k| k.generation == g) {
                self.start_insight(g);
                self.schedule(scope, Tick::Insight(g));
            }
            return;
        }
        // Newest wins: dropping any full run or insight, and replacing any
        // tick not yet delivered, abandons all work for older input.
        self.kept = None;
        self.insight = None;
        self.newest = Some((id, request));
        self.full = None;
        self.pause = None;
        self.preview_part = None;
        self.own_part = None;
        self.relayed = None;
        self.to_draw = None;
        self.schedule(scope, Tick::Preview);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message through the wire codec's encoding (bincode; natively, no
    /// `Uint8Array`).
    fn across<T: Serialize + for<'de> Deserialize<'de>>(message: &T) -> T {
        bincode::deserialize(&bincode::serialize(message).unwrap()).unwrap()
    }

    #[test]
    fn every_presets_request_and_results_cross_the_wire_unchanged() {
        for id in turnaround_engine::presets::PresetId::ALL {
            let mut input = turnaround_engine::presets::preset(id);
            input.simulation.paths = 200;
            let request = Request {
                generation: 9,
                input,
                version: "v".into(),
                debug_panic: false,
                insight: InsightAsk {
                    pair: (1, 0),
                    pick: None,
                },
                share: Share { index: 1, count: 3 },
                settled: true,
            };
            let ToWorker::Run(back) = across(&ToWorker::Run(Box::new(request.clone()))) else {
                panic!("a run request crosses as a run request")
            };
            assert_eq!(back.input, request.input, "{id:?}");
            // Bit for bit (Debug text tells -0.0 from 0.0).
            assert_eq!(format!("{back:?}"), format!("{request:?}"), "{id:?}");

            let response = run(&request, Stage::Full);
            let sent = format!("{:?}", response.outcome);
            let Reply::Run(back) = across(&Reply::Run(response)) else {
                panic!("a run reply crosses as a run reply")
            };
            assert_eq!(format!("{:?}", back.outcome), sent, "{id:?}");
        }
    }

    #[test]
    fn shares_cover_every_path_once_in_order() {
        for total in [1, 2, 3, 999, 1_000, 10_000, 100_000] {
            for count in 1..=8 {
                let mut next = 0;
                for index in 0..count {
                    let r = Share { index, count }.paths(total);
                    assert_eq!(r.start, next, "{total} paths, share {index} of {count}");
                    assert!(r.end - r.start <= total / count + 1);
                    next = r.end;
                }
                assert_eq!(next, total, "{total} paths in {count} shares");
            }
        }
        assert_eq!(Share::default().paths(10_000), 0..10_000);
        // The lead's share less the preview's paths; others' shares whole.
        assert_eq!(paths_left(0..10_000, Some(1_000)), 1_000..10_000);
        assert_eq!(paths_left(0..1_000, Some(1_000)), 1_000..1_000);
        assert_eq!(
            paths_left(0..600, Some(1_000)),
            0..600,
            "share smaller than the preview"
        );
        assert_eq!(paths_left(3_334..6_667, Some(1_000)), 3_334..6_667);
        assert_eq!(paths_left(0..10_000, None), 0..10_000);
        assert!(!Share::default().split());
    }
}
