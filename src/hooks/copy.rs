//! Copying a link or code to the clipboard, with the fallback every copy
//! button needs: when the browser refuses, the text is selected in its field
//! so Ctrl+C (or ⌘C) copies it, and the page says so.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::hooks::download::copy_text;

/// What the last press of a copy button did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// Not pressed since the text last changed.
    Not,
    /// On the clipboard.
    Yes,
    /// Refused by the browser: the text is selected in its field instead.
    Fallback,
}

/// A copy button's state and its click handler for `text`, shown in `field`
/// (an `<input>` or `<textarea>`). The state returns to [`Copied::Not`]
/// whenever `text` changes.
#[hook]
pub fn use_copy(text: AttrValue, field: NodeRef) -> (Copied, Callback<MouseEvent>) {
    let copied = use_state(|| Copied::Not);
    {
        let copied = copied.clone();
        use_effect_with(text.clone(), move |_| copied.set(Copied::Not));
    }
    let on_copy = {
        let copied = copied.clone();
        Callback::from(move |_| {
            let (text, copied, field) = (text.clone(), copied.clone(), field.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match copy_text(&text).await {
                    Ok(()) => copied.set(Copied::Yes),
                    Err(_) => {
                        select(&field);
                        copied.set(Copied::Fallback);
                    }
                }
            });
        })
    };
    (*copied, on_copy)
}

/// Focuses and selects the text of an `<input>` or `<textarea>`.
fn select(field: &NodeRef) {
    let Some(el) = field.get() else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
}
