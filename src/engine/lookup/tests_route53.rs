//! Table tests for the two Route 53 shapes a zone file cannot hold: names
//! that exist with no data (routing answered none of their sets) and
//! aliases to AWS resources, each case naming its rule, with exact RCODE
//! and sections.

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::rdata::{A, NS, SOA};

use hickory_proto::rr::{Name, RData, Record, RecordType};

use super::*;
use crate::engine::wire::zone_line;

fn n(s: &str) -> Name {
    Name::from_ascii(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn a(owner: &str, ip: [u8; 4]) -> Record {
    Record::from_rdata(n(owner), 300, RData::A(A::new(ip[0], ip[1], ip[2], ip[3])))
}

/// `example.` with SOA (TTL 900, MINIMUM 300), NS, `www` and a wildcard.
fn base() -> Vec<Record> {
    vec![
        Record::from_rdata(
            n("example."),
            900,
            RData::SOA(SOA::new(n("ns.other."), n("h.example."), 1, 2, 3, 4, 300)),
        ),
        Record::from_rdata(n("example."), 3600, RData::NS(NS(n("ns.other.")))),
        a("www.example.", [192, 0, 2, 1]),
        a("*.example.", [192, 0, 2, 9]),
    ]
}

const NS_SET: &[&str] = &["example. 3600 IN NS ns.other."];
/// RFC 2308 §3: min(SOA TTL 900, MINIMUM 300).
const NEG_SOA: &[&str] = &["example. 300 IN SOA ns.other. h.example. 1 2 3 4 300"];

struct Case {
    rule: &'static str,
    qname: &'static str,
    qtype: RecordType,
    rcode: ResponseCode,
    outcome: Outcome,
    answer: &'static [&'static str],
    authority: &'static [&'static str],
}

fn check(answer: Answer, c: &Case) {
    let ctx = format!("{} — {} {}: {:#?}", c.rule, c.qname, c.qtype, answer.trace);
    let lines = |rs: &[Record]| rs.iter().map(zone_line).collect::<Vec<_>>();
    assert_eq!(answer.rcode, c.rcode, "rcode: {ctx}");
    assert_eq!(answer.outcome, c.outcome, "outcome: {ctx}");
    assert!(answer.authoritative, "aa: {ctx}");
    assert_eq!(lines(&answer.answer), c.answer, "answer: {ctx}");
    assert_eq!(lines(&answer.authority), c.authority, "authority: {ctx}");
    assert!(answer.additional.is_empty(), "additional: {ctx}");
}

/// DG `routing-policy-geo` ("no answer") and RFC 8020: a name kept with no
/// data exists, so NOERROR/NODATA with the SOA for every type, a wildcard
/// does not answer for it (RFC 4592 §2.2.2), its parent becomes an empty
/// non-terminal, and names below it still do not exist.
#[test]
fn rfc8020_a_name_whose_routing_answers_nothing_exists() {
    use Outcome::{Data, NoData, NxDomain};
    use RecordType::*;
    use ResponseCode::{NXDomain, NoError};
    let z = AuthZone::with_empty_names(
        n("example."),
        base(),
        vec![],
        vec![
            n("geo.example."),
            n("GEO.example."),
            n("a.deep.example."),
            n("www.example."),
        ],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let cases = [
        Case {
            rule: "DG routing-policy-geo: no record for the client, no default: NODATA",
            qname: "geo.example.",
            qtype: A,
            rcode: NoError,
            outcome: NoData,
            answer: &[],
            authority: NEG_SOA,
        },
        Case {
            rule: "RFC 8020: the name exists for every type",
            qname: "Geo.Example.",
            qtype: TXT,
            rcode: NoError,
            outcome: NoData,
            answer: &[],
            authority: NEG_SOA,
        },
        Case {
            rule: "RFC 8020: ANY at a name with no data is NODATA too",
            qname: "geo.example.",
            qtype: ANY,
            rcode: NoError,
            outcome: NoData,
            answer: &[],
            authority: NEG_SOA,
        },
        Case {
            rule: "RFC 4592 §2.2.1: closest encloser geo.example has no wildcard: NXDOMAIN",
            qname: "x.geo.example.",
            qtype: A,
            rcode: NXDomain,
            outcome: NxDomain,
            answer: &[],
            authority: NEG_SOA,
        },
        Case {
            rule: "RFC 4592 §2.2.2: the parent of a kept name is an empty non-terminal",
            qname: "deep.example.",
            qtype: A,
            rcode: NoError,
            outcome: NoData,
            answer: &[],
            authority: NEG_SOA,
        },
        Case {
            rule: "a kept name that also has records answers them",
            qname: "www.example.",
            qtype: A,
            rcode: NoError,
            outcome: Data,
            answer: &["www.example. 300 IN A 192.0.2.1"],
            authority: NS_SET,
        },
        Case {
            rule: "RFC 4592 §2.2.1: other names still come from the wildcard",
            qname: "other.example.",
            qtype: A,
            rcode: NoError,
            outcome: Data,
            answer: &["other.example. 300 IN A 192.0.2.9"],
            authority: NS_SET,
        },
    ];
    for c in &cases {
        check(lookup(&z, &n(c.qname), c.qtype), c);
    }
    // The zone-file view is unchanged: a kept name has no records.
    assert_eq!(z.records().len(), base().len());
    let outside = AuthZone::with_empty_names(n("example."), base(), vec![], vec![n("geo.test.")]);
    assert_eq!(
        outside.err(),
        Some(ZoneError::OutOfZone {
            name: "geo.test.".into(),
            origin: "example.".into()
        })
    );
}

/// The AWS resources of these tests: zone `ZAWS` holds `lb.aws.` at
/// 192.0.2.41 and .42 with TTL 60, and no IPv6 address.
struct Fake;

impl AliasResources for Fake {
    fn resource(&self, alias: &Alias, qtype: RecordType) -> Option<ResourceRecords> {
        (alias.hosted_zone_id == "ZAWS").then(|| ResourceRecords {
            ttl: 60,
            rdatas: match qtype {
                RecordType::A if alias.target == n("lb.aws.") => vec![
                    RData::A(A::new(192, 0, 2, 41)),
                    RData::A(A::new(192, 0, 2, 42)),
                ],
                _ => vec![],
            },
            what: Some("a load balancer"),
        })
    }
}

fn alias(zone: &str, target: &str) -> Alias {
    Alias {
        target: n(target),
        hosted_zone_id: zone.into(),
        evaluate_target_health: false,
    }
}

/// DG `resource-record-sets-choosing-alias-non-alias`: Route 53 answers an
/// alias to an AWS resource with the resource's addresses as records of
/// the alias's name and type, TTL the resource's (API `TTL`), also at the
/// end of an alias chain and for ANY; only the alias's type answers; plain
/// [`lookup`] knows no resources and answers NODATA.
#[test]
fn route53_alias_to_an_aws_resource_answers_its_addresses() {
    use Outcome::{Data, NoData};
    use RecordType::*;
    use ResponseCode::NoError;
    let z = AuthZone::new(
        n("example."),
        base(),
        vec![
            (n("app.example."), A, alias("ZAWS", "lb.aws.")),
            (n("chain.example."), A, alias("ZSELF", "app.example.")),
            (n("gone.example."), A, alias("ZAWS", "gone.aws.")),
        ],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    const LB: &[&str] = &[
        "app.example. 60 IN A 192.0.2.41",
        "app.example. 60 IN A 192.0.2.42",
    ];
    let cases = [
        Case {
            rule: "alias to an AWS resource: its addresses, its TTL",
            qname: "app.example.",
            qtype: A,
            rcode: NoError,
            outcome: Data,
            answer: LB,
            authority: NS_SET,
        },
        Case {
            rule: "ANY includes the resource's addresses",
            qname: "app.example.",
            qtype: ANY,
            rcode: NoError,
            outcome: Data,
            answer: LB,
            authority: NS_SET,
        },
        Case {
            rule: "only the alias's own type answers: NODATA",
            qname: "app.example.",
            qtype: AAAA,
            rcode: NoError,
            outcome: NoData,
            answer: &[],
            authority: NEG_SOA,
        },
        Case {
            rule: "a resource with no addresses: NODATA",
            qname: "gone.example.",
            qtype: A,
            rcode: NoError,
            outcome: NoData,
            answer: &[],
            authority: NEG_SOA,
        },
        Case {
            rule: "alias to an alias to an AWS resource",
            qname: "chain.example.",
            qtype: A,
            rcode: NoError,
            outcome: Data,
            answer: &[
                "chain.example. 60 IN A 192.0.2.41",
                "chain.example. 60 IN A 192.0.2.42",
            ],
            authority: NS_SET,
        },
    ];
    for c in &cases {
        check(lookup_with(&z, &Fake, &n(c.qname), c.qtype), c);
    }
    let app = lookup_with(&z, &Fake, &n("app.example."), A);
    assert!(
        app.trace.iter().any(|s| s
            .text
            .contains("alias to the AWS resource lb.aws. (zone ZAWS, a load balancer)")
            && s.text.contains("TTL 60 s")),
        "{:#?}",
        app.trace
    );
    let plain = Case {
        rule: "lookup without resources: NODATA",
        qname: "app.example.",
        qtype: A,
        rcode: NoError,
        outcome: NoData,
        answer: &[],
        authority: NEG_SOA,
    };
    check(lookup(&z, &n(plain.qname), plain.qtype), &plain);
}
