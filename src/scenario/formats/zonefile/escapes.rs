//! Works around hickory-proto 0.26's reading of `\DDD` in quoted strings.
//!
//! RFC 1035 §5.1: `\DDD` is the octet whose *decimal* value is DDD. hickory's
//! lexer computes `(d1 << 16) + (d2 << 8) + d3` instead and pushes the result
//! as a character, so `"a\065b"` reads as `a؅b`, not `aAb`. Before hickory
//! sees a line, each `\DDD` inside quotes is rewritten into a form hickory
//! reads right: the character itself (escaped with `\` when it is `"` or
//! `\`), or `\00D` for 0–9, which its formula happens to get right. Octets
//! of 128 and up must form UTF-8 together (hickory keeps TXT strings as
//! text); other octets are refused with a clear message rather than
//! silently changed.

/// Quote state carried from one line to the next (a quoted string may hold
/// a raw newline).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct State {
    in_quote: bool,
}

/// Rewrites the `\DDD` escapes inside the quoted strings of one line.
/// `\010` becomes a raw newline inside the quotes (hickory reads it as the
/// octet), so callers keep line numbers by treating each rewritten input
/// line as one line.
pub(super) fn rewrite_line(line: &str, state: &mut State) -> Result<String, String> {
    let mut out = String::with_capacity(line.len());
    let mut pending: Vec<u8> = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if !state.in_quote {
            out.push(c);
            match c {
                '"' => state.in_quote = true,
                ';' => {
                    // A comment: the rest of the line is not zone data.
                    out.extend(chars.by_ref());
                    break;
                }
                '\\' => {
                    if let Some(next) = chars.next() {
                        out.push(next);
                    }
                }
                _ => {}
            }
            continue;
        }
        if c == '\\' {
            let digits: String = chars.clone().take(3).collect();
            if digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()) {
                chars.nth(2);
                let value: u32 = digits.parse().unwrap_or(256);
                let octet = u8::try_from(value).map_err(|_| {
                    format!(
                        "\\{digits} is not an octet: RFC 1035 §5.1 escapes are decimal 000 to 255"
                    )
                })?;
                pending.push(octet);
                continue;
            }
            flush(&mut pending, &mut out)?;
            out.push(c);
            if let Some(next) = chars.next() {
                out.push(next);
            }
            continue;
        }
        flush(&mut pending, &mut out)?;
        out.push(c);
        if c == '"' {
            state.in_quote = false;
        }
    }
    flush(&mut pending, &mut out)?;
    Ok(out)
}

/// Writes decoded octets in a form hickory's lexer reads back unchanged.
fn flush(pending: &mut Vec<u8>, out: &mut String) -> Result<(), String> {
    if pending.is_empty() {
        return Ok(());
    }
    let text = std::str::from_utf8(pending).map_err(|_| {
        format!(
            "the escaped octets {} are not UTF-8 text; dnsplay reads character strings as text (hickory-proto), so it cannot keep them",
            pending.iter().map(|b| format!("\\{b:03}")).collect::<String>()
        )
    })?;
    for c in text.chars() {
        match c {
            '0'..='9' => out.push(c),
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if u32::from(c) <= 9 => out.push_str(&format!("\\00{}", u32::from(c))),
            c => out.push(c),
        }
    }
    pending.clear();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_escapes_become_what_hickory_reads_right() {
        for (line, want) in [
            (r#"t TXT "a\065b""#, r#"t TXT "aAb""#),
            (r#"t TXT "a\034b""#, r#"t TXT "a\"b""#),
            (r#"t TXT "a\092b""#, r#"t TXT "a\\b""#),
            (r#"t TXT "a\000b\009""#, r#"t TXT "a\000b\009""#),
            (r#"t TXT "\195\169""#, "t TXT \"é\""),
            (
                r#"\052 TXT "x" ; \065 stays in a comment"#,
                r#"\052 TXT "x" ; \065 stays in a comment"#,
            ),
            (r#"t TXT "a\"b""#, r#"t TXT "a\"b""#),
        ] {
            let got = rewrite_line(line, &mut State::default()).unwrap();
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn a_newline_octet_stays_on_its_line_count() {
        let got = rewrite_line("t TXT \"a\\010b\"\n", &mut State::default()).unwrap();
        assert_eq!(got, "t TXT \"a\nb\"\n");
    }

    #[test]
    fn octets_that_are_not_text_or_not_octets_are_refused() {
        assert!(rewrite_line(r#"t TXT "\255""#, &mut State::default())
            .unwrap_err()
            .contains("not UTF-8"));
        assert!(rewrite_line(r#"t TXT "\256""#, &mut State::default())
            .unwrap_err()
            .contains("decimal 000 to 255"));
    }

    /// The fuzz target's finding: a TXT string with control octets exported
    /// as `\DDD` must read back as the same octets.
    #[test]
    fn control_octets_survive_export_and_import() {
        use crate::scenario::formats::zonefile::{export_zone, import_zone};
        let zone = "$ORIGIN e.\n$TTL 60\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n\
                    t TXT \"synthesi\\010\\000d\" \"\\065\\031\\127\"\n";
        let first = export_zone(&import_zone(zone, None).unwrap());
        assert!(
            first.contains(r#""synthesi\010\000d" "A\031\127""#),
            "{first}"
        );
        let again = export_zone(&import_zone(&first, None).unwrap());
        assert_eq!(again, first);
    }
}
