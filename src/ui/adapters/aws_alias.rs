//! Aliases to AWS resources in the answer panel. Route 53 answers such an
//! alias itself, with the resource's addresses as records of the alias's
//! own name and type (DG `resource-record-sets-choosing-alias-non-alias`,
//! reference #39); the lookup only knows the hosted zones, so the answer
//! panel turns the alias into those records first, from the world's
//! addresses for the resource's name at the instant asked.

use std::net::IpAddr;

use hickory_proto::rr::{RData, Record, RecordType};

use crate::engine::name::format_name;
use crate::engine::resolver::ALIAS_TTL;
use crate::engine::route53::{AliasTarget, RecordSet};
use crate::engine::time::SimTime;
use crate::engine::world::World;

/// An alias to an AWS resource (its `HostedZoneId` is not this zone's)
/// answered as Route 53 does: records of the alias's own type and name
/// holding the resource's addresses at `at`, with the resource's TTL, as
/// the alias has none of its own (DG
/// `resource-record-sets-choosing-alias-non-alias`; API `TTL`: ELB's is
/// 60 s). A name the world does not know, or a type other than A/AAAA,
/// gives no records (the lookup then answers NODATA).
pub fn aws_alias_records(
    set: &RecordSet,
    a: &AliasTarget,
    world: &World,
    at: SimTime,
) -> Vec<Record> {
    let want_v4 = match set.rtype {
        RecordType::A => true,
        RecordType::AAAA => false,
        _ => return Vec::new(),
    };
    world
        .resolve(&format_name(&a.dns_name), at)
        .into_iter()
        .filter_map(|ip| match ip {
            IpAddr::V4(v4) if want_v4 => Some(RData::A(v4.into())),
            IpAddr::V6(v6) if !want_v4 => Some(RData::AAAA(v6.into())),
            _ => None,
        })
        .map(|data| Record::from_rdata(set.name.clone(), ALIAS_TTL, data))
        .collect()
}

/// The trace line saying how an alias to an AWS resource was answered.
pub fn aws_alias_note(set: &RecordSet, a: &AliasTarget, found: usize) -> String {
    let (name, rtype, target) = (format_name(&set.name), set.rtype, format_name(&a.dns_name));
    if found == 0 {
        format!(
            "{name} {rtype} is an alias to {target} (zone {}), which has no {rtype} addresses here",
            a.hosted_zone_id
        )
    } else {
        format!(
            "{name} {rtype} is an alias to the AWS resource {target} (zone {}): Route 53 answers with its addresses under {name}, TTL {ALIAS_TTL} s (the resource's; an alias has no TTL of its own)",
            a.hosted_zone_id
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::route53::RecordData;
    use crate::scenario::presets::choosing;

    fn app_alias() -> (RecordSet, AliasTarget) {
        let s = choosing::build(1).unwrap_or_else(|e| panic!("{e}"));
        let set = s.route53.zones[0]
            .sets()
            .find(|s| format_name(&s.name) == "app.hello-app.com.")
            .cloned()
            .unwrap_or_else(|| panic!("no app alias"));
        let RecordData::Alias(a) = set.data.clone() else {
            panic!("app is not an alias");
        };
        (set, a)
    }

    /// API `TTL`: the resource's TTL applies (60 s for a load balancer);
    /// only A and AAAA take addresses; an unknown name gives nothing.
    #[test]
    fn records_carry_the_resources_addresses_and_ttl() {
        let (set, a) = app_alias();
        let world = choosing::world();
        let got: Vec<(String, u32, String)> = aws_alias_records(&set, &a, &world, SimTime::ZERO)
            .iter()
            .map(|r| (r.name.to_ascii(), r.ttl, r.data.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("app.hello-app.com.".into(), 60, "192.0.2.41".into()),
                ("app.hello-app.com.".into(), 60, "192.0.2.42".into()),
            ]
        );
        let mut aaaa = set.clone();
        aaaa.rtype = RecordType::AAAA;
        assert!(aws_alias_records(&aaaa, &a, &world, SimTime::ZERO).is_empty());
        assert!(aws_alias_records(&set, &a, &World::default(), SimTime::ZERO).is_empty());
        assert!(aws_alias_note(&set, &a, 2).contains("TTL 60 s"));
        assert!(aws_alias_note(&set, &a, 0).contains("has no A addresses here"));
    }
}
