//! Custom hooks: the page's effects (URL, compute worker, service worker), kept out of the
//! components so each component only renders.

pub mod compare_runs;
pub mod compute;
pub mod copy;
pub mod download;
pub mod service_worker;
pub mod session;
pub mod storage;
pub mod url;

pub use compute::{use_compute, ComputeState, InsightState};
pub use url::{current_fragment, use_url_sync};
