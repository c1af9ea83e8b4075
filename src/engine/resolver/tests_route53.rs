//! Resolver tests of Route 53's own answers: aliases to AWS resources and
//! routed names whose routing answers nothing, through the generated tree
//! and the failover clock's layer.

use std::net::{IpAddr, Ipv4Addr};

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::rdata::A;
use hickory_proto::rr::{RData, RecordType};
use serde_json::{json, Value};

use super::tests::{blog_tree, here, hosted, n, resolver, secs};
use super::*;
use crate::engine::aws::{AwsApi, CallContext};
use crate::engine::route53::Route53;
use crate::engine::routing::LatencyTable;
use crate::engine::sim::Timeline;
use crate::engine::time::SimTime;
use crate::engine::world::{HostName, World};

const ALB: &str = "web-1.us-east-1.elb.amazonaws.com";

fn change(r53: &mut Route53, sets: Vec<Value>) {
    let id = r53.zones[0].id.clone();
    let changes: Vec<Value> = sets
        .into_iter()
        .map(|s| json!({"Action": "CREATE", "ResourceRecordSet": s}))
        .collect();
    r53.call(
        "route53",
        "ChangeResourceRecordSets",
        &json!({"HostedZoneId": id, "ChangeBatch": {"Changes": changes}}),
        CallContext { now: SimTime::ZERO },
    )
    .unwrap_or_else(|e| panic!("{e}"));
}

/// `shop.example.org`: `lb` an alias to a load balancer the world knows,
/// `geo` geolocation records for Europe and the US and no default.
fn service() -> (Route53, World) {
    let mut r53 = Route53::new(4);
    hosted(&mut r53, "shop.example.org", &[]);
    let geo = |sid: &str, loc: Value, ip: &str| {
        json!({"Name": "geo.shop.example.org", "Type": "A", "SetIdentifier": sid,
            "GeoLocation": loc, "TTL": 60, "ResourceRecords": [{"Value": ip}]})
    };
    change(
        &mut r53,
        vec![
            json!({"Name": "lb.shop.example.org", "Type": "A", "AliasTarget":
                {"HostedZoneId": "Z35SXDOTRQ7X7K", "DNSName": ALB, "EvaluateTargetHealth": false}}),
            geo("eu", json!({"ContinentCode": "EU"}), "192.0.2.10"),
            geo("us", json!({"CountryCode": "US"}), "192.0.2.20"),
        ],
    );
    let world = World {
        names: vec![HostName {
            name: ALB.into(),
            addresses: vec![IpAddr::V4(Ipv4Addr::new(192, 0, 2, 61))],
        }],
        ..World::default()
    };
    (r53, world)
}

fn tokyo() -> ClientLocation {
    ClientLocation {
        location: "Tokyo".into(),
        continent: Some("AS".into()),
        country: Some("JP".into()),
        subdivision: None,
    }
}

fn shapes(records: &[hickory_proto::rr::Record]) -> Vec<String> {
    records
        .iter()
        .map(|r| format!("{} {} {}", r.name, r.ttl, r.record_type()))
        .collect()
}

/// DG `resource-record-sets-choosing-alias-non-alias`: the zone's servers
/// answer an alias to a load balancer with its addresses under the alias's
/// name, TTL 60 s, so a recursive query gets them in one step from the
/// hosted zone — through the static tree and through the failover layer.
#[test]
fn a_recursive_query_for_an_alias_to_a_load_balancer_gets_its_addresses() {
    let (r53, world) = service();
    let tree = DnsTree::build(&r53.zones, &world);
    let routed = routed_tree(
        &r53,
        &world,
        Timeline::default(),
        &LatencyTable::default(),
        4,
    );
    let sources: [&dyn Authorities; 2] = [&tree, &routed];
    for auth in sources {
        let mut r = resolver(ResolverProfile::honours_ttl());
        let res = r.resolve(
            auth,
            &n("lb.shop.example.org"),
            RecordType::A,
            secs(0),
            &here(),
        );
        assert_eq!(res.rcode(), ResponseCode::NoError);
        assert_eq!(shapes(&res.answer), ["lb.shop.example.org. 60 A"]);
        assert_eq!(res.addresses(), [IpAddr::V4(Ipv4Addr::new(192, 0, 2, 61))]);
        let v6 = r.resolve(
            auth,
            &n("lb.shop.example.org"),
            RecordType::AAAA,
            secs(0),
            &here(),
        );
        assert_eq!(v6.outcome, ResolvedOutcome::NoData);
    }
}

/// DG `routing-policy-geo`: no record for Tokyo and no default: "no
/// answer", i.e. NOERROR with an empty answer and the zone's SOA (RFC 2308
/// §2.2, negative TTL min(900, 86400) = 900), never NXDOMAIN (RFC 8020);
/// a European client gets its record.
#[test]
fn geolocation_without_a_match_or_default_resolves_to_nodata() {
    let (r53, world) = service();
    let auth = routed_tree(
        &r53,
        &world,
        Timeline::default(),
        &LatencyTable::default(),
        4,
    );
    let mut r = resolver(ResolverProfile::honours_ttl());
    let res = r.resolve(
        &auth,
        &n("geo.shop.example.org"),
        RecordType::A,
        secs(0),
        &tokyo(),
    );
    assert_eq!(res.rcode(), ResponseCode::NoError);
    assert_eq!(res.outcome, ResolvedOutcome::NoData);
    assert!(res.answer.is_empty());
    assert_eq!(shapes(&res.authority), ["shop.example.org. 900 SOA"]);
    assert_eq!(res.ttl(), 900);
    let eu = ClientLocation {
        location: "Frankfurt".into(),
        continent: Some("EU".into()),
        country: Some("DE".into()),
        subdivision: None,
    };
    let mut r = resolver(ResolverProfile::honours_ttl());
    let res = r.resolve(
        &auth,
        &n("geo.shop.example.org"),
        RecordType::A,
        secs(0),
        &eu,
    );
    assert_eq!(res.addresses(), [IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10))]);
}

/// RFC 2308 §2.2 both ways: when the routed answer turns empty the
/// authority section becomes the zone's SOA (negative TTL), and when an
/// answer comes back it carries the zone's NS set again (Route 53 DG
/// `DNSBehavior`).
#[test]
fn a_routed_answer_that_turns_empty_carries_the_soa() {
    let view = ScheduledAnswers {
        names: vec![ScheduledName {
            name: n("api.hello-localstack.com."),
            rtype: RecordType::A,
            ttl: 60,
            changes: vec![
                (
                    SimTime::ZERO,
                    vec![RData::A(A(Ipv4Addr::new(192, 0, 2, 1)))],
                ),
                (secs(90), vec![]),
            ],
        }],
    };
    let tree = blog_tree();
    let server = tree
        .servers()
        .into_iter()
        .find(|s| {
            tree.zones_of(s.ip)
                .iter()
                .any(|z| z.to_ascii() == "hello-localstack.com.")
        })
        .unwrap_or_else(|| panic!("no server for the zone"));
    let auth = WithRouting { inner: tree, view };
    let ask = |t: u64| {
        auth.ask(
            server.ip,
            &n("api.hello-localstack.com."),
            RecordType::A,
            secs(t),
            &here(),
        )
        .unwrap_or_else(|| panic!("no answer"))
    };
    let before = ask(89);
    assert_eq!(shapes(&before.answer), ["api.hello-localstack.com. 60 A"]);
    assert_eq!(
        shapes(&before.authority),
        ["hello-localstack.com. 172800 NS"; 4]
    );
    let after = ask(90);
    assert_eq!(after.rcode, ResponseCode::NoError);
    assert_eq!(after.outcome, crate::engine::lookup::Outcome::NoData);
    assert!(after.answer.is_empty() && after.additional.is_empty());
    assert_eq!(shapes(&after.authority), ["hello-localstack.com. 900 SOA"]);
}

/// DG `routing-policy-geo` through [`served_tree`]: Route 53's servers
/// answer as the snapshot for one client at one instant, so a European
/// client's tree gives the EU record and a Tokyo client's tree "no answer"
/// (NODATA with the SOA); the location the resolver passes per ask does
/// not change a snapshot, nor does the time it asks at.
#[test]
fn a_served_tree_answers_for_the_client_it_was_built_for() {
    use crate::engine::route53::routing_view::RoutingContext;
    let (r53, world) = service();
    let latency = LatencyTable::default();
    let eu = ClientLocation {
        location: "Frankfurt".into(),
        continent: Some("EU".into()),
        country: Some("DE".into()),
        subdivision: None,
    };
    let health = std::collections::BTreeMap::new();
    let tree_for = |client: &ClientLocation| {
        let ctx = RoutingContext {
            world: &world,
            client,
            latency: &latency,
            seed: 4,
        };
        served_tree(&r53, SimTime::ZERO, &health, &ctx)
    };
    let eu_tree = tree_for(&eu);
    let tokyo_tree = tree_for(&tokyo());
    for (tree, asker, at, want) in [
        (&eu_tree, eu.clone(), 0, Some([192, 0, 2, 10])),
        (&eu_tree, tokyo(), 500, Some([192, 0, 2, 10])),
        (&tokyo_tree, tokyo(), 0, None),
        (&tokyo_tree, eu.clone(), 500, None),
    ] {
        let mut r = resolver(ResolverProfile::honours_ttl());
        let res = r.resolve(
            tree,
            &n("geo.shop.example.org"),
            RecordType::A,
            secs(at),
            &asker,
        );
        assert_eq!(res.rcode(), ResponseCode::NoError);
        match want {
            Some(ip) => assert_eq!(res.addresses(), [IpAddr::V4(Ipv4Addr::from(ip))]),
            None => {
                assert_eq!(res.outcome, ResolvedOutcome::NoData);
                assert_eq!(shapes(&res.authority), ["shop.example.org. 900 SOA"]);
            }
        }
    }
    // The simple alias still answers with the balancer's addresses.
    let mut r = resolver(ResolverProfile::honours_ttl());
    let lb = r.resolve(
        &eu_tree,
        &n("lb.shop.example.org"),
        RecordType::A,
        secs(0),
        &eu,
    );
    assert_eq!(lb.addresses(), [IpAddr::V4(Ipv4Addr::new(192, 0, 2, 61))]);
}
