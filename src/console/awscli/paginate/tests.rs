//! The CLI's pagination against fakes that page as Route 53 does.

use super::super::route53::find_op;
use super::*;
use crate::engine::time::SimTime;
use serde_json::json;

/// Serves `names` two per page, as ListResourceRecordSets does with
/// MaxItems=2, and records every request.
struct Pages {
    names: Vec<&'static str>,
    requests: Vec<Value>,
    always_more: bool,
}

impl AwsApi for Pages {
    fn call(&mut self, _: &str, _: &str, input: &Value, _: CallContext) -> Result<Value, ApiError> {
        self.requests.push(input.clone());
        let start = input
            .get("StartRecordName")
            .and_then(Value::as_str)
            .and_then(|s| self.names.iter().position(|n| *n == s))
            .unwrap_or(0);
        let page: Vec<Value> = self
            .names
            .iter()
            .skip(start)
            .take(2)
            .map(|n| json!({"Name": n}))
            .collect();
        let next = self.names.get(start + 2);
        let mut out = json!({"ResourceRecordSets": page, "IsTruncated": next.is_some() || self.always_more, "MaxItems": "2"});
        if let Some(n) = next {
            out["NextRecordName"] = json!(n);
            out["NextRecordType"] = json!("A");
        }
        Ok(out)
    }
}

fn run(api: &mut Pages, opts: PageOptions) -> Value {
    let op = find_op("list-resource-record-sets").unwrap();
    let input = json!({"HostedZoneId": "Z1"}).as_object().unwrap().clone();
    let ctx = CallContext { now: SimTime::ZERO };
    let start = opts
        .starting_token
        .as_deref()
        .map(|t| decode_token(t).unwrap());
    paginate(
        api,
        op,
        op.paginator.unwrap(),
        input,
        &opts,
        start.as_ref(),
        ctx,
    )
    .unwrap()
}

fn pages() -> Pages {
    Pages {
        names: vec!["a", "b", "c", "d", "e"],
        requests: Vec::new(),
        always_more: false,
    }
}

#[test]
fn gathers_every_page_and_drops_page_fields() {
    let mut api = pages();
    let out = run(&mut api, PageOptions::default());
    assert_eq!(
        out,
        json!({"ResourceRecordSets": [{"Name": "a"}, {"Name": "b"}, {"Name": "c"}, {"Name": "d"}, {"Name": "e"}]})
    );
    assert_eq!(api.requests.len(), 3);
    assert_eq!(
        api.requests[1],
        json!({"HostedZoneId": "Z1", "StartRecordName": "c", "StartRecordType": "A"})
    );
}

#[test]
fn max_items_cuts_and_starting_token_resumes() {
    let mut api = pages();
    let out = run(
        &mut api,
        PageOptions {
            max_items: Some(3),
            page_size: Some(2),
            ..Default::default()
        },
    );
    assert_eq!(
        out["ResourceRecordSets"],
        json!([{"Name": "a"}, {"Name": "b"}, {"Name": "c"}])
    );
    assert_eq!(api.requests[0]["MaxItems"], json!("2"));
    let token = out["NextToken"].as_str().unwrap().to_string();
    let mut api = pages();
    let out = run(
        &mut api,
        PageOptions {
            starting_token: Some(token),
            ..Default::default()
        },
    );
    assert_eq!(
        out,
        json!({"ResourceRecordSets": [{"Name": "d"}, {"Name": "e"}]})
    );
    // A token that is not ours (not base64, or not a JSON object) is
    // refused before any call.
    for bad in ["%%%", "YWJj", ""] {
        assert_eq!(decode_token(bad), None, "{bad}");
    }
}

#[test]
fn a_service_that_never_ends_is_bounded() {
    let mut api = Pages {
        names: vec!["a"],
        requests: Vec::new(),
        always_more: true,
    };
    // No next-record fields: the paginator cannot advance and stops.
    let out = run(&mut api, PageOptions::default());
    assert_eq!(out["ResourceRecordSets"], json!([{"Name": "a"}]));
    assert_eq!(api.requests.len(), 1);
}

/// ListHealthChecks as the API pages it: `Marker` is the id to start
/// at, `NextMarker` the first id of the next page (API
/// `ListHealthChecks`), at most `MaxItems` per page.
struct HealthChecks {
    ids: Vec<&'static str>,
    requests: Vec<Value>,
}

impl AwsApi for HealthChecks {
    fn call(&mut self, _: &str, _: &str, input: &Value, _: CallContext) -> Result<Value, ApiError> {
        self.requests.push(input.clone());
        let max: usize = input["MaxItems"]
            .as_str()
            .and_then(|m| m.parse().ok())
            .unwrap_or(100);
        let start = input["Marker"]
            .as_str()
            .and_then(|m| self.ids.iter().position(|i| *i == m))
            .unwrap_or(0);
        let page: Vec<Value> = self
            .ids
            .iter()
            .skip(start)
            .take(max)
            .map(|i| json!({"Id": i}))
            .collect();
        let mut out =
            json!({"HealthChecks": page, "IsTruncated": false, "MaxItems": max.to_string()});
        if let Some(next) = self.ids.get(start + max) {
            out["IsTruncated"] = json!(true);
            out["NextMarker"] = json!(next);
        }
        Ok(out)
    }
}

#[test]
fn list_health_checks_follows_next_marker() {
    let op = find_op("list-health-checks").unwrap();
    let ctx = CallContext { now: SimTime::ZERO };
    let mut api = HealthChecks {
        ids: vec!["h1", "h2", "h3"],
        requests: Vec::new(),
    };
    let opts = PageOptions {
        page_size: Some(2),
        ..Default::default()
    };
    let out = paginate(
        &mut api,
        op,
        op.paginator.unwrap(),
        Map::new(),
        &opts,
        None,
        ctx,
    )
    .unwrap();
    assert_eq!(
        out,
        json!({"HealthChecks": [{"Id": "h1"}, {"Id": "h2"}, {"Id": "h3"}]})
    );
    assert_eq!(
        api.requests,
        vec![
            json!({"MaxItems": "2"}),
            json!({"MaxItems": "2", "Marker": "h3"})
        ]
    );
    // --max-items 2 with pages of 2 stops at the page boundary and
    // resumes from the marker.
    let opts = PageOptions {
        page_size: Some(2),
        max_items: Some(2),
        ..Default::default()
    };
    let out = paginate(
        &mut api,
        op,
        op.paginator.unwrap(),
        Map::new(),
        &opts,
        None,
        ctx,
    )
    .unwrap();
    let token = decode_token(out["NextToken"].as_str().unwrap()).unwrap();
    assert_eq!(Value::Object(token), json!({"Marker": "h3"}));
}

#[test]
fn base64_round_trips() {
    for s in ["", "a", "ab", "abc", "{\"StartRecordName\": \"x\"}"] {
        assert_eq!(
            base64_decode(&base64_encode(s.as_bytes())).unwrap(),
            s.as_bytes()
        );
    }
    assert_eq!(base64_encode(b"abcd"), "YWJjZA==");
}
