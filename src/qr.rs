//! The share link as a QR code: a pure function from text to modules, and
//! the runs of dark modules the share panel draws as SVG rects.

use qrcode::{Color, EcLevel, QrCode, Version};

/// Light modules around the code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// A QR code as a square of modules, quiet zone included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// QR version (1 to 40).
    pub version: i16,
    /// Modules per side of the symbol, without the quiet zone (17 + 4 x version).
    pub symbol: usize,
    /// Modules per side including the quiet zone on every side.
    pub size: usize,
    /// `size * size` modules, row by row; true is dark.
    pub dark: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// Every dark module as one SVG path: a `1`-high rectangle per run.
    pub fn path(&self) -> String {
        use std::fmt::Write;
        let mut d = String::new();
        for (x, y, w) in self.runs() {
            let _ = write!(d, "M{x} {y}h{w}v1h-{w}z");
        }
        d
    }

    /// Horizontal runs of dark modules as `(x, y, length)`, row by row.
    pub fn runs(&self) -> Vec<(usize, usize, usize)> {
        let mut runs = Vec::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.size && self.is_dark(x, y) {
                        x += 1;
                    }
                    runs.push((start, y, x - start));
                } else {
                    x += 1;
                }
            }
        }
        runs
    }
}

/// The QR code for `text` at medium error correction (low when that is the
/// only way it fits), or `None` when the text is too long for any QR code.
pub fn encode(text: &str) -> Option<QrMatrix> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
        .ok()?;
    let version = match code.version() {
        Version::Normal(v) => v,
        Version::Micro(v) => v,
    };
    let symbol = code.width();
    let size = symbol + 2 * QUIET_ZONE;
    let modules = code.to_colors();
    let mut dark = vec![false; size * size];
    for y in 0..symbol {
        for x in 0..symbol {
            dark[(y + QUIET_ZONE) * size + x + QUIET_ZONE] = modules[y * symbol + x] == Color::Dark;
        }
    }
    Some(QrMatrix {
        version,
        symbol,
        size,
        dark,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "http://127.0.0.1:8080/#v=1&preset=sandwell-2012&seed=2012&paths=10000&horizon=60&wf.agency=0.35";

    /// A finder pattern (7x7: dark ring, light ring, dark 3x3 core) with its
    /// top-left module at (x, y).
    fn is_finder(m: &QrMatrix, x: usize, y: usize) -> bool {
        (0..7).all(|dy| {
            (0..7).all(|dx| {
                let ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
                let core = (2..=4).contains(&dx) && (2..=4).contains(&dy);
                m.is_dark(x + dx, y + dy) == (ring || core)
            })
        })
    }

    #[test]
    fn dimensions_match_the_version() {
        let m = encode(LINK).unwrap();
        assert!((1..=40).contains(&m.version));
        assert_eq!(m.symbol, 17 + 4 * m.version as usize);
        assert_eq!(m.size, m.symbol + 2 * QUIET_ZONE);
        assert_eq!(m.dark.len(), m.size * m.size);
    }

    #[test]
    fn quiet_zone_is_light_and_finders_sit_inside_it() {
        let m = encode(LINK).unwrap();
        for i in 0..m.size {
            for q in 0..QUIET_ZONE {
                assert!(!m.is_dark(i, q) && !m.is_dark(q, i));
                assert!(!m.is_dark(i, m.size - 1 - q) && !m.is_dark(m.size - 1 - q, i));
            }
        }
        let far = QUIET_ZONE + m.symbol - 7;
        assert!(is_finder(&m, QUIET_ZONE, QUIET_ZONE));
        assert!(is_finder(&m, far, QUIET_ZONE));
        assert!(is_finder(&m, QUIET_ZONE, far));
        assert!(!is_finder(&m, far, far), "no finder bottom right");
        // Timing pattern along row 6 of the symbol alternates between finders.
        for x in 8..m.symbol - 8 {
            assert_eq!(m.is_dark(QUIET_ZONE + x, QUIET_ZONE + 6), x % 2 == 0);
        }
    }

    #[test]
    fn deterministic_and_sensitive_to_the_link() {
        assert_eq!(encode(LINK), encode(LINK));
        assert_ne!(encode(LINK), encode(&format!("{LINK}1")));
    }

    #[test]
    fn longer_links_need_bigger_codes_and_huge_ones_none() {
        let small = encode("https://x.test/#v=1").unwrap();
        let big = encode(&format!("{LINK}&{}", "o1.name=Option%20A&".repeat(40))).unwrap();
        assert!(big.version > small.version);
        assert!(encode(&"x".repeat(3000)).is_none());
    }

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let m = encode(LINK).unwrap();
        let runs = m.runs();
        let covered: usize = runs.iter().map(|r| r.2).sum();
        assert_eq!(covered, m.dark.iter().filter(|d| **d).count());
        for &(x, y, len) in &runs {
            assert!((x..x + len).all(|i| m.is_dark(i, y)));
            assert!(x == 0 || !m.is_dark(x - 1, y));
        }
        // The path draws exactly those runs, one closed rectangle each.
        let d = m.path();
        assert_eq!(d.matches('M').count(), runs.len());
        let (x, y, w) = runs[0];
        assert!(d.starts_with(&format!("M{x} {y}h{w}v1h-{w}z")), "{d}");
    }
}
