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
mod tests {
    use super::*;
    use crate::ui::view_model::console::LineKind;

    fn playing_at(time_ms: u64, horizon_ms: u64, speed: Speed) -> AppState {
        AppState {
            playback: Playback {
                playing: true,
                speed,
                time_ms,
                horizon_ms,
                step_ms: DEFAULT_STEP_MS,
            },
            ..AppState::default()
        }
    }

    #[test]
    fn playback_actions_move_the_clock() {
        // (state before, action) -> (playing, time) after
        let cases = [
            (
                playing_at(0, 60_000, Speed::X1),
                Action::Tick(100),
                (true, 100),
            ),
            (
                playing_at(0, 60_000, Speed::X10),
                Action::Tick(100),
                (true, 1_000),
            ),
            (
                playing_at(0, 60_000, Speed::X60),
                Action::Tick(100),
                (true, 6_000),
            ),
            // Reaching the horizon stops exactly there.
            (
                playing_at(59_990, 60_000, Speed::X60),
                Action::Tick(100),
                (false, 60_000),
            ),
            // A huge tick (a background tab) saturates, never overflows.
            (
                playing_at(1, 60_000, Speed::X60),
                Action::Tick(u64::MAX),
                (false, 60_000),
            ),
            // Ticks while paused do nothing.
            (AppState::default(), Action::Tick(100), (false, 0)),
            // Play at the end starts over.
            (
                AppState::default()
                    .apply(Action::SetHorizon(60_000))
                    .apply(Action::Seek(60_000)),
                Action::Play,
                (true, 0),
            ),
            // Play with nothing to play (no horizon) stays paused.
            (AppState::default(), Action::Play, (false, 0)),
            (
                playing_at(5_000, 60_000, Speed::X1),
                Action::TogglePlay,
                (false, 5_000),
            ),
            (
                playing_at(5_000, 60_000, Speed::X1),
                Action::Pause,
                (false, 5_000),
            ),
            // Steps are one health-check interval, clamped at both ends.
            (
                playing_at(5_000, 60_000, Speed::X1),
                Action::Step(true),
                (true, 15_000),
            ),
            (
                playing_at(5_000, 60_000, Speed::X1),
                Action::Step(false),
                (true, 0),
            ),
            (
                playing_at(55_000, 60_000, Speed::X1),
                Action::Step(true),
                (true, 60_000),
            ),
            (
                playing_at(5_000, 60_000, Speed::X1),
                Action::Seek(70_000),
                (true, 60_000),
            ),
            (
                playing_at(5_000, 60_000, Speed::X1),
                Action::Seek(42),
                (true, 42),
            ),
            // A shorter simulation pulls the clock in; none at all stops it.
            (
                playing_at(50_000, 60_000, Speed::X1),
                Action::SetHorizon(30_000),
                (true, 30_000),
            ),
            (
                playing_at(50_000, 60_000, Speed::X1),
                Action::SetHorizon(0),
                (false, 0),
            ),
        ];
        for (i, (state, action, (playing, time))) in cases.into_iter().enumerate() {
            let next = state.apply(action.clone());
            assert_eq!(
                (next.playback.playing, next.playback.time_ms),
                (playing, time),
                "case {i}: {action:?}"
            );
        }
    }

    #[test]
    fn toggling_from_paused_plays() {
        let s = AppState::default().apply(Action::SetHorizon(1_000));
        assert!(s.apply(Action::TogglePlay).playback.playing);
        assert_eq!(
            s.apply(Action::SetSpeed(Speed::X60)).playback.speed,
            Speed::X60
        );
    }

    #[test]
    fn navigating_elsewhere_clears_selection_and_highlights() {
        let s = AppState::default()
            .apply(Action::Select(Some("www|A".into())))
            .apply(Action::Highlight(vec!["www|A".into()]));
        assert_eq!(s.highlighted.len(), 1);
        let same = s.apply(Action::Navigate(Route::Home));
        assert_eq!(same, s, "navigating to the same page keeps them");
        let moved = s.apply(Action::Navigate(Route::Sandbox));
        assert_eq!(moved.route, Route::Sandbox);
        assert!(moved.highlighted.is_empty() && moved.selected.is_none());
    }

    #[test]
    fn console_scrollback_is_bounded_and_clearable() {
        let line = |i: usize| ConsoleLine::new(LineKind::Stdout, format!("line {i}"));
        let s = AppState::default()
            .apply(Action::ConsoleAppend(
                (0..CONSOLE_LIMIT).map(line).collect(),
            ))
            .apply(Action::ConsoleAppend(vec![line(CONSOLE_LIMIT)]));
        assert_eq!(s.console.len(), CONSOLE_LIMIT);
        assert_eq!(s.console[0].text, "line 1", "the oldest line went");
        assert!(s.apply(Action::ConsoleClear).console.is_empty());
    }

    #[test]
    fn clock_ticks_share_the_scrollback_instead_of_copying_it() {
        let s = AppState::default()
            .apply(Action::SetHorizon(60_000))
            .apply(Action::Play)
            .apply(Action::ConsoleAppend(vec![ConsoleLine::new(
                LineKind::Input,
                "dig",
            )]));
        let ticked = s.apply(Action::Tick(100));
        assert!(Rc::ptr_eq(&s.console, &ticked.console));
        let appended = ticked.apply(Action::ConsoleAppend(vec![]));
        assert!(Rc::ptr_eq(&s.console, &appended.console), "nothing to add");
    }

    #[test]
    fn reduce_keeps_the_same_rc_when_nothing_changed() {
        let s = Rc::new(AppState::default());
        let same = s.clone().reduce(Action::Pause);
        assert!(Rc::ptr_eq(&s, &same));
        let changed = s.clone().reduce(Action::SetHorizon(10));
        assert!(!Rc::ptr_eq(&s, &changed));
    }

    /// A section opens on its preset with the clock over the preset's
    /// horizon; leaving it drops the scrollback and the scenario.
    #[test]
    fn navigating_loads_the_routes_preset() {
        let s = AppState::at(Route::Sandbox);
        assert_eq!(s.workspace.scenario.route53.zones.len(), 1);
        assert_eq!(s.playback.horizon_ms, 600_000);
        let home = s
            .apply(Action::ConsoleAppend(vec![ConsoleLine::new(
                LineKind::Input,
                "x",
            )]))
            .apply(Action::Navigate(Route::Home));
        assert!(home.console.is_empty());
        assert!(home.workspace.scenario.route53.zones.is_empty());
        assert_eq!(home.playback.horizon_ms, 0);
    }

    /// Scenario actions are pure: the same actions give the same state,
    /// and a refused batch leaves the state equal (so no re-render).
    #[test]
    fn scenario_actions_are_deterministic() {
        use crate::engine::world::{Fault, TimedFault};
        use serde_json::json;
        let s = AppState::at(Route::Sandbox);
        let zone_id = s.workspace.scenario.route53.zones[0].id.clone();
        let bad = PendingBatch {
            zone_id: zone_id.clone(),
            batch: json!({"Changes": [{"Action": "DELETE", "ResourceRecordSet": {
                "Name": "nope.hello-localstack.com", "Type": "A", "TTL": 60,
                "ResourceRecords": [{"Value": "192.0.2.1"}]}}]}),
            row_change: None,
        };
        assert_eq!(s.apply(Action::ApplyBatch(bad)), s);
        let good = PendingBatch {
            zone_id,
            batch: json!({"Changes": [{"Action": "CREATE", "ResourceRecordSet": {
                "Name": "www.hello-localstack.com", "Type": "A", "TTL": 60,
                "ResourceRecords": [{"Value": "192.0.2.1"}]}}]}),
            row_change: Some(0),
        };
        let fault = TimedFault {
            at: SimTime::from_secs(300),
            fault: Fault::AppUp {
                app: "app-a".into(),
            },
        };
        let run = |s: &AppState| {
            s.apply(Action::ApplyBatch(good.clone()))
                .apply(Action::ToggleFault(fault.clone()))
                .apply(Action::MoveFault(0, 45_000))
        };
        let (a, b) = (run(&s), run(&s));
        assert_eq!(a, b);
        assert_eq!(a.workspace.scenario.route53.zones[0].record_set_count(), 5);
        assert_eq!(a.workspace.scenario.faults.len(), 2);
        assert_eq!(a.workspace.scenario.faults[0].at, SimTime(45_000));
        assert!(a.workspace.last_change.is_some());
        let reloaded = a.apply(Action::LoadScenario(s.workspace.scenario.clone()));
        assert_eq!(reloaded.workspace, s.workspace);
    }
}
