//! Short number formats for chart axes and readouts.

/// Short GBP amount for labels and readouts: `"£0"`, `"£300"`, `"£7.5k"`,
/// `"£850k"`, `"£1.2m"`, `"£50m"`, `"£180m"`, `"£1.5bn"`, and a leading
/// minus for negatives (`"-£300k"`). Below ten units of the chosen scale one
/// decimal is kept (`"£1.2m"`), above it none (`"£12m"`); a trailing `.0`
/// is dropped (`"£2m"`). Amounts under 50p show as `"£0"`; a value that is
/// not finite shows as `"–"`.
pub fn money_short(v: f64) -> String {
    // Round up to the next unit where rounding would show "£1000k".
    gbp(v, [999.5e6, 999.5e3, 999.5], |scaled, suffix| {
        if suffix.is_empty() || scaled >= 9.95 {
            format!("{scaled:.0}")
        } else {
            trim_zero(format!("{scaled:.1}"))
        }
    })
}

/// Axis tick label for a GBP amount that is a multiple of a "nice" step:
/// exact, with as few decimals as the value needs (at most 3), so ticks
/// never collapse to the same text (`"£12.5m"`, `"£250k"`, `"£0"`).
pub(crate) fn money_tick(v: f64) -> String {
    gbp(v, [1e9, 1e6, 1e3], |scaled, _| minimal_decimals(scaled, 3))
}

/// Signed pounds in bn / m / k: `from` holds the amounts at which each unit
/// starts (bn, m, k); `body` writes the scaled number. Not finite shows as
/// `"–"`, under 50p as `"£0"`.
fn gbp(v: f64, from: [f64; 3], body: impl Fn(f64, &str) -> String) -> String {
    if !v.is_finite() {
        return "\u{2013}".to_string();
    }
    let a = v.abs();
    if a < 0.5 {
        return "£0".to_string();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let (scaled, suffix) = if a >= from[0] {
        (a / 1e9, "bn")
    } else if a >= from[1] {
        (a / 1e6, "m")
    } else if a >= from[2] {
        (a / 1e3, "k")
    } else {
        (a, "")
    };
    format!("{sign}£{}{suffix}", body(scaled, suffix))
}

/// Axis tick label for a share in 0..=1 shown as a percentage (`"25%"`,
/// `"12.5%"`).
pub(crate) fn percent_tick(v: f64) -> String {
    if !v.is_finite() {
        return "\u{2013}".to_string();
    }
    let p = v * 100.0;
    let p = if p.abs() < 1e-9 { 0.0 } else { p };
    format!("{}%", minimal_decimals(p, 2))
}

/// Plain number with as few decimals as needed (at most `max_dec`).
pub(crate) fn number_tick(v: f64) -> String {
    if !v.is_finite() {
        return "\u{2013}".to_string();
    }
    let v = if v.abs() < 1e-9 { 0.0 } else { v };
    minimal_decimals(v, 2)
}

fn minimal_decimals(x: f64, max_dec: usize) -> String {
    for d in 0..=max_dec {
        let s = format!("{x:.d$}");
        let back: f64 = s.parse().unwrap_or(x);
        if (back - x).abs() <= 1e-6 * x.abs().max(1.0) {
            return s;
        }
    }
    trim_zero(format!("{x:.max_dec$}"))
}

fn trim_zero(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_short_cases() {
        assert_eq!(money_short(0.0), "£0");
        assert_eq!(money_short(1_200_000.0), "£1.2m");
        assert_eq!(money_short(-300_000.0), "-£300k");
        assert_eq!(money_short(999_600.0), "£1m");
        assert_eq!(money_short(9_960_000.0), "£10m");
        assert_eq!(money_short(7_500.0), "£7.5k");
    }

    #[test]
    fn ticks_are_exact() {
        assert_eq!(money_tick(12_500_000.0), "£12.5m");
        assert_eq!(money_tick(-250_000.0), "-£250k");
        assert_eq!(percent_tick(0.125), "12.5%");
        assert_eq!(percent_tick(0.25), "25%");
        assert_eq!(number_tick(40.0), "40");
    }
}
