//! The 18 % rule end to end: for several checker counts, which checker's
//! flip changes the check's status, going down and coming back.

use super::*;
use crate::engine::health::{HealthCheck, HealthCheckConfig, HealthCheckType, CHECKER_REGIONS};
use crate::engine::time::SimTime;
use crate::engine::world::{Fault, TimedFault, World, MINIKUBE_IP};

fn run(regions: usize, per_region: u32) -> Timeline {
    let check = HealthCheck {
        id: "a".into(),
        health_check_config: HealthCheckConfig {
            kind: Some(HealthCheckType::Http),
            ip_address: Some(MINIKUBE_IP.to_string()),
            port: Some(30001),
            resource_path: Some("/actuator/health".into()),
            request_interval: Some(10),
            failure_threshold: Some(3),
            regions: Some(
                CHECKER_REGIONS
                    .iter()
                    .take(regions)
                    .map(|r| r.to_string())
                    .collect(),
            ),
            ..HealthCheckConfig::default()
        },
    };
    let faults = [
        TimedFault {
            at: SimTime::from_secs(30),
            fault: Fault::AppDown {
                app: "app-a".into(),
            },
        },
        TimedFault {
            at: SimTime::from_secs(120),
            fault: Fault::AppUp {
                app: "app-a".into(),
            },
        },
    ];
    let options = SimOptions {
        seed: 9,
        checkers_per_region: per_region,
        ..SimOptions::default()
    };
    run_until(
        &World::blog(),
        &[check],
        &faults,
        SimTime::from_secs(240),
        &options,
    )
    .unwrap()
}

/// Sorted times of checker flips to `healthy`.
fn flips(t: &Timeline, healthy: bool) -> Vec<SimTime> {
    let mut v: Vec<SimTime> = t
        .entries
        .iter()
        .filter(|e| matches!(e.event, TimelineEvent::Checker { healthy: h, .. } if h == healthy))
        .map(|e| e.at)
        .collect();
    v.sort();
    v
}

/// DG: healthy iff more than 18 % of checkers say so. Each row: regions,
/// checkers per region, the n-th checker flip (1-based) that makes the
/// check unhealthy, and the n-th recovery that makes it healthy again.
/// 16 checkers: 2 left (12.5 %) is unhealthy → 14th flip; 3 back (18.75 %)
/// is healthy. 24: 4 (16.7 %) unhealthy → 20th; 5 (20.8 %) healthy.
/// 8: 1 (12.5 %) unhealthy → 7th; 2 (25 %) healthy. 3: 1 (33 %) is still
/// healthy, so only the 3rd flip counts; 1 back suffices.
#[test]
fn which_checker_flip_decides() {
    let rows = [
        (8, 2, 14, 3),
        (8, 3, 20, 5),
        (8, 1, 7, 2),
        (3, 1, 3, 1),
        (4, 2, 7, 2),
    ];
    for (regions, per_region, nth_down, nth_up) in rows {
        let t = run(regions, per_region);
        let total = regions * per_region as usize;
        let changes: Vec<(SimTime, bool, &str)> = t.status_changes("a").collect();
        assert_eq!(changes.len(), 3, "{regions}x{per_region}: {changes:?}");
        let down = flips(&t, false);
        let up = flips(&t, true);
        assert_eq!(down.len(), total);
        assert_eq!(up.len(), total);
        assert_eq!(
            changes[1].0,
            down[nth_down - 1],
            "{regions}x{per_region} down"
        );
        assert!(!changes[1].1);
        assert_eq!(changes[2].0, up[nth_up - 1], "{regions}x{per_region} up");
        assert!(changes[2].1);
        if nth_down > 1 {
            assert!(
                down[nth_down - 2] < changes[1].0,
                "the flip before did not decide"
            );
        }
    }
}
