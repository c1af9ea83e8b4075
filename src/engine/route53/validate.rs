//! ChangeResourceRecordSets: validation and atomic application.
//!
//! API `ChangeResourceRecordSets`: "Route 53 validates the changes in the
//! request and then either makes all or none of the changes" (#7). Changes
//! are checked in order against the zone *as changed so far*, so DELETE A
//! then CREATE CNAME at one name works and the reverse fails (#8). Every
//! problem of the batch is reported at once, comma-separated in brackets
//! (#10). Problems are reported in this order, the first kind found wins:
//!
//! 1. the body does not fit the model, or model constraints fail
//!    (InvalidInput, `N validation errors detected: ...`);
//! 2. request-shape problems (InvalidInput, `Invalid request: ...`);
//! 3. an unknown HealthCheckId (NoSuchHealthCheck);
//! 4. everything else (InvalidChangeBatch).

use std::collections::{BTreeMap, BTreeSet};

use hickory_proto::rr::RecordType;
use serde_json::Value;

use super::conflicts::{alias_problems, conflicts, same_as_stored};
use super::messages;
use super::model::{self, ChangeBatch};
use super::problem::{BatchProblem, Rule};
use super::record::{RecordData, RecordKey, RecordSet};
use super::shape::{check_record_set, Problem};
use super::zone::HostedZone;
use crate::engine::aws::ApiError;
use crate::engine::name::{format_name, is_in_zone};

/// A request holds at most this many ResourceRecord elements, UPSERTs
/// counted twice (DG `DNSLimitations`, #23).
pub const MAX_RECORDS_PER_BATCH: usize = 1000;
/// A request's Value elements hold at most this many characters, UPSERTs
/// counted twice (DG `DNSLimitations`, #23).
pub const MAX_VALUE_CHARS_PER_BATCH: usize = 32_000;
/// The longest batch comment (API model `ResourceDescription`).
pub const MAX_COMMENT_CHARS: usize = 256;

/// The three actions of API `Change`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Fails if the set exists.
    Create,
    /// Fails unless the set exists with the same values.
    Delete,
    /// Creates or replaces.
    Upsert,
}

impl Action {
    fn parse(s: &str) -> Option<Action> {
        match s {
            "CREATE" => Some(Action::Create),
            "DELETE" => Some(Action::Delete),
            "UPSERT" => Some(Action::Upsert),
            _ => None,
        }
    }
}

fn invalid_input(message: String) -> ApiError {
    ApiError::new("InvalidInput", message)
}

/// A batch that passed every check: the zone's sets once it is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The record sets of the zone after the batch.
    pub record_sets: BTreeMap<RecordKey, RecordSet>,
    /// The batch comment, for `ChangeInfo`.
    pub comment: Option<String>,
}

/// Why a batch was refused: the API's error, and for InvalidChangeBatch
/// every problem with the change it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// What the API answers.
    pub error: ApiError,
    /// The InvalidChangeBatch problems (empty for other errors).
    pub problems: Vec<BatchProblem>,
}

impl From<ApiError> for Rejection {
    fn from(error: ApiError) -> Self {
        Rejection {
            error,
            problems: Vec::new(),
        }
    }
}

/// Validates `batch` (the `ChangeBatch` JSON) against `zone` and applies it
/// all or nothing. `health_checks` are the ids that exist. Returns the
/// batch comment for `ChangeInfo`.
pub fn apply_change_batch(
    zone: &mut HostedZone,
    batch: &Value,
    health_checks: &BTreeSet<String>,
) -> Result<Option<String>, ApiError> {
    let plan = plan_change_batch(zone, batch, health_checks).map_err(|r| r.error)?;
    zone.record_sets = plan.record_sets;
    Ok(plan.comment)
}

/// Validates `batch` against `zone` without changing it: the sets the zone
/// would hold, or every problem found.
pub fn plan_change_batch(
    zone: &HostedZone,
    batch: &Value,
    health_checks: &BTreeSet<String>,
) -> Result<Plan, Rejection> {
    let batch: ChangeBatch = serde_json::from_value(batch.clone())
        .map_err(|e| invalid_input(messages::malformed(&e.to_string())))?;
    let changes = typed_changes(&batch)?;
    for (_, set) in &changes {
        if let Ok(set) = set {
            if let Some(id) = set
                .health_check_id
                .as_ref()
                .filter(|id| !health_checks.contains(*id))
            {
                return Err(Rejection::from(ApiError::new(
                    "NoSuchHealthCheck",
                    messages::no_such_health_check(id),
                )));
            }
        }
    }
    let mut problems = limit_problems(&batch);
    let working = apply_in_order(zone, &changes, &mut problems);
    if !problems.is_empty() {
        let texts: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
        return Err(Rejection {
            error: ApiError::new("InvalidChangeBatch", messages::change_batch(&texts)),
            problems,
        });
    }
    Ok(Plan {
        record_sets: working,
        comment: batch.comment,
    })
}

type TypedChange = (Action, Result<RecordSet, Vec<(Rule, String)>>);

/// Steps 1 and 2: model constraints and shape; the typed set of each
/// change, or its InvalidChangeBatch problems.
fn typed_changes(batch: &ChangeBatch) -> Result<Vec<TypedChange>, ApiError> {
    let mut constraints = Vec::new();
    let mut invalid = Vec::new();
    if let Some(c) = &batch.comment {
        if c.chars().count() > MAX_COMMENT_CHARS {
            constraints.push(messages::constraint(
                c,
                "changeBatch.comment",
                "Member must have length less than or equal to 256",
            ));
        }
    }
    let empty = Vec::new();
    let list = match &batch.changes {
        None => {
            constraints.push(messages::constraint(
                "null",
                "changeBatch.changes",
                "Member must not be null",
            ));
            &empty
        }
        Some(l) if l.is_empty() => {
            let rule = "Member must have length greater than or equal to 1";
            constraints.push(messages::constraint("[]", "changeBatch.changes", rule));
            &empty
        }
        Some(l) => l,
    };
    let mut typed = Vec::new();
    for (i, change) in list.iter().enumerate() {
        let path = format!("changeBatch.changes.{}.member", i + 1);
        let action = match change.action.as_deref() {
            None => {
                constraints.push(messages::constraint(
                    "null",
                    &format!("{path}.action"),
                    "Member must not be null",
                ));
                None
            }
            Some(a) => {
                let parsed = Action::parse(a);
                if parsed.is_none() {
                    invalid.push(messages::not_in_enum(a, "CREATE, DELETE, UPSERT"));
                }
                parsed
            }
        };
        let Some(rrs) = &change.resource_record_set else {
            let p = format!("{path}.resourceRecordSet");
            constraints.push(messages::constraint("null", &p, "Member must not be null"));
            continue;
        };
        let action_text = change.action.as_deref().unwrap_or("null");
        let checked = check_record_set(rrs, action_text, &format!("{path}.resourceRecordSet"));
        let set = match checked {
            Ok(set) => Ok(set),
            Err(problems) => {
                let mut batch_problems = Vec::new();
                for p in problems {
                    match p {
                        Problem::Constraint(m) => constraints.push(m),
                        Problem::Invalid(m) => invalid.push(m),
                        Problem::Batch(r, m) => batch_problems.push((r, m)),
                    }
                }
                Err(batch_problems)
            }
        };
        if let Some(action) = action {
            typed.push((action, set));
        }
    }
    if !constraints.is_empty() {
        return Err(invalid_input(messages::validation_errors(&constraints)));
    }
    if let Some(first) = invalid.into_iter().next() {
        return Err(invalid_input(first));
    }
    Ok(typed)
}

/// DG `DNSLimitations` (#23): 1,000 ResourceRecord elements (an alias
/// counts as one) and 32,000 value characters; UPSERT counts twice.
fn limit_problems(batch: &ChangeBatch) -> Vec<BatchProblem> {
    let (mut records, mut chars) = (0usize, 0usize);
    for change in batch.changes.iter().flatten() {
        let times = if change.action.as_deref() == Some("UPSERT") {
            2
        } else {
            1
        };
        let Some(rrs) = &change.resource_record_set else {
            continue;
        };
        let values = rrs.resource_records.as_deref().unwrap_or_default();
        let n = if rrs.alias_target.is_some() {
            1
        } else {
            values.len()
        };
        records = records.saturating_add(n.saturating_mul(times));
        let c: usize = values.iter().map(value_chars).sum();
        chars = chars.saturating_add(c.saturating_mul(times));
    }
    let mut out = Vec::new();
    if records > MAX_RECORDS_PER_BATCH {
        out.push(batch_wide(Rule::TooManyRecords, messages::TOO_MANY_RECORDS));
    }
    if chars > MAX_VALUE_CHARS_PER_BATCH {
        out.push(batch_wide(
            Rule::TooManyCharacters,
            messages::TOO_MANY_CHARACTERS,
        ));
    }
    out
}

fn batch_wide(rule: Rule, message: &str) -> BatchProblem {
    BatchProblem {
        change: None,
        rule,
        message: message.to_string(),
    }
}

fn value_chars(rr: &model::ResourceRecord) -> usize {
    rr.value.as_deref().map_or(0, |v| v.chars().count())
}

/// Step 4: the changes in order against a working copy of the zone.
fn apply_in_order(
    zone: &HostedZone,
    changes: &[TypedChange],
    problems: &mut Vec<BatchProblem>,
) -> BTreeMap<RecordKey, RecordSet> {
    let mut working = zone.record_sets.clone();
    let zone_text = zone.name_text();
    let mut touched: BTreeMap<RecordKey, Vec<Action>> = BTreeMap::new();
    for (index, (action, set)) in changes.iter().enumerate() {
        let mut report = |rule: Rule, message: String| {
            problems.push(BatchProblem {
                change: Some(index),
                rule,
                message,
            });
        };
        let set = match set {
            Ok(set) => set,
            Err(found) => {
                for (rule, message) in found {
                    report(*rule, message.clone());
                }
                continue;
            }
        };
        let name = format_name(&set.name);
        if !is_in_zone(&set.name, &zone.name) {
            report(Rule::NotInZone, messages::not_in_zone(&name, &zone_text));
            continue;
        }
        let key = set.key();
        let history = touched.entry(key.clone()).or_default();
        // #9: one change per set, except the classic DELETE-then-CREATE edit.
        let repeat_ok =
            history.is_empty() || (*history == [Action::Delete] && *action == Action::Create);
        history.push(*action);
        if !repeat_ok {
            let message = messages::invalid_set_of_changes(&key.rtype, &name);
            report(Rule::InvalidSetOfChanges, message);
            continue;
        }
        let set_ref = messages::set_ref(&name, &key.rtype, set.routing.set_id());
        match action {
            Action::Create if working.contains_key(&key) => {
                report(Rule::CreateExists, messages::create_exists(&set_ref));
            }
            Action::Create | Action::Upsert => {
                let mut found = conflicts(&working, &zone.name, set);
                found.extend(alias_problems(&working, &zone.id, &zone.name, set));
                if found.is_empty() {
                    working.insert(key, set.clone());
                }
                for (rule, message) in found {
                    report(rule, message);
                }
            }
            Action::Delete => match working.get(&key) {
                None => report(Rule::DeleteNotFound, messages::delete_not_found(&set_ref)),
                Some(stored) if !same_as_stored(stored, set) => {
                    report(Rule::DeleteMismatch, messages::delete_mismatch(&set_ref));
                }
                Some(_) => {
                    working.remove(&key);
                }
            },
        }
    }
    apex_problems(zone, &working, problems);
    working
}

/// #15: the apex keeps exactly one SOA and its NS set.
fn apex_problems(
    zone: &HostedZone,
    working: &BTreeMap<RecordKey, RecordSet>,
    problems: &mut Vec<BatchProblem>,
) {
    let has = |t: RecordType| working.contains_key(&RecordKey::new(&zone.name, t, None));
    if !has(RecordType::SOA) {
        problems.push(batch_wide(Rule::SoaRequired, messages::SOA_REQUIRED));
    }
    let ns = working.get(&RecordKey::new(&zone.name, RecordType::NS, None));
    if !ns.is_some_and(|s| matches!(s.data, RecordData::Values { .. })) {
        problems.push(batch_wide(Rule::NsRequired, messages::NS_REQUIRED));
    }
}

#[cfg(test)]
mod tests;
