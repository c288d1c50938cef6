//! Application state and its pure reducer.
//!
//! Every user intent is a typed [`Action`]; [`AppState::apply`] turns the old
//! state and an action into the new state and does nothing else. Effects
//! (URL writes, storage, the compute worker) watch the state; they never
//! mutate it except by dispatching actions.

use std::rc::Rc;

use crate::codec::{self, Decoded, EmbedChart, Warning, MAX_OPTIONS};
use crate::compare::{self, Compared};
use crate::params::{baseline_option, ParamDef, Rebalance, Value};
use turnaround_engine::{
    presets::{preset, PresetId},
    Route, ScenarioInput,
};

/// How a change should reach the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// Mid-drag: replace the current history entry (throttled).
    Transient,
    /// Settled: push a new history entry, so Back returns to the previous one.
    Push,
    /// Came from the URL itself (load, Back, Forward): write nothing.
    FromUrl,
}

/// Everything the page shows that is not derived.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The preset the scenario builds on.
    pub preset: PresetId,
    /// The council whose own figures the scenario starts from (its code), if any.
    pub council: Option<String>,
    /// The preset's own scenario (with the council's figures, if any), for
    /// "changed from baseline".
    pub baseline: Rc<ScenarioInput>,
    /// The scenario being edited. Always passes engine validation.
    pub input: ScenarioInput,
    /// Problems found in the link the page was opened with, kept until dismissed.
    pub link_warnings: Vec<Warning>,
    /// Notes about the link the page was opened with (made under an earlier
    /// model), kept until dismissed.
    pub link_notes: Vec<String>,
    /// The link that produced `link_warnings`, so the user can copy it.
    pub original_link: Option<String>,
    /// How the latest change should be written to the URL.
    pub commit: Commit,
    /// Increments on every change of `input`, so effects can tell changes apart.
    pub revision: u64,
    /// Larger type and chart labels, for a projector.
    pub large_type: bool,
    /// The latest edit the model refused, and why; cleared by the next
    /// accepted change. The field it names shows the message.
    pub rejected: Option<Rejection>,
    /// Undo and redo over committed scenarios.
    pub history: HistoryRef,
    /// Presentation mode: the verdict and one chart at a time, full screen.
    pub present: bool,
    /// The compact view for an iframe (`embed=1`), with the chart it shows;
    /// `None` for the full page.
    pub embed: Option<EmbedChart>,
    /// The scenarios picked to see side by side, in column order.
    pub compared: Vec<Compared>,
}

/// An edit the model refused: which field, and the message to show there.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    /// The parameter edited.
    pub param: &'static ParamDef,
    /// Option index for per-option parameters.
    pub option: usize,
    /// The value that was refused.
    pub value: Value,
    /// Why, in the page's words.
    pub message: String,
}

impl AppState {
    /// The refusal message for this field, if its latest edit was refused.
    pub fn rejection_for(&self, param: &ParamDef, option: usize) -> Option<&str> {
        self.rejected
            .as_ref()
            .filter(|r| r.param == param && (r.option == option || !param.per_option()))
            .map(|r| r.message.as_str())
    }
}

/// A scenario as undo and redo restore it.
pub type Snapshot = (PresetId, Rc<ScenarioInput>);

/// Committed scenarios before and after the current one, for undo and redo.
/// A drag or a run of arrow-key nudges is one entry: only settled (`Push`)
/// changes are recorded, against the last settled scenario.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Older scenarios, newest last.
    pub past: Vec<Snapshot>,
    /// Undone scenarios, the next to redo last.
    pub future: Vec<Snapshot>,
    /// The last settled scenario (what an undo returns from).
    pub committed: Option<Snapshot>,
}

/// Shared history; equal when it is the same history (cheap to compare).
#[derive(Debug, Clone, Default)]
pub struct HistoryRef(pub Rc<History>);

impl PartialEq for HistoryRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// How many undo steps are kept.
pub const HISTORY_LIMIT: usize = 100;

/// A user (or URL) intent.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Start again from a preset.
    LoadPreset(PresetId),
    /// Start again from a council's own figures on the England 2024 preset
    /// (its code; an unknown code changes nothing).
    LoadCouncil(String),
    /// Set one assumption. The reducer checks it once, against the field's
    /// own rule and then the whole scenario; a refused value leaves the
    /// scenario as it was and records why in [`AppState::rejected`].
    SetParam {
        /// The parameter.
        param: &'static ParamDef,
        /// Option index for per-option parameters.
        option: usize,
        /// The new value.
        value: Value,
        /// How to record the change in history.
        commit: Commit,
    },
    /// Change an option's leadership route.
    SetRoute {
        /// Option index.
        option: usize,
        /// The new route.
        route: Route,
    },
    /// Rename an option (validated by the caller: 1 to 40 characters).
    RenameOption {
        /// Option index.
        option: usize,
        /// The new name.
        name: String,
    },
    /// Add an option (a copy of the first), up to four.
    AddOption,
    /// Add an option following `route`, up to four: a copy of the first
    /// option on that route (or of the first option, given that route).
    AddOptionWithRoute(Route),
    /// Remove an option, keeping at least one.
    RemoveOption(usize),
    /// Put one assumption back to its preset value.
    Reset {
        /// The parameter.
        param: &'static ParamDef,
        /// Option index.
        option: usize,
    },
    /// Go back to the preset exactly: its assumptions, options and settings.
    ResetAll,
    /// Replace the scenario with one decoded from a link (load, Back, Forward).
    OpenLink {
        /// The decoded link.
        decoded: Decoded,
        /// The raw fragment, kept when it had problems.
        raw: String,
    },
    /// Replace the scenario with a loaded one (saved scenario, JSON import).
    Open {
        /// The preset it builds on.
        preset: PresetId,
        /// The scenario (validated by the caller).
        input: ScenarioInput,
        /// The council whose own figures it starts from (its code), if any.
        council: Option<String>,
    },
    /// Hide the link warnings.
    DismissLinkWarnings,
    /// Turn the large-type (projector) setting on or off.
    SetLargeType(bool),
    /// Enter or leave presentation mode.
    SetPresent(bool),
    /// Show the compact embedded view with this chart, or (`None`) the full page.
    SetEmbed(Option<EmbedChart>),
    /// Add problems found in the page's view settings (`?embed=…`) to the
    /// link warnings.
    ViewWarnings(Vec<Warning>),
    /// Add a scenario to the side-by-side table (refused, changing nothing,
    /// when [`compare::check_add`] refuses it).
    CompareAdd(Compared),
    /// Take the scenario in this column out of the table.
    CompareRemove(usize),
    /// Empty the side-by-side table.
    CompareClear,
    /// Go back to the previous settled scenario.
    Undo,
    /// Go forward again after an undo.
    Redo,
}

impl AppState {
    /// The state for a freshly opened page with this preset.
    pub fn new(preset_id: PresetId) -> Self {
        let baseline = Rc::new(preset(preset_id));
        AppState {
            preset: preset_id,
            council: None,
            input: (*baseline).clone(),
            baseline,
            link_warnings: Vec::new(),
            link_notes: Vec::new(),
            original_link: None,
            commit: Commit::FromUrl,
            revision: 0,
            large_type: false,
            rejected: None,
            history: HistoryRef::default(),
            present: false,
            embed: None,
            compared: Vec::new(),
        }
    }

    /// The state after `action`. Pure: no I/O, no clocks, no randomness.
    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        let mut commit = Commit::Push;
        match action {
            Action::LoadPreset(id) => {
                let fresh = AppState::new(id);
                next.preset = id;
                next.council = None;
                next.baseline = fresh.baseline;
                next.input = fresh.input;
            }
            Action::LoadCouncil(code) => {
                let Some(c) = crate::councils::data().council(&code) else {
                    return self.clone();
                };
                next.preset = PresetId::England2024;
                next.council = Some(c.code.clone());
                next.baseline = Rc::new(codec::base_scenario(next.preset, Some(&c.code)));
                next.input = (*next.baseline).clone();
            }
            Action::SetParam {
                param,
                option,
                value,
                commit: how,
            } => {
                let refused = |message: String| AppState {
                    rejected: Some(Rejection {
                        param,
                        option,
                        value,
                        message,
                    }),
                    ..self.clone()
                };
                if let Err(message) = set_param(&mut next.input, param, option, &value) {
                    return refused(message);
                }
                if let Err(e) = turnaround_engine::validate(&next.input) {
                    return refused(crate::explain::explain_for(&e, param));
                }
                next.rejected = None;
                next.commit = how;
                next.revision = self.revision + 1;
                next.history = self.history.recorded(how, self, &next);
                return next;
            }
            Action::SetRoute { option, route } => {
                if let Some(o) = next.input.options.get_mut(option) {
                    o.route = route;
                }
            }
            Action::RenameOption { option, name } => {
                let Ok(name) = check_option_name(&name) else {
                    return self.clone();
                };
                if let Some(o) = next.input.options.get_mut(option) {
                    o.name = name.to_string();
                }
            }
            Action::AddOption => {
                if next.input.options.len() >= MAX_OPTIONS {
                    return self.clone();
                }
                let n = next.input.options.len() + 1;
                codec::resize_options(&mut next.input, n);
            }
            Action::AddOptionWithRoute(route) => {
                let options = &mut next.input.options;
                if options.len() >= MAX_OPTIONS {
                    return self.clone();
                }
                let source = options.iter().position(|o| o.route == route).unwrap_or(0);
                let mut extra = options[source].clone();
                extra.route = route;
                let base = match route {
                    Route::Recruit => "Recruit",
                    Route::InSource => "In-source partner",
                    Route::InterimChain => "Interim cover only",
                };
                extra.name = if options.iter().any(|o| o.name == base) {
                    format!("{base} ({})", options.len() + 1)
                } else {
                    base.to_string()
                };
                options.push(extra);
            }
            Action::RemoveOption(i) => {
                if next.input.options.len() <= 1 || i >= next.input.options.len() {
                    return self.clone();
                }
                next.input.options.remove(i);
            }
            Action::Reset { param, option } => {
                if param.rebalance == Rebalance::Mix {
                    // The shares only make sense together: reset the whole mix.
                    next.input.context.placements.mix = self.baseline.context.placements.mix;
                } else if let Some(v) =
                    param.get(&self.baseline, baseline_option(&self.baseline, option))
                {
                    param.set(&mut next.input, option, v);
                }
            }
            Action::ResetAll => {
                next.input = (*self.baseline).clone();
            }
            Action::OpenLink { decoded, raw } => {
                next.preset = decoded.preset;
                next.baseline = Rc::new(codec::base_scenario(
                    decoded.preset,
                    decoded.council.as_deref(),
                ));
                next.council = decoded.council;
                next.input = decoded.input;
                next.original_link = (!decoded.warnings.is_empty()).then_some(raw);
                next.link_warnings = decoded.warnings;
                next.link_notes = decoded.notes;
                commit = Commit::FromUrl;
            }
            Action::Open {
                preset: id,
                input,
                council,
            } => {
                next.preset = id;
                next.council = council.filter(|c| crate::councils::data().council(c).is_some());
                next.baseline = Rc::new(codec::base_scenario(id, next.council.as_deref()));
                next.input = input;
            }
            Action::DismissLinkWarnings => {
                next.link_warnings.clear();
                next.link_notes.clear();
                next.original_link = None;
                return next;
            }
            Action::SetLargeType(on) => {
                next.large_type = on;
                return next;
            }
            Action::SetPresent(on) => {
                next.present = on;
                return next;
            }
            Action::SetEmbed(chart) => {
                next.embed = chart;
                return next;
            }
            Action::ViewWarnings(warnings) => {
                next.link_warnings.extend(warnings);
                return next;
            }
            Action::CompareAdd(item) => {
                if compare::check_add(&self.compared, &item).is_ok() {
                    next.compared.push(item);
                }
                return next;
            }
            Action::CompareRemove(i) => {
                if i < next.compared.len() {
                    next.compared.remove(i);
                }
                return next;
            }
            Action::CompareClear => {
                next.compared.clear();
                return next;
            }
            Action::Undo | Action::Redo => {
                let undo = action == Action::Undo;
                let mut h = (*self.history.0).clone();
                let now = (self.preset, Rc::new(self.input.clone()));
                let Some(target) = (if undo { h.past.pop() } else { h.future.pop() }) else {
                    return self.clone();
                };
                if undo {
                    h.future.push(now);
                } else {
                    h.past.push(now);
                }
                if next.preset != target.0 {
                    next.baseline = Rc::new(preset(target.0));
                }
                next.preset = target.0;
                next.input = (*target.1).clone();
                h.committed = Some(target);
                next.history = HistoryRef(Rc::new(h));
                next.rejected = None;
                next.commit = Commit::Push;
                next.revision = self.revision + 1;
                return next;
            }
        }
        // The scenario must stay runnable: refuse a change the engine rejects.
        if turnaround_engine::validate(&next.input).is_err() {
            return AppState {
                revision: self.revision,
                ..self.clone()
            };
        }
        next.rejected = None;
        next.commit = commit;
        next.revision = self.revision + 1;
        next.history = self.history.recorded(commit, self, &next);
        next
    }

    /// The share-link fragment for the current scenario (without `#`).
    pub fn fragment(&self) -> String {
        codec::encode_for(self.preset, self.council.as_deref(), &self.input)
    }
}

impl HistoryRef {
    /// The history after a change from `before` to `after`, recorded as
    /// `commit` says: a settled change becomes one undo step (from the last
    /// settled scenario, so a whole drag is one step); a change from the URL
    /// becomes the new starting point; a mid-drag change is not recorded.
    fn recorded(&self, commit: Commit, before: &AppState, after: &AppState) -> HistoryRef {
        let now = || (after.preset, Rc::new(after.input.clone()));
        let settled = self
            .0
            .committed
            .clone()
            .unwrap_or_else(|| (before.preset, Rc::new(before.input.clone())));
        match commit {
            Commit::Transient => {
                if self.0.committed.is_some() {
                    return self.clone();
                }
                let mut h = (*self.0).clone();
                h.committed = Some(settled);
                HistoryRef(Rc::new(h))
            }
            Commit::FromUrl => {
                let mut h = (*self.0).clone();
                h.committed = Some(now());
                HistoryRef(Rc::new(h))
            }
            Commit::Push => {
                let mut h = (*self.0).clone();
                if settled.0 != after.preset || *settled.1 != after.input {
                    h.past.push(settled);
                    if h.past.len() > HISTORY_LIMIT {
                        h.past.remove(0);
                    }
                    h.future.clear();
                }
                h.committed = Some(now());
                HistoryRef(Rc::new(h))
            }
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.0.past.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.0.future.is_empty()
    }
}

/// Writes a value the way the page does: checked against the parameter's
/// bounds, and a placement-mix share rebalancing the others. The whole
/// scenario is validated by the caller.
fn set_param(
    input: &mut ScenarioInput,
    param: &ParamDef,
    option: usize,
    value: &Value,
) -> Result<(), String> {
    let value = param.check(value)?;
    param.set(input, option, value);
    if let (Rebalance::Mix, Some(kind)) = (param.rebalance, param.element) {
        rebalance_mix(&mut input.context.placements.mix, kind.index());
    }
    Ok(())
}

/// The one rule for option names (the engine's, used by the header, links,
/// files and saved scenarios): 1 to [`turnaround_engine::MAX_NAME_CHARS`]
/// characters once trimmed, no line breaks. Returns the name to store, or a
/// message saying the previous name was kept.
pub fn check_option_name(name: &str) -> Result<String, String> {
    let field = turnaround_engine::Field::of_option(turnaround_engine::FieldId::OptionName, 0);
    match field.check(turnaround_engine::FieldValue::Text(name.trim().to_string())) {
        Ok(turnaround_engine::FieldValue::Text(t)) => Ok(t),
        _ if name.trim().is_empty() => Err("a name is needed; the previous name was kept".into()),
        _ => Err(format!(
            "a name can have at most {} characters and no line breaks; the previous name was kept",
            turnaround_engine::MAX_NAME_CHARS
        )),
    }
}

/// After the user sets share `changed`, scales the other shares so the mix
/// sums to 1 again, keeping their proportions (to four decimals, so links
/// stay short; the largest other share absorbs the rounding). When the
/// others are all zero the remainder goes to the last type not changed.
pub fn rebalance_mix(mix: &mut [f64; 6], changed: usize) {
    let round4 = |v: f64| (v * 1e4).round() / 1e4;
    let fixed = round4(mix[changed].clamp(0.0, 1.0));
    mix[changed] = fixed;
    let others: Vec<usize> = (0..6).filter(|&i| i != changed).collect();
    let rest: f64 = others.iter().map(|&i| mix[i]).sum();
    let target = 1.0 - fixed;
    let sink = if rest > 1e-12 {
        for &i in &others {
            mix[i] = round4(mix[i] * target / rest);
        }
        *others
            .iter()
            .max_by(|a, b| mix[**a].total_cmp(&mix[**b]))
            .unwrap_or(&5)
    } else {
        if changed == 5 {
            4
        } else {
            5
        }
    };
    let without_sink: f64 = (0..6).filter(|&i| i != sink).map(|i| mix[i]).sum();
    mix[sink] = round4((1.0 - without_sink).max(0.0));
}

impl yew::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
