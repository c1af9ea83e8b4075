//! [`AuthZone`]: one authoritative zone as a read-only snapshot, the shape
//! the lookup walks (RFC 1034 §4.3.2 step 3).
//!
//! Owner names are kept in RFC 4034 §6.1 canonical order (case-insensitive),
//! so iteration and export are stable. Empty non-terminals (names with no
//! records but with descendants that have some) are computed once at build:
//! RFC 4592 §2.2.2 says they *exist*, so they answer NODATA and block
//! wildcards.

use std::collections::{BTreeMap, BTreeSet};

use hickory_proto::rr::{LowerName, Name, Record, RecordType};

use super::error::ZoneError;
use super::node::{Alias, Node, RrSet};

/// One authoritative zone: origin, owner names with their record sets, and
/// the empty non-terminals between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthZone {
    origin: Name,
    nodes: BTreeMap<LowerName, Node>,
    empty_non_terminals: BTreeSet<LowerName>,
}

impl AuthZone {
    /// Builds a zone from plain records and Route 53 aliases
    /// `(owner, type, alias)`. Duplicate record data is dropped; an RRset
    /// keeps its first TTL. Fails on the problems BIND refuses to load
    /// (see [`ZoneError`]); the apex must carry an SOA.
    pub fn new(
        origin: Name,
        records: Vec<Record>,
        aliases: Vec<(Name, RecordType, Alias)>,
    ) -> Result<AuthZone, ZoneError> {
        AuthZone::with_empty_names(origin, records, aliases, Vec::new())
    }

    /// [`AuthZone::new`], plus owner names that exist with no data at all:
    /// a Route 53 name whose record sets routing answers none of at this
    /// instant (geolocation with no matching location and no default, DG
    /// `routing-policy-geo`: "Route 53 returns a 'no answer' response").
    /// Such a name exists: it answers NODATA, not NXDOMAIN (RFC 8020), and
    /// blocks wildcards below its parent as any existing name does
    /// (RFC 4592 §2.2.2). A name that also has records is just that node.
    pub fn with_empty_names(
        origin: Name,
        records: Vec<Record>,
        aliases: Vec<(Name, RecordType, Alias)>,
        empty: Vec<Name>,
    ) -> Result<AuthZone, ZoneError> {
        let mut origin = origin;
        origin.set_fqdn(true);
        let lower_origin = LowerName::new(&origin);
        let mut nodes: BTreeMap<LowerName, Node> = BTreeMap::new();
        let check_in_zone = |name: &Name| -> Result<LowerName, ZoneError> {
            let mut n = name.clone();
            n.set_fqdn(true);
            let lower = LowerName::new(&n);
            if lower_origin.zone_of(&lower) {
                Ok(lower)
            } else {
                Err(ZoneError::OutOfZone {
                    name: n.to_string(),
                    origin: origin.to_string(),
                })
            }
        };
        for record in records {
            let lower = check_in_zone(&record.name)?;
            let rtype = record.record_type();
            let node = nodes.entry(lower).or_insert_with(|| Node {
                name: fqdn(&record.name),
                rrsets: BTreeMap::new(),
            });
            match node.rrsets.entry(rtype).or_insert_with(|| RrSet::Records {
                ttl: record.ttl,
                rdatas: Vec::new(),
            }) {
                RrSet::Records { rdatas, .. } => {
                    if !rdatas.contains(&record.data) {
                        rdatas.push(record.data);
                    }
                }
                RrSet::Alias(_) => {
                    return Err(ZoneError::AliasConflict {
                        name: node.name.to_string(),
                        rtype,
                    })
                }
            }
        }
        for (name, rtype, alias) in aliases {
            let lower = check_in_zone(&name)?;
            let node = nodes.entry(lower).or_insert_with(|| Node {
                name: fqdn(&name),
                rrsets: BTreeMap::new(),
            });
            if node.rrsets.contains_key(&rtype) {
                return Err(ZoneError::AliasConflict {
                    name: node.name.to_string(),
                    rtype,
                });
            }
            node.rrsets.insert(rtype, RrSet::Alias(alias));
        }
        for name in empty {
            let lower = check_in_zone(&name)?;
            nodes.entry(lower).or_insert_with(|| Node {
                name: fqdn(&name),
                rrsets: BTreeMap::new(),
            });
        }
        for (lower, node) in &nodes {
            if node.rrsets.contains_key(&RecordType::CNAME) && node.rrsets.len() > 1 {
                return Err(ZoneError::CnameAndOtherData {
                    name: node.name.to_string(),
                });
            }
            if node.rrsets.contains_key(&RecordType::NS) && node.name.is_wildcard() {
                return Err(ZoneError::WildcardNs {
                    name: node.name.to_string(),
                });
            }
            if node.rrsets.contains_key(&RecordType::SOA) && *lower != lower_origin {
                return Err(ZoneError::SoaNotAtApex {
                    name: node.name.to_string(),
                });
            }
        }
        match nodes
            .get(&lower_origin)
            .map(|n| n.records(RecordType::SOA).len())
        {
            Some(1) => {}
            Some(0) | None => {
                return Err(ZoneError::MissingSoa {
                    origin: origin.to_string(),
                })
            }
            Some(_) => return Err(ZoneError::MultipleSoa),
        }
        let mut empty_non_terminals = BTreeSet::new();
        let origin_labels = label_count(&origin);
        for lower in nodes.keys() {
            // Every ancestor strictly between the owner and the apex exists
            // (RFC 4592 §2.2.2); the label count bounds this loop.
            let mut n = lower.base_name();
            while label_count(&n) > origin_labels {
                if !nodes.contains_key(&n) {
                    empty_non_terminals.insert(n.clone());
                }
                n = n.base_name();
            }
        }
        Ok(AuthZone {
            origin,
            nodes,
            empty_non_terminals,
        })
    }

    /// The zone's origin (apex name), fully qualified.
    pub fn origin(&self) -> &Name {
        &self.origin
    }

    /// Whether `name` is at or below the origin.
    pub fn contains_name(&self, name: &LowerName) -> bool {
        LowerName::new(&self.origin).zone_of(name)
    }

    /// The node at `name` (case-insensitive): it has data, or is a name
    /// kept with none ([`AuthZone::with_empty_names`]).
    pub fn node(&self, name: &LowerName) -> Option<&Node> {
        self.nodes.get(name)
    }

    /// The apex node (it always exists: it holds the SOA).
    pub fn apex(&self) -> Option<&Node> {
        self.nodes.get(&LowerName::new(&self.origin))
    }

    /// Whether `name` is an empty non-terminal: no data, but descendants
    /// with data (RFC 4592 §2.2.2).
    pub fn is_empty_non_terminal(&self, name: &LowerName) -> bool {
        self.empty_non_terminals.contains(name)
    }

    /// Whether `name` exists in the RFC 4592 sense: it has data or is an
    /// empty non-terminal.
    pub fn exists(&self, name: &LowerName) -> bool {
        self.nodes.contains_key(name) || self.empty_non_terminals.contains(name)
    }

    /// Every node, in canonical order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes.values()
    }

    /// All plain records of the zone in canonical order (owner, then type).
    pub fn records(&self) -> Vec<Record> {
        self.nodes
            .values()
            .flat_map(|n| n.rrsets.keys().flat_map(move |t| n.records(*t)))
            .collect()
    }

    /// All aliases of the zone `(owner, type, alias)`, in canonical order.
    pub fn aliases(&self) -> Vec<(Name, RecordType, Alias)> {
        self.nodes
            .values()
            .flat_map(|n| {
                n.rrsets.iter().filter_map(move |(t, s)| match s {
                    RrSet::Alias(a) => Some((n.name.clone(), *t, a.clone())),
                    RrSet::Records { .. } => None,
                })
            })
            .collect()
    }

    /// The SOA record of the apex.
    pub fn soa(&self) -> Option<Record> {
        self.apex()?.records(RecordType::SOA).into_iter().next()
    }

    /// The closest encloser of a name that does not exist: its nearest
    /// existing ancestor, the apex at the latest (RFC 4592 §3.3.1). The
    /// walk is bounded by the name's label count.
    pub fn closest_encloser(&self, name: &Name) -> Name {
        let mut encloser = name.base_name();
        while !self.exists(&LowerName::new(&encloser))
            && label_count(&encloser) > label_count(&self.origin)
        {
            encloser = encloser.base_name();
        }
        encloser
    }

    /// The topmost zone cut at or above `name` and below the apex: the first
    /// node with NS records met walking down from the apex (RFC 1034 §4.3.2
    /// step 3b). Data below a cut is glue, never an answer.
    pub fn zone_cut(&self, name: &LowerName) -> Option<&Node> {
        let origin_labels = label_count(&self.origin);
        let depth = label_count(name);
        (origin_labels + 1..=depth)
            .map(|labels| LowerName::new(&name.trim_to(labels)))
            .find_map(|n| {
                self.nodes
                    .get(&n)
                    .filter(|node| node.rrsets.contains_key(&RecordType::NS))
            })
    }
}

/// The number of labels, counting a leading `*`. hickory-proto's
/// `num_labels` leaves the `*` out (the RRSIG Labels field of RFC 4034
/// §3.1.3), which would make `*.example.` look like `example.`.
pub(crate) fn label_count(name: &Name) -> usize {
    name.iter().count()
}

fn fqdn(name: &Name) -> Name {
    let mut n = name.clone();
    n.set_fqdn(true);
    n
}

#[cfg(test)]
mod tests;
