//! "Embed in another page": a chart picker and the ready-made `<iframe>` for
//! the embedded view of this scenario, with a copy button.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::codec::{self, EmbedChart};
use crate::components::share_panel::page_address;
use crate::hooks::download::copy_text;

#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    Yes,
    Fallback,
}

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
    let copied = use_state(|| Copied::Not);
    let field = use_node_ref();
    let snippet = codec::embed_snippet(&page_address(), &props.fragment, *chart, &props.name);
    {
        let copied = copied.clone();
        use_effect_with(snippet.clone(), move |_| copied.set(Copied::Not));
    }
    let on_chart = {
        let chart = chart.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(c) = EmbedChart::from_id(&v) {
                chart.set(c);
            }
        })
    };
    let on_copy = {
        let (snippet, copied, field) = (snippet.clone(), copied.clone(), field.clone());
        Callback::from(move |_| {
            let (snippet, copied, field) = (snippet.clone(), copied.clone(), field.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match copy_text(&snippet).await {
                    Ok(()) => copied.set(Copied::Yes),
                    Err(_) => {
                        if let Some(area) = field.cast::<HtmlTextAreaElement>() {
                            let _ = area.focus();
                            area.select();
                        }
                        copied.set(Copied::Fallback);
                    }
                }
            });
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
            <p class="copy-status" role="status" aria-live="polite">
                { match *copied {
                    Copied::Yes => html! { <span class="ok">{ "✓ Code copied" }</span> },
                    Copied::Fallback => html! {
                        <span class="warn">{ "This browser did not let the page copy. The code is selected: press Ctrl+C (or ⌘C) to copy it." }</span>
                    },
                    Copied::Not => html! {},
                } }
            </p>
        </details>
    }
}
