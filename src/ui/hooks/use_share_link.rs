//! Opens `#s=...` share links: on load and when the hash changes to one.

use gloo_events::EventListener;
use yew::prelude::*;

use super::current_hash;
use crate::ui::router::Route;
use crate::ui::share_link::{is_share_hash, open_link};
use crate::ui::store::Store;

/// Shows `hash` in the address bar without a `hashchange` (the store is
/// already there) and without a new history entry.
fn replace_hash(hash: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Loads a share link into the store for its page and time, then shows
/// `#/<page>` in the address bar. A link that does not open leaves the page
/// as it was and returns the reason (for a banner) until `dismiss`ed.
#[hook]
pub fn use_share_link(store: Store) -> UseStateHandle<Option<String>> {
    let error = use_state_eq(|| None::<String>);
    // The route now, for the address bar after a refused link.
    let route = use_mut_ref(Route::default);
    *route.borrow_mut() = store.route.clone();
    {
        let error = error.clone();
        use_effect_with((), move |_| {
            let open = move || {
                let hash = current_hash();
                if !is_share_hash(&hash) {
                    return;
                }
                match open_link(&hash) {
                    Ok(opened) => {
                        for a in opened.actions {
                            store.dispatch(a);
                        }
                        replace_hash(&opened.hash);
                        error.set(None);
                    }
                    Err(why) => {
                        replace_hash(&route.borrow().href());
                        error.set(Some(why));
                    }
                }
            };
            open();
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "hashchange", move |_| open()));
            move || drop(listener)
        });
    }
    error
}
