//! The failover tree: a record name and its routed branches, each with a
//! health badge whose shape, symbol and word all tell its state (circle ✓
//! healthy, diamond ✕ unhealthy, square ? unknown), and the branch Route 53
//! answers with now drawn with a heavy border and the word "answering".

use yew::prelude::*;

use crate::ui::hooks::use_element_width;
use crate::ui::view_model::failover_tree::{layout_tree, FailoverTreeView, Health, TreeBox};
use crate::ui::view_model::svg::num;

/// Props of [`FailoverTree`].
#[derive(Properties, PartialEq)]
pub struct FailoverTreeProps {
    /// The tree.
    pub view: FailoverTreeView,
}

fn badge(health: Health, cx: f64, cy: f64) -> Html {
    let class = format!("ft-badge health-{}", health.key());
    let shape = match health {
        Health::Healthy => html! { <circle class={class} cx={num(cx)} cy={num(cy)} r="8" /> },
        Health::Unhealthy => html! {
            <path class={class} d={format!("M{},{} l9,9 l-9,9 l-9,-9 z", num(cx), num(cy - 9.0))} />
        },
        Health::Unknown | Health::NoCheck => html! {
            <rect class={class} x={num(cx - 7.5)} y={num(cy - 7.5)} width="15" height="15" />
        },
    };
    html! {
        <>
            { shape }
            <text class={format!("ft-badge-symbol sym-{}", health.key())} x={num(cx)} y={num(cy + 4.0)}>{ health.symbol() }</text>
        </>
    }
}

/// The tree diagram.
#[function_component(FailoverTree)]
pub fn failover_tree(props: &FailoverTreeProps) -> Html {
    let node = use_node_ref();
    let width = use_element_width(node.clone(), 480.0);
    let v = &props.view;
    let layout = layout_tree(v.branches.len(), width);
    let rect = |b: &TreeBox, class: &'static str| {
        html! { <rect class={class} x={num(b.x)} y={num(b.y)} width={num(b.w)} height={num(b.h)} rx="6" /> }
    };
    let r = layout.root;
    let children = v.branches.iter().zip(&layout.children).map(|(br, b)| {
        let class = if br.answering { "ft-node ft-answering" } else { "ft-node" };
        let tx = b.x + 10.0;
        let check = br.check.clone().unwrap_or_else(|| "no health check".into());
        html! {
            <g>
                <title>{ format!("{}: {} — {} ({}){}", br.role, br.target, br.health.label(), check,
                    if br.answering { ", answering" } else { "" }) }</title>
                { rect(b, class) }
                <text class="ft-role" x={num(tx)} y={num(b.y + 20.0)}>{ br.role.clone() }</text>
                <text class="ft-target" x={num(tx)} y={num(b.y + 40.0)}>{ br.target.clone() }</text>
                { badge(br.health, tx + 8.0, b.y + 59.0) }
                <text class={format!("ft-health health-text-{}", br.health.key())} x={num(tx + 22.0)} y={num(b.y + 63.0)}>
                    { format!("{} · {}", br.health.label(), check) }
                </text>
                <text class={if br.answering { "ft-state ft-answering-text" } else { "ft-state" }} x={num(tx)} y={num(b.y + 84.0)}>
                    { if br.answering { "▶ answering now" } else { "not answering" } }
                </text>
            </g>
        }
    });
    let links = layout.links.iter().zip(&v.branches).map(|(d, br)| {
        let class = if br.answering {
            "ft-link ft-link-on"
        } else {
            "ft-link"
        };
        html! { <path class={class} d={d.clone()} /> }
    });
    let answering: Vec<&str> = v
        .branches
        .iter()
        .filter(|b| b.answering)
        .map(|b| b.role.as_str())
        .collect();
    let summary = format!(
        "{}: {} branches; answering: {}",
        v.name,
        v.branches.len(),
        if answering.is_empty() {
            "none".to_string()
        } else {
            answering.join(", ")
        }
    );
    html! {
        <div class="failover-tree" ref={node}>
            <svg class="ft-svg" width={num(layout.width)} height={num(layout.height)}
                viewBox={format!("0 0 {} {}", num(layout.width), num(layout.height))}
                role="img" aria-label={summary}>
                { for links }
                { rect(&r, "ft-node ft-root") }
                <text class="ft-root-text" x={num(r.x + r.w / 2.0)} y={num(r.y + 25.0)}>{ v.name.clone() }</text>
                { for children }
            </svg>
            <ul class="visually-hidden">
                { for v.branches.iter().map(|b| html! {
                    <li>{ format!("{} {}: {}{}", b.role, b.target, b.health.label(), if b.answering { ", answering" } else { "" }) }</li>
                }) }
            </ul>
        </div>
    }
}
