//! The AWS CLI's three output formats (`--output json|text|table`), each a
//! port of the awscli v2 formatter of the same name (`awscli/formatter.py`,
//! `awscli/text.py`, `awscli/table.py`).

mod table;
mod text;

pub use table::format_table;
pub use text::format_text;

use serde::Serialize;
use serde_json::Value;

/// An `--output` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// `json` (the default).
    #[default]
    Json,
    /// `text`: tab-separated, botocore's text formatter.
    Text,
    /// `table`: boxed ASCII tables titled with the operation name.
    Table,
}

impl OutputFormat {
    /// Parses a `--output` value; `None` for anything the CLI would refuse
    /// or that the playground does not render (`yaml`).
    pub fn from_name(name: &str) -> Option<OutputFormat> {
        match name {
            "json" => Some(OutputFormat::Json),
            "text" => Some(OutputFormat::Text),
            "table" => Some(OutputFormat::Table),
            _ => None,
        }
    }
}

/// Formats `value` as `aws` prints it. `title` is the operation name
/// (`ListResourceRecordSets`), used as the table title. An empty object
/// prints nothing in `json` (the CLI skips operations without output).
pub fn format(value: &Value, format: OutputFormat, title: &str) -> String {
    match format {
        OutputFormat::Json => format_json(value),
        OutputFormat::Text => format_text(value),
        OutputFormat::Table => format_table(value, title),
    }
}

/// `json.dump(response, indent=4, ensure_ascii=False)` plus a newline:
/// four-space indent, keys in response order, non-ASCII kept as is.
pub fn format_json(value: &Value) -> String {
    if value.as_object().is_some_and(|m| m.is_empty()) {
        return String::new();
    }
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    let mut s = String::from_utf8(buf).unwrap_or_default();
    s.push('\n');
    s
}

/// Python's `str()` of a JSON scalar, which the text and table formatters
/// print: `True`, `False`, `None`, numbers and strings as they are.
pub(crate) fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => py_repr(other),
    }
}

/// Python's `repr()` of a JSON value (botocore quotes values this way in
/// validation errors): `'text'`, `{'Key': 1}`, `[1, 2]`, `True`, `None`.
pub(crate) fn py_repr(v: &Value) -> String {
    match v {
        Value::String(s) => {
            if s.contains('\'') && !s.contains('"') {
                format!("\"{s}\"")
            } else {
                format!(
                    "'{}'",
                    s.replace('\\', "\\\\")
                        .replace('\'', "\\'")
                        .replace('\n', "\\n")
                )
            }
        }
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(py_repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(m) => {
            let items: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{}: {}", py_repr(&Value::String(k.clone())), py_repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        other => py_str(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_matches_aws_cli_v2_layout() {
        // awscli formatter.py JSONFormatter: json.dump(indent=4,
        // ensure_ascii=False); keys stay in response order.
        let v = json!({"ChangeInfo": {"Id": "/change/C1", "Status": "PENDING", "Comment": "café", "List": [], "Empty": {}}});
        assert_eq!(
            format_json(&v),
            "{\n    \"ChangeInfo\": {\n        \"Id\": \"/change/C1\",\n        \"Status\": \"PENDING\",\n        \"Comment\": \"café\",\n        \"List\": [],\n        \"Empty\": {}\n    }\n}\n"
        );
        assert_eq!(
            format_json(&json!("/hostedzone/Z1")),
            "\"/hostedzone/Z1\"\n"
        );
        assert_eq!(format_json(&Value::Null), "null\n");
        // An operation without output prints nothing.
        assert_eq!(format_json(&json!({})), "");
    }

    #[test]
    fn python_str_and_repr() {
        let cases: &[(Value, &str, &str)] = &[
            (json!(true), "True", "True"),
            (Value::Null, "None", "None"),
            (json!(60), "60", "60"),
            (json!("60"), "60", "'60'"),
            (json!("it's"), "it's", "\"it's\""),
            (json!({"Value": 1}), "{'Value': 1}", "{'Value': 1}"),
            (json!([1, "a"]), "[1, 'a']", "[1, 'a']"),
        ];
        for (v, s, r) in cases {
            assert_eq!(py_str(v), *s, "{v}");
            assert_eq!(py_repr(v), *r, "{v}");
        }
    }
}
