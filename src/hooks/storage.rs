//! Saved scenarios in the browser's localStorage (through gloo-storage).
//!
//! Storage sits behind the [`Store`] trait so tests can put a failing store
//! in its place. A save writes a key of its own (see [`crate::saved`]), so
//! it never rewrites another tab's save: a read-modify-write of one shared
//! list can lose a save even under a lock, because a tab's copy of
//! localStorage catches up with other tabs' writes only a little later.
//! Every change also holds the Web Lock [`LOCK_NAME`] (`navigator.locks`,
//! shared by every tab of the origin), re-reads what is stored, checks the
//! name, writes, and reads back to check the write was kept; only then is
//! it reported done ("Saved"). When the write fails the list on screen
//! stays as it was and the caller gets a message to show. Nothing here
//! touches the scenario.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::saved::{self, Entry, ENTRY_PREFIX, STORAGE_KEY};

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
    /// Every key held.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// Removes `key` (nothing happens if it is absent).
    fn remove(&self, key: &str) -> Result<(), StoreError>;
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

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        available()?;
        let raw = LocalStorage::raw();
        let n = raw.length().map_err(classify)?;
        Ok((0..n).filter_map(|i| raw.key(i).ok().flatten()).collect())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        available()?;
        LocalStorage::raw().remove_item(key).map_err(classify)
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

/// Where a listed entry is stored.
#[derive(Debug, Clone, PartialEq)]
enum Slot {
    /// At this index of the list written by earlier versions.
    Legacy(usize),
    /// Under this key of its own.
    Key(String),
}

/// Everything stored: the entries shown (newest first) with their places,
/// and the earlier versions' list.
struct Stored {
    items: Vec<(Slot, Entry)>,
    legacy: Vec<Entry>,
}

impl Stored {
    fn entries(&self) -> Vec<Entry> {
        self.items.iter().map(|(_, e)| e.clone()).collect()
    }
}

fn saved_at(entry: &Entry) -> &str {
    match entry {
        Entry::Saved(s) => &s.saved_at,
        Entry::Damaged(j) => j
            .get("saved_at")
            .and_then(serde_json::Value::as_str)
            .unwrap_or(""),
    }
}

fn read_all(store: &StoreRef) -> Result<Stored, String> {
    let legacy_text = store.0.read(STORAGE_KEY).map_err(|e| e.read_message())?;
    let legacy = saved::from_json(legacy_text.as_deref()).map_err(|e| e.to_string())?;
    let mut keyed = Vec::new();
    for key in store.0.keys().map_err(|e| e.read_message())? {
        if !key.starts_with(ENTRY_PREFIX) {
            continue;
        }
        if let Some(text) = store.0.read(&key).map_err(|e| e.read_message())? {
            keyed.push((Slot::Key(key), saved::entry_from_text(&text)));
        }
    }
    // Newest first; the key breaks ties, so every tab shows one order.
    crate::order::sort_by(&mut keyed, |(ka, a), (kb, b)| {
        saved_at(b)
            .cmp(saved_at(a))
            .then_with(|| format!("{kb:?}").cmp(&format!("{ka:?}")))
    });
    let mut items = keyed;
    items.extend(
        legacy
            .iter()
            .enumerate()
            .map(|(i, e)| (Slot::Legacy(i), e.clone())),
    );
    Ok(Stored { items, legacy })
}

fn load(store: &StoreRef) -> Listing {
    match read_all(store) {
        Ok(stored) => Listing::Ready(stored.entries()),
        Err(why) => Listing::Problem(why),
    }
}

/// Writes `text` under `key` and reads it back: only what storage really
/// holds counts as done.
fn write_checked(
    store: &StoreRef,
    key: &str,
    text: &str,
    write_error: &dyn Fn(StoreError) -> String,
) -> Result<(), String> {
    store.0.write(key, text).map_err(write_error)?;
    match store.0.read(key) {
        Ok(Some(kept)) if kept == text => Ok(()),
        Ok(_) => Err(NOT_KEPT.into()),
        Err(e) => Err(write_error(e)),
    }
}

const NOT_KEPT: &str = "Could not save: the browser did not keep the change. Nothing on screen was lost; please try again.";

/// A new entry's key: its time, then a random part so that two tabs saving
/// in the same millisecond still write different keys.
fn new_key(saved_at: &str) -> String {
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    format!("{ENTRY_PREFIX}{saved_at}-{random:x}")
}

/// A change to the stored entries.
enum Op {
    Save {
        name: String,
        saved_at: String,
        fragment: String,
    },
    Rename {
        index: usize,
        old: String,
        name: String,
    },
    Delete {
        index: usize,
        old: String,
    },
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
        op: Op,
        write_error: impl Fn(StoreError) -> String + 'static,
        done: Callback<Result<(), String>>,
    ) {
        let (store, listing) = (self.store.clone(), self.listing.clone());
        with_lock(LOCK_NAME, move || {
            let outcome = change_now(&store, op, &write_error);
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
        let op = Op::Save {
            name: name.to_string(),
            saved_at: saved_at.to_string(),
            fragment: fragment.to_string(),
        };
        self.change(op, |e| e.save_message(), done)
    }

    /// Renames entry `index` (currently called `old`).
    pub fn rename(&self, index: usize, old: &str, name: &str, done: Callback<Result<(), String>>) {
        let op = Op::Rename {
            index,
            old: old.to_string(),
            name: name.to_string(),
        };
        self.change(
            op,
            |e| match e {
                StoreError::Full => "Could not rename: browser storage is full.".into(),
                e => e.save_message().replacen("save", "rename", 1),
            },
            done,
        )
    }

    /// Deletes entry `index` (currently called `old`).
    pub fn delete(&self, index: usize, old: &str, done: Callback<Result<(), String>>) {
        let op = Op::Delete {
            index,
            old: old.to_string(),
        };
        self.change(op, |e| e.save_message().replacen("save", "delete", 1), done)
    }
}

/// One read-change-write-check cycle (the caller holds the lock).
fn change_now(
    store: &StoreRef,
    op: Op,
    write_error: &dyn Fn(StoreError) -> String,
) -> Result<(), String> {
    let stored = read_all(store)?;
    let entries = stored.entries();
    const CHANGED: &str =
        "The saved list was changed in another tab; it has been refreshed. Please try again.";
    let place = |index: usize, old: &str| match stored.items.get(index) {
        Some((slot, entry)) if entry.name() == Some(old) => Ok((slot.clone(), entry.clone())),
        _ => Err(CHANGED.to_string()),
    };
    // The earlier versions' list without entry `i`, written and checked.
    let drop_legacy = |i: usize| {
        let next = saved::delete(&stored.legacy, i);
        write_checked(store, STORAGE_KEY, &saved::to_json(&next), write_error)
    };
    match op {
        Op::Save {
            name,
            saved_at,
            fragment,
        } => {
            let name = saved::check_name(&entries, &name, None).map_err(|e| e.to_string())?;
            let entry = saved::SavedScenario {
                name,
                saved_at: saved_at.clone(),
                fragment,
            };
            write_checked(
                store,
                &new_key(&saved_at),
                &saved::entry_to_text(&entry),
                write_error,
            )
        }
        Op::Rename { index, old, name } => {
            let (slot, entry) = place(index, &old)?;
            let name =
                saved::check_name(&entries, &name, Some(index)).map_err(|e| e.to_string())?;
            let Entry::Saved(mut saved) = entry else {
                return Err(CHANGED.into());
            };
            saved.name = name;
            let text = saved::entry_to_text(&saved);
            match slot {
                Slot::Key(key) => write_checked(store, &key, &text, write_error),
                Slot::Legacy(i) => {
                    // Move it to a key of its own, then take it out of the list.
                    write_checked(store, &new_key(&saved.saved_at), &text, write_error)?;
                    drop_legacy(i)
                }
            }
        }
        Op::Delete { index, old } => match place(index, &old)?.0 {
            Slot::Key(key) => {
                store.0.remove(&key).map_err(write_error)?;
                match store.0.read(&key) {
                    Ok(None) => Ok(()),
                    Ok(Some(_)) => Err(NOT_KEPT.into()),
                    Err(e) => Err(write_error(e)),
                }
            }
            Slot::Legacy(i) => drop_legacy(i),
        },
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
                    if key
                        .as_deref()
                        .is_none_or(|k| k == STORAGE_KEY || k.starts_with(ENTRY_PREFIX))
                    {
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
