//! Page-wide undo and redo keys: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y
//! dispatch [`Action::Undo`] and [`Action::Redo`], except while focus is
//! in a text field, whose own undo of typing the browser keeps.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::history::{is_text_field, shortcut, HistoryKey, KeyPress};
use crate::ui::store::{Action, Store};

/// Whether the key event comes from a field that takes typing.
fn from_text_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            let kind = el.get_attribute("type").unwrap_or_default();
            is_text_field(&el.tag_name(), &kind, el.is_content_editable())
        })
}

/// Listens for the history shortcuts for the component's lifetime.
#[hook]
pub fn use_history_keys(store: Store) {
    let dispatcher = store.dispatcher();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            // Not passive: a shortcut it handles must preventDefault.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.default_prevented() || e.is_composing() {
                    return;
                }
                let (key, code) = (e.key(), e.code());
                let press = KeyPress {
                    key: &key,
                    code: &code,
                    ctrl: e.ctrl_key(),
                    meta: e.meta_key(),
                    shift: e.shift_key(),
                    alt: e.alt_key(),
                    in_text_field: from_text_field(e),
                };
                if let Some(k) = shortcut(&press) {
                    e.prevent_default();
                    dispatcher.dispatch(match k {
                        HistoryKey::Undo => Action::Undo,
                        HistoryKey::Redo => Action::Redo,
                    });
                }
            })
        });
        move || drop(listener)
    });
}
