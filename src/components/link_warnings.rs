//! The message shown when a link could not be opened exactly as written.

use yew::prelude::*;

use crate::codec::Warning;

/// Link warning properties.
#[derive(Properties, PartialEq)]
pub struct LinkWarningsProps {
    /// What was ignored, and why.
    pub warnings: Vec<Warning>,
    /// The link as it was opened, for copying.
    pub original: Option<String>,
    /// Hide the message.
    pub on_dismiss: Callback<()>,
}

/// Lists what a link asked for that was not applied, and keeps the original
/// link copyable. Renders nothing for a clean link.
#[function_component(LinkWarnings)]
pub fn link_warnings(props: &LinkWarningsProps) -> Html {
    if props.warnings.is_empty() {
        return html! {};
    }
    let original = props.original.clone().unwrap_or_default();
    html! {
        <section class="notice warning" role="alert" id="link-warnings">
            <h2>{ "This link could not be opened exactly as written" }</h2>
            <p>{ "Every valid value in it was applied. These parts were ignored:" }</p>
            <ul>
                { for props.warnings.iter().map(|w| html! {
                    <li><code>{ &w.what }</code>{ ": " }{ &w.why }</li>
                }) }
            </ul>
            <label class="original-link">
                <span>{ "The link as opened (select to copy):" }</span>
                <input type="text" readonly=true value={format!("#{original}")} />
            </label>
            <button class="secondary" onclick={props.on_dismiss.reform(|_| ())}>{ "Dismiss" }</button>
        </section>
    }
}
