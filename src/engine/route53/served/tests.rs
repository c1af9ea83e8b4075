//! Route 53's served answers: aliases to AWS resources and routed names
//! whose routing answers nothing, with exact RCODE and sections.

use std::net::{IpAddr, Ipv4Addr};

use hickory_proto::op::ResponseCode;
use serde_json::{json, Value};

use super::*;
use crate::engine::aws::{AwsApi, CallContext};
use crate::engine::lookup::{Outcome, StepKind};
use crate::engine::routing::{Client, LatencyTable};
use crate::engine::wire::zone_line;
use crate::engine::world::{HostName, World};

const ALB_1: &str = "app-1.us-east-1.elb.amazonaws.com";
const ALB_2: &str = "app-2.us-east-1.elb.amazonaws.com";
/// The alias `HostedZoneId` of load balancers in us-east-1.
const ELB_ZONE: &str = "Z35SXDOTRQ7X7K";

fn call(r: &mut Route53, op: &str, input: Value) -> Value {
    r.call("route53", op, &input, CallContext { now: SimTime::ZERO })
        .unwrap_or_else(|e| panic!("{op}: {e}"))
}

fn health_check(r: &mut Route53, reference: &str) -> String {
    let out = call(
        r,
        "CreateHealthCheck",
        json!({"CallerReference": reference, "HealthCheckConfig": {"IPAddress": "192.0.2.99",
            "Port": 80, "Type": "HTTP", "ResourcePath": "/", "RequestInterval": 10,
            "FailureThreshold": 3}}),
    );
    out["HealthCheck"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn alb(name: &str) -> Value {
    json!({"HostedZoneId": ELB_ZONE, "DNSName": name, "EvaluateTargetHealth": false})
}

fn value(ip: &str) -> Value {
    json!([{ "Value": ip }])
}

/// `example.com` with aliases to load balancers, geolocation records
/// without a default, weighted records all at weight 0, a failover pair
/// and latency records, every routed record behind a health check; the
/// checks' ids in creation order.
fn service() -> (Route53, Vec<String>) {
    let mut r = Route53::new(1);
    let checks: Vec<String> = (0..8)
        .map(|i| health_check(&mut r, &format!("hc{i}")))
        .collect();
    let zone = call(
        &mut r,
        "CreateHostedZone",
        json!({"Name": "example.com", "CallerReference": "z"}),
    );
    let id = zone["HostedZone"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let routed = |name: &str, set: &str, policy: (&str, Value), ip: &str, hc: &str| {
        let mut s = json!({"Name": name, "Type": "A", "SetIdentifier": set, "TTL": 60,
            "ResourceRecords": value(ip), "HealthCheckId": hc});
        s[policy.0] = policy.1;
        s
    };
    let sets = vec![
        json!({"Name": "app.example.com", "Type": "A", "AliasTarget": alb(ALB_1)}),
        json!({"Name": "ghost.example.com", "Type": "A",
            "AliasTarget": alb("gone.us-east-1.elb.amazonaws.com")}),
        json!({"Name": "pair.example.com", "Type": "A", "SetIdentifier": "one",
            "Failover": "PRIMARY", "HealthCheckId": checks[0], "AliasTarget": alb(ALB_1)}),
        json!({"Name": "pair.example.com", "Type": "A", "SetIdentifier": "two",
            "Failover": "SECONDARY", "AliasTarget": alb(ALB_2)}),
        routed(
            "geo.example.com",
            "europe",
            ("GeoLocation", json!({"ContinentCode": "EU"})),
            "198.51.100.1",
            &checks[1],
        ),
        routed(
            "geo.example.com",
            "us",
            ("GeoLocation", json!({"CountryCode": "US"})),
            "198.51.100.2",
            &checks[2],
        ),
        routed(
            "w.example.com",
            "a",
            ("Weight", json!(0)),
            "192.0.2.1",
            &checks[3],
        ),
        routed(
            "w.example.com",
            "b",
            ("Weight", json!(0)),
            "192.0.2.2",
            &checks[4],
        ),
        routed(
            "f.example.com",
            "p",
            ("Failover", json!("PRIMARY")),
            "192.0.2.11",
            &checks[5],
        ),
        routed(
            "f.example.com",
            "s",
            ("Failover", json!("SECONDARY")),
            "192.0.2.12",
            &checks[6],
        ),
        routed(
            "lat.example.com",
            "use1",
            ("Region", json!("us-east-1")),
            "192.0.2.21",
            &checks[7],
        ),
    ];
    let changes: Vec<Value> = sets
        .into_iter()
        .map(|s| json!({"Action": "CREATE", "ResourceRecordSet": s}))
        .collect();
    call(
        &mut r,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": id, "ChangeBatch": {"Changes": changes}}),
    );
    (r, checks)
}

fn world() -> World {
    let v4 = |ips: &[[u8; 4]]| ips.iter().map(|o| IpAddr::V4(Ipv4Addr::from(*o))).collect();
    World {
        names: vec![
            HostName {
                name: ALB_1.into(),
                addresses: v4(&[[192, 0, 2, 41], [192, 0, 2, 42]]),
            },
            HostName {
                name: ALB_2.into(),
                addresses: v4(&[[192, 0, 2, 51]]),
            },
        ],
        ..World::default()
    }
}

fn tokyo() -> Client {
    Client {
        location: "Tokyo".into(),
        continent: Some("AS".into()),
        country: Some("JP".into()),
        subdivision: None,
    }
}

fn ask(r: &Route53, name: &str, qtype: RecordType, health: &BTreeMap<String, bool>) -> Answer {
    let (world, client, latency) = (world(), tokyo(), LatencyTable::default());
    let ctx = RoutingContext {
        world: &world,
        client: &client,
        latency: &latency,
        seed: 1,
    };
    let qname = Name::from_ascii(name).unwrap_or_else(|e| panic!("{e}"));
    let served = served_answer(r, &qname, qtype, SimTime::ZERO, health, &ctx);
    assert!(served.broken.is_empty(), "{:?}", served.broken);
    served.answer
}

fn lines(records: &[Record]) -> Vec<String> {
    records.iter().map(zone_line).collect()
}

/// The types and TTLs of a section (`"example.com. 900 SOA"`): the data
/// of the apex SOA and NS sets depends on the seed's name servers.
fn shapes(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .map(|r| format!("{} {} {}", r.name, r.ttl, r.record_type()))
        .collect()
}

const NS_SET: [&str; 4] = ["example.com. 172800 NS"; 4];
/// RFC 2308 §3: the negative TTL is min(SOA TTL 900, MINIMUM 86400).
const NEG_SOA: [&str; 1] = ["example.com. 900 SOA"];

/// DG `resource-record-sets-choosing-alias-non-alias` and API `TTL`: an
/// alias to an AWS resource is answered by Route 53 itself, as A records
/// of the alias's own name holding the resource's addresses, TTL 60 s (the
/// load balancer's); an alias answers only its own type (AAAA: NODATA); a
/// resource without addresses: NODATA. A routed alias pair answers the
/// chosen member's resource (DG `dns-failover-types`).
#[test]
fn an_alias_to_an_aws_resource_answers_with_the_resources_addresses() {
    let (r, checks) = service();
    let healthy = BTreeMap::from([(checks[0].clone(), true)]);
    let unhealthy = BTreeMap::from([(checks[0].clone(), false)]);
    type Row<'a> = (
        &'a str,
        RecordType,
        &'a BTreeMap<String, bool>,
        &'a [&'a str],
        &'a [&'a str],
    );
    let rows: [Row; 5] = [
        (
            "app.example.com.",
            RecordType::A,
            &healthy,
            &[
                "app.example.com. 60 IN A 192.0.2.41",
                "app.example.com. 60 IN A 192.0.2.42",
            ],
            &NS_SET,
        ),
        (
            "app.example.com.",
            RecordType::AAAA,
            &healthy,
            &[],
            &NEG_SOA,
        ),
        ("ghost.example.com.", RecordType::A, &healthy, &[], &NEG_SOA),
        (
            "pair.example.com.",
            RecordType::A,
            &healthy,
            &[
                "pair.example.com. 60 IN A 192.0.2.41",
                "pair.example.com. 60 IN A 192.0.2.42",
            ],
            &NS_SET,
        ),
        (
            "pair.example.com.",
            RecordType::A,
            &unhealthy,
            &["pair.example.com. 60 IN A 192.0.2.51"],
            &NS_SET,
        ),
    ];
    for (name, qtype, health, answer, authority) in rows {
        let a = ask(&r, name, qtype, health);
        let rule = format!("{name} {qtype}");
        assert_eq!(a.rcode, ResponseCode::NoError, "{rule}");
        assert!(a.authoritative, "{rule}");
        assert_eq!(lines(&a.answer), answer, "{rule}: {:#?}", a.trace);
        assert_eq!(shapes(&a.authority), authority, "{rule}");
        assert!(a.additional.is_empty(), "{rule}");
    }
    let app = ask(&r, "app.example.com.", RecordType::A, &healthy);
    assert!(
        app.trace.iter().any(|s| s.kind == StepKind::Rule
            && s.text.contains("alias to the AWS resource")
            && s.text.contains("an Elastic Load Balancing load balancer")
            && s.text.contains("TTL 60 s")),
        "{:#?}",
        app.trace
    );
    let ghost = ask(&r, "ghost.example.com.", RecordType::A, &healthy);
    assert!(
        ghost
            .trace
            .iter()
            .any(|s| s.text.contains("which has no A addresses here")),
        "{:#?}",
        ghost.trace
    );
}

/// DG `routing-policy-geo`: with no record for the client's location and
/// no default record, "Route 53 returns a 'no answer' response": NOERROR,
/// empty Answer, the SOA in Authority (RFC 2308 §2.2 NODATA), never
/// NXDOMAIN, as the name exists (RFC 8020) — for every type at the name.
/// DG `health-checks-how-route-53-chooses-records`: weighted, failover and
/// latency sets always answer ("If no record is healthy, all records are
/// healthy"; weight 0 everywhere shares traffic equally; both failover
/// records unhealthy: the PRIMARY).
#[test]
fn routing_that_answers_nothing_is_nodata_and_other_policies_always_answer() {
    let (r, checks) = service();
    let all_down: BTreeMap<String, bool> = checks.iter().map(|c| (c.clone(), false)).collect();
    for qtype in [RecordType::A, RecordType::AAAA, RecordType::TXT] {
        let a = ask(&r, "geo.example.com.", qtype, &all_down);
        assert_eq!(a.rcode, ResponseCode::NoError, "{qtype}");
        assert_eq!(a.outcome, Outcome::NoData, "{qtype}");
        assert!(a.authoritative, "{qtype}");
        assert!(a.answer.is_empty(), "{qtype}");
        assert_eq!(shapes(&a.authority), NEG_SOA, "{qtype}");
        assert!(a.additional.is_empty(), "{qtype}");
    }
    let geo = ask(&r, "geo.example.com.", RecordType::A, &all_down);
    assert!(
        geo.trace
            .iter()
            .any(|s| s.rule == "RFC 8020 §2; Route 53 DG routing-policy-geo"),
        "{:#?}",
        geo.trace
    );
    // A name below it still does not exist.
    let below = ask(&r, "x.geo.example.com.", RecordType::A, &all_down);
    assert_eq!(below.rcode, ResponseCode::NXDomain);
    assert_eq!(shapes(&below.authority), NEG_SOA);
    let rows = [
        ("w.example.com.", 1),
        ("f.example.com.", 1),
        ("lat.example.com.", 1),
    ];
    for (name, count) in rows {
        let a = ask(&r, name, RecordType::A, &all_down);
        assert_eq!(a.rcode, ResponseCode::NoError, "{name}");
        assert_eq!(a.outcome, Outcome::Data, "{name}");
        assert_eq!(a.answer.len(), count, "{name}");
        assert_eq!(shapes(&a.authority), NS_SET, "{name}");
    }
    assert_eq!(
        lines(&ask(&r, "f.example.com.", RecordType::A, &all_down).answer),
        ["f.example.com. 60 IN A 192.0.2.11"]
    );
}
