use serde_json::{json, Value};

use super::*;
use crate::engine::aws::{AwsApi, CallContext};
use crate::engine::health::messages as hmsg;
use crate::engine::world::Fault;

fn call(r: &mut Route53, op: &str, input: Value, secs: u64) -> Result<Value, ApiError> {
    let ctx = CallContext {
        now: SimTime::from_secs(secs),
    };
    r.call("route53", op, &input, ctx)
}

fn ok(r: &mut Route53, op: &str, input: Value) -> Value {
    call(r, op, input, 0).unwrap_or_else(|e| panic!("{op}: {e}"))
}

fn err(r: &mut Route53, op: &str, input: Value) -> (String, String) {
    match call(r, op, input, 0) {
        Ok(v) => panic!("{op} succeeded: {v}"),
        Err(e) => (e.code, e.message),
    }
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn blog_config(port: u16) -> Value {
    json!({"IPAddress": "192.168.49.2", "Port": port, "Type": "HTTP",
        "ResourcePath": "/actuator/health", "RequestInterval": 10, "FailureThreshold": 3})
}

fn create(r: &mut Route53, reference: &str, config: Value) -> String {
    let out = ok(
        r,
        "CreateHealthCheck",
        json!({"CallerReference": reference, "HealthCheckConfig": config}),
    );
    out["HealthCheck"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// API `CreateHealthCheck` response: Location and HealthCheck{Id,
/// CallerReference, HealthCheckConfig, HealthCheckVersion}, the config
/// with Route 53's defaults filled in; the id has the UUID shape.
#[test]
fn create_output_as_the_cli_prints_it() {
    let mut r = Route53::new(7);
    let out = ok(
        &mut r,
        "CreateHealthCheck",
        json!({"CallerReference": "app-a", "HealthCheckConfig": {"Type": "HTTPS", "FullyQualifiedDomainName": "api.example.com"}}),
    );
    assert_eq!(keys(&out), ["Location", "HealthCheck"]);
    let hc = &out["HealthCheck"];
    assert_eq!(
        keys(hc),
        [
            "Id",
            "CallerReference",
            "HealthCheckConfig",
            "HealthCheckVersion"
        ]
    );
    let id = hc["Id"].as_str().unwrap_or_default();
    assert_eq!(
        out["Location"],
        json!(format!(
            "https://route53.amazonaws.com/2013-04-01/healthcheck/{id}"
        ))
    );
    let groups: Vec<usize> = id.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{id}");
    assert!(id
        .bytes()
        .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    assert_eq!(hc["HealthCheckVersion"], json!(1));
    assert_eq!(
        hc["HealthCheckConfig"],
        json!({"Port": 443, "Type": "HTTPS", "FullyQualifiedDomainName": "api.example.com",
            "RequestInterval": 30, "FailureThreshold": 3, "MeasureLatency": false,
            "Inverted": false, "Disabled": false, "EnableSNI": true})
    );
    // Ids replay from the seed.
    let mut again = Route53::new(7);
    let same = create(
        &mut again,
        "app-a",
        json!({"Type": "HTTPS", "FullyQualifiedDomainName": "api.example.com"}),
    );
    assert_eq!(same, id);
}

/// Each row: a request and the error code and message it gets, from
/// engine::health's rules and API `CreateHealthCheck`.
#[test]
fn create_rejections() {
    let rows: Vec<(Value, &str, String)> = vec![
        (
            json!({"HealthCheckConfig": blog_config(30001)}),
            "InvalidInput",
            "1 validation error detected: Value 'null' at 'callerReference' failed to satisfy constraint: Member must not be null".into(),
        ),
        (
            json!({"CallerReference": "x".repeat(65), "HealthCheckConfig": blog_config(30001)}),
            "InvalidInput",
            format!("1 validation error detected: Value '{}' at 'callerReference' failed to satisfy constraint: Member must have length between 1 and 64", "x".repeat(65)),
        ),
        (
            json!({"CallerReference": "r"}),
            "InvalidInput",
            "1 validation error detected: Value 'null' at 'healthCheckConfig' failed to satisfy constraint: Member must not be null".into(),
        ),
        (
            json!({"CallerReference": "r", "HealthCheckConfig": {"Type": "TCP", "IPAddress": "203.0.113.5"}}),
            "InvalidInput",
            hmsg::TCP_NEEDS_PORT.into(),
        ),
        (
            json!({"CallerReference": "r", "HealthCheckConfig": {"Type": "HTTP", "IPAddress": "203.0.113.5", "RequestInterval": 20}}),
            "InvalidInput",
            hmsg::REQUEST_INTERVAL.into(),
        ),
        (
            json!({"CallerReference": "r", "HealthCheckConfig": {"Type": "HTTP", "IPAddress": "203.0.113.5", "FailureThreshold": 11}}),
            "ParamValidation",
            "Parameter validation failed:\nInvalid value for parameter HealthCheckConfig.FailureThreshold, value: 11, valid max value: 10".into(),
        ),
        (
            json!({"CallerReference": "r", "HealthCheckConfig": {"Type": "CALCULATED", "ChildHealthChecks": ["nope"]}}),
            "NoSuchHealthCheck",
            messages::no_such_health_check("nope"),
        ),
    ];
    for (input, code, message) in rows {
        let mut r = Route53::new(1);
        assert_eq!(
            err(&mut r, "CreateHealthCheck", input.clone()),
            (code.to_string(), message),
            "{input}"
        );
        assert!(r.health_checks.is_empty());
    }
    let mut r = Route53::new(1);
    let bad = err(
        &mut r,
        "CreateHealthCheck",
        json!({"CallerReference": "r", "HealthCheckConfig": {"Type": "HTTP", "Bogus": 1}}),
    );
    assert_eq!(bad.0, "InvalidInput");
    assert!(bad.1.contains("unknown field `Bogus`"), "{}", bad.1);
}

/// API `CreateHealthCheck`: the same CallerReference with the same settings
/// returns the existing check; other settings, or a deleted check's
/// reference, give HealthCheckAlreadyExists.
#[test]
fn caller_reference_rules() {
    let mut r = Route53::new(1);
    let id = create(&mut r, "a", blog_config(30001));
    assert_eq!(create(&mut r, "a", blog_config(30001)), id);
    assert_eq!(r.health_checks.len(), 1);
    let exists = (
        "HealthCheckAlreadyExists".to_string(),
        messages::health_check_exists("a"),
    );
    assert_eq!(
        err(
            &mut r,
            "CreateHealthCheck",
            json!({"CallerReference": "a", "HealthCheckConfig": blog_config(30002)})
        ),
        exists
    );
    ok(&mut r, "DeleteHealthCheck", json!({"HealthCheckId": id}));
    assert_eq!(
        err(
            &mut r,
            "CreateHealthCheck",
            json!({"CallerReference": "a", "HealthCheckConfig": blog_config(30001)})
        ),
        exists
    );
}

/// Get, List and Delete; NoSuchHealthCheck for unknown ids.
#[test]
fn get_list_delete() {
    let mut r = Route53::new(1);
    let a = create(&mut r, "a", blog_config(30001));
    let b = create(&mut r, "b", blog_config(30002));
    let got = ok(&mut r, "GetHealthCheck", json!({"HealthCheckId": a}));
    assert_eq!(keys(&got), ["HealthCheck"]);
    assert_eq!(got["HealthCheck"]["CallerReference"], json!("a"));
    let list = ok(&mut r, "ListHealthChecks", json!({}));
    let ids: Vec<&str> = list["HealthChecks"]
        .as_array()
        .map(|l| l.iter().filter_map(|h| h["Id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ids, [a.as_str(), b.as_str()]);
    assert_eq!(
        ok(&mut r, "DeleteHealthCheck", json!({"HealthCheckId": a})),
        json!({})
    );
    for op in [
        "GetHealthCheck",
        "DeleteHealthCheck",
        "GetHealthCheckStatus",
    ] {
        assert_eq!(
            err(&mut r, op, json!({"HealthCheckId": a})),
            (
                "NoSuchHealthCheck".to_string(),
                messages::no_such_health_check(&a)
            ),
            "{op}"
        );
    }
}

/// API `DeleteHealthCheck`: HealthCheckInUse while a record set names the
/// check or a calculated check lists it; deletable once the record is gone.
#[test]
fn delete_refused_while_in_use() {
    let mut r = Route53::new(1);
    let hc = create(&mut r, "a", blog_config(30001));
    let zone = ok(
        &mut r,
        "CreateHostedZone",
        json!({"Name": "example.com", "CallerReference": "z"}),
    );
    let zone_id = zone["HostedZone"]["Id"].as_str().unwrap_or_default();
    let set = json!({"Name": "api.example.com", "Type": "A", "SetIdentifier": "app-a",
        "Failover": "PRIMARY", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}],
        "HealthCheckId": hc});
    let batch = |action: &str| json!({"HostedZoneId": zone_id, "ChangeBatch": {"Changes": [{"Action": action, "ResourceRecordSet": set}]}});
    ok(&mut r, "ChangeResourceRecordSets", batch("CREATE"));
    let in_use = err(&mut r, "DeleteHealthCheck", json!({"HealthCheckId": hc}));
    assert_eq!(
        in_use,
        (
            "HealthCheckInUse".to_string(),
            messages::health_check_in_use(
                &hc,
                "[name='api.example.com.', type='A', set-identifier='app-a']"
            )
        )
    );
    ok(&mut r, "ChangeResourceRecordSets", batch("DELETE"));
    let parent = create(
        &mut r,
        "calc",
        json!({"Type": "CALCULATED", "ChildHealthChecks": [hc], "HealthThreshold": 1}),
    );
    assert_eq!(
        err(&mut r, "DeleteHealthCheck", json!({"HealthCheckId": hc})),
        (
            "HealthCheckInUse".to_string(),
            messages::health_check_is_child(&hc, &parent)
        )
    );
    assert_eq!(
        err(
            &mut r,
            "CreateHealthCheck",
            json!({"CallerReference": "calc2", "HealthCheckConfig": {"Type": "CALCULATED", "ChildHealthChecks": [parent]}})
        ),
        (
            "InvalidInput".to_string(),
            messages::calculated_child(&parent)
        )
    );
    ok(
        &mut r,
        "DeleteHealthCheck",
        json!({"HealthCheckId": parent}),
    );
    ok(&mut r, "DeleteHealthCheck", json!({"HealthCheckId": hc}));
    assert!(r.health_checks.is_empty());
}

/// API `GetHealthCheckStatus`: one observation per checker (8 default
/// regions x 2 checkers), each the checker's latest result at the call's
/// time; app-a DOWN at 30 s makes every checker report the 503 by 41 s.
#[test]
fn status_reads_the_attached_world_at_the_call_time() {
    let mut r = Route53::new(1);
    let hc = create(&mut r, "a", blog_config(30001));
    let faults = vec![TimedFault {
        at: SimTime::from_secs(30),
        fault: Fault::AppDown {
            app: "app-a".into(),
        },
    }];
    r.attach_world(World::blog(), faults, SimOptions::default());
    let status = |r: &mut Route53, secs| {
        call(
            r,
            "GetHealthCheckStatus",
            json!({"HealthCheckId": hc}),
            secs,
        )
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let early = status(&mut r, 0);
    assert_eq!(early, json!({"HealthCheckObservations": []}));
    let before = status(&mut r, 29);
    let obs = before["HealthCheckObservations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(obs.len(), 16);
    let first = &obs[0];
    assert_eq!(keys(first), ["Region", "IPAddress", "StatusReport"]);
    assert_eq!(first["Region"], json!("ap-northeast-1"));
    assert_eq!(first["IPAddress"], json!("15.177.48.1"));
    let texts = |v: &Value| -> Vec<String> {
        v["HealthCheckObservations"]
            .as_array()
            .map(|l| {
                l.iter()
                    .map(|o| {
                        o["StatusReport"]["Status"]
                            .as_str()
                            .unwrap_or("")
                            .to_string()
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(texts(&before).iter().all(|t| t.starts_with("Success")));
    // Every checker's cycle is 10.04 s, so by 30 + 10.04 + 0.04 s each has
    // had its first post-fault answer.
    let after = status(&mut r, 41);
    assert!(
        texts(&after).iter().all(|t| t.contains("503")),
        "{:?}",
        texts(&after)
    );
    // The explicit helper gives the same answer without an attachment.
    let mut bare = r.clone();
    bare.world = None;
    let attached = r.world.clone().unwrap_or_default();
    assert_eq!(
        bare.health_check_status(
            &hc,
            &attached.world,
            &attached.faults,
            &attached.options,
            SimTime::from_secs(41)
        ),
        Ok(after)
    );
}

/// RFC 9562 §5.4 layout: version nibble 4, variant 10xx.
#[test]
fn uuid_version_and_variant() {
    for n in 0..32 {
        let id = new_health_check_id(&mut SimRng::derive(3, &format!("x{n}")));
        let b = id.as_bytes();
        assert_eq!(b[14], b'4', "{id}");
        assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'), "{id}");
    }
}

/// API `ListHealthChecks`: `MaxItems` checks a page, `NextMarker` is the id
/// the next page starts with, and `Marker` continues from it.
#[test]
fn list_health_checks_pages_with_marker_and_max_items() {
    let mut r = Route53::new(1);
    let ids: Vec<String> = (0..3)
        .map(|i| create(&mut r, &format!("ref-{i}"), blog_config(30001 + i)))
        .collect();
    let all = ok(&mut r, "ListHealthChecks", json!({}));
    assert_eq!(
        keys(&all),
        ["HealthChecks", "Marker", "IsTruncated", "MaxItems"]
    );
    assert_eq!(all["HealthChecks"].as_array().map(Vec::len), Some(3));
    assert_eq!(all["MaxItems"], "100");

    let first = ok(&mut r, "ListHealthChecks", json!({"MaxItems": "2"}));
    let listed: Vec<&str> = first["HealthChecks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["Id"].as_str())
        .collect();
    assert_eq!(listed, [ids[0].as_str(), ids[1].as_str()]);
    assert_eq!(first["IsTruncated"], true);
    assert_eq!(first["NextMarker"], ids[2].as_str());

    let second = ok(
        &mut r,
        "ListHealthChecks",
        json!({"MaxItems": "2", "Marker": ids[2]}),
    );
    assert_eq!(second["HealthChecks"][0]["Id"], ids[2].as_str());
    assert_eq!(second["IsTruncated"], false);
    assert!(second.get("NextMarker").is_none());

    let (code, message) = err(&mut r, "ListHealthChecks", json!({"Marker": "nope"}));
    assert_eq!(code, "InvalidInput");
    assert!(message.contains("nope"), "{message}");
    let (code, _) = err(&mut r, "ListHealthChecks", json!({"MaxItems": "0"}));
    assert_eq!(code, "InvalidInput");
}
