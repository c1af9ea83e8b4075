//! Completing the generated tree: the TLD and server-domain zones the
//! user's zones need, then apex SOA and NS, delegations with glue and the
//! servers' own addresses (RFC 1034 §4.2.1).

use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;

use hickory_proto::rr::rdata::{A, NS, SOA};
use hickory_proto::rr::{LowerName, Name, RData, Record};

use super::super::servers::{tld_servers, NameServer};
use super::{lower, Draft, BUILTIN_TTL, DELEGATION_TTL};

fn soa(origin: &Name, mname: &Name, ttl: u32, minimum: u32) -> Record {
    let rname = Name::from_ascii("hostmaster.")
        .ok()
        .and_then(|h| h.append_domain(origin).ok())
        .unwrap_or_else(Name::root);
    Record::from_rdata(
        origin.clone(),
        ttl,
        RData::SOA(SOA::new(
            mname.clone(),
            rname,
            2_026_112_401,
            1800,
            900,
            604_800,
            minimum,
        )),
    )
}

fn is_under(name: &Name, zone: &Name) -> bool {
    lower(zone).zone_of(&lower(name))
}

/// The nearest draft strictly above `name` (or at it when `inclusive`).
fn nearest<'a>(
    drafts: &'a BTreeMap<LowerName, Draft>,
    name: &Name,
    inclusive: bool,
) -> Option<&'a Draft> {
    let mut n = lower(name);
    if !inclusive {
        if n.is_root() {
            return None;
        }
        n = n.base_name();
    }
    // At most 128 labels.
    loop {
        if let Some(d) = drafts.get(&n) {
            return Some(d);
        }
        if n.is_root() {
            return None;
        }
        n = n.base_name();
    }
}

/// Adds TLD zones and server-domain zones until every zone has a parent
/// that can delegate to it and every server name has a zone that holds its
/// address; then writes SOA, NS, delegations, glue and server addresses.
pub(super) fn complete(drafts: &mut BTreeMap<LowerName, Draft>) {
    // A new zone can need a new TLD whose servers need a new zone: a few
    // rounds reach the fixed point (root, TLD, server domain, its TLD).
    for _round in 0..6 {
        let mut added: Vec<Draft> = Vec::new();
        let mut tlds: BTreeSet<Name> = BTreeSet::new();
        let mut server_domains: BTreeMap<Name, Vec<NameServer>> = BTreeMap::new();
        for d in drafts.values() {
            if d.origin.num_labels() > 1 || (d.origin.num_labels() == 1 && !d.generated) {
                tlds.insert(d.origin.trim_to(1));
            }
            for s in &d.servers {
                let holder = nearest(drafts, &s.name, true);
                if holder.is_none_or(|h| h.origin.num_labels() <= 1) && s.name.num_labels() > 2 {
                    server_domains
                        .entry(s.name.base_name())
                        .or_default()
                        .push(s.clone());
                }
                if s.name.num_labels() >= 1 {
                    tlds.insert(s.name.trim_to(1));
                }
            }
        }
        for tld in tlds {
            if !drafts.contains_key(&lower(&tld)) && !tld.is_root() {
                let label = tld.to_ascii().trim_end_matches('.').to_ascii_lowercase();
                added.push(Draft {
                    origin: tld,
                    servers: tld_servers(&label),
                    data: (Vec::new(), Vec::new()),
                    generated: true,
                });
            }
        }
        for (origin, mut servers) in server_domains {
            servers.sort();
            servers.dedup();
            if !drafts.contains_key(&lower(&origin)) {
                added.push(Draft {
                    origin,
                    servers,
                    data: (Vec::new(), Vec::new()),
                    generated: true,
                });
            }
        }
        if added.is_empty() {
            break;
        }
        for d in added {
            drafts.entry(lower(&d.origin)).or_insert(d);
        }
    }
    // Apex SOA and NS of generated zones. Negative TTL = min(SOA TTL,
    // MINIMUM) (RFC 2308 §5): 86400/86400 at the root, 900/86400 in TLDs as
    // com publishes, 300/300 elsewhere.
    for d in drafts.values_mut().filter(|d| d.generated) {
        let Some(first) = d.servers.first() else {
            continue;
        };
        let (ttl, minimum) = match d.origin.num_labels() {
            0 => (86_400, 86_400),
            1 => (900, 86_400),
            _ => (BUILTIN_TTL, BUILTIN_TTL),
        };
        let ns_ttl = if d.origin.num_labels() <= 1 {
            DELEGATION_TTL
        } else {
            BUILTIN_TTL
        };
        let mname = first.name.clone();
        d.data.0.push(soa(&d.origin, &mname, ttl, minimum));
        for s in d.servers.clone() {
            d.data.0.push(Record::from_rdata(
                d.origin.clone(),
                ns_ttl,
                RData::NS(NS(s.name)),
            ));
        }
    }
    // Delegations with glue, and each server's own address record.
    let mut additions: Vec<(LowerName, Record)> = Vec::new();
    for d in drafts.values() {
        if let Some(parent) = nearest(drafts, &d.origin, false).filter(|p| p.generated) {
            for s in &d.servers {
                additions.push((
                    lower(&parent.origin),
                    Record::from_rdata(
                        d.origin.clone(),
                        DELEGATION_TTL,
                        RData::NS(NS(s.name.clone())),
                    ),
                ));
                if is_under(&s.name, &parent.origin) {
                    if let Some(r) = a_record(s, DELEGATION_TTL) {
                        additions.push((lower(&parent.origin), r));
                    }
                }
            }
        }
        for s in &d.servers {
            if let Some(holder) = nearest(drafts, &s.name, true).filter(|h| h.generated) {
                if let Some(r) = a_record(s, DELEGATION_TTL) {
                    additions.push((lower(&holder.origin), r));
                }
            }
        }
    }
    for (key, r) in additions {
        if let Some(d) = drafts.get_mut(&key) {
            d.data.0.push(r);
        }
    }
}

fn a_record(s: &NameServer, ttl: u32) -> Option<Record> {
    match s.ip {
        IpAddr::V4(v4) => Some(Record::from_rdata(s.name.clone(), ttl, RData::A(A(v4)))),
        IpAddr::V6(_) => None,
    }
}
