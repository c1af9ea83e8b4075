//! Checks of one `ResourceRecordSet` on its own, turning the API JSON into a
//! typed [`RecordSet`]. Three kinds of problem, answered differently:
//!
//! * constraint violations of the API model (TTL, Weight, lengths, enums,
//!   missing members): InvalidInput, `N validation errors detected: ...`;
//! * request-shape problems (`Expected exactly one of [...]`, `Missing field
//!   'SetIdentifier'`): InvalidInput, `Invalid request: ...` (reference
//!   #16, #17);
//! * names and values that Route 53 refuses: entries of the
//!   InvalidChangeBatch list (#18, #19).

use hickory_proto::rr::RecordType;

use super::messages;
use super::model;
use super::policy::{check_policy_types, routing};
use super::problem::Rule;
use super::rdata::parse_value;
use super::record::{AliasTarget, RecordData, RecordSet, RecordValue};
use crate::engine::name::{format_name, parse_name};

/// The most values one set may hold (DG `DNSLimitations`, #24).
pub const MAX_VALUES_PER_SET: usize = 400;

/// The types dnsplay simulates.
pub const SUPPORTED_TYPES: [RecordType; 10] = [
    RecordType::A,
    RecordType::AAAA,
    RecordType::CNAME,
    RecordType::MX,
    RecordType::TXT,
    RecordType::NS,
    RecordType::SOA,
    RecordType::SRV,
    RecordType::CAA,
    RecordType::PTR,
];

/// The API's `RRType` enumeration, in the model's order (#33).
pub const API_TYPES: &str =
    "SOA, A, TXT, NS, CNAME, MX, NAPTR, PTR, SRV, SPF, AAAA, CAA, DS, TLSA, SSHFP, SVCB, HTTPS";

/// One problem, by the error it ends up in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A model constraint: InvalidInput, listed with the others.
    Constraint(String),
    /// A request-shape problem: InvalidInput on its own.
    Invalid(String),
    /// A name or value problem: one entry of InvalidChangeBatch.
    Batch(Rule, String),
}

impl Problem {
    /// The message text.
    pub fn text(&self) -> &str {
        match self {
            Problem::Constraint(s) | Problem::Invalid(s) | Problem::Batch(_, s) => s,
        }
    }
}

fn constraint(out: &mut Vec<Problem>, value: &str, path: &str, rule: &str) {
    out.push(Problem::Constraint(messages::constraint(value, path, rule)));
}

fn check_len(out: &mut Vec<Problem>, value: &str, path: &str, min: usize, max: usize) {
    let n = value.chars().count();
    if n < min {
        constraint(
            out,
            value,
            path,
            &format!("Member must have length greater than or equal to {min}"),
        );
    } else if n > max {
        constraint(
            out,
            value,
            path,
            &format!("Member must have length less than or equal to {max}"),
        );
    }
}

fn check_range(out: &mut Vec<Problem>, value: i64, path: &str, min: i64, max: i64) {
    let v = value.to_string();
    if value < min {
        constraint(
            out,
            &v,
            path,
            &format!("Member must have value greater than or equal to {min}"),
        );
    } else if value > max {
        constraint(
            out,
            &v,
            path,
            &format!("Member must have value less than or equal to {max}"),
        );
    }
}

/// The model constraints of botocore's `ResourceRecordSet` (API model).
fn constraints(rrs: &model::ResourceRecordSet, path: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let p = |m: &str| format!("{path}.{m}");
    match &rrs.name {
        None => constraint(&mut out, "null", &p("name"), "Member must not be null"),
        Some(n) => check_len(&mut out, n, &p("name"), 0, 1024),
    }
    if rrs.rtype.is_none() {
        constraint(&mut out, "null", &p("type"), "Member must not be null");
    }
    if let Some(id) = &rrs.set_identifier {
        check_len(&mut out, id, &p("setIdentifier"), 1, 128);
    }
    if let Some(w) = rrs.weight {
        check_range(&mut out, w, &p("weight"), 0, 255);
    }
    if let Some(r) = &rrs.region {
        check_len(&mut out, r, &p("region"), 1, 64);
    }
    if let Some(f) = &rrs.failover {
        if f != "PRIMARY" && f != "SECONDARY" {
            constraint(
                &mut out,
                f,
                &p("failover"),
                "Member must satisfy enum value set: [PRIMARY, SECONDARY]",
            );
        }
    }
    if let Some(geo) = &rrs.geo_location {
        if let Some(c) = &geo.continent_code {
            check_len(&mut out, c, &p("geoLocation.continentCode"), 2, 2);
        }
        if let Some(c) = &geo.country_code {
            check_len(&mut out, c, &p("geoLocation.countryCode"), 1, 2);
        }
        if let Some(c) = &geo.subdivision_code {
            check_len(&mut out, c, &p("geoLocation.subdivisionCode"), 1, 3);
        }
    }
    // AWS's member path spells TTL `tTL` (its camel-casing of an acronym).
    if let Some(ttl) = rrs.ttl {
        check_range(&mut out, ttl, &p("tTL"), 0, 2_147_483_647);
    }
    if let Some(rrs_values) = &rrs.resource_records {
        if rrs_values.is_empty() {
            constraint(
                &mut out,
                "[]",
                &p("resourceRecords"),
                "Member must have length greater than or equal to 1",
            );
        }
        for (i, rr) in rrs_values.iter().enumerate() {
            if rr.value.is_none() {
                let vp = p(&format!("resourceRecords.{}.member.value", i + 1));
                constraint(&mut out, "null", &vp, "Member must not be null");
            }
        }
    }
    if let Some(alias) = &rrs.alias_target {
        let members = [
            ("hostedZoneId", alias.hosted_zone_id.is_none()),
            ("dNSName", alias.dns_name.is_none()),
            (
                "evaluateTargetHealth",
                alias.evaluate_target_health.is_none(),
            ),
        ];
        for (m, missing) in members {
            if missing {
                constraint(
                    &mut out,
                    "null",
                    &p(&format!("aliasTarget.{m}")),
                    "Member must not be null",
                );
            }
        }
    }
    if let Some(h) = &rrs.health_check_id {
        check_len(&mut out, h, &p("healthCheckId"), 0, 64);
    }
    out
}

/// Checks one set and types it. `action` and the name as given appear in
/// InvalidInput messages; `path` prefixes constraint member paths.
pub fn check_record_set(
    rrs: &model::ResourceRecordSet,
    action: &str,
    path: &str,
) -> Result<RecordSet, Vec<Problem>> {
    let c = constraints(rrs, path);
    if !c.is_empty() {
        return Err(c);
    }
    let name_text = rrs.name.as_deref().unwrap_or_default();
    let type_text = rrs.rtype.as_deref().unwrap_or_default();
    let change = messages::change_ref(action, name_text, type_text, rrs.set_identifier.as_deref());
    let invalid = |m: String| Err(vec![Problem::Invalid(m)]);
    let api_type = API_TYPES.split(", ").any(|t| t == type_text);
    if !api_type {
        return invalid(messages::not_in_enum(type_text, API_TYPES));
    }
    let rtype = match type_text.parse::<RecordType>() {
        Ok(t) if SUPPORTED_TYPES.contains(&t) => t,
        _ => {
            return invalid(messages::unsupported(&format!(
                "records of type {type_text}"
            )))
        }
    };
    let unsupported = [
        (
            rrs.traffic_policy_instance_id.is_some(),
            "TrafficPolicyInstanceId",
        ),
        (rrs.cidr_routing_config.is_some(), "CidrRoutingConfig"),
        (rrs.geo_proximity_location.is_some(), "GeoProximityLocation"),
    ];
    if let Some((_, what)) = unsupported.iter().find(|(present, _)| *present) {
        return invalid(messages::unsupported(what));
    }
    let has_alias = rrs.alias_target.is_some();
    let has_values = rrs.ttl.is_some() && rrs.resource_records.is_some();
    if has_alias && (rrs.ttl.is_some() || rrs.resource_records.is_some()) {
        return invalid(messages::expected_data("more than one", &change));
    }
    if !has_alias && !has_values {
        return invalid(messages::expected_data("none", &change));
    }
    let routing = routing(rrs, &change).map_err(|p| vec![p])?;

    let mut batch = Vec::new();
    let name = parse_name(name_text)
        .map_err(|e| batch.push(Problem::Batch(Rule::InvalidName, e.message())))
        .ok();
    // #24: past 400 values the set is refused without parsing them, which
    // also bounds the duplicate check below.
    let too_many = rrs
        .resource_records
        .as_ref()
        .is_some_and(|r| r.len() > MAX_VALUES_PER_SET);
    if too_many {
        let shown = name
            .as_ref()
            .map_or_else(|| name_text.to_string(), format_name);
        batch.push(Problem::Batch(
            Rule::TooManyValues,
            messages::too_many_values(&shown, type_text),
        ));
    }
    let data = match (&rrs.alias_target, rrs.ttl, &rrs.resource_records) {
        _ if too_many => None,
        (Some(alias), _, _) => alias_data(alias, &mut batch),
        (None, Some(ttl), Some(records)) => values_data(rtype, ttl, records, &mut batch),
        _ => None,
    };
    if let Some(name) = &name {
        let shown = format_name(name);
        if rtype == RecordType::NS && name.is_wildcard() {
            batch.push(Problem::Batch(
                Rule::WildcardNs,
                messages::wildcard_ns(&shown),
            ));
        }
        check_policy_types(&shown, rtype, &routing, has_alias, &mut batch);
        if let Some(RecordData::Values { values, .. }) = &data {
            if rtype == RecordType::CNAME && values.len() > 1 {
                batch.push(Problem::Batch(
                    Rule::CnameSingleValue,
                    messages::cname_single_value(&shown),
                ));
            }
        }
    }
    match (name, data) {
        (Some(name), Some(data)) if batch.is_empty() => Ok(RecordSet {
            name,
            rtype,
            data,
            routing,
            health_check_id: rrs.health_check_id.clone(),
        }),
        _ => Err(batch),
    }
}

fn alias_data(alias: &model::AliasTarget, batch: &mut Vec<Problem>) -> Option<RecordData> {
    let dns_name = parse_name(alias.dns_name.as_deref().unwrap_or_default())
        .map_err(|e| batch.push(Problem::Batch(Rule::InvalidName, e.message())))
        .ok()?;
    Some(RecordData::Alias(AliasTarget {
        hosted_zone_id: alias.hosted_zone_id.clone().unwrap_or_default(),
        dns_name,
        evaluate_target_health: alias.evaluate_target_health.unwrap_or(false),
    }))
}

fn values_data(
    rtype: RecordType,
    ttl: i64,
    records: &[model::ResourceRecord],
    batch: &mut Vec<Problem>,
) -> Option<RecordData> {
    let before = batch.len();
    let mut values: Vec<RecordValue> = Vec::new();
    for rr in records {
        let text = rr.value.clone().unwrap_or_default();
        match parse_value(rtype, &text) {
            Err(fatal) => batch.push(Problem::Batch(
                Rule::InvalidValue,
                messages::invalid_resource_record(&fatal),
            )),
            // #19: one value twice in a set; compared as record data, so
            // `www.example.com` and `WWW.example.com.` are one value.
            Ok(rdata) if values.iter().any(|v| v.rdata == rdata) => {
                batch.push(Problem::Batch(
                    Rule::DuplicateValue,
                    messages::duplicate_value(&text),
                ));
            }
            Ok(rdata) => values.push(RecordValue { text, rdata }),
        }
    }
    let ttl = u32::try_from(ttl).ok()?;
    (batch.len() == before).then_some(RecordData::Values { ttl, values })
}

#[cfg(test)]
mod tests;
