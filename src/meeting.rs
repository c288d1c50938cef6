//! The meeting log, pure part: what a meeting explored. While a meeting
//! runs, every settled scenario with full results is logged with its time,
//! what changed since the previous entry and its headline result; any entry
//! can carry a note. The log is stored under [`STORAGE_KEY`] and exports as
//! CSV and as an HTML report. Effects live in
//! [`crate::components::meeting_log`].

use serde::{Deserialize, Serialize};

use crate::codec;
use crate::format::{money, percent};
use crate::params::changes;
use crate::report::esc;
use turnaround_engine::Results;

/// localStorage key of the log.
pub const STORAGE_KEY: &str = "turnaround.meeting.v1";
/// Longest note, in characters.
pub const MAX_NOTE: usize = 500;

/// One scenario explored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// When it settled (ISO 8601).
    pub at: String,
    /// Its share-link fragment (without `#`).
    pub fragment: String,
    /// What changed since the previous entry, in words.
    pub changed: String,
    /// The headline result, in words.
    pub headline: String,
    /// The meeting's note on it.
    #[serde(default)]
    pub note: String,
}

/// A meeting: running or ended, with its entries, oldest first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Log {
    /// True while the meeting runs (scenarios are being logged).
    pub running: bool,
    /// When the meeting started (ISO 8601); empty before the first.
    pub started_at: String,
    /// Scenarios explored.
    pub entries: Vec<Entry>,
}

/// The headline of a result: each option's median total, and for each pair
/// the chance the first is cheaper.
pub fn headline(results: &Results) -> String {
    let mut parts: Vec<String> = results
        .options
        .iter()
        .map(|o| format!("{} {}", o.name, money(o.total.quantiles.p50)))
        .collect();
    for p in &results.pairs {
        parts.push(format!(
            "{} cheaper than {} in {}",
            results.options[p.a].name,
            results.options[p.b].name,
            percent(p.p_a_cheaper.mean)
        ));
    }
    parts.join("; ")
}

/// What changed from one fragment to the next, in words ("Starting agency
/// share: 30% to 35%"); the preset's name when the preset changed.
pub fn changed_between(previous: Option<&str>, current: &str) -> String {
    let now = codec::decode(current);
    let Some(previous) = previous else {
        return format!("Start: {}", now.preset.label());
    };
    let before = codec::decode(previous);
    if before.preset != now.preset {
        return format!("Preset: {}", now.preset.label());
    }
    if before.input.options.len() != now.input.options.len() {
        return format!(
            "Options: {} to {}",
            before.input.options.len(),
            now.input.options.len()
        );
    }
    let list: Vec<String> = changes(&before.input, &now.input)
        .iter()
        .map(|c| {
            let who = if c.param.per_option() {
                now.input
                    .options
                    .get(c.option)
                    .map_or(String::new(), |o| format!(" ({})", o.name))
            } else {
                String::new()
            };
            format!(
                "{}{who}: {} to {}",
                c.param.label,
                crate::paper::value_text(c.param, &c.baseline),
                crate::paper::value_text(c.param, &c.current)
            )
        })
        .collect();
    if list.is_empty() {
        "Settings (names, seed or paths)".to_string()
    } else {
        list.join("; ")
    }
}

impl Log {
    /// A new meeting, started at `now`, with no entries.
    pub fn start(now: &str) -> Log {
        Log {
            running: true,
            started_at: now.to_string(),
            entries: Vec::new(),
        }
    }

    /// The meeting ended (entries kept).
    pub fn stop(&self) -> Log {
        Log {
            running: false,
            ..self.clone()
        }
    }

    /// The log with this settled scenario added, unless the meeting is not
    /// running or it is the scenario last logged.
    pub fn record(&self, now: &str, fragment: &str, results: &Results) -> Log {
        let last = self.entries.last().map(|e| e.fragment.as_str());
        if !self.running || last == Some(fragment) {
            return self.clone();
        }
        let mut next = self.clone();
        next.entries.push(Entry {
            at: now.to_string(),
            fragment: fragment.to_string(),
            changed: changed_between(last, fragment),
            headline: headline(results),
            note: String::new(),
        });
        next
    }

    /// The log with entry `index`'s note set (cut to [`MAX_NOTE`]).
    pub fn set_note(&self, index: usize, note: &str) -> Log {
        let mut next = self.clone();
        if let Some(e) = next.entries.get_mut(index) {
            e.note = note.chars().take(MAX_NOTE).collect();
        }
        next
    }
}

/// Reads the stored log; nothing stored or unreadable text is an empty log
/// (`Err` with the text kept for the caller to report).
pub fn from_json(stored: Option<&str>) -> Result<Log, String> {
    match stored {
        None => Ok(Log::default()),
        Some(text) => serde_json::from_str(text).map_err(|_| text.to_string()),
    }
}

/// The stored text of a log.
pub fn to_json(log: &Log) -> String {
    serde_json::to_string(log).unwrap_or_default()
}

/// The log as CSV: `time,changed,headline,note,link,made_by`, one row per
/// entry, the link absolute (`base` is the page address without `#`),
/// `made_by` the app and model versions ([`crate::export::made_by`]).
pub fn csv(log: &Log, base: &str) -> String {
    use crate::export::field;
    let mut out = String::from("time,changed,headline,note,link,made_by\r\n");
    let made_by = crate::export::made_by();
    for e in &log.entries {
        let row = [
            field(&e.at),
            field(&e.changed),
            field(&e.headline),
            field(&e.note),
            field(&format!("{base}#{}", e.fragment)),
            made_by.clone(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The log as one self-contained HTML document (inline CSS, no script).
pub fn html(log: &Log, base: &str, title: &str) -> String {
    let rows: String = log
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let link = esc(&format!("{base}#{}", e.fragment));
            format!(
                "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{link}\">Open</a></td></tr>",
                i + 1,
                esc(&crate::saved::display_time(&e.at)),
                esc(&e.changed),
                esc(&e.headline),
                esc(&e.note)
            )
        })
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{t}</title><style>body{{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem}}\
table{{border-collapse:collapse;width:100%}}th,td{{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #ccc}}\
thead th{{border-bottom:2px solid #111}}.n{{text-align:right}}</style></head><body>\
<h1>{t}</h1><p>Meeting started {start}; {n} scenarios explored. {v}.</p>\
<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Time</th><th scope=\"col\">What changed</th><th scope=\"col\">Headline result</th><th scope=\"col\">Note</th><th scope=\"col\">Link</th></tr></thead><tbody>{rows}</tbody></table></body></html>\n",
        t = esc(title),
        start = esc(&crate::saved::display_time(&log.started_at)),
        n = log.entries.len(),
        v = esc(&crate::paper::versions()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use turnaround_engine::presets::{preset, PresetId};

    fn run(input: &turnaround_engine::ScenarioInput) -> (String, Results) {
        let scenario = turnaround_engine::validate(input).unwrap();
        (
            codec::encode(PresetId::Sandwell2012, input),
            turnaround_engine::simulate_with_paths(&scenario, 100),
        )
    }

    #[test]
    fn a_meeting_logs_each_new_settled_scenario_with_what_changed() {
        let mut input = preset(PresetId::Sandwell2012);
        let (f1, r1) = run(&input);
        assert_eq!(
            Log::default().record("t0", &f1, &r1).entries.len(),
            0,
            "not running"
        );
        let log = Log::start("t0").record("t1", &f1, &r1);
        assert_eq!(log.entries[0].changed, "Start: Sandwell 2012");
        assert!(
            log.entries[0].headline.contains("Recruit £"),
            "{}",
            log.entries[0].headline
        );
        assert_eq!(
            log.record("t1b", &f1, &r1),
            log,
            "the same scenario is not logged twice"
        );
        input.context.workforce.start_agency_share = 0.35;
        let (f2, r2) = run(&input);
        let log = log.record("t2", &f2, &r2).set_note(1, "Agency worst case");
        assert_eq!(log.entries.len(), 2);
        assert!(
            log.entries[1].changed.contains("to 35%"),
            "{}",
            log.entries[1].changed
        );
        assert_eq!(log.entries[1].note, "Agency worst case");
        let stopped = log.stop();
        assert_eq!(stopped.record("t3", &f1, &r1).entries.len(), 2);
        // Stored and read back.
        assert_eq!(from_json(Some(&to_json(&stopped))), Ok(stopped.clone()));
        assert_eq!(from_json(None), Ok(Log::default()));
        assert!(from_json(Some("{oops")).is_err());
        // Exports carry every entry with its link.
        let text = csv(&stopped, "https://x.org/t/");
        assert_eq!(text.lines().count(), 3);
        assert!(text.contains(&format!("https://x.org/t/#{f2}")));
        assert!(text.contains("Agency worst case"));
        assert!(text.starts_with("time,changed,headline,note,link,made_by\r\n"));
        assert!(text
            .lines()
            .skip(1)
            .all(|l| l.ends_with(&crate::export::made_by())));
        let page = html(&stopped, "https://x.org/t/", "Meeting <log>");
        assert!(page.contains("Meeting &lt;log&gt;") && !page.contains("<script"));
        assert_eq!(page.matches(">Open</a>").count(), 2);
    }
}
