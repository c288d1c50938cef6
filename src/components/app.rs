//! The page: state, its effects, and the layout.

use yew::prelude::*;

use crate::codec;
use crate::components::{
    assumptions::Assumptions, changes::Changes, council_picker::CouncilPicker, header::Header,
    link_warnings::LinkWarnings, results::ResultsView, share_and_save::ShareAndSave,
};
use crate::hooks::{current_fragment, use_compute, use_url_sync};
use crate::state::{Action, AppState};
use turnaround_engine::presets::PresetId;

/// The state a page opens with: the link's scenario, or the default preset.
fn initial_state() -> AppState {
    let base = AppState::new(PresetId::Sandwell2012);
    let raw = current_fragment();
    if raw.is_empty() {
        return base;
    }
    base.apply(Action::OpenLink {
        decoded: codec::decode(&raw),
        raw,
    })
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    // One callback for the page's lifetime: children's props stay equal
    // between renders unless their data changed.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    use_url_sync(&state, dispatch.clone());
    let compute = use_compute(&state.input, state.revision);
    // Sizes are in rem, so the large-type setting lives on <html>.
    use_effect_with(state.large_type, |large| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.class_list().toggle_with_force("large-type", *large);
        }
    });

    html! {
        <div class="app">
            <Header
                preset={state.preset}
                large_type={state.large_type}
                options={state.input.options.iter().map(|o| o.name.clone()).collect::<Vec<_>>()}
                dispatch={dispatch.clone()}
            />
            <LinkWarnings
                warnings={state.link_warnings.clone()}
                original={state.original_link.clone()}
                on_dismiss={dispatch.reform(|_| Action::DismissLinkWarnings)}
            />
            <CouncilPicker
                council={state.council.clone()}
                baseline={state.baseline.clone()}
                dispatch={dispatch.clone()}
            />
            <main class="layout">
                <Assumptions state={(*state).clone()} dispatch={dispatch.clone()} />
                <div class="results-column" id="results" tabindex="-1">
                    <Changes
                        baseline={state.baseline.clone()}
                        input={state.input.clone()}
                        preset={state.preset}
                        council={state.council.as_deref().and_then(|c| crate::councils::data().council(c)).map(|c| AttrValue::from(c.name.clone()))}
                        dispatch={dispatch.clone()}
                    />
                    <ResultsView compute={compute.clone()} type_scale={if state.large_type { 1.35 } else { 1.0 }} />
                    <ShareAndSave
                        preset={state.preset}
                        council={state.council.clone()}
                        input={state.input.clone()}
                        results={compute.results.clone()}
                        dispatch={dispatch.clone()}
                    />
                </div>
            </main>
            <footer class="footer">
                <p>
                    { "Turnaround is a scenario model: every figure follows from the assumptions on this page, which are yours to change. " }
                    { "The stability index is an assumption-driven index, not a measurement. Figures are nominal GBP." }
                </p>
            </footer>
        </div>
    }
}
