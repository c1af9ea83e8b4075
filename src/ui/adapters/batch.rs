//! Table edits as Route 53 change batches: an edit is DELETE of the old
//! set and CREATE of the new one in one batch (how sets were edited before
//! UPSERT, and still how the console shows a replacement), an add is a
//! CREATE, a delete a DELETE. The batch runs through
//! [`plan_change_batch`], so Route 53's own validation decides, and each
//! [`BatchProblem`] goes back to the cell it is about.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::rows::{request_set, set_of};
use crate::engine::route53::model::ResourceRecordSet;
use crate::engine::route53::validate::{plan_change_batch, Rejection};
use crate::engine::route53::{BatchProblem, HostedZone, Route53, Rule};
use crate::ui::view_model::record_table::{CellErrors, Column, RowFields, RowId};

/// A batch ready to send: which zone, and the `ChangeBatch` JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingBatch {
    /// The hosted zone's id (`Z...`).
    pub zone_id: String,
    /// The `ChangeBatch` document.
    pub batch: Value,
    /// The index in `Changes` of the change that carries the row's new text
    /// (problems of other changes go to the row as a whole).
    pub row_change: Option<usize>,
}

fn change(action: &str, set: &ResourceRecordSet) -> Value {
    json!({"Action": action, "ResourceRecordSet": set})
}

/// The batch for editing row `id` of `zone` into `fields`.
pub fn edit_batch(
    zone: &HostedZone,
    id: &RowId,
    fields: &RowFields,
) -> Result<PendingBatch, Box<CellErrors>> {
    let old = set_of(zone, id).ok_or_else(|| {
        Box::new(CellErrors {
            row: Some("This record set is no longer in the zone.".into()),
            ..CellErrors::default()
        })
    })?;
    let new = request_set(fields)?;
    Ok(PendingBatch {
        zone_id: zone.id.clone(),
        batch: json!({"Changes": [change("DELETE", &old.to_model()), change("CREATE", &new)]}),
        row_change: Some(1),
    })
}

/// The batch for adding a set with `fields` to `zone`.
pub fn add_batch(zone: &HostedZone, fields: &RowFields) -> Result<PendingBatch, Box<CellErrors>> {
    let new = request_set(fields)?;
    Ok(PendingBatch {
        zone_id: zone.id.clone(),
        batch: json!({"Changes": [change("CREATE", &new)]}),
        row_change: Some(0),
    })
}

/// The batch for deleting row `id` of `zone`.
pub fn delete_batch(zone: &HostedZone, id: &RowId) -> Option<PendingBatch> {
    let old = set_of(zone, id)?;
    Some(PendingBatch {
        zone_id: zone.id.clone(),
        batch: json!({"Changes": [change("DELETE", &old.to_model())]}),
        row_change: None,
    })
}

/// The cell a rule is about.
pub fn column_of(rule: Rule) -> Option<Column> {
    use Rule::*;
    match rule {
        InvalidName | NotInZone | CreateExists => Some(Column::Name),
        CnameAtApex | CnameConflict | BesideCname | TypeNotRoutable | WildcardNs => {
            Some(Column::Type)
        }
        InvalidValue
        | DuplicateValue
        | CnameSingleValue
        | TooManyValues
        | AliasTargetNotFound
        | AliasTargetOutsideZone => Some(Column::Values),
        RoutingMix
        | DuplicateLatencyRegion
        | DuplicateFailoverRole
        | DuplicateGeoLocation
        | InvalidSetOfChanges => Some(Column::Routing),
        DeleteNotFound | DeleteMismatch | SoaRequired | NsRequired | TooManyRecords
        | TooManyCharacters => None,
    }
}

fn add(errors: &mut CellErrors, col: Option<Column>, message: &str) {
    let slot = match col {
        Some(Column::Name) => &mut errors.name,
        Some(Column::Type) => &mut errors.rtype,
        Some(Column::Routing) => &mut errors.routing,
        Some(Column::Ttl) => &mut errors.ttl,
        Some(Column::Values) => &mut errors.values,
        Some(Column::HealthCheck) => &mut errors.health_check,
        None => &mut errors.row,
    };
    match slot {
        Some(existing) => {
            existing.push_str(" · ");
            existing.push_str(message);
        }
        None => *slot = Some(message.to_string()),
    }
}

/// The cell an error without problems (InvalidInput, NoSuchHealthCheck) is
/// about, from the API member its message names.
fn column_of_error(code: &str, message: &str) -> Option<Column> {
    let m = message.to_ascii_lowercase();
    if code == "NoSuchHealthCheck" || m.contains("healthcheck") {
        Some(Column::HealthCheck)
    } else if m.contains("ttl") {
        Some(Column::Ttl)
    } else if m.contains("setidentifier")
        || m.contains("failover")
        || m.contains("weight")
        || m.contains("region")
        || m.contains("geolocation")
        || m.contains("continentcode")
        || m.contains("countrycode")
        || m.contains("subdivisioncode")
        || m.contains("multivalueanswer")
    {
        Some(Column::Routing)
    } else if m.contains("resourcerecord") || m.contains("value") {
        Some(Column::Values)
    } else if m.contains("type") {
        Some(Column::Type)
    } else if m.contains("name") {
        Some(Column::Name)
    } else {
        None
    }
}

/// Route 53's verdict as per-cell messages: each problem of the row's own
/// change in its cell, problems of other changes (the DELETE half of an
/// edit) and batch-wide ones on the row.
pub fn cell_errors(rejection: &Rejection, row_change: Option<usize>) -> CellErrors {
    let mut errors = CellErrors::default();
    if rejection.problems.is_empty() {
        let col = column_of_error(&rejection.error.code, &rejection.error.message);
        add(&mut errors, col, &rejection.error.message);
        return errors;
    }
    for BatchProblem {
        change,
        rule,
        message,
    } in &rejection.problems
    {
        let col = if row_change.is_some() && *change == row_change {
            column_of(*rule)
        } else {
            None
        };
        add(&mut errors, col, message);
    }
    errors
}

/// Runs Route 53's validation of `pending` against the service without
/// changing it.
pub fn check(route53: &Route53, pending: &PendingBatch) -> Result<(), Box<CellErrors>> {
    let zone = route53.zone(&pending.zone_id).ok_or_else(|| {
        Box::new(CellErrors {
            row: Some(format!("No hosted zone with id {}", pending.zone_id)),
            ..CellErrors::default()
        })
    })?;
    let ids: BTreeSet<String> = route53.health_checks.iter().map(|h| h.id.clone()).collect();
    plan_change_batch(zone, &pending.batch, &ids)
        .map(|_| ())
        .map_err(|r| Box::new(cell_errors(&r, pending.row_change)))
}

/// The batch as pretty JSON, for the "last change" panel.
pub fn batch_json(batch: &Value) -> String {
    serde_json::to_string_pretty(batch).unwrap_or_default()
}

/// The AWS CLI command that sends the same batch (single quotes around the
/// JSON, with any `'` in it closed, escaped and reopened as a shell needs).
pub fn cli_command(pending: &PendingBatch) -> String {
    let compact = serde_json::to_string(&pending.batch).unwrap_or_default();
    format!(
        "aws route53 change-resource-record-sets --hosted-zone-id {} --change-batch '{}'",
        pending.zone_id,
        compact.replace('\'', r"'\''")
    )
}

/// Adds an A set `name` with the table's `routing` text and one `value`
/// (TTL 60) to the first zone of `ws`, through the same batch and Route 53
/// validation as a table edit: the setup of the routing tests of the answer
/// and resolution adapters.
#[cfg(test)]
pub(crate) fn add_routed_a(
    ws: &mut crate::ui::workspace::Workspace,
    name: &str,
    routing: &str,
    value: &str,
) {
    let f = RowFields {
        name: name.into(),
        rtype: "A".into(),
        routing: routing.into(),
        ttl: "60".into(),
        values: value.into(),
        ..RowFields::default()
    };
    let p = add_batch(&ws.scenario.route53.zones[0], &f).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(check(&ws.scenario.route53, &p), Ok(()), "{routing}");
    assert!(ws.apply_batch(&p, crate::engine::time::SimTime::ZERO));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets::{route53_failover, simple_zones};
    use crate::ui::adapters::rows::rows_from_zone;

    fn a_zone() -> Route53 {
        simple_zones::a_records(1)
            .unwrap_or_else(|e| panic!("{e}"))
            .route53
    }

    fn api_row(r53: &Route53) -> (RowId, RowFields) {
        let rows = rows_from_zone(&r53.zones[0]);
        let row = rows
            .iter()
            .find(|r| r.fields.name == "api.hello.com.")
            .cloned();
        let row = row.unwrap_or_else(|| panic!("no api row"));
        (row.id, row.fields)
    }

    /// Route 53 #18: `not-an-ip` in an A record is refused with
    /// ARRDATAIllegalIPv4Address, and the message lands in the values cell.
    #[test]
    fn an_invalid_ipv4_value_is_refused_in_the_values_cell() {
        let r53 = a_zone();
        let (id, mut fields) = api_row(&r53);
        fields.values = "not-an-ip".into();
        let pending = edit_batch(&r53.zones[0], &id, &fields).unwrap_or_else(|e| panic!("{e:?}"));
        let e = check(&r53, &pending).err().unwrap_or_default();
        let msg = e.get(Column::Values).unwrap_or_default();
        assert!(msg.contains("ARRDATAIllegalIPv4Address"), "{msg}");
        assert!(e.row.is_none() && e.get(Column::Name).is_none(), "{e:?}");
    }

    /// Route 53 #11: a CNAME at the apex is refused, shown on the type cell.
    #[test]
    fn a_cname_at_the_apex_is_refused_on_the_type_cell() {
        let r53 = a_zone();
        let fields = RowFields {
            name: "hello.com".into(),
            rtype: "CNAME".into(),
            routing: "simple".into(),
            ttl: "300".into(),
            values: "www.hello.com".into(),
            health_check: String::new(),
            alias: None,
        };
        let pending = add_batch(&r53.zones[0], &fields).unwrap_or_else(|e| panic!("{e:?}"));
        let e = check(&r53, &pending).err().unwrap_or_default();
        let msg = e.get(Column::Type).unwrap_or_default();
        assert!(msg.contains("is not permitted at apex"), "{msg}");
    }

    /// An edit is DELETE old + CREATE new in one batch, which Route 53
    /// accepts (#8: changes apply in order), and the CLI command carries it.
    #[test]
    fn an_edit_is_one_delete_create_batch() {
        let r53 = a_zone();
        let (id, mut fields) = api_row(&r53);
        fields.values = "192.0.2.7".into();
        let pending = edit_batch(&r53.zones[0], &id, &fields).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(check(&r53, &pending), Ok(()));
        let actions: Vec<&str> = pending.batch["Changes"]
            .as_array()
            .map(|a| a.iter().filter_map(|c| c["Action"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(actions, ["DELETE", "CREATE"]);
        let cmd = cli_command(&pending);
        assert!(cmd.starts_with(&format!(
            "aws route53 change-resource-record-sets --hosted-zone-id {} --change-batch '{{",
            r53.zones[0].id
        )));
        assert!(cmd.contains("192.0.2.7") && cmd.ends_with("}'"));
    }

    /// NoSuchHealthCheck has no problem list: it goes to the health cell.
    #[test]
    fn an_unknown_health_check_is_shown_in_its_cell() {
        let s = route53_failover::build(1).unwrap_or_else(|e| panic!("{e}"));
        let rows = rows_from_zone(&s.route53.zones[0]);
        let row = rows.iter().find(|r| !r.fields.health_check.is_empty());
        let row = row.cloned().unwrap_or_else(|| panic!("no checked row"));
        let mut fields = row.fields.clone();
        fields.health_check = "no-such-check".into();
        let pending =
            edit_batch(&s.route53.zones[0], &row.id, &fields).unwrap_or_else(|e| panic!("{e:?}"));
        let e = check(&s.route53, &pending).err().unwrap_or_default();
        assert!(
            e.get(Column::HealthCheck)
                .is_some_and(|m| m.contains("no-such-check")),
            "{e:?}"
        );
    }

    /// Route 53 #17, #58 and #21: a routed set without SetIdentifier, an
    /// unknown continent, and an alias whose target is not in the zone are
    /// Route 53's to refuse; each message lands in the cell it is about.
    #[test]
    fn routing_and_alias_refusals_land_in_their_cells() {
        use crate::ui::view_model::record_table::AliasFields;
        let r53 = a_zone();
        let zone = &r53.zones[0];
        let base = RowFields {
            name: "geo.hello.com".into(),
            rtype: "A".into(),
            routing: "simple".into(),
            ttl: "60".into(),
            values: "192.0.2.1".into(),
            health_check: String::new(),
            alias: None,
        };
        let cases = [
            (
                "failover PRIMARY",
                None,
                Column::Routing,
                "Missing field 'SetIdentifier'",
            ),
            (
                "geolocation continent XX · set x",
                None,
                Column::Routing,
                "'XX' is not a valid ContinentCode",
            ),
            (
                "simple",
                Some(AliasFields {
                    hosted_zone_id: zone.id.clone(),
                    evaluate_target_health: false,
                }),
                Column::Values,
                "but that target was not found",
            ),
        ];
        for (routing, alias, col, want) in cases {
            let mut f = base.clone();
            f.routing = routing.into();
            if alias.is_some() {
                f.values = "nowhere.hello.com".into();
            }
            f.alias = alias;
            let pending = add_batch(zone, &f).unwrap_or_else(|e| panic!("{e:?}"));
            let e = check(&r53, &pending).err().unwrap_or_default();
            assert!(
                e.get(col).is_some_and(|m| m.contains(want)),
                "{routing}: {e:?}"
            );
        }
    }

    #[test]
    fn quotes_in_the_batch_are_escaped_for_the_shell() {
        let pending = PendingBatch {
            zone_id: "Z1".into(),
            batch: json!({"Comment": "it's"}),
            row_change: None,
        };
        assert!(cli_command(&pending).ends_with(r#"{"Comment":"it'\''s"}'"#));
    }
}
