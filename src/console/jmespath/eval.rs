//! Evaluation over `serde_json::Value`, keeping object key order (the AWS
//! CLI prints query results in response order; jmespath.py keeps Python's
//! dict order too).

use serde_json::{Map, Value};

use super::lex::Cmp;
use super::parse::Ast;

/// Evaluates `ast` against `data`. Errors are runtime type errors of
/// functions, worded as jmespath.py words them.
pub fn eval(ast: &Ast, data: &Value) -> Result<Value, String> {
    Ok(match ast {
        Ast::Identity => data.clone(),
        Ast::Field(name) => data.get(name).cloned().unwrap_or(Value::Null),
        Ast::Sub(l, r) => {
            let base = eval(l, data)?;
            eval(r, &base)?
        }
        Ast::Index(i) => match data {
            Value::Array(a) => index(a, *i).cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        },
        Ast::Slice(start, stop, step) => match data {
            Value::Array(a) => Value::Array(slice(a, *start, *stop, *step)),
            _ => Value::Null,
        },
        Ast::Projection(l, r) => match eval(l, data)? {
            Value::Array(items) => project(&items, r)?,
            _ => Value::Null,
        },
        Ast::ValueProjection(l, r) => match eval(l, data)? {
            Value::Object(m) => {
                let items: Vec<Value> = m.into_iter().map(|(_, v)| v).collect();
                project(&items, r)?
            }
            _ => Value::Null,
        },
        Ast::Filter(l, r, cond) => match eval(l, data)? {
            Value::Array(items) => {
                let mut kept = Vec::new();
                for item in items {
                    if truthy(&eval(cond, &item)?) {
                        kept.push(item);
                    }
                }
                project(&kept, r)?
            }
            _ => Value::Null,
        },
        Ast::Flatten(inner) => match eval(inner, data)? {
            Value::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::Array(sub) => out.extend(sub),
                        other => out.push(other),
                    }
                }
                Value::Array(out)
            }
            _ => Value::Null,
        },
        Ast::Pipe(l, r) => {
            let base = eval(l, data)?;
            eval(r, &base)?
        }
        Ast::Or(l, r) => {
            let left = eval(l, data)?;
            if truthy(&left) {
                left
            } else {
                eval(r, data)?
            }
        }
        Ast::And(l, r) => {
            let left = eval(l, data)?;
            if truthy(&left) {
                eval(r, data)?
            } else {
                left
            }
        }
        Ast::Not(e) => Value::Bool(!truthy(&eval(e, data)?)),
        Ast::Compare(op, l, r) => compare(*op, &eval(l, data)?, &eval(r, data)?),
        Ast::Literal(v) => v.clone(),
        Ast::MultiList(items) => {
            if data.is_null() {
                return Ok(Value::Null);
            }
            let mut out = Vec::new();
            for item in items {
                out.push(eval(item, data)?);
            }
            Value::Array(out)
        }
        Ast::MultiHash(pairs) => {
            if data.is_null() {
                return Ok(Value::Null);
            }
            let mut out = Map::new();
            for (k, e) in pairs {
                out.insert(k.clone(), eval(e, data)?);
            }
            Value::Object(out)
        }
        Ast::Call(name, args) => super::functions::call(name, args, data)?,
        Ast::Expref(_) => {
            return Err("expression references (&expr) are only valid as function arguments".into())
        }
    })
}

fn project(items: &[Value], rhs: &Ast) -> Result<Value, String> {
    let mut out = Vec::new();
    for item in items {
        let v = eval(rhs, item)?;
        if !v.is_null() {
            out.push(v);
        }
    }
    Ok(Value::Array(out))
}

fn index(a: &[Value], i: i64) -> Option<&Value> {
    let len = i64::try_from(a.len()).ok()?;
    let i = if i < 0 { len.checked_add(i)? } else { i };
    a.get(usize::try_from(i).ok()?)
}

/// Python slice semantics (the spec defines slices as Python's).
fn slice(a: &[Value], start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Vec<Value> {
    let len = a.len() as i64;
    let step = step.unwrap_or(1);
    let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
        None => default,
        Some(v) if v < 0 => (v.saturating_add(len)).max(lo),
        Some(v) => v.min(hi),
    };
    let mut out = Vec::new();
    if step > 0 {
        let (mut i, stop) = (clamp(start, 0, 0, len), clamp(stop, len, 0, len));
        while i < stop {
            if let Some(v) = a.get(i as usize) {
                out.push(v.clone());
            }
            i = i.saturating_add(step);
        }
    } else {
        let (mut i, stop) = (
            clamp(start, len - 1, -1, len - 1),
            clamp(stop, -1, -1, len - 1),
        );
        while i > stop {
            if let Some(v) = usize::try_from(i).ok().and_then(|i| a.get(i)) {
                out.push(v.clone());
            }
            i = i.saturating_add(step);
        }
    }
    out
}

/// JMESPath truthiness: false, null, and empty strings, lists and objects
/// are false.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => false,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
        _ => true,
    }
}

fn compare(op: Cmp, l: &Value, r: &Value) -> Value {
    match op {
        Cmp::Eq => Value::Bool(json_eq(l, r)),
        Cmp::Ne => Value::Bool(!json_eq(l, r)),
        _ => match (l.as_f64(), r.as_f64()) {
            // Ordering is defined for numbers only; anything else is null.
            (Some(a), Some(b)) => Value::Bool(match op {
                Cmp::Lt => a < b,
                Cmp::Le => a <= b,
                Cmp::Gt => a > b,
                _ => a >= b,
            }),
            _ => Value::Null,
        },
    }
}

fn json_eq(l: &Value, r: &Value) -> bool {
    match (l, r) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => l == r,
    }
}
