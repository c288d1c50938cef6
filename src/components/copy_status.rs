//! The live line under a copy button: copied, or selected for Ctrl+C.

use yew::prelude::*;

use crate::hooks::copy::Copied;

/// Copy status properties.
#[derive(Properties, PartialEq)]
pub struct CopyStatusProps {
    /// What the last press did.
    pub copied: Copied,
    /// What is copied, capitalised ("Link", "Code").
    pub what: AttrValue,
}

/// "✓ Link copied", or where the browser refused, that the text is selected
/// and Ctrl+C copies it; announced politely.
#[function_component(CopyStatus)]
pub fn copy_status(props: &CopyStatusProps) -> Html {
    let what = &props.what;
    html! {
        <p class="copy-status" role="status" aria-live="polite">
            { match props.copied {
                Copied::Yes => html! { <span class="ok">{ format!("✓ {what} copied") }</span> },
                Copied::Fallback => html! {
                    <span class="warn">{ format!("This browser did not let the page copy. The {} is selected: press Ctrl+C (or ⌘C) to copy it.", crate::text::lowercase(what)) }</span>
                },
                Copied::Not => html! {},
            } }
        </p>
    }
}
