//! `HealthCheckConfig` as the Route 53 API spells it (API
//! `HealthCheckConfig`, PascalCase as in the CLI's JSON). Validation into a
//! [`super::CheckSpec`] is in [`super::validate`].

use serde::{Deserialize, Serialize};

/// The `Type` of a health check (API `HealthCheckConfig.Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum HealthCheckType {
    /// HTTP `GET`; healthy on 2xx or 3xx.
    Http,
    /// HTTPS `GET` (certificates are not validated); healthy on 2xx or 3xx.
    Https,
    /// HTTP plus `SearchString` in the first 5,120 bytes of the body.
    HttpStrMatch,
    /// HTTPS plus `SearchString`.
    HttpsStrMatch,
    /// A TCP connection within ten seconds.
    Tcp,
    /// Healthy when at least `HealthThreshold` children are healthy.
    Calculated,
    /// Follows a CloudWatch alarm's data stream (not simulated).
    CloudwatchMetric,
    /// Follows an ARC routing control (not simulated).
    RecoveryControl,
}

/// The API's `HealthCheckConfig`, PascalCase as the CLI's JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct HealthCheckConfig {
    /// The endpoint's address.
    #[serde(rename = "IPAddress", skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// The port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<i64>,
    /// The check type.
    #[serde(rename = "Type")]
    pub kind: Option<HealthCheckType>,
    /// The path requested by HTTP(S) checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_path: Option<String>,
    /// The endpoint's name: resolved each interval when there is no
    /// `IPAddress`, else only sent as the Host header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fully_qualified_domain_name: Option<String>,
    /// What string-matching checks look for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search_string: Option<String>,
    /// Seconds between a checker's response and its next request: 10 or 30.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_interval: Option<i64>,
    /// Consecutive results needed to change a checker's verdict: 1–10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_threshold: Option<i64>,
    /// Whether CloudWatch graphs latency (no effect on health).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure_latency: Option<bool>,
    /// Swap healthy and unhealthy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inverted: Option<bool>,
    /// Stop probing and report healthy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// For CALCULATED: how many children must be healthy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_threshold: Option<i64>,
    /// For CALCULATED: the children's ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub child_health_checks: Option<Vec<String>>,
    /// Whether HTTPS checks send SNI (no effect in the playground).
    #[serde(rename = "EnableSNI", skip_serializing_if = "Option::is_none")]
    pub enable_sni: Option<bool>,
    /// The checker regions (at least three).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<String>>,
    /// For CLOUDWATCH_METRIC (accepted for round trips, not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alarm_identifier: Option<serde_json::Value>,
    /// For CLOUDWATCH_METRIC (accepted for round trips, not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insufficient_data_health_status: Option<String>,
    /// For RECOVERY_CONTROL (accepted for round trips, not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing_control_arn: Option<String>,
}

/// One reason a configuration is rejected: the field it concerns, the AWS
/// error code and the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfigIssue {
    /// The API field (`Port`, `SearchString`...).
    pub field: &'static str,
    /// `InvalidInput` for the service's checks, `ParamValidation` for
    /// botocore's client-side ones.
    pub code: &'static str,
    /// The message (see [`super::messages`]).
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> HealthCheckConfig {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn pascal_case_round_trip_and_unknown_fields() {
        let json = r#"{"IPAddress":"192.168.49.2","Port":30001,"Type":"HTTP_STR_MATCH","ResourcePath":"/actuator/health","SearchString":"UP","RequestInterval":10,"FailureThreshold":3}"#;
        let cfg = parse(json);
        assert_eq!(serde_json::to_string(&cfg).unwrap(), json);
        assert!(serde_json::from_str::<HealthCheckConfig>(r#"{"Type":"HTTP","Bogus":1}"#).is_err());
    }
}
