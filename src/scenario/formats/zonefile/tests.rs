//! Zone-file import errors by line, canonical export, and the export ->
//! import round trip over generated zones.

use std::collections::BTreeSet;

use hickory_proto::rr::Name;
use proptest::prelude::*;

use super::*;

fn origin() -> Name {
    Name::from_ascii("example.").unwrap()
}

const HEAD: &str =
    "$ORIGIN example.\n$TTL 300\n@ SOA ns1 hostmaster 1 2 3 4 60\n@ NS ns1\nns1 A 192.0.2.1\n";

#[test]
fn rfc1035_5_errors_name_the_line_and_the_rule() {
    // (rule checked, file, line, rule named, detail contains)
    let cases: [(&str, String, usize, &str, &str); 12] = [
        (
            "RFC 2181 §10.1: a second CNAME at a name (hickory would keep the last)",
            format!("{HEAD}www CNAME a\nx A 192.0.2.1\nWWW CNAME b\n"),
            8,
            ZONE_CONTENT,
            "second CNAME record at WWW.example.",
        ),
        (
            "RFC 1035 §3.4.1: A needs an IPv4 address",
            format!("{HEAD}www A not-an-ip\n"),
            6,
            "RFC 1035 §3.4.1 / RFC 3596 addresses",
            "address",
        ),
        (
            "RFC 3597: unknown type",
            format!("{HEAD}www FOO 1\n"),
            6,
            "RFC 1035 §2.3 names and record data",
            "",
        ),
        (
            "RFC 1035 §5.1: MX needs a preference",
            format!("{HEAD}@ MX mail\nwww A 192.0.2.2\n"),
            6,
            "RFC 1035 §5.1 numeric fields",
            "",
        ),
        (
            "RFC 1035 §5.1: stray ')'",
            format!("{HEAD}www A 192.0.2.2\nx ) A 192.0.2.3\n"),
            7,
            SYNTAX,
            "",
        ),
        (
            "RFC 1035 §5.1: unclosed '(' is reported where input ends",
            format!("{HEAD}x TXT ( \"a\"\n\ny A 192.0.2.3\n"),
            8,
            SYNTAX,
            "unclosed",
        ),
        (
            "RFC 1035 §5.1: error after a multi-line SOA is on its own line",
            "$ORIGIN example.\n$TTL 300\n@ SOA ns1 h (\n 1 2\n 3 4 60 )\nbad A 300.1.1.1\n".into(),
            6,
            "RFC 1035 §3.4.1 / RFC 3596 addresses",
            "",
        ),
        (
            "RFC 1035 §5.2: CNAME and other data is a zone error on the second record",
            format!("{HEAD}www CNAME ns1\n\nwww A 192.0.2.9\n"),
            8,
            ZONE_CONTENT,
            "CNAME and other data",
        ),
        (
            "RFC 1035 §5.2: record outside the origin",
            format!("{HEAD}www.example.net. A 192.0.2.9\n"),
            6,
            ZONE_CONTENT,
            "not in zone",
        ),
        (
            "RFC 1035 §5.2: no SOA points at the top",
            "$ORIGIN example.\n$TTL 300\nwww A 192.0.2.9\n".into(),
            1,
            ZONE_CONTENT,
            "no SOA",
        ),
        (
            "RFC 1035 §5.1: no $ORIGIN and no origin given",
            "$TTL 300\nexample. SOA ns1.example. h.example. 1 2 3 4 5\n".into(),
            1,
            "RFC 1035 §5.1 $ORIGIN",
            "$ORIGIN",
        ),
        (
            "$INCLUDE is refused before parsing (no file system)",
            format!("{HEAD}\n$include /etc/passwd\n"),
            7,
            "RFC 1035 §5.1 $INCLUDE",
            "not supported",
        ),
    ];
    for (rule, text, line, named, detail) in cases {
        let o = origin();
        let given = if named == "RFC 1035 §5.1 $ORIGIN" {
            None
        } else {
            Some(&o)
        };
        let err = import_zone(&text, given).expect_err(rule);
        assert_eq!((err.line, err.rule), (line, named), "{rule}: {err}");
        assert!(err.detail.contains(detail), "{rule}: {err}");
        assert!(
            err.to_string().starts_with(&format!("line {line}: ")),
            "{rule}"
        );
    }
}

#[test]
fn import_takes_the_origin_from_the_caller_when_the_file_has_none() {
    let z = import_zone(
        "@ 60 SOA ns1 h 1 2 3 4 5\nwww 60 A 192.0.2.1\n",
        Some(&origin()),
    )
    .unwrap();
    assert_eq!(z.origin().to_ascii(), "example.");
    assert_eq!(z.records().len(), 2);
}

#[test]
fn export_is_canonical_sorted_fqdn_one_record_a_line() {
    let text = "$ORIGIN example.\n$TTL 300\nzz A 192.0.2.9\n@ MX 20 b\n@ MX 10 a\n@ NS ns1\n@ SOA ns1 hostmaster 1 2 3 4 60\nWWW TXT \"a \\\"q\\\"\"\nns1 A 192.0.2.1\n";
    let z = import_zone(text, None).unwrap();
    let want = "\
$ORIGIN example.
$TTL 300
example. 300 IN SOA ns1.example. hostmaster.example. 1 2 3 4 60
example. 300 IN NS ns1.example.
example. 300 IN MX 10 a.example.
example. 300 IN MX 20 b.example.
ns1.example. 300 IN A 192.0.2.1
www.example. 300 IN TXT \"a \\\"q\\\"\"
zz.example. 300 IN A 192.0.2.9
";
    assert_eq!(export_zone(&z), want);
}

#[test]
fn the_bind_compat_fixture_imports() {
    let text = include_str!("../../../../tests/fixtures/zones/compat.example.zone");
    let z = import_zone(text, None).unwrap();
    assert_eq!(z.origin().to_ascii(), "compat.example.");
    assert!(z.records().len() > 20);
}

fn lines(z: &AuthZone) -> BTreeSet<String> {
    use crate::engine::wire::zone_line;
    z.records().iter().map(zone_line).collect()
}

fn label() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,8}[a-z0-9]".prop_map(|s| s)
}

fn rdata_line() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|b| format!("A {}.{}.{}.{}", b[0], b[1], b[2], b[3])),
        any::<[u16; 8]>().prop_map(|w| format!("AAAA {}", std::net::Ipv6Addr::from(w))),
        (any::<u16>(), label()).prop_map(|(p, l)| format!("MX {p} {l}")),
        (any::<u16>(), any::<u16>(), any::<u16>(), label())
            .prop_map(|(a, b, c, l)| format!("SRV {a} {b} {c} {l}.example.net.")),
        proptest::collection::vec("[ -~\t\u{1}\u{7f}éü€😀]{0,20}", 1..3).prop_map(
            |strings| format!(
                "TXT {}",
                strings
                    .iter()
                    .map(|s| zone_quote(s.as_bytes()))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        ),
        label().prop_map(|l| format!("CNAME {l}.example.org.")),
        label().prop_map(|l| format!("NS ns.{l}.example.net.")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Export then import gives the same records (and export is a fixed point).
    #[test]
    fn export_import_round_trips(
        records in proptest::collection::vec((proptest::collection::vec(label(), 1..3), 0u32..100_000, rdata_line()), 0..25),
    ) {
        let mut text = String::from("$ORIGIN example.\n@ 900 SOA ns1 hostmaster 1 7200 900 1209600 300\n");
        for (labels, ttl, rdata) in &records {
            text.push_str(&format!("{} {ttl} IN {rdata}\n", labels.join(".")));
        }
        // Generated sets may put a CNAME beside other data; those are
        // import errors by design, not round-trip cases.
        let Ok(zone) = import_zone(&text, None) else { return Ok(()); };
        let exported = export_zone(&zone);
        let back = import_zone(&exported, None).map_err(|e| TestCaseError::fail(format!("{e}\n{exported}")))?;
        prop_assert_eq!(lines(&back), lines(&zone));
        prop_assert_eq!(export_zone(&back), exported);
    }

    /// No input makes the importer panic.
    #[test]
    fn import_never_panics(text in "[ -~\n\t();\"\\\\$@*]{0,200}") {
        let _ = import_zone(&text, Some(&origin()));
    }
}

#[test]
fn rfc1035_5_1_at_in_rdata_imports_as_bind_reads_it() {
    let text = "$ORIGIN example.\n$TTL 60\n@ SOA @ hostmaster 1 2 3 4 5\n@ MX 10 @\nwww CNAME @\n@ A 192.0.2.1\n";
    let z = import_zone(text, None).unwrap();
    let got: Vec<String> = z
        .records()
        .iter()
        .map(crate::engine::wire::zone_line)
        .collect();
    assert!(
        got.contains(&"www.example. 60 IN CNAME example.".to_string()),
        "{got:?}"
    );
    assert!(
        got.contains(&"example. 60 IN MX 10 example.".to_string()),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|l| l.contains(" SOA example. hostmaster.example. ")),
        "{got:?}"
    );
}

#[test]
fn non_ascii_txt_round_trips_as_utf8() {
    // Regression found by the round-trip property: hickory reads `\DDD`
    // as a character, so export writes valid UTF-8 raw.
    let text = "$ORIGIN example.\n@ 60 SOA ns h 1 2 3 4 5\na0 0 TXT \"\u{f0}\u{10087}\"\n";
    let z = import_zone(text, None).unwrap();
    let back = import_zone(&export_zone(&z), None).unwrap();
    assert_eq!(lines(&back), lines(&z));
}
