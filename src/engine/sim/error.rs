//! Why a simulation could not start or finish.

use crate::engine::health::ConfigIssue;
use crate::engine::time::SimTime;

/// The most health checks one run takes: Route 53's default quota of 200
/// per account (DG `DNSLimitations`), with room to spare.
pub const MAX_CHECKS: usize = 1_000;

/// Why a run could not start or finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimError {
    /// A health check's configuration breaks Route 53's rules.
    InvalidHealthCheck {
        /// The check's id.
        id: String,
        /// Every broken rule.
        issues: Vec<ConfigIssue>,
    },
    /// Two checks share an id.
    DuplicateHealthCheckId(String),
    /// A calculated check names a child that does not exist.
    UnknownChild {
        /// The calculated check.
        check: String,
        /// The missing child.
        child: String,
    },
    /// "A calculated health check can't monitor other calculated health
    /// checks" (DG `health-checks-creating-values`).
    CalculatedChild {
        /// The calculated check.
        check: String,
        /// The calculated child.
        child: String,
    },
    /// A fault names something the world lacks.
    UnknownFaultTarget {
        /// When the fault happens.
        at: SimTime,
        /// What is missing.
        message: String,
    },
    /// More than [`MAX_CHECKS`] checks, or checkers per region outside 1–64.
    TooLarge(String),
    /// The run needed more than `max_events` events.
    TooManyEvents {
        /// The limit.
        limit: u64,
        /// How far the run got.
        at: SimTime,
    },
}

impl std::fmt::Display for SimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SimError::InvalidHealthCheck { id, issues } => {
                let list: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
                write!(f, "health check {id}: [{}]", list.join(", "))
            }
            SimError::DuplicateHealthCheckId(id) => write!(f, "two health checks have the id {id}"),
            SimError::UnknownChild { check, child } => {
                write!(f, "calculated health check {check} names child {child}, which does not exist")
            }
            SimError::CalculatedChild { check, child } => write!(
                f,
                "calculated health check {check} names {child}, another calculated check; a calculated health check can't monitor other calculated health checks"
            ),
            SimError::UnknownFaultTarget { at, message } => write!(f, "fault at {at}: {message}"),
            SimError::TooLarge(what) => f.write_str(what),
            SimError::TooManyEvents { limit, at } => write!(
                f,
                "the simulation stopped at {at} after {limit} events; shorten the horizon or use fewer checkers"
            ),
        }
    }
}

impl std::error::Error for SimError {}
