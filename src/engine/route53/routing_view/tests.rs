use serde_json::{json, Value};

use super::*;
use crate::engine::aws::{AwsApi, CallContext};
use crate::engine::sim::SimOptions;
use crate::engine::world::{Fault, ManagedHost, TimedFault};

fn call(r: &mut Route53, op: &str, input: Value) -> Value {
    r.call("route53", op, &input, CallContext { now: SimTime::ZERO })
        .unwrap_or_else(|e| panic!("{op}: {e}"))
}

fn hc(r: &mut Route53, reference: &str, port: u16) -> String {
    let out = call(
        r,
        "CreateHealthCheck",
        json!({"CallerReference": reference, "HealthCheckConfig": {"IPAddress": "192.168.49.2",
            "Port": port, "Type": "HTTP", "ResourcePath": "/actuator/health",
            "RequestInterval": 10, "FailureThreshold": 3}}),
    );
    out["HealthCheck"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn zone(r: &mut Route53) -> String {
    let out = call(
        r,
        "CreateHostedZone",
        json!({"Name": "example.com", "CallerReference": "z"}),
    );
    out["HostedZone"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn change(r: &mut Route53, zone: &str, sets: Vec<Value>) {
    let changes: Vec<Value> = sets
        .into_iter()
        .map(|s| json!({"Action": "CREATE", "ResourceRecordSet": s}))
        .collect();
    call(
        r,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": zone, "ChangeBatch": {"Changes": changes}}),
    );
}

fn failover(name: &str, id: &str, role: &str, ip: &str, hc: Option<&str>) -> Value {
    let mut s = json!({"Name": name, "Type": "A", "SetIdentifier": id, "Failover": role,
        "TTL": 60, "ResourceRecords": [{"Value": ip}]});
    if let Some(h) = hc {
        s["HealthCheckId"] = json!(h);
    }
    s
}

fn ctx<'a>(world: &'a World, client: &'a Client, latency: &'a LatencyTable) -> RoutingContext<'a> {
    RoutingContext {
        world,
        client,
        latency,
        seed: 1,
    }
}

fn chosen_ids(a: &QueryAnswer) -> Vec<String> {
    match &a.answer {
        Answer::Records { chosen, .. } => chosen.clone(),
        Answer::NoData { .. } => vec![],
    }
}

/// DG failover through the zone: PRIMARY while its check is healthy, the
/// SECONDARY from the instant it turns unhealthy; the answer changes at the
/// status change's exact millisecond.
#[test]
fn failover_through_the_zone() {
    let mut r = Route53::new(1);
    let a = hc(&mut r, "a", 30001);
    let b = hc(&mut r, "b", 30002);
    let z = zone(&mut r);
    change(
        &mut r,
        &z,
        vec![
            failover("api.example.com", "app-a", "PRIMARY", "192.0.2.1", Some(&a)),
            failover(
                "api.example.com",
                "app-b",
                "SECONDARY",
                "192.0.2.2",
                Some(&b),
            ),
        ],
    );
    let faults = [TimedFault {
        at: SimTime::from_secs(30),
        fault: Fault::AppDown {
            app: "app-a".into(),
        },
    }];
    let world = World::blog();
    let t = r
        .run_health_checks(
            &world,
            &faults,
            SimTime::from_secs(120),
            &SimOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let down = t
        .status_changes(&a)
        .find(|c| !c.1)
        .map(|c| c.0)
        .unwrap_or_else(|| panic!("app-a never unhealthy"));
    let (client, latency) = (Client::default(), LatencyTable::default());
    let c = ctx(&world, &client, &latency);
    let q = [Query::new("API.example.com", "a")];
    let changes = answers_over_time(&r, &t, &q, &c).unwrap_or_else(|e| panic!("{e}"));
    let seen: Vec<(SimTime, Vec<String>)> = changes.iter().map(|x| (x.at, chosen_ids(x))).collect();
    assert_eq!(
        seen,
        [
            (SimTime::ZERO, vec!["app-a".to_string()]),
            (down, vec!["app-b".to_string()])
        ]
    );
    assert_eq!(changes[0].name, "api.example.com.");
    assert_eq!(format!("/hostedzone/{}", changes[0].zone_id), z);
    // One millisecond before: still the PRIMARY.
    let just_before = SimTime(down.as_millis() - 1);
    let before = answer_at(&r, &t, &q[0], just_before, &c).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(chosen_ids(&before), ["app-a"]);
    // The chosen set is the stored one, for the DNS side.
    let zone = r.zone(&z).unwrap_or_else(|| panic!("zone"));
    let name = parse_name("api.example.com").unwrap_or_else(|e| panic!("{e:?}"));
    let sets = chosen_sets(zone, &name, RecordType::A, &changes[1].answer);
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0].values()[0].text, "192.0.2.2");
}

/// "Records without a health check are always healthy": a PRIMARY with no
/// check keeps answering whatever the timeline says.
#[test]
fn primary_without_check_never_moves() {
    let mut r = Route53::new(1);
    let b = hc(&mut r, "b", 30002);
    let z = zone(&mut r);
    change(
        &mut r,
        &z,
        vec![
            failover("api.example.com", "app-a", "PRIMARY", "192.0.2.1", None),
            failover(
                "api.example.com",
                "app-b",
                "SECONDARY",
                "192.0.2.2",
                Some(&b),
            ),
        ],
    );
    let mut health = BTreeMap::new();
    health.insert(b, true);
    let world = World::default();
    let (client, latency) = (Client::default(), LatencyTable::default());
    let a = route(
        &r,
        &Query::new("api.example.com", "A"),
        SimTime::ZERO,
        &health,
        &ctx(&world, &client, &latency),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(chosen_ids(&a), ["app-a"]);
}

/// API `AliasTarget.EvaluateTargetHealth`: a failover alias to an in-zone
/// set inherits its health; an alias to an AWS name answers the addresses
/// the world gives that name.
#[test]
fn aliases_in_zone_and_to_aws() {
    let mut r = Route53::new(1);
    let a = hc(&mut r, "a", 30001);
    let z = zone(&mut r);
    let zone_id = r.zones[0].id.clone();
    change(
        &mut r,
        &z,
        vec![
            json!({"Name": "blue.example.com", "Type": "A", "TTL": 60,
                "ResourceRecords": [{"Value": "192.0.2.10"}], "HealthCheckId": a,
                "SetIdentifier": "blue", "Weight": 1}),
            json!({"Name": "www.example.com", "Type": "A", "SetIdentifier": "main", "Failover": "PRIMARY",
                "AliasTarget": {"HostedZoneId": zone_id, "DNSName": "blue.example.com", "EvaluateTargetHealth": true}}),
            json!({"Name": "www.example.com", "Type": "A", "SetIdentifier": "backup", "Failover": "SECONDARY",
                "AliasTarget": {"HostedZoneId": "Z2FDTNDATAQYW2", "DNSName": "abc123.execute-api.us-east-1.amazonaws.com", "EvaluateTargetHealth": false}}),
        ],
    );
    let world = World {
        managed: vec![ManagedHost::api_gateway(
            "abc123.execute-api.us-east-1.amazonaws.com",
        )],
        ..World::default()
    };
    let (client, latency) = (Client::default(), LatencyTable::default());
    let c = ctx(&world, &client, &latency);
    let q = Query::new("www.example.com", "A");
    let mut health = BTreeMap::new();
    health.insert(a.clone(), true);
    let up = route(&r, &q, SimTime::ZERO, &health, &c).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&up.answer, Answer::Records { chosen, values, .. }
        if chosen == &["main"] && values == &["192.0.2.10"]),
        "{up:?}"
    );
    health.insert(a, false);
    let down = route(&r, &q, SimTime::ZERO, &health, &c).unwrap_or_else(|e| panic!("{e}"));
    let gateway: Vec<String> = world
        .resolve("abc123.execute-api.us-east-1.amazonaws.com", SimTime::ZERO)
        .iter()
        .map(|ip| ip.to_string())
        .collect();
    assert!(
        matches!(&down.answer, Answer::Records { chosen, values, .. }
        if chosen == &["backup"] && values == &gateway),
        "{down:?}"
    );
}

/// Each row: a query and the error it gets.
#[test]
fn query_errors() {
    let mut r = Route53::new(1);
    zone(&mut r);
    let world = World::default();
    let (client, latency) = (Client::default(), LatencyTable::default());
    let c = ctx(&world, &client, &latency);
    let rows = [
        (
            Query::new("api.other.org", "A"),
            "no hosted zone contains api.other.org.",
        ),
        (
            Query::new("api.example.com", "NOPE"),
            "query type 'NOPE' is not a DNS record type",
        ),
    ];
    for (q, want) in rows {
        let got = route(&r, &q, SimTime::ZERO, &BTreeMap::new(), &c).map(|a| a.answer);
        assert_eq!(
            got.map_err(|e| e.to_string()),
            Err(want.to_string()),
            "{q:?}"
        );
    }
    let bad = route(
        &r,
        &Query::new("a..b", "A"),
        SimTime::ZERO,
        &BTreeMap::new(),
        &c,
    );
    assert!(matches!(bad, Err(ViewError::BadName { .. })), "{bad:?}");
    // A name in the zone with nothing there: NODATA, not an error.
    let empty = route(
        &r,
        &Query::new("nothing.example.com", "A"),
        SimTime::ZERO,
        &BTreeMap::new(),
        &c,
    );
    assert!(matches!(empty.map(|a| a.answer), Ok(Answer::NoData { .. })));
}
