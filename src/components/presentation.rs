//! Presentation mode, for a projector or a shared screen: the verdict, then
//! one chart at a time, with the few assumptions that matter most as large
//! controls and a large QR code for the room. Arrow keys, Space, Page Up and
//! Page Down (what a clicker sends) move between slides; Esc leaves.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{
    chart_panel::ChartPanel,
    comparison::Comparison,
    param_field::ParamField,
    share_panel::{page_address, qr_svg},
    verdict::Verdict,
};
use crate::hooks::ComputeState;
use crate::params::{baseline_option, find};
use crate::state::{Action, AppState};
use crate::view_model;
use turnaround_engine::Route;

/// Presentation properties.
#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    /// The page state (for the large controls).
    pub state: AppState,
    /// The newest results.
    pub compute: ComputeState,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The slides after the verdict, by chart id.
pub const CHART_SLIDES: [&str; 4] = [
    "chart-difference",
    "chart-cumulative",
    "chart-annual",
    "chart-agency",
];

/// The slide a key asks for, from `current` of `count`; `None` for a key
/// that does not navigate. Esc is handled separately.
pub fn next_slide(key: &str, current: usize, count: usize) -> Option<usize> {
    let last = count.saturating_sub(1);
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Enter" => Some((current + 1).min(last)),
        "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => Some(current.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// Registry keys of the large controls, with the route whose first option
/// they belong to (`None`: shared by every option).
const CONTROLS: [(&str, Option<Route>); 3] = [
    ("ctr.value", Some(Route::InSource)),
    ("dcs.tenure", Some(Route::Recruit)),
    ("wf.premium", None),
];

/// The full-screen presentation.
#[function_component(Presentation)]
pub fn presentation(props: &PresentationProps) -> Html {
    let slide = use_state(|| 0usize);
    let count = 1 + CHART_SLIDES.len();
    {
        let (slide, dispatch) = (slide.clone(), props.dispatch.clone());
        use_effect_with(*slide, move |current| {
            let current = *current;
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    // Keys belong to a control that has focus.
                    let in_control = gloo::utils::document().active_element().is_some_and(|el| {
                        matches!(
                            el.tag_name().to_ascii_lowercase().as_str(),
                            "input" | "select" | "textarea" | "button"
                        )
                    });
                    if e.key() == "Escape" {
                        e.prevent_default();
                        dispatch.emit(Action::SetPresent(false));
                    } else if !in_control {
                        if let Some(n) = next_slide(&e.key(), current, count) {
                            e.prevent_default();
                            slide.set(n);
                        }
                    }
                },
            );
            move || drop(listener)
        });
    }
    let state = &props.state;
    let results = props.compute.results.clone();
    let current = (*slide).min(count - 1);
    let go = |n: usize| {
        let slide = slide.clone();
        Callback::from(move |_| slide.set(n))
    };
    let on_set = props
        .dispatch
        .reform(|(param, option, value, commit)| Action::SetParam {
            param,
            option,
            value,
            commit,
        });
    let controls = CONTROLS.iter().filter_map(|(key, route)| {
        let param = find(key)?;
        let option = match route {
            Some(r) => state.input.options.iter().position(|o| o.route == *r)?,
            None => 0,
        };
        let value = param.get(&state.input, option)?;
        let baseline = param.get(&state.baseline, baseline_option(&state.baseline, option))?;
        let who = if param.per_option() {
            format!("{}: ", state.input.options[option].name)
        } else {
            String::new()
        };
        Some(html! {
            <div class="present-control">
                <p class="present-control-who">{ who }</p>
                <ParamField key={param.url_key(option)} {param} {option} {value} {baseline} source={None::<crate::components::param_field::SourceInfo>}
                    on_set={on_set.clone()}
                    rejected={state.rejection_for(param, option).map(|m| AttrValue::from(m.to_string()))} />
            </div>
        })
    });
    let url = format!("{}#{}", page_address(), state.fragment());
    let body = match (&results, current) {
        (None, _) => html! { <p class="present-status">{ "Simulating…" }</p> },
        (Some(r), 0) => html! {
            <div class="present-verdict">
                <Verdict results={r.clone()} />
                <Comparison results={r.clone()} />
            </div>
        },
        (Some(r), n) => {
            let id = CHART_SLIDES[n - 1];
            let spec = match id {
                "chart-difference" => view_model::difference(r, 0),
                "chart-cumulative" => Some(view_model::cumulative(r)),
                "chart-annual" => Some(view_model::annual(r)),
                _ => Some(view_model::agency(r)),
            };
            match spec {
                Some(spec) => html! {
                    <ChartPanel type_scale={1.7} id={format!("present-{id}")} caption={spec.caption()}
                        spec={Rc::new(spec)} />
                },
                None => html! { <p>{ "This chart needs two options." }</p> },
            }
        }
    };
    html! {
        <div class="presentation" role="region" aria-label="Presentation" data-slide={current.to_string()}>
            <div class="present-bar">
                <p class="present-count" aria-live="polite">{ format!("Slide {} of {count}", current + 1) }</p>
                <div class="present-nav">
                    <button type="button" class="secondary" id="present-prev" disabled={current == 0} onclick={go(current.saturating_sub(1))}>{ "Previous" }</button>
                    <button type="button" class="secondary" id="present-next" disabled={current + 1 == count} onclick={go((current + 1).min(count - 1))}>{ "Next" }</button>
                    <button type="button" class="secondary" id="present-exit" onclick={props.dispatch.reform(|_| Action::SetPresent(false))}>{ "Leave presentation (Esc)" }</button>
                </div>
            </div>
            <div class="present-main">
                <div class="present-slide">{ body }</div>
                <aside class="present-side" aria-label="Key assumptions and link">
                    <figure class="present-qr">
                        { qr_svg(&url) }
                        <figcaption>{ "Scan to open this scenario" }</figcaption>
                    </figure>
                    <h2>{ "Key assumptions" }</h2>
                    { for controls }
                </aside>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::next_slide;

    #[test]
    fn arrows_space_and_clicker_keys_move_between_slides() {
        assert_eq!(next_slide("ArrowRight", 0, 5), Some(1));
        assert_eq!(next_slide(" ", 4, 5), Some(4));
        assert_eq!(next_slide("PageUp", 0, 5), Some(0));
        assert_eq!(next_slide("ArrowLeft", 3, 5), Some(2));
        assert_eq!(next_slide("End", 0, 5), Some(4));
        assert_eq!(next_slide("x", 0, 5), None);
    }
}
