//! "Your council": a searchable council picker (an ARIA combobox), the
//! values filled from the chosen council's own DfE figures with their
//! sources, and where the council sits among all councils.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::councils::{data, scale, scenario, shown, Origin};
use crate::state::Action;
use turnaround_engine::presets::PresetId;
use turnaround_engine::ScenarioInput;

/// Most suggestions listed at once.
const MAX_SUGGESTIONS: usize = 8;

/// Council picker properties.
#[derive(Properties, PartialEq)]
pub struct CouncilPickerProps {
    /// The council in use (its code), if any.
    pub council: Option<String>,
    /// The scenario the page starts from (the council's, when one is chosen).
    pub baseline: Rc<ScenarioInput>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The picker and, once a council is chosen, its filled values and scale.
#[function_component(CouncilPicker)]
pub fn council_picker(props: &CouncilPickerProps) -> Html {
    let query = use_state(String::new);
    let open = use_state(|| false);
    let active = use_state(|| 0usize);
    let d = data();
    let hits: Vec<_> = d.search(&query).into_iter().take(MAX_SUGGESTIONS).collect();
    let n = hits.len();
    let current = (*active).min(n.saturating_sub(1));

    let choose = {
        let (dispatch, query, open) = (props.dispatch.clone(), query.clone(), open.clone());
        Callback::from(move |code: String| {
            open.set(false);
            query.set(String::new());
            dispatch.emit(Action::LoadCouncil(code));
        })
    };
    let on_input = {
        let (query, open, active) = (query.clone(), open.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
            open.set(true);
            active.set(0);
        })
    };
    let on_key = {
        let (open, active, choose) = (open.clone(), active.clone(), choose.clone());
        let codes: Vec<String> = hits.iter().map(|c| c.code.clone()).collect();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                open.set(true);
                if *open && n > 0 {
                    active.set((current + 1) % n);
                }
            }
            "ArrowUp" => {
                e.prevent_default();
                if n > 0 {
                    active.set((current + n - 1) % n);
                }
            }
            "Enter" if *open && n > 0 => {
                e.prevent_default();
                choose.emit(codes[current].clone());
            }
            "Escape" => open.set(false),
            _ => {}
        })
    };
    let on_blur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let on_focus = {
        let open = open.clone();
        let query = query.clone();
        Callback::from(move |_: FocusEvent| open.set(!query.is_empty()))
    };
    let expanded = *open && !query.is_empty();

    let chosen = props.council.as_deref().and_then(|c| d.council(c));
    let status = match (expanded, n) {
        (true, 0) => "No council matches".to_string(),
        (true, 1) => "1 council matches".to_string(),
        (true, k) => format!("{k} councils match (of the first {MAX_SUGGESTIONS})"),
        _ => String::new(),
    };

    html! {
        <section class="council" aria-labelledby="council-h">
            <h2 id="council-h">{ "Your council" }</h2>
            <div class="council-search">
                <label for="council-input">{ "Start from a council's own DfE figures" }</label>
                <input
                    id="council-input"
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Type a council's name, e.g. Sand"
                    aria-autocomplete="list"
                    aria-controls="council-list"
                    aria-expanded={expanded.to_string()}
                    aria-activedescendant={(expanded && n > 0).then(|| format!("council-opt-{current}"))}
                    aria-describedby="council-hint"
                    value={(*query).clone()}
                    oninput={on_input}
                    onkeydown={on_key}
                    onblur={on_blur}
                    onfocus={on_focus}
                />
                <p id="council-hint" class="note">
                    { "153 English councils. Use the arrow keys and Enter, or tap a name." }
                </p>
                <p class="sr-only" role="status" aria-live="polite">{ status }</p>
                if expanded {
                    <ul id="council-list" role="listbox" aria-label="Councils" class="council-list">
                        { for hits.iter().enumerate().map(|(i, c)| {
                            let code = c.code.clone();
                            let choose = choose.clone();
                            // mousedown, not click: choosing must happen before the
                            // input's blur closes the list (touch taps fire it too).
                            let on_pick = Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                choose.emit(code.clone());
                            });
                            html! {
                                <li id={format!("council-opt-{i}")} role="option"
                                    class={classes!((i == current).then_some("active"))}
                                    aria-selected={(i == current).to_string()}
                                    onmousedown={on_pick}>
                                    { &c.name }<span class="council-meta">{ format!(" {} · {}", c.region, c.code) }</span>
                                </li>
                            }
                        }) }
                        if n == 0 {
                            <li class="council-none" role="option" aria-disabled="true" aria-selected="false">
                                { "No council matches; try part of the name" }
                            </li>
                        }
                    </ul>
                }
            </div>
            if let Some(c) = chosen {
                { council_figures(d, c, &props.baseline, &props.dispatch) }
            } else {
                <p class="note">{ "No council chosen: the scenario uses the preset's figures." }</p>
            }
        </section>
    }
}

fn council_figures(
    d: &crate::councils::Data,
    c: &crate::councils::Council,
    baseline: &ScenarioInput,
    dispatch: &Callback<Action>,
) -> Html {
    let (_, filled) = scenario(d, c);
    let on_clear = dispatch.reform(|_| Action::LoadPreset(PresetId::England2024));
    html! {
        <details class="council-chosen" id="council-chosen" open=true>
            <summary><h3>{ format!("{} ({}), {}", c.name, c.code, c.region) }</h3></summary>
            <div class="council-columns">
                <div>
                    <h4>{ "Filled from the council's figures" }</h4>
                    <dl class="council-filled">
                        { for filled.iter().map(|f| {
                            let from_council = matches!(f.origin, Origin::Council { .. });
                            html! {
                                <div class={classes!("filled", if from_council { "from-council" } else { "england-default" })}
                                     data-field={f.field.meta().path}>
                                    <dt>{ f.label }</dt>
                                    <dd>
                                        <span class="filled-value">{ shown(f.field, baseline) }</span>
                                        <span class="filled-source">{ f.source_text() }</span>
                                    </dd>
                                </div>
                            }
                        }) }
                    </dl>
                    <p class="note">{ "Every other assumption keeps the England 2024 default (its source is beside it)." }</p>
                </div>
                <div>
                    <h4>{ "Sense of scale" }</h4>
                    <ul class="council-scale">
                        { for scale(d, c).into_iter().map(|l| html! {
                            <li>
                                <strong>{ format!("{} {}", l.label, l.value) }</strong>
                                { format!(" ({}): {}", l.period, l.position) }
                            </li>
                        }) }
                    </ul>
                    <p class="note">{ "Among English councils with a figure for the same year; DfE figures (Open Government Licence v3)." }</p>
                </div>
            </div>
            <button class="secondary" onclick={on_clear}>{ "Clear council (England 2024 preset)" }</button>
        </details>
    }
}
