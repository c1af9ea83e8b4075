//! Resolver cache tests: RFC 2308 negative caching, TTL countdown at
//! exact boundaries, RFC 8767 serve-stale, clamping resolvers and the
//! client-side caches above them.

use hickory_proto::rr::RecordType;

use super::tests::{blog_tree, here, n, resolver, secs, world, GW};
use super::*;
use crate::engine::time::SimTime;

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
        let handed_out = p.clamp(60);
        let mut r = resolver(p);
        let first = r.resolve(
            &tree,
            &n("api.hello-localstack.com"),
            RecordType::A,
            secs(0),
            &here(),
        );
        assert_eq!(first.answer[0].ttl, handed_out, "{name}: the clamped TTL");
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
