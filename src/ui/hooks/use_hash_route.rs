//! Follows the location hash: `hashchange` dispatches [`Action::Navigate`].

use gloo_events::EventListener;
use yew::prelude::*;

use crate::ui::router::parse_route;
use crate::ui::store::{Action, Store};

/// The current location hash (`#/cname`), or empty outside a browser.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Keeps `store.route` in step with the location hash for the component's
/// lifetime. Links are plain `<a href="#/slug">`, so back/forward work too.
#[hook]
pub fn use_hash_route(store: Store) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "hashchange", move |_| {
                let hash = current_hash();
                // A share link is opened by `use_share_link`, not routed.
                if !crate::ui::share_link::is_share_hash(&hash) {
                    store.dispatch(Action::Navigate(parse_route(&hash)));
                }
            })
        });
        move || drop(listener)
    });
}
