//! Words for what an edit did, for the Undo and Redo buttons
//! ("Undo: edit api A"). Names are shown relative to the zone, as the
//! table shows them; the zone's apex by its own name.

use serde_json::Value;

use crate::engine::world::TimedFault;
use crate::ui::view_model::timeline::format_clock;

/// The label of a console run that changed Route 53.
pub const CONSOLE: &str = "console change";
/// The label of a scenario load (an import).
pub const LOAD: &str = "load a scenario";
/// The label of opening a share link over the page's work.
pub const SHARED: &str = "open a shared link";
/// The label of "Reset to the blog's version".
pub const RESET: &str = "reset to the blog's version";

/// Most record sets a label names before "and N more".
const NAMED: usize = 1;

/// What one `ChangeBatch` did: `edit api A` for a DELETE and CREATE of the
/// same set (how the table edits, see
/// [`crate::ui::adapters::batch::edit_batch`]) or an UPSERT, `add` for a
/// CREATE, `delete` for a DELETE; `and N more` when it touched several
/// sets. Two sets with the same name and type (failover PRIMARY and
/// SECONDARY) count once, as the reader sees one name.
pub fn batch(zone_name: &str, batch: &Value) -> String {
    // (name, type, created, deleted) per set, in batch order.
    let mut sets: Vec<(String, String, bool, bool)> = Vec::new();
    let changes = batch
        .get("Changes")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for change in changes {
        let action = change.get("Action").and_then(Value::as_str).unwrap_or("");
        let set = change.get("ResourceRecordSet");
        let field = |k: &str| {
            set.and_then(|s| s.get(k))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let (name, rtype) = (relative(&field("Name"), zone_name), field("Type"));
        if name.is_empty() && rtype.is_empty() {
            continue;
        }
        let (created, deleted) = match action {
            "CREATE" => (true, false),
            "DELETE" => (false, true),
            _ => (true, true),
        };
        match sets.iter_mut().find(|s| s.0 == name && s.1 == rtype) {
            Some(s) => {
                s.2 |= created;
                s.3 |= deleted;
            }
            None => sets.push((name, rtype, created, deleted)),
        }
    }
    let mut words: Vec<String> = sets
        .iter()
        .take(NAMED)
        .map(|(name, rtype, created, deleted)| {
            let verb = match (created, deleted) {
                (true, false) => "add",
                (false, true) => "delete",
                _ => "edit",
            };
            format!("{verb} {name} {rtype}")
        })
        .collect();
    if sets.len() > NAMED {
        words.push(format!("and {} more", sets.len() - NAMED));
    }
    if words.is_empty() {
        "change batch".to_string()
    } else {
        words.join(" ")
    }
}

/// `name` without the zone's suffix (`api` for `api.hello.com.` in
/// `hello.com.`); the apex and names outside the zone stay whole, without
/// the final dot. Case-insensitive, as DNS names are (RFC 4343).
fn relative(name: &str, zone: &str) -> String {
    let name = name.trim_end_matches('.');
    let zone = zone.trim_end_matches('.');
    let (n, z) = (name.to_ascii_lowercase(), zone.to_ascii_lowercase());
    if !z.is_empty() && n.len() > z.len() + 1 && n.ends_with(&z) {
        let cut = n.len() - z.len() - 1;
        if n.as_bytes().get(cut) == Some(&b'.') {
            return name.get(..cut).unwrap_or(name).to_string();
        }
    }
    name.to_string()
}

/// Adding or removing a fault: `add fault: app-a reports UP at 5:00`.
pub fn toggle_fault(fault: &TimedFault, adding: bool) -> String {
    let verb = if adding { "add" } else { "remove" };
    format!(
        "{verb} fault: {} at {}",
        fault.fault,
        format_clock(fault.at.as_millis())
    )
}

/// Moving a fault: `move app-a reports DOWN to 0:30`.
pub fn move_fault(fault: &TimedFault, to_ms: u64) -> String {
    format!("move {} to {}", fault.fault, format_clock(to_ms))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::SimTime;
    use crate::engine::world::Fault;
    use serde_json::json;

    fn change(action: &str, name: &str, rtype: &str) -> Value {
        json!({"Action": action, "ResourceRecordSet": {"Name": name, "Type": rtype}})
    }

    /// A table edit is DELETE + CREATE of one set (ChangeResourceRecordSets
    /// has no "modify"); the label says "edit", as the reader did.
    #[test]
    fn batch_labels_name_the_set_and_what_happened() {
        let z = "hello.com.";
        let cases = [
            (
                vec![
                    change("DELETE", "api.hello.com.", "A"),
                    change("CREATE", "api.hello.com", "A"),
                ],
                "edit api A",
            ),
            (vec![change("UPSERT", "API.Hello.com.", "A")], "edit API A"),
            (
                vec![change("CREATE", "www.hello.com", "CNAME")],
                "add www CNAME",
            ),
            (
                vec![change("DELETE", "hello.com.", "MX")],
                "delete hello.com MX",
            ),
            // Failover PRIMARY and SECONDARY share name and type.
            (
                vec![
                    change("DELETE", "api.hello.com", "A"),
                    change("CREATE", "api.hello.com", "A"),
                    change("DELETE", "api.hello.com", "A"),
                    change("CREATE", "api.hello.com", "A"),
                ],
                "edit api A",
            ),
            (
                vec![
                    change("CREATE", "a.hello.com", "A"),
                    change("CREATE", "b.hello.com", "A"),
                    change("DELETE", "c.hello.com", "TXT"),
                ],
                "add a A and 2 more",
            ),
            // Not inside the zone, or only a suffix match: kept whole.
            (
                vec![change("CREATE", "xhello.com", "A")],
                "add xhello.com A",
            ),
            (vec![change("CREATE", "other.org.", "A")], "add other.org A"),
            (vec![], "change batch"),
        ];
        for (changes, want) in cases {
            let b = json!({ "Changes": changes });
            assert_eq!(batch(z, &b), want, "{b}");
        }
        assert_eq!(batch(z, &json!("not a batch")), "change batch");
        assert_eq!(batch("", &json!({"Changes": [{}]})), "change batch");
    }

    #[test]
    fn fault_labels_say_what_and_when() {
        let f = TimedFault {
            at: SimTime::from_secs(300),
            fault: Fault::AppUp {
                app: "app-a".into(),
            },
        };
        assert_eq!(
            toggle_fault(&f, true),
            "add fault: app-a reports UP at 5:00"
        );
        assert_eq!(
            toggle_fault(&f, false),
            "remove fault: app-a reports UP at 5:00"
        );
        assert_eq!(move_fault(&f, 30_000), "move app-a reports UP to 0:30");
    }
}
