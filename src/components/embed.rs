//! The compact view for an iframe (`?embed=1&chart=…`): the verdict and one
//! chart, with a link that opens the same scenario in the full page.

use std::rc::Rc;

use yew::prelude::*;

use crate::codec::{self, EmbedChart};
use crate::components::{chart_panel::ChartPanel, share_panel::page_address, verdict::Verdict};
use crate::format::thousands;
use crate::hooks::ComputeState;
use crate::state::AppState;
use crate::view_model::{self, ChartSpec};
use turnaround_engine::Results;

/// Embed properties.
#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    /// The page state (scenario, view settings, link warnings).
    pub state: AppState,
    /// The newest results.
    pub compute: ComputeState,
}

/// The chart an embed shows. The difference chart needs two options: with
/// one, the cumulative chart stands in.
pub fn embed_chart(results: &Results, chart: EmbedChart) -> ChartSpec {
    match chart {
        EmbedChart::Difference => {
            view_model::difference(results, 0).unwrap_or_else(|| view_model::cumulative(results))
        }
        EmbedChart::Cumulative => view_model::cumulative(results),
        EmbedChart::Annual => view_model::annual(results),
        EmbedChart::Agency => view_model::agency(results),
    }
}

/// The same link without the embed: the full page, other settings kept.
pub fn open_link(state: &AppState) -> String {
    let view = codec::View {
        embed: false,
        ..crate::components::app::view_of(state)
    };
    format!(
        "{}{}#{}",
        page_address(),
        codec::encode_view(&view),
        state.fragment()
    )
}

/// The embedded view.
#[function_component(Embed)]
pub fn embed(props: &EmbedProps) -> Html {
    let state = &props.state;
    let chart = state.embed.unwrap_or_default();
    let name = crate::paper::default_name(&state.input);
    {
        let title = format!("{name}: Turnaround scenario");
        use_effect_with(title, |t| gloo::utils::document().set_title(t));
    }
    let results = props.compute.results.clone();
    let settled = results.is_some() && !props.compute.refining();
    let body = match &results {
        None => html! { <p class="status" role="status">{ "Simulating…" }</p> },
        Some(r) => {
            let spec = embed_chart(r, chart);
            html! {
                <>
                    <Verdict results={r.clone()} />
                    <ChartPanel id="embed-chart" caption={spec.caption()} spec={Rc::new(spec)} />
                </>
            }
        }
    };
    let about = results.as_ref().map(|r| {
        format!(
            "{} simulated futures, seed {}, {} months. A scenario model: every figure follows from its assumptions.",
            thousands(r.paths as u64),
            r.seed,
            r.horizon_months
        )
    });
    html! {
        <div class="embed" data-chart={chart.id()} data-settled={settled.to_string()}>
            <header class="embed-head">
                <p class="embed-brand">{ "Turnaround" }</p>
                <a class="embed-open" href={open_link(state)} target="_blank" rel="noopener">
                    { "Open in Turnaround" }<span class="sr-only">{ " (opens in a new tab)" }</span>
                </a>
            </header>
            <main class="embed-main" aria-busy={(!settled).to_string()}>
                <h1 class="embed-title">{ name }</h1>
                if !state.link_warnings.is_empty() {
                    <p class="embed-warning" role="note">
                        { "Parts of this link were not applied: " }
                        { state.link_warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>().join("; ") }
                    </p>
                }
                { body }
            </main>
            if let Some(about) = about {
                <footer class="embed-foot"><p>{ about }</p></footer>
            }
        </div>
    }
}
