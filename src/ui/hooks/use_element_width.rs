//! The rendered width of an element, updated on window resize, so SVG
//! layouts are computed for the real width (text keeps its size on a phone
//! instead of being scaled down with a viewBox).

use gloo_events::EventListener;
use yew::prelude::*;

/// The width in px of the element behind `node`, or `fallback` before it is
/// mounted (or when it has no layout, e.g. hidden).
#[hook]
pub fn use_element_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state_eq(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let measure = {
                let node = node.clone();
                move || {
                    if let Some(el) = node.cast::<web_sys::Element>() {
                        let w = f64::from(el.client_width());
                        if w > 0.0 {
                            width.set(w);
                        }
                    }
                }
            };
            measure();
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    *width
}
