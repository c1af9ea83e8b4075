//! The world the health checks look at: addresses and ports with something
//! listening (or not) behind them, and how that changes over time.
//!
//! [`probe`] answers what one TCP connect or HTTP request sees at one
//! instant. Lookup order for `ip:port`: an explicit [`Endpoint`] (which also
//! overrides a cluster port), then a Kubernetes service, then an AWS-managed
//! host. When nothing listens, an address the world knows refuses the
//! connection (the host answers with a reset) and an unknown one times out
//! (the packets go nowhere).

mod behaviour;
mod fault;
mod kinds;

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

pub use behaviour::{Behaviour, ProbeOutcome, Protocol};
pub use fault::{in_time_order, sort_in_time_order, Fault, TimedFault, UnknownTarget};
pub use kinds::{
    App, Cluster, Deployment, ManagedHost, ManagedKind, Node, Service, ServiceKind,
    LOCALSTACK_EDGE_PORT, MINIKUBE_IP,
};

use crate::engine::time::SimTime;

/// What an [`Endpoint`] runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Serves {
    /// A fixed behaviour, whatever the path.
    Behaviour(Behaviour),
    /// The named [`App`], answering per path.
    App(String),
}

/// Something listening on one address and port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    /// The address.
    pub ip: IpAddr,
    /// The port.
    pub port: u16,
    /// What answers there.
    pub serves: Serves,
}

/// A plain name with fixed addresses, for checks by
/// `FullyQualifiedDomainName` that point outside AWS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostName {
    /// The name, without a trailing dot.
    pub name: String,
    /// Its addresses.
    pub addresses: Vec<IpAddr>,
}

/// Everything that can be probed. Plain data: faults change a copy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct World {
    /// The scenario seed, which decides managed hosts' changing addresses.
    pub seed: u64,
    /// Round-trip time to every endpoint, in milliseconds, the same from
    /// every checker region (a simplification: real checkers sit at
    /// different distances); a connect, a reset and a first byte each take
    /// one round trip.
    pub rtt_ms: u64,
    /// Explicit endpoints.
    pub endpoints: Vec<Endpoint>,
    /// Applications, referenced by endpoints and deployments.
    pub apps: Vec<App>,
    /// Kubernetes clusters.
    pub clusters: Vec<Cluster>,
    /// AWS-managed host names.
    pub managed: Vec<ManagedHost>,
    /// Other names with fixed addresses.
    pub names: Vec<HostName>,
}

impl World {
    /// The blog's world: Spring Boot apps `app-a` and `app-b` in a minikube
    /// cluster (NodePorts 30001 and 30002 on 192.168.49.2), 20 ms away.
    pub fn blog() -> World {
        World {
            rtt_ms: 20,
            apps: vec![App::spring_boot("app-a"), App::spring_boot("app-b")],
            clusters: vec![Cluster::minikube()],
            ..World::default()
        }
    }

    fn app_behaviour(&self, app: &str, path: &str) -> Behaviour {
        match self.apps.iter().find(|a| a.name == app) {
            Some(a) => a.respond(path),
            // A deployment of an image that does not exist never starts.
            None => Behaviour::Refused,
        }
    }

    /// What listens on `ip:port` at `at`, for a request for `path` with
    /// Host `host`; `None` when nothing does.
    fn behaviour_at(
        &self,
        at: SimTime,
        ip: IpAddr,
        port: u16,
        path: &str,
        host: Option<&str>,
    ) -> Option<Behaviour> {
        if let Some(e) = self.endpoints.iter().find(|e| e.ip == ip && e.port == port) {
            return Some(match &e.serves {
                Serves::Behaviour(b) => b.clone(),
                Serves::App(app) => self.app_behaviour(app, path),
            });
        }
        for c in &self.clusters {
            if let Some(d) = c.deployment_at(ip, port) {
                if d.replicas == 0 {
                    return Some(Behaviour::Refused);
                }
                return Some(self.app_behaviour(&d.app, path));
            }
        }
        let serving: Vec<&ManagedHost> = self
            .managed
            .iter()
            .filter(|m| m.port() == port && m.addresses(self.seed, at).contains(&ip))
            .collect();
        if !serving.is_empty() {
            let named = serving
                .iter()
                .find(|m| host.is_some_and(|h| m.is_named_by(h)));
            return Some(match named {
                Some(m) => m.behaviour.clone(),
                // API Gateway and LocalStack both turn away a Host they do
                // not serve; the exact body is not documented.
                None => Behaviour::Up {
                    status: 403,
                    body: r#"{"message":"Forbidden"}"#.to_string(),
                },
            });
        }
        None
    }

    fn knows(&self, at: SimTime, ip: IpAddr) -> bool {
        // The loopback is the caller's own machine: a port nobody listens on
        // there answers a reset at once (curl's "Connection refused"), it
        // never times out.
        ip.is_loopback()
            || self.endpoints.iter().any(|e| e.ip == ip)
            || self.clusters.iter().any(|c| c.owns(ip))
            || self
                .managed
                .iter()
                .any(|m| m.addresses(self.seed, at).contains(&ip))
    }

    /// See [`probe`].
    pub fn probe(
        &self,
        at: SimTime,
        ip: IpAddr,
        port: u16,
        protocol: Protocol,
        path: &str,
        host: Option<&str>,
    ) -> ProbeOutcome {
        match self.behaviour_at(at, ip, port, path, host) {
            Some(b) => ProbeOutcome::of(&b, protocol, self.rtt_ms),
            None if self.knows(at, ip) => ProbeOutcome::Refused {
                after_ms: self.rtt_ms,
            },
            None => ProbeOutcome::Timeout,
        }
    }

    /// The addresses `name` resolves to at `at` (case and trailing dot
    /// ignored): managed hosts first, then fixed names; empty when unknown.
    pub fn resolve(&self, name: &str, at: SimTime) -> Vec<IpAddr> {
        let name = name.trim_end_matches('.');
        if let Some(m) = self
            .managed
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case(name))
        {
            return m.addresses(self.seed, at);
        }
        self.names
            .iter()
            .find(|n| n.name.eq_ignore_ascii_case(name))
            .map(|n| n.addresses.clone())
            .unwrap_or_default()
    }
}

/// What a TCP connect (`protocol` TCP) or an HTTP(S) `GET path` with Host
/// `host` to `ip:port` sees at `at` in `world` (faults already applied, see
/// [`World::at`]).
pub fn probe(
    world: &World,
    at: SimTime,
    ip: IpAddr,
    port: u16,
    protocol: Protocol,
    path: &str,
    host: Option<&str>,
) -> ProbeOutcome {
    world.probe(at, ip, port, protocol, path, host)
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use super::*;

    const NODE: IpAddr = IpAddr::V4(MINIKUBE_IP);

    /// Each row: a world change, the probe, what the prober sees.
    #[test]
    fn probe_table() {
        let blog = World::blog();
        let mut scaled = World::blog();
        Fault::ScaleTo {
            deployment: "app-b".into(),
            replicas: 0,
        }
        .apply(&mut scaled)
        .unwrap();
        let mut down = World::blog();
        Fault::AppDown {
            app: "app-a".into(),
        }
        .apply(&mut down)
        .unwrap();
        let http = |status: u16, body: &str| ProbeOutcome::Response {
            connect_ms: 20,
            first_byte_ms: 20,
            status,
            body: body.to_string(),
        };
        let stranger = IpAddr::V4(Ipv4Addr::new(203, 0, 113, 9));
        let rows: Vec<(&str, &World, IpAddr, u16, Protocol, ProbeOutcome)> = vec![
            (
                "app-a up",
                &blog,
                NODE,
                30001,
                Protocol::Http,
                http(200, r#"{"status":"UP"}"#),
            ),
            (
                "app-a down: 503",
                &down,
                NODE,
                30001,
                Protocol::Http,
                http(503, r#"{"status":"DOWN"}"#),
            ),
            (
                "app-a down still accepts TCP",
                &down,
                NODE,
                30001,
                Protocol::Tcp,
                ProbeOutcome::Connected { connect_ms: 20 },
            ),
            (
                "replicas 0 refuses",
                &scaled,
                NODE,
                30002,
                Protocol::Tcp,
                ProbeOutcome::Refused { after_ms: 20 },
            ),
            (
                "closed port on a node refuses",
                &blog,
                NODE,
                30003,
                Protocol::Http,
                ProbeOutcome::Refused { after_ms: 20 },
            ),
            (
                "unknown host times out",
                &blog,
                stranger,
                80,
                Protocol::Http,
                ProbeOutcome::Timeout,
            ),
            (
                "a closed port on the loopback refuses at once",
                &blog,
                IpAddr::from([127, 0, 0, 1]),
                4566,
                Protocol::Http,
                ProbeOutcome::Refused { after_ms: 20 },
            ),
        ];
        for (what, world, ip, port, protocol, want) in rows {
            assert_eq!(
                world.probe(SimTime::ZERO, ip, port, protocol, "/actuator/health", None),
                want,
                "{what}"
            );
        }
    }

    #[test]
    fn load_balancer_service_has_its_own_address() {
        let lb = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 10));
        let mut w = World::blog();
        if let Some(c) = w.clusters.first_mut() {
            c.services.push(Service {
                name: "app-a-lb".into(),
                deployment: "app-a".into(),
                kind: ServiceKind::LoadBalancer { ip: lb, port: 80 },
            });
        }
        assert!(matches!(
            w.probe(
                SimTime::ZERO,
                lb,
                80,
                Protocol::Http,
                "/actuator/health",
                None
            ),
            ProbeOutcome::Response { status: 200, .. }
        ));
        assert!(matches!(
            w.probe(SimTime::ZERO, lb, 81, Protocol::Tcp, "/", None),
            ProbeOutcome::Refused { .. }
        ));
    }

    /// An address the API had an hour ago no longer answers for it.
    #[test]
    fn api_gateway_answers_only_on_current_addresses_and_its_own_host() {
        let name = "abc123.execute-api.us-east-1.amazonaws.com";
        let w = World {
            rtt_ms: 20,
            seed: 3,
            managed: vec![ManagedHost::api_gateway(name)],
            ..World::default()
        };
        let now = w.resolve(name, SimTime::ZERO);
        let later = w.resolve(&format!("{name}."), SimTime::from_secs(3600));
        let first = now[0];
        assert!(!later.contains(&first));
        let get = |at, host| w.probe(at, first, 443, Protocol::Https, "/", host);
        assert!(matches!(
            get(SimTime::ZERO, Some(name)),
            ProbeOutcome::Response { status: 200, .. }
        ));
        assert!(matches!(
            get(SimTime::ZERO, Some("other.example.com")),
            ProbeOutcome::Response { status: 403, .. }
        ));
        assert_eq!(
            get(SimTime::from_secs(3600), Some(name)),
            ProbeOutcome::Timeout
        );
    }

    #[test]
    fn localstack_api_on_localhost() {
        let w = World {
            managed: vec![ManagedHost::localstack("abc123")],
            ..World::default()
        };
        let name = "abc123.execute-api.localhost.localstack.cloud";
        let ip = w.resolve(name, SimTime::ZERO)[0];
        assert_eq!(ip, IpAddr::V4(Ipv4Addr::LOCALHOST));
        assert!(matches!(
            w.probe(SimTime::ZERO, ip, 4566, Protocol::Http, "/", Some(name)),
            ProbeOutcome::Response { status: 200, .. }
        ));
        assert!(w.resolve("unknown.example", SimTime::ZERO).is_empty());
    }
}
