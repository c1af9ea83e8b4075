//! The embed code the Share component hands out: the embed's address (a
//! share link with `?embed=`), the sandboxed `<iframe>` and the one-line
//! script a host page needs to fit its frames ([`RESIZE_SCRIPT`]).

use super::{EmbedKind, EMBED_PARAM};

/// `href` without its query and fragment: where the full page lives.
pub fn page_base(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href.get(..end).unwrap_or(href)
}

/// A share link (`base#s=...`) turned into the embed's address
/// (`base?embed=kind#s=...`); any query the link had is replaced.
pub fn embed_src(share_link: &str, kind: EmbedKind) -> String {
    let (before, fragment) = match share_link.find('#') {
        Some(i) => share_link.split_at(i),
        None => (share_link, ""),
    };
    format!(
        "{}?{EMBED_PARAM}={}{fragment}",
        page_base(before),
        kind.as_str()
    )
}

/// Escapes text for a double-quoted HTML attribute.
fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The class the parent-page script looks for.
pub const FRAME_CLASS: &str = "dnsplay-embed";

/// The one line a blog needs once per page so its dnsplay frames fit their
/// content: it sets the height of the frame that sent the message. The
/// check on `e.source` (not `e.origin`, which is `"null"` for a sandboxed
/// frame) makes sure only that frame resizes; the `height` attribute keeps
/// it working under a strict CSP that bans `style=`.
pub const RESIZE_SCRIPT: &str = "<script>addEventListener(\"message\",e=>{const d=e.data;if(d&&d.type===\"dnsplay:height\")for(const f of document.querySelectorAll(\"iframe.dnsplay-embed\"))if(f.contentWindow===e.source)f.height=Math.ceil(+d.height)||f.height})</script>";

/// The code to paste into a blog: the sandboxed `<iframe>` and the resize
/// line. `allow-popups` lets "Open in dnsplay" open a tab and
/// `allow-popups-to-escape-sandbox` lets that tab be a normal page (with
/// storage and clipboard) instead of inheriting the frame's sandbox.
pub fn iframe_snippet(src: &str, title: &str, kind: EmbedKind) -> String {
    format!(
        "<iframe class=\"{FRAME_CLASS}\" src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" \
         sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" loading=\"lazy\"></iframe>\n{RESIZE_SCRIPT}",
        attr(src),
        attr(title),
        kind.initial_height(),
    )
}

/// The frame's title (what a screen reader announces for it).
pub fn frame_title(section_title: &str, kind: EmbedKind) -> String {
    match kind {
        EmbedKind::Section => format!("dnsplay: {section_title}"),
        k => format!("dnsplay: {section_title}, {}", k.label().to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::HEIGHT_MESSAGE;
    use super::*;

    #[test]
    fn the_embed_src_swaps_the_query_and_keeps_the_scenario() {
        let cases = [
            (
                "https://x.test/play/#s=1.abc",
                EmbedKind::Timeline,
                "https://x.test/play/?embed=timeline#s=1.abc",
            ),
            (
                "https://x.test/index.html?embed=table&q=1#s=1.abc",
                EmbedKind::Section,
                "https://x.test/index.html?embed=section#s=1.abc",
            ),
            ("http://x/", EmbedKind::Table, "http://x/?embed=table"),
        ];
        for (link, kind, want) in cases {
            assert_eq!(embed_src(link, kind), want);
        }
        for (href, base) in [
            ("http://x/a?embed=table#/cname", "http://x/a"),
            ("http://x/#/cname?embed=table", "http://x/"),
            ("http://x/", "http://x/"),
        ] {
            assert_eq!(page_base(href), base);
        }
    }

    /// The snippet is a sandboxed frame (scripts, popups that escape the
    /// sandbox for "Open in dnsplay"), lazily loaded, titled, with every
    /// attribute escaped, followed by the one-line resize script.
    #[test]
    fn the_snippet_is_a_sandboxed_titled_frame_plus_the_resize_line() {
        let s = iframe_snippet(
            "http://x/?embed=table#s=1.a\"b",
            "dnsplay: <CNAME> & co",
            EmbedKind::Table,
        );
        let (frame, script) = s.split_once('\n').expect("two lines");
        assert_eq!(
            frame,
            "<iframe class=\"dnsplay-embed\" src=\"http://x/?embed=table#s=1.a&quot;b\" \
             title=\"dnsplay: &lt;CNAME&gt; &amp; co\" width=\"100%\" height=\"420\" \
             sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" loading=\"lazy\"></iframe>"
        );
        assert_eq!(script, RESIZE_SCRIPT);
        assert!(RESIZE_SCRIPT.contains(HEIGHT_MESSAGE));
        assert!(RESIZE_SCRIPT.contains(FRAME_CLASS));
        assert!(!RESIZE_SCRIPT.contains('\n'));
        // The README's embed section shows the same line.
        assert!(include_str!("../../../README.md").contains(RESIZE_SCRIPT));
    }

    #[test]
    fn the_frame_title_names_the_section_and_the_embed() {
        assert_eq!(
            frame_title("CNAME records", EmbedKind::Table),
            "dnsplay: CNAME records, record table"
        );
        assert_eq!(
            frame_title("CNAME records", EmbedKind::Section),
            "dnsplay: CNAME records"
        );
    }
}
