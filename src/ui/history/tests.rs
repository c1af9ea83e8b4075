//! The undo stacks, the bound, and the keyboard shortcuts.
use super::*;

fn ws(seed: u64) -> Snapshot {
    Snapshot {
        workspace: Workspace::with(Scenario {
            seed,
            ..Scenario::default()
        }),
        shared: seed == 42,
    }
}

fn seed(w: &Snapshot) -> u64 {
    w.workspace.scenario.seed
}

/// Undo walks back through every edit and redo walks forward again, each
/// step labelled with the edit it crosses.
#[test]
fn undo_and_redo_walk_back_and_forth() {
    let mut h = History::default();
    assert!(h.is_empty() && h.undo_label().is_none());
    let mut now = ws(0);
    for i in 1..=3 {
        h.record(format!("edit {i}"), now.clone());
        now = ws(i);
    }
    let mut walk = Vec::new();
    while let Some(label) = h.undo_label().map(str::to_string) {
        now = h.undo(now).expect("undo");
        walk.push((label, seed(&now)));
    }
    assert_eq!(
        walk,
        [
            ("edit 3".into(), 2),
            ("edit 2".into(), 1),
            ("edit 1".into(), 0)
        ]
    );
    assert_eq!(h.undo(now.clone()), None, "nothing left to undo");
    assert_eq!(h.redo_label(), Some("edit 1"));
    now = h.redo(now).expect("redo");
    now = h.redo(now).expect("redo");
    assert_eq!((seed(&now), h.undo_len(), h.redo_len()), (2, 2, 1));
    assert_eq!(h.undo_label(), Some("edit 2"));
}

/// A new edit after undoing starts a new branch: the redo is gone.
#[test]
fn a_new_edit_clears_redo() {
    let mut h = History::default();
    h.record("a".into(), ws(0));
    let back = h.undo(ws(1)).expect("undo");
    assert_eq!(h.redo_len(), 1);
    h.record("b".into(), back);
    assert_eq!((h.undo_len(), h.redo_len()), (1, 0));
    assert_eq!(h.redo(ws(2)), None);
}

/// At most HISTORY_LIMIT steps; the oldest go first, on record and on redo.
#[test]
fn history_is_bounded() {
    let mut h = History::default();
    let total = u64::try_from(HISTORY_LIMIT).unwrap_or(0) + 5;
    for i in 0..total {
        h.record(format!("edit {i}"), ws(i));
    }
    assert_eq!(h.undo_len(), HISTORY_LIMIT);
    let mut now = ws(total);
    while let Some(w) = h.undo(now.clone()) {
        now = w;
    }
    assert_eq!(seed(&now), 5, "the five oldest steps were dropped");
    assert_eq!(h.redo_len(), HISTORY_LIMIT);
    while let Some(w) = h.redo(now.clone()) {
        now = w;
    }
    assert_eq!((seed(&now), h.undo_len()), (total, HISTORY_LIMIT));
}

/// Only the very preset a share link replaced is swapped for saved work.
#[test]
fn rebase_replaces_only_the_same_base() {
    let base = ws(0);
    let mut h = History::default();
    h.record("open".into(), base.clone());
    let saved = ws(9).workspace;
    let equal = Rc::new(Scenario::default());
    assert!(!h.rebase(&equal, saved.clone()), "equal is not the same");
    assert!(h.rebase(&base.workspace.scenario, saved.clone()));
    assert_eq!(h.undo(ws(1)).map(|w| seed(&w)), Some(9));
    assert!(!History::default().rebase(&base.workspace.scenario, saved));
}

/// A snapshot keeps whether it was an unedited shared scenario, both ways.
#[test]
fn snapshots_remember_a_shared_scenario() {
    let mut h = History::default();
    h.record("open a shared link".into(), ws(1));
    let back = h.undo(ws(42)).expect("undo");
    assert!(!back.shared);
    assert!(h.redo(back).expect("redo").shared);
}

fn press(key: &str, code: &str, mods: &str, in_text_field: bool) -> Option<HistoryKey> {
    shortcut(&KeyPress {
        key,
        code,
        ctrl: mods.contains('c'),
        meta: mods.contains('m'),
        shift: mods.contains('s'),
        alt: mods.contains('a'),
        in_text_field,
    })
}

/// Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo; a text field keeps
/// its own undo; plain keys and Alt chords are not shortcuts.
#[test]
fn shortcuts_follow_the_platforms_and_spare_text_fields() {
    use HistoryKey::{Redo, Undo};
    let cases = [
        ("z", "KeyZ", "c", false, Some(Undo)),
        ("z", "KeyZ", "m", false, Some(Undo)),
        ("Z", "KeyZ", "cs", false, Some(Redo)),
        ("Z", "KeyZ", "ms", false, Some(Redo)),
        ("y", "KeyY", "c", false, Some(Redo)),
        ("y", "KeyY", "m", false, None),
        ("Y", "KeyY", "cs", false, None),
        ("z", "KeyZ", "", false, None),
        ("z", "KeyZ", "s", false, None),
        ("z", "KeyZ", "ca", false, None),
        ("z", "KeyZ", "c", true, None),
        ("Z", "KeyZ", "cs", true, None),
        ("x", "KeyX", "c", false, None),
        // A Cyrillic layout: the key says я, the place says Z.
        ("я", "KeyZ", "c", false, Some(Undo)),
        ("н", "KeyY", "c", false, Some(Redo)),
        // An AZERTY layout: the letter decides, not the place.
        ("w", "KeyZ", "c", false, None),
        ("z", "KeyW", "c", false, Some(Undo)),
        ("Control", "ControlLeft", "c", false, None),
    ];
    for (key, code, mods, text, want) in cases {
        assert_eq!(
            press(key, code, mods, text),
            want,
            "{key} {code} {mods} {text}"
        );
    }
}

#[test]
fn text_fields_are_those_that_take_typing() {
    let cases = [
        ("INPUT", "", false, true),
        ("INPUT", "text", false, true),
        ("INPUT", "Search", false, true),
        ("INPUT", "number", false, true),
        ("INPUT", "range", false, false),
        ("INPUT", "checkbox", false, false),
        ("INPUT", "button", false, false),
        ("TEXTAREA", "", false, true),
        ("SELECT", "", false, false),
        ("BUTTON", "", false, false),
        ("DIV", "", true, true),
        ("BODY", "", false, false),
    ];
    for (tag, kind, editable, want) in cases {
        assert_eq!(is_text_field(tag, kind, editable), want, "{tag} {kind}");
    }
}
