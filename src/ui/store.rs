//! The one reducer at the root: [`AppState`] changed only by [`Action`]s,
//! shared with every page through a `ContextProvider<Store>`. `reduce` is
//! pure (no DOM, no timers, no storage), so it is tested natively; effects
//! live in hooks that dispatch actions.
//!
//! # Edits, history and pages
//!
//! Every action that changes the page's scenario (a change batch, a console
//! run, a fault toggled or moved, a scenario loaded, reset or shared) is an
//! edit: the reducer records a [`History`] step for it, so it can be
//! undone. Playback, selection and the console's scrollback are not edits.
//!
//! History is kept **per page for the whole visit**: leaving a page parks
//! its work and its history ([`Parked`]), and coming back picks both up, so
//! undo on a page only ever undoes that page's edits. A reload starts every
//! history afresh; the work itself survives a reload through autosave
//! ([`crate::ui::hooks::use_autosave()`]), which writes a page's scenario
//! only once [`AppState::edited`] says the reader changed it.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use super::adapters::batch::PendingBatch;
use super::history::{labels, History};
pub use super::playback::{Playback, Speed, DEFAULT_STEP_MS};
use super::router::{parse_route, Route};
use super::sections::preset_of;
use super::share_link::route_slug;
use super::view_model::console::ConsoleLine;
use super::view_model::record_table::RowId;
use super::workspace::Workspace;
use crate::engine::route53::Route53;
use crate::engine::time::SimTime;
use crate::engine::world::TimedFault;
use crate::scenario::model::Scenario;

/// Most console lines kept; older ones scroll away for good.
pub const CONSOLE_LIMIT: usize = 2_000;

/// Everything the UI shares: what the user is looking at, and the page's
/// working scenario ([`Workspace`]). Data derived from the scenario (the
/// run, lints, answers) is computed by the pages with memo hooks, not here.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// The page shown.
    pub route: Route,
    /// The console's scrollback. Shared (`Rc`) because every action clones
    /// the state: a playback tick 30 times a second must not copy 2,000 lines.
    pub console: Rc<Vec<ConsoleLine>>,
    /// The record set selected in the table, if any.
    pub selected: Option<RowId>,
    /// Record sets highlighted by a lint's "show me".
    pub highlighted: Vec<RowId>,
    /// The timeline's clock.
    pub playback: Playback,
    /// The page's scenario and its last change batch.
    pub workspace: Workspace,
    /// Undo and redo of this page's edits.
    pub history: Rc<History>,
    /// The page's preset: what "Reset to the blog's version" returns to,
    /// and what autosave need not store.
    pub preset: Rc<Scenario>,
    /// Whether the reader changed this page's work (an edit, undo, redo,
    /// reset or import) since opening it. Autosave writes only then: a
    /// preset, a restored saved copy or an opened share link is not the
    /// reader's work yet.
    pub edited: bool,
    /// Whether the page shows a shared link's scenario the reader has not
    /// edited (then [`AppState::edited`] is false).
    pub shared: bool,
    /// The work and history of pages visited earlier, by page slug.
    pub parked: Rc<BTreeMap<String, Parked>>,
}

/// A page's work while the reader is on another page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parked {
    /// The page's scenario and last change.
    pub workspace: Workspace,
    /// Its undo and redo.
    pub history: Rc<History>,
    /// See [`AppState::edited`].
    pub edited: bool,
    /// See [`AppState::shared`].
    pub shared: bool,
}

/// Every way the state changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The location hash changed.
    Navigate(Route),
    /// Lines to add to the console.
    ConsoleAppend(Vec<ConsoleLine>),
    /// Clear the console.
    ConsoleClear,
    /// Select a record set (or none).
    Select(Option<RowId>),
    /// Highlight record sets ("show me"); empty clears.
    Highlight(Vec<RowId>),
    /// Start playing (from 0 when at the end).
    Play,
    /// Stop playing.
    Pause,
    /// Play if paused, pause if playing.
    TogglePlay,
    /// Change speed.
    SetSpeed(Speed),
    /// Wall-clock milliseconds passed while playing.
    Tick(u64),
    /// Move one step forward (`true`) or back.
    Step(bool),
    /// Jump to a time (clamped to the horizon).
    Seek(u64),
    /// A new simulation length (the time is clamped into it).
    SetHorizon(u64),
    /// Send a change batch (a table edit, add or delete, or a prompt);
    /// Route 53 applies it all or nothing.
    ApplyBatch(PendingBatch),
    /// The Route 53 state a console run left.
    ReplaceRoute53(Box<Route53>),
    /// Replace the page's work with a scenario (an import); undoable.
    LoadScenario(Rc<Scenario>),
    /// Show a shared link's scenario on this page; undoable, and not the
    /// reader's work until they edit it (autosave leaves the saved copy).
    OpenShared(Rc<Scenario>),
    /// Add a fault, or remove it when present.
    ToggleFault(TimedFault),
    /// Move the fault at this index to a time (ms).
    MoveFault(usize, u64),
    /// Undo the page's last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// "Reset to the blog's version": back to the page's preset; undoable.
    ResetToPreset,
    /// Work saved in this browser, by page slug (read once at start). A
    /// page that still shows its preset shows its saved copy instead.
    RestoreSaved(Vec<(String, Rc<Scenario>)>),
}

impl AppState {
    /// A fresh state showing `route`, on the route's preset.
    pub fn at(route: Route) -> Self {
        AppState::default().apply(Action::Navigate(route))
    }

    /// What Undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    /// What Redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Whether the page shows its preset (nothing to reset).
    pub fn at_preset(&self) -> bool {
        self.workspace.scenario == self.preset
    }

    /// Puts `workspace` in place with the clock at zero over its horizon.
    fn load(&mut self, workspace: Workspace) {
        let horizon = workspace.scenario.horizon_ms;
        self.workspace = workspace;
        self.highlighted.clear();
        self.selected = None;
        self.playback = Playback {
            speed: self.playback.speed,
            horizon_ms: horizon,
            ..Playback::default()
        };
    }

    /// The state after `action`. Unchanged state compares equal, so
    /// `use_reducer_eq` skips the re-render.
    pub fn apply(&self, action: Action) -> AppState {
        let mut s = self.clone();
        let p = &mut s.playback;
        match action {
            Action::Navigate(route) => {
                if route != s.route || s == AppState::default() {
                    s.navigate(route);
                }
            }
            Action::ApplyBatch(pending) => {
                let now = SimTime(s.playback.time_ms);
                let id = pending.zone_id.trim_start_matches("/hostedzone/");
                let zone = s.workspace.scenario.route53.zones.iter();
                let zone_name = zone.filter(|z| z.id == id).map(|z| z.name_text()).next();
                let label = labels::batch(&zone_name.unwrap_or_default(), &pending.batch);
                s.edit(label, |w| {
                    w.apply_batch(&pending, now);
                });
            }
            Action::ReplaceRoute53(r53) => {
                s.edit(labels::CONSOLE.into(), |w| w.replace_route53(*r53));
            }
            Action::LoadScenario(scenario) => s.replace_work(scenario, labels::LOAD),
            Action::OpenShared(scenario) => {
                s.replace_work(scenario, labels::SHARED);
                s.edited = false;
                s.shared = true;
            }
            Action::ResetToPreset => {
                if !s.at_preset() {
                    s.replace_work(s.preset.clone(), labels::RESET);
                }
            }
            Action::ToggleFault(f) => {
                let adding = !s.workspace.scenario.faults.contains(&f);
                s.edit(labels::toggle_fault(&f, adding), |w| w.toggle_fault(f));
            }
            Action::MoveFault(i, at) => {
                if let Some(f) = s.workspace.scenario.faults.get(i) {
                    s.edit(labels::move_fault(f, at), |w| w.move_fault(i, SimTime(at)));
                }
            }
            Action::Undo => {
                if s.history.undo_len() > 0 {
                    let now = s.snapshot();
                    if let Some(w) = Rc::make_mut(&mut s.history).undo(now) {
                        s.moved_in_history(w);
                    }
                }
            }
            Action::Redo => {
                if s.history.redo_len() > 0 {
                    let now = s.snapshot();
                    if let Some(w) = Rc::make_mut(&mut s.history).redo(now) {
                        s.moved_in_history(w);
                    }
                }
            }
            Action::RestoreSaved(saved) => s.restore(saved),
            Action::ConsoleAppend(lines) => {
                if !lines.is_empty() {
                    let console = Rc::make_mut(&mut s.console);
                    console.extend(lines);
                    let excess = console.len().saturating_sub(CONSOLE_LIMIT);
                    console.drain(..excess);
                }
            }
            Action::ConsoleClear => {
                if !s.console.is_empty() {
                    s.console = Rc::default();
                }
            }
            Action::Select(id) => s.selected = id,
            Action::Highlight(ids) => s.highlighted = ids,
            Action::Play => {
                if p.horizon_ms > 0 {
                    if p.time_ms >= p.horizon_ms {
                        p.time_ms = 0;
                    }
                    p.playing = true;
                }
            }
            Action::Pause => p.playing = false,
            Action::TogglePlay => {
                return if p.playing {
                    self.apply(Action::Pause)
                } else {
                    self.apply(Action::Play)
                };
            }
            Action::SetSpeed(speed) => p.speed = speed,
            Action::Tick(wall_ms) => {
                if p.playing {
                    let advance = wall_ms.saturating_mul(p.speed.factor());
                    p.time_ms = p.time_ms.saturating_add(advance).min(p.horizon_ms);
                    if p.time_ms >= p.horizon_ms {
                        p.playing = false;
                    }
                }
            }
            Action::Step(forward) => {
                p.time_ms = if forward {
                    p.time_ms.saturating_add(p.step_ms).min(p.horizon_ms)
                } else {
                    p.time_ms.saturating_sub(p.step_ms)
                };
            }
            Action::Seek(t) => p.time_ms = t.min(p.horizon_ms),
            Action::SetHorizon(h) => {
                p.horizon_ms = h;
                p.time_ms = p.time_ms.min(h);
                if h == 0 {
                    p.playing = false;
                }
            }
        }
        s
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The handle pages take from context to read state and dispatch.
pub type Store = UseReducerHandle<AppState>;

#[cfg(test)]
mod history_tests;
mod session;
#[cfg(test)]
mod tests;
