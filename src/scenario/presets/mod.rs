//! Ready-made scenarios, one per blog section. Each is built through the
//! real Route 53 API ([`crate::engine::aws::AwsApi`]), so a preset can
//! never hold a setup Route 53 would refuse.

pub mod api_gateway;
pub mod choosing;
pub mod kubernetes;
pub mod route53_failover;
pub mod simple_zones;

use serde_json::{json, Value};

use super::model::Scenario;
use crate::engine::aws::{ApiError, AwsApi, CallContext};
use crate::engine::route53::Route53;
use crate::engine::time::SimTime;

/// One Route 53 API call at time zero, as every preset is built.
fn call(r53: &mut Route53, op: &str, input: Value) -> Result<Value, ApiError> {
    r53.call("route53", op, &input, CallContext { now: SimTime::ZERO })
}

/// `CreateHostedZone` for `name` with `caller_reference`; the new zone's id.
fn create_zone(r53: &mut Route53, name: &str, caller_reference: &str) -> Result<String, ApiError> {
    let zone = call(
        r53,
        "CreateHostedZone",
        json!({"Name": name, "CallerReference": caller_reference}),
    )?;
    Ok(zone
        .get("HostedZone")
        .and_then(|z| z.get("Id"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string())
}

/// A preset: a stable name (used in links and on the command line), a
/// title, and how to build it from a seed.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    /// Stable name, e.g. `route53-failover`.
    pub name: &'static str,
    /// One line for menus.
    pub title: &'static str,
    /// Builds the scenario with this seed.
    pub build: fn(u64) -> Result<Scenario, ApiError>,
}

/// Every preset, in the order the blog introduces them.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "what-is-dns",
        title: simple_zones::WHAT_IS_DNS_TITLE,
        build: simple_zones::what_is_dns,
    },
    Preset {
        name: "a-records",
        title: simple_zones::A_RECORDS_TITLE,
        build: simple_zones::a_records,
    },
    Preset {
        name: "cname",
        title: simple_zones::CNAME_TITLE,
        build: simple_zones::cname,
    },
    Preset {
        name: "api-gateway",
        title: api_gateway::TITLE,
        build: api_gateway::build,
    },
    Preset {
        name: "route53-failover",
        title: route53_failover::TITLE,
        build: route53_failover::build,
    },
    Preset {
        name: "localstack",
        title: simple_zones::LOCALSTACK_TITLE,
        build: simple_zones::localstack,
    },
    Preset {
        name: "kubernetes",
        title: kubernetes::TITLE,
        build: kubernetes::build,
    },
    Preset {
        name: "why-not-cname",
        title: simple_zones::WHY_NOT_CNAME_TITLE,
        build: simple_zones::why_not_cname,
    },
    Preset {
        name: "choosing",
        title: choosing::TITLE,
        build: choosing::build,
    },
];

/// The preset called `name`.
pub fn find(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every preset builds, runs, and its names are unique.
    #[test]
    fn every_preset_builds_and_runs() {
        for (i, p) in PRESETS.iter().enumerate() {
            let s = (p.build)(1).unwrap_or_else(|e| panic!("{}: {e}", p.name));
            assert_eq!(s.title, p.title);
            s.run().unwrap_or_else(|e| panic!("{}: {e}", p.name));
            assert!(PRESETS[..i].iter().all(|q| q.name != p.name));
            assert_eq!(find(p.name).map(|q| q.name), Some(p.name));
        }
        assert!(find("nope").is_none());
    }
}
