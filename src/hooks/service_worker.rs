//! The service worker: registers it and turns its events into
//! [`UpdateAction`]s for the "new version" notice.
//!
//! Registration happens only when the built page names the worker in
//! `<meta name="turnaround-sw">` (written by `scripts/offline.mjs`), only
//! where browsers allow service workers (a secure context: https or
//! loopback), and not in a frame (an embed). The browser tests, whose page
//! has no such tag, never register one. Network use: registering fetches
//! `sw.js` once (and the worker precaches the build); afterwards only the
//! browser's own same-origin update checks of `sw.js` (on navigation).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::prelude::*;

use crate::update::{
    is_update, on_controller_change, OnControllerChange, UpdateAction, UpdateModel, UpdateState,
};

/// What the page holds for the service worker while it is open.
#[derive(Default)]
struct Live {
    registration: Option<ServiceWorkerRegistration>,
    /// The user pressed Reload: the next controller change reloads.
    reloading: Rc<Cell<bool>>,
    /// Dropped (so removed) when the page goes.
    listeners: Vec<EventListener>,
}

/// The `sw.js` address from `<meta name="turnaround-sw">`, if the page has one.
fn worker_url() -> Option<String> {
    gloo::utils::document()
        .query_selector("meta[name=\"turnaround-sw\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|c| !c.is_empty())
}

/// The browser's service-worker container, where service workers are allowed
/// and wanted: not in a frame (an embed on another site needs no offline
/// copy of the whole app in that site's storage).
fn container() -> Option<ServiceWorkerContainer> {
    let window = gloo::utils::window();
    let framed = !matches!(window.top(), Ok(Some(top)) if js_sys::Object::is(&top, &window));
    if framed {
        return None;
    }
    let navigator = window.navigator();
    // Absent outside a secure context (and in some private modes).
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return None;
    }
    Some(navigator.service_worker())
}

/// Registers the service worker and reports updates; returns the notice's
/// state and a callback for the notice's actions (Reload asks the waiting
/// worker to take over, then reloads when it has).
#[hook]
pub fn use_service_worker() -> (UpdateState, Callback<UpdateAction>) {
    let model = use_reducer(UpdateModel::default);
    let live = use_mut_ref(Live::default);

    {
        let dispatch = model.dispatcher();
        let live = live.clone();
        use_effect_with((), move |_| {
            if let (Some(url), Some(container)) = (worker_url(), container()) {
                start(
                    url,
                    container,
                    Callback::from(move |a| dispatch.dispatch(a)),
                    &live,
                );
            }
            move || {
                live.borrow_mut().listeners.clear();
            }
        });
    }

    let on_action = {
        let dispatch = model.dispatcher();
        let live = live.clone();
        Callback::from(move |action: UpdateAction| {
            if action == UpdateAction::Reload {
                let live = live.borrow();
                live.reloading.set(true);
                match live.registration.as_ref().and_then(|r| r.waiting()) {
                    Some(waiting) => {
                        if let Err(e) = waiting.post_message(&JsValue::from_str("skip-waiting")) {
                            gloo::console::warn!("could not ask the new version to take over", e);
                            reload();
                        }
                    }
                    // Already in control (another tab's Reload): just reload.
                    None => reload(),
                }
            }
            dispatch.dispatch(action);
        })
    };
    (model.0, on_action)
}

fn reload() {
    if let Err(e) = gloo::utils::window().location().reload() {
        gloo::console::warn!("could not reload", e);
    }
}

/// Listens for controller changes, registers the worker, and watches it.
fn start(
    url: String,
    container: ServiceWorkerContainer,
    dispatch: Callback<UpdateAction>,
    live: &Rc<RefCell<Live>>,
) {
    let had_controller = Rc::new(Cell::new(container.controller().is_some()));
    let reloading = live.borrow().reloading.clone();
    let on_change = {
        let dispatch = dispatch.clone();
        EventListener::new(&container, "controllerchange", move |_| {
            match on_controller_change(reloading.get(), had_controller.get()) {
                OnControllerChange::ReloadPage => reload(),
                OnControllerChange::Offer => dispatch.emit(UpdateAction::Found),
                OnControllerChange::Nothing => {}
            }
            had_controller.set(true);
        })
    };
    live.borrow_mut().listeners.push(on_change);

    let live = Rc::downgrade(live);
    spawn_local(async move {
        let registration = match JsFuture::from(container.register(&url)).await {
            Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
            Err(e) => {
                // Offline use is then unavailable; the page itself works.
                gloo::console::warn!("the service worker could not be registered", e);
                return;
            }
        };
        let Some(live) = live.upgrade() else {
            return;
        };
        let controlled = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if is_update(registration.waiting().is_some(), controlled()) {
            dispatch.emit(UpdateAction::Found);
        }
        let mut listeners = Vec::new();
        if let Some(installing) = registration.installing() {
            listeners.push(watch(installing, controlled.clone(), dispatch.clone()));
        }
        let found = {
            let registration = registration.clone();
            let live = Rc::downgrade(&live);
            EventListener::new(&registration.clone(), "updatefound", move |_| {
                if let (Some(installing), Some(live)) = (registration.installing(), live.upgrade())
                {
                    let listener = watch(installing, controlled.clone(), dispatch.clone());
                    live.borrow_mut().listeners.push(listener);
                }
            })
        };
        listeners.push(found);
        let mut live = live.borrow_mut();
        live.listeners.extend(listeners);
        live.registration = Some(registration);
    });
}

/// Reports [`UpdateAction::Found`] when an installing worker is installed
/// (and so waits) while an older one controls the page.
fn watch(
    worker: ServiceWorker,
    controlled: impl Fn() -> bool + 'static,
    dispatch: Callback<UpdateAction>,
) -> EventListener {
    let target = worker.clone();
    EventListener::new(&target, "statechange", move |_| {
        if is_update(
            worker.state() == ServiceWorkerState::Installed,
            controlled(),
        ) {
            dispatch.emit(UpdateAction::Found);
        }
    })
}
