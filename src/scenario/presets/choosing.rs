//! The Choosing page's zone, `hello-app.com`: three names already reach
//! three kinds of target the three ways (an A record on an address we run,
//! a CNAME to a shop someone else runs, an alias to an AWS load balancer),
//! while the apex and `www` are still empty, for the reader to fill.
//!
//! The load balancer is an Application Load Balancer in us-east-1, whose
//! alias `HostedZoneId` is `Z35SXDOTRQ7X7K` (AWS General Reference, "Elastic
//! Load Balancing endpoints and quotas"). The world gives its name two
//! addresses, which is what Route 53 answers an alias to it with (DG
//! `resource-record-sets-choosing-alias-non-alias`: the alias is answered
//! as records of its own type). The partner's host name is not in any zone
//! here: Route 53 answers a CNAME to it with the CNAME alone, and the
//! client's resolver asks the partner's servers next.

use std::net::{IpAddr, Ipv4Addr};

use serde_json::{json, Value};

use super::call;
use crate::engine::aws::ApiError;
use crate::engine::route53::routing_view::Query;
use crate::engine::route53::Route53;
use crate::engine::world::{HostName, World};
use crate::scenario::model::Scenario;

/// The preset's title.
pub const TITLE: &str =
    "Choosing: A, CNAME or alias for an address, a host name or an AWS resource";

/// The zone (its apex is where a CNAME cannot go).
pub const ZONE: &str = "hello-app.com";

/// The name below the apex the page tries records on.
pub const WWW: &str = "www.hello-app.com";

/// The address of the server we run ourselves.
pub const OWN_IP: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 10);

/// The host name of the shop someone else runs.
pub const PARTNER_HOST: &str = "storefront.partner-host.net";

/// The address the shop's provider publishes for customers' apex names.
pub const PARTNER_APEX_IP: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 20);

/// The load balancer's DNS name.
pub const ALB_NAME: &str = "hello-app-alb-1234567890.us-east-1.elb.amazonaws.com";

/// The alias `HostedZoneId` of load balancers in us-east-1.
pub const ALB_ZONE_ID: &str = "Z35SXDOTRQ7X7K";

/// The load balancer's addresses in this world.
pub const ALB_IPS: [Ipv4Addr; 2] = [Ipv4Addr::new(192, 0, 2, 41), Ipv4Addr::new(192, 0, 2, 42)];

const NOTES: &str = "origin is an A record on an address we run, shop a CNAME to a host name another company runs, app an alias to an AWS load balancer. The apex and www hold nothing yet: the page's questions pick one of the three for them, and each can be tried as a change batch, including the CNAME at the apex that Route 53 refuses.";

/// The alias target of the load balancer, as `AliasTarget` takes it.
pub fn alb_alias_target() -> Value {
    json!({"HostedZoneId": ALB_ZONE_ID, "DNSName": ALB_NAME, "EvaluateTargetHealth": false})
}

/// The world: the load balancer's and the partner's names with their
/// addresses.
pub fn world() -> World {
    let v4 = |ips: &[Ipv4Addr]| ips.iter().copied().map(IpAddr::V4).collect();
    World {
        rtt_ms: 20,
        names: vec![
            HostName {
                name: ALB_NAME.to_string(),
                addresses: v4(&ALB_IPS),
            },
            HostName {
                name: PARTNER_HOST.to_string(),
                addresses: v4(&[PARTNER_APEX_IP]),
            },
        ],
        ..World::default()
    }
}

/// The scenario under `seed`, built through the Route 53 API.
pub fn build(seed: u64) -> Result<Scenario, ApiError> {
    let mut r53 = Route53::new(seed);
    let zone_id = super::create_zone(&mut r53, ZONE, "dnsplay-choosing")?;
    let create = |set: Value| json!({"Action": "CREATE", "ResourceRecordSet": set});
    call(
        &mut r53,
        "ChangeResourceRecordSets",
        json!({"HostedZoneId": zone_id, "ChangeBatch": {"Changes": [
            create(json!({"Name": format!("origin.{ZONE}"), "Type": "A", "TTL": 300,
                "ResourceRecords": [{"Value": OWN_IP.to_string()}]})),
            create(json!({"Name": format!("shop.{ZONE}"), "Type": "CNAME", "TTL": 300,
                "ResourceRecords": [{"Value": PARTNER_HOST}]})),
            create(json!({"Name": format!("app.{ZONE}"), "Type": "A",
                "AliasTarget": alb_alias_target()})),
        ]}}),
    )?;
    Ok(Scenario {
        title: TITLE.to_string(),
        notes: NOTES.to_string(),
        seed,
        route53: r53,
        world: world(),
        queries: vec![Query::new(ZONE, "A")],
        ..Scenario::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::routing::Answer;

    fn values(s: &Scenario, name: &str) -> Vec<String> {
        let mut s = s.clone();
        s.queries = vec![Query::new(name, "A")];
        let run = s.run().unwrap_or_else(|e| panic!("{e}"));
        match &run.answers[0].answer {
            Answer::Records { values, .. } => values.clone(),
            Answer::NoData { .. } => vec![],
        }
    }

    /// The zone holds SOA, NS and the three example sets, and nothing at
    /// the apex answers A yet.
    #[test]
    fn the_zone_has_three_targets_and_an_empty_apex() {
        let s = build(1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.route53.zones.len(), 1);
        let z = &s.route53.zones[0];
        assert_eq!(z.name_text(), "hello-app.com.");
        assert_eq!(z.record_set_count(), 5);
        assert_eq!(values(&s, ZONE), Vec::<String>::new());
        assert_eq!(values(&s, "origin.hello-app.com"), ["203.0.113.10"]);
    }

    /// DG `resource-record-sets-choosing-alias-non-alias`: an alias to an
    /// AWS resource answers with the resource's addresses.
    #[test]
    fn the_alias_answers_with_the_load_balancers_addresses() {
        let s = build(1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            values(&s, "app.hello-app.com"),
            ["192.0.2.41", "192.0.2.42"]
        );
    }
}
