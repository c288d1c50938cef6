//! "Share and save": the link and QR code, saved scenarios, exports, and
//! the lines a printed committee paper carries (preset, date, link).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{
    exports::Exports,
    meeting_log::MeetingLog,
    paper_appendix::PaperAppendix,
    paper_details::PaperDetails,
    paper_head::PaperHead,
    saved_scenarios::SavedScenarios,
    share_panel::{page_address, SharePanel},
};
use crate::paper::{self, Details};
use crate::state::Action;
use turnaround_engine::{presets::PresetId, Results, ScenarioInput};

/// Share-and-save properties.
#[derive(Properties, PartialEq)]
pub struct ShareAndSaveProps {
    /// The current preset.
    pub preset: PresetId,
    /// The council whose figures the scenario starts from (its code), if any.
    #[prop_or_default]
    pub council: Option<String>,
    /// The current scenario.
    pub input: ScenarioInput,
    /// The results shown, if any yet.
    pub results: Option<Rc<Results>>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// What drives the answer, for the exports.
    #[prop_or_default]
    pub insight: crate::hooks::InsightState,
    /// The preset's own scenario, for marking changed assumptions.
    pub baseline: Rc<ScenarioInput>,
    /// Full-run results of the current scenario once it has settled, for
    /// the meeting log.
    #[prop_or_default]
    pub settled: Option<Rc<Results>>,
}

/// Today's date in words (`12 May 2025`), from the browser's clock.
pub fn today() -> String {
    let options = js_sys::Object::new();
    for (k, v) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    js_sys::Date::new_0()
        .to_locale_date_string("en-GB", &options)
        .as_string()
        .unwrap_or_default()
}

/// The share, save and export section of the results column.
#[function_component(ShareAndSave)]
pub fn share_and_save(props: &ShareAndSaveProps) -> Html {
    let fragment = {
        let (preset, council, input) = (props.preset, props.council.clone(), props.input.clone());
        use_memo((preset, council, input), |(p, c, i)| {
            crate::codec::encode_for(*p, c.as_deref(), i)
        })
    };
    let url: AttrValue = format!("{}#{}", page_address(), fragment).into();
    let fragment: AttrValue = (*fragment).clone().into();
    // The date in words, worked out once an hour rather than on every
    // render (every result renders this section).
    let hour = (js_sys::Date::now() / 3.6e6) as u64;
    let printed = use_memo(hour, |_| AttrValue::from(today()));
    // Kept for a reload of this tab (the link carries the scenario, not these).
    let details =
        crate::hooks::session::use_session_state("turnaround.paper-details", Details::default);
    let name: AttrValue = details.title(&props.input).into();
    let on_details = {
        let details = details.clone();
        Callback::from(move |d: Details| details.set(d))
    };
    let on_name = {
        let details = details.clone();
        Callback::from(move |name: String| {
            details.set(Details {
                name,
                ..(*details).clone()
            })
        })
    };

    html! {
        <section class="share-save" aria-labelledby="share-save-h">
            <PaperHead
                preset={props.preset}
                input={props.input.clone()}
                details={(*details).clone()}
                url={url.clone()}
                printed={(*printed).clone()}
                picked_council={props.council.as_deref()
                    .and_then(|c| crate::councils::data().council(c))
                    .map(|c| AttrValue::from(format!("{} ({})", c.name, c.code)))}
            />
            <h2 id="share-save-h" class="screen-only">{ "Share and save" }</h2>
            <SharePanel url={url.clone()} fragment={fragment.clone()} name={name.clone()} />
            <PaperDetails details={(*details).clone()}
                default_name={AttrValue::from(paper::default_name(&props.input))}
                on_change={on_details} />
            <SavedScenarios preset={props.preset} fragment={fragment.clone()} dispatch={props.dispatch.clone()} />
            <Exports
                preset={props.preset}
                input={props.input.clone()}
                fragment={fragment.clone()}
                results={props.results.clone()}
                dispatch={props.dispatch.clone()}
                insight={props.insight.clone()}
                name={name.clone()}
                on_name={on_name}
                details={(*details).clone()}
                baseline={props.baseline.clone()}
                url={url.clone()}
            />
            <MeetingLog fragment={fragment.clone()} settled={props.settled.clone()} name={name.clone()} />
            <PaperAppendix
                preset={props.preset}
                baseline={props.baseline.clone()}
                input={props.input.clone()}
                results={props.results.clone()}
            />
        </section>
    }
}
