//! Checks of one record set against the zone as changed so far: CNAME rules
//! (RFC 1034 §3.6.2, RFC 2181 §10.1) and routing-policy groups (DG
//! `resource-record-sets-values-*`). Each returns Route 53's messages.

use std::collections::BTreeMap;

use hickory_proto::rr::RecordType;

use super::messages;
use super::problem::Rule;
use super::record::{RecordData, RecordKey, RecordSet, Routing};
use crate::engine::name::format_name;

/// The sets stored at the same name as `key` (contiguous in key order).
fn at_name<'a>(
    sets: &'a BTreeMap<RecordKey, RecordSet>,
    key: &'a RecordKey,
) -> impl Iterator<Item = (&'a RecordKey, &'a RecordSet)> {
    let start = RecordKey {
        sort_name: key.sort_name.clone(),
        rtype: String::new(),
        set_id: String::new(),
    };
    sets.range(start..)
        .take_while(move |(k, _)| k.sort_name == key.sort_name)
}

/// Problems with adding `new` (CREATE or UPSERT) to `sets`; a set stored
/// under the same key is the one being replaced and does not count.
pub fn conflicts(
    sets: &BTreeMap<RecordKey, RecordSet>,
    zone_name: &hickory_proto::rr::Name,
    new: &RecordSet,
) -> Vec<(Rule, String)> {
    let key = new.key();
    let name = format_name(&new.name);
    let zone = format_name(zone_name);
    let rtype = new.rtype.to_string();
    let mut out = Vec::new();
    // #11, #41: not even an alias CNAME at the apex.
    if new.rtype == RecordType::CNAME && new.name == *zone_name {
        out.push((Rule::CnameAtApex, messages::cname_at_apex(&name, &zone)));
        return out;
    }
    // #15: one SOA, at the apex.
    if new.rtype == RecordType::SOA && new.name != *zone_name {
        out.push((Rule::SoaRequired, messages::SOA_REQUIRED.to_string()));
        return out;
    }
    let others: Vec<&RecordSet> = at_name(sets, &key)
        .filter(|(k, _)| **k != key)
        .map(|(_, s)| s)
        .collect();
    if new.rtype == RecordType::CNAME && others.iter().any(|s| s.rtype != RecordType::CNAME) {
        out.push((Rule::CnameConflict, messages::cname_conflicts(&name, &zone)));
        return out;
    }
    if new.rtype != RecordType::CNAME && others.iter().any(|s| s.rtype == RecordType::CNAME) {
        out.push((
            Rule::BesideCname,
            messages::beside_cname(&rtype, &name, &zone),
        ));
        return out;
    }
    let group: Vec<&RecordSet> = others
        .into_iter()
        .filter(|s| s.rtype == new.rtype)
        .collect();
    let Some(set_id) = new.routing.set_id() else {
        if !group.is_empty() {
            out.push((
                Rule::RoutingMix,
                messages::simple_beside_routed(&name, &rtype),
            ));
        }
        return out;
    };
    if group.iter().any(|s| !s.routing.same_policy(&new.routing)) {
        let policy = new.routing.policy_word();
        out.push((
            Rule::RoutingMix,
            messages::routed_beside_other(&name, &rtype, set_id, policy),
        ));
        return out;
    }
    for other in group {
        let taken = match (&new.routing, &other.routing) {
            (Routing::Latency { region, .. }, Routing::Latency { region: r, .. })
                if region == r =>
            {
                Some((
                    Rule::DuplicateLatencyRegion,
                    messages::latency_region_taken(&name, &rtype, set_id, region),
                ))
            }
            (Routing::Failover { role, .. }, Routing::Failover { role: r, .. }) if role == r => {
                Some((
                    Rule::DuplicateFailoverRole,
                    messages::failover_role_taken(&name, &rtype, set_id, role.as_str()),
                ))
            }
            (Routing::Geolocation { location, .. }, Routing::Geolocation { location: l, .. })
                if location == l =>
            {
                let shown = serde_json::to_string(location).unwrap_or_default();
                Some((
                    Rule::DuplicateGeoLocation,
                    messages::geo_location_taken(&name, &rtype, set_id, &shown),
                ))
            }
            _ => None,
        };
        if let Some(m) = taken {
            out.push(m);
            return out;
        }
    }
    out
}

/// API `ChangeResourceRecordSets` ("you must specify all the same values
/// that you specified when you created it"), #5: TTL, values (in any
/// order), alias target, routing parameters and health check must match.
pub fn same_as_stored(stored: &RecordSet, given: &RecordSet) -> bool {
    let data_match = match (&stored.data, &given.data) {
        (RecordData::Values { ttl, values }, RecordData::Values { ttl: t, values: v }) => {
            ttl == t
                && values.len() == v.len()
                && values.iter().all(|a| v.iter().any(|b| a.rdata == b.rdata))
        }
        (RecordData::Alias(a), RecordData::Alias(b)) => {
            a.dns_name == b.dns_name
                && a.hosted_zone_id.trim_start_matches("/hostedzone/")
                    == b.hosted_zone_id.trim_start_matches("/hostedzone/")
                && a.evaluate_target_health == b.evaluate_target_health
        }
        _ => false,
    };
    data_match && stored.routing == given.routing && stored.health_check_id == given.health_check_id
}

/// #21, #37, #42: an alias whose `HostedZoneId` is this zone must target a
/// name inside it that holds a set of the alias's type (as changed so far).
/// Targets in other zones (AWS services) are not checked: dnsplay does not
/// know their records.
pub fn alias_problems(
    sets: &BTreeMap<RecordKey, RecordSet>,
    zone_id: &str,
    zone_name: &hickory_proto::rr::Name,
    new: &RecordSet,
) -> Option<(Rule, String)> {
    let RecordData::Alias(alias) = &new.data else {
        return None;
    };
    let target_zone = alias.hosted_zone_id.rsplit('/').next().unwrap_or_default();
    if target_zone != zone_id {
        return None;
    }
    let target = format_name(&alias.dns_name);
    let rtype = new.rtype.to_string();
    if !crate::engine::name::is_in_zone(&alias.dns_name, zone_name) {
        return Some((
            Rule::AliasTargetOutsideZone,
            messages::alias_target_outside_zone(&target, &rtype, zone_id),
        ));
    }
    let key = RecordKey::new(&alias.dns_name, new.rtype, None);
    let found = at_name(sets, &key).any(|(_, s)| s.rtype == new.rtype && s.key() != new.key());
    (!found).then(|| {
        (
            Rule::AliasTargetNotFound,
            messages::alias_target_not_found(&target, &rtype, zone_id),
        )
    })
}
