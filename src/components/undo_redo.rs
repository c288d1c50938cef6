//! Undo and redo over the scenario's settled changes, as buttons and as
//! Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere but in a text box, where the
//! browser's own undo of typing applies.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::Action;

/// Undo and redo properties.
#[derive(Properties, PartialEq)]
pub struct UndoRedoProps {
    /// Whether there is a change to undo.
    pub can_undo: bool,
    /// Whether there is an undone change to redo.
    pub can_redo: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// Which history action a key press asks for, if any.
pub fn shortcut(key: &str, ctrl_or_meta: bool, shift: bool) -> Option<Action> {
    if !ctrl_or_meta {
        return None;
    }
    match (key.to_ascii_lowercase().as_str(), shift) {
        ("z", false) => Some(Action::Undo),
        ("z", true) | ("y", false) => Some(Action::Redo),
        _ => None,
    }
}

/// The two buttons, and the keyboard shortcuts for the whole page.
#[function_component(UndoRedo)]
pub fn undo_redo(props: &UndoRedoProps) -> Html {
    {
        let dispatch = props.dispatch.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let typing = gloo::utils::document().active_element().is_some_and(|el| {
                        let tag = el.tag_name().to_ascii_lowercase();
                        let kind = el.get_attribute("type").unwrap_or_default();
                        tag == "textarea"
                            || (tag == "input"
                                && !matches!(
                                    kind.as_str(),
                                    "range" | "checkbox" | "radio" | "button" | "file"
                                ))
                    });
                    if typing {
                        return;
                    }
                    if let Some(action) =
                        shortcut(&e.key(), e.ctrl_key() || e.meta_key(), e.shift_key())
                    {
                        e.prevent_default();
                        dispatch.emit(action);
                    }
                },
            );
            move || drop(listener)
        });
    }
    html! {
        <div class="undo-redo" role="group" aria-label="Undo and redo">
            <button type="button" class="secondary" id="undo" disabled={!props.can_undo}
                aria-keyshortcuts="Control+Z"
                onclick={props.dispatch.reform(|_| Action::Undo)}>{ "Undo" }</button>
            <button type="button" class="secondary" id="redo" disabled={!props.can_redo}
                aria-keyshortcuts="Control+Shift+Z"
                onclick={props.dispatch.reform(|_| Action::Redo)}>{ "Redo" }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_z_undoes_and_ctrl_shift_z_or_ctrl_y_redoes() {
        assert_eq!(shortcut("z", true, false), Some(Action::Undo));
        assert_eq!(shortcut("Z", true, true), Some(Action::Redo));
        assert_eq!(shortcut("y", true, false), Some(Action::Redo));
        assert_eq!(shortcut("z", false, false), None);
    }
}
