//! The scenario's name, and the author and council a committee paper is
//! for: three optional boxes on screen, printed on the paper and used in
//! file names.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::paper::Details;
use crate::saved::MAX_NAME;

/// Paper-details properties.
#[derive(Properties, PartialEq)]
pub struct PaperDetailsProps {
    /// The details as typed.
    pub details: Details,
    /// The name used when none is typed (the options' names).
    pub default_name: AttrValue,
    /// Told the new details on every edit.
    pub on_change: Callback<Details>,
}

/// Name, author and council boxes.
#[function_component(PaperDetails)]
pub fn paper_details(props: &PaperDetailsProps) -> Html {
    let edit = |set: fn(&mut Details, String)| {
        let details = props.details.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let box_: HtmlInputElement = e.target_unchecked_into();
            let mut next = details.clone();
            set(&mut next, box_.value().chars().take(MAX_NAME).collect());
            on_change.emit(next);
        })
    };
    html! {
        <fieldset class="paper-details screen-only">
            <legend>{ "Name this scenario (for files and the printed paper)" }</legend>
            <div class="paper-details-row">
                <label for="scenario-name">{ "Scenario name" }</label>
                <input id="scenario-name" type="text" maxlength={MAX_NAME.to_string()}
                    placeholder={props.default_name.clone()}
                    value={props.details.name.clone()}
                    oninput={edit(|d, v| d.name = v)} />
            </div>
            <div class="paper-details-row">
                <label for="paper-author">{ "Author (optional)" }</label>
                <input id="paper-author" type="text" maxlength={MAX_NAME.to_string()}
                    autocomplete="name"
                    value={props.details.author.clone()}
                    oninput={edit(|d, v| d.author = v)} />
            </div>
            <div class="paper-details-row">
                <label for="paper-council">{ "Council or committee (optional)" }</label>
                <input id="paper-council" type="text" maxlength={MAX_NAME.to_string()}
                    autocomplete="organization"
                    value={props.details.council.clone()}
                    oninput={edit(|d, v| d.council = v)} />
            </div>
        </fieldset>
    }
}
