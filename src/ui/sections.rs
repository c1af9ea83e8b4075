//! The registry of blog sections the playground has. The navigation is built
//! from it, so it lists only sections that exist: a section is added here
//! when its page lands, never as a placeholder.

use super::router::{Route, SANDBOX_SLUG};

/// One blog section with its hash route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// The hash route, e.g. `what-is-dns` for `#/what-is-dns`.
    pub slug: &'static str,
    /// The navigation label.
    pub title: &'static str,
    /// The preset scenario the page starts from
    /// ([`crate::scenario::presets::PRESETS`]).
    pub preset: &'static str,
}

/// Every section that has a page, in the blog's order.
pub const SECTIONS: &[Section] = &[
    Section {
        slug: "what-is-dns",
        title: "What is DNS",
        preset: "what-is-dns",
    },
    Section {
        slug: "a-records",
        title: "A records",
        preset: "a-records",
    },
    Section {
        slug: "cname",
        title: "CNAME records",
        preset: "cname",
    },
    Section {
        slug: "api-gateway",
        title: "API Gateway",
        preset: "api-gateway",
    },
    Section {
        slug: "route53-failover",
        title: "Route 53 failover",
        preset: "route53-failover",
    },
    Section {
        slug: "localstack",
        title: "LocalStack",
        preset: "localstack",
    },
    Section {
        slug: "kubernetes",
        title: "Kubernetes + Spring Boot",
        preset: "kubernetes",
    },
    Section {
        slug: "why-not-cname",
        title: "Why A, not CNAME, in Kubernetes",
        preset: "why-not-cname",
    },
    Section {
        slug: "choosing",
        title: "Choosing A, CNAME or Alias",
        preset: "choosing",
    },
];

/// The sandbox: every tool on one page, over the blog's failover setup.
pub const SANDBOX: Section = Section {
    slug: SANDBOX_SLUG,
    title: "Sandbox",
    preset: "route53-failover",
};

/// The preset a route's page starts from, if it has one.
pub fn preset_of(route: &Route) -> Option<&'static str> {
    match route {
        Route::Section(slug) => SECTIONS.iter().find(|s| s.slug == slug).map(|s| s.preset),
        Route::Sandbox => Some(SANDBOX.preset),
        Route::Home | Route::Unknown(_) => None,
    }
}

/// The section a location hash (`#/slug`, `#/slug?x`, or empty) points at.
pub fn from_hash(hash: &str) -> Option<&'static Section> {
    let slug = hash.trim_start_matches('#').trim_start_matches('/');
    let slug = slug.split(['?', '/']).next().unwrap_or("");
    SECTIONS.iter().find(|s| s.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_or_empty_hash_has_no_section() {
        assert_eq!(from_hash(""), None);
        assert_eq!(from_hash("#/no-such-section"), None);
    }

    #[test]
    fn every_section_starts_from_a_preset_that_exists() {
        for s in SECTIONS.iter().chain([&SANDBOX]) {
            assert!(
                crate::scenario::presets::find(s.preset).is_some(),
                "{}",
                s.slug
            );
        }
        assert_eq!(preset_of(&Route::Home), None);
        assert_eq!(preset_of(&Route::Sandbox), Some("route53-failover"));
    }

    #[test]
    fn every_section_is_reachable_by_its_hash() {
        for s in SECTIONS {
            assert_eq!(from_hash(&format!("#/{}", s.slug)), Some(s));
        }
    }
}
