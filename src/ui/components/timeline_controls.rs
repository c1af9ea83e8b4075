//! Play/pause, speed, step and scrub controls for the timeline. All are
//! native buttons and a range input, so the keyboard works without extra
//! code: Space/Enter press buttons, arrows and Home/End move the scrubber.

use yew::prelude::*;

use crate::ui::store::{Playback, Speed};
use crate::ui::view_model::timeline::{format_clock, spoken_time};

/// Props of [`TimelineControls`].
#[derive(Properties, PartialEq)]
pub struct TimelineControlsProps {
    /// The clock.
    pub playback: Playback,
    /// Play/pause pressed.
    pub on_toggle: Callback<()>,
    /// A speed chosen.
    pub on_speed: Callback<Speed>,
    /// Step forward (`true`) or back.
    pub on_step: Callback<bool>,
    /// Scrubbed to a time.
    pub on_seek: Callback<u64>,
    /// Prefix for element ids.
    #[prop_or(AttrValue::Static("tl"))]
    pub id_prefix: AttrValue,
}

/// Scrubber resolution in simulated ms.
pub const SCRUB_STEP_MS: u64 = 100;

/// The control bar.
#[function_component(TimelineControls)]
pub fn timeline_controls(props: &TimelineControlsProps) -> Html {
    let p = props.playback;
    let scrub_id = format!("{}-scrub", props.id_prefix);
    let toggle = props.on_toggle.reform(|_: MouseEvent| ());
    let back = props.on_step.reform(|_: MouseEvent| false);
    let fwd = props.on_step.reform(|_: MouseEvent| true);
    let oninput = props.on_seek.reform(|e: InputEvent| {
        let v = e
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value();
        // The range steps in whole milliseconds; parsing an integer keeps
        // the float parser out of the bundle.
        v.parse::<u64>().unwrap_or(0)
    });
    let nothing = p.horizon_ms == 0;
    let step_s = p.step_ms / 1000;
    html! {
        <div class="tl-controls" role="group" aria-label="Playback">
            <button type="button" class="btn btn-primary tl-play" onclick={toggle} disabled={nothing}
                aria-label={if p.playing { "Pause" } else { "Play" }}>
                <span aria-hidden="true">{ if p.playing { "❚❚" } else { "▶" } }</span>
                <span class="tl-play-text">{ if p.playing { " Pause" } else { " Play" } }</span>
            </button>
            <button type="button" class="btn" onclick={back} disabled={nothing || p.time_ms == 0}
                aria-label={format!("Back {step_s} seconds")}>{ format!("−{step_s} s") }</button>
            <button type="button" class="btn" onclick={fwd} disabled={nothing || p.time_ms >= p.horizon_ms}
                aria-label={format!("Forward {step_s} seconds")}>{ format!("+{step_s} s") }</button>
            <div class="tl-speed" role="group" aria-label="Speed">
                { for Speed::ALL.iter().map(|s| {
                    let s = *s;
                    let onclick = props.on_speed.reform(move |_: MouseEvent| s);
                    let on = p.speed == s;
                    html! {
                        <button type="button" class={classes!("btn", "btn-toggle", on.then_some("is-on"))}
                            aria-pressed={if on { "true" } else { "false" }} {onclick}>{ s.label() }</button>
                    }
                }) }
            </div>
            <label for={scrub_id.clone()} class="tl-scrub-label">
                <span class="visually-hidden">{ "Simulated time" }</span>
                <output class="tl-clock mono" for={scrub_id.clone()}>
                    { format!("{} / {}", format_clock(p.time_ms), format_clock(p.horizon_ms)) }
                </output>
            </label>
            <input id={scrub_id} class="tl-scrub" type="range" min="0"
                max={p.horizon_ms.to_string()} step={SCRUB_STEP_MS.to_string()}
                value={p.time_ms.to_string()} disabled={nothing}
                aria-valuetext={spoken_time(p.time_ms)} {oninput} />
        </div>
    }
}
