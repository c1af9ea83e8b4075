//! dnsplay answers as BIND 9 does: `named` (Debian's bind9) serves
//! `tests/fixtures/zones/compat.example.zone` on 127.0.0.1, `dig +norec`
//! asks it questions, and dnsplay's lookup of the same file must give the
//! same RCODE, AA flag and sections (compared as sets of normalized
//! presentation records: BIND rotates RRset order, RFC 1034 §3.6 makes
//! order meaningless).
//!
//! The "done when": at least twenty queries across apex records, a
//! CNAME chain, an out-of-zone CNAME, a wildcard, an empty non-terminal and
//! a delegation. `named` missing is a failure, not a skip: `make test`
//! installs it.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use dnsplay::engine::lookup::AuthZone;
use dnsplay::scenario::formats::zonefile::import_zone;
use support::{dnsplay_answer, parse_dig, Named};

/// Every question asked, with the behaviour it checks.
const QUERIES: &[(&str, &str, &str)] = &[
    ("compat.example.", "SOA", "apex SOA"),
    (
        "compat.example.",
        "NS",
        "apex NS: NS in answer, addresses in additional",
    ),
    (
        "compat.example.",
        "MX",
        "apex MX: exchange address in additional",
    ),
    ("compat.example.", "A", "apex A"),
    ("compat.example.", "TXT", "apex TXT"),
    ("compat.example.", "AAAA", "apex NODATA"),
    (
        "compat.example.",
        "DS",
        "DS at the apex: NODATA from this zone",
    ),
    (
        "c1.compat.example.",
        "A",
        "3-link CNAME chain chased in the zone",
    ),
    ("c1.compat.example.", "AAAA", "chain to AAAA"),
    ("c1.compat.example.", "MX", "chain ending in NODATA"),
    ("c1.compat.example.", "CNAME", "QTYPE CNAME is not chased"),
    ("c3.compat.example.", "A", "last link with its own TTL"),
    ("www.compat.example.", "A", "CNAME to `@` (the apex) chased"),
    (
        "www.compat.example.",
        "MX",
        "CNAME to the apex, MX with additional",
    ),
    (
        "ext.compat.example.",
        "A",
        "out-of-zone CNAME left for the resolver",
    ),
    ("c-ext.compat.example.", "A", "chain leaving the zone"),
    ("foo.wild.compat.example.", "A", "wildcard synthesis"),
    (
        "a.b.wild.compat.example.",
        "TXT",
        "wildcard matches several labels",
    ),
    ("foo.wild.compat.example.", "MX", "wildcard NODATA"),
    (
        "exists.wild.compat.example.",
        "A",
        "existing name answers for itself",
    ),
    (
        "exists.wild.compat.example.",
        "TXT",
        "existing name blocks the wildcard: NODATA",
    ),
    (
        "wild.compat.example.",
        "A",
        "empty parent of the wildcard: NODATA",
    ),
    ("ent.compat.example.", "A", "empty non-terminal: NODATA"),
    (
        "b.ent.compat.example.",
        "TXT",
        "empty non-terminal one level down",
    ),
    ("nope.compat.example.", "A", "NXDOMAIN"),
    ("x.a.b.ent.compat.example.", "A", "NXDOMAIN below a leaf"),
    ("host.compat.example.", "MX", "NODATA"),
    ("sub.compat.example.", "A", "referral at the cut"),
    ("www.sub.compat.example.", "A", "referral below the cut"),
    (
        "ns.sub.compat.example.",
        "A",
        "glue name is below the cut: referral",
    ),
    ("sub.compat.example.", "NS", "NS at the cut: referral"),
    (
        "sub.compat.example.",
        "DS",
        "DS at the cut answered by the parent",
    ),
    ("HoSt.CoMpAt.ExAmPlE.", "A", "case-mixed query"),
    (
        "foo.wc.compat.example.",
        "A",
        "CNAME at a wildcard is chased",
    ),
    (
        "foo.wc.compat.example.",
        "CNAME",
        "wildcard CNAME for QTYPE CNAME",
    ),
    (
        "_sip._tcp.compat.example.",
        "SRV",
        "SRV target addresses in additional",
    ),
    (
        "ns1.compat.example.",
        "A",
        "no repeat of answer records in additional",
    ),
    ("*.wild.compat.example.", "A", "literal wildcard name"),
    ("host.compat.example.", "ANY", "ANY"),
    ("other.example.", "A", "outside the zone: REFUSED"),
];

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zones/compat.example.zone")
}

fn dnsplay_zone() -> AuthZone {
    let text = fs::read_to_string(fixture()).expect("read the fixture zone");
    import_zone(&text, None).unwrap_or_else(|e| panic!("dnsplay cannot import the fixture: {e}"))
}

#[test]
fn dnsplay_answers_as_bind_9_for_every_query() {
    assert!(QUERIES.len() >= 25);
    let zone = dnsplay_zone();
    let text = fs::read_to_string(fixture()).expect("read the fixture zone");
    let named = Named::start(&[("compat.example".to_string(), text)]);
    let mut mismatches = Vec::new();
    for (name, rtype, what) in QUERIES {
        let bind_text = named
            .ask_raw(name, rtype, Duration::from_secs(5))
            .unwrap_or_else(|e| panic!("{name} {rtype}: {e}\nnamed log:\n{}", named.log()));
        let bind = parse_dig(&bind_text).unwrap_or_else(|e| panic!("{name} {rtype}: {e}"));
        let ours = dnsplay_answer(&zone, name, rtype);
        if bind != ours {
            mismatches.push(format!(
                "{name} {rtype} ({what}):\n  BIND:    {bind:?}\n  dnsplay: {ours:?}"
            ));
        }
    }
    let matched = QUERIES.len() - mismatches.len();
    eprintln!(
        "bind_compat: {matched} of {} queries matched BIND 9",
        QUERIES.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} of {} queries differ from BIND:\n{}",
        mismatches.len(),
        QUERIES.len(),
        mismatches.join("\n")
    );
}

#[test]
fn the_dig_parser_reads_both_sides() {
    // Guards the comparison itself: a parser that read nothing would make
    // every answer equal.
    let text = ";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 1\n\
                ;; flags: qr aa; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 0\n\n\
                ;; AUTHORITY SECTION:\n\
                compat.example.\t\t300\tIN\tSOA\tns1.compat.example. h.compat.example. 1 2 3 4 300\n\n";
    let p = parse_dig(text).unwrap();
    assert_eq!(p.status, "NXDOMAIN");
    assert!(p.aa);
    assert_eq!(p.authority.len(), 1);
    assert!(p.answer.is_empty() && p.additional.is_empty());
    let ours = dnsplay_answer(&dnsplay_zone(), "nope.compat.example.", "A");
    assert_eq!(ours.status, "NXDOMAIN");
    assert_eq!(ours.authority.len(), 1);
}
