//! Turning one command-line value into a parameter value as the AWS CLI
//! does (`awscli/argprocess.py`, `awscli/paramfile.py`): `file://` paths,
//! JSON for values that start with `{` or `[`, shorthand `Key=value,...`
//! otherwise. Error text follows the CLI's `Error parsing parameter`
//! messages, JSON errors worded as Python's `json` module words them.

use serde_json::{Map, Value};

use super::shapes::{members, Shape};

/// The prefixes the CLI reads from a file or URL instead of the value.
const PARAMFILE_PREFIXES: &[&str] = &["file://", "fileb://"];

/// `Some(error)` when `value` asks the CLI to load a file: the playground
/// has no file system, so it says so instead of `[Errno 2] No such file`.
pub fn paramfile_error(option: &str, value: &str) -> Option<String> {
    PARAMFILE_PREFIXES
        .iter()
        .find(|p| value.starts_with(**p))
        .map(|_| {
            format!(
                "Error parsing parameter '{option}': Unable to load paramfile {value}: \
                 files are not available in the playground console; paste the JSON inline \
                 instead, in single quotes: {option} '{{...}}'"
            )
        })
}

/// Parses the value of a structure parameter: JSON when it starts with `{`
/// or `[` (after leading blanks), else shorthand syntax.
pub fn parse_structure(option: &str, value: &str, shape: &Shape) -> Result<Value, String> {
    let trimmed = value.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        serde_json::from_str(value).map_err(|e| {
            format!(
                "Error parsing parameter '{option}': Invalid JSON: {}\nJSON received: {value}",
                python_json_error(value, &e)
            )
        })
    } else {
        parse_shorthand(value, shape)
            .map_err(|msg| format!("Error parsing parameter '{option}': {msg}"))
    }
}

/// Words a serde_json error as Python's `json.JSONDecodeError` would:
/// `Expecting ',' delimiter: line 3 column 5 (char 20)`.
pub fn python_json_error(text: &str, e: &serde_json::Error) -> String {
    let full = e.to_string();
    let what = full.split(" at line ").next().unwrap_or(&full);
    let python = match what {
        "expected value" | "EOF while parsing a value" => "Expecting value",
        "expected `,` or `}`"
        | "expected `,` or `]`"
        | "EOF while parsing an object"
        | "EOF while parsing a list" => "Expecting ',' delimiter",
        "expected `:`" => "Expecting ':' delimiter",
        "key must be a string" | "trailing comma" => {
            "Expecting property name enclosed in double quotes"
        }
        "trailing characters" => "Extra data",
        "EOF while parsing a string" => "Unterminated string starting at",
        "invalid escape" => "Invalid \\escape",
        w if w.starts_with("control character") => "Invalid control character at",
        w => w,
    };
    // serde_json puts an early end on the last character; Python's
    // decoder reports the index just past it (`{"a": 1` → char 7).
    let at_end = what.starts_with("EOF while parsing") && what != "EOF while parsing a string";
    let (line, column) = if at_end {
        let last = text.rsplit('\n').next().unwrap_or("");
        (text.split('\n').count(), last.chars().count() + 1)
    } else {
        (e.line().max(1), e.column().max(1))
    };
    let char_index: usize = text
        .split('\n')
        .take(line - 1)
        .map(|l| l.chars().count() + 1)
        .sum::<usize>()
        + (column - 1);
    format!("{python}: line {line} column {column} (char {char_index})")
}

/// The CLI's shorthand syntax for a flat structure: `Key=value,Key=value`,
/// values optionally in quotes, booleans and integers converted by the
/// member's shape, lists as [`shorthand_list`] reads them. Nested
/// shorthand (`Key={...}`) is not supported here.
fn parse_shorthand(value: &str, shape: &Shape) -> Result<Value, String> {
    let mut out = Map::new();
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let key_start = i;
        while i < chars.len() && chars[i] != '=' && chars[i] != ',' {
            i += 1;
        }
        if chars.get(i) != Some(&'=') {
            let actual = chars
                .get(i)
                .map(|c| c.to_string())
                .unwrap_or_else(|| "EOF".into());
            return Err(shorthand_error(value, "=", &actual, i));
        }
        let key: String = chars[key_start..i]
            .iter()
            .collect::<String>()
            .trim()
            .to_string();
        i += 1;
        let member = members(shape).iter().find(|m| m.name == key);
        let v = match member.map(|m| m.shape) {
            Some(Shape::List { member, .. }) => {
                let items = shorthand_list(value, &chars, &mut i)?;
                Value::Array(items.into_iter().map(|s| scalar(s, member)).collect())
            }
            other => {
                let mut val = String::new();
                match chars.get(i) {
                    Some(q @ ('"' | '\'')) => {
                        let q = *q;
                        let open = i;
                        i += 1;
                        while i < chars.len() && chars[i] != q {
                            val.push(chars[i]);
                            i += 1;
                        }
                        if i >= chars.len() {
                            return Err(shorthand_error(value, &q.to_string(), "EOF", open));
                        }
                        i += 1;
                    }
                    _ => {
                        while i < chars.len() && chars[i] != ',' {
                            val.push(chars[i]);
                            i += 1;
                        }
                    }
                }
                match other {
                    Some(s) => scalar(val, s),
                    None => Value::String(val),
                }
            }
        };
        if i < chars.len() {
            if chars[i] != ',' {
                return Err(shorthand_error(value, ",", &chars[i].to_string(), i));
            }
            i += 1;
        }
        out.insert(key, v);
    }
    Ok(Value::Object(out))
}

/// A shorthand scalar converted by its shape: booleans and integers as
/// the CLI converts them, anything it cannot convert left as a string for
/// botocore's type check to report.
fn scalar(val: String, shape: &Shape) -> Value {
    match shape {
        Shape::Bool => match val.to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(val),
        },
        Shape::Long { .. } => val
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or(Value::String(val)),
        _ => Value::String(val),
    }
}

/// A shorthand list value (awscli `shorthand.py`): `[a,b]`, or `a,b,c`
/// running until the next `Key=` segment, so `Regions=us-east-1,us-west-1,
/// eu-west-1,Port=80` gives three regions. Leaves `i` on the `,` before the
/// next key or at the end.
fn shorthand_list(value: &str, chars: &[char], i: &mut usize) -> Result<Vec<String>, String> {
    let mut items = Vec::new();
    if chars.get(*i) == Some(&'[') {
        let open = *i;
        *i += 1;
        let mut item = String::new();
        loop {
            match chars.get(*i) {
                None => return Err(shorthand_error(value, "]", "EOF", open)),
                Some(']') => {
                    *i += 1;
                    break;
                }
                Some(',') => items.push(std::mem::take(&mut item).trim().to_string()),
                Some(c) => item.push(*c),
            }
            *i += 1;
        }
        if !item.trim().is_empty() || !items.is_empty() {
            items.push(item.trim().to_string());
        }
        return Ok(items);
    }
    loop {
        let mut item = String::new();
        while *i < chars.len() && chars[*i] != ',' {
            item.push(chars[*i]);
            *i += 1;
        }
        items.push(item);
        // A comma followed by a segment with `=` starts the next key.
        let next_is_key = chars
            .get(*i + 1..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| **c != ',')
            .any(|c| *c == '=');
        if *i >= chars.len() || next_is_key {
            return Ok(items);
        }
        *i += 1;
    }
}

fn shorthand_error(value: &str, expected: &str, actual: &str, index: usize) -> String {
    format!(
        "Expected: '{expected}', received: '{actual}' for input:\n{value}\n{}^",
        " ".repeat(index)
    )
}

#[cfg(test)]
mod tests {
    use super::super::shapes::{CHANGE_BATCH, HOSTED_ZONE_CONFIG};
    use super::*;
    use serde_json::json;

    #[test]
    fn json_errors_read_like_python_json() {
        let cases: &[(&str, &str)] = &[
            (
                "{\"Changes\": [}",
                "Expecting value: line 1 column 14 (char 13)",
            ),
            (
                "{\"a\": 1 \"b\": 2}",
                "Expecting ',' delimiter: line 1 column 9 (char 8)",
            ),
            (
                "{a: 1}",
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            ),
            (
                "{\"a\" 1}",
                "Expecting ':' delimiter: line 1 column 6 (char 5)",
            ),
            ("{}\n}", "Extra data: line 2 column 1 (char 3)"),
            // An early end: Python points just past the last character.
            (
                "{\"a\": 1",
                "Expecting ',' delimiter: line 1 column 8 (char 7)",
            ),
            ("[1,\n", "Expecting value: line 2 column 1 (char 4)"),
        ];
        for (text, want) in cases {
            let e = serde_json::from_str::<Value>(text).unwrap_err();
            assert_eq!(python_json_error(text, &e), *want, "{text}");
        }
    }

    #[test]
    fn structure_values_per_awscli_argprocess() {
        assert_eq!(
            parse_structure(
                "--hosted-zone-config",
                "Comment=my zone,PrivateZone=false",
                &HOSTED_ZONE_CONFIG
            ),
            Ok(json!({"Comment": "my zone", "PrivateZone": false}))
        );
        assert_eq!(
            parse_structure("--hosted-zone-config", "Comment='a,b'", &HOSTED_ZONE_CONFIG),
            Ok(json!({"Comment": "a,b"}))
        );
        assert_eq!(
            parse_structure(
                "--hosted-zone-config",
                " {\"PrivateZone\": true}",
                &HOSTED_ZONE_CONFIG
            ),
            Ok(json!({"PrivateZone": true}))
        );
        assert_eq!(
            parse_structure("--change-batch", "oops", &CHANGE_BATCH),
            Err("Error parsing parameter '--change-batch': Expected: '=', received: 'EOF' for input:\noops\n    ^".into())
        );
        let e = parse_structure("--change-batch", "{\"Changes\": [}", &CHANGE_BATCH).unwrap_err();
        assert_eq!(
            e,
            "Error parsing parameter '--change-batch': Invalid JSON: Expecting value: line 1 column 14 (char 13)\nJSON received: {\"Changes\": [}"
        );
    }

    #[test]
    fn shorthand_lists_per_awscli_shorthand() {
        use super::super::shapes::HEALTH_CHECK_CONFIG;
        let cases: &[(&str, Value)] = &[
            ("Regions=[]", json!({"Regions": []})),
            ("Regions=[us-east-1]", json!({"Regions": ["us-east-1"]})),
            (
                "Regions=[a, b],Port=80",
                json!({"Regions": ["a", "b"], "Port": 80}),
            ),
            // Without brackets the list runs until the next `Key=`.
            ("Regions=a,b,c", json!({"Regions": ["a", "b", "c"]})),
            (
                "Regions=a,b,Type=TCP",
                json!({"Regions": ["a", "b"], "Type": "TCP"}),
            ),
            (
                "Type=TCP,Regions=a",
                json!({"Type": "TCP", "Regions": ["a"]}),
            ),
            // A value with `=` after a list element is taken as the next key.
            (
                "ChildHealthChecks=x,y,HealthThreshold=2",
                json!({"ChildHealthChecks": ["x", "y"], "HealthThreshold": 2}),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_structure("--health-check-config", text, &HEALTH_CHECK_CONFIG).as_ref(),
                Ok(want),
                "{text}"
            );
        }
        assert_eq!(
            parse_structure("--health-check-config", "Regions=[a,b", &HEALTH_CHECK_CONFIG),
            Err("Error parsing parameter '--health-check-config': Expected: ']', received: 'EOF' for input:\nRegions=[a,b\n        ^".into())
        );
        assert_eq!(
            parse_structure("--health-check-config", "Regions=[a]x", &HEALTH_CHECK_CONFIG),
            Err("Error parsing parameter '--health-check-config': Expected: ',', received: 'x' for input:\nRegions=[a]x\n           ^".into())
        );
    }

    #[test]
    fn paramfiles_are_refused_clearly() {
        let e = paramfile_error("--change-batch", "file://batch.json").unwrap();
        assert!(e.starts_with("Error parsing parameter '--change-batch': Unable to load paramfile file://batch.json: files are not available"), "{e}");
        assert!(paramfile_error("--change-batch", "fileb://x").is_some());
        assert!(paramfile_error("--name", "example.com").is_none());
    }
}
