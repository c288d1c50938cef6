//! The printed committee paper's first lines (print only): the scenario's
//! name, council and author, preset, date, app and model versions, seed and
//! paths, and the link back to the live scenario with its QR code.

use yew::prelude::*;

use crate::components::share_panel::qr_svg;
use crate::format::thousands;
use crate::paper::{versions, Details};
use turnaround_engine::{presets::PresetId, ScenarioInput};

/// Paper-head properties.
#[derive(Properties, PartialEq)]
pub struct PaperHeadProps {
    /// The preset the scenario builds on.
    pub preset: PresetId,
    /// The scenario.
    pub input: ScenarioInput,
    /// Name, author and council.
    pub details: Details,
    /// The full link to the live scenario.
    pub url: AttrValue,
    /// Today's date in words.
    pub printed: AttrValue,
    /// The council chosen in the council picker, as "Name (code)", if any.
    #[prop_or_default]
    pub picked_council: Option<AttrValue>,
}

/// The committee paper's title block (hidden on screen).
#[function_component(PaperHead)]
pub fn paper_head(props: &PaperHeadProps) -> Html {
    let d = &props.details;
    let sim = &props.input.simulation;
    let qr = use_memo(props.url.clone(), |url| qr_svg(url));
    let row = |term: &str, value: String| {
        (!value.trim().is_empty()).then(|| html! { <div><dt>{ term }</dt><dd>{ value }</dd></div> })
    };
    html! {
        <header class="print-only paper-head">
            <div class="paper-title">
                <p class="paper-kicker">{ "Committee paper: leadership options for children's services" }</p>
                <h2 id="paper-name">{ d.title(&props.input) }</h2>
                <dl class="paper-meta">
                    { for row("Council", if d.council.trim().is_empty() {
                        props.picked_council.as_deref().unwrap_or_default().to_string()
                    } else {
                        d.council.trim().to_string()
                    }) }
                    { for row("Author", d.author.trim().to_string()) }
                    { for row("Preset", props.preset.label().to_string()) }
                    { for row("Date", props.printed.to_string()) }
                    { for row("Versions", versions()) }
                    { for row("Simulation", format!(
                        "seed {}, {} paths, {} months",
                        sim.seed, thousands(sim.paths as u64), sim.horizon_months
                    )) }
                </dl>
                <p class="print-link"><strong>{ "Open this scenario: " }</strong>{ props.url.clone() }</p>
            </div>
            <figure class="paper-qr">
                { (*qr).clone() }
                <figcaption>{ "Scan to open the live scenario" }</figcaption>
            </figure>
        </header>
    }
}
