//! "Scenarios side by side": pick two to four saved scenarios, pasted links
//! or the scenario on the page, and see their headline figures in one
//! table, with the figures that differ from the first scenario marked, each
//! scenario openable, and the table as CSV.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::compare::{self, Column, Compared, Origin, MAX_COMPARED, MIN_COMPARED};
use crate::components::share_panel::page_address;
use crate::hooks::compare_runs::{use_compare_runs, RunState};
use crate::hooks::download::download_text;
use crate::hooks::storage::{local_store, now_iso, use_saved, Listing};
use crate::saved::{self, Entry};
use crate::state::Action;

/// Side-by-side properties.
#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// The scenarios picked, in column order (from the page state).
    pub compared: Vec<Compared>,
    /// The scenario on the page: its fragment and name.
    pub fragment: AttrValue,
    /// The scenario on the page's name.
    pub name: AttrValue,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

#[derive(Clone, PartialEq)]
enum Message {
    Done(String),
    Problem(String),
}

/// The side-by-side panel.
#[function_component(ComparePanel)]
pub fn compare_panel(props: &ComparePanelProps) -> Html {
    let saved = use_saved(local_store());
    let message = use_state(|| None::<Message>);
    let pick = use_state(String::new);
    let link = use_state(String::new);
    let link_name = use_state(String::new);

    // Decoded once per selection, not on every render of the page.
    let decoded = use_memo(props.compared.clone(), |c| {
        c.iter().map(|c| c.decoded()).collect::<Vec<_>>()
    });
    let runs = use_compare_runs(
        props
            .compared
            .iter()
            .zip(decoded.iter())
            .map(|(c, d)| (c.fragment.clone(), d.input.clone()))
            .collect(),
    );

    // Adds an item, or says why not.
    let add = {
        let (dispatch, message, compared) = (
            props.dispatch.clone(),
            message.clone(),
            props.compared.clone(),
        );
        move |item: Compared, extra: Option<String>| -> bool {
            match compare::check_add(&compared, &item) {
                Ok(()) => {
                    let text = match extra {
                        Some(w) => {
                            Message::Problem(format!("Added \u{201c}{}\u{201d}. {w}", item.label))
                        }
                        None => Message::Done(format!("Added \u{201c}{}\u{201d}.", item.label)),
                    };
                    dispatch.emit(Action::CompareAdd(item));
                    message.set(Some(text));
                    true
                }
                Err(why) => {
                    message.set(Some(Message::Problem(why)));
                    false
                }
            }
        }
    };

    let entries: Vec<Entry> = match saved.listing() {
        Listing::Ready(list) => list.clone(),
        Listing::Problem(_) => Vec::new(),
    };
    let on_pick = {
        let pick = pick.clone();
        Callback::from(move |e: Event| {
            pick.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_focus_saved = {
        let saved = saved.clone();
        Callback::from(move |_: FocusEvent| saved.refresh())
    };
    let on_add_saved = {
        let (add, pick, message, entries) =
            (add.clone(), pick.clone(), message.clone(), entries.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(entry) = pick.parse::<usize>().ok().and_then(|i| entries.get(i)) else {
                message.set(Some(Message::Problem(
                    "Choose a saved scenario first.".into(),
                )));
                return;
            };
            let label = entry.name().unwrap_or("(no name)").to_string();
            match (saved::open(entry), entry) {
                (Ok(opened), Entry::Saved(s)) => {
                    let extra = (!opened.warnings.is_empty())
                        .then(|| compare::warnings_text(&opened.warnings));
                    add(
                        Compared {
                            label,
                            fragment: s.fragment.trim_start_matches('#').to_string(),
                            origin: Origin::Saved(s.saved_at.clone()),
                        },
                        extra,
                    );
                }
                (Err(why), _) => message.set(Some(Message::Problem(format!(
                    "\u{201c}{label}\u{201d}: {why}"
                )))),
                (Ok(_), Entry::Damaged(_)) => {}
            }
        })
    };
    let on_add_link = {
        let (add, link, link_name, message, compared) = (
            add.clone(),
            link.clone(),
            link_name.clone(),
            message.clone(),
            props.compared.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match compare::read_link(&link) {
                Ok((fragment, decoded)) => {
                    let typed = link_name.trim();
                    let label = if typed.is_empty() {
                        let n = compared.iter().filter(|c| c.origin == Origin::Link).count() + 1;
                        format!("Link {n}")
                    } else {
                        typed.chars().take(saved::MAX_NAME).collect()
                    };
                    let extra = (!decoded.warnings.is_empty())
                        .then(|| compare::warnings_text(&decoded.warnings));
                    if add(
                        Compared {
                            label,
                            fragment,
                            origin: Origin::Link,
                        },
                        extra,
                    ) {
                        link.set(String::new());
                        link_name.set(String::new());
                    }
                }
                Err(why) => message.set(Some(Message::Problem(why.to_string()))),
            }
        })
    };
    let on_add_current = {
        let (add, fragment, name) = (add.clone(), props.fragment.clone(), props.name.clone());
        Callback::from(move |_| {
            add(
                Compared {
                    label: format!("On the page: {name}")
                        .chars()
                        .take(saved::MAX_NAME)
                        .collect(),
                    fragment: fragment.to_string(),
                    origin: Origin::Current,
                },
                None,
            );
        })
    };

    let columns: Vec<Column> = props
        .compared
        .iter()
        .zip(decoded.iter())
        .map(|(c, d)| Column {
            label: &c.label,
            decoded: d,
            results: runs.0.iter().find_map(|(k, s)| match s {
                RunState::Done(r) if *k == c.fragment => Some(r.as_ref()),
                _ => None,
            }),
        })
        .collect();
    let failed: Vec<String> = props
        .compared
        .iter()
        .filter_map(|c| match runs.get(&c.fragment) {
            RunState::Failed(why) => Some(format!("{}: {why}", c.label)),
            _ => None,
        })
        .collect();
    let ready = columns.iter().all(|c| c.results.is_some());
    let enough = props.compared.len() >= MIN_COMPARED;
    let table = (!props.compared.is_empty()).then(|| compare::table(&columns));
    let links: Vec<String> = props
        .compared
        .iter()
        .map(|c| format!("{}#{}", page_address(), c.fragment))
        .collect();
    let on_csv = {
        let (table, links, message) = (table.clone(), links.clone(), message.clone());
        Callback::from(move |_| {
            let Some(t) = &table else { return };
            // `turnaround-side-by-side-3-scenarios-base-2012-2026-11-27`
            let name = crate::paper::file_stem(
                &format!("side by side {} scenarios {}", t.head.len(), t.head[0]),
                &now_iso(),
            );
            if download_text(&format!("{name}.csv"), "text/csv", &compare::csv(t, &links)).is_err()
            {
                message.set(Some(Message::Problem(
                    "The browser did not let the page download the file.".into(),
                )));
            }
        })
    };
    let full = props.compared.len() >= MAX_COMPARED;

    html! {
        <section class="compare" id="compare" aria-labelledby="compare-h">
            <h2 id="compare-h">{ "Scenarios side by side" }</h2>
            <p class="muted">{ format!(
                "Pick {MIN_COMPARED} to {MAX_COMPARED} scenarios (saved in this browser, pasted links, or the one on the page) to see their headline figures in one table. Each runs with its own seed and paths, so its figures are the ones it shows when opened."
            ) }</p>
            <div class="compare-pickers">
                <form class="compare-saved" onsubmit={on_add_saved}>
                    <label for="compare-saved-pick">{ "A saved scenario" }</label>
                    <div class="compare-row">
                        <select id="compare-saved-pick" onchange={on_pick} onfocus={on_focus_saved} disabled={full}>
                            <option value="" selected={pick.is_empty()}>{ if entries.is_empty() { "nothing saved yet" } else { "choose…" } }</option>
                            { for entries.iter().enumerate().map(|(i, e)| html! {
                                <option value={i.to_string()} selected={*pick == i.to_string()}>{ e.name().unwrap_or("(no name)") }</option>
                            }) }
                        </select>
                        <button type="submit" class="compare-add" disabled={full}>{ "Add" }</button>
                    </div>
                </form>
                <form class="compare-link" onsubmit={on_add_link}>
                    <label for="compare-link-text">{ "A link" }</label>
                    <input id="compare-link-text" type="text" value={(*link).clone()} spellcheck="false" disabled={full}
                        placeholder="https://…#v=2&preset=…"
                        oninput={{ let link = link.clone(); Callback::from(move |e: InputEvent| link.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} />
                    <label for="compare-link-name">{ "Its name in the table (optional)" }</label>
                    <div class="compare-row">
                        <input id="compare-link-name" type="text" value={(*link_name).clone()} disabled={full}
                            maxlength={saved::MAX_NAME.to_string()}
                            oninput={{ let n = link_name.clone(); Callback::from(move |e: InputEvent| n.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} />
                        <button type="submit" class="compare-add" disabled={full}>{ "Add link" }</button>
                    </div>
                </form>
                <p class="compare-current">
                    <button type="button" class="secondary" id="compare-add-current" onclick={on_add_current} disabled={full}>
                        { "Add the scenario on the page" }
                    </button>
                </p>
            </div>
            <div class="compare-message" aria-live="polite">
                { match &*message {
                    Some(Message::Done(text)) => html! { <p class="ok" role="status">{ text }</p> },
                    Some(Message::Problem(text)) => html! { <p class="notice error" role="alert">{ text }</p> },
                    None => html! {},
                } }
            </div>
            if !enough {
                <p class="muted">{ format!("Add at least {} more to compare.", MIN_COMPARED - props.compared.len()) }</p>
            }
            { for failed.iter().map(|f| html! { <p class="notice error" role="alert">{ f.clone() }</p> }) }
            if let Some(t) = &table {
                { view_table(t, &props.compared, &links, ready, &props.dispatch) }
                <div class="compare-actions">
                    <button type="button" class="secondary" id="compare-csv" onclick={on_csv} disabled={!ready || !enough}>{ "Download the table (CSV)" }</button>
                    <button type="button" class="link" id="compare-clear" onclick={props.dispatch.reform(|_| Action::CompareClear)}>{ "Clear the table" }</button>
                </div>
            }
        </section>
    }
}

/// The table: a column per scenario (its name, where it came from, Open and
/// Remove), a row per figure, grouped; a cell that differs from the first
/// scenario's is bold, marked ≠ and says so to a screen reader.
fn view_table(
    t: &compare::Table,
    picked: &[Compared],
    links: &[String],
    ready: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let first = picked.first().map(|c| c.label.as_str()).unwrap_or_default();
    let cols = t.head.len() + 1;
    let mut last_group = String::new();
    let mut body: Vec<Html> = Vec::new();
    for row in &t.rows {
        if row.group != last_group {
            last_group = row.group.clone();
            body.push(html! {
                <tr class="compare-group"><th scope="colgroup" colspan={cols.to_string()}>{ &row.group }</th></tr>
            });
        }
        body.push(html! {
            <tr data-metric={row.metric} data-group={row.group.clone()} class={classes!(row.differs().then_some("row-differs"))}>
                <th scope="row">{ &row.label }</th>
                { for row.cells.iter().map(|c| if c.differs {
                    html! {
                        <td class="differs" data-differs="true">
                            <strong>{ &c.text }</strong>
                            <span class="differs-mark" aria-hidden="true">{ " ≠" }</span>
                            <span class="sr-only">{ format!(" (differs from {first})") }</span>
                        </td>
                    }
                } else {
                    html! { <td>{ &c.text }</td> }
                }) }
            </tr>
        });
    }
    html! {
        <>
            <p class="compare-legend">
                <strong>{ "Bold with ≠" }</strong>{ format!(": differs from the first scenario, {first}.") }
                if !ready { { " The figures fill in as each scenario finishes running." } }
            </p>
            { for t.notes.iter().map(|n| html! { <p class="compare-note notice warning" role="note">{ n.clone() }</p> }) }
            <div class="table-scroll compare-scroll" tabindex="0" role="region" aria-label="Scenarios side by side: table">
                <table class="compare-table" id="compare-table" aria-busy={(!ready).to_string()}>
                    <caption>{ "Headline figures, scenario by scenario" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Figure" }</th>
                            { for picked.iter().zip(links).enumerate().map(|(i, (c, l))| html! {
                                <th scope="col" data-label={c.label.clone()}>
                                    <span class="compare-col-name">{ &c.label }</span>
                                    <span class="compare-origin">{ match &c.origin {
                                        Origin::Saved(at) => format!("saved {}", saved::display_time(at)),
                                        Origin::Link => "pasted link".to_string(),
                                        Origin::Current => "from the page".to_string(),
                                    } }</span>
                                    <a class="compare-open" href={l.clone()} aria-label={format!("Open {} in the page", c.label)}>{ "Open" }</a>
                                    <button type="button" class="link compare-remove" aria-label={format!("Remove {} from the table", c.label)}
                                        onclick={dispatch.reform(move |_| Action::CompareRemove(i))}>{ "Remove" }</button>
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </>
    }
}
