//! Simulated time. The engine never reads a clock: every time-dependent
//! function takes a [`SimTime`], so a run can be replayed exactly.

use serde::{Deserialize, Serialize};

/// Milliseconds since the start of a scenario.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SimTime(pub u64);

impl SimTime {
    /// The start of every scenario.
    pub const ZERO: SimTime = SimTime(0);

    /// A time `s` whole seconds after the start.
    pub const fn from_secs(s: u64) -> SimTime {
        SimTime(s * 1000)
    }

    /// Whole milliseconds since the start.
    pub const fn as_millis(self) -> u64 {
        self.0
    }

    /// This time plus `ms` milliseconds, saturating instead of wrapping.
    pub const fn plus_millis(self, ms: u64) -> SimTime {
        SimTime(self.0.saturating_add(ms))
    }
}

impl std::fmt::Display for SimTime {
    /// `t+12.345s`: how the trace and the timeline print a time.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "t+{}.{:03}s", self.0 / 1000, self.0 % 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_arithmetic() {
        assert_eq!(
            SimTime::from_secs(12).plus_millis(345).to_string(),
            "t+12.345s"
        );
        assert_eq!(SimTime(u64::MAX).plus_millis(1), SimTime(u64::MAX));
    }
}
