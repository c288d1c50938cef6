//! "A new version is available: reload", shown when a new deploy has been
//! installed in the background (see [`crate::update`]).

use yew::prelude::*;

use crate::update::{UpdateAction, UpdateState};

/// Update notice properties.
#[derive(Properties, PartialEq)]
pub struct UpdateNoticeProps {
    /// Whether a newer version waits.
    pub state: UpdateState,
    /// Reload or "Not now".
    pub on_action: Callback<UpdateAction>,
}

/// A status region that stays on the page (so screen readers announce what
/// appears in it) and offers Reload when a new version waits. Nothing
/// reloads until the user presses it.
#[function_component(UpdateNotice)]
pub fn update_notice(props: &UpdateNoticeProps) -> Html {
    let body = match props.state {
        UpdateState::Current | UpdateState::Dismissed => html! {},
        UpdateState::Available => html! {
            <div class="update-notice">
                <p>
                    { "A new version is available: " }
                    <button type="button" class="primary" onclick={props.on_action.reform(|_| UpdateAction::Reload)}>
                        { "Reload" }
                    </button>
                    { " " }
                    <button type="button" class="secondary" onclick={props.on_action.reform(|_| UpdateAction::Dismiss)}>
                        { "Not now" }
                    </button>
                </p>
                <p class="update-keeps">{ "Your scenario is in the link and reopens as it is; saved scenarios and the meeting log stay in this browser." }</p>
            </div>
        },
        UpdateState::Reloading => html! {
            <div class="update-notice"><p>{ "Loading the new version…" }</p></div>
        },
    };
    html! {
        <div class="update-region" id="update-notice" role="status">{ body }</div>
    }
}
