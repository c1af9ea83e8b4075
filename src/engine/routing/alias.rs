//! The health of an alias record: its own health check (if any) and, with
//! `EvaluateTargetHealth`, the health of what it points at (API
//! `AliasTarget.EvaluateTargetHealth`; DG `dns-failover-complex-configs`;
//! reference notes C.43, D.61).

use super::{Candidate, Health};

/// Whether an alias target group has a healthy record: "if every weighted
/// record under a branch is unhealthy Route 53 backs out of that branch".
/// An empty target has nothing to answer with, so it is unhealthy.
pub fn target_is_healthy(target: &[Candidate]) -> bool {
    target.iter().any(|c| c.health.counts_healthy())
}

/// An alias record's health. With `evaluate_target_health` the alias
/// "inherits the health of the referenced … resource", and a health check
/// on the alias itself must pass too; without it, only the alias's own
/// check counts (none: healthy).
pub fn alias_health(
    own_check: Option<bool>,
    evaluate_target_health: bool,
    target_healthy: bool,
) -> Health {
    let own_ok = own_check.unwrap_or(true);
    let target_ok = !evaluate_target_health || target_healthy;
    match (own_check, evaluate_target_health) {
        (None, false) => Health::NoCheck,
        _ if own_ok && target_ok => Health::Healthy,
        _ => Health::Unhealthy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::routing::Policy;

    /// Each row: own check, EvaluateTargetHealth, target healthy → health.
    #[test]
    fn alias_health_table() {
        use Health::{Healthy as H, NoCheck as N, Unhealthy as U};
        let rows = [
            (None, false, false, N), // ETH off, no check: never fails over
            (None, true, true, H),
            (None, true, false, U),        // inherits the target's health
            (Some(true), false, false, H), // ETH off: target ignored
            (Some(false), false, true, U),
            (Some(true), true, false, U), // both must pass
            (Some(false), true, true, U),
            (Some(true), true, true, H),
        ];
        for (own, eth, target, want) in rows {
            assert_eq!(
                alias_health(own, eth, target),
                want,
                "own {own:?} eth {eth} target {target}"
            );
        }
    }

    #[test]
    fn target_group_health() {
        let c = |health| Candidate {
            set_id: "x".into(),
            policy: Policy::Weighted { weight: 1 },
            health,
            values: vec![],
        };
        assert!(!target_is_healthy(&[]));
        assert!(!target_is_healthy(&[
            c(Health::Unhealthy),
            c(Health::Unhealthy)
        ]));
        assert!(target_is_healthy(&[
            c(Health::Unhealthy),
            c(Health::NoCheck)
        ]));
    }
}
