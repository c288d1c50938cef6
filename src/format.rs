//! Every number the page, its charts and its exports show, in one module:
//! pounds as a UK finance officer expects them (thousands separators, `m`
//! and `k` for large sums, a leading minus, never `-0`), percentages, axis
//! ticks, number boxes and exact plain decimals for CSV files.

use crate::params::Unit;

/// A number without trailing zeros, to at most six decimals (messages, bounds,
/// number boxes): `0.25`, `41000`, `-3.5`. Never `-0`.
pub fn trim(v: f64) -> String {
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Pounds in short form, the one money style of the page, its charts and
/// its exports: three significant figures below £10m (`£1.23m`, `£850k`,
/// `£7.5k`), one decimal of millions above (`£216.8m`), `£1.50bn`; a leading
/// minus for negatives; amounts under 50p are `£0` (never `-£0`); values that
/// are not finite are `–`. Rounding never shows `£1000k`.
pub fn money(v: f64) -> String {
    gbp(
        v,
        [999.995e6, 999.5e3, 999.5],
        |scaled, suffix| match suffix {
            "bn" => format!("{scaled:.2}"),
            "m" if scaled >= 9.995 => format!("{scaled:.1}"),
            "m" => format!("{scaled:.2}"),
            "k" if scaled >= 9.95 => format!("{scaled:.0}"),
            "k" => format!("{scaled:.1}"),
            _ => format!("{scaled:.0}"),
        },
    )
}

/// Pounds in full with thousands separators: `£1,150,000`.
pub fn money_full(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    format!("{sign}£{}", thousands(v.abs().round() as u64))
}

/// A whole number with thousands separators: `10,000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A probability or share as a percentage with no decimals: `73%`.
pub fn percent(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    format!("{:.0}%", v * 100.0)
}

/// A Monte Carlo error on a percentage: `±0.4 pts`.
pub fn percent_error(v: f64) -> String {
    format!("±{:.1} pts", v * 100.0)
}

/// A value in its parameter's unit, for number boxes and lists:
/// `£41,000`, `25%`, `6 months`.
pub fn in_unit(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Gbp | Unit::GbpPerYear | Unit::GbpPerWeek | Unit::GbpPerDay => {
            let tail = match unit {
                Unit::GbpPerYear => "/yr",
                Unit::GbpPerWeek => "/wk",
                Unit::GbpPerDay => "/day",
                _ => "",
            };
            format!("{}{tail}", money_full(v))
        }
        Unit::Percent | Unit::PercentPerYear => {
            let tail = if unit == Unit::PercentPerYear {
                "/yr"
            } else {
                ""
            };
            format!("{}%{tail}", trim((v * 1000.0).round() / 10.0))
        }
        Unit::Count | Unit::Year if v >= 0.0 => {
            if unit == Unit::Year {
                format!("{v:.0}")
            } else {
                thousands(v.round() as u64)
            }
        }
        _ => {
            let s = trim((v * 1000.0).round() / 1000.0);
            match unit.suffix() {
                "" => s,
                suffix => format!("{s} {suffix}"),
            }
        }
    }
}

/// A value as its number box shows it: display units, thousands separated
/// for large whole amounts and counts (`160,000`), as typed input reads back.
pub fn in_box(v: f64, unit: Unit) -> String {
    let d = (v * unit.display_factor() * 1e6).round() / 1e6;
    let grouped = matches!(
        unit,
        Unit::Gbp | Unit::GbpPerYear | Unit::GbpPerWeek | Unit::GbpPerDay | Unit::Count | Unit::Fte
    );
    if grouped && d.abs() >= 1_000.0 && d.fract() == 0.0 {
        let s = thousands(d.abs() as u64);
        if d < 0.0 {
            format!("-{s}")
        } else {
            s
        }
    } else {
        trim(d)
    }
}

/// A number as the shortest plain decimal that reads back exactly, for CSV
/// files (empty when not finite; never an exponent; never `-0`).
pub fn exact(v: f64) -> String {
    if v.is_finite() {
        // Rust's float Display is the shortest exact decimal, never an exponent.
        let s = format!("{v}");
        if s == "-0" {
            "0".into()
        } else {
            s
        }
    } else {
        String::new()
    }
}

/// Axis tick label for a GBP amount that is a multiple of a "nice" step:
/// exact, with as few decimals as the value needs (at most 3), so ticks
/// never collapse to the same text (`"£12.5m"`, `"£250k"`, `"£0"`).
pub fn money_tick(v: f64) -> String {
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
pub fn percent_tick(v: f64) -> String {
    if !v.is_finite() {
        return "\u{2013}".to_string();
    }
    let p = v * 100.0;
    let p = if p.abs() < 1e-9 { 0.0 } else { p };
    format!("{}%", minimal_decimals(p, 2))
}

/// Plain number with as few decimals as needed (at most `max_dec`).
pub fn number_tick(v: f64) -> String {
    if !v.is_finite() {
        return "\u{2013}".to_string();
    }
    let v = if v.abs() < 1e-9 { 0.0 } else { v };
    minimal_decimals(v, 2)
}

fn minimal_decimals(x: f64, max_dec: usize) -> String {
    for d in 0..=max_dec {
        let s = format!("{x:.d$}");
        let back: f64 = crate::text::parse_f64(&s).unwrap_or(x);
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
    fn money_has_one_style() {
        assert_eq!(money(0.0), "£0");
        assert_eq!(money(-0.2), "£0");
        assert_eq!(money(1_234_000.0), "£1.23m");
        assert_eq!(money(-300_000.0), "-£300k");
        assert_eq!(money(12_340_000.0), "£12.3m");
        assert_eq!(money(7_500.0), "£7.5k");
        assert_eq!(money(f64::NAN), "\u{2013}");
    }

    #[test]
    fn ticks_are_exact() {
        assert_eq!(money_tick(12_500_000.0), "£12.5m");
        assert_eq!(money_tick(-250_000.0), "-£250k");
        assert_eq!(percent_tick(0.125), "12.5%");
        assert_eq!(percent_tick(0.25), "25%");
        assert_eq!(number_tick(40.0), "40");
    }

    #[test]
    fn exact_and_trim_never_show_minus_zero() {
        assert_eq!(exact(1234567.5), "1234567.5");
        assert_eq!(exact(1e-7), "0.0000001");
        assert_eq!(exact(-0.0), "0");
        assert_eq!(exact(f64::NAN), "");
        assert_eq!(trim(-0.0000001), "0");
        assert_eq!(in_box(160_000.0, Unit::GbpPerYear), "160,000");
        assert_eq!(in_box(0.25, Unit::Percent), "25");
    }
}
