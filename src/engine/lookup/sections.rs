//! The authority and additional sections BIND 9 adds around an answer.
//!
//! BIND 9.18's default `minimal-responses no-auth-recursive;` gives a
//! query without RD (what `dig +norec` and every resolver send to an
//! authoritative server) full sections: the zone's NS set in Authority for
//! positive answers, and addresses for NS, MX and SRV targets in
//! Additional. Observed against `named` 9.18 in `tests/bind_compat.rs`.

use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::answer::Answer;
use super::zone::AuthZone;

/// The SOA for a negative answer: its TTL is the negative-caching TTL,
/// min(SOA TTL, SOA MINIMUM) (RFC 2308 §3, and BIND does the same).
pub(crate) fn negative_soa(zone: &AuthZone) -> Option<Record> {
    let mut soa = zone.soa()?;
    if let RData::SOA(data) = &soa.data {
        soa.ttl = soa.ttl.min(data.minimum);
    }
    Some(soa)
}

/// The names whose addresses belong in Additional: RFC 1035 §3.3.9 (MX),
/// §3.3.11 (NS) and RFC 2782 (SRV) ask for "additional section processing".
fn additional_targets(records: &[Record]) -> Vec<Name> {
    records
        .iter()
        .filter_map(|r| match &r.data {
            RData::NS(ns) => Some(ns.0.clone()),
            RData::MX(mx) => Some(mx.exchange.clone()),
            RData::SRV(srv) => Some(srv.target.clone()),
            _ => None,
        })
        .collect()
}

/// A and AAAA records the zone holds for `target`. `glue_ok` is for the
/// NS targets of a referral: then addresses at or below a zone cut count,
/// found by exact name only. Otherwise a target
/// that does not exist gets addresses synthesized from its wildcard, owner
/// `target` (BIND's additional-section lookup is a normal lookup; observed
/// in `tests/bind_compat_random.rs`).
pub(crate) fn addresses(zone: &AuthZone, target: &Name, glue_ok: bool) -> Vec<Record> {
    let lower = LowerName::new(target);
    if !zone.contains_name(&lower) || (!glue_ok && zone.zone_cut(&lower).is_some()) {
        return Vec::new();
    }
    let addresses_at = |n: &super::node::Node| {
        let mut v = n.records(RecordType::A);
        v.extend(n.records(RecordType::AAAA));
        v
    };
    if glue_ok {
        // Referral glue is looked up by exact name, never synthesized from
        // a wildcard (observed with named 9.18).
        return zone.node(&lower).map(addresses_at).unwrap_or_default();
    }
    if let Some(node) = zone.node(&lower) {
        return addresses_at(node);
    }
    if zone.exists(&lower) || zone.zone_cut(&lower).is_some() {
        return Vec::new();
    }
    let wild = zone
        .closest_encloser(target)
        .prepend_label("*")
        .ok()
        .and_then(|w| zone.node(&LowerName::new(&w)));
    let owner = target.to_lowercase();
    wild.map(|w| {
        addresses_at(w)
            .into_iter()
            .map(|mut r| {
                r.name = owner.clone();
                r
            })
            .collect()
    })
    .unwrap_or_default()
}

fn push_unique(into: &mut Vec<Record>, rec: Record, also_not_in: &[Record]) {
    if !into.contains(&rec) && !also_not_in.contains(&rec) {
        into.push(rec);
    }
}

/// Adds addresses for the NS/MX/SRV targets of `from` to Additional,
/// skipping records already in the Answer section (BIND does not repeat
/// them).
pub(crate) fn add_additional(zone: &AuthZone, ans: &mut Answer, from: &[Record], glue_ok: bool) {
    for target in additional_targets(from) {
        for rec in addresses(zone, &target, glue_ok) {
            push_unique(&mut ans.additional, rec, &ans.answer);
        }
    }
}

/// Authority and Additional for a positive answer (BIND, RD clear): the
/// apex NS set unless Answer already holds it; addresses for the targets of
/// both sections, none for ANY.
pub(crate) fn complete_positive(zone: &AuthZone, ans: &mut Answer, qtype: RecordType) {
    let origin = LowerName::new(zone.origin());
    let apex_ns_in_answer = ans
        .answer
        .iter()
        .any(|r| r.record_type() == RecordType::NS && LowerName::new(&r.name) == origin);
    let apex_ns = zone
        .apex()
        .map(|n| n.records(RecordType::NS))
        .unwrap_or_default();
    if !apex_ns_in_answer && !apex_ns.is_empty() {
        ans.authority = apex_ns;
        ans.step(
            "BIND 9 minimal-responses no-auth-recursive",
            "positive answer to a query without RD: the zone's NS set goes in Authority",
        );
        ans.route53_note(
            "Route 53 DG DNSBehavior",
            "Route 53 documents the same for successful answers: it appends the hosted \
             zone's NS records to the Authority section",
        );
    }
    if qtype == RecordType::ANY {
        return;
    }
    let answer = ans.answer.clone();
    add_additional(zone, ans, &answer, false);
    let authority = ans.authority.clone();
    add_additional(zone, ans, &authority, false);
    if !ans.additional.is_empty() {
        ans.step(
            "RFC 1035 §3.3.9, §3.3.11; RFC 2782",
            "additional section processing: addresses the zone holds for NS, MX and SRV targets",
        );
    }
}
