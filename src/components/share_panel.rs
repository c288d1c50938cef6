//! The share panel: the link to this scenario, a copy button, the link as a
//! QR code for a tablet across the table, and a ready-made `<iframe>` that
//! embeds the verdict and one chart in another site.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::copy_status::CopyStatus;
use crate::components::embed_snippet::EmbedSnippet;
use crate::hooks::copy::use_copy;
use crate::qr;

/// Share panel properties.
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The full link to this scenario.
    pub url: AttrValue,
    /// The scenario's fragment (for the embed snippet).
    #[prop_or_default]
    pub fragment: AttrValue,
    /// The scenario's name (the embed's title).
    #[prop_or_default]
    pub name: AttrValue,
}

/// The page's address without its fragment (`origin + pathname`).
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The QR code of `url` as an inline SVG: one path of every run of dark
/// modules (one element, not one per run: a link's code has 400 runs, and
/// the page shows the code twice, on screen and on the paper).
pub fn qr_svg(url: &str) -> Html {
    let Some(m) = qr::encode(url) else {
        return html! {
            <p class="muted qr-too-long">{ "This link is too long for a QR code; copy the link instead." }</p>
        };
    };
    let size = m.size.to_string();
    html! {
        <svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {size} {size}")}
            role="img" aria-label="QR code of the link to this scenario" shape-rendering="crispEdges"
            data-version={m.version.to_string()}>
            <rect x="0" y="0" width={size.clone()} height={size} fill="#fff" />
            <path d={m.path()} fill="#000" />
        </svg>
    }
}

/// The link, "Copy link", and the QR code.
#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let field = use_node_ref();
    let (copied, on_copy) = use_copy(props.url.clone(), field.clone());
    let qr = use_memo(props.url.clone(), |url| qr_svg(url));

    let on_focus = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<HtmlInputElement>().select();
    });

    html! {
        <div class="share-panel">
            <div class="share-link">
                <label for="share-link">{ "Link to this scenario" }</label>
                <div class="copy-row">
                    <input id="share-link" ref={field} type="text" readonly=true
                        value={props.url.clone()} onfocus={on_focus} spellcheck="false" />
                    <button type="button" class="copy-link" onclick={on_copy}>{ "Copy link" }</button>
                </div>
                <CopyStatus copied={copied} what="Link" />
                <p class="muted">{ "The link holds every assumption; anyone opening it sees this scenario." }</p>
            </div>
            <figure class="qr">
                { (*qr).clone() }
                <figcaption>{ "Scan to open this scenario on a tablet" }</figcaption>
            </figure>
            <EmbedSnippet fragment={props.fragment.clone()} name={props.name.clone()} />
        </div>
    }
}
