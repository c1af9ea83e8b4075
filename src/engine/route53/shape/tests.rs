use serde_json::{json, Value};

use super::*;
use crate::engine::route53::record::{FailoverRole, Routing};

fn check(v: Value) -> Result<RecordSet, Vec<Problem>> {
    let rrs: model::ResourceRecordSet = serde_json::from_value(v).unwrap_or_default();
    check_record_set(
        &rrs,
        "CREATE",
        "changeBatch.changes.1.member.resourceRecordSet",
    )
}

fn a(extra: Value) -> Value {
    let mut base = json!({"Name": "www.example.com", "Type": "A", "TTL": 60,
        "ResourceRecords": [{"Value": "192.0.2.1"}]});
    if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            if v.is_null() {
                b.remove(k);
            } else {
                b.insert(k.clone(), v.clone());
            }
        }
    }
    base
}

enum Want {
    Constraint(&'static str),
    Invalid(&'static str),
    Batch(&'static str),
}

/// API model constraints (#25, #46, #52), shape rules (#16, #17) and
/// value/name problems (#18, #19, #24, #31, #33, #34), one row each.
#[test]
fn problems_by_rule() {
    let many: Vec<Value> = (0..401)
        .map(|i| json!({"Value": format!("10.0.{}.{}", i / 256, i % 256)}))
        .collect();
    let cases: Vec<(&str, Value, Want)> = vec![
        ("TTL max 2147483647 (#25)", a(json!({"TTL": 2_147_483_648_i64})),
            Want::Constraint("Value '2147483648' at 'changeBatch.changes.1.member.resourceRecordSet.tTL' failed to satisfy constraint: Member must have value less than or equal to 2147483647")),
        ("TTL min 0 (#25)", a(json!({"TTL": -1})), Want::Constraint("greater than or equal to 0")),
        ("Weight max 255 (#52)", a(json!({"SetIdentifier": "x", "Weight": 256})),
            Want::Constraint("resourceRecordSet.weight' failed to satisfy constraint: Member must have value less than or equal to 255")),
        ("Weight min 0 (#52)", a(json!({"SetIdentifier": "x", "Weight": -1})), Want::Constraint("greater than or equal to 0")),
        ("SetIdentifier max 128 (#46)", a(json!({"SetIdentifier": "x".repeat(129), "Weight": 1})), Want::Constraint("length less than or equal to 128")),
        ("SetIdentifier min 1 (#46)", a(json!({"SetIdentifier": "", "Weight": 1})), Want::Constraint("length greater than or equal to 1")),
        ("Failover enum (#49)", a(json!({"SetIdentifier": "x", "Failover": "TERTIARY"})),
            Want::Constraint("Value 'TERTIARY' at 'changeBatch.changes.1.member.resourceRecordSet.failover' failed to satisfy constraint: Member must satisfy enum value set: [PRIMARY, SECONDARY]")),
        ("Name required (#1)", a(json!({"Name": null})), Want::Constraint("resourceRecordSet.name' failed to satisfy constraint: Member must not be null")),
        ("Type required (#1)", a(json!({"Type": null})), Want::Constraint("resourceRecordSet.type'")),
        ("ResourceRecords min 1", a(json!({"ResourceRecords": []})), Want::Constraint("resourceRecords' failed to satisfy constraint: Member must have length greater than or equal to 1")),
        ("AliasTarget members required (#43)", json!({"Name": "a.example.com", "Type": "A", "AliasTarget": {"DNSName": "b.example.com", "HostedZoneId": "Z1"}}),
            Want::Constraint("aliasTarget.evaluateTargetHealth")),
        ("type enum (#22, #33)", a(json!({"Type": "FOO"})),
            Want::Invalid("Invalid XML ; cvc-enumeration-valid: Value 'FOO' is not facet-valid with respect to enumeration '[SOA, A, TXT, NS, CNAME, MX, NAPTR, PTR, SRV, SPF, AAAA, CAA, DS, TLSA, SSHFP, SVCB, HTTPS]'.")),
        ("API type dnsplay does not simulate", a(json!({"Type": "NAPTR"})), Want::Invalid("dnsplay does not simulate records of type NAPTR")),
        ("neither alias nor TTL+values (#16)", a(json!({"TTL": null, "ResourceRecords": null})),
            Want::Invalid("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in Change with [Action=CREATE, Name=www.example.com, Type=A, SetIdentifier=null]")),
        ("TTL without values (#16)", a(json!({"ResourceRecords": null})), Want::Invalid("but found none")),
        ("alias with TTL (#16, #38)", a(json!({"ResourceRecords": null, "AliasTarget": {"DNSName": "b.example.com", "HostedZoneId": "Z1", "EvaluateTargetHealth": false}})),
            Want::Invalid("but found more than one")),
        ("policy without SetIdentifier (#17)", a(json!({"Failover": "PRIMARY"})),
            Want::Invalid("Invalid request: Missing field 'SetIdentifier' in Change with [Action=CREATE, Name=www.example.com, Type=A, SetIdentifier=null]")),
        ("SetIdentifier without policy (#17)", a(json!({"SetIdentifier": "x"})),
            Want::Invalid("Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, or MultiValueAnswer], but found none in Change with [Action=CREATE, Name=www.example.com, Type=A, SetIdentifier=x]")),
        ("two policies (#17)", a(json!({"SetIdentifier": "x", "Weight": 1, "Region": "eu-west-1"})), Want::Invalid("but found more than one")),
        ("continent with country (#58)", a(json!({"SetIdentifier": "x", "GeoLocation": {"ContinentCode": "EU", "CountryCode": "FR"}})), Want::Invalid("not both")),
        ("unknown continent (#58)", a(json!({"SetIdentifier": "x", "GeoLocation": {"ContinentCode": "XX"}})), Want::Invalid("ContinentCode")),
        ("subdivision only in US (#58)", a(json!({"SetIdentifier": "x", "GeoLocation": {"CountryCode": "FR", "SubdivisionCode": "XX"}})), Want::Invalid("CountryCode US")),
        ("traffic policy not simulated", a(json!({"TrafficPolicyInstanceId": "t"})), Want::Invalid("TrafficPolicyInstanceId")),
        ("A not-an-ip (#18)", a(json!({"ResourceRecords": [{"Value": "not-an-ip"}]})),
            Want::Batch("Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with 'not-an-ip''")),
        ("duplicate value (#19)", a(json!({"ResourceRecords": [{"Value": "10.160.0.188"}, {"Value": "10.160.0.188"}]})),
            Want::Batch("Duplicate Resource Record: '10.160.0.188'")),
        ("name label too long (#18, #26)", a(json!({"Name": format!("{}.example.com", "a".repeat(64))})), Want::Batch("DomainLabelTooLong")),
        ("empty label (#18)", a(json!({"Name": "a..example.com"})), Want::Batch("DomainLabelEmpty")),
        ("empty name (#18)", a(json!({"Name": ""})), Want::Batch("FATAL problem: DomainNameEmpty (Domain name is empty) encountered with ''")),
        ("bad character (#27)", a(json!({"Name": "a b.example.com"})), Want::Batch("UnsupportedCharacter")),
        ("CNAME with two values (#34)", a(json!({"Type": "CNAME", "ResourceRecords": [{"Value": "a.example.org"}, {"Value": "b.example.org"}]})),
            Want::Batch("RRSet of type CNAME with DNS name www.example.com. must contain exactly one resource record.")),
        ("400 values a set (#24)", a(json!({"ResourceRecords": many})), Want::Batch("exceeds the limit of 400")),
        ("wildcard NS (#31)", a(json!({"Name": "*.example.com", "Type": "NS", "ResourceRecords": [{"Value": "ns.example.net"}]})), Want::Batch("NS records cannot be wildcards")),
        ("NS is simple only (#33)", a(json!({"Type": "NS", "SetIdentifier": "x", "Weight": 1, "ResourceRecords": [{"Value": "ns.example.net"}]})), Want::Batch("with the weighted routing policy")),
        ("multivalue excludes CNAME (#56)", a(json!({"Type": "CNAME", "SetIdentifier": "x", "MultiValueAnswer": true, "ResourceRecords": [{"Value": "a.example.org"}]})), Want::Batch("multivalue answer routing policy")),
        ("multivalue excludes aliases (#56)", json!({"Name": "a.example.com", "Type": "A", "SetIdentifier": "x", "MultiValueAnswer": true, "AliasTarget": {"DNSName": "b.example.com", "HostedZoneId": "Z1", "EvaluateTargetHealth": false}}), Want::Batch("multivalue answer")),
        ("bad alias target name (#18)", json!({"Name": "a.example.com", "Type": "A", "AliasTarget": {"DNSName": "b..example.com", "HostedZoneId": "Z1", "EvaluateTargetHealth": false}}), Want::Batch("DomainLabelEmpty")),
    ];
    for (rule, input, want) in cases {
        let problems = check(input)
            .err()
            .unwrap_or_else(|| panic!("{rule}: accepted"));
        let found = problems.iter().any(|p| match (&want, p) {
            (Want::Constraint(w), Problem::Constraint(m))
            | (Want::Invalid(w), Problem::Invalid(m))
            | (Want::Batch(w), Problem::Batch(_, m)) => m.contains(w),
            _ => false,
        });
        assert!(found, "{rule}: {problems:?}");
    }
}

/// Every value problem of a set is reported, not just the first (#10).
#[test]
fn all_value_problems_are_listed() {
    let problems = check(a(
        json!({"ResourceRecords": [{"Value": "x"}, {"Value": "y"}]}),
    ))
    .err()
    .unwrap_or_default();
    assert_eq!(problems.len(), 2, "{problems:?}");
}

/// Boundaries that must pass: TTL 0 and 2147483647, weight 0 and 255,
/// 400 values, each routing policy typed as given.
#[test]
fn accepted_sets_and_their_routing() {
    let values400: Vec<Value> = (0..400)
        .map(|i| json!({"Value": format!("10.0.{}.{}", i / 256, i % 256)}))
        .collect();
    let cases: Vec<(&str, Value, Routing)> = vec![
        ("TTL 0 (#25)", a(json!({"TTL": 0})), Routing::Simple),
        (
            "TTL max (#25)",
            a(json!({"TTL": 2_147_483_647_i64})),
            Routing::Simple,
        ),
        (
            "400 values (#24)",
            a(json!({"ResourceRecords": values400})),
            Routing::Simple,
        ),
        (
            "weight 0 (#52)",
            a(json!({"SetIdentifier": "w", "Weight": 0})),
            Routing::Weighted {
                set_id: "w".into(),
                weight: 0,
            },
        ),
        (
            "weight 255 (#52)",
            a(json!({"SetIdentifier": "w", "Weight": 255})),
            Routing::Weighted {
                set_id: "w".into(),
                weight: 255,
            },
        ),
        (
            "failover (#49)",
            a(json!({"SetIdentifier": "p", "Failover": "SECONDARY"})),
            Routing::Failover {
                set_id: "p".into(),
                role: FailoverRole::Secondary,
            },
        ),
        (
            "latency (#57)",
            a(json!({"SetIdentifier": "l", "Region": "eu-west-1"})),
            Routing::Latency {
                set_id: "l".into(),
                region: "eu-west-1".into(),
            },
        ),
        (
            "multivalue (#56)",
            a(json!({"SetIdentifier": "m", "MultiValueAnswer": true})),
            Routing::MultiValue { set_id: "m".into() },
        ),
        (
            "geolocation default (#58)",
            a(json!({"SetIdentifier": "g", "GeoLocation": {"CountryCode": "*"}})),
            Routing::Geolocation {
                set_id: "g".into(),
                location: model::GeoLocation {
                    country_code: Some("*".into()),
                    ..Default::default()
                },
            },
        ),
    ];
    for (rule, input, routing) in cases {
        let set = check(input).unwrap_or_else(|p| panic!("{rule}: {p:?}"));
        assert_eq!(set.routing, routing, "{rule}");
    }
    let alias = check(json!({"Name": "example.com", "Type": "A", "AliasTarget": {
        "DNSName": "B.example.com", "HostedZoneId": "Z1", "EvaluateTargetHealth": true}}))
    .unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(alias.ttl(), None, "API TTL: omit TTL for an alias (#38)");
    assert!(alias.records().is_empty());
}
