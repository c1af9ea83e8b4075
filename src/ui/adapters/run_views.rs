//! A scenario run as the pages draw it: lints with the rows they name, the
//! failover tree of the watched name at the current instant, and the
//! timeline (faults, each check's status and share of healthy checkers,
//! and the answer over time).

use std::collections::BTreeMap;

use crate::engine::lint::Lint;
use crate::engine::name::parse_name;
use crate::engine::route53::routing_view::{
    route, sets_at, zone_for, Query, QueryAnswer, RoutingContext,
};
use crate::engine::route53::{RecordData, Routing};
use crate::engine::routing::Answer as Routed;
use crate::engine::sim::{Timeline, TimelineEvent};
use crate::engine::time::SimTime;
use crate::engine::world::Fault;
use crate::scenario::model::{Scenario, ScenarioRun};
use crate::ui::view_model::failover_tree::{Branch, FailoverTreeView, Health};
use crate::ui::view_model::lints::{LintView, Severity};
use crate::ui::view_model::record_table::{RecordRow, RowId};
use crate::ui::view_model::timeline::{
    AnswerSegment, CheckTrack, FaultMarker, SharePoint, StatusSegment, TimelineView,
};

/// A short title and how much it matters, per lint code.
fn describe(code: &str) -> (&'static str, Severity) {
    match code {
        "failover-same-address" => (
            "Both failover records answer the same address",
            Severity::Error,
        ),
        "health-check-private-address" => (
            "The health check probes a private address",
            Severity::Warning,
        ),
        "health-check-port-mismatch" => (
            "The health check probes another port than clients use",
            Severity::Warning,
        ),
        "long-ttl-with-failover" => ("A long TTL slows failover down", Severity::Warning),
        "primary-without-health-check" => ("The PRIMARY has no health check", Severity::Warning),
        "unknown-health-check" => ("A record names an unknown health check", Severity::Error),
        "cname-could-be-alias" => ("This CNAME could be an alias", Severity::Info),
        "a-record-pinned-to-managed-address" => (
            "An A record pins an address AWS may change",
            Severity::Warning,
        ),
        _ => ("Worth a look", Severity::Info),
    }
}

/// The engine's lints as the panel shows them; each lint's records become
/// the ids of the rows that show them (lints name sets `name/set`).
pub fn lint_views(lints: &[Lint], rows: &[RecordRow]) -> Vec<LintView> {
    lints
        .iter()
        .map(|l| {
            let (title, severity) = describe(l.code);
            let records = rows
                .iter()
                .filter(|r| {
                    l.records.iter().any(|key| {
                        r.id.0
                            .strip_prefix(key.as_str())
                            .is_some_and(|rest| rest.starts_with('|'))
                    })
                })
                .map(|r| r.id.clone())
                .collect::<Vec<RowId>>();
            LintView {
                code: l.code.to_string(),
                title: title.to_string(),
                explanation: l.message.clone(),
                severity,
                records,
            }
        })
        .collect()
}

/// The failover (or other routed) tree of `q` at `at`, or `None` when the
/// name has only a simple set.
pub fn failover_tree(
    scenario: &Scenario,
    q: &Query,
    at: SimTime,
    health: &BTreeMap<String, bool>,
) -> Option<FailoverTreeView> {
    let name = parse_name(&q.name).ok()?;
    let rtype = q.rtype.parse().ok()?;
    let zone = zone_for(&scenario.route53, &name)?;
    let sets: Vec<_> = sets_at(zone, &name, rtype).collect();
    if sets.iter().all(|s| s.routing == Routing::Simple) {
        return None;
    }
    let world = scenario.run_world();
    let ctx = RoutingContext {
        world: &world,
        client: &scenario.client,
        latency: &scenario.latency,
        seed: scenario.seed,
    };
    let chosen = match route(&scenario.route53, q, at, health, &ctx).map(|a| a.answer) {
        Ok(Routed::Records { chosen, .. }) => chosen,
        _ => Vec::new(),
    };
    let branches = sets
        .iter()
        .map(|s| {
            let role = match &s.routing {
                Routing::Failover { role, .. } => role.as_str().to_string(),
                Routing::Weighted { weight, .. } => format!("weight {weight}"),
                Routing::Latency { region, .. } => region.clone(),
                Routing::Geolocation { .. } => "geolocation".into(),
                Routing::MultiValue { .. } => "multivalue".into(),
                Routing::Simple => "simple".into(),
            };
            let label = s.routing.set_id().unwrap_or("simple").to_string();
            let values = match &s.data {
                RecordData::Values { values, .. } => values
                    .iter()
                    .map(|v| v.text.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                RecordData::Alias(a) => format!("alias {}", a.dns_name),
            };
            let health = match &s.health_check_id {
                None => Health::NoCheck,
                Some(id) => match health.get(id) {
                    Some(true) => Health::Healthy,
                    Some(false) => Health::Unhealthy,
                    None => Health::Unknown,
                },
            };
            Branch {
                role,
                target: format!("{label} {values}"),
                health,
                check: s
                    .health_check_id
                    .as_ref()
                    .map(|id| check_name(scenario, id)),
                answering: chosen.contains(&label),
            }
        })
        .collect();
    Some(FailoverTreeView {
        name: format!("{} {}", q.name, q.rtype),
        branches,
    })
}

/// A check's caller reference (`app-a-health`), which reads better than
/// its UUID; the id when the reference is unknown.
pub fn check_name(scenario: &Scenario, id: &str) -> String {
    scenario
        .route53
        .health_checks
        .iter()
        .find(|h| h.id == id)
        .map_or_else(|| id.to_string(), |h| h.caller_reference.clone())
}

fn answer_label(a: &QueryAnswer) -> String {
    match &a.answer {
        Routed::Records { chosen, values, .. } => {
            format!("{} ({})", values.join(", "), chosen.join(", "))
        }
        Routed::NoData { .. } => "no data".into(),
    }
}

/// The instants at which the first watched query's answer changes (after
/// the initial answer at 0): what the e2e tests wait for.
pub fn answer_changes(run: &ScenarioRun) -> Vec<u64> {
    let Some(first) = run.answers.first() else {
        return Vec::new();
    };
    run.answers
        .iter()
        .filter(|a| a.name == first.name && a.rtype == first.rtype)
        .skip(1)
        .map(|a| a.at.as_millis())
        .collect()
}

fn status_track(timeline: &Timeline, id: &str, horizon: u64) -> Vec<StatusSegment> {
    let changes: Vec<(u64, bool)> = timeline
        .status_changes(id)
        .map(|(t, h, _)| (t.as_millis(), h))
        .collect();
    changes
        .iter()
        .enumerate()
        .map(|(i, (from, healthy))| StatusSegment {
            from_ms: *from,
            to_ms: changes.get(i + 1).map_or(horizon, |n| n.0),
            healthy: *healthy,
        })
        .filter(|s| s.to_ms > s.from_ms)
        .collect()
}

fn share_track(timeline: &Timeline, id: &str) -> Vec<SharePoint> {
    let mut verdicts: BTreeMap<(String, u32), bool> = BTreeMap::new();
    for e in &timeline.entries {
        if let TimelineEvent::Probe {
            check,
            region,
            checker,
            ..
        } = &e.event
        {
            if check == id {
                verdicts.entry((region.clone(), *checker)).or_insert(true);
            }
        }
    }
    let total = verdicts.len().max(1) as f32;
    let mut points = vec![SharePoint {
        at_ms: 0,
        share: verdicts.values().filter(|h| **h).count() as f32 / total,
    }];
    for e in &timeline.entries {
        if let TimelineEvent::Checker {
            check,
            region,
            checker,
            healthy,
            ..
        } = &e.event
        {
            if check == id {
                verdicts.insert((region.clone(), *checker), *healthy);
                let share = verdicts.values().filter(|h| **h).count() as f32 / total;
                points.push(SharePoint {
                    at_ms: e.at.as_millis(),
                    share,
                });
            }
        }
    }
    points
}

/// The timeline of a run.
pub fn timeline_view(scenario: &Scenario, run: &ScenarioRun) -> TimelineView {
    let horizon = run.timeline.horizon.as_millis();
    let faults = scenario
        .faults
        .iter()
        .map(|f| {
            let until = match &f.fault {
                Fault::AppDown { app } => scenario
                    .faults
                    .iter()
                    .filter(|g| g.at > f.at)
                    .find(|g| matches!(&g.fault, Fault::AppUp { app: a } if a == app))
                    .map(|g| g.at.as_millis()),
                _ => None,
            };
            FaultMarker {
                at_ms: f.at.as_millis(),
                until_ms: until,
                label: f.fault.to_string(),
            }
        })
        .collect();
    let checks = scenario
        .route53
        .health_checks
        .iter()
        .map(|h| CheckTrack {
            name: h.caller_reference.clone(),
            segments: status_track(&run.timeline, &h.id, horizon),
            share: share_track(&run.timeline, &h.id),
        })
        .collect();
    let first = run.answers.first();
    let watched: Vec<&QueryAnswer> = run
        .answers
        .iter()
        .filter(|a| first.is_some_and(|f| f.name == a.name && f.rtype == a.rtype))
        .collect();
    let answers = watched
        .iter()
        .enumerate()
        .map(|(i, a)| AnswerSegment {
            from_ms: a.at.as_millis(),
            to_ms: watched.get(i + 1).map_or(horizon, |n| n.at.as_millis()),
            label: answer_label(a),
        })
        .filter(|s| s.to_ms > s.from_ms)
        .collect();
    TimelineView {
        horizon_ms: horizon,
        faults,
        checks,
        answers,
        ..TimelineView::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets::route53_failover;
    use crate::ui::adapters::rows::rows_from_zone;

    /// The blog's run: the answer moves once, to app-b, when app-a's check
    /// turns unhealthy; the timeline's answer band changes at that instant
    /// and app-a's status track flips there too.
    #[test]
    fn the_blog_run_becomes_a_timeline_that_switches_once() {
        let s = route53_failover::build(1).unwrap_or_else(|e| panic!("{e}"));
        let run = s.run().unwrap_or_else(|e| panic!("{e}"));
        let changes = answer_changes(&run);
        assert_eq!(changes.len(), 1, "{changes:?}");
        let at = changes[0];
        let view = timeline_view(&s, &run);
        assert_eq!(view.horizon_ms, 600_000);
        assert_eq!(view.faults.len(), 1);
        assert_eq!(view.faults[0].at_ms, 30_000);
        assert_eq!(view.answers.len(), 2);
        assert_eq!(view.answers[1].from_ms, at);
        assert!(view.answers[1].label.contains("app-b"));
        let a = &view.checks[0];
        assert_eq!(a.name, "app-a-health");
        assert_eq!(
            a.segments.last().map(|s| (s.from_ms, s.healthy)),
            Some((at, false))
        );
        assert!(
            a.share.iter().any(|p| p.share <= 0.18),
            "share falls under 18 %"
        );
        assert_eq!(a.share.first().map(|p| p.share), Some(1.0));
    }

    /// The same-address lint names both failover rows, so "show me"
    /// highlights the two of them.
    #[test]
    fn lints_point_at_the_rows_they_name() {
        let s = route53_failover::build(1).unwrap_or_else(|e| panic!("{e}"));
        let run = s.run().unwrap_or_else(|e| panic!("{e}"));
        let rows = rows_from_zone(&s.route53.zones[0]);
        let views = lint_views(&run.lints, &rows);
        let same = views.iter().find(|l| l.code == "failover-same-address");
        let ids: Vec<&str> = same
            .map(|l| l.records.iter().map(|r| r.0.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            ids,
            [
                "api.hello-localstack.com/app-a|A",
                "api.hello-localstack.com/app-b|A"
            ]
        );
        assert_eq!(same.map(|l| l.severity), Some(Severity::Error));
    }

    #[test]
    fn the_tree_shows_which_branch_answers() {
        let s = route53_failover::build(1).unwrap_or_else(|e| panic!("{e}"));
        let q = Query::new("api.hello-localstack.com", "A");
        let (a, b) = (
            s.route53.health_checks[0].id.clone(),
            s.route53.health_checks[1].id.clone(),
        );
        let down: BTreeMap<String, bool> = [(a, false), (b, true)].into();
        let tree = failover_tree(&s, &q, SimTime(70_000), &down).unwrap_or_default();
        let shown: Vec<(&str, Health, bool)> = tree
            .branches
            .iter()
            .map(|b| (b.role.as_str(), b.health, b.answering))
            .collect();
        assert_eq!(
            shown,
            [
                ("PRIMARY", Health::Unhealthy, false),
                ("SECONDARY", Health::Healthy, true)
            ]
        );
        let simple = Query::new("api.hello-localstack.com", "AAAA");
        assert!(failover_tree(&s, &simple, SimTime::ZERO, &down).is_none());
    }
}
