//! The registry of blog sections the playground has. The navigation is built
//! from it, so it lists only sections that exist: a section is added here
//! when its page lands, never as a placeholder.

/// One blog section with its hash route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// The hash route, e.g. `what-is-dns` for `#/what-is-dns`.
    pub slug: &'static str,
    /// The navigation label.
    pub title: &'static str,
}

/// Every section that has a page, in the blog's order.
pub const SECTIONS: &[Section] = &[];

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
    fn every_section_is_reachable_by_its_hash() {
        for s in SECTIONS {
            assert_eq!(from_hash(&format!("#/{}", s.slug)), Some(s));
        }
    }
}
