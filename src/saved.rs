//! Saved scenarios: the pure part (list operations, names, the stored JSON,
//! opening an entry). Storage I/O lives in [`crate::hooks::storage`].
//!
//! Each saved scenario is stored under a key of its own,
//! [`ENTRY_PREFIX`]`<saved_at>-<random>`, as
//! `{"name":..,"saved_at":..,"fragment":..}`: a save never rewrites what
//! another tab wrote, so tabs saving at the same moment cannot lose each
//! other's saves. Earlier versions kept one list under [`STORAGE_KEY`],
//! `{"version":1,"scenarios":[...]}`; it is still read (and an entry in it
//! is moved to a key of its own when renamed, or taken out when deleted).
//! Each entry keeps the share-link fragment from [`crate::codec::encode`], so
//! a saved scenario gets the codec's migrations for free. An entry that can
//! no longer be read is kept as it was (never silently deleted) and shown as
//! damaged.

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::codec::{self, Warning};
use crate::text::lowercase;
use turnaround_engine::{presets::PresetId, ScenarioInput};

/// localStorage key holding the list written by earlier versions.
pub const STORAGE_KEY: &str = "turnaround.saved.v1";
/// Prefix of the localStorage keys holding one saved scenario each.
pub const ENTRY_PREFIX: &str = "turnaround.saved.v1/";
/// Version of the stored list format.
pub const LIST_VERSION: u32 = 1;
/// Longest name, in characters.
pub const MAX_NAME: usize = 60;

/// One saved scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedScenario {
    /// The user's name for it (1 to [`MAX_NAME`] characters, unique).
    pub name: String,
    /// When it was saved, as an ISO 8601 string (`Date.toISOString()`).
    pub saved_at: String,
    /// The share-link fragment (without `#`).
    pub fragment: String,
}

/// An entry of the stored list: readable, or kept verbatim because it is not.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A well-formed entry.
    Saved(SavedScenario),
    /// Something in the list that is not a saved scenario; kept as stored.
    Damaged(Json),
}

impl Entry {
    /// The entry's name, when one can be read.
    pub fn name(&self) -> Option<&str> {
        match self {
            Entry::Saved(s) => Some(&s.name),
            Entry::Damaged(j) => j.get("name").and_then(Json::as_str),
        }
    }
}

/// Why the stored list could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    /// The stored text is not the list format.
    Unreadable,
    /// Written by a newer version of Turnaround.
    Newer(u64),
}

impl std::fmt::Display for ListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ListError::Unreadable => write!(
                f,
                "The saved scenarios in this browser could not be read. They have been left as they are; saving here is switched off so nothing is overwritten."
            ),
            ListError::Newer(v) => write!(
                f,
                "The saved scenarios were written by a newer version of Turnaround (list version {v}). Saving here is switched off so they are not overwritten."
            ),
        }
    }
}

/// Reads the stored list. `None` (nothing stored) is an empty list.
pub fn from_json(stored: Option<&str>) -> Result<Vec<Entry>, ListError> {
    let Some(text) = stored else {
        return Ok(Vec::new());
    };
    let json: Json = serde_json::from_str(text).map_err(|_| ListError::Unreadable)?;
    let version = json
        .get("version")
        .and_then(Json::as_u64)
        .ok_or(ListError::Unreadable)?;
    if version > LIST_VERSION as u64 {
        return Err(ListError::Newer(version));
    }
    let items = json
        .get("scenarios")
        .and_then(Json::as_array)
        .ok_or(ListError::Unreadable)?;
    Ok(items
        .iter()
        .map(
            |item| match serde_json::from_value::<SavedScenario>(item.clone()) {
                Ok(s) => Entry::Saved(s),
                Err(_) => Entry::Damaged(item.clone()),
            },
        )
        .collect())
}

/// The stored text for a list.
pub fn to_json(list: &[Entry]) -> String {
    let items: Vec<Json> = list
        .iter()
        .map(|e| match e {
            Entry::Saved(s) => serde_json::to_value(s).unwrap_or(Json::Null),
            Entry::Damaged(j) => j.clone(),
        })
        .collect();
    serde_json::json!({ "version": LIST_VERSION, "scenarios": items }).to_string()
}

/// Reads one entry stored under a key of its own; anything unreadable is
/// kept as a damaged entry.
pub fn entry_from_text(text: &str) -> Entry {
    match serde_json::from_str::<Json>(text) {
        Ok(json) => match serde_json::from_value::<SavedScenario>(json.clone()) {
            Ok(s) => Entry::Saved(s),
            Err(_) => Entry::Damaged(json),
        },
        Err(_) => Entry::Damaged(Json::String(text.to_string())),
    }
}

/// The stored text of one entry.
pub fn entry_to_text(saved: &SavedScenario) -> String {
    serde_json::to_string(saved).unwrap_or_default()
}

/// Why a name was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// Empty or only spaces.
    Empty,
    /// More than [`MAX_NAME`] characters.
    TooLong(usize),
    /// Another saved scenario has this name.
    Taken(String),
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameError::Empty => write!(f, "Give the scenario a name first."),
            NameError::TooLong(n) => write!(
                f,
                "That name is {n} characters; names can be at most {MAX_NAME}."
            ),
            NameError::Taken(name) => write!(
                f,
                "A saved scenario is already called \u{201c}{name}\u{201d}. Choose another name, or delete that one first."
            ),
        }
    }
}

/// Checks a name for the entry at `except` (or a new entry), returning it trimmed.
/// Names compare case-insensitively.
pub fn check_name(list: &[Entry], name: &str, except: Option<usize>) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    let n = name.chars().count();
    if n > MAX_NAME {
        return Err(NameError::TooLong(n));
    }
    let lower = lowercase(name);
    if let Some(other) = list
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != except)
        .filter_map(|(_, e)| e.name())
        .find(|other| lowercase(other.trim()) == lower)
    {
        return Err(NameError::Taken(other.to_string()));
    }
    Ok(name.to_string())
}

/// The list with a new scenario first.
pub fn save(
    list: &[Entry],
    name: &str,
    saved_at: &str,
    fragment: &str,
) -> Result<Vec<Entry>, NameError> {
    let name = check_name(list, name, None)?;
    let mut next = Vec::with_capacity(list.len() + 1);
    next.push(Entry::Saved(SavedScenario {
        name,
        saved_at: saved_at.to_string(),
        fragment: fragment.to_string(),
    }));
    next.extend(list.iter().cloned());
    Ok(next)
}

/// The list with entry `index` renamed (a damaged entry cannot be renamed).
pub fn rename(list: &[Entry], index: usize, name: &str) -> Result<Vec<Entry>, NameError> {
    let name = check_name(list, name, Some(index))?;
    let mut next = list.to_vec();
    if let Some(Entry::Saved(s)) = next.get_mut(index) {
        s.name = name;
    }
    Ok(next)
}

/// The list without entry `index`.
pub fn delete(list: &[Entry], index: usize) -> Vec<Entry> {
    list.iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, e)| e.clone())
        .collect()
}

/// A saved scenario ready to open.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// Its preset.
    pub preset: PresetId,
    /// Its scenario (passes engine validation).
    pub input: ScenarioInput,
    /// What the codec could not apply, if anything.
    pub warnings: Vec<Warning>,
    /// The council whose own figures it starts from (`la=` in its link), if any.
    pub council: Option<String>,
}

/// Why a saved scenario was not opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// The entry is not a saved scenario at all.
    Damaged,
    /// The stored link does not describe a scenario.
    NotAScenario,
    /// Its preset is not one this version knows.
    UnknownPreset(String),
    /// The engine refuses it; the message says why.
    Invalid(String),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Damaged => write!(
                f,
                "This saved entry is damaged and cannot be opened. It has been kept; you can delete it."
            ),
            OpenError::NotAScenario => write!(
                f,
                "This saved entry does not hold a readable scenario link, so it was not opened. It has been kept; you can delete it."
            ),
            OpenError::UnknownPreset(id) => write!(
                f,
                "This saved scenario builds on a preset (\u{201c}{id}\u{201d}) this version of Turnaround does not know, so it was not opened."
            ),
            OpenError::Invalid(why) => write!(
                f,
                "This saved scenario no longer passes the model's checks, so it was not opened: {why}"
            ),
        }
    }
}

/// Decodes and validates a saved entry.
pub fn open(entry: &Entry) -> Result<Opened, OpenError> {
    let Entry::Saved(saved) = entry else {
        return Err(OpenError::Damaged);
    };
    let fragment = saved.fragment.trim_start_matches('#');
    // Read the preset pair exactly as a link is read (percent-decoded), so
    // an entry opens whenever the same text opens as a link.
    let preset_id = fragment
        .split('&')
        .find_map(|p| {
            let (k, v) = p.split_once('=')?;
            (codec::unescape(k)? == "preset").then(|| codec::unescape(v))?
        })
        .ok_or(OpenError::NotAScenario)?;
    let preset_id = preset_id.as_str();
    if PresetId::from_id(preset_id).is_none() {
        return Err(OpenError::UnknownPreset(
            preset_id.chars().take(40).collect(),
        ));
    }
    let decoded = codec::decode(fragment);
    turnaround_engine::validate(&decoded.input)
        .map_err(|e| OpenError::Invalid(crate::explain::explain(&e)))?;
    Ok(Opened {
        preset: decoded.preset,
        input: decoded.input,
        warnings: decoded.warnings,
        council: decoded.council,
    })
}

/// A short, locale-free rendering of an ISO time: `2024-05-01 14:03 UTC`.
pub fn display_time(iso: &str) -> String {
    match (iso.get(0..10), iso.get(11..16)) {
        (Some(date), Some(time)) if iso.ends_with('Z') => format!("{date} {time} UTC"),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use turnaround_engine::presets::preset;

    fn entry(name: &str) -> Entry {
        Entry::Saved(SavedScenario {
            name: name.into(),
            saved_at: "2024-05-01T14:03:00.000Z".into(),
            fragment: codec::encode(PresetId::Sandwell2012, &preset(PresetId::Sandwell2012)),
        })
    }

    #[test]
    fn an_entry_opens_exactly_as_its_text_opens_as_a_link() {
        for fragment in [
            "v=1&preset=sandwell%2D2012&seed=5",
            "v=1&%70reset=england-2024&seed=5",
            "v=1&preset=england-2024&o1.name=A%20B",
        ] {
            let saved = Entry::Saved(SavedScenario {
                name: "x".into(),
                saved_at: "2024-05-01T14:03:00.000Z".into(),
                fragment: fragment.into(),
            });
            let opened = open(&saved).unwrap_or_else(|e| panic!("{fragment}: {e}"));
            let link = codec::decode(fragment);
            assert_eq!((opened.preset, opened.input), (link.preset, link.input));
        }
        let unknown = Entry::Saved(SavedScenario {
            name: "x".into(),
            saved_at: String::new(),
            fragment: "v=1&preset=narnia%2D1".into(),
        });
        assert_eq!(
            open(&unknown),
            Err(OpenError::UnknownPreset("narnia-1".into()))
        );
    }

    #[test]
    fn nothing_stored_is_an_empty_list() {
        assert_eq!(from_json(None), Ok(vec![]));
    }

    #[test]
    fn list_round_trips_through_json() {
        let list = save(
            &[entry("A")],
            "B, \"quoted\" é",
            "2024-06-01T09:00:00.000Z",
            "v=1&preset=england-2024",
        )
        .unwrap();
        let text = to_json(&list);
        assert!(text.contains("\"version\":1"));
        assert_eq!(from_json(Some(&text)).unwrap(), list);
    }

    #[test]
    fn unreadable_or_newer_lists_are_refused_not_replaced() {
        assert_eq!(from_json(Some("not json")), Err(ListError::Unreadable));
        assert_eq!(from_json(Some("[1,2]")), Err(ListError::Unreadable));
        assert_eq!(
            from_json(Some(r#"{"version":2,"scenarios":[]}"#)),
            Err(ListError::Newer(2))
        );
    }

    #[test]
    fn damaged_entries_are_kept_verbatim() {
        let text = r#"{"version":1,"scenarios":[{"name":"Odd","fragment":7},{"name":"Fine","saved_at":"x","fragment":"v=1&preset=sandwell-2012"}]}"#;
        let list = from_json(Some(text)).unwrap();
        assert!(matches!(list[0], Entry::Damaged(_)));
        assert_eq!(list[0].name(), Some("Odd"));
        assert!(matches!(list[1], Entry::Saved(_)));
        let again = from_json(Some(&to_json(&list))).unwrap();
        assert_eq!(again, list);
        assert_eq!(open(&list[0]), Err(OpenError::Damaged));
        // A damaged entry's name still counts as taken.
        assert!(matches!(
            check_name(&list, "odd", None),
            Err(NameError::Taken(_))
        ));
    }

    #[test]
    fn names_are_trimmed_bounded_and_unique() {
        let list = vec![entry("Option A")];
        assert_eq!(check_name(&list, "  New  ", None), Ok("New".into()));
        assert_eq!(check_name(&list, "   ", None), Err(NameError::Empty));
        assert_eq!(check_name(&list, &"x".repeat(60), None), Ok("x".repeat(60)));
        assert_eq!(
            check_name(&list, &"é".repeat(61), None),
            Err(NameError::TooLong(61))
        );
        assert_eq!(
            check_name(&list, "option a", None),
            Err(NameError::Taken("Option A".into()))
        );
        // Renaming an entry to its own name (or a case change) is fine.
        assert_eq!(
            check_name(&list, "OPTION A", Some(0)),
            Ok("OPTION A".into())
        );
        assert!(NameError::Taken("X".into())
            .to_string()
            .contains("already called"));
    }

    #[test]
    fn save_puts_the_newest_first_and_refuses_duplicates() {
        let list = save(&[], "First", "t1", "v=1&preset=sandwell-2012").unwrap();
        let list = save(&list, "Second", "t2", "v=1&preset=england-2024").unwrap();
        assert_eq!(list[0].name(), Some("Second"));
        assert_eq!(list[1].name(), Some("First"));
        assert_eq!(
            save(&list, "first", "t3", "v=1"),
            Err(NameError::Taken("First".into()))
        );
    }

    #[test]
    fn rename_and_delete_touch_only_their_entry() {
        let list = vec![entry("A"), entry("B"), entry("C")];
        let renamed = rename(&list, 1, "Bee").unwrap();
        assert_eq!(
            renamed.iter().filter_map(Entry::name).collect::<Vec<_>>(),
            ["A", "Bee", "C"]
        );
        assert_eq!(rename(&list, 1, "c"), Err(NameError::Taken("C".into())));
        let deleted = delete(&renamed, 0);
        assert_eq!(
            deleted.iter().filter_map(Entry::name).collect::<Vec<_>>(),
            ["Bee", "C"]
        );
        assert_eq!(delete(&deleted, 9), deleted);
    }

    #[test]
    fn open_decodes_the_fragment() {
        let mut input = preset(PresetId::England2024);
        input.options[0].name = "Grow our own".into();
        let e = Entry::Saved(SavedScenario {
            name: "x".into(),
            saved_at: "t".into(),
            fragment: codec::encode(PresetId::England2024, &input),
        });
        let opened = open(&e).unwrap();
        assert_eq!(opened.preset, PresetId::England2024);
        assert_eq!(opened.input, input);
        assert!(opened.warnings.is_empty());
    }

    #[test]
    fn open_reports_ignored_values_as_warnings() {
        let e = Entry::Saved(SavedScenario {
            name: "x".into(),
            saved_at: "t".into(),
            fragment: "v=1&preset=sandwell-2012&no.such.key=3".into(),
        });
        let opened = open(&e).unwrap();
        assert_eq!(opened.warnings.len(), 1);
    }

    #[test]
    fn open_refuses_what_is_not_a_scenario() {
        let with = |fragment: &str| {
            Entry::Saved(SavedScenario {
                name: "x".into(),
                saved_at: "t".into(),
                fragment: fragment.into(),
            })
        };
        assert_eq!(open(&with("hello")), Err(OpenError::NotAScenario));
        assert_eq!(
            open(&with("v=1&preset=narnia-1950")),
            Err(OpenError::UnknownPreset("narnia-1950".into()))
        );
        assert!(OpenError::UnknownPreset("narnia-1950".into())
            .to_string()
            .contains("narnia-1950"));
    }

    #[test]
    fn times_display_without_a_locale() {
        assert_eq!(
            display_time("2024-05-01T14:03:59.123Z"),
            "2024-05-01 14:03 UTC"
        );
        assert_eq!(display_time("soon"), "soon");
    }
}
