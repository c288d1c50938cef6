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
    crate::text::parse_f64(digits)
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

/// How long the arrow keys must rest before a run of slider nudges becomes
/// one history entry.
const NUDGE_SETTLE_MS: u32 = 800;

/// Typed text not yet applied, one per number box (low, likely, high; or
/// just the first for a single value).
type Pending = [Option<String>; 3];

/// What typed text means, box by box: the parsed value in model units, or a
/// message naming the box that could not be read.
fn read_pending(
    param: &ParamDef,
    slots: &[(u8, Slot, f64)],
    pending: &Pending,
) -> Result<Vec<f64>, String> {
    let factor = param.unit.display_factor();
    let mut out: Vec<f64> = slots.iter().map(|s| s.2).collect();
    for &(n, slot, _) in slots {
        let Some(raw) = &pending[n as usize] else {
            continue;
        };
        let name = if slot == Slot::Single {
            String::new()
        } else {
            format!("{}: ", slot.label())
        };
        let Some(typed) = parse_typed(raw) else {
            return Err(format!("{name}enter a number, like 41,000 or 25%"));
        };
        if let Some(msg) = ambiguous_percent(param, raw, typed) {
            return Err(format!("{name}{msg}"));
        }
        out[n as usize] = typed / factor;
    }
    Ok(out)
}

/// Whether three values are in the order low, likely, high.
fn ordered(v: &[f64]) -> bool {
    v.windows(2).all(|w| w[0] <= w[1])
}

/// One assumption's inputs.
#[function_component(ParamField)]
pub fn param_field(props: &ParamFieldProps) -> Html {
    // Text typed into the boxes but not applied yet. A range is applied once
    // its three boxes are in order, or when focus leaves the group (then put
    // in order, with a message), so typing low, likely, high in turn works.
    let pending = use_mut_ref(|| [None::<String>, None, None]);
    // Slider: whether the latest change came from a key, and the settling
    // of a run of key nudges.
    let keyed = use_mut_ref(|| false);
    let open_source = use_state(|| false);
    let nudge = use_mut_ref(|| None::<(Value, gloo::timers::callback::Timeout)>);
    let error = use_state(|| None::<String>);
    // Waiting for the rest of a range: said politely, not as an error.
    let hold = use_state(|| None::<String>);
    // Something done to what was typed (reordered), for the value it made.
    let notice = use_state(|| None::<(Value, String)>);
    {
        // A value that changed from outside (Back, a reset, another box)
        // replaces whatever was typed and its message.
        let (pending, error, hold) = (pending.clone(), error.clone(), hold.clone());
        use_effect_with(props.value, move |_| {
            *pending.borrow_mut() = [None, None, None];
            error.set(None);
            hold.set(None);
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

    // Send a candidate to the reducer, which checks it once; what the user
    // typed stays in its box until the value changes, so a refused entry
    // (its message comes back through `rejected`) can be corrected.
    let submit = {
        let on_set = props.on_set.clone();
        let (error, hold, option) = (error.clone(), hold.clone(), props.option);
        Rc::new(move |candidate: Value, commit: Commit| {
            error.set(None);
            hold.set(None);
            on_set.emit((p, option, candidate, commit));
        })
    };

    // A parse problem found here, else the model's refusal from the state,
    // else a range waiting to be finished, else what was done to it.
    let refusal = (*error)
        .clone()
        .or_else(|| props.rejected.as_ref().map(|m| m.to_string()));
    let invalid = refusal.is_some();

    // Applies what was typed. `leaving`: focus has left the boxes, so a
    // range typed out of order is put in order rather than held.
    let settle = {
        let (submit, pending, error, hold, notice) = (
            submit.clone(),
            pending.clone(),
            error.clone(),
            hold.clone(),
            notice.clone(),
        );
        let (value, slots) = (props.value, slots.clone());
        Rc::new(move |leaving: bool| {
            if pending.borrow().iter().all(Option::is_none) {
                return;
            }
            let values = match read_pending(p, &slots, &pending.borrow()) {
                Ok(v) => v,
                Err(msg) => {
                    hold.set(None);
                    error.set(Some(msg));
                    return;
                }
            };
            let candidate = |v: &[f64]| match v {
                [a, b, c] => Value::Range(Range::new(*a, *b, *c)),
                [a, ..] => Value::Scalar(*a),
                [] => value,
            };
            if ordered(&values) {
                notice.set(None);
                submit(candidate(&values), Commit::Push);
                return;
            }
            let words = |v: f64| format::in_unit(v, p.unit);
            if !leaving {
                error.set(None);
                hold.set(Some(format!(
                    "Not applied yet: low {}, likely {}, high {} are out of order. Finish the range; when you leave these boxes it is put in order.",
                    words(values[0]),
                    words(values[1]),
                    words(values[2])
                )));
                return;
            }
            let mut sorted = values.clone();
            crate::order::sort_by(&mut sorted, f64::total_cmp);
            let made = candidate(&sorted);
            // The boxes show the sorted values (kept if the model refuses them).
            *pending.borrow_mut() = [0, 1, 2].map(|i| Some(format::in_box(sorted[i], p.unit)));
            submit(made, Commit::Push);
            {
                notice.set(Some((
                    made,
                    format!(
                        "You typed these out of order, so they were put in order: low {}, likely {}, high {}.",
                        words(sorted[0]),
                        words(sorted[1]),
                        words(sorted[2])
                    ),
                )));
            }
        })
    };

    let slider = {
        let value = props.value;
        let make = |commit: Commit| {
            let submit = submit.clone();
            Callback::from(move |e: InputEvent| {
                let v = e
                    .target_unchecked_into::<HtmlInputElement>()
                    .value_as_number();
                submit(slid(p, &value, v), commit);
            })
        };
        let on_input = make(Commit::Transient);
        // Arrow-key nudges are mid-edit changes: a run of them settles as
        // one history entry when the keys pause or focus leaves.
        let on_key = {
            let keyed = keyed.clone();
            Callback::from(move |e: KeyboardEvent| {
                if matches!(
                    e.key().as_str(),
                    "ArrowLeft"
                        | "ArrowRight"
                        | "ArrowUp"
                        | "ArrowDown"
                        | "PageUp"
                        | "PageDown"
                        | "Home"
                        | "End"
                ) {
                    *keyed.borrow_mut() = true;
                }
            })
        };
        let on_settle = {
            let (submit, keyed, nudge) = (submit.clone(), keyed.clone(), nudge.clone());
            Callback::from(move |e: Event| {
                let v = e
                    .target_unchecked_into::<HtmlInputElement>()
                    .value_as_number();
                let candidate = slid(p, &value, v);
                if !std::mem::take(&mut *keyed.borrow_mut()) {
                    nudge.borrow_mut().take();
                    submit(candidate, Commit::Push);
                    return;
                }
                submit(candidate, Commit::Transient);
                let later = submit.clone();
                let timer = gloo::timers::callback::Timeout::new(NUDGE_SETTLE_MS, move || {
                    later(candidate, Commit::Push);
                });
                *nudge.borrow_mut() = Some((candidate, timer));
            })
        };
        let on_blur = {
            let (submit, nudge) = (submit.clone(), nudge.clone());
            Callback::from(move |_: FocusEvent| {
                if let Some((candidate, timer)) = nudge.borrow_mut().take() {
                    timer.cancel();
                    submit(candidate, Commit::Push);
                }
            })
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
                aria-describedby={format!("{id}-hint")}
                oninput={on_input}
                onchange={on_settle}
                onkeydown={on_key}
                onblur={on_blur}
            />
        }
    };

    let boxes = slots.iter().map(|&(n, slot, v)| {
        let text = pending.borrow()[n as usize]
            .clone()
            .unwrap_or_else(|| format::in_box(v, p.unit));
        let on_change = {
            let (settle, pending) = (settle.clone(), pending.clone());
            Callback::from(move |e: Event| {
                let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                pending.borrow_mut()[n as usize] = Some(raw);
                settle(false);
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
                    aria-invalid={invalid.to_string()}
                    aria-describedby={format!("{id}-hint {id}-msg")}
                    onchange={on_change}
                />
            </label>
        }
    });
    let group_ref = use_node_ref();
    let on_leave = {
        let (settle, group_ref) = (settle.clone(), group_ref.clone());
        Callback::from(move |e: FocusEvent| {
            // Yew delegates events, so the group is found by reference.
            let Some(group) = group_ref.get() else {
                return;
            };
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|n| group.contains(Some(&n)));
            if !inside {
                settle(true);
            }
        })
    };

    // The source, as a disclosure button: its panel sits in the page flow
    // (never clipped), opens by click, tap, Enter or Space, and closes with
    // the button again or Esc (WCAG 1.4.13).
    let source_open = open_source.clone();
    let tip = props.source.as_ref().map(|s| {
        let toggle = {
            let open = open_source.clone();
            Callback::from(move |_| open.set(!*open))
        };
        html! {
            <button type="button" class={classes!("source", s.estimate.then_some("estimate"))}
                aria-expanded={source_open.to_string()} aria-controls={format!("{id}-src")}
                onclick={toggle}>
                { if s.estimate { "Estimate" } else { "Source" } }
                <span class="sr-only">{ format!(" for {}", p.label) }</span>
            </button>
        }
    });
    // Always in the tree (hidden when closed), so aria-controls points at
    // something and the siblings keep their places between renders.
    let source_panel = props.source.as_ref().map(|s| {
        html! {
            <div class="source-panel" id={format!("{id}-src")} hidden={!*open_source}>
                <p><strong>{ "Source: " }</strong>{ &s.note }{ " (" }{ &s.year }{ ")" }</p>
                if s.estimate {
                    <p><em>{ "An estimate: no published figure exists. Challenge it." }</em></p>
                }
            </div>
        }
    });
    let on_escape = {
        let open = open_source.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.stop_propagation();
                open.set(false);
            }
        })
    };
    let hint = crate::help::hint(&p.key()).unwrap_or(p.help);

    let notice_text = notice
        .as_ref()
        .filter(|(v, _)| *v == props.value)
        .map(|(_, m)| m.clone());
    let (message, role, class) = if let Some(e) = refusal {
        (Some(e), Some("alert"), "field-error")
    } else if let Some(h) = hold.as_ref() {
        (Some(h.clone()), None, "field-error field-hold")
    } else if let Some(n) = notice_text {
        (Some(n), None, "field-error field-notice")
    } else {
        (None, None, "field-error")
    };

    html! {
        <div class={classes!("field", changed.then_some("changed"), invalid.then_some("invalid"))}
             data-key={p.url_key(props.option)} onkeydown={on_escape}>
            <div class="field-head">
                <label for={id.clone()}>{ p.label }</label>
                { for tip }
                if changed {
                    <span class="badge" title={format!("Preset: {}", describe(&props.baseline, p))}>{ "changed" }</span>
                }
            </div>
            <div class="source-slot">{ for source_panel }</div>
            <p class="hint" id={format!("{id}-hint")}>{ hint }</p>
            <div class="field-body">
                { slider }
                <div class="boxes" ref={group_ref} onfocusout={on_leave}>
                    { for boxes }
                    if !unit.is_empty() {
                        <span class="unit" aria-hidden="true">{ unit }</span>
                    }
                </div>
            </div>
            <p class={class} id={format!("{id}-msg")} role={role} aria-live={role.is_none().then_some("polite")}>
                { message.unwrap_or_default() }
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
