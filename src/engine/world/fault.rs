//! Faults: scenario data that change the world at a given time ("at 30 s
//! app-a goes DOWN", "at 5 min scale app-a to 0").

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::{Behaviour, Endpoint, Serves, World};
use crate::engine::time::SimTime;

/// One change to the world.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Fault {
    /// The app's health indicator turns DOWN (`/actuator/health` → 503).
    AppDown {
        /// The app's name.
        app: String,
    },
    /// The app's health indicator turns UP again.
    AppUp {
        /// The app's name.
        app: String,
    },
    /// A deployment is scaled; zero replicas make its services refuse
    /// connections.
    ScaleTo {
        /// The deployment's name (in every cluster that has one so named).
        deployment: String,
        /// The new replica count.
        replicas: u32,
    },
    /// Whatever listens on `ip:port` now behaves like this. It overrides a
    /// NodePort or an app there, which is how a learner breaks one port by
    /// hand.
    EndpointBehaviour {
        /// The address.
        ip: IpAddr,
        /// The port.
        port: u16,
        /// The new behaviour.
        behaviour: Behaviour,
    },
}

/// A fault at a point on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimedFault {
    /// When it happens.
    pub at: SimTime,
    /// What happens.
    pub fault: Fault,
}

/// A fault that names something the world does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTarget(pub String);

impl std::fmt::Display for UnknownTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UnknownTarget {}

impl Fault {
    /// Changes `world`; a fault naming an unknown app or deployment changes
    /// nothing and says so.
    pub fn apply(&self, world: &mut World) -> Result<(), UnknownTarget> {
        match self {
            Fault::AppDown { app } | Fault::AppUp { app } => {
                let up = matches!(self, Fault::AppUp { .. });
                let found = world.apps.iter_mut().find(|a| &a.name == app);
                match found {
                    Some(a) => {
                        a.up = up;
                        Ok(())
                    }
                    None => Err(UnknownTarget(format!(
                        "fault names app '{app}', which the world does not have"
                    ))),
                }
            }
            Fault::ScaleTo {
                deployment,
                replicas,
            } => {
                let mut found = false;
                for d in world
                    .clusters
                    .iter_mut()
                    .flat_map(|c| c.deployments.iter_mut())
                {
                    if &d.name == deployment {
                        d.replicas = *replicas;
                        found = true;
                    }
                }
                if found {
                    Ok(())
                } else {
                    Err(UnknownTarget(format!(
                        "fault names deployment '{deployment}', which no cluster has"
                    )))
                }
            }
            Fault::EndpointBehaviour {
                ip,
                port,
                behaviour,
            } => {
                let serves = Serves::Behaviour(behaviour.clone());
                match world
                    .endpoints
                    .iter_mut()
                    .find(|e| e.ip == *ip && e.port == *port)
                {
                    Some(e) => e.serves = serves,
                    None => world.endpoints.push(Endpoint {
                        ip: *ip,
                        port: *port,
                        serves,
                    }),
                }
                Ok(())
            }
        }
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fault::AppDown { app } => write!(f, "{app} reports DOWN"),
            Fault::AppUp { app } => write!(f, "{app} reports UP"),
            Fault::ScaleTo {
                deployment,
                replicas,
            } => write!(f, "{deployment} scaled to {replicas}"),
            Fault::EndpointBehaviour {
                ip,
                port,
                behaviour,
            } => {
                let what = match behaviour {
                    Behaviour::Up { status, .. } => format!("answers {status}"),
                    Behaviour::Refused => "refuses connections".to_string(),
                    Behaviour::Timeout => "drops connections".to_string(),
                    Behaviour::Status(s) => format!("answers {s}"),
                    Behaviour::SlowFirstByte(ms) => format!("answers after {ms} ms"),
                };
                let host = match ip {
                    IpAddr::V4(v4) => v4.to_string(),
                    IpAddr::V6(v6) => format!("[{v6}]"),
                };
                write!(f, "{host}:{port} {what}")
            }
        }
    }
}

/// `faults` in timeline order, faults at the same instant in list order (a
/// stable sort). One function for every caller: each sort with its own
/// closure is another copy of the sort in the wasm bundle.
pub fn in_time_order(faults: &[TimedFault]) -> Vec<&TimedFault> {
    let mut sorted: Vec<&TimedFault> = faults.iter().collect();
    sorted.sort_by_key(|f| f.at);
    sorted
}

/// Sorts `faults` in place into timeline order (stable, as
/// [`in_time_order`]).
pub fn sort_in_time_order(faults: &mut [TimedFault]) {
    faults.sort_by_key(|f| f.at);
}

impl World {
    /// This world with every fault at or before `at` applied in timeline
    /// order (faults at the same instant in list order); faults naming
    /// unknown things are skipped (the simulation reports them up front).
    pub fn at(&self, faults: &[TimedFault], at: SimTime) -> World {
        let mut world = self.clone();
        for f in in_time_order(faults).into_iter().filter(|f| f.at <= at) {
            let _skipped_when_unknown = f.fault.apply(&mut world);
        }
        world
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::world::{App, Cluster, ProbeOutcome, Protocol, MINIKUBE_IP};

    fn blog_world() -> World {
        World {
            apps: vec![App::spring_boot("app-a"), App::spring_boot("app-b")],
            clusters: vec![Cluster::minikube()],
            ..World::default()
        }
    }

    fn status(world: &World, port: u16) -> Option<u16> {
        match world.probe(
            SimTime::ZERO,
            IpAddr::V4(MINIKUBE_IP),
            port,
            Protocol::Http,
            "/actuator/health",
            None,
        ) {
            ProbeOutcome::Response { status, .. } => Some(status),
            _ => None,
        }
    }

    /// The issue's timeline: DOWN at 30 s, scaled to 0 at 5 min, back at 8 min.
    #[test]
    fn faults_apply_in_time_order() {
        let w = blog_world();
        let faults = vec![
            TimedFault {
                at: SimTime::from_secs(300),
                fault: Fault::ScaleTo {
                    deployment: "app-a".into(),
                    replicas: 0,
                },
            },
            TimedFault {
                at: SimTime::from_secs(30),
                fault: Fault::AppDown {
                    app: "app-a".into(),
                },
            },
            TimedFault {
                at: SimTime::from_secs(480),
                fault: Fault::ScaleTo {
                    deployment: "app-a".into(),
                    replicas: 1,
                },
            },
            TimedFault {
                at: SimTime::from_secs(480),
                fault: Fault::AppUp {
                    app: "app-a".into(),
                },
            },
        ];
        assert_eq!(status(&w.at(&faults, SimTime(29_999)), 30001), Some(200));
        assert_eq!(status(&w.at(&faults, SimTime(30_000)), 30001), Some(503));
        assert_eq!(status(&w.at(&faults, SimTime(30_000)), 30002), Some(200));
        assert_eq!(status(&w.at(&faults, SimTime::from_secs(300)), 30001), None);
        assert_eq!(
            status(&w.at(&faults, SimTime::from_secs(480)), 30001),
            Some(200)
        );
    }

    #[test]
    fn unknown_targets_are_reported() {
        let mut w = blog_world();
        assert!(Fault::AppDown { app: "nope".into() }.apply(&mut w).is_err());
        assert!(Fault::ScaleTo {
            deployment: "nope".into(),
            replicas: 0
        }
        .apply(&mut w)
        .is_err());
        assert_eq!(w, blog_world());
    }

    #[test]
    fn endpoint_behaviour_overrides_a_node_port() {
        let mut w = blog_world();
        Fault::EndpointBehaviour {
            ip: IpAddr::V4(MINIKUBE_IP),
            port: 30002,
            behaviour: Behaviour::Status(500),
        }
        .apply(&mut w)
        .unwrap();
        assert_eq!(status(&w, 30002), Some(500));
    }

    #[test]
    fn fault_serde_shape() {
        let f = TimedFault {
            at: SimTime::from_secs(30),
            fault: Fault::AppDown {
                app: "app-a".into(),
            },
        };
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(
            json,
            r#"{"at":30000,"fault":{"kind":"AppDown","app":"app-a"}}"#
        );
        assert_eq!(serde_json::from_str::<TimedFault>(&json).unwrap(), f);
    }
}
