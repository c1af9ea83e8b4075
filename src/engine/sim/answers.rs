//! The answer a name gives over time: routing re-evaluated at every
//! health-check status change of a [`Timeline`].

use serde::{Deserialize, Serialize};

use super::timeline::{Timeline, TimelineEvent};
use crate::engine::rng::SimRng;
use crate::engine::routing::{
    select, Answer, Candidate, Client, Health, LatencyTable, RoutingError,
};
use crate::engine::time::SimTime;

/// A record set and the health check that decides its health.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Routed {
    /// The candidate; its `health` is replaced from the timeline.
    pub candidate: Candidate,
    /// Its `HealthCheckId`; none counts as healthy.
    pub health_check_id: Option<String>,
}

/// An answer and when it started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerChange {
    /// When Route 53 starts giving this answer.
    pub at: SimTime,
    /// The answer.
    pub answer: Answer,
}

fn chosen(a: &Answer) -> Option<&Vec<String>> {
    match a {
        Answer::Records { chosen, .. } => Some(chosen),
        Answer::NoData { .. } => None,
    }
}

/// What Route 53 answers `client` with at t=0 and after each status change
/// in `timeline`, keeping only the instants where the chosen sets change.
/// Random choices draw from `SimRng::derive(seed, "answer:<ms>")`, so each
/// instant's draw is independent of how many came before. A health check id
/// the timeline does not know counts as unhealthy (Route 53 would have
/// rejected the record; the lints name it).
pub fn answers_over_time(
    timeline: &Timeline,
    routed: &[Routed],
    client: &Client,
    latency: &LatencyTable,
    seed: u64,
) -> Result<Vec<AnswerChange>, RoutingError> {
    let mut instants: Vec<SimTime> = vec![SimTime::ZERO];
    for e in &timeline.entries {
        if matches!(e.event, TimelineEvent::Status { .. }) && instants.last() != Some(&e.at) {
            instants.push(e.at);
        }
    }
    let mut out: Vec<AnswerChange> = Vec::new();
    for at in instants {
        let candidates: Vec<Candidate> = routed
            .iter()
            .map(|r| {
                let health = match &r.health_check_id {
                    None => Health::NoCheck,
                    Some(id) => match timeline.status_at(id, at) {
                        Some(true) => Health::Healthy,
                        _ => Health::Unhealthy,
                    },
                };
                Candidate {
                    health,
                    ..r.candidate.clone()
                }
            })
            .collect();
        let mut rng = SimRng::derive(seed, &format!("answer:{}", at.as_millis()));
        let answer = select(&candidates, client, latency, &mut rng)?;
        let same = out
            .last()
            .is_some_and(|prev| chosen(&prev.answer) == chosen(&answer));
        if !same {
            out.push(AnswerChange { at, answer });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::health::{HealthCheck, HealthCheckConfig, HealthCheckType};
    use crate::engine::routing::{FailoverRole, Policy};
    use crate::engine::sim::{run_until, SimOptions};
    use crate::engine::world::{Fault, TimedFault, World};

    fn check(id: &str, port: i64) -> HealthCheck {
        HealthCheck {
            id: id.into(),
            health_check_config: HealthCheckConfig {
                kind: Some(HealthCheckType::Http),
                ip_address: Some("192.168.49.2".into()),
                port: Some(port),
                resource_path: Some("/actuator/health".into()),
                request_interval: Some(10),
                failure_threshold: Some(3),
                ..HealthCheckConfig::default()
            },
        }
    }

    fn routed(id: &str, role: FailoverRole, hc: Option<&str>) -> Routed {
        Routed {
            candidate: Candidate {
                set_id: id.into(),
                policy: Policy::Failover(role),
                health: Health::NoCheck,
                values: vec!["192.168.49.2".into()],
            },
            health_check_id: hc.map(str::to_string),
        }
    }

    /// DG failover: the answer moves to the SECONDARY when the PRIMARY's
    /// check turns unhealthy, and back when it recovers.
    #[test]
    fn failover_answer_follows_the_primary_check() {
        let faults = [
            TimedFault {
                at: SimTime::from_secs(30),
                fault: Fault::AppDown {
                    app: "app-a".into(),
                },
            },
            TimedFault {
                at: SimTime::from_secs(120),
                fault: Fault::AppUp {
                    app: "app-a".into(),
                },
            },
        ];
        let t = run_until(
            &World::blog(),
            &[check("hc-a", 30001), check("hc-b", 30002)],
            &faults,
            SimTime::from_secs(240),
            &SimOptions::default(),
        )
        .unwrap();
        let set = [
            routed("app-a", FailoverRole::Primary, Some("hc-a")),
            routed("app-b", FailoverRole::Secondary, Some("hc-b")),
        ];
        let changes =
            answers_over_time(&t, &set, &Client::default(), &LatencyTable::default(), 0).unwrap();
        let who: Vec<String> = changes
            .iter()
            .map(|c| chosen(&c.answer).map(|v| v.join(",")).unwrap_or_default())
            .collect();
        assert_eq!(who, ["app-a", "app-b", "app-a"]);
        let hc_a: Vec<SimTime> = t.status_changes("hc-a").map(|c| c.0).collect();
        assert_eq!(changes.iter().map(|c| c.at).collect::<Vec<_>>(), hc_a);
        // Without a health check on the primary nothing ever changes.
        let unchecked = [
            routed("app-a", FailoverRole::Primary, None),
            routed("app-b", FailoverRole::Secondary, Some("hc-b")),
        ];
        assert_eq!(
            answers_over_time(
                &t,
                &unchecked,
                &Client::default(),
                &LatencyTable::default(),
                0
            )
            .unwrap()
            .len(),
            1
        );
    }
}
