//! ListResourceRecordSets: the sets in Route 53's order (API
//! `ListResourceRecordSets`: by name with labels reversed, then type, then
//! SetIdentifier), from `StartRecordName`/`StartRecordType`/
//! `StartRecordIdentifier` on, `MaxItems` at a time (at most 300).

use hickory_proto::rr::RecordType;
use serde_json::{json, Map, Value};

use super::messages;
use super::record::RecordKey;
use super::zone::HostedZone;
use crate::engine::aws::ApiError;
use crate::engine::name::{format_name, parse_name};

/// The most sets one page holds (API `ListResourceRecordSets.MaxItems`).
pub const MAX_PAGE: usize = 300;

fn invalid(message: String) -> ApiError {
    ApiError::new("InvalidInput", message)
}

/// The page of `zone` that `input` asks for, as the CLI prints it. Without
/// `MaxItems` the CLI follows every page and prints only the sets.
pub fn list_resource_record_sets(zone: &HostedZone, input: &Value) -> Result<Value, ApiError> {
    let start = start_key(input)?;
    let max = max_items(input, MAX_PAGE)?;
    let mut rest = zone
        .record_sets
        .iter()
        .filter(|(k, _)| start.as_ref().is_none_or(|s| *k >= s))
        .map(|(_, set)| set);
    let limit = max.as_ref().map_or(usize::MAX, |(n, _)| *n);
    let page: Vec<Value> = rest
        .by_ref()
        .take(limit)
        .map(|s| serde_json::to_value(s.to_model()).unwrap_or(Value::Null))
        .collect();
    let mut out = Map::new();
    out.insert("ResourceRecordSets".into(), Value::Array(page));
    if let Some((_, text)) = max {
        let next = rest.next();
        out.insert("IsTruncated".into(), json!(next.is_some()));
        if let Some(next) = next {
            out.insert("NextRecordName".into(), json!(format_name(&next.name)));
            out.insert("NextRecordType".into(), json!(next.rtype.to_string()));
            if let Some(id) = next.routing.set_id() {
                out.insert("NextRecordIdentifier".into(), json!(id));
            }
        }
        out.insert("MaxItems".into(), json!(text));
    }
    Ok(Value::Object(out))
}

/// An API `MaxItems` (a string in the API, a number where the CLI sent
/// one): `None` when absent, else the page size capped at `cap` and the text
/// as given, which the response echoes.
pub(super) fn max_items(input: &Value, cap: usize) -> Result<Option<(usize, String)>, ApiError> {
    match input.get("MaxItems") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let text = v
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string());
            let n = text
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    invalid(messages::malformed(&format!(
                        "MaxItems '{text}' is not a positive number"
                    )))
                })?;
            Ok(Some((n.min(cap), text)))
        }
    }
}

fn start_key(input: &Value) -> Result<Option<RecordKey>, ApiError> {
    let Some(name) = input.get("StartRecordName").and_then(Value::as_str) else {
        // "If you specify Type but not Name: Amazon Route 53 returns the
        // InvalidInput error."
        if input.get("StartRecordType").is_some() {
            return Err(invalid(messages::malformed(
                "StartRecordType requires StartRecordName",
            )));
        }
        return Ok(None);
    };
    let name = parse_name(name).map_err(|e| invalid(e.message()))?;
    let rtype = match input.get("StartRecordType").and_then(Value::as_str) {
        None => None,
        Some(t) => Some(
            t.parse::<RecordType>()
                .map_err(|_| invalid(messages::not_in_enum(t, super::shape::API_TYPES)))?,
        ),
    };
    let set_id = input.get("StartRecordIdentifier").and_then(Value::as_str);
    let mut key = RecordKey::new(&name, rtype.unwrap_or(RecordType::A), set_id);
    if rtype.is_none() {
        key.rtype.clear();
    }
    Ok(Some(key))
}
