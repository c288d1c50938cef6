//! The page: state, its effects, and the layout.

use yew::prelude::*;

use crate::codec;
use crate::components::update_notice::UpdateNotice;
use crate::components::{
    assumptions::Assumptions, changes::Changes, compare_panel::ComparePanel,
    council_picker::CouncilPicker, drivers::DriversPanel, embed::Embed, header::Header,
    help_panel::HelpPanel, link_warnings::LinkWarnings, pinned::Pinned, presentation::Presentation,
    results::ResultsView, share_and_save::ShareAndSave,
};
use crate::hooks::service_worker::use_service_worker;
use crate::hooks::{current_fragment, use_compute, use_url_sync};
use crate::state::{Action, AppState};
use turnaround_engine::presets::PresetId;

/// The state a page opens with: the link's scenario, or the default preset.
fn initial_state() -> AppState {
    let base = AppState::new(PresetId::Sandwell2012);
    let raw = current_fragment();
    let (view, view_warnings) = codec::decode_view(&location_search());
    let state = if raw.is_empty() {
        base
    } else {
        base.apply(Action::OpenLink {
            decoded: codec::decode(&raw),
            raw,
        })
    };
    state
        .apply(Action::SetPresent(view.present))
        .apply(Action::SetLargeType(view.large))
        .apply(Action::SetEmbed(view.embed.then_some(view.chart)))
        .apply(Action::ViewWarnings(view_warnings))
}

/// The page's query string (`?present=1&large=1`), which holds how the page
/// is viewed; the fragment holds the scenario.
fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The view settings of a page's state, as the query string holds them.
pub fn view_of(state: &AppState) -> codec::View {
    codec::View {
        present: state.present,
        large: state.large_type,
        embed: state.embed.is_some(),
        chart: state.embed.unwrap_or_default(),
    }
}

/// Keeps the view settings in the address, without a history entry.
fn write_view_flags(view: codec::View) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let search = codec::encode_view(&view);
    if location_search() == search {
        return;
    }
    let loc = w.location();
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        search,
        loc.hash().unwrap_or_default()
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
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
    // Offline: the service worker, and the notice when a new version waits.
    let (update, on_update) = use_service_worker();
    let update_notice = html! { <UpdateNotice state={update} on_action={on_update} /> };
    // Which pair "What drives the answer" explains, and any break-even picked.
    let ask = use_state(crate::worker::InsightAsk::default);
    let on_ask = {
        let ask = ask.clone();
        Callback::from(move |a| ask.set(a))
    };
    let settled = state.commit != crate::state::Commit::Transient;
    let compute = use_compute(&state.input, state.revision, settled, &ask);
    let fragment = {
        let s = &*state;
        use_memo(
            (s.preset, s.council.clone(), s.input.clone()),
            |(p, c, i)| AttrValue::from(codec::encode_for(*p, c.as_deref(), i)),
        )
    };
    use_url_sync(&state, &fragment, dispatch.clone(), compute.generation);
    use_effect_with(view_of(&state), |view| write_view_flags(*view));
    // Sizes are in rem, so the large-type setting lives on <html>.
    use_effect_with(state.large_type, |large| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.class_list().toggle_with_force("large-type", *large);
        }
    });

    if state.embed.is_some() {
        return html! {
            <div class="app embedded">
                <Embed state={(*state).clone()} compute={compute.clone()} />
            </div>
        };
    }

    if state.present {
        return html! {
            <div class="app presenting">
                <Presentation state={(*state).clone()} compute={compute.clone()} dispatch={dispatch.clone()} />
                { update_notice }
            </div>
        };
    }

    html! {
        <div class="app">
            <a class="skip-link" href="#results" onclick={Callback::from(|e: MouseEvent| {
                // The fragment holds the scenario: move focus without touching it.
                e.prevent_default();
                skip_to("results");
            })}>{ "Skip to results" }</a>
            <a class="skip-link" href="#assumptions" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                skip_to("assumptions");
            })}>{ "Skip to assumptions" }</a>
            <Header
                preset={state.preset}
                large_type={state.large_type}
                options={state.input.options.iter().map(|o| o.name.clone()).collect::<Vec<_>>()}
                routes={state.input.options.iter().map(|o| o.route).collect::<Vec<_>>()}
                dispatch={dispatch.clone()}
            />
            <LinkWarnings
                warnings={state.link_warnings.clone()}
                notes={state.link_notes.clone()}
                original={state.original_link.clone()}
                on_dismiss={dispatch.reform(|_| Action::DismissLinkWarnings)}
            />
            <CouncilPicker
                council={state.council.clone()}
                baseline={state.baseline.clone()}
                dispatch={dispatch.clone()}
            />
            <Pinned
                results={compute.results.clone()}
                can_undo={state.history.can_undo()}
                can_redo={state.history.can_redo()}
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
                    <DriversPanel
                        insight={compute.insight.clone()}
                        names={compute.results.as_ref().map(|r| r.options.iter().map(|o| o.name.clone()).collect::<Vec<_>>()).unwrap_or_default()}
                        input={state.input.clone()}
                        ask={(*ask).clone()}
                        on_ask={on_ask}
                        ready={compute.stage == Some(crate::worker::Stage::Full) || compute.results.as_ref().is_some_and(|r| r.paths >= state.input.simulation.paths)}
                        type_scale={if state.large_type { 1.35 } else { 1.0 }}
                    />
                    <HelpPanel />
                    <ShareAndSave
                        preset={state.preset}
                        council={state.council.clone()}
                        input={state.input.clone()}
                        results={compute.results.clone()}
                        insight={compute.insight.clone()}
                        dispatch={dispatch.clone()}
                        baseline={state.baseline.clone()}
                        settled={compute.results.clone().filter(|_| {
                            compute.stage == Some(crate::worker::Stage::Full)
                                && !compute.refining()
                                && state.commit != crate::state::Commit::Transient
                        })}
                    />
                    <ComparePanel
                        compared={state.compared.clone()}
                        fragment={(*fragment).clone()}
                        name={AttrValue::from(crate::paper::default_name(&state.input))}
                        dispatch={dispatch.clone()}
                    />
                </div>
            </main>
            <footer class="footer">
                <p>
                    { "Turnaround is a scenario model: every figure follows from the assumptions on this page, which are yours to change. " }
                    { "The stability index is an assumption-driven index, not a measurement. Figures are nominal GBP." }
                </p>
                <p><a href={crate::components::help_panel::MODEL_PAGE}>{ "How the model works" }</a></p>
                <p class="provenance" id="provenance">{ crate::provenance::line() }</p>
            </footer>
            { update_notice }
        </div>
    }
}

/// Moves keyboard focus to a section (and scrolls it into view).
fn skip_to(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        el.scroll_into_view();
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}
