//! Resolver tests over a generated tree: referrals, cross-zone CNAME
//! chains, RFC 2308 negative caching, TTL countdown at exact boundaries,
//! RFC 8767 serve-stale, profiles, routed answers.

use std::net::{IpAddr, Ipv4Addr};

use hickory_proto::rr::{Name, RecordType};
use serde_json::json;

use super::*;
use crate::engine::aws::{AwsApi, CallContext};
use crate::engine::route53::Route53;
use crate::engine::time::SimTime;
use crate::engine::world::{ManagedHost, World};

pub(crate) const GW: &str = "abc123.execute-api.us-east-1.amazonaws.com";

pub(super) fn n(s: &str) -> Name {
    Name::from_ascii(s).unwrap()
}

pub(super) fn secs(s: u64) -> SimTime {
    SimTime::from_secs(s)
}

/// Creates `zone` in `r53` with `records` as (name, type, ttl, value).
pub(crate) fn hosted(r53: &mut Route53, zone: &str, records: &[(&str, &str, u32, &str)]) {
    let ctx = CallContext { now: SimTime::ZERO };
    let out = r53
        .call(
            "route53",
            "CreateHostedZone",
            &json!({"Name": zone, "CallerReference": zone}),
            ctx,
        )
        .unwrap();
    let id = out["HostedZone"]["Id"].as_str().unwrap().to_string();
    let changes: Vec<_> = records
        .iter()
        .map(|(name, t, ttl, v)| {
            json!({"Action": "CREATE", "ResourceRecordSet": {
                "Name": name, "Type": t, "TTL": ttl, "ResourceRecords": [{"Value": v}]}})
        })
        .collect();
    if !changes.is_empty() {
        r53.call(
            "route53",
            "ChangeResourceRecordSets",
            &json!({"HostedZoneId": id, "ChangeBatch": {"Changes": changes}}),
            ctx,
        )
        .unwrap();
    }
}

pub(super) fn world() -> World {
    World {
        seed: 7,
        managed: vec![ManagedHost::api_gateway(GW)],
        ..World::blog()
    }
}

pub(super) fn blog_tree() -> DnsTree {
    let mut r53 = Route53::new(7);
    hosted(
        &mut r53,
        "hello-localstack.com",
        &[
            ("api.hello-localstack.com", "A", 60, "192.168.49.2"),
            (
                "12345.hello-localstack.com",
                "CNAME",
                60,
                "12345.execute-api.localhost.localstack.cloud",
            ),
            ("gw.hello-localstack.com", "CNAME", 300, GW),
            (
                "www.hello-localstack.com",
                "CNAME",
                300,
                "api.hello-localstack.com",
            ),
            ("far.hello-localstack.com", "CNAME", 300, "www.example.com"),
            ("loop1.hello-localstack.com", "CNAME", 300, "loop.hello.io"),
        ],
    );
    hosted(
        &mut r53,
        "hello.io",
        &[
            ("www.hello.io", "A", 120, "198.51.100.80"),
            ("loop.hello.io", "CNAME", 120, "loop1.hello-localstack.com"),
        ],
    );
    DnsTree::build(&r53.zones, &world())
}

pub(super) fn here() -> ClientLocation {
    ClientLocation::default()
}

pub(super) fn resolver(profile: ResolverProfile) -> Resolver {
    Resolver::new(profile, 1, "test")
}

fn who(s: &Step) -> String {
    match (&s.server, s.from_cache) {
        (_, true) => "cache".into(),
        (Some(s), false) => s.name.to_ascii(),
        (None, false) => "resolver".into(),
    }
}

/// RFC 1034 §5.3.3: from an empty cache the resolver walks root → TLD →
/// the zone's awsdns server; within the TTL the cache answers alone.
#[test]
fn api_trace_walks_root_tld_authoritative_then_comes_from_cache() {
    let tree = blog_tree();
    assert!(tree.problems.is_empty(), "{:?}", tree.problems);
    let mut r = resolver(ResolverProfile::honours_ttl());
    let res = r.resolve(
        &tree,
        &n("api.hello-localstack.com"),
        RecordType::A,
        secs(0),
        &here(),
    );
    assert_eq!(res.outcome, ResolvedOutcome::Data);
    assert_eq!(
        res.addresses(),
        vec![IpAddr::V4(Ipv4Addr::new(192, 168, 49, 2))]
    );
    let kinds: Vec<(String, String)> = res
        .steps
        .iter()
        .map(|s| {
            let k = match &s.result {
                StepResult::Referral { cut, .. } => format!("referral {cut}"),
                StepResult::Answer => "answer".to_string(),
                other => format!("{other:?}"),
            };
            (who(s), k)
        })
        .collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert_eq!(
        kinds[0],
        ("a.root-servers.net.".into(), "referral com.".into())
    );
    assert_eq!(
        kinds[1],
        (
            "a.gtld-servers.net.".into(),
            "referral hello-localstack.com.".into()
        )
    );
    assert!(
        kinds[2].0.contains(".awsdns-") && kinds[2].1 == "answer",
        "{kinds:?}"
    );
    assert!(!res.from_cache);
    for s in &res.steps {
        let bytes = s.bytes().expect("every server step carries its message");
        let back = crate::engine::wire::from_bytes(&bytes).unwrap();
        assert_eq!(
            back.queries[0].name().to_ascii(),
            "api.hello-localstack.com."
        );
        assert!(s.dig().unwrap().contains(";; QUESTION SECTION:"));
    }
    let again = r.resolve(
        &tree,
        &n("api.hello-localstack.com"),
        RecordType::A,
        secs(30),
        &here(),
    );
    assert!(again.from_cache);
    assert_eq!(again.steps.len(), 1);
    assert!(again.steps[0].from_cache);
    assert_eq!(again.answer[0].ttl, 30);
}

/// RFC 1034 §5.3.3 step 2: a later name in the same zone starts at the
/// cached delegation, not at the root.
#[test]
fn cached_delegation_skips_root_and_tld() {
    let tree = blog_tree();
    let mut r = resolver(ResolverProfile::honours_ttl());
    r.resolve(
        &tree,
        &n("api.hello-localstack.com"),
        RecordType::A,
        secs(0),
        &here(),
    );
    let res = r.resolve(
        &tree,
        &n("api.hello-localstack.com"),
        RecordType::TXT,
        secs(1),
        &here(),
    );
    assert_eq!(res.outcome, ResolvedOutcome::NoData);
    assert!(res.steps[0].from_cache);
    assert!(
        matches!(&res.steps[0].result, StepResult::Referral { cut, .. } if cut.to_ascii() == "hello-localstack.com.")
    );
    assert_eq!(res.steps.len(), 2);
    assert!(who(&res.steps[1]).contains("awsdns"));
}

/// RFC 1034 §5.2.2: a CNAME into another zone restarts resolution there;
/// `*.localhost.localstack.cloud` answers 127.0.0.1 by wildcard (RFC 4592).
#[test]
fn cross_zone_cname_chains() {
    let tree = blog_tree();
    let mut r = resolver(ResolverProfile::honours_ttl());
    let cases = [
        (
            "12345.hello-localstack.com",
            vec![
                "CNAME 12345.execute-api.localhost.localstack.cloud.",
                "A 127.0.0.1",
            ],
        ),
        (
            "far.hello-localstack.com",
            vec!["CNAME www.example.com.", "A 93.184.216.34"],
        ),
        (
            "www.hello-localstack.com",
            vec!["CNAME api.hello-localstack.com.", "A 192.168.49.2"],
        ),
    ];
    for (q, want) in cases {
        let res = r.resolve(&tree, &n(q), RecordType::A, secs(0), &here());
        let got: Vec<String> = res
            .answer
            .iter()
            .map(|a| {
                format!(
                    "{} {}",
                    a.record_type(),
                    crate::engine::wire::rdata_text(&a.data)
                )
            })
            .collect();
        assert_eq!(got, want, "{q}");
        assert_eq!(res.outcome, ResolvedOutcome::Data, "{q}");
    }
    // The chain into localstack.cloud restarted at the root for `cloud`.
    let res = resolver(ResolverProfile::honours_ttl()).resolve(
        &tree,
        &n("12345.hello-localstack.com"),
        RecordType::A,
        secs(0),
        &here(),
    );
    assert!(res
        .steps
        .iter()
        .any(|s| matches!(&s.result, StepResult::Cname { .. })));
    assert!(res
        .steps
        .iter()
        .any(|s| matches!(&s.result, StepResult::Referral { cut, .. } if cut.to_ascii() == "localstack.cloud.")));
}

/// RFC 1034 §3.6.2: a CNAME loop across two zones ends in SERVFAIL.
#[test]
fn cross_zone_cname_loop_is_servfail() {
    let tree = blog_tree();
    let mut r = resolver(ResolverProfile::honours_ttl());
    let res = r.resolve(
        &tree,
        &n("loop1.hello-localstack.com"),
        RecordType::A,
        secs(0),
        &here(),
    );
    assert_eq!(res.outcome, ResolvedOutcome::ServFail);
}

/// A delegation without glue (hello.io's servers are all outside `io`):
/// the resolver resolves a server name first (RFC 1034 §5.3.3 step 4).
#[test]
fn glueless_delegation_resolves_the_server_name() {
    let tree = blog_tree();
    let mut r = resolver(ResolverProfile::honours_ttl());
    let res = r.resolve(&tree, &n("www.hello.io"), RecordType::A, secs(0), &here());
    assert_eq!(
        res.addresses(),
        vec![IpAddr::V4(Ipv4Addr::new(198, 51, 100, 80))]
    );
    assert!(res
        .steps
        .iter()
        .any(|s| s.qtype == RecordType::A && s.qname.to_ascii().contains(".awsdns-")));
}

/// API Gateway names change address (ManagedKind::ApiGateway); after the
/// TTL the resolver sees the new ones.
#[test]
fn api_gateway_addresses_follow_the_world_clock() {
    let tree = blog_tree();
    let w = world();
    let mut r = resolver(ResolverProfile::honours_ttl());
    let t0 = r.resolve(
        &tree,
        &n("gw.hello-localstack.com"),
        RecordType::A,
        secs(0),
        &here(),
    );
    assert_eq!(t0.addresses(), w.resolve(GW, secs(0)));
    let later = r.resolve(
        &tree,
        &n("gw.hello-localstack.com"),
        RecordType::A,
        secs(3700),
        &here(),
    );
    assert_eq!(later.addresses(), w.resolve(GW, secs(3700)));
    assert_ne!(t0.addresses(), later.addresses());
}

/// Routed answers: the failover clock's answer replaces the static one
/// from the switch instant on (Route 53 DG `dns-failover`).
#[test]
fn routed_answers_follow_the_schedule() {
    let mut view = ScheduledAnswers::default();
    view.names.push(layers_test_name());
    let auth = WithRouting {
        inner: blog_tree(),
        view,
    };
    let mut r = resolver(ResolverProfile::honours_ttl());
    let ip = |s: u64, r: &mut Resolver| {
        r.resolve(
            &auth,
            &n("api.hello-localstack.com"),
            RecordType::A,
            secs(s),
            &here(),
        )
        .addresses()
    };
    assert_eq!(ip(0, &mut r), vec![IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1))]);
    assert_eq!(
        ip(100, &mut r),
        vec![IpAddr::V4(Ipv4Addr::new(192, 0, 2, 2))]
    );
}

fn layers_test_name() -> ScheduledName {
    use hickory_proto::rr::rdata::A;
    use hickory_proto::rr::RData;
    ScheduledName {
        name: n("api.hello-localstack.com."),
        rtype: RecordType::A,
        ttl: 60,
        changes: vec![
            (
                SimTime::ZERO,
                vec![RData::A(A(Ipv4Addr::new(192, 0, 2, 1)))],
            ),
            (secs(90), vec![RData::A(A(Ipv4Addr::new(192, 0, 2, 2)))]),
        ],
    }
}

/// The tree: real root and TLD servers, awsdns addresses, built-ins.
#[test]
fn tree_shape() {
    let tree = blog_tree();
    let root = tree.zones_of("198.41.0.4".parse().unwrap());
    // The root servers also serve root-servers.net, as the real ones do.
    assert_eq!(root, vec![Name::root(), n("root-servers.net.")]);
    let com = tree.zones_of("192.5.6.30".parse().unwrap());
    assert!(com.iter().any(|z| z.to_ascii() == "com."));
    assert!(com.iter().any(|z| z.to_ascii() == "net."));
    let lsc = tree.server_named(&n("ns1.localstack.cloud.")).unwrap();
    assert!(tree
        .zones_of(lsc.ip)
        .iter()
        .any(|z| z.to_ascii() == "localstack.cloud."));
}

/// Route 53 DG `routing-policy-geo`: the client's location (the resolver's,
/// in Route 53's eyes) picks the answer; each location's resolver caches
/// its own.
#[test]
fn geolocation_answers_depend_on_the_client_location() {
    use crate::engine::routing::LatencyTable;
    use crate::engine::sim::Timeline;
    let mut r53 = Route53::new(2);
    hosted(&mut r53, "geo.example.org", &[]);
    let id = r53.zones[0].id.clone();
    let set = |sid: &str, loc: serde_json::Value, ip: &str| {
        json!({"Action": "CREATE", "ResourceRecordSet": {"Name": "www.geo.example.org", "Type": "A",
            "SetIdentifier": sid, "GeoLocation": loc, "TTL": 60, "ResourceRecords": [{"Value": ip}]}})
    };
    r53.call(
        "route53",
        "ChangeResourceRecordSets",
        &json!({"HostedZoneId": id, "ChangeBatch": {"Changes": [
            set("eu", json!({"ContinentCode": "EU"}), "192.0.2.10"),
            set("default", json!({"CountryCode": "*"}), "192.0.2.20")]}}),
        CallContext { now: SimTime::ZERO },
    )
    .unwrap();
    let auth = routed_tree(
        &r53,
        &World::default(),
        Timeline::default(),
        &LatencyTable::default(),
        2,
    );
    let eu = ClientLocation {
        location: "Frankfurt".into(),
        continent: Some("EU".into()),
        country: Some("DE".into()),
        subdivision: None,
    };
    let cases = [
        (eu, "192.0.2.10"),
        (ClientLocation::default(), "192.0.2.20"),
    ];
    for (client, want) in cases {
        let mut r = resolver(ResolverProfile::honours_ttl());
        let res = r.resolve(
            &auth,
            &n("www.geo.example.org"),
            RecordType::A,
            secs(0),
            &client,
        );
        assert_eq!(
            res.addresses(),
            vec![want.parse::<IpAddr>().unwrap()],
            "{client:?}"
        );
    }
}

proptest::proptest! {
    /// Bounded work on any name (RFC 1035 §7: resolvers must bound their
    /// effort): every resolution ends, with at most a few dozen steps.
    #[test]
    fn any_name_resolves_within_bounds(labels in proptest::collection::vec("[a-z0-9*-]{0,12}", 0..6), t in 0u64..4_000_000) {
        let tree = blog_tree();
        let mut r = resolver(ResolverProfile::honours_ttl());
        let mut text = labels.join(".");
        text.push_str(".hello-localstack.com.");
        if let Ok(name) = Name::from_ascii(&text) {
            for qtype in [RecordType::A, RecordType::AAAA, RecordType::NS, RecordType::CNAME] {
                let res = r.resolve(&tree, &name, qtype, SimTime(t), &here());
                proptest::prop_assert!(res.steps.len() <= 64, "{} steps", res.steps.len());
            }
        }
    }
}
