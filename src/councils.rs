//! Every English council's own official figures, and the scenario that
//! starts from them (pure; no web dependencies).
//!
//! The data is `src/data/councils.tsv`, written by
//! `scripts/councils_data.py` from DfE tables published under the Open
//! Government Licence v3 (see the README). Each cell is `year:value`, or
//! several of them oldest first (a series), or empty when DfE shows no
//! figure.
//!
//! A council's scenario is the England 2024 preset with these fields filled
//! from the council's own figures, each with its source
//! ("DfE, <table>, <year>, <council>"):
//!
//! - **Social worker establishment** = social workers in post + agency
//!   social workers (FTE). The model fills every funded post with either a
//!   permanent or an agency worker, which is exactly DfE's agency-rate
//!   denominator; DfE's vacancies (some of them covered by the agency
//!   workers) are shown for scale, not added, so no post is counted twice.
//! - **Starting agency share** = agency FTE / establishment (DfE's agency
//!   rate when both figures are of the same year).
//! - **Base turnover** = DfE turnover, likely the latest year, low and high
//!   the council's lowest and highest of the last five years.
//! - **Children looked after** at 31 March, latest year.
//! - **Net growth**: likely the council's average annual growth over the
//!   last five years (at least three years of figures); the range is that
//!   trend plus or minus the larger of the England preset's spread and the
//!   council's own year-to-year swing (standard deviation of its annual
//!   changes).
//!
//! Everything else keeps the England 2024 default, and says so: in
//! particular the placement mix, because the extracted data has no
//! council-level placement-type table.

use std::sync::OnceLock;

use turnaround_engine::presets::{preset, source, PresetId};
use turnaround_engine::{FieldId, PlacementKind, Range, ScenarioInput};

use crate::text::{lowercase, parse_f64};

/// The committed data file.
pub const DATA: &str = include_str!("data/councils.tsv");

/// The England row's code.
pub const ENGLAND: &str = "E92000001";

/// A figure the data file holds for each council.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    /// Social workers in post, FTE.
    SwFte,
    /// Agency social workers, FTE.
    AgencyFte,
    /// Agency FTE as a percentage of in post + agency FTE.
    AgencyRate,
    /// Leavers as a percentage of in post FTE (last five years).
    Turnover,
    /// Vacancies, FTE.
    VacancyFte,
    /// Vacancies as a percentage of in post + vacancy FTE.
    VacancyRate,
    /// Cases per case-holding FTE.
    Caseload,
    /// Children looked after at 31 March (2019 to 2024).
    Cla,
    /// Children looked after per 10,000 children.
    ClaRate,
    /// Residential care spend, GBP, financial year ending in the year shown.
    ResSpend,
}

impl Figure {
    /// Every figure, in the file's column order.
    pub const ALL: [Figure; 10] = [
        Figure::SwFte,
        Figure::AgencyFte,
        Figure::AgencyRate,
        Figure::Turnover,
        Figure::VacancyFte,
        Figure::VacancyRate,
        Figure::Caseload,
        Figure::Cla,
        Figure::ClaRate,
        Figure::ResSpend,
    ];

    /// Column name in the data file.
    pub fn column(self) -> &'static str {
        match self {
            Figure::SwFte => "sw_fte",
            Figure::AgencyFte => "agency_fte",
            Figure::AgencyRate => "agency_rate",
            Figure::Turnover => "turnover",
            Figure::VacancyFte => "vacancy_fte",
            Figure::VacancyRate => "vacancy_rate",
            Figure::Caseload => "caseload",
            Figure::Cla => "cla",
            Figure::ClaRate => "cla_rate",
            Figure::ResSpend => "res_spend",
        }
    }

    /// True for the social work workforce figures (reported per children's
    /// service, so councils sharing one service share them).
    pub fn is_workforce(self) -> bool {
        matches!(
            self,
            Figure::SwFte
                | Figure::AgencyFte
                | Figure::AgencyRate
                | Figure::Turnover
                | Figure::VacancyFte
                | Figure::VacancyRate
                | Figure::Caseload
        )
    }
}

/// One published value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Year of the figure (for spend: the financial year ending in it).
    pub year: u16,
    /// The value as published.
    pub value: f64,
}

/// A DfE table the figures come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Short key used in the file (`csww`, `cla`, `s251`).
    pub key: String,
    /// Title as cited.
    pub title: String,
    /// The source file and what it counts.
    pub detail: String,
}

/// One council (or the England row).
#[derive(Debug, Clone, PartialEq)]
pub struct Council {
    /// GSS code, e.g. `E08000028`.
    pub code: String,
    /// Name, e.g. `Sandwell`.
    pub name: String,
    /// Region, e.g. `West Midlands`.
    pub region: String,
    /// Names of the councils sharing this council's children's service
    /// (workforce figures are the joint service's), if any.
    pub joint_service: Option<String>,
    series: Vec<Vec<Point>>,
}

impl Council {
    /// Every published value of `f`, oldest first.
    pub fn series(&self, f: Figure) -> &[Point] {
        &self.series[f as usize]
    }

    /// The latest value of `f`, if any.
    pub fn latest(&self, f: Figure) -> Option<Point> {
        self.series(f).last().copied()
    }
}

/// A code that is no longer in use.
#[derive(Debug, Clone, PartialEq)]
pub struct Retired {
    /// The old code.
    pub code: String,
    /// The council it named.
    pub name: String,
    /// Codes of the councils that replaced it.
    pub successors: Vec<String>,
}

/// The parsed data file.
#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    /// Source tables.
    pub tables: Vec<Table>,
    /// DfE's England row.
    pub england: Council,
    /// Every current council, in code order.
    pub councils: Vec<Council>,
    /// Codes retired since 2019.
    pub retired: Vec<Retired>,
}

/// What a council code in a link refers to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lookup<'a> {
    /// A current council.
    Found(&'a Council),
    /// A code retired since 2019.
    Retired(&'a Retired),
    /// Not an English council code in the data.
    Unknown,
}

fn parse_cell(cell: &str, line: usize) -> Result<Vec<Point>, String> {
    cell.split_whitespace()
        .map(|p| {
            let (y, v) = p
                .split_once(':')
                .ok_or_else(|| format!("line {line}: `{p}` is not year:value"))?;
            Ok(Point {
                year: y
                    .parse()
                    .map_err(|_| format!("line {line}: bad year `{y}`"))?,
                value: parse_f64(v).ok_or_else(|| format!("line {line}: bad value `{v}`"))?,
            })
        })
        .collect()
}

/// Parses the data file's text.
pub fn parse(text: &str) -> Result<Data, String> {
    let mut tables = Vec::new();
    let mut retired = Vec::new();
    let mut joint: Vec<(String, String)> = Vec::new();
    let mut columns: Option<Vec<Option<Figure>>> = None;
    let mut england = None;
    let mut councils = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let f: Vec<&str> = line.split('\t').collect();
        match f[0] {
            "#table" if f.len() == 4 => tables.push(Table {
                key: f[1].into(),
                title: f[2].into(),
                detail: f[3].into(),
            }),
            "#retired" if f.len() == 4 => retired.push(Retired {
                code: f[1].into(),
                name: f[2].into(),
                successors: f[3].split_whitespace().map(String::from).collect(),
            }),
            "#joint" if f.len() == 3 => joint.push((f[1].into(), f[2].into())),
            s if s.starts_with('#') || s.is_empty() => {}
            "code" => {
                columns = Some(
                    f.iter()
                        .map(|c| Figure::ALL.into_iter().find(|x| x.column() == *c))
                        .collect(),
                );
                for fig in Figure::ALL {
                    if !f.contains(&fig.column()) {
                        return Err(format!("no `{}` column", fig.column()));
                    }
                }
            }
            _ => {
                let cols = columns.as_ref().ok_or("rows before the header")?;
                if f.len() != cols.len() {
                    return Err(format!(
                        "line {n}: {} cells, expected {}",
                        f.len(),
                        cols.len()
                    ));
                }
                let mut series = vec![Vec::new(); Figure::ALL.len()];
                for (c, cell) in cols.iter().zip(&f) {
                    if let Some(fig) = c {
                        series[*fig as usize] = parse_cell(cell, n)?;
                    }
                }
                let joint_service = Some(f[3])
                    .filter(|k| !k.is_empty())
                    .map(|k| {
                        joint
                            .iter()
                            .find(|(key, _)| key == k)
                            .map(|(_, names)| names.clone())
                            .ok_or_else(|| format!("line {n}: unknown joint service `{k}`"))
                    })
                    .transpose()?;
                let c = Council {
                    code: f[0].into(),
                    name: f[1].into(),
                    region: f[2].into(),
                    joint_service,
                    series,
                };
                if c.code == ENGLAND {
                    england = Some(c);
                } else {
                    councils.push(c);
                }
            }
        }
    }
    Ok(Data {
        tables,
        england: england.ok_or("no England row")?,
        councils,
        retired,
    })
}

/// The committed data, parsed once.
pub fn data() -> &'static Data {
    static DATA_PARSED: OnceLock<Data> = OnceLock::new();
    DATA_PARSED.get_or_init(|| parse(DATA).expect("src/data/councils.tsv parses"))
}

impl Data {
    /// What `code` refers to (case-insensitive, surrounding spaces ignored).
    pub fn lookup(&self, code: &str) -> Lookup<'_> {
        let code = code.trim();
        if let Some(c) = self
            .councils
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
        {
            Lookup::Found(c)
        } else if let Some(r) = self
            .retired
            .iter()
            .find(|r| r.code.eq_ignore_ascii_case(code))
        {
            Lookup::Retired(r)
        } else {
            Lookup::Unknown
        }
    }

    /// The current council with this code.
    pub fn council(&self, code: &str) -> Option<&Council> {
        match self.lookup(code) {
            Lookup::Found(c) => Some(c),
            _ => None,
        }
    }

    /// Councils whose name contains `query` (case-insensitive) or whose code
    /// is `query`; names that start with it first.
    pub fn search(&self, query: &str) -> Vec<&Council> {
        let q = lowercase(query.trim());
        if q.is_empty() {
            return self.councils.iter().collect();
        }
        let mut hits: Vec<&Council> = self
            .councils
            .iter()
            .filter(|c| lowercase(&c.name).contains(&q) || lowercase(&c.code) == q)
            .collect();
        let starts = |c: &&Council| lowercase(&c.name).starts_with(&q);
        crate::order::sort_by(&mut hits, |a, b| starts(b).cmp(&starts(a)));
        hits
    }

    /// The table cited for `f`.
    pub fn table(&self, f: Figure) -> &str {
        let key = match f {
            f if f.is_workforce() => "csww",
            Figure::Cla | Figure::ClaRate => "cla",
            _ => "s251",
        };
        self.tables
            .iter()
            .find(|t| t.key == key)
            .map_or(key, |t| t.title.as_str())
    }

    /// The message for a code in a link that is not a current council.
    pub fn unknown_message(&self, code: &str) -> String {
        match self.lookup(code) {
            Lookup::Retired(r) => {
                let names: Vec<&str> = r
                    .successors
                    .iter()
                    .filter_map(|s| self.council(s).map(|c| c.name.as_str()))
                    .collect();
                format!(
                    "The link names council code {} ({}), which is no longer in use: it was replaced by {}. Choose the council below; the rest of the link still applies.",
                    r.code,
                    r.name,
                    names.join(" and ")
                )
            }
            _ => format!(
                "The link names council code \"{}\", which is not an English council in DfE's data. Choose a council below; the rest of the link still applies.",
                code.trim()
            ),
        }
    }

    /// Where `council` sits among all councils for `f` (latest year), e.g.
    /// "higher than 9 in 10 councils". `None` when it has no figure.
    pub fn position(&self, council: &Council, f: Figure) -> Option<String> {
        let mine = council.latest(f)?;
        let mut seen: Vec<&str> = Vec::new();
        let mut values = Vec::new();
        for c in &self.councils {
            // Councils sharing one children's service count once for workforce figures.
            let key = match (&c.joint_service, f.is_workforce()) {
                (Some(j), true) => j.as_str(),
                _ => c.code.as_str(),
            };
            if seen.contains(&key) {
                continue;
            }
            if let Some(p) = c.latest(f).filter(|p| p.year == mine.year) {
                seen.push(key);
                values.push(p.value);
            }
        }
        let n = values.len();
        let below = values.iter().filter(|v| **v < mine.value).count();
        let above = values.iter().filter(|v| **v > mine.value).count();
        Some(if above == 0 {
            format!("the highest of {n} councils")
        } else if below == 0 {
            format!("the lowest of {n} councils")
        } else if below >= above {
            let k = ((10 * below) as f64 / n as f64).round().clamp(1.0, 9.0);
            format!("higher than {k} in 10 councils")
        } else {
            let k = ((10 * above) as f64 / n as f64).round().clamp(1.0, 9.0);
            format!("lower than {k} in 10 councils")
        })
    }
}

/// Where a scenario value came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// The council's own figure: "DfE, <table>, <year>, <council>", and how
    /// the value was made from it.
    Council {
        /// "DfE, <table>, <year>, <council>".
        source: String,
        /// How the value follows from the figures.
        how: String,
    },
    /// The England 2024 default, and why the council's figure is not used.
    EnglandDefault {
        /// Why.
        why: String,
    },
}

/// One field a council scenario speaks to.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    /// The scenario field.
    pub field: FieldId,
    /// Label shown beside it.
    pub label: &'static str,
    /// Where its value came from.
    pub origin: Origin,
}

impl Filled {
    /// The text shown beside the value.
    pub fn source_text(&self) -> String {
        match &self.origin {
            Origin::Council { source, how } => format!("{source} ({how})"),
            Origin::EnglandDefault { why } => format!("England 2024 default: {why}"),
        }
    }
}

/// Smallest establishment taken from a council's figures (below it the
/// England default stays).
const MIN_FTE: f64 = 1.0;

/// `v` rounded to `places` decimals (the nearest double to the decimal).
fn round_to(v: f64, places: i32) -> f64 {
    let k = 10f64.powi(places);
    (v * k).round() / k
}

fn years(points: &[Point]) -> String {
    match (points.first(), points.last()) {
        (Some(a), Some(b)) if a.year != b.year => format!("{}\u{2013}{}", a.year, b.year),
        (Some(a), _) => a.year.to_string(),
        _ => String::new(),
    }
}

fn cite(data: &Data, f: Figure, years: &str, c: &Council) -> String {
    let who = match (&c.joint_service, f.is_workforce()) {
        (Some(j), true) => format!("{j} (one joint children's service)"),
        _ => c.name.clone(),
    };
    format!("DfE, {}, {years}, {who}", data.table(f))
}

fn england_note(field: FieldId) -> String {
    source(PresetId::England2024, field).map_or_else(String::new, |s| s.note.to_string())
}

/// `v` within the engine's bounds for `field`.
fn bounded(field: FieldId, v: f64) -> f64 {
    let m = field.meta();
    v.clamp(m.min, m.max)
}

/// The share of a joint service's workforce that is this council's: its
/// share of the two councils' children looked after (an estimate).
fn joint_share(data: &Data, c: &Council) -> Option<f64> {
    let j = c.joint_service.as_ref()?;
    let partners: Vec<&Council> = data
        .councils
        .iter()
        .filter(|x| x.joint_service.as_ref() == Some(j))
        .collect();
    let mine = c.latest(Figure::Cla)?.value;
    let all: f64 = partners
        .iter()
        .map(|x| x.latest(Figure::Cla).map_or(0.0, |p| p.value))
        .sum();
    (all > 0.0).then_some(mine / all)
}

/// Five-year trend: (first, last points used, average annual growth,
/// standard deviation of the annual changes). Needs at least four points
/// (three annual changes) and a positive first value.
pub fn cla_trend(c: &Council) -> Option<(Point, Point, f64, f64)> {
    let s = c.series(Figure::Cla);
    let last = *s.last()?;
    let window: Vec<Point> = s
        .iter()
        .copied()
        .filter(|p| p.year + 5 >= last.year)
        .collect();
    if window.len() < 4 || window.iter().any(|p| p.value <= 0.0) {
        return None;
    }
    let first = window[0];
    let span = f64::from(last.year - first.year);
    let cagr = (last.value / first.value).powf(1.0 / span) - 1.0;
    let changes: Vec<f64> = window
        .windows(2)
        .map(|w| (w[1].value / w[0].value).powf(1.0 / f64::from(w[1].year - w[0].year)) - 1.0)
        .collect();
    let mean = changes.iter().sum::<f64>() / changes.len() as f64;
    let var = changes.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / changes.len() as f64;
    Some((first, last, cagr, var.sqrt()))
}

fn pct(v: f64) -> String {
    let s = format!("{:.1}", v * 100.0);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s) + "%"
}

/// The England 2024 preset with `c`'s own figures filled in, and where each
/// council-related value came from.
pub fn scenario(data: &Data, c: &Council) -> (ScenarioInput, Vec<Filled>) {
    let mut s = preset(PresetId::England2024);
    let mut filled = Vec::new();
    let w = &mut s.context.workforce;

    // Establishment and agency share.
    let in_post = c.latest(Figure::SwFte);
    let agency = c.latest(Figure::AgencyFte);
    let share = joint_share(data, c);
    match (in_post, agency) {
        (Some(p), Some(a)) if p.value + a.value >= MIN_FTE => {
            let k = share.unwrap_or(1.0);
            let est = round_to((p.value + a.value) * k, 1);
            w.establishment_fte = est;
            w.start_agency_share = round_to(a.value / (p.value + a.value), 3);
            let yrs = if p.year == a.year {
                p.year.to_string()
            } else {
                format!("{}\u{2013}{}", p.year.min(a.year), p.year.max(a.year))
            };
            let split = match share {
                Some(k) => format!(
                    ", this council's share {} by children looked after (estimate)",
                    pct(k)
                ),
                None => String::new(),
            };
            filled.push(Filled {
                field: FieldId::Establishment,
                label: "Social worker establishment",
                origin: Origin::Council {
                    source: cite(data, Figure::SwFte, &yrs, c),
                    how: format!(
                        "{} in post + {} agency FTE{split}",
                        fmt_num(p.value),
                        fmt_num(a.value)
                    ),
                },
            });
            filled.push(Filled {
                field: FieldId::AgencyShare,
                label: "Starting agency share",
                origin: Origin::Council {
                    source: cite(data, Figure::AgencyFte, &yrs, c),
                    how: format!(
                        "{} agency of {} FTE",
                        fmt_num(a.value),
                        fmt_num(p.value + a.value)
                    ),
                },
            });
        }
        _ => {
            for (field, label) in [
                (FieldId::Establishment, "Social worker establishment"),
                (FieldId::AgencyShare, "Starting agency share"),
            ] {
                filled.push(Filled {
                    field,
                    label,
                    origin: Origin::EnglandDefault {
                        why: "DfE shows no social workers in post and agency figures for this council".into(),
                    },
                });
            }
        }
    }

    // Turnover: latest, with the council's own five-year low and high.
    let t = c.series(Figure::Turnover);
    let usable = in_post.is_some_and(|p| p.value >= MIN_FTE);
    match t.last() {
        Some(last) if usable => {
            let recent: Vec<Point> = t
                .iter()
                .copied()
                .filter(|p| p.year + 4 >= last.year)
                .collect();
            let f = |v: f64| round_to(bounded(FieldId::Turnover, v / 100.0), 3);
            let lo = recent.iter().map(|p| p.value).fold(f64::INFINITY, f64::min);
            let hi = recent
                .iter()
                .map(|p| p.value)
                .fold(f64::NEG_INFINITY, f64::max);
            w.base_turnover = Range::new(f(lo), f(last.value), f(hi));
            filled.push(Filled {
                field: FieldId::Turnover,
                label: "Base turnover",
                origin: Origin::Council {
                    source: cite(data, Figure::Turnover, &years(&recent), c),
                    how: format!(
                        "{}% in {}; lowest {}%, highest {}% over {}",
                        fmt_num(last.value),
                        last.year,
                        fmt_num(lo),
                        fmt_num(hi),
                        years(&recent)
                    ),
                },
            });
        }
        _ => filled.push(Filled {
            field: FieldId::Turnover,
            label: "Base turnover",
            origin: Origin::EnglandDefault {
                why: "DfE shows no turnover rate for this council's social workers in post".into(),
            },
        }),
    }

    // Children looked after and their growth.
    let p = &mut s.context.placements;
    match c.latest(Figure::Cla) {
        Some(n) => {
            p.children_start = bounded(FieldId::Children, n.value).round();
            let note = format!("{} children at 31 March {}", fmt_num(n.value), n.year);
            filled.push(Filled {
                field: FieldId::Children,
                label: "Children looked after",
                origin: Origin::Council {
                    source: cite(data, Figure::Cla, &n.year.to_string(), c),
                    how: note,
                },
            });
        }
        None => filled.push(Filled {
            field: FieldId::Children,
            label: "Children looked after",
            origin: Origin::EnglandDefault {
                why: "DfE shows no count of children looked after for this council".into(),
            },
        }),
    }
    match cla_trend(c) {
        Some((first, last, cagr, sd)) => {
            let national = p.net_growth;
            let down = (national.likely - national.low).max(sd);
            let up = (national.high - national.likely).max(sd);
            let likely = bounded(FieldId::ChildrenGrowth, cagr);
            let g = |v: f64| round_to(bounded(FieldId::ChildrenGrowth, v), 3);
            p.net_growth = Range::new(g(likely - down), g(likely), g(likely + up));
            filled.push(Filled {
                field: FieldId::ChildrenGrowth,
                label: "Net growth",
                origin: Origin::Council {
                    source: cite(data, Figure::Cla, &format!("{}\u{2013}{}", first.year, last.year), c),
                    how: format!(
                        "{} to {} children: {} a year; range widened to at least the England spread",
                        fmt_num(first.value),
                        fmt_num(last.value),
                        pct(cagr)
                    ),
                },
            });
        }
        None => filled.push(Filled {
            field: FieldId::ChildrenGrowth,
            label: "Net growth",
            origin: Origin::EnglandDefault {
                why: "fewer than four years of DfE counts of children looked after under this council's code".into(),
            },
        }),
    }

    filled.push(Filled {
        field: FieldId::PlacementMix,
        label: "Placement mix",
        origin: Origin::EnglandDefault {
            why: format!(
                "the extracted DfE data has no council-level placement types ({})",
                england_note(FieldId::PlacementMix)
            ),
        },
    });
    (s, filled)
}

/// A number as published, with thousands separators: whole numbers
/// without decimals, others with one.
pub fn fmt_num(v: f64) -> String {
    let s = if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    };
    let (sign, rest) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, ""), |(i, f)| (i, f));
    let mut out = String::from(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// One line of the "sense of scale" beside the council's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleLine {
    /// What, e.g. "Agency rate".
    pub label: &'static str,
    /// The value as shown, e.g. "31.2%".
    pub value: String,
    /// Year of the figure (spend: the financial year, e.g. "2023-24").
    pub period: String,
    /// Where it sits, e.g. "higher than 9 in 10 councils".
    pub position: String,
}

/// A filled field's value in `s` as the council panel shows it.
pub fn shown(field: FieldId, s: &ScenarioInput) -> String {
    let w = &s.context.workforce;
    let p = &s.context.placements;
    let range = |r: Range| {
        if r.low == r.high {
            format!("{} a year", pct(r.likely))
        } else {
            format!(
                "{} a year ({} to {})",
                pct(r.likely),
                pct(r.low),
                pct(r.high)
            )
        }
    };
    match field {
        FieldId::Establishment => format!("{} FTE", fmt_num(w.establishment_fte)),
        FieldId::AgencyShare => pct(w.start_agency_share),
        FieldId::Turnover => range(w.base_turnover),
        FieldId::Children => fmt_num(p.children_start),
        FieldId::ChildrenGrowth => range(p.net_growth),
        FieldId::PlacementMix => PlacementKind::ALL
            .iter()
            .map(|k| format!("{} {}", k.label(), pct(p.mix[k.index()])))
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

/// A figure, its label and how its value is shown.
type ScaleRow = (Figure, &'static str, fn(f64) -> String);

/// The council's figures with where each sits among all councils.
pub fn scale(data: &Data, c: &Council) -> Vec<ScaleLine> {
    let rows: [ScaleRow; 8] = [
        (Figure::SwFte, "Social workers in post", |v| {
            format!("{} FTE", fmt_num(v))
        }),
        (Figure::AgencyRate, "Agency rate", |v| {
            format!("{}%", fmt_num(v))
        }),
        (Figure::Turnover, "Turnover", |v| format!("{}%", fmt_num(v))),
        (Figure::VacancyRate, "Vacancy rate", |v| {
            format!("{}%", fmt_num(v))
        }),
        (Figure::Caseload, "Caseload", |v| {
            format!("{} cases per worker", fmt_num(v))
        }),
        (Figure::Cla, "Children looked after", fmt_num),
        (Figure::ClaRate, "Looked after per 10,000 children", fmt_num),
        (Figure::ResSpend, "Residential care spend", |v| {
            format!("\u{a3}{:.1}m", v / 1e6)
        }),
    ];
    rows.into_iter()
        .filter_map(|(f, label, show)| {
            let p = c.latest(f)?;
            Some(ScaleLine {
                label,
                value: show(p.value),
                period: if f == Figure::ResSpend {
                    format!("{}-{:02}", p.year - 1, p.year % 100)
                } else {
                    p.year.to_string()
                },
                position: data.position(c, f)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_parses_and_covers_every_council() {
        let d = data();
        assert_eq!(d.councils.len(), 153);
        for prefix in ["E06", "E08", "E09", "E10"] {
            assert!(d.councils.iter().any(|c| c.code.starts_with(prefix)));
        }
        assert!(d
            .councils
            .iter()
            .all(|c| c.code.len() == 9 && !c.name.is_empty()));
    }

    #[test]
    fn typing_sand_finds_sandwell() {
        let hits = data().search("Sand");
        assert_eq!(hits[0].name, "Sandwell");
        assert_eq!(data().search("e08000028")[0].name, "Sandwell");
    }

    #[test]
    fn retired_and_unknown_codes_are_told_apart() {
        let d = data();
        assert!(matches!(d.lookup("E10000006"), Lookup::Retired(r) if r.name == "Cumbria"));
        let m = d.unknown_message("E10000006");
        assert!(
            m.contains("Cumberland") && m.contains("Westmorland and Furness"),
            "{m}"
        );
        assert_eq!(d.lookup("E99999999"), Lookup::Unknown);
        assert!(d.unknown_message("E99999999").contains("\"E99999999\""));
    }

    #[test]
    fn filled_values_read_as_shown() {
        let d = data();
        let (s, _) = scenario(d, d.council("E08000028").unwrap());
        assert_eq!(shown(FieldId::Establishment, &s), "284.7 FTE");
        assert_eq!(shown(FieldId::AgencyShare, &s), "15.2%");
        assert_eq!(shown(FieldId::Turnover, &s), "10% a year (10% to 28%)");
        assert_eq!(shown(FieldId::Children, &s), "812");
        assert_eq!(fmt_num(34328.2), "34,328.2");
        assert_eq!(fmt_num(-1234.0), "-1,234");
        assert_eq!(fmt_num(83630.0), "83,630");
    }
}
