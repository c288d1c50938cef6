//! "A new version is available": the notice's state, the typed actions that
//! change it, and what the page does when the service worker in control
//! changes. Pure; the service-worker effects are in
//! [`crate::hooks::service_worker`], the notice in
//! [`crate::components::update_notice`].
//!
//! A new deploy changes the service worker's bytes (it carries a hash of
//! the build), so the browser installs the new worker beside the one in
//! control and lets it wait. The page never switches by itself: it shows the
//! notice, and only the user's Reload asks the waiting worker to take over
//! and then reloads (the scenario is in the link, so nothing is lost).

use std::rc::Rc;

use yew::Reducible;

/// Whether a newer version is waiting, as the notice shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UpdateState {
    /// This page is the newest version (or no service worker is in use).
    #[default]
    Current,
    /// A newer version is installed and waiting: show the notice.
    Available,
    /// The user chose Reload: the new version is taking over.
    Reloading,
    /// The user chose "Not now": hidden until the next page load.
    Dismissed,
}

/// What happened, from the service worker or the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateAction {
    /// A newer version finished installing and waits (or another tab's
    /// Reload already put it in control of this page).
    Found,
    /// The user pressed Reload.
    Reload,
    /// The user pressed "Not now".
    Dismiss,
}

impl UpdateState {
    /// The next state (pure).
    pub fn apply(self, action: UpdateAction) -> Self {
        match (self, action) {
            // Once reloading, nothing changes it: the page is going away.
            (Self::Reloading, _) => Self::Reloading,
            (Self::Current | Self::Available, UpdateAction::Found) => Self::Available,
            // A dismissed notice stays hidden for this page load.
            (Self::Dismissed, UpdateAction::Found) => Self::Dismissed,
            (_, UpdateAction::Reload) => Self::Reloading,
            (_, UpdateAction::Dismiss) => Self::Dismissed,
        }
    }
}

/// [`UpdateState`] for `use_reducer`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UpdateModel(pub UpdateState);

impl Reducible for UpdateModel {
    type Action = UpdateAction;
    fn reduce(self: Rc<Self>, action: UpdateAction) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Self(next))
        }
    }
}

/// What the page does when the service worker controlling it changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnControllerChange {
    /// The user asked for the new version: reload into it.
    ReloadPage,
    /// Another tab's Reload put a newer worker in control of this page,
    /// which still runs the old files: offer the reload here too.
    Offer,
    /// The first visit's worker took control: nothing to tell.
    Nothing,
}

/// Decides [`OnControllerChange`]: `reloading` when the user pressed Reload
/// in this page; `had_controller` when a worker controlled the page before.
pub fn on_controller_change(reloading: bool, had_controller: bool) -> OnControllerChange {
    if reloading {
        OnControllerChange::ReloadPage
    } else if had_controller {
        OnControllerChange::Offer
    } else {
        OnControllerChange::Nothing
    }
}

/// A newly installed worker means a new version only when another worker
/// already controls the page (on the first visit it is the first version).
pub fn is_update(installed: bool, page_controlled: bool) -> bool {
    installed && page_controlled
}

#[cfg(test)]
mod tests {
    use super::*;
    use UpdateAction::*;
    use UpdateState::*;

    #[test]
    fn the_notice_appears_only_when_a_version_waits_and_reloads_only_on_request() {
        assert_eq!(Current.apply(Found), Available);
        assert_eq!(Available.apply(Found), Available);
        assert_eq!(Available.apply(Reload), Reloading);
        assert_eq!(Reloading.apply(Dismiss), Reloading);
        assert_eq!(Reloading.apply(Found), Reloading);
        assert_eq!(Available.apply(Dismiss), Dismissed);
        assert_eq!(Dismissed.apply(Found), Dismissed);
    }

    #[test]
    fn a_controller_change_reloads_only_after_the_users_click() {
        assert_eq!(
            on_controller_change(true, true),
            OnControllerChange::ReloadPage
        );
        assert_eq!(on_controller_change(false, true), OnControllerChange::Offer);
        assert_eq!(
            on_controller_change(false, false),
            OnControllerChange::Nothing
        );
        assert!(is_update(true, true));
        assert!(
            !is_update(true, false),
            "the first install is not an update"
        );
        assert!(!is_update(false, true));
    }
}
