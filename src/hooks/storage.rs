//! Saved scenarios in the browser's localStorage (through gloo-storage).
//!
//! Storage sits behind the [`Store`] trait so tests can put a failing store
//! in its place. Every change holds the Web Lock [`LOCK_NAME`]
//! (`navigator.locks`, shared by every tab of the origin), re-reads the
//! stored list (another tab may have changed it), applies a pure operation
//! from [`crate::saved`], writes it back and reads it again to check it was
//! kept; only then is the change reported done. So tabs saving at the same
//! instant take turns and every save is kept. When the write fails the list
//! on screen stays as it was and the caller gets a message to show. Nothing
//! here touches the scenario.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::saved::{self, Entry, STORAGE_KEY};

/// The Web Lock every tab takes around a change to the saved list.
pub const LOCK_NAME: &str = "turnaround.saved";

/// Runs `f` holding the Web Lock `name`, so read-modify-write cycles of
/// different tabs never interleave. Where the Web Locks API is missing (an
/// old browser), or refuses, `f` runs at once without it.
pub fn with_lock(name: &str, f: impl FnOnce() + 'static) {
    let slot = Rc::new(RefCell::new(Some(f)));
    let run = {
        let slot = slot.clone();
        move || {
            if let Some(f) = slot.borrow_mut().take() {
                f();
            }
        }
    };
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| l.is_object());
    let request = locks.as_ref().and_then(|l| {
        js_sys::Reflect::get(l, &"request".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        run();
        return;
    };
    let granted = {
        let run = run.clone();
        wasm_bindgen::closure::Closure::once_into_js(move |_lock: JsValue| run())
    };
    match request.call2(&locks, &name.into(), &granted) {
        Ok(promise) => {
            let promise = js_sys::Promise::from(promise);
            wasm_bindgen_futures::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
                    run();
                }
            });
        }
        Err(_) => run(),
    }
}

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

    /// Under the lock: re-reads, applies `op`, writes, and reads back to
    /// check the write was kept; then shows the list and calls `done`.
    fn change(
        &self,
        expect: Option<(usize, String)>,
        op: impl FnOnce(&[Entry]) -> Result<Vec<Entry>, String> + 'static,
        write_error: impl Fn(StoreError) -> String + 'static,
        done: Callback<Result<(), String>>,
    ) {
        let (store, listing) = (self.store.clone(), self.listing.clone());
        with_lock(LOCK_NAME, move || {
            let outcome = change_now(&store, expect, op, write_error);
            listing.set(load(&store));
            done.emit(outcome);
        });
    }

    /// Saves a scenario under `name`; `done` hears whether it was kept.
    pub fn save(
        &self,
        name: &str,
        saved_at: &str,
        fragment: &str,
        done: Callback<Result<(), String>>,
    ) {
        let (name, saved_at, fragment) =
            (name.to_string(), saved_at.to_string(), fragment.to_string());
        self.change(
            None,
            move |list| saved::save(list, &name, &saved_at, &fragment).map_err(|e| e.to_string()),
            |e| e.save_message(),
            done,
        )
    }

    /// Renames entry `index` (currently called `old`).
    pub fn rename(&self, index: usize, old: &str, name: &str, done: Callback<Result<(), String>>) {
        let name = name.to_string();
        self.change(
            Some((index, old.to_string())),
            move |list| saved::rename(list, index, &name).map_err(|e| e.to_string()),
            |e| match e {
                StoreError::Full => "Could not rename: browser storage is full.".into(),
                e => e.save_message().replacen("save", "rename", 1),
            },
            done,
        )
    }

    /// Deletes entry `index` (currently called `old`).
    pub fn delete(&self, index: usize, old: &str, done: Callback<Result<(), String>>) {
        self.change(
            Some((index, old.to_string())),
            move |list| Ok(saved::delete(list, index)),
            |e| e.save_message().replacen("save", "delete", 1),
            done,
        )
    }
}

/// One read-modify-write-verify cycle (the caller holds the lock).
fn change_now(
    store: &StoreRef,
    expect: Option<(usize, String)>,
    op: impl FnOnce(&[Entry]) -> Result<Vec<Entry>, String>,
    write_error: impl Fn(StoreError) -> String,
) -> Result<(), String> {
    let current = match load(store) {
        Listing::Ready(list) => list,
        Listing::Problem(why) => return Err(why),
    };
    if let Some((index, name)) = expect {
        if current.get(index).and_then(Entry::name) != Some(name.as_str()) {
            return Err("The saved list was changed in another tab; it has been refreshed. Please try again.".into());
        }
    }
    let text = saved::to_json(&op(&current)?);
    store.0.write(STORAGE_KEY, &text).map_err(&write_error)?;
    // Only what storage really holds counts as done.
    match store.0.read(STORAGE_KEY) {
        Ok(Some(kept)) if kept == text => Ok(()),
        Ok(_) => Err("Could not save: the browser did not keep the change (another tab may have written at the same moment). Nothing on screen was lost; please try again.".into()),
        Err(e) => Err(write_error(e)),
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
