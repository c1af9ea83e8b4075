//! Embed mode, as pure functions: which `?embed=` values exist, how the
//! address asks for one, which panels each shows, and the `<iframe>` code
//! the Share component hands out. The DOM side is [`crate::ui::app`] (no
//! site chrome, the "Open in dnsplay" corner),
//! [`crate::ui::components::panel`] (a panel the embed does not show is not
//! rendered) and [`crate::ui::hooks::use_embed_height()`] (the height
//! message to the parent page).
//!
//! An embed runs inside `<iframe sandbox="allow-scripts">`: its origin is
//! opaque, so storage and the clipboard throw. Embeds therefore neither
//! read nor write storage; everything they show comes from the address.
//!
//! # Which panel an embed shows
//!
//! Panels are picked by their `id` ([`EmbedKind::panel_rank`]), so a page
//! that adds a panel with a known id joins without a change here:
//!
//! | `embed=`  | panel ids                                                    |
//! |-----------|--------------------------------------------------------------|
//! | `table`   | `records`                                                    |
//! | `timeline`| `timeline` (the clock, the health bands and the answers)     |
//! | `console` | `console`                                                    |
//! | `diagram` | the section's own diagram (`diagram` or `*-diagram`, e.g. a Kubernetes or API Gateway drawing); failing that the resolution path (`resolution`) or the failover tree (`tree`) |
//! | `section` | every panel, with the section's title, text and prompts      |
//!
//! A page without such a panel shows a sentence naming the embeds that
//! work everywhere instead of an empty frame.

use std::fmt;

pub mod code;

pub use code::{embed_src, frame_title, iframe_snippet, page_base, FRAME_CLASS, RESIZE_SCRIPT};

/// The query parameter that turns embed mode on.
pub const EMBED_PARAM: &str = "embed";

/// The `type` of the height message an embed posts to its parent.
pub const HEIGHT_MESSAGE: &str = "dnsplay:height";

/// Most characters of an unknown value repeated back in the message: the
/// address is attacker-controlled text.
pub const MAX_SHOWN_VALUE: usize = 40;

/// What an embedded page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmbedKind {
    /// The failover timeline with its playback controls.
    Timeline,
    /// The record table (editable).
    Table,
    /// The section's diagram (see the module docs for which one).
    Diagram,
    /// The console.
    Console,
    /// The whole section page, without the site's header and footer.
    Section,
}

/// Every embed, in the order the issue and the Share menu list them.
pub const KINDS: [EmbedKind; 5] = [
    EmbedKind::Timeline,
    EmbedKind::Table,
    EmbedKind::Diagram,
    EmbedKind::Console,
    EmbedKind::Section,
];

/// Panel ids a page's own diagram may have: `diagram`, or any id ending
/// in this suffix (`kubernetes-diagram`).
const DIAGRAM_SUFFIX: &str = "-diagram";

impl EmbedKind {
    /// The value in `?embed=`.
    pub fn as_str(self) -> &'static str {
        match self {
            EmbedKind::Timeline => "timeline",
            EmbedKind::Table => "table",
            EmbedKind::Diagram => "diagram",
            EmbedKind::Console => "console",
            EmbedKind::Section => "section",
        }
    }

    /// The embed an exact `?embed=` value names; the list is fixed, so
    /// `Table` or ` table` are not embeds.
    pub fn parse(value: &str) -> Option<EmbedKind> {
        KINDS.into_iter().find(|k| k.as_str() == value)
    }

    /// The Share menu's words for it.
    pub fn label(self) -> &'static str {
        match self {
            EmbedKind::Timeline => "Timeline",
            EmbedKind::Table => "Record table",
            EmbedKind::Diagram => "Diagram",
            EmbedKind::Console => "Console",
            EmbedKind::Section => "Whole section",
        }
    }

    /// Whether the embed shows a panel, and how strongly it wants it: 0
    /// wins; a higher rank shows only when no lower one is on the page
    /// (the stylesheet hides it with `:has()`). `None`: not shown.
    pub fn panel_rank(self, panel_id: &str) -> Option<u8> {
        let own_diagram = panel_id == "diagram" || panel_id.ends_with(DIAGRAM_SUFFIX);
        match (self, panel_id) {
            (EmbedKind::Section, _)
            | (EmbedKind::Table, "records")
            | (EmbedKind::Timeline, "timeline")
            | (EmbedKind::Console, "console") => Some(0),
            (EmbedKind::Diagram, _) if own_diagram => Some(0),
            (EmbedKind::Diagram, "resolution" | "tree") => Some(1),
            _ => None,
        }
    }

    /// A starting height (px) for the `<iframe>` before the embed reports
    /// its own: close to what the panel needs on a wide screen, so the
    /// blog does not jump much while it loads.
    pub fn initial_height(self) -> u32 {
        match self {
            EmbedKind::Timeline => 460,
            EmbedKind::Table => 420,
            EmbedKind::Diagram => 380,
            EmbedKind::Console => 420,
            EmbedKind::Section => 1200,
        }
    }
}

impl fmt::Display for EmbedKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `timeline, table, diagram, console or section`.
pub fn allowed_values() -> String {
    let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
    match names.split_last() {
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// An `?embed=` value that is not on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEmbed {
    /// The value as given, cut to [`MAX_SHOWN_VALUE`] characters.
    pub value: String,
}

impl fmt::Display for UnknownEmbed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not something dnsplay can embed. Use embed={}.",
            self.value,
            allowed_values()
        )
    }
}

/// What the address asks for: not embedded (`Ok(None)`), an embed, or a
/// value that is not on the list.
pub type EmbedMode = Result<Option<EmbedKind>, UnknownEmbed>;

/// The first `embed` value in a query (`a=1&embed=table`), without the
/// `?`. A bare `embed` counts as an empty value, so it is refused rather
/// than silently ignored.
fn embed_value(query: &str) -> Option<&str> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == EMBED_PARAM).then_some(value)
    })
}

/// The embed the address asks for: `?embed=` in the real query string
/// (`index.html?embed=table#/cname`, what the Share button hands out)
/// wins over one after the hash route (`#/cname?embed=table`, easier to
/// type by hand). `Ok(None)`: not embedded.
pub fn embed_from_location(search: &str, hash: &str) -> EmbedMode {
    let query = search.strip_prefix('?').unwrap_or(search);
    let in_hash = hash.split_once('?').map(|(_, q)| q);
    let Some(value) = embed_value(query).or_else(|| in_hash.and_then(embed_value)) else {
        return Ok(None);
    };
    EmbedKind::parse(value)
        .map(Some)
        .ok_or_else(|| UnknownEmbed {
            value: value.chars().take(MAX_SHOWN_VALUE).collect(),
        })
}

/// The embeds a page can offer, given the ids of the panels it shows: a
/// panel embed when some panel has its id, and always the whole section.
pub fn available_kinds<S: AsRef<str>>(panel_ids: &[S]) -> Vec<EmbedKind> {
    KINDS
        .into_iter()
        .filter(|k| {
            *k == EmbedKind::Section
                || panel_ids
                    .iter()
                    .any(|id| k.panel_rank(id.as_ref()).is_some())
        })
        .collect()
}

/// The sentence an embed shows when its page has no panel of its kind.
pub fn missing_panel_text(kind: EmbedKind) -> String {
    format!(
        "This section has no {} to embed. The table and the whole section can be embedded from every section.",
        kind.label().to_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 7: embed options come from the query string, checked against
    /// a fixed list; the real query wins over one after the hash route.
    #[test]
    fn the_address_names_an_embed_from_the_fixed_list() {
        let bad = |v: &str| Err(UnknownEmbed { value: v.into() });
        let cases: [(&str, &str, EmbedMode); 14] = [
            ("", "", Ok(None)),
            ("", "#/cname", Ok(None)),
            ("?x=1", "#/cname?y=2", Ok(None)),
            ("?embed=table", "#/cname", Ok(Some(EmbedKind::Table))),
            ("?a=1&embed=timeline", "", Ok(Some(EmbedKind::Timeline))),
            ("", "#/cname?embed=console", Ok(Some(EmbedKind::Console))),
            (
                "",
                "#/kubernetes?a&embed=diagram",
                Ok(Some(EmbedKind::Diagram)),
            ),
            (
                "?embed=section",
                "#/cname?embed=table",
                Ok(Some(EmbedKind::Section)),
            ),
            ("?embed=table", "#s=1.abc", Ok(Some(EmbedKind::Table))),
            ("?embed=Table", "", bad("Table")),
            ("?embed=", "", bad("")),
            ("?embed", "", bad("")),
            ("?embed=table%20", "", bad("table%20")),
            ("", "#/cname?embed=map", bad("map")),
        ];
        for (search, hash, want) in cases {
            assert_eq!(
                embed_from_location(search, hash),
                want,
                "{search:?} {hash:?}"
            );
        }
    }

    /// The message for a bad value names every allowed value, and repeats
    /// at most MAX_SHOWN_VALUE characters of what was given.
    #[test]
    fn a_bad_value_gets_a_sentence_naming_the_allowed_ones() {
        let long = format!("?embed={}", "x".repeat(5_000));
        let err = embed_from_location(&long, "").expect_err("not on the list");
        assert_eq!(err.value.chars().count(), MAX_SHOWN_VALUE);
        let text = embed_from_location("?embed=map", "")
            .expect_err("not on the list")
            .to_string();
        assert_eq!(
            text,
            "\"map\" is not something dnsplay can embed. Use embed=timeline, table, diagram, console or section."
        );
        for k in KINDS {
            assert!(text.contains(k.as_str()), "{k}");
            assert_eq!(EmbedKind::parse(k.as_str()), Some(k));
        }
    }

    /// Which panel each embed shows, by panel id; a page's own diagram
    /// (`diagram`, `*-diagram`) outranks the resolution path and the tree.
    #[test]
    fn each_embed_shows_its_panels_by_id() {
        use EmbedKind::*;
        let cases = [
            (Table, "records", Some(0)),
            (Table, "answer", None),
            (Timeline, "timeline", Some(0)),
            (Timeline, "tree", None),
            (Console, "console", Some(0)),
            (Console, "records", None),
            (Diagram, "kubernetes-diagram", Some(0)),
            (Diagram, "diagram", Some(0)),
            (Diagram, "resolution", Some(1)),
            (Diagram, "tree", Some(1)),
            (Diagram, "timeline", None),
            (Diagram, "diagrams", None),
            (Section, "lints", Some(0)),
            (Section, "anything", Some(0)),
        ];
        for (kind, id, want) in cases {
            assert_eq!(kind.panel_rank(id), want, "{kind} {id}");
        }
    }

    /// The Share menu offers only embeds the page can fill, and always the
    /// whole section.
    #[test]
    fn a_page_offers_the_embeds_its_panels_fill() {
        use EmbedKind::*;
        let cases: [(&[&str], &[EmbedKind]); 4] = [
            (&[], &[Section]),
            (&["records", "answer", "lints"], &[Table, Section]),
            (
                &["records", "timeline", "answer", "tree"],
                &[Timeline, Table, Diagram, Section],
            ),
            (
                &["records", "console", "resolution"],
                &[Table, Diagram, Console, Section],
            ),
        ];
        for (ids, want) in cases {
            assert_eq!(available_kinds(ids), want, "{ids:?}");
        }
    }

    #[test]
    fn missing_panel_text_names_the_embed() {
        assert!(missing_panel_text(EmbedKind::Timeline).starts_with("This section has no timeline"));
        assert_eq!(
            allowed_values(),
            "timeline, table, diagram, console or section"
        );
    }
}
