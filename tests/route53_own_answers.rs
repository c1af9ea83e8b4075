//! Answers Route 53 makes up itself, the same through every path (the
//! answer panel, the recursive resolver, the console's `dig`):
//!
//! * an alias to an AWS resource is answered with the resource's addresses
//!   under the alias's own name and type, with the resource's TTL (DG
//!   `resource-record-sets-choosing-alias-non-alias`; API `TTL`: 60 s for a
//!   load balancer);
//! * geolocation records with no match for the client and no default
//!   record give "no answer" (DG `routing-policy-geo`): NOERROR, an empty
//!   answer and the SOA (RFC 2308 §2.2), not NXDOMAIN (RFC 8020).

use std::collections::BTreeMap;
use std::net::IpAddr;

use dnsplay::console::net::route53_network;
use dnsplay::console::Console;
use dnsplay::engine::resolver::{routed_tree, DnsTree, Resolver, ResolverProfile};
use dnsplay::engine::route53::Route53;
use dnsplay::engine::routing::LatencyTable;
use dnsplay::engine::sim::Timeline;
use dnsplay::engine::time::SimTime;
use dnsplay::scenario::model::Scenario;
use dnsplay::scenario::presets::choosing;
use dnsplay::ui::adapters::answer::answer_view;
use dnsplay::ui::adapters::clients::SCENARIO_CLIENT;
use dnsplay::ui::adapters::resolution::{resolve_in, route53_tree, AskedFrom};
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{Name, RecordType};

const APP: &str = "app.hello-app.com.";

fn scenario() -> Scenario {
    choosing::build(1).unwrap_or_else(|e| panic!("{e}"))
}

fn alb_ips() -> Vec<IpAddr> {
    choosing::ALB_IPS.iter().copied().map(IpAddr::V4).collect()
}

fn console(s: &Scenario) -> Console<Route53> {
    let mut c = Console::new(s.attached_route53());
    c.set_network(route53_network(s.seed));
    c
}

/// Lines of one dig section, whitespace collapsed.
fn section(dig: &str, title: &str) -> Vec<String> {
    dig.lines()
        .skip_while(|l| !l.contains(title))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The Choosing page's `app.hello-app.com`, an alias to an Application
/// Load Balancer: a recursive query gets the balancer's two addresses with
/// TTL 60, through the static tree (the resolution page) and the failover
/// layer (the console and the traffic runs).
#[test]
fn a_recursive_query_for_the_choosing_alias_gets_the_load_balancers_addresses() {
    let s = scenario();
    let world = s.run_world();
    let tree = DnsTree::build(&s.route53.zones, &world);
    let routed = routed_tree(
        &s.route53,
        &world,
        Timeline::default(),
        &LatencyTable::default(),
        s.seed,
    );
    let qname = Name::from_ascii(APP).unwrap_or_else(|e| panic!("{e}"));
    let mut r = Resolver::new(ResolverProfile::honours_ttl(), 1, "test");
    let res = r.resolve(&tree, &qname, RecordType::A, SimTime::ZERO, &s.client);
    assert_eq!(res.rcode(), ResponseCode::NoError);
    assert_eq!(res.addresses(), alb_ips());
    assert!(res.answer.iter().all(|r| r.ttl == 60 && r.name == qname));
    let mut r = Resolver::new(ResolverProfile::honours_ttl(), 1, "test");
    let res = r.resolve(&routed, &qname, RecordType::A, SimTime::ZERO, &s.client);
    assert_eq!(res.addresses(), alb_ips());
    // The resolution page goes through the same tree.
    let mut r = Resolver::new(ResolverProfile::honours_ttl(), 1, "page");
    let health = BTreeMap::new();
    let from = AskedFrom {
        client: SCENARIO_CLIENT,
        health: &health,
        at: SimTime::ZERO,
    };
    let page_tree = route53_tree(&s, &from);
    let view = resolve_in(&page_tree, &mut r, APP, "A", SimTime::ZERO, &|_| Vec::new())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(view.rcode, "NOERROR");
    assert!(
        view.headline.contains("A 192.0.2.41") && view.headline.contains("A 192.0.2.42"),
        "{}",
        view.headline
    );
}

/// The console built from the Choosing scenario: `dig` answers the alias
/// with the balancer's addresses, TTL 60, as the answer panel does.
#[test]
fn console_dig_and_the_answer_panel_agree_on_the_alias() {
    let s = scenario();
    let mut c = console(&s);
    let out = c.run_line("dig app.hello-app.com");
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("status: NOERROR"), "{}", out.stdout);
    let want = [
        "app.hello-app.com. 60 IN A 192.0.2.41",
        "app.hello-app.com. 60 IN A 192.0.2.42",
    ];
    assert_eq!(
        section(&out.stdout, "ANSWER SECTION"),
        want,
        "{}",
        out.stdout
    );
    let short = c.run_line("dig +short app.hello-app.com AAAA");
    assert_eq!(short.stdout, "", "the balancer has no IPv6 address here");
    let panel = answer_view(&s, &BTreeMap::new(), APP, "A", SimTime::ZERO, "laptop");
    assert_eq!(section(&panel.dig, "ANSWER SECTION"), want, "{}", panel.dig);
}

/// Geolocation for Europe and the US only, asked from a client with no
/// location: the console's `dig` and the answer panel both say NOERROR
/// with no answer and the zone's SOA in Authority.
#[test]
fn geolocation_with_no_match_is_nodata_in_the_console_and_the_panel() {
    let s = scenario();
    let mut c = console(&s);
    let batch = r#"{"Changes":[
        {"Action":"CREATE","ResourceRecordSet":{"Name":"geo.hello-app.com","Type":"A","SetIdentifier":"eu","GeoLocation":{"ContinentCode":"EU"},"TTL":60,"ResourceRecords":[{"Value":"198.51.100.1"}]}},
        {"Action":"CREATE","ResourceRecordSet":{"Name":"geo.hello-app.com","Type":"A","SetIdentifier":"us","GeoLocation":{"CountryCode":"US"},"TTL":60,"ResourceRecords":[{"Value":"198.51.100.2"}]}}]}"#;
    let setup = c.run_script(&format!(
        "ID=$(aws route53 list-hosted-zones --query 'HostedZones[0].Id' --output text)\n\
         aws route53 change-resource-record-sets --hosted-zone-id $ID --change-batch '{}' --query ChangeInfo.Status --output text",
        batch.replace('\n', "")
    ));
    assert_eq!(setup.stdout, "PENDING\n", "{}", setup.stderr);
    let out = c.run_line("dig geo.hello-app.com");
    assert!(out.stdout.contains("status: NOERROR"), "{}", out.stdout);
    assert!(out.stdout.contains("ANSWER: 0"), "{}", out.stdout);
    let soa = section(&out.stdout, "AUTHORITY SECTION");
    assert_eq!(soa.len(), 1, "{}", out.stdout);
    assert!(
        soa[0].starts_with("hello-app.com. 900 IN SOA "),
        "{}",
        out.stdout
    );
    let mut panel_scenario = s.clone();
    panel_scenario.route53 = c.api().clone();
    let panel = answer_view(
        &panel_scenario,
        &BTreeMap::new(),
        "geo.hello-app.com",
        "A",
        SimTime::ZERO,
        "laptop",
    );
    assert!(panel.dig.contains("status: NOERROR"), "{}", panel.dig);
    assert!(
        section(&panel.dig, "ANSWER SECTION").is_empty(),
        "{}",
        panel.dig
    );
    let auth = section(&panel.dig, "AUTHORITY SECTION");
    assert_eq!(auth.len(), 1, "{}", panel.dig);
    assert!(
        auth[0].starts_with("hello-app.com. 900 IN SOA "),
        "{}",
        panel.dig
    );
}
