//! State that survives a reload of the same tab (sessionStorage), for what
//! the user typed that the link does not carry: the committee paper's name,
//! author and council. So "Reload" for a new version (or any reload) keeps
//! them. Best effort: where sessionStorage is blocked the state simply
//! starts empty, as it did before.

use gloo::storage::{SessionStorage, Storage as _};
use serde::{de::DeserializeOwned, Serialize};
use yew::prelude::*;

/// Like `use_state`, but read from and written to sessionStorage under `key`.
#[hook]
pub fn use_session_state<T, F>(key: &'static str, init: F) -> UseStateHandle<T>
where
    T: Serialize + DeserializeOwned + PartialEq + Clone + 'static,
    F: FnOnce() -> T,
{
    let state = use_state(move || SessionStorage::get(key).unwrap_or_else(|_| init()));
    use_effect_with((*state).clone(), move |value| {
        if let Err(e) = SessionStorage::set(key, value) {
            gloo::console::warn!(format!("could not keep {key} for a reload: {e}"));
        }
    });
    state
}
