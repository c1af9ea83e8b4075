//! Wire round trips, the dig view and the labelled byte view.

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{Name, RecordType};
use hickory_proto::serialize::txt::Parser;

use super::*;
use crate::engine::lookup::{lookup, AuthZone};
use crate::engine::rng::SimRng;

const ZONE: &str = "\
$ORIGIN example.
$TTL 3600
@ SOA ns1 hostmaster 1 7200 900 1209600 300
@ NS ns1
@ MX 10 mail
@ TXT \"v=spf1 -all\"
ns1 A 192.0.2.53
mail A 192.0.2.25
@ A 192.0.2.1
www CNAME example.
sub NS ns.sub
ns.sub A 192.0.2.40
";

fn zone() -> AuthZone {
    let (origin, sets) = Parser::new(ZONE, None, Some(Name::from_ascii("example.").unwrap()))
        .parse()
        .unwrap();
    let records = sets
        .into_values()
        .flat_map(|s| s.records_without_rrsigs().cloned().collect::<Vec<_>>())
        .collect();
    AuthZone::new(origin, records, vec![]).unwrap()
}

fn q(name: &str, t: RecordType) -> (Name, RecordType) {
    (Name::from_ascii(name).unwrap(), t)
}

#[test]
fn rfc1035_4_round_trip_keeps_header_and_sections() {
    let z = zone();
    let mut rng = SimRng::derive(42, "wire-test");
    let cases = [
        (
            "RFC 1035 §4.1.1 positive",
            q("example.", RecordType::MX),
            ResponseCode::NoError,
            true,
        ),
        (
            "RFC 2308 §2.1 NXDOMAIN",
            q("nope.example.", RecordType::A),
            ResponseCode::NXDomain,
            true,
        ),
        (
            "RFC 1034 §4.3.2 referral, AA clear",
            q("x.sub.example.", RecordType::A),
            ResponseCode::NoError,
            false,
        ),
        (
            "RFC 4343 §4.1 question case echoed",
            q("WwW.ExAmPlE.", RecordType::A),
            ResponseCode::NoError,
            true,
        ),
        (
            "REFUSED outside the zone",
            q("example.org.", RecordType::A),
            ResponseCode::Refused,
            false,
        ),
    ];
    for (rule, query, rcode, aa) in cases {
        let answer = lookup(&z, &query.0, query.1);
        let id = rng.next_u16();
        let msg = response(query.clone(), &answer, id);
        let bytes = to_bytes(&msg).unwrap();
        let back = from_bytes(&bytes).unwrap();
        assert_eq!(back.metadata.id, id, "{rule}");
        assert_eq!(back.metadata.response_code, rcode, "{rule}");
        assert_eq!(back.metadata.authoritative, aa, "{rule}");
        assert!(
            !back.metadata.recursion_available && !back.metadata.recursion_desired,
            "{rule}"
        );
        assert_eq!(back.queries.len(), 1, "{rule}");
        assert!(
            back.queries[0].name.eq_case(&query.0),
            "{rule}: question case"
        );
        assert_eq!(back.answers, answer.answer, "{rule}");
        assert_eq!(back.authorities, answer.authority, "{rule}");
        assert_eq!(back.additionals, answer.additional, "{rule}");
    }
}

#[test]
fn dig_view_matches_dig_norec_layout() {
    let z = zone();
    let query = q("example.", RecordType::MX);
    let text = dig(query.clone(), &lookup(&z, &query.0, query.1), 44970);
    let want = "\
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 44970
;; flags: qr aa; QUERY: 1, ANSWER: 1, AUTHORITY: 1, ADDITIONAL: 2

;; QUESTION SECTION:
;example.\t\t\tIN\tMX

;; ANSWER SECTION:
example.\t\t3600\tIN\tMX\t10 mail.example.

;; AUTHORITY SECTION:
example.\t\t3600\tIN\tNS\tns1.example.

;; ADDITIONAL SECTION:
mail.example.\t\t3600\tIN\tA\t192.0.2.25
ns1.example.\t\t3600\tIN\tA\t192.0.2.53

";
    assert_eq!(text, want);
    let nx = q("nope.example.", RecordType::A);
    let text = dig(nx.clone(), &lookup(&z, &nx.0, nx.1), 1);
    assert!(text.starts_with(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 1\n;; flags: qr aa; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 0\n"));
    assert!(
        !text.contains("ANSWER SECTION"),
        "empty sections are not printed"
    );
    let refused = q("example.org.", RecordType::A);
    let text = dig(refused.clone(), &lookup(&z, &refused.0, refused.1), 2);
    assert!(text.contains("status: REFUSED") && text.contains(";; flags: qr; "));
}

#[test]
fn rfc1035_4_1_hex_fields_cover_every_byte_in_order() {
    let z = zone();
    let query = q("www.example.", RecordType::A);
    let msg = response(query.clone(), &lookup(&z, &query.0, query.1), 0x1234);
    let bytes = to_bytes(&msg).unwrap();
    let fields = hex_fields(&bytes).unwrap();
    let mut pos = 0;
    for f in &fields {
        assert_eq!(
            f.range.start, pos,
            "{} starts where the previous field ended",
            f.field
        );
        pos = f.range.end;
    }
    assert_eq!(pos, bytes.len());
    let find = |name: &str| {
        fields
            .iter()
            .find(|f| f.field == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(find("header.id").value, "4660");
    assert_eq!(find("header.id").range, 0..2);
    assert_eq!(find("header.ANCOUNT").range, 6..8);
    assert_eq!(find("header.ANCOUNT").value, "2");
    assert!(find("header.flags").value.starts_with("0x8400: qr aa;"));
    assert_eq!(find("question[0].name").value, "www.example.");
    assert_eq!(find("question[0].name").range, 12..25);
    assert_eq!(find("answer[0].type").value, "CNAME");
    assert_eq!(find("answer[0].rdata").value, "example.");
    // The second answer's owner is a compression pointer: 2 bytes.
    assert_eq!(find("answer[1].name").range.len(), 2);
    assert_eq!(find("answer[1].rdata").value, "192.0.2.1");
    assert_eq!(find("answer[1].rdata").range.len(), 4);
}

#[test]
fn hex_fields_reject_truncated_messages_without_panicking() {
    let z = zone();
    let query = q("example.", RecordType::MX);
    let bytes = to_bytes(&response(query.clone(), &lookup(&z, &query.0, query.1), 7)).unwrap();
    for cut in [0, 1, 11, 12, 20, bytes.len() - 1] {
        assert!(hex_fields(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    assert!(hex_fields(&bytes).is_ok());
}
