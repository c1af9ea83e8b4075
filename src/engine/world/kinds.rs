//! Ready-made things the blog's health checks look at: a Spring Boot app,
//! a Kubernetes cluster with NodePort and LoadBalancer services, and
//! AWS-managed host names (API Gateway, LocalStack).

use std::net::{IpAddr, Ipv4Addr};

use serde::{Deserialize, Serialize};

use super::Behaviour;
use crate::engine::rng::SimRng;
use crate::engine::time::SimTime;

/// A Spring Boot application with the actuator enabled.
///
/// `/actuator/health` answers `200 {"status":"UP"}` or `503
/// {"status":"DOWN"}`: Spring Boot maps `Status.DOWN` to 503 by default
/// (release notes quoted in spring-projects/spring-boot#1264), so a DOWN app
/// fails an HTTP check while its port still accepts connections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct App {
    /// The application's name (`app-a`), what deployments and faults name.
    pub name: String,
    /// Whether its health indicator reports UP.
    pub up: bool,
}

impl App {
    /// An app that reports UP.
    pub fn spring_boot(name: &str) -> App {
        App {
            name: name.to_string(),
            up: true,
        }
    }

    /// How the running app answers a request for `path` (a query string is
    /// ignored). Other paths than the health endpoint keep working while the
    /// app reports DOWN: the process is alive, only its indicator says no.
    pub fn respond(&self, path: &str) -> Behaviour {
        let path = path.split('?').next().unwrap_or_default();
        match path {
            "/actuator/health" if self.up => Behaviour::ok(r#"{"status":"UP"}"#),
            "/actuator/health" => Behaviour::Up {
                status: 503,
                body: r#"{"status":"DOWN"}"#.to_string(),
            },
            "/" | "" => Behaviour::ok(format!("Hello from {}", self.name)),
            other => Behaviour::Up {
                status: 404,
                body: format!(r#"{{"status":404,"error":"Not Found","path":"{other}"}}"#),
            },
        }
    }
}

/// A Kubernetes node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// The node's name (`minikube`).
    pub name: String,
    /// The node's address; every NodePort listens on it.
    pub ip: IpAddr,
}

/// A deployment: `replicas` pods of one app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deployment {
    /// The deployment's name, what `ScaleTo` faults name.
    pub name: String,
    /// The [`App`] its pods run.
    pub app: String,
    /// Ready pods. With zero, a service has no endpoints and kube-proxy
    /// rejects connections to it.
    pub replicas: u32,
}

/// How a service is exposed outside the cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// Listens on `node_port` on every node's address.
    NodePort {
        /// The port (30000–32767 by default in Kubernetes).
        node_port: u16,
    },
    /// Listens on its own address and port, as a cloud load balancer does.
    LoadBalancer {
        /// The load balancer's address.
        ip: IpAddr,
        /// The port it listens on.
        port: u16,
    },
}

/// A service in front of a deployment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    /// The service's name.
    pub name: String,
    /// The deployment whose pods serve it.
    pub deployment: String,
    /// How it is exposed.
    pub kind: ServiceKind,
}

/// A Kubernetes cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    /// The cluster's name.
    pub name: String,
    /// Its nodes.
    pub nodes: Vec<Node>,
    /// Its deployments.
    pub deployments: Vec<Deployment>,
    /// Its services.
    pub services: Vec<Service>,
}

/// Minikube's default node address (the docker driver's network).
pub const MINIKUBE_IP: Ipv4Addr = Ipv4Addr::new(192, 168, 49, 2);

impl Cluster {
    /// The blog's cluster: one minikube node at 192.168.49.2, deployments
    /// `app-a` and `app-b` with one replica each, NodePorts 30001 → app-a and
    /// 30002 → app-b.
    pub fn minikube() -> Cluster {
        let deployment = |name: &str| Deployment {
            name: name.to_string(),
            app: name.to_string(),
            replicas: 1,
        };
        let node_port = |name: &str, node_port| Service {
            name: name.to_string(),
            deployment: name.to_string(),
            kind: ServiceKind::NodePort { node_port },
        };
        Cluster {
            name: "minikube".to_string(),
            nodes: vec![Node {
                name: "minikube".to_string(),
                ip: IpAddr::V4(MINIKUBE_IP),
            }],
            deployments: vec![deployment("app-a"), deployment("app-b")],
            services: vec![node_port("app-a", 30001), node_port("app-b", 30002)],
        }
    }

    /// Whether `ip` belongs to this cluster (a node or a load balancer), so
    /// that a closed port there refuses rather than times out.
    pub fn owns(&self, ip: IpAddr) -> bool {
        self.nodes.iter().any(|n| n.ip == ip)
            || self
                .services
                .iter()
                .any(|s| matches!(s.kind, ServiceKind::LoadBalancer { ip: lb, .. } if lb == ip))
    }

    /// The deployment behind the service listening on `ip:port`, if any.
    pub fn deployment_at(&self, ip: IpAddr, port: u16) -> Option<&Deployment> {
        let on_node = self.nodes.iter().any(|n| n.ip == ip);
        let service = self.services.iter().find(|s| match s.kind {
            ServiceKind::NodePort { node_port } => on_node && node_port == port,
            ServiceKind::LoadBalancer { ip: lb, port: p } => lb == ip && p == port,
        })?;
        self.deployments
            .iter()
            .find(|d| d.name == service.deployment)
    }
}

/// What kind of AWS-managed name a [`ManagedHost`] is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ManagedKind {
    /// An API Gateway endpoint such as
    /// `abc123.execute-api.us-east-1.amazonaws.com`: AWS owns the addresses
    /// and changes them, so an A record copied from today's answer breaks
    /// later. Every `rotate_every_s` seconds the name gets three new
    /// addresses, drawn from the scenario seed.
    ApiGateway {
        /// Seconds between address changes (at least 1).
        rotate_every_s: u64,
    },
    /// LocalStack's `<id>.execute-api.localhost.localstack.cloud`, which
    /// resolves to 127.0.0.1 and is served on LocalStack's edge port 4566.
    LocalStack,
}

/// The port LocalStack's edge service listens on.
pub const LOCALSTACK_EDGE_PORT: u16 = 4566;

/// An AWS-managed host name and what the API behind it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedHost {
    /// The host name, lower case, without a trailing dot.
    pub name: String,
    /// Which service manages it.
    pub kind: ManagedKind,
    /// What the API answers when the request's Host names it.
    pub behaviour: Behaviour,
}

impl ManagedHost {
    /// The blog's API Gateway endpoint, answering `200 {"message":"ok"}` and
    /// changing addresses every hour.
    pub fn api_gateway(name: &str) -> ManagedHost {
        ManagedHost {
            name: name.to_string(),
            kind: ManagedKind::ApiGateway {
                rotate_every_s: 3600,
            },
            behaviour: Behaviour::ok(r#"{"message":"ok"}"#),
        }
    }

    /// A LocalStack API id (`abc123` gives
    /// `abc123.execute-api.localhost.localstack.cloud`).
    pub fn localstack(api_id: &str) -> ManagedHost {
        ManagedHost {
            name: format!("{api_id}.execute-api.localhost.localstack.cloud"),
            kind: ManagedKind::LocalStack,
            behaviour: Behaviour::ok(r#"{"message":"ok"}"#),
        }
    }

    /// The addresses the name resolves to at `at`.
    pub fn addresses(&self, seed: u64, at: SimTime) -> Vec<IpAddr> {
        match self.kind {
            ManagedKind::LocalStack => vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
            ManagedKind::ApiGateway { rotate_every_s } => {
                let epoch = at.as_millis() / rotate_every_s.max(1).saturating_mul(1000);
                let mut rng = SimRng::derive(seed, &format!("apigw:{}/{epoch}", self.name));
                // Public ranges AWS announces; the exact blocks do not matter,
                // only that they are public and change.
                const FIRST: [u8; 4] = [3, 18, 52, 54];
                (0..3)
                    .map(|_| {
                        let first = FIRST[rng.below(FIRST.len() as u64) as usize % FIRST.len()];
                        let rest = rng.next_u64().to_le_bytes();
                        IpAddr::V4(Ipv4Addr::new(first, rest[0], rest[1], rest[2].max(1)))
                    })
                    .collect()
            }
        }
    }

    /// The port the service answers HTTPS or HTTP on.
    pub fn port(&self) -> u16 {
        match self.kind {
            ManagedKind::ApiGateway { .. } => 443,
            ManagedKind::LocalStack => LOCALSTACK_EDGE_PORT,
        }
    }

    /// Whether a request's Host header (port and trailing dot ignored, case
    /// folded) names this host.
    pub fn is_named_by(&self, host: &str) -> bool {
        let host = host.rsplit_once(':').map_or(host, |(h, p)| {
            if p.bytes().all(|b| b.is_ascii_digit()) {
                h
            } else {
                host
            }
        });
        host.trim_end_matches('.').eq_ignore_ascii_case(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spring Boot maps DOWN to 503 (spring-boot#1264).
    #[test]
    fn spring_boot_health_endpoint() {
        let mut app = App::spring_boot("app-a");
        let rows = [
            (true, "/actuator/health", 200, r#"{"status":"UP"}"#),
            (false, "/actuator/health", 503, r#"{"status":"DOWN"}"#),
            (false, "/actuator/health?x=1", 503, r#"{"status":"DOWN"}"#),
            (false, "/", 200, "Hello from app-a"),
        ];
        for (up, path, status, body) in rows {
            app.up = up;
            assert_eq!(
                app.respond(path),
                Behaviour::Up {
                    status,
                    body: body.to_string()
                },
                "{path} up={up}"
            );
        }
        assert!(matches!(
            app.respond("/nope"),
            Behaviour::Up { status: 404, .. }
        ));
    }

    #[test]
    fn minikube_node_ports() {
        let c = Cluster::minikube();
        let ip = IpAddr::V4(MINIKUBE_IP);
        assert_eq!(
            c.deployment_at(ip, 30001).map(|d| d.app.as_str()),
            Some("app-a")
        );
        assert_eq!(
            c.deployment_at(ip, 30002).map(|d| d.app.as_str()),
            Some("app-b")
        );
        assert_eq!(c.deployment_at(ip, 30003), None);
        assert!(c.owns(ip));
        assert!(!c.owns(IpAddr::V4(Ipv4Addr::new(192, 168, 49, 3))));
    }

    /// Managed addresses hold for one rotation period, then change.
    #[test]
    fn api_gateway_addresses_rotate_at_the_period_boundary() {
        let h = ManagedHost::api_gateway("abc123.execute-api.us-east-1.amazonaws.com");
        let at = |s| h.addresses(7, SimTime::from_secs(s));
        assert_eq!(at(0), at(3599));
        assert_ne!(at(3599), at(3600));
        assert_eq!(at(0).len(), 3);
        assert_eq!(h.addresses(7, SimTime::ZERO), h.addresses(7, SimTime::ZERO));
    }

    #[test]
    fn localstack_is_localhost_on_the_edge_port() {
        let h = ManagedHost::localstack("abc123");
        assert_eq!(
            h.addresses(1, SimTime::from_secs(99_999)),
            vec![IpAddr::V4(Ipv4Addr::LOCALHOST)]
        );
        assert_eq!(h.port(), 4566);
        assert!(h.is_named_by("ABC123.execute-api.localhost.localstack.cloud:4566"));
        assert!(!h.is_named_by("other.execute-api.localhost.localstack.cloud"));
    }
}
