//! The one way typed documents are read from JSON text: serde_json's
//! reader under `serde_path_to_error`, so an error names the field at fault
//! (`route53.zones[0].name`).
//!
//! Why one way: the bundle holds one copy of every `Deserialize` impl per
//! deserializer type it is used with, and a path-tracking copy of the
//! scenario model costs about 134 KB of wasm (52 KB gzip). Scenario files
//! ([`super::model::Scenario::from_json`]), share links
//! ([`super::codec::decode`], which writes its upgraded JSON back to text
//! first) and change batches ([`super::formats::change_batch`]) all come
//! through [`from_str`], so the model is compiled once, with its paths.
//! The codec's reasons are in [`super::codec`]'s `typed` module.

use serde::de::DeserializeOwned;
use serde_path_to_error::Path;

/// A document that failed to read.
#[derive(Debug)]
pub struct JsonError {
    /// The field at fault; `None` when the document itself was read and
    /// characters follow it.
    pub path: Option<Path>,
    /// serde_json's error, with its line and column.
    pub error: serde_json::Error,
}

impl JsonError {
    /// The path as text, `.` for the whole document.
    pub fn path_text(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| ".".to_string(), Path::to_string)
    }
}

/// Reads `T` from `text`, naming the field of the first problem; refuses
/// characters after the document.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = Some(e.path().clone());
        JsonError {
            path,
            error: e.into_inner(),
        }
    })?;
    de.end().map_err(|error| JsonError { path: None, error })?;
    Ok(value)
}

/// serde's message without the " at line L column C" serde_json appends
/// (callers report the position apart, or have none to report).
pub fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// `compact` (serde_json's compact output) laid out as
/// `serde_json::to_string_pretty` lays it out: two-space indents, `": "`
/// after keys, `[]` and `{}` when empty. Strings and numbers are copied as
/// written, so no number is parsed again.
pub fn pretty(compact: &str) -> String {
    fn newline(out: &mut String, depth: usize) {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0_usize;
    let (mut in_string, mut escaped) = (false, false);
    // One pass over the input; every step consumes a character.
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '[' | '{' => {
                out.push(c);
                let close = if c == '[' { ']' } else { '}' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    type Doc = BTreeMap<String, Vec<u8>>;

    /// Each row: text, the path named and the message without position.
    /// Characters after the document have no field (path `.`).
    #[test]
    fn errors_name_the_field_and_drop_the_position() {
        let rows = [
            (
                "{\"a\": [1, \"x\"]}",
                "a[1]",
                "invalid type: string \"x\", expected u8",
            ),
            (
                "{\"a\": [256]}",
                "a[0]",
                "invalid value: integer `256`, expected u8",
            ),
            ("{\"a\": []} x", ".", "trailing characters"),
            ("{\"a\": [1,", "a", "EOF while parsing a value"),
        ];
        for (text, path, words) in rows {
            match from_str::<Doc>(text) {
                Err(e) => {
                    assert_eq!(e.path_text(), path, "{text}");
                    assert_eq!(message(&e.error), words, "{text}");
                    assert!(e.error.to_string().contains(" at line 1 column "), "{text}");
                }
                Ok(doc) => panic!("{text}: {doc:?}"),
            }
        }
        assert_eq!(
            from_str::<Doc>("{\"a\": [1, 2]}").ok(),
            Some(Doc::from([("a".to_string(), vec![1, 2])]))
        );
    }

    /// `pretty` lays out compact text exactly as serde_json's pretty
    /// printer does: nesting, empty containers, escapes and brackets
    /// inside strings, numbers as written.
    #[test]
    fn pretty_matches_serde_json() {
        let rows = [
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!({"a": [], "b": {}, "c": [1, -2, 1.5e300, 0.1], "d": null}),
            serde_json::json!({"s": "q\"uo[t]e{:}, \\", "t": ["\u{1}", "é", true, false]}),
            serde_json::json!([[[{"deep": [{"x": 1}]}]], "end"]),
        ];
        for v in rows {
            let compact = serde_json::to_string(&v).unwrap_or_default();
            let want = serde_json::to_string_pretty(&v).unwrap_or_default();
            assert_eq!(pretty(&compact), want, "{compact}");
        }
    }
}
