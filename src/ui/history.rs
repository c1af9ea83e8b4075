//! Undo and redo of a page's work: a bounded stack of [`Workspace`]
//! snapshots, each an `Rc<Scenario>` plus the last change batch, so a step
//! costs a pointer, not a copy of the zone. The reducer ([`super::store`])
//! records a step for every edit that changed the scenario (table edits,
//! console runs, fault toggles and moves, scenario loads); playback time,
//! selection and the console's scrollback are not edits and are never
//! recorded. Pure and natively tested.
//!
//! The shape is the classic two-stack one (as in text editors): an edit
//! pushes the state it replaced onto the undo stack and clears the redo
//! stack; undo and redo move one snapshot between the stacks. Each entry
//! carries the label of the edit that lies between it and its neighbour,
//! so the buttons can say what they will undo ("Undo: edit api A").

use std::collections::VecDeque;
use std::rc::Rc;

use super::workspace::Workspace;
use crate::scenario::model::Scenario;

pub mod labels;

/// Most undo steps kept per page; the oldest go first.
pub const HISTORY_LIMIT: usize = 100;

/// The page's work at one point in its history.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snapshot {
    /// The scenario and last change.
    pub workspace: Workspace,
    /// Whether it is a shared link's scenario the reader has not edited:
    /// stepping back onto it must not save it over their own work.
    pub shared: bool,
}

/// One snapshot and the edit that separates it from the present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What the edit did, in a few words ("edit api A").
    pub label: String,
    /// On the undo stack, the work before the edit; on the redo stack, the
    /// work after it.
    pub at: Snapshot,
}

/// A page's undo and redo stacks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records an edit `label` that replaced `before`. Any redo is gone: a
    /// new edit starts a new branch (editors do the same).
    pub fn record(&mut self, label: String, before: Snapshot) {
        self.push_undo(Step { label, at: before });
        self.redo.clear();
    }

    fn push_undo(&mut self, step: Step) {
        self.undo.push_back(step);
        while self.undo.len() > HISTORY_LIMIT {
            self.undo.pop_front();
        }
    }

    /// Steps back: returns the work before the last edit and keeps
    /// `current` for redo; `None` (and nothing kept) when there is nothing
    /// to undo.
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let step = self.undo.pop_back()?;
        self.redo.push(Step {
            label: step.label,
            at: current,
        });
        Some(step.at)
    }

    /// Steps forward again: the inverse of [`History::undo`].
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let step = self.redo.pop()?;
        self.push_undo(Step {
            label: step.label,
            at: current,
        });
        Some(step.at)
    }

    /// What undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|s| s.label.as_str())
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Undo steps kept.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Redo steps kept.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Whether there is nothing to undo or redo.
    pub fn is_empty(&self) -> bool {
        self.undo.is_empty() && self.redo.is_empty()
    }

    /// Replaces the oldest snapshot with `base` when it is still the very
    /// scenario `was` (pointer equality, so an equal scenario reached by
    /// editing is not mistaken for it). This is how work saved in the
    /// browser, read after a share link already opened over the preset,
    /// becomes what undoing that link returns to. True when replaced.
    pub fn rebase(&mut self, was: &Rc<Scenario>, base: Workspace) -> bool {
        match self.undo.front_mut() {
            Some(first) if Rc::ptr_eq(&first.at.workspace.scenario, was) => {
                first.at = Snapshot {
                    workspace: base,
                    shared: false,
                };
                true
            }
            _ => false,
        }
    }
}

/// A keyboard shortcut of the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryKey {
    /// Ctrl+Z, or Cmd+Z on a Mac.
    Undo,
    /// Ctrl+Shift+Z, Cmd+Shift+Z, or Ctrl+Y.
    Redo,
}

/// A key press, as much of it as the shortcuts need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key` (`z`, `Z`, `y`, or a non-Latin letter).
    pub key: &'a str,
    /// `KeyboardEvent.code` (`KeyZ`): the key's place, used when the
    /// layout is not Latin so `key` names another letter.
    pub code: &'a str,
    /// Ctrl held.
    pub ctrl: bool,
    /// Cmd (Meta) held.
    pub meta: bool,
    /// Shift held.
    pub shift: bool,
    /// Alt (Option) held.
    pub alt: bool,
    /// Focus is in a text field, which has its own undo.
    pub in_text_field: bool,
}

/// The history shortcut a key press means, if any. Inside a text field
/// the key is left to the field: the browser's own undo of typing must
/// keep working there.
pub fn shortcut(k: &KeyPress<'_>) -> Option<HistoryKey> {
    if k.in_text_field || k.alt || !(k.ctrl || k.meta) {
        return None;
    }
    let letter = match k.key.chars().collect::<Vec<_>>().as_slice() {
        [c] if c.is_ascii_alphabetic() => c.to_ascii_lowercase(),
        // A Cyrillic or Greek layout: the key's place decides, as the
        // browsers' own Ctrl+Z does.
        _ => match k.code {
            "KeyZ" => 'z',
            "KeyY" => 'y',
            _ => return None,
        },
    };
    match (letter, k.shift) {
        ('z', false) => Some(HistoryKey::Undo),
        ('z', true) => Some(HistoryKey::Redo),
        // Ctrl+Y is redo on Windows; Cmd+Y is the history window in Safari.
        ('y', false) if k.ctrl => Some(HistoryKey::Redo),
        _ => None,
    }
}

/// Whether an element with `tag` (upper case, as `tagName` gives it), the
/// `type` attribute `input_type` and `isContentEditable` takes typing, so
/// it has an undo of its own. Buttons, checkboxes and sliders do not.
pub fn is_text_field(tag: &str, input_type: &str, content_editable: bool) -> bool {
    if content_editable {
        return true;
    }
    match tag {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            input_type.to_ascii_lowercase().as_str(),
            "button"
                | "checkbox"
                | "color"
                | "file"
                | "hidden"
                | "image"
                | "radio"
                | "range"
                | "reset"
                | "submit"
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
