//! The CLI's automatic pagination (botocore `paginate.py`): call until the
//! service says no more pages, gather the result list, and print only it
//! (plus `NextToken` when `--max-items` cut the listing short). This is why
//! `aws route53 list-resource-record-sets` prints `{"ResourceRecordSets":
//! [...]}` without `IsTruncated` or `MaxItems`.

use serde_json::{Map, Value};

use super::input::PageOptions;
use super::route53::{OpSpec, Paginator};
use crate::engine::aws::{ApiError, AwsApi, CallContext};

/// A bound on requests per command, so a service that always answers
/// `IsTruncated: true` cannot loop forever.
const MAX_PAGES: usize = 1000;

/// botocore's resume-token key for items to skip in the first page.
const TRUNCATE_KEY: &str = "boto_truncate_amount";

/// Runs a paginated operation and builds the CLI's full result. `start`
/// is the decoded `--starting-token` ([`decode_token`]).
pub fn paginate(
    api: &mut dyn AwsApi,
    op: &OpSpec,
    pag: &Paginator,
    mut input: Map<String, Value>,
    opts: &PageOptions,
    start: Option<&Map<String, Value>>,
    ctx: CallContext,
) -> Result<Value, ApiError> {
    if let Some(size) = opts.page_size {
        input.insert(pag.limit_key.into(), Value::String(size.to_string()));
    }
    let mut skip = 0usize;
    if let Some(decoded) = start {
        for key in pag.input_tokens {
            match decoded.get(*key) {
                Some(v) => input.insert((*key).into(), v.clone()),
                None => input.remove(*key),
            };
        }
        skip = decoded
            .get(TRUNCATE_KEY)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0);
    }
    let mut items: Vec<Value> = Vec::new();
    let mut next_token = None;
    for _ in 0..MAX_PAGES {
        let out = api.call("route53", op.api, &Value::Object(input.clone()), ctx)?;
        let mut page: Vec<Value> = match out.get(pag.result_key) {
            Some(Value::Array(a)) => a.clone(),
            _ => Vec::new(),
        };
        let skipped = skip.min(page.len());
        page.drain(..skipped);
        skip = 0;
        let more = match out.get(pag.more_results) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
            _ => false,
        };
        if let Some(max) = opts.max_items {
            let room = max.saturating_sub(items.len());
            if page.len() > room {
                items.extend(page.into_iter().take(room));
                next_token = Some(encode_token(pag, &input, Some(skipped + room)));
                break;
            }
        }
        items.extend(page);
        if !more {
            break;
        }
        let mut advanced = false;
        for (inp, outp) in pag.input_tokens.iter().zip(pag.output_tokens) {
            match out.get(*outp) {
                Some(v) if !v.is_null() => {
                    input.insert((*inp).into(), v.clone());
                    advanced = true;
                }
                _ => {
                    input.remove(*inp);
                }
            }
        }
        if !advanced {
            break;
        }
        if opts.max_items.is_some_and(|max| items.len() >= max) {
            next_token = Some(encode_token(pag, &input, None));
            break;
        }
    }
    let mut result = Map::new();
    result.insert(pag.result_key.into(), Value::Array(items));
    if let Some(t) = next_token {
        result.insert("NextToken".into(), Value::String(t));
    }
    Ok(Value::Object(result))
}

fn encode_token(pag: &Paginator, input: &Map<String, Value>, truncate: Option<usize>) -> String {
    let mut token = Map::new();
    for key in pag.input_tokens {
        if let Some(v) = input.get(*key) {
            token.insert((*key).into(), v.clone());
        }
    }
    if let Some(n) = truncate.filter(|n| *n > 0) {
        token.insert(TRUNCATE_KEY.into(), Value::from(n));
    }
    base64_encode(Value::Object(token).to_string().as_bytes())
}

/// Decodes a `NextToken` printed by an earlier run; `None` when it is not
/// one (the CLI then fails with `Bad starting token`).
pub fn decode_token(token: &str) -> Option<Map<String, Value>> {
    let bytes = base64_decode(token)?;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(m) => Some(m),
        _ => None,
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(B64[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut nbits = 0;
    let mut out = Vec::new();
    for c in text.trim_end_matches('=').bytes() {
        let v = B64.iter().position(|b| *b == c)? as u32;
        bits = (bits << 6) | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push(((bits >> nbits) & 0xff) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
