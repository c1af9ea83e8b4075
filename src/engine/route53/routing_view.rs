//! From hosted zones to routing: which record sets Route 53 answers a query
//! (name, type) with at one instant, for one client.
//!
//! The record sets at the name and type become [`routing::Candidate`]s,
//! each with its health at that instant from the failover clock's
//! [`Timeline`]: a set without a health check counts as healthy (DG
//! `health-checks-how-route-53-chooses-records`), a `HealthCheckId` the
//! timeline does not know counts as unhealthy (Route 53 would have refused
//! the record, see NoSuchHealthCheck), and an alias takes
//! [`routing::alias_health`] from its own check and, with
//! `EvaluateTargetHealth`, from its target's sets. Then [`routing::select`]
//! applies the policy.
//!
//! This is the routed RRset the DNS lookup answers with: exact name and
//! type only. CNAME chasing, wildcards and negative answers are the
//! lookup's job (RFC 1034 §4.3.2), which asks this module once it knows the
//! owner name and type. [`chosen_sets`] gives it the chosen
//! [`RecordSet`]s to build hickory records from.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::str::FromStr;

use hickory_proto::rr::{Name, RecordType};
use serde::{Deserialize, Serialize};

use super::record::{FailoverRole, RecordData, RecordSet, Routing};
use super::service::Route53;
use super::zone::HostedZone;
use crate::engine::name::{format_name, parse_name};
use crate::engine::rng::SimRng;
use crate::engine::routing::{
    self, alias_health, select, target_is_healthy, Answer, Candidate, Client, Health, LatencyTable,
    Policy, RoutingError,
};
use crate::engine::sim::{Timeline, TimelineEvent};
use crate::engine::time::SimTime;
use crate::engine::world::World;

/// How many aliases deep a same-zone alias chain is followed (an alias to
/// an alias is allowed, reference #42); a loop cannot be created through
/// the API, but a hand-edited scenario could hold one.
pub const MAX_ALIAS_DEPTH: usize = 8;

/// A query to watch: a name and a type mnemonic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// The queried name (`api.hello-localstack.com`, trailing dot optional).
    pub name: String,
    /// The type (`A`, `AAAA`...).
    #[serde(rename = "type")]
    pub rtype: String,
}

impl Query {
    /// A query for `name` and `rtype`.
    pub fn new(name: &str, rtype: &str) -> Query {
        Query {
            name: name.to_string(),
            rtype: rtype.to_string(),
        }
    }
}

/// Who asks and how random choices are drawn.
#[derive(Debug, Clone, Copy)]
pub struct RoutingContext<'a> {
    /// Resolves alias targets outside the zone (load balancers, API
    /// Gateway) to their current addresses.
    pub world: &'a World,
    /// The client, for latency and geolocation.
    pub client: &'a Client,
    /// Latencies from client locations to regions.
    pub latency: &'a LatencyTable,
    /// The scenario seed.
    pub seed: u64,
}

/// The answer to one query at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryAnswer {
    /// When Route 53 starts giving it.
    pub at: SimTime,
    /// The name as the API prints it (`api.hello-localstack.com.`).
    pub name: String,
    /// The type.
    #[serde(rename = "type")]
    pub rtype: String,
    /// The zone that answered.
    pub zone_id: String,
    /// What was chosen and why.
    pub answer: Answer,
}

/// Why a query could not be routed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewError {
    /// The name is not a valid domain name.
    BadName {
        /// The name as given.
        name: String,
        /// Why.
        message: String,
    },
    /// The type is not a DNS type mnemonic.
    UnknownType(String),
    /// No hosted zone contains the name.
    NoZone(String),
    /// The sets at the name break a routing rule.
    Routing {
        /// The name.
        name: String,
        /// The rule.
        error: RoutingError,
    },
}

impl std::fmt::Display for ViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ViewError::BadName { name, message } => write!(f, "query name '{name}': {message}"),
            ViewError::UnknownType(t) => write!(f, "query type '{t}' is not a DNS record type"),
            ViewError::NoZone(n) => write!(f, "no hosted zone contains {n}"),
            ViewError::Routing { name, error } => write!(f, "{name}: {error}"),
        }
    }
}

impl std::error::Error for ViewError {}

/// The routing policy of a set as [`routing::select`] takes it.
pub fn policy_of(r: &Routing) -> Policy {
    match r {
        Routing::Simple => Policy::Simple,
        Routing::Weighted { weight, .. } => Policy::Weighted { weight: *weight },
        Routing::Failover { role, .. } => Policy::Failover(match role {
            FailoverRole::Primary => routing::FailoverRole::Primary,
            FailoverRole::Secondary => routing::FailoverRole::Secondary,
        }),
        Routing::Latency { region, .. } => Policy::Latency {
            region: region.clone(),
        },
        Routing::Geolocation { location, .. } => Policy::Geolocation(routing::GeoLocation {
            continent_code: location.continent_code.clone(),
            country_code: location.country_code.clone(),
            subdivision_code: location.subdivision_code.clone(),
        }),
        Routing::MultiValue { .. } => Policy::MultiValue,
    }
}

/// The label a set goes by in answers: its SetIdentifier, or `simple`.
pub fn set_label(set: &RecordSet) -> String {
    set.routing.set_id().unwrap_or("simple").to_string()
}

/// The sets of `zone` at exactly `name` and `rtype`, in list order.
pub fn sets_at<'z>(
    zone: &'z HostedZone,
    name: &Name,
    rtype: RecordType,
) -> impl Iterator<Item = &'z RecordSet> + 'z {
    let name = name.to_lowercase();
    zone.sets()
        .filter(move |s| s.rtype == rtype && s.name == name)
}

fn own_health(set: &RecordSet, health: &BTreeMap<String, bool>) -> Option<bool> {
    set.health_check_id
        .as_ref()
        .map(|id| health.get(id).copied().unwrap_or(false))
}

/// The [`Candidate`]s for `name`/`rtype` in `zone` given each health
/// check's status (`health`, by id) at `at`. Aliases into the zone take
/// their target's routed values; aliases to AWS resources take the
/// addresses the world gives the target name at `at` (or the name itself
/// when the world does not know it), and count their target as healthy:
/// AWS resources' own health is not simulated.
pub fn candidates(
    zone: &HostedZone,
    name: &Name,
    rtype: RecordType,
    health: &BTreeMap<String, bool>,
    at: SimTime,
    ctx: &RoutingContext<'_>,
    rng: &mut SimRng,
) -> Vec<Candidate> {
    candidates_at_depth(zone, name, rtype, health, at, ctx, rng, 0)
}

#[allow(clippy::too_many_arguments)] // the recursion threads every input through
fn candidates_at_depth(
    zone: &HostedZone,
    name: &Name,
    rtype: RecordType,
    health: &BTreeMap<String, bool>,
    at: SimTime,
    ctx: &RoutingContext<'_>,
    rng: &mut SimRng,
    depth: usize,
) -> Vec<Candidate> {
    sets_at(zone, name, rtype)
        .map(|set| {
            let own = own_health(set, health);
            let (values, health) = match &set.data {
                RecordData::Values { values, .. } => (
                    values.iter().map(|v| v.text.clone()).collect(),
                    match own {
                        None => Health::NoCheck,
                        Some(true) => Health::Healthy,
                        Some(false) => Health::Unhealthy,
                    },
                ),
                RecordData::Alias(target) if target.hosted_zone_id == zone.id => {
                    let inner = if depth < MAX_ALIAS_DEPTH {
                        candidates_at_depth(
                            zone,
                            &target.dns_name,
                            rtype,
                            health,
                            at,
                            ctx,
                            rng,
                            depth + 1,
                        )
                    } else {
                        Vec::new()
                    };
                    let values = match select(&inner, ctx.client, ctx.latency, rng) {
                        Ok(Answer::Records { values, .. }) => values,
                        _ => Vec::new(),
                    };
                    let h = alias_health(
                        own,
                        target.evaluate_target_health,
                        target_is_healthy(&inner),
                    );
                    (values, h)
                }
                RecordData::Alias(target) => {
                    let want_v4 = rtype == RecordType::A;
                    let mut values: Vec<String> = ctx
                        .world
                        .resolve(&format_name(&target.dns_name), at)
                        .into_iter()
                        .filter(|ip| matches!(ip, IpAddr::V4(_)) == want_v4)
                        .map(|ip| ip.to_string())
                        .collect();
                    if values.is_empty() {
                        values.push(format_name(&target.dns_name));
                    }
                    (
                        values,
                        alias_health(own, target.evaluate_target_health, true),
                    )
                }
            };
            Candidate {
                set_id: set_label(set),
                policy: policy_of(&set.routing),
                health,
                values,
            }
        })
        .collect()
}

/// The zone of `route53` that is authoritative for `name`: the one with the
/// longest apex that contains it (so a delegated subdomain's own zone wins).
pub fn zone_for<'r>(route53: &'r Route53, name: &Name) -> Option<&'r HostedZone> {
    route53
        .zones
        .iter()
        .filter(|z| z.name.zone_of(name))
        .max_by_key(|z| z.name.num_labels())
}

fn parse_query(q: &Query) -> Result<(Name, RecordType), ViewError> {
    let name = parse_name(&q.name).map_err(|e| ViewError::BadName {
        name: q.name.clone(),
        message: e.message(),
    })?;
    let rtype = RecordType::from_str(&q.rtype.to_ascii_uppercase())
        .map_err(|_| ViewError::UnknownType(q.rtype.clone()))?;
    Ok((name, rtype))
}

/// What Route 53 answers `q` with at `at`, given each check's status by id.
/// Random choices draw from `SimRng::derive(seed, "answer:<name>/<type>:<ms>")`.
pub fn route(
    route53: &Route53,
    q: &Query,
    at: SimTime,
    health: &BTreeMap<String, bool>,
    ctx: &RoutingContext<'_>,
) -> Result<QueryAnswer, ViewError> {
    let (name, rtype) = parse_query(q)?;
    let shown = format_name(&name);
    let zone = zone_for(route53, &name).ok_or_else(|| ViewError::NoZone(shown.clone()))?;
    let mut rng = SimRng::derive(
        ctx.seed,
        &format!("answer:{shown}/{rtype}:{}", at.as_millis()),
    );
    let cands = candidates(zone, &name, rtype, health, at, ctx, &mut rng);
    let answer =
        select(&cands, ctx.client, ctx.latency, &mut rng).map_err(|error| ViewError::Routing {
            name: shown.clone(),
            error,
        })?;
    Ok(QueryAnswer {
        at,
        name: shown,
        rtype: rtype.to_string(),
        zone_id: zone.id.clone(),
        answer,
    })
}

/// [`route`] with health from the failover clock's `timeline` at `at`.
pub fn answer_at(
    route53: &Route53,
    timeline: &Timeline,
    q: &Query,
    at: SimTime,
    ctx: &RoutingContext<'_>,
) -> Result<QueryAnswer, ViewError> {
    route(route53, q, at, &timeline.health_at(at), ctx)
}

/// The record sets an answer chose, for the DNS side to turn into records.
pub fn chosen_sets<'z>(
    zone: &'z HostedZone,
    name: &Name,
    rtype: RecordType,
    answer: &Answer,
) -> Vec<&'z RecordSet> {
    match answer {
        Answer::Records { chosen, .. } => sets_at(zone, name, rtype)
            .filter(|s| chosen.contains(&set_label(s)))
            .collect(),
        Answer::NoData { .. } => Vec::new(),
    }
}

fn chosen(a: &Answer) -> Option<&Vec<String>> {
    match a {
        Answer::Records { chosen, .. } => Some(chosen),
        Answer::NoData { .. } => None,
    }
}

/// The answer of each query at t=0 and after every health-check status
/// change in `timeline`, keeping only the instants where a query's chosen
/// sets change; sorted by time, then query order. (The same idea as
/// [`crate::engine::sim::answers_over_time`], which takes abstract
/// candidates; this one reads zones and follows aliases.)
pub fn answers_over_time(
    route53: &Route53,
    timeline: &Timeline,
    queries: &[Query],
    ctx: &RoutingContext<'_>,
) -> Result<Vec<QueryAnswer>, ViewError> {
    let mut instants: Vec<SimTime> = vec![SimTime::ZERO];
    for e in &timeline.entries {
        if matches!(e.event, TimelineEvent::Status { .. }) && instants.last() != Some(&e.at) {
            instants.push(e.at);
        }
    }
    let mut last: Vec<Option<QueryAnswer>> = vec![None; queries.len()];
    let mut out = Vec::new();
    for at in instants {
        let health = timeline.health_at(at);
        for (q, prev) in queries.iter().zip(last.iter_mut()) {
            let a = route(route53, q, at, &health, ctx)?;
            let same = prev
                .as_ref()
                .is_some_and(|p| chosen(&p.answer) == chosen(&a.answer));
            if !same {
                out.push(a.clone());
                *prev = Some(a);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
