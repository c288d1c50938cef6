//! The share-link codec: a whole scenario in the URL fragment.
//!
//! A fragment is `v=1&preset=sandwell-2012&seed=2012&paths=10000&horizon=60`
//! followed by only the values that differ from the named preset, each under
//! its registry key (`wf.agency=0.3`, `o2.ctr.value=1400000`). A range is
//! `low,likely,high`; option names and routes are `o1.name=...` and
//! `o1.route=in_source`; `options=3` sets the option count when it differs.
//!
//! Decoding never fails and never panics: every value it understands is
//! applied, and each thing it ignored comes back as a [`Warning`] saying what
//! and why. Links of every released format version keep opening: older
//! versions are migrated in [`migrate`] before decoding.

use crate::params::{self, Kind, Value};
use turnaround_engine::{
    presets::{preset, PresetId},
    validate, ErrorKind, FieldId, Range, Route, ScenarioError, ScenarioInput,
};

/// The format version this build writes. Version 1 was written under model
/// 2 (two options per preset); version 2 under model 3 (three).
pub const FORMAT_VERSION: u32 = 2;

/// Said when a link made under model 2 is opened.
pub const MODEL_2_NOTE: &str = "This link was made with an earlier model (model 2). Every value in it was kept, but the figures now follow model 3: what separates the routes is uncertain, the contract can cost more than its fee, and savings can unwind. Values the link did not set take model 3's preset values, so the numbers differ from when the link was made.";

/// Longest fragment accepted; longer input is cut here before decoding.
pub const MAX_FRAGMENT: usize = 8_000;

/// Most options a scenario can hold (the engine's limit).
pub use turnaround_engine::MAX_OPTIONS;

/// Something in a link that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The part of the link concerned (a key, or the whole link).
    pub what: String,
    /// Why it was ignored, in words a user can act on.
    pub why: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.what, self.why)
    }
}

/// The result of opening a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The preset the link builds on.
    pub preset: PresetId,
    /// The scenario with every valid value applied. Always valid.
    pub input: ScenarioInput,
    /// What was ignored, and why. Empty for a clean link.
    pub warnings: Vec<Warning>,
    /// The council whose own figures the scenario starts from (`la=`), if any.
    pub council: Option<String>,
    /// Things worth knowing that are not problems (a link made under an
    /// earlier model), in words.
    pub notes: Vec<String>,
}

/// The scenario a link's values are written against: the preset, or, for a
/// current council, the England 2024 preset with the council's figures.
pub fn base_scenario(preset_id: PresetId, council: Option<&str>) -> ScenarioInput {
    let data = crate::councils::data();
    match council.and_then(|code| data.council(code)) {
        Some(c) => crate::councils::scenario(data, c).0,
        None => preset(preset_id),
    }
}

/// Encodes a scenario as a fragment (without the leading `#`), writing only
/// what differs from `preset`.
pub fn encode(preset_id: PresetId, input: &ScenarioInput) -> String {
    encode_for(preset_id, None, input)
}

/// Encodes a scenario that starts from a council's own figures (`la=CODE`),
/// writing only what differs from that council's scenario.
pub fn encode_for(preset_id: PresetId, council: Option<&str>, input: &ScenarioInput) -> String {
    let base = base_scenario(preset_id, council);
    let mut parts: Vec<String> = vec![
        format!("v={FORMAT_VERSION}"),
        format!("preset={}", preset_id.id()),
        format!("seed={}", input.simulation.seed),
        format!("paths={}", input.simulation.paths),
        format!("horizon={}", input.simulation.horizon_months),
    ];
    if let Some(code) = council {
        parts.insert(2, format!("la={}", escape(code)));
    }
    if input.options.len() != base.options.len() {
        parts.push(format!("options={}", input.options.len()));
    }
    for (i, option) in input.options.iter().enumerate() {
        let base_option = base.options.get(i).unwrap_or(&base.options[0]);
        if option.name != base_option.name || i >= base.options.len() {
            parts.push(format!("o{}.name={}", i + 1, escape(&option.name)));
        }
        if option.route != base_option.route || i >= base.options.len() {
            parts.push(format!("o{}.route={}", i + 1, route_id(option.route)));
        }
    }
    let changes = params::changes(&base, input);
    let mut written_for_all: Vec<FieldId> = Vec::new();
    for change in &changes {
        let param = change.param;
        if matches!(
            param.field,
            FieldId::Seed | FieldId::Paths | FieldId::Horizon
        ) || written_for_all.contains(&param.field)
        {
            continue;
        }
        // A per-option value changed alike in every option is written once as `o.key`.
        if param.per_option() && input.options.len() > 1 {
            let same_everywhere = (0..input.options.len()).all(|i| {
                param.get(input, i) == Some(change.current)
                    && changes.iter().any(|c| c.param == param && c.option == i)
            });
            if same_everywhere {
                written_for_all.push(param.field);
                parts.push(format!(
                    "o.{}={}",
                    param.key(),
                    format_value(&change.current)
                ));
                continue;
            }
        }
        parts.push(format!(
            "{}={}",
            param.url_key(change.option),
            format_value(&change.current)
        ));
    }
    parts.join("&")
}

/// Decodes a fragment (with or without the leading `#`). Empty input gives
/// the default preset with no warnings.
pub fn decode(fragment: &str) -> Decoded {
    let mut warnings = Vec::new();
    let mut fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        let mut cut = MAX_FRAGMENT;
        while !fragment.is_char_boundary(cut) {
            cut -= 1;
        }
        fragment = &fragment[..cut];
        warnings.push(Warning {
            what: "link".into(),
            why: format!("longer than {MAX_FRAGMENT} characters; the rest was ignored"),
        });
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    for piece in fragment.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
        match (unescape(k), unescape(v)) {
            (Some(k), Some(v)) => pairs.push((k, v)),
            _ => warnings.push(Warning {
                what: shorten(piece),
                why: "not valid percent-encoding".into(),
            }),
        }
    }
    let version = match take(&mut pairs, "v") {
        None if pairs.is_empty() => FORMAT_VERSION,
        None => {
            warnings.push(Warning {
                what: "v".into(),
                why: format!("no format version; read as version {FORMAT_VERSION}"),
            });
            FORMAT_VERSION
        }
        Some(v) => match v.parse::<u32>() {
            Ok(n) if (1..=FORMAT_VERSION).contains(&n) => n,
            Ok(n) if n > FORMAT_VERSION => {
                warnings.push(Warning {
                    what: format!("v={n}"),
                    why: format!(
                        "made by a newer version of Turnaround (this one reads up to {FORMAT_VERSION}); values this version understands were applied"
                    ),
                });
                n
            }
            _ => {
                warnings.push(Warning {
                    what: format!("v={}", shorten(&v)),
                    why: format!("not a format version; read as version {FORMAT_VERSION}"),
                });
                FORMAT_VERSION
            }
        },
    };
    let (pairs, notes) = migrate(version, pairs);
    let mut decoded = decode_pairs(pairs, warnings);
    decoded.notes = notes;
    decoded
}

/// Brings key/value pairs written by an older format version up to the
/// current one, oldest step first, with a note for the user where the
/// meaning of the figures changed. Add a step here (and a fixture test in
/// `tests/codec.rs`) whenever a key is renamed or a meaning changes.
pub fn migrate(
    version: u32,
    mut pairs: Vec<(String, String)>,
) -> (Vec<(String, String)>, Vec<String>) {
    let mut notes = Vec::new();
    if version < 2 {
        // Version 1 (model 2): every preset had two options, so a link that
        // did not say how many meant two; model 3's presets have three.
        if !pairs.iter().any(|(k, _)| k == "options") {
            pairs.push(("options".into(), "2".into()));
        }
        // Fields that became ranges read a single number as a fixed range,
        // so every value of a version-1 link is kept as it was.
        notes.push(MODEL_2_NOTE.to_string());
    }
    (pairs, notes)
}

fn decode_pairs(mut pairs: Vec<(String, String)>, mut warnings: Vec<Warning>) -> Decoded {
    let preset_id = match take(&mut pairs, "preset") {
        None => PresetId::Sandwell2012,
        Some(id) => PresetId::from_id(&id).unwrap_or_else(|| {
            warnings.push(Warning {
                what: format!("preset={}", shorten(&id)),
                why: format!(
                    "unknown preset; opened {} instead",
                    PresetId::Sandwell2012.label()
                ),
            });
            PresetId::Sandwell2012
        }),
    };
    let council = take(&mut pairs, "la").and_then(|code| {
        let data = crate::councils::data();
        match data.council(&code) {
            Some(c) => Some(c.code.clone()),
            None => {
                warnings.push(Warning {
                    what: format!("la={}", shorten(&code)),
                    why: data.unknown_message(&code),
                });
                None
            }
        }
    });
    let preset_id = match council {
        Some(_) if preset_id != PresetId::England2024 => {
            warnings.push(Warning {
                what: format!("preset={}", preset_id.id()),
                why: format!(
                    "a council's figures start from the {} preset; opened that",
                    PresetId::England2024.label()
                ),
            });
            PresetId::England2024
        }
        _ => preset_id,
    };
    let base = base_scenario(preset_id, council.as_deref());
    let mut input = base.clone();

    if let Some(n) = take(&mut pairs, "options") {
        match n.parse::<usize>() {
            Ok(n) if (1..=MAX_OPTIONS).contains(&n) => resize_options(&mut input, n),
            _ => warnings.push(Warning {
                what: format!("options={}", shorten(&n)),
                why: format!("must be a whole number from 1 to {MAX_OPTIONS}"),
            }),
        }
    }

    let mut applied: Vec<(String, &'static params::ParamDef, usize)> = Vec::new();
    for (key, raw) in pairs {
        let (target, bare) = split_option(&key);
        let shown = format!("{}={}", shorten(&key), shorten(&raw));
        let options: Vec<usize> = match target {
            Target::Bad => {
                warnings.push(Warning {
                    what: shown,
                    why: "no such option".into(),
                });
                continue;
            }
            Target::One(i) if i >= input.options.len() => {
                warnings.push(Warning {
                    what: shown,
                    why: format!("the scenario has {} options", input.options.len()),
                });
                continue;
            }
            Target::One(i) => vec![i],
            Target::All => (0..input.options.len()).collect(),
            Target::Shared => vec![0],
        };
        if target != Target::Shared && matches!(bare, "name" | "route") {
            for &i in &options {
                if bare == "name" {
                    match crate::state::check_option_name(&raw) {
                        Ok(name) => input.options[i].name = name,
                        Err(_) => {
                            warnings.push(Warning {
                                what: shown.clone(),
                                why: format!(
                                    "an option name must be 1 to {} characters, with no line breaks",
                                    turnaround_engine::MAX_NAME_CHARS
                                ),
                            });
                            break;
                        }
                    }
                } else if let Some(route) = parse_route(&raw) {
                    input.options[i].route = route;
                } else {
                    warnings.push(Warning {
                        what: shown.clone(),
                        why: "route must be recruit, in_source or interim_chain".into(),
                    });
                    break;
                }
            }
            continue;
        }
        let Some(param) = params::find(bare) else {
            warnings.push(Warning {
                what: shown,
                why: "not a setting this version knows".into(),
            });
            continue;
        };
        if param.per_option() == (target == Target::Shared) {
            let why = if param.per_option() {
                format!(
                    "belongs to an option: write it as o1.{} (or o.{} for all)",
                    param.key(),
                    param.key()
                )
            } else {
                "is shared by all options: write it without an option prefix".to_string()
            };
            warnings.push(Warning { what: shown, why });
            continue;
        }
        let value = match parse_value(&raw, param.kind()) {
            Some(v) => v,
            None => {
                warnings.push(Warning {
                    what: shown,
                    why: if param.kind() == Kind::Range {
                        "expected a number or low,likely,high".into()
                    } else {
                        "expected a number".into()
                    },
                });
                continue;
            }
        };
        match param.check_kind(&value) {
            Ok(v) => {
                for i in options {
                    param.set(&mut input, i, v);
                    applied.push((shown.clone(), param, i));
                }
            }
            Err(kind) => {
                let field = param.field_at(options.first().copied().unwrap_or(0));
                let mut why = crate::explain::explain(&ScenarioError::new(field, kind));
                if options.len() > 1 {
                    // `o.key` applies to every option: don't name just one.
                    why = why.replacen(" (option 1)", "", 1);
                }
                warnings.push(Warning { what: shown, why });
            }
        }
    }

    // Values can be valid one by one yet invalid together (a placement mix
    // that no longer sums to 100%). Undo the values behind each error.
    for _ in 0..=applied.len() {
        let Err(err) = validate(&input) else { break };
        let culprits: Vec<usize> = applied
            .iter()
            .enumerate()
            .filter(|(_, (_, p, i))| involves(&err, &input, p, *i))
            .map(|(n, _)| n)
            .collect();
        if culprits.is_empty() {
            // Nothing we applied explains it: fall back to the preset.
            warnings.push(Warning {
                what: "link".into(),
                why: format!("the values together were invalid ({err}); opened the preset"),
            });
            input = base.clone();
            break;
        }
        for n in culprits.into_iter().rev() {
            let (shown, param, i) = applied.remove(n);
            if let Some(v) = param.get(&base, crate::params::baseline_option(&base, i)) {
                param.set(&mut input, i, v);
            }
            warnings.push(Warning {
                what: shown,
                why: format!(
                    "ignored, because together with the other values: {}",
                    crate::explain::explain(&err)
                ),
            });
        }
    }
    Decoded {
        preset: preset_id,
        input,
        warnings,
        council,
        notes: Vec::new(),
    }
}

/// True when an engine error concerns this parameter for this option: its
/// own field, or a rule over several fields that it takes part in (every
/// mix share in the sum; the source type's share in the planned shift).
fn involves(
    err: &ScenarioError,
    input: &ScenarioInput,
    param: &params::ParamDef,
    option: usize,
) -> bool {
    let Some(field) = err.field else {
        return false;
    };
    let mine = param.field_at(option);
    match err.kind {
        ErrorKind::MixDoesNotSumToOne { .. } => param.rebalance == params::Rebalance::Mix,
        ErrorKind::ShiftExceedsSource { .. } => {
            param.field == FieldId::ShiftShare
                || (param.field == FieldId::PlacementMix
                    && mine.index == Some(input.context.placements.shift.from.index()))
        }
        _ => {
            field.id == mine.id
                && (field.index.is_none() || field.index == mine.index)
                && (field.option.is_none() || field.option == mine.option)
        }
    }
}

/// Grows or shrinks the option list; new options copy the first one.
pub fn resize_options(input: &mut ScenarioInput, n: usize) {
    let n = n.clamp(1, MAX_OPTIONS);
    while input.options.len() > n {
        input.options.pop();
    }
    while input.options.len() < n {
        let mut extra = input.options[0].clone();
        extra.name = format!("Option {}", input.options.len() + 1);
        input.options.push(extra);
    }
}

fn take(pairs: &mut Vec<(String, String)>, key: &str) -> Option<String> {
    let pos = pairs.iter().position(|(k, _)| k == key)?;
    Some(pairs.remove(pos).1)
}

/// Which options a key addresses.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    /// A shared (context or simulation) value: `wf.fte`.
    Shared,
    /// One option: `o2.ctr.value` is option index 1.
    One(usize),
    /// Every option alike: `o.ctr.value`.
    All,
    /// An option number out of range: `o9.ctr.value`.
    Bad,
}

fn split_option(key: &str) -> (Target, &str) {
    if let Some(bare) = key.strip_prefix("o.") {
        return (Target::All, bare);
    }
    if let Some(rest) = key.strip_prefix('o') {
        if let Some((num, bare)) = rest.split_once('.') {
            if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) {
                return match num.parse::<usize>() {
                    Ok(n) if (1..=MAX_OPTIONS).contains(&n) => (Target::One(n - 1), bare),
                    _ => (Target::Bad, bare),
                };
            }
        }
    }
    (Target::Shared, key)
}

fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_NUMBER_CHARS {
        return None;
    }
    // `+ 0.0` turns -0 into 0: the writer leaves out values equal to the
    // preset's, and -0 == 0, so a -0 would not survive a round trip.
    crate::text::parse_f64(s)
        .filter(|v| v.is_finite())
        .map(|v| v + 0.0)
}

fn parse_value(raw: &str, kind: Kind) -> Option<Value> {
    let parts: Vec<&str> = raw.split(',').collect();
    match (kind, parts.as_slice()) {
        (Kind::Range, [low, likely, high]) => Some(Value::Range(Range::new(
            parse_number(low)?,
            parse_number(likely)?,
            parse_number(high)?,
        ))),
        (Kind::Range, [v]) => {
            let v = parse_number(v)?;
            Some(Value::Range(Range::new(v, v, v)))
        }
        (Kind::Scalar | Kind::Integer, [v]) => Some(Value::Scalar(parse_number(v)?)),
        _ => None,
    }
}

/// Longest number the reader accepts, in characters. Every finite f64 fits
/// in its shortest exact form (at most 24 characters: `-1.2345678901234567e-308`).
pub const MAX_NUMBER_CHARS: usize = 32;

/// A number as the link writes it: the fewest digits that read back to the
/// same f64, plain (`0.25`, `1400000`) or with an exponent where plain would
/// be long (`1e-31`, not 33 characters of zeros). Rust's `{}` and `{:e}`
/// both give the fewest digits that round-trip, so either reads back exactly,
/// and the exponent form of any f64 fits in [`MAX_NUMBER_CHARS`].
pub fn format_number(v: f64) -> String {
    let plain = format!("{v}");
    let exp = format!("{v:e}");
    // Plain unless the exponent form is much shorter: `1400000` stays
    // readable, `0.0000001` becomes `1e-7`.
    if exp.len() + 3 < plain.len() {
        exp
    } else {
        plain
    }
}

/// A value as the link writes it (see [`format_number`]).
fn format_value(value: &Value) -> String {
    match value {
        Value::Scalar(v) => format_number(*v),
        Value::Range(r) if r.low == r.likely && r.likely == r.high => format_number(r.likely),
        Value::Range(r) => format!(
            "{},{},{}",
            format_number(r.low),
            format_number(r.likely),
            format_number(r.high)
        ),
    }
}

/// The link id of a route.
pub fn route_id(route: Route) -> &'static str {
    match route {
        Route::Recruit => "recruit",
        Route::InSource => "in_source",
        Route::InterimChain => "interim_chain",
    }
}

/// Parses a route's link id.
pub fn parse_route(s: &str) -> Option<Route> {
    match s {
        "recruit" => Some(Route::Recruit),
        "in_source" => Some(Route::InSource),
        "interim_chain" => Some(Route::InterimChain),
        _ => None,
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-encoding (and `+` as a space); `None` for broken escapes
/// or bytes that are not UTF-8.
pub fn unescape(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Keeps warnings readable when a hostile link carries huge values.
fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// The chart an embedded view shows (`chart=` in the query string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum EmbedChart {
    /// The difference in total spend between the first pair of options.
    #[default]
    Difference,
    /// Cumulative spend, every option.
    Cumulative,
    /// Mean annual spend by category.
    Annual,
    /// Agency share of social workers.
    Agency,
}

impl EmbedChart {
    /// Every chart an embed can show, in the picker's order.
    pub const ALL: [EmbedChart; 4] = [
        EmbedChart::Difference,
        EmbedChart::Cumulative,
        EmbedChart::Annual,
        EmbedChart::Agency,
    ];

    /// Its id in the link.
    pub fn id(self) -> &'static str {
        match self {
            EmbedChart::Difference => "difference",
            EmbedChart::Cumulative => "cumulative",
            EmbedChart::Annual => "annual",
            EmbedChart::Agency => "agency",
        }
    }

    /// Its name in words, for the picker.
    pub fn label(self) -> &'static str {
        match self {
            EmbedChart::Difference => "Difference in total spend",
            EmbedChart::Cumulative => "Cumulative spend",
            EmbedChart::Annual => "Annual spend by category",
            EmbedChart::Agency => "Agency share of social workers",
        }
    }

    /// The chart with this link id.
    pub fn from_id(id: &str) -> Option<EmbedChart> {
        EmbedChart::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// How the page is viewed, from the query string (`?present=1&large=1`,
/// `?embed=1&chart=cumulative`); the fragment holds the scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    /// Presentation mode.
    pub present: bool,
    /// Large type, for a projector.
    pub large: bool,
    /// The compact view for an iframe: the verdict and one chart.
    pub embed: bool,
    /// The chart the compact view shows.
    pub chart: EmbedChart,
}

/// Reads the view settings from a query string (with or without `?`). Like
/// [`decode`], never fails: a value it cannot read is left at its default
/// and comes back as a [`Warning`]. Keys it does not know are left alone
/// (they may belong to whatever serves the page).
pub fn decode_view(search: &str) -> (View, Vec<Warning>) {
    let mut view = View::default();
    let mut warnings = Vec::new();
    let search = search.strip_prefix('?').unwrap_or(search);
    for piece in search.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
        let (Some(k), Some(v)) = (unescape(k), unescape(v)) else {
            continue;
        };
        let flag = match k.as_str() {
            "present" => &mut view.present,
            "large" => &mut view.large,
            "embed" => &mut view.embed,
            "chart" => {
                match EmbedChart::from_id(&v) {
                    Some(c) => view.chart = c,
                    None => warnings.push(Warning {
                        what: format!("chart={}", shorten(&v)),
                        why: "unknown chart; showing the difference chart (choose difference, cumulative, annual, agency)".into(),
                    }),
                }
                continue;
            }
            _ => continue,
        };
        match v.as_str() {
            "1" => *flag = true,
            "0" => *flag = false,
            _ => warnings.push(Warning {
                what: format!("{k}={}", shorten(&v)),
                why: format!(
                    "must be 1 (on) or 0 (off); left {}",
                    if *flag { "on" } else { "off" }
                ),
            }),
        }
    }
    if !view.embed {
        // The chart belongs to the embedded view only.
        view.chart = EmbedChart::default();
    }
    (view, warnings)
}

/// The query string for a view (`?embed=1&chart=annual`), empty when every
/// setting is at its default. `chart=` is written only for an embed.
pub fn encode_view(view: &View) -> String {
    let mut parts: Vec<String> = Vec::new();
    if view.present {
        parts.push("present=1".into());
    }
    if view.large {
        parts.push("large=1".into());
    }
    if view.embed {
        parts.push("embed=1".into());
        if view.chart != EmbedChart::default() {
            parts.push(format!("chart={}", view.chart.id()));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The size an embed snippet asks for, in CSS pixels: room for the verdict
/// and one chart with its axes (a three-option verdict runs to five lines).
pub const EMBED_SIZE: (u32, u32) = (600, 560);

/// The address of the embedded view of a scenario: `page` (origin and path)
/// with `?embed=1` (and the chart) and the fragment.
pub fn embed_src(page: &str, fragment: &str, chart: EmbedChart) -> String {
    let view = View {
        embed: true,
        chart,
        ..View::default()
    };
    format!("{page}{}#{fragment}", encode_view(&view))
}

/// A ready-made `<iframe>` for the embedded view, attributes escaped.
pub fn embed_snippet(page: &str, fragment: &str, chart: EmbedChart, title: &str) -> String {
    let attr = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let (w, h) = EMBED_SIZE;
    format!(
        r#"<iframe src="{}" title="{}" width="{w}" height="{h}" loading="lazy"></iframe>"#,
        attr(&embed_src(page, fragment, chart)),
        attr(&format!("Turnaround: {title}"))
    )
}
