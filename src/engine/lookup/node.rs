//! The data at one owner name: record sets, plain or Route 53 alias.

use std::collections::BTreeMap;

use hickory_proto::rr::{Name, RData, Record, RecordType};

/// A Route 53 alias: the record set answers with the data of `target`.
/// Route 53 resolves it inside its own zones; the answer carries the queried
/// name as owner and no trace of the alias on the wire
/// (Route 53 DG `resource-record-sets-choosing-alias-non-alias`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The DNS name the alias points at (a record in this or another zone).
    pub target: Name,
    /// The hosted zone id of the target, as Route 53's `AliasTarget` takes it.
    pub hosted_zone_id: String,
    /// `EvaluateTargetHealth`; kept for the routing layer, the lookup ignores it.
    pub evaluate_target_health: bool,
}

/// The data of one owner name and type: plain records sharing one TTL
/// (RFC 2181 §5.2), or a Route 53 alias.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RrSet {
    /// Ordinary records; `ttl` is the TTL of the first record seen, as BIND
    /// does when a zone file gives one RRset several TTLs.
    Records {
        /// The set's TTL.
        ttl: u32,
        /// The record data, in insertion order, without duplicates.
        rdatas: Vec<RData>,
    },
    /// A Route 53 alias record set.
    Alias(Alias),
}

/// All record sets at one owner name; none for a Route 53 name whose
/// routing answers nothing at the moment, which still exists
/// ([`super::AuthZone::with_empty_names`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The owner name with the case it was first given.
    pub name: Name,
    /// The record sets by type (ordered by type number).
    pub rrsets: BTreeMap<RecordType, RrSet>,
}

impl Node {
    /// The records of one type as hickory [`Record`]s (empty for an alias or
    /// a missing type).
    pub fn records(&self, rtype: RecordType) -> Vec<Record> {
        match self.rrsets.get(&rtype) {
            Some(RrSet::Records { ttl, rdatas }) => rdatas
                .iter()
                .map(|d| Record::from_rdata(self.name.clone(), *ttl, d.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The target of the CNAME at this node, if there is one.
    pub fn cname_target(&self) -> Option<&Name> {
        match self.rrsets.get(&RecordType::CNAME) {
            Some(RrSet::Records { rdatas, .. }) => rdatas.iter().find_map(|d| match d {
                RData::CNAME(c) => Some(&c.0),
                _ => None,
            }),
            _ => None,
        }
    }
}
