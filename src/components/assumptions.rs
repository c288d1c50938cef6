//! The assumptions panel: every parameter, grouped, with leadership shown
//! per option.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::codec::{parse_route, route_id};
use crate::components::param_field::{Edit, ParamField, SourceInfo};
use crate::councils::Origin;
use crate::params::{in_group, source_of, Group, ParamDef};
use crate::state::{Action, AppState};
use turnaround_engine::presets::PresetId;
use turnaround_engine::Route;

/// Panel properties.
#[derive(Properties, PartialEq)]
pub struct AssumptionsProps {
    /// The page state.
    pub state: AppState,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// Whether a leadership parameter matters for a route (the others are hidden).
pub fn applies(param: &ParamDef, route: Route) -> bool {
    param.applies(route)
}

/// The route's name for people.
pub fn route_label(route: Route) -> &'static str {
    match route {
        Route::Recruit => "Recruit a permanent director",
        Route::InSource => "In-source an improvement partner",
        Route::InterimChain => "Interim cover only (status quo)",
    }
}

fn source_for(preset: PresetId, council: Option<&str>, param: &ParamDef) -> Option<SourceInfo> {
    let d = crate::councils::data();
    let council = council.and_then(|c| d.council(c));
    if let Some(c) = council {
        let (_, filled) = crate::councils::scenario(d, c);
        if let Some(f) = filled.iter().find(|f| f.field == param.field) {
            if let Origin::Council { source, how } = &f.origin {
                return Some(SourceInfo {
                    note: source.clone(),
                    year: how.clone(),
                    estimate: false,
                });
            }
        }
    }
    source_of(preset, param).map(|s| SourceInfo {
        note: if council.is_some() {
            format!("England 2024 default: {}", s.note)
        } else {
            s.note.to_string()
        },
        year: s.year.to_string(),
        estimate: s.estimate,
    })
}

/// The callback every field shares (stable across renders).
struct Shared {
    on_set: Callback<Edit>,
}

fn field(state: &AppState, shared: &Shared, param: &'static ParamDef, option: usize) -> Html {
    let (Some(value), Some(baseline)) = (
        param.get(&state.input, option),
        param.get(
            &state.baseline,
            crate::params::baseline_option(&state.baseline, option),
        ),
    ) else {
        return html! {};
    };
    html! {
        <ParamField
            key={param.url_key(option)}
            {param}
            {option}
            {value}
            {baseline}
            source={source_for(state.preset, state.council.as_deref(), param)}
            on_set={shared.on_set.clone()}
            rejected={state.rejection_for(param, option).map(|m| AttrValue::from(m.to_string()))}
        />
    }
}

/// Every assumption, grouped as Leadership (per option), Workforce,
/// Placements, SEN transport, Finance, Stability and Simulation.
#[function_component(Assumptions)]
pub fn assumptions(props: &AssumptionsProps) -> Html {
    let selected = use_state(|| 0usize);
    let state = &props.state;
    // The shared callback is built once, so fields compare equal between renders.
    let shared = use_memo(props.dispatch.clone(), move |dispatch| Shared {
        on_set: dispatch.reform(|(param, option, value, commit)| Action::SetParam {
            param,
            option,
            value,
            commit,
        }),
    });
    let options = &state.input.options;
    let current = (*selected).min(options.len() - 1);

    // WAI-ARIA tabs: one tab stop; arrow keys, Home and End move between
    // tabs and select them (automatic activation).
    let count = options.len();
    let on_tab_key = {
        let selected = selected.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current + 1) % count,
                "ArrowLeft" | "ArrowUp" => (current + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            e.prevent_default();
            selected.set(next);
            if let Some(el) =
                gloo::utils::document().get_element_by_id(&format!("option-tab-{next}"))
            {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        })
    };
    let tabs = options.iter().enumerate().map(|(i, o)| {
        let selected = selected.clone();
        html! {
            <button
                type="button"
                role="tab"
                id={format!("option-tab-{i}")}
                aria-controls="option-panel"
                tabindex={if i == current { "0" } else { "-1" }}
                class={classes!("tab", format!("opt-{i}"))}
                aria-selected={(i == current).to_string()}
                onclick={Callback::from(move |_| selected.set(i))}
                onkeydown={on_tab_key.clone()}
            >
                <span class="swatch" aria-hidden="true"></span>{ &o.name }
            </button>
        }
    });
    let route = options[current].route;
    let on_route = props.dispatch.reform(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetRoute {
            option: current,
            route: parse_route(&v).unwrap_or(Route::Recruit),
        }
    });

    let groups = Group::ALL.iter().filter(|g| **g != Group::Leadership).map(|g| {
        html! {
            <details class="group" open={*g != Group::Stability && *g != Group::Simulation}>
                <summary><h2>{ g.label() }</h2></summary>
                { for in_group(*g).map(|p| field(state, &shared, p, 0)) }
                if *g == Group::Stability {
                    <p class="note">{ "Stability is an index from 0 to 1 that this model assumes; it is not measured. Set a coupling to 0 and leadership affects only leadership cost." }</p>
                }
            </details>
        }
    });

    html! {
        <aside class="assumptions" id="assumptions" tabindex="-1" aria-label="Assumptions">
            <details class="group" open=true>
                <summary><h2>{ "Leadership" }</h2></summary>
                <div role="tablist" class="tabs" aria-label="Option to edit">{ for tabs }</div>
                <div role="tabpanel" class="tabpanel" id="option-panel" aria-labelledby={format!("option-tab-{current}")}>
                    <label class="route">
                        <span>{ "Route" }</span>
                        <select onchange={on_route} aria-label={format!("Leadership route of {}", options[current].name)}>
                            { for [Route::Recruit, Route::InSource, Route::InterimChain].iter().map(|r| html! {
                                <option value={route_id(*r)} selected={*r == route}>{ route_label(*r) }</option>
                            }) }
                        </select>
                    </label>
                    { for in_group(Group::Leadership)
                        .filter(|p| applies(p, route))
                        .map(|p| field(state, &shared, p, current)) }
                </div>
            </details>
            { for groups }
        </aside>
    }
}
