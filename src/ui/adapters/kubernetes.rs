//! The Kubernetes picture from a scenario at one instant: the first
//! cluster of the world with the faults up to that instant applied
//! ([`World::at`](crate::engine::world::World::at), so a scale to zero shows), the zone's A records, and
//! each health check with the status the run's timeline gives it then.

use std::collections::BTreeMap;
use std::net::IpAddr;

use hickory_proto::rr::{RData, RecordType};

use crate::engine::name::format_name;
use crate::engine::route53::routing_view::{route, Query, RoutingContext};
use crate::engine::route53::Routing;
use crate::engine::routing::Answer as Routed;
use crate::engine::time::SimTime;
use crate::engine::world::{Cluster, ServiceKind};
use crate::scenario::model::Scenario;
use crate::ui::adapters::run_views::check_name;
use crate::ui::view_model::failover_tree::Health;
use crate::ui::view_model::kubernetes::{CheckerView, KubernetesView, Lands, PortView};

fn ports_of(
    cluster: &Cluster,
    apps_up: &BTreeMap<&str, bool>,
) -> (Vec<PortView>, Vec<PortView>, Vec<(IpAddr, u16)>) {
    let (mut nodeports, mut balancers) = (Vec::new(), Vec::new());
    let (mut np_at, mut lb_at) = (Vec::new(), Vec::new());
    let node_ip = cluster.nodes.first().map(|n| n.ip);
    for s in &cluster.services {
        let d = cluster.deployments.iter().find(|d| d.name == s.deployment);
        let app = d.map_or_else(|| s.deployment.clone(), |d| d.app.clone());
        let mut view = PortView {
            label: String::new(),
            service: String::new(),
            app_up: apps_up.get(app.as_str()).copied().unwrap_or(false),
            app,
            replicas: d.map_or(0, |d| d.replicas),
        };
        match s.kind {
            ServiceKind::NodePort { node_port } => {
                view.label = format!(":{node_port}");
                view.service = format!("NodePort {}", s.name);
                nodeports.push(view);
                if let Some(ip) = node_ip {
                    np_at.push((ip, node_port));
                }
            }
            ServiceKind::LoadBalancer { ip, port } => {
                view.label = format!("{ip}:{port}");
                view.service = format!("LoadBalancer {}", s.name);
                balancers.push(view);
                lb_at.push((ip, port));
            }
        }
    }
    np_at.extend(lb_at);
    (nodeports, balancers, np_at)
}

/// The picture at `at` with check statuses `health` (from the run's
/// timeline), or `None` when the world has no cluster with a node.
pub fn kubernetes_view(
    scenario: &Scenario,
    at: SimTime,
    health: &BTreeMap<String, bool>,
) -> Option<KubernetesView> {
    let world = scenario.run_world().at(&scenario.faults, at);
    let cluster = world.clusters.first()?;
    let node = cluster.nodes.first()?;
    let apps_up: BTreeMap<&str, bool> =
        world.apps.iter().map(|a| (a.name.as_str(), a.up)).collect();
    let (ports, balancers, addrs) = ports_of(cluster, &apps_up);
    let lb_ips: Vec<IpAddr> = cluster
        .services
        .iter()
        .filter_map(|s| match s.kind {
            ServiceKind::LoadBalancer { ip, .. } => Some(ip),
            ServiceKind::NodePort { .. } => None,
        })
        .collect();
    let ctx = RoutingContext {
        world: &world,
        client: &scenario.client,
        latency: &scenario.latency,
        seed: scenario.seed,
    };
    let mut records = Vec::new();
    let mut chosen_cache: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for zone in &scenario.route53.zones {
        for set in zone.sets().filter(|s| s.rtype == RecordType::A) {
            let name = format_name(&set.name).trim_end_matches('.').to_string();
            let label = set.routing.set_id().unwrap_or("simple").to_string();
            let role = match &set.routing {
                Routing::Failover { role, .. } => format!("{} ({label})", role.as_str()),
                Routing::Simple => "simple".to_string(),
                _ => label.clone(),
            };
            let chosen = chosen_cache.entry(name.clone()).or_insert_with(|| {
                match route(&scenario.route53, &Query::new(&name, "A"), at, health, &ctx)
                    .map(|a| a.answer)
                {
                    Ok(Routed::Records { chosen, .. }) => chosen,
                    _ => Vec::new(),
                }
            });
            let answering = chosen.contains(&label);
            for v in set.values() {
                let RData::A(a) = &v.rdata else { continue };
                let ip = IpAddr::V4(a.0);
                let lands = if ip == node.ip {
                    Lands::Node
                } else if let Some(i) = lb_ips.iter().position(|l| *l == ip) {
                    Lands::Balancer(i)
                } else {
                    Lands::Elsewhere
                };
                records.push(crate::ui::view_model::kubernetes::RecordView {
                    name: name.clone(),
                    role: role.clone(),
                    value: ip.to_string(),
                    lands,
                    answering,
                });
            }
        }
    }
    let checkers = scenario
        .route53
        .health_checks()
        .iter()
        .filter_map(|h| {
            let c = &h.health_check_config;
            let ip: IpAddr = c.ip_address.as_deref()?.parse().ok()?;
            let port = u16::try_from(c.port?).ok()?;
            // The API's spelling (`HTTP`), which serde keeps.
            let kind = c
                .kind
                .and_then(|k| serde_json::to_value(k).ok())
                .and_then(|v| v.as_str().map(|k| format!("{k} ")))
                .unwrap_or_default();
            let path = c.resource_path.clone().unwrap_or_default();
            Some(CheckerView {
                name: check_name(scenario, &h.id),
                probes: format!("{kind}{ip}:{port}{path}"),
                health: match health.get(&h.id) {
                    Some(true) => Health::Healthy,
                    Some(false) => Health::Unhealthy,
                    None => Health::Unknown,
                },
                target: addrs.iter().position(|a| *a == (ip, port)),
            })
        })
        .collect();
    let on_node: Vec<&str> = records
        .iter()
        .filter(|r| r.lands == Lands::Node && r.role != "simple")
        .map(|r| r.role.as_str())
        .collect();
    let shared_ip_note = (on_node.len() >= 2).then(|| {
        format!(
            "{} {} answer {}: one address. They differ only in the port behind them ({}), and a DNS answer carries no port.",
            on_node.join(" and "),
            if on_node.len() == 2 { "both" } else { "all" },
            node.ip,
            ports.iter().map(|p| format!("{} for {}", p.label.trim_start_matches(':'), p.app)).collect::<Vec<_>>().join(", ")
        )
    });
    Some(KubernetesView {
        node: node.name.clone(),
        node_ip: node.ip.to_string(),
        ports,
        balancers,
        records,
        checkers,
        shared_ip_note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::world::{Fault, TimedFault};
    use crate::scenario::presets::kubernetes::build;

    fn at(s: &Scenario, secs: u64) -> KubernetesView {
        let run = s.run().unwrap_or_else(|e| panic!("{e}"));
        let t = SimTime::from_secs(secs);
        kubernetes_view(s, t, &run.timeline.health_at(t)).unwrap_or_default()
    }

    /// The blog's cluster: one node 192.168.49.2, NodePorts 30001 → app-a
    /// and 30002 → app-b, both failover records on the node's address, the
    /// two checks probing the two ports, and the note saying DNS cannot
    /// carry the port (RFC 1035 §3.4.1: an A record is 32 bits of address).
    #[test]
    fn blog_cluster_at_the_start() {
        let s = build(1).unwrap_or_else(|e| panic!("{e}"));
        let v = at(&s, 0);
        assert_eq!(
            (v.node.as_str(), v.node_ip.as_str()),
            ("minikube", "192.168.49.2")
        );
        let ports: Vec<(&str, &str, u32)> = v
            .ports
            .iter()
            .map(|p| (p.label.as_str(), p.app.as_str(), p.replicas))
            .collect();
        assert_eq!(ports, [(":30001", "app-a", 1), (":30002", "app-b", 1)]);
        assert_eq!(v.balancers.len(), 1);
        assert_eq!(v.balancers[0].label, "192.168.49.100:30002");
        assert!(v.records.len() >= 2);
        assert!(v.records.iter().all(|r| r.lands == Lands::Node));
        assert!(v
            .records
            .iter()
            .any(|r| r.role.starts_with("PRIMARY") && r.answering));
        let targets: Vec<Option<usize>> = v.checkers.iter().map(|c| c.target).collect();
        assert_eq!(targets, [Some(0), Some(1)]);
        assert!(
            v.checkers[0].probes.contains("192.168.49.2:30001"),
            "{}",
            v.checkers[0].probes
        );
        let note = v.shared_ip_note.unwrap_or_default();
        assert!(
            note.contains("192.168.49.2") && note.contains("30001 for app-a"),
            "{note}"
        );
    }

    /// Kubernetes "Service": scaling to 0 leaves the NodePort without pods.
    /// Right after the scale the check is still healthy (Route 53 needs
    /// several failed probes); minutes later it is unhealthy and the
    /// SECONDARY answers, on the very same address.
    #[test]
    fn scaling_to_zero_shows_and_the_check_follows() {
        let mut s = build(1).unwrap_or_else(|e| panic!("{e}"));
        s.faults.push(TimedFault {
            at: SimTime::from_secs(30),
            fault: Fault::ScaleTo {
                deployment: "app-a".into(),
                replicas: 0,
            },
        });
        let early = at(&s, 30);
        assert_eq!(early.ports[0].replicas, 0);
        assert_eq!(early.checkers[0].health, Health::Healthy);
        let late = at(&s, 300);
        assert_eq!(late.checkers[0].health, Health::Unhealthy);
        let answering: Vec<&str> = late
            .records
            .iter()
            .filter(|r| r.answering)
            .map(|r| r.role.as_str())
            .collect();
        assert_eq!(answering, ["SECONDARY (app-b)"]);
        assert!(late.records.iter().all(|r| r.value == "192.168.49.2"));
    }
}
