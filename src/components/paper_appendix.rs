//! The printed committee paper's closing sections (print only): the Monte
//! Carlo errors as a footnote table, the full assumptions table with
//! sources, and the caveats. (Every pair's difference chart prints from the
//! results column.)

use std::rc::Rc;

use yew::prelude::*;

use crate::format::{money, percent_error};
use crate::paper::{assumption_rows, AssumptionRow, CAVEATS};
use crate::params::Group;
use turnaround_engine::{presets::PresetId, Results, ScenarioInput};

/// Paper-appendix properties.
#[derive(Properties, PartialEq)]
pub struct PaperAppendixProps {
    /// The preset the scenario builds on.
    pub preset: PresetId,
    /// The preset's own scenario.
    pub baseline: Rc<ScenarioInput>,
    /// The scenario.
    pub input: ScenarioInput,
    /// The results shown, if any yet.
    pub results: Option<Rc<Results>>,
}

fn errors(results: &Results) -> Html {
    html! {
        <section class="paper-section paper-errors">
            <h2>{ "Footnote: Monte Carlo errors" }</h2>
            <p class="paper-note">{ format!(
                "How precisely {} simulated futures pin each figure down (one standard error). They are not the uncertainty of the outcome, which is the 80% range.",
                crate::format::thousands(results.paths as u64)
            ) }</p>
            <table class="paper-table">
                <thead><tr>
                    <th scope="col">{ "Option" }</th><th scope="col">{ "Median total" }</th>
                    <th scope="col">{ "P10, P90" }</th><th scope="col">{ "Mean total" }</th>
                    <th scope="col">{ "Leadership changes" }</th><th scope="col">{ "Stable months" }</th>
                    <th scope="col">{ "24+ stable months" }</th>
                </tr></thead>
                <tbody>
                    { for results.options.iter().map(|o| {
                        let [e10, e50, e90] = o.total.p10_p50_p90_mcse();
                        html! { <tr>
                            <th scope="row">{ &o.name }</th>
                            <td>{ format!("±{}", money(e50)) }</td>
                            <td>{ format!("±{}, ±{}", money(e10), money(e90)) }</td>
                            <td>{ format!("±{}", money(o.total.mcse)) }</td>
                            <td>{ format!("±{:.2}", o.leadership_changes.mcse) }</td>
                            <td>{ percent_error(o.stable_share.mcse) }</td>
                            <td>{ percent_error(o.p_stable_24.mcse) }</td>
                        </tr> }
                    }) }
                </tbody>
            </table>
            <table class="paper-table">
                <thead><tr>
                    <th scope="col">{ "Pair" }</th><th scope="col">{ "Median difference" }</th>
                    <th scope="col">{ "Mean difference" }</th><th scope="col">{ "Chance first is cheaper" }</th>
                </tr></thead>
                <tbody>
                    { for results.pairs.iter().map(|p| {
                        let [_, e50, _] = p.difference.p10_p50_p90_mcse();
                        html! { <tr>
                            <th scope="row">{ format!("{} minus {}", results.options[p.a].name, results.options[p.b].name) }</th>
                            <td>{ format!("±{}", money(e50)) }</td>
                            <td>{ format!("±{}", money(p.difference.mcse)) }</td>
                            <td>{ percent_error(p.p_a_cheaper.mcse) }</td>
                        </tr> }
                    }) }
                </tbody>
            </table>
        </section>
    }
}

fn assumption_row(r: &AssumptionRow, options: usize) -> Html {
    let values = match r.common_value() {
        Some(v) if options > 1 => html! {
            <td colspan={options.to_string()} class="shared">
                { v }<span class="paper-all">{ if r.shared { " (shared)" } else { " (every option)" } }</span>
            </td>
        },
        Some(v) => html! { <td>{ v }</td> },
        None => html! { { for r.values.iter().map(|v| html! {
            <td>{ v.clone().unwrap_or_else(|| "not used".into()) }</td>
        }) } },
    };
    html! {
        <tr class={classes!(r.changed.then_some("changed"))}>
            <th scope="row">{ r.label }{ if r.changed { " *" } else { "" } }</th>
            { values }
            <td class="source">
                if r.estimate { <strong class="estimate">{ "Estimate. " }</strong> }
                { r.source_text() }
            </td>
        </tr>
    }
}

fn assumptions(preset: PresetId, baseline: &ScenarioInput, input: &ScenarioInput) -> Html {
    let rows = assumption_rows(preset, baseline, input);
    let options = input.options.len();
    let columns = options + 2;
    html! {
        <section class="paper-section paper-assumptions">
            <h2>{ "Assumptions, every option" }</h2>
            <p class="paper-note">{ "Ranges read low \u{2013} likely \u{2013} high; each simulated future draws one value. * marks a value changed from the preset. \u{201c}Estimate\u{201d} marks the project's own figure where no published one exists: open to challenge." }</p>
            <table class="paper-table assumptions-table">
                <thead><tr>
                    <th scope="col">{ "Assumption" }</th>
                    { for input.options.iter().map(|o| html! { <th scope="col">{ &o.name }</th> }) }
                    <th scope="col">{ "Source (year)" }</th>
                </tr></thead>
                { for Group::ALL.iter().map(|g| {
                    let in_group: Vec<&AssumptionRow> = rows.iter().filter(|r| r.group == *g).collect();
                    if in_group.is_empty() {
                        return html! {};
                    }
                    html! {
                        <tbody>
                            <tr class="group"><th colspan={columns.to_string()} scope="colgroup">{ g.label() }</th></tr>
                            { for in_group.iter().map(|r| assumption_row(r, options)) }
                        </tbody>
                    }
                }) }
            </table>
        </section>
    }
}

/// The committee paper's closing sections (hidden on screen).
#[function_component(PaperAppendix)]
pub fn paper_appendix(props: &PaperAppendixProps) -> Html {
    let table = use_memo(
        (props.preset, props.baseline.clone(), props.input.clone()),
        |(p, b, i)| assumptions(*p, b, i),
    );
    let from_results = use_memo(props.results.clone(), |r| {
        r.as_deref().map(errors).unwrap_or_default()
    });
    html! {
        <div class="print-only paper-appendix">
            { (*from_results).clone() }
            { (*table).clone() }
            <section class="paper-section paper-caveats">
                <h2>{ "What the model does and does not predict" }</h2>
                <ul>{ for CAVEATS.iter().map(|c| html! { <li>{ *c }</li> }) }</ul>
            </section>
        </div>
    }
}
