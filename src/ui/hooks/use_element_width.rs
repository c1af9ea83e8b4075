//! The rendered width of an element, kept current by a `ResizeObserver`, so
//! SVG layouts are computed for the real width (text keeps its size on a
//! phone instead of being scaled down with a viewBox) and follow the box
//! when the grid reflows, a scrollbar appears, or the window resizes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The width in px of the element behind `node`, or `fallback` before it is
/// mounted (or while it has no layout, e.g. hidden).
#[hook]
pub fn use_element_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state_eq(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let el = node.cast::<web_sys::Element>();
            let measure = {
                let el = el.clone();
                move || {
                    if let Some(el) = &el {
                        let w = f64::from(el.client_width());
                        if w > 0.0 {
                            width.set(w);
                        }
                    }
                }
            };
            measure();
            // The observer calls back on the next frame after each size change.
            let callback = Closure::<dyn FnMut()>::new(measure);
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, &el) {
                o.observe(el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }
    *width
}
