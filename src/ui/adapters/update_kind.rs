//! What kind of update the page just rendered, for the speed marks
//! (`performance.measure("dnsplay:edit-to-update")` and its siblings):
//! told from what changed between two renders, so the marks need only be
//! set where the user acts, not in every place that dispatches.

use crate::scenario::model::Scenario;

/// The three updates issue 6 times: "an edit, a fault toggle or a scrub".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateKind {
    /// The zone changed (a table edit, add or delete, or a prompt's batch).
    Edit,
    /// The faults changed (toggled or moved).
    Fault,
    /// Only the clock moved (scrub or step).
    Scrub,
}

impl UpdateKind {
    /// The measure's name, `dnsplay:<kind>-to-update`.
    pub fn measure_name(self) -> &'static str {
        match self {
            UpdateKind::Edit => "dnsplay:edit-to-update",
            UpdateKind::Fault => "dnsplay:fault-to-update",
            UpdateKind::Scrub => "dnsplay:scrub-to-update",
        }
    }
}

/// The mark set when the user acts; every measure starts from it.
pub const START_MARK: &str = "dnsplay:edit-start";

/// What changed from `(before, t0)` to `(now, t1)`; `None` when nothing
/// the marks time did. Faults are compared first (cheap), then the
/// scenario by pointer only (the store makes a new one only when it
/// changes it; comparing 5,000 sets by value would cost more than the
/// render being timed), then the clock.
pub fn classify(before: &Scenario, t0: u64, now: &Scenario, t1: u64) -> Option<UpdateKind> {
    if before.faults != now.faults {
        Some(UpdateKind::Fault)
    } else if !std::ptr::eq(before, now) {
        Some(UpdateKind::Edit)
    } else if t0 != t1 {
        Some(UpdateKind::Scrub)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::SimTime;
    use crate::engine::world::{Fault, TimedFault};
    use crate::scenario::presets::route53_failover;
    use crate::ui::adapters::batch::edit_batch;
    use crate::ui::adapters::rows::rows_from_zone;
    use crate::ui::workspace::Workspace;

    #[test]
    fn each_change_is_named_by_what_it_touched() {
        let s = route53_failover::build(1).unwrap_or_else(|e| panic!("{e}"));
        let mut ws = Workspace::with(s.clone());
        let same = &ws.scenario;
        assert_eq!(classify(same, 0, same, 0), None);
        assert_eq!(classify(same, 0, same, 100), Some(UpdateKind::Scrub));
        let zone = &ws.scenario.route53.zones[0];
        let row = rows_from_zone(zone).into_iter().nth(2).unwrap_or_default();
        let mut f = row.fields.clone();
        f.ttl = "3600".into();
        let p = edit_batch(zone, &row.id, &f).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(ws.apply_batch(&p, SimTime::ZERO));
        assert_eq!(classify(&s, 0, &ws.scenario, 0), Some(UpdateKind::Edit));
        let mut faulted = s.clone();
        faulted.faults.push(TimedFault {
            at: SimTime::from_secs(300),
            fault: Fault::AppUp {
                app: "app-a".into(),
            },
        });
        assert_eq!(classify(&s, 0, &faulted, 0), Some(UpdateKind::Fault));
        let names =
            [UpdateKind::Edit, UpdateKind::Fault, UpdateKind::Scrub].map(|k| k.measure_name());
        assert!(names
            .iter()
            .all(|n| n.starts_with("dnsplay:") && n.ends_with("-to-update")));
    }
}
