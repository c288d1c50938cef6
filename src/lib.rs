//! Turnaround: the page. It maps user intent to engine calls and draws the
//! results; the model itself lives in the `turnaround-engine` crate.
//!
//! - [`params`]: the registry of every user-changeable assumption.
//! - [`state`]: typed actions and the pure reducer.
//! - [`codec`]: the scenario in the URL fragment, versioned.
//! - [`charts`]: chart functions over any plotters backend.
//! - [`view_model`]: engine results turned into chart and table data.
//! - [`worker`]: the engine in a web worker.
//! - [`saved`], [`export`], [`qr`]: saved scenarios, exports and the share QR code (pure).
//! - [`failsafe`]: panic hooks, the failure notice, the worker's version.
//! - [`paper`]: scenario names, dated file names, the committee paper's contents (pure).
//! - [`order`]: stable sorting with one copy of the standard library's sort.
//! - [`text`]: lower-casing and number parsing by the browser (no Rust tables in the wasm).
//! - [`update`]: the "new version available" notice's state (the service worker).
//! - [`components`] and [`hooks`]: the yew view.

#![warn(missing_docs)]

pub mod charts;
pub mod codec;
pub mod compare;
pub mod components;
pub mod councils;
pub mod drivers;
pub mod explain;
pub mod export;
pub mod failsafe;
pub mod format;
pub mod help;
pub mod hooks;
pub mod meeting;
pub mod order;
pub mod paper;
pub mod params;
pub mod provenance;
pub mod qr;
pub mod report;
pub mod saved;
pub mod state;
pub mod svg_chart;
pub mod text;
pub mod update;
pub mod view_model;
pub mod worker;

/// Mounts the page into `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    failsafe::install_page_hook();
    yew::Renderer::<components::app::App>::new().render();
    if failsafe::debug_switch() == failsafe::DebugPanic::Page {
        // The hidden switch: a panic once the page is up, for the tests.
        gloo::timers::callback::Timeout::new(0, || panic!("debug switch: a panic in the page"))
            .forget();
    }
}
