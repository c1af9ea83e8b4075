//! Route 53 hosted zones to and from BIND zone files, through
//! [`super::zonefile`] (hickory-proto's parser, RFC 1035 §5).
//!
//! A zone file has no routing policies, health checks or aliases, so the
//! export writes what a plain DNS server would serve from: the simple sets
//! (with the apex SOA and NS Route 53 made) as records, simple aliases as
//! the comments `export_zone` writes, and every routed set (weighted,
//! failover, latency, geolocation, multivalue) as a comment naming its
//! policy, set identifier, values and health check. Re-importing the file
//! gives back exactly the simple sets' records.
//!
//! The import turns a zone file into a change batch of CREATEs (one per
//! owner and type, the file's TTL, values in presentation format), leaving
//! out the apex SOA and NS (Route 53 makes its own); applying it with
//! [`super::change_batch::apply_change_batch`] lets the Route 53 validator
//! accept or refuse it with its messages.

use hickory_proto::rr::{Name, RecordType};

use super::change_batch::sets_to_create;
use super::zonefile::{export_zone, import_zone, ZoneFileError};
use crate::engine::lookup::{Alias, AuthZone, ZoneError};
use crate::engine::route53::model::{Change, ChangeBatch, ResourceRecord, ResourceRecordSet};
use crate::engine::route53::{HostedZone, RecordData, Routing};
use crate::engine::wire::rdata_text;

/// The zone as a plain DNS zone: simple sets and simple aliases.
pub fn plain_zone(zone: &HostedZone) -> Result<AuthZone, ZoneError> {
    let mut records = Vec::new();
    let mut aliases = Vec::new();
    for set in zone.sets().filter(|s| s.routing == Routing::Simple) {
        match &set.data {
            RecordData::Values { .. } => records.extend(set.records()),
            RecordData::Alias(a) => aliases.push((
                set.name.clone(),
                set.rtype,
                Alias {
                    target: a.dns_name.clone(),
                    hosted_zone_id: a.hosted_zone_id.clone(),
                    evaluate_target_health: a.evaluate_target_health,
                },
            )),
        }
    }
    AuthZone::new(zone.name.clone(), records, aliases)
}

/// The zone file of `zone`, routed sets as trailing comments.
pub fn export_bind(zone: &HostedZone) -> Result<String, ZoneError> {
    let mut out = export_zone(&plain_zone(zone)?);
    for set in sets_to_create(zone)
        .into_iter()
        .filter(|s| s.routing != Routing::Simple)
    {
        let data = match &set.data {
            RecordData::Values { ttl, values } => format!(
                "{ttl} IN {} {}",
                set.rtype,
                values
                    .iter()
                    .map(|v| rdata_text(&v.rdata))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
            RecordData::Alias(a) => format!("{} alias -> {}", set.rtype, a.dns_name),
        };
        let check = set
            .health_check_id
            .as_deref()
            .map(|h| format!(", health check {h}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "; Route 53 {} routing, set {}: {} {data}{check}\n",
            set.routing.policy_word(),
            set.routing.set_id().unwrap_or_default(),
            set.name
        ));
    }
    Ok(out)
}

/// A zone file as a change batch of CREATEs for the zone `origin` (or the
/// file's `$ORIGIN`). Errors name the line, as the zone-file importer does.
pub fn import_bind(text: &str, origin: Option<&Name>) -> Result<ChangeBatch, ZoneFileError> {
    let auth = import_zone(text, origin)?;
    let apex = auth.origin().clone();
    let mut changes = Vec::new();
    for node in auth.nodes() {
        for rtype in node.rrsets.keys() {
            let is_apex = node.name.to_lowercase() == apex.to_lowercase();
            if is_apex && matches!(rtype, RecordType::SOA | RecordType::NS) {
                continue;
            }
            let records = node.records(*rtype);
            let Some(ttl) = records.first().map(|r| r.ttl) else {
                continue;
            };
            changes.push(Change {
                action: Some("CREATE".into()),
                resource_record_set: Some(ResourceRecordSet {
                    name: Some(node.name.to_string()),
                    rtype: Some(rtype.to_string()),
                    ttl: Some(i64::from(ttl)),
                    resource_records: Some(
                        records
                            .iter()
                            .map(|r| ResourceRecord {
                                value: Some(rdata_text(&r.data)),
                            })
                            .collect(),
                    ),
                    ..ResourceRecordSet::default()
                }),
            });
        }
    }
    Ok(ChangeBatch {
        comment: Some(format!("imported from a zone file for {apex}")),
        changes: Some(changes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 1035 §5: the apex SOA and NS of a file are Route 53's to make,
    /// so the import leaves them out and keeps one CREATE per owner/type.
    #[test]
    fn import_skips_apex_soa_and_ns() {
        let text = "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\n@ MX 10 mail\nns1 A 192.0.2.1\nmail 60 A 192.0.2.2\nmail 60 A 192.0.2.3\n";
        let batch = import_bind(text, None).unwrap_or_else(|e| panic!("{e}"));
        let got: Vec<(String, String, i64, usize)> = batch
            .changes
            .unwrap_or_default()
            .into_iter()
            .filter_map(|c| c.resource_record_set)
            .map(|s| {
                (
                    s.name.unwrap_or_default(),
                    s.rtype.unwrap_or_default(),
                    s.ttl.unwrap_or_default(),
                    s.resource_records.map(|r| r.len()).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("example.com.".to_string(), "MX".to_string(), 300, 1),
                ("mail.example.com.".into(), "A".into(), 60, 2),
                ("ns1.example.com.".into(), "A".into(), 300, 1),
            ]
        );
    }

    /// Errors keep the zone-file importer's line numbers.
    #[test]
    fn import_errors_name_the_line() {
        let text =
            "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\nwww A not-an-address\n";
        let e = import_bind(text, None).err().map(|e| e.line);
        assert_eq!(e, Some(4));
    }
}
