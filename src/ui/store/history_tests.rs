//! The reducer's undo, redo, reset, per-page history and restored work.
use super::*;
use crate::engine::world::Fault;
use crate::ui::history::HISTORY_LIMIT;
use serde_json::json;

fn sandbox() -> AppState {
    AppState::at(Route::Sandbox)
}

fn create(s: &AppState, name: &str) -> Action {
    let zone = &s.workspace.scenario.route53.zones[0];
    Action::ApplyBatch(PendingBatch {
        zone_id: zone.id.clone(),
        batch: json!({"Changes": [{"Action": "CREATE", "ResourceRecordSet": {
            "Name": format!("{name}.hello-localstack.com"), "Type": "A", "TTL": 60,
            "ResourceRecords": [{"Value": "192.0.2.1"}]}}]}),
        row_change: Some(0),
    })
}

fn up_at_5() -> TimedFault {
    TimedFault {
        at: SimTime::from_secs(300),
        fault: Fault::AppUp {
            app: "app-a".into(),
        },
    }
}

fn mine() -> Rc<Scenario> {
    let mut s = (*sandbox().preset).clone();
    s.title = "mine".into();
    Rc::new(s)
}

/// Issue 7 point 5: every kind of edit is one undoable step, labelled with
/// what it did; what Route 53 refuses, or what changes nothing, is none.
#[test]
fn every_edit_is_one_labelled_step() {
    let s = sandbox();
    let zone_id = s.workspace.scenario.route53.zones[0].id.clone();
    let mut console = s.workspace.scenario.route53.clone();
    console.zones[0].comment = Some("from the console".into());
    let refused = Action::ApplyBatch(PendingBatch {
        zone_id,
        batch: json!({"Changes": [{"Action": "DELETE", "ResourceRecordSet": {
            "Name": "nope.hello-localstack.com", "Type": "A", "TTL": 60,
            "ResourceRecords": [{"Value": "192.0.2.1"}]}}]}),
        row_change: None,
    });
    let cases: Vec<(Action, Option<&str>)> = vec![
        (create(&s, "www"), Some("add www A")),
        (refused, None),
        (
            Action::ReplaceRoute53(Box::new(console)),
            Some("console change"),
        ),
        (
            Action::ReplaceRoute53(Box::new(s.workspace.scenario.route53.clone())),
            None,
        ),
        (
            Action::ToggleFault(up_at_5()),
            Some("add fault: app-a reports UP at 5:00"),
        ),
        (
            Action::MoveFault(0, 45_000),
            Some("move app-a reports DOWN to 0:45"),
        ),
        (
            Action::MoveFault(0, s.workspace.scenario.faults[0].at.0),
            None,
        ),
        (Action::MoveFault(9, 1), None),
        (Action::LoadScenario(mine()), Some("load a scenario")),
        (Action::LoadScenario(s.preset.clone()), None),
        (Action::ResetToPreset, None),
        (Action::Seek(90_000), None),
        (Action::Select(Some("www|A".into())), None),
    ];
    for (action, label) in cases {
        let next = s.apply(action.clone());
        assert_eq!(next.undo_label(), label, "{action:?}");
        assert_eq!(next.edited, label.is_some(), "{action:?}");
        if label.is_some() {
            assert_eq!(
                next.apply(Action::Undo).workspace,
                s.workspace,
                "{action:?}"
            );
        }
    }
}

/// Undo and redo walk back and forth; the clock stays where it was
/// (playback is not an edit) and a new edit clears redo.
#[test]
fn undo_and_redo_walk_and_a_new_edit_clears_redo() {
    let s0 = sandbox().apply(Action::Seek(90_000));
    let s1 = s0.apply(create(&s0, "a"));
    let s2 = s1.apply(Action::ToggleFault(up_at_5()));
    let back1 = s2.apply(Action::Undo);
    assert_eq!(back1.workspace, s1.workspace);
    assert_eq!(back1.playback.time_ms, 90_000);
    let back0 = back1.apply(Action::Undo);
    assert_eq!(back0.workspace, s0.workspace);
    assert_eq!(back0.apply(Action::Undo), back0, "nothing left: same state");
    assert_eq!(back0.redo_label(), Some("add a A"));
    let again = back0.apply(Action::Redo).apply(Action::Redo);
    assert_eq!(again.workspace, s2.workspace);
    assert_eq!(again.apply(Action::Redo), again);
    let branched = back1.apply(create(&back1, "b"));
    assert_eq!(branched.redo_label(), None);
    assert_eq!(branched.undo_label(), Some("add b A"));
}

#[test]
fn the_reducers_history_is_bounded() {
    let mut s = sandbox();
    for _ in 0..HISTORY_LIMIT + 3 {
        s = s.apply(Action::ToggleFault(up_at_5()));
    }
    assert_eq!(s.history.undo_len(), HISTORY_LIMIT);
}

/// "Reset to the blog's version" is one more undoable step; at the preset
/// there is nothing to reset.
#[test]
fn reset_returns_to_the_preset_and_can_be_undone() {
    let s = sandbox();
    assert!(s.at_preset() && !s.edited);
    let edited = s.apply(create(&s, "www")).apply(Action::Seek(60_000));
    let reset = edited.apply(Action::ResetToPreset);
    assert!(reset.at_preset() && reset.edited);
    assert_eq!(reset.workspace.scenario, s.workspace.scenario);
    assert_eq!(reset.undo_label(), Some("reset to the blog's version"));
    assert_eq!(reset.apply(Action::Undo).workspace, edited.workspace);
    assert_eq!(reset.apply(Action::ResetToPreset), reset);
}

/// Decision: history is kept per page for the whole visit. Leaving a page
/// parks its work and history; another page has its own; coming back
/// picks both up. An untouched page parks nothing.
#[test]
fn each_page_keeps_its_own_work_and_history() {
    let s = sandbox();
    let edited = s.apply(create(&s, "www"));
    let cname = edited.apply(Action::Navigate(Route::Section("cname".into())));
    assert!(cname.history.is_empty() && !cname.edited && cname.at_preset());
    assert_eq!(
        cname.apply(Action::Undo),
        cname,
        "the sandbox's edit is not here"
    );
    let home = cname.apply(Action::Navigate(Route::Home));
    assert!(home.history.is_empty() && home.preset.route53.zones.is_empty());
    assert_eq!(home.parked.len(), 1, "untouched cname parked nothing");
    let back = home.apply(Action::Navigate(Route::Sandbox));
    assert_eq!(back.workspace, edited.workspace);
    assert_eq!((back.undo_label(), back.edited), (Some("add www A"), true));
    assert_eq!(back.apply(Action::Undo).workspace, s.workspace);
    assert!(back.parked.is_empty());
}

/// Saved work shows on a page still at its preset and waits, parked, for
/// the others; it is not the reader's new work (autosave need not write).
#[test]
fn restored_work_replaces_untouched_presets() {
    let home = AppState::at(Route::Home);
    let saved = vec![
        ("sandbox".to_string(), mine()),
        ("no-such-page".to_string(), mine()),
    ];
    let restored = home.apply(Action::RestoreSaved(saved.clone()));
    assert_eq!(restored.parked.len(), 1);
    let opened = restored.apply(Action::Navigate(Route::Sandbox));
    assert_eq!(opened.workspace.scenario, mine());
    assert!(!opened.edited && opened.history.is_empty() && !opened.at_preset());
    let here = sandbox().apply(Action::RestoreSaved(saved.clone()));
    assert_eq!(here.workspace.scenario, mine());
    assert!(!here.edited && here.history.is_empty());
    // Work already on the page is newer than what was saved.
    let busy = sandbox().apply(Action::ToggleFault(up_at_5()));
    assert_eq!(
        busy.apply(Action::RestoreSaved(saved)).workspace,
        busy.workspace
    );
}

/// Issue 7 point 4: a share link shows its scenario without making it the
/// reader's work (nothing to save) until they edit it; undo returns to the
/// work it covered, even when the saved work was read after the link.
#[test]
fn a_shared_scenario_is_not_the_readers_work_until_edited() {
    let mut link = (*sandbox().preset).clone();
    link.title = "shared".into();
    let link = Rc::new(link);
    let saved = vec![("sandbox".to_string(), mine())];
    let orders = [
        sandbox()
            .apply(Action::RestoreSaved(saved.clone()))
            .apply(Action::OpenShared(link.clone())),
        sandbox()
            .apply(Action::OpenShared(link.clone()))
            .apply(Action::RestoreSaved(saved)),
    ];
    for (i, s) in orders.into_iter().enumerate() {
        assert_eq!(s.workspace.scenario, link, "order {i}");
        assert!(!s.edited, "order {i}");
        assert_eq!(s.undo_label(), Some("open a shared link"), "order {i}");
        assert_eq!(
            s.apply(Action::Undo).workspace.scenario,
            mine(),
            "order {i}"
        );
        // Stepping back onto the link is not the reader's work either.
        let again = s.apply(Action::Undo).apply(Action::Redo);
        assert_eq!(again.workspace.scenario, link, "order {i}");
        assert!(again.shared && !again.edited, "order {i}");
        let edited = s.apply(create(&s, "www"));
        assert!(edited.edited && !edited.shared, "order {i}");
        assert!(edited.apply(Action::Undo).shared, "order {i}");
    }
    let same = sandbox().apply(Action::OpenShared(sandbox().preset));
    assert_eq!(
        same.apply(Action::RestoreSaved(vec![("sandbox".into(), mine())]))
            .workspace
            .scenario,
        sandbox().preset,
        "a link equal to the preset still wins over saved work"
    );
    let after_edit = sandbox()
        .apply(Action::ToggleFault(up_at_5()))
        .apply(Action::OpenShared(link));
    assert!(!after_edit.edited, "the link is not the reader's edit");
}
