//! The resolution path against the answer panel: Route 53's step answers
//! routed names as the panel does, for the same client, with health at the
//! page's time (Route 53 DG `routing-policy`).

use std::collections::BTreeMap;

use hickory_proto::rr::RecordType;

use super::{resolve_in, route53_tree, routing_notes, AskedFrom, ResolutionView};
use crate::engine::name::parse_name;
use crate::engine::resolver::{Resolver, ResolverProfile};
use crate::engine::time::SimTime;
use crate::engine::wire::rdata_text;
use crate::scenario::model::Scenario;
use crate::ui::adapters::clients::SCENARIO_CLIENT;
use crate::ui::view_model::answer::Hop;

/// The answer panel's Answer section, as `TYPE value` pairs.
fn panel_answer(
    s: &Scenario,
    health: &BTreeMap<String, bool>,
    name: &str,
    at: SimTime,
    client: &str,
) -> Vec<String> {
    let v = crate::ui::adapters::answer::answer_view(s, health, name, "A", at, client);
    crate::ui::adapters::answer::answer_section(&v.dig)
        .into_iter()
        .map(|l| l.split_whitespace().skip(3).collect::<Vec<_>>().join(" "))
        .collect()
}

/// The resolution path's final answer (`TYPE value` pairs) and the
/// records Route 53's step gave, from a cold resolver.
fn path_answer(
    s: &Scenario,
    health: &BTreeMap<String, bool>,
    name: &str,
    at: SimTime,
    client: &str,
) -> (Vec<String>, ResolutionView) {
    let from = AskedFrom { client, health, at };
    let tree = route53_tree(s, &from);
    let mut r = Resolver::new(ResolverProfile::honours_ttl(), 1, "test");
    let qname = parse_name(name).unwrap_or_else(|e| panic!("{}", e.message()));
    let res = r.resolve(&tree, &qname, RecordType::A, at, &Default::default());
    let answer = res
        .answer
        .iter()
        .map(|r| format!("{} {}", r.record_type(), rdata_text(&r.data)))
        .collect();
    let mut r = Resolver::new(ResolverProfile::honours_ttl(), 1, "test");
    let explain = |n: &hickory_proto::rr::Name| routing_notes(s, &from, n);
    let view = resolve_in(&tree, &mut r, name, "A", at, &explain).unwrap_or_else(|e| panic!("{e}"));
    (answer, view)
}

/// Route 53 DG `dns-failover-types`: while the PRIMARY's health check
/// is unhealthy, Route 53 answers the SECONDARY. The resolution path's
/// Route 53 step answers as the answer panel does, with health from the
/// scenario's run at the page's time: the PRIMARY before the switch,
/// the SECONDARY after it.
#[test]
fn a_failover_pair_answers_the_secondary_in_the_path_as_in_the_panel() {
    use crate::ui::adapters::batch::{check, edit_batch};
    use crate::ui::adapters::rows::rows_from_zone;
    use crate::ui::workspace::Workspace;
    let preset =
        crate::scenario::presets::route53_failover::build(1).unwrap_or_else(|e| panic!("{e}"));
    let mut ws = Workspace::with(preset);
    // Both of the preset's sets answer the node's address; give the
    // SECONDARY its own so that the two can be told apart.
    let zone = ws.scenario.route53.zones[0].clone();
    let row = rows_from_zone(&zone)
        .into_iter()
        .find(|r| r.fields.routing.contains("SECONDARY"))
        .unwrap_or_else(|| panic!("no SECONDARY row"));
    let mut fields = row.fields.clone();
    fields.values = "192.0.2.99".into();
    let p = edit_batch(&zone, &row.id, &fields).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(check(&ws.scenario.route53, &p), Ok(()));
    assert!(ws.apply_batch(&p, SimTime::ZERO));
    let s = &ws.scenario;
    let run = s.run().unwrap_or_else(|e| panic!("{e}"));
    let switch = run
        .answers
        .get(1)
        .map(|a| a.at)
        .unwrap_or_else(|| panic!("the preset's PRIMARY never fails"));
    let name = "api.hello-localstack.com";
    let before = SimTime(switch.as_millis().saturating_sub(1));
    for (at, want, chosen) in [
        (SimTime::ZERO, "A 192.168.49.2", "app-a"),
        (before, "A 192.168.49.2", "app-a"),
        (switch, "A 192.0.2.99", "app-b"),
    ] {
        let health = run.timeline.health_at(at);
        let panel = panel_answer(s, &health, name, at, SCENARIO_CLIENT);
        let (path, view) = path_answer(s, &health, name, at, SCENARIO_CLIENT);
        assert_eq!(panel, [want], "panel at {at:?}");
        assert_eq!(path, panel, "path at {at:?}");
        let route53 = view
            .steps
            .iter()
            .find(|t| t.to == Hop::Authoritative)
            .unwrap_or_else(|| panic!("no Route 53 step"));
        let ip = want.trim_start_matches("A ");
        assert!(route53.summary.contains(ip), "{}", route53.summary);
        // The step says how routing chose, as the panel's trace does.
        assert!(
            route53.summary.contains("; routing: ")
                && route53.summary.ends_with(&format!("→ {chosen}")),
            "{}",
            route53.summary
        );
        assert!(view.headline.contains(want), "{}", view.headline);
    }
}

/// DG `routing-policy-latency` and `routing-policy-geo`: latency and
/// geolocation records answer by who asks; the resolution path asks
/// from the answer panel's client and gets the same record as the
/// panel, place by place.
#[test]
fn latency_and_geolocation_answer_each_client_alike_in_path_and_panel() {
    use crate::ui::adapters::batch::add_routed_a;
    use crate::ui::workspace::Workspace;
    let mut ws = Workspace::with(
        crate::scenario::presets::simple_zones::a_records(1).unwrap_or_else(|e| panic!("{e}")),
    );
    let rows = [
        ("lat", "latency us-east-1 · set us", "192.0.2.1"),
        ("lat", "latency eu-central-1 · set eu", "192.0.2.2"),
        ("lat", "latency ap-northeast-1 · set jp", "192.0.2.3"),
        (
            "geo",
            "geolocation continent EU · set europe",
            "198.51.100.1",
        ),
        ("geo", "geolocation country US · set us", "198.51.100.3"),
        ("geo", "geolocation default · set rest", "198.51.100.4"),
    ];
    for (name, routing, value) in rows {
        add_routed_a(&mut ws, &format!("{name}.hello.com"), routing, value);
    }
    let s = &ws.scenario;
    let health = BTreeMap::new();
    // The scenario's own laptop has no known place: only the default
    // geolocation record contains it, and latency routing answers
    // whatever the panel answers for it.
    for (client, lat, geo) in [
        ("virginia", Some("A 192.0.2.1"), "A 198.51.100.3"),
        ("frankfurt", Some("A 192.0.2.2"), "A 198.51.100.1"),
        ("tokyo", Some("A 192.0.2.3"), "A 198.51.100.4"),
        (SCENARIO_CLIENT, None, "A 198.51.100.4"),
    ] {
        for (name, want) in [("lat.hello.com", lat), ("geo.hello.com", Some(geo))] {
            let panel = panel_answer(s, &health, name, SimTime::ZERO, client);
            let (path, _) = path_answer(s, &health, name, SimTime::ZERO, client);
            if let Some(want) = want {
                assert_eq!(panel, [want], "{client} {name} panel");
            }
            assert_eq!(path.len(), 1, "{client} {name} path: {path:?}");
            assert_eq!(path, panel, "{client} {name} path");
        }
    }
}
