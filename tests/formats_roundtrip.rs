//! Issue 7's round trips, on every preset's zones and a zone with every
//! shape: every exported awslocal script, run by the
//! console, rebuilds the same zone; every exported zone file re-imports to
//! the same records; change batches and zone-file imports go through the
//! Route 53 validator.

use dnsplay::console::Console;
use dnsplay::engine::aws::{AwsApi, CallContext};
use dnsplay::engine::route53::{HostedZone, RecordData, Route53, Routing};
use dnsplay::engine::time::SimTime;
use dnsplay::engine::wire::rdata_text;
use dnsplay::scenario::formats::awslocal::export_awslocal;
use dnsplay::scenario::formats::bind::{export_bind, import_bind, plain_zone};
use dnsplay::scenario::formats::change_batch::{
    export_change_batch_json, parse_change_batch, zone_from_change_batch, ImportError,
};
use dnsplay::scenario::formats::terraform::export_terraform;
use dnsplay::scenario::formats::zonefile::import_zone;
use dnsplay::scenario::presets::{route53_failover, PRESETS};
use hickory_proto::rr::Record;
use serde_json::{json, Value};

fn call(r53: &mut Route53, op: &str, input: Value) -> Value {
    r53.call("route53", op, &input, CallContext { now: SimTime::ZERO })
        .unwrap_or_else(|e| panic!("{op}: {e}"))
}

/// A zone with every record type and routing policy the exporters handle,
/// quotes and a `'` in TXT, and an alias to a name of the same zone.
fn rich_service() -> Route53 {
    let mut r53 = Route53::new(5);
    let hc = call(
        &mut r53,
        "CreateHealthCheck",
        json!({"CallerReference": "web-check", "HealthCheckConfig": {
            "IPAddress": "192.0.2.10", "Port": 443, "Type": "HTTPS_STR_MATCH",
            "ResourcePath": "/health", "SearchString": "ok ${x}", "FullyQualifiedDomainName": "web.example.com"}}),
    )["HealthCheck"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let zone = call(
        &mut r53,
        "CreateHostedZone",
        json!({"Name": "example.com", "CallerReference": "rich", "HostedZoneConfig": {"Comment": "all shapes"}}),
    );
    let id = zone["HostedZone"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let set = |v: Value| json!({"Action": "CREATE", "ResourceRecordSet": v});
    call(
        &mut r53,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": id, "ChangeBatch": {"Changes": [
            set(json!({"Name": "example.com", "Type": "MX", "TTL": 300, "ResourceRecords": [{"Value": "10 mail.example.com"}, {"Value": "20 mx2.example.net."}]})),
            set(json!({"Name": "example.com", "Type": "TXT", "TTL": 300, "ResourceRecords": [{"Value": "\"v=spf1 -all\""}, {"Value": "\"it's \\\"quoted\\\"\""}]})),
            set(json!({"Name": "mail.example.com", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.25"}]})),
            set(json!({"Name": "mail.example.com", "Type": "AAAA", "TTL": 60, "ResourceRecords": [{"Value": "2001:db8::25"}]})),
            set(json!({"Name": "www.example.com", "Type": "CNAME", "TTL": 300, "ResourceRecords": [{"Value": "web.example.com"}]})),
            set(json!({"Name": "_sip._tcp.example.com", "Type": "SRV", "TTL": 300, "ResourceRecords": [{"Value": "10 5 5060 sip.example.com"}]})),
            set(json!({"Name": "example.com", "Type": "CAA", "TTL": 300, "ResourceRecords": [{"Value": "0 issue \"letsencrypt.org\""}]})),
            set(json!({"Name": "web.example.com", "Type": "A", "SetIdentifier": "blue", "Weight": 70, "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.10"}], "HealthCheckId": hc})),
            set(json!({"Name": "web.example.com", "Type": "A", "SetIdentifier": "green", "Weight": 30, "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.11"}]})),
            set(json!({"Name": "lat.example.com", "Type": "A", "SetIdentifier": "eu", "Region": "eu-west-1", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.30"}]})),
            set(json!({"Name": "geo.example.com", "Type": "A", "SetIdentifier": "de", "GeoLocation": {"CountryCode": "DE"}, "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.40"}]})),
            set(json!({"Name": "geo.example.com", "Type": "A", "SetIdentifier": "any", "GeoLocation": {"CountryCode": "*"}, "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.41"}]})),
            set(json!({"Name": "multi.example.com", "Type": "A", "SetIdentifier": "m1", "MultiValueAnswer": true, "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.50"}]})),
            set(json!({"Name": "apex-alias.example.com", "Type": "A", "AliasTarget": {"HostedZoneId": id.trim_start_matches("/hostedzone/"), "DNSName": "mail.example.com", "EvaluateTargetHealth": false}})),
        ]}}),
    );
    r53
}

/// Every service the round trips run on: the rich zone, then each preset
/// the playground's pages start from (its zones are exported one by one).
fn services() -> Vec<(String, Route53)> {
    let mut out = vec![("rich".to_string(), rich_service())];
    for p in PRESETS {
        let s = (p.build)(1).unwrap_or_else(|e| panic!("{}: {e}", p.name));
        out.push((p.name.to_string(), s.route53));
    }
    out
}

fn blog_service() -> Route53 {
    route53_failover::build(1)
        .unwrap_or_else(|e| panic!("{e}"))
        .route53
}

/// A set as comparable JSON: its health check replaced by the check's
/// configuration, an alias into its own zone by `SELF` (ids differ between
/// services; what they point at must not).
fn comparable(r53: &Route53, zone: &HostedZone) -> Vec<Value> {
    zone.sets()
        .map(|s| {
            let mut v = serde_json::to_value(s.to_model()).unwrap_or(Value::Null);
            if let Some(h) = &s.health_check_id {
                let config = r53
                    .health_check(h)
                    .map(|c| serde_json::to_value(&c.health_check_config).unwrap_or(Value::Null));
                v["HealthCheckId"] = json!(config);
            }
            if let RecordData::Alias(a) = &s.data {
                if a.hosted_zone_id.trim_start_matches("/hostedzone/") == zone.id {
                    v["AliasTarget"]["HostedZoneId"] = json!("SELF");
                }
            }
            v
        })
        .filter(|v| v["Type"] != "NS" && v["Type"] != "SOA")
        .collect()
}

#[test]
fn awslocal_scripts_rebuild_the_same_zone() {
    let all = services();
    let cases = all
        .iter()
        .flat_map(|(label, r53)| r53.zones.iter().map(move |z| (label, r53, z)));
    let mut n = 0;
    for (label, r53, zone) in cases {
        n += 1;
        let script = export_awslocal(r53, zone);
        let mut console = Console::new(Route53::new(99));
        let out = console.run_script(&script);
        assert_eq!(out.status, 0, "{label}: {}\n{script}", out.stderr);
        assert_eq!(out.stderr, "", "{label}");
        let rebuilt = console.into_api();
        assert_eq!(rebuilt.zones.len(), 1, "{label}");
        assert_eq!(rebuilt.zones[0].name, zone.name, "{label}");
        assert_eq!(
            comparable(&rebuilt, &rebuilt.zones[0]),
            comparable(r53, zone),
            "{label}:\n{script}"
        );
    }
    assert!(
        n > PRESETS.len(),
        "every preset has a zone, plus the rich one"
    );
}

/// Records in a fixed order: owner, type, RDATA in presentation format.
fn sorted(records: Vec<Record>) -> Vec<(String, u16, u32, String)> {
    let mut v: Vec<_> = records
        .iter()
        .map(|r| {
            (
                r.name.to_string(),
                u16::from(r.record_type()),
                r.ttl,
                rdata_text(&r.data),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn zone_files_reimport_to_the_same_records() {
    for (label, r53) in services() {
        for zone in &r53.zones {
            zone_file_round_trip(&label, zone);
        }
    }
}

/// A zone's BIND export re-imports to the records the zone holds.
fn zone_file_round_trip(label: &str, zone: &HostedZone) {
    let text = export_bind(zone).unwrap_or_else(|e| panic!("{label}: {e}"));
    let again = import_zone(&text, None).unwrap_or_else(|e| panic!("{label}: {e}\n{text}"));
    let want = plain_zone(zone).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        sorted(again.records()),
        sorted(want.records()),
        "{label}:\n{text}"
    );
    // The routed sets are named in comments.
    for set in zone.sets().filter(|s| s.routing != Routing::Simple) {
        let id = set.routing.set_id().unwrap_or_default();
        assert!(
            text.contains(&format!("set {id}: ")),
            "{label}: {id}\n{text}"
        );
    }
}

/// A zone file imports as a change batch the validator accepts, giving the
/// same simple sets; one Route 53 refuses comes back with its message.
#[test]
fn zone_file_import_goes_through_the_validator() {
    let r53 = rich_service();
    let zone = &r53.zones[0];
    let text = export_bind(zone).unwrap_or_else(|e| panic!("{e}"));
    let batch = import_bind(&text, None).unwrap_or_else(|e| panic!("{e}"));
    let imported =
        zone_from_change_batch("example.com", &batch, 3).unwrap_or_else(|e| panic!("{e}"));
    let simple = |r: &Route53, z: &HostedZone| -> Vec<Value> {
        comparable(r, z)
            .into_iter()
            .filter(|v| v.get("SetIdentifier").is_none() && v.get("AliasTarget").is_none())
            .collect()
    };
    let mut got = simple(&imported, &imported.zones[0]);
    let mut want = simple(&r53, zone);
    // Values are compared as presentation text: the import writes them as
    // dig prints them (fully qualified), the original as submitted.
    let canon = |v: &mut Vec<Value>| {
        for s in v.iter_mut() {
            if let Some(rrs) = s.get_mut("ResourceRecords").and_then(Value::as_array_mut) {
                for r in rrs.iter_mut() {
                    let t = r["Value"]
                        .as_str()
                        .unwrap_or_default()
                        .trim_end_matches('.')
                        .to_string();
                    r["Value"] = json!(t);
                }
                rrs.sort_by_key(|r| r["Value"].to_string());
            }
        }
    };
    canon(&mut got);
    canon(&mut want);
    assert_eq!(got, want);

    // HINFO loads in BIND (RFC 1035 §3.3.2) but Route 53 has no such type.
    let hinfo = "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\nbox HINFO \"PC\" \"Linux\"\n";
    let batch = import_bind(hinfo, None).unwrap_or_else(|e| panic!("{e}"));
    match zone_from_change_batch("example.com", &batch, 3) {
        Err(ImportError::Api(e)) => assert!(e.message.contains("HINFO"), "{e}"),
        other => panic!("HINFO accepted: {other:?}"),
    }
}

#[test]
fn change_batches_round_trip() {
    let r53 = rich_service();
    let zone = &r53.zones[0];
    let text = export_change_batch_json(zone);
    let batch = parse_change_batch(&text).unwrap_or_else(|e| panic!("{e}"));
    // The batch names the original health check: give the new service one.
    let mut fresh = Route53::new(8);
    for check in &r53.health_checks {
        fresh.health_checks.push(check.clone());
    }
    let created = call(
        &mut fresh,
        "CreateHostedZone",
        json!({"Name": "example.com", "CallerReference": "again"}),
    );
    let id = created["HostedZone"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    // The alias names the original zone id; point it at the new one.
    let text = text.replace(&zone.id, id.trim_start_matches("/hostedzone/"));
    let batch2 = parse_change_batch(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        batch.changes.as_ref().map(Vec::len),
        batch2.changes.as_ref().map(Vec::len)
    );
    dnsplay::scenario::formats::change_batch::apply_change_batch(&mut fresh, &id, &batch2)
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(comparable(&fresh, &fresh.zones[0]), comparable(&r53, zone));
    // A misspelt member is named with its path.
    match parse_change_batch(
        r#"{"Changes": [{"Action": "CREATE", "ResourceRecordSet": {"Nme": "x"}}]}"#,
    ) {
        Err(ImportError::Json { path, .. }) => assert_eq!(path, "Changes[0].ResourceRecordSet.Nme"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn terraform_names_every_set_and_check() {
    let r53 = rich_service();
    let tf = export_terraform(&r53, &r53.zones[0]);
    for want in [
        "resource \"aws_route53_zone\" \"example_com\" {\n  name = \"example.com\"\n  comment = \"all shapes\"\n}",
        "resource \"aws_route53_health_check\" \"web_check\" {\n  ip_address = \"192.0.2.10\"\n  port = 443\n  type = \"HTTPS_STR_MATCH\"",
        "  search_string = \"ok $${x}\"\n",
        "  set_identifier = \"blue\"\n  ttl = 60\n  records = [\"192.0.2.10\"]\n  weighted_routing_policy {\n    weight = 70\n  }\n  health_check_id = aws_route53_health_check.web_check.id\n",
        "  latency_routing_policy {\n    region = \"eu-west-1\"\n  }\n",
        "  geolocation_routing_policy {\n    country = \"DE\"\n  }\n",
        "  multivalue_answer_routing_policy = true\n",
        // The provider adds the outer quotes of a TXT value itself.
        r#"  records = ["v=spf1 -all", "it's \\\"quoted\\\""]"#,
        "  alias {\n    name = \"mail.example.com.\"\n    zone_id = aws_route53_zone.example_com.zone_id\n    evaluate_target_health = false\n  }\n",
    ] {
        assert!(tf.contains(want), "missing {want}\n{tf}");
    }
    let sets = r53.zones[0].sets().count() - 2; // without apex SOA and NS
    assert_eq!(tf.matches("resource \"aws_route53_record\"").count(), sets);
    let blog = blog_service();
    let tf = export_terraform(&blog, &blog.zones[0]);
    assert!(tf.contains("  failover_routing_policy {\n    type = \"PRIMARY\"\n  }\n  health_check_id = aws_route53_health_check.app_a_health.id\n"), "{tf}");
}
