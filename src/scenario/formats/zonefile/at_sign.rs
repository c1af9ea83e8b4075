//! `@` in RDATA. RFC 1035 §5.1 lets "a free standing @ denote the current
//! origin" anywhere a name goes, and BIND accepts `www CNAME @` or
//! `@ MX 10 @`; hickory-proto 0.26's parser only takes `@` as the owner
//! name. Before parsing, a free-standing `@` that is not the owner (not at
//! column 0) is replaced by the current origin, tracking `$ORIGIN` lines.
//! Quoted strings, escapes and comments are left alone, and line numbers
//! do not change.

use hickory_proto::rr::Name;

/// The origin after a `$ORIGIN` argument: absolute if it ends with a dot,
/// else relative to the current one (RFC 1035 §5.1).
fn next_origin(arg: &str, current: Option<&str>) -> Option<String> {
    if arg.ends_with('.') {
        Some(arg.to_string())
    } else {
        current.map(|c| {
            if c == "." {
                format!("{arg}.")
            } else {
                format!("{arg}.{c}")
            }
        })
    }
}

/// Rewrites free-standing `@` in RDATA to the current origin.
pub(super) fn expand_at_sign(text: &str, origin: Option<&Name>) -> String {
    let mut current: Option<String> = origin.map(|o| {
        let mut o = o.clone();
        o.set_fqdn(true);
        o.to_string()
    });
    let mut out = String::with_capacity(text.len());
    let mut in_quote = false;
    for line in text.split_inclusive('\n') {
        if !in_quote {
            let mut words = line.split_whitespace();
            if let (Some(w), Some(arg)) = (words.next(), words.next()) {
                if w.eq_ignore_ascii_case("$ORIGIN") && line.starts_with('$') {
                    current = next_origin(arg, current.as_deref());
                }
            }
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut in_comment = false;
        while i < chars.len() {
            let c = chars[i];
            if in_comment {
                out.push(c);
            } else if in_quote {
                out.push(c);
                if c == '\\' {
                    if let Some(next) = chars.get(i + 1) {
                        out.push(*next);
                        i += 1;
                    }
                } else if c == '"' {
                    in_quote = false;
                }
            } else {
                match c {
                    '"' => {
                        in_quote = true;
                        out.push(c);
                    }
                    ';' => {
                        in_comment = true;
                        out.push(c);
                    }
                    '\\' => {
                        out.push(c);
                        if let Some(next) = chars.get(i + 1) {
                            out.push(*next);
                            i += 1;
                        }
                    }
                    '@' => {
                        let free_before = i == 0 || is_delimiter(chars[i - 1]);
                        let free_after = chars
                            .get(i + 1)
                            .is_none_or(|n| is_delimiter(*n) || *n == ';');
                        match (&current, i > 0 && free_before && free_after) {
                            (Some(o), true) => out.push_str(o),
                            _ => out.push(c),
                        }
                    }
                    _ => out.push(c),
                }
            }
            i += 1;
        }
    }
    out
}

fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc1035_5_1_free_standing_at_in_rdata_is_the_origin() {
        let o = Name::from_ascii("example.").unwrap();
        let cases = [
            ("www CNAME @\n", "www CNAME example.\n"),
            ("@ MX 10 @\n", "@ MX 10 example.\n"),
            (
                "@ SOA @ h ( 1 2 3 4 5 )\n",
                "@ SOA example. h ( 1 2 3 4 5 )\n",
            ),
            (
                "  IN MX 10 @ ; @ stays in comments\n",
                "  IN MX 10 example. ; @ stays in comments\n",
            ),
            ("t TXT \"@\" \"a\\\"@\"\n", "t TXT \"@\" \"a\\\"@\"\n"),
            (
                "t TXT \"two\nlines @\" @\n",
                "t TXT \"two\nlines @\" example.\n",
            ),
            ("x CNAME a@b\nx CNAME \\@\n", "x CNAME a@b\nx CNAME \\@\n"),
            (
                "$ORIGIN sub\nw CNAME @\n",
                "$ORIGIN sub\nw CNAME sub.example.\n",
            ),
            (
                "$ORIGIN other.test.\nw CNAME @\n",
                "$ORIGIN other.test.\nw CNAME other.test.\n",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(expand_at_sign(input, Some(&o)), want, "{input:?}");
        }
        // Without any origin there is nothing to substitute.
        assert_eq!(expand_at_sign("w CNAME @\n", None), "w CNAME @\n");
    }
}
