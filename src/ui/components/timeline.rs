//! The timeline: faults, each health check's status and share of healthy
//! checkers, the DNS answer, and traffic per endpoint, drawn as SVG from
//! `view_model::timeline_layout`, with a cursor at the current time and the
//! playback controls under it. Health is told by hatching and words, not by
//! colour alone.

use std::rc::Rc;

use yew::prelude::*;

use super::timeline_controls::TimelineControls;
use crate::ui::hooks::use_element_width;
use crate::ui::store::{Playback, Speed};
use crate::ui::view_model::svg::num as fmt;
use crate::ui::view_model::timeline::{format_clock, TimelineView};
use crate::ui::view_model::timeline_layout::{layout_timeline, BandKind};

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// What to draw (an `Rc`: recomputed by the engine only when the scenario changes).
    pub view: Rc<TimelineView>,
    /// The clock (the store's `playback`).
    pub playback: Playback,
    /// Play/pause pressed.
    pub on_toggle: Callback<()>,
    /// A speed chosen.
    pub on_speed: Callback<Speed>,
    /// Step forward (`true`) or back.
    pub on_step: Callback<bool>,
    /// Scrubbed to a time.
    pub on_seek: Callback<u64>,
    /// Prefix for element ids (the SVG pattern ids too), unique per page.
    #[prop_or(AttrValue::Static("tl"))]
    pub id_prefix: AttrValue,
}

/// The timeline panel.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let node = use_node_ref();
    let width = use_element_width(node.clone(), 640.0);
    let layout = use_memo((props.view.clone(), width as u32), |(view, w)| {
        layout_timeline(view, f64::from(*w))
    });
    let hatch = format!("{}-hatch", props.id_prefix);
    let hatch_fill = format!("url(#{hatch})");
    let t = props.playback.time_ms;
    let cursor_x = layout.x_of(t);
    let bands = layout.bands.iter().map(|b| {
        let class = match b.kind {
            BandKind::Healthy => "tl-band tl-healthy",
            BandKind::Unhealthy => "tl-band tl-unhealthy",
            BandKind::Answer(0) => "tl-band tl-answer-a",
            BandKind::Answer(_) => "tl-band tl-answer-b",
            BandKind::Fault => "tl-band tl-fault-span",
        };
        let hatched = b.kind == BandKind::Unhealthy;
        html! {
            <g>
                <title>{ b.title.clone() }</title>
                <rect class={class} x={fmt(b.x)} y={fmt(b.y)} width={fmt(b.w)} height={fmt(b.h)} />
                if hatched {
                    <rect class="tl-hatch" x={fmt(b.x)} y={fmt(b.y)} width={fmt(b.w)} height={fmt(b.h)} fill={hatch_fill.clone()} />
                }
                if let Some(text) = &b.text {
                    <text class={classes!("tl-band-text", hatched.then_some("tl-band-text-strong"))}
                        x={fmt(b.x + 4.0)} y={fmt(b.y + b.h / 2.0 + 4.0)}>{ text.clone() }</text>
                }
            </g>
        }
    });
    let faults = layout.faults.iter().map(|f| {
        // A downward triangle at the fault's start, on a stem.
        let (x, y) = (f.x, f.y + 1.0);
        let (xs, ys) = (fmt(x), fmt(y));
        let d = format!(
            "M{},{ys} L{},{ys} L{xs},{} Z M{xs},{ys} V{}",
            fmt(x - 6.0),
            fmt(x + 6.0),
            fmt(y + 10.0),
            fmt(y + 21.0)
        );
        html! {
            <g class="tl-fault">
                <title>{ f.title.clone() }</title>
                <path d={d} />
            </g>
        }
    });
    let shares = layout.shares.iter().map(|s| {
        html! {
            <g class="tl-share">
                <title>{ "Share of health checkers reporting healthy; the dashed line is Route 53's 18 % threshold" }</title>
                <line class="tl-share-frame" x1={fmt(layout.x_of(0))} x2={fmt(layout.x_of(layout.horizon_ms))}
                    y1={fmt(s.bottom)} y2={fmt(s.bottom)} />
                <line class="tl-threshold" x1={fmt(layout.x_of(0))} x2={fmt(layout.x_of(layout.horizon_ms))}
                    y1={fmt(s.threshold_y)} y2={fmt(s.threshold_y)} />
                <polyline class="tl-share-line" points={s.points.clone()} />
            </g>
        }
    });
    let bars = layout.bars.iter().map(|b| {
        html! {
            <g>
                <title>{ b.title.clone() }</title>
                <rect class={if b.failed { "tl-bar tl-bar-failed" } else { "tl-bar tl-bar-ok" }}
                    x={fmt(b.x)} y={fmt(b.y)} width={fmt(b.w)} height={fmt(b.h)} />
                if b.failed {
                    <rect class="tl-hatch" x={fmt(b.x)} y={fmt(b.y)} width={fmt(b.w)} height={fmt(b.h)} fill={hatch_fill.clone()} />
                }
            </g>
        }
    });
    let labels = layout.labels.iter().map(|l| {
        html! { <text class="tl-label" x={fmt(layout.x_of(0))} y={fmt(l.y)}>{ l.text.clone() }</text> }
    });
    let ticks = layout.ticks.iter().map(|tick| {
        html! {
            <g class="tl-tick">
                <line x1={fmt(tick.x)} x2={fmt(tick.x)} y1={fmt(layout.axis_y)} y2={fmt(layout.axis_y + 4.0)} />
                <text x={fmt(tick.x)} y={fmt(layout.axis_y + 16.0)}>{ tick.text.clone() }</text>
            </g>
        }
    });
    let summary = format!(
        "Timeline of {} simulated: {} faults, {} health checks, {} endpoints. Now at {}.",
        format_clock(layout.horizon_ms),
        props.view.faults.len(),
        props.view.checks.len(),
        props.view.endpoints.len(),
        format_clock(t)
    );
    html! {
        <div class="timeline">
            <div class="tl-canvas" ref={node}>
                <svg class="tl-svg" width={fmt(layout.width)} height={fmt(layout.height)}
                    viewBox={format!("0 0 {} {}", fmt(layout.width), fmt(layout.height))}
                    role="img" aria-label={summary}>
                    <defs>
                        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <line class="tl-hatch-line" x1="0" y1="0" x2="0" y2="6" />
                        </pattern>
                    </defs>
                    { for labels }
                    { for bands }
                    { for faults }
                    { for shares }
                    { for bars }
                    <line class="tl-axis" x1={fmt(layout.x_of(0))} x2={fmt(layout.x_of(layout.horizon_ms))}
                        y1={fmt(layout.axis_y)} y2={fmt(layout.axis_y)} />
                    { for ticks }
                    <g class="tl-cursor">
                        <line x1={fmt(cursor_x)} x2={fmt(cursor_x)} y1="0" y2={fmt(layout.axis_y)} />
                    </g>
                </svg>
            </div>
            <TimelineControls
                playback={props.playback}
                on_toggle={props.on_toggle.clone()}
                on_speed={props.on_speed.clone()}
                on_step={props.on_step.clone()}
                on_seek={props.on_seek.clone()}
                id_prefix={props.id_prefix.clone()} />
        </div>
    }
}
