//! Where a figure came from: this app's version, the model's version and
//! the build date, for the footer and every export.

/// The app's version (the crate version).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The build date, `YYYY-MM-DD` (UTC), set by `build.rs`.
pub const BUILD_DATE: &str = env!("TURNAROUND_BUILD_DATE");

/// The provenance in one line:
/// `Turnaround 0.2.0 · turnaround-engine 0.2.0 model 3 · built 2026-11-27`.
pub fn line() -> String {
    format!(
        "Turnaround {APP_VERSION} · {} · built {BUILD_DATE}",
        turnaround_engine::ENGINE_VERSION
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_line_names_app_model_and_build_date() {
        let l = super::line();
        assert!(l.contains(super::APP_VERSION), "{l}");
        assert!(l.contains(turnaround_engine::ENGINE_VERSION), "{l}");
        assert_eq!(super::BUILD_DATE.len(), 10, "{l}");
    }
}
