//! "Meeting log": start a meeting, and every settled scenario with full
//! results is logged with its time, what changed and its headline; notes on
//! any entry; kept in localStorage (with a clear message when storage is
//! full or blocked); exported as an HTML report and a CSV file.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::exports::now_iso;
use crate::components::share_panel::page_address;
use crate::hooks::download::download_text;
use crate::meeting::{self, Log, STORAGE_KEY};
use crate::saved::display_time;
use turnaround_engine::Results;

/// Meeting-log properties.
#[derive(Properties, PartialEq)]
pub struct MeetingLogProps {
    /// The current share-link fragment.
    pub fragment: AttrValue,
    /// Full-run results for the current scenario, once settled.
    pub settled: Option<Rc<Results>>,
    /// The scenario's name, for file names.
    pub name: AttrValue,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads the stored log, or says why not.
fn load() -> (Log, Option<String>) {
    let Some(store) = storage() else {
        return (Log::default(), Some("This browser blocks storage here, so the meeting log will not survive a reload. Export it before you close the page.".into()));
    };
    match meeting::from_json(store.get_item(STORAGE_KEY).ok().flatten().as_deref()) {
        Ok(log) => (log, None),
        Err(_) => (Log::default(), Some("The stored meeting log could not be read; it has been left as it is, and a new one will replace it when you start a meeting.".into())),
    }
}

/// Writes the log; a message when it could not be kept.
fn store(log: &Log) -> Option<String> {
    let ok = storage().is_some_and(|s| s.set_item(STORAGE_KEY, &meeting::to_json(log)).is_ok());
    (!ok).then(|| "The meeting log could not be saved in this browser (storage is full or blocked), so it will not survive a reload. Export it now (HTML or CSV).".to_string())
}

/// The meeting log panel.
#[function_component(MeetingLog)]
pub fn meeting_log(props: &MeetingLogProps) -> Html {
    let initial = use_memo((), |_| load());
    let log = use_state(|| initial.0.clone());
    let problem = use_state(|| initial.1.clone());
    let set = {
        let (log, problem) = (log.clone(), problem.clone());
        Rc::new(move |next: Log| {
            problem.set(store(&next));
            log.set(next);
        })
    };
    // Log each settled scenario while the meeting runs.
    {
        // Keyed on the results alone: when the link changes, the old
        // results are still shown for a moment and must not be logged
        // against the new link.
        let (set, log, fragment) = (set.clone(), log.clone(), props.fragment.clone());
        use_effect_with(props.settled.clone(), move |r| {
            if let Some(r) = r {
                let next = log.record(&now_iso(), &fragment, r);
                if next != *log {
                    set(next);
                }
            }
        });
    }
    let on_start = {
        let (set, settled, fragment) = (set.clone(), props.settled.clone(), props.fragment.clone());
        Callback::from(move |_: MouseEvent| {
            let now = now_iso();
            let mut next = Log::start(&now);
            if let Some(r) = &settled {
                next = next.record(&now, &fragment, r);
            }
            set(next);
        })
    };
    let on_stop = {
        let (set, log) = (set.clone(), log.clone());
        Callback::from(move |_: MouseEvent| set(log.stop()))
    };
    let export = |suffix: &'static str, mime: &'static str, html: bool| {
        let (log, name, problem) = (log.clone(), props.name.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let now = now_iso();
            let base = page_address();
            let stem = crate::paper::file_stem(&format!("meeting {name}"), &now);
            let text = if html {
                meeting::html(&log, &base, &format!("Meeting log: {name}"))
            } else {
                meeting::csv(&log, &base)
            };
            if download_text(&format!("{stem}{suffix}"), mime, &text).is_err() {
                problem.set(Some("The browser did not start the download.".into()));
            }
        })
    };
    let on_html = export("-log.html", "text/html;charset=utf-8", true);
    let on_csv = export("-log.csv", "text/csv;charset=utf-8", false);
    let entries = log.entries.iter().enumerate().rev().map(|(i, e)| {
        let on_note = {
            let (set, log) = (set.clone(), log.clone());
            Callback::from(move |ev: Event| {
                let input: HtmlInputElement = ev.target_unchecked_into();
                set(log.set_note(i, &input.value()));
            })
        };
        let id = format!("meeting-note-{i}");
        html! {
            <li class="meeting-entry" data-entry={i.to_string()}>
                <p class="meeting-when"><strong>{ format!("{}. ", i + 1) }</strong>{ display_time(&e.at) }
                    { " · " }<a href={format!("#{}", e.fragment)}>{ "Open" }</a></p>
                <p class="meeting-changed">{ &e.changed }</p>
                <p class="meeting-headline">{ &e.headline }</p>
                <label for={id.clone()}>{ "Note" }</label>
                <input id={id} class="meeting-note" type="text" maxlength={meeting::MAX_NOTE.to_string()}
                    value={e.note.clone()} onchange={on_note} />
            </li>
        }
    });
    html! {
        <section class="meeting-log screen-only" aria-labelledby="meeting-h">
            <h3 id="meeting-h">{ "Meeting log" }</h3>
            <div class="export-buttons">
                if log.running {
                    <button type="button" id="meeting-stop" class="secondary" onclick={on_stop}>{ "End meeting" }</button>
                } else {
                    <button type="button" id="meeting-start" class="secondary" onclick={on_start}>{ "Start meeting" }</button>
                }
                <button type="button" id="meeting-html" class="secondary" onclick={on_html} disabled={log.entries.is_empty()}>{ "Log report (HTML)" }</button>
                <button type="button" id="meeting-csv" class="secondary" onclick={on_csv} disabled={log.entries.is_empty()}>{ "Log (CSV)" }</button>
            </div>
            if let Some(p) = &*problem {
                <p class="notice error" role="alert">{ p }</p>
            }
            <p class="muted" aria-live="polite" id="meeting-status">{
                if log.running { format!("Meeting running: {} scenarios logged. Each settled change is logged with its headline result.", log.entries.len()) }
                else if log.entries.is_empty() { "Start a meeting to log every scenario you settle on, with a note on any of them.".to_string() }
                else { format!("Meeting ended: {} scenarios logged.", log.entries.len()) }
            }</p>
            <ol class="meeting-entries" reversed=true>{ for entries }</ol>
        </section>
    }
}
