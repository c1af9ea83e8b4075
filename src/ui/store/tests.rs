//! The reducer's tests: playback, navigation, the console and the
//! scenario actions.
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
