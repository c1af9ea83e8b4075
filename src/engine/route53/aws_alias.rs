//! Aliases to AWS resources, answered as Route 53 answers them.
//!
//! An alias whose `HostedZoneId` is not one of the account's hosted zones
//! points at an AWS resource: a load balancer, a CloudFront distribution,
//! an API Gateway API, an S3 website bucket, an Elastic Beanstalk
//! environment (DG `resource-record-sets-choosing-alias-non-alias`). No
//! hosted zone holds the resource's addresses: Route 53 looks them up
//! itself and answers with records of the alias's own name and type,
//! carrying the resource's TTL, as the alias has none ("If you're creating
//! or updating an alias resource record set, omit TTL. Amazon Route 53 uses
//! the value of TTL for the alias target", API `TTL`; 60 s for a load
//! balancer). The addresses change over time, so they come from the
//! [`World`] at the instant asked.
//!
//! [`AwsResources`] gives them to [`crate::engine::lookup::lookup_with`],
//! which every DNS consumer goes through: the answer panel, the recursive
//! resolver's tree and the console's `dig`.

use std::net::IpAddr;

use hickory_proto::rr::{RData, RecordType};

use super::zone_lints::aws_alias_target;
use crate::engine::lookup::{Alias, AliasResources, ResourceRecords};
use crate::engine::name::format_name;
use crate::engine::time::SimTime;
use crate::engine::world::World;

/// The TTL Route 53 gives an alias to an AWS resource: the resource's own,
/// which for load balancers is 60 s (API `TTL`: "60 seconds (the TTL for
/// load balancers)"); dnsplay uses it for every AWS resource.
pub const ALIAS_TTL: u32 = 60;

/// The bare id of a `HostedZoneId` (`/hostedzone/Z1` and `Z1` are the same
/// zone, as botocore's `fix_route53_ids` makes them).
fn bare_id(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// Whether an alias with this `HostedZoneId` points at an AWS resource
/// rather than at a record of one of the account's hosted zones
/// (`account_zone_ids`, bare or prefixed ids).
pub fn targets_aws_resource(hosted_zone_id: &str, account_zone_ids: &[String]) -> bool {
    let id = bare_id(hosted_zone_id);
    !account_zone_ids.iter().any(|z| bare_id(z) == id)
}

/// The AWS resources of a [`World`] at one instant, for the lookup.
#[derive(Debug, Clone, Copy)]
pub struct AwsResources<'a> {
    world: &'a World,
    account_zone_ids: &'a [String],
    at: SimTime,
}

impl<'a> AwsResources<'a> {
    /// The resources `world` knows at `at`; aliases into one of
    /// `account_zone_ids` are left to the hosted zones.
    pub fn new(world: &'a World, account_zone_ids: &'a [String], at: SimTime) -> AwsResources<'a> {
        AwsResources {
            world,
            account_zone_ids,
            at,
        }
    }
}

impl AliasResources for AwsResources<'_> {
    /// The resource's addresses of the asked family under the alias's TTL;
    /// empty (NODATA) for a name the world does not know or a type other
    /// than A and AAAA (aliases to AWS resources are A or AAAA records).
    fn resource(&self, alias: &Alias, qtype: RecordType) -> Option<ResourceRecords> {
        if !targets_aws_resource(&alias.hosted_zone_id, self.account_zone_ids) {
            return None;
        }
        let name = format_name(&alias.target);
        let rdatas = match qtype {
            RecordType::A | RecordType::AAAA => self
                .world
                .resolve(&name, self.at)
                .into_iter()
                .filter_map(|ip| match ip {
                    IpAddr::V4(v4) if qtype == RecordType::A => Some(RData::A(v4.into())),
                    IpAddr::V6(v6) if qtype == RecordType::AAAA => Some(RData::AAAA(v6.into())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(ResourceRecords {
            ttl: ALIAS_TTL,
            rdatas,
            what: aws_alias_target(&name),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use hickory_proto::rr::Name;

    use super::*;
    use crate::engine::world::{HostName, ManagedHost};

    const ALB: &str = "hello-app-alb-1234567890.us-east-1.elb.amazonaws.com";

    fn alias(zone: &str, target: &str) -> Alias {
        Alias {
            target: Name::from_ascii(target).unwrap_or_else(|e| panic!("{e}")),
            hosted_zone_id: zone.into(),
            evaluate_target_health: false,
        }
    }

    fn world() -> World {
        World {
            names: vec![HostName {
                name: ALB.into(),
                addresses: vec![
                    IpAddr::V4(Ipv4Addr::new(192, 0, 2, 41)),
                    IpAddr::V4(Ipv4Addr::new(192, 0, 2, 42)),
                ],
            }],
            managed: vec![ManagedHost::api_gateway(
                "abc123.execute-api.us-east-1.amazonaws.com",
            )],
            ..World::default()
        }
    }

    fn texts(r: &Option<ResourceRecords>) -> Option<(u32, Vec<String>)> {
        r.as_ref()
            .map(|r| (r.ttl, r.rdatas.iter().map(|d| d.to_string()).collect()))
    }

    /// API `AliasTarget.HostedZoneId`: an alias into the account's own
    /// zone (bare or `/hostedzone/` id) is a record there, anything else an
    /// AWS resource.
    #[test]
    fn an_alias_targets_an_aws_resource_when_its_zone_is_not_the_accounts() {
        let account = vec!["Z0ACCOUNT".to_string(), "/hostedzone/Z1OTHER".to_string()];
        let rows = [
            ("Z0ACCOUNT", false),
            ("/hostedzone/Z0ACCOUNT", false),
            ("Z1OTHER", false),
            ("Z35SXDOTRQ7X7K", true),
            ("", true),
        ];
        for (id, aws) in rows {
            assert_eq!(targets_aws_resource(id, &account), aws, "{id}");
        }
    }

    /// DG `resource-record-sets-choosing-alias-non-alias` and API `TTL`:
    /// the resource's addresses at that instant with its TTL (60 s for a
    /// load balancer); only A and AAAA take addresses; a name the world
    /// does not know gives none; an alias into the account is not asked.
    #[test]
    fn records_carry_the_resources_addresses_and_ttl() {
        let world = world();
        let account = vec!["Z0ACCOUNT".to_string()];
        let res = AwsResources::new(&world, &account, SimTime::ZERO);
        let alb = alias("Z35SXDOTRQ7X7K", ALB);
        let two = Some((60, vec!["192.0.2.41".into(), "192.0.2.42".into()]));
        assert_eq!(texts(&res.resource(&alb, RecordType::A)), two);
        assert_eq!(
            texts(&res.resource(&alb, RecordType::AAAA)),
            Some((60, vec![]))
        );
        assert_eq!(
            texts(&res.resource(&alb, RecordType::TXT)),
            Some((60, vec![]))
        );
        assert_eq!(
            res.resource(&alb, RecordType::A).and_then(|r| r.what),
            Some("an Elastic Load Balancing load balancer")
        );
        let unknown = alias("Z2FDTNDATAQYW2", "d111111abcdef8.cloudfront.net.");
        assert_eq!(
            texts(&res.resource(&unknown, RecordType::A)),
            Some((60, vec![]))
        );
        let own = alias("Z0ACCOUNT", "www.hello-app.com.");
        assert_eq!(res.resource(&own, RecordType::A), None);
    }

    /// API Gateway's addresses change (the world rotates them): the alias
    /// answers what the resource has at the instant asked.
    #[test]
    fn a_rotating_resource_answers_its_addresses_at_the_instant_asked() {
        let world = world();
        let account: Vec<String> = Vec::new();
        let api = alias(
            "Z1UJRXOUMOOFQ8",
            "abc123.execute-api.us-east-1.amazonaws.com",
        );
        let at = |t: SimTime| {
            texts(&AwsResources::new(&world, &account, t).resource(&api, RecordType::A))
                .map(|(_, v)| v)
                .unwrap_or_default()
        };
        let before = at(SimTime::ZERO);
        assert_eq!(before.len(), 3);
        assert_eq!(at(SimTime(3_599_999)), before);
        assert_ne!(at(SimTime(3_600_000)), before);
    }
}
