//! Browser tests for sharing and saving (wasm-bindgen-test in headless
//! Chromium): saved scenarios against an in-memory store and against
//! failing stores, and the QR code in the share panel.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use turnaround::codec;
use turnaround::components::{
    saved_scenarios::{SavedScenarios, SavedScenariosProps},
    share_panel::{SharePanel, SharePanelProps},
};
use turnaround::hooks::storage::{LocalStore, Store, StoreError, StoreRef};
use turnaround::saved::{ENTRY_PREFIX, STORAGE_KEY};
use turnaround::state::Action;
use turnaround_engine::presets::{preset, PresetId};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{click, mount, query, text, type_into, wait_for};

/// A store in memory that can be told to fail.
#[derive(Default)]
struct MemStore {
    items: RefCell<HashMap<String, String>>,
    fail_write: RefCell<Option<StoreError>>,
    fail_read: Option<StoreError>,
}

impl Store for MemStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        match &self.fail_read {
            Some(e) => Err(e.clone()),
            None => Ok(self.items.borrow().get(key).cloned()),
        }
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(e) = self.fail_write.borrow().clone() {
            return Err(e);
        }
        self.items.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        match &self.fail_read {
            Some(e) => Err(e.clone()),
            None => Ok(self.items.borrow().keys().cloned().collect()),
        }
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if let Some(e) = self.fail_write.borrow().clone() {
            return Err(e);
        }
        self.items.borrow_mut().remove(key);
        Ok(())
    }
}

fn render_saved(store: Rc<MemStore>, opened: Rc<RefCell<Vec<Action>>>) -> Element {
    let root = mount();
    let props = SavedScenariosProps {
        preset: PresetId::England2024,
        fragment: codec::encode(PresetId::England2024, &preset(PresetId::England2024)).into(),
        dispatch: Callback::from(move |a| opened.borrow_mut().push(a)),
        store: StoreRef(store),
    };
    yew::Renderer::<SavedScenarios>::with_root_and_props(root.clone(), props).render();
    root
}

async fn save_as(root: &Element, name: &str) {
    wait_for("the name box", || query(root, "#save-name").is_some()).await;
    type_into(&query(root, "#save-name").unwrap(), name);
    let typed = name.to_string();
    wait_for("the typed name", || {
        query(root, "#save-name")
            .map(|e| e.unchecked_into::<HtmlInputElement>().value() == typed)
            .unwrap_or(false)
    })
    .await;
    click(root, ".save-form button[type=submit]");
}

#[wasm_bindgen_test]
async fn full_storage_shows_the_message_and_keeps_everything() {
    let store = Rc::new(MemStore::default());
    *store.fail_write.borrow_mut() = Some(StoreError::Full);
    let root = render_saved(store.clone(), Rc::default());
    save_as(&root, "Budget meeting").await;
    wait_for("the storage-full message", || {
        text(&root).contains(
            "Could not save: browser storage is full. Nothing on screen was lost; copy the link instead.",
        )
    })
    .await;
    assert!(query(&root, "[role=alert]").is_some());
    // The typed name is still there to try again, and nothing was listed.
    let name = query(&root, "#save-name").unwrap();
    assert_eq!(
        name.unchecked_into::<HtmlInputElement>().value(),
        "Budget meeting"
    );
    assert!(query(&root, ".saved-item").is_none());
    assert!(store.items.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn blocked_storage_says_so_and_switches_saving_off() {
    let store = Rc::new(MemStore {
        fail_read: Some(StoreError::Unavailable),
        ..MemStore::default()
    });
    let root = render_saved(store, Rc::default());
    wait_for("the unavailable message", || {
        text(&root).contains("not letting the page use its storage")
    })
    .await;
    let button = query(&root, ".save-form button[type=submit]").unwrap();
    assert!(button.has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn save_rename_open_and_delete_in_memory() {
    let store = Rc::new(MemStore::default());
    let opened = Rc::new(RefCell::new(Vec::new()));
    let root = render_saved(store.clone(), opened.clone());
    save_as(&root, "First").await;
    wait_for("the saved entry", || {
        query(&root, ".saved-item[data-name=First]").is_some()
    })
    .await;
    // Saved under a key of its own.
    let keys: Vec<String> = store.items.borrow().keys().cloned().collect();
    assert_eq!(keys.len(), 1);
    assert!(keys[0].starts_with(ENTRY_PREFIX), "{keys:?}");
    assert!(store.items.borrow()[&keys[0]].contains("\"name\":\"First\""));

    // A duplicate name is refused with a specific message.
    save_as(&root, "first").await;
    wait_for("the duplicate message", || {
        text(&root).contains("already called")
    })
    .await;

    click(&root, ".saved-item[data-name=First] button.rename");
    wait_for("the rename box", || query(&root, ".rename-input").is_some()).await;
    type_into(&query(&root, ".rename-input").unwrap(), "Renamed");
    wait_for("the typed new name", || {
        query(&root, ".rename-input")
            .map(|e| e.unchecked_into::<HtmlInputElement>().value() == "Renamed")
            .unwrap_or(false)
    })
    .await;
    click(&root, ".saved-rename button[type=submit]");
    wait_for("the renamed entry", || {
        query(&root, ".saved-item[data-name=Renamed]").is_some()
    })
    .await;

    click(&root, ".saved-item[data-name=Renamed] button.open");
    wait_for("an Open action", || !opened.borrow().is_empty()).await;
    assert!(matches!(
        opened.borrow()[0],
        Action::Open {
            preset: PresetId::England2024,
            ..
        }
    ));

    click(&root, ".saved-item[data-name=Renamed] button.delete");
    wait_for("the confirmation", || {
        query(&root, ".confirm-delete").is_some()
    })
    .await;
    click(&root, ".confirm-delete");
    wait_for("the empty list", || query(&root, ".saved-item").is_none()).await;
    assert!(text(&root).contains("Deleted"));
}

#[wasm_bindgen_test]
async fn a_damaged_entry_is_not_opened_and_not_deleted() {
    let store = Rc::new(MemStore::default());
    let stored = r#"{"version":1,"scenarios":[{"name":"Broken","saved_at":"2024-01-01T00:00:00.000Z","fragment":"v=1&preset=narnia-1950"}]}"#;
    store
        .items
        .borrow_mut()
        .insert(STORAGE_KEY.into(), stored.into());
    let opened = Rc::new(RefCell::new(Vec::new()));
    let root = render_saved(store.clone(), opened.clone());
    wait_for("the entry", || {
        query(&root, ".saved-item[data-name=Broken]").is_some()
    })
    .await;
    click(&root, ".saved-item[data-name=Broken] button.open");
    wait_for("the message", || text(&root).contains("does not know")).await;
    assert!(opened.borrow().is_empty());
    assert_eq!(store.items.borrow()[STORAGE_KEY], stored);
}

#[wasm_bindgen_test]
async fn an_entry_of_the_earlier_list_is_moved_when_renamed() {
    let store = Rc::new(MemStore::default());
    let fragment = codec::encode(PresetId::England2024, &preset(PresetId::England2024));
    let stored = format!(
        r#"{{"version":1,"scenarios":[{{"name":"Old","saved_at":"2024-01-01T00:00:00.000Z","fragment":"{fragment}"}}]}}"#
    );
    store.items.borrow_mut().insert(STORAGE_KEY.into(), stored);
    let root = render_saved(store.clone(), Rc::default());
    wait_for("the entry", || {
        query(&root, ".saved-item[data-name=Old]").is_some()
    })
    .await;
    click(&root, ".saved-item[data-name=Old] button.rename");
    wait_for("the rename box", || query(&root, ".rename-input").is_some()).await;
    type_into(&query(&root, ".rename-input").unwrap(), "New");
    wait_for("the typed new name", || {
        query(&root, ".rename-input")
            .map(|e| e.unchecked_into::<HtmlInputElement>().value() == "New")
            .unwrap_or(false)
    })
    .await;
    click(&root, ".saved-rename button[type=submit]");
    wait_for("the renamed entry", || {
        query(&root, ".saved-item[data-name=New]").is_some()
    })
    .await;
    let items = store.items.borrow();
    assert!(
        items[STORAGE_KEY].contains(r#""scenarios":[]"#),
        "{}",
        items[STORAGE_KEY]
    );
    let moved: Vec<&String> = items
        .keys()
        .filter(|k| k.starts_with(ENTRY_PREFIX))
        .collect();
    assert_eq!(moved.len(), 1);
    assert!(items[moved[0]].contains(r#""name":"New""#));
    assert!(items[moved[0]].contains("2024-01-01T00:00:00.000Z"));
}

#[wasm_bindgen_test]
async fn local_storage_quota_error_is_recognised() {
    // Make the real localStorage throw QuotaExceededError, as a full browser does.
    js_sys::eval(
        "window.__origSetItem = Storage.prototype.setItem; \
         Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    )
    .unwrap();
    let result = LocalStore.write("turnaround.test", "x");
    js_sys::eval("Storage.prototype.setItem = window.__origSetItem;").unwrap();
    assert_eq!(result, Err(StoreError::Full));
    assert!(result
        .unwrap_err()
        .save_message()
        .starts_with("Could not save: browser storage is full."));
}

#[wasm_bindgen_test]
async fn share_panel_draws_the_link_as_a_qr_code() {
    let root = mount();
    let url = "http://127.0.0.1:8080/#v=1&preset=sandwell-2012&seed=2012&paths=10000&horizon=60";
    let props = SharePanelProps {
        url: url.into(),
        fragment: url.split_once('#').unwrap().1.to_string().into(),
        name: "Recruit vs In-source partner".into(),
    };
    yew::Renderer::<SharePanel>::with_root_and_props(root.clone(), props).render();
    wait_for("the QR code", || query(&root, "svg.qr-code").is_some()).await;
    // The embed snippet: the same scenario, in the embedded view.
    let code = query(&root, "#embed-code").unwrap();
    let snippet = code
        .unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value();
    assert!(
        snippet.contains("?embed=1#v=1&amp;preset=sandwell-2012")
            && snippet.contains(r#"title="Turnaround: Recruit vs In-source partner""#),
        "{snippet}"
    );
    // One path draws every dark run: a closed rectangle per run.
    let path = query(&root, "svg.qr-code path").unwrap();
    let d = path.get_attribute("d").unwrap();
    let runs = d.matches('M').count();
    assert!(
        runs > 50 && d.matches('z').count() == runs,
        "only {runs} runs: {d}"
    );
    let link = query(&root, "#share-link").unwrap();
    assert_eq!(link.unchecked_into::<HtmlInputElement>().value(), url);
    assert!(text(&root).contains("Scan to open this scenario on a tablet"));
}
