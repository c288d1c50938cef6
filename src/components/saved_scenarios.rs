//! Saved scenarios: save the current scenario under a name, and open,
//! rename or delete the ones saved in this browser.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::storage::{local_store, now_iso, use_saved, Listing, StoreRef};
use crate::saved::{self, Entry, MAX_NAME};
use crate::state::Action;
use turnaround_engine::presets::PresetId;

/// Saved scenarios properties.
#[derive(Properties, PartialEq)]
pub struct SavedScenariosProps {
    /// The current preset.
    pub preset: PresetId,
    /// The current share-link fragment (what gets saved).
    pub fragment: AttrValue,
    /// Where `Action::Open` goes.
    pub dispatch: Callback<Action>,
    /// Where the list is kept (localStorage unless a test says otherwise).
    #[prop_or_else(local_store)]
    pub store: StoreRef,
}

#[derive(Clone, PartialEq)]
enum Message {
    Done(String),
    Problem(String),
}

/// What the user is doing to one entry.
#[derive(Clone, PartialEq)]
enum Editing {
    None,
    Rename(usize),
    ConfirmDelete(usize),
}

fn value_of(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The saved-scenarios panel.
#[function_component(SavedScenarios)]
pub fn saved_scenarios(props: &SavedScenariosProps) -> Html {
    let handle = use_saved(props.store.clone());
    let name = use_state(String::new);
    let new_name = use_state(String::new);
    let editing = use_state(|| Editing::None);
    let message = use_state(|| None::<Message>);

    let on_save = {
        let handle = handle.clone();
        let name = name.clone();
        let message = message.clone();
        let fragment = props.fragment.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (message, name_box) = (message.clone(), name.clone());
            let typed = name.trim().to_string();
            // "Saved" only once the save is checked as kept in storage.
            let done = Callback::from(move |outcome: Result<(), String>| match outcome {
                Ok(()) => {
                    message.set(Some(Message::Done(format!(
                        "Saved \u{201c}{typed}\u{201d} in this browser."
                    ))));
                    name_box.set(String::new());
                }
                Err(why) => message.set(Some(Message::Problem(why))),
            });
            handle.save(&name, &now_iso(), &fragment, done);
        })
    };

    let listing = handle.listing().clone();
    let entries: Vec<Entry> = match &listing {
        Listing::Ready(list) => list.clone(),
        Listing::Problem(_) => Vec::new(),
    };

    let row = |index: usize, entry: &Entry| -> Html {
        let label = entry.name().unwrap_or("(no name)").to_string();
        let when = match entry {
            Entry::Saved(s) => format!("saved {}", saved::display_time(&s.saved_at)),
            Entry::Damaged(_) => "damaged entry".to_string(),
        };
        let on_open = {
            let entry = entry.clone();
            let dispatch = props.dispatch.clone();
            let message = message.clone();
            let label = label.clone();
            Callback::from(move |_| match saved::open(&entry) {
                Ok(opened) => {
                    dispatch.emit(Action::Open {
                        preset: opened.preset,
                        input: opened.input,
                        council: opened.council.clone(),
                    });
                    let text = if opened.warnings.is_empty() {
                        format!("Opened \u{201c}{label}\u{201d}.")
                    } else {
                        let notes: Vec<String> =
                            opened.warnings.iter().map(|w| w.to_string()).collect();
                        format!(
                            "Opened \u{201c}{label}\u{201d}, but some parts were not applied: {}.",
                            notes.join("; ")
                        )
                    };
                    message.set(Some(Message::Done(text)));
                }
                Err(why) => message.set(Some(Message::Problem(format!(
                    "\u{201c}{label}\u{201d}: {why}"
                )))),
            })
        };
        let start_rename = {
            let editing = editing.clone();
            let new_name = new_name.clone();
            let label = label.clone();
            Callback::from(move |_| {
                new_name.set(label.clone());
                editing.set(Editing::Rename(index));
            })
        };
        let start_delete = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(Editing::ConfirmDelete(index)))
        };
        let cancel = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(Editing::None))
        };
        let body = match *editing {
            Editing::Rename(i) if i == index => {
                let on_rename = {
                    let handle = handle.clone();
                    let editing = editing.clone();
                    let message = message.clone();
                    let new_name = new_name.clone();
                    let old = label.clone();
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let (message, editing) = (message.clone(), editing.clone());
                        let text = format!(
                            "Renamed \u{201c}{old}\u{201d} to \u{201c}{}\u{201d}.",
                            new_name.trim()
                        );
                        let done =
                            Callback::from(move |outcome: Result<(), String>| match outcome {
                                Ok(()) => {
                                    message.set(Some(Message::Done(text.clone())));
                                    editing.set(Editing::None);
                                }
                                Err(why) => message.set(Some(Message::Problem(why))),
                            });
                        handle.rename(index, &old, &new_name, done);
                    })
                };
                let on_input = {
                    let new_name = new_name.clone();
                    Callback::from(move |e: InputEvent| new_name.set(value_of(&e)))
                };
                html! {
                    <form class="saved-rename" onsubmit={on_rename}>
                        <label>
                            <span class="sr-only">{ format!("New name for {label}") }</span>
                            <input type="text" class="rename-input" value={(*new_name).clone()}
                                maxlength={MAX_NAME.to_string()} oninput={on_input} autofocus=true />
                        </label>
                        <button type="submit">{ "Save name" }</button>
                        <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                    </form>
                }
            }
            Editing::ConfirmDelete(i) if i == index => {
                let on_delete = {
                    let handle = handle.clone();
                    let editing = editing.clone();
                    let message = message.clone();
                    let old = label.clone();
                    Callback::from(move |_| {
                        let (message, old) = (message.clone(), old.clone());
                        let text = format!("Deleted \u{201c}{old}\u{201d}.");
                        let done =
                            Callback::from(move |outcome: Result<(), String>| match outcome {
                                Ok(()) => message.set(Some(Message::Done(text.clone()))),
                                Err(why) => message.set(Some(Message::Problem(why))),
                            });
                        handle.delete(index, &old, done);
                        editing.set(Editing::None);
                    })
                };
                html! {
                    <div class="saved-confirm" role="group" aria-label={format!("Delete {label}?")}>
                        <span>{ format!("Delete \u{201c}{label}\u{201d}?") }</span>
                        <button type="button" class="danger confirm-delete" onclick={on_delete}>{ "Yes, delete" }</button>
                        <button type="button" class="secondary" onclick={cancel}>{ "Keep it" }</button>
                    </div>
                }
            }
            _ => html! {
                <>
                    <span class="saved-name">{ label.clone() }</span>
                    <span class="saved-when">{ when }</span>
                    <span class="saved-actions">
                        <button type="button" class="open" onclick={on_open}
                            aria-label={format!("Open {label}")}>{ "Open" }</button>
                        if matches!(entry, Entry::Saved(_)) {
                            <button type="button" class="secondary rename" onclick={start_rename}
                                aria-label={format!("Rename {label}")}>{ "Rename" }</button>
                        }
                        <button type="button" class="secondary delete" onclick={start_delete}
                            aria-label={format!("Delete {label}")}>{ "Delete" }</button>
                    </span>
                </>
            },
        };
        html! { <li class="saved-item" data-name={label.clone()}>{ body }</li> }
    };

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(value_of(&e)))
    };
    let disabled = matches!(listing, Listing::Problem(_));

    html! {
        <section class="saved" aria-labelledby="saved-h">
            <h3 id="saved-h">{ "Saved in this browser" }</h3>
            <form class="save-form" onsubmit={on_save}>
                <label for="save-name">{ "Name for this scenario" }</label>
                <div class="save-row">
                    <input id="save-name" type="text" value={(*name).clone()} oninput={on_name}
                        maxlength={MAX_NAME.to_string()} disabled={disabled}
                        placeholder={format!("e.g. {} – 3-year contract", props.preset.label())} />
                    <button type="submit" disabled={disabled}>{ "Save" }</button>
                </div>
            </form>
            <div class="saved-message" aria-live="polite">
                { match &*message {
                    Some(Message::Done(text)) => html! { <p class="ok" role="status">{ text }</p> },
                    Some(Message::Problem(text)) => html! { <p class="notice error" role="alert">{ text }</p> },
                    None => html! {},
                } }
            </div>
            { match &listing {
                Listing::Problem(why) => html! { <p class="notice error saved-problem" role="alert">{ why }</p> },
                Listing::Ready(_) if entries.is_empty() => html! {
                    <p class="muted">{ "Nothing saved yet. Saved scenarios stay in this browser on this device; use the link to share." }</p>
                },
                Listing::Ready(_) => html! {
                    <ul class="saved-list">
                        { for entries.iter().enumerate().map(|(i, e)| row(i, e)) }
                    </ul>
                },
            } }
        </section>
    }
}
