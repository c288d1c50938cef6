//! Number formatting as a UK finance officer expects: pounds with thousands
//! separators, `m` and `k` for large sums, a leading minus for negatives.

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

/// Pounds in short form: `£1.23m`, `£850k`, `-£12.4m`, `£0`.
pub fn money(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    if a >= 1e9 {
        format!("{sign}£{:.2}bn", a / 1e9)
    } else if a >= 1e7 {
        format!("{sign}£{:.1}m", a / 1e6)
    } else if a >= 1e6 {
        format!("{sign}£{:.2}m", a / 1e6)
    } else if a >= 1e4 {
        format!("{sign}£{:.0}k", a / 1e3)
    } else if a >= 1e3 {
        format!("{sign}£{:.1}k", a / 1e3)
    } else {
        format!("{sign}£{:.0}", a)
    }
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
