//! The Share button (copies the page's link and shows it with its length),
//! "Copy embed code" (an `<iframe>` for the whole section or one panel,
//! see [`crate::ui::embed`]), and the banner a link that does not open
//! shows instead.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::scenario::model::Scenario;
use crate::ui::embed::{
    available_kinds, embed_src, frame_title, iframe_snippet, page_base, EmbedKind, KINDS,
};
use crate::ui::router::Route;
use crate::ui::sections::{SANDBOX, SECTIONS};
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

/// Copies `text`, or else selects it in `field` (an input or textarea) for
/// Ctrl+C, and says which happened in `status`.
fn copy_or_select(
    text: String,
    field: NodeRef,
    status: UseStateHandle<String>,
    what: &'static str,
) {
    wasm_bindgen_futures::spawn_local(async move {
        if write_clipboard(text).await {
            status.set(format!("{what} copied"));
            return;
        }
        if let Some(el) = field.cast::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
        if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
            input.select();
        } else if let Some(area) = field.cast::<web_sys::HtmlTextAreaElement>() {
            area.select();
        }
        status.set(format!(
            "Copying is not available here: the {} is selected, press Ctrl+C (⌘C) to copy it",
            what.to_lowercase()
        ));
    });
}

/// The page's address without query or fragment.
fn here() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    page_base(&href).to_string()
}

/// The section's title for the frame's `title`.
fn section_title(route: &Route) -> &'static str {
    match route {
        Route::Section(slug) => SECTIONS
            .iter()
            .find(|s| s.slug == slug)
            .map_or("a section", |s| s.title),
        _ => SANDBOX.title,
    }
}

/// The ids of the panels on the page, for the embeds it can offer.
fn panel_ids() -> Vec<String> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(".tool-grid > .panel[id]").ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.id())
        .collect()
}

fn select_on_focus<T: JsCast + Clone + 'static>(select: fn(&T)) -> Callback<FocusEvent> {
    Callback::from(move |e: FocusEvent| {
        if let Some(el) = e.target().and_then(|t| t.dyn_into::<T>().ok()) {
            select(&el);
        }
    })
}

/// The Share button with its read-only link field, the embed code menu and
/// field, and a live status.
#[function_component(ShareButton)]
pub fn share_button(props: &ShareButtonProps) -> Html {
    let link = use_state_eq(String::new);
    let code = use_state_eq(String::new);
    let status = use_state_eq(String::new);
    let kind = use_state_eq(|| EmbedKind::Section);
    let kinds = use_state_eq(|| KINDS.to_vec());
    let field = use_node_ref();
    let code_field = use_node_ref();
    // A link describes the moment it was made; once the page changes, the
    // shown one is stale, so it is cleared.
    {
        let (link, code, status) = (link.clone(), code.clone(), status.clone());
        use_effect_with((props.scenario.clone(), props.route.clone()), move |_| {
            link.set(String::new());
            code.set(String::new());
            status.set(String::new());
        });
    }
    {
        // Panels come and go with the page's tools; offer what is there.
        let kinds = kinds.clone();
        use_effect(move || kinds.set(available_kinds(&panel_ids())));
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
            copy_or_select(url, field.clone(), status.clone(), "Link");
        })
    };
    let chosen = if kinds.contains(&*kind) {
        *kind
    } else {
        EmbedKind::Section
    };
    let on_embed = {
        let (code, status, code_field) = (code.clone(), status.clone(), code_field.clone());
        let (scenario, route, time) = (props.scenario.clone(), props.route.clone(), props.time_ms);
        Callback::from(move |_: MouseEvent| {
            let src = embed_src(&link_for(&here(), &scenario, &route, time), chosen);
            let snippet = iframe_snippet(&src, &frame_title(section_title(&route), chosen), chosen);
            code.set(snippet.clone());
            status.set(String::new());
            copy_or_select(snippet, code_field.clone(), status.clone(), "Embed code");
        })
    };
    let on_kind = {
        let (kind, code) = (kind.clone(), code.clone());
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(k) = EmbedKind::parse(&el.value()) {
                kind.set(k);
                code.set(String::new());
            }
        })
    };
    let len = link.chars().count();
    html! {
        <div class="share">
            <button type="button" class="btn share-button" {onclick}>{ "Share" }</button>
            if !link.is_empty() {
                <label class="share-field">
                    <span class="share-label">{ format!("Link ({len} characters)") }</span>
                    <input ref={field} type="text" readonly=true class="share-link"
                        value={(*link).clone()}
                        onfocus={select_on_focus::<web_sys::HtmlInputElement>(|i| i.select())} />
                </label>
            }
            <span class="share-embed">
                <label>
                    <span class="share-note">{ "Embed" }</span>
                    <select class="share-embed-kind" onchange={on_kind}>
                        { for kinds.iter().map(|k| html! {
                            <option value={k.as_str()} selected={*k == chosen}>{ k.label() }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="btn share-embed-button" onclick={on_embed}>{ "Copy embed code" }</button>
            </span>
            if !code.is_empty() {
                <label class="share-code-field">
                    <span class="share-note">{ "Embed code: the frame, then a line your page needs once to fit each frame to its content" }</span>
                    <textarea ref={code_field} readonly=true class="share-code" rows="4"
                        value={(*code).clone()}
                        onfocus={select_on_focus::<web_sys::HtmlTextAreaElement>(|a| a.select())} />
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
