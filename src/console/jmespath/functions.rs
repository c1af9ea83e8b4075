//! The JMESPath built-in functions people use in `--query`
//! (<https://jmespath.org/specification.html#built-in-functions>): a subset,
//! with jmespath.py's error wording for wrong arity and types.

use serde_json::Value;

use super::eval::eval;
use super::parse::Ast;

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn bad_type(func: &str, v: &Value, expected: &str) -> String {
    format!(
        "In function {func}(), invalid type for value: {v}, expected one of: [{expected}], received: \"{}\"",
        type_name(v)
    )
}

fn arity(func: &str, args: &[Ast], n: usize) -> Result<(), String> {
    if args.len() == n {
        Ok(())
    } else {
        let plural = if n == 1 { "argument" } else { "arguments" };
        Err(format!(
            "Expected {n} {plural} for function {func}(), received {}",
            args.len()
        ))
    }
}

fn arg(args: &[Ast], i: usize, data: &Value) -> Result<Value, String> {
    match args.get(i) {
        Some(a) => eval(a, data),
        None => Ok(Value::Null),
    }
}

/// Calls function `name` with unevaluated `args` against `data`.
pub(super) fn call(name: &str, args: &[Ast], data: &Value) -> Result<Value, String> {
    match name {
        "length" => {
            arity(name, args, 1)?;
            let v = arg(args, 0, data)?;
            let n = match &v {
                Value::String(s) => s.chars().count(),
                Value::Array(a) => a.len(),
                Value::Object(m) => m.len(),
                _ => return Err(bad_type(name, &v, "'string', 'array', 'object'")),
            };
            Ok(Value::from(n))
        }
        "contains" => {
            arity(name, args, 2)?;
            let (hay, needle) = (arg(args, 0, data)?, arg(args, 1, data)?);
            match (&hay, &needle) {
                (Value::Array(a), _) => Ok(Value::Bool(a.contains(&needle))),
                (Value::String(s), Value::String(n)) => Ok(Value::Bool(s.contains(n.as_str()))),
                (Value::String(_), _) => Ok(Value::Bool(false)),
                _ => Err(bad_type(name, &hay, "'array', 'string'")),
            }
        }
        "starts_with" | "ends_with" => {
            arity(name, args, 2)?;
            let (s, p) = (arg(args, 0, data)?, arg(args, 1, data)?);
            let (Value::String(s), Value::String(p)) = (&s, &p) else {
                let culprit = if s.is_string() { &p } else { &s };
                return Err(bad_type(name, culprit, "'string'"));
            };
            Ok(Value::Bool(if name == "starts_with" {
                s.starts_with(p.as_str())
            } else {
                s.ends_with(p.as_str())
            }))
        }
        "keys" | "values" => {
            arity(name, args, 1)?;
            match arg(args, 0, data)? {
                Value::Object(m) if name == "keys" => {
                    Ok(Value::Array(m.keys().cloned().map(Value::String).collect()))
                }
                Value::Object(m) => Ok(Value::Array(m.values().cloned().collect())),
                other => Err(bad_type(name, &other, "'object'")),
            }
        }
        "reverse" => {
            arity(name, args, 1)?;
            match arg(args, 0, data)? {
                Value::Array(mut a) => {
                    a.reverse();
                    Ok(Value::Array(a))
                }
                Value::String(s) => Ok(Value::String(s.chars().rev().collect())),
                other => Err(bad_type(name, &other, "'array', 'string'")),
            }
        }
        "sort" => {
            arity(name, args, 1)?;
            match arg(args, 0, data)? {
                Value::Array(a) => sorted(name, a, |v| Ok(v.clone())),
                other => Err(bad_type(name, &other, "'array-number', 'array-string'")),
            }
        }
        "sort_by" => {
            arity(name, args, 2)?;
            let Some(Ast::Expref(key)) = args.get(1) else {
                return Err(format!(
                    "In function {name}(), the second argument must be an expression (&key)"
                ));
            };
            match arg(args, 0, data)? {
                Value::Array(a) => sorted(name, a, |v| eval(key, v)),
                other => Err(bad_type(name, &other, "'array'")),
            }
        }
        "join" => {
            arity(name, args, 2)?;
            let (sep, list) = (arg(args, 0, data)?, arg(args, 1, data)?);
            let Value::String(sep) = &sep else {
                return Err(bad_type(name, &sep, "'string'"));
            };
            let Value::Array(items) = &list else {
                return Err(bad_type(name, &list, "'array-string'"));
            };
            let mut parts = Vec::new();
            for item in items {
                match item {
                    Value::String(s) => parts.push(s.as_str()),
                    other => return Err(bad_type(name, other, "'array-string'")),
                }
            }
            Ok(Value::String(parts.join(sep)))
        }
        "to_string" => {
            arity(name, args, 1)?;
            Ok(match arg(args, 0, data)? {
                Value::String(s) => Value::String(s),
                other => Value::String(other.to_string()),
            })
        }
        "to_number" => {
            arity(name, args, 1)?;
            Ok(match arg(args, 0, data)? {
                Value::Number(n) => Value::Number(n),
                Value::String(s) => serde_json::from_str::<serde_json::Number>(s.trim())
                    .map(Value::Number)
                    .unwrap_or(Value::Null),
                _ => Value::Null,
            })
        }
        "type" => {
            arity(name, args, 1)?;
            Ok(Value::String(type_name(&arg(args, 0, data)?).into()))
        }
        "not_null" => {
            for a in args {
                let v = eval(a, data)?;
                if !v.is_null() {
                    return Ok(v);
                }
            }
            Ok(Value::Null)
        }
        _ => Err(format!("Unknown function: {name}()")),
    }
}

/// Stable sort by a key that must be all numbers or all strings.
fn sorted(
    func: &str,
    items: Vec<Value>,
    key: impl Fn(&Value) -> Result<Value, String>,
) -> Result<Value, String> {
    let mut keyed = Vec::new();
    for item in items {
        let k = key(&item)?;
        if !(k.is_number() || k.is_string()) {
            return Err(bad_type(func, &k, "'number', 'string'"));
        }
        keyed.push((k, item));
    }
    if let Some((first, _)) = keyed.first() {
        let want = type_name(first);
        if let Some((odd, _)) = keyed.iter().find(|(k, _)| type_name(k) != want) {
            return Err(bad_type(func, odd, want));
        }
    }
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (Value::String(a), Value::String(b)) => a.cmp(b),
        _ => a
            .as_f64()
            .partial_cmp(&b.as_f64())
            .unwrap_or(std::cmp::Ordering::Equal),
    });
    Ok(Value::Array(keyed.into_iter().map(|(_, v)| v).collect()))
}
