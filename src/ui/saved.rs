//! Autosave's pure half: where each page's work is kept in the browser,
//! in what format, when to write or remove it, and the words for what went
//! wrong. The browser's `localStorage` sits behind the small [`Storage`]
//! trait, so all of this is tested natively;
//! [`crate::ui::hooks::use_autosave()`] is the DOM side.
//!
//! # Format
//!
//! One key per page, `dnsplay.saved.<slug>`, holding
//! `<version>.<payload>`: exactly a share link's text after `#s=`
//! ([`crate::scenario::codec`]), for a [`SharedState`] naming the page at
//! time 0. Saved work is therefore versioned and upgraded by the same
//! migrations as links ([`crate::scenario::migrate`]): work saved by an
//! older dnsplay opens in a newer one. A value this version cannot read (a
//! newer format, or damaged) is left in place, never deleted: the page
//! opens at its preset with a quiet note, and the copy is replaced only
//! when the reader edits that page.
//!
//! Only work the reader changed is written, and work equal to the page's
//! preset is removed instead (an untouched page stores nothing; "Reset to
//! the blog's version" clears the copy).

use std::collections::BTreeMap;
use std::rc::Rc;

use super::router::SANDBOX_SLUG;
use super::sections::SECTIONS;
use crate::scenario::codec::{self, LinkError, SharedState, MAX_LINK_CHARS};
use crate::scenario::migrate::{MigrateError, LATEST};
use crate::scenario::model::Scenario;

/// Every key starts so; the page slug follows.
pub const KEY_PREFIX: &str = "dnsplay.saved.";

/// Quiet time after the last edit before it is written (ms): typing a
/// burst of edits writes once.
pub const DEBOUNCE_MS: u32 = 400;

/// Opening words of every storage warning.
pub const NOT_SAVING: &str = "Your changes are not being saved in this browser";

/// The storage key of page `slug`.
pub fn key(slug: &str) -> String {
    format!("{KEY_PREFIX}{slug}")
}

/// Every page that has work to save: the sections and the sandbox.
pub fn page_slugs() -> impl Iterator<Item = &'static str> {
    SECTIONS.iter().map(|s| s.slug).chain([SANDBOX_SLUG])
}

/// Why the browser did not keep the work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// There is no storage: `window.localStorage` threw (`SecurityError`
    /// in a sandboxed frame or with site data blocked) or is missing.
    Blocked(String),
    /// `QuotaExceededError`: the site's storage is full.
    Full,
    /// The work encodes to more than a link may hold, so it could not be
    /// read back.
    TooLarge(usize),
    /// Anything else the browser refused, with its words.
    Refused(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Blocked(why) => write!(
                f,
                "this page may not use the browser's storage ({why}); \
                 share a link to keep your work"
            ),
            StorageError::Full => write!(
                f,
                "the browser's storage for this site is full; \
                 share a link to keep your work"
            ),
            StorageError::TooLarge(n) => write!(
                f,
                "this page's scenario is too large to save ({n} characters; \
                 at most {MAX_LINK_CHARS})"
            ),
            StorageError::Refused(why) => write!(f, "the browser refused ({why})"),
        }
    }
}

/// The warning shown for `e`.
pub fn warning(e: &StorageError) -> String {
    format!("{NOT_SAVING}: {e}.")
}

/// A key-value store of strings, as `localStorage` is.
pub trait Storage {
    /// The value at `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` at `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key` (nothing when absent).
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
}

/// The stored text of page `slug`'s work.
pub fn encode(slug: &str, scenario: &Scenario) -> Result<String, StorageError> {
    let value = codec::encode(&SharedState {
        scenario: scenario.clone(),
        page: Some(slug.to_string()),
        time_ms: 0,
    });
    if value.len() > MAX_LINK_CHARS {
        return Err(StorageError::TooLarge(value.len()));
    }
    Ok(value)
}

/// The scenario in a stored value, upgraded from the version that wrote it.
pub fn decode(value: &str) -> Result<Scenario, LinkError> {
    codec::open(value).map(|state| state.scenario)
}

/// The quiet note for a stored value that does not decode.
pub fn unreadable_note(e: &LinkError) -> String {
    let why = match e {
        LinkError::Version(MigrateError::Newer(v)) | LinkError::Migrate(MigrateError::Newer(v)) => {
            format!("it was saved by a newer dnsplay, in format {v}; this one reads 1 to {LATEST}")
        }
        other => format!("it is damaged: {other}"),
    };
    format!(
        "Your saved copy of this page could not be opened ({why}), so the page shows the \
         blog's version. The copy is kept as it is until you edit this page."
    )
}

/// What autosave does with a page's work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Nothing: the reader has not changed it (a preset, a restored copy,
    /// an opened share link).
    Keep,
    /// Store this value.
    Write(String),
    /// Remove the copy: the work is the preset again.
    Remove,
}

/// The plan for page `slug` showing `scenario`.
pub fn plan(
    slug: &str,
    edited: bool,
    scenario: &Scenario,
    preset: &Scenario,
) -> Result<Plan, StorageError> {
    if !edited {
        Ok(Plan::Keep)
    } else if scenario == preset {
        Ok(Plan::Remove)
    } else {
        encode(slug, scenario).map(Plan::Write)
    }
}

/// Carries out `plan` for page `slug`.
pub fn save(storage: &mut dyn Storage, slug: &str, plan: Plan) -> Result<(), StorageError> {
    match plan {
        Plan::Keep => Ok(()),
        Plan::Write(value) => storage.set(&key(slug), &value),
        Plan::Remove => storage.remove(&key(slug)),
    }
}

/// Everything read back at start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// Each page's saved work, for
    /// [`Action::RestoreSaved`](crate::ui::store::Action::RestoreSaved).
    pub saved: Vec<(String, Rc<Scenario>)>,
    /// A note per page whose copy could not be read (left in place).
    pub notes: BTreeMap<String, String>,
}

/// Reads every page's saved work. Unreadable values become notes and stay
/// stored; only a storage that cannot be read at all is an error.
pub fn load_all(storage: &dyn Storage) -> Result<Loaded, StorageError> {
    let mut loaded = Loaded::default();
    for slug in page_slugs() {
        let Some(value) = storage.get(&key(slug))? else {
            continue;
        };
        match decode(&value) {
            Ok(s) => loaded.saved.push((slug.to_string(), Rc::new(s))),
            Err(e) => {
                loaded.notes.insert(slug.to_string(), unreadable_note(&e));
            }
        }
    }
    Ok(loaded)
}

/// A storage in memory, for tests: `fail` makes every call fail so.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct MemoryStorage {
    /// The stored values.
    pub items: BTreeMap<String, String>,
    /// The error every call returns, when set.
    pub fail: Option<StorageError>,
}

#[cfg(test)]
impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match &self.fail {
            Some(e) => Err(e.clone()),
            None => Ok(self.items.get(key).cloned()),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        match &self.fail {
            Some(e) => Err(e.clone()),
            None => {
                self.items.insert(key.into(), value.into());
                Ok(())
            }
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        match &self.fail {
            Some(e) => Err(e.clone()),
            None => {
                self.items.remove(key);
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests;
