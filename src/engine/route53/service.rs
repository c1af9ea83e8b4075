//! The simulated Route 53 service behind [`AwsApi`]: hosted zones, change
//! batches, changes and health checks (the latter in
//! [`super::health_checks`]).
//!
//! Outputs are the JSON the AWS CLI prints, keys in the CLI's order (the
//! order of botocore's output shapes). List operations print what the CLI
//! prints after it has followed every page itself: only the list, unless
//! `MaxItems` is given. Ids are drawn from `SimRng::derive(seed,
//! "route53:zone:N")` / `"route53:change:N"`, so a scenario replays exactly.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::clock::{change_status, iso8601};
use super::health_checks::{AttachedWorld, StoredHealthCheck};
use super::messages;
use super::validate::apply_change_batch;
use super::zone::{new_id, new_name_servers, HostedZone};
use crate::engine::aws::{ApiError, AwsApi, CallContext};
use crate::engine::name::parse_name;
use crate::engine::rng::SimRng;
use crate::engine::time::SimTime;

/// A change as `GetChange` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRecord {
    /// When it was submitted.
    pub submitted: SimTime,
    /// The batch comment, if any.
    pub comment: Option<String>,
}

/// The Route 53 service state. Serializable, so the native console can keep
/// it in a state file and a scenario can embed it.
///
/// Missing fields take their defaults; unknown fields are refused, so a
/// typo in a scenario's `route53` section is reported, not ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Route53 {
    /// The seed every id is drawn from.
    pub seed: u64,
    /// Hosted zones in creation order (the order `ListHostedZones` prints).
    pub zones: Vec<HostedZone>,
    /// Health checks in creation order (the order `ListHealthChecks`
    /// prints); change batches naming others fail with NoSuchHealthCheck.
    pub health_checks: Vec<StoredHealthCheck>,
    /// Caller references of deleted checks: API `CreateHealthCheck` refuses
    /// to reuse them "regardless of the settings".
    pub deleted_health_check_references: BTreeSet<String>,
    /// Submitted changes by id (without `/change/`).
    pub changes: BTreeMap<String, ChangeRecord>,
    /// Zones created so far (the stable id of the next zone's draws).
    pub zones_created: u64,
    /// Changes submitted so far.
    pub changes_submitted: u64,
    /// Health checks created so far (the stable id of the next check's draws).
    pub health_checks_created: u64,
    /// What GetHealthCheckStatus looks at; not serialized (a scenario
    /// carries its world itself). See [`Route53::attach_world`].
    #[serde(skip)]
    pub world: Option<AttachedWorld>,
}

/// `Z123`, `/hostedzone/Z123` and `/change/C1` all name by the last piece,
/// as botocore's `fix_route53_ids` sends them (#3).
pub fn strip_id(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

fn invalid_input(message: String) -> ApiError {
    ApiError::new("InvalidInput", message)
}

pub(super) fn required<'a>(input: &'a Value, key: &str, path: &str) -> Result<&'a str, ApiError> {
    input.get(key).and_then(Value::as_str).ok_or_else(|| {
        let c = messages::constraint("null", path, "Member must not be null");
        invalid_input(messages::validation_errors(&[c]))
    })
}

impl Route53 {
    /// An empty service whose ids derive from `seed`.
    pub fn new(seed: u64) -> Route53 {
        Route53 {
            seed,
            ..Route53::default()
        }
    }

    /// The zone with this id (`Z...` or `/hostedzone/Z...`).
    pub fn zone(&self, id: &str) -> Option<&HostedZone> {
        let id = strip_id(id);
        self.zones.iter().find(|z| z.id == id)
    }

    fn zone_index(&self, id: &str) -> Result<usize, ApiError> {
        let id = strip_id(id);
        self.zones
            .iter()
            .position(|z| z.id == id)
            .ok_or_else(|| ApiError::new("NoSuchHostedZone", messages::no_such_hosted_zone(id)))
    }

    fn submit_change(&mut self, now: SimTime, comment: Option<String>) -> Value {
        let mut rng = SimRng::derive(
            self.seed,
            &format!("route53:change:{}", self.changes_submitted),
        );
        self.changes_submitted = self.changes_submitted.saturating_add(1);
        let id = new_id('C', &mut rng);
        let record = ChangeRecord {
            submitted: now,
            comment,
        };
        let info = change_info(&id, &record, now);
        self.changes.insert(id, record);
        info
    }

    fn create_hosted_zone(&mut self, input: &Value, now: SimTime) -> Result<Value, ApiError> {
        let name_text = required(input, "Name", "name")?;
        let caller_reference = required(input, "CallerReference", "callerReference")?;
        let config = input.get("HostedZoneConfig");
        let comment = config
            .and_then(|c| c.get("Comment"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let private_zone = config
            .and_then(|c| c.get("PrivateZone"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if self
            .zones
            .iter()
            .any(|z| z.caller_reference == caller_reference)
        {
            return Err(ApiError::new(
                "HostedZoneAlreadyExists",
                messages::hosted_zone_exists(caller_reference),
            ));
        }
        // #31: a zone name cannot be a wildcard; the root is no zone either.
        let name = parse_name(name_text)
            .ok()
            .filter(|n| !n.is_root() && !n.is_wildcard())
            .ok_or_else(|| {
                ApiError::new(
                    "InvalidDomainName",
                    messages::invalid_domain_name(name_text),
                )
            })?;
        let mut rng = SimRng::derive(self.seed, &format!("route53:zone:{}", self.zones_created));
        self.zones_created = self.zones_created.saturating_add(1);
        let id = new_id('Z', &mut rng);
        let servers = new_name_servers(&mut rng);
        let zone = HostedZone::new(
            id,
            name,
            caller_reference.to_string(),
            comment,
            private_zone,
            servers,
        )
        .map_err(invalid_input)?;
        let change = self.submit_change(now, None);
        let out = json!({
            "Location": format!("https://route53.amazonaws.com/2013-04-01/hostedzone/{}", zone.id),
            "HostedZone": zone_summary(&zone),
            "ChangeInfo": change,
            "DelegationSet": {"NameServers": zone.name_servers},
        });
        self.zones.push(zone);
        Ok(out)
    }

    fn get_hosted_zone(&self, input: &Value) -> Result<Value, ApiError> {
        let i = self.zone_index(required(input, "Id", "id")?)?;
        let zone = &self.zones[i];
        Ok(json!({
            "HostedZone": zone_summary(zone),
            "DelegationSet": {"NameServers": zone.name_servers},
        }))
    }

    fn delete_hosted_zone(&mut self, input: &Value, now: SimTime) -> Result<Value, ApiError> {
        let i = self.zone_index(required(input, "Id", "id")?)?;
        if !self.zones[i].has_only_required_sets() {
            return Err(ApiError::new(
                "HostedZoneNotEmpty",
                messages::HOSTED_ZONE_NOT_EMPTY,
            ));
        }
        self.zones.remove(i);
        Ok(json!({"ChangeInfo": self.submit_change(now, None)}))
    }

    fn change_resource_record_sets(
        &mut self,
        input: &Value,
        now: SimTime,
    ) -> Result<Value, ApiError> {
        let i = self.zone_index(required(input, "HostedZoneId", "hostedZoneId")?)?;
        let batch = input.get("ChangeBatch").ok_or_else(|| {
            let c = messages::constraint("null", "changeBatch", "Member must not be null");
            invalid_input(messages::validation_errors(&[c]))
        })?;
        let ids: BTreeSet<String> = self.health_checks.iter().map(|h| h.id.clone()).collect();
        let zone = &mut self.zones[i];
        let comment = apply_change_batch(zone, batch, &ids)?;
        Ok(json!({"ChangeInfo": self.submit_change(now, comment)}))
    }

    fn get_change(&self, input: &Value, now: SimTime) -> Result<Value, ApiError> {
        let id = strip_id(required(input, "Id", "id")?);
        let record = self
            .changes
            .get(id)
            .ok_or_else(|| ApiError::new("NoSuchChange", messages::no_such_change(id)))?;
        Ok(json!({"ChangeInfo": change_info(id, record, now)}))
    }

    fn list_hosted_zones(&self) -> Value {
        let zones: Vec<Value> = self.zones.iter().map(zone_summary).collect();
        json!({"HostedZones": zones})
    }
}

/// `ChangeInfo` as the CLI prints it (API `ChangeInfo` member order).
fn change_info(id: &str, record: &ChangeRecord, now: SimTime) -> Value {
    let mut info = Map::new();
    info.insert("Id".into(), json!(format!("/change/{id}")));
    info.insert("Status".into(), json!(change_status(record.submitted, now)));
    info.insert("SubmittedAt".into(), json!(iso8601(record.submitted)));
    if let Some(c) = &record.comment {
        info.insert("Comment".into(), json!(c));
    }
    Value::Object(info)
}

/// `HostedZone` as the CLI prints it (API `HostedZone` member order).
fn zone_summary(zone: &HostedZone) -> Value {
    let mut config = Map::new();
    if let Some(c) = &zone.comment {
        config.insert("Comment".into(), json!(c));
    }
    config.insert("PrivateZone".into(), json!(zone.private_zone));
    json!({
        "Id": format!("/hostedzone/{}", zone.id),
        "Name": zone.name_text(),
        "CallerReference": zone.caller_reference,
        "Config": Value::Object(config),
        "ResourceRecordSetCount": zone.record_set_count(),
    })
}

impl AwsApi for Route53 {
    fn call(
        &mut self,
        service: &str,
        operation: &str,
        input: &Value,
        ctx: CallContext,
    ) -> Result<Value, ApiError> {
        if service != "route53" {
            return Err(ApiError::new(
                "InvalidAction",
                messages::invalid_action(operation),
            ));
        }
        match operation {
            "CreateHostedZone" => self.create_hosted_zone(input, ctx.now),
            "ListHostedZones" => Ok(self.list_hosted_zones()),
            "GetHostedZone" => self.get_hosted_zone(input),
            "DeleteHostedZone" => self.delete_hosted_zone(input, ctx.now),
            "ChangeResourceRecordSets" => self.change_resource_record_sets(input, ctx.now),
            "ListResourceRecordSets" => {
                let i = self.zone_index(required(input, "HostedZoneId", "hostedZoneId")?)?;
                super::listing::list_resource_record_sets(&self.zones[i], input)
            }
            "GetChange" => self.get_change(input, ctx.now),
            "CreateHealthCheck" => self.create_health_check(input),
            "GetHealthCheck" => self.get_health_check(input),
            "GetHealthCheckStatus" => self.get_health_check_status_call(input, ctx.now),
            "ListHealthChecks" => self.list_health_checks(input),
            "DeleteHealthCheck" => self.delete_health_check(input),
            _ => Err(ApiError::new(
                "InvalidAction",
                messages::invalid_action(operation),
            )),
        }
    }
}

#[cfg(test)]
mod tests;
