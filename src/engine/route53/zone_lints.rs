//! Lints that need a hosted zone: the zone's record sets as
//! [`LintRecord`]s for [`crate::engine::lint`], plus two findings that only
//! make sense with record types and the world:
//!
//! * `cname-could-be-alias`: a CNAME at the apex (RFC 1034 §3.6.2 forbids
//!   it beside the apex SOA and NS; Route 53 refuses it, reference #83, but a
//!   hand-edited or imported zone can hold one), or a CNAME to a name an
//!   alias record can target: an AWS resource (DG
//!   `resource-record-sets-choosing-alias-non-alias`, reference #37) or a
//!   record in the same zone (a CNAME costs the resolver a second query,
//!   reference #45; an alias is answered directly and is free).
//! * `a-record-pinned-to-managed-address`: an A or AAAA record holding an
//!   address that an AWS-managed name ([`ManagedHost`]) had only for part
//!   of the scenario. AWS changes those addresses; the record keeps sending
//!   clients to an address that no longer serves the API.

use std::collections::BTreeMap;
use std::net::IpAddr;

use hickory_proto::rr::{RData, RecordType};

use super::record::{RecordData, RecordSet};
use super::routing_view::{policy_of, set_label};
use super::service::Route53;
use super::zone::HostedZone;
use crate::engine::health::HealthCheck;
use crate::engine::lint::{lint, Lint, LintRecord};
use crate::engine::name::format_name;
use crate::engine::time::SimTime;
use crate::engine::world::{ManagedHost, ManagedKind, World};

/// The most address periods of one managed host the pinned-address lint
/// samples (a 24 h horizon with hourly rotation is 25).
pub const MAX_PERIODS: u64 = 10_000;

/// Name suffixes of AWS resources an alias record can point at, and what
/// they are (DG `resource-record-sets-choosing-alias-non-alias`). The
/// `execute-api`, `appsync-api` and `s3-website` patterns also need a
/// region label, checked in [`aws_alias_target`].
const AWS_SUFFIXES: [(&str, &str); 5] = [
    (
        ".elb.amazonaws.com",
        "an Elastic Load Balancing load balancer",
    ),
    (".cloudfront.net", "a CloudFront distribution"),
    (".elasticbeanstalk.com", "an Elastic Beanstalk environment"),
    (
        ".awsglobalaccelerator.com",
        "a Global Accelerator accelerator",
    ),
    (".vpce.amazonaws.com", "a VPC interface endpoint"),
];

/// What AWS resource `name` (no trailing dot needed) names, if an alias can
/// point at it. LocalStack's `*.localhost.localstack.cloud` names are not
/// AWS resources: no alias can target them.
pub fn aws_alias_target(name: &str) -> Option<&'static str> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    if let Some((_, what)) = AWS_SUFFIXES.iter().find(|(s, _)| n.ends_with(s)) {
        return Some(what);
    }
    let labels: Vec<&str> = n.split('.').collect();
    let regional = |service: &str| {
        // <id>.<service>.<region>.amazonaws.com
        labels.len() == 5
            && labels.get(1) == Some(&service)
            && labels.get(3) == Some(&"amazonaws")
            && labels.get(4) == Some(&"com")
    };
    if regional("execute-api") {
        return Some("an API Gateway API (an alias needs an API Gateway custom domain name for the record's name)");
    }
    if regional("appsync-api") {
        return Some("an AppSync API");
    }
    let website = labels
        .iter()
        .any(|l| l.starts_with("s3-website-") || *l == "s3-website");
    if website && n.ends_with(".amazonaws.com") {
        return Some("an S3 bucket configured as a website");
    }
    None
}

fn shown(set: &RecordSet) -> String {
    format_name(&set.name).trim_end_matches('.').to_string()
}

fn label(set: &RecordSet) -> String {
    format!("{}/{}", shown(set), set_label(set))
}

/// The zone's record sets as the generic lints take them (the apex SOA and
/// NS Route 53 manages are left out). Client ports are unknown to a zone:
/// callers that know them fill [`LintRecord::client_port`] in.
pub fn lint_records(zone: &HostedZone) -> Vec<LintRecord> {
    zone.sets()
        .filter(|s| !(zone.is_apex(&s.name) && matches!(s.rtype, RecordType::SOA | RecordType::NS)))
        .map(|s| LintRecord {
            name: shown(s),
            set_id: set_label(s),
            policy: policy_of(&s.routing),
            values: match &s.data {
                RecordData::Values { values, .. } => {
                    values.iter().map(|v| v.text.clone()).collect()
                }
                RecordData::Alias(t) => vec![format_name(&t.dns_name)],
            },
            ttl: s.ttl(),
            health_check_id: s.health_check_id.clone(),
            client_port: None,
        })
        .collect()
}

/// `cname-could-be-alias` for every CNAME of `zone`.
pub fn cname_could_be_alias(zone: &HostedZone) -> Vec<Lint> {
    let mut out = Vec::new();
    for set in zone.sets().filter(|s| s.rtype == RecordType::CNAME) {
        let Some(target) = set.values().first().and_then(|v| match &v.rdata {
            RData::CNAME(c) => Some(c.0.clone()),
            _ => None,
        }) else {
            continue;
        };
        let target_text = format_name(&target);
        let why = if zone.is_apex(&set.name) {
            Some(format!(
                "A CNAME at the zone apex {} cannot coexist with the apex SOA and NS records (RFC 1034 §3.6.2), and Route 53 refuses it. Use an alias record (type A or AAAA) to {target_text}: Route 53 allows aliases at the apex.",
                format_name(&set.name)
            ))
        } else if let Some(what) = aws_alias_target(&target_text) {
            Some(format!(
                "{} is a CNAME to {target_text}, {what}. An alias record of type A (and AAAA) would do: Route 53 answers it with the resource's current addresses in one step, alias queries to AWS resources are free, and an alias can evaluate the target's health.",
                label(set)
            ))
        } else if zone.name.zone_of(&target)
            && zone
                .sets()
                .any(|t| t.name == target && matches!(t.rtype, RecordType::A | RecordType::AAAA))
        {
            Some(format!(
                "{} is a CNAME to {target_text}, a record in the same hosted zone. An alias record would answer with the target's addresses directly; with a CNAME each lookup costs a second query (and Route 53 charges both).",
                label(set)
            ))
        } else {
            None
        };
        if let Some(message) = why {
            out.push(Lint {
                code: "cname-could-be-alias",
                message,
                records: vec![label(set)],
                checks: vec![],
            });
        }
    }
    out
}

/// Per address: the first and last instant held, and whether in every period.
type History = BTreeMap<IpAddr, (SimTime, SimTime, bool)>;

/// Every address `host` has between t=0 and `horizon`, with the first and
/// last instant of the periods it held it, and whether it held it in every
/// period.
fn address_periods(host: &ManagedHost, seed: u64, horizon: SimTime) -> History {
    let mut out: BTreeMap<IpAddr, (SimTime, SimTime, u64)> = BTreeMap::new();
    let period_ms = match host.kind {
        ManagedKind::ApiGateway { rotate_every_s } => rotate_every_s.max(1).saturating_mul(1000),
        // Fixed addresses: one period covers everything.
        ManagedKind::LocalStack => horizon.as_millis().saturating_add(1),
    };
    let periods = (horizon.as_millis() / period_ms)
        .saturating_add(1)
        .min(MAX_PERIODS);
    for p in 0..periods {
        let start = SimTime(p.saturating_mul(period_ms));
        let end = SimTime(start.as_millis().saturating_add(period_ms - 1)).min(horizon);
        for ip in host.addresses(seed, start) {
            let e = out.entry(ip).or_insert((start, end, 0));
            e.1 = end;
            e.2 += 1;
        }
    }
    out.into_iter()
        .map(|(ip, (from, to, n))| (ip, (from, to, n == periods)))
        .collect()
}

/// `a-record-pinned-to-managed-address` for the A/AAAA records of `zone`,
/// over `world`'s managed hosts from t=0 to `horizon`.
pub fn pinned_managed_addresses(zone: &HostedZone, world: &World, horizon: SimTime) -> Vec<Lint> {
    let mut out = Vec::new();
    let histories: Vec<(&ManagedHost, History)> = world
        .managed
        .iter()
        .map(|m| (m, address_periods(m, world.seed, horizon)))
        .collect();
    for set in zone
        .sets()
        .filter(|s| matches!(s.rtype, RecordType::A | RecordType::AAAA))
    {
        for v in set.values() {
            let ip = match &v.rdata {
                RData::A(a) => IpAddr::V4(a.0),
                RData::AAAA(a) => IpAddr::V6(a.0),
                _ => continue,
            };
            for (host, history) in &histories {
                let Some((from, to, always)) = history.get(&ip) else {
                    continue;
                };
                if *always {
                    continue;
                }
                out.push(Lint {
                    code: "a-record-pinned-to-managed-address",
                    message: format!(
                        "{} answers {ip}, an address {} had only from {from} to {to}. AWS changes the addresses of managed names without notice, so the record keeps sending clients to an address that no longer serves the API. Point at the name instead: an alias record (or a CNAME).",
                        label(set),
                        host.name
                    ),
                    records: vec![label(set)],
                    checks: vec![],
                });
            }
        }
    }
    out
}

/// Every lint for one zone: the generic ones over [`lint_records`] and
/// `checks`, then the zone-only ones.
pub fn lint_zone(
    zone: &HostedZone,
    checks: &[HealthCheck],
    world: &World,
    horizon: SimTime,
) -> Vec<Lint> {
    let mut out = lint(&lint_records(zone), checks);
    out.extend(cname_could_be_alias(zone));
    out.extend(pinned_managed_addresses(zone, world, horizon));
    out
}

/// Every lint for every zone of `route53` and its health checks (each
/// health-check finding once, however many zones there are).
/// `client_ports` gives the port clients use behind a record, keyed
/// `name/set_id` as the lints label records (DNS carries no port, so only
/// the scenario knows it).
pub fn lint_route53(
    route53: &Route53,
    world: &World,
    horizon: SimTime,
    client_ports: &BTreeMap<String, u16>,
) -> Vec<Lint> {
    let mut records: Vec<LintRecord> = route53.zones.iter().flat_map(lint_records).collect();
    for r in &mut records {
        r.client_port = client_ports
            .get(&format!("{}/{}", r.name, r.set_id))
            .copied();
    }
    let mut out = lint(&records, &route53.health_checks());
    for zone in &route53.zones {
        out.extend(cname_could_be_alias(zone));
        out.extend(pinned_managed_addresses(zone, world, horizon));
    }
    out
}

#[cfg(test)]
mod tests;
