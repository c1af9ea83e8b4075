//! The failover clock: a discrete-event simulation of Route 53's health
//! checkers over a [`crate::engine::world::World`] with faults on a
//! timeline. Scrubbing replays from zero: the run is deterministic, and a
//! shorter horizon gives a prefix of a longer run.

mod answers;
mod error;
mod queue;
mod run;
mod timeline;

pub use answers::{answers_over_time, AnswerChange, Routed};
pub use error::{SimError, MAX_CHECKS};
pub use queue::EventQueue;
pub use run::{run_until, SimOptions};
pub use timeline::{Entry, Timeline, TimelineEvent};

#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod tests;
