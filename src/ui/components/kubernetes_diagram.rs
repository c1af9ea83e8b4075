//! The Kubernetes picture: outside the cluster, the DNS records (arrows to
//! the node's address) and the health checkers (arrows to a port, with
//! their verdict as a badge shape, symbol and word); inside, the node with
//! one row per NodePort and the pods behind it (a dashed empty box when
//! scaled to zero), and load balancers beside it.

use yew::prelude::*;

use crate::ui::hooks::use_element_width;
use crate::ui::view_model::failover_tree::Health;
use crate::ui::view_model::kubernetes::{pods_text, summary, KubernetesView, PortView};
use crate::ui::view_model::kubernetes_layout::{layout, PortRow, Rect, HEADER_H};
use crate::ui::view_model::svg::num;

/// Props of [`KubernetesDiagram`].
#[derive(Properties, PartialEq)]
pub struct KubernetesDiagramProps {
    /// The picture at the current instant.
    pub view: KubernetesView,
}

fn rect(r: &Rect, class: &'static str) -> Html {
    html! { <rect class={class} x={num(r.x)} y={num(r.y)} width={num(r.w)} height={num(r.h)} rx="6" /> }
}

fn badge(health: Health, cx: f64, cy: f64) -> Html {
    let class = format!("ft-badge health-{}", health.key());
    let shape = match health {
        Health::Healthy => html! { <circle class={class} cx={num(cx)} cy={num(cy)} r="7" /> },
        Health::Unhealthy => html! {
            <path class={class} d={format!("M{},{} l8,8 l-8,8 l-8,-8 z", num(cx), num(cy - 8.0))} />
        },
        Health::Unknown | Health::NoCheck => html! {
            <rect class={class} x={num(cx - 6.5)} y={num(cy - 6.5)} width="13" height="13" />
        },
    };
    html! {
        <>
            { shape }
            <text class={format!("ft-badge-symbol sym-{}", health.key())} x={num(cx)} y={num(cy + 4.0)}>{ health.symbol() }</text>
        </>
    }
}

fn row(p: &PortView, r: &PortRow) -> Html {
    let empty = p.replicas == 0;
    let drawn = p.replicas.min(5);
    let pods = (0..drawn).map(|i| {
        let cx = r.pods.x + 14.0 + f64::from(i) * 16.0;
        html! { <circle class="k8s-pod" cx={num(cx)} cy={num(r.pods.y + 34.0)} r="6" /> }
    });
    let app = if p.app_up {
        p.app.clone()
    } else {
        format!("{}: DOWN (503)", p.app)
    };
    let more = if p.replicas > drawn {
        format!(" (+{})", p.replicas - drawn)
    } else {
        String::new()
    };
    // A load balancer's address is in its header; the row shows the port.
    let label = match p.label.rsplit_once(':') {
        Some((ip, port)) if !ip.is_empty() => format!(":{port}"),
        _ => p.label.clone(),
    };
    html! {
        <g class="k8s-row" data-port={p.label.clone()} data-replicas={p.replicas.to_string()}>
            { rect(&r.port, "k8s-port") }
            <text class="k8s-strong" x={num(r.port.x + 8.0)} y={num(r.port.y + 20.0)}>{ label }</text>
            <text class="k8s-small" x={num(r.port.x + 8.0)} y={num(r.port.y + 38.0)}>{ p.service.clone() }</text>
            { rect(&r.pods, if empty { "k8s-pods k8s-pods-empty" } else { "k8s-pods" }) }
            <text class="k8s-small" x={num(r.pods.x + 8.0)} y={num(r.pods.y + 17.0)}>{ app }</text>
            { for pods }
            <text class={if empty { "k8s-strong k8s-refuses" } else { "k8s-small" }}
                x={num(r.pods.x + 8.0 + f64::from(drawn) * 16.0)} y={num(r.pods.y + 38.0)}>
                { format!("{}{more}", pods_text(p)) }
            </text>
        </g>
    }
}

/// The diagram.
#[function_component(KubernetesDiagram)]
pub fn kubernetes_diagram(props: &KubernetesDiagramProps) -> Html {
    let node = use_node_ref();
    let width = use_element_width(node.clone(), 720.0);
    let v = &props.view;
    let l = layout(v, width);
    let n = l.node;
    let records = v.records.iter().zip(&l.records).zip(&l.record_links).map(|((r, b), d)| {
        html! {
            <g class={classes!("k8s-record", r.answering.then_some("k8s-answering"))} data-value={r.value.clone()}>
                if !d.is_empty() { <path class="k8s-link k8s-link-dns" d={d.clone()} /> }
                { rect(b, if r.answering { "k8s-box k8s-box-on" } else { "k8s-box" }) }
                <text class="k8s-small" x={num(b.x + 8.0)} y={num(b.y + 17.0)}>
                    { format!("{}{}", if r.answering { "▶ answering · " } else { "" }, r.name) }
                </text>
                <text class="k8s-strong" x={num(b.x + 8.0)} y={num(b.y + 37.0)}>{ format!("{} A {}", r.role, r.value) }</text>
            </g>
        }
    });
    let checkers = v.checkers.iter().zip(&l.checkers).zip(&l.checker_links).map(|((c, b), d)| {
        html! {
            <g class={format!("k8s-checker k8s-check-{}", c.health.key())}>
                if !d.is_empty() { <path class="k8s-link k8s-link-probe" d={d.clone()} /> }
                { rect(b, "k8s-box") }
                { badge(c.health, b.x + 16.0, b.y + 15.0) }
                <text class={format!("k8s-strong health-text-{}", c.health.key())} x={num(b.x + 30.0)} y={num(b.y + 19.0)}>
                    { format!("{}: {}", c.name, c.health.label()) }
                </text>
                <text class="k8s-small" x={num(b.x + 8.0)} y={num(b.y + 38.0)}>{ format!("probes {}", c.probes) }</text>
            </g>
        }
    });
    let balancers = v.balancers.iter().zip(l.balancers.iter().zip(&l.balancer_rows)).map(|(p, (b, r))| {
        html! {
            <g class="k8s-lb">
                { rect(b, "k8s-node k8s-lb-box") }
                <text class="k8s-strong" x={num(b.x + 10.0)} y={num(b.y + HEADER_H / 2.0 + 5.0)}>
                    { format!("load balancer {}", p.label.split(':').next().unwrap_or_default()) }
                </text>
                { row(p, r) }
            </g>
        }
    });
    let head_y = l.records.first().map_or(16.0, |r| r.y - 6.0);
    html! {
        <figure class="k8s-diagram" ref={node}>
            <svg class="k8s-svg" width={num(l.width)} height={num(l.height)}
                viewBox={format!("0 0 {} {}", num(l.width), num(l.height))} role="img" aria-label={summary(v)}>
                <text class="k8s-heading" x={num(l.records.first().map_or(1.0, |r| r.x))} y={num(head_y)}>{ "DNS records (address only)" }</text>
                <text class="k8s-heading" x={num(l.checkers_heading.0)} y={num(l.checkers_heading.1)}>{ "Health checkers (address and port)" }</text>
                { rect(&n, "k8s-node") }
                <text class="k8s-strong" x={num(n.x + 10.0)} y={num(n.y + HEADER_H / 2.0 + 5.0)}>
                    { format!("node {} · {}", v.node, v.node_ip) }
                </text>
                { for v.ports.iter().zip(&l.ports).map(|(p, r)| row(p, r)) }
                { for balancers }
                { for records }
                { for checkers }
            </svg>
            if let Some(note) = &v.shared_ip_note {
                <figcaption class="k8s-caption"><strong>{ note.clone() }</strong></figcaption>
            }
        </figure>
    }
}
