//! The one reducer at the root: [`AppState`] changed only by [`Action`]s,
//! shared with every page through a `ContextProvider<Store>`. `reduce` is
//! pure (no DOM, no timers, no storage), so it is tested natively; effects
//! live in hooks that dispatch actions.

use std::rc::Rc;

use yew::prelude::*;

use super::adapters::batch::PendingBatch;
pub use super::playback::{Playback, Speed, DEFAULT_STEP_MS};
use super::router::Route;
use super::sections::preset_of;
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
    /// Start over from a scenario (a preset).
    LoadScenario(Rc<Scenario>),
    /// Add a fault, or remove it when present.
    ToggleFault(TimedFault),
    /// Move the fault at this index to a time (ms).
    MoveFault(usize, u64),
}

impl AppState {
    /// A fresh state showing `route`, on the route's preset.
    pub fn at(route: Route) -> Self {
        AppState::default().apply(Action::Navigate(route))
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
                    let preset = preset_of(&route);
                    s.route = route;
                    s.console = Rc::default();
                    match preset {
                        Some(p) => s.load(Workspace::preset(p)),
                        None => {
                            // A page without a scenario has nothing to play.
                            s.load(Workspace::default());
                            s.playback.horizon_ms = 0;
                        }
                    }
                }
            }
            Action::ApplyBatch(pending) => {
                let now = SimTime(s.playback.time_ms);
                s.workspace.apply_batch(&pending, now);
            }
            Action::ReplaceRoute53(r53) => s.workspace.replace_route53(*r53),
            Action::LoadScenario(scenario) => s.load(Workspace {
                scenario,
                last_change: None,
            }),
            Action::ToggleFault(f) => s.workspace.toggle_fault(f),
            Action::MoveFault(i, at) => s.workspace.move_fault(i, SimTime(at)),
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
mod tests;
