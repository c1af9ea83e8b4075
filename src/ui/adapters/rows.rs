//! A hosted zone's record sets as table rows, and a row's text back into
//! the API's `ResourceRecordSet` JSON (the change batch then runs Route 53's
//! own validation on it, so the messages are Route 53's).

use crate::engine::name::format_name;
use crate::engine::route53::model::{self, ResourceRecordSet};
use crate::engine::route53::routing_view::set_label;
use crate::engine::route53::{HostedZone, RecordData, RecordSet, Routing};
use crate::ui::view_model::record_table::{
    value_lines, AliasFields, CellErrors, Column, RecordRow, RowFields, RowId,
};
use crate::ui::view_model::routing_draft::{PolicyKind, RoutingDraft};

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

/// The routing cell (the [`RoutingDraft`] text): `simple`,
/// `failover PRIMARY · set app-a`, `weighted 10 · set blue`,
/// `latency eu-west-1 · set eu`, `geolocation country DE · set de`,
/// `multivalue · set one`.
pub fn routing_text(r: &Routing) -> String {
    draft_of(r).text()
}

/// A set's routing as editor fields.
pub fn draft_of(r: &Routing) -> RoutingDraft {
    let with = |policy: PolicyKind, set_id: &str| RoutingDraft {
        policy,
        set_id: set_id.to_string(),
        ..RoutingDraft::default()
    };
    match r {
        Routing::Simple => RoutingDraft::default(),
        Routing::Weighted { set_id, weight } => RoutingDraft {
            weight: weight.to_string(),
            ..with(PolicyKind::Weighted, set_id)
        },
        Routing::Failover { set_id, role } => RoutingDraft {
            role: role.as_str().to_string(),
            ..with(PolicyKind::Failover, set_id)
        },
        Routing::Latency { set_id, region } => RoutingDraft {
            region: region.clone(),
            ..with(PolicyKind::Latency, set_id)
        },
        Routing::Geolocation { set_id, location } => RoutingDraft {
            continent: location.continent_code.clone().unwrap_or_default(),
            country: location.country_code.clone().unwrap_or_default(),
            subdivision: location.subdivision_code.clone().unwrap_or_default(),
            ..with(PolicyKind::Geolocation, set_id)
        },
        Routing::MultiValue { set_id } => with(PolicyKind::MultiValue, set_id),
    }
}

/// The row of one record set.
pub fn row_of(set: &RecordSet) -> RecordRow {
    let (ttl, values, alias) = match &set.data {
        RecordData::Values { ttl, values } => (
            ttl.to_string(),
            values
                .iter()
                .map(|v| v.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            None,
        ),
        RecordData::Alias(a) => (
            String::new(),
            format_name(&a.dns_name),
            Some(AliasFields {
                hosted_zone_id: a.hosted_zone_id.clone(),
                evaluate_target_health: a.evaluate_target_health,
            }),
        ),
    };
    let is_alias = alias.is_some();
    RecordRow {
        id: row_id(set),
        fields: RowFields {
            name: format_name(&set.name),
            rtype: set.rtype.to_string(),
            routing: routing_text(&set.routing),
            ttl,
            values,
            health_check: set.health_check_id.clone().unwrap_or_default(),
            alias,
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

/// Fills the routing members of `out` from the routing cell's text.
/// Only what cannot be put into a request at all is refused here (an
/// unreadable text, a weight that is not a number, a policy with its one
/// member left empty); a missing SetIdentifier, an unknown region or
/// continent, a weight of 300 go to Route 53, whose message is the one to see.
fn parse_routing(text: &str, out: &mut ResourceRecordSet) -> Result<(), String> {
    let d = RoutingDraft::parse(text).map_err(|e| e.0)?;
    let id = d.set_id.trim();
    if d.policy != PolicyKind::Simple && !id.is_empty() {
        out.set_identifier = Some(id.to_string());
    }
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    match d.policy {
        PolicyKind::Simple => {}
        PolicyKind::Failover => {
            out.failover =
                Some(some(&d.role).ok_or("failover routing needs a role: PRIMARY or SECONDARY")?);
        }
        PolicyKind::Weighted => {
            let w = d.weight.trim();
            if w.is_empty() {
                return Err("weighted routing needs a weight (0 to 255)".into());
            }
            out.weight = Some(
                w.parse::<i64>()
                    .map_err(|_| format!("weight '{w}' is not a whole number"))?,
            );
        }
        PolicyKind::Latency => {
            out.region =
                Some(some(&d.region).ok_or("latency routing needs a region, e.g. eu-west-1")?);
        }
        PolicyKind::Geolocation => {
            let loc = model::GeoLocation {
                continent_code: some(&d.continent),
                country_code: some(&d.country),
                subdivision_code: some(&d.subdivision),
            };
            if loc == model::GeoLocation::default() {
                return Err("geolocation routing needs a location: a continent, a country, or the default (*)".into());
            }
            out.geo_location = Some(loc);
        }
        PolicyKind::MultiValue => out.multi_value_answer = Some(true),
    }
    Ok(())
}

/// The API's `ResourceRecordSet` for a row's text. Errors are the cells
/// whose text cannot even be put into the request (a TTL that is not a
/// number, a routing text we cannot read); everything else is left to
/// Route 53's validation.
pub fn request_set(fields: &RowFields) -> Result<ResourceRecordSet, Box<CellErrors>> {
    let mut out = ResourceRecordSet {
        name: Some(fields.name.trim().to_string()),
        rtype: Some(fields.rtype.trim().to_ascii_uppercase()),
        health_check_id: Some(fields.health_check.trim().to_string()).filter(|s| !s.is_empty()),
        ..ResourceRecordSet::default()
    };
    let mut errors = CellErrors::default();
    if let Err(e) = parse_routing(&fields.routing, &mut out) {
        errors = errors.with(Column::Routing, e);
    }
    if let Some(a) = &fields.alias {
        out.alias_target = Some(model::AliasTarget {
            hosted_zone_id: Some(a.hosted_zone_id.trim().to_string()),
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
    use crate::engine::time::SimTime;
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
            let back = request_set(&row.fields).unwrap_or_else(|e| panic!("{e:?}"));
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

    fn fields(name: &str, routing: &str, values: &str) -> RowFields {
        RowFields {
            name: name.into(),
            rtype: "A".into(),
            routing: routing.into(),
            ttl: "60".into(),
            values: values.into(),
            health_check: String::new(),
            alias: None,
        }
    }

    /// Every policy the engine routes (API `ResourceRecordSet`: Weight,
    /// Region, GeoLocation, Failover, MultiValueAnswer) and an alias
    /// (`AliasTarget`) go in through the table, are accepted by Route 53,
    /// and read back into the request that lists them.
    #[test]
    fn every_policy_and_an_alias_round_trip_through_the_table() {
        use crate::scenario::presets::simple_zones;
        use crate::ui::adapters::batch::{add_batch, check};
        use crate::ui::workspace::Workspace;
        let mut ws = Workspace::with(simple_zones::a_records(1).unwrap_or_else(|e| panic!("{e}")));
        let zone_id = ws.scenario.route53.zones[0].id.clone();
        let mut alias = fields("alias.hello.com", "simple", "api.hello.com");
        alias.ttl = String::new();
        alias.alias = Some(AliasFields {
            hosted_zone_id: zone_id.clone(),
            evaluate_target_health: true,
        });
        let adds = [
            fields("w.hello.com", "weighted 10 · set blue", "192.0.2.1"),
            fields("w.hello.com", "weighted 0 · set green", "192.0.2.2"),
            fields("lat.hello.com", "latency eu-west-1 · set eu", "192.0.2.3"),
            fields("lat.hello.com", "latency us-east-1 · set us", "192.0.2.4"),
            fields(
                "geo.hello.com",
                "geolocation continent EU · set eu",
                "192.0.2.5",
            ),
            fields(
                "geo.hello.com",
                "geolocation country US subdivision WA · set wa",
                "192.0.2.6",
            ),
            fields(
                "geo.hello.com",
                "geolocation default · set rest",
                "192.0.2.7",
            ),
            fields("mv.hello.com", "multivalue · set one", "192.0.2.8"),
            fields("f.hello.com", "failover SECONDARY · set b", "192.0.2.9"),
            alias,
        ];
        for f in &adds {
            let p = add_batch(&ws.scenario.route53.zones[0], f).unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(check(&ws.scenario.route53, &p), Ok(()), "{}", f.routing);
            assert!(ws.apply_batch(&p, SimTime::ZERO), "{}", f.routing);
        }
        let zone = &ws.scenario.route53.zones[0];
        let rows = rows_from_zone(zone);
        for f in &adds {
            let row = rows
                .iter()
                .find(|r| r.fields.name == format!("{}.", f.name) && r.fields.routing == f.routing);
            let row = row.unwrap_or_else(|| panic!("no row shows {}", f.routing));
            assert_eq!(row.fields.alias, f.alias, "{}", f.routing);
            assert_eq!(row.is_alias, f.alias.is_some());
        }
        for (row, set) in rows.iter().zip(zone.sets()) {
            let back = request_set(&row.fields).unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(back, set.to_model(), "{}", row.id);
        }
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
            alias: None,
        };
        let e = request_set(&fields).err().unwrap_or_default();
        assert!(e.get(Column::Ttl).is_some_and(|m| m.contains("'soon'")));
        assert!(e.get(Column::Routing).is_some());
        assert!(
            e.get(Column::Values).is_none(),
            "values are Route 53's to judge"
        );
    }

    /// The routing text becomes the API members; what only Route 53 can
    /// judge (a missing SetIdentifier, #17) is left in the request for it.
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
        let g = parse("geolocation country US subdivision WA · set wa").unwrap_or_default();
        let loc = g.geo_location.unwrap_or_default();
        assert_eq!(
            (
                loc.continent_code,
                loc.country_code.as_deref(),
                loc.subdivision_code.as_deref()
            ),
            (None, Some("US"), Some("WA"))
        );
        assert_eq!(parse("simple").map(|r| r.set_identifier), Ok(None));
        let no_id = parse("failover PRIMARY").unwrap_or_default();
        assert_eq!(
            (no_id.failover.as_deref(), no_id.set_identifier),
            (Some("PRIMARY"), None)
        );
        for bad in [
            "weighted x · set a",
            "weighted · set a",
            "latency · set a",
            "geolocation · set a",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
