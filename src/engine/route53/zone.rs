//! A hosted zone as Route 53 creates it (DG `SOA-NSrecords`, reference #36):
//! an id of Route 53's shape, four `awsdns` name servers, and the apex NS
//! (TTL 172800) and SOA (TTL 900, `awsdns-hostmaster.amazon.com. 1 7200 900
//! 1209600 86400`) record sets. Route 53 never bumps the SOA serial itself.

use std::collections::BTreeMap;

use hickory_proto::rr::{Name, Record, RecordType};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::record::{RecordKey, RecordSet};
use crate::engine::name::{format_name, parse_name};
use crate::engine::rng::SimRng;

/// TTL of the apex NS set Route 53 creates (DG `SOA-NSrecords`).
pub const DEFAULT_NS_TTL: u32 = 172_800;
/// TTL of the apex SOA set Route 53 creates (DG `SOA-NSrecords`).
pub const DEFAULT_SOA_TTL: u32 = 900;
/// Everything after MNAME in Route 53's default SOA (DG `SOA-NSrecords`).
pub const DEFAULT_SOA_TAIL: &str = "awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400";

/// Route 53 ids are `Z`/`C` plus uppercase letters and digits.
const ID_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// An id of Route 53's shape: `prefix` plus 20 uppercase letters and digits
/// (real ids are 14 to 32 characters; `Z0123456789ABCDEFGHIJ` is typical).
pub fn new_id(prefix: char, rng: &mut SimRng) -> String {
    let mut id = String::with_capacity(21);
    id.push(prefix);
    for _ in 0..20 {
        let i = usize::try_from(rng.below(ID_ALPHABET.len() as u64)).unwrap_or(0);
        id.push(char::from(ID_ALPHABET.get(i).copied().unwrap_or(b'A')));
    }
    id
}

/// Four name servers as Route 53 assigns them, one per TLD
/// (`ns-1234.awsdns-12.com`, `.net`, `.org`, `.co.uk`), without the
/// trailing dot, as `DelegationSet.NameServers` lists them.
pub fn new_name_servers(rng: &mut SimRng) -> Vec<String> {
    ["com", "net", "org", "co.uk"]
        .iter()
        .map(|tld| {
            let n = rng.below(2048);
            let stripe = rng.below(64);
            format!("ns-{n}.awsdns-{stripe:02}.{tld}")
        })
        .collect()
}

/// A hosted zone and its record sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostedZone {
    /// The id without `/hostedzone/`, e.g. `Z0123456789ABCDEFGHIJ`.
    pub id: String,
    /// The apex, lowercase and fully qualified.
    #[serde(with = "name_text")]
    pub name: Name,
    /// The caller reference the zone was created with (unique per account).
    pub caller_reference: String,
    /// `HostedZoneConfig.Comment`, if given.
    pub comment: Option<String>,
    /// `HostedZoneConfig.PrivateZone`.
    pub private_zone: bool,
    /// The delegation set, without trailing dots.
    pub name_servers: Vec<String>,
    /// The record sets in `ListResourceRecordSets` order.
    #[serde(with = "sets_as_list")]
    pub record_sets: BTreeMap<RecordKey, RecordSet>,
}

impl HostedZone {
    /// A new zone with Route 53's apex NS and SOA sets. `name` must already
    /// be valid (see `Route53::create_hosted_zone`).
    pub fn new(
        id: String,
        name: Name,
        caller_reference: String,
        comment: Option<String>,
        private_zone: bool,
        name_servers: Vec<String>,
    ) -> Result<HostedZone, String> {
        let apex = format_name(&name);
        let ns_values: Vec<String> = name_servers.iter().map(|n| format!("{n}.")).collect();
        let ns_refs: Vec<&str> = ns_values.iter().map(String::as_str).collect();
        let ns = RecordSet::simple(&apex, "NS", DEFAULT_NS_TTL, &ns_refs)?;
        let mname = ns_values.first().cloned().unwrap_or_default();
        let soa_value = format!("{mname} {DEFAULT_SOA_TAIL}");
        let soa = RecordSet::simple(&apex, "SOA", DEFAULT_SOA_TTL, &[soa_value.as_str()])?;
        let mut record_sets = BTreeMap::new();
        for set in [ns, soa] {
            record_sets.insert(set.key(), set);
        }
        Ok(HostedZone {
            id,
            name,
            caller_reference,
            comment,
            private_zone,
            name_servers,
            record_sets,
        })
    }

    /// The apex as the API prints it, e.g. `example.com.`.
    pub fn name_text(&self) -> String {
        format_name(&self.name)
    }

    /// True when `name` is the apex.
    pub fn is_apex(&self, name: &Name) -> bool {
        *name == self.name
    }

    /// The set stored under `key`.
    pub fn get(&self, key: &RecordKey) -> Option<&RecordSet> {
        self.record_sets.get(key)
    }

    /// The sets in `ListResourceRecordSets` order.
    pub fn sets(&self) -> impl Iterator<Item = &RecordSet> {
        self.record_sets.values()
    }

    /// `ResourceRecordSetCount`.
    pub fn record_set_count(&self) -> usize {
        self.record_sets.len()
    }

    /// True while the zone holds only its apex SOA and NS (so it may be
    /// deleted: API `DeleteHostedZone`).
    pub fn has_only_required_sets(&self) -> bool {
        self.sets()
            .all(|s| self.is_apex(&s.name) && matches!(s.rtype, RecordType::SOA | RecordType::NS))
    }

    /// Every hickory record of the zone, set by set in list order; aliases
    /// contribute none (see [`RecordSet::records`]).
    pub fn records(&self) -> Vec<Record> {
        self.sets().flat_map(RecordSet::records).collect()
    }
}

mod name_text {
    use super::*;

    pub fn serialize<S: Serializer>(name: &Name, s: S) -> Result<S::Ok, S::Error> {
        format_name(name).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        let text = String::deserialize(d)?;
        parse_name(&text).map_err(serde::de::Error::custom)
    }
}

mod sets_as_list {
    use super::*;

    pub fn serialize<S: Serializer>(
        sets: &BTreeMap<RecordKey, RecordSet>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(sets.values())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<RecordKey, RecordSet>, D::Error> {
        let list = Vec::<RecordSet>::deserialize(d)?;
        Ok(list.into_iter().map(|s| (s.key(), s)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone() -> HostedZone {
        let mut rng = SimRng::derive(7, "zone-test");
        let id = new_id('Z', &mut rng);
        let ns = new_name_servers(&mut rng);
        let name = parse_name("Example.COM").unwrap_or_else(|_| Name::root());
        HostedZone::new(id, name, "ref".into(), None, false, ns).unwrap_or_else(|e| panic!("{e}"))
    }

    /// DG `SOA-NSrecords` (#36): the apex NS and SOA Route 53 creates.
    #[test]
    fn new_zone_has_route53_apex_sets() {
        let z = zone();
        assert_eq!(z.name_text(), "example.com.");
        assert!(z.id.starts_with('Z') && z.id.len() == 21);
        assert!(z
            .id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
        let sets: Vec<&RecordSet> = z.sets().collect();
        assert_eq!(sets.len(), 2);
        assert_eq!(
            (sets[0].rtype, sets[0].ttl()),
            (RecordType::NS, Some(172_800))
        );
        assert_eq!((sets[1].rtype, sets[1].ttl()), (RecordType::SOA, Some(900)));
        let tlds = [".com.", ".net.", ".org.", ".co.uk."];
        for (value, tld) in sets[0].values().iter().zip(tlds) {
            let v = &value.text;
            assert!(
                v.starts_with("ns-") && v.contains(".awsdns-") && v.ends_with(tld),
                "{v}"
            );
        }
        let soa = &sets[1].values()[0].text;
        assert!(
            soa.starts_with(&sets[0].values()[0].text),
            "MNAME is the first NS: {soa}"
        );
        assert!(soa.ends_with(" awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"));
        assert!(z.has_only_required_sets());
        assert_eq!(z.records().len(), 5);
    }

    /// Determinism: the same seed and stable id give the same zone.
    #[test]
    fn ids_come_from_the_seed() {
        assert_eq!(zone(), zone());
        let mut other = SimRng::derive(8, "zone-test");
        assert_ne!(new_id('Z', &mut other), zone().id);
    }

    /// The state form round-trips (the console keeps it in a file).
    #[test]
    fn zone_state_round_trips() {
        let z = zone();
        let json = serde_json::to_string(&z).unwrap_or_default();
        let back: HostedZone = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, z);
    }
}
