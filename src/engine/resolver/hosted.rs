//! Route 53 hosted zones as plain zone data for the static tree.
//!
//! Simple record sets become records, simple aliases become lookup aliases.
//! Record sets with another routing policy need health and the client to
//! choose (Route 53 DG `routing-policy`); the static view assumes every set
//! healthy: a failover pair answers its PRIMARY, every other policy the
//! first set in SetIdentifier order. Time- and health-dependent answers come
//! from a [`super::RoutingView`] layered on top.

use std::collections::BTreeMap;

use hickory_proto::rr::{Name, Record, RecordType};

use crate::engine::lookup::Alias;
use crate::engine::route53::{FailoverRole, HostedZone, RecordData, RecordSet, Routing};

/// A zone's records and aliases, as [`crate::engine::lookup::AuthZone::new`]
/// takes them.
pub type ZoneData = (Vec<Record>, Vec<(Name, RecordType, Alias)>);

fn push(set: &RecordSet, out: &mut ZoneData) {
    match &set.data {
        RecordData::Values { .. } => out.0.extend(set.records()),
        RecordData::Alias(t) => out.1.push((
            set.name.clone(),
            set.rtype,
            Alias {
                target: t.dns_name.clone(),
                hosted_zone_id: t.hosted_zone_id.clone(),
                evaluate_target_health: t.evaluate_target_health,
            },
        )),
    }
}

/// The zone data of `zone` with every record set healthy.
pub fn static_zone_data(zone: &HostedZone) -> ZoneData {
    let mut out: ZoneData = (Vec::new(), Vec::new());
    let mut routed: BTreeMap<(Name, RecordType), Vec<&RecordSet>> = BTreeMap::new();
    for set in zone.sets() {
        match set.routing {
            Routing::Simple => push(set, &mut out),
            _ => routed
                .entry((set.name.clone(), set.rtype))
                .or_default()
                .push(set),
        }
    }
    for sets in routed.values() {
        let primary = sets.iter().find(|s| {
            matches!(
                s.routing,
                Routing::Failover {
                    role: FailoverRole::Primary,
                    ..
                }
            )
        });
        let first = sets
            .iter()
            .min_by(|a, b| a.routing.set_id().cmp(&b.routing.set_id()));
        if let Some(set) = primary.or(first) {
            push(set, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::route53::HostedZone;
    use crate::engine::route53::RecordSet;

    fn failover(name: &str, role: FailoverRole, ip: &str) -> RecordSet {
        let mut s = RecordSet::simple(name, "A", 60, &[ip]).unwrap();
        s.routing = Routing::Failover {
            set_id: role.as_str().to_lowercase(),
            role,
        };
        s
    }

    /// Route 53 DG `dns-failover-types`: with both healthy the primary answers.
    #[test]
    fn failover_pair_answers_the_primary_when_all_are_healthy() {
        let mut z = HostedZone::new(
            "Z1".into(),
            Name::from_ascii("example.com.").unwrap(),
            "r".into(),
            None,
            false,
            vec!["ns-1.awsdns-01.com".into()],
        )
        .unwrap();
        for s in [
            failover("api.example.com.", FailoverRole::Secondary, "192.0.2.2"),
            failover("api.example.com.", FailoverRole::Primary, "192.0.2.1"),
            RecordSet::simple("www.example.com.", "A", 300, &["192.0.2.3"]).unwrap(),
        ] {
            z.record_sets.insert(s.key(), s);
        }
        let (records, aliases) = static_zone_data(&z);
        let api: Vec<String> = records
            .iter()
            .filter(|r| r.name.to_ascii() == "api.example.com.")
            .map(|r| r.data.to_string())
            .collect();
        assert_eq!(api, vec!["192.0.2.1"]);
        assert!(records
            .iter()
            .any(|r| r.name.to_ascii() == "www.example.com."));
        assert!(aliases.is_empty());
    }
}
