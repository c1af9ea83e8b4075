use super::*;
use crate::engine::route53::record::RecordSet;

fn zone_with(sets: &[(&str, &str, &str)]) -> HostedZone {
    let mut r = Route53::new(1);
    use crate::engine::aws::{AwsApi, CallContext};
    let ctx = CallContext { now: SimTime::ZERO };
    let out = r
        .call(
            "route53",
            "CreateHostedZone",
            &serde_json::json!({"Name": "example.com", "CallerReference": "z"}),
            ctx,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let id = out["HostedZone"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut zone = r.zone(&id).cloned().unwrap_or_else(|| panic!("zone"));
    for (name, rtype, value) in sets {
        let set = RecordSet::simple(name, rtype, 60, &[value]).unwrap_or_else(|e| panic!("{e}"));
        zone.record_sets.insert(set.key(), set);
    }
    zone
}

fn codes(l: &[Lint]) -> Vec<&'static str> {
    l.iter().map(|l| l.code).collect()
}

/// DG `resource-record-sets-choosing-alias-non-alias` (reference #37):
/// which target names an alias can point at.
#[test]
fn aws_alias_targets() {
    let rows = [
        ("my-lb-123.us-east-1.elb.amazonaws.com", true),
        ("dualstack.my-lb-123.eu-west-1.elb.amazonaws.com.", true),
        ("d111111abcdef8.cloudfront.net", true),
        ("abc123.execute-api.us-east-1.amazonaws.com", true),
        ("abc123.appsync-api.eu-west-1.amazonaws.com", true),
        ("my-env.eu-west-1.elasticbeanstalk.com", true),
        ("a1234.awsglobalaccelerator.com", true),
        ("bucket.s3-website-us-east-1.amazonaws.com", true),
        ("bucket.s3-website.eu-west-1.amazonaws.com", true),
        ("vpce-1-abc.vpce-svc-1.us-east-1.vpce.amazonaws.com", true),
        // LocalStack's emulated names are not AWS resources.
        ("12345.execute-api.localhost.localstack.cloud", false),
        // execute-api without a region label.
        ("abc123.execute-api.amazonaws.com", false),
        ("www.example.org", false),
        ("cloudfront.net.example.org", false),
    ];
    for (name, want) in rows {
        assert_eq!(aws_alias_target(name).is_some(), want, "{name}");
    }
}

/// Each row: CNAMEs in a zone and the records `cname-could-be-alias` names.
#[test]
fn cname_where_an_alias_would_do() {
    type Row = (
        Vec<(&'static str, &'static str, &'static str)>,
        Vec<&'static str>,
    );
    let rows: Vec<Row> = vec![
        (
            vec![(
                "api.example.com",
                "CNAME",
                "my-lb-1.us-east-1.elb.amazonaws.com",
            )],
            vec!["api.example.com/simple"],
        ),
        (
            vec![("example.com", "CNAME", "d1.cloudfront.net")],
            vec!["example.com/simple"],
        ),
        (
            vec![
                ("www.example.com", "CNAME", "example.com"),
                ("example.com", "A", "192.0.2.1"),
            ],
            vec!["www.example.com/simple"],
        ),
        // In-zone target without an address record: nothing an alias could copy.
        (
            vec![("www.example.com", "CNAME", "other.example.com")],
            vec![],
        ),
        (
            vec![(
                "12345.example.com",
                "CNAME",
                "12345.execute-api.localhost.localstack.cloud",
            )],
            vec![],
        ),
        (
            vec![("www.example.com", "CNAME", "www.example.org")],
            vec![],
        ),
    ];
    for (sets, want) in rows {
        let found = cname_could_be_alias(&zone_with(&sets));
        let named: Vec<String> = found.iter().flat_map(|l| l.records.clone()).collect();
        assert_eq!(named, want, "{sets:?}");
        assert!(found.iter().all(|l| l.code == "cname-could-be-alias"));
    }
    let apex = cname_could_be_alias(&zone_with(&[("example.com", "CNAME", "d1.cloudfront.net")]));
    assert!(
        apex[0].message.contains("zone apex example.com."),
        "{}",
        apex[0].message
    );
}

/// An A record copied from an API Gateway answer: fine while the host
/// still has the address (within the first rotation period), a lint once
/// the horizon reaches the next period (3600 s). LocalStack's fixed
/// 127.0.0.1 never trips it.
#[test]
fn a_record_pinned_to_a_managed_address() {
    let name = "abc123.execute-api.us-east-1.amazonaws.com";
    let world = World {
        seed: 5,
        managed: vec![
            ManagedHost::api_gateway(name),
            ManagedHost::localstack("abc123"),
        ],
        ..World::default()
    };
    let ip = world.resolve(name, SimTime::ZERO)[0].to_string();
    let zone = zone_with(&[
        ("api.example.com", "A", &ip),
        ("local.example.com", "A", "127.0.0.1"),
    ]);
    assert!(pinned_managed_addresses(&zone, &world, SimTime(3_599_999)).is_empty());
    let found = pinned_managed_addresses(&zone, &world, SimTime::from_secs(3600));
    assert_eq!(codes(&found), ["a-record-pinned-to-managed-address"]);
    assert_eq!(found[0].records, ["api.example.com/simple"]);
    assert!(
        found[0].message.contains(&format!(
            "{ip}, an address {name} had only from t+0.000s to t+3599.999s"
        )),
        "{}",
        found[0].message
    );
}

/// The generic lints see the zone's records (apex SOA/NS left out).
#[test]
fn zone_records_feed_the_generic_lints() {
    let zone = zone_with(&[("www.example.com", "A", "192.0.2.1")]);
    let recs = lint_records(&zone);
    assert_eq!(recs.len(), 1);
    assert_eq!(
        (recs[0].name.as_str(), recs[0].set_id.as_str()),
        ("www.example.com", "simple")
    );
    assert_eq!(recs[0].ttl, Some(60));
    assert!(lint_zone(&zone, &[], &World::default(), SimTime::ZERO).is_empty());
}
