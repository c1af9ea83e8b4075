//! A recursive resolution for the "What is DNS" page: the scenario's hosted
//! zones under the generated root and TLD servers ([`DnsTree`]), asked by
//! one [`Resolver`] whose cache lives as long as the page, turned into the
//! sequence diagram's steps and a line per server asked, each with the DNS
//! message that came back.
//!
//! Route 53's servers in that tree answer as the answer panel does
//! ([`served_tree`]): routed names by their routing policy, with each
//! health check's status at the page's simulated time and for the client
//! chosen in the answer panel ([`AskedFrom`]), so the path and the panel
//! never disagree about which record set answers.

use std::collections::BTreeMap;
use std::str::FromStr;

use hickory_proto::rr::{Name, RecordType};

use super::clients::{client_for, latency_for};
use crate::engine::name::parse_name;
use crate::engine::resolver::{
    served_tree, DnsTree, Resolution, ResolvedOutcome, Resolver, StepResult,
};
use crate::engine::route53::routing_view::{zone_for, RoutingContext};
use crate::engine::route53::served::served_zone;
use crate::engine::route53::Routing;
use crate::engine::time::SimTime;
use crate::engine::wire::{rdata_text, status_text};
use crate::scenario::model::Scenario;
use crate::ui::view_model::answer::{Hop, TraceStep};

/// One server asked (or the cache consulted), with its response message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDetail {
    /// The step's one-line summary (time, question, server, result).
    pub summary: String,
    /// The response as dig prints it, when there was one.
    pub dig: Option<String>,
}

/// What the resolution panel shows for one question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResolutionView {
    /// One line: the outcome, where it came from, how long it may be kept.
    pub headline: String,
    /// The RCODE a stub resolver sees (`NOERROR`, `NXDOMAIN`, ...).
    pub rcode: String,
    /// Every piece came from the resolver's cache.
    pub from_cache: bool,
    /// Servers actually asked (cache hits excluded).
    pub queries_sent: usize,
    /// The diagram's arrows, client first.
    pub steps: Vec<TraceStep>,
    /// The steps in words, with their messages.
    pub details: Vec<StepDetail>,
}

/// Which column of the diagram a server belongs in: the root's servers
/// serve `.`, a TLD's serve a one-label zone, everything else is the
/// zone's own (Route 53's) servers.
fn hop_of(tree: &DnsTree, server: std::net::IpAddr) -> Hop {
    let zones = tree.zones_of(server);
    if zones.iter().any(Name::is_root) {
        Hop::Root
    } else if zones.iter().any(|z| z.num_labels() == 1) {
        Hop::Tld
    } else {
        Hop::Authoritative
    }
}

fn answer_text(res: &Resolution) -> String {
    match res.outcome {
        ResolvedOutcome::Data => res
            .answer
            .iter()
            .map(|r| format!("{} {}", r.record_type(), rdata_text(&r.data)))
            .collect::<Vec<_>>()
            .join(", "),
        ResolvedOutcome::NoData => "no records of that type (NODATA)".into(),
        ResolvedOutcome::NxDomain => "no such name (NXDOMAIN)".into(),
        ResolvedOutcome::ServFail => "SERVFAIL: the resolver gave up".into(),
    }
}

/// The view of `res`, its servers placed by `tree`; each answer from
/// Route 53's servers (not the cache) carries `explain`'s lines for its
/// question name (how routing chose, [`routing_notes`]).
pub fn resolution_view(
    res: &Resolution,
    tree: &DnsTree,
    explain: &dyn Fn(&Name) -> Vec<String>,
) -> ResolutionView {
    let mut steps = vec![TraceStep {
        from: Hop::Client,
        to: Hop::Resolver,
        summary: format!("The client asks its resolver: {} {}", res.qname, res.qtype),
    }];
    let mut details = Vec::new();
    for s in &res.steps {
        let mut summary = s.summary();
        let to = match (&s.server, s.from_cache) {
            (Some(server), false) => hop_of(tree, server.ip),
            _ => Hop::Resolver,
        };
        let answered = matches!(
            s.result,
            StepResult::Answer | StepResult::NoData | StepResult::Cname { .. }
        );
        if to == Hop::Authoritative && answered {
            for note in explain(&s.qname) {
                summary.push_str("; routing: ");
                summary.push_str(&note);
            }
        }
        steps.push(TraceStep {
            from: Hop::Resolver,
            to,
            summary: summary.clone(),
        });
        details.push(StepDetail {
            summary,
            dig: s.dig(),
        });
    }
    let ttl = res.ttl();
    let keep = match res.outcome {
        // RFC 2308 §5: a negative answer is cached for the smaller of the
        // SOA's TTL and its MINIMUM field.
        ResolvedOutcome::NxDomain | ResolvedOutcome::NoData => {
            format!("cached as a negative answer for {ttl} s (the SOA's minimum, RFC 2308)")
        }
        ResolvedOutcome::Data => format!("clients may keep it for {ttl} s (its TTL)"),
        ResolvedOutcome::ServFail => "not cached".into(),
    };
    let queries_sent = res
        .steps
        .iter()
        .filter(|s| !s.from_cache && s.server.is_some())
        .count();
    let source = if res.from_cache {
        "all from the resolver's cache, no server asked".to_string()
    } else {
        format!(
            "{queries_sent} quer{} sent",
            if queries_sent == 1 { "y" } else { "ies" }
        )
    };
    steps.push(TraceStep {
        from: Hop::Resolver,
        to: Hop::Client,
        summary: format!("The resolver answers: {}", answer_text(res)),
    });
    ResolutionView {
        headline: format!(
            "{} {}: {}; {source}; {keep}.",
            res.qname,
            res.qtype,
            answer_text(res)
        ),
        rcode: status_text(res.rcode()),
        from_cache: res.from_cache,
        queries_sent,
        steps,
        details,
    }
}

/// Where and when Route 53 is asked from: the answer panel's choices.
#[derive(Debug, Clone, Copy)]
pub struct AskedFrom<'a> {
    /// The answer panel's client id
    /// ([`client_options`](super::clients::client_options)); latency and
    /// geolocation records answer by it.
    pub client: &'a str,
    /// Each health check's status (by id) at `at`, from the scenario's run
    /// (`run.timeline.health_at(at)`).
    pub health: &'a BTreeMap<String, bool>,
    /// The page's simulated time: Route 53 routes as it does then.
    pub at: SimTime,
}

/// The scenario's DNS with Route 53 answering as at `from.at` for
/// `from.client`: the tree [`resolve_in`] asks. Build it once per change
/// of scenario, client or health, and ask it many times.
pub fn route53_tree(scenario: &Scenario, from: &AskedFrom<'_>) -> DnsTree {
    // The run's world carries the scenario seed, which decides the
    // addresses of AWS resources (aliases, API Gateway) as in the answer
    // panel; the client and latency table are the answer panel's too.
    let world = scenario.run_world();
    let client = client_for(scenario, from.client);
    let latency = latency_for(scenario);
    let ctx = RoutingContext {
        world: &world,
        client: &client,
        latency: &latency,
        seed: scenario.seed,
    };
    served_tree(&scenario.route53, from.at, from.health, &ctx)
}

/// How Route 53's routing chose the record sets at `name` as
/// [`route53_tree`] serves them, one line per routed type (`<name> <type>:
/// <reason> → <sets>`), as the answer panel's trace says it; empty for a
/// name without routing or outside the scenario's zones.
pub fn routing_notes(scenario: &Scenario, from: &AskedFrom<'_>, name: &Name) -> Vec<String> {
    let Some(zone) = zone_for(&scenario.route53, name) else {
        return Vec::new();
    };
    let lower = name.to_lowercase();
    if !zone
        .sets()
        .any(|s| s.name == lower && s.routing != Routing::Simple)
    {
        return Vec::new();
    }
    let world = scenario.run_world();
    let client = client_for(scenario, from.client);
    let latency = latency_for(scenario);
    let ctx = RoutingContext {
        world: &world,
        client: &client,
        latency: &latency,
        seed: scenario.seed,
    };
    let mut notes = Vec::new();
    // The snapshot itself is the tree's; only the notes are wanted here.
    let _ = served_zone(
        &scenario.route53,
        zone,
        from.at,
        from.health,
        &ctx,
        name,
        &mut notes,
    );
    notes
}

/// Resolves `name`/`rtype` with `resolver` (keeping its cache) over `tree`
/// (from [`route53_tree`]) at `now`, the resolver's own clock; `explain`
/// says how routing chose at a name (see [`resolution_view`]). An
/// unreadable name or type says why.
pub fn resolve_in(
    tree: &DnsTree,
    resolver: &mut Resolver,
    name: &str,
    rtype: &str,
    now: SimTime,
    explain: &dyn Fn(&Name) -> Vec<String>,
) -> Result<ResolutionView, String> {
    let qname = parse_name(name.trim())
        .map_err(|e| format!("'{}' is not a domain name: {}", name.trim(), e.message()))?;
    let qtype = RecordType::from_str(&rtype.trim().to_ascii_uppercase())
        .map_err(|_| format!("'{}' is not a DNS record type", rtype.trim()))?;
    // The tree's Route 53 already answers for the chosen client; the
    // location passed here only matters to layers that route per ask.
    let res = resolver.resolve(tree, &qname, qtype, now, &Default::default());
    Ok(resolution_view(&res, tree, explain))
}

#[cfg(test)]
mod tests_routing;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::resolver::ResolverProfile;
    use crate::scenario::presets::simple_zones::what_is_dns;
    use crate::ui::adapters::clients::SCENARIO_CLIENT;

    fn setup() -> (DnsTree, Resolver) {
        let s = what_is_dns(1).unwrap_or_else(|e| panic!("{e}"));
        (
            tree_of(&s),
            Resolver::new(ResolverProfile::honours_ttl(), 1, "test"),
        )
    }

    fn no_notes(_: &Name) -> Vec<String> {
        Vec::new()
    }

    /// The tree as the What-is-DNS page builds it: its own client, no
    /// health checks, time zero.
    fn tree_of(s: &Scenario) -> DnsTree {
        let from = AskedFrom {
            client: SCENARIO_CLIENT,
            health: &BTreeMap::new(),
            at: SimTime::ZERO,
        };
        route53_tree(s, &from)
    }

    /// RFC 1034 §5.3.3: from an empty cache the resolver walks root → TLD →
    /// the zone's servers, and the diagram draws them in that order.
    #[test]
    fn cold_cache_walks_root_tld_then_route53() {
        let (s, mut r) = setup();
        let v = resolve_in(&s, &mut r, "api.example.com", "A", SimTime::ZERO, &no_notes)
            .unwrap_or_else(|e| panic!("{e}"));
        let hops: Vec<(Hop, Hop)> = v.steps.iter().map(|t| (t.from, t.to)).collect();
        assert_eq!(
            hops,
            [
                (Hop::Client, Hop::Resolver),
                (Hop::Resolver, Hop::Root),
                (Hop::Resolver, Hop::Tld),
                (Hop::Resolver, Hop::Authoritative),
                (Hop::Resolver, Hop::Client),
            ]
        );
        assert_eq!(v.rcode, "NOERROR");
        assert_eq!(v.queries_sent, 3);
        assert!(!v.from_cache);
        assert!(v.headline.contains("A 203.0.113.10"), "{}", v.headline);
        assert!(v.details.iter().all(|d| d.dig.is_some()));
    }

    /// RFC 1035 §7.4: a second question within the TTL is answered from
    /// the cache, with the TTL counted down.
    #[test]
    fn asking_again_comes_from_the_cache() {
        let (s, mut r) = setup();
        let first = resolve_in(&s, &mut r, "api.example.com", "A", SimTime::ZERO, &no_notes);
        assert!(first.is_ok());
        let v = resolve_in(
            &s,
            &mut r,
            "api.example.com",
            "A",
            SimTime::from_secs(10),
            &no_notes,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(v.from_cache);
        assert_eq!(v.queries_sent, 0);
        assert!(v.headline.contains("for 290 s"), "{}", v.headline);
    }

    /// RFC 2308 §5: NXDOMAIN is cached for min(SOA TTL, SOA MINIMUM);
    /// Route 53's default SOA has TTL 900 and MINIMUM 86400.
    #[test]
    fn a_missing_name_is_nxdomain_cached_by_the_soa() {
        let (s, mut r) = setup();
        let v = resolve_in(
            &s,
            &mut r,
            "nope.example.com",
            "A",
            SimTime::ZERO,
            &no_notes,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v.rcode, "NXDOMAIN");
        assert!(
            v.headline.contains("negative answer for 900 s"),
            "{}",
            v.headline
        );
        let again = resolve_in(
            &s,
            &mut r,
            "nope.example.com",
            "A",
            SimTime::from_secs(1),
            &no_notes,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(again.from_cache);
    }

    /// RFC 1034 §5.2.2: a CNAME whose target is in another zone sends the
    /// resolver back to the root for the target: twice the queries of the
    /// A record on the same address, each from a cold cache.
    #[test]
    fn a_cname_to_a_node_name_costs_a_second_walk() {
        let s = tree_of(
            &crate::scenario::presets::simple_zones::why_not_cname(1)
                .unwrap_or_else(|e| panic!("{e}")),
        );
        let cold = |name: &str| {
            let mut r = Resolver::new(ResolverProfile::honours_ttl(), 1, "test");
            resolve_in(&s, &mut r, name, "A", SimTime::ZERO, &no_notes)
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let a = cold("api.hello.com");
        let c = cold("app.hello.com");
        assert_eq!((a.queries_sent, c.queries_sent), (3, 6));
        assert!(
            c.headline
                .contains("CNAME minikube.hello-k8s.net., A 192.168.49.2"),
            "{}",
            c.headline
        );
        assert!(a.headline.contains("A 192.168.49.2"), "{}", a.headline);
    }

    #[test]
    fn unreadable_questions_say_why() {
        let (s, mut r) = setup();
        let bad_type = resolve_in(
            &s,
            &mut r,
            "api.example.com",
            "NOPE",
            SimTime::ZERO,
            &no_notes,
        );
        assert_eq!(bad_type, Err("'NOPE' is not a DNS record type".into()));
        assert!(resolve_in(&s, &mut r, "a..b", "A", SimTime::ZERO, &no_notes).is_err());
    }
}
