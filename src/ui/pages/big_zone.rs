//! The sandbox's "5,000 records" prompt: grows the zone to 5,000 record
//! sets through the Route 53 API, in as few change batches as its limits
//! allow (1,000 ResourceRecord elements and 32,000 value characters per
//! request), each checked and applied in turn as a script would send them.

use super::prompts::{refusal_text, PromptCtx};
use crate::engine::time::SimTime;
use crate::ui::adapters::batch::check;
use crate::ui::adapters::bulk::{create_batches, filler_sets};
use crate::ui::store::Action;

/// The size the prompt grows the zone to.
pub const BIG_ZONE_SETS: usize = 5_000;

/// Runs the prompt: each batch is validated against the zone as the
/// batches before it left it, then dispatched.
pub fn load_big_zone(ctx: &PromptCtx<'_>) {
    let mut ws = ctx.store.workspace.clone();
    let now = SimTime(ctx.store.playback.time_ms);
    let Some(zone) = ws.scenario.route53.zones.last() else {
        return;
    };
    let batches = create_batches(&zone.id, filler_sets(zone, BIG_ZONE_SETS));
    if batches.is_empty() {
        (ctx.status)(format!(
            "The zone already holds {BIG_ZONE_SETS} record sets or more."
        ));
        return;
    }
    let n = batches.len();
    for (i, b) in batches.into_iter().enumerate() {
        if let Err(e) = check(&ws.scenario.route53, &b) {
            (ctx.status)(format!(
                "Route 53 refused change batch {} of {n}. {}",
                i + 1,
                refusal_text(&e)
            ));
            return;
        }
        ws.apply_batch(&b, now);
        ctx.store.dispatch(Action::ApplyBatch(b));
    }
    (ctx.status)(format!(
        "Route 53 accepted {n} change batches (at most 1,000 records each): the zone holds {BIG_ZONE_SETS} record sets. Scroll the table, or edit a row."
    ));
}
