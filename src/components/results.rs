//! The results area: headline cards, the paired comparison and the charts.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{
    chart_panel::ChartPanel, comparison::Comparison, option_card::OptionCard,
    paired_card::PairedCard, verdict::Verdict,
};
use crate::format::thousands;
use crate::hooks::ComputeState;
use crate::view_model;
use crate::worker::Stage;

/// Results properties.
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The newest results and whether fuller ones are coming.
    pub compute: ComputeState,
    /// Chart text scale (1 normal, larger for the projector setting).
    #[prop_or(1.0)]
    pub type_scale: f64,
}

/// Headline cards and charts for the newest results.
#[function_component(ResultsView)]
pub fn results_view(props: &ResultsProps) -> Html {
    let c = &props.compute;
    let refining = c.refining();
    // Monte Carlo errors are for the curious: off by default.
    let show_mcse = use_state(|| false);
    let Some(results) = c.results.clone() else {
        return html! {
            <section class="results" aria-busy="true">
                <p class="status">{ "Simulating…" }</p>
            </section>
        };
    };
    let stage = match c.stage {
        Some(Stage::Full) => "full run",
        _ => "preview",
    };
    let status = format!(
        "{} paths, {} months, seed {} ({stage}{})",
        thousands(results.paths as u64),
        results.horizon_months,
        results.seed,
        if refining { "; refining…" } else { "" }
    );
    // This component re-renders only when the compute state changes, and a
    // chart redraws only when its data differs, so no memo is needed here.
    // The driver sentence, once the tornado (and its break-even) are in.
    let names: Vec<String> = results.options.iter().map(|o| o.name.clone()).collect();
    let driver = c.insight.tornado.as_ref().and_then(|t| {
        crate::drivers::driver_sentence(t, &c.insight.break_evens, &names)
            .map(|s| ((t.a, t.b), AttrValue::from(s)))
    });
    let seats: Vec<Rc<_>> = (0..results.options.len())
        .filter_map(|i| view_model::seats(&results, i).map(Rc::new))
        .collect();
    let type_scale = props.type_scale;
    // A chart with its own caption.
    let panel = |id: String, spec: view_model::ChartSpec| {
        html! {
            <ChartPanel type_scale={type_scale} id={id} caption={spec.caption()} spec={Rc::new(spec)} />
        }
    };

    html! {
        <section class={classes!("results", refining.then_some("is-refining"), show_mcse.then_some("show-mcse"))} aria-busy={refining.to_string()}>
            <div class="status-row">
                <p class="status" id="run-status" data-stage={stage} data-paths={results.paths.to_string()}
                    data-generation={c.generation.to_string()} data-millis={format!("{:.1}", c.millis)}>
                    if refining { <span class="spinner" aria-hidden="true"></span> }
                    { status }
                </p>
                if let Some(err) = &c.error {
                    <p class="notice error" role="alert">{ format!("This scenario could not run: {err}") }</p>
                }
            </div>
            <div class="sr-only" aria-live="polite" aria-atomic="true">
                { if refining { String::new() } else { summary(&results) } }
                { driver.as_ref().map(|(_, s)| format!(" {s}")).unwrap_or_default() }
            </div>
            <Verdict results={results.clone()} driver={driver.clone()} />
            <Comparison results={results.clone()} />
            <div class="cards">
                { for results.options.iter().enumerate().map(|(i, o)| html! {
                    <OptionCard index={i} result={o.clone()} horizon={results.horizon_months} />
                }) }
            </div>
            <div class="mcse-toggle">
                <label class="toggle">
                    <input type="checkbox" checked={*show_mcse}
                        onchange={{
                            let show_mcse = show_mcse.clone();
                            Callback::from(move |e: Event| show_mcse.set(
                                e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
                        }} />
                    <span>{ "Show Monte Carlo errors" }</span>
                </label>
                <p class="muted mcse-note">
                    { "Monte Carlo error (the ± figures) says how precisely the simulation pins a figure down: run more paths and it shrinks. It is not the uncertainty of the outcome, which is the 80% range." }
                </p>
            </div>
            if !results.pairs.is_empty() {
                <details class="pair-details">
                    <summary>{ if results.pairs.len() == 1 { "Details of the comparison".to_string() } else { format!("Details of all {} comparisons", results.pairs.len()) } }</summary>
                    { for results.pairs.iter().map(|p| html! {
                        <PairedCard
                            pair={p.clone()}
                            name_a={results.options[p.a].name.clone()}
                            name_b={results.options[p.b].name.clone()}
                        />
                    }) }
                </details>
            }
            <div class="charts">
                { panel("chart-cumulative".into(), view_model::cumulative(&results)) }
                { for (0..results.pairs.len()).filter_map(|k| view_model::difference(&results, k).map(|d| (k, d))).map(|(k, mut d)| {
                    let p = &results.pairs[k];
                    let (a, b) = (&results.options[p.a].name, &results.options[p.b].name);
                    // Several pairs: each chart's title names its pair.
                    if let (true, view_model::ChartSpec::Difference(h)) = (results.pairs.len() > 1, &mut d) {
                        h.title = format!("Difference in total spend: {a} minus {b}");
                    }
                    let id = if k == 0 { "chart-difference".to_string() } else { format!("chart-difference-{k}") };
                    panel(id, d)
                }) }
                { panel("chart-annual".into(), view_model::annual(&results)) }
                { for seats.iter().enumerate().map(|(i, s)| html! {
                    <ChartPanel type_scale={props.type_scale} id={format!("chart-seats-{i}")} spec={s.clone()}
                        caption={s.caption()} />
                }) }
                { panel("chart-agency".into(), view_model::agency(&results)) }
            </div>
        </section>
    }
}

/// What a screen reader hears when results settle: the verdict.
fn summary(results: &turnaround_engine::Results) -> String {
    let sentences = crate::components::verdict::sentences(results);
    if sentences.is_empty() {
        format!(
            "Results updated. {}: median total {}.",
            results.options[0].name,
            crate::format::money(results.options[0].total.quantiles.p50)
        )
    } else {
        format!("Results updated. {}", sentences.join(" "))
    }
}
