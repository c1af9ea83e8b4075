//! `run_until`: the failover clock. Checkers probe the world on their own
//! schedules, their verdicts change after FailureThreshold results in a row,
//! and each health check's status follows the 18 % rule.
//!
//! Scheduling: checker `n` of region `r` for check `id` draws a phase in
//! `0..RequestInterval` from `SimRng::derive(seed, "hc:<id>/<r>/<n>")` (the
//! checkers "don't coordinate with one another", DG
//! `health-checks-creating-values`), sends its first request then, and
//! sends each next one RequestInterval after it got its answer or gave up
//! (API `RequestInterval`: "The number of seconds between the time that
//! Amazon Route 53 gets a response from your endpoint and the time that it
//! sends the next health check request"). A probe sees the world as it is
//! when the request is sent; its result counts when the answer arrives or
//! the timeout runs out.

use std::net::IpAddr;

use super::error::{SimError, MAX_CHECKS};
use super::queue::EventQueue;
use super::timeline::{Entry, Timeline, TimelineEvent};
use crate::engine::health::status::{calculated_status, checkers_status, finish};
use crate::engine::health::{
    judge, CheckKind, CheckSpec, CheckerState, HealthCheck, Judgement, Status, Target,
    DEFAULT_CHECKERS_PER_REGION,
};
use crate::engine::rng::SimRng;
use crate::engine::time::SimTime;
use crate::engine::world::{TimedFault, World};

/// Knobs that are not part of any one health check. Plain serde data, so a
/// scenario can carry them; missing fields take the defaults.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SimOptions {
    /// The scenario seed.
    pub seed: u64,
    /// Checkers per region (1–64); see [`DEFAULT_CHECKERS_PER_REGION`].
    pub checkers_per_region: u32,
    /// The most queue events one run may process before giving up.
    pub max_events: u64,
    /// Whether every probe goes into the timeline (verdict and status
    /// changes always do).
    pub record_probes: bool,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            seed: 0,
            checkers_per_region: DEFAULT_CHECKERS_PER_REGION,
            max_events: 5_000_000,
            record_probes: true,
        }
    }
}

enum Event {
    Fault(usize),
    Send(usize),
    Done {
        checker: usize,
        sent_at: SimTime,
        ip: Option<IpAddr>,
        judgement: Judgement,
    },
}

struct Checker {
    check: usize,
    region: String,
    n: u32,
    state: CheckerState,
}

struct Check {
    id: String,
    spec: CheckSpec,
    healthy_checkers: u64,
    total_checkers: u64,
    /// Indices of calculated checks that list this one.
    parents: Vec<usize>,
    status: Status,
}

fn validate(checks: &[HealthCheck], options: &SimOptions) -> Result<Vec<Check>, SimError> {
    if checks.len() > MAX_CHECKS {
        return Err(SimError::TooLarge(format!(
            "{} health checks; the playground runs at most {MAX_CHECKS}",
            checks.len()
        )));
    }
    if !(1..=64).contains(&options.checkers_per_region) {
        return Err(SimError::TooLarge(format!(
            "{} checkers per region; choose 1 to 64",
            options.checkers_per_region
        )));
    }
    let mut out: Vec<Check> = Vec::with_capacity(checks.len());
    for hc in checks {
        if out.iter().any(|c| c.id == hc.id) {
            return Err(SimError::DuplicateHealthCheckId(hc.id.clone()));
        }
        let spec =
            hc.health_check_config
                .validate()
                .map_err(|issues| SimError::InvalidHealthCheck {
                    id: hc.id.clone(),
                    issues,
                })?;
        let total_checkers = match spec.kind {
            CheckKind::Endpoint(_) => {
                spec.regions.len() as u64 * u64::from(options.checkers_per_region)
            }
            CheckKind::Calculated { .. } => 0,
        };
        out.push(Check {
            id: hc.id.clone(),
            spec,
            healthy_checkers: total_checkers,
            total_checkers,
            parents: Vec::new(),
            status: Status {
                healthy: true,
                reason: String::new(),
            },
        });
    }
    for i in 0..out.len() {
        let CheckKind::Calculated { children, .. } = &out[i].spec.kind else {
            continue;
        };
        let mut child_ix = Vec::with_capacity(children.len());
        for child in children {
            match out.iter().position(|c| &c.id == child) {
                None => {
                    return Err(SimError::UnknownChild {
                        check: out[i].id.clone(),
                        child: child.clone(),
                    })
                }
                Some(j) if matches!(out[j].spec.kind, CheckKind::Calculated { .. }) => {
                    return Err(SimError::CalculatedChild {
                        check: out[i].id.clone(),
                        child: child.clone(),
                    })
                }
                Some(j) => child_ix.push(j),
            }
        }
        for j in child_ix {
            if !out[j].parents.contains(&i) {
                out[j].parents.push(i);
            }
        }
    }
    Ok(out)
}

fn endpoint_status(c: &Check) -> Status {
    let raw = checkers_status(c.healthy_checkers, c.total_checkers);
    finish(raw, c.spec.inverted, c.spec.disabled)
}

fn calculated(checks: &[Check], i: usize) -> Status {
    let c = &checks[i];
    let CheckKind::Calculated {
        health_threshold,
        children,
    } = &c.spec.kind
    else {
        return c.status.clone();
    };
    let healthy = children
        .iter()
        .filter(|id| checks.iter().any(|k| &k.id == *id && k.status.healthy))
        .count() as u64;
    let raw = calculated_status(healthy, children.len() as u64, u64::from(*health_threshold));
    finish(raw, c.spec.inverted, c.spec.disabled)
}

/// Runs the health checks against `world`, with `faults` applied at their
/// times, from t=0 to `horizon` inclusive.
///
/// Deterministic: the same inputs give the same [`Timeline`], and a shorter
/// horizon gives a prefix of a longer run's entries. Bounded by
/// `options.max_events`.
pub fn run_until(
    world: &World,
    checks: &[HealthCheck],
    faults: &[TimedFault],
    horizon: SimTime,
    options: &SimOptions,
) -> Result<Timeline, SimError> {
    let mut checks = validate(checks, options)?;
    let mut world = world.clone();
    {
        let mut dry = world.clone();
        for f in crate::engine::world::in_time_order(faults) {
            f.fault
                .apply(&mut dry)
                .map_err(|e| SimError::UnknownFaultTarget {
                    at: f.at,
                    message: e.0,
                })?;
        }
    }
    let mut timeline = Timeline {
        horizon,
        ..Timeline::default()
    };
    let mut queue: EventQueue<Event> = EventQueue::default();
    // Faults first, in timeline order, so a fault and a probe at the same
    // millisecond see the fault.
    let mut fault_order: Vec<usize> = (0..faults.len()).collect();
    fault_order.sort_by_key(|&i| faults[i].at);
    for i in fault_order {
        queue.push(faults[i].at, Event::Fault(i));
    }
    let mut checkers: Vec<Checker> = Vec::new();
    for (ci, c) in checks.iter().enumerate() {
        if c.spec.disabled || !matches!(c.spec.kind, CheckKind::Endpoint(_)) {
            continue;
        }
        for region in &c.spec.regions {
            for n in 0..options.checkers_per_region {
                let mut rng = SimRng::derive(options.seed, &format!("hc:{}/{region}/{n}", c.id));
                let phase = rng.below(c.spec.interval_ms);
                queue.push(SimTime(phase), Event::Send(checkers.len()));
                checkers.push(Checker {
                    check: ci,
                    region: region.clone(),
                    n,
                    state: CheckerState::default(),
                });
            }
        }
    }
    // Initial statuses: a new check is healthy (inverted: unhealthy) until
    // there is enough data (DG `dns-failover-determining-health-of-endpoints`).
    for c in checks.iter_mut() {
        if matches!(c.spec.kind, CheckKind::Endpoint(_)) {
            let mut s = endpoint_status(c);
            if !c.spec.disabled {
                s.reason = format!("new health check, no data yet: {}", s.reason);
            }
            c.status = s;
        }
    }
    for i in 0..checks.len() {
        if matches!(checks[i].spec.kind, CheckKind::Calculated { .. }) {
            checks[i].status = calculated(&checks, i);
        }
    }
    for c in &checks {
        timeline.entries.push(Entry {
            at: SimTime::ZERO,
            event: TimelineEvent::Status {
                check: c.id.clone(),
                healthy: c.status.healthy,
                reason: c.status.reason.clone(),
            },
        });
    }

    while let Some(at) = queue.peek_time() {
        if at > horizon {
            break;
        }
        if timeline.events_processed >= options.max_events {
            return Err(SimError::TooManyEvents {
                limit: options.max_events,
                at,
            });
        }
        let Some((at, event)) = queue.pop() else {
            break;
        };
        timeline.events_processed += 1;
        match event {
            Event::Fault(i) => {
                let Some(f) = faults.get(i) else { continue };
                let _checked_before_the_run = f.fault.apply(&mut world);
                timeline.entries.push(Entry {
                    at,
                    event: TimelineEvent::Fault {
                        fault: f.fault.clone(),
                    },
                });
            }
            Event::Send(k) => {
                let Some(checker) = checkers.get(k) else {
                    continue;
                };
                let CheckKind::Endpoint(spec) = &checks[checker.check].spec.kind else {
                    continue;
                };
                let ip = match &spec.target {
                    Target::Ip(ip) => Some(*ip),
                    // Route 53 resolves the name before each request, IPv4
                    // only (reference E.75).
                    Target::Name(name) => world.resolve(name, at).into_iter().find(IpAddr::is_ipv4),
                };
                let judgement = match ip {
                    Some(ip) => {
                        let outcome = world.probe(
                            at,
                            ip,
                            spec.port,
                            spec.protocol,
                            &spec.path,
                            Some(&spec.host),
                        );
                        judge(spec, &outcome)
                    }
                    None => Judgement {
                        healthy: false,
                        after_ms: world.rtt_ms,
                        observation: "Failure: DNS resolution failed.".to_string(),
                    },
                };
                queue.push(
                    at.plus_millis(judgement.after_ms),
                    Event::Done {
                        checker: k,
                        sent_at: at,
                        ip,
                        judgement,
                    },
                );
            }
            Event::Done {
                checker: k,
                sent_at,
                ip,
                judgement,
            } => {
                let Some(checker) = checkers.get_mut(k) else {
                    continue;
                };
                let ci = checker.check;
                let threshold = checks[ci].spec.failure_threshold;
                let flipped = checker.state.observe(judgement.healthy, threshold);
                let (region, n, now_healthy) =
                    (checker.region.clone(), checker.n, checker.state.healthy);
                queue.push(at.plus_millis(checks[ci].spec.interval_ms), Event::Send(k));
                if options.record_probes {
                    timeline.entries.push(Entry {
                        at,
                        event: TimelineEvent::Probe {
                            check: checks[ci].id.clone(),
                            region: region.clone(),
                            checker: n,
                            sent_at,
                            ip,
                            passed: judgement.healthy,
                            observation: judgement.observation,
                        },
                    });
                }
                if !flipped {
                    continue;
                }
                let word = if now_healthy { "passed" } else { "failed" };
                timeline.entries.push(Entry {
                    at,
                    event: TimelineEvent::Checker {
                        check: checks[ci].id.clone(),
                        region,
                        checker: n,
                        healthy: now_healthy,
                        reason: format!(
                            "{threshold} consecutive {word} probes (FailureThreshold {threshold})"
                        ),
                    },
                });
                let c = &mut checks[ci];
                c.healthy_checkers = if now_healthy {
                    c.healthy_checkers.saturating_add(1)
                } else {
                    c.healthy_checkers.saturating_sub(1)
                };
                let s = endpoint_status(c);
                if s.healthy == c.status.healthy {
                    c.status = s;
                    continue;
                }
                c.status = s.clone();
                timeline.entries.push(Entry {
                    at,
                    event: TimelineEvent::Status {
                        check: c.id.clone(),
                        healthy: s.healthy,
                        reason: s.reason,
                    },
                });
                let parents = checks[ci].parents.clone();
                for p in parents {
                    let s = calculated(&checks, p);
                    let changed = s.healthy != checks[p].status.healthy;
                    checks[p].status = s.clone();
                    if changed {
                        timeline.entries.push(Entry {
                            at,
                            event: TimelineEvent::Status {
                                check: checks[p].id.clone(),
                                healthy: s.healthy,
                                reason: s.reason,
                            },
                        });
                    }
                }
            }
        }
    }
    Ok(timeline)
}
