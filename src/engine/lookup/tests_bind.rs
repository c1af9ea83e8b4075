//! BIND 9.18 behaviours the RFCs leave open, found by the differential
//! test `tests/bind_compat_random.rs` and pinned here as table tests.

use std::collections::BTreeSet;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{Name, RecordType};
use hickory_proto::serialize::txt::Parser;

use super::*;
use crate::engine::wire::zone_line;

const ZONE: &str = "\
$ORIGIN bind.test.
$TTL 300
@ SOA ns1 hostmaster 1 7200 900 1209600 120
@ NS ns1
ns1 A 192.0.2.53
mx-wild MX 10 host.w
*.w A 192.0.2.7
b.* AAAA 2001:db8::1
inparent A 192.0.2.8
del NS inparent
del NS ns.del
del NS sib
ns.del A 192.0.2.9
sib NS ns.elsewhere.example.
sib A 192.0.2.10
";

fn zone() -> AuthZone {
    let o = Name::from_ascii("bind.test.").unwrap();
    let (origin, sets) = Parser::new(ZONE, None, Some(o)).parse().unwrap();
    let records = sets
        .into_values()
        .flat_map(|s| s.records_without_rrsigs().cloned().collect::<Vec<_>>())
        .collect();
    AuthZone::new(origin, records, vec![]).unwrap()
}

fn lines(records: &[hickory_proto::rr::Record]) -> BTreeSet<String> {
    records.iter().map(zone_line).collect()
}

/// (behaviour, qname, qtype, rcode, authority, additional)
type Case = (
    &'static str,
    &'static str,
    RecordType,
    ResponseCode,
    &'static [&'static str],
    &'static [&'static str],
);

#[test]
fn bind_specific_answers() {
    let z = zone();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<BTreeSet<_>>();
    let cases: [Case; 5] = [
        (
            "BIND query_addsoa: NXDOMAIN for an SOA question gives the SOA TTL 0",
            "x.ns1.bind.test.", RecordType::SOA, ResponseCode::NXDomain,
            &["bind.test. 0 IN SOA ns1.bind.test. hostmaster.bind.test. 1 7200 900 1209600 120"], &[],
        ),
        (
            "RFC 2308 §3: NODATA for an SOA question keeps min(SOA TTL, MINIMUM)",
            "ns1.bind.test.", RecordType::SOA, ResponseCode::NoError,
            &["bind.test. 120 IN SOA ns1.bind.test. hostmaster.bind.test. 1 7200 900 1209600 120"], &[],
        ),
        (
            "BIND: additional addresses for an MX target come from its wildcard",
            "mx-wild.bind.test.", RecordType::MX, ResponseCode::NoError,
            &["bind.test. 300 IN NS ns1.bind.test."],
            &["host.w.bind.test. 300 IN A 192.0.2.7", "ns1.bind.test. 300 IN A 192.0.2.53"],
        ),
        (
            "RFC 4592 §2.2.2: `*` with a child (b.*) is an empty non-terminal: NODATA",
            "*.bind.test.", RecordType::A, ResponseCode::NoError,
            &["bind.test. 120 IN SOA ns1.bind.test. hostmaster.bind.test. 1 7200 900 1209600 120"], &[],
        ),
        (
            "BIND: referral glue is data at or below a cut (this one or a sibling), not the parent's own",
            "x.del.bind.test.", RecordType::A, ResponseCode::NoError,
            &["del.bind.test. 300 IN NS inparent.bind.test.", "del.bind.test. 300 IN NS ns.del.bind.test.", "del.bind.test. 300 IN NS sib.bind.test."],
            &["ns.del.bind.test. 300 IN A 192.0.2.9", "sib.bind.test. 300 IN A 192.0.2.10"],
        ),
    ];
    for (rule, q, t, rcode, authority, additional) in cases {
        let a = lookup(&z, &Name::from_ascii(q).unwrap(), t);
        assert_eq!(a.rcode, rcode, "{rule}");
        assert_eq!(lines(&a.authority), s(authority), "{rule}");
        assert_eq!(lines(&a.additional), s(additional), "{rule}");
    }
}

#[test]
fn rfc4592_closest_encloser_counts_the_star_label() {
    // hickory's num_labels() skips a leading `*`; the lookup must not.
    let z = zone();
    let cases = [
        ("x.b.bind.test.", "bind.test."),
        ("y.*.bind.test.", "*.bind.test."),
        ("host.w.bind.test.", "w.bind.test."),
    ];
    for (name, want) in cases {
        let got = z.closest_encloser(&Name::from_ascii(name).unwrap());
        assert_eq!(got.to_ascii(), want, "{name}");
    }
}
