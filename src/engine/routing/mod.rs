//! Route 53 routing policies over abstract candidates: which record set(s)
//! answer a query from one client at one moment, given each set's health.
//!
//! The zone code turns record sets into [`Candidate`]s (one per set at a
//! name and type) and health-check statuses into [`Health`]; this module
//! only applies the documented rules (reference notes, D.46–D.62):
//!
//! * a record without a health check counts as healthy (DG
//!   `health-checks-how-route-53-chooses-records`: "Records without a health
//!   check are always healthy");
//! * "if no record is healthy, all records are healthy", with each policy's
//!   own twist (failover returns the primary, multivalue up to eight
//!   unhealthy records, geolocation the smallest matching region).
//!
//! Random choices (weighted picks, answer order) come from the caller's
//! [`SimRng`], so a scenario replays exactly.

mod alias;
mod failover;
mod geo;
mod latency;
mod weighted;

use serde::{Deserialize, Serialize};

pub use alias::{alias_health, target_is_healthy};
pub use geo::GeoLocation;
pub use latency::LatencyTable;

use crate::engine::rng::SimRng;

/// PRIMARY or SECONDARY (API `ResourceRecordSet.Failover`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum FailoverRole {
    /// Answers while healthy, and when both are unhealthy.
    Primary,
    /// Answers while the primary is unhealthy.
    Secondary,
}

/// A record set's routing policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// One set per name and type, every value returned, no health checks.
    Simple,
    /// Active-passive failover.
    Failover(FailoverRole),
    /// Weight 0–255, chosen with probability weight / sum.
    Weighted {
        /// The weight.
        weight: u8,
    },
    /// The AWS region this set serves.
    Latency {
        /// The region (`eu-west-1`).
        region: String,
    },
    /// The location this set serves.
    Geolocation(GeoLocation),
    /// Multivalue answer.
    MultiValue,
}

impl Policy {
    /// The policy's name as the console shows it (`failover`, `weighted`...).
    pub fn name(&self) -> &'static str {
        match self {
            Policy::Simple => "simple",
            Policy::Failover(_) => "failover",
            Policy::Weighted { .. } => "weighted",
            Policy::Latency { .. } => "latency",
            Policy::Geolocation(_) => "geolocation",
            Policy::MultiValue => "multivalue",
        }
    }
}

/// A record set's health as routing sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    /// Its health check is healthy.
    Healthy,
    /// Its health check is unhealthy.
    Unhealthy,
    /// It has no health check, which counts as healthy.
    NoCheck,
}

impl Health {
    /// "Records without a health check are always healthy."
    pub fn counts_healthy(self) -> bool {
        self != Health::Unhealthy
    }

    fn word(self) -> &'static str {
        match self {
            Health::Healthy => "healthy",
            Health::Unhealthy => "unhealthy",
            Health::NoCheck => "without a health check (counts as healthy)",
        }
    }
}

/// One record set competing to answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// Its SetIdentifier (any label for a simple record).
    pub set_id: String,
    /// Its routing policy.
    pub policy: Policy,
    /// Its health.
    pub health: Health,
    /// Its values, as they would be answered.
    pub values: Vec<String>,
}

/// Who asks: where the query comes from, for latency and geolocation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Client {
    /// A row of the [`LatencyTable`] (`Frankfurt`).
    pub location: String,
    /// Continent code (`EU`).
    pub continent: Option<String>,
    /// ISO 3166-1 alpha-2 country code (`DE`).
    pub country: Option<String>,
    /// Subdivision code (US states only in Route 53: `WA`).
    pub subdivision: Option<String>,
}

/// What Route 53 answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "answer")]
pub enum Answer {
    /// These sets' values.
    Records {
        /// The chosen sets' identifiers.
        chosen: Vec<String>,
        /// Their values, in answer order.
        values: Vec<String>,
        /// Why these.
        reason: String,
    },
    /// NOERROR with no records (RFC 2308 NODATA).
    NoData {
        /// Why.
        reason: String,
    },
}

/// Candidates that Route 53 would not have accepted together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoutingError {
    /// Two policies at one name and type (DG: "You can't create
    /// non-weighted records that have the same values for Record name and
    /// Record type as weighted records", likewise for every policy).
    MixedPolicies {
        /// A set of the first policy.
        first: String,
        /// A set of another policy.
        other: String,
    },
    /// Two sets with one SetIdentifier (API `SetIdentifier`: "must be
    /// unique").
    DuplicateSetIdentifier(String),
    /// More than one simple set at one name and type.
    MoreThanOneSimple,
    /// Two PRIMARY or two SECONDARY sets.
    DuplicateFailoverRole(FailoverRole),
    /// Two latency sets for one region.
    DuplicateRegion(String),
    /// Two geolocation sets for one location ("You can't create two
    /// geolocation resource record sets that specify the same geographic
    /// location").
    DuplicateLocation(String),
}

impl std::fmt::Display for RoutingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RoutingError::MixedPolicies { first, other } => write!(
                f,
                "records {first} and {other} use different routing policies at one name and type; Route 53 allows one policy per name and type"
            ),
            RoutingError::DuplicateSetIdentifier(id) => {
                write!(f, "two records have SetIdentifier {id}; it must be unique per name and type")
            }
            RoutingError::MoreThanOneSimple => {
                f.write_str("more than one simple record at one name and type; put the values in one record")
            }
            RoutingError::DuplicateFailoverRole(r) => {
                write!(f, "two {r:?} failover records at one name and type; there is one of each")
            }
            RoutingError::DuplicateRegion(r) => {
                write!(f, "two latency records for region {r} at one name and type")
            }
            RoutingError::DuplicateLocation(l) => {
                write!(f, "two geolocation records for {l} at one name and type")
            }
        }
    }
}

impl std::error::Error for RoutingError {}

/// Route 53's cap on a multivalue answer: "up to eight healthy records".
pub const MULTIVALUE_MAX: usize = 8;

/// A Fisher–Yates shuffle driven by the scenario's RNG.
fn shuffle<T>(items: &mut [T], rng: &mut SimRng) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j.min(i));
    }
}

fn records(chosen: &[&Candidate], reason: String) -> Answer {
    Answer::Records {
        chosen: chosen.iter().map(|c| c.set_id.clone()).collect(),
        values: chosen
            .iter()
            .flat_map(|c| c.values.iter().cloned())
            .collect(),
        reason,
    }
}

/// Which sets answer a query from `client`, using `latency` for latency
/// records and `rng` for random choices.
pub fn select(
    candidates: &[Candidate],
    client: &Client,
    latency: &LatencyTable,
    rng: &mut SimRng,
) -> Result<Answer, RoutingError> {
    let Some(first) = candidates.first() else {
        return Ok(Answer::NoData {
            reason: "no records at this name and type".to_string(),
        });
    };
    for (i, c) in candidates.iter().enumerate() {
        if std::mem::discriminant(&c.policy) != std::mem::discriminant(&first.policy) {
            return Err(RoutingError::MixedPolicies {
                first: first.set_id.clone(),
                other: c.set_id.clone(),
            });
        }
        if candidates[..i].iter().any(|o| o.set_id == c.set_id) {
            return Err(RoutingError::DuplicateSetIdentifier(c.set_id.clone()));
        }
    }
    match first.policy {
        Policy::Simple => simple(candidates, rng),
        Policy::Failover(_) => failover::select(candidates),
        Policy::Weighted { .. } => Ok(weighted::select(candidates, rng)),
        Policy::Latency { .. } => latency::select(candidates, client, latency),
        Policy::Geolocation(_) => geo::select(candidates, client),
        Policy::MultiValue => Ok(multivalue(candidates, rng)),
    }
}

/// DG `routing-policy-simple`: "Route 53 returns all values to the
/// recursive resolver in random order"; the values are not health checked.
fn simple(candidates: &[Candidate], rng: &mut SimRng) -> Result<Answer, RoutingError> {
    let [only] = candidates else {
        return Err(RoutingError::MoreThanOneSimple);
    };
    let mut values = only.values.clone();
    shuffle(&mut values, rng);
    Ok(Answer::Records {
        chosen: vec![only.set_id.clone()],
        values,
        reason: format!(
            "simple routing: all {} value(s) of {}, in random order, never health checked",
            only.values.len(),
            only.set_id
        ),
    })
}

/// DG `routing-policy-multivalue`: "up to eight healthy records"; "When all
/// records are unhealthy, Route 53 responds to DNS queries with up to eight
/// unhealthy records." Different resolvers get different random subsets.
fn multivalue(candidates: &[Candidate], rng: &mut SimRng) -> Answer {
    let mut healthy: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.health.counts_healthy())
        .collect();
    let all_unhealthy = healthy.is_empty();
    if all_unhealthy {
        healthy = candidates.iter().collect();
    }
    let pool = healthy.len();
    shuffle(&mut healthy, rng);
    healthy.truncate(MULTIVALUE_MAX);
    let reason = if all_unhealthy {
        format!(
            "multivalue: all {pool} records unhealthy, so up to eight unhealthy ones are returned ({} chosen at random)",
            healthy.len()
        )
    } else {
        format!(
            "multivalue: {} of {pool} healthy records, at most eight, chosen at random",
            healthy.len()
        )
    };
    records(&healthy, reason)
}

#[cfg(test)]
mod tests;
