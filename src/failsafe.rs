//! Failures made visible and recoverable.
//!
//! - The page's panic hook ([`install_page_hook`]) logs the panic and shows
//!   a notice: "Something went wrong; your scenario is safe in the link;
//!   Reload". The release build aborts on panic (the wasm instance traps
//!   right after the hook), so the notice is plain DOM with a plain link: it
//!   needs no Rust code to keep running, and no inline script (the CSP
//!   forbids it).
//! - The worker's panic hook ([`install_worker_hook`]) logs the panic, tells
//!   the page on a `BroadcastChannel` whose name the page put in the
//!   worker's URL (`?ch=`), and closes the worker. The page then starts a
//!   new worker and retries the request once ([`crate::hooks::compute`]).
//! - [`version`] travels in every request and response so the page can tell
//!   a worker from another build.
//! - A hidden switch in the query string, `?debug=panic-page`,
//!   `?debug=panic-worker` (the first request only: the retry recovers) or
//!   `?debug=panic-worker-always` (every request: the retry fails too and
//!   the notice shows), triggers each failure for the end-to-end tests.

use serde::{Deserialize, Serialize};

/// The build's version as the page and the worker compare it: the app's
/// package version and the engine's version (which changes whenever the
/// engine's numbers could).
pub fn version() -> String {
    format!(
        "{}+engine-{}",
        env!("CARGO_PKG_VERSION"),
        turnaround_engine::ENGINE_VERSION
    )
}

/// This instance's wasm linear memory, in bytes (0 natively).
pub fn wasm_memory_bytes() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size::<0>() as u64 * 65_536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// The words of the failure notice.
pub const NOTICE: &str = "Something went wrong; your scenario is safe in the link;";

/// The failure the hidden debug switch asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DebugPanic {
    /// None: the normal case.
    #[default]
    Off,
    /// Panic in the page once it is up.
    Page,
    /// Panic in the worker on the first request (the retry recovers).
    WorkerOnce,
    /// Panic in the worker on every request (the retry fails too).
    WorkerAlways,
}

impl DebugPanic {
    /// Reads `debug=...` from a query string (`?a=b&debug=panic-page`).
    pub fn from_query(search: &str) -> DebugPanic {
        let search = search.strip_prefix('?').unwrap_or(search);
        for pair in search.split('&') {
            match pair {
                "debug=panic-page" => return DebugPanic::Page,
                "debug=panic-worker" => return DebugPanic::WorkerOnce,
                "debug=panic-worker-always" => return DebugPanic::WorkerAlways,
                _ => {}
            }
        }
        DebugPanic::Off
    }
}

/// Workers forced by the hidden switch `debug=workers:N` (1 to 8), for
/// tests that compare splits; `None` when absent or out of range.
pub fn debug_workers(search: &str) -> Option<usize> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .find_map(|pair| pair.strip_prefix("debug=workers:"))
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| (1..=8).contains(n))
}

/// A link that reloads the page with the same scenario: the same path and
/// fragment, and a changed query (a link differing only in its fragment
/// would not reload).
pub fn reload_href(path: &str, search: &str, hash: &str, stamp: u64) -> String {
    let search = search.strip_prefix('?').unwrap_or(search);
    let kept: Vec<&str> = search
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("reload=") && !p.starts_with("debug="))
        .collect();
    let mut query = kept.join("&");
    if !query.is_empty() {
        query.push('&');
    }
    format!("{path}?{query}reload={stamp}{hash}")
}

pub use web::*;

/// The browser side (compiles natively, runs only in a browser).
mod web {
    use super::{reload_href, DebugPanic, NOTICE};
    use wasm_bindgen::{JsCast, JsValue};

    /// The query string of the page or worker (`location.search`).
    pub fn search() -> String {
        js_sys::Reflect::get(&js_sys::global(), &"location".into())
            .and_then(|l| js_sys::Reflect::get(&l, &"search".into()))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    /// The debug switch of this page.
    pub fn debug_switch() -> DebugPanic {
        DebugPanic::from_query(&search())
    }

    /// Shows the failure notice (once), over the page. Plain DOM: it works
    /// after the wasm instance has died.
    pub fn show_failure() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        if document.get_element_by_id("failure").is_some() {
            return;
        }
        let location = window.location();
        let href = reload_href(
            &location.pathname().unwrap_or_default(),
            &location.search().unwrap_or_default(),
            &location.hash().unwrap_or_default(),
            js_sys::Date::now() as u64,
        );
        let build = || -> Result<(), JsValue> {
            let notice = document.create_element("div")?;
            notice.set_id("failure");
            notice.set_class_name("failure");
            notice.set_attribute("role", "alert")?;
            let text = document.create_element("p")?;
            text.set_text_content(Some(&format!("{NOTICE} ")));
            let reload = document.create_element("a")?;
            reload.set_attribute("href", &href)?;
            reload.set_class_name("failure-reload");
            reload.set_text_content(Some("Reload"));
            text.append_child(&reload)?;
            notice.append_child(&text)?;
            let body = document.body().ok_or(JsValue::NULL)?;
            body.prepend_with_node_1(&notice)?;
            if let Ok(el) = reload.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            Ok(())
        };
        let _ = build();
    }

    /// Installs the page's panic hook: log, then show the notice. (Through
    /// yew, which would otherwise install its own when rendering.)
    pub fn install_page_hook() {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("Turnaround: {info}").into());
            show_failure();
        }));
    }

    /// Installs the worker's panic hook: log, tell the page, close.
    pub fn install_worker_hook() {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("Turnaround worker: {info}").into());
            if let Some(name) = channel_from_query(&search()) {
                if let Ok(channel) = web_sys::BroadcastChannel::new(&name) {
                    let _ = channel.post_message(&JsValue::from_str("panic"));
                }
            }
            let global = js_sys::global();
            if let Ok(close) = js_sys::Reflect::get(&global, &"close".into()) {
                if let Ok(close) = close.dyn_into::<js_sys::Function>() {
                    let _ = close.call0(&global);
                }
            }
        }));
    }

    /// The page's channel name from the worker's query (`?ch=name`).
    fn channel_from_query(search: &str) -> Option<String> {
        search
            .strip_prefix('?')
            .unwrap_or(search)
            .split('&')
            .find_map(|p| p.strip_prefix("ch="))
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_switch_reads_the_query() {
        assert_eq!(DebugPanic::from_query(""), DebugPanic::Off);
        assert_eq!(
            DebugPanic::from_query("?debug=panic-page"),
            DebugPanic::Page
        );
        assert_eq!(
            DebugPanic::from_query("?x=1&debug=panic-worker"),
            DebugPanic::WorkerOnce
        );
        assert_eq!(
            DebugPanic::from_query("debug=panic-worker-always"),
            DebugPanic::WorkerAlways
        );
        assert_eq!(DebugPanic::from_query("?debug=other"), DebugPanic::Off);
    }

    #[test]
    fn worker_count_switch_reads_the_query() {
        assert_eq!(debug_workers(""), None);
        assert_eq!(debug_workers("?debug=workers:3"), Some(3));
        assert_eq!(debug_workers("?a=b&debug=workers:1"), Some(1));
        assert_eq!(debug_workers("?debug=workers:0"), None);
        assert_eq!(debug_workers("?debug=workers:9"), None);
        assert_eq!(debug_workers("?debug=workers:x"), None);
        assert_eq!(debug_workers("?debug=panic-page"), None);
    }

    #[test]
    fn reload_keeps_the_scenario_and_drops_the_switch() {
        assert_eq!(
            reload_href("/", "", "#v=1&seed=3", 7),
            "/?reload=7#v=1&seed=3"
        );
        assert_eq!(
            reload_href("/app/", "?a=b&reload=1&debug=panic-page", "#v=1", 9),
            "/app/?a=b&reload=9#v=1"
        );
    }
}
