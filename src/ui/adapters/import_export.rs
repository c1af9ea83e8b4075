//! Import and export of a page's scenario, pure (no web crates): which
//! formats, their text and file names, what a pasted or chosen text is, and
//! the action an import becomes. The component only moves bytes between
//! these functions and the browser (Blob downloads, `File.text()`).
//!
//! Every import goes through the checks the rest of dnsplay uses, so it is
//! accepted or refused whole and the page's scenario is untouched by a
//! refusal: a scenario through [`Scenario::from_json`] (the loader of
//! `dnsplay open`/`simulate`) and a run; a change batch through Route 53's
//! validation ([`plan_change_batch`]), refused in Route 53's words; a zone
//! file through hickory-proto's parser
//! ([`import_bind`](crate::scenario::formats::bind::import_bind), errors by
//! line) and then as a change batch. The import half is in `import.rs`.
//!
//! [`plan_change_batch`]: crate::engine::route53::validate::plan_change_batch

use crate::engine::route53::HostedZone;
use crate::scenario::formats::awslocal::export_awslocal;
use crate::scenario::formats::bind::export_bind;
use crate::scenario::formats::change_batch::export_change_batch_json;
use crate::scenario::formats::terraform::export_terraform;
use crate::scenario::model::Scenario;
use crate::ui::router::Route;

/// What the page can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The whole scenario document (what `dnsplay open` prints).
    Scenario,
    /// The page's hosted zone as a BIND zone file.
    ZoneFile,
    /// The hosted zone as a `ChangeResourceRecordSets` change batch.
    ChangeBatch,
    /// A shell script that recreates the zone in LocalStack.
    Awslocal,
    /// Terraform for the zone, its records and health checks.
    Terraform,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Scenario,
        ExportFormat::ZoneFile,
        ExportFormat::ChangeBatch,
        ExportFormat::Awslocal,
        ExportFormat::Terraform,
    ];

    /// The stable id used in the menu's `value`.
    pub fn id(self) -> &'static str {
        match self {
            ExportFormat::Scenario => "scenario",
            ExportFormat::ZoneFile => "zonefile",
            ExportFormat::ChangeBatch => "change-batch",
            ExportFormat::Awslocal => "awslocal",
            ExportFormat::Terraform => "terraform",
        }
    }

    /// The format an id names.
    pub fn from_id(id: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Scenario => "Scenario (dnsplay JSON)",
            ExportFormat::ZoneFile => "BIND zone file",
            ExportFormat::ChangeBatch => "Route 53 change batch (JSON)",
            ExportFormat::Awslocal => "awslocal script (LocalStack)",
            ExportFormat::Terraform => "Terraform",
        }
    }

    /// The download's media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Scenario | ExportFormat::ChangeBatch => "application/json",
            ExportFormat::ZoneFile | ExportFormat::Terraform => "text/plain",
            ExportFormat::Awslocal => "text/x-shellscript",
        }
    }
}

/// The page's hosted zone: the last one, the zone the record table shows.
pub fn page_zone(scenario: &Scenario) -> Option<&HostedZone> {
    scenario.route53.zones.last()
}

/// `text` reduced to characters safe in a file name on every system
/// (letters, digits, `.`, `-`, `_`), without a leading or trailing dot;
/// `fallback` when nothing is left. Zone names may hold any byte (RFC 4343
/// escapes), so they are never used as they are.
fn safe_stem(text: &str, fallback: &str) -> String {
    let kept: String = text
        .chars()
        .take(200)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let kept = kept.trim_matches('.');
    if kept.is_empty() || kept.chars().all(|c| c == '-') {
        fallback.to_string()
    } else {
        kept.to_string()
    }
}

/// The page's name for file names: the section slug, `sandbox`, or
/// `dnsplay`.
pub fn page_stem(route: &Route) -> String {
    match route {
        Route::Section(slug) => safe_stem(slug, "dnsplay"),
        Route::Sandbox => "sandbox".into(),
        Route::Home | Route::Unknown(_) => "dnsplay".into(),
    }
}

/// The download's file name: zone formats after the zone
/// (`example.com.zone`), the others after the page (`route53-failover.tf`).
pub fn file_name(format: ExportFormat, page: &str, zone: Option<&str>) -> String {
    let page = safe_stem(page, "dnsplay");
    let zone = safe_stem(zone.unwrap_or(""), "zone");
    match format {
        ExportFormat::Scenario => format!("{page}.json"),
        ExportFormat::ZoneFile => format!("{zone}.zone"),
        ExportFormat::ChangeBatch => format!("{zone}.change-batch.json"),
        ExportFormat::Awslocal => format!("{page}-awslocal.sh"),
        ExportFormat::Terraform => format!("{page}.tf"),
    }
}

/// The export's text, or why there is none (no zone; a zone BIND would
/// refuse).
pub fn export_text(format: ExportFormat, scenario: &Scenario) -> Result<String, String> {
    if format == ExportFormat::Scenario {
        return Ok(scenario.to_json());
    }
    let Some(zone) = page_zone(scenario) else {
        return Err("This page has no hosted zone to export.".into());
    };
    let r53 = &scenario.route53;
    match format {
        ExportFormat::ZoneFile => export_bind(zone).map_err(|e| {
            format!(
                "{} has no zone-file form: {e} (RFC 1035 §5.2)",
                zone.name_text()
            )
        }),
        ExportFormat::ChangeBatch => Ok(export_change_batch_json(zone)),
        ExportFormat::Awslocal => Ok(export_awslocal(r53, zone)),
        _ => Ok(export_terraform(r53, zone)),
    }
}

mod import;

pub use import::{check_size, detect, plan_import, ImportKind, ImportPlan, MAX_IMPORT_BYTES};

#[cfg(test)]
mod tests;
