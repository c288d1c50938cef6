//! Adding an option: the user picks its leadership route first, so a new
//! option is a real alternative rather than a silent copy.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::codec::{parse_route, route_id};
use crate::components::assumptions::route_label;
use crate::state::Action;
use turnaround_engine::Route;

/// Add-option properties.
#[derive(Properties, PartialEq)]
pub struct AddOptionProps {
    /// Routes of the options there are now.
    pub routes: Vec<Route>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The routes a new option can follow, in order.
pub const ROUTES: [Route; 3] = [Route::Recruit, Route::InSource, Route::InterimChain];

/// The route offered first: the first one no option follows yet.
pub fn suggested(routes: &[Route]) -> Route {
    ROUTES
        .into_iter()
        .find(|r| !routes.contains(r))
        .unwrap_or(Route::Recruit)
}

/// A route picker and an "Add option" button.
#[function_component(AddOption)]
pub fn add_option(props: &AddOptionProps) -> Html {
    let choice = use_state(|| None::<Route>);
    let route = choice.unwrap_or_else(|| suggested(&props.routes));
    let on_pick = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            choice.set(parse_route(&v));
        })
    };
    let on_add = {
        let (dispatch, choice) = (props.dispatch.clone(), choice.clone());
        Callback::from(move |_| {
            choice.set(None);
            dispatch.emit(Action::AddOptionWithRoute(route));
        })
    };
    html! {
        <div class="add-option" role="group" aria-label="Add an option">
            <label>
                <span>{ "New option's route" }</span>
                <select id="new-option-route" onchange={on_pick}>
                    { for ROUTES.iter().map(|r| html! {
                        <option value={route_id(*r)} selected={*r == route}>{ route_label(*r) }</option>
                    }) }
                </select>
            </label>
            <button type="button" class="secondary" onclick={on_add}>{ "+ Add option" }</button>
        </div>
    }
}
