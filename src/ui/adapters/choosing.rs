//! The Choosing page's "try it live": one [`TryRequest`] becomes a real
//! change batch on the page's zone, and Route 53's validation says yes or
//! no in its own words.
//!
//! A try replaces whatever A or CNAME sets the name holds (DELETE them,
//! then CREATE the new set, in one batch), so the tries can follow each
//! other at one name; Route 53 validates the changes in order and applies
//! all or none (API `ChangeResourceRecordSets`, reference #7 and #8). A
//! CNAME at the apex is therefore refused as a whole batch: the zone keeps
//! what it had.

use std::collections::BTreeSet;

use hickory_proto::rr::RecordType;
use serde_json::{json, Value};

use super::answer::serve;
use super::batch::PendingBatch;
use super::clients::SCENARIO_CLIENT;
use crate::engine::name::{format_name, parse_name};
use crate::engine::route53::validate::plan_change_batch;
use crate::engine::route53::{HostedZone, Route53};
use crate::engine::time::SimTime;
use crate::engine::wire::{rdata_text, status_text};
use crate::engine::world::World;
use crate::scenario::model::Scenario;
use crate::scenario::presets::choosing::{
    alb_alias_target, ALB_NAME, OWN_IP, PARTNER_APEX_IP, PARTNER_HOST,
};
use crate::ui::view_model::choosing::{Placement, RecordKind, Target, TryRequest};

/// The TTL a tried A record or CNAME gets.
pub const TRY_TTL: u32 = 300;

/// A try ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TryPlan {
    /// The batch.
    pub pending: PendingBatch,
    /// The name the record goes to (`www.hello-app.com.`), what the answer
    /// panel asks next.
    pub name: String,
    /// What the new set says, for the status line.
    pub summary: String,
}

/// The name a placement puts the record at, in `zone`.
pub fn name_for(zone: &HostedZone, placement: Placement) -> String {
    match placement {
        Placement::Apex => zone.name_text(),
        Placement::BelowApex => format!("www.{}", zone.name_text()),
    }
}

/// The new set's `ResourceRecordSet` JSON and a summary of it, or why
/// this kind cannot point at this target.
fn new_set(
    req: TryRequest,
    name: &str,
    world: &World,
    at: SimTime,
) -> Result<(Value, String), String> {
    let values = |vs: Vec<String>| -> Value {
        Value::Array(vs.into_iter().map(|v| json!({ "Value": v })).collect())
    };
    match (req.kind, req.target) {
        (RecordKind::A, target) => {
            let ips: Vec<String> = match target {
                Target::OwnAddress => vec![OWN_IP.to_string()],
                Target::OtherHostname => vec![PARTNER_APEX_IP.to_string()],
                // A copy of what the load balancer's name answers right now.
                Target::AwsResource => world
                    .resolve(ALB_NAME, at)
                    .into_iter()
                    .filter(|ip| ip.is_ipv4())
                    .map(|ip| ip.to_string())
                    .collect(),
            };
            let summary = format!("{name} is an A record on {}.", ips.join(" and "));
            Ok((
                json!({"Name": name, "Type": "A", "TTL": TRY_TTL, "ResourceRecords": values(ips)}),
                summary,
            ))
        }
        (RecordKind::Cname, Target::OwnAddress) => {
            Err("A CNAME needs a name to point at, and this target is only an address.".into())
        }
        (RecordKind::Cname, target) => {
            let host = if target == Target::OtherHostname {
                PARTNER_HOST
            } else {
                ALB_NAME
            };
            Ok((
                json!({"Name": name, "Type": "CNAME", "TTL": TRY_TTL,
                    "ResourceRecords": values(vec![host.to_string()])}),
                format!("{name} is a CNAME to {host}."),
            ))
        }
        (RecordKind::Alias, Target::AwsResource) => Ok((
            json!({"Name": name, "Type": "A", "AliasTarget": alb_alias_target()}),
            format!("{name} is an alias to the load balancer {ALB_NAME}."),
        )),
        (RecordKind::Alias, _) => {
            Err("An alias points only at AWS resources and at records of the same zone.".into())
        }
    }
}

/// The batch that tries `req` in the page's zone (the last one, as the
/// record table shows) at simulated time `at`.
pub fn plan_try(scenario: &Scenario, req: TryRequest, at: SimTime) -> Result<TryPlan, String> {
    let zone = scenario
        .route53
        .zones
        .last()
        .ok_or_else(|| "There is no hosted zone to try it in.".to_string())?;
    let name = name_for(zone, req.placement);
    let (set, summary) = new_set(req, &name, &scenario.world, at)?;
    let mut changes: Vec<Value> = zone
        .sets()
        .filter(|s| {
            format_name(&s.name) == name && matches!(s.rtype.to_string().as_str(), "A" | "CNAME")
        })
        .map(|s| json!({"Action": "DELETE", "ResourceRecordSet": s.to_model()}))
        .collect();
    let row_change = changes.len();
    changes.push(json!({"Action": "CREATE", "ResourceRecordSet": set}));
    Ok(TryPlan {
        pending: PendingBatch {
            zone_id: zone.id.clone(),
            batch: json!({ "Changes": changes }),
            row_change: Some(row_change),
        },
        name,
        summary,
    })
}

/// Route 53's verdict on `pending`, without applying it: `Err` holds the
/// API's error exactly as it answers (`InvalidChangeBatch: [...]`).
pub fn verdict(route53: &Route53, pending: &PendingBatch) -> Result<(), String> {
    let zone = route53.zone(&pending.zone_id).ok_or_else(|| {
        format!(
            "NoSuchHostedZone: No hosted zone found with ID: {}",
            pending.zone_id
        )
    })?;
    let ids: BTreeSet<String> = route53.health_checks.iter().map(|h| h.id.clone()).collect();
    plan_change_batch(zone, &pending.batch, &ids)
        .map(|_| ())
        .map_err(|r| r.error.to_string())
}

/// What a client asking `name` A at `at` gets from Route 53, in a few
/// words: the answer section's types, values and TTL, or the status when
/// it is empty. Served by [`serve`], as the answer panel's answer is, so
/// the two always agree.
pub fn client_gets(scenario: &Scenario, name: &str, at: SimTime) -> String {
    let Ok(qname) = parse_name(name.trim()) else {
        return format!("'{}' is not a domain name", name.trim());
    };
    let health = scenario
        .run_until(at, false)
        .map(|r| r.timeline.health_at(at))
        .unwrap_or_default();
    let answer = serve(
        scenario,
        &health,
        &qname,
        RecordType::A,
        at,
        SCENARIO_CLIENT,
    )
    .answer;
    if answer.answer.is_empty() {
        return format!("no A record ({}, empty answer)", status_text(answer.rcode));
    }
    let ttls: BTreeSet<u32> = answer.answer.iter().map(|r| r.ttl).collect();
    let records: Vec<String> = answer
        .answer
        .iter()
        .map(|r| format!("{} {}", r.record_type(), rdata_text(&r.data)))
        .collect();
    let ttls: Vec<String> = ttls.iter().map(u32::to_string).collect();
    format!("{} (TTL {} s)", records.join(", "), ttls.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets::choosing;
    use crate::ui::workspace::Workspace;
    use Placement::{Apex, BelowApex};
    use RecordKind::{Alias, Cname, A};
    use Target::{AwsResource, OtherHostname, OwnAddress};

    fn preset() -> Scenario {
        choosing::build(1).unwrap_or_else(|e| panic!("{e}"))
    }

    fn req(target: Target, placement: Placement, kind: RecordKind) -> TryRequest {
        TryRequest {
            target,
            placement,
            kind,
        }
    }

    /// Each try that can be written down, in the zone as built: Route 53
    /// accepts everything but a CNAME at the apex (#11), which it refuses
    /// with its own message.
    #[test]
    fn route53_accepts_every_try_but_a_cname_at_the_apex() {
        let s = preset();
        let rows = [
            (OwnAddress, Apex, A, Ok(())),
            (OwnAddress, BelowApex, A, Ok(())),
            (OtherHostname, Apex, A, Ok(())),
            (OtherHostname, BelowApex, Cname, Ok(())),
            (AwsResource, Apex, Alias, Ok(())),
            (AwsResource, BelowApex, Alias, Ok(())),
            (AwsResource, BelowApex, Cname, Ok(())),
            (AwsResource, Apex, A, Ok(())),
            (
                OtherHostname,
                Apex,
                Cname,
                Err("InvalidChangeBatch: [RRSet of type CNAME with DNS name hello-app.com. is not permitted at apex in zone hello-app.com.]"),
            ),
            (
                AwsResource,
                Apex,
                Cname,
                Err("InvalidChangeBatch: [RRSet of type CNAME with DNS name hello-app.com. is not permitted at apex in zone hello-app.com.]"),
            ),
        ];
        for (target, placement, kind, want) in rows {
            let plan = plan_try(&s, req(target, placement, kind), SimTime::ZERO)
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                verdict(&s.route53, &plan.pending),
                want.map_err(String::from),
                "{target:?} {placement:?} {kind:?}"
            );
        }
    }

    /// What cannot be written down has no batch: a CNAME to a bare
    /// address, an alias to something that is not an AWS resource (#37).
    #[test]
    fn impossible_tries_have_no_batch() {
        let s = preset();
        for (target, kind) in [
            (OwnAddress, Cname),
            (OwnAddress, Alias),
            (OtherHostname, Alias),
        ] {
            assert!(plan_try(&s, req(target, Apex, kind), SimTime::ZERO).is_err());
        }
        assert!(plan_try(
            &Scenario::default(),
            req(OwnAddress, Apex, A),
            SimTime::ZERO
        )
        .is_err());
    }

    /// Tries replace each other at one name: after an alias at the apex, a
    /// CNAME there still fails (and, the batch being atomic, #7, the alias
    /// stays); after a CNAME at www, an alias there deletes it first (#8).
    #[test]
    fn tries_follow_each_other_at_one_name() {
        let mut w = Workspace::with(preset());
        let send = |w: &mut Workspace, r| {
            let plan = plan_try(&w.scenario, r, SimTime::ZERO).unwrap_or_else(|e| panic!("{e}"));
            w.apply_batch(&plan.pending, SimTime::ZERO)
        };
        assert!(send(&mut w, req(AwsResource, Apex, Alias)));
        let before = w.scenario.clone();
        assert!(!send(&mut w, req(AwsResource, Apex, Cname)));
        assert_eq!(w.scenario, before, "a refused batch changes nothing");
        assert!(send(&mut w, req(OtherHostname, BelowApex, Cname)));
        assert!(send(&mut w, req(AwsResource, BelowApex, Alias)));
        assert!(send(&mut w, req(OwnAddress, BelowApex, A)));
        let www: Vec<String> = w.scenario.route53.zones[0]
            .sets()
            .filter(|s| format_name(&s.name) == "www.hello-app.com.")
            .map(|s| s.rtype.to_string())
            .collect();
        assert_eq!(www, ["A"]);
    }

    /// What a client gets, through the answer panel's path: nothing at the
    /// apex at first (NODATA, RFC 2308), the load balancer's addresses
    /// after the alias (#41: allowed at the apex), and the same after a
    /// refused CNAME there (#7: all or nothing).
    #[test]
    fn the_answer_at_the_apex_follows_the_tries() {
        use crate::ui::adapters::answer::answer_view;
        use crate::ui::adapters::clients::SCENARIO_CLIENT;
        let ask = |w: &Workspace| {
            let v = answer_view(
                &w.scenario,
                &Default::default(),
                "hello-app.com",
                "A",
                SimTime::ZERO,
                SCENARIO_CLIENT,
            );
            crate::ui::adapters::answer::answer_section(&v.dig)
                .into_iter()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        };
        let mut w = Workspace::with(preset());
        assert!(ask(&w).is_empty());
        let send = |w: &mut Workspace, r| {
            let plan = plan_try(&w.scenario, r, SimTime::ZERO).unwrap_or_else(|e| panic!("{e}"));
            w.apply_batch(&plan.pending, SimTime::ZERO)
        };
        assert_eq!(
            client_gets(&w.scenario, "hello-app.com.", SimTime::ZERO),
            "no A record (NOERROR, empty answer)"
        );
        assert!(send(&mut w, req(AwsResource, Apex, Alias)));
        assert_eq!(
            client_gets(&w.scenario, "hello-app.com.", SimTime::ZERO),
            "A 192.0.2.41, A 192.0.2.42 (TTL 60 s)"
        );
        assert!(send(&mut w, req(OtherHostname, BelowApex, Cname)));
        assert_eq!(
            client_gets(&w.scenario, "www.hello-app.com.", SimTime::ZERO),
            "CNAME storefront.partner-host.net. (TTL 300 s)"
        );
        let want = [
            "hello-app.com. 60 IN A 192.0.2.41",
            "hello-app.com. 60 IN A 192.0.2.42",
        ];
        assert_eq!(ask(&w), want);
        assert!(!send(&mut w, req(OtherHostname, Apex, Cname)));
        assert_eq!(ask(&w), want);
        assert!(send(&mut w, req(OwnAddress, Apex, A)));
        assert_eq!(ask(&w), ["hello-app.com. 300 IN A 203.0.113.10"]);
    }

    /// The A record copied from the load balancer holds its addresses now.
    #[test]
    fn a_copy_holds_the_current_addresses() {
        let plan = plan_try(&preset(), req(AwsResource, BelowApex, A), SimTime::ZERO)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan.name, "www.hello-app.com.");
        assert!(
            plan.summary.contains("192.0.2.41 and 192.0.2.42"),
            "{}",
            plan.summary
        );
    }
}
