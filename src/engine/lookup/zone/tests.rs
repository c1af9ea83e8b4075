//! Zone-building rules: what BIND refuses to load, empty non-terminals,
//! duplicates, and names kept with no data.

use super::*;
use hickory_proto::rr::rdata::{A, CNAME, NS, SOA};
use hickory_proto::rr::RData;

fn n(s: &str) -> Name {
    Name::from_ascii(s).unwrap()
}
fn soa(owner: &str) -> Record {
    Record::from_rdata(
        n(owner),
        900,
        RData::SOA(SOA::new(n("ns."), n("h."), 1, 2, 3, 4, 5)),
    )
}
fn a(owner: &str) -> Record {
    Record::from_rdata(n(owner), 60, RData::A(A::new(192, 0, 2, 1)))
}
fn ns(owner: &str) -> Record {
    Record::from_rdata(n(owner), 60, RData::NS(NS(n("ns.other."))))
}
fn cname(owner: &str) -> Record {
    Record::from_rdata(n(owner), 60, RData::CNAME(CNAME(n("t.example."))))
}
fn alias() -> Alias {
    Alias {
        target: n("t.example."),
        hosted_zone_id: "Z1".into(),
        evaluate_target_health: false,
    }
}

#[test]
fn zone_build_rejects_what_bind_refuses_to_load() {
    type Aliases = Vec<(Name, RecordType, Alias)>;
    let cases: Vec<(&str, Vec<Record>, Aliases, Option<ZoneError>)> = vec![
        (
            "RFC 1035 §5.2: SOA at the apex is enough",
            vec![soa("example.")],
            vec![],
            None,
        ),
        (
            "RFC 1035 §5.2: no SOA",
            vec![a("www.example.")],
            vec![],
            Some(ZoneError::MissingSoa {
                origin: "example.".into(),
            }),
        ),
        (
            "RFC 1035 §5.2: SOA below the apex",
            vec![soa("example."), soa("www.example.")],
            vec![],
            Some(ZoneError::SoaNotAtApex {
                name: "www.example.".into(),
            }),
        ),
        (
            "RFC 1034 §4.2.1: owner outside the zone",
            vec![soa("example."), a("www.example.net.")],
            vec![],
            Some(ZoneError::OutOfZone {
                name: "www.example.net.".into(),
                origin: "example.".into(),
            }),
        ),
        (
            "RFC 1034 §4.2.1: a suffix that is not a label boundary is outside",
            vec![soa("example."), a("notexample.")],
            vec![],
            Some(ZoneError::OutOfZone {
                name: "notexample.".into(),
                origin: "example.".into(),
            }),
        ),
        (
            "RFC 2181 §10.1: CNAME and other data",
            vec![soa("example."), cname("www.example."), a("www.example.")],
            vec![],
            Some(ZoneError::CnameAndOtherData {
                name: "www.example.".into(),
            }),
        ),
        (
            "RFC 2181 §10.1: CNAME at the apex beside the SOA",
            vec![soa("example."), cname("example.")],
            vec![],
            Some(ZoneError::CnameAndOtherData {
                name: "example.".into(),
            }),
        ),
        (
            "Route 53: alias and records of one name and type",
            vec![soa("example."), a("www.example.")],
            vec![(n("www.example."), RecordType::A, alias())],
            Some(ZoneError::AliasConflict {
                name: "www.example.".into(),
                rtype: RecordType::A,
            }),
        ),
        (
            "RFC 4592 §4.2: NS at a wildcard (BIND refuses the zone)",
            vec![soa("example."), ns("*.a.example.")],
            vec![],
            Some(ZoneError::WildcardNs {
                name: "*.a.example.".into(),
            }),
        ),
        (
            "RFC 4592 §4.2: NS below a wildcard label is an ordinary cut",
            vec![soa("example."), ns("b.*.example.")],
            vec![],
            None,
        ),
        (
            "Route 53: alias A beside records AAAA is fine",
            vec![soa("example.")],
            vec![(n("www.example."), RecordType::A, alias())],
            None,
        ),
    ];
    for (rule, records, aliases, want) in cases {
        let got = AuthZone::new(n("example."), records, aliases).err();
        assert_eq!(got, want, "{rule}");
    }
}

#[test]
fn rfc4592_2_2_2_empty_non_terminals_are_computed() {
    let z = AuthZone::new(
        n("example."),
        vec![soa("example."), a("a.b.c.example.")],
        vec![],
    )
    .unwrap();
    let cases = [
        ("b.c.example.", true),
        ("c.example.", true),
        ("a.b.c.example.", false),
        ("example.", false),
        ("x.example.", false),
    ];
    for (name, ent) in cases {
        let l = LowerName::new(&n(name));
        assert_eq!(z.is_empty_non_terminal(&l), ent, "{name}");
        assert_eq!(z.exists(&l), ent || z.node(&l).is_some(), "{name}");
    }
}

#[test]
fn rfc2181_5_2_duplicates_dropped_and_first_ttl_kept() {
    let mut late = a("www.example.");
    late.ttl = 5;
    let z = AuthZone::new(
        n("example."),
        vec![soa("example."), a("www.example."), late, a("WWW.example.")],
        vec![],
    )
    .unwrap();
    let recs = z
        .node(&LowerName::new(&n("www.example.")))
        .unwrap()
        .records(RecordType::A);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].ttl, 60);
}
