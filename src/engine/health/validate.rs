//! Validation of a [`HealthCheckConfig`] into a [`CheckSpec`], collecting
//! every broken rule with Route 53's message.
//!
//! Defaults and limits follow the API reference (`API_HealthCheckConfig`)
//! and the botocore model (reference notes E.63–E.75): Port 1–65535
//! (default 80, or 443 for HTTPS types), RequestInterval 10 or 30 (default
//! 30), FailureThreshold 1–10 (default 3), SearchString ≤255, ResourcePath
//! ≤255 (a leading `/` is added), Regions ≥3 (default: all), HealthThreshold
//! 0–256, ChildHealthChecks ≤256.

use std::net::IpAddr;

use super::config::{ConfigIssue, HealthCheckConfig, HealthCheckType};
use super::messages as msg;
use super::spec::{CheckKind, CheckSpec, EndpointSpec, Target};
use super::CHECKER_REGIONS;
use crate::engine::world::Protocol;

struct Issues(Vec<ConfigIssue>);

impl Issues {
    fn input(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(ConfigIssue {
            field,
            code: "InvalidInput",
            message: message.into(),
        });
    }
    fn param(&mut self, field: &'static str, message: String) {
        self.0.push(ConfigIssue {
            field,
            code: "ParamValidation",
            message,
        });
    }
    fn range(
        &mut self,
        field: &'static str,
        value: Option<i64>,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        match value {
            Some(v) if v < min || v > max => {
                self.param(field, msg::out_of_range(field, v, min, max));
                None
            }
            other => other,
        }
    }
}

impl HealthCheckConfig {
    /// Checks every rule and collects every broken one, or returns the spec
    /// with defaults filled in.
    pub fn validate(&self) -> Result<CheckSpec, Vec<ConfigIssue>> {
        let mut is = Issues(Vec::new());
        let kind = match self.kind {
            Some(k) => k,
            None => {
                is.param(
                    "Type",
                    "Missing required parameter in HealthCheckConfig: \"Type\"".to_string(),
                );
                return Err(is.0);
            }
        };
        let port = is.range("Port", self.port, 1, 65535);
        let interval = is.range("RequestInterval", self.request_interval, 10, 30);
        if interval.is_some_and(|i| i != 10 && i != 30) {
            is.input("RequestInterval", msg::REQUEST_INTERVAL);
        }
        let threshold = is.range("FailureThreshold", self.failure_threshold, 1, 10);
        let health_threshold = is.range("HealthThreshold", self.health_threshold, 0, 256);
        let regions = self.regions(&mut is);
        if let Some(s) = &self.search_string {
            if s.len() > 255 {
                is.param("SearchString", msg::too_long("SearchString", s.len(), 255));
            }
        }
        if let Some(p) = &self.resource_path {
            if p.len() > 255 {
                is.param("ResourcePath", msg::too_long("ResourcePath", p.len(), 255));
            }
        }
        let protocol = match kind {
            HealthCheckType::Http | HealthCheckType::HttpStrMatch => Protocol::Http,
            HealthCheckType::Https | HealthCheckType::HttpsStrMatch => Protocol::Https,
            HealthCheckType::Tcp => Protocol::Tcp,
            HealthCheckType::Calculated => {
                let spec = self.calculated(&mut is, health_threshold);
                return finish(is, spec, interval, threshold, self, regions);
            }
            HealthCheckType::CloudwatchMetric => {
                is.input("Type", msg::unsupported_type("CLOUDWATCH_METRIC"));
                return Err(is.0);
            }
            HealthCheckType::RecoveryControl => {
                is.input("Type", msg::unsupported_type("RECOVERY_CONTROL"));
                return Err(is.0);
            }
        };
        if self.child_health_checks.is_some() {
            is.input(
                "ChildHealthChecks",
                msg::only_calculated("ChildHealthChecks"),
            );
        }
        if self.health_threshold.is_some() {
            is.input("HealthThreshold", msg::only_calculated("HealthThreshold"));
        }
        let str_match = matches!(
            kind,
            HealthCheckType::HttpStrMatch | HealthCheckType::HttpsStrMatch
        );
        match (&self.search_string, str_match) {
            (None, true) => is.input("SearchString", msg::STR_MATCH_NEEDS_SEARCH),
            (Some(_), false) => is.input("SearchString", msg::SEARCH_ONLY_FOR_STR_MATCH),
            _ => {}
        }
        if protocol == Protocol::Tcp {
            if self.port.is_none() {
                is.input("Port", msg::TCP_NEEDS_PORT);
            }
            if self.resource_path.is_some() {
                is.input("ResourcePath", msg::TCP_NO_PATH);
            }
            if self.ip_address.is_some() && self.fully_qualified_domain_name.is_some() {
                is.input("FullyQualifiedDomainName", msg::TCP_IP_AND_FQDN);
            }
        }
        let fqdn = self
            .fully_qualified_domain_name
            .as_deref()
            .map(|n| n.trim_end_matches('.').to_ascii_lowercase());
        let target = match (&self.ip_address, &fqdn) {
            (Some(ip), _) => match ip.parse::<IpAddr>() {
                Ok(ip) => Some(Target::Ip(ip)),
                Err(_) => {
                    is.input("IPAddress", msg::bad_ip(ip));
                    None
                }
            },
            (None, Some(name)) => Some(Target::Name(name.clone())),
            (None, None) => {
                is.input("IPAddress", msg::NO_ENDPOINT);
                None
            }
        };
        let default_port = if protocol == Protocol::Https { 443 } else { 80 };
        let port = port
            .and_then(|p| u16::try_from(p).ok())
            .unwrap_or(default_port);
        let host_only = match (&fqdn, &target) {
            (Some(name), _) => name.clone(),
            (None, Some(Target::Ip(IpAddr::V6(v6)))) => format!("[{v6}]"),
            (None, Some(Target::Ip(ip))) => ip.to_string(),
            (None, _) => String::new(),
        };
        let host = if port == default_port {
            host_only
        } else {
            format!("{host_only}:{port}")
        };
        let path = match self.resource_path.as_deref() {
            None | Some("") => "/".to_string(),
            Some(p) if p.starts_with('/') => p.to_string(),
            Some(p) => format!("/{p}"),
        };
        let spec = target.map(|target| {
            CheckKind::Endpoint(EndpointSpec {
                protocol,
                target,
                port,
                path: if protocol == Protocol::Tcp {
                    String::new()
                } else {
                    path
                },
                host,
                search: self.search_string.clone().filter(|_| str_match),
            })
        });
        finish(is, spec, interval, threshold, self, regions)
    }

    fn calculated(&self, is: &mut Issues, health_threshold: Option<i64>) -> Option<CheckKind> {
        let endpoint_fields: [(&'static str, bool); 5] = [
            ("IPAddress", self.ip_address.is_some()),
            (
                "FullyQualifiedDomainName",
                self.fully_qualified_domain_name.is_some(),
            ),
            ("Port", self.port.is_some()),
            ("ResourcePath", self.resource_path.is_some()),
            ("SearchString", self.search_string.is_some()),
        ];
        for (field, present) in endpoint_fields {
            if present {
                is.input(field, msg::calculated_field(field));
            }
        }
        let children = self.child_health_checks.clone().unwrap_or_default();
        if children.is_empty() {
            is.input("ChildHealthChecks", msg::CALCULATED_NEEDS_CHILDREN);
        }
        if children.len() > 256 {
            is.param(
                "ChildHealthChecks",
                msg::too_long("ChildHealthChecks", children.len(), 256),
            );
        }
        Some(CheckKind::Calculated {
            // An omitted threshold: the API documents no default; requiring
            // every child is the conservative reading.
            health_threshold: health_threshold
                .and_then(|h| u32::try_from(h).ok())
                .unwrap_or(children.len() as u32),
            children,
        })
    }

    fn regions(&self, is: &mut Issues) -> Vec<String> {
        let Some(given) = &self.regions else {
            return CHECKER_REGIONS.iter().map(|r| r.to_string()).collect();
        };
        if given.len() < 3 {
            is.param("Regions", msg::too_short("Regions", given.len(), 3));
        }
        let mut out: Vec<String> = Vec::new();
        for r in given.iter().take(64) {
            if !CHECKER_REGIONS.contains(&r.as_str()) {
                is.input("Regions", msg::bad_region(r, &CHECKER_REGIONS));
            } else if out.contains(r) {
                is.input("Regions", msg::duplicate_region(r));
            } else {
                out.push(r.clone());
            }
        }
        if given.len() > 64 {
            is.param("Regions", msg::too_long("Regions", given.len(), 64));
        }
        out
    }
}

fn finish(
    is: Issues,
    kind: Option<CheckKind>,
    interval: Option<i64>,
    threshold: Option<i64>,
    cfg: &HealthCheckConfig,
    regions: Vec<String>,
) -> Result<CheckSpec, Vec<ConfigIssue>> {
    match kind {
        Some(kind) if is.0.is_empty() => Ok(CheckSpec {
            kind,
            interval_ms: interval.and_then(|i| u64::try_from(i).ok()).unwrap_or(30) * 1000,
            failure_threshold: threshold.and_then(|t| u32::try_from(t).ok()).unwrap_or(3),
            inverted: cfg.inverted.unwrap_or(false),
            disabled: cfg.disabled.unwrap_or(false),
            regions,
        }),
        _ => Err(is.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> HealthCheckConfig {
        serde_json::from_str(json).unwrap()
    }

    fn endpoint(json: &str) -> EndpointSpec {
        match parse(json).validate().map(|s| s.kind) {
            Ok(CheckKind::Endpoint(e)) => e,
            other => panic!("{json}: {other:?}"),
        }
    }

    /// Defaults from API_HealthCheckConfig: port 80/443, path "/", interval
    /// 30, threshold 3, every region.
    #[test]
    fn defaults_are_filled_in() {
        let spec = parse(r#"{"Type":"HTTPS","IPAddress":"203.0.113.5"}"#)
            .validate()
            .unwrap();
        assert_eq!(spec.interval_ms, 30_000);
        assert_eq!(spec.failure_threshold, 3);
        assert_eq!(spec.regions.len(), 8);
        assert!(!spec.inverted && !spec.disabled);
        let e = endpoint(r#"{"Type":"HTTPS","IPAddress":"203.0.113.5"}"#);
        assert_eq!(
            (e.port, e.path.as_str(), e.host.as_str()),
            (443, "/", "203.0.113.5")
        );
    }

    /// Reference E.75: Host is the FQDN or the IP, with `:port` unless the
    /// port is the protocol's default; a leading `/` is added to the path.
    #[test]
    fn host_header_and_path() {
        let rows = [
            (
                r#"{"Type":"HTTP","IPAddress":"192.168.49.2","Port":30001,"ResourcePath":"actuator/health"}"#,
                "192.168.49.2:30001",
                "/actuator/health",
            ),
            (
                r#"{"Type":"HTTP","IPAddress":"203.0.113.5","FullyQualifiedDomainName":"App.Example.com."}"#,
                "app.example.com",
                "/",
            ),
            (
                r#"{"Type":"HTTPS","FullyQualifiedDomainName":"api.example.com","Port":8443}"#,
                "api.example.com:8443",
                "/",
            ),
            (
                r#"{"Type":"HTTP","IPAddress":"2001:db8::1","Port":8080}"#,
                "[2001:db8::1]:8080",
                "/",
            ),
        ];
        for (json, host, path) in rows {
            let e = endpoint(json);
            assert_eq!((e.host.as_str(), e.path.as_str()), (host, path), "{json}");
        }
    }

    /// Each row: a config and the messages it must produce, in order.
    #[test]
    fn rejections_table() {
        let rows: Vec<(&str, Vec<String>)> = vec![
            (r#"{"Type":"TCP","IPAddress":"203.0.113.5","FullyQualifiedDomainName":"a.example.com","Port":22}"#, vec![msg::TCP_IP_AND_FQDN.into()]),
            (r#"{"Type":"TCP","IPAddress":"203.0.113.5"}"#, vec![msg::TCP_NEEDS_PORT.into()]),
            (r#"{"Type":"HTTP"}"#, vec![msg::NO_ENDPOINT.into()]),
            (r#"{"Type":"HTTP_STR_MATCH","IPAddress":"203.0.113.5"}"#, vec![msg::STR_MATCH_NEEDS_SEARCH.into()]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","SearchString":"UP"}"#, vec![msg::SEARCH_ONLY_FOR_STR_MATCH.into()]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","RequestInterval":20}"#, vec![msg::REQUEST_INTERVAL.into()]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","RequestInterval":5}"#, vec!["Invalid value for parameter HealthCheckConfig.RequestInterval, value: 5, valid min value: 10".into()]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","FailureThreshold":11}"#, vec!["Invalid value for parameter HealthCheckConfig.FailureThreshold, value: 11, valid max value: 10".into()]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","FailureThreshold":0}"#, vec!["Invalid value for parameter HealthCheckConfig.FailureThreshold, value: 0, valid min value: 1".into()]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","Port":0}"#, vec!["Invalid value for parameter HealthCheckConfig.Port, value: 0, valid min value: 1".into()]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","Port":65536}"#, vec!["Invalid value for parameter HealthCheckConfig.Port, value: 65536, valid max value: 65535".into()]),
            (r#"{"Type":"HTTP","IPAddress":"not-an-ip"}"#, vec![msg::bad_ip("not-an-ip")]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","Regions":["us-east-1","eu-west-1"]}"#, vec!["Invalid length for parameter HealthCheckConfig.Regions, value: 2, valid min length: 3".into()]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","Regions":["us-east-1","eu-west-1","mars-1"]}"#, vec![msg::bad_region("mars-1", &CHECKER_REGIONS)]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","Regions":["us-east-1","eu-west-1","us-east-1"]}"#, vec![msg::duplicate_region("us-east-1")]),
            (r#"{"Type":"CALCULATED"}"#, vec![msg::CALCULATED_NEEDS_CHILDREN.into()]),
            (r#"{"Type":"CALCULATED","ChildHealthChecks":["a"],"Port":80}"#, vec![msg::calculated_field("Port")]),
            (r#"{"Type":"CALCULATED","ChildHealthChecks":["a"],"HealthThreshold":257}"#, vec!["Invalid value for parameter HealthCheckConfig.HealthThreshold, value: 257, valid max value: 256".into()]),
            (r#"{"Type":"HTTP","IPAddress":"203.0.113.5","ChildHealthChecks":["a"]}"#, vec![msg::only_calculated("ChildHealthChecks")]),
            (r#"{"Type":"CLOUDWATCH_METRIC"}"#, vec![msg::unsupported_type("CLOUDWATCH_METRIC")]),
            (r#"{"IPAddress":"203.0.113.5"}"#, vec!["Missing required parameter in HealthCheckConfig: \"Type\"".into()]),
            // Every broken rule is reported, not just the first.
            (r#"{"Type":"TCP","IPAddress":"x","FailureThreshold":99}"#, vec![
                "Invalid value for parameter HealthCheckConfig.FailureThreshold, value: 99, valid max value: 10".into(),
                msg::TCP_NEEDS_PORT.into(),
                msg::bad_ip("x"),
            ]),
        ];
        for (json, want) in rows {
            let got: Vec<String> = parse(json)
                .validate()
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|i| i.message)
                .collect();
            assert_eq!(got, want, "{json}");
        }
    }

    /// SearchString max 255 (API model): 255 passes, 256 fails.
    #[test]
    fn search_string_length_boundary() {
        let cfg = |n: usize| HealthCheckConfig {
            kind: Some(HealthCheckType::HttpStrMatch),
            ip_address: Some("203.0.113.5".into()),
            search_string: Some("x".repeat(n)),
            ..HealthCheckConfig::default()
        };
        assert!(cfg(255).validate().is_ok());
        assert_eq!(
            cfg(256).validate().unwrap_err()[0].message,
            "Invalid length for parameter HealthCheckConfig.SearchString, value: 256, valid max length: 255"
        );
    }
}
