//! Simulation tests: exact detection boundaries (API `FailureThreshold`,
//! `RequestInterval`), the 18 % rule, inverted/disabled/calculated checks,
//! determinism and bounds.

use std::net::IpAddr;

use super::*;
use crate::engine::health::{HealthCheck, HealthCheckConfig, HealthCheckType};
use crate::engine::time::SimTime;
use crate::engine::world::{Behaviour, Fault, ManagedHost, TimedFault, World, MINIKUBE_IP};

fn http_check(id: &str, port: i64, interval: i64, threshold: i64) -> HealthCheck {
    HealthCheck {
        id: id.to_string(),
        health_check_config: HealthCheckConfig {
            kind: Some(HealthCheckType::Http),
            ip_address: Some(MINIKUBE_IP.to_string()),
            port: Some(port),
            resource_path: Some("/actuator/health".into()),
            request_interval: Some(interval),
            failure_threshold: Some(threshold),
            ..HealthCheckConfig::default()
        },
    }
}

fn down_at(secs: u64) -> Vec<TimedFault> {
    vec![TimedFault {
        at: SimTime::from_secs(secs),
        fault: Fault::AppDown {
            app: "app-a".into(),
        },
    }]
}

fn opts(checkers_per_region: u32) -> SimOptions {
    SimOptions {
        seed: 42,
        checkers_per_region,
        ..SimOptions::default()
    }
}

/// (time, region, checker, healthy) of every checker verdict change.
fn verdicts(t: &Timeline, check: &str) -> Vec<(SimTime, String, u32, bool)> {
    t.entries
        .iter()
        .filter_map(|e| match &e.event {
            TimelineEvent::Checker {
                check: c,
                region,
                checker,
                healthy,
                ..
            } if c == check => Some((e.at, region.clone(), *checker, *healthy)),
            _ => None,
        })
        .collect()
}

/// (completed, sent, passed) of one checker's probes.
fn probes_of(t: &Timeline, check: &str, region: &str, n: u32) -> Vec<(SimTime, SimTime, bool)> {
    t.probes(check)
        .filter_map(|e| match &e.event {
            TimelineEvent::Probe {
                region: r,
                checker,
                sent_at,
                passed,
                ..
            } if r == region && *checker == n => Some((e.at, *sent_at, *passed)),
            _ => None,
        })
        .collect()
}

/// API FailureThreshold with RequestInterval 10: each checker is still
/// healthy just before its third failed probe completes and unhealthy at
/// that millisecond; its requests are 10 s apart after each answer.
#[test]
fn checker_flips_exactly_at_the_third_failed_probe() {
    let t = run_until(
        &World::blog(),
        &[http_check("a", 30001, 10, 3)],
        &down_at(30),
        SimTime::from_secs(120),
        &opts(2),
    )
    .unwrap();
    let flips = verdicts(&t, "a");
    assert_eq!(flips.len(), 16, "every checker turns unhealthy once");
    for (at, region, n, healthy) in &flips {
        assert!(!healthy);
        let probes = probes_of(&t, "a", region, *n);
        let failed: Vec<&(SimTime, SimTime, bool)> = probes.iter().filter(|p| !p.2).collect();
        let third = failed[2].0;
        assert_eq!(*at, third, "{region}/{n}");
        // The first failed request is the first one sent at or after 30 s,
        // and the three are consecutive.
        assert!(failed[0].1 >= SimTime::from_secs(30));
        assert!(probes
            .iter()
            .filter(|p| p.1 < SimTime::from_secs(30))
            .all(|p| p.2));
        // 503 arrives after connect (20 ms) + first byte (20 ms); the next
        // request goes out RequestInterval after the answer.
        for w in probes.windows(2) {
            assert_eq!(w[0].0, w[0].1.plus_millis(40));
            assert_eq!(w[1].1, w[0].0.plus_millis(10_000));
        }
        let verdict_at = |time: SimTime| {
            !flips
                .iter()
                .any(|(a, r, k, _)| r == region && k == n && *a <= time)
        };
        assert!(verdict_at(SimTime(third.0 - 1)), "healthy 1 ms before");
        assert!(!verdict_at(third), "unhealthy at the third failure");
    }
}

/// DG 18 % rule: with 16 checkers the status turns unhealthy when the
/// fourteenth checker flips (3 healthy = 18.75 % is still healthy, 2 =
/// 12.5 % is not).
#[test]
fn status_flips_when_healthy_checkers_drop_from_three_to_two() {
    let t = run_until(
        &World::blog(),
        &[http_check("a", 30001, 10, 3)],
        &down_at(30),
        SimTime::from_secs(120),
        &opts(2),
    )
    .unwrap();
    let changes: Vec<(SimTime, bool, &str)> = t.status_changes("a").collect();
    assert_eq!(changes.len(), 2);
    assert_eq!(
        changes[0],
        (
            SimTime::ZERO,
            true,
            "new health check, no data yet: 16 of 16 checkers healthy (100.00 % > 18 %)"
        )
    );
    let (flip_at, healthy, reason) = changes[1];
    assert!(!healthy);
    assert_eq!(reason, "2 of 16 checkers healthy (12.50 % <= 18 %)");
    let flips = verdicts(&t, "a");
    let mut times: Vec<SimTime> = flips.iter().map(|f| f.0).collect();
    times.sort();
    assert_eq!(flip_at, times[13], "the 14th checker to flip decides");
    assert_eq!(t.status_at("a", SimTime(flip_at.0 - 1)), Some(true));
    assert_eq!(t.status_at("a", flip_at), Some(false));
    // GetHealthCheckStatus at that instant: one observation per checker,
    // every one of them a 503 by now.
    let obs = t.observations("a", flip_at);
    assert_eq!(obs.len(), 16);
    assert!(obs
        .iter()
        .all(|o| o.3 == "Failure: HTTP Status Code 503, Service Unavailable"));
    assert!(t
        .observations("a", SimTime::from_secs(20))
        .iter()
        .all(|o| o.3 == "Success: HTTP Status Code 200, OK"));
    // The other check's app never went down.
    let t2 = run_until(
        &World::blog(),
        &[http_check("b", 30002, 10, 3)],
        &down_at(30),
        SimTime::from_secs(120),
        &opts(2),
    )
    .unwrap();
    assert_eq!(t2.status_changes("b").count(), 1);
}

/// DG: an inverted check is unhealthy while new and healthy when the
/// endpoint fails; a disabled one is always healthy and sends no requests.
#[test]
fn inverted_and_disabled_checks() {
    let mut inv = http_check("inv", 30001, 10, 1);
    inv.health_check_config.inverted = Some(true);
    let mut off = http_check("off", 30001, 10, 1);
    off.health_check_config.disabled = Some(true);
    let t = run_until(
        &World::blog(),
        &[inv, off],
        &down_at(30),
        SimTime::from_secs(120),
        &opts(2),
    )
    .unwrap();
    let inv: Vec<bool> = t.status_changes("inv").map(|c| c.1).collect();
    assert_eq!(inv, [false, true]);
    assert_eq!(
        t.status_changes("off").map(|c| c.1).collect::<Vec<_>>(),
        [true]
    );
    assert_eq!(t.probes("off").count(), 0);
    assert_eq!(t.status_at("off", SimTime::from_secs(120)), Some(true));
}

/// API HealthThreshold: a calculated check over app-a and app-b with
/// threshold 2 turns unhealthy the instant app-a's check does; with
/// threshold 1 it stays healthy.
#[test]
fn calculated_follows_its_children_at_the_same_instant() {
    let calc = |id: &str, threshold: i64| HealthCheck {
        id: id.to_string(),
        health_check_config: HealthCheckConfig {
            kind: Some(HealthCheckType::Calculated),
            child_health_checks: Some(vec!["a".into(), "b".into()]),
            health_threshold: Some(threshold),
            ..HealthCheckConfig::default()
        },
    };
    let checks = [
        calc("both", 2),
        http_check("a", 30001, 10, 3),
        http_check("b", 30002, 10, 3),
        calc("any", 1),
    ];
    let t = run_until(
        &World::blog(),
        &checks,
        &down_at(30),
        SimTime::from_secs(120),
        &opts(2),
    )
    .unwrap();
    let a_down = t.status_changes("a").nth(1).unwrap().0;
    let both: Vec<(SimTime, bool, &str)> = t.status_changes("both").collect();
    assert_eq!(
        both[1],
        (
            a_down,
            false,
            "1 of 2 child checks healthy (1 < HealthThreshold 2)"
        )
    );
    assert_eq!(t.status_changes("any").count(), 1);
}

/// A dropped SYN costs the full 4 s connect timeout before the result
/// counts, and the next request goes out 10 s after that.
#[test]
fn timeouts_delay_results() {
    let faults = vec![TimedFault {
        at: SimTime::from_secs(30),
        fault: Fault::EndpointBehaviour {
            ip: IpAddr::V4(MINIKUBE_IP),
            port: 30001,
            behaviour: Behaviour::Timeout,
        },
    }];
    let t = run_until(
        &World::blog(),
        &[http_check("a", 30001, 10, 3)],
        &faults,
        SimTime::from_secs(120),
        &opts(1),
    )
    .unwrap();
    let p = probes_of(&t, "a", "us-east-1", 0);
    let failed: Vec<&(SimTime, SimTime, bool)> = p.iter().filter(|p| !p.2).collect();
    assert_eq!(failed[0].0, failed[0].1.plus_millis(4_000));
    assert_eq!(failed[1].1, failed[0].0.plus_millis(10_000));
}

/// By-name checks resolve the name before each request (reference E.75).
#[test]
fn checks_by_name_resolve_each_time() {
    let name = "abc123.execute-api.us-east-1.amazonaws.com";
    let world = World {
        rtt_ms: 20,
        managed: vec![ManagedHost::api_gateway(name)],
        ..World::default()
    };
    let check = |id: &str, fqdn: &str| HealthCheck {
        id: id.into(),
        health_check_config: HealthCheckConfig {
            kind: Some(HealthCheckType::Https),
            fully_qualified_domain_name: Some(fqdn.into()),
            ..HealthCheckConfig::default()
        },
    };
    let t = run_until(
        &world,
        &[check("api", name), check("typo", "abc124.example.com")],
        &[],
        SimTime::from_secs(7300),
        &opts(1),
    )
    .unwrap();
    assert_eq!(
        t.status_changes("api").count(),
        1,
        "healthy across address changes"
    );
    assert!(t
        .probes("api")
        .all(|e| matches!(e.event, TimelineEvent::Probe { passed: true, .. })));
    let typo: Vec<bool> = t.status_changes("typo").map(|c| c.1).collect();
    assert_eq!(typo, [true, false]);
    assert!(t.probes("typo").all(|e| matches!(&e.event, TimelineEvent::Probe { observation, .. } if observation == "Failure: DNS resolution failed.")));
}

/// The same input gives the same timeline; a shorter horizon gives a prefix.
#[test]
fn deterministic_and_prefix_closed() {
    let checks = [http_check("a", 30001, 10, 3), http_check("b", 30002, 30, 2)];
    let mut faults = down_at(30);
    faults.push(TimedFault {
        at: SimTime::from_secs(300),
        fault: Fault::ScaleTo {
            deployment: "app-a".into(),
            replicas: 0,
        },
    });
    faults.push(TimedFault {
        at: SimTime::from_secs(480),
        fault: Fault::ScaleTo {
            deployment: "app-a".into(),
            replicas: 1,
        },
    });
    faults.push(TimedFault {
        at: SimTime::from_secs(480),
        fault: Fault::AppUp {
            app: "app-a".into(),
        },
    });
    let long = run_until(
        &World::blog(),
        &checks,
        &faults,
        SimTime::from_secs(600),
        &opts(2),
    )
    .unwrap();
    assert_eq!(
        long,
        run_until(
            &World::blog(),
            &checks,
            &faults,
            SimTime::from_secs(600),
            &opts(2)
        )
        .unwrap()
    );
    for cut in [0u64, 30_000, 95_123, 480_000] {
        let short = run_until(&World::blog(), &checks, &faults, SimTime(cut), &opts(2)).unwrap();
        let prefix: Vec<&Entry> = long.entries.iter().filter(|e| e.at.0 <= cut).collect();
        assert_eq!(
            short.entries.iter().collect::<Vec<_>>(),
            prefix,
            "cut at {cut}"
        );
    }
    // Without probes in the timeline, verdicts and statuses are unchanged.
    let quiet = run_until(
        &World::blog(),
        &checks,
        &faults,
        SimTime::from_secs(600),
        &SimOptions {
            record_probes: false,
            ..opts(2)
        },
    )
    .unwrap();
    let no_probes: Vec<&Entry> = long
        .entries
        .iter()
        .filter(|e| !matches!(e.event, TimelineEvent::Probe { .. }))
        .collect();
    assert_eq!(quiet.entries.iter().collect::<Vec<_>>(), no_probes);
    // a recovers after 480 s.
    assert_eq!(long.status_at("a", SimTime::from_secs(600)), Some(true));
    // A different seed moves the checkers.
    let other = run_until(
        &World::blog(),
        &checks,
        &faults,
        SimTime::from_secs(600),
        &SimOptions { seed: 7, ..opts(2) },
    )
    .unwrap();
    assert_ne!(long, other);
}

#[test]
fn bounded_and_validated() {
    let checks = [http_check("a", 30001, 10, 3)];
    let err = run_until(
        &World::blog(),
        &checks,
        &[],
        SimTime::from_secs(86_400),
        &SimOptions {
            max_events: 1000,
            ..opts(2)
        },
    );
    assert!(matches!(
        err,
        Err(SimError::TooManyEvents { limit: 1000, .. })
    ));
    let dup = [http_check("a", 30001, 10, 3), http_check("a", 30002, 10, 3)];
    assert_eq!(
        run_until(&World::blog(), &dup, &[], SimTime::ZERO, &opts(2)),
        Err(SimError::DuplicateHealthCheckId("a".into()))
    );
    let bad = [http_check("a", 30001, 20, 3)];
    assert!(matches!(
        run_until(&World::blog(), &bad, &[], SimTime::ZERO, &opts(2)),
        Err(SimError::InvalidHealthCheck { .. })
    ));
    let calc = |children: Vec<String>| HealthCheck {
        id: "c".into(),
        health_check_config: HealthCheckConfig {
            kind: Some(HealthCheckType::Calculated),
            child_health_checks: Some(children),
            health_threshold: Some(1),
            ..HealthCheckConfig::default()
        },
    };
    assert!(matches!(
        run_until(
            &World::blog(),
            &[calc(vec!["zz".into()])],
            &[],
            SimTime::ZERO,
            &opts(2)
        ),
        Err(SimError::UnknownChild { .. })
    ));
    assert!(matches!(
        run_until(
            &World::blog(),
            &[calc(vec!["c".into()])],
            &[],
            SimTime::ZERO,
            &opts(2)
        ),
        Err(SimError::CalculatedChild { .. })
    ));
    let unknown = vec![TimedFault {
        at: SimTime::from_secs(5),
        fault: Fault::AppDown { app: "zz".into() },
    }];
    assert!(matches!(
        run_until(&World::blog(), &checks, &unknown, SimTime::ZERO, &opts(2)),
        Err(SimError::UnknownFaultTarget { .. })
    ));
    assert!(matches!(
        run_until(&World::blog(), &checks, &[], SimTime::ZERO, &opts(0)),
        Err(SimError::TooLarge(_))
    ));
}
