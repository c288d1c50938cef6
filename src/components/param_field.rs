//! One assumption: a slider and number boxes with its unit, its source on
//! hover and keyboard focus, and an inline message for invalid input.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format;
use crate::params::{trim, Kind, ParamDef, Value};
use crate::state::Commit;
use turnaround_engine::Range;

/// Where a default comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceInfo {
    /// The source, in words.
    pub note: String,
    /// Year or period of the figure.
    pub year: String,
    /// True when no published figure exists and the value is an estimate.
    pub estimate: bool,
}

/// Field properties.
#[derive(Properties, PartialEq)]
pub struct ParamFieldProps {
    /// The parameter.
    pub param: &'static ParamDef,
    /// Option index (per-option parameters).
    #[prop_or_default]
    pub option: usize,
    /// Current value.
    pub value: Value,
    /// Preset value.
    pub baseline: Value,
    /// Where the preset value comes from.
    pub source: Option<SourceInfo>,
    /// A validated new value for (parameter, option), and how to record it.
    /// Shared by every field and stable across renders, so a field whose
    /// value did not change is not re-rendered.
    pub on_set: Callback<Edit>,
    /// Asks whether a candidate value is acceptable: `Some(message)` if not.
    /// Shared and stable, like `on_set`.
    pub check: Callback<(&'static ParamDef, usize, Value), Option<String>>,
}

/// A validated edit of one field.
pub type Edit = (&'static ParamDef, usize, Value, Commit);

/// Parses what a person types: `41,000`, `£41k`, `25%`, `1.2m`.
pub fn parse_typed(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '£' | '%' | ' ' | '_'))
        .collect();
    let t = t.to_ascii_lowercase();
    let (digits, factor) = if let Some(d) = t.strip_suffix('m') {
        (d, 1e6)
    } else if let Some(d) = t.strip_suffix('k') {
        (d, 1e3)
    } else {
        (t.as_str(), 1.0)
    };
    digits
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| v * factor)
}

/// A value as its number box shows it: display units, thousands separated
/// for large whole numbers (`160,000`), which [`parse_typed`] reads back.
fn shown(param: &ParamDef, v: f64) -> String {
    let d = (v * param.unit.display_factor() * 1e6).round() / 1e6;
    use crate::params::Unit as U;
    let grouped = matches!(
        param.unit,
        U::Gbp | U::GbpPerYear | U::GbpPerWeek | U::GbpPerDay | U::Count | U::Fte
    );
    if grouped && d.abs() >= 10_000.0 && d.fract() == 0.0 {
        let s = format::thousands(d.abs() as u64);
        if d < 0.0 {
            format!("-{s}")
        } else {
            s
        }
    } else {
        trim(d)
    }
}

/// Which number box of a range.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Low,
    Likely,
    High,
    Single,
}

impl Slot {
    fn label(self) -> &'static str {
        match self {
            Slot::Low => "low",
            Slot::Likely => "likely",
            Slot::High => "high",
            Slot::Single => "",
        }
    }
}

fn with_slot(value: &Value, slot: Slot, v: f64) -> Value {
    match (value, slot) {
        (Value::Range(r), Slot::Low) => Value::Range(Range::new(v, r.likely, r.high)),
        (Value::Range(r), Slot::Likely) => Value::Range(Range::new(r.low, v, r.high)),
        (Value::Range(r), Slot::High) => Value::Range(Range::new(r.low, r.likely, v)),
        _ => Value::Scalar(v),
    }
}

/// Moving the slider of a range shifts the whole range, keeping its spread,
/// so "what if it costs more" keeps the stated uncertainty.
fn slid(param: &ParamDef, value: &Value, v: f64) -> Value {
    match value {
        Value::Range(r) => {
            let delta = v - r.likely;
            let low = (r.low + delta).clamp(param.min, param.max);
            let high = (r.high + delta).clamp(param.min, param.max);
            Value::Range(Range::new(low.min(v), v, high.max(v)))
        }
        Value::Scalar(_) => Value::Scalar(v),
    }
}

/// One assumption's inputs.
#[function_component(ParamField)]
pub fn param_field(props: &ParamFieldProps) -> Html {
    let draft = use_state(|| None::<(u8, String)>);
    let error = use_state(|| None::<String>);
    let p = props.param;
    let id = format!("f-{}-{}", props.option, p.key.replace('.', "-"));
    let unit = p.unit.suffix();
    let spoken = p.unit.spoken();
    let changed = props.value != props.baseline;

    let slots: Vec<(u8, Slot, f64)> = match props.value {
        Value::Range(r) if p.kind == Kind::Range => vec![
            (0, Slot::Low, r.low),
            (1, Slot::Likely, r.likely),
            (2, Slot::High, r.high),
        ],
        v => vec![(0, Slot::Single, v.central())],
    };

    // Validate a candidate; emit it if acceptable, else show why (keeping
    // what the user typed, for a number box, so they can correct it).
    let submit = {
        let (on_set, check) = (props.on_set.clone(), props.check.clone());
        let (error, draft, option) = (error.clone(), draft.clone(), props.option);
        Rc::new(
            move |candidate: Value, commit: Commit, typed: Option<(u8, String)>| match check
                .emit((p, option, candidate))
            {
                None => {
                    error.set(None);
                    draft.set(None);
                    on_set.emit((p, option, candidate, commit));
                }
                Some(msg) => {
                    if typed.is_some() {
                        draft.set(typed);
                    }
                    error.set(Some(msg));
                }
            },
        )
    };

    let slider = {
        let value = props.value;
        let make = |commit: Commit| {
            let submit = submit.clone();
            Callback::from(move |e: InputEvent| {
                let v = e
                    .target_unchecked_into::<HtmlInputElement>()
                    .value_as_number();
                submit(slid(p, &value, v), commit, None);
            })
        };
        let on_input = make(Commit::Transient);
        let on_settle = {
            let settle = make(Commit::Push);
            Callback::from(move |e: Event| settle.emit(e.unchecked_into()))
        };
        let central = props.value.central();
        html! {
            <input
                type="range"
                id={id.clone()}
                class="slider"
                min={p.min.to_string()}
                max={p.max.to_string()}
                step={p.step.to_string()}
                value={central.to_string()}
                aria-label={format!("{}{}{}", p.label, if spoken.is_empty() { "" } else { ", " }, spoken)}
                aria-valuetext={format::in_unit(central, p.unit)}
                oninput={on_input}
                onchange={on_settle}
            />
        }
    };

    let boxes = slots.iter().map(|&(n, slot, v)| {
        let text = match &*draft {
            Some((k, t)) if *k == n => t.clone(),
            _ => shown(p, v),
        };
        let on_change = {
            let (submit, draft, error) = (submit.clone(), draft.clone(), error.clone());
            let value = props.value;
            let factor = p.unit.display_factor();
            Callback::from(move |e: Event| {
                let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                let Some(typed) = parse_typed(&raw) else {
                    draft.set(Some((n, raw)));
                    error.set(Some("enter a number, like 41,000 or 25%".into()));
                    return;
                };
                submit(
                    with_slot(&value, slot, typed / factor),
                    Commit::Push,
                    Some((n, raw)),
                );
            })
        };
        let label = if slot == Slot::Single {
            format!("{} value", p.label)
        } else {
            format!("{} {}", p.label, slot.label())
        };
        html! {
            <label class={classes!("box", (slot != Slot::Single).then_some("box-range"))}>
                if slot != Slot::Single {
                    <span class="box-label">{ slot.label() }</span>
                }
                <input
                    type="text"
                    inputmode="decimal"
                    value={text}
                    aria-label={format!("{label}{}{}", if spoken.is_empty() { "" } else { ", " }, spoken)}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={format!("{id}-msg")}
                    onchange={on_change}
                />
            </label>
        }
    });

    let tip = props.source.as_ref().map(|s| {
        html! {
            <span class="source" tabindex="0" role="note"
                aria-label={format!("Source: {} ({}){}", s.note, s.year, if s.estimate { ". An estimate: challenge it." } else { "" })}>
                <span aria-hidden="true">{ if s.estimate { "est." } else { "src" } }</span>
                <span class="tip" aria-hidden="true">
                    <strong>{ "Source: " }</strong>{ &s.note }{ " (" }{ &s.year }{ ")" }
                    if s.estimate {
                        <em>{ " Estimate: no published figure; challenge it." }</em>
                    }
                    <span class="tip-help">{ p.help }</span>
                </span>
            </span>
        }
    });

    html! {
        <div class={classes!("field", changed.then_some("changed"), error.is_some().then_some("invalid"))}
             data-key={p.url_key(props.option)}>
            <div class="field-head">
                <label for={id.clone()} title={p.help}>{ p.label }</label>
                { for tip }
                if changed {
                    <span class="badge" title={format!("Preset: {}", describe(&props.baseline, p))}>{ "changed" }</span>
                }
            </div>
            <div class="field-body">
                { slider }
                <div class="boxes">
                    { for boxes }
                    if !unit.is_empty() {
                        <span class="unit" aria-hidden="true">{ unit }</span>
                    }
                </div>
            </div>
            <p class="field-error" id={format!("{id}-msg")} role={error.is_some().then_some("alert")}>
                { error.as_deref().unwrap_or("") }
            </p>
        </div>
    }
}

/// A value in words, for the "changed" badge and the changes list.
pub fn describe(value: &Value, p: &ParamDef) -> String {
    match value {
        Value::Scalar(v) => format::in_unit(*v, p.unit),
        Value::Range(r) if r.low == r.high => format::in_unit(r.likely, p.unit),
        Value::Range(r) => format!(
            "{} / {} / {}",
            format::in_unit(r.low, p.unit),
            format::in_unit(r.likely, p.unit),
            format::in_unit(r.high, p.unit)
        ),
    }
}
