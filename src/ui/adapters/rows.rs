//! A hosted zone's record sets as table rows, and a row's text back into
//! the API's `ResourceRecordSet` JSON (the change batch then runs Route 53's
//! own validation on it, so the messages are Route 53's).

use crate::engine::name::format_name;
use crate::engine::route53::model::{self, ResourceRecordSet};
use crate::engine::route53::routing_view::set_label;
use crate::engine::route53::{HostedZone, RecordData, RecordSet, Routing};
use crate::ui::view_model::record_table::{
    value_lines, CellErrors, Column, RecordRow, RowFields, RowId,
};

/// The id of a set's row: `name/set|TYPE` (`name/set` is how the lints
/// name a set, so "show me" finds the rows by [`lint_key`]).
pub fn row_id(set: &RecordSet) -> RowId {
    RowId(format!("{}|{}", lint_key(set), set.rtype))
}

/// How the lints name a set: `api.example.com/app-a` (`/simple` for
/// simple routing).
pub fn lint_key(set: &RecordSet) -> String {
    format!(
        "{}/{}",
        format_name(&set.name).trim_end_matches('.'),
        set_label(set)
    )
}

/// The routing cell: `simple`, `failover PRIMARY · set app-a`,
/// `weighted 10 · set blue`, `latency eu-west-1 · set eu`,
/// `multivalue · set one`, `geolocation · set de` (the last one is shown,
/// not editable: its location has no short text form).
pub fn routing_text(r: &Routing) -> String {
    match r {
        Routing::Simple => "simple".into(),
        Routing::Weighted { set_id, weight } => format!("weighted {weight} · set {set_id}"),
        Routing::Failover { set_id, role } => format!("failover {} · set {set_id}", role.as_str()),
        Routing::Latency { set_id, region } => format!("latency {region} · set {set_id}"),
        Routing::Geolocation { set_id, .. } => format!("geolocation · set {set_id}"),
        Routing::MultiValue { set_id } => format!("multivalue · set {set_id}"),
    }
}

/// The row of one record set.
pub fn row_of(set: &RecordSet) -> RecordRow {
    let (ttl, values, is_alias) = match &set.data {
        RecordData::Values { ttl, values } => (
            ttl.to_string(),
            values
                .iter()
                .map(|v| v.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            false,
        ),
        RecordData::Alias(a) => (String::new(), format_name(&a.dns_name), true),
    };
    RecordRow {
        id: row_id(set),
        fields: RowFields {
            name: format_name(&set.name),
            rtype: set.rtype.to_string(),
            routing: routing_text(&set.routing),
            ttl,
            values,
            health_check: set.health_check_id.clone().unwrap_or_default(),
        },
        is_alias,
    }
}

/// Every set of `zone` in the API's list order.
pub fn rows_from_zone(zone: &HostedZone) -> Vec<RecordRow> {
    zone.sets().map(row_of).collect()
}

/// The set behind a row id, if it is still in the zone.
pub fn set_of<'z>(zone: &'z HostedZone, id: &RowId) -> Option<&'z RecordSet> {
    zone.sets().find(|s| row_id(s) == *id)
}

/// Fills the routing members of `out` from the routing cell's text; the
/// inverse of [`routing_text`] for every policy but geolocation.
fn parse_routing(text: &str, out: &mut ResourceRecordSet) -> Result<(), String> {
    let text = text.trim();
    let (policy, set_id) = match text.split_once('·') {
        Some((p, s)) => {
            let s = s.trim();
            let id = s.strip_prefix("set").map(str::trim).unwrap_or(s);
            (p.trim(), Some(id.to_string()))
        }
        None => (text, None),
    };
    let mut words = policy.split_whitespace();
    let kind = words.next().unwrap_or("simple").to_ascii_lowercase();
    let arg = words.next();
    let need_id = || {
        set_id
            .clone()
            .filter(|s| !s.is_empty())
            .ok_or_else(|| format!("{kind} routing needs a set id: write `{kind} … · set NAME`"))
    };
    match (kind.as_str(), arg) {
        ("simple", None) if set_id.is_none() => {}
        ("failover", Some(role)) => {
            out.failover = Some(role.to_ascii_uppercase());
            out.set_identifier = Some(need_id()?);
        }
        ("weighted", Some(w)) => {
            out.weight = Some(
                w.parse::<i64>()
                    .map_err(|_| format!("weight '{w}' is not a whole number"))?,
            );
            out.set_identifier = Some(need_id()?);
        }
        ("latency", Some(region)) => {
            out.region = Some(region.to_string());
            out.set_identifier = Some(need_id()?);
        }
        ("multivalue", None) => {
            out.multi_value_answer = Some(true);
            out.set_identifier = Some(need_id()?);
        }
        _ => {
            return Err(
                "routing reads `simple`, `failover PRIMARY · set ID`, `weighted 10 · set ID`, `latency REGION · set ID` or `multivalue · set ID`"
                    .into(),
            )
        }
    }
    Ok(())
}

/// The API's `ResourceRecordSet` for a row's text. `old` is the set being
/// edited: its alias target and geolocation carry over, since the table
/// cannot spell them. Errors are the cells whose text cannot even be put
/// into the request (a TTL that is not a number, a routing text we cannot
/// read); everything else is left to Route 53's validation.
pub fn request_set(
    fields: &RowFields,
    old: Option<&RecordSet>,
) -> Result<ResourceRecordSet, Box<CellErrors>> {
    let mut out = ResourceRecordSet {
        name: Some(fields.name.trim().to_string()),
        rtype: Some(fields.rtype.trim().to_ascii_uppercase()),
        health_check_id: Some(fields.health_check.trim().to_string()).filter(|s| !s.is_empty()),
        ..ResourceRecordSet::default()
    };
    let mut errors = CellErrors::default();
    let old_geo = old.and_then(|s| match &s.routing {
        Routing::Geolocation { set_id, location } => Some((set_id.clone(), location.clone())),
        _ => None,
    });
    match old_geo.filter(|_| fields.routing.trim_start().starts_with("geolocation")) {
        Some((id, location)) => {
            out.set_identifier = Some(id);
            out.geo_location = Some(location);
        }
        None => {
            if let Err(e) = parse_routing(&fields.routing, &mut out) {
                errors = errors.with(Column::Routing, e);
            }
        }
    }
    let alias = old.and_then(|s| match &s.data {
        RecordData::Alias(a) => Some(a),
        _ => None,
    });
    if let Some(a) = alias {
        out.alias_target = Some(model::AliasTarget {
            hosted_zone_id: Some(a.hosted_zone_id.clone()),
            dns_name: Some(fields.values.trim().to_string()),
            evaluate_target_health: Some(a.evaluate_target_health),
        });
    } else {
        match fields.ttl.trim().parse::<i64>() {
            Ok(t) => out.ttl = Some(t),
            Err(_) => {
                errors = errors.with(
                    Column::Ttl,
                    format!(
                        "TTL '{}' is not a whole number of seconds",
                        fields.ttl.trim()
                    ),
                )
            }
        }
        out.resource_records = Some(
            value_lines(&fields.values)
                .into_iter()
                .map(|v| model::ResourceRecord {
                    value: Some(v.to_string()),
                })
                .collect(),
        );
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Box::new(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets::route53_failover;

    /// Every row of the blog's failover zone reads back into the request
    /// that lists it (ListResourceRecordSets round trip): an unchanged edit
    /// sends what Route 53 holds.
    #[test]
    fn rows_read_back_into_the_sets_they_show() {
        let s = route53_failover::build(1).unwrap_or_else(|e| panic!("{e}"));
        let zone = &s.route53.zones[0];
        let rows = rows_from_zone(zone);
        assert_eq!(rows.len(), 4, "SOA, NS and the failover pair");
        for (row, set) in rows.iter().zip(zone.sets()) {
            let back = request_set(&row.fields, Some(set)).unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(back, set.to_model(), "{}", row.id);
        }
        let primary = rows.iter().find(|r| r.fields.routing.contains("PRIMARY"));
        assert_eq!(
            primary.map(|r| (r.id.0.as_str(), r.fields.routing.as_str())),
            Some((
                "api.hello-localstack.com/app-a|A",
                "failover PRIMARY · set app-a"
            ))
        );
    }

    #[test]
    fn unreadable_cells_are_named_before_any_request() {
        let fields = RowFields {
            name: "api.hello.com".into(),
            rtype: "A".into(),
            routing: "round robin".into(),
            ttl: "soon".into(),
            values: "192.0.2.1".into(),
            health_check: String::new(),
        };
        let e = request_set(&fields, None).err().unwrap_or_default();
        assert!(e.get(Column::Ttl).is_some_and(|m| m.contains("'soon'")));
        assert!(e.get(Column::Routing).is_some());
        assert!(
            e.get(Column::Values).is_none(),
            "values are Route 53's to judge"
        );
    }

    #[test]
    fn routing_texts_parse_to_the_api_members() {
        let parse = |t: &str| {
            let mut r = ResourceRecordSet::default();
            parse_routing(t, &mut r).map(|_| r)
        };
        let w = parse("weighted 10 · set blue").unwrap_or_default();
        assert_eq!(
            (w.weight, w.set_identifier.as_deref()),
            (Some(10), Some("blue"))
        );
        let f = parse("failover secondary · set b").unwrap_or_default();
        assert_eq!(f.failover.as_deref(), Some("SECONDARY"));
        let m = parse("multivalue · set one").unwrap_or_default();
        assert_eq!(m.multi_value_answer, Some(true));
        assert_eq!(parse("simple").map(|r| r.set_identifier), Ok(None));
        assert!(parse("failover PRIMARY").is_err(), "a set id is required");
        assert!(parse("weighted x · set a").is_err());
    }
}
