//! The API Gateway picture: friendly name → (CNAME) → endpoint name →
//! its addresses now; the addresses it gave up at the last change struck
//! through under "retired"; and a pinned A record drawn with a dashed,
//! crossed arrow and the word "stale" once its address is no longer one
//! of the endpoint's (never colour alone).

use yew::prelude::*;

use crate::ui::hooks::use_element_width;
use crate::ui::view_model::api_gateway::{endpoint_lines, summary, ApiGatewayView};
use crate::ui::view_model::api_gateway_layout::{layout, Rect};
use crate::ui::view_model::svg::num;
use crate::ui::view_model::timeline::format_clock;

/// Props of [`ApiGatewayDiagram`].
#[derive(Properties, PartialEq)]
pub struct ApiGatewayDiagramProps {
    /// The picture at the current instant.
    pub view: ApiGatewayView,
}

fn rect(r: &Rect, class: &'static str, rx: &'static str) -> Html {
    html! { <rect class={class} x={num(r.x)} y={num(r.y)} width={num(r.w)} height={num(r.h)} {rx} /> }
}

/// The diagram.
#[function_component(ApiGatewayDiagram)]
pub fn api_gateway_diagram(props: &ApiGatewayDiagramProps) -> Html {
    let node = use_node_ref();
    let width = use_element_width(node.clone(), 640.0);
    let v = &props.view;
    let l = layout(v, width);
    let (id_line, rest_line) = endpoint_lines(&v.endpoint);
    let e = l.endpoint;
    // Stacked, the labels sit beside the spine rather than centred on it.
    let edge = if l.stacked {
        "agw-edge agw-edge-start"
    } else {
        "agw-edge"
    };
    let period = match v.until_ms {
        Some(u) => format!(
            "since {}, until {}",
            format_clock(v.since_ms),
            format_clock(u)
        ),
        None => format!("since {}", format_clock(v.since_ms)),
    };
    let friendly = v.friendly.iter().zip(&l.friendly).map(|(n, b)| {
        html! {
            <g class="agw-friendly">
                { rect(b, "agw-box agw-name", "6") }
                <text class="agw-kicker" x={num(b.x + 10.0)} y={num(b.y + 17.0)}>{ "your zone" }</text>
                <text class="agw-text" x={num(b.x + 10.0)} y={num(b.y + 35.0)}>{ n.clone() }</text>
            </g>
        }
    });
    let current = v.current.iter().zip(&l.current).map(|(ip, b)| {
        html! {
            <g class="agw-addr agw-current" data-ip={ip.clone()}>
                { rect(b, "agw-pill agw-pill-now", "14") }
                <text class="agw-ip" x={num(b.x + 12.0)} y={num(b.y + 19.0)}>{ format!("● {ip}") }</text>
            </g>
        }
    });
    let retired = v.retired.iter().zip(&l.retired).map(|(ip, b)| {
        html! {
            <g class="agw-addr agw-retired" data-ip={ip.clone()}>
                { rect(b, "agw-pill agw-pill-old", "14") }
                <text class="agw-ip agw-ip-old" x={num(b.x + 12.0)} y={num(b.y + 19.0)}>{ format!("○ {ip}") }</text>
                <line class="agw-strike" x1={num(b.x + 26.0)} x2={num(b.x + 26.0 + ip.len() as f64 * 7.0)}
                    y1={num(b.y + 15.0)} y2={num(b.y + 15.0)} />
            </g>
        }
    });
    let pinned = v.pinned.iter().zip(l.pinned.iter().zip(&l.pinned_ip)).zip(&l.pinned_links).map(|((p, (b, pill)), d)| {
        let state = if p.current { "agw-pinned-ok" } else { "agw-pinned-stale" };
        let (mx, my) = (
            (b.x + b.w + pill.x) / 2.0,
            if l.stacked { (b.y + b.h + pill.y) / 2.0 } else { b.y + b.h / 2.0 },
        );
        html! {
            <g class={classes!("agw-pinned", state)} data-ip={p.ip.clone()} data-current={p.current.to_string()}>
                <path class="agw-link agw-link-pinned" d={d.clone()} />
                { rect(b, "agw-box agw-name", "6") }
                <text class="agw-kicker" x={num(b.x + 10.0)} y={num(b.y + 17.0)}>{ "your zone · A record, pinned" }</text>
                <text class="agw-text" x={num(b.x + 10.0)} y={num(b.y + 35.0)}>{ p.name.clone() }</text>
                { rect(pill, if p.current { "agw-pill agw-pill-now" } else { "agw-pill agw-pill-stale" }, "14") }
                <text class="agw-ip" x={num(pill.x + 12.0)} y={num(pill.y + 19.0)}>
                    { format!("{} {} · {}", if p.current { "●" } else { "✕" }, p.ip, p.note) }
                </text>
                if !p.current && !l.stacked {
                    <text class="agw-cross" x={num(mx)} y={num(my + 5.0)}>{ "✕" }</text>
                }
            </g>
        }
    });
    html! {
        <figure class="agw-diagram" ref={node} data-since={v.since_ms.to_string()}>
            <svg class="agw-svg" width={num(l.width)} height={num(l.height)}
                viewBox={format!("0 0 {} {}", num(l.width), num(l.height))} role="img" aria-label={summary(v)}>
                { for l.cname_links.iter().map(|d| html! { <path class="agw-link" d={d.clone()} /> }) }
                { for l.address_links.iter().map(|d| html! { <path class="agw-link agw-link-now" d={d.clone()} /> }) }
                <text class={edge} x={num(l.labels[0].0)} y={num(l.labels[0].1)}>{ "CNAME" }</text>
                if !v.current.is_empty() {
                    <text class={edge} x={num(l.labels[1].0)} y={num(l.labels[1].1)}>{ "A, now" }</text>
                }
                { for friendly }
                { rect(&e, "agw-box agw-endpoint", "6") }
                <text class="agw-kicker" x={num(e.x + 10.0)} y={num(e.y + 16.0)}>{ "AWS's name · addresses change" }</text>
                <text class="agw-text" x={num(e.x + 10.0)} y={num(e.y + 33.0)}>{ id_line }</text>
                <text class="agw-text" x={num(e.x + 10.0)} y={num(e.y + 49.0)}>{ rest_line }</text>
                { for current }
                if !v.retired.is_empty() {
                    <text class="agw-kicker" x={num(l.retired_heading.0)} y={num(l.retired_heading.1)}>
                        { format!("retired at {}", format_clock(v.since_ms)) }
                    </text>
                }
                { for retired }
                if let Some(first) = l.pinned.first() {
                    <text class="agw-kicker" x={num(first.x)} y={num(first.y - 8.0)}>{ "An address copied into an A record" }</text>
                }
                { for pinned }
            </svg>
            <figcaption class="agw-caption">
                { format!("The endpoint's addresses {period}. ") }
                if v.pinned.iter().any(|p| !p.current) {
                    <strong>{ "A pinned A record still hands out an address the API no longer has." }</strong>
                } else if !v.pinned.is_empty() {
                    { "The pinned A record is right for now; move the clock past the next change." }
                } else {
                    { "Every lookup of the CNAME follows the name, so it gets whatever addresses AWS gives it." }
                }
            </figcaption>
        </figure>
    }
}
