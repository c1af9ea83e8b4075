//! What Route 53's name servers serve at one instant: each hosted zone as an
//! [`AuthZone`] snapshot, with every name and type that uses a routing
//! policy (failover, weighted, latency, geolocation, multivalue) reduced to
//! the sets routing chooses then ([`route`] with each health check's
//! status), and the answer to one question from those snapshots.
//!
//! Two Route 53 rules shape the snapshot:
//!
//! * a name keeps existing when routing chooses none of its sets
//!   (geolocation with no matching location and no default record, DG
//!   `routing-policy-geo`: "Route 53 returns a 'no answer' response"): it
//!   is kept with no data, so the lookup answers NOERROR/NODATA with the
//!   SOA, never NXDOMAIN (RFC 8020);
//! * an alias to an AWS resource is answered with the resource's addresses
//!   at that instant ([`AwsResources`]).

use std::collections::BTreeMap;

use hickory_proto::rr::{Name, Record, RecordType};

use super::aws_alias::AwsResources;
use super::record::{RecordData, RecordSet, Routing};
use super::routing_view::{chosen_sets, route, Query, RoutingContext};
use super::service::Route53;
use super::zone::HostedZone;
use crate::engine::lookup::{lookup_with, Alias, Answer, AuthZone, Catalog, ZoneError};
use crate::engine::name::format_name;
use crate::engine::routing::Answer as Routed;
use crate::engine::time::SimTime;

/// The sets of one name and type that answer at `at`, plus a line saying
/// how routing chose them when it had a choice.
fn routed_sets<'z>(
    route53: &Route53,
    zone: &'z HostedZone,
    group: &[&'z RecordSet],
    at: SimTime,
    health: &BTreeMap<String, bool>,
    ctx: &RoutingContext<'_>,
) -> (Vec<&'z RecordSet>, Option<String>) {
    let Some(first) = group.first() else {
        return (Vec::new(), None);
    };
    if group.len() == 1 && first.routing == Routing::Simple {
        return (group.to_vec(), None);
    }
    let q = Query::new(&format_name(&first.name), &first.rtype.to_string());
    match route(route53, &q, at, health, ctx) {
        Ok(a) => {
            let note = match &a.answer {
                Routed::Records { chosen, reason, .. } => {
                    format!("{} {}: {reason} → {}", q.name, q.rtype, chosen.join(", "))
                }
                Routed::NoData { reason } => format!("{} {}: {reason}", q.name, q.rtype),
            };
            (
                chosen_sets(zone, &first.name, first.rtype, &a.answer),
                Some(note),
            )
        }
        Err(e) => (Vec::new(), Some(e.to_string())),
    }
}

/// The zone's sets grouped by name and type, names in the API's list
/// order and each name's types in type-number order. The zone lists sets
/// by (name, type, set id), so one name and type are adjacent: grouping
/// is one pass, with no sort key built per set (it mattered at 5,000 sets).
fn groups_of(zone: &HostedZone) -> Vec<Vec<&RecordSet>> {
    let mut groups: Vec<Vec<&RecordSet>> = Vec::new();
    for set in zone.sets() {
        match groups.last_mut() {
            Some(g)
                if g.first()
                    .is_some_and(|f| f.name == set.name && f.rtype == set.rtype) =>
            {
                g.push(set)
            }
            _ => groups.push(vec![set]),
        }
    }
    // Types of one name in number order, as a map keyed by type would give.
    let mut start = 0;
    while start < groups.len() {
        let name = groups[start].first().map(|s| s.name.clone());
        let end = groups[start..]
            .iter()
            .position(|g| g.first().map(|s| &s.name) != name.as_ref())
            .map_or(groups.len(), |n| start + n);
        groups[start..end].sort_by_key(|g| g.first().map(|s| u16::from(s.rtype)));
        start = end.max(start + 1);
    }
    groups
}

/// One hosted zone as the name servers serve it at `at`, given each health
/// check's status by id (`health`): routed names reduced to the sets
/// routing chooses, names whose routing chooses nothing kept with no data.
/// Routing notes for the sets at `qname` go to `notes`.
pub fn served_zone(
    route53: &Route53,
    zone: &HostedZone,
    at: SimTime,
    health: &BTreeMap<String, bool>,
    ctx: &RoutingContext<'_>,
    qname: &Name,
    notes: &mut Vec<String>,
) -> Result<AuthZone, ZoneError> {
    let groups = groups_of(zone);
    let mut records: Vec<Record> = Vec::new();
    let mut aliases: Vec<(Name, RecordType, Alias)> = Vec::new();
    let mut empty: Vec<Name> = Vec::new();
    for group in &groups {
        let (chosen, note) = routed_sets(route53, zone, group, at, health, ctx);
        if let (Some(n), Some(s)) = (note, group.first()) {
            // hickory's `Name` compares case-insensitively (RFC 4343).
            if s.name == *qname {
                notes.push(n);
            }
        }
        if chosen.is_empty() {
            if let Some(s) = group.first() {
                empty.push(s.name.clone());
            }
        }
        for set in chosen {
            match &set.data {
                RecordData::Values { .. } => records.extend(set.records()),
                RecordData::Alias(a) => {
                    // One alias answers for a name and type (a routed alias
                    // pair has one chosen member).
                    if !aliases
                        .iter()
                        .any(|(n, t, _)| *n == set.name && *t == set.rtype)
                    {
                        aliases.push((
                            set.name.clone(),
                            set.rtype,
                            Alias {
                                target: a.dns_name.clone(),
                                hosted_zone_id: a.hosted_zone_id.clone(),
                                evaluate_target_health: a.evaluate_target_health,
                            },
                        ));
                    }
                }
            }
        }
    }
    AuthZone::with_empty_names(zone.name.clone(), records, aliases, empty)
}

/// Route 53's answer to `qname`/`qtype` at `at`, with the routing notes for
/// the sets at `qname` and the zones that could not be served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedAnswer {
    /// The authoritative answer (with its trace).
    pub answer: Answer,
    /// How routing chose the sets at the name, one line per type.
    pub notes: Vec<String>,
    /// Zones left out, with the reason (data a name server refuses).
    pub broken: Vec<String>,
}

/// What Route 53's name servers answer `qname`/`qtype` at `at`, for the
/// client in `ctx`, given each health check's status (`health`, by id):
/// every zone of `route53` served as [`served_zone`] builds it, aliases to
/// AWS resources answered from `ctx.world` at `at`.
pub fn served_answer(
    route53: &Route53,
    qname: &Name,
    qtype: RecordType,
    at: SimTime,
    health: &BTreeMap<String, bool>,
    ctx: &RoutingContext<'_>,
) -> ServedAnswer {
    let mut catalog = Catalog::new();
    let mut notes = Vec::new();
    let mut broken = Vec::new();
    for zone in &route53.zones {
        match served_zone(route53, zone, at, health, ctx, qname, &mut notes) {
            Ok(z) => catalog.insert(z),
            Err(e) => broken.push(format!("{}: {e}", zone.name_text())),
        }
    }
    let ids: Vec<String> = route53.zones.iter().map(|z| z.id.clone()).collect();
    let resources = AwsResources::new(ctx.world, &ids, at);
    ServedAnswer {
        answer: lookup_with(&catalog, &resources, qname, qtype),
        notes,
        broken,
    }
}

#[cfg(test)]
mod tests;
