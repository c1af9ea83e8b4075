//! The Kubernetes picture: a node with one port per NodePort service and
//! the pods behind each, load balancers beside it, and outside the cluster
//! the DNS records (which carry only an address) and the health checkers
//! (which probe an address and a port). Placed by
//! [`super::kubernetes_layout`].

use super::failover_tree::Health;

/// One place clients connect to: a NodePort on the node, or a load
/// balancer's address and port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortView {
    /// `:30001` for a NodePort, `192.168.49.100:30002` for a load balancer.
    pub label: String,
    /// `NodePort app-a` / `LoadBalancer app-b-lb`.
    pub service: String,
    /// The app its pods run.
    pub app: String,
    /// Ready pods now.
    pub replicas: u32,
    /// Whether the app's health indicator says UP now.
    pub app_up: bool,
}

/// Where a record's address leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lands {
    /// The node (every NodePort).
    Node,
    /// The load balancer with this index in [`KubernetesView::balancers`].
    Balancer(usize),
    /// Outside the cluster.
    Elsewhere,
}

/// An A record of the zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordView {
    /// `api.hello-localstack.com`.
    pub name: String,
    /// `PRIMARY (app-a)`, or `simple`.
    pub role: String,
    /// The address it answers.
    pub value: String,
    /// Where that address leads.
    pub lands: Lands,
    /// Whether Route 53 answers with it now.
    pub answering: bool,
}

/// A health check probing an address and a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckerView {
    /// The check's caller reference (`app-a-health`).
    pub name: String,
    /// `HTTP 192.168.49.2:30001/actuator/health`.
    pub probes: String,
    /// Its status now.
    pub health: Health,
    /// The port it probes: an index into [`KubernetesView::ports`] followed
    /// by [`KubernetesView::balancers`]; `None` when nothing there.
    pub target: Option<usize>,
}

/// What the diagram shows at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KubernetesView {
    /// The node's name.
    pub node: String,
    /// The node's address.
    pub node_ip: String,
    /// NodePort services on the node.
    pub ports: Vec<PortView>,
    /// LoadBalancer services.
    pub balancers: Vec<PortView>,
    /// The zone's A records.
    pub records: Vec<RecordView>,
    /// The health checks.
    pub checkers: Vec<CheckerView>,
    /// A sentence when two records with different roles share the node's
    /// address (the thing DNS cannot tell apart).
    pub shared_ip_note: Option<String>,
}

pub fn pods_text(p: &PortView) -> String {
    match p.replicas {
        0 => "0 pods · refuses".to_string(),
        1 => "1 pod".to_string(),
        n => format!("{n} pods"),
    }
}

/// What the screen reader hears for the whole picture.
pub fn summary(v: &KubernetesView) -> String {
    let mut parts = vec![format!("Node {} at {}", v.node, v.node_ip)];
    for p in v.ports.iter().chain(&v.balancers) {
        parts.push(format!("{} to {}, {}", p.label, p.app, pods_text(p)));
    }
    for r in &v.records {
        parts.push(format!(
            "record {} {} answers {}{}",
            r.name,
            r.role,
            r.value,
            if r.answering { ", answering now" } else { "" }
        ));
    }
    for c in &v.checkers {
        parts.push(format!(
            "{} probes {}: {}",
            c.name,
            c.probes,
            c.health.label()
        ));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn port(label: &str, replicas: u32) -> PortView {
        PortView {
            label: label.into(),
            service: "NodePort".into(),
            app: "app-a".into(),
            replicas,
            app_up: true,
        }
    }

    #[test]
    fn pods_read_as_words() {
        let rows = [(0, "0 pods · refuses"), (1, "1 pod"), (3, "3 pods")];
        for (n, want) in rows {
            assert_eq!(pods_text(&port(":1", n)), want);
        }
    }
}
