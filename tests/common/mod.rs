//! DOM helpers shared by the browser test files (each uses a subset).
#![allow(dead_code)]

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// Waits (up to ~5 s) until `cond` holds, checking every 10 ms.
pub async fn wait_for(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..500 {
        if cond() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for {what}");
}

/// A fresh element in the page body to render a component into.
pub fn mount() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// The first element under `root` matching `selector`.
pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

/// All text under `root`.
pub fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

/// Dispatches a bubbling DOM event (yew listens at the root).
pub fn fire(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Types `text` into an input (an `input` event, as each keystroke gives).
pub fn type_into(input: &Element, text: &str) {
    let input: &HtmlInputElement = input.unchecked_ref();
    input.set_value(text);
    fire(input, "input");
}

/// Types `text` and commits it (`input` then `change`, as leaving the box does).
pub fn enter_value(input: &Element, text: &str) {
    type_into(input, text);
    fire(input, "change");
}

/// Clicks the first element matching `selector`.
pub fn click(root: &Element, selector: &str) {
    query(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}
