//! The upgraded link JSON as a typed document.
//!
//! A link's JSON is parsed into a [`Value`] (migrations work on values),
//! then written back to text and read by [`crate::scenario::json::from_str`],
//! the reader scenario files use. Reading the value directly would put a
//! second path-tracking copy of the whole model in the bundle (134 KB of
//! wasm, 52 KB gzip); the detour costs one more pass over a few kilobytes.
//!
//! The text is the value's own, so it is always valid JSON, and the two
//! readers agree on nearly every error. Where serde_json's text reader
//! gives only a syntax message for a well-formed value of the wrong shape
//! ("expected value" for an enum that is neither a string nor a
//! one-key object, "trailing characters" for an array one element too
//! long), [`shape_message`] rebuilds the words the value reader gives, so
//! a tampered link is described as before. Two differences remain, both
//! no weaker: an enum written as a several-key object is named by its
//! first key (unknown variant) instead of "map with a single key", and a
//! struct variant may also be written as an array (serde's sequence form).

use serde::de::{DeserializeOwned, Error as _, Unexpected};
use serde_json::Value;
use serde_path_to_error::{Path, Segment};

use super::LinkError;
use crate::scenario::json;

/// `value` as `T`, or the field at fault and what is wrong with it.
pub(super) fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, LinkError> {
    let text = serde_json::to_string(value).unwrap_or_default();
    json::from_str(&text).map_err(|e| {
        let mut message = json::message(&e.error);
        if e.error.is_syntax() {
            if let Some(words) = e
                .path
                .as_ref()
                .and_then(|p| shape_message(value, p, &message))
            {
                message = words;
            }
        }
        LinkError::NotAScenario {
            path: e.path_text(),
            message,
        }
    })
}

/// The value reader's words for a shape error the text reader reported as
/// `syntax` (its message without position) at `path`; `None` to keep them.
fn shape_message(root: &Value, path: &Path, syntax: &str) -> Option<String> {
    let node = at(root, path)?;
    let words = match (syntax, node) {
        ("trailing characters", Value::Array(items)) => {
            serde_json::Error::invalid_length(items.len(), &"fewer elements in array")
        }
        ("expected value", Value::Object(map)) if map.len() != 1 => {
            serde_json::Error::invalid_value(Unexpected::Map, &"map with a single key")
        }
        ("expected value", Value::Object(_)) => return None,
        ("expected value", other) => {
            serde_json::Error::invalid_type(unexpected(other), &"string or map")
        }
        _ => return None,
    };
    Some(words.to_string())
}

/// The node `path` leads to (an enum's variant is the key of its object).
fn at<'v>(root: &'v Value, path: &Path) -> Option<&'v Value> {
    // Bounded by the path's length, itself bounded by serde_json's nesting
    // limit.
    path.iter().try_fold(root, |node, segment| match segment {
        Segment::Seq { index } => node.get(*index),
        Segment::Map { key } | Segment::Enum { variant: key } => node.get(key.as_str()),
        Segment::Unknown => None,
    })
}

/// How serde_json's value reader describes `v` in a type error.
fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        #[serde(default)]
        kind: Option<Kind>,
        #[serde(default)]
        pair: Option<(u8, u8)>,
    }

    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    enum Kind {
        Plain,
        Port { port: u16 },
    }

    /// Each row: a document and the words the value reader gives for it,
    /// which the text reader must give too (the shape errors it reports as
    /// syntax are rebuilt by `shape_message`).
    #[test]
    fn shape_errors_read_as_the_value_reader_gives_them() {
        let rows = [
            (
                json!({"kind": 3}),
                "invalid type: integer `3`, expected string or map",
            ),
            (
                json!({"kind": -3}),
                "invalid type: integer `-3`, expected string or map",
            ),
            (
                json!({"kind": 1.5}),
                "invalid type: floating point `1.5`, expected string or map",
            ),
            (
                json!({"kind": true}),
                "invalid type: boolean `true`, expected string or map",
            ),
            (
                json!({"kind": ["Plain"]}),
                "invalid type: sequence, expected string or map",
            ),
            (
                json!({"kind": {}}),
                "invalid value: map, expected map with a single key",
            ),
            (
                json!({"pair": [1, 2, 3]}),
                "invalid length 3, expected fewer elements in array",
            ),
            // Not shape errors: the text reader's own words, unchanged.
            (
                json!({"kind": "Other"}),
                "unknown variant `Other`, expected `Plain` or `Port`",
            ),
            (
                json!({"pair": [1]}),
                "invalid length 1, expected a tuple of size 2",
            ),
            (
                json!({"pair": ["x", 2]}),
                "invalid type: string \"x\", expected u8",
            ),
            (
                json!({"kind": {"Port": {"port": 70000}}}),
                "invalid value: integer `70000`, expected u16",
            ),
        ];
        for (doc, words) in rows {
            let reference = serde_path_to_error::deserialize::<_, Doc>(doc.clone())
                .map(|_| ())
                .map_err(|e| (e.path().to_string(), e.inner().to_string()));
            let got = from_value::<Doc>(&doc).map(|_| ()).map_err(|e| match e {
                LinkError::NotAScenario { path, message } => (path, message),
                other => (String::new(), other.to_string()),
            });
            assert_eq!(got, reference, "{doc}");
            assert_eq!(got.map_err(|e| e.1), Err(words.to_string()), "{doc}");
        }
    }
}
