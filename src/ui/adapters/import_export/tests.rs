use serde_json::{json, Value};

use super::*;
use crate::engine::route53::{RecordData, RecordSet, Routing};
use crate::engine::time::SimTime;
use crate::scenario::formats::change_batch::sets_to_create;
use crate::scenario::presets::PRESETS;
use crate::ui::adapters::batch::PendingBatch;
use crate::ui::workspace::{Workspace, PAGE_SEED};

fn presets() -> Vec<(&'static str, Scenario)> {
    PRESETS
        .iter()
        .filter_map(|p| (p.build)(PAGE_SEED).ok().map(|s| (p.name, s)))
        .collect()
}

fn failover() -> Scenario {
    presets()
        .into_iter()
        .find(|(n, _)| *n == "route53-failover")
        .map(|(_, s)| s)
        .unwrap_or_default()
}

/// The scenario with its page zone holding only the apex SOA and NS Route
/// 53 made (everything else DELETEd through the API).
fn emptied(scenario: &Scenario) -> Scenario {
    let Some(zone) = page_zone(scenario) else {
        return scenario.clone();
    };
    let changes: Vec<Value> = sets_to_create(zone)
        .into_iter()
        .rev()
        .map(|s| json!({"Action": "DELETE", "ResourceRecordSet": s.to_model()}))
        .collect();
    let mut ws = Workspace::with(scenario.clone());
    if !changes.is_empty() {
        let p = PendingBatch {
            zone_id: zone.id.clone(),
            batch: json!({ "Changes": changes }),
            row_change: None,
        };
        assert!(
            ws.apply_batch(&p, SimTime::ZERO),
            "emptying {}",
            zone.name_text()
        );
    }
    (*ws.scenario).clone()
}

fn apply(scenario: &Scenario, plan: ImportPlan) -> Scenario {
    match plan {
        ImportPlan::Replace(s) => *s,
        ImportPlan::Batch(p, _) => {
            let mut ws = Workspace::with(scenario.clone());
            assert!(ws.apply_batch(&p, SimTime::ZERO));
            (*ws.scenario).clone()
        }
    }
}

/// The sets as DNS sees them: the values' parsed data, not the text they
/// were typed as (`a.example.com` and `a.example.com.` are one name).
fn sets(scenario: &Scenario, keep: impl Fn(&RecordSet) -> bool) -> Vec<String> {
    page_zone(scenario)
        .map(|z| {
            z.sets()
                .filter(|s| keep(s))
                .map(|s| {
                    let data = match &s.data {
                        RecordData::Values { ttl, values } => format!(
                            "{ttl} {:?}",
                            values.iter().map(|v| &v.rdata).collect::<Vec<_>>()
                        ),
                        RecordData::Alias(a) => format!("{a:?}"),
                    };
                    format!(
                        "{} {} {:?} {:?} {data}",
                        s.name, s.rtype, s.routing, s.health_check_id
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn simple_values(s: &RecordSet) -> bool {
    s.routing == Routing::Simple && matches!(s.data, RecordData::Values { .. })
}

#[test]
fn file_names_follow_the_zone_or_the_page() {
    let cases = [
        (
            ExportFormat::Scenario,
            "route53-failover",
            Some("example.com."),
            "route53-failover.json",
        ),
        (
            ExportFormat::ZoneFile,
            "cname",
            Some("example.com."),
            "example.com.zone",
        ),
        (
            ExportFormat::ChangeBatch,
            "cname",
            Some("Example.COM."),
            "example.com.change-batch.json",
        ),
        (
            ExportFormat::Awslocal,
            "localstack",
            Some("example.com."),
            "localstack-awslocal.sh",
        ),
        (
            ExportFormat::Terraform,
            "route53-failover",
            None,
            "route53-failover.tf",
        ),
        // RFC 4343 escapes and slashes never reach a file name.
        (
            ExportFormat::ZoneFile,
            "x",
            Some("a\\032b/../c."),
            "a-032b-..-c.zone",
        ),
        (ExportFormat::ZoneFile, "x", None, "zone.zone"),
        (ExportFormat::Scenario, "", None, "dnsplay.json"),
        (ExportFormat::Scenario, "///", None, "dnsplay.json"),
    ];
    for (format, page, zone, want) in cases {
        assert_eq!(
            file_name(format, page, zone),
            want,
            "{format:?} {page} {zone:?}"
        );
    }
    assert_eq!(page_stem(&Route::Section("cname".into())), "cname");
    assert_eq!(page_stem(&Route::Sandbox), "sandbox");
    assert_eq!(page_stem(&Route::Home), "dnsplay");
}

#[test]
fn format_and_kind_ids_round_trip() {
    for f in ExportFormat::ALL {
        assert_eq!(ExportFormat::from_id(f.id()), Some(f));
    }
    for k in ImportKind::ALL {
        assert_eq!(ImportKind::from_id(k.id()), Some(k));
    }
    assert_eq!(ImportKind::from_id("detect"), None);
}

/// The size cap: exactly 2 MiB is read, one byte more is refused, and the
/// message rounds up so it never claims the file is within the limit.
#[test]
fn size_cap_boundary() {
    assert_eq!(check_size(0), Ok(()));
    assert_eq!(check_size(2 * 1024 * 1024), Ok(()));
    let e = check_size(2 * 1024 * 1024 + 1).err().unwrap_or_default();
    assert!(e.contains("2.1 MB") && e.contains("at most 2 MB"), "{e}");
    let e = check_size(u64::MAX).err().unwrap_or_default();
    assert!(e.starts_with("Too large"), "{e}");
    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    let e = plan_import(&failover(), None, &huge)
        .err()
        .unwrap_or_default();
    assert!(e.starts_with("Too large"), "{e}");
}

#[test]
fn detection() {
    let cases = [
        (
            "$ORIGIN example.com.\nwww A 192.0.2.1\n",
            ImportKind::ZoneFile,
        ),
        ("; comment\n@ NS ns1\n", ImportKind::ZoneFile),
        ("{\"Changes\": []}", ImportKind::ChangeBatch),
        (
            "\u{feff}  {\"Comment\": \"x\", \"Changes\": []}",
            ImportKind::ChangeBatch,
        ),
        (
            "{\"HostedZoneId\": \"Z1\", \"ChangeBatch\": {\"Changes\": []}}",
            ImportKind::ChangeBatch,
        ),
        ("{\"version\": 1}", ImportKind::Scenario),
        ("{\"Changes\": ", ImportKind::Scenario),
        ("[1, 2]", ImportKind::Scenario),
    ];
    for (text, want) in cases {
        assert_eq!(detect(text), want, "{text}");
    }
}

/// The scenario JSON is the document `dnsplay open` prints; reading it back
/// with the same loader gives the same scenario, for every preset.
#[test]
fn scenario_json_round_trips_every_preset() {
    for (name, s) in presets() {
        let text = export_text(ExportFormat::Scenario, &s).unwrap_or_default();
        let plan = plan_import(&Scenario::default(), None, &text);
        assert_eq!(plan, Ok(ImportPlan::Replace(Box::new(s))), "{name}");
    }
}

/// RFC 1035 §5: a zone file exported and imported into the zone emptied
/// back to its SOA and NS gives back the same simple sets (routed sets and
/// aliases have no zone-file form and are written as comments).
#[test]
fn zone_file_round_trips_into_an_empty_zone() {
    let mut checked = 0;
    for (name, s) in presets() {
        let Ok(text) = export_text(ExportFormat::ZoneFile, &s) else {
            continue;
        };
        let empty = emptied(&s);
        let want = sets(&s, simple_values);
        if want.len() == sets(&empty, simple_values).len() {
            continue;
        }
        let plan = plan_import(&empty, None, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(sets(&apply(&empty, plan), simple_values), want, "{name}");
        checked += 1;
    }
    // Presets whose sets are all routed or aliases have nothing to compare.
    assert!(checked >= 4, "only {checked} presets checked");
}

/// Importing a zone file over the zone it came from UPSERTs the same sets:
/// Route 53 accepts it and nothing changes.
#[test]
fn zone_file_over_its_own_zone_changes_nothing() {
    for (name, s) in presets() {
        let Ok(text) = export_text(ExportFormat::ZoneFile, &s) else {
            continue;
        };
        let Ok(plan) = plan_import(&s, Some(ImportKind::ZoneFile), &text) else {
            continue;
        };
        assert_eq!(
            sets(&apply(&s, plan), |_| true),
            sets(&s, |_| true),
            "{name}"
        );
    }
}

/// API ChangeResourceRecordSets: the exported batch of CREATEs, sent to the
/// zone emptied to its SOA and NS, rebuilds every set, aliases included.
#[test]
fn change_batch_round_trips_into_an_empty_zone() {
    let mut checked = 0;
    for (name, s) in presets() {
        let text = export_text(ExportFormat::ChangeBatch, &s).unwrap_or_default();
        let empty = emptied(&s);
        if sets(&empty, |_| true) == sets(&s, |_| true) {
            continue;
        }
        let plan = plan_import(&empty, None, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            sets(&apply(&empty, plan), |_| true),
            sets(&s, |_| true),
            "{name}"
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} presets checked");
}

/// Bad input of each kind is refused with the rule and the place.
#[test]
fn bad_input_names_the_rule_and_the_place() {
    let s = failover();
    let cases: [(Option<ImportKind>, &str, &[&str]); 9] = [
        (None, "", &["Nothing to import"]),
        (None, "$ORIGIN example.com.\n$TTL 300\nwww A 192.0.2.1\nbad A not-an-ip\n", &["line 4", "RFC 1035"]),
        (None, "{\"version\": 99}", &["version 99 is not supported"]),
        (None, "{\"version\": 1, \"route53\": 5}", &["Not a dnsplay scenario", "route53"]),
        (None, "{not json", &["Not a dnsplay scenario", "line 1"]),
        (Some(ImportKind::ChangeBatch), "{not json", &["Not JSON", "line 1"]),
        (None, "{\"Changes\": [{\"Action\": \"CREATE\", \"ResourceRecordSet\": {\"Name\": \"x.example.com\", \"Type\": \"A\", \"TTL\": \"ten\"}}]}", &["Not a Route 53 change batch", "Changes[0].ResourceRecordSet.TTL"]),
        (None, "{\"Changes\": []}", &["at least one change"]),
        (Some(ImportKind::ChangeBatch), "{\"Changes\": [{\"Action\": \"DELETE\", \"ResourceRecordSet\": {\"Name\": \"nope.example.com\", \"Type\": \"A\", \"TTL\": 60, \"ResourceRecords\": [{\"Value\": \"192.0.2.9\"}]}}]}", &["Route 53 refused", "InvalidChangeBatch", "nope.example.com"]),
    ];
    for (kind, text, wants) in cases {
        let e = plan_import(&s, kind, text).err().unwrap_or_default();
        for w in wants {
            assert!(e.contains(w), "{text:?}: {e:?} lacks {w:?}");
        }
    }
}

/// A zone file for another origin is refused (RFC 1034 §4.2.1: the page's
/// zone cannot hold names outside it), not silently imported elsewhere.
#[test]
fn zone_file_for_another_zone_is_refused() {
    let e = plan_import(
        &failover(),
        Some(ImportKind::ZoneFile),
        "$ORIGIN other.test.\n$TTL 300\nwww A 192.0.2.1\n",
    )
    .err()
    .unwrap_or_default();
    assert!(
        e.contains("RFC 1034") && e.contains("not in zone other.test."),
        "{e}"
    );
}

#[test]
fn zone_file_import_upserts_and_counts() {
    let s = failover();
    let text = "$TTL 120\nfresh A 192.0.2.77\nfresh TXT \"hello\"\n";
    let plan = plan_import(&s, None, text);
    let Ok(ImportPlan::Batch(p, summary)) = plan else {
        panic!("{plan:?}");
    };
    assert!(summary.starts_with("Imported 2 record sets"), "{summary}");
    let actions: Vec<&str> = p.batch["Changes"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["Action"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(actions, ["UPSERT", "UPSERT"]);
    let after = apply(&s, ImportPlan::Batch(p, summary));
    let fresh = sets(&after, |r| r.name.to_string().starts_with("fresh."));
    assert_eq!(fresh.len(), 2, "{fresh:?}");
    assert!(fresh.iter().all(|r| r.contains(" 120 ")), "{fresh:?}");
}

#[test]
fn every_export_has_text_for_every_preset() {
    for (name, s) in presets() {
        for f in ExportFormat::ALL {
            let text = export_text(f, &s);
            if f == ExportFormat::ZoneFile && text.is_err() {
                continue;
            }
            let text = text.unwrap_or_default();
            assert!(!text.trim().is_empty(), "{name} {f:?}");
            if f != ExportFormat::Scenario {
                let zone = page_zone(&s).map(|z| z.name_text()).unwrap_or_default();
                assert!(text.contains(zone.trim_end_matches('.')), "{name} {f:?}");
            }
        }
    }
    assert!(export_text(ExportFormat::ZoneFile, &Scenario::default()).is_err());
}

/// The whole `change-resource-record-sets --cli-input-json` document is
/// read for its `ChangeBatch`; the page's zone is used whatever
/// `HostedZoneId` it names, since the page has one zone.
#[test]
fn cli_input_json_is_read_for_its_change_batch() {
    let s = failover();
    let zone = page_zone(&s).map(|z| z.name_text()).unwrap_or_default();
    let text = format!(
        "{{\"HostedZoneId\": \"Z0\", \"ChangeBatch\": {{\"Changes\": [{{\"Action\": \"CREATE\", \"ResourceRecordSet\": {{\"Name\": \"new.{zone}\", \"Type\": \"A\", \"TTL\": 60, \"ResourceRecords\": [{{\"Value\": \"192.0.2.5\"}}]}}}}]}}}}"
    );
    let plan = plan_import(&s, None, &text);
    let Ok(ImportPlan::Batch(p, summary)) = plan else {
        panic!("{plan:?}");
    };
    assert_eq!(summary, "Applied a change batch of 1 change.");
    let after = apply(&s, ImportPlan::Batch(p, summary));
    assert_eq!(
        sets(&after, |r| r.name.to_string() == format!("new.{zone}")).len(),
        1
    );
}

/// A chosen kind is obeyed: a zone file read as a scenario is refused by the
/// scenario loader (RFC 8259: not JSON), not imported as records.
#[test]
fn chosen_kind_overrides_detection() {
    let e = plan_import(&failover(), Some(ImportKind::Scenario), "www A 192.0.2.1\n")
        .err()
        .unwrap_or_default();
    assert!(
        e.starts_with("Not a dnsplay scenario: line 1, column 1"),
        "{e}"
    );
}
