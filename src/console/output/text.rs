//! `--output text`: a port of `awscli/text.py` (`format_text`).
//!
//! What surprises people: a dict prints its scalar values on one line
//! sorted by key (not in response order), prefixed by its key in upper case;
//! nested values follow on their own lines; for a list of dicts every row has
//! a column for each scalar key seen in any element (empty when missing).

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::py_str;

/// Formats `value` as `aws --output text` prints it.
pub fn format_text(value: &Value) -> String {
    let mut out = String::new();
    text(value, &mut out, None, None);
    out
}

fn is_scalar(v: &Value) -> bool {
    !(v.is_array() || v.is_object())
}

fn text(item: &Value, out: &mut String, identifier: Option<&str>, scalar_keys: Option<&[String]>) {
    match item {
        Value::Object(m) => dict(scalar_keys, m, identifier, out),
        Value::Array(items) => list(items, identifier, out),
        scalar => {
            out.push_str(&py_str(scalar));
            out.push('\n');
        }
    }
}

fn list(items: &[Value], identifier: Option<&str>, out: &mut String) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(Value::is_object) {
        let mut keys = BTreeSet::new();
        for item in items {
            if let Value::Object(m) = item {
                keys.extend(
                    m.iter()
                        .filter(|(_, v)| is_scalar(v))
                        .map(|(k, _)| k.clone()),
                );
            }
        }
        let keys: Vec<String> = keys.into_iter().collect();
        for item in items {
            text(item, out, identifier, Some(&keys));
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, nested): (Vec<&Value>, Vec<&Value>) =
            items.iter().partition(|v| is_scalar(v));
        if !scalars.is_empty() {
            scalar_list(&scalars, identifier, out);
        }
        for n in nested {
            text(n, out, identifier, None);
        }
    } else {
        let all: Vec<&Value> = items.iter().collect();
        scalar_list(&all, identifier, out);
    }
}

fn scalar_list(items: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(id) => {
            for item in items {
                out.push_str(&format!("{}\t{}\n", id.to_uppercase(), py_str(item)));
            }
        }
        None => {
            let cells: Vec<String> = items.iter().map(|v| py_str(v)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
}

fn dict(
    scalar_keys: Option<&[String]>,
    m: &Map<String, Value>,
    identifier: Option<&str>,
    out: &mut String,
) {
    let mut scalars = Vec::new();
    let mut nested: Vec<(&String, &Value)> = Vec::new();
    match scalar_keys {
        None => {
            let mut entries: Vec<(&String, &Value)> = m.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (k, v) in entries {
                if is_scalar(v) {
                    scalars.push(py_str(v));
                } else {
                    nested.push((k, v));
                }
            }
        }
        Some(keys) => {
            for k in keys {
                scalars.push(m.get(k).map(py_str).unwrap_or_default());
            }
            let mut rest: Vec<(&String, &Value)> =
                m.iter().filter(|(k, _)| !keys.contains(k)).collect();
            rest.sort_by(|a, b| a.0.cmp(b.0));
            nested = rest;
        }
    }
    if !scalars.is_empty() {
        if let Some(id) = identifier {
            scalars.insert(0, id.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (k, v) in nested {
        text(v, out, Some(k), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn layouts_of_awscli_text_py() {
        let cases: &[(Value, &str)] = &[
            // --query HostedZone.Id --output text: the bare scalar.
            (json!("/hostedzone/Z1"), "/hostedzone/Z1\n"),
            (Value::Null, "None\n"),
            // A bare list of scalars is one tab-separated line.
            (json!(["a", "b", 3]), "a\tb\t3\n"),
            (json!([]), ""),
            // A dict: scalars sorted by key on one line, nested below
            // under the upper-cased key.
            (
                json!({"HostedZone": {"Id": "/hostedzone/Z1", "Name": "x.com.", "CallerReference": "r1",
                       "Config": {"PrivateZone": false}, "ResourceRecordSetCount": 2}}),
                "HOSTEDZONE\tr1\t/hostedzone/Z1\tx.com.\t2\nCONFIG\tFalse\n",
            ),
            // A list of dicts: one row per element with the union of scalar
            // keys, sorted; nested lists of scalars one per line.
            (
                json!({"ResourceRecordSets": [
                    {"Name": "x.com.", "Type": "NS", "TTL": 172800,
                     "ResourceRecords": [{"Value": "ns-1.awsdns-01.org."}, {"Value": "ns-2.awsdns-02.net."}]},
                    {"Name": "w.x.com.", "Type": "A", "SetIdentifier": "one", "TTL": 60,
                     "ResourceRecords": [{"Value": "192.0.2.1"}]}]}),
                "RESOURCERECORDSETS\tx.com.\t\t172800\tNS\nRESOURCERECORDS\tns-1.awsdns-01.org.\nRESOURCERECORDS\tns-2.awsdns-02.net.\nRESOURCERECORDSETS\tw.x.com.\tone\t60\tA\nRESOURCERECORDS\t192.0.2.1\n",
            ),
            (json!({"NameServers": ["ns-1", "ns-2"]}), "NAMESERVERS\tns-1\nNAMESERVERS\tns-2\n"),
            (json!([["a", "b"], ["c"]]), "a\tb\nc\n"),
        ];
        for (v, want) in cases {
            assert_eq!(format_text(v), *want, "{v}");
        }
    }
}
