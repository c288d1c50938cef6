//! Browser downloads and the clipboard: small effect helpers used by the
//! share panel, the exports and the chart panels.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Clicks a temporary `<a download>` pointing at `href`.
pub fn download_href(href: &str, filename: &str) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(href);
    a.set_download(filename);
    a.set_attribute("hidden", "")?;
    let body = gloo::utils::body();
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    Ok(())
}

/// Downloads `content` as a file named `filename` of type `mime`, through a
/// Blob and an object URL.
pub fn download_text(filename: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let result = download_href(&url, filename);
    // The click has started the download; the URL can go a moment later. A
    // once-only closure frees itself when it has run (a forgotten timer's
    // closure would stay in memory for good).
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000);
    result
}

/// Writes `text` to the clipboard. `Err` when the browser has no clipboard
/// API here (insecure page, old browser) or refused.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let navigator = gloo::utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("no clipboard".into());
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}

/// Opens the browser's print dialogue.
pub fn print() {
    if let Err(e) = gloo::utils::window().print() {
        gloo::console::warn!("could not print", e);
    }
}
