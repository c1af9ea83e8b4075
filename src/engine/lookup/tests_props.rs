//! Property tests over generated zones: invariants every authoritative
//! answer must keep, whatever the zone.

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::rdata::{A, CNAME, NS, SOA};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use proptest::prelude::*;

use super::*;
use crate::engine::wire;

fn origin() -> Name {
    Name::from_ascii("p.test.").unwrap()
}

/// Owner names of 1-3 labels under the origin, from a small alphabet so
/// names share ancestors (and make empty non-terminals and wildcards).
fn owner() -> impl Strategy<Value = Name> {
    proptest::collection::vec(
        prop_oneof![Just("a"), Just("b"), Just("*"), Just("Cc")],
        1..4,
    )
    .prop_map(|labels| Name::from_ascii(format!("{}.p.test.", labels.join("."))).unwrap())
}

#[derive(Debug, Clone)]
enum Kind {
    A,
    Cname(Name),
    Ns,
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        4 => Just(Kind::A),
        2 => owner().prop_map(Kind::Cname),
        1 => Just(Kind::Ns),
    ]
}

fn build(entries: &[(Name, Kind)]) -> Option<AuthZone> {
    let o = origin();
    let mut records = vec![Record::from_rdata(
        o.clone(),
        300,
        RData::SOA(SOA::new(o.clone(), o.clone(), 1, 2, 3, 4, 60)),
    )];
    for (name, kind) in entries {
        let data = match kind {
            Kind::A => RData::A(A::new(192, 0, 2, 1)),
            Kind::Cname(t) => RData::CNAME(CNAME(t.clone())),
            Kind::Ns => RData::NS(NS(Name::from_ascii("ns.elsewhere.test.").unwrap())),
        };
        records.push(Record::from_rdata(name.clone(), 60, data));
    }
    // CNAME beside other data is rejected by design; skip such zones.
    AuthZone::new(o, records, vec![]).ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// RFC 8020 / RFC 4592 §2.2.2: a name with descendants is never
    /// NXDOMAIN; RFC 2308 §3: every negative answer carries the SOA;
    /// every answer survives the wire round trip.
    #[test]
    fn answers_keep_rfc_invariants(entries in proptest::collection::vec((owner(), kind()), 0..12), query in owner(), qtype in prop_oneof![Just(RecordType::A), Just(RecordType::TXT), Just(RecordType::CNAME), Just(RecordType::NS)]) {
        let Some(zone) = build(&entries) else { return Ok(()); };
        for (name, _) in &entries {
            let mut ancestor = name.base_name();
            while ancestor.iter().count() > origin().iter().count() {
                // QTYPE CNAME is not chased (RFC 1034 §5.2.2), so the
                // RCODE speaks of this name and not of a CNAME target.
                let a = lookup(&zone, &ancestor, RecordType::CNAME);
                prop_assert_ne!(a.rcode, ResponseCode::NXDomain, "{} has descendants", ancestor);
                ancestor = ancestor.base_name();
            }
        }
        let a = lookup(&zone, &query, qtype);
        if matches!(a.outcome, Outcome::NoData | Outcome::NxDomain) {
            prop_assert_eq!(a.authority.len(), 1);
            prop_assert_eq!(a.authority[0].record_type(), RecordType::SOA);
            prop_assert_eq!(a.authority[0].ttl, 60, "RFC 2308 §3: min(300, 60)");
        }
        if let Outcome::Referral { .. } = a.outcome {
            prop_assert!(a.authority.iter().all(|r| r.record_type() == RecordType::NS));
        }
        prop_assert!(a.answer.len() <= MAX_CNAME_CHAIN + 2, "the chain is bounded");
        let msg = wire::response((query.clone(), qtype), &a, 9);
        let back = wire::from_bytes(&wire::to_bytes(&msg).unwrap()).unwrap();
        prop_assert_eq!(&back.answers, &a.answer);
        prop_assert_eq!(&back.authorities, &a.authority);
        prop_assert_eq!(&back.additionals, &a.additional);
        prop_assert!(wire::hex_fields(&wire::to_bytes(&msg).unwrap()).is_ok());
    }
}
