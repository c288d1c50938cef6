//! Text helpers that keep Rust's large tables out of the page's wasm: the
//! browser lower-cases text and converts decimal numbers, with the same
//! results as the standard library.

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

/// What [`parse_f64`] found in a string that `f64::from_str` accepts.
enum Shape {
    /// Digits, a point, an exponent.
    Decimal,
    /// `inf` or `infinity` (any case), negative or not.
    Infinity(bool),
    /// `nan` (any case), negative or not.
    Nan(bool),
}

/// The shape of `s` if `f64::from_str` accepts it: an optional sign, then
/// `inf`, `infinity` or `nan` in any case, or digits with an optional point
/// (a digit on at least one side) and an optional exponent (`e` or `E`, an
/// optional sign, digits). No spaces, no `_`.
fn shape(s: &str) -> Option<Shape> {
    let b = s.as_bytes();
    let (negative, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        return Some(Shape::Infinity(negative));
    }
    if rest.eq_ignore_ascii_case(b"nan") {
        return Some(Shape::Nan(negative));
    }
    let digits = |from: usize| {
        rest[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let whole = digits(0);
    let mut at = whole;
    let mut fraction = 0;
    if rest.get(at) == Some(&b'.') {
        fraction = digits(at + 1);
        at += 1 + fraction;
    }
    if whole + fraction == 0 {
        return None;
    }
    if matches!(rest.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(rest.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits(at);
        if exponent == 0 {
            return None;
        }
        at += exponent;
    }
    (at == rest.len()).then_some(Shape::Decimal)
}

/// `s` as a number, exactly as `s.parse::<f64>().ok()`: the same strings
/// accepted, the same value to the bit. In the browser the decimal is
/// converted by JavaScript's `parseFloat`, correctly rounded like Rust's
/// (ECMAScript requires it up to 20 significant digits; browsers round
/// longer ones correctly too), so the page's wasm carries none of Rust's
/// float-parsing code and tables (about 12 KB of the compressed download).
pub fn parse_f64(s: &str) -> Option<f64> {
    match shape(s)? {
        Shape::Infinity(negative) => Some(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }),
        Shape::Nan(negative) => Some(if negative { -f64::NAN } else { f64::NAN }),
        #[cfg(target_arch = "wasm32")]
        Shape::Decimal => Some(js_sys::parse_float(s)),
        #[cfg(not(target_arch = "wasm32"))]
        Shape::Decimal => s.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::{lowercase, parse_f64, shape};

    /// Every string of up to five characters from digits, point, signs,
    /// exponent letters and a space: accepted by [`shape`] exactly when
    /// the standard library accepts it.
    #[test]
    fn the_shape_check_accepts_exactly_what_the_standard_library_does() {
        let alphabet: Vec<char> = "019.eE+- _".chars().collect();
        let mut strings = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = strings
                .iter()
                .filter(|s| s.len() == strings.last().map_or(0, |l| l.len()))
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        assert!(strings.len() > 100_000);
        let words = [
            "inf", "INF", "Infinity", "infinity", "iNfInItY", "nan", "NaN", "NAN", "infin", "na",
            "in", "-inf", "+nan", "-NaN", "1x", "0x10", "1_0", " 1", "1 ", "\u{663}",
        ];
        for s in strings.iter().map(String::as_str).chain(words) {
            assert_eq!(shape(s).is_some(), s.parse::<f64>().is_ok(), "`{s}`");
        }
    }

    #[test]
    fn parses_as_the_standard_library_does_to_the_bit() {
        for s in [
            "0", "-0", "1e400", "-1e-400", "5.", ".5", "-inf", "-nan", "NaN", "0.1", "1e-7",
        ] {
            let ours = parse_f64(s).unwrap();
            let std: f64 = s.parse().unwrap();
            assert_eq!(ours.to_bits(), std.to_bits(), "`{s}`");
        }
    }

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
