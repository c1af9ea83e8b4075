//! A hosted zone as Terraform for the AWS provider: `aws_route53_zone`,
//! one `aws_route53_health_check` per check the sets name, and one
//! `aws_route53_record` per set of [`super::change_batch::sets_to_create`]
//! with its routing-policy block (`failover_routing_policy`,
//! `weighted_routing_policy`, `latency_routing_policy`,
//! `geolocation_routing_policy`, `multivalue_answer_routing_policy`) or
//! `alias` block, referring to the zone and checks by resource address.
//!
//! Surprises the export handles: the provider quotes TXT values itself
//! (its docs: values longer than 255 characters are split with `\"\"`),
//! so Route 53's outer quotes are removed; HCL interpolates `${` and `%{`
//! inside strings, so they are written `$${` and `%%{`.

use serde_json::Value;

use super::awslocal::health_checks_used;
use super::change_batch::sets_to_create;
use crate::engine::route53::{HostedZone, RecordData, RecordSet, Route53, Routing};

/// An HCL string literal.
pub fn hcl_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A resource name: lowercase letters, digits and `_`, starting with a letter.
fn resource_name(text: &str) -> String {
    let mut s: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s.insert(0, 'r');
    }
    s
}

/// `HealthCheckConfig` members and their `aws_route53_health_check` arguments.
const HEALTH_CHECK_ARGS: &[(&str, &str)] = &[
    ("IPAddress", "ip_address"),
    ("Port", "port"),
    ("Type", "type"),
    ("ResourcePath", "resource_path"),
    ("FullyQualifiedDomainName", "fqdn"),
    ("SearchString", "search_string"),
    ("RequestInterval", "request_interval"),
    ("FailureThreshold", "failure_threshold"),
    ("MeasureLatency", "measure_latency"),
    ("Inverted", "invert_healthcheck"),
    ("Disabled", "disabled"),
    ("HealthThreshold", "child_health_threshold"),
    ("ChildHealthChecks", "child_healthchecks"),
    ("EnableSNI", "enable_sni"),
    ("Regions", "regions"),
];

fn hcl_value(v: &Value) -> String {
    match v {
        Value::String(s) => hcl_string(s),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(hcl_value).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

fn record_values(set: &RecordSet) -> Vec<String> {
    set.values()
        .iter()
        .map(|v| {
            let text = v.text.as_str();
            let txt = matches!(set.rtype.to_string().as_str(), "TXT" | "SPF");
            let unquoted = text
                .strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .filter(|_| txt);
            hcl_string(unquoted.unwrap_or(text))
        })
        .collect()
}

fn routing_block(routing: &Routing) -> String {
    match routing {
        Routing::Simple => String::new(),
        Routing::Weighted { weight, .. } => {
            format!("  weighted_routing_policy {{\n    weight = {weight}\n  }}\n")
        }
        Routing::Failover { role, .. } => format!(
            "  failover_routing_policy {{\n    type = {}\n  }}\n",
            hcl_string(role.as_str())
        ),
        Routing::Latency { region, .. } => format!(
            "  latency_routing_policy {{\n    region = {}\n  }}\n",
            hcl_string(region)
        ),
        Routing::Geolocation { location, .. } => {
            let mut s = String::from("  geolocation_routing_policy {\n");
            for (arg, v) in [
                ("continent", &location.continent_code),
                ("country", &location.country_code),
                ("subdivision", &location.subdivision_code),
            ] {
                if let Some(v) = v {
                    s.push_str(&format!("    {arg} = {}\n", hcl_string(v)));
                }
            }
            s.push_str("  }\n");
            s
        }
        Routing::MultiValue { .. } => "  multivalue_answer_routing_policy = true\n".into(),
    }
}

/// The Terraform configuration recreating `zone` and the checks it uses.
pub fn export_terraform(r53: &Route53, zone: &HostedZone) -> String {
    let apex = zone.name_text();
    let apex = apex.trim_end_matches('.');
    let zone_res = resource_name(apex);
    let mut out = format!(
        "# {apex}, exported by dnsplay.\n\nresource \"aws_route53_zone\" \"{zone_res}\" {{\n  name = {}\n",
        hcl_string(apex)
    );
    if let Some(c) = &zone.comment {
        out.push_str(&format!("  comment = {}\n", hcl_string(c)));
    }
    out.push_str("}\n");
    let mut check_res: Vec<(String, String)> = Vec::new();
    for id in health_checks_used(zone) {
        let Some(check) = r53.health_check(&id) else {
            continue;
        };
        let name = resource_name(&check.caller_reference);
        out.push_str(&format!(
            "\nresource \"aws_route53_health_check\" \"{name}\" {{\n"
        ));
        let config = serde_json::to_value(&check.health_check_config).unwrap_or(Value::Null);
        for (member, arg) in HEALTH_CHECK_ARGS {
            if let Some(v) = config.get(*member).filter(|v| !v.is_null()) {
                out.push_str(&format!("  {arg} = {}\n", hcl_value(v)));
            }
        }
        out.push_str("}\n");
        check_res.push((id, name));
    }
    let mut used: Vec<String> = Vec::new();
    for set in sets_to_create(zone) {
        let name = set.name.to_string();
        let mut res = resource_name(&format!(
            "{}_{}_{}",
            name.trim_end_matches('.'),
            set.rtype,
            set.routing.set_id().unwrap_or_default()
        ));
        res = res.trim_end_matches('_').to_string();
        // Names that sanitize alike (`a-b` and `a_b`) get a number.
        let base = res.clone();
        let mut n = 2;
        while used.contains(&res) {
            res = format!("{base}_{n}");
            n += 1;
        }
        used.push(res.clone());
        out.push_str(&format!(
            "\nresource \"aws_route53_record\" \"{res}\" {{\n  zone_id = aws_route53_zone.{zone_res}.zone_id\n  name = {}\n  type = {}\n",
            hcl_string(name.trim_end_matches('.')),
            hcl_string(&set.rtype.to_string())
        ));
        if let Some(id) = set.routing.set_id() {
            out.push_str(&format!("  set_identifier = {}\n", hcl_string(id)));
        }
        match &set.data {
            RecordData::Values { ttl, .. } => out.push_str(&format!(
                "  ttl = {ttl}\n  records = [{}]\n",
                record_values(set).join(", ")
            )),
            RecordData::Alias(a) => {
                let zone_id = if a.hosted_zone_id == zone.id {
                    format!("aws_route53_zone.{zone_res}.zone_id")
                } else {
                    hcl_string(&a.hosted_zone_id)
                };
                out.push_str(&format!(
                    "  alias {{\n    name = {}\n    zone_id = {zone_id}\n    evaluate_target_health = {}\n  }}\n",
                    hcl_string(&a.dns_name.to_string()),
                    a.evaluate_target_health
                ));
            }
        }
        out.push_str(&routing_block(&set.routing));
        if let Some(h) = &set.health_check_id {
            match check_res.iter().find(|(id, _)| id == h) {
                Some((_, r)) => out.push_str(&format!(
                    "  health_check_id = aws_route53_health_check.{r}.id\n"
                )),
                None => out.push_str(&format!("  health_check_id = {}\n", hcl_string(h))),
            }
        }
        out.push_str("}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// HCL string escapes (HCL native syntax spec, "Template Literals":
    /// `$${` and `%%{` are the literal forms of `${` and `%{`).
    #[test]
    fn hcl_strings() {
        for (text, want) in [
            ("plain", r#""plain""#),
            (r#"a "b" \c"#, r#""a \"b\" \\c""#),
            ("${var}", r#""$${var}""#),
            ("%{if}", r#""%%{if}""#),
            ("$5 and 100%", r#""$5 and 100%""#),
            ("two\nlines", r#""two\nlines""#),
        ] {
            assert_eq!(hcl_string(text), want, "{text}");
        }
    }

    /// Terraform identifiers start with a letter and hold letters, digits, `_`.
    #[test]
    fn resource_names() {
        for (text, want) in [
            ("hello-localstack.com", "hello_localstack_com"),
            ("App-A Health", "app_a_health"),
            ("_sip._tcp", "r_sip__tcp"),
            ("1st", "r1st"),
        ] {
            assert_eq!(resource_name(text), want, "{text}");
        }
    }
}
