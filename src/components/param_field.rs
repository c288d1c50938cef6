//! One assumption: a slider and number boxes with its unit, its source on
//! hover and keyboard focus, and an inline message for invalid input.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format;
use crate::format::trim;
use crate::params::{Kind, ParamDef, Unit, Value};
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
    /// A new value for (parameter, option), and how to record it.
    /// Shared by every field and stable across renders, so a field whose
    /// value did not change is not re-rendered.
    pub on_set: Callback<Edit>,
    /// Why the model refused this field's latest edit, if it did (held in
    /// the page state: the reducer checks each edit once).
    #[prop_or_default]
    pub rejected: Option<AttrValue>,
}

/// An edit of one field, checked by the reducer.
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

/// A bare fraction typed into a percentage box ("0.3") is ambiguous: it
/// could mean 0.3% or 30%. Asks for the % sign rather than guess.
fn ambiguous_percent(param: &ParamDef, raw: &str, typed: f64) -> Option<String> {
    let percent = matches!(param.unit, Unit::Percent | Unit::PercentPerYear);
    (percent && !raw.contains('%') && typed > 0.0 && typed < 1.0).then(|| {
        format!(
            "this box is in percent: for {}% type {}%, for {}% type {}",
            trim(typed),
            trim(typed),
            trim(typed * 100.0),
            trim(typed * 100.0)
        )
    })
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
/// so "what if it costs more" keeps the stated uncertainty. At the ends of
/// the allowed bounds the shift stops rather than squashing the range.
fn slid(param: &ParamDef, value: &Value, v: f64) -> Value {
    match value {
        Value::Range(r) => {
            let (lo, hi) = param.slider;
            let delta = (v - r.likely).clamp(lo - r.low, hi - r.high);
            Value::Range(Range::new(r.low + delta, r.likely + delta, r.high + delta))
        }
        Value::Scalar(_) => Value::Scalar(v),
    }
}

/// Slider bounds: a third to three times the preset value, so a drag moves
/// by sensible steps (the number boxes still take anything within the
/// parameter's bounds); the row's full slider span for shares, years and
/// zero presets.
/// Always wide enough to show the current value.
fn slider_bounds(param: &ParamDef, baseline: f64, current: f64) -> (f64, f64) {
    let relative = !matches!(
        param.unit,
        Unit::Percent | Unit::PercentPerYear | Unit::Year
    );
    let (lo, hi) = if relative && baseline > 0.0 {
        (
            (baseline / 3.0).max(param.slider.0),
            (baseline * 3.0).min(param.slider.1),
        )
    } else {
        param.slider
    };
    let snap = |x: f64| (x / param.step).round() * param.step;
    (snap(lo.min(current)), snap(hi.max(current)))
}

/// One assumption's inputs.
#[function_component(ParamField)]
pub fn param_field(props: &ParamFieldProps) -> Html {
    let draft = use_state(|| None::<(u8, String)>);
    let error = use_state(|| None::<String>);
    {
        // A value that changed from outside (Back, a reset, another box)
        // replaces whatever was typed and its message.
        let (draft, error) = (draft.clone(), error.clone());
        use_effect_with(props.value, move |_| {
            draft.set(None);
            error.set(None);
        });
    }
    let p = props.param;
    let id = format!("f-{}-{}", props.option, p.key().replace('.', "-"));
    let unit = p.unit.suffix();
    let spoken = p.unit.spoken();
    let changed = props.value != props.baseline;

    let slots: Vec<(u8, Slot, f64)> = match props.value {
        Value::Range(r) if p.kind() == Kind::Range => vec![
            (0, Slot::Low, r.low),
            (1, Slot::Likely, r.likely),
            (2, Slot::High, r.high),
        ],
        v => vec![(0, Slot::Single, v.central())],
    };

    // Send a candidate to the reducer, which checks it once; keep what the
    // user typed in a number box until the value changes, so a refused entry
    // (its message comes back through `rejected`) can be corrected.
    let submit = {
        let on_set = props.on_set.clone();
        let (error, draft, option) = (error.clone(), draft.clone(), props.option);
        Rc::new(
            move |candidate: Value, commit: Commit, typed: Option<(u8, String)>| {
                error.set(None);
                draft.set(typed);
                on_set.emit((p, option, candidate, commit));
            },
        )
    };
    // A parse problem found here, else the model's refusal from the state.
    let message: Option<String> = (*error)
        .clone()
        .or_else(|| props.rejected.as_ref().map(|m| m.to_string()));

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
        let (slider_min, slider_max) = slider_bounds(p, props.baseline.central(), central);
        html! {
            <input
                type="range"
                id={id.clone()}
                class="slider"
                min={slider_min.to_string()}
                max={slider_max.to_string()}
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
            _ => format::in_box(v, p.unit),
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
                if let Some(msg) = ambiguous_percent(p, &raw, typed) {
                    draft.set(Some((n, raw)));
                    error.set(Some(msg));
                    return;
                }
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
                    aria-invalid={message.is_some().to_string()}
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
        <div class={classes!("field", changed.then_some("changed"), message.is_some().then_some("invalid"))}
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
            <p class="field-error" id={format!("{id}-msg")} role={message.is_some().then_some("alert")}>
                { message.as_deref().unwrap_or("") }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::find;

    #[test]
    fn sliding_a_range_keeps_its_spread_at_the_bounds() {
        let p = find("int.rate").unwrap(); // bounds 100..5,000
        let r = Value::Range(Range::new(800.0, 1_000.0, 1_250.0));
        assert_eq!(
            slid(p, &r, 1_100.0),
            Value::Range(Range::new(900.0, 1_100.0, 1_350.0))
        );
        // Dragged to the bottom: the shift stops where low meets the bound.
        assert_eq!(
            slid(p, &r, 100.0),
            Value::Range(Range::new(100.0, 300.0, 550.0))
        );
        assert_eq!(slid(p, &Value::Scalar(3.0), 4.0), Value::Scalar(4.0));
    }

    #[test]
    fn sliders_span_a_third_to_three_times_the_preset_value() {
        let children = find("pl.children").unwrap();
        assert_eq!(slider_bounds(children, 530.0, 530.0), (177.0, 1_590.0));
        assert_eq!(slider_bounds(children, 530.0, 2_000.0), (177.0, 2_000.0));
        let share = find("wf.agency").unwrap();
        assert_eq!(slider_bounds(share, 0.25, 0.25), (0.0, 1.0));
    }

    #[test]
    fn a_bare_fraction_in_a_percent_box_asks_for_the_percent_sign() {
        let share = find("wf.agency").unwrap();
        let msg = ambiguous_percent(share, "0.3", 0.3).unwrap();
        assert!(
            msg.contains("for 0.3% type 0.3%") && msg.contains("for 30% type 30"),
            "{msg}"
        );
        assert_eq!(ambiguous_percent(share, "0.3%", 0.3), None);
        assert_eq!(ambiguous_percent(share, "30", 30.0), None);
        assert_eq!(
            ambiguous_percent(find("pl.children").unwrap(), "0.5", 0.5),
            None
        );
    }

    #[test]
    fn typed_numbers_accept_separators_and_suffixes() {
        assert_eq!(parse_typed("41,000"), Some(41_000.0));
        assert_eq!(parse_typed("£1.2m"), Some(1_200_000.0));
        assert_eq!(parse_typed("25%"), Some(25.0));
        assert_eq!(parse_typed("7OO"), None);
    }
}
