//! Header: title, preset picker and the options' names.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::codec::MAX_OPTIONS;
use crate::components::add_option::AddOption;
use crate::state::{check_option_name, Action};
use turnaround_engine::presets::PresetId;

/// Header properties.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The preset in use.
    pub preset: PresetId,
    /// Option names, in order.
    pub options: Vec<String>,
    /// Each option's route, in order.
    #[prop_or_default]
    pub routes: Vec<turnaround_engine::Route>,
    /// Whether the large-type setting is on.
    pub large_type: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// Title bar with the preset picker and editable option names.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let on_preset = props.dispatch.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::LoadPreset(PresetId::from_id(&value).unwrap_or(PresetId::Sandwell2012))
    });
    let can_remove = props.options.len() > 1;
    // A rejected name: which option, and why. The box shows the name in
    // force again, so what is on screen always matches the scenario.
    let name_error = use_state(|| None::<(usize, String)>);
    html! {
        <header class="header">
            <div class="brand">
                <h1>{ "Turnaround" }</h1>
                <p class="tagline">{ "Recruit a director of children's services, or in-source an improvement partner? Compare the routes, with their uncertainty." }</p>
            </div>
            <div class="header-controls">
                <label class="preset-picker">
                    <span>{ "Preset" }</span>
                    <select onchange={on_preset} aria-label="Preset scenario">
                        { for PresetId::ALL.iter().map(|p| html! {
                            <option value={p.id()} selected={*p == props.preset}>{ p.label() }</option>
                        }) }
                    </select>
                </label>
                <nav class="jump" aria-label="Go to">
                    <button class="secondary" onclick={Callback::from(|_| jump_to("results"))}>{ "Results" }</button>
                    <button class="secondary" onclick={Callback::from(|_| jump_to("assumptions"))}>{ "Assumptions" }</button>
                </nav>
                <label class="toggle">
                    <input
                        type="checkbox"
                        checked={props.large_type}
                        onchange={props.dispatch.reform(|e: Event| {
                            Action::SetLargeType(e.target_unchecked_into::<HtmlInputElement>().checked())
                        })}
                    />
                    <span>{ "Large type (projector)" }</span>
                </label>
                <div class="option-names" role="group" aria-label="Options compared">
                    { for props.options.iter().enumerate().map(|(i, name)| {
                        let on_change = {
                            let (dispatch, name_error, current) =
                                (props.dispatch.clone(), name_error.clone(), name.clone());
                            Callback::from(move |e: Event| {
                                let input = e.target_unchecked_into::<HtmlInputElement>();
                                let typed = input.value();
                                match check_option_name(&typed) {
                                    Ok(_) => {
                                        name_error.set(None);
                                        dispatch.emit(Action::RenameOption { option: i, name: typed });
                                    }
                                    Err(why) => {
                                        input.set_value(&current);
                                        name_error.set(Some((i, why)));
                                    }
                                }
                            })
                        };
                        let on_remove = props.dispatch.reform(move |_| Action::RemoveOption(i));
                        html! {
                            <span class={classes!("option-name", format!("opt-{i}"))}>
                                <span class="swatch" aria-hidden="true"></span>
                                <input
                                    type="text"
                                    value={name.clone()}
                                    maxlength="40"
                                    aria-label={format!("Name of option {}", i + 1)}
                                    onchange={on_change}
                                />
                                if can_remove {
                                    <button class="icon" onclick={on_remove}
                                        aria-label={format!("Remove option {name}")}
                                        title="Remove this option">{ "×" }</button>
                                }
                            </span>
                        }
                    }) }
                    if let Some((i, why)) = &*name_error {
                        <p class="name-error" role="alert">{ format!("Option {}: {why}", i + 1) }</p>
                    }
                    if props.options.len() < MAX_OPTIONS {
                        <AddOption routes={props.routes.clone()} dispatch={props.dispatch.clone()} />
                    }
                </div>
            </div>
        </header>
    }
}

/// Scrolls to a page section and moves keyboard focus there, without
/// touching the URL fragment (which holds the scenario).
fn jump_to(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        el.scroll_into_view();
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
