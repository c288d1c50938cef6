//! A slim bar that stays in view: the verdict's key figure, with undo and
//! redo. On a tablet or phone, where the assumptions sit far below the
//! results, it is pinned to the top of the screen so the effect of every
//! change stays visible.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{comparison::key_figures, undo_redo::UndoRedo};
use crate::state::Action;
use crate::view_model::ranked;
use turnaround_engine::Results;

/// Pinned bar properties.
#[derive(Properties, PartialEq)]
pub struct PinnedProps {
    /// The newest results, if any.
    pub results: Option<Rc<Results>>,
    /// Whether undo is possible.
    pub can_undo: bool,
    /// Whether redo is possible.
    pub can_redo: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The key figure in one line, for the pinned bar.
pub fn key_line(results: &Results) -> Option<String> {
    let best = ranked(results, 0).into_iter().next()?;
    let (headline, _, diff, _) = key_figures(results, &best, 0);
    Some(if best.identical {
        headline
    } else {
        format!("{headline}; median difference {diff}")
    })
}

/// The pinned verdict bar.
#[function_component(Pinned)]
pub fn pinned(props: &PinnedProps) -> Html {
    let line = props.results.as_deref().and_then(key_line);
    html! {
        <section class="pinned" id="pinned" aria-label="Key figure">
            <p class="pinned-verdict" data-metric="pinned-verdict">
                { line.unwrap_or_else(|| "Simulating…".to_string()) }
            </p>
            <div class="pinned-actions">
                <UndoRedo can_undo={props.can_undo} can_redo={props.can_redo} dispatch={props.dispatch.clone()} />
                <button type="button" class="secondary" id="present"
                    onclick={props.dispatch.reform(|_| Action::SetPresent(true))}>{ "Present" }</button>
            </div>
        </section>
    }
}
