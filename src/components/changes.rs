//! "Changed from baseline": every assumption that differs from the preset,
//! each with its own reset, and a reset for all.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::assumptions::route_label;
use crate::components::param_field::describe;
use crate::params::changes;
use crate::state::Action;
use turnaround_engine::{presets::PresetId, ScenarioInput};

/// Changes list properties.
#[derive(Properties, PartialEq)]
pub struct ChangesProps {
    /// The preset's scenario.
    pub baseline: Rc<ScenarioInput>,
    /// The scenario now.
    pub input: ScenarioInput,
    /// The preset's id, for the heading.
    pub preset: PresetId,
    /// The council's name when the baseline is a council's own figures.
    #[prop_or_default]
    pub council: Option<AttrValue>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The always-visible list of assumptions changed from the preset.
#[function_component(Changes)]
pub fn changes_list(props: &ChangesProps) -> Html {
    let list = changes(&props.baseline, &props.input);
    let structure = option_changes(&props.baseline, &props.input);
    let several_options = props.input.options.len() > 1;
    let count = list.len() + structure.len();
    // Nothing changed: nothing to say above the verdict.
    if count == 0 {
        return html! {};
    }
    html! {
        <section class="changes" aria-labelledby="changes-h">
            <h2 id="changes-h">
                { match &props.council {
                    Some(name) => format!("Changed from {name}'s figures ({})", props.preset.label()),
                    None => format!("Changed from {}", props.preset.label()),
                } }
                <span class="count">{ format!(" ({count})") }</span>
            </h2>
            <ul>
                    { for structure.iter().map(|text| html! {
                        <li class="structural">{ text }</li>
                    }) }
                    { for list.iter().map(|c| {
                        let (param, option) = (c.param, c.option);
                        let who = if param.per_option() && several_options {
                            format!(" ({})", props.input.options[option].name)
                        } else {
                            String::new()
                        };
                        html! {
                            <li>
                                <span class="what">{ param.label }{ who }</span>
                                <span class="from">{ describe(&c.baseline, param) }</span>
                                <span aria-hidden="true">{ " → " }</span>
                                <span class="to">{ describe(&c.current, param) }</span>
                                <button class="link"
                                    aria-label={format!("Reset {} to the preset", param.label)}
                                    onclick={props.dispatch.reform(move |_| Action::Reset { param, option })}>
                                    { "reset" }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                <button class="secondary" onclick={props.dispatch.reform(|_| Action::ResetAll)}>
                    { "Reset all to preset" }
                </button>
        </section>
    }
}

/// Options added, removed, renamed or given another route, in words (these
/// have no single reset: "Reset all" restores the preset's options).
pub fn option_changes(baseline: &ScenarioInput, input: &ScenarioInput) -> Vec<String> {
    let mut out = Vec::new();
    for (i, o) in input.options.iter().enumerate() {
        match baseline.options.get(i) {
            None => out.push(format!(
                "Added option: {} ({})",
                o.name,
                route_label(o.route)
            )),
            Some(b) => {
                if b.name != o.name {
                    out.push(format!("Option {} renamed: {} → {}", i + 1, b.name, o.name));
                }
                if b.route != o.route {
                    out.push(format!(
                        "Route of {}: {} → {}",
                        o.name,
                        route_label(b.route),
                        route_label(o.route)
                    ));
                }
            }
        }
    }
    for b in baseline.options.iter().skip(input.options.len()) {
        out.push(format!("Removed option: {}", b.name));
    }
    out
}
