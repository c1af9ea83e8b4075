//! A tiny hash router: `#/slug` routes work on any static host (the server
//! only ever sees `/`), and a share link's `#s=...` fragment is not a route.

use super::sections::SECTIONS;

/// Where the page is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// `#/` or no fragment: the home page.
    #[default]
    Home,
    /// `#/slug` for a registered section.
    Section(String),
    /// `#/sandbox`: every tool on one page.
    Sandbox,
    /// `#/slug` for anything else: a polite "no such section" page.
    Unknown(String),
}

/// The slug of the sandbox route.
pub const SANDBOX_SLUG: &str = "sandbox";

/// Longest slug kept for display in the "no such section" message.
pub const MAX_SHOWN_SLUG: usize = 64;

/// The route a location hash names, against the registered [`SECTIONS`].
pub fn parse_route(hash: &str) -> Route {
    let known: Vec<&str> = SECTIONS.iter().map(|s| s.slug).collect();
    parse_route_in(hash, &known)
}

/// The route a location hash names, against a list of known section slugs.
///
/// Only fragments starting `#/` are routes: `#s=...` (a share link) and
/// `#main` (an in-page anchor) leave the page at home. A query or a deeper
/// path after the slug (`#/cname?embed=table`, `#/cname/x`) is ignored here,
/// and a trailing slash is forgiven.
pub fn parse_route_in(hash: &str, known: &[&str]) -> Route {
    let frag = hash.strip_prefix('#').unwrap_or(hash);
    let Some(path) = frag.strip_prefix('/') else {
        return Route::Home;
    };
    let slug = path.split(['?', '/']).next().unwrap_or("");
    if slug.is_empty() {
        Route::Home
    } else if slug == SANDBOX_SLUG {
        Route::Sandbox
    } else if known.contains(&slug) {
        Route::Section(slug.to_string())
    } else {
        Route::Unknown(slug.chars().take(MAX_SHOWN_SLUG).collect())
    }
}

impl Route {
    /// The `href` that leads here.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Sandbox => format!("#/{SANDBOX_SLUG}"),
            Route::Section(slug) | Route::Unknown(slug) => format!("#/{slug}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_parse_to_routes() {
        let known = ["cname", "route53-failover"];
        let cases = [
            ("", Route::Home),
            ("#", Route::Home),
            ("#/", Route::Home),
            ("#main", Route::Home),
            ("#s=1.abcDEF", Route::Home),
            ("#/cname", Route::Section("cname".into())),
            ("#/cname/", Route::Section("cname".into())),
            ("#/cname?embed=table", Route::Section("cname".into())),
            (
                "#/route53-failover",
                Route::Section("route53-failover".into()),
            ),
            ("#/sandbox", Route::Sandbox),
            ("#/CNAME", Route::Unknown("CNAME".into())),
            ("#/no-such", Route::Unknown("no-such".into())),
            ("/cname", Route::Section("cname".into())),
        ];
        for (hash, want) in cases {
            assert_eq!(parse_route_in(hash, &known), want, "{hash:?}");
        }
    }

    #[test]
    fn a_huge_unknown_slug_is_cut_for_display() {
        let hash = format!("#/{}", "x".repeat(10_000));
        match parse_route_in(&hash, &[]) {
            Route::Unknown(s) => assert_eq!(s.chars().count(), MAX_SHOWN_SLUG),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn href_leads_back_to_the_same_route() {
        let known = ["cname"];
        for route in [
            Route::Home,
            Route::Sandbox,
            Route::Section("cname".into()),
            Route::Unknown("nope".into()),
        ] {
            assert_eq!(parse_route_in(&route.href(), &known), route);
        }
    }

    #[test]
    fn unregistered_sections_are_unknown_until_listed() {
        // SECTIONS grows as sections land; until then every slug is unknown.
        for s in SECTIONS {
            assert_eq!(
                parse_route(&format!("#/{}", s.slug)),
                Route::Section(s.slug.into())
            );
        }
        if SECTIONS.iter().all(|s| s.slug != "cname") {
            assert_eq!(parse_route("#/cname"), Route::Unknown("cname".into()));
        }
    }
}
