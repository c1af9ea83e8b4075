//! Health checks as a Route 53 API resource: `CreateHealthCheck`,
//! `GetHealthCheck`, `GetHealthCheckStatus`, `ListHealthChecks` and
//! `DeleteHealthCheck` on the [`Route53`] service.
//!
//! The configuration rules and messages are [`crate::engine::health`]'s
//! (`HealthCheckConfig::validate`); this file only stores checks and shapes
//! the CLI's output. What a check *sees* needs a world: GetHealthCheckStatus
//! runs the failover clock ([`crate::engine::sim::run_until`]) from t=0 to
//! the call's time over the world the caller attached with
//! [`Route53::attach_world`] (a console without a scenario has an empty
//! world, where every address times out), or over one passed explicitly to
//! [`Route53::health_check_status`].
//!
//! Ids have Route 53's UUID shape (`8-4-4-4-12` lowercase hex, API
//! `HealthCheck.Id`) and are drawn from `SimRng::derive(seed,
//! "route53:healthcheck:N")`, so a scenario replays exactly.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::clock::iso8601;
use super::messages;
use super::service::{required, strip_id, Route53};
use crate::engine::aws::ApiError;
use crate::engine::health::{
    CheckKind, HealthCheck, HealthCheckConfig, HealthCheckType, CHECKER_REGIONS,
};
use crate::engine::rng::SimRng;
use crate::engine::sim::{run_until, SimError, SimOptions, Timeline};
use crate::engine::time::SimTime;
use crate::engine::world::{TimedFault, World};

/// `ListHealthChecks` page size when `MaxItems` is absent (API reference).
const LIST_HEALTH_CHECKS_DEFAULT: usize = 100;
/// The largest `MaxItems` ListHealthChecks honours (API reference).
const LIST_HEALTH_CHECKS_CAP: usize = 1000;

/// API `CreateHealthCheck`: CallerReference is 1 to 64 characters.
pub const CALLER_REFERENCE_MAX: usize = 64;

/// A health check as Route 53 keeps it (API `HealthCheck`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct StoredHealthCheck {
    /// The UUID-shaped id records name in `HealthCheckId`.
    pub id: String,
    /// The caller reference it was created with (unique per account, even
    /// after deletion: API `CreateHealthCheck`).
    pub caller_reference: String,
    /// The configuration with Route 53's defaults filled in, as
    /// GetHealthCheck prints it.
    pub health_check_config: HealthCheckConfig,
    /// Starts at 1; UpdateHealthCheck (not simulated) would bump it.
    pub health_check_version: u64,
}

impl StoredHealthCheck {
    /// The check as the simulation takes it.
    pub fn to_health_check(&self) -> HealthCheck {
        HealthCheck {
            id: self.id.clone(),
            health_check_config: self.health_check_config.clone(),
        }
    }

    /// API `HealthCheck`, members in botocore's order (what the CLI prints).
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("Id".into(), json!(self.id));
        m.insert("CallerReference".into(), json!(self.caller_reference));
        m.insert(
            "HealthCheckConfig".into(),
            serde_json::to_value(&self.health_check_config).unwrap_or(Value::Null),
        );
        m.insert(
            "HealthCheckVersion".into(),
            json!(self.health_check_version),
        );
        Value::Object(m)
    }
}

/// The world GetHealthCheckStatus looks at through [`crate::engine::aws::AwsApi`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachedWorld {
    /// Endpoints, apps, clusters and managed hosts at t=0.
    pub world: World,
    /// Faults on the timeline.
    pub faults: Vec<TimedFault>,
    /// Seed, checkers per region and event budget.
    pub options: SimOptions,
}

/// A UUID-shaped id (version-4 layout: `xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx`).
pub fn new_health_check_id(rng: &mut SimRng) -> String {
    let hi = rng.next_u64();
    let lo = rng.next_u64();
    // Set the version nibble to 4 and the variant bits to 10xx, as random
    // UUIDs do (RFC 9562 §5.4).
    let hi = (hi & !0xF000) | 0x4000;
    let lo = (lo & !(0xC000 << 48)) | (0x8000 << 48);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xFFFF,
        hi & 0xFFFF,
        lo >> 48,
        lo & 0xFFFF_FFFF_FFFF
    )
}

/// The configuration as GetHealthCheck shows it: the defaults Route 53
/// fills in (API `HealthCheckConfig`: Port 80/443, RequestInterval 30,
/// FailureThreshold 3, MeasureLatency, Inverted and Disabled false,
/// EnableSNI true for HTTPS types) made explicit.
fn with_defaults(config: &HealthCheckConfig) -> HealthCheckConfig {
    let mut c = config.clone();
    let calculated = c.kind == Some(HealthCheckType::Calculated);
    if !calculated {
        let https = matches!(
            c.kind,
            Some(HealthCheckType::Https | HealthCheckType::HttpsStrMatch)
        );
        c.port.get_or_insert(if https { 443 } else { 80 });
        c.request_interval.get_or_insert(30);
        c.failure_threshold.get_or_insert(3);
        c.measure_latency.get_or_insert(false);
        c.enable_sni.get_or_insert(https);
    }
    c.inverted.get_or_insert(false);
    c.disabled.get_or_insert(false);
    c
}

/// The address GetHealthCheckStatus shows for checker `n` of a region.
/// Route 53's checkers sit in 15.177.0.0/18 (`ROUTE53_HEALTHCHECKS` in AWS's
/// ip-ranges.json); which address each has is not documented, so the
/// playground numbers them.
fn checker_ip(region: &str, n: u32) -> String {
    let r = CHECKER_REGIONS
        .iter()
        .position(|x| *x == region)
        .unwrap_or(CHECKER_REGIONS.len());
    format!("15.177.{}.{}", r * 8 + (n as usize / 250), n % 250 + 1)
}

fn sim_error(e: SimError) -> ApiError {
    ApiError::new("InvalidInput", e.to_string())
}

fn no_such(id: &str) -> ApiError {
    ApiError::new("NoSuchHealthCheck", messages::no_such_health_check(id))
}

impl Route53 {
    /// Every stored check, as the simulation takes them, in creation order.
    pub fn health_checks(&self) -> Vec<HealthCheck> {
        self.health_checks
            .iter()
            .map(StoredHealthCheck::to_health_check)
            .collect()
    }

    /// The stored check with this id.
    pub fn health_check(&self, id: &str) -> Option<&StoredHealthCheck> {
        self.health_checks.iter().find(|h| h.id == id)
    }

    /// Makes GetHealthCheckStatus (through `AwsApi::call`) look at `world`
    /// with `faults`. The attachment is not part of the serialized state:
    /// a scenario carries its world itself.
    pub fn attach_world(&mut self, world: World, faults: Vec<TimedFault>, options: SimOptions) {
        self.world = Some(AttachedWorld {
            world,
            faults,
            options,
        });
    }

    /// Runs every stored check against `world` with `faults` up to
    /// `horizon`. `options.seed` seeds the checkers (a scenario passes its
    /// own seed; the service's seed only draws ids).
    pub fn run_health_checks(
        &self,
        world: &World,
        faults: &[TimedFault],
        horizon: SimTime,
        options: &SimOptions,
    ) -> Result<Timeline, SimError> {
        run_until(world, &self.health_checks(), faults, horizon, options)
    }

    /// API `GetHealthCheckStatus` at `now`: the latest observation of every
    /// checker that has probed by then (one per checker, API
    /// `HealthCheckObservations`), each with its region, address and
    /// `StatusReport` (`Status`, `CheckedTime`). A calculated or disabled
    /// check has no checkers, hence no observations.
    pub fn health_check_status(
        &self,
        id: &str,
        world: &World,
        faults: &[TimedFault],
        options: &SimOptions,
        now: SimTime,
    ) -> Result<Value, ApiError> {
        let id = strip_id(id);
        if self.health_check(id).is_none() {
            return Err(no_such(id));
        }
        let options = SimOptions {
            record_probes: true,
            ..options.clone()
        };
        let timeline = self
            .run_health_checks(world, faults, now, &options)
            .map_err(sim_error)?;
        let observations: Vec<Value> = timeline
            .observations(id, now)
            .into_iter()
            .map(|(region, n, at, status)| {
                json!({
                    "Region": region,
                    "IPAddress": checker_ip(&region, n),
                    "StatusReport": {"Status": status, "CheckedTime": iso8601(at)},
                })
            })
            .collect();
        Ok(json!({ "HealthCheckObservations": observations }))
    }

    pub(super) fn create_health_check(&mut self, input: &Value) -> Result<Value, ApiError> {
        let reference = required(input, "CallerReference", "callerReference")?;
        if reference.is_empty() || reference.chars().count() > CALLER_REFERENCE_MAX {
            return Err(ApiError::new(
                "InvalidInput",
                messages::validation_errors(&[messages::constraint(
                    reference,
                    "callerReference",
                    "Member must have length between 1 and 64",
                )]),
            ));
        }
        let raw = input.get("HealthCheckConfig").ok_or_else(|| {
            let c = messages::constraint("null", "healthCheckConfig", "Member must not be null");
            ApiError::new("InvalidInput", messages::validation_errors(&[c]))
        })?;
        let config: HealthCheckConfig = serde_json::from_value(raw.clone())
            .map_err(|e| ApiError::new("InvalidInput", messages::malformed(&e.to_string())))?;
        let spec = config.validate().map_err(|issues| {
            // botocore checks ranges and lengths before sending; the CLI
            // prints all of them under one heading. Otherwise the service
            // answers with its first complaint.
            let client: Vec<&str> = issues
                .iter()
                .filter(|i| i.code == "ParamValidation")
                .map(|i| i.message.as_str())
                .collect();
            if !client.is_empty() {
                return ApiError::new(
                    "ParamValidation",
                    format!("Parameter validation failed:\n{}", client.join("\n")),
                );
            }
            match issues.first() {
                Some(i) => ApiError::new(i.code, i.message.clone()),
                None => ApiError::new("InvalidInput", messages::malformed("HealthCheckConfig")),
            }
        })?;
        if let CheckKind::Calculated { children, .. } = &spec.kind {
            for child in children {
                match self.health_check(child) {
                    None => return Err(no_such(child)),
                    Some(c) if c.health_check_config.kind == Some(HealthCheckType::Calculated) => {
                        return Err(ApiError::new(
                            "InvalidInput",
                            messages::calculated_child(child),
                        ))
                    }
                    Some(_) => {}
                }
            }
        }
        let stored_config = with_defaults(&config);
        if let Some(existing) = self
            .health_checks
            .iter()
            .find(|h| h.caller_reference == reference)
        {
            // API `CreateHealthCheck`: the same CallerReference and settings
            // return the existing check; different settings are an error.
            if existing.health_check_config == stored_config {
                return Ok(self.created_output(existing));
            }
            return Err(ApiError::new(
                "HealthCheckAlreadyExists",
                messages::health_check_exists(reference),
            ));
        }
        if self.deleted_health_check_references.contains(reference) {
            return Err(ApiError::new(
                "HealthCheckAlreadyExists",
                messages::health_check_exists(reference),
            ));
        }
        let mut rng = SimRng::derive(
            self.seed,
            &format!("route53:healthcheck:{}", self.health_checks_created),
        );
        self.health_checks_created = self.health_checks_created.saturating_add(1);
        let stored = StoredHealthCheck {
            id: new_health_check_id(&mut rng),
            caller_reference: reference.to_string(),
            health_check_config: stored_config,
            health_check_version: 1,
        };
        let out = self.created_output(&stored);
        self.health_checks.push(stored);
        Ok(out)
    }

    fn created_output(&self, h: &StoredHealthCheck) -> Value {
        json!({
            "Location": format!("https://route53.amazonaws.com/2013-04-01/healthcheck/{}", h.id),
            "HealthCheck": h.to_json(),
        })
    }

    pub(super) fn get_health_check(&self, input: &Value) -> Result<Value, ApiError> {
        let id = strip_id(required(input, "HealthCheckId", "healthCheckId")?);
        let h = self.health_check(id).ok_or_else(|| no_such(id))?;
        Ok(json!({ "HealthCheck": h.to_json() }))
    }

    /// API `ListHealthChecks`: pages of `MaxItems` checks (100 when absent,
    /// at most 1,000) starting at `Marker`, the id a previous page gave as
    /// `NextMarker` (the first check of the next page).
    pub(super) fn list_health_checks(&self, input: &Value) -> Result<Value, ApiError> {
        let start = match input.get("Marker").and_then(Value::as_str) {
            None => 0,
            Some(marker) => self
                .health_checks
                .iter()
                .position(|c| c.id == marker)
                .ok_or_else(|| ApiError::new("InvalidInput", messages::unknown_marker(marker)))?,
        };
        let (limit, max_text) = super::listing::max_items(input, LIST_HEALTH_CHECKS_CAP)?
            .unwrap_or((
                LIST_HEALTH_CHECKS_DEFAULT,
                LIST_HEALTH_CHECKS_DEFAULT.to_string(),
            ));
        let page: Vec<Value> = self
            .health_checks
            .iter()
            .skip(start)
            .take(limit)
            .map(StoredHealthCheck::to_json)
            .collect();
        let next = self.health_checks.get(start + limit);
        let mut out = Map::new();
        out.insert("HealthChecks".into(), Value::Array(page));
        out.insert(
            "Marker".into(),
            json!(input.get("Marker").and_then(Value::as_str).unwrap_or("")),
        );
        out.insert("IsTruncated".into(), json!(next.is_some()));
        if let Some(next) = next {
            out.insert("NextMarker".into(), json!(next.id));
        }
        out.insert("MaxItems".into(), json!(max_text));
        Ok(Value::Object(out))
    }

    pub(super) fn get_health_check_status_call(
        &self,
        input: &Value,
        now: SimTime,
    ) -> Result<Value, ApiError> {
        let id = required(input, "HealthCheckId", "healthCheckId")?;
        let attached = self.world.clone().unwrap_or_default();
        self.health_check_status(
            id,
            &attached.world,
            &attached.faults,
            &attached.options,
            now,
        )
    }

    /// API `DeleteHealthCheck`: refused with HealthCheckInUse while a
    /// record set names the check ("If you try to delete a health check
    /// that is associated with resource record sets, Amazon Route 53 will
    /// deny your request with a HealthCheckInUse error") or a calculated
    /// check lists it as a child.
    pub(super) fn delete_health_check(&mut self, input: &Value) -> Result<Value, ApiError> {
        let id = strip_id(required(input, "HealthCheckId", "healthCheckId")?).to_string();
        let i = self
            .health_checks
            .iter()
            .position(|h| h.id == id)
            .ok_or_else(|| no_such(&id))?;
        let in_record = self.zones.iter().find_map(|z| {
            z.sets()
                .find(|s| s.health_check_id.as_deref() == Some(id.as_str()))
                .map(|s| {
                    messages::set_ref(
                        &crate::engine::name::format_name(&s.name),
                        &s.rtype.to_string(),
                        s.routing.set_id(),
                    )
                })
        });
        if let Some(set) = in_record {
            return Err(ApiError::new(
                "HealthCheckInUse",
                messages::health_check_in_use(&id, &set),
            ));
        }
        if let Some(parent) = self.health_checks.iter().find(|h| {
            h.health_check_config
                .child_health_checks
                .as_ref()
                .is_some_and(|c| c.contains(&id))
        }) {
            return Err(ApiError::new(
                "HealthCheckInUse",
                messages::health_check_is_child(&id, &parent.id),
            ));
        }
        let removed = self.health_checks.remove(i);
        self.deleted_health_check_references
            .insert(removed.caller_reference);
        Ok(json!({}))
    }
}

#[cfg(test)]
mod tests;
