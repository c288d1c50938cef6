//! Exports: results as CSV, the scenario as a JSON file (and opening one),
//! and the printable committee paper.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::download::{download_text, print};
use crate::state::Action;
use crate::{export, paper, report};
use turnaround_engine::{presets::PresetId, Results, ScenarioInput};

/// Exports properties.
#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// The current preset.
    pub preset: PresetId,
    /// The current scenario.
    pub input: ScenarioInput,
    /// The current share-link fragment.
    pub fragment: AttrValue,
    /// The results shown, if any yet.
    pub results: Option<Rc<Results>>,
    /// Where `Action::Open` goes.
    pub dispatch: Callback<Action>,
    /// What drives the answer, as far as it has arrived.
    #[prop_or_default]
    pub insight: crate::hooks::InsightState,
    /// The scenario's name, for file names and the scenario file.
    pub name: AttrValue,
    /// Told the name a scenario file carried when one is opened.
    pub on_name: Callback<String>,
    /// Name, author and council, for the single-file report.
    pub details: paper::Details,
    /// The preset's own scenario, for the report's assumptions table.
    pub baseline: Rc<ScenarioInput>,
    /// The full link to the live scenario.
    pub url: AttrValue,
}

/// Now, as an ISO 8601 time (`2026-11-27T05:40:00.000Z`).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

#[derive(Clone, PartialEq)]
enum Message {
    Done(String),
    Problem(String),
}

/// Download buttons, the scenario-file picker and the print button.
#[function_component(Exports)]
pub fn exports(props: &ExportsProps) -> Html {
    let message = use_state(|| None::<Message>);
    let name = props.name.to_string();

    // Each file is named after the scenario and the day it is downloaded.
    type Make = Rc<dyn Fn(&str) -> Option<String>>;
    let save = |suffix: &'static str, mime: &'static str, make: Make| {
        let message = message.clone();
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            let now = now_iso();
            let filename = format!("{}{suffix}", paper::file_stem(&name, &now));
            let Some(content) = make(&now) else {
                message.set(Some(Message::Problem(
                    "The results are still being calculated; try again in a moment.".into(),
                )));
                return;
            };
            match download_text(&filename, mime, &content) {
                Ok(()) => message.set(Some(Message::Done(format!("Downloaded {filename}.")))),
                Err(_) => message.set(Some(Message::Problem(format!(
                    "The browser did not start the download of {filename}."
                )))),
            }
        })
    };

    let results = props.results.clone();
    let on_results_csv = save(
        "-results-by-month.csv",
        "text/csv;charset=utf-8",
        Rc::new(move |_| results.as_deref().map(export::results_csv)),
    );
    let results = props.results.clone();
    let fragment = props.fragment.to_string();
    let on_headline_csv = save(
        "-headlines.csv",
        "text/csv;charset=utf-8",
        Rc::new(move |_| {
            results
                .as_deref()
                .map(|r| export::headline_csv(r, &fragment))
        }),
    );
    let (preset, input, file_name) = (props.preset, props.input.clone(), name.clone());
    let on_json = save(
        ".json",
        "application/json",
        Rc::new(move |now| {
            Some(export::scenario_file(
                preset,
                &input,
                Some((file_name.as_str(), now)),
            ))
        }),
    );

    let (preset, input, baseline) = (props.preset, props.input.clone(), props.baseline.clone());
    let (results, details, url) = (
        props.results.clone(),
        props.details.clone(),
        props.url.clone(),
    );
    let on_report = save(
        "-report.html",
        "text/html;charset=utf-8",
        Rc::new(move |_| {
            let results = results.as_deref()?;
            Some(report::html(&report::ReportInput {
                preset,
                baseline: &baseline,
                input: &input,
                results,
                details: &details,
                url: &url,
                made: &crate::components::share_and_save::today(),
            }))
        }),
    );

    let on_file = {
        let message = message.clone();
        let dispatch = props.dispatch.clone();
        let on_name = props.on_name.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let name = file.name();
            let message = message.clone();
            let dispatch = dispatch.clone();
            // Refuse a huge file before reading it into memory.
            if file.size() > export::MAX_FILE_BYTES as f64 {
                input.set_value("");
                message.set(Some(Message::Problem(format!(
                    "\u{201c}{name}\u{201d}: {}",
                    export::ImportError::TooLarge(file.size() as u64)
                ))));
                return;
            }
            let on_name = on_name.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string());
                // Let the same file be chosen again.
                input.set_value("");
                let Some(text) = text else {
                    message.set(Some(Message::Problem(format!(
                        "\u{201c}{name}\u{201d} could not be read."
                    ))));
                    return;
                };
                match export::parse_scenario_json(&text) {
                    Ok((preset, scenario)) => {
                        on_name.emit(export::scenario_file_name(&text).unwrap_or_default());
                        dispatch.emit(Action::Open {
                            preset,
                            input: scenario,
                            council: None,
                        });
                        message.set(Some(Message::Done(format!(
                            "Opened the scenario in \u{201c}{name}\u{201d}."
                        ))));
                    }
                    Err(why) => message.set(Some(Message::Problem(format!(
                        "\u{201c}{name}\u{201d}: {why}"
                    )))),
                }
            });
        })
    };
    let names: Vec<String> = props
        .results
        .as_ref()
        .map(|r| r.options.iter().map(|o| o.name.clone()).collect())
        .unwrap_or_default();
    let (insight, n) = (props.insight.clone(), names.clone());
    let on_drivers_csv = save(
        "-drivers.csv",
        "text/csv;charset=utf-8",
        Rc::new(move |_| {
            insight
                .complete()
                .then(|| export::drivers_csv(&insight, &n))
        }),
    );
    let insight = props.insight.clone();
    let on_drivers_json = save(
        "-drivers.json",
        "application/json",
        Rc::new(move |_| {
            insight
                .complete()
                .then(|| export::drivers_json(&insight, &names))
        }),
    );
    let no_drivers = !props.insight.complete();
    let on_print = Callback::from(|_: MouseEvent| print());
    let no_results = props.results.is_none();

    html! {
        <div class="exports">
            <h3 id="exports-h">{ "Download and print" }</h3>
            <div class="export-buttons" role="group" aria-labelledby="exports-h">
                <button type="button" class="secondary" id="download-results-csv"
                    onclick={on_results_csv} disabled={no_results}>
                    { "Results by month (CSV)" }
                </button>
                <button type="button" class="secondary" id="download-headlines-csv"
                    onclick={on_headline_csv} disabled={no_results}>
                    { "Headline table (CSV)" }
                </button>
                <button type="button" class="secondary" id="download-drivers-csv"
                    onclick={on_drivers_csv} disabled={no_drivers}>
                    { "What drives the answer (CSV)" }
                </button>
                <button type="button" class="secondary" id="download-drivers-json"
                    onclick={on_drivers_json} disabled={no_drivers}>
                    { "What drives the answer (JSON)" }
                </button>
                <button type="button" class="secondary" id="download-json" onclick={on_json}>
                    { "Scenario file (JSON)" }
                </button>
                <button type="button" class="secondary" id="download-report" onclick={on_report} disabled={no_results}>
                    { "Report (single HTML file)" }
                </button>
                <button type="button" class="secondary" id="print" onclick={on_print}>
                    { "Print / committee paper" }
                </button>
            </div>
            <div class="open-file">
                <label for="open-json">{ "Open a scenario file (JSON)" }</label>
                <input id="open-json" type="file" accept=".json,application/json" onchange={on_file} />
            </div>
            <div class="export-message" aria-live="polite">
                { match &*message {
                    Some(Message::Done(text)) => html! { <p class="ok" role="status">{ text }</p> },
                    Some(Message::Problem(text)) => html! { <p class="notice error" role="alert">{ text }</p> },
                    None => html! {},
                } }
            </div>
            <p class="muted">{ "CSV files hold the figures currently shown (plain numbers in GBP; shares as fractions). The headline table ends with the scenario's link." }</p>
        </div>
    }
}
