//! Many record sets sent the way a script would send them through the
//! Route 53 API: CREATE changes packed into as few change batches as
//! Route 53's per-request limits allow (DG `DNSLimitations`, #23): at most
//! 1,000 ResourceRecord elements (an alias counts as one) and 32,000
//! characters of values per request. The sandbox's "5,000 records" prompt
//! uses it to show that the table stays usable at that size.

use serde_json::{json, Value};

use super::batch::PendingBatch;
use crate::engine::route53::model::{self, ResourceRecordSet};
use crate::engine::route53::validate::{MAX_RECORDS_PER_BATCH, MAX_VALUE_CHARS_PER_BATCH};
use crate::engine::route53::HostedZone;

/// ResourceRecord elements and value characters one CREATE adds to a batch
/// (the way Route 53 counts them; UPSERT would count twice).
fn weight(set: &ResourceRecordSet) -> (usize, usize) {
    let values = set.resource_records.as_deref().unwrap_or_default();
    let records = if set.alias_target.is_some() {
        1
    } else {
        values.len()
    };
    let chars = values
        .iter()
        .map(|v| v.value.as_deref().map_or(0, |s| s.chars().count()))
        .sum();
    (records, chars)
}

/// CREATE batches for `sets` in zone `zone_id`, in order, each within the
/// limits. A set that alone breaks a limit gets a batch of its own, which
/// Route 53 then refuses with its message.
pub fn create_batches(zone_id: &str, sets: Vec<ResourceRecordSet>) -> Vec<PendingBatch> {
    let mut out = Vec::new();
    let mut changes: Vec<Value> = Vec::new();
    let (mut records, mut chars) = (0_usize, 0_usize);
    let mut flush = |changes: &mut Vec<Value>| {
        if !changes.is_empty() {
            out.push(PendingBatch {
                zone_id: zone_id.to_string(),
                batch: json!({"Changes": std::mem::take(changes)}),
                row_change: None,
            });
        }
    };
    for set in sets {
        let (r, c) = weight(&set);
        if records + r > MAX_RECORDS_PER_BATCH || chars + c > MAX_VALUE_CHARS_PER_BATCH {
            flush(&mut changes);
            (records, chars) = (0, 0);
        }
        records += r;
        chars += c;
        changes.push(json!({"Action": "CREATE", "ResourceRecordSet": set}));
    }
    flush(&mut changes);
    out
}

/// Record sets that grow `zone` to `total` sets: A records
/// `host-0001.<zone>` … with addresses from 10.0.0.0/16 (private space, so
/// nothing real is named). None when the zone already holds that many.
pub fn filler_sets(zone: &HostedZone, total: usize) -> Vec<ResourceRecordSet> {
    let have = zone.sets().count();
    let apex = zone.name_text();
    (1..=total.saturating_sub(have))
        .map(|i| ResourceRecordSet {
            name: Some(format!("host-{i:04}.{apex}")),
            rtype: Some("A".into()),
            ttl: Some(300),
            resource_records: Some(vec![model::ResourceRecord {
                value: Some(format!("10.0.{}.{}", (i / 256) % 256, i % 256)),
            }]),
            ..ResourceRecordSet::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::SimTime;
    use crate::scenario::presets::route53_failover;
    use crate::ui::adapters::batch::check;
    use crate::ui::workspace::Workspace;

    fn counts(p: &PendingBatch) -> (usize, usize) {
        let changes = p.batch["Changes"].as_array().cloned().unwrap_or_default();
        changes.iter().fold((0, 0), |(r, c), ch| {
            let set: ResourceRecordSet =
                serde_json::from_value(ch["ResourceRecordSet"].clone()).unwrap_or_default();
            let (r2, c2) = weight(&set);
            (r + r2, c + c2)
        })
    }

    /// DG `DNSLimitations` (#23): 1,000 ResourceRecord elements per
    /// request. 4,996 one-value sets need five batches; Route 53 takes each.
    #[test]
    fn a_5000_set_zone_goes_in_batches_of_at_most_1000_records() {
        let s = route53_failover::build(1).unwrap_or_else(|e| panic!("{e}"));
        let mut ws = Workspace::with(s);
        let zone = &ws.scenario.route53.zones[0];
        let sets = filler_sets(zone, 5_000);
        assert_eq!(sets.len(), 4_996);
        let batches = create_batches(&zone.id, sets);
        assert_eq!(batches.len(), 5);
        for b in &batches {
            let (r, c) = counts(b);
            assert!(
                r <= MAX_RECORDS_PER_BATCH && c <= MAX_VALUE_CHARS_PER_BATCH,
                "{r} {c}"
            );
            assert_eq!(check(&ws.scenario.route53, b), Ok(()));
            assert!(ws.apply_batch(b, SimTime::ZERO));
        }
        assert_eq!(counts(&batches[0]).0, 1_000, "batches are filled");
        assert_eq!(ws.scenario.route53.zones[0].sets().count(), 5_000);
        assert!(filler_sets(&ws.scenario.route53.zones[0], 5_000).is_empty());
    }

    /// The 32,000-character rule splits first when values are long.
    #[test]
    fn long_values_split_on_the_character_limit() {
        let txt = |i: usize| ResourceRecordSet {
            name: Some(format!("t{i}.example.com")),
            rtype: Some("TXT".into()),
            ttl: Some(60),
            resource_records: Some(vec![model::ResourceRecord {
                value: Some(format!("\"{}\"", "x".repeat(250))),
            }]),
            ..ResourceRecordSet::default()
        };
        // 252 characters each: 126 fit in 32,000 (31,752), the 127th does not.
        let batches = create_batches("Z1", (0..300).map(txt).collect());
        let sizes: Vec<(usize, usize)> = batches.iter().map(counts).collect();
        assert_eq!(sizes, [(126, 31_752), (126, 31_752), (48, 12_096)]);
        assert!(create_batches("Z1", Vec::new()).is_empty());
    }
}
