//! The page's work as the reducer changes it: edits recorded in the
//! history, pages parked and picked up again on navigation, and saved work
//! restored at start.

use std::rc::Rc;

use super::{parse_route, preset_of, route_slug, AppState, Parked, Route};
use crate::scenario::model::Scenario;
use crate::ui::history::Snapshot;
use crate::ui::workspace::Workspace;

impl AppState {
    /// The work now, as history keeps it.
    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot {
            workspace: self.workspace.clone(),
            shared: self.shared,
        }
    }

    /// The reader changed the work: autosave may write it.
    fn mark_edited(&mut self) {
        self.edited = true;
        self.shared = false;
    }

    /// Applies `change` to the work; when the scenario changed, records it
    /// as one undoable step named `label` and marks the work edited. A
    /// refused batch or a move to the same time records nothing.
    pub(super) fn edit(&mut self, label: String, change: impl FnOnce(&mut Workspace)) {
        let before = self.snapshot();
        change(&mut self.workspace);
        if self.workspace.scenario != before.workspace.scenario {
            Rc::make_mut(&mut self.history).record(label, before);
            self.mark_edited();
        }
    }

    /// Replaces the work with `scenario` as one undoable step, with the
    /// clock at zero (a new scenario may have a new horizon).
    pub(super) fn replace_work(&mut self, scenario: Rc<Scenario>, label: &str) {
        let before = self.snapshot();
        if before.workspace.scenario == scenario {
            self.load(before.workspace);
            return;
        }
        self.load(Workspace {
            scenario,
            last_change: None,
        });
        Rc::make_mut(&mut self.history).record(label.to_string(), before);
        self.mark_edited();
    }

    /// Puts work from undo or redo in place. The clock stays where it is
    /// (playback is not an edit), inside the scenario's horizon. Stepping
    /// onto an unedited shared scenario is not the reader's work (autosave
    /// keeps their copy); stepping anywhere else is.
    pub(super) fn moved_in_history(&mut self, to: Snapshot) {
        self.workspace = to.workspace;
        self.edited = !to.shared;
        self.shared = to.shared;
        let p = &mut self.playback;
        p.horizon_ms = self.workspace.scenario.horizon_ms;
        p.time_ms = p.time_ms.min(p.horizon_ms);
        if p.horizon_ms == 0 {
            p.playing = false;
        }
    }

    /// Whether the page still shows its untouched preset.
    fn pristine(&self) -> bool {
        !self.edited
            && !self.shared
            && self.history.is_empty()
            && Rc::ptr_eq(&self.workspace.scenario, &self.preset)
    }

    /// Leaves this page for `route`: parks this page's work, then picks up
    /// the new page's parked work, or its preset.
    pub(super) fn navigate(&mut self, route: Route) {
        if let Some(slug) = route_slug(&self.route) {
            if !self.pristine() {
                let parked = Parked {
                    workspace: std::mem::take(&mut self.workspace),
                    history: std::mem::take(&mut self.history),
                    edited: self.edited,
                    shared: self.shared,
                };
                Rc::make_mut(&mut self.parked).insert(slug, parked);
            }
        }
        let preset = preset_of(&route);
        let back = route_slug(&route).and_then(|slug| {
            self.parked
                .contains_key(&slug)
                .then(|| Rc::make_mut(&mut self.parked).remove(&slug))
                .flatten()
        });
        self.route = route;
        self.console = Rc::default();
        let Some(name) = preset else {
            // A page without a scenario has nothing to play.
            *self = AppState {
                route: std::mem::take(&mut self.route),
                playback: self.playback,
                parked: std::mem::take(&mut self.parked),
                ..AppState::default()
            };
            self.load(Workspace::default());
            self.playback.horizon_ms = 0;
            return;
        };
        self.preset = Workspace::preset(name).scenario;
        match back {
            Some(p) => {
                self.load(p.workspace);
                self.history = p.history;
                self.edited = p.edited;
                self.shared = p.shared;
            }
            None => {
                self.load(Workspace {
                    scenario: self.preset.clone(),
                    last_change: None,
                });
                self.history = Rc::default();
                self.edited = false;
                self.shared = false;
            }
        }
    }

    /// Takes the work saved in this browser. The current page shows its
    /// saved copy when it still shows the preset; when a share link already
    /// opened over the preset, the saved copy takes the preset's place
    /// under it, so undoing the link returns to the saved work. Other pages
    /// keep theirs parked until visited (work already parked wins: it is
    /// newer).
    pub(super) fn restore(&mut self, saved: Vec<(String, Rc<Scenario>)>) {
        let here = route_slug(&self.route);
        for (slug, scenario) in saved {
            let workspace = Workspace {
                scenario,
                last_change: None,
            };
            if here.as_deref() == Some(slug.as_str()) {
                if self.pristine() {
                    self.load(workspace);
                } else {
                    let preset = self.preset.clone();
                    Rc::make_mut(&mut self.history).rebase(&preset, workspace);
                }
            } else if preset_of(&parse_route(&format!("#/{slug}"))).is_some()
                && !self.parked.contains_key(&slug)
            {
                let parked = Parked {
                    workspace,
                    ..Parked::default()
                };
                Rc::make_mut(&mut self.parked).insert(slug, parked);
            }
        }
    }
}
