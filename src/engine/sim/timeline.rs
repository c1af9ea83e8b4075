//! The simulation's output: every fault, probe, checker verdict change and
//! health-check status change, in the order they happened.

use std::collections::BTreeMap;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::engine::time::SimTime;
use crate::engine::world::Fault;

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TimelineEvent {
    /// A fault changed the world.
    Fault {
        /// The fault.
        fault: Fault,
    },
    /// A checker's probe finished (the entry's time is when the checker
    /// knew: the answer's arrival or its timeout).
    Probe {
        /// The health check's id.
        check: String,
        /// The checker's region.
        region: String,
        /// The checker's number within its region.
        checker: u32,
        /// When the request was sent.
        sent_at: SimTime,
        /// The address probed (none when the name did not resolve).
        ip: Option<IpAddr>,
        /// Whether it passed.
        passed: bool,
        /// What GetHealthCheckStatus would show.
        observation: String,
    },
    /// A checker's verdict flipped.
    Checker {
        /// The health check's id.
        check: String,
        /// The checker's region.
        region: String,
        /// The checker's number within its region.
        checker: u32,
        /// The new verdict.
        healthy: bool,
        /// Why.
        reason: String,
    },
    /// A health check's status: its initial status at t=0, then each change.
    Status {
        /// The health check's id.
        check: String,
        /// The status.
        healthy: bool,
        /// Why, e.g. `2 of 16 checkers healthy (12.50 % <= 18 %)`.
        reason: String,
    },
}

/// An event and its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// When.
    pub at: SimTime,
    /// What.
    pub event: TimelineEvent,
}

/// Everything that happened from t=0 to the horizon (inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Timeline {
    /// The last instant simulated.
    pub horizon: SimTime,
    /// Entries in (time, scheduling) order.
    pub entries: Vec<Entry>,
    /// How many queue events were processed.
    pub events_processed: u64,
}

impl Timeline {
    /// The status changes of `check` (the first is its initial status).
    pub fn status_changes<'a>(
        &'a self,
        check: &'a str,
    ) -> impl Iterator<Item = (SimTime, bool, &'a str)> + 'a {
        self.entries.iter().filter_map(move |e| match &e.event {
            TimelineEvent::Status {
                check: c,
                healthy,
                reason,
            } if c == check => Some((e.at, *healthy, reason.as_str())),
            _ => None,
        })
    }

    /// The status of `check` at `at` (after every event at `at`), or `None`
    /// for an unknown check or a time past the horizon.
    pub fn status_at(&self, check: &str, at: SimTime) -> Option<bool> {
        if at > self.horizon {
            return None;
        }
        self.status_changes(check)
            .take_while(|(t, _, _)| *t <= at)
            .last()
            .map(|(_, h, _)| h)
    }

    /// Every check's status at `at`, by id.
    pub fn health_at(&self, at: SimTime) -> BTreeMap<String, bool> {
        let mut out = BTreeMap::new();
        for e in self.entries.iter().take_while(|e| e.at <= at) {
            if let TimelineEvent::Status { check, healthy, .. } = &e.event {
                out.insert(check.clone(), *healthy);
            }
        }
        out
    }

    /// The latest observation of each checker of `check` at `at`, as
    /// GetHealthCheckStatus lists them (one per checker): region, checker
    /// number, when it was made, and what it said. Sorted by region and
    /// checker.
    pub fn observations(&self, check: &str, at: SimTime) -> Vec<(String, u32, SimTime, String)> {
        let mut last: BTreeMap<(String, u32), (SimTime, String)> = BTreeMap::new();
        for e in self.entries.iter().take_while(|e| e.at <= at) {
            if let TimelineEvent::Probe {
                check: c,
                region,
                checker,
                observation,
                ..
            } = &e.event
            {
                if c == check {
                    last.insert((region.clone(), *checker), (e.at, observation.clone()));
                }
            }
        }
        last.into_iter()
            .map(|((region, n), (t, obs))| (region, n, t, obs))
            .collect()
    }

    /// The probes of `check`, for charts.
    pub fn probes<'a>(&'a self, check: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(
            move |e| matches!(&e.event, TimelineEvent::Probe { check: c, .. } if c == check),
        )
    }
}
