//! Where the Kubernetes picture's boxes go: outside the cluster (records,
//! then checkers) on the left and the node with its port rows and the load
//! balancers on the right on a wide screen; one column on a phone, with
//! the arrows down two spines on the left.

use super::kubernetes::{KubernetesView, Lands};
use super::rect::curve;
pub use super::rect::Rect;
use super::svg::num;

/// One port row: the port box and the pods box beside it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PortRow {
    /// The port.
    pub port: Rect,
    /// The pods behind it.
    pub pods: Rect,
}

/// The placed diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct KubernetesLayout {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// True on a narrow screen.
    pub stacked: bool,
    /// The records' boxes.
    pub records: Vec<Rect>,
    /// The checkers' boxes.
    pub checkers: Vec<Rect>,
    /// The node's outline (its header is the top [`HEADER_H`]).
    pub node: Rect,
    /// The NodePort rows inside it.
    pub ports: Vec<PortRow>,
    /// The load balancers' outlines.
    pub balancers: Vec<Rect>,
    /// The row inside each load balancer.
    pub balancer_rows: Vec<PortRow>,
    /// Record → node or load balancer (empty string when it leads elsewhere).
    pub record_links: Vec<String>,
    /// Checker → the port it probes (empty string when nothing is there).
    pub checker_links: Vec<String>,
    /// Where the "Health checkers" heading goes (x, y).
    pub checkers_heading: (f64, f64),
}

/// Height of a record or checker box.
pub const ITEM_H: f64 = 48.0;
/// Height of the node's (and a load balancer's) header.
pub const HEADER_H: f64 = 36.0;
/// Height of a port row.
pub const ROW_H: f64 = 48.0;
/// Gap between stacked items.
pub const GAP: f64 = 8.0;
/// Inner padding of the node box.
const PAD: f64 = 10.0;
/// Room for a heading.
const HEAD: f64 = 22.0;
/// Below this width the diagram stacks.
pub const STACK_BELOW: f64 = 640.0;
/// Space between the outside column and the cluster, where arrows run.
const COL_GAP: f64 = 64.0;

fn rows_in(outer_x: f64, outer_w: f64, top: f64, n: usize) -> Vec<PortRow> {
    let half = (outer_w - 2.0 * PAD - GAP) / 2.0;
    (0..n)
        .map(|i| {
            let y = top + i as f64 * (ROW_H + GAP);
            PortRow {
                port: Rect {
                    x: outer_x + PAD,
                    y,
                    w: half,
                    h: ROW_H,
                },
                pods: Rect {
                    x: outer_x + PAD + half + GAP,
                    y,
                    w: half,
                    h: ROW_H,
                },
            }
        })
        .collect()
}

fn boxed(x: f64, y: f64, w: f64, rows: usize) -> (Rect, Vec<PortRow>) {
    let h = HEADER_H + rows as f64 * (ROW_H + GAP) + PAD - GAP.min(rows as f64 * GAP);
    let h = h.max(HEADER_H + PAD);
    (Rect { x, y, w, h }, rows_in(x, w, y + HEADER_H, rows))
}

fn elbow(from: (f64, f64), spine: f64, to: (f64, f64)) -> String {
    format!(
        "M{},{} H{} V{} H{}",
        num(from.0),
        num(from.1),
        num(spine),
        num(to.1),
        num(to.0)
    )
}

/// Places `view` in a box `width` px wide.
pub fn layout(view: &KubernetesView, width: f64) -> KubernetesLayout {
    let width = if width.is_finite() {
        width.max(260.0)
    } else {
        720.0
    };
    let stacked = width < STACK_BELOW;
    let (nr, nc) = (view.records.len(), view.checkers.len());
    let item = |x: f64, y: f64, w: f64, i: usize| Rect {
        x,
        y: y + i as f64 * (ITEM_H + GAP),
        w,
        h: ITEM_H,
    };
    let bottom = |r: &Rect| r.y + r.h;
    #[allow(clippy::type_complexity)]
    let (records, checkers, node, ports, balancers, balancer_rows, heading): (
        Vec<Rect>,
        Vec<Rect>,
        Rect,
        Vec<PortRow>,
        Vec<Rect>,
        Vec<PortRow>,
        (f64, f64),
    );
    if stacked {
        let indent = 24.0;
        let w = width - indent - 1.0;
        records = (0..nr)
            .map(|i| item(indent, HEAD, w, i))
            .collect::<Vec<_>>();
        let top = records.last().map_or(HEAD, bottom) + GAP * 3.0;
        let (n, p) = boxed(indent, top, w, view.ports.len());
        let mut y = bottom(&n) + GAP * 2.0;
        let (mut bs, mut brs) = (Vec::new(), Vec::new());
        for _ in &view.balancers {
            let (b, r) = boxed(indent, y, w, 1);
            y = bottom(&b) + GAP * 2.0;
            bs.push(b);
            brs.extend(r);
        }
        heading = (indent, y + HEAD - 6.0);
        checkers = (0..nc).map(|i| item(indent, y + HEAD, w, i)).collect();
        (node, ports, balancers, balancer_rows) = (n, p, bs, brs);
    } else {
        let outside = ((width - COL_GAP) * 0.38).min(320.0);
        let cx = outside + COL_GAP;
        let cw = width - cx - 1.0;
        records = (0..nr)
            .map(|i| item(1.0, HEAD, outside, i))
            .collect::<Vec<_>>();
        let (n, p) = boxed(cx, HEAD, cw, view.ports.len());
        let mut y = bottom(&n) + GAP * 2.0;
        let (mut bs, mut brs) = (Vec::new(), Vec::new());
        for _ in &view.balancers {
            let (b, r) = boxed(cx, y, cw, 1);
            y = bottom(&b) + GAP * 2.0;
            bs.push(b);
            brs.extend(r);
        }
        let ctop = records.last().map_or(HEAD, bottom) + GAP + HEAD;
        heading = (1.0, ctop - 6.0);
        checkers = (0..nc).map(|i| item(1.0, ctop, outside, i)).collect();
        (node, ports, balancers, balancer_rows) = (n, p, bs, brs);
    }
    let all_rows: Vec<PortRow> = ports.iter().chain(&balancer_rows).copied().collect();
    let header_mid = |r: &Rect| (r.x, r.y + HEADER_H / 2.0);
    let record_links = view
        .records
        .iter()
        .zip(&records)
        .map(|(rv, b)| {
            let to = match rv.lands {
                Lands::Node => header_mid(&node),
                Lands::Balancer(i) => match balancers.get(i) {
                    Some(lb) => header_mid(lb),
                    None => return String::new(),
                },
                Lands::Elsewhere => return String::new(),
            };
            if stacked {
                elbow((b.x, b.y + ITEM_H / 2.0), 8.0, to)
            } else {
                curve((b.x + b.w, b.y + ITEM_H / 2.0), to)
            }
        })
        .collect();
    let checker_links = view
        .checkers
        .iter()
        .zip(&checkers)
        .map(|(cv, b)| {
            let Some(row) = cv.target.and_then(|i| all_rows.get(i)) else {
                return String::new();
            };
            let to = (row.port.x, row.port.y + ROW_H / 2.0);
            if stacked {
                elbow((b.x, b.y + ITEM_H / 2.0), 16.0, to)
            } else {
                curve((b.x + b.w, b.y + ITEM_H / 2.0), to)
            }
        })
        .collect();
    let height = records
        .iter()
        .chain(&checkers)
        .chain([&node])
        .chain(&balancers)
        .map(bottom)
        .fold(0.0, f64::max)
        + 2.0;
    KubernetesLayout {
        width,
        height,
        stacked,
        records,
        checkers,
        node,
        ports,
        balancers,
        balancer_rows,
        record_links,
        checker_links,
        checkers_heading: heading,
    }
}

/// How a deployment's pods read: `1 pod`, `2 pods`, `0 pods: refuses`.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::view_model::failover_tree::Health;
    use crate::ui::view_model::kubernetes::{CheckerView, PortView, RecordView};

    fn port(label: &str, replicas: u32) -> PortView {
        PortView {
            label: label.into(),
            service: "NodePort".into(),
            app: "app-a".into(),
            replicas,
            app_up: true,
        }
    }

    fn view(nb: usize, lands: Lands) -> KubernetesView {
        KubernetesView {
            node: "minikube".into(),
            node_ip: "192.168.49.2".into(),
            ports: vec![port(":30001", 1), port(":30002", 0)],
            balancers: (0..nb).map(|_| port("192.168.49.100:30002", 1)).collect(),
            records: ["PRIMARY", "SECONDARY"]
                .iter()
                .map(|r| RecordView {
                    name: "api.hello-localstack.com".into(),
                    role: (*r).into(),
                    value: "192.168.49.2".into(),
                    lands,
                    answering: false,
                })
                .collect(),
            checkers: (0..2)
                .map(|i| CheckerView {
                    name: format!("c{i}"),
                    probes: "x".into(),
                    health: Health::Healthy,
                    target: Some(i),
                })
                .collect(),
            shared_ip_note: None,
        }
    }

    /// Nothing overlaps (except rows inside their node), everything fits,
    /// each record and checker gets its link; stacking below 640 px.
    #[test]
    fn boxes_fit_and_never_overlap() {
        for width in [260.0, 343.0, 639.0, 640.0, 1100.0] {
            for nb in [0, 1] {
                let l = layout(&view(nb, Lands::Node), width);
                assert_eq!(l.stacked, width < STACK_BELOW);
                let outer: Vec<Rect> = l
                    .records
                    .iter()
                    .chain(&l.checkers)
                    .chain([&l.node])
                    .chain(&l.balancers)
                    .copied()
                    .collect();
                for (i, a) in outer.iter().enumerate() {
                    assert!(a.x >= 0.0 && a.x + a.w <= l.width, "{width}: {a:?}");
                    assert!(a.y >= 0.0 && a.y + a.h <= l.height, "{width}: {a:?}");
                    for b in &outer[i + 1..] {
                        assert!(!a.overlaps(b), "{width}: {a:?} / {b:?}");
                    }
                }
                for r in &l.ports {
                    assert!(r.port.y >= l.node.y + HEADER_H);
                    assert!(r.pods.y + r.pods.h <= l.node.y + l.node.h, "{width}");
                    assert!(!r.port.overlaps(&r.pods));
                    assert!(r.pods.x + r.pods.w <= l.node.x + l.node.w);
                }
                assert_eq!(l.balancer_rows.len(), nb);
                assert!(l.record_links.iter().all(|d| d.starts_with('M')));
                assert!(l.checker_links.iter().all(|d| d.starts_with('M')));
            }
        }
    }

    /// Records aim at the node's header (the address), checkers at a port:
    /// the drawing's whole point.
    #[test]
    fn records_end_at_the_address_and_checkers_at_a_port() {
        let l = layout(&view(0, Lands::Node), 1000.0);
        let header = format!("{},{}", num(l.node.x), num(l.node.y + HEADER_H / 2.0));
        assert!(
            l.record_links.iter().all(|d| d.ends_with(&header)),
            "{:?}",
            l.record_links
        );
        for (d, row) in l.checker_links.iter().zip(&l.ports) {
            let end = format!("{},{}", num(row.port.x), num(row.port.y + ROW_H / 2.0));
            assert!(d.ends_with(&end), "{d}");
        }
        let elsewhere = layout(&view(0, Lands::Elsewhere), 1000.0);
        assert!(elsewhere.record_links.iter().all(String::is_empty));
        let missing_lb = layout(&view(0, Lands::Balancer(3)), 1000.0);
        assert!(missing_lb.record_links.iter().all(String::is_empty));
    }
}
