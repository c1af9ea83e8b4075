//! The blog's Kubernetes + Spring Boot setup on its own: one minikube node
//! at 192.168.49.2, app-a behind NodePort 30001 and app-b behind 30002, and
//! `api.hello-localstack.com` as a PRIMARY/SECONDARY A-record pair that
//! both point at the node's address. Nothing is broken at the start: the
//! learner scales app-a to zero replicas and watches what follows.
//!
//! The world also has a LoadBalancer service for app-b at
//! [`APP_B_LB_IP`], which nothing points at yet. It is what a cloud (or
//! `minikube tunnel`) gives a `type: LoadBalancer` service: an address of
//! its own, so a DNS answer can tell the two apps apart (Kubernetes docs,
//! "Service", type LoadBalancer). It listens on app-b's client port so
//! that only the address changes when a record is moved onto it.

use std::net::{IpAddr, Ipv4Addr};

use crate::engine::aws::ApiError;
use crate::engine::world::{Service, ServiceKind};
use crate::scenario::model::Scenario;

use super::route53_failover;

/// The preset's title.
pub const TITLE: &str = "Kubernetes: two Spring Boot apps behind NodePorts on one minikube node";

/// The address app-b's LoadBalancer service has.
pub const APP_B_LB_IP: Ipv4Addr = Ipv4Addr::new(192, 168, 49, 100);

/// The port the LoadBalancer listens on: the one app-b's clients use.
const APP_B_LB_PORT: u16 = 30002;

const NOTES: &str = "A DNS answer is an address and nothing else: both failover records hand out the node's 192.168.49.2, and which app a client reaches depends only on the port it dials (30001 for app-a, 30002 for app-b). Scaling app-a to zero replicas makes NodePort 30001 refuse connections; app-a's health check fails and Route 53 answers with the SECONDARY, which is the very same address. Giving app-b a LoadBalancer address of its own is what makes failing over mean something to a client.";

/// The scenario under `seed`: the failover preset's zone and health checks
/// (built through the Route 53 API there), with no fault scheduled.
pub fn build(seed: u64) -> Result<Scenario, ApiError> {
    let mut s = route53_failover::build(seed)?;
    s.title = TITLE.to_string();
    s.notes = NOTES.to_string();
    s.faults.clear();
    if let Some(c) = s.world.clusters.first_mut() {
        c.services.push(Service {
            name: "app-b-lb".to_string(),
            deployment: "app-b".to_string(),
            kind: ServiceKind::LoadBalancer {
                ip: IpAddr::V4(APP_B_LB_IP),
                port: APP_B_LB_PORT,
            },
        });
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::routing::Answer;
    use crate::engine::time::SimTime;
    use crate::engine::world::{Fault, TimedFault};

    fn chosen(s: &Scenario) -> Vec<Vec<String>> {
        let run = s.run().unwrap_or_else(|e| panic!("{e}"));
        run.answers
            .iter()
            .map(|a| match &a.answer {
                Answer::Records { chosen, .. } => chosen.clone(),
                Answer::NoData { .. } => vec![],
            })
            .collect()
    }

    /// Kubernetes "Service": a deployment with zero ready pods has no
    /// endpoints, so its NodePort refuses; the HTTP check on 30001 fails
    /// and Route 53 fails over (Route 53 DG, "How Amazon Route 53 chooses
    /// records when health checking is configured").
    #[test]
    fn scaling_app_a_to_zero_fails_over_to_app_b() {
        let mut s = build(1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(chosen(&s), [vec!["app-a".to_string()]], "no fault yet");
        s.faults.push(TimedFault {
            at: SimTime::from_secs(30),
            fault: Fault::ScaleTo {
                deployment: "app-a".into(),
                replicas: 0,
            },
        });
        assert_eq!(
            chosen(&s),
            [vec!["app-a".to_string()], vec!["app-b".to_string()]]
        );
    }

    /// Both records answer the node's address: the same-address lint fires.
    #[test]
    fn both_records_on_the_node_ip_is_linted() {
        let s = build(1).unwrap_or_else(|e| panic!("{e}"));
        let run = s.run().unwrap_or_else(|e| panic!("{e}"));
        assert!(run.lints.iter().any(|l| l.code == "failover-same-address"));
    }

    /// The LoadBalancer address serves app-b on its client port and is
    /// nowhere in the zone yet.
    #[test]
    fn app_b_load_balancer_serves_app_b() {
        let s = build(1).unwrap_or_else(|e| panic!("{e}"));
        let d = s.world.clusters[0].deployment_at(IpAddr::V4(APP_B_LB_IP), APP_B_LB_PORT);
        assert_eq!(d.map(|d| d.app.as_str()), Some("app-b"));
        assert!(s.world.clusters[0]
            .deployment_at(IpAddr::V4(APP_B_LB_IP), 30001)
            .is_none());
    }
}
