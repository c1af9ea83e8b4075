//! The resolution path as a sequence diagram: one column per party (client,
//! resolver, root, TLD, Route 53, endpoint) and one numbered arrow per trace
//! step. Prev/Next walk through the steps; the current one is emphasised and
//! described in words under the drawing.

use yew::prelude::*;

use crate::ui::hooks::use_element_width;
use crate::ui::view_model::answer::{Hop, TraceStep};
use crate::ui::view_model::sequence_layout::{layout_sequence, HEAD_HEIGHT, LOOP_WIDTH};
use crate::ui::view_model::svg::num;

/// Below this column width (px), headers use short labels.
const NARROW_COLUMN: f64 = 64.0;

/// Props of [`ResolutionDiagram`].
#[derive(Properties, PartialEq)]
pub struct ResolutionDiagramProps {
    /// The trace to draw.
    pub steps: Vec<TraceStep>,
    /// Column labels, e.g. `(Hop::Resolver, "8.8.8.8")`; missing ones use defaults.
    #[prop_or_default]
    pub labels: Vec<(Hop, String)>,
    /// Prefix for element ids (the arrowhead marker), unique per page.
    #[prop_or(AttrValue::Static("rd"))]
    pub id_prefix: AttrValue,
}

/// The steppable resolution diagram.
#[function_component(ResolutionDiagram)]
pub fn resolution_diagram(props: &ResolutionDiagramProps) -> Html {
    let node = use_node_ref();
    let width = use_element_width(node.clone(), 640.0);
    let current = use_state_eq(|| 0_usize);
    let n = props.steps.len();
    {
        let current = current.clone();
        use_effect_with(props.steps.clone(), move |_| current.set(0));
    }
    let cur = (*current).min(n.saturating_sub(1));
    let layout = layout_sequence(&Hop::ALL, &props.steps, width);
    let marker = format!("{}-arrow", props.id_prefix);
    let marker_on = format!("{}-arrow-on", props.id_prefix);
    let label_of = |h: Hop, narrow: bool| {
        let given = props.labels.iter().find(|(hop, _)| *hop == h);
        match (given, narrow) {
            (Some((_, l)), false) => l.clone(),
            (Some((_, l)), true) => l.chars().take(7).collect(),
            (None, false) => h.default_label().to_string(),
            (None, true) => h.short_label().to_string(),
        }
    };
    let columns = layout.columns.iter().map(|c| {
        let x0 = c.x - c.width / 2.0;
        html! {
            <g class="rd-col">
                <rect class="rd-head" x={num(x0)} y="1" width={num(c.width)} height={num(HEAD_HEIGHT - 8.0)} rx="6" />
                <text class={if c.width < NARROW_COLUMN { "rd-head-text rd-narrow" } else { "rd-head-text" }} x={num(c.x)} y={num(HEAD_HEIGHT / 2.0 + 1.0)}>{ label_of(c.hop, c.width < NARROW_COLUMN) }</text>
                <line class="rd-life" x1={num(c.x)} x2={num(c.x)} y1={num(HEAD_HEIGHT - 7.0)} y2={num(layout.height)} />
            </g>
        }
    });
    let arrows = layout.arrows.iter().map(|a| {
        let on = a.step == cur;
        let past = a.step < cur;
        let class = classes!("rd-arrow", on.then_some("rd-on"), past.then_some("rd-past"));
        let m = if on { &marker_on } else { &marker };
        let d = if a.is_loop() {
            format!(
                "M{},{} h{} v10 h-{}",
                num(a.x1),
                num(a.y - 5.0),
                num(LOOP_WIDTH - 4.0),
                num(LOOP_WIDTH - 6.0)
            )
        } else {
            let dir = if a.x2 > a.x1 { 1.0 } else { -1.0 };
            format!("M{},{} H{}", num(a.x1), num(a.y), num(a.x2 - dir * 3.0))
        };
        let badge_x = if a.is_loop() { a.x1 + LOOP_WIDTH / 2.0 } else { (a.x1 + a.x2) / 2.0 };
        let title = props
            .steps
            .get(a.step)
            .map(|s| format!("{}. {}", a.step + 1, s.summary))
            .unwrap_or_default();
        html! {
            <g class={class}>
                <title>{ title }</title>
                <path d={d} marker-end={format!("url(#{m})")} />
                <circle class="rd-badge" cx={num(badge_x)} cy={num(a.y - 9.0)} r="8" />
                <text class="rd-badge-text" x={num(badge_x)} y={num(a.y - 5.5)}>{ (a.step + 1).to_string() }</text>
            </g>
        }
    });
    let prev = {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| current.set(cur.saturating_sub(1)))
    };
    let next = {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| current.set((cur + 1).min(n.saturating_sub(1))))
    };
    let caption = props
        .steps
        .get(cur)
        .map(|s| format!("Step {} of {n}: {}", cur + 1, s.summary))
        .unwrap_or_else(|| "No resolution to show yet.".to_string());
    html! {
        <div class="resolution-diagram">
            <div class="rd-canvas" ref={node}>
                <svg class="rd-svg" width={num(layout.width)} height={num(layout.height)}
                    viewBox={format!("0 0 {} {}", num(layout.width), num(layout.height))}
                    role="img" aria-label={format!("Resolution path with {n} steps")}>
                    <defs>
                        <marker id={marker.clone()} class="rd-head-marker" viewBox="0 0 10 10" refX="9" refY="5"
                            markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" />
                        </marker>
                        <marker id={marker_on.clone()} class="rd-head-marker-on" viewBox="0 0 10 10" refX="9" refY="5"
                            markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" />
                        </marker>
                    </defs>
                    { for columns }
                    { for arrows }
                </svg>
            </div>
            <div class="rd-controls">
                <button type="button" class="btn" onclick={prev} disabled={cur == 0}>{ "← Previous step" }</button>
                <button type="button" class="btn" onclick={next} disabled={n == 0 || cur + 1 >= n}>{ "Next step →" }</button>
            </div>
            <p class="rd-caption" aria-live="polite">{ caption }</p>
        </div>
    }
}
