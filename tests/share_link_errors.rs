//! Share links are read through the scenario file reader (the JSON written
//! back to text) so the bundle holds one copy of the model's
//! deserializers. This checks that a tampered link is still described as
//! serde describes the JSON value itself (how links were read before):
//! every field of every preset is replaced by values of other shapes, and
//! both readers must agree on the path and the message, with the
//! differences listed in `src/scenario/codec/typed.rs`, all no weaker.

use dnsplay::scenario::codec::{base64url, decode, LinkError, SharedState};
use dnsplay::scenario::presets::PRESETS;
use serde_json::{json, Value};

/// What serde says reading `value` as a shared state directly.
fn value_reader(value: &Value) -> Option<(String, String)> {
    serde_path_to_error::deserialize::<_, SharedState>(value.clone())
        .err()
        .map(|e| (e.path().to_string(), e.inner().to_string()))
}

/// What opening `value` as a (stored, uncompressed) link says.
fn link_reader(value: &Value) -> Option<(String, String)> {
    let mut bytes = vec![0u8];
    bytes.extend_from_slice(value.to_string().as_bytes());
    let link = format!("1.{}", base64url::encode(&bytes));
    match decode::<SharedState>(&link) {
        Ok(_) => None,
        Err(LinkError::NotAScenario { path, message }) => Some((path, message)),
        Err(e) => panic!("not a shape error: {e}"),
    }
}

/// Paths (object keys and the first two array items) to every node.
fn paths(node: &Value, at: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(at.clone());
    match node {
        Value::Object(m) => {
            for (k, v) in m {
                at.push(json!(k));
                paths(v, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().take(2).enumerate() {
                at.push(json!(i));
                paths(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'v>(root: &'v mut Value, path: &[Value]) -> &'v mut Value {
    path.iter().fold(root, |n, k| match k {
        Value::String(s) => &mut n[s.as_str()],
        _ => &mut n[usize::try_from(k.as_u64().unwrap_or(0)).unwrap_or(0)],
    })
}

/// The documented differences: the text reader names the struct variant
/// it expected (`expected struct variant Behaviour::Up`), names the first
/// key of a several-key enum object as an unknown variant, and also reads
/// a struct variant written as an array.
fn no_weaker(old: &str, new: Option<&str>) -> bool {
    match new {
        Some(new) => {
            (old.ends_with("expected struct variant") && new.starts_with(old))
                || (old == "invalid value: map, expected map with a single key"
                    && new.starts_with("unknown variant `"))
                || old == "invalid type: sequence, expected struct variant"
        }
        None => old == "invalid type: sequence, expected struct variant",
    }
}

#[test]
fn tampered_links_are_described_as_the_value_reader_does() {
    let shapes = [
        json!(3),
        json!(-3),
        json!(1.5),
        json!(u64::MAX),
        json!("x"),
        json!(null),
        json!(true),
        json!([]),
        json!(["x", 1, 2, 3]),
        json!({}),
        json!({"a": 1}),
        json!({"a": 1, "b": 2}),
    ];
    let mut checked = 0;
    for preset in PRESETS {
        let state = SharedState {
            scenario: (preset.build)(1).unwrap_or_else(|e| panic!("{e}")),
            page: Some("p".into()),
            time_ms: 5,
        };
        let base = serde_json::to_value(&state).unwrap_or_default();
        let mut all = Vec::new();
        paths(&base, &mut Vec::new(), &mut all);
        for path in &all {
            for shape in &shapes {
                let mut doc = base.clone();
                *node_mut(&mut doc, path) = shape.clone();
                let (old, new) = (value_reader(&doc), link_reader(&doc));
                checked += 1;
                if old == new {
                    continue;
                }
                let (old_path, old_message) = old.unwrap_or_default();
                let same_path = new.as_ref().is_none_or(|(p, _)| p.starts_with(&old_path));
                assert!(
                    same_path && no_weaker(&old_message, new.as_ref().map(|n| n.1.as_str())),
                    "{}: {path:?} = {shape}\n value reader: {old_path}: {old_message}\n link: {new:?}",
                    preset.name
                );
            }
        }
    }
    assert!(checked > 1000, "{checked} documents");
}
