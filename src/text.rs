//! Text helpers shared by the page's searches and name checks.

/// `s` in lower case, exactly as [`str::to_lowercase`] (full Unicode).
/// ASCII text (nearly all of it) is lowered here; other text, in the
/// browser, by the browser's own `toLowerCase`, so the page's wasm carries
/// no Unicode case table (about 7 KB of the compressed download).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(s).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::lowercase;

    #[test]
    fn lowers_ascii_and_other_text_as_the_standard_library_does() {
        for s in [
            "Kent",
            "SANDWELL",
            "",
            "Café CRÈME",
            "ΣΟΦΙΑ Σ",
            "Ŵyddgrug",
            "K\u{212a}",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s}");
        }
    }
}
