//! The answer panel's answer: what Route 53's name servers say to one
//! question at one simulated instant, from
//! [`served_answer`] (routed sets reduced to what routing chooses with the
//! timeline's health, aliases to AWS resources answered with their
//! addresses, the lookup of RFC 1034 §4.3.2); `wire` turns the answer into
//! bytes, dig text and labelled fields.

use std::collections::BTreeMap;
use std::str::FromStr;

use hickory_proto::rr::{Name, RecordType};

use super::clients::{client_for, latency_for};
use crate::engine::lookup::StepKind;
use crate::engine::name::{format_name, parse_name};
use crate::engine::rng::SimRng;
use crate::engine::route53::routing_view::RoutingContext;
use crate::engine::route53::served::{served_answer, ServedAnswer};
use crate::engine::time::SimTime;
use crate::engine::wire;
use crate::scenario::model::Scenario;
use crate::ui::view_model::answer::{AnswerView, Hop, TraceStep};
use crate::ui::view_model::hex::{WireField, WireView};

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

/// What Route 53 answers `qname`/`qtype` at `at` to `client` (an id of
/// [`client_options`](super::clients::client_options)), with each health
/// check's status `health` (by id): the scenario's world, the client's
/// location and the latency table put around [`served_answer`].
pub fn serve(
    scenario: &Scenario,
    health: &BTreeMap<String, bool>,
    qname: &Name,
    qtype: RecordType,
    at: SimTime,
    client: &str,
) -> ServedAnswer {
    let world = scenario.run_world();
    let who = client_for(scenario, client);
    let latency = latency_for(scenario);
    let ctx = RoutingContext {
        world: &world,
        client: &who,
        latency: &latency,
        seed: scenario.seed,
    };
    served_answer(&scenario.route53, qname, qtype, at, health, &ctx)
}

/// The answer section of a dig text, one line per record (tests read
/// answers the way a reader of the panel does).
#[cfg(test)]
pub(crate) fn answer_section(dig: &str) -> Vec<&str> {
    dig.lines()
        .skip_while(|l| !l.contains("ANSWER SECTION"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect()
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
    let who = client_for(scenario, client);
    let served = serve(scenario, health, &qname, qtype, at, client);
    let (answer, notes, broken) = (served.answer, served.notes, served.broken);
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
        answer_section(&v.dig)
            .first()
            .copied()
            .unwrap_or_default()
            .to_string()
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
        let answer = answer_section(&v.dig);
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
        let answer = answer_section(&v.dig);
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
        use crate::ui::adapters::batch::add_routed_a;
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
            add_routed_a(&mut ws, &format!("{name}.hello.com"), routing, value);
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

    /// DG `routing-policy-geo`: with geolocation records only, none for the
    /// asker's place and no default, Route 53 gives "no answer": NOERROR,
    /// an empty Answer and the zone's SOA in Authority (RFC 2308 §2.2), not
    /// NXDOMAIN, since the name exists (RFC 8020).
    #[test]
    fn geolocation_without_a_match_or_default_answers_nodata() {
        use crate::ui::adapters::batch::add_routed_a;
        use crate::ui::workspace::Workspace;
        let mut ws = Workspace::with(simple_zones::a_records(1).unwrap_or_else(|e| panic!("{e}")));
        for (routing, value) in [
            ("geolocation continent EU · set europe", "198.51.100.1"),
            ("geolocation country US · set us", "198.51.100.3"),
        ] {
            add_routed_a(&mut ws, "geo.hello.com", routing, value);
        }
        let section = |v: &AnswerView, name: &str| -> Vec<String> {
            v.dig
                .lines()
                .skip_while(|l| !l.contains(name))
                .skip(1)
                .take_while(|l| !l.trim().is_empty())
                .map(|l| l.split_whitespace().take(4).collect::<Vec<_>>().join(" "))
                .collect()
        };
        for (client, status, answer) in [
            ("tokyo", "NOERROR", vec![]),
            ("frankfurt", "NOERROR", vec!["geo.hello.com. 60 IN A"]),
        ] {
            let v = answer_view(
                &ws.scenario,
                &BTreeMap::new(),
                "geo.hello.com",
                "A",
                SimTime::ZERO,
                client,
            );
            assert!(v.dig.contains(&format!("status: {status}")), "{}", v.dig);
            assert_eq!(section(&v, "ANSWER SECTION"), answer, "{}", v.dig);
            if answer.is_empty() {
                assert_eq!(
                    section(&v, "AUTHORITY SECTION"),
                    ["hello.com. 900 IN SOA"],
                    "{}",
                    v.dig
                );
                assert!(
                    v.trace.iter().any(|t| t.summary.contains("not NXDOMAIN")),
                    "{:?}",
                    v.trace
                );
            }
        }
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
