//! "What drives the answer": the tornado, break-evens and value of
//! information for a chosen pair of options, shown as each part arrives from
//! the worker, with progress while they are worked out.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::chart_panel::ChartPanel;
use crate::components::data_table::{self, DataTable};
use crate::drivers;
use crate::hooks::InsightState;
use crate::params::{Kind, PARAMS};
use crate::view_model;
use crate::worker::InsightAsk;
use turnaround_engine::{Field, ScenarioInput};

/// Drivers panel properties.
#[derive(Properties, PartialEq)]
pub struct DriversProps {
    /// The insight parts received so far.
    pub insight: InsightState,
    /// Option names, in order.
    pub names: Vec<String>,
    /// The scenario (for the break-even picker's inputs and spans).
    pub input: ScenarioInput,
    /// What is being explained.
    pub ask: InsightAsk,
    /// Ask for another pair or break-even.
    pub on_ask: Callback<InsightAsk>,
    /// True once full results are on the page (the insight follows them).
    pub ready: bool,
    /// Chart text scale.
    #[prop_or(1.0)]
    pub type_scale: f64,
}

/// Every input a user can pick for a break-even in the pair (a, b): number
/// and range fields, shared ones once and each option's own, with a label
/// and the slider span to search.
pub fn pickable(
    input: &ScenarioInput,
    a: usize,
    b: usize,
    names: &[String],
) -> Vec<(Field, (f64, f64), String)> {
    let mut out = Vec::new();
    for def in PARAMS {
        if matches!(def.kind(), Kind::Integer) && def.slider.1 - def.slider.0 < 2.0 {
            continue; // yes/no settings
        }
        let shape = def.field.meta().shape;
        if !matches!(
            shape,
            turnaround_engine::Shape::Range
                | turnaround_engine::Shape::Number
                | turnaround_engine::Shape::Integer
        ) || def.field.meta().scope == turnaround_engine::Scope::Simulation
        {
            continue;
        }
        if def.per_option() {
            for o in [a, b] {
                let Some(opt) = input.options.get(o) else {
                    continue;
                };
                if def.applies(opt.route) {
                    let name = names.get(o).cloned().unwrap_or_default();
                    out.push((
                        def.field_at(o),
                        def.slider,
                        format!("{} ({name})", def.label),
                    ));
                }
            }
        } else {
            out.push((def.field_at(0), def.slider, def.label.to_string()));
        }
    }
    out
}

/// The panel.
#[function_component(DriversPanel)]
pub fn drivers_panel(props: &DriversProps) -> Html {
    let n = props.names.len();
    if n < 2 {
        return html! {};
    }
    let ins = &props.insight;
    let (a, b) = props.ask.pair;
    let names = &props.names;
    let on_pair = {
        let on_ask = props.on_ask.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut it = v.split('-').filter_map(|x| x.parse::<usize>().ok());
            if let (Some(a), Some(b)) = (it.next(), it.next()) {
                on_ask.emit(InsightAsk {
                    pair: (a, b),
                    pick: None,
                });
            }
        })
    };
    let choices = pickable(&props.input, a, b, names);
    let on_pick = {
        let (ask, on_ask, choices) = (props.ask.clone(), props.on_ask.clone(), choices.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let pick = v
                .parse::<usize>()
                .ok()
                .and_then(|i| choices.get(i))
                .map(|(f, span, _)| (*f, *span));
            on_ask.emit(InsightAsk {
                pick,
                ..ask.clone()
            });
        })
    };
    let picked_index = props
        .ask
        .pick
        .and_then(|(f, _)| choices.iter().position(|(c, _, _)| *c == f));

    let sentence = ins
        .tornado
        .as_ref()
        .and_then(|t| drivers::driver_sentence(t, &ins.break_evens, names));
    let shown_break_even = ins
        .picked
        .clone()
        .or_else(|| ins.break_evens.first().cloned());
    let working = props.ready && !ins.complete();
    let percent = (ins.progress * 100.0).round();

    html! {
        <section class="drivers" id="drivers" aria-labelledby="drivers-title" aria-busy={working.to_string()}>
            <h2 id="drivers-title">{ "What drives the answer" }</h2>
            if n >= 3 {
                <p class="pair-picker">
                    <label for="drivers-pair">{ "Compare " }</label>
                    <select id="drivers-pair" onchange={on_pair}>
                        { for (0..n).flat_map(|x| (x + 1..n).map(move |y| (x, y))).map(|(x, y)| html! {
                            <option value={format!("{x}-{y}")} selected={(x, y) == (a, b)}>
                                { format!("{} against {}", names[x], names[y]) }
                            </option>
                        }) }
                    </select>
                </p>
            }
            if !props.ready {
                <p class="status muted">{ "Shown once the full run is in." }</p>
            } else if working {
                <p class="status" id="drivers-progress" role="status">
                    <progress max="100" value={percent.to_string()} aria-label="Working out what drives the answer"></progress>
                    { format!(" Working out what drives the answer… {percent}%") }
                </p>
            }
            if let Some(s) = &sentence {
                <p class="driver-sentence" id="drivers-sentence">{ s.clone() }</p>
            }
            if let Some(t) = &ins.tornado {
                <ChartPanel type_scale={props.type_scale} id="chart-tornado"
                    spec={Rc::new(view_model::tornado(t, names))}
                    caption={format!("Each input held at its low and then its high value on the same {} futures, everything else sampled as usual. The dashed line is the median with nothing held; left of £0 the first option is cheaper.", crate::format::thousands(t.paths as u64))} />
            }
            <h3>{ "Break-even" }</h3>
            if ins.break_evens.is_empty() && ins.picked.is_none() {
                <p class="muted">{ if ins.tornado.is_some() { "Working out break-evens…" } else { "Break-evens follow the tornado." } }</p>
            }
            <ul class="break-evens" id="break-evens">
                { for ins.break_evens.iter().chain(ins.picked.iter()).map(|be| {
                    let label = drivers::label(&be.input, names);
                    html! {
                        <li>
                            <strong>{ label }</strong>
                            { format!(": P(cheaper) crosses 50% at {}; on average (mean) at {}.",
                                drivers::crossing_text(&be.input, &be.p_crossing, names, be.a, be.b),
                                drivers::crossing_text(&be.input, &be.mean_crossing, names, be.a, be.b)) }
                        </li>
                    }
                }) }
            </ul>
            <p class="break-even-picker">
                <label for="break-even-pick">{ "Find the break-even of " }</label>
                <select id="break-even-pick" onchange={on_pick}>
                    <option value="" selected={picked_index.is_none()}>{ "choose an input…" }</option>
                    { for choices.iter().enumerate().map(|(i, (_, _, label))| html! {
                        <option value={i.to_string()} selected={picked_index == Some(i)}>{ label.clone() }</option>
                    }) }
                </select>
            </p>
            if let Some(spec) = shown_break_even.as_ref().map(|be| view_model::break_even(be, names)) {
                <ChartPanel type_scale={props.type_scale} id="chart-break-even"
                    caption={spec.caption()} spec={Rc::new(spec)} />
            }
            <h3>{ "Worth finding out" }</h3>
            if let Some(v) = &ins.voi {
                <ul class="worth" id="worth-list">
                    { for drivers::worth_list(v, names, 5).into_iter().map(|s| html! { <li>{ s }</li> }) }
                </ul>
                if drivers::worth_list(v, names, 1).is_empty() {
                    <p id="worth-none">{ drivers::luck_sentence(v) }</p>
                }
                <DataTable id="voi-table" summary="Data table: value of information"
                    caption="Value of information (expected value of perfect information, GBP)"
                    table={{
                        let (v, names) = (v.clone(), names.to_vec());
                        Callback::from(move |()| drivers::voi_table(&v, &names))
                    }} />
            } else {
                <p class="muted">{ "The value of finding out follows the break-evens." }</p>
            }
            <div class="print-only drivers-print">
                if let Some(t) = &ins.tornado {
                    { paper_table(drivers::tornado_table(t, names), "What drives the answer: each input held at its low and high value") }
                }
                if !ins.break_evens.is_empty() {
                    { data_table::table(&drivers::break_even_table(&ins.break_evens.iter().chain(ins.picked.iter()).cloned().collect::<Vec<_>>(), names), "Break-even values", "Break-even values") }
                }
                if let Some(v) = &ins.voi {
                    { paper_table(drivers::voi_table(v, names), "Worth finding out: value of information") }
                }
            </div>
            if let Some(ms) = ins.millis {
                <p class="muted" id="drivers-done" data-millis={format!("{ms:.0}")}>
                    { format!("Worked out in {:.1} s after the full run.", ms / 1000.0) }
                </p>
            }
        </section>
    }
}

/// Rows a printed table keeps: the chart's twelve.
const PAPER_ROWS: usize = 12;

/// A table for the paper: its most important rows, and what was left out.
fn paper_table(t: view_model::Table, caption: &str) -> Html {
    let (t, note) = drivers::paper_rows(t, PAPER_ROWS);
    html! {
        <>
            { data_table::table(&t, caption, caption) }
            if let Some(note) = note { <p class="paper-note">{ note }</p> }
        </>
    }
}
