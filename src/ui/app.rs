//! The root component: the store (one reducer shared by context), the hash
//! router, the playback clock, and the page chrome around the current route
//! (none in an embed: see [`crate::ui::embed`]).

use yew::prelude::*;

use super::components::{Home, LinkBanner, NotFound, OpenInDnsplay, SaveNotice};
use super::embed::{embed_from_location, missing_panel_text, EmbedKind, EmbedMode};
use super::hooks::{
    current_hash, use_autosave, use_embed_height, use_hash_route, use_history_keys,
    use_playback_clock, use_share_link,
};
use super::pages::{Page, ScenarioPage};
use super::router::{parse_route, Route};
use super::sections::{SANDBOX, SECTIONS};
use super::share_link::{is_share_hash, route_slug};
use super::store::{Action, AppState, Store};

/// The product promise shown under the name.
pub const PROMISE: &str =
    "Build a zone, break an endpoint, and watch DNS and Route 53 failover answer — all in your browser.";

/// The document title for a route.
pub fn page_title(route: &Route) -> String {
    let name = match route {
        Route::Home => return "dnsplay — DNS and Route 53 failover playground".to_string(),
        Route::Sandbox => "Sandbox",
        Route::Section(slug) => SECTIONS
            .iter()
            .find(|s| s.slug == slug)
            .map_or("Section", |s| s.title),
        Route::Unknown(_) => "No such section",
    };
    format!("{name} — dnsplay")
}

/// The page for a route: every registered section and the sandbox are live
/// [`ScenarioPage`]s (no placeholder pages).
fn page(route: &Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Section(slug) => match Page::from_slug(slug) {
            // Keyed, so each page gets its own console session and query.
            Some(p) => html! { <ScenarioPage key={slug.clone()} page={p} /> },
            None => html! { <NotFound slug={slug.clone()} /> },
        },
        Route::Sandbox => html! { <ScenarioPage key="sandbox" page={Page::Sandbox} /> },
        Route::Unknown(slug) => html! { <NotFound slug={slug.clone()} /> },
    }
}

/// The embed the page's address asks for (read once: a share link's hash
/// is replaced by `#/page` as it opens, and embeds do not change mode).
fn embed_mode() -> EmbedMode {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    embed_from_location(&search, &current_hash())
}

/// The root of the playground.
#[function_component(App)]
pub fn app() -> Html {
    let store: Store = use_reducer_eq(|| AppState::at(parse_route(&current_hash())));
    let embed = use_memo((), |()| embed_mode());
    let embedded = !matches!(*embed, Ok(None));
    use_hash_route(store.clone());
    // Before the share link: saved work is read first, so a link opened
    // over it is undone back to it. Off in embeds: an embed shows what its
    // author shared, and a sandboxed frame has no storage anyway.
    let autosave = use_autosave(store.clone(), !embedded);
    use_history_keys(store.clone());
    let link_error = use_share_link(store.clone());
    // A share link opens just after the first render (on the home page);
    // the height of that passing frame is not worth telling the parent.
    let opening =
        store.route == Route::Home && link_error.is_none() && is_share_hash(&current_hash());
    use_embed_height(
        match &*embed {
            _ if opening => None,
            Ok(kind) => kind.map(|k| k.as_str().to_string()),
            Err(bad) => Some(bad.value.clone()),
        },
        route_slug(&store.route).unwrap_or_default(),
    );
    {
        let s = store.clone();
        use_playback_clock(
            store.playback.playing,
            Callback::from(move |ms| s.dispatch(Action::Tick(ms))),
        );
    }
    {
        // On navigation (not on first load), tell the browser and screen
        // readers where we are: new title, focus on the new heading.
        let first = use_mut_ref(|| true);
        use_effect_with(store.route.clone(), move |route| {
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(doc) = &doc {
                doc.set_title(&page_title(route));
            }
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let heading = doc
                .and_then(|d| d.get_element_by_id("page-title"))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            if let Some(h) = heading {
                let _ = h.focus();
            }
        });
    }
    let route = store.route.clone();
    let banner = (*link_error).clone().map(|why| {
        let e = link_error.clone();
        let on_dismiss = Callback::from(move |()| e.set(None));
        html! { <LinkBanner message={why} {on_dismiss} /> }
    });
    if embedded {
        return html! {
            <ContextProvider<Store> context={store.clone()}>
                { embedded_page(&embed, &route, banner) }
                <OpenInDnsplay scenario={store.workspace.scenario.clone()} route={route.clone()}
                    time_ms={store.playback.time_ms} />
            </ContextProvider<Store>>
        };
    }
    html! {
        <ContextProvider<Store> context={store.clone()}>
            <header class="site-header">
                <a class="brand" href="#/">{ "dnsplay" }</a>
                <p class="promise">{ PROMISE }</p>
                if !SECTIONS.is_empty() {
                    <nav aria-label="Sections">
                        <ul>
                            { for SECTIONS.iter().map(|s| {
                                let here = route == Route::Section(s.slug.to_string());
                                html! {
                                    <li><a href={format!("#/{}", s.slug)}
                                        aria-current={here.then_some("page")}>{ s.title }</a></li>
                                }
                            }) }
                            <li><a href={format!("#/{}", SANDBOX.slug)}
                                aria-current={(route == Route::Sandbox).then_some("page")}>{ SANDBOX.title }</a></li>
                        </ul>
                    </nav>
                }
            </header>
            <main id="main" class="content">
                { for banner }
                if let Some(m) = autosave.message.clone() {
                    <SaveNotice message={m} on_dismiss={autosave.dismiss.clone()} />
                }
                { page(&route) }
            </main>
            <footer class="site-footer">
                <span>{ format!("dnsplay {}", crate::VERSION) }</span>
                <span>{ " · runs entirely in your browser, no server" }</span>
            </footer>
        </ContextProvider<Store>>
    }
}

/// An embedded page: no header, navigation or footer; only the embed's
/// panels (the stylesheet keys on the `embed-*` classes), or the sentence
/// naming the allowed values when `?embed=` is not one of them.
fn embedded_page(embed: &EmbedMode, route: &Route, banner: Option<Html>) -> Html {
    let kind = match embed {
        Ok(Some(kind)) => *kind,
        Ok(None) => return page(route),
        Err(bad) => {
            return html! {
                <main id="main" class="content embed embed-invalid">
                    <p class="embed-error" role="alert">{ bad.to_string() }</p>
                </main>
            };
        }
    };
    let panels = kind != EmbedKind::Section;
    let class = classes!(
        "content",
        "embed",
        format!("embed-{kind}"),
        panels.then_some("embed-panels")
    );
    html! {
        <main id="main" {class} data-embed={kind.as_str()}>
            { for banner }
            <ContextProvider<EmbedKind> context={kind}>
                { page(route) }
            </ContextProvider<EmbedKind>>
            if panels {
                <p class="embed-missing">{ missing_panel_text(kind) }</p>
            }
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_a_title_naming_the_site() {
        for (route, has) in [
            (Route::Home, "playground"),
            (Route::Sandbox, "Sandbox"),
            (Route::Unknown("x".into()), "No such section"),
            (Route::Section("x".into()), "Section"),
        ] {
            let t = page_title(&route);
            assert!(t.contains("dnsplay") && t.contains(has), "{t}");
        }
    }
}
