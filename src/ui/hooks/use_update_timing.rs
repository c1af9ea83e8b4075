//! Speed marks (issue 6, "Speed"): where the user edits, toggles a fault or
//! scrubs, [`mark_update_start`] sets `performance.mark("dnsplay:edit-start")`;
//! after the page has rendered the result, [`use_update_timing`] adds
//! `performance.measure("dnsplay:<kind>-to-update", "dnsplay:edit-start")`
//! (kind told by [`classify`]). The e2e suite and `scripts/bench-ui.mjs`
//! read the measures; nothing in the app reads them back.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::scenario::model::Scenario;
use crate::ui::adapters::update_kind::{classify, START_MARK};

thread_local! {
    /// When the waiting start mark was set (`performance.now()`), if one
    /// waits for the render that shows its result.
    static PENDING: Cell<Option<f64>> = const { Cell::new(None) };
}

/// A mark whose action changed nothing (a prompt that only asks a
/// question) is dropped after this long, so a later update is not timed
/// from it. Far above any update the page makes (tens of ms).
const STALE_MS: f64 = 2_000.0;

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// The user acted: start timing (a newer action replaces an older one).
pub fn mark_update_start() {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name(START_MARK);
        let _ = p.mark(START_MARK);
        PENDING.with(|c| c.set(Some(p.now())));
    }
}

/// The action changed nothing the page shows (Route 53 refused the
/// batch): drop the mark so a later update is not timed from it.
pub fn cancel_update_timing() {
    PENDING.with(|c| c.set(None));
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name(START_MARK);
    }
}

/// After each render of the page: if a mark waits and the scenario or
/// clock changed since the last render, measure from the mark to now.
#[hook]
pub fn use_update_timing(scenario: &Rc<Scenario>, time_ms: u64) {
    let last = use_mut_ref(|| (scenario.clone(), time_ms));
    let scenario = scenario.clone();
    use_effect(move || {
        let (before, t0) = last.borrow().clone();
        if let (Some(at), Some(p)) = (PENDING.with(Cell::get), performance()) {
            match classify(&before, t0, &scenario, time_ms) {
                Some(kind) => {
                    PENDING.with(|c| c.set(None));
                    let _ = p.measure_with_start_mark(kind.measure_name(), START_MARK);
                    p.clear_marks_with_mark_name(START_MARK);
                }
                None if p.now() - at > STALE_MS => cancel_update_timing(),
                None => {}
            }
        }
        *RefCell::borrow_mut(&last) = (scenario, time_ms);
    });
}
