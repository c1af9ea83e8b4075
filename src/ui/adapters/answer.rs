//! The answer panel's answer: what Route 53's name servers say to one
//! question at one simulated instant. Each name and type with routed sets
//! (failover, weighted...) is first reduced to the sets routing chooses at
//! that instant (`routing_view::route` with the timeline's health), then
//! every hosted zone becomes an [`AuthZone`] snapshot and the lookup
//! (RFC 1034 §4.3.2) answers from it; `wire` turns the answer into bytes,
//! dig text and labelled fields.

use std::collections::BTreeMap;
use std::str::FromStr;

use hickory_proto::rr::{Name, Record, RecordType};

use super::aws_alias::{aws_alias_note, aws_alias_records};
use super::clients::{client_for, latency_for};
use crate::engine::lookup::{lookup, Alias, AuthZone, Catalog, StepKind};
use crate::engine::name::{format_name, parse_name};
use crate::engine::rng::SimRng;
use crate::engine::route53::routing_view::{chosen_sets, route, Query, RoutingContext};
use crate::engine::route53::{HostedZone, RecordData, RecordSet, Route53, Routing};
use crate::engine::routing::Answer as Routed;
use crate::engine::time::SimTime;
use crate::engine::wire;
use crate::scenario::model::Scenario;
use crate::ui::view_model::answer::{AnswerView, Hop, TraceStep};
use crate::ui::view_model::hex::{WireField, WireView};

/// The sets of one name and type that answer at `at`, plus a line saying
/// how routing chose them when it had a choice.
fn routed_sets<'z>(
    route53: &Route53,
    zone: &'z HostedZone,
    group: &[&'z RecordSet],
    at: SimTime,
    health: &BTreeMap<String, bool>,
    ctx: &RoutingContext<'_>,
) -> (Vec<&'z RecordSet>, Option<String>) {
    let Some(first) = group.first() else {
        return (Vec::new(), None);
    };
    if group.len() == 1 && first.routing == Routing::Simple {
        return (group.to_vec(), None);
    }
    let q = Query::new(&format_name(&first.name), &first.rtype.to_string());
    match route(route53, &q, at, health, ctx) {
        Ok(a) => {
            let note = match &a.answer {
                Routed::Records { chosen, reason, .. } => {
                    format!("{} {}: {reason} → {}", q.name, q.rtype, chosen.join(", "))
                }
                Routed::NoData { reason } => format!("{} {}: {reason}", q.name, q.rtype),
            };
            (
                chosen_sets(zone, &first.name, first.rtype, &a.answer),
                Some(note),
            )
        }
        Err(e) => (Vec::new(), Some(e.to_string())),
    }
}

/// The zone's sets grouped by name and type, names in the API's list
/// order and each name's types in type-number order. The zone lists sets
/// by (name, type, set id), so one name and type are adjacent: grouping
/// is one pass, with no sort key built per set (it mattered at 5,000 sets).
fn groups_of(zone: &HostedZone) -> Vec<Vec<&RecordSet>> {
    let mut groups: Vec<Vec<&RecordSet>> = Vec::new();
    for set in zone.sets() {
        match groups.last_mut() {
            Some(g)
                if g.first()
                    .is_some_and(|f| f.name == set.name && f.rtype == set.rtype) =>
            {
                g.push(set)
            }
            _ => groups.push(vec![set]),
        }
    }
    // Types of one name in number order, as a map keyed by type would give.
    let mut start = 0;
    while start < groups.len() {
        let name = groups[start].first().map(|s| s.name.clone());
        let end = groups[start..]
            .iter()
            .position(|g| g.first().map(|s| &s.name) != name.as_ref())
            .map_or(groups.len(), |n| start + n);
        groups[start..end].sort_by_key(|g| g.first().map(|s| u16::from(s.rtype)));
        start = end.max(start + 1);
    }
    groups
}

/// One hosted zone as the name servers see it at `at`; routing notes for
/// the sets at `qname` go to `notes`.
fn snapshot(
    route53: &Route53,
    zone: &HostedZone,
    at: SimTime,
    health: &BTreeMap<String, bool>,
    ctx: &RoutingContext<'_>,
    qname: &Name,
    notes: &mut Vec<String>,
) -> Result<AuthZone, String> {
    let groups = groups_of(zone);
    let (mut records, mut aliases): (Vec<Record>, Vec<(Name, RecordType, Alias)>) =
        (Vec::new(), Vec::new());
    for group in &groups {
        let (chosen, note) = routed_sets(route53, zone, group, at, health, ctx);
        if let (Some(n), Some(s)) = (note, group.first()) {
            // hickory's `Name` compares case-insensitively (RFC 4343).
            if s.name == *qname {
                notes.push(n);
            }
        }
        for set in chosen {
            match &set.data {
                RecordData::Values { .. } => records.extend(set.records()),
                RecordData::Alias(a) if a.hosted_zone_id != zone.id => {
                    let found = aws_alias_records(set, a, ctx.world, at);
                    if set.name == qname.to_lowercase() {
                        notes.push(aws_alias_note(set, a, found.len()));
                    }
                    records.extend(found);
                }
                RecordData::Alias(a) => {
                    // One alias answers for a name and type (a routed alias
                    // pair has one chosen member).
                    if !aliases
                        .iter()
                        .any(|(n, t, _)| *n == set.name && *t == set.rtype)
                    {
                        aliases.push((
                            set.name.clone(),
                            set.rtype,
                            Alias {
                                target: a.dns_name.clone(),
                                hosted_zone_id: a.hosted_zone_id.clone(),
                                evaluate_target_health: a.evaluate_target_health,
                            },
                        ));
                    }
                }
            }
        }
    }
    AuthZone::new(zone.name.clone(), records, aliases).map_err(|e| e.to_string())
}

fn failure(text: String) -> AnswerView {
    AnswerView {
        dig: text.clone(),
        wire: WireView::default(),
        trace: vec![TraceStep {
            from: Hop::Client,
            to: Hop::Client,
            summary: text,
        }],
    }
}

/// The answer to `name`/`rtype` at `at` asked from `client` (an id of
/// [`client_options`](super::clients::client_options); latency and
/// geolocation records answer by it), with each health check's status
/// `health` (by id) at that instant.
pub fn answer_view(
    scenario: &Scenario,
    health: &BTreeMap<String, bool>,
    name: &str,
    rtype: &str,
    at: SimTime,
    client: &str,
) -> AnswerView {
    let qname = match parse_name(name.trim()) {
        Ok(n) => n,
        Err(e) => {
            return failure(format!(
                "'{}' is not a domain name: {}",
                name.trim(),
                e.message()
            ))
        }
    };
    let Ok(qtype) = RecordType::from_str(&rtype.trim().to_ascii_uppercase()) else {
        return failure(format!("'{}' is not a DNS record type", rtype.trim()));
    };
    let world = scenario.run_world();
    let who = client_for(scenario, client);
    let latency = latency_for(scenario);
    let ctx = RoutingContext {
        world: &world,
        client: &who,
        latency: &latency,
        seed: scenario.seed,
    };
    let mut catalog = Catalog::new();
    let mut notes = Vec::new();
    let mut broken = Vec::new();
    for zone in &scenario.route53.zones {
        match snapshot(
            &scenario.route53,
            zone,
            at,
            health,
            &ctx,
            &qname,
            &mut notes,
        ) {
            Ok(z) => catalog.insert(z),
            Err(e) => broken.push(format!("{}: {e}", zone.name_text())),
        }
    }
    let answer = lookup(&catalog, &qname, qtype);
    let shown = format_name(&qname);
    let id = SimRng::derive(
        scenario.seed,
        &format!("answer-panel:{shown}/{qtype}:{}", at.as_millis()),
    )
    .next_u16();
    let msg = wire::response((qname.clone(), qtype), &answer, id);
    let bytes = wire::to_bytes(&msg).unwrap_or_default();
    let fields = wire::hex_fields(&bytes)
        .unwrap_or_default()
        .into_iter()
        .map(|f| WireField {
            start: f.range.start,
            len: f.range.len(),
            name: f.field,
            value: f.value,
        })
        .collect();
    let from = if who.location.is_empty() {
        String::new()
    } else {
        format!(" from {}", who.location)
    };
    let mut trace = vec![TraceStep {
        from: Hop::Client,
        to: Hop::Authoritative,
        summary: format!("asks {shown} {qtype}{from} (message id {id:#06x})"),
    }];
    let step = |summary: String| TraceStep {
        from: Hop::Authoritative,
        to: Hop::Authoritative,
        summary,
    };
    trace.extend(broken.into_iter().map(step));
    trace.extend(notes.into_iter().map(|n| step(format!("routing: {n}"))));
    trace.extend(answer.trace.iter().map(|s| {
        let who = match s.kind {
            StepKind::Rule => s.rule.to_string(),
            StepKind::Route53Note => format!("Route 53 note, {}", s.rule),
        };
        step(format!("{} ({who})", s.text))
    }));
    trace.push(TraceStep {
        from: Hop::Authoritative,
        to: Hop::Client,
        summary: format!(
            "answers {} with {} record{}",
            wire::status_text(answer.rcode),
            answer.answer.len(),
            if answer.answer.len() == 1 { "" } else { "s" }
        ),
    });
    AnswerView {
        dig: wire::dig_text(&msg),
        wire: WireView { bytes, fields },
        trace,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets::{route53_failover, simple_zones};

    fn first_answer_line(v: &AnswerView) -> String {
        let mut lines = v.dig.lines().skip_while(|l| !l.contains("ANSWER SECTION"));
        lines.nth(1).unwrap_or_default().to_string()
    }

    /// The failover pair answers the PRIMARY while its check is healthy and
    /// the SECONDARY once it is not (DG `dns-failover-types`); the trace
    /// says which set routing chose.
    #[test]
    fn failover_answers_follow_the_primarys_health() {
        let s = route53_failover::build(1).unwrap_or_else(|e| panic!("{e}"));
        let hc_a = s.route53.health_checks[0].id.clone();
        let hc_b = s.route53.health_checks[1].id.clone();
        for (a_healthy, chosen) in [(true, "app-a"), (false, "app-b")] {
            let health: BTreeMap<String, bool> =
                [(hc_a.clone(), a_healthy), (hc_b.clone(), true)].into();
            let v = answer_view(
                &s,
                &health,
                "api.hello-localstack.com",
                "A",
                SimTime(1_000),
                "laptop",
            );
            assert!(first_answer_line(&v).contains("192.168.49.2"), "{}", v.dig);
            assert!(
                v.trace
                    .iter()
                    .any(|t| t.summary.contains("routing:") && t.summary.ends_with(chosen)),
                "{:?}",
                v.trace
            );
            assert!(!v.wire.fields.is_empty() && !v.wire.bytes.is_empty());
        }
    }

    /// RFC 1034 §4.3.2 step 3a: a CNAME chain inside the zone is followed
    /// and the answer section holds each hop.
    #[test]
    fn a_cname_chain_is_followed_inside_the_zone() {
        let s = simple_zones::cname(1).unwrap_or_else(|e| panic!("{e}"));
        let v = answer_view(
            &s,
            &BTreeMap::new(),
            "docs.example.com",
            "A",
            SimTime::ZERO,
            "laptop",
        );
        let answer: Vec<&str> = v
            .dig
            .lines()
            .skip_while(|l| !l.contains("ANSWER SECTION"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .collect();
        assert_eq!(answer.len(), 3, "{}", v.dig);
        assert!(answer[2].contains("203.0.113.30"), "{}", v.dig);
    }

    /// DG `resource-record-sets-choosing-alias-non-alias`: an alias to an
    /// AWS resource is answered as A records under the alias's own name,
    /// with the resource's TTL (60 s for a load balancer, API `TTL`); the
    /// trace says so.
    #[test]
    fn an_alias_to_an_aws_resource_answers_with_its_addresses() {
        let s = crate::scenario::presets::choosing::build(1).unwrap_or_else(|e| panic!("{e}"));
        let v = answer_view(
            &s,
            &BTreeMap::new(),
            "app.hello-app.com",
            "A",
            SimTime::ZERO,
            "laptop",
        );
        let answer: Vec<&str> = v
            .dig
            .lines()
            .skip_while(|l| !l.contains("ANSWER SECTION"))
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            .collect();
        assert_eq!(answer.len(), 2, "{}", v.dig);
        for (line, ip) in answer.iter().zip(["192.0.2.41", "192.0.2.42"]) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(
                fields,
                ["app.hello-app.com.", "60", "IN", "A", ip],
                "{}",
                v.dig
            );
        }
        assert!(
            v.trace
                .iter()
                .any(|t| t.summary.contains("alias to the AWS resource")),
            "{:?}",
            v.trace
        );
        // AAAA: the world gives the balancer no IPv6 address, so NODATA.
        let v6 = answer_view(
            &s,
            &BTreeMap::new(),
            "app.hello-app.com",
            "AAAA",
            SimTime::ZERO,
            "laptop",
        );
        assert!(
            v6.dig.contains("NOERROR") && v6.dig.contains("ANSWER: 0"),
            "{}",
            v6.dig
        );
    }

    /// Latency routing answers the region with the lowest latency from the
    /// asker (DG `routing-policy-latency`), geolocation the smallest
    /// location that contains the asker, else the default record (DG
    /// `routing-policy-geo`): the same zone answers each place differently.
    #[test]
    fn latency_and_geolocation_answer_each_place_differently() {
        use crate::ui::adapters::batch::{add_batch, check};
        use crate::ui::view_model::record_table::RowFields;
        use crate::ui::workspace::Workspace;
        let mut ws = Workspace::with(simple_zones::a_records(1).unwrap_or_else(|e| panic!("{e}")));
        let rows = [
            ("lat", "latency us-east-1 · set us", "192.0.2.1"),
            ("lat", "latency eu-central-1 · set eu", "192.0.2.2"),
            ("lat", "latency ap-northeast-1 · set jp", "192.0.2.3"),
            (
                "geo",
                "geolocation continent EU · set europe",
                "198.51.100.1",
            ),
            (
                "geo",
                "geolocation country US subdivision VA · set va",
                "198.51.100.2",
            ),
            ("geo", "geolocation country US · set us", "198.51.100.3"),
            ("geo", "geolocation default · set rest", "198.51.100.4"),
        ];
        for (name, routing, value) in rows {
            let f = RowFields {
                name: format!("{name}.hello.com"),
                rtype: "A".into(),
                routing: routing.into(),
                ttl: "60".into(),
                values: value.into(),
                ..RowFields::default()
            };
            let p =
                add_batch(&ws.scenario.route53.zones[0], &f).unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(check(&ws.scenario.route53, &p), Ok(()), "{routing}");
            assert!(ws.apply_batch(&p, SimTime::ZERO));
        }
        let ask = |name: &str, client: &str| {
            let v = answer_view(
                &ws.scenario,
                &BTreeMap::new(),
                name,
                "A",
                SimTime::ZERO,
                client,
            );
            first_answer_line(&v)
        };
        for (client, lat, geo) in [
            ("virginia", "192.0.2.1", "198.51.100.2"),
            ("california", "192.0.2.1", "198.51.100.3"),
            ("frankfurt", "192.0.2.2", "198.51.100.1"),
            ("tokyo", "192.0.2.3", "198.51.100.4"),
            ("sao-paulo", "192.0.2.1", "198.51.100.4"),
        ] {
            assert!(
                ask("lat.hello.com", client).contains(lat),
                "{client}: {}",
                ask("lat.hello.com", client)
            );
            assert!(
                ask("geo.hello.com", client).contains(geo),
                "{client}: {}",
                ask("geo.hello.com", client)
            );
        }
        // The scenario's own client has no location: only the default
        // geolocation record contains it.
        assert!(ask("geo.hello.com", "laptop").contains("198.51.100.4"));
    }

    /// The message id comes from the scenario seed: the same question at
    /// the same instant gets the same id, another instant another draw.
    #[test]
    fn ids_replay_and_bad_input_is_an_answer_not_a_panic() {
        let s = simple_zones::a_records(1).unwrap_or_else(|e| panic!("{e}"));
        let ask = |t| {
            answer_view(
                &s,
                &BTreeMap::new(),
                "api.hello.com",
                "A",
                SimTime(t),
                "laptop",
            )
        };
        assert_eq!(ask(0), ask(0));
        assert!(ask(0).dig.contains("NOERROR"));
        let nx = answer_view(
            &s,
            &BTreeMap::new(),
            "nope.hello.com",
            "A",
            SimTime::ZERO,
            "laptop",
        );
        assert!(nx.dig.contains("NXDOMAIN"), "{}", nx.dig);
        let refused = answer_view(
            &s,
            &BTreeMap::new(),
            "example.org",
            "A",
            SimTime::ZERO,
            "laptop",
        );
        assert!(refused.dig.contains("REFUSED"), "{}", refused.dig);
        for (n, t) in [("a..b", "A"), ("api.hello.com", "BOGUS"), ("", "A")] {
            let v = answer_view(&s, &BTreeMap::new(), n, t, SimTime::ZERO, "laptop");
            assert!(!v.trace.is_empty(), "{n} {t}");
        }
    }
}
