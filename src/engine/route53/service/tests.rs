use serde_json::{json, Value};

use super::*;

fn at(s: u64) -> CallContext {
    CallContext {
        now: SimTime::from_secs(s),
    }
}

fn call(r: &mut Route53, op: &str, input: Value, t: u64) -> Result<Value, ApiError> {
    r.call("route53", op, &input, at(t))
}

fn ok(r: &mut Route53, op: &str, input: Value, t: u64) -> Value {
    call(r, op, input, t).unwrap_or_else(|e| panic!("{op}: {e}"))
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn create(r: &mut Route53, name: &str, reference: &str) -> String {
    let out = ok(
        r,
        "CreateHostedZone",
        json!({"Name": name, "CallerReference": reference}),
        0,
    );
    out["HostedZone"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn a_batch(action: &str, name: &str, ip: &str) -> Value {
    json!({"Changes": [{"Action": action, "ResourceRecordSet": {"Name": name, "Type": "A", "TTL": 60,
        "ResourceRecords": [{"Value": ip}]}}]})
}

/// API `CreateHostedZone` response, keys in the CLI's order; #36 defaults.
#[test]
fn create_hosted_zone_output() {
    let mut r = Route53::new(42);
    let out = ok(
        &mut r,
        "CreateHostedZone",
        json!({"Name": "Hello-LocalStack.com", "CallerReference": "r1",
        "HostedZoneConfig": {"Comment": "demo", "PrivateZone": false}}),
        5,
    );
    assert_eq!(
        keys(&out),
        ["Location", "HostedZone", "ChangeInfo", "DelegationSet"]
    );
    let zone = &out["HostedZone"];
    assert_eq!(
        keys(zone),
        [
            "Id",
            "Name",
            "CallerReference",
            "Config",
            "ResourceRecordSetCount"
        ]
    );
    let id = zone["Id"].as_str().unwrap_or_default();
    assert!(
        id.starts_with("/hostedzone/Z") && id.len() == "/hostedzone/".len() + 21,
        "{id}"
    );
    assert_eq!(
        out["Location"],
        json!(format!("https://route53.amazonaws.com/2013-04-01{id}"))
    );
    assert_eq!(zone["Name"], json!("hello-localstack.com."));
    assert_eq!(
        zone["Config"],
        json!({"Comment": "demo", "PrivateZone": false})
    );
    assert_eq!(keys(&zone["Config"]), ["Comment", "PrivateZone"]);
    assert_eq!(zone["ResourceRecordSetCount"], json!(2));
    assert_eq!(keys(&out["ChangeInfo"]), ["Id", "Status", "SubmittedAt"]);
    assert_eq!(out["ChangeInfo"]["Status"], json!("PENDING"));
    assert_eq!(
        out["ChangeInfo"]["SubmittedAt"],
        json!("2025-01-01T00:00:05.000Z")
    );
    let servers = out["DelegationSet"]["NameServers"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(servers.len(), 4);
    assert!(servers[3]
        .as_str()
        .is_some_and(|s| s.starts_with("ns-") && s.contains(".awsdns-") && s.ends_with(".co.uk")));
    let plain = ok(
        &mut r,
        "CreateHostedZone",
        json!({"Name": "b.com", "CallerReference": "r2"}),
        0,
    );
    assert_eq!(plain["HostedZone"]["Config"], json!({"PrivateZone": false}));
}

/// API `CreateHostedZone` errors.
#[test]
fn create_hosted_zone_errors() {
    let mut r = Route53::new(1);
    create(&mut r, "example.com", "same");
    let cases = [
        (
            json!({"Name": "other.com", "CallerReference": "same"}),
            "HostedZoneAlreadyExists",
        ),
        (
            json!({"Name": "*.example.com", "CallerReference": "w"}),
            "InvalidDomainName",
        ),
        (
            json!({"Name": "a..com", "CallerReference": "e"}),
            "InvalidDomainName",
        ),
        (
            json!({"Name": ".", "CallerReference": "root"}),
            "InvalidDomainName",
        ),
        (json!({"CallerReference": "n"}), "InvalidInput"),
        (json!({"Name": "x.com"}), "InvalidInput"),
    ];
    for (input, code) in cases {
        let err = call(&mut r, "CreateHostedZone", input.clone(), 0)
            .err()
            .map(|e| e.code);
        assert_eq!(err.as_deref(), Some(code), "{input}");
    }
    assert_eq!(r.zones.len(), 1, "failed creates add nothing");
}

/// botocore `fix_route53_ids` (#3): both id forms; NoSuchHostedZone (#22).
#[test]
fn zone_ids_in_both_forms_and_unknown_zones() {
    let mut r = Route53::new(1);
    let id = create(&mut r, "example.com", "r");
    let short = id.trim_start_matches("/hostedzone/").to_string();
    for form in [&id, &short] {
        let got = ok(&mut r, "GetHostedZone", json!({"Id": form}), 0);
        assert_eq!(keys(&got), ["HostedZone", "DelegationSet"]);
    }
    ok(
        &mut r,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": short, "ChangeBatch": a_batch("CREATE", "a.example.com", "192.0.2.1")}),
        0,
    );
    ok(
        &mut r,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": id, "ChangeBatch": a_batch("CREATE", "b.example.com", "192.0.2.1")}),
        0,
    );
    let err = call(
        &mut r,
        "GetHostedZone",
        json!({"Id": "/hostedzone/ZNOPE"}),
        0,
    )
    .err();
    assert_eq!(
        err,
        Some(ApiError::new(
            "NoSuchHostedZone",
            "No hosted zone found with ID: ZNOPE"
        ))
    );
    let err = call(
        &mut r,
        "ListResourceRecordSets",
        json!({"HostedZoneId": "ZNOPE"}),
        0,
    )
    .err()
    .map(|e| e.code);
    assert_eq!(err.as_deref(), Some("NoSuchHostedZone"));
}

/// API `ChangeResourceRecordSets` / `GetChange` (#2): PENDING for 60 s of
/// simulated time, then INSYNC; the batch comment is echoed.
#[test]
fn changes_go_insync_after_sixty_seconds() {
    let mut r = Route53::new(1);
    let id = create(&mut r, "example.com", "r");
    let mut batch = a_batch("CREATE", "www.example.com", "192.0.2.1");
    batch["Comment"] = json!("first");
    let out = ok(
        &mut r,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": id, "ChangeBatch": batch}),
        100,
    );
    let info = &out["ChangeInfo"];
    assert_eq!(keys(info), ["Id", "Status", "SubmittedAt", "Comment"]);
    assert_eq!(info["Comment"], json!("first"));
    let change_id = info["Id"].as_str().unwrap_or_default().to_string();
    assert!(change_id.starts_with("/change/C"));
    let status = |r: &mut Route53, id: &str, t| {
        ok(r, "GetChange", json!({"Id": id}), t)["ChangeInfo"]["Status"].clone()
    };
    assert_eq!(status(&mut r, &change_id, 159), json!("PENDING"));
    assert_eq!(status(&mut r, &change_id, 160), json!("INSYNC"));
    assert_eq!(
        status(&mut r, change_id.trim_start_matches("/change/"), 160),
        json!("INSYNC")
    );
    let err = call(&mut r, "GetChange", json!({"Id": "CNOPE"}), 0)
        .err()
        .map(|e| e.code);
    assert_eq!(err.as_deref(), Some("NoSuchChange"));
}

/// API `ListResourceRecordSets`: MaxItems pages with IsTruncated and the
/// Next* keys; Start* resumes.
#[test]
fn list_pages() {
    let mut r = Route53::new(1);
    let id = create(&mut r, "example.com", "r");
    ok(
        &mut r,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": id, "ChangeBatch": a_batch("CREATE", "www.example.com", "192.0.2.1")}),
        0,
    );
    let all = ok(
        &mut r,
        "ListResourceRecordSets",
        json!({"HostedZoneId": id}),
        0,
    );
    assert_eq!(keys(&all), ["ResourceRecordSets"]);
    let types: Vec<&Value> = all["ResourceRecordSets"]
        .as_array()
        .map(|a| a.iter().map(|s| &s["Type"]).collect())
        .unwrap_or_default();
    assert_eq!(types, [&json!("NS"), &json!("SOA"), &json!("A")]);
    let page = ok(
        &mut r,
        "ListResourceRecordSets",
        json!({"HostedZoneId": id, "MaxItems": "2"}),
        0,
    );
    assert_eq!(
        keys(&page),
        [
            "ResourceRecordSets",
            "IsTruncated",
            "NextRecordName",
            "NextRecordType",
            "MaxItems"
        ]
    );
    assert_eq!(
        (
            &page["IsTruncated"],
            &page["NextRecordName"],
            &page["NextRecordType"],
            &page["MaxItems"]
        ),
        (
            &json!(true),
            &json!("www.example.com."),
            &json!("A"),
            &json!("2")
        )
    );
    let rest = ok(
        &mut r,
        "ListResourceRecordSets",
        json!({"HostedZoneId": id, "MaxItems": "2",
        "StartRecordName": "www.example.com.", "StartRecordType": "A"}),
        0,
    );
    assert_eq!(rest["ResourceRecordSets"].as_array().map(Vec::len), Some(1));
    assert_eq!(rest["IsTruncated"], json!(false));
    assert_eq!(
        keys(&rest),
        ["ResourceRecordSets", "IsTruncated", "MaxItems"]
    );
    let bad = call(
        &mut r,
        "ListResourceRecordSets",
        json!({"HostedZoneId": id, "MaxItems": "0"}),
        0,
    )
    .err()
    .map(|e| e.code);
    assert_eq!(bad.as_deref(), Some("InvalidInput"));
    // "If you specify Type but not Name ... InvalidInput".
    let input = json!({"HostedZoneId": id, "StartRecordType": "A"});
    let bad = call(&mut r, "ListResourceRecordSets", input, 0).err();
    assert_eq!(bad.map(|e| e.code).as_deref(), Some("InvalidInput"));
}

/// API `DeleteHostedZone`: HostedZoneNotEmpty while it holds more than the
/// apex SOA and NS; ListHostedZones in creation order.
#[test]
fn delete_and_list_hosted_zones() {
    let mut r = Route53::new(1);
    let id = create(&mut r, "example.com", "r1");
    create(&mut r, "another.org", "r2");
    let names: Vec<Value> = ok(&mut r, "ListHostedZones", json!({}), 0)["HostedZones"]
        .as_array()
        .map(|a| a.iter().map(|z| z["Name"].clone()).collect())
        .unwrap_or_default();
    assert_eq!(names, [json!("example.com."), json!("another.org.")]);
    ok(
        &mut r,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": id, "ChangeBatch": a_batch("CREATE", "www.example.com", "192.0.2.1")}),
        0,
    );
    let err = call(&mut r, "DeleteHostedZone", json!({"Id": id}), 0).err();
    assert_eq!(
        err,
        Some(ApiError::new(
            "HostedZoneNotEmpty",
            messages::HOSTED_ZONE_NOT_EMPTY
        ))
    );
    ok(
        &mut r,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": id, "ChangeBatch": a_batch("DELETE", "www.example.com", "192.0.2.1")}),
        0,
    );
    let out = ok(&mut r, "DeleteHostedZone", json!({"Id": id}), 0);
    assert_eq!(keys(&out["ChangeInfo"]), ["Id", "Status", "SubmittedAt"]);
    assert_eq!(r.zones.len(), 1);
    let err = call(&mut r, "DeleteHostedZone", json!({"Id": id}), 0)
        .err()
        .map(|e| e.code);
    assert_eq!(err.as_deref(), Some("NoSuchHostedZone"));
}

/// Health checks named by change batches must exist (NoSuchHealthCheck);
/// one made by CreateHealthCheck can be named.
#[test]
fn created_health_checks_can_be_named() {
    let mut r = Route53::new(1);
    let id = create(&mut r, "example.com", "r");
    let mut batch = a_batch("CREATE", "www.example.com", "192.0.2.1");
    batch["Changes"][0]["ResourceRecordSet"]["HealthCheckId"] = json!("hc-1");
    let input = json!({"HostedZoneId": id, "ChangeBatch": batch});
    let err = call(&mut r, "ChangeResourceRecordSets", input.clone(), 0)
        .err()
        .map(|e| e.code);
    assert_eq!(err.as_deref(), Some("NoSuchHealthCheck"));
    let hc = ok(
        &mut r,
        "CreateHealthCheck",
        json!({"CallerReference": "hc", "HealthCheckConfig": {"Type": "TCP", "IPAddress": "192.0.2.1", "Port": 22}}),
        0,
    );
    let hc_id = hc["HealthCheck"]["Id"].as_str().unwrap_or_default();
    batch["Changes"][0]["ResourceRecordSet"]["HealthCheckId"] = json!(hc_id);
    let input = json!({"HostedZoneId": id, "ChangeBatch": batch});
    ok(&mut r, "ChangeResourceRecordSets", input, 0);
}

/// The state round-trips through JSON, and ids replay from the seed.
#[test]
fn state_round_trips_and_replays() {
    let run = || {
        let mut r = Route53::new(9);
        let id = create(&mut r, "example.com", "r");
        ok(
            &mut r,
            "ChangeResourceRecordSets",
            json!({"HostedZoneId": id, "ChangeBatch": a_batch("CREATE", "www.example.com", "192.0.2.1")}),
            0,
        );
        r
    };
    let r = run();
    assert_eq!(r, run());
    let text = serde_json::to_string(&r).unwrap_or_default();
    let back: Route53 = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, r);
}

/// `AwsApi::call`: "Unknown operations answer an `ApiError` with code
/// `InvalidAction`" (src/engine/aws.rs).
#[test]
fn unknown_operations_and_services() {
    let mut r = Route53::new(1);
    let code =
        |r: &mut Route53, s: &str, op: &str| r.call(s, op, &json!({}), at(0)).err().map(|e| e.code);
    assert_eq!(
        code(&mut r, "route53", "CreateTrafficPolicy").as_deref(),
        Some("InvalidAction")
    );
    assert_eq!(
        code(&mut r, "s3", "ListBuckets").as_deref(),
        Some("InvalidAction")
    );
}
