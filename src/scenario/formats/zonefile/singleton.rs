//! A second CNAME at one name. BIND refuses such a zone ("multiple RRs of
//! singleton type", RFC 2181 §10.1: an alias has exactly one canonical
//! name), but hickory-proto's parser silently keeps the last one (its
//! `RecordSet::insert` replaces a CNAME). This light scan of the text finds
//! the line of the second CNAME so the import can refuse it as BIND does.

use hickory_proto::rr::Name;
use hickory_proto::serialize::txt::parse_ttl;

const CLASSES: &[&str] = &["IN", "CH", "HS", "CS", "NONE", "ANY"];

/// The tokens of a line outside quotes and comments, and whether the line
/// ends inside a quoted string or a `( ... )` group. Bounded by the line.
fn tokens(line: &str, in_quote: &mut bool, depth: &mut usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if *in_quote {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => *in_quote = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => *in_quote = true,
            ';' => break,
            '(' => *depth += 1,
            ')' => *depth = depth.saturating_sub(1),
            '\\' => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                continue;
            }
            c if !c.is_whitespace() => {
                cur.push(c);
                continue;
            }
            _ => {}
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn absolute(token: &str, origin: Option<&str>) -> Option<String> {
    if token == "@" {
        return origin.map(str::to_string);
    }
    if token.ends_with('.') {
        return Some(token.to_string());
    }
    origin.map(|o| {
        if o == "." {
            format!("{token}.")
        } else {
            format!("{token}.{o}")
        }
    })
}

/// The 1-based line of the second CNAME record at one owner name, and the
/// name, if the text has one.
pub(super) fn second_cname(text: &str, origin: Option<&Name>) -> Option<(usize, String)> {
    let mut current_origin: Option<String> = origin.map(|o| {
        let mut o = o.clone();
        o.set_fqdn(true);
        o.to_string()
    });
    let mut owner: Option<String> = None;
    let mut seen: Vec<String> = Vec::new();
    let (mut in_quote, mut depth) = (false, 0usize);
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let starts_record = !in_quote && depth == 0;
        let toks = tokens(line, &mut in_quote, &mut depth);
        if !starts_record || toks.is_empty() {
            continue;
        }
        let mut rest = toks.iter().map(String::as_str).peekable();
        if line.starts_with('$') {
            if toks[0].eq_ignore_ascii_case("$ORIGIN") {
                current_origin = toks
                    .get(1)
                    .and_then(|t| absolute(t, current_origin.as_deref()));
            }
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            owner = rest
                .next()
                .and_then(|t| absolute(t, current_origin.as_deref()));
        }
        while let Some(t) = rest.peek() {
            if parse_ttl(t).is_ok() || CLASSES.iter().any(|c| c.eq_ignore_ascii_case(t)) {
                rest.next();
            } else {
                break;
            }
        }
        let is_cname = rest.next().is_some_and(|t| t.eq_ignore_ascii_case("CNAME"));
        if let (true, Some(name)) = (is_cname, &owner) {
            let key = name.to_ascii_lowercase();
            if seen.contains(&key) {
                return Some((i + 1, name.clone()));
            }
            seen.push(key);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc2181_10_1_second_cname_is_found_by_line() {
        let o = Name::from_ascii("example.").unwrap();
        let cases: [(&str, Option<(usize, &str)>); 7] = [
            ("a CNAME b\nc CNAME d\n", None),
            ("a CNAME b\nA 60 IN CNAME c\n", Some((2, "A.example."))),
            ("a CNAME b\n  CNAME c\n", Some((2, "a.example."))),
            ("a CNAME b\n$ORIGIN sub.example.\na CNAME c\n", None),
            ("a TXT \"x\n  CNAME y\"\na CNAME z\n", None),
            (
                "@ SOA ns h (\n 1 2 3 4 5 )\n@ CNAME x.\nexample. CNAME y.\n",
                Some((4, "example.")),
            ),
            ("a CNAME b ; a CNAME c\n", None),
        ];
        for (text, want) in cases {
            let got = second_cname(text, Some(&o));
            assert_eq!(got, want.map(|(l, n)| (l, n.to_string())), "{text:?}");
        }
    }
}
