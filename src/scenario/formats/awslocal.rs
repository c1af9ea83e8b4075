//! A hosted zone as an `awslocal` script that recreates it in LocalStack
//! (the blog's section 6 workflow): create the zone and keep its id in
//! `HOSTED_ZONE_ID`, create each health check the sets name and keep its id
//! in `HC_1`, `HC_2`..., then one `change-resource-record-sets` with the
//! sets of [`super::change_batch::sets_to_create`].
//!
//! The JSON goes in single quotes, as the blog writes it; the new ids are
//! spliced in by closing the quotes around `"$HC_1"` (POSIX §2.2.3: the
//! pieces join into one word). A `'` inside a value becomes `'\''`. The
//! same script runs in dnsplay's console, which is how the tests check it.

use serde_json::Value;

use super::change_batch::export_change_batch;
use crate::engine::route53::{HostedZone, RecordData, Route53};

/// Single-quoted for a POSIX shell.
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The health-check ids the zone's sets name, in first-use order.
pub fn health_checks_used(zone: &HostedZone) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for set in zone.sets() {
        if let Some(id) = &set.health_check_id {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    ids
}

/// The script recreating `zone`; health checks come from `r53` (a check
/// the service does not hold is left as its literal id).
pub fn export_awslocal(r53: &Route53, zone: &HostedZone) -> String {
    let name = zone.name_text();
    let apex = name.trim_end_matches('.');
    let mut out = format!(
        "# Recreates {apex} in LocalStack (exported by dnsplay).\n\
         HOSTED_ZONE_ID=$(awslocal route53 create-hosted-zone --name {apex} --caller-reference {} --query HostedZone.Id --output text)\n",
        shell_quote(&zone.caller_reference)
    );
    let mut splices: Vec<(String, String)> = Vec::new();
    for (i, id) in health_checks_used(zone).iter().enumerate() {
        let Some(check) = r53.health_check(id) else {
            continue;
        };
        let var = format!("HC_{}", i + 1);
        let config =
            serde_json::to_string(&check.health_check_config).unwrap_or_else(|_| "{}".into());
        out.push_str(&format!(
            "{var}=$(awslocal route53 create-health-check --caller-reference {} --health-check-config {} --query HealthCheck.Id --output text)\n",
            shell_quote(&check.caller_reference),
            shell_quote(&config)
        ));
        splices.push((id.clone(), var));
    }
    let batch = export_change_batch(zone, None);
    if batch.changes.as_ref().is_none_or(Vec::is_empty) {
        return out;
    }
    let has_self_alias = zone
        .sets()
        .any(|s| matches!(&s.data, RecordData::Alias(a) if a.hosted_zone_id == zone.id));
    if has_self_alias {
        splices.push((zone.id.clone(), "HOSTED_ZONE_ID".into()));
    }
    let mut json = serde_json::to_string_pretty(&batch).unwrap_or_default();
    json = json.replace('\'', r"'\''");
    for (id, var) in &splices {
        let literal = Value::String(id.clone()).to_string();
        json = json.replace(&literal, &format!("\"'\"${var}\"'\""));
    }
    out.push_str(&format!(
        "awslocal route53 change-resource-record-sets --hosted-zone-id $HOSTED_ZONE_ID --change-batch '{json}'\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// POSIX §2.2.2: nothing is special inside single quotes, so a `'` is
    /// written by closing, escaping and reopening.
    #[test]
    fn shell_quoting() {
        for (text, want) in [
            ("plain", "'plain'"),
            ("it's", r"'it'\''s'"),
            ("$HOME \"x\"", "'$HOME \"x\"'"),
            ("", "''"),
        ] {
            assert_eq!(shell_quote(text), want, "{text}");
        }
    }

    /// The blog zone's script creates the zone, both checks, then one batch
    /// naming the checks through their variables.
    #[test]
    fn blog_script_shape() {
        let r53 = crate::scenario::presets::route53_failover::build(1)
            .unwrap_or_else(|e| panic!("{e}"))
            .route53;
        let script = export_awslocal(&r53, &r53.zones[0]);
        let lines: Vec<&str> = script.lines().collect();
        assert!(lines[1].starts_with("HOSTED_ZONE_ID=$(awslocal route53 create-hosted-zone --name hello-localstack.com --caller-reference 'hello-localstack' --query HostedZone.Id --output text)"));
        assert!(lines[2].starts_with("HC_1=$(awslocal route53 create-health-check --caller-reference 'app-a-health' --health-check-config '{\"IPAddress\":\"192.168.49.2\",\"Port\":30001,"));
        assert!(lines[3].starts_with(
            "HC_2=$(awslocal route53 create-health-check --caller-reference 'app-b-health'"
        ));
        assert!(script.contains("\"HealthCheckId\": \"'\"$HC_1\"'\""));
        assert!(script.contains("\"HealthCheckId\": \"'\"$HC_2\"'\""));
        assert!(!script.contains(&r53.health_checks[0].id));
    }
}
