//! A hosted zone as a Route 53 change batch (API `ChangeResourceRecordSets`
//! input), and change batches read back.
//!
//! The export CREATEs every set except the apex SOA and NS, which Route 53
//! makes with the zone (DG `SOA-NSrecords`) and which a CREATE would fail
//! on ("it already exists"). Order: sets with values first, then aliases,
//! because an alias to a name in the same zone needs its target to exist
//! (API `AliasTarget`: "the alias record must point to an existing
//! record"); within each group, the zone's `ListResourceRecordSets` order.
//! `HealthCheckId`s are kept as they are: the batch is for the account that
//! holds those checks (the awslocal and Terraform exports recreate them).

use hickory_proto::rr::RecordType;
use serde_json::{json, Value};

use crate::engine::aws::{ApiError, AwsApi, CallContext};
use crate::engine::route53::model::{Change, ChangeBatch};
use crate::engine::route53::{HostedZone, RecordData, RecordSet, Route53};
use crate::engine::time::SimTime;

/// The sets a recreated zone needs, in an order Route 53 accepts.
pub fn sets_to_create(zone: &HostedZone) -> Vec<&RecordSet> {
    let apex_default = |s: &RecordSet| {
        zone.is_apex(&s.name)
            && matches!(s.rtype, RecordType::SOA | RecordType::NS)
            && s.routing.set_id().is_none()
    };
    let (aliases, values): (Vec<&RecordSet>, Vec<&RecordSet>) = zone
        .sets()
        .filter(|s| !apex_default(s))
        .partition(|s| matches!(s.data, RecordData::Alias(_)));
    values.into_iter().chain(aliases).collect()
}

/// The zone as one change batch of CREATEs.
pub fn export_change_batch(zone: &HostedZone, comment: Option<&str>) -> ChangeBatch {
    ChangeBatch {
        comment: comment.map(str::to_string),
        changes: Some(
            sets_to_create(zone)
                .into_iter()
                .map(|s| Change {
                    action: Some("CREATE".into()),
                    resource_record_set: Some(s.to_model()),
                })
                .collect(),
        ),
    }
}

/// [`export_change_batch`] as the pretty JSON `--change-batch` takes.
pub fn export_change_batch_json(zone: &HostedZone) -> String {
    let batch = export_change_batch(zone, Some(&format!("recreate {}", zone.name_text())));
    let mut s = serde_json::to_string_pretty(&batch).unwrap_or_default();
    s.push('\n');
    s
}

/// Why a change batch could not be read or applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON of the `ChangeBatch` shape: where and why.
    Json {
        /// The field at fault (`Changes[0].ResourceRecordSet.TTL`).
        path: String,
        /// serde's words.
        message: String,
    },
    /// Route 53 refused it, with its code and message.
    Api(ApiError),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Json { path, message } => write!(f, "at {path}: {message}"),
            ImportError::Api(e) => write!(f, "{e}"),
        }
    }
}

/// Reads a change batch (`{"Changes": [...]}`, as `--change-batch` takes
/// it), naming the field at fault.
pub fn parse_change_batch(text: &str) -> Result<ChangeBatch, ImportError> {
    crate::scenario::json::from_str(text).map_err(|e| ImportError::Json {
        path: e.path_text(),
        message: e.error.to_string(),
    })
}

/// Applies `batch` to the zone `zone_id` of `r53` through the API, so it is
/// accepted or refused with Route 53's own messages.
pub fn apply_change_batch(
    r53: &mut Route53,
    zone_id: &str,
    batch: &ChangeBatch,
) -> Result<Value, ImportError> {
    let input = json!({
        "HostedZoneId": zone_id,
        "ChangeBatch": serde_json::to_value(batch).unwrap_or(Value::Null),
    });
    r53.call(
        "route53",
        "ChangeResourceRecordSets",
        &input,
        CallContext { now: SimTime::ZERO },
    )
    .map_err(ImportError::Api)
}

/// A new service (ids drawn from `seed`) holding zone `name` with `batch`
/// applied: the importers' way to check a batch against the validator.
pub fn zone_from_change_batch(
    name: &str,
    batch: &ChangeBatch,
    seed: u64,
) -> Result<Route53, ImportError> {
    let mut r53 = Route53::new(seed);
    let created = r53
        .call(
            "route53",
            "CreateHostedZone",
            &json!({"Name": name, "CallerReference": "import"}),
            CallContext { now: SimTime::ZERO },
        )
        .map_err(ImportError::Api)?;
    let id = created
        .get("HostedZone")
        .and_then(|z| z.get("Id"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    apply_change_batch(&mut r53, &id, batch)?;
    Ok(r53)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets::route53_failover;

    /// DG `SOA-NSrecords`: the apex SOA and NS exist with the zone, so the
    /// batch leaves them out; the failover pair is created in list order.
    #[test]
    fn blog_batch_creates_the_failover_pair_only() {
        let r53 = route53_failover::build(1)
            .unwrap_or_else(|e| panic!("{e}"))
            .route53;
        let batch = export_change_batch(&r53.zones[0], None);
        let sets: Vec<(Option<String>, Option<String>, Option<String>)> = batch
            .changes
            .unwrap_or_default()
            .into_iter()
            .map(|c| {
                assert_eq!(c.action.as_deref(), Some("CREATE"));
                let s = c.resource_record_set.unwrap_or_default();
                (s.name, s.rtype, s.set_identifier)
            })
            .collect();
        let api = Some("api.hello-localstack.com.".to_string());
        assert_eq!(
            sets,
            [
                (api.clone(), Some("A".into()), Some("app-a".into())),
                (api, Some("A".into()), Some("app-b".into())),
            ]
        );
    }

    /// Applying the blog's own batch to a zone that has it already is
    /// refused with Route 53's words, not silently merged.
    #[test]
    fn reapplying_is_refused_by_the_validator() {
        let mut r53 = route53_failover::build(1)
            .unwrap_or_else(|e| panic!("{e}"))
            .route53;
        let zone_id = r53.zones[0].id.clone();
        let batch = export_change_batch(&r53.zones[0], None);
        match apply_change_batch(&mut r53, &zone_id, &batch) {
            Err(ImportError::Api(e)) => {
                assert_eq!(e.code, "InvalidChangeBatch");
                assert!(e.message.contains("but it already exists"), "{e}");
            }
            other => panic!("{other:?}"),
        }
    }
}
