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

fn n(s: &str) -> Name {
    Name::from_ascii(s).unwrap()
}

fn secs(s: u64) -> SimTime {
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

pub(crate) fn world() -> World {
    World {
        seed: 7,
        managed: vec![ManagedHost::api_gateway(GW)],
        ..World::blog()
    }
}

pub(crate) fn blog_tree() -> DnsTree {
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

fn here() -> ClientLocation {
    ClientLocation::default()
}

fn resolver(profile: ResolverProfile) -> Resolver {
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

/// RFC 2308 §5: NXDOMAIN and NODATA cached for min(SOA TTL 900, MINIMUM
/// 86400) = 900 s (Route 53's default SOA); NXDOMAIN covers every type,
/// NODATA only its own; exact at 899.999 s / 900 s.
#[test]
fn negative_caching_uses_the_soa_minimum() {
    let tree = blog_tree();
    let mut r = resolver(ResolverProfile::honours_ttl());
    let nx = r.resolve(
        &tree,
        &n("nope.hello-localstack.com"),
        RecordType::A,
        secs(0),
        &here(),
    );
    assert_eq!(nx.outcome, ResolvedOutcome::NxDomain);
    assert_eq!(nx.authority[0].ttl, 900);
    let nd = r.resolve(
        &tree,
        &n("api.hello-localstack.com"),
        RecordType::AAAA,
        secs(0),
        &here(),
    );
    assert_eq!(nd.outcome, ResolvedOutcome::NoData);
    let cases = [
        (
            "nope.hello-localstack.com",
            RecordType::MX,
            899_999,
            ResolvedOutcome::NxDomain,
            true,
        ),
        (
            "nope.hello-localstack.com",
            RecordType::A,
            900_000,
            ResolvedOutcome::NxDomain,
            false,
        ),
        (
            "api.hello-localstack.com",
            RecordType::AAAA,
            899_999,
            ResolvedOutcome::NoData,
            true,
        ),
        (
            "api.hello-localstack.com",
            RecordType::AAAA,
            900_000,
            ResolvedOutcome::NoData,
            false,
        ),
    ];
    for (q, t, at, outcome, cached) in cases {
        let res = r.resolve(&tree, &n(q), t, SimTime(at), &here());
        assert_eq!(res.outcome, outcome, "{q} {t} at {at}");
        let answered_by_cache = res.steps.last().is_some_and(|s| s.from_cache);
        assert_eq!(answered_by_cache, cached, "{q} {t} at {at}");
    }
    let one_left = r.resolve(
        &tree,
        &n("nope.hello-localstack.com"),
        RecordType::TXT,
        SimTime(1_799_999),
        &here(),
    );
    assert_eq!(one_left.authority[0].ttl, 1);
}

/// RFC 1035 §3.2.1, RFC 2181 §8: cached at 0 with TTL 60, served at
/// 59.999 s with TTL 1 and fetched again at 60 s with TTL 60.
#[test]
fn ttl_countdown_exact_boundaries() {
    let tree = blog_tree();
    let mut r = resolver(ResolverProfile::honours_ttl());
    let cases = [
        (0, 60, false),
        (1, 60, true),
        (999, 60, true),
        (1_000, 59, true),
        (59_999, 1, true),
        (60_000, 60, false),
    ];
    for (at, ttl, cached) in cases {
        let res = r.resolve(
            &tree,
            &n("api.hello-localstack.com"),
            RecordType::A,
            SimTime(at),
            &here(),
        );
        assert_eq!(res.answer[0].ttl, ttl, "at {at} ms");
        assert_eq!(res.from_cache, cached, "at {at} ms");
    }
}

/// RFC 8767: with every authority down, a serve-stale resolver answers
/// expired data with TTL 30; one that honours TTLs answers SERVFAIL.
#[test]
fn serve_stale_when_authorities_are_unreachable() {
    let down = WithOutages {
        inner: blog_tree(),
        outages: vec![Outage {
            server: None,
            from: secs(61),
            until: None,
        }],
    };
    for (profile, want, ttl) in [
        (
            ResolverProfile::serving_stale(),
            ResolvedOutcome::Data,
            Some(30),
        ),
        (
            ResolverProfile::honours_ttl(),
            ResolvedOutcome::ServFail,
            None,
        ),
    ] {
        let name = profile.name.clone();
        let mut r = resolver(profile);
        r.resolve(
            &down,
            &n("api.hello-localstack.com"),
            RecordType::A,
            secs(0),
            &here(),
        );
        let res = r.resolve(
            &down,
            &n("api.hello-localstack.com"),
            RecordType::A,
            secs(120),
            &here(),
        );
        assert_eq!(res.outcome, want, "{name}");
        assert_eq!(res.answer.first().map(|a| a.ttl), ttl, "{name}");
        assert_eq!(res.stale, ttl.is_some(), "{name}");
    }
}

/// BIND `min-cache-ttl`/`max-cache-ttl`: a raised TTL keeps the answer
/// longer, a capped one shorter.
#[test]
fn clamped_resolvers() {
    let tree = blog_tree();
    let cases = [
        (ResolverProfile::clamped(Some(300), None), 299, true),
        (ResolverProfile::clamped(Some(300), None), 300, false),
        (ResolverProfile::clamped(None, Some(30)), 29, true),
        (ResolverProfile::clamped(None, Some(30)), 30, false),
    ];
    for (p, at, cached) in cases {
        let name = p.name.clone();
        let mut r = resolver(p);
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
            RecordType::A,
            secs(at),
            &here(),
        );
        assert_eq!(res.from_cache, cached, "{name} at {at}");
    }
}

/// Client caches above the resolver: a browser keeps ~60 s, a JVM 30 s by
/// default or for ever with -1, a stub asks every time.
#[test]
fn client_profiles_keep_answers_their_own_way() {
    let tree = blog_tree();
    let host = n("gw.hello-localstack.com");
    let cases = [
        (ClientProfile::stub(), 1, false),
        (ClientProfile::browser(), 59, true),
        (ClientProfile::browser(), 60, false),
        (ClientProfile::jvm_default(), 29, true),
        (ClientProfile::jvm_default(), 30, false),
        (ClientProfile::jvm(-1), 100_000, true),
    ];
    for (p, at, kept) in cases {
        let name = p.name.clone();
        let mut cache = HostCache::new(p);
        let mut r = resolver(ResolverProfile::honours_ttl());
        cache.lookup(&host, secs(0), &mut r, &tree, &here());
        let got = cache.lookup(&host, secs(at), &mut r, &tree, &here());
        assert_eq!(got.from_client_cache, kept, "{name} at {at}");
    }
    // The JVM with -1 keeps the first API Gateway addresses after they moved.
    let mut jvm = HostCache::new(ClientProfile::jvm(-1));
    let mut r = resolver(ResolverProfile::honours_ttl());
    let first = jvm.lookup(&host, secs(0), &mut r, &tree, &here());
    let later = jvm.lookup(&host, secs(7200), &mut r, &tree, &here());
    assert_eq!(first.addresses, later.addresses);
    assert_ne!(later.addresses, world().resolve(GW, secs(7200)));
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
