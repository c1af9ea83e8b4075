//! Small presets for the record-type sections (A records, CNAME records,
//! LocalStack): one hosted zone each, built through the Route 53 API like
//! every preset, no health checks and no faults.

use serde_json::{json, Value};

use super::call;
use crate::engine::aws::ApiError;
use crate::engine::route53::routing_view::Query;
use crate::engine::route53::Route53;
use crate::scenario::model::Scenario;

/// Title of the A-records preset.
pub const A_RECORDS_TITLE: &str = "A records: names that point straight at addresses";
/// Title of the CNAME preset.
pub const CNAME_TITLE: &str = "CNAME records: names that point at other names";
/// Title of the What-is-DNS preset.
pub const WHAT_IS_DNS_TITLE: &str = "What is DNS: one name, resolved from an empty cache";
/// Title of the Why-not-CNAME preset.
pub const WHY_NOT_CNAME_TITLE: &str = "Why A, not CNAME: a node address versus a node name";
/// Title of the LocalStack preset.
pub const LOCALSTACK_TITLE: &str = "LocalStack: the blog's hosted zone, before its command";

/// Creates zone `name` and fills it with simple `(name, type, ttl, values)`
/// sets in one CREATE batch; returns nothing but the service's new state.
fn zone_with(
    r53: &mut Route53,
    name: &str,
    sets: &[(&str, &str, u32, &[&str])],
) -> Result<(), ApiError> {
    let id = super::create_zone(r53, name, &format!("dnsplay-{name}"))?;
    if sets.is_empty() {
        return Ok(());
    }
    let changes: Vec<Value> = sets
        .iter()
        .map(|(n, t, ttl, values)| {
            let rrs: Vec<Value> = values.iter().map(|v| json!({ "Value": v })).collect();
            json!({"Action": "CREATE", "ResourceRecordSet": {
                "Name": n, "Type": t, "TTL": ttl, "ResourceRecords": rrs}})
        })
        .collect();
    call(
        r53,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": id, "ChangeBatch": {"Changes": changes}}),
    )?;
    Ok(())
}

fn scenario(seed: u64, title: &str, r53: Route53, query: &str) -> Scenario {
    Scenario {
        title: title.to_string(),
        seed,
        route53: r53,
        queries: vec![Query::new(query, "A")],
        ..Scenario::default()
    }
}

/// `hello.com` with `api` on minikube's address (the blog's A record) and
/// a `www` with two addresses.
pub fn a_records(seed: u64) -> Result<Scenario, ApiError> {
    let mut r53 = Route53::new(seed);
    zone_with(
        &mut r53,
        "hello.com",
        &[
            ("api.hello.com", "A", 300, &["192.168.49.2"]),
            ("www.hello.com", "A", 300, &["203.0.113.10", "203.0.113.11"]),
        ],
    )?;
    Ok(scenario(seed, A_RECORDS_TITLE, r53, "api.hello.com"))
}

/// `example.com` with `api` and `www` as plain A records: the smallest zone
/// whose resolution still walks root, TLD and Route 53.
pub fn what_is_dns(seed: u64) -> Result<Scenario, ApiError> {
    let mut r53 = Route53::new(seed);
    zone_with(
        &mut r53,
        "example.com",
        &[
            ("api.example.com", "A", 300, &["203.0.113.10"]),
            ("www.example.com", "A", 300, &["203.0.113.11"]),
        ],
    )?;
    Ok(scenario(seed, WHAT_IS_DNS_TITLE, r53, "api.example.com"))
}

/// Two zones: `hello-k8s.net` names the minikube node
/// (`minikube.hello-k8s.net`), and `hello.com` (created last, so it is the
/// page's table) reaches it both ways: `api` as an A record on the node's
/// address, `app` as a CNAME to the node's name in the other zone, which
/// costs the resolver a second walk from the root (RFC 1034 §5.2.2).
pub fn why_not_cname(seed: u64) -> Result<Scenario, ApiError> {
    let mut r53 = Route53::new(seed);
    zone_with(
        &mut r53,
        "hello-k8s.net",
        &[("minikube.hello-k8s.net", "A", 300, &["192.168.49.2"])],
    )?;
    zone_with(
        &mut r53,
        "hello.com",
        &[
            ("api.hello.com", "A", 300, &["192.168.49.2"]),
            ("app.hello.com", "CNAME", 300, &["minikube.hello-k8s.net"]),
        ],
    )?;
    Ok(scenario(seed, WHY_NOT_CNAME_TITLE, r53, "api.hello.com"))
}

/// `example.com` with the blog's `api` CNAME to an in-zone gateway name, a
/// second hop, and a CNAME to an API Gateway endpoint name outside the zone.
pub fn cname(seed: u64) -> Result<Scenario, ApiError> {
    let mut r53 = Route53::new(seed);
    zone_with(
        &mut r53,
        "example.com",
        &[
            ("example.com", "A", 300, &["203.0.113.20"]),
            ("api.example.com", "CNAME", 300, &["my-gateway.example.com"]),
            ("my-gateway.example.com", "A", 60, &["203.0.113.30"]),
            ("docs.example.com", "CNAME", 300, &["api.example.com"]),
            (
                "prod.example.com",
                "CNAME",
                300,
                &["abc123.execute-api.us-east-1.amazonaws.com"],
            ),
        ],
    )?;
    Ok(scenario(seed, CNAME_TITLE, r53, "api.example.com"))
}

/// The blog's `hello-localstack.com` zone, created through the API and
/// still empty: the LocalStack page's console adds the blog's CNAME.
pub fn localstack(seed: u64) -> Result<Scenario, ApiError> {
    let mut r53 = Route53::new(seed);
    zone_with(&mut r53, "hello-localstack.com", &[])?;
    Ok(scenario(
        seed,
        LOCALSTACK_TITLE,
        r53,
        "12345.hello-localstack.com",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each preset is one zone whose sets Route 53 accepted (the apex SOA
    /// and NS plus the listed ones).
    #[test]
    fn presets_hold_the_sets_they_list() {
        for (build, zone, sets) in [
            (
                a_records as fn(u64) -> Result<Scenario, ApiError>,
                "hello.com.",
                4,
            ),
            (cname, "example.com.", 7),
            (what_is_dns, "example.com.", 4),
            (localstack, "hello-localstack.com.", 2),
        ] {
            let s = build(3).unwrap_or_else(|e| panic!("{zone}: {e}"));
            assert_eq!(s.route53.zones.len(), 1, "{zone}");
            let z = &s.route53.zones[0];
            assert_eq!(z.name_text(), zone);
            assert_eq!(z.record_set_count(), sets, "{zone}");
        }
    }
}
