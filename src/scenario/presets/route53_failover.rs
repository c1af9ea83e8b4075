//! The blog's failover setup, as the blog builds it: a hosted zone
//! `hello-localstack.com`, an HTTP health check per app on
//! `/actuator/health` (RequestInterval 10, FailureThreshold 3), and
//! `api.hello-localstack.com` as a PRIMARY/SECONDARY failover pair, both on
//! minikube's 192.168.49.2 (app-a behind NodePort 30001, app-b behind
//! 30002), TTL 60. At 30 s app-a reports DOWN.
//!
//! It is the blog's own setup, flaws included, so the lints have something
//! to say: both records answer the same address (DNS carries no port, so
//! failing over changes nothing for clients), and 192.168.49.2 is a private
//! address real Route 53 cannot probe.

use serde_json::{json, Value};

use super::call;
use crate::engine::aws::ApiError;
use crate::engine::route53::routing_view::Query;
use crate::engine::route53::Route53;
use crate::engine::time::SimTime;
use crate::engine::world::{Fault, TimedFault, World, MINIKUBE_IP};
use crate::scenario::model::Scenario;

/// The preset's title.
pub const TITLE: &str = "Route 53 failover: app-a goes DOWN at 30 s";

/// The zone.
pub const ZONE: &str = "hello-localstack.com";

/// The failover name.
pub const API_NAME: &str = "api.hello-localstack.com";

/// When app-a reports DOWN.
pub const FAULT_AT: SimTime = SimTime::from_secs(30);

/// How the answer's timing comes about; printed with the run.
pub const NOTES: &str = "Each of the 16 checkers (8 regions x 2) probes /actuator/health every 10 s, counted from the previous answer (RequestInterval 10), at its own seeded phase. After app-a reports DOWN at 30 s, a checker's first failing probe is sent within the next 10 s, and its verdict flips with the third failure in a row (FailureThreshold 3), about 20 s later: each checker turns unhealthy between about 50 s and 60 s. The check is healthy while more than 18 % of checkers say so; with 16 checkers that is 3, so it turns unhealthy when the 14th checker flips, and from that instant Route 53 answers with the SECONDARY. Resolvers that cached the PRIMARY keep it for up to the TTL (60 s) more. And here both records answer 192.168.49.2: DNS carries no port, so clients keep reaching whatever port they use; the lints explain.";

fn text(v: &Value, a: &str, b: &str) -> String {
    v.get(a)
        .and_then(|x| x.get(b))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The blog's HTTP check on `port`.
fn health_check(r53: &mut Route53, reference: &str, port: u16) -> Result<String, ApiError> {
    let out = call(
        r53,
        "CreateHealthCheck",
        json!({"CallerReference": reference, "HealthCheckConfig": {
            "IPAddress": MINIKUBE_IP.to_string(), "Port": port, "Type": "HTTP",
            "ResourcePath": "/actuator/health", "RequestInterval": 10, "FailureThreshold": 3}}),
    )?;
    Ok(text(&out, "HealthCheck", "Id"))
}

fn failover_set(set_id: &str, role: &str, health_check: &str) -> Value {
    json!({"Action": "CREATE", "ResourceRecordSet": {
        "Name": API_NAME, "Type": "A", "SetIdentifier": set_id, "Failover": role,
        "TTL": 60, "ResourceRecords": [{"Value": MINIKUBE_IP.to_string()}],
        "HealthCheckId": health_check}})
}

/// The blog's scenario under `seed`, built through the Route 53 API.
pub fn build(seed: u64) -> Result<Scenario, ApiError> {
    let mut r53 = Route53::new(seed);
    let hc_a = health_check(&mut r53, "app-a-health", 30001)?;
    let hc_b = health_check(&mut r53, "app-b-health", 30002)?;
    let zone = call(
        &mut r53,
        "CreateHostedZone",
        json!({"Name": ZONE, "CallerReference": "hello-localstack"}),
    )?;
    let zone_id = text(&zone, "HostedZone", "Id");
    call(
        &mut r53,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": zone_id, "ChangeBatch": {
        "Comment": "failover between app-a and app-b",
        "Changes": [
            failover_set("app-a", "PRIMARY", &hc_a),
            failover_set("app-b", "SECONDARY", &hc_b),
        ]}}),
    )?;
    Ok(Scenario {
        title: TITLE.to_string(),
        notes: NOTES.to_string(),
        seed,
        route53: r53,
        world: World {
            seed,
            ..World::blog()
        },
        faults: vec![TimedFault {
            at: FAULT_AT,
            fault: Fault::AppDown {
                app: "app-a".into(),
            },
        }],
        queries: vec![Query::new(API_NAME, "A")],
        // The blog's clients reach app-a on NodePort 30001 and app-b on 30002.
        client_ports: [
            (format!("{API_NAME}/app-a"), 30001),
            (format!("{API_NAME}/app-b"), 30002),
        ]
        .into_iter()
        .collect(),
        horizon_ms: 600_000,
        ..Scenario::default()
    })
}

/// The preset with seed 1 (the fixture's seed).
pub fn route53_failover() -> Result<Scenario, ApiError> {
    build(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::routing::Answer;
    use crate::engine::sim::TimelineEvent;

    /// The blog's setup: the check turns unhealthy after the fault, the
    /// answer moves to app-b at that very instant, and the same-address
    /// and private-address lints fire.
    #[test]
    fn blog_failover_runs_and_lints() {
        let s = route53_failover().unwrap_or_else(|e| panic!("{e}"));
        let run = s.run().unwrap_or_else(|e| panic!("{e}"));
        let hc_a = s.route53.health_checks[0].id.clone();
        let down = run
            .timeline
            .status_changes(&hc_a)
            .find(|c| !c.1)
            .map(|c| c.0)
            .unwrap_or_else(|| panic!("never unhealthy"));
        // Three failures of 10.04 s cycles after the fault: no checker can
        // flip before 30 s + 2 x 10.04 s + 0.04 s.
        assert!(down >= SimTime(50_120) && down <= SimTime(60_160), "{down}");
        let chosen: Vec<(SimTime, Vec<String>)> = run
            .answers
            .iter()
            .map(|a| match &a.answer {
                Answer::Records { chosen, .. } => (a.at, chosen.clone()),
                Answer::NoData { .. } => (a.at, vec![]),
            })
            .collect();
        assert_eq!(
            chosen,
            [
                (SimTime::ZERO, vec!["app-a".to_string()]),
                (down, vec!["app-b".to_string()])
            ]
        );
        let codes: Vec<&str> = run.lints.iter().map(|l| l.code).collect();
        assert_eq!(
            codes,
            [
                "failover-same-address",
                "health-check-private-address",
                "health-check-private-address"
            ]
        );
        assert!(
            run.lints[0]
                .message
                .contains("Only the port differs (30001 for the PRIMARY, 30002 for the SECONDARY)"),
            "{}",
            run.lints[0].message
        );
        assert_eq!(
            run.lints[0].records,
            [
                "api.hello-localstack.com/app-a",
                "api.hello-localstack.com/app-b"
            ]
        );
        assert!(run
            .timeline
            .entries
            .iter()
            .any(|e| e.at == FAULT_AT && matches!(e.event, TimelineEvent::Fault { .. })));
    }
}
