//! Drives playback: while playing, a gloo-timers `Interval` reports the wall
//! time that passed since the last tick (from `performance.now()`, so a slow
//! frame does not slow the simulation down).

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use yew::prelude::*;

/// Tick period in wall-clock ms (about 30 updates a second).
pub const TICK_MS: u32 = 33;

/// Longest wall time one tick may report: a tab in the background gets no
/// ticks, and on return the clock resumes rather than leaping ahead.
pub const MAX_TICK_MS: u64 = 250;

fn now_ms() -> Option<f64> {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
}

/// While `playing`, calls `on_tick(elapsed wall ms)` every [`TICK_MS`].
#[hook]
pub fn use_playback_clock(playing: bool, on_tick: Callback<u64>) {
    use_effect_with(playing, move |playing| {
        let interval = playing.then(|| {
            let last = Rc::new(Cell::new(now_ms()));
            Interval::new(TICK_MS, move || {
                let now = now_ms();
                let elapsed = match (last.get(), now) {
                    (Some(a), Some(b)) if b >= a => (b - a) as u64,
                    _ => u64::from(TICK_MS),
                };
                last.set(now);
                on_tick.emit(elapsed.min(MAX_TICK_MS));
            })
        });
        move || drop(interval)
    });
}
