//! Share links in the UI, as pure functions: what a page's Share button
//! puts in the link, and what opening a `#s=...` fragment does to the store
//! (a list of [`Action`]s), so both are tested natively. The codec itself is
//! [`crate::scenario::codec`]; the DOM side is
//! [`crate::ui::components::share`] and
//! [`crate::ui::hooks::use_share_link()`].

use std::rc::Rc;

use super::router::{parse_route, Route};
use super::store::Action;
use crate::scenario::codec::{self, SharedState};
use crate::scenario::model::Scenario;

/// Whether a location hash is a share link rather than a route.
pub fn is_share_hash(hash: &str) -> bool {
    hash.starts_with("#s=")
}

/// The slug a link records for `route`: sections and the sandbox have
/// one; home and unknown pages have no scenario to share.
pub fn route_slug(route: &Route) -> Option<String> {
    match route {
        Route::Section(slug) => Some(slug.clone()),
        Route::Sandbox => Some(super::router::SANDBOX_SLUG.to_string()),
        Route::Home | Route::Unknown(_) => None,
    }
}

/// The link for a page's working scenario at `time_ms`. `href` is the
/// page's full address; its own fragment (the `#/slug` route) is dropped
/// by [`codec::share_url`], so the query (`?embed=...`) is kept.
pub fn link_for(href: &str, scenario: &Scenario, route: &Route, time_ms: u64) -> String {
    let state = SharedState {
        scenario: scenario.clone(),
        page: route_slug(route),
        time_ms,
    };
    codec::share_url(href, &state)
}

/// What opening a link does: the actions that put the shared scenario on
/// its page at its time, and the hash the address bar then shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// Dispatched in order: go to the page (its saved work or preset), show
    /// the shared scenario over it (undoable, and not saved until the reader
    /// edits it), move the clock (the store clamps it to the horizon).
    pub actions: Vec<Action>,
    /// `#/<page>`, for `history.replaceState`.
    pub hash: String,
}

/// Opens a share link. A link without a page, or naming a page this
/// version does not have, opens in the sandbox, which shows every tool.
/// The error is a sentence for the banner, from [`codec::LinkError`]'s
/// words.
pub fn open_link(link: &str) -> Result<Opened, String> {
    let state =
        codec::open(link).map_err(|e| format!("This share link could not be opened: {e}."))?;
    let route = match state
        .page
        .as_deref()
        .map(|p| parse_route(&format!("#/{p}")))
    {
        Some(r @ (Route::Section(_) | Route::Sandbox)) => r,
        _ => Route::Sandbox,
    };
    Ok(Opened {
        hash: route.href(),
        actions: vec![
            Action::Navigate(route),
            Action::OpenShared(Rc::new(state.scenario)),
            Action::Seek(state.time_ms),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::store::AppState;
    use crate::ui::workspace::Workspace;

    fn failover() -> Scenario {
        (*Workspace::preset("route53-failover").scenario).clone()
    }

    /// Issue 7: a link carries the page and the time; the page's own
    /// `#/slug` never leaks into the link, and opening it lands on that page
    /// at that time with the same scenario.
    #[test]
    fn a_shared_page_opens_on_the_same_page_time_and_scenario() {
        let mut scenario = failover();
        scenario.seed ^= 7;
        let route = Route::Section("route53-failover".into());
        let link = link_for(
            "https://example.test/play/?embed=table#/route53-failover",
            &scenario,
            &route,
            45_000,
        );
        assert!(
            link.starts_with("https://example.test/play/?embed=table#s=1."),
            "{link}"
        );
        assert_eq!(link.matches('#').count(), 1, "{link}");
        let opened = open_link(&link).expect("opens");
        assert_eq!(opened.hash, "#/route53-failover");
        let state = opened
            .actions
            .into_iter()
            .fold(AppState::default(), |s, a| s.apply(a));
        assert_eq!(state.route, route);
        assert_eq!(*state.workspace.scenario, scenario);
        assert_eq!(state.playback.time_ms, 45_000.min(scenario.horizon_ms));
    }

    #[test]
    fn only_pages_with_a_scenario_have_a_slug() {
        let cases = [
            (Route::Home, None),
            (Route::Unknown("x".into()), None),
            (Route::Sandbox, Some("sandbox")),
            (Route::Section("cname".into()), Some("cname")),
        ];
        for (route, slug) in cases {
            assert_eq!(route_slug(&route).as_deref(), slug, "{route:?}");
        }
    }

    /// A link from home, or naming a page this version lacks, still opens:
    /// in the sandbox.
    #[test]
    fn links_without_a_known_page_open_in_the_sandbox() {
        for route in [Route::Home, Route::Section("no-such-page".into())] {
            let link = link_for("http://x/", &failover(), &route, 0);
            assert_eq!(
                open_link(&link).expect("opens").hash,
                "#/sandbox",
                "{route:?}"
            );
        }
    }

    /// Issue 7: a broken, cut or tampered link is refused with the codec's
    /// words, never a panic.
    #[test]
    fn broken_links_give_a_sentence_for_the_banner() {
        let good = link_for("http://x/", &failover(), &Route::Sandbox, 0);
        let cut = &good[..good.len() - 20];
        let cases = [
            ("http://x/#s=", "not a dnsplay link"),
            ("http://x/#s=1.", "no data"),
            ("http://x/#s=9.AAAA", "version"),
            (cut, "could not be opened"),
            ("#s=1.!!!!", "could not be opened"),
        ];
        for (link, says) in cases {
            let err = open_link(link).expect_err(link);
            assert!(
                err.starts_with("This share link could not be opened: "),
                "{err}"
            );
            assert!(err.contains(says), "{link}: {err}");
        }
    }

    #[test]
    fn only_s_fragments_are_share_hashes() {
        for (hash, is) in [
            ("#s=1.x", true),
            ("#/route53-failover", false),
            ("", false),
            ("#main", false),
        ] {
            assert_eq!(is_share_hash(hash), is, "{hash}");
        }
    }
}
