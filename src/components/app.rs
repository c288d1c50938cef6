//! The page: state, its effects, and the layout.

use yew::prelude::*;

use crate::codec;
use crate::components::{
    assumptions::Assumptions, changes::Changes, header::Header, link_warnings::LinkWarnings,
    results::ResultsView, share_and_save::ShareAndSave,
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
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    use_url_sync(&state, dispatch.clone());
    let compute = use_compute(&state.input, state.revision);

    html! {
        <div class="app">
            <Header
                preset={state.preset}
                options={state.input.options.iter().map(|o| o.name.clone()).collect::<Vec<_>>()}
                dispatch={dispatch.clone()}
            />
            <LinkWarnings
                warnings={state.link_warnings.clone()}
                original={state.original_link.clone()}
                on_dismiss={dispatch.reform(|_| Action::DismissLinkWarnings)}
            />
            <main class="layout">
                <Assumptions state={(*state).clone()} dispatch={dispatch.clone()} />
                <div class="results-column">
                    <Changes
                        baseline={state.baseline.clone()}
                        input={state.input.clone()}
                        preset={state.preset}
                        dispatch={dispatch.clone()}
                    />
                    <ShareAndSave
                        preset={state.preset}
                        input={state.input.clone()}
                        results={compute.results.clone()}
                        dispatch={dispatch.clone()}
                    />
                    <ResultsView compute={compute} />
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
