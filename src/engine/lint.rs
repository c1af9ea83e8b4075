//! Lints for failover setups that look right but do not fail over the way
//! their author expects. Each names the records and checks it concerns and
//! explains the rule in plain words, with its source (reference notes D.51,
//! D.62, E.74–E.76).
//!
//! Inputs are plain data (values, TTL, health-check ids, the port clients
//! use), so the zone code can feed any record set through them.

use serde::{Deserialize, Serialize};

use crate::engine::health::{unprobeable_range, CheckKind, HealthCheck, Target};
use crate::engine::routing::{FailoverRole, Policy};

/// AWS: "We recommend that you specify a TTL of 60 seconds or less" for
/// records with health checks (API `ResourceRecordSet.TTL`).
pub const RECOMMENDED_MAX_TTL: u32 = 60;

/// One record set, as the lints need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LintRecord {
    /// The record's name (`app.example.com`).
    pub name: String,
    /// Its SetIdentifier (or any label for a simple record).
    pub set_id: String,
    /// Its routing policy.
    pub policy: Policy,
    /// Its values.
    pub values: Vec<String>,
    /// Its TTL (none for an alias).
    pub ttl: Option<u32>,
    /// The health check it is tied to.
    pub health_check_id: Option<String>,
    /// The port clients connect to behind this record, when the scenario
    /// knows it (a NodePort, 443...).
    pub client_port: Option<u16>,
}

/// A finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lint {
    /// A stable code (`failover-same-address`).
    pub code: &'static str,
    /// What is wrong and why, in plain words.
    pub message: String,
    /// The records concerned, as `name/set_id`.
    pub records: Vec<String>,
    /// The health checks concerned, by id.
    pub checks: Vec<String>,
}

fn label(r: &LintRecord) -> String {
    format!("{}/{}", r.name, r.set_id)
}

fn role(r: &LintRecord) -> Option<FailoverRole> {
    match r.policy {
        Policy::Failover(role) => Some(role),
        _ => None,
    }
}

/// Every finding for `records` and `checks`, grouped by lint, in input order.
pub fn lint(records: &[LintRecord], checks: &[HealthCheck]) -> Vec<Lint> {
    let mut out = Vec::new();
    same_address(records, &mut out);
    for r in records {
        if role(r) == Some(FailoverRole::Primary) && r.health_check_id.is_none() {
            out.push(Lint {
                code: "primary-without-health-check",
                message: format!(
                    "The PRIMARY failover record {} has no health check. Route 53 treats a record without a health check as always healthy, so it will never answer with the SECONDARY. Attach a health check that probes what the PRIMARY serves.",
                    label(r)
                ),
                records: vec![label(r)],
                checks: vec![],
            });
        }
    }
    for r in records {
        let Some(id) = &r.health_check_id else {
            continue;
        };
        let Some(hc) = checks.iter().find(|c| &c.id == id) else {
            out.push(Lint {
                code: "unknown-health-check",
                message: format!(
                    "{} names health check {id}, which does not exist.",
                    label(r)
                ),
                records: vec![label(r)],
                checks: vec![id.clone()],
            });
            continue;
        };
        let Ok(spec) = hc.health_check_config.validate() else {
            continue;
        };
        if let (CheckKind::Endpoint(e), Some(port)) = (&spec.kind, r.client_port) {
            if e.port != port {
                out.push(Lint {
                    code: "health-check-port-mismatch",
                    message: format!(
                        "Health check {id} probes port {} but clients of {} connect to port {port}. The check can pass while the service clients use is down, or fail while it is up.",
                        e.port,
                        label(r)
                    ),
                    records: vec![label(r)],
                    checks: vec![id.clone()],
                });
            }
        }
    }
    for r in records {
        let Some(ttl) = r.ttl else { continue };
        if ttl > RECOMMENDED_MAX_TTL && (role(r).is_some() || r.health_check_id.is_some()) {
            out.push(Lint {
                code: "long-ttl-with-failover",
                message: format!(
                    "{} has TTL {ttl} s. When Route 53 switches the answer, resolvers that cached the old one keep using it for up to {ttl} s more. AWS recommends 60 s or less for records with health checks.",
                    label(r)
                ),
                records: vec![label(r)],
                checks: r.health_check_id.iter().cloned().collect(),
            });
        }
    }
    for hc in checks {
        let Ok(spec) = hc.health_check_config.validate() else {
            continue;
        };
        let CheckKind::Endpoint(e) = &spec.kind else {
            continue;
        };
        let Target::Ip(ip) = e.target else { continue };
        let Some(range) = unprobeable_range(ip) else {
            continue;
        };
        out.push(Lint {
            code: "health-check-private-address",
            message: format!(
                "Health check {} probes {ip}, which is in the {range} range. Real Route 53 cannot check local, private, non-routable or multicast addresses, so this setup cannot work in AWS as written: put a public endpoint (a load balancer, an API Gateway) in front, or use a health check on a CloudWatch alarm. The playground probes it anyway.",
                hc.id
            ),
            records: records
                .iter()
                .filter(|r| r.health_check_id.as_deref() == Some(hc.id.as_str()))
                .map(label)
                .collect(),
            checks: vec![hc.id.clone()],
        });
    }
    out
}

/// A failover pair whose records share an address fails over only in name:
/// "Route 53 doesn't check the health of the endpoint specified in the
/// record" (DG `resource-record-sets-values-failover`), and a DNS answer
/// carries no port (ports need SRV records, RFC 2782).
fn same_address(records: &[LintRecord], out: &mut Vec<Lint>) {
    for p in records
        .iter()
        .filter(|r| role(r) == Some(FailoverRole::Primary))
    {
        for s in records.iter().filter(|r| {
            role(r) == Some(FailoverRole::Secondary) && r.name.eq_ignore_ascii_case(&p.name)
        }) {
            let shared: Vec<&str> = p
                .values
                .iter()
                .filter(|v| s.values.contains(v))
                .map(String::as_str)
                .collect();
            if shared.is_empty() {
                continue;
            }
            let ports = match (p.client_port, s.client_port) {
                (Some(a), Some(b)) if a != b => format!(
                    " Only the port differs ({a} for the PRIMARY, {b} for the SECONDARY), and a DNS answer carries no port: clients keep connecting to whatever port they were configured with."
                ),
                _ => String::new(),
            };
            out.push(Lint {
                code: "failover-same-address",
                message: format!(
                    "The PRIMARY {} and the SECONDARY {} both answer {}. Failing over changes which record Route 53 returns, not where clients connect.{ports} Give the SECONDARY its own address (another node, a load balancer), or put the switch behind one address.",
                    label(p),
                    label(s),
                    shared.join(", ")
                ),
                records: vec![label(p), label(s)],
                checks: [&p.health_check_id, &s.health_check_id]
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::health::{HealthCheckConfig, HealthCheckType};

    fn rec(
        set_id: &str,
        role: FailoverRole,
        value: &str,
        port: u16,
        hc: Option<&str>,
    ) -> LintRecord {
        LintRecord {
            name: "app.example.com".into(),
            set_id: set_id.into(),
            policy: Policy::Failover(role),
            values: vec![value.into()],
            ttl: Some(60),
            health_check_id: hc.map(str::to_string),
            client_port: Some(port),
        }
    }

    fn check(id: &str, ip: &str, port: i64) -> HealthCheck {
        HealthCheck {
            id: id.into(),
            health_check_config: HealthCheckConfig {
                kind: Some(HealthCheckType::Http),
                ip_address: Some(ip.into()),
                port: Some(port),
                resource_path: Some("/actuator/health".into()),
                ..HealthCheckConfig::default()
            },
        }
    }

    fn codes(l: &[Lint]) -> Vec<&'static str> {
        l.iter().map(|l| l.code).collect()
    }

    /// The blog's setup trips the same-address and private-address lints.
    #[test]
    fn the_blog_setup() {
        let records = [
            rec(
                "app-a",
                FailoverRole::Primary,
                "192.168.49.2",
                30001,
                Some("hc-a"),
            ),
            rec(
                "app-b",
                FailoverRole::Secondary,
                "192.168.49.2",
                30002,
                Some("hc-b"),
            ),
        ];
        let checks = [
            check("hc-a", "192.168.49.2", 30001),
            check("hc-b", "192.168.49.2", 30002),
        ];
        let found = lint(&records, &checks);
        assert_eq!(
            codes(&found),
            [
                "failover-same-address",
                "health-check-private-address",
                "health-check-private-address"
            ]
        );
        assert_eq!(
            found[0].records,
            ["app.example.com/app-a", "app.example.com/app-b"]
        );
        assert_eq!(found[0].checks, ["hc-a", "hc-b"]);
        assert!(found[0].message.contains("Only the port differs (30001 for the PRIMARY, 30002 for the SECONDARY), and a DNS answer carries no port"));
        assert!(found[1]
            .message
            .contains("private 192.168.0.0/16 (RFC 1918)"));
        assert_eq!(found[1].records, ["app.example.com/app-a"]);
    }

    /// Each row: a change to a clean public setup, and the lints it raises.
    #[test]
    fn lint_table() {
        let clean = || {
            (
                vec![
                    rec(
                        "a",
                        FailoverRole::Primary,
                        "198.51.99.10",
                        443,
                        Some("hc-a"),
                    ),
                    rec(
                        "b",
                        FailoverRole::Secondary,
                        "198.51.99.20",
                        443,
                        Some("hc-b"),
                    ),
                ],
                vec![
                    check("hc-a", "198.51.99.10", 443),
                    check("hc-b", "198.51.99.20", 443),
                ],
            )
        };
        type Edit = fn(&mut Vec<LintRecord>, &mut Vec<HealthCheck>);
        let rows: Vec<(&str, Edit, Vec<&str>)> = vec![
            ("clean", |_, _| {}, vec![]),
            (
                "primary without check",
                |r, _| r[0].health_check_id = None,
                vec!["primary-without-health-check"],
            ),
            (
                "secondary without check is fine",
                |r, _| r[1].health_check_id = None,
                vec![],
            ),
            (
                "check on another port",
                |_, c| c[0].health_check_config.port = Some(8080),
                vec!["health-check-port-mismatch"],
            ),
            ("TTL 60 is fine", |r, _| r[0].ttl = Some(60), vec![]),
            (
                "TTL 61 is long",
                |r, _| r[0].ttl = Some(61),
                vec!["long-ttl-with-failover"],
            ),
            ("alias has no TTL", |r, _| r[0].ttl = None, vec![]),
            (
                "unknown check",
                |r, _| r[1].health_check_id = Some("zz".into()),
                vec!["unknown-health-check"],
            ),
            (
                "same address",
                |r, _| r[1].values = vec!["198.51.99.10".into()],
                vec!["failover-same-address"],
            ),
            (
                "loopback check",
                |_, c| c[1].health_check_config.ip_address = Some("127.0.0.1".into()),
                vec!["health-check-private-address"],
            ),
            (
                "CGNAT check",
                |_, c| c[1].health_check_config.ip_address = Some("100.64.0.1".into()),
                vec!["health-check-private-address"],
            ),
        ];
        for (what, edit, want) in rows {
            let (mut r, mut c) = clean();
            edit(&mut r, &mut c);
            assert_eq!(codes(&lint(&r, &c)), want, "{what}");
        }
    }
}
