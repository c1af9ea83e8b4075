//! The import half: what a text is, the size cap, and what an accepted
//! import does to the page (see the parent module for the checks used).

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::page_zone;
use crate::engine::route53::validate::plan_change_batch;
use crate::engine::route53::HostedZone;
use crate::scenario::formats::bind::import_bind;
use crate::scenario::formats::change_batch::parse_change_batch;
use crate::scenario::formats::zonefile::ZoneFileError;
use crate::scenario::model::Scenario;
use crate::ui::adapters::batch::PendingBatch;

/// Largest text an import reads (2 MiB). A zone file of that size holds tens
/// of thousands of records, far past Route 53's 1,000 values per change
/// batch (API `ChangeResourceRecordSets` quotas), so nothing useful is cut
/// off, and the browser never parses a huge file on the UI thread.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

/// What an imported text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// A dnsplay scenario document.
    Scenario,
    /// A Route 53 change batch (`{"Changes": [...]}`), or the whole
    /// `change-resource-record-sets` input (`{"ChangeBatch": {...}}`).
    ChangeBatch,
    /// A BIND zone file.
    ZoneFile,
}

impl ImportKind {
    /// Every kind, in menu order.
    pub const ALL: [ImportKind; 3] = [
        ImportKind::Scenario,
        ImportKind::ChangeBatch,
        ImportKind::ZoneFile,
    ];

    /// The stable id used in the menu's `value`.
    pub fn id(self) -> &'static str {
        match self {
            ImportKind::Scenario => "scenario",
            ImportKind::ChangeBatch => "change-batch",
            ImportKind::ZoneFile => "zonefile",
        }
    }

    /// The kind an id names (`None` for "detect").
    pub fn from_id(id: &str) -> Option<ImportKind> {
        ImportKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Scenario => "Scenario (dnsplay JSON)",
            ImportKind::ChangeBatch => "Route 53 change batch (JSON)",
            ImportKind::ZoneFile => "BIND zone file",
        }
    }
}

/// Refuses a text longer than [`MAX_IMPORT_BYTES`], saying how long it is.
pub fn check_size(bytes: u64) -> Result<(), String> {
    let max = u64::try_from(MAX_IMPORT_BYTES).unwrap_or(u64::MAX);
    if bytes <= max {
        return Ok(());
    }
    // Tenths of a MiB, rounded up so a file just past the limit never reads
    // as "2.0 MB".
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    Err(format!(
        "Too large: this is {}.{} MB, and an import is at most {} MB (nothing was changed).",
        tenths / 10,
        tenths % 10,
        MAX_IMPORT_BYTES / (1024 * 1024)
    ))
}

/// What `text` looks like: JSON with `Changes` or `ChangeBatch` at the top
/// is a change batch, other JSON a scenario (its loader says what is wrong
/// with it), anything else a zone file. A byte-order mark is ignored.
pub fn detect(text: &str) -> ImportKind {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if !(body.starts_with('{') || body.starts_with('[')) {
        return ImportKind::ZoneFile;
    }
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(map))
            if map.contains_key("Changes") || map.contains_key("ChangeBatch") =>
        {
            ImportKind::ChangeBatch
        }
        _ => ImportKind::Scenario,
    }
}

/// What an accepted import does to the page.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportPlan {
    /// Replace the page's scenario (`Action::LoadScenario`).
    Replace(Box<Scenario>),
    /// Send a checked change batch (`Action::ApplyBatch`), with a summary.
    Batch(PendingBatch, String),
}

/// The change batch inside a change-batch document: the batch itself, or
/// the `ChangeBatch` member of a whole `change-resource-record-sets` input
/// (`--cli-input-json`). Fields are named as Route 53's API names them.
fn batch_of(text: &str) -> Result<Value, String> {
    let body = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(body)
        .map_err(|e| format!("Not JSON: line {}, column {}: {e}", e.line(), e.column()))?;
    let inner = match value.get("ChangeBatch") {
        Some(b) => serde_json::to_string(b).unwrap_or_default(),
        None => body.to_string(),
    };
    let parsed = parse_change_batch(&inner)
        .map_err(|e| format!("Not a Route 53 change batch (API ChangeBatch shape): {e}"))?;
    if parsed.changes.as_ref().is_none_or(Vec::is_empty) {
        return Err(
            "Not a Route 53 change batch: Changes must list at least one change (API ChangeBatch)."
                .into(),
        );
    }
    serde_json::to_value(&parsed).map_err(|e| e.to_string())
}

/// Checks `batch` against the page's zone with Route 53's validation; the
/// pending batch, or Route 53's refusal in its words.
fn checked(scenario: &Scenario, batch: Value) -> Result<PendingBatch, String> {
    let zone = page_zone(scenario).ok_or("This page has no hosted zone to import into.")?;
    let ids: BTreeSet<String> = scenario
        .route53
        .health_checks
        .iter()
        .map(|h| h.id.clone())
        .collect();
    plan_change_batch(zone, &batch, &ids).map_err(|r| {
        format!(
            "Route 53 refused the batch (nothing was changed): {}",
            r.error
        )
    })?;
    Ok(PendingBatch {
        zone_id: zone.id.clone(),
        batch,
        row_change: None,
    })
}

fn count_changes(batch: &Value) -> usize {
    batch
        .get("Changes")
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Lines [`zone_file_batch`] puts before a file that has no SOA.
const SOA_PREAMBLE_LINES: usize = 2;

/// A zone file as a change batch for `zone`. A file without an SOA (a
/// snippet, or what `dig AXFR` minus its SOA gives) is read as if the zone's
/// SOA came first: the console's import ignores the file's SOA anyway, and
/// RFC 1035 §5.2's "exactly one SOA" is the zone's, which it has.
fn zone_file_batch(
    text: &str,
    zone: &HostedZone,
) -> Result<crate::engine::route53::model::ChangeBatch, ZoneFileError> {
    let origin = &zone.name;
    match import_bind(text, Some(origin)) {
        Err(e) if e.detail.contains("no SOA record") => {
            let apex = origin.to_string();
            let with_soa = format!(
                "$ORIGIN {apex}\n{apex} 3600 IN SOA ns.invalid. hostmaster.invalid. 1 7200 900 1209600 86400\n{text}"
            );
            import_bind(&with_soa, Some(origin)).map_err(|mut e| {
                e.line = e.line.saturating_sub(SOA_PREAMBLE_LINES).max(1);
                e
            })
        }
        other => other,
    }
}

/// Turns `text` into what it does to `scenario`, as `kind` (or the detected
/// kind): checked whole, so an `Err` means the page must not change.
///
/// A zone file goes into the page's hosted zone as the Route 53 console's
/// "Import zone file" does (DG `resource-record-sets-creating-import`): the
/// file's apex SOA and NS are left out (the zone has its own); unlike the
/// console, which needs a zone holding only those, every other set is
/// UPSERTed, so importing a file over the zone it came from changes nothing.
pub fn plan_import(
    scenario: &Scenario,
    kind: Option<ImportKind>,
    text: &str,
) -> Result<ImportPlan, String> {
    check_size(u64::try_from(text.len()).unwrap_or(u64::MAX))?;
    if text.trim().is_empty() {
        return Err("Nothing to import: the text is empty.".into());
    }
    match kind.unwrap_or_else(|| detect(text)) {
        ImportKind::Scenario => {
            let body = text.trim_start_matches('\u{feff}');
            let s = Scenario::from_json(body)
                .map_err(|e| format!("Not a dnsplay scenario: {e} (nothing was changed)"))?;
            s.run()
                .map_err(|e| format!("This scenario cannot run: {e} (nothing was changed)"))?;
            Ok(ImportPlan::Replace(Box::new(s)))
        }
        ImportKind::ChangeBatch => {
            let batch = batch_of(text)?;
            let n = count_changes(&batch);
            let p = checked(scenario, batch)?;
            Ok(ImportPlan::Batch(
                p,
                format!(
                    "Applied a change batch of {}.",
                    plural(n, "change", "changes")
                ),
            ))
        }
        ImportKind::ZoneFile => {
            let zone = page_zone(scenario).ok_or("This page has no hosted zone to import into.")?;
            let mut batch = zone_file_batch(text, zone)
                .map_err(|e| format!("Not a zone file: {e} (nothing was changed)"))?;
            let changes = batch.changes.get_or_insert_with(Vec::new);
            if changes.is_empty() {
                return Err(
                    "The zone file holds no records besides the apex SOA and NS, which Route 53 keeps its own of."
                        .into(),
                );
            }
            for c in changes.iter_mut() {
                c.action = Some("UPSERT".into());
            }
            let n = changes.len();
            let value = serde_json::to_value(&batch).unwrap_or_else(|_| json!({}));
            let p = checked(scenario, value)?;
            Ok(ImportPlan::Batch(
                p,
                format!(
                    "Imported {} from the zone file into {}.",
                    plural(n, "record set", "record sets"),
                    zone.name_text()
                ),
            ))
        }
    }
}
