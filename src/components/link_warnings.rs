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
    /// Notes that are not problems (a link made under an earlier model).
    #[prop_or_default]
    pub notes: Vec<String>,
}

/// Lists what a link asked for that was not applied, and keeps the original
/// link copyable. Renders nothing for a clean link.
#[function_component(LinkWarnings)]
pub fn link_warnings(props: &LinkWarningsProps) -> Html {
    let notes = (!props.notes.is_empty()).then(|| {
        html! {
            <section class="notice" role="status" id="link-notes">
                <h2>{ "About this link" }</h2>
                { for props.notes.iter().map(|n| html! { <p>{ n }</p> }) }
                if props.warnings.is_empty() {
                    <button class="secondary" onclick={props.on_dismiss.reform(|_| ())}>{ "Dismiss" }</button>
                }
            </section>
        }
    });
    if props.warnings.is_empty() {
        return html! { { for notes } };
    }
    let original = props.original.clone().unwrap_or_default();
    html! {
        <>
        { for notes }
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
        </>
    }
}
