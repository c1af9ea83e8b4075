//! The scenario a page works on, as the store holds it: the working
//! [`Scenario`] (shared, so a playback tick does not copy it) and the last
//! change batch sent. Every change goes through the Route 53 API
//! (`ChangeResourceRecordSets`), so what Route 53 would refuse never lands;
//! everything here is pure and deterministic, for the reducer.

use std::rc::Rc;

use serde_json::{json, Value};

use super::adapters::batch::{batch_json, cli_command, PendingBatch};
use crate::engine::aws::{AwsApi, CallContext};
use crate::engine::route53::Route53;
use crate::engine::time::SimTime;
use crate::engine::world::TimedFault;
use crate::scenario::model::Scenario;
use crate::scenario::presets;

/// The seed every page's preset is built with (the fixtures' seed).
pub const PAGE_SEED: u64 = 1;

/// The last change batch applied, as the "last change" panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastChange {
    /// The `ChangeBatch` JSON, pretty-printed.
    pub batch: String,
    /// The equivalent `aws route53 change-resource-record-sets` command.
    pub command: String,
}

/// The working scenario and what was last done to it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Workspace {
    /// The scenario every panel reads.
    pub scenario: Rc<Scenario>,
    /// The last change batch applied, if any.
    pub last_change: Option<LastChange>,
}

impl Workspace {
    /// A workspace on preset `name` (empty when there is no such preset or
    /// it cannot be built).
    pub fn preset(name: &str) -> Workspace {
        let scenario = presets::find(name)
            .and_then(|p| (p.build)(PAGE_SEED).ok())
            .unwrap_or_default();
        Workspace::with(scenario)
    }

    /// A workspace on `scenario`.
    pub fn with(scenario: Scenario) -> Workspace {
        Workspace {
            scenario: Rc::new(scenario),
            last_change: None,
        }
    }

    /// Sends `pending` through `ChangeResourceRecordSets` at `now`. Applied
    /// all or nothing (API `ChangeResourceRecordSets`); a refused batch
    /// leaves the workspace as it was and returns false.
    pub fn apply_batch(&mut self, pending: &PendingBatch, now: SimTime) -> bool {
        let mut r53 = self.scenario.route53.clone();
        let input = json!({"HostedZoneId": pending.zone_id, "ChangeBatch": pending.batch});
        let ok = r53
            .call(
                "route53",
                "ChangeResourceRecordSets",
                &input,
                CallContext { now },
            )
            .is_ok();
        if ok {
            Rc::make_mut(&mut self.scenario).route53 = r53;
            self.last_change = Some(LastChange {
                batch: batch_json(&pending.batch),
                command: cli_command(pending),
            });
        }
        ok
    }

    /// Takes the Route 53 state a console run left (its attached world is
    /// dropped: the scenario carries its own).
    pub fn replace_route53(&mut self, mut route53: Route53) {
        route53.world = None;
        if route53 != self.scenario.route53 {
            Rc::make_mut(&mut self.scenario).route53 = route53;
        }
    }

    /// Adds `fault`, or removes it when the scenario already has it.
    pub fn toggle_fault(&mut self, fault: TimedFault) {
        let s = Rc::make_mut(&mut self.scenario);
        match s.faults.iter().position(|f| *f == fault) {
            Some(i) => {
                s.faults.remove(i);
            }
            None => {
                s.faults.push(fault);
                crate::engine::world::sort_in_time_order(&mut s.faults);
            }
        }
    }

    /// Moves fault `index` to `at` (nothing when there is no such fault).
    pub fn move_fault(&mut self, index: usize, at: SimTime) {
        if self.scenario.faults.get(index).is_some_and(|f| f.at != at) {
            let s = Rc::make_mut(&mut self.scenario);
            if let Some(f) = s.faults.get_mut(index) {
                f.at = at;
            }
            crate::engine::world::sort_in_time_order(&mut s.faults);
        }
    }
}

/// Merges the changes of several batches into one (a prompt that edits two
/// rows sends one batch, as the console would).
pub fn merge(batches: &[PendingBatch]) -> Option<PendingBatch> {
    let first = batches.first()?;
    let changes: Vec<Value> = batches
        .iter()
        .filter(|b| b.zone_id == first.zone_id)
        .flat_map(|b| {
            b.batch
                .get("Changes")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    Some(PendingBatch {
        zone_id: first.zone_id.clone(),
        batch: json!({ "Changes": changes }),
        row_change: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::world::Fault;
    use crate::ui::adapters::batch::{delete_batch, edit_batch};
    use crate::ui::adapters::rows::rows_from_zone;

    fn ws() -> Workspace {
        Workspace::preset("a-records")
    }

    /// A change batch is all or nothing (API ChangeResourceRecordSets): an
    /// accepted edit changes the zone and records the batch; a refused one
    /// (#18, `not-an-ip`) changes nothing.
    #[test]
    fn batches_apply_all_or_nothing() {
        let mut w = ws();
        let zone = w.scenario.route53.zones[0].clone();
        let row = rows_from_zone(&zone)
            .into_iter()
            .find(|r| r.fields.name == "api.hello.com.")
            .unwrap_or_default();
        let mut bad = row.fields.clone();
        bad.values = "not-an-ip".into();
        let before = w.clone();
        let refused = edit_batch(&zone, &row.id, &bad).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(!w.apply_batch(&refused, SimTime::ZERO));
        assert_eq!(w, before);
        let mut good = row.fields.clone();
        good.values = "192.0.2.9".into();
        let accepted = edit_batch(&zone, &row.id, &good).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(w.apply_batch(&accepted, SimTime::ZERO));
        let rows = rows_from_zone(&w.scenario.route53.zones[0]);
        assert!(rows.iter().any(|r| r.fields.values == "192.0.2.9"));
        let last = w
            .last_change
            .clone()
            .unwrap_or_else(|| panic!("no last change"));
        assert!(last.command.contains("--change-batch '") && last.batch.contains("DELETE"));
    }

    #[test]
    fn two_deletes_merge_into_one_batch() {
        let w = ws();
        let zone = &w.scenario.route53.zones[0];
        let rows = rows_from_zone(zone);
        let batches: Vec<PendingBatch> = rows
            .iter()
            .filter(|r| r.fields.rtype == "A")
            .filter_map(|r| delete_batch(zone, &r.id))
            .collect();
        let merged = merge(&batches).unwrap_or_else(|| panic!("nothing merged"));
        assert_eq!(merged.batch["Changes"].as_array().map(Vec::len), Some(2));
        assert!(merge(&[]).is_none());
    }

    #[test]
    fn faults_toggle_and_move_in_time_order() {
        let mut w = Workspace::preset("route53-failover");
        assert_eq!(w.scenario.faults.len(), 1);
        let up = TimedFault {
            at: SimTime::from_secs(300),
            fault: Fault::AppUp {
                app: "app-a".into(),
            },
        };
        w.toggle_fault(up.clone());
        assert_eq!(w.scenario.faults.len(), 2);
        w.move_fault(0, SimTime::from_secs(400));
        let times: Vec<u64> = w.scenario.faults.iter().map(|f| f.at.as_millis()).collect();
        assert_eq!(times, [300_000, 400_000], "kept in time order");
        w.toggle_fault(up);
        assert_eq!(w.scenario.faults.len(), 1);
        let same = w.clone();
        w.move_fault(9, SimTime::ZERO);
        assert_eq!(w, same);
    }

    #[test]
    fn a_console_run_replaces_the_service_without_its_world() {
        let mut w = Workspace::preset("route53-failover");
        let attached = w.scenario.attached_route53();
        let before = Rc::clone(&w.scenario);
        w.replace_route53(attached);
        assert!(
            Rc::ptr_eq(&before, &w.scenario),
            "nothing changed, nothing copied"
        );
        assert!(Workspace::preset("no-such")
            .scenario
            .route53
            .zones
            .is_empty());
    }
}
