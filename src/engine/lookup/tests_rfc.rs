//! Table tests for the lookup rules, each case naming the RFC section (or
//! the BIND behaviour observed with `named` 9.18) it checks.

use std::collections::BTreeSet;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{Name, RecordType};
use hickory_proto::serialize::txt::Parser;

use super::*;
use crate::engine::wire::zone_line;

/// Parses zone text with hickory's parser (the scenario importer wraps the
/// same parser with line numbers).
fn zone(text: &str, origin: &str) -> AuthZone {
    let origin = Name::from_ascii(origin).unwrap();
    let (origin, sets) = Parser::new(text, None, Some(origin)).parse().unwrap();
    let records = sets
        .into_values()
        .flat_map(|s| s.records_without_rrsigs().cloned().collect::<Vec<_>>())
        .collect();
    AuthZone::new(origin, records, vec![]).unwrap()
}

/// RFC 4592 §2.2.1's example zone, with addresses filled in.
const RFC4592: &str = "\
$TTL 3600
example. SOA ns.example.com. hostmaster.example. 1 2 3 4 300
example. NS ns.example.com.
example. NS ns.example.net.
*.example. TXT \"this is a wildcard\"
*.example. MX 10 host1.example.
sub.*.example. TXT \"this is not a wildcard\"
host1.example. A 192.0.2.1
_ssh._tcp.host1.example. SRV 0 0 22 host1.example.
_ssh._tcp.host2.example. SRV 0 0 22 host2.example.
subdel.example. NS ns.example.com.
subdel.example. NS ns.example.net.
";

/// A zone with every other shape the lookup handles.
const SHAPES: &str = "\
$ORIGIN shapes.test.
$TTL 600
@ SOA ns1 hostmaster 1 7200 900 1209600 120
@ NS ns1
@ A 192.0.2.1
@ MX 10 mail
ns1 A 192.0.2.53
mail A 192.0.2.25
mail AAAA 2001:db8::25
c1 CNAME c2
c2 CNAME target
target A 192.0.2.10
out CNAME www.elsewhere.example.
loop1 CNAME loop2
loop2 CNAME loop1
self CNAME self
tonx CNAME missing
*.wc CNAME target
a.b.ent A 192.0.2.30
f.*.e A 192.0.2.31
sub NS ns.sub
sub NS ns.elsewhere.example.
ns.sub A 192.0.2.40
todel CNAME x.sub
srv SRV 0 5 5060 target
";

struct Case {
    rule: &'static str,
    qname: &'static str,
    qtype: RecordType,
    rcode: ResponseCode,
    aa: bool,
    answer: &'static [&'static str],
    authority: &'static [&'static str],
    additional: &'static [&'static str],
}

fn set(records: &[hickory_proto::rr::Record]) -> BTreeSet<String> {
    records
        .iter()
        .map(|r| zone_line(r).to_lowercase())
        .collect()
}

fn strs(v: &[&str]) -> BTreeSet<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

fn run(z: &dyn ZoneSource, cases: &[Case]) {
    for c in cases {
        let q = Name::from_ascii(c.qname).unwrap();
        let a = lookup(z, &q, c.qtype);
        let ctx = format!("{} — {} {}: {:#?}", c.rule, c.qname, c.qtype, a.trace);
        assert_eq!(a.rcode, c.rcode, "rcode: {ctx}");
        assert_eq!(a.authoritative, c.aa, "aa: {ctx}");
        assert_eq!(set(&a.answer), strs(c.answer), "answer: {ctx}");
        assert_eq!(set(&a.authority), strs(c.authority), "authority: {ctx}");
        assert_eq!(set(&a.additional), strs(c.additional), "additional: {ctx}");
        assert!(!a.trace.is_empty(), "trace: {ctx}");
    }
}

const NS4592: &[&str] = &[
    "example. 3600 IN NS ns.example.com.",
    "example. 3600 IN NS ns.example.net.",
];
const SOA4592: &[&str] = &["example. 300 IN SOA ns.example.com. hostmaster.example. 1 2 3 4 300"];

#[test]
fn rfc4592_section_2_2_1_example_queries() {
    use RecordType::*;
    use ResponseCode::*;
    let z = zone(RFC4592, "example.");
    let cases = [
        Case { rule: "RFC 4592 §2.2.1: host3 MX is synthesized from *.example", qname: "host3.example.", qtype: MX, rcode: NoError, aa: true,
            answer: &["host3.example. 3600 IN MX 10 host1.example."], authority: NS4592, additional: &["host1.example. 3600 IN A 192.0.2.1"] },
        Case { rule: "RFC 4592 §2.2.1: host3 A matches the wildcard but it has no A: NODATA", qname: "host3.example.", qtype: A, rcode: NoError, aa: true,
            answer: &[], authority: SOA4592, additional: &[] },
        Case { rule: "RFC 4592 §2.2.1: foo.bar TXT synthesized, wildcard matches more than one label", qname: "foo.bar.example.", qtype: TXT, rcode: NoError, aa: true,
            answer: &["foo.bar.example. 3600 IN TXT \"this is a wildcard\""], authority: NS4592, additional: &[] },
        Case { rule: "RFC 4592 §2.2.1: host1 exists, so no synthesis: NODATA", qname: "host1.example.", qtype: MX, rcode: NoError, aa: true,
            answer: &[], authority: SOA4592, additional: &[] },
        Case { rule: "RFC 4592 §2.2.1: sub.*.example exists: NODATA", qname: "sub.*.example.", qtype: MX, rcode: NoError, aa: true,
            answer: &[], authority: SOA4592, additional: &[] },
        Case { rule: "RFC 4592 §2.2.1: _tcp.host1 is an ENT and the closest encloser; no *._tcp.host1: NXDOMAIN", qname: "_telnet._tcp.host1.example.", qtype: SRV, rcode: NXDomain, aa: true,
            answer: &[], authority: SOA4592, additional: &[] },
        Case { rule: "RFC 4592 §2.2.1: below the zone cut subdel: referral", qname: "host.subdel.example.", qtype: A, rcode: NoError, aa: false,
            answer: &[], authority: &["subdel.example. 3600 IN NS ns.example.com.", "subdel.example. 3600 IN NS ns.example.net."], additional: &[] },
        Case { rule: "RFC 4592 §2.2.1: closest encloser *.example, no *.*.example: NXDOMAIN", qname: "ghost.*.example.", qtype: MX, rcode: NXDomain, aa: true,
            answer: &[], authority: SOA4592, additional: &[] },
        Case { rule: "RFC 4592 §2.2.2: _tcp.host2 is an empty non-terminal: NODATA", qname: "_tcp.host2.example.", qtype: TXT, rcode: NoError, aa: true,
            answer: &[], authority: SOA4592, additional: &[] },
        Case { rule: "RFC 1034 §4.3.3: a literal * query returns the wildcard's own records", qname: "*.example.", qtype: TXT, rcode: NoError, aa: true,
            answer: &["*.example. 3600 IN TXT \"this is a wildcard\""], authority: NS4592, additional: &[] },
    ];
    run(&z, &cases);
}

const NS_SHAPES: &[&str] = &["shapes.test. 600 IN NS ns1.shapes.test."];
const GLUE_NS1: &[&str] = &["ns1.shapes.test. 600 IN A 192.0.2.53"];
const SOA_SHAPES: &[&str] =
    &["shapes.test. 120 IN SOA ns1.shapes.test. hostmaster.shapes.test. 1 7200 900 1209600 120"];
const REFERRAL: &[&str] = &[
    "sub.shapes.test. 600 IN NS ns.sub.shapes.test.",
    "sub.shapes.test. 600 IN NS ns.elsewhere.example.",
];
const GLUE: &[&str] = &["ns.sub.shapes.test. 600 IN A 192.0.2.40"];

#[test]
fn rfc1034_4_3_2_exact_cname_referral_and_negative_answers() {
    use RecordType::*;
    use ResponseCode::*;
    let z = zone(SHAPES, "shapes.test.");
    let cases = [
        Case { rule: "RFC 1034 §4.3.2 3a: exact match, NS in authority, NS address in additional (BIND)", qname: "target.shapes.test.", qtype: A, rcode: NoError, aa: true,
            answer: &["target.shapes.test. 600 IN A 192.0.2.10"], authority: NS_SHAPES, additional: GLUE_NS1 },
        Case { rule: "RFC 4343: case-insensitive match", qname: "TaRgEt.ShApEs.TeSt.", qtype: A, rcode: NoError, aa: true,
            answer: &["target.shapes.test. 600 IN A 192.0.2.10"], authority: NS_SHAPES, additional: GLUE_NS1 },
        Case { rule: "RFC 1035 §3.3.9: MX answer adds the exchange's A and AAAA", qname: "shapes.test.", qtype: MX, rcode: NoError, aa: true,
            answer: &["shapes.test. 600 IN MX 10 mail.shapes.test."], authority: NS_SHAPES,
            additional: &["mail.shapes.test. 600 IN A 192.0.2.25", "mail.shapes.test. 600 IN AAAA 2001:db8::25", "ns1.shapes.test. 600 IN A 192.0.2.53"] },
        Case { rule: "RFC 1034 §4.2.1: apex NS query: NS in answer, none in authority", qname: "shapes.test.", qtype: NS, rcode: NoError, aa: true,
            answer: NS_SHAPES, authority: &[], additional: GLUE_NS1 },
        Case { rule: "RFC 1034 §4.2.1: apex SOA query", qname: "shapes.test.", qtype: SOA, rcode: NoError, aa: true,
            answer: &["shapes.test. 600 IN SOA ns1.shapes.test. hostmaster.shapes.test. 1 7200 900 1209600 120"], authority: NS_SHAPES, additional: GLUE_NS1 },
        Case { rule: "RFC 2782: SRV answer adds the target's address", qname: "srv.shapes.test.", qtype: SRV, rcode: NoError, aa: true,
            answer: &["srv.shapes.test. 600 IN SRV 0 5 5060 target.shapes.test."], authority: NS_SHAPES,
            additional: &["target.shapes.test. 600 IN A 192.0.2.10", "ns1.shapes.test. 600 IN A 192.0.2.53"] },
        Case { rule: "RFC 1034 §4.3.2 3a: CNAME chain chased inside the zone", qname: "c1.shapes.test.", qtype: A, rcode: NoError, aa: true,
            answer: &["c1.shapes.test. 600 IN CNAME c2.shapes.test.", "c2.shapes.test. 600 IN CNAME target.shapes.test.", "target.shapes.test. 600 IN A 192.0.2.10"],
            authority: NS_SHAPES, additional: GLUE_NS1 },
        Case { rule: "RFC 1034 §5.2.2: QTYPE CNAME is not chased", qname: "c1.shapes.test.", qtype: CNAME, rcode: NoError, aa: true,
            answer: &["c1.shapes.test. 600 IN CNAME c2.shapes.test."], authority: NS_SHAPES, additional: GLUE_NS1 },
        Case { rule: "RFC 2308 §2.2: chain ending in a missing type: chain + NODATA", qname: "c1.shapes.test.", qtype: MX, rcode: NoError, aa: true,
            answer: &["c1.shapes.test. 600 IN CNAME c2.shapes.test.", "c2.shapes.test. 600 IN CNAME target.shapes.test."], authority: SOA_SHAPES, additional: &[] },
        Case { rule: "RFC 6604: chain into a missing name: NXDOMAIN with the chain", qname: "tonx.shapes.test.", qtype: A, rcode: NXDomain, aa: true,
            answer: &["tonx.shapes.test. 600 IN CNAME missing.shapes.test."], authority: SOA_SHAPES, additional: &[] },
        Case { rule: "RFC 1034 §4.3.2 3a: out-of-zone target left for the resolver (BIND: no authority)", qname: "out.shapes.test.", qtype: A, rcode: NoError, aa: true,
            answer: &["out.shapes.test. 600 IN CNAME www.elsewhere.example."], authority: &[], additional: &[] },
        Case { rule: "RFC 1034 §3.6.2: CNAME loop: SERVFAIL with each link once (BIND)", qname: "loop1.shapes.test.", qtype: A, rcode: ServFail, aa: true,
            answer: &["loop1.shapes.test. 600 IN CNAME loop2.shapes.test.", "loop2.shapes.test. 600 IN CNAME loop1.shapes.test."], authority: &[], additional: &[] },
        Case { rule: "RFC 1034 §3.6.2: CNAME to itself: SERVFAIL", qname: "self.shapes.test.", qtype: A, rcode: ServFail, aa: true,
            answer: &["self.shapes.test. 600 IN CNAME self.shapes.test."], authority: &[], additional: &[] },
        Case { rule: "RFC 4592 §2.2.1: CNAME at a wildcard is synthesized and chased", qname: "x.wc.shapes.test.", qtype: A, rcode: NoError, aa: true,
            answer: &["x.wc.shapes.test. 600 IN CNAME target.shapes.test.", "target.shapes.test. 600 IN A 192.0.2.10"], authority: NS_SHAPES, additional: GLUE_NS1 },
        Case { rule: "RFC 4592 §2.2.2 / RFC 8020: empty non-terminal is NODATA, not NXDOMAIN", qname: "ent.shapes.test.", qtype: A, rcode: NoError, aa: true,
            answer: &[], authority: SOA_SHAPES, additional: &[] },
        Case { rule: "RFC 4592 §2.2.2: the wildcard's parent (wc) is an ENT: NODATA", qname: "wc.shapes.test.", qtype: A, rcode: NoError, aa: true,
            answer: &[], authority: SOA_SHAPES, additional: &[] },
        Case { rule: "RFC 4592 §2.2.2 (BIND, hickory-dns#1275): source of synthesis *.e is an ENT: NODATA", qname: "x.e.shapes.test.", qtype: A, rcode: NoError, aa: true,
            answer: &[], authority: SOA_SHAPES, additional: &[] },
        Case { rule: "RFC 1034 §4.3.2 3c: no name, no wildcard: NXDOMAIN", qname: "nope.shapes.test.", qtype: A, rcode: NXDomain, aa: true,
            answer: &[], authority: SOA_SHAPES, additional: &[] },
        Case { rule: "RFC 8020: below an existing leaf there is nothing: NXDOMAIN", qname: "x.a.b.ent.shapes.test.", qtype: A, rcode: NXDomain, aa: true,
            answer: &[], authority: SOA_SHAPES, additional: &[] },
        Case { rule: "RFC 2308 §2.2: name exists, type missing: NODATA with SOA TTL min(600, 120)", qname: "target.shapes.test.", qtype: MX, rcode: NoError, aa: true,
            answer: &[], authority: SOA_SHAPES, additional: &[] },
        Case { rule: "RFC 1034 §4.3.2 3b: referral at the cut: NS in authority, glue, AA clear", qname: "sub.shapes.test.", qtype: A, rcode: NoError, aa: false,
            answer: &[], authority: REFERRAL, additional: GLUE },
        Case { rule: "RFC 1034 §4.3.2 3b: below the cut, even the glue name: referral", qname: "ns.sub.shapes.test.", qtype: A, rcode: NoError, aa: false,
            answer: &[], authority: REFERRAL, additional: GLUE },
        Case { rule: "RFC 1034 §4.3.2 3b: NS query at the cut is a referral too", qname: "sub.shapes.test.", qtype: NS, rcode: NoError, aa: false,
            answer: &[], authority: REFERRAL, additional: GLUE },
        Case { rule: "RFC 4035 §3.1.4.1: DS at the cut is the parent's: NODATA, AA", qname: "sub.shapes.test.", qtype: DS, rcode: NoError, aa: true,
            answer: &[], authority: SOA_SHAPES, additional: &[] },
        Case { rule: "RFC 1034 §4.3.2 3b: DS below the cut: referral", qname: "x.sub.shapes.test.", qtype: DS, rcode: NoError, aa: false,
            answer: &[], authority: REFERRAL, additional: GLUE },
        Case { rule: "RFC 1034 §4.3.2 3a+3b: CNAME into a delegation: chain, referral, AA kept (BIND)", qname: "todel.shapes.test.", qtype: A, rcode: NoError, aa: true,
            answer: &["todel.shapes.test. 600 IN CNAME x.sub.shapes.test."], authority: REFERRAL, additional: GLUE },
        Case { rule: "RFC 1034 §4.3.2 step 2: not our zone: REFUSED, AA clear (BIND)", qname: "example.org.", qtype: A, rcode: Refused, aa: false,
            answer: &[], authority: &[], additional: &[] },
        Case { rule: "RFC 8482 / BIND: ANY returns every set at the name, no additional", qname: "mail.shapes.test.", qtype: ANY, rcode: NoError, aa: true,
            answer: &["mail.shapes.test. 600 IN A 192.0.2.25", "mail.shapes.test. 600 IN AAAA 2001:db8::25"], authority: NS_SHAPES, additional: &[] },
    ];
    run(&z, &cases);
}

/// A chain of `n` CNAMEs d0 -> d1 -> ... -> dn, and dn has an A record.
fn chain_zone(n: usize) -> AuthZone {
    let mut text = String::from("$TTL 60\n@ SOA ns h 1 2 3 4 30\n");
    for i in 0..n {
        text.push_str(&format!("d{i} CNAME d{}\n", i + 1));
    }
    text.push_str(&format!("d{n} A 192.0.2.2\n"));
    zone(&text, "chain.test.")
}

#[test]
fn bind_follows_eleven_cnames_and_fails_on_the_twelfth() {
    // Observed with named 9.18: 11 links resolve, 12 links give SERVFAIL
    // with all 12 CNAMEs in the answer.
    for (links, rcode, answers) in [
        (MAX_CNAME_CHAIN, ResponseCode::NoError, MAX_CNAME_CHAIN + 1),
        (
            MAX_CNAME_CHAIN + 1,
            ResponseCode::ServFail,
            MAX_CNAME_CHAIN + 1,
        ),
    ] {
        let z = chain_zone(links);
        let a = lookup(
            &z,
            &Name::from_ascii("d0.chain.test.").unwrap(),
            RecordType::A,
        );
        assert_eq!(a.rcode, rcode, "{links} links");
        assert_eq!(a.answer.len(), answers, "{links} links");
    }
}

#[test]
fn route53_notes_accompany_the_documented_differences() {
    let z = zone(SHAPES, "shapes.test.");
    let notes = |q: &str, t| {
        lookup(&z, &Name::from_ascii(q).unwrap(), t)
            .trace
            .into_iter()
            .filter(|s| s.kind == StepKind::Route53Note)
            .map(|s| s.rule)
            .collect::<Vec<_>>()
    };
    // Route 53 DG DNSBehavior: CNAME target's addresses in Additional.
    assert!(notes("c1.shapes.test.", RecordType::A).contains(&"Route 53 DG DNSBehavior"));
    // Route 53 DG DomainNameFormat: NXDOMAIN for the empty parent of a wildcard.
    assert!(notes("wc.shapes.test.", RecordType::A).contains(&"Route 53 DG DomainNameFormat"));
    // A plain ENT without a wildcard child gets no such note.
    assert!(!notes("ent.shapes.test.", RecordType::A).contains(&"Route 53 DG DomainNameFormat"));
}

fn alias_to(target: &str) -> Alias {
    Alias {
        target: Name::from_ascii(target).unwrap(),
        hosted_zone_id: "Z0000000000000000000".into(),
        evaluate_target_health: false,
    }
}

#[test]
fn route53_alias_answers_with_the_target_data_under_the_queried_name() {
    use RecordType::*;
    let origin = Name::from_ascii("shapes.test.").unwrap();
    let (_, sets) = Parser::new(SHAPES, None, Some(origin.clone()))
        .parse()
        .unwrap();
    let records: Vec<_> = sets
        .into_values()
        .flat_map(|s| s.records_without_rrsigs().cloned().collect::<Vec<_>>())
        .collect();
    let name = |s: &str| Name::from_ascii(s).unwrap();
    let aliases = vec![
        (
            name("apex-alias.shapes.test."),
            A,
            alias_to("target.shapes.test."),
        ),
        (
            name("other-zone.shapes.test."),
            A,
            alias_to("www.other.test."),
        ),
        (
            name("chain.shapes.test."),
            A,
            alias_to("apex-alias.shapes.test."),
        ),
        (name("cyc1.shapes.test."), A, alias_to("cyc2.shapes.test.")),
        (name("cyc2.shapes.test."), A, alias_to("cyc1.shapes.test.")),
    ];
    let shapes = AuthZone::new(origin, records, aliases).unwrap();
    let other = zone(
        "$TTL 30\n@ SOA ns h 1 2 3 4 5\nwww A 198.51.100.7\n",
        "other.test.",
    );
    let cat: Catalog = [shapes, other].into_iter().collect();
    let cases: [(&str, &str, RecordType, ResponseCode, &[&str]); 6] = [
        (
            "Route 53 alias: same-zone target",
            "apex-alias.shapes.test.",
            A,
            ResponseCode::NoError,
            &["apex-alias.shapes.test. 600 IN A 192.0.2.10"],
        ),
        (
            "Route 53 alias: target in another zone of the catalog",
            "other-zone.shapes.test.",
            A,
            ResponseCode::NoError,
            &["other-zone.shapes.test. 30 IN A 198.51.100.7"],
        ),
        (
            "Route 53 alias: alias to an alias",
            "chain.shapes.test.",
            A,
            ResponseCode::NoError,
            &["chain.shapes.test. 600 IN A 192.0.2.10"],
        ),
        (
            "Route 53 alias: only the alias's type answers; AAAA is NODATA",
            "apex-alias.shapes.test.",
            AAAA,
            ResponseCode::NoError,
            &[],
        ),
        (
            "Route 53 alias: cycle is bounded, NODATA",
            "cyc1.shapes.test.",
            A,
            ResponseCode::NoError,
            &[],
        ),
        (
            "Route 53 alias: case-insensitive owner",
            "APEX-alias.shapes.test.",
            A,
            ResponseCode::NoError,
            &["apex-alias.shapes.test. 600 IN A 192.0.2.10"],
        ),
    ];
    for (rule, q, t, rcode, answer) in cases {
        let a = lookup(&cat, &Name::from_ascii(q).unwrap(), t);
        assert_eq!(a.rcode, rcode, "{rule}");
        assert!(a.authoritative, "{rule}");
        assert_eq!(set(&a.answer), strs(answer), "{rule}: {:#?}", a.trace);
        if answer.is_empty() {
            assert_eq!(a.outcome, Outcome::NoData, "{rule}");
            assert_eq!(set(&a.authority), strs(SOA_SHAPES), "{rule}");
        }
    }
}
