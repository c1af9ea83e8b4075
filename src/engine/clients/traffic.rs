//! Client traffic over the failover clock: every client sends requests
//! through its own cache and a shared resolver, connects to the address it
//! got on the port of its URL, and succeeds or fails by what the world
//! does there at that instant ([`World::probe`]).
//!
//! **Exact aggregation.** Clients with the same profile, location, shared
//! resolver and phase do the same thing at the same instants, so one
//! [`super::Cohort`] is simulated for all of them and counted `count`
//! times. Requests are processed in time order (ties by cohort order), so
//! a shared resolver's cache sees them as the clients would send them.
//!
//! **Moved.** A client has *moved* at its first request, at or after the
//! instant Route 53 switched its answer (`switch_at`), that goes to another
//! address than its last request before the switch: its traffic left the
//! old backend. (A client whose first request comes after the switch has
//! nothing to move from and counts as moved then.) Whether the new backend
//! works shows in the failure series. When both failover records hold the
//! same address (the blog's two NodePorts on 192.168.49.2) the switch
//! changes nothing a client can see — DNS carries no port — so nobody
//! moves: if app-a is dead every request keeps failing; if only its health
//! indicator says DOWN, requests keep reaching app-a.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::net::IpAddr;

use hickory_proto::rr::{Name, RecordType};
use serde::Serialize;

use super::population::Population;
use super::url::{Scheme, Url, UrlError};
use crate::engine::resolver::{Authorities, Resolver, ResolverProfile};
use crate::engine::time::SimTime;
use crate::engine::world::{ProbeOutcome, Protocol, TimedFault, World};

/// The most cohort requests one run may simulate (bounds the work of a
/// hostile or mistyped scenario).
pub const MAX_COHORT_REQUESTS: u64 = 100_000_000;
/// The most clients in a population.
pub const MAX_CLIENTS: u32 = 1_000_000;
/// The longest traffic run: one day.
pub const MAX_HORIZON_MS: u64 = 86_400_000;
/// The shares whose move times are reported.
pub const SHARES: [u32; 4] = [50, 90, 99, 100];

/// A traffic run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrafficSpec {
    /// The clients.
    pub population: Population,
    /// The last instant (inclusive).
    pub horizon: SimTime,
    /// The scenario seed.
    pub seed: u64,
    /// When Route 53 started answering with the failover target.
    pub switch_at: Option<SimTime>,
}

/// When a share of the clients had moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// The share, in percent.
    pub share_percent: u32,
    /// When that many clients had moved (`None`: not within the run).
    pub at: Option<SimTime>,
    /// Milliseconds after the switch.
    pub after_switch_ms: Option<u64>,
}

/// What the clients saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrafficReport {
    /// Seconds covered by the series (horizon / 1 s, plus the last one).
    pub seconds: usize,
    /// Requests sent (clients, not cohorts).
    pub requests: u64,
    /// Requests per second per endpoint (`ip:port`).
    pub endpoints: BTreeMap<String, Vec<u64>>,
    /// Failed requests per second (refused, timed out, HTTP status >= 400,
    /// or no address).
    pub failures: Vec<u64>,
    /// Requests that failed because the name did not resolve.
    pub dns_failures: u64,
    /// The switch instant the move times count from.
    pub switch_at: Option<SimTime>,
    /// Move times for 50/90/99/100 % of clients (see the module docs for
    /// what moved means).
    pub moved: Vec<Moved>,
    /// Cohorts simulated.
    pub cohorts: usize,
    /// Cohort requests simulated (the work done).
    pub cohort_requests: u64,
    /// Resolutions asked of shared resolvers.
    pub resolutions: u64,
}

/// Why a run could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrafficError {
    /// The URL does not parse.
    Url(UrlError),
    /// The URL's host is not a DNS name.
    Host(String),
    /// Too much work: the limit and what was asked.
    TooLarge(String),
}

impl std::fmt::Display for TrafficError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TrafficError::Url(e) => write!(f, "client URL: {e}"),
            TrafficError::Host(h) => write!(f, "client URL host '{h}' is not a domain name"),
            TrafficError::TooLarge(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for TrafficError {}

struct CohortState {
    /// The address held and until when (`None` = for ever).
    held: Option<(Option<u64>, Option<IpAddr>)>,
    /// The address of the last request before the switch.
    before: Option<IpAddr>,
    moved: bool,
}

/// Whether a probe outcome is a working response for a client.
pub fn succeeded(outcome: &ProbeOutcome) -> bool {
    matches!(outcome, ProbeOutcome::Response { status, .. } if *status < 400)
}

/// Runs the population's requests against `auth` (DNS) and `world` with
/// `faults` (what answers at each address and port).
pub fn simulate<A: Authorities + ?Sized>(
    auth: &A,
    world: &World,
    faults: &[TimedFault],
    spec: &TrafficSpec,
) -> Result<TrafficReport, TrafficError> {
    let pop = &spec.population;
    let url = Url::parse(&pop.url).map_err(TrafficError::Url)?;
    let host = Name::from_ascii(&url.host)
        .map(|mut n| {
            n.set_fqdn(true);
            n
        })
        .map_err(|_| TrafficError::Host(url.host.clone()))?;
    let literal: Option<IpAddr> = url.host.parse().ok();
    if pop.clients > MAX_CLIENTS || spec.horizon.as_millis() > MAX_HORIZON_MS {
        return Err(TrafficError::TooLarge(format!(
            "at most {MAX_CLIENTS} clients over at most {MAX_HORIZON_MS} ms"
        )));
    }
    let every = pop.request_every_ms.max(1);
    let per_cohort = spec.horizon.as_millis() / every + 1;
    // At most one cohort per client, and per (profile, location, resolver,
    // phase): checked before the cohorts are drawn.
    let most_cohorts = u64::from(pop.clients).min(
        (pop.profiles.len().max(1) as u64)
            .saturating_mul(pop.locations.len().max(1) as u64)
            .saturating_mul(u64::from(pop.resolvers_per_location.max(1)))
            .saturating_mul(every),
    );
    let work = per_cohort.saturating_mul(most_cohorts);
    if work > MAX_COHORT_REQUESTS {
        return Err(TrafficError::TooLarge(format!(
            "up to {work} cohort requests asked, at most {MAX_COHORT_REQUESTS}: fewer clients, a longer request interval or a shorter horizon"
        )));
    }
    let cohorts = pop.cohorts(spec.seed);
    let protocol = match url.scheme {
        Scheme::Http => Protocol::Http,
        Scheme::Https => Protocol::Https,
    };
    // Shared resolvers by (resolver profile, location, index).
    let mut profiles: Vec<ResolverProfile> = Vec::new();
    let resolver_kind: Vec<usize> = pop
        .profiles
        .iter()
        .map(|p| match profiles.iter().position(|q| *q == p.resolver) {
            Some(i) => i,
            None => {
                profiles.push(p.resolver.clone());
                profiles.len() - 1
            }
        })
        .collect();
    let mut resolvers: BTreeMap<(usize, usize, u32), Resolver> = BTreeMap::new();
    // Worlds after the first k faults, for exact and cheap probes.
    let sorted = crate::engine::world::in_time_order(faults);
    let worlds: Vec<World> = (0..=sorted.len())
        .map(|k| {
            let mut w = world.clone();
            for f in sorted.iter().take(k) {
                let _skipped_when_unknown = f.fault.apply(&mut w);
            }
            w
        })
        .collect();
    let fault_times: Vec<u64> = sorted.iter().map(|f| f.at.as_millis()).collect();
    let mut probes: HashMap<(IpAddr, u64, usize), bool> = HashMap::new();

    let seconds = usize::try_from(spec.horizon.as_millis() / 1000 + 1).unwrap_or(1);
    let mut report = TrafficReport {
        seconds,
        requests: 0,
        endpoints: BTreeMap::new(),
        failures: vec![0; seconds],
        dns_failures: 0,
        switch_at: spec.switch_at,
        moved: Vec::new(),
        cohorts: cohorts.len(),
        cohort_requests: 0,
        resolutions: 0,
    };
    let mut endpoint_index: HashMap<IpAddr, Vec<u64>> = HashMap::new();
    let mut states: Vec<CohortState> = cohorts
        .iter()
        .map(|_| CohortState {
            held: None,
            before: None,
            moved: false,
        })
        .collect();
    let mut moves: Vec<(u64, u64)> = Vec::new();
    let mut queue: BinaryHeap<Reverse<(u64, usize)>> = cohorts
        .iter()
        .enumerate()
        .map(|(i, c)| Reverse((c.phase_ms, i)))
        .collect();
    let horizon = spec.horizon.as_millis();
    let host_text = url.host.clone();
    while let Some(Reverse((t, i))) = queue.pop() {
        if t > horizon {
            continue;
        }
        let (Some(c), Some(state)) = (cohorts.get(i), states.get_mut(i)) else {
            continue;
        };
        let Some(share) = pop.profiles.get(c.profile) else {
            continue;
        };
        report.cohort_requests += 1;
        let now = SimTime(t);
        let fresh = state
            .held
            .as_ref()
            .filter(|(until, _)| until.is_none_or(|u| t < u))
            .map(|(_, a)| *a);
        let addr = match (literal, fresh) {
            (Some(ip), _) => Some(ip),
            (None, Some(a)) => a,
            (None, None) => {
                let location = pop
                    .locations
                    .get(c.location)
                    .map(|l| l.location.clone())
                    .unwrap_or_default();
                let kind = resolver_kind.get(c.profile).copied().unwrap_or(0);
                let r = resolvers
                    .entry((kind, c.location, c.resolver))
                    .or_insert_with(|| {
                        let mut r = Resolver::new(
                            profiles.get(kind).cloned().unwrap_or_default(),
                            spec.seed,
                            &format!("shared:{kind}/{}/{}", c.location, c.resolver),
                        );
                        r.trace = false;
                        r
                    });
                let res = r.resolve(auth, &host, RecordType::A, now, &location);
                report.resolutions += 1;
                let a = res.addresses().first().copied();
                let keep = match a {
                    Some(_) => share.client.keep_s(res.ttl()),
                    None => Some(share.client.negative_s),
                };
                state.held = match keep {
                    Some(0) => None,
                    Some(s) => Some((Some(t.saturating_add(u64::from(s) * 1000)), a)),
                    None => Some((None, a)),
                };
                a
            }
        };
        let sec = usize::try_from(t / 1000).unwrap_or(0).min(seconds - 1);
        report.requests += c.count;
        let ok = match addr {
            None => {
                report.dns_failures += c.count;
                false
            }
            Some(ip) => {
                let epoch = fault_times.partition_point(|f| *f <= t);
                let ok = *probes.entry((ip, t / 1000, epoch)).or_insert_with(|| {
                    worlds.get(epoch).is_some_and(|w| {
                        succeeded(&w.probe(
                            now,
                            ip,
                            url.port,
                            protocol,
                            &url.path,
                            Some(&host_text),
                        ))
                    })
                });
                let series = endpoint_index.entry(ip).or_insert_with(|| vec![0; seconds]);
                if let Some(s) = series.get_mut(sec) {
                    *s += c.count;
                }
                ok
            }
        };
        if !ok {
            if let Some(f) = report.failures.get_mut(sec) {
                *f += c.count;
            }
        }
        if let (Some(ip), Some(switch)) = (addr, spec.switch_at) {
            if now < switch {
                state.before = Some(ip);
            } else if !state.moved && state.before != Some(ip) {
                state.moved = true;
                moves.push((t, c.count));
            }
        }
        queue.push(Reverse((t.saturating_add(every), i)));
    }
    for (ip, series) in endpoint_index {
        report
            .endpoints
            .insert(format!("{ip}:{}", url.port), series);
    }
    moves.sort_unstable();
    let total = u64::from(pop.clients);
    report.moved = SHARES
        .iter()
        .map(|p| {
            let need = (total * u64::from(*p)).div_ceil(100).max(1);
            let mut sum = 0u64;
            let at = moves.iter().find_map(|(t, n)| {
                sum += n;
                (sum >= need).then_some(SimTime(*t))
            });
            Moved {
                share_percent: *p,
                at,
                after_switch_ms: at
                    .zip(spec.switch_at)
                    .map(|(a, s)| a.as_millis().saturating_sub(s.as_millis())),
            }
        })
        .collect();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use hickory_proto::rr::rdata::A;
    use hickory_proto::rr::RData;

    use super::*;
    use crate::engine::clients::{LocationShare, ProfileShare};
    use crate::engine::resolver::{
        ClientLocation, ClientProfile, DnsTree, ScheduledAnswers, ScheduledName, WithRouting,
    };
    use crate::engine::route53::Route53;
    use crate::engine::world::{Behaviour, Endpoint, Fault, Serves};

    fn ip(last: u8) -> IpAddr {
        IpAddr::V4(Ipv4Addr::new(192, 0, 2, last))
    }

    /// Two endpoints; .1 refuses from 10 s; Route 53 answers .1 until 20 s,
    /// then .2, TTL 60; two stub clients (no cache of their own) share one
    /// resolver that honours the TTL.
    fn setup(
        clients: u32,
    ) -> (
        WithRouting<DnsTree, ScheduledAnswers>,
        World,
        Vec<TimedFault>,
        TrafficSpec,
    ) {
        let mut r53 = Route53::new(1);
        crate::engine::resolver::tests_support::hosted(
            &mut r53,
            "hello-localstack.com",
            &[("api.hello-localstack.com", "A", 60, "192.0.2.1")],
        );
        let world = World {
            endpoints: [1, 2]
                .iter()
                .map(|l| Endpoint {
                    ip: ip(*l),
                    port: 80,
                    serves: Serves::Behaviour(Behaviour::ok("hello")),
                })
                .collect(),
            ..World::default()
        };
        let faults = vec![TimedFault {
            at: SimTime::from_secs(10),
            fault: Fault::EndpointBehaviour {
                ip: ip(1),
                port: 80,
                behaviour: Behaviour::Refused,
            },
        }];
        let view = ScheduledAnswers {
            names: vec![ScheduledName {
                name: Name::from_ascii("api.hello-localstack.com.").unwrap_or_default(),
                rtype: RecordType::A,
                ttl: 60,
                changes: vec![
                    (
                        SimTime::ZERO,
                        vec![RData::A(A(Ipv4Addr::new(192, 0, 2, 1)))],
                    ),
                    (
                        SimTime::from_secs(20),
                        vec![RData::A(A(Ipv4Addr::new(192, 0, 2, 2)))],
                    ),
                ],
            }],
        };
        let auth = WithRouting {
            inner: DnsTree::build(&r53.zones, &world),
            view,
        };
        let spec = TrafficSpec {
            population: Population {
                clients,
                request_every_ms: 1000,
                profiles: vec![ProfileShare {
                    client: ClientProfile::stub(),
                    resolver: ResolverProfile::honours_ttl(),
                    weight: 1,
                }],
                locations: vec![LocationShare {
                    location: ClientLocation::default(),
                    weight: 1,
                }],
                resolvers_per_location: 1,
                url: "http://api.hello-localstack.com/".into(),
            },
            horizon: SimTime::from_secs(120),
            seed: 9,
            switch_at: Some(SimTime::from_secs(20)),
        };
        (auth, world, faults, spec)
    }

    /// The resolver caches .1 at the first request (phase p0) for 60 s
    /// (RFC 1035 §3.2.1), so both clients fail from 10 s until their first
    /// request at or after p0 + 60 s, which gets .2 and succeeds: that is
    /// when each has moved.
    #[test]
    fn clients_move_when_the_shared_resolver_lets_go() {
        let (auth, world, faults, spec) = setup(2);
        let cohorts = spec.population.cohorts(spec.seed);
        let mut phases: Vec<u64> = cohorts.iter().map(|c| c.phase_ms).collect();
        phases.sort_unstable();
        let (p0, p1) = (phases[0], *phases.last().unwrap_or(&0));
        let r = simulate(&auth, &world, &faults, &spec).unwrap();
        assert_eq!(r.requests, 2 * 120);
        assert_eq!(
            r.failures.iter().sum::<u64>(),
            2 * 50,
            "k = 10..59 fail for each"
        );
        let at: Vec<Option<SimTime>> = r.moved.iter().map(|m| m.at).collect();
        assert_eq!(
            at,
            vec![
                Some(SimTime(p0 + 60_000)),
                Some(SimTime(p1 + 60_000)),
                Some(SimTime(p1 + 60_000)),
                Some(SimTime(p1 + 60_000)),
            ]
        );
        let dot1 = &r.endpoints["192.0.2.1:80"];
        let dot2 = &r.endpoints["192.0.2.2:80"];
        assert_eq!(
            dot1.iter().sum::<u64>() + dot2.iter().sum::<u64>(),
            r.requests
        );
        assert_eq!(dot2[..60].iter().sum::<u64>(), 0);
        assert_eq!(dot1[61..].iter().sum::<u64>(), 0);
    }

    /// Bounds: a bad URL and an oversized run are refused, not run.
    #[test]
    fn refuses_bad_urls_and_oversized_runs() {
        let (auth, world, faults, mut spec) = setup(1);
        spec.population.url = "gopher://x/".into();
        assert!(matches!(
            simulate(&auth, &world, &faults, &spec),
            Err(TrafficError::Url(_))
        ));
        spec.population.url = "http://api.hello-localstack.com/".into();
        spec.population.clients = MAX_CLIENTS + 1;
        assert!(matches!(
            simulate(&auth, &world, &faults, &spec),
            Err(TrafficError::TooLarge(_))
        ));
        spec.population.clients = 100_000;
        spec.population.resolvers_per_location = 10;
        spec.horizon = SimTime::from_secs(86_400);
        assert!(matches!(
            simulate(&auth, &world, &faults, &spec),
            Err(TrafficError::TooLarge(_))
        ));
    }
}
