//! The change-batch JSON exactly as the AWS API and CLI take it (botocore's
//! input shapes `ChangeBatch`, `Change`, `ResourceRecordSet`, PascalCase).
//!
//! Every member is optional here, even the ones the API requires, so that a
//! missing member is reported with AWS's validation wording by
//! [`super::shape`] instead of serde's. Unknown members are refused (the
//! XML schema refuses unknown elements). Field order is botocore's member
//! order, which is the order the AWS CLI prints.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `ChangeBatch`: an optional comment and the changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeBatch {
    /// At most 256 characters (API `ResourceDescription`).
    #[serde(rename = "Comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// At least one change.
    #[serde(rename = "Changes", default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Vec<Change>>,
}

/// `Change`: an action on one record set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// `CREATE`, `DELETE` or `UPSERT`.
    #[serde(rename = "Action", default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The record set the action applies to.
    #[serde(
        rename = "ResourceRecordSet",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_record_set: Option<ResourceRecordSet>,
}

/// `ResourceRecordSet` as the API takes and returns it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceRecordSet {
    /// The owner name; trailing dot optional.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The RR type mnemonic.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub rtype: Option<String>,
    /// Distinguishes the sets of one routed name and type (1..=128 chars).
    #[serde(
        rename = "SetIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub set_identifier: Option<String>,
    /// Weighted routing, 0..=255. Wider than `u8` so bad input is reported, not refused by serde.
    #[serde(rename = "Weight", default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
    /// Latency routing: the AWS region.
    #[serde(rename = "Region", default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Geolocation routing.
    #[serde(
        rename = "GeoLocation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub geo_location: Option<GeoLocation>,
    /// Failover routing: `PRIMARY` or `SECONDARY`.
    #[serde(rename = "Failover", default, skip_serializing_if = "Option::is_none")]
    pub failover: Option<String>,
    /// Multivalue answer routing.
    #[serde(
        rename = "MultiValueAnswer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub multi_value_answer: Option<bool>,
    /// 0..=2147483647; wider than `u32` so bad input is reported.
    #[serde(rename = "TTL", default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<i64>,
    /// The values, one `{"Value": ...}` each.
    #[serde(
        rename = "ResourceRecords",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_records: Option<Vec<ResourceRecord>>,
    /// An alias instead of TTL and values.
    #[serde(
        rename = "AliasTarget",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alias_target: Option<AliasTarget>,
    /// The health check whose status decides this set's answers.
    #[serde(
        rename = "HealthCheckId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_id: Option<String>,
    /// Traffic policies: accepted by the API, not simulated by dnsplay.
    #[serde(
        rename = "TrafficPolicyInstanceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub traffic_policy_instance_id: Option<Value>,
    /// IP-based routing: accepted by the API, not simulated by dnsplay.
    #[serde(
        rename = "CidrRoutingConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cidr_routing_config: Option<Value>,
    /// Geoproximity routing: accepted by the API, not simulated by dnsplay.
    #[serde(
        rename = "GeoProximityLocation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub geo_proximity_location: Option<Value>,
}

/// `ResourceRecord`: one value in presentation format.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceRecord {
    /// The value as given, e.g. `192.0.2.1` or `10 mail.example.com`.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// `AliasTarget`; all three members are required by the API.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasTarget {
    /// The target's hosted zone id (the same zone, or an AWS service's zone).
    #[serde(
        rename = "HostedZoneId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hosted_zone_id: Option<String>,
    /// The target name.
    #[serde(rename = "DNSName", default, skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    /// Whether the alias inherits the target's health.
    #[serde(
        rename = "EvaluateTargetHealth",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub evaluate_target_health: Option<bool>,
}

/// `GeoLocation`: a continent, or a country (and, for `US`, a subdivision).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeoLocation {
    /// `AF`, `AN`, `AS`, `EU`, `OC`, `NA` or `SA`.
    #[serde(
        rename = "ContinentCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub continent_code: Option<String>,
    /// ISO 3166-1 alpha-2, or `*` for the default location.
    #[serde(
        rename = "CountryCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub country_code: Option<String>,
    /// A US state code, with `CountryCode` `US`.
    #[serde(
        rename = "SubdivisionCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub subdivision_code: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// API `ChangeBatch` (#1): the blog's batch reads as the CLI sends it and
    /// serializes back with the same keys in botocore's order.
    #[test]
    fn blog_batch_round_trips_in_botocore_order() {
        let input = json!({"Changes": [{"Action": "CREATE", "ResourceRecordSet": {
            "Name": "12345.hello-localstack.com", "Type": "CNAME", "TTL": 60,
            "ResourceRecords": [{"Value": "12345.execute-api.localhost.localstack.cloud"}]}}]});
        let batch: ChangeBatch = serde_json::from_value(input.clone()).expect("blog batch");
        assert_eq!(serde_json::to_value(&batch).ok(), Some(input));
        let rrset = ResourceRecordSet {
            ttl: Some(1),
            name: Some("a".into()),
            rtype: Some("A".into()),
            ..Default::default()
        };
        let text = serde_json::to_string(&rrset).unwrap_or_default();
        assert_eq!(text, r#"{"Name":"a","Type":"A","TTL":1}"#);
    }

    /// The XML schema refuses unknown elements; so does the model.
    #[test]
    fn unknown_members_are_refused() {
        let cases = [
            json!({"Changes": [], "Extra": 1}),
            json!({"Changes": [{"Action": "CREATE", "Foo": 1}]}),
            json!({"Changes": [{"ResourceRecordSet": {"Name": "a", "Ttl": 1}}]}),
        ];
        for c in cases {
            assert!(
                serde_json::from_value::<ChangeBatch>(c.clone()).is_err(),
                "{c}"
            );
        }
    }
}
