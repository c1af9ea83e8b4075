//! The blog's LocalStack flow through `AwsApi::call`, compared with what the
//! AWS CLI prints against Route 53 (ids and name servers aside):
//!
//! ```sh
//! HOSTED_ZONE_ID=$(awslocal route53 create-hosted-zone --name hello-localstack.com \
//!     --caller-reference r1 --query HostedZone.Id --output text)
//! awslocal route53 change-resource-record-sets --hosted-zone $HOSTED_ZONE_ID \
//!     --change-batch '{"Changes": [{"Action": "CREATE", "ResourceRecordSet": {
//!       "Name": "12345.hello-localstack.com", "Type": "CNAME", "TTL": 60,
//!       "ResourceRecords": [{"Value": "12345.execute-api.localhost.localstack.cloud"}]}}]}'
//! awslocal route53 list-resource-record-sets --hosted-zone-id $HOSTED_ZONE_ID
//! ```

use dnsplay::engine::aws::{AwsApi, CallContext};
use dnsplay::engine::route53::Route53;
use dnsplay::engine::time::SimTime;
use serde_json::{json, Value};

fn ctx(secs: u64) -> CallContext {
    CallContext {
        now: SimTime::from_secs(secs),
    }
}

/// `ns-1234.awsdns-12.com.` shape (DG `SOA-NSrecords`), with the TLD given.
fn is_awsdns(server: &str, tld: &str) -> bool {
    let Some(rest) = server.strip_prefix("ns-") else {
        return false;
    };
    let Some((n, rest)) = rest.split_once(".awsdns-") else {
        return false;
    };
    let Some((stripe, got_tld)) = rest.split_once('.') else {
        return false;
    };
    !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
        && stripe.len() == 2
        && stripe.bytes().all(|b| b.is_ascii_digit())
        && got_tld == tld
}

#[test]
fn blog_flow_lists_soa_ns_and_the_cname_as_the_cli_prints_them() {
    let mut route53 = Route53::new(2024);
    let created = route53
        .call(
            "route53",
            "CreateHostedZone",
            &json!({"Name": "hello-localstack.com", "CallerReference": "r1"}),
            ctx(0),
        )
        .expect("create-hosted-zone");
    // `--query HostedZone.Id --output text` gives the prefixed form.
    let hosted_zone_id = created["HostedZone"]["Id"]
        .as_str()
        .expect("Id")
        .to_string();
    assert!(hosted_zone_id.starts_with("/hostedzone/Z"));
    let servers: Vec<String> = created["DelegationSet"]["NameServers"]
        .as_array()
        .expect("NameServers")
        .iter()
        .map(|s| s.as_str().unwrap_or_default().to_string())
        .collect();
    for (server, tld) in servers.iter().zip(["com", "net", "org", "co.uk"]) {
        assert!(is_awsdns(server, tld), "{server}");
    }

    // The blog's batch, verbatim.
    let batch: Value = serde_json::from_str(dnsplay::scenario::blog::LOCALSTACK_CHANGE_BATCH)
        .expect("blog batch is JSON");
    let changed = route53
        .call(
            "route53",
            "ChangeResourceRecordSets",
            &json!({"HostedZoneId": hosted_zone_id, "ChangeBatch": batch}),
            ctx(1),
        )
        .expect("change-resource-record-sets");
    assert_eq!(changed["ChangeInfo"]["Status"], json!("PENDING"));
    assert_eq!(
        changed["ChangeInfo"]["SubmittedAt"],
        json!("2025-01-01T00:00:01.000Z")
    );

    let listed = route53
        .call(
            "route53",
            "ListResourceRecordSets",
            &json!({"HostedZoneId": hosted_zone_id}),
            ctx(2),
        )
        .expect("list-resource-record-sets");
    let ns_values: Vec<Value> = servers
        .iter()
        .map(|s| json!({"Value": format!("{s}.")}))
        .collect();
    let soa = format!(
        "{}. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
        servers[0]
    );
    let expected = json!({
        "ResourceRecordSets": [
            {
                "Name": "hello-localstack.com.",
                "Type": "NS",
                "TTL": 172800,
                "ResourceRecords": ns_values
            },
            {
                "Name": "hello-localstack.com.",
                "Type": "SOA",
                "TTL": 900,
                "ResourceRecords": [{"Value": soa}]
            },
            {
                "Name": "12345.hello-localstack.com.",
                "Type": "CNAME",
                "TTL": 60,
                "ResourceRecords": [{"Value": "12345.execute-api.localhost.localstack.cloud"}]
            }
        ]
    });
    // Text comparison: key order is part of what the CLI prints.
    assert_eq!(
        serde_json::to_string_pretty(&listed).expect("json"),
        serde_json::to_string_pretty(&expected).expect("json")
    );

    // Pasting the blog's command a second time fails as on AWS (#4), where
    // LocalStack answers without brackets (#98).
    let again = route53
        .call(
            "route53",
            "ChangeResourceRecordSets",
            &json!({"HostedZoneId": hosted_zone_id, "ChangeBatch": batch}),
            ctx(3),
        )
        .expect_err("second CREATE");
    assert_eq!(again.code, "InvalidChangeBatch");
    assert_eq!(
        again.message,
        "[Tried to create resource record set [name='12345.hello-localstack.com.', type='CNAME'] but it already exists]"
    );
}
