//! An embedded page tells the page around it how tall it is, so the
//! `<iframe>` can fit it: `postMessage({type: "dnsplay:height", height,
//! embed, section}, "*")` on load and whenever the document's height
//! changes (a `ResizeObserver` on `<html>`). The target is `"*"` because a
//! sandboxed frame cannot know, or be trusted about, its parent's origin,
//! and the message holds nothing private.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::ui::embed::HEIGHT_MESSAGE;

/// The document's height in whole CSS px, rounded up so the frame never
/// ends half a pixel short (which would show a scroll bar).
fn document_height() -> Option<f64> {
    let html = web_sys::window()?.document()?.document_element()?;
    Some(html.get_bounding_client_rect().height().ceil())
}

/// `{type, height, embed, section}` as a plain object.
fn message(height: f64, embed: &str, section: &str) -> JsValue {
    let msg = js_sys::Object::new();
    for (key, value) in [
        ("type", JsValue::from_str(HEIGHT_MESSAGE)),
        ("height", JsValue::from_f64(height)),
        ("embed", JsValue::from_str(embed)),
        ("section", JsValue::from_str(section)),
    ] {
        let _ = js_sys::Reflect::set(&msg, &JsValue::from_str(key), &value);
    }
    msg.into()
}

/// While `embed` is set (the `?embed=` value) and the page is framed,
/// posts the document's height to the parent with the embed and the
/// section's slug. Does nothing on a page that is not in a frame.
#[hook]
pub fn use_embed_height(embed: Option<String>, section: String) {
    use_effect_with((embed, section), |(embed, section)| {
        let window = web_sys::window();
        let parent = window
            .as_ref()
            .and_then(|w| w.parent().ok().flatten())
            .filter(|p| {
                window
                    .as_ref()
                    .is_some_and(|w| JsValue::from(p) != JsValue::from(w))
            });
        let observer = match (embed.clone(), parent) {
            (Some(embed), Some(parent)) => {
                let section = section.clone();
                let last = Rc::new(Cell::new(-1.0_f64));
                let post = move || {
                    let Some(height) = document_height().filter(|h| *h > 0.0) else {
                        return;
                    };
                    if last.replace(height) != height {
                        let _ = parent.post_message(&message(height, &embed, &section), "*");
                    }
                };
                post();
                // The observer also calls back once when it starts.
                let callback = Closure::<dyn FnMut()>::new(post);
                let html = window
                    .as_ref()
                    .and_then(|w| w.document())
                    .and_then(|d| d.document_element());
                let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
                if let (Some(o), Some(html)) = (&observer, &html) {
                    o.observe(html);
                }
                Some((observer, callback))
            }
            _ => None,
        };
        move || {
            if let Some((Some(o), _callback)) = &observer {
                o.disconnect();
            }
            drop(observer);
        }
    });
}
