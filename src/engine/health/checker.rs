//! One health checker's verdict: it changes only after FailureThreshold
//! consecutive results that disagree with it (API `FailureThreshold`: "The
//! number of consecutive health checks that an endpoint must pass or fail
//! for Amazon Route 53 to change the current status of the endpoint from
//! unhealthy to healthy or vice versa").

use serde::{Deserialize, Serialize};

/// A checker's current verdict and how many results in a row disagreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckerState {
    /// The verdict.
    pub healthy: bool,
    /// Consecutive results that disagree with the verdict.
    pub streak: u32,
}

impl Default for CheckerState {
    /// "Route 53 considers a new health check to be healthy until there's
    /// enough data" (DG `dns-failover-determining-health-of-endpoints`).
    fn default() -> Self {
        CheckerState {
            healthy: true,
            streak: 0,
        }
    }
}

impl CheckerState {
    /// Records one probe result; returns whether the verdict flipped.
    pub fn observe(&mut self, passed: bool, failure_threshold: u32) -> bool {
        if passed == self.healthy {
            self.streak = 0;
            return false;
        }
        self.streak = self.streak.saturating_add(1);
        if self.streak >= failure_threshold.max(1) {
            self.healthy = passed;
            self.streak = 0;
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: threshold, results, verdict after each result.
    #[test]
    fn flips_after_threshold_consecutive_opposite_results() {
        let rows: Vec<(u32, Vec<bool>, Vec<bool>)> = vec![
            (3, vec![false, false, false], vec![true, true, false]),
            (
                3,
                vec![false, false, true, false, false, false],
                vec![true, true, true, true, true, false],
            ),
            (1, vec![false, true], vec![false, true]),
            (
                3,
                vec![false, false, false, true, true, false, true],
                vec![true, true, false, false, false, false, false],
            ),
            (10, vec![false; 10], [vec![true; 9], vec![false]].concat()),
        ];
        for (threshold, results, want) in rows {
            let mut c = CheckerState::default();
            let got: Vec<bool> = results
                .iter()
                .map(|r| {
                    c.observe(*r, threshold);
                    c.healthy
                })
                .collect();
            assert_eq!(got, want, "threshold {threshold}, {results:?}");
        }
    }
}
