//! The Share button (copies the page's link and shows it with its length)
//! and the banner a link that does not open shows instead.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::scenario::model::Scenario;
use crate::ui::router::Route;
use crate::ui::share_link::link_for;

/// Props of [`ShareButton`].
#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    /// The page's working scenario.
    pub scenario: Rc<Scenario>,
    /// The page the link opens.
    pub route: Route,
    /// The simulated time the link opens at.
    pub time_ms: u64,
}

/// Copies `text` to the clipboard; false when the page has no clipboard
/// (plain http, an iframe without permission) or the copy is refused.
async fn write_clipboard(text: String) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    // `navigator.clipboard` is undefined outside secure contexts; calling
    // through it would throw, so look first.
    let has = js_sys::Reflect::get(&nav, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has {
        return false;
    }
    let promise = nav.clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The Share button with its read-only link field and live status.
#[function_component(ShareButton)]
pub fn share_button(props: &ShareButtonProps) -> Html {
    let link = use_state_eq(String::new);
    let status = use_state_eq(String::new);
    let field = use_node_ref();
    // A link describes the moment it was made; once the page changes, the
    // shown one is stale, so it is cleared.
    {
        let (link, status) = (link.clone(), status.clone());
        use_effect_with((props.scenario.clone(), props.route.clone()), move |_| {
            link.set(String::new());
            status.set(String::new());
        });
    }
    let onclick = {
        let (link, status, field) = (link.clone(), status.clone(), field.clone());
        let (scenario, route, time) = (props.scenario.clone(), props.route.clone(), props.time_ms);
        Callback::from(move |_: MouseEvent| {
            let href = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let url = link_for(&href, &scenario, &route, time);
            link.set(url.clone());
            status.set(String::new());
            let (status, field) = (status.clone(), field.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if write_clipboard(url).await {
                    status.set("Link copied".into());
                } else {
                    if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                    status.set("Copying is not available here: the link is selected, press Ctrl+C (⌘C) to copy it".into());
                }
            });
        })
    };
    let onfocus = Callback::from(|e: FocusEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    });
    let len = link.chars().count();
    html! {
        <div class="share">
            <button type="button" class="btn share-button" {onclick}>{ "Share" }</button>
            if !link.is_empty() {
                <label class="share-field">
                    <span class="share-label">{ format!("Link ({len} characters)") }</span>
                    <input ref={field} type="text" readonly=true class="share-link"
                        value={(*link).clone()} {onfocus} />
                </label>
            }
            <p class="share-status" role="status" aria-live="polite">{ (*status).clone() }</p>
        </div>
    }
}

/// Props of [`LinkBanner`].
#[derive(Properties, PartialEq)]
pub struct LinkBannerProps {
    /// What is wrong with the link.
    pub message: AttrValue,
    /// The banner was dismissed.
    pub on_dismiss: Callback<()>,
}

/// A link that did not open: says why, until dismissed.
#[function_component(LinkBanner)]
pub fn link_banner(props: &LinkBannerProps) -> Html {
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="link-banner" role="alert">
            <p>{ props.message.clone() }</p>
            <button type="button" class="btn" {onclick}>{ "Dismiss" }</button>
        </div>
    }
}
