//! Help in place: "Help with …" sections for the results and the model's
//! terms, the glossary, and a link to "How the model works" (model.html,
//! built from the model's own documentation and served with the page).

use yew::prelude::*;

use crate::help::GLOSSARY;

/// Address of the "How the model works" page, next to the app.
pub const MODEL_PAGE: &str = "model.html";

/// The help panel.
#[function_component(HelpPanel)]
pub fn help_panel() -> Html {
    html! {
        <section class="help" aria-labelledby="help-h" id="help">
            <h2 id="help-h">{ "Help" }</h2>
            <details class="help-details">
                <summary>{ "Help with reading the results" }</summary>
                <div class="help-body">
                    <p>{ "The page simulates thousands of possible futures for each option, on the same futures, so the difference between options is caused by the options and not by chance." }</p>
                    <p>{ "Read the difference first: the chance that one option costs less than the other, and by how much (the median, with the range that 80% of futures fall in). Then each route's own cost: what the leadership route itself costs. Total service spend is much larger and mostly the same for every option, because most of it (social workers, placements, transport) is spent whichever route is chosen." }</p>
                    <p>{ "Spend above budget depends on how the budget is set (for example, held flat in cash while prices rise). It is context, not a fault of either option: compare the options with each other." }</p>
                </div>
            </details>
            <details class="help-details">
                <summary>{ "Help with the assumptions" }</summary>
                <div class="help-body">
                    <p>{ "Every assumption has a preset value with its source, or an \u{201c}Estimate\u{201d} label where no published figure exists. Change any of them; the changes are listed above the results and kept in the page's link." }</p>
                    <p>{ "A range is three numbers: the lowest plausible value, the most likely one and the highest plausible one. Each simulated future draws a value from that range." }</p>
                    <p>{ "Strengths are on a scale where 0 is no programme and 1 is a full programme delivering its plan when leadership is stable. Couplings run from 0 (leadership stability does not matter) to 1 (the effect is fully proportional to stability)." }</p>
                </div>
            </details>
            <details class="help-details" id="glossary">
                <summary>{ "Glossary: the words this page uses" }</summary>
                <dl class="glossary">
                    { for GLOSSARY.iter().map(|(term, meaning)| html! {
                        <div><dt>{ *term }</dt><dd>{ *meaning }</dd></div>
                    }) }
                </dl>
            </details>
            <p><a href={MODEL_PAGE} id="model-page-link">{ "How the model works" }</a>{ ": every rule and formula the simulation uses, from the model's documentation." }</p>
        </section>
    }
}
