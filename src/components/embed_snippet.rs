//! "Embed in another page": a chart picker and the ready-made `<iframe>` for
//! the embedded view of this scenario, with a copy button.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::codec::{self, EmbedChart};
use crate::components::copy_status::CopyStatus;
use crate::components::share_panel::page_address;
use crate::hooks::copy::use_copy;

/// Embed snippet properties.
#[derive(Properties, PartialEq)]
pub struct EmbedSnippetProps {
    /// The scenario's fragment.
    pub fragment: AttrValue,
    /// The scenario's name, for the iframe's title.
    pub name: AttrValue,
}

/// "Embed in another page": a chart picker and the `<iframe>` to paste, with
/// a copy button.
#[function_component(EmbedSnippet)]
pub fn embed_snippet(props: &EmbedSnippetProps) -> Html {
    let chart = use_state(EmbedChart::default);
    let field = use_node_ref();
    let snippet = codec::embed_snippet(&page_address(), &props.fragment, *chart, &props.name);
    let (copied, on_copy) = use_copy(snippet.clone().into(), field.clone());
    let on_chart = {
        let chart = chart.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(c) = EmbedChart::from_id(&v) {
                chart.set(c);
            }
        })
    };
    html! {
        <details class="embed-snippet" id="embed-snippet">
            <summary>{ "Embed in another page" }</summary>
            <p class="muted">{ "Shows the verdict and one chart in a frame on an intranet page or a report, with \u{201c}Open in Turnaround\u{201d}. It runs in the reader's browser; nothing is sent anywhere." }</p>
            <p class="embed-chart-pick">
                <label for="embed-chart">{ "Chart to show " }</label>
                <select id="embed-chart" onchange={on_chart}>
                    { for EmbedChart::ALL.iter().map(|c| html! {
                        <option value={c.id()} selected={*c == *chart}>{ c.label() }</option>
                    }) }
                </select>
            </p>
            <label for="embed-code">{ "Code to paste into the other page" }</label>
            <textarea id="embed-code" ref={field} readonly=true rows="4" spellcheck="false"
                value={snippet.clone()} />
            <div class="copy-row">
                <button type="button" class="copy-embed" onclick={on_copy}>{ "Copy code" }</button>
            </div>
            <CopyStatus copied={copied} what="Code" />
        </details>
    }
}
