//! The API Gateway section: `api.example.com` is a CNAME to an API Gateway
//! endpoint name, and the world has that endpoint as a
//! [`ManagedHost`] whose addresses AWS changes. Nothing in the zone names
//! an address of the API, so nothing goes stale; the page's prompts pin
//! one of today's addresses as an A record and let the clock show why
//! that breaks (the `a-record-pinned-to-managed-address` lint).
//!
//! AWS publishes no schedule for these changes (API Gateway DG, "Set up a
//! regional custom domain name": clients are told to use the name). The
//! preset makes them happen every [`ROTATE_EVERY_S`] seconds so that a
//! ten-minute run shows several; the real service changes them at times
//! of its own choosing.

use serde_json::json;

use super::call;
use crate::engine::aws::ApiError;
use crate::engine::route53::routing_view::Query;
use crate::engine::route53::Route53;
use crate::engine::world::{Behaviour, ManagedHost, ManagedKind, World};
use crate::scenario::model::Scenario;

/// The preset's title.
pub const TITLE: &str = "API Gateway: a friendly name as a CNAME to a managed endpoint name";

/// The zone.
pub const ZONE: &str = "example.com";

/// The friendly name clients use.
pub const FRIENDLY: &str = "api.example.com";

/// The endpoint name API Gateway hands out (the blog's).
pub const ENDPOINT: &str = "abc123.execute-api.us-east-1.amazonaws.com";

/// Seconds between two address changes of the endpoint in this preset.
pub const ROTATE_EVERY_S: u64 = 120;

const NOTES: &str = "api.example.com is a CNAME to the API's execute-api name, so every lookup follows the name to whatever addresses AWS gives it at that moment. In this preset those addresses change every two minutes (AWS gives no schedule; the short period only makes the change visible in a ten-minute run). An A record holding one of them is right until the next change and wrong from then on.";

/// The endpoint as the world has it: answering `200 {"message":"ok"}` on
/// 443, with addresses changing every [`ROTATE_EVERY_S`] seconds.
pub fn endpoint() -> ManagedHost {
    ManagedHost {
        name: ENDPOINT.to_string(),
        kind: ManagedKind::ApiGateway {
            rotate_every_s: ROTATE_EVERY_S,
        },
        behaviour: Behaviour::ok(r#"{"message":"ok"}"#),
    }
}

/// The scenario under `seed`: zone `example.com` created and filled through
/// the Route 53 API, the endpoint in the world, `api.example.com A` watched.
pub fn build(seed: u64) -> Result<Scenario, ApiError> {
    let mut r53 = Route53::new(seed);
    let id = super::create_zone(&mut r53, ZONE, "dnsplay-api-gateway")?;
    call(
        &mut r53,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": id, "ChangeBatch": {"Changes": [
            {"Action": "CREATE", "ResourceRecordSet": {
                "Name": FRIENDLY, "Type": "CNAME", "TTL": 300,
                "ResourceRecords": [{"Value": ENDPOINT}]}},
            {"Action": "CREATE", "ResourceRecordSet": {
                "Name": format!("www.{ZONE}"), "Type": "A", "TTL": 300,
                "ResourceRecords": [{"Value": "203.0.113.10"}]}}
        ]}}),
    )?;
    Ok(Scenario {
        title: TITLE.to_string(),
        notes: NOTES.to_string(),
        seed,
        route53: r53,
        world: World {
            rtt_ms: 20,
            managed: vec![endpoint()],
            ..World::default()
        },
        queries: vec![Query::new(FRIENDLY, "A")],
        ..Scenario::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::SimTime;

    fn lint_codes(s: &Scenario) -> Vec<&'static str> {
        let run = s.run().unwrap_or_else(|e| panic!("{e}"));
        run.lints.iter().map(|l| l.code).collect()
    }

    /// The zone holds the apex SOA and NS, the CNAME and `www`, all
    /// accepted by Route 53; the endpoint changes address at each period
    /// boundary and not before (ManagedKind::ApiGateway).
    #[test]
    fn zone_and_endpoint() {
        let s = build(1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.route53.zones.len(), 1);
        assert_eq!(s.route53.zones[0].record_set_count(), 4);
        let w = s.run_world();
        let at = |secs| w.resolve(ENDPOINT, SimTime::from_secs(secs));
        assert_eq!(at(0), at(ROTATE_EVERY_S - 1));
        assert_ne!(at(ROTATE_EVERY_S - 1), at(ROTATE_EVERY_S));
        assert_eq!(at(0).len(), 3);
        assert!(s.faults.is_empty() && s.route53.health_checks.is_empty());
    }

    /// A CNAME to the endpoint pins nothing; an A record copied from the
    /// answer at t=0 is one the endpoint has only for the first period of
    /// the ten-minute run, so the pinned-address lint fires (zone_lints,
    /// `a-record-pinned-to-managed-address`).
    #[test]
    fn pinning_todays_address_is_linted() {
        let s = build(1).unwrap_or_else(|e| panic!("{e}"));
        assert!(!lint_codes(&s).contains(&"a-record-pinned-to-managed-address"));
        let ip = s.run_world().resolve(ENDPOINT, SimTime::ZERO)[0];
        let mut pinned = s.clone();
        let id = pinned.route53.zones[0].id.clone();
        call(
            &mut pinned.route53,
            "ChangeResourceRecordSets",
            json!({"HostedZoneId": id, "ChangeBatch": {"Changes": [
                {"Action": "CREATE", "ResourceRecordSet": {
                    "Name": format!("pinned.{ZONE}"), "Type": "A", "TTL": 300,
                    "ResourceRecords": [{"Value": ip.to_string()}]}}]}}),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(lint_codes(&pinned).contains(&"a-record-pinned-to-managed-address"));
    }
}
