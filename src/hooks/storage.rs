//! Saved scenarios in the browser's localStorage (through gloo-storage).
//!
//! Storage sits behind the [`Store`] trait so tests can put a failing store
//! in its place. Every change re-reads the stored list first (another tab
//! may have changed it), applies a pure operation from [`crate::saved`] and
//! writes it back; when the write fails the list on screen stays as it was
//! and the caller gets a message to show. Nothing here touches the scenario.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::saved::{self, Entry, STORAGE_KEY};

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Blocked, private mode or absent.
    Unavailable,
    /// Quota exceeded.
    Full,
    /// Anything else, with the browser's words.
    Other(String),
}

impl StoreError {
    /// The message shown when saving failed.
    pub fn save_message(&self) -> String {
        match self {
            StoreError::Full => "Could not save: browser storage is full. Nothing on screen was lost; copy the link instead.".into(),
            StoreError::Unavailable => "Could not save: this browser is not letting the page use its storage (it may be in private mode, or storage is blocked). Nothing on screen was lost; copy the link instead.".into(),
            StoreError::Other(why) => format!("Could not save: the browser refused ({why}). Nothing on screen was lost; copy the link instead."),
        }
    }

    /// The message shown when the saved list could not be read.
    pub fn read_message(&self) -> String {
        match self {
            StoreError::Unavailable => "Saved scenarios are not available: this browser is not letting the page use its storage (private mode, or storage is blocked). Use the link to keep this scenario.".into(),
            StoreError::Full => "Saved scenarios could not be read: browser storage is full.".into(),
            StoreError::Other(why) => format!("Saved scenarios could not be read ({why})."),
        }
    }
}

/// Somewhere to keep text under a key.
pub trait Store {
    /// The text under `key`, if any.
    fn read(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Replaces the text under `key`.
    fn write(&self, key: &str, value: &str) -> Result<(), StoreError>;
}

/// A shared store, comparable by identity (for component props).
#[derive(Clone)]
pub struct StoreRef(pub Rc<dyn Store>);

impl PartialEq for StoreRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for StoreRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoreRef")
    }
}

/// The browser's localStorage.
pub struct LocalStore;

fn classify(err: JsValue) -> StoreError {
    let name = err
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .or_else(|| {
            js_sys::Reflect::get(&err, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
        })
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
        "SecurityError" => StoreError::Unavailable,
        "" => StoreError::Other("unknown error".into()),
        other => StoreError::Other(other.into()),
    }
}

/// True when localStorage can be reached (reaching it throws when blocked,
/// and gloo-storage would panic on that).
fn available() -> Result<(), StoreError> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(()),
        Some(Err(e)) => Err(match classify(e) {
            StoreError::Other(_) => StoreError::Unavailable,
            e => e,
        }),
        _ => Err(StoreError::Unavailable),
    }
}

impl Store for LocalStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        available()?;
        LocalStorage::raw().get_item(key).map_err(classify)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        available()?;
        LocalStorage::raw().set_item(key, value).map_err(classify)
    }
}

/// The browser's localStorage as a [`StoreRef`].
pub fn local_store() -> StoreRef {
    StoreRef(Rc::new(LocalStore))
}

/// What the saved list shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Listing {
    /// The entries, newest first.
    Ready(Vec<Entry>),
    /// Why there is no list (saving is switched off).
    Problem(String),
}

fn load(store: &StoreRef) -> Listing {
    match store.0.read(STORAGE_KEY) {
        Err(e) => Listing::Problem(e.read_message()),
        Ok(text) => match saved::from_json(text.as_deref()) {
            Ok(list) => Listing::Ready(list),
            Err(e) => Listing::Problem(e.to_string()),
        },
    }
}

/// The saved list and the operations on it.
#[derive(Clone)]
pub struct SavedHandle {
    store: StoreRef,
    listing: UseStateHandle<Listing>,
}

impl SavedHandle {
    /// What to show.
    pub fn listing(&self) -> &Listing {
        &self.listing
    }

    /// Reads the list again.
    pub fn refresh(&self) {
        self.listing.set(load(&self.store));
    }

    /// Re-reads, applies `op` and writes; on success shows the new list.
    fn change(
        &self,
        expect: Option<(usize, &str)>,
        op: impl FnOnce(&[Entry]) -> Result<Vec<Entry>, String>,
        write_error: impl Fn(StoreError) -> String,
    ) -> Result<(), String> {
        let current = match load(&self.store) {
            Listing::Ready(list) => list,
            Listing::Problem(why) => {
                self.listing.set(Listing::Problem(why.clone()));
                return Err(why);
            }
        };
        if let Some((index, name)) = expect {
            if current.get(index).and_then(Entry::name) != Some(name) {
                self.listing.set(Listing::Ready(current));
                return Err("The saved list was changed in another tab; it has been refreshed. Please try again.".into());
            }
        }
        let next = op(&current)?;
        self.store
            .0
            .write(STORAGE_KEY, &saved::to_json(&next))
            .map_err(write_error)?;
        self.listing.set(Listing::Ready(next));
        Ok(())
    }

    /// Saves a scenario under `name`.
    pub fn save(&self, name: &str, saved_at: &str, fragment: &str) -> Result<(), String> {
        self.change(
            None,
            |list| saved::save(list, name, saved_at, fragment).map_err(|e| e.to_string()),
            |e| e.save_message(),
        )
    }

    /// Renames entry `index` (currently called `old`).
    pub fn rename(&self, index: usize, old: &str, name: &str) -> Result<(), String> {
        self.change(
            Some((index, old)),
            |list| saved::rename(list, index, name).map_err(|e| e.to_string()),
            |e| match e {
                StoreError::Full => "Could not rename: browser storage is full.".into(),
                e => e.save_message().replacen("save", "rename", 1),
            },
        )
    }

    /// Deletes entry `index` (currently called `old`).
    pub fn delete(&self, index: usize, old: &str) -> Result<(), String> {
        self.change(
            Some((index, old)),
            |list| Ok(saved::delete(list, index)),
            |e| e.save_message().replacen("save", "delete", 1),
        )
    }
}

/// The saved list in `store`, kept fresh when another tab changes it.
#[hook]
pub fn use_saved(store: StoreRef) -> SavedHandle {
    let listing = {
        let store = store.clone();
        use_state(move || load(&store))
    };
    {
        let listing = listing.clone();
        let store = store.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "storage", move |e| {
                    let key = js_sys::Reflect::get(e, &"key".into())
                        .ok()
                        .and_then(|k| k.as_string());
                    if key.as_deref().is_none_or(|k| k == STORAGE_KEY) {
                        listing.set(load(&store));
                    }
                })
            });
            move || drop(listener)
        });
    }
    SavedHandle { store, listing }
}

/// Now as an ISO 8601 string, from the browser's clock.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}
