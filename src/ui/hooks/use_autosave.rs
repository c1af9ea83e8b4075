//! Autosave's DOM side: reads every page's saved work from `localStorage`
//! once at start ([`Action::RestoreSaved`]), then writes the page's work
//! [`saved::DEBOUNCE_MS`] after the reader's last edit, at once when they
//! leave the page, and on `pagehide` (a reload within the quiet time keeps
//! the edit). What to write is decided by [`saved::plan`]; storage that is
//! blocked or full gives a quiet warning, never an error page.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::scenario::model::Scenario;
use crate::ui::saved::{self, Storage, StorageError};
use crate::ui::share_link::route_slug;
use crate::ui::store::{Action, Store};

/// `window.localStorage` as a [`Storage`].
struct LocalStorage(web_sys::Storage);

/// A thrown DOM exception's `name` (`QuotaExceededError`).
fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn storage_error(e: &JsValue) -> StorageError {
    match error_name(e).as_str() {
        // Firefox's older name for the same thing.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Blocked("SecurityError".into()),
        other => StorageError::Refused(other.to_string()),
    }
}

impl LocalStorage {
    /// The page's storage. Reading `window.localStorage` itself throws
    /// `SecurityError` in a sandboxed frame or with site data blocked.
    fn open() -> Result<LocalStorage, StorageError> {
        let blocked = |why: String| StorageError::Blocked(why);
        let window = web_sys::window().ok_or_else(|| blocked("no window".into()))?;
        match window.local_storage() {
            Ok(Some(s)) => Ok(LocalStorage(s)),
            Ok(None) => Err(blocked("no localStorage".into())),
            Err(e) => Err(blocked(error_name(&e))),
        }
    }
}

impl Storage for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(|e| storage_error(&e))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(|e| storage_error(&e))
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.0.remove_item(key).map_err(|e| storage_error(&e))
    }
}

/// Work waiting for the quiet time to pass.
struct Pending {
    slug: String,
    edited: bool,
    scenario: Rc<Scenario>,
    preset: Rc<Scenario>,
}

/// Writes the pending work, if any.
fn flush(pending: &RefCell<Option<Pending>>) -> Result<(), StorageError> {
    let Some(p) = pending.borrow_mut().take() else {
        return Ok(());
    };
    let plan = saved::plan(&p.slug, p.edited, &p.scenario, &p.preset)?;
    if plan == saved::Plan::Keep {
        return Ok(());
    }
    saved::save(&mut LocalStorage::open()?, &p.slug, plan)
}

/// What autosave has to tell the reader on this page.
#[derive(Clone, PartialEq)]
pub struct AutosaveStatus {
    /// A warning (nothing is being saved) or a note (this page's saved
    /// copy could not be read), if any.
    pub message: Option<String>,
    /// Hides the message shown.
    pub dismiss: Callback<()>,
}

/// Saves each page's work in this browser as the reader edits it and
/// restores it on the next visit. With `enabled` false (an embed) storage
/// is neither read nor written.
#[hook]
pub fn use_autosave(store: Store, enabled: bool) -> AutosaveStatus {
    let warning = use_state_eq(|| None::<String>);
    let notes = use_state_eq(BTreeMap::<String, String>::new);
    // A dismissed warning stays dismissed while it says the same.
    let dismissed = use_mut_ref(|| None::<String>);
    let pending = use_mut_ref(|| None::<Pending>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let report = {
        let (warning, dismissed) = (warning.clone(), dismissed.clone());
        Rc::new(move |result: Result<(), StorageError>| match result {
            Ok(()) => warning.set(None),
            Err(e) => {
                let text = saved::warning(&e);
                if dismissed.borrow().as_ref() != Some(&text) {
                    warning.set(Some(text));
                }
            }
        })
    };
    {
        let (store, notes, report) = (store.clone(), notes.clone(), report.clone());
        use_effect_with(enabled, move |&enabled| {
            if enabled {
                match LocalStorage::open().and_then(|s| saved::load_all(&s)) {
                    Ok(loaded) => {
                        if !loaded.saved.is_empty() {
                            store.dispatch(Action::RestoreSaved(loaded.saved));
                        }
                        notes.set(loaded.notes);
                    }
                    Err(e) => report(Err(e)),
                }
            }
        });
    }
    let slug = route_slug(&store.route);
    {
        let (pending, timer, report) = (pending.clone(), timer.clone(), report.clone());
        let deps = (
            enabled,
            slug.clone(),
            store.edited,
            store.workspace.scenario.clone(),
            store.preset.clone(),
        );
        use_effect_with(deps, move |(enabled, slug, edited, scenario, preset)| {
            let left = pending
                .borrow()
                .as_ref()
                .is_some_and(|p| Some(&p.slug) != slug.as_ref());
            if left {
                timer.borrow_mut().take();
                report(flush(&pending));
            }
            if let (true, true, Some(slug)) = (*enabled, *edited, slug) {
                *pending.borrow_mut() = Some(Pending {
                    slug: slug.clone(),
                    edited: *edited,
                    scenario: scenario.clone(),
                    preset: preset.clone(),
                });
                let pending = pending.clone();
                // Replacing the timer drops (cancels) the previous one.
                *timer.borrow_mut() = Some(Timeout::new(saved::DEBOUNCE_MS, move || {
                    report(flush(&pending));
                }));
            }
        });
    }
    {
        let (pending, timer) = (pending.clone(), timer.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "pagehide", move |_| {
                    timer.borrow_mut().take();
                    let _ = flush(&pending);
                })
            });
            move || drop(listener)
        });
    }
    // The note about an unreadable copy goes once the reader's edit has
    // replaced it.
    let note = slug
        .as_ref()
        .filter(|_| !store.edited)
        .and_then(|s| notes.get(s).cloned());
    let showing_warning = warning.is_some();
    let message = (*warning).clone().or(note);
    let dismiss = {
        let (warning, notes, slug) = (warning.clone(), notes.clone(), slug.clone());
        Callback::from(move |()| {
            if showing_warning {
                *dismissed.borrow_mut() = (*warning).clone();
                warning.set(None);
            } else if let Some(slug) = &slug {
                let mut left = (*notes).clone();
                left.remove(slug);
                notes.set(left);
            }
        })
    };
    AutosaveStatus { message, dismiss }
}
