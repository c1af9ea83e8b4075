//! A health check's status from its checkers' verdicts (the 18 % rule) or
//! from its children (calculated checks), then Inverted and Disabled.

use serde::{Deserialize, Serialize};

/// The share of checkers that must report healthy, in percent; the rule
/// is "more than", not "at least": "If more than 18% of health checkers
/// report that an endpoint is healthy, Route 53 considers it healthy. If 18%
/// of health checkers or fewer report that an endpoint is healthy, Route 53
/// considers it unhealthy." (DG `dns-failover-determining-health-of-endpoints`;
/// "This value might change in a future release".)
pub const HEALTHY_PERCENT: u64 = 18;

/// A status and the sentence that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    /// Healthy or not.
    pub healthy: bool,
    /// Why, e.g. `3 of 16 checkers healthy (18.75 % > 18 %)`.
    pub reason: String,
}

/// `healthy / total` as a percentage with two decimals, truncated, in
/// integer arithmetic so host and wasm32 print the same.
fn percent(healthy: u64, total: u64) -> String {
    let hundredths = healthy.saturating_mul(10_000) / total.max(1);
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// The 18 % rule over checker verdicts (before Inverted and Disabled).
pub fn checkers_status(healthy: u64, total: u64) -> Status {
    // Exact: healthy / total > 18 / 100  <=>  100 * healthy > 18 * total.
    let ok = healthy.saturating_mul(100) > total.saturating_mul(HEALTHY_PERCENT);
    let cmp = if ok { ">" } else { "<=" };
    Status {
        healthy: ok,
        reason: format!(
            "{healthy} of {total} checkers healthy ({} % {cmp} {HEALTHY_PERCENT} %)",
            percent(healthy, total)
        ),
    }
}

/// A calculated check: healthy when at least `threshold` children are
/// (API `HealthThreshold`); a threshold of 0 is always healthy, one above
/// the number of children never.
pub fn calculated_status(healthy_children: u64, children: u64, threshold: u64) -> Status {
    let ok = healthy_children >= threshold;
    let cmp = if ok { ">=" } else { "<" };
    Status {
        healthy: ok,
        reason: format!(
            "{healthy_children} of {children} child checks healthy ({healthy_children} {cmp} HealthThreshold {threshold})"
        ),
    }
}

/// Applies Disabled ("Route 53 considers the status of the health check to
/// always be healthy", API `Disabled`) and then Inverted (API `Inverted`).
/// Disabled wins: the documented sentence has no exception for inverted
/// checks.
pub fn finish(raw: Status, inverted: bool, disabled: bool) -> Status {
    if disabled {
        return Status {
            healthy: true,
            reason: "disabled: Route 53 considers a disabled health check healthy".to_string(),
        };
    }
    if inverted {
        let now = if raw.healthy { "unhealthy" } else { "healthy" };
        return Status {
            healthy: !raw.healthy,
            reason: format!("{}; inverted: {now}", raw.reason),
        };
    }
    raw
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DG: more than 18 % healthy → healthy. With 16 checkers, 3 (18.75 %)
    /// is healthy and 2 (12.5 %) is not; at exactly 18 % (9 of 50) it is
    /// unhealthy.
    #[test]
    fn eighteen_percent_rule_boundaries() {
        let rows = [
            (3, 16, true, "3 of 16 checkers healthy (18.75 % > 18 %)"),
            (2, 16, false, "2 of 16 checkers healthy (12.50 % <= 18 %)"),
            (9, 50, false, "9 of 50 checkers healthy (18.00 % <= 18 %)"),
            (10, 50, true, "10 of 50 checkers healthy (20.00 % > 18 %)"),
            (1, 6, false, "1 of 6 checkers healthy (16.66 % <= 18 %)"),
            (2, 6, true, "2 of 6 checkers healthy (33.33 % > 18 %)"),
            (0, 16, false, "0 of 16 checkers healthy (0.00 % <= 18 %)"),
            (16, 16, true, "16 of 16 checkers healthy (100.00 % > 18 %)"),
        ];
        for (healthy, total, ok, reason) in rows {
            let s = checkers_status(healthy, total);
            assert_eq!((s.healthy, s.reason.as_str()), (ok, reason));
        }
    }

    /// API HealthThreshold: ">= threshold children healthy".
    #[test]
    fn calculated_threshold() {
        let rows = [
            (2, 3, 2, true),
            (1, 3, 2, false),
            (0, 3, 0, true),
            (3, 3, 4, false),
        ];
        for (h, n, t, ok) in rows {
            assert_eq!(
                calculated_status(h, n, t).healthy,
                ok,
                "{h} of {n}, threshold {t}"
            );
        }
    }

    /// API Inverted / Disabled.
    #[test]
    fn inverted_and_disabled() {
        let up = || checkers_status(16, 16);
        let down = || checkers_status(0, 16);
        let rows = [
            (up(), false, false, true),
            (down(), false, false, false),
            (up(), true, false, false),
            (down(), true, false, true),
            (down(), false, true, true),
            (up(), true, true, true),
        ];
        for (raw, inverted, disabled, want) in rows {
            assert_eq!(
                finish(raw, inverted, disabled).healthy,
                want,
                "inverted {inverted} disabled {disabled}"
            );
        }
        assert_eq!(
            finish(down(), true, false).reason,
            "0 of 16 checkers healthy (0.00 % <= 18 %); inverted: healthy"
        );
    }
}
