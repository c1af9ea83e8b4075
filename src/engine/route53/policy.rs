//! Routing policies from the policy members of a `ResourceRecordSet`:
//! which members go together (API `ResourceRecordSet`, reference #17, #46,
//! #58) and which types each policy allows (#33, #56).

use hickory_proto::rr::RecordType;

use super::messages;
use super::model;
use super::problem::Rule;
use super::record::{FailoverRole, Routing};
use super::shape::Problem;

/// The continents of `GeoLocation.ContinentCode` (API `GeoLocation`).
const CONTINENTS: [&str; 7] = ["AF", "AN", "AS", "EU", "OC", "NA", "SA"];

/// The routing policy from the policy members (#17, #46).
pub fn routing(rrs: &model::ResourceRecordSet, change: &str) -> Result<Routing, Problem> {
    let multi = rrs.multi_value_answer == Some(true);
    let count = [
        rrs.weight.is_some(),
        rrs.region.is_some(),
        rrs.failover.is_some(),
        rrs.geo_location.is_some(),
        multi,
    ]
    .iter()
    .filter(|b| **b)
    .count();
    let Some(set_id) = rrs.set_identifier.clone() else {
        if count > 0 {
            return Err(Problem::Invalid(messages::missing_field(
                "SetIdentifier",
                change,
            )));
        }
        return Ok(Routing::Simple);
    };
    if count == 0 {
        return Err(Problem::Invalid(messages::expected_policy("none", change)));
    }
    if count > 1 {
        return Err(Problem::Invalid(messages::expected_policy(
            "more than one",
            change,
        )));
    }
    if let Some(w) = rrs.weight {
        return Ok(Routing::Weighted {
            set_id,
            weight: u8::try_from(w).unwrap_or(u8::MAX),
        });
    }
    if let Some(region) = rrs.region.clone() {
        return Ok(Routing::Latency { set_id, region });
    }
    if let Some(f) = rrs.failover.as_deref() {
        let role = if f == "PRIMARY" {
            FailoverRole::Primary
        } else {
            FailoverRole::Secondary
        };
        return Ok(Routing::Failover { set_id, role });
    }
    if let Some(geo) = &rrs.geo_location {
        return geo_routing(set_id, geo);
    }
    Ok(Routing::MultiValue { set_id })
}

/// API `GeoLocation`: a continent, or a country with an optional US
/// subdivision; never both (#58). Wording is dnsplay's.
fn geo_routing(set_id: String, geo: &model::GeoLocation) -> Result<Routing, Problem> {
    let bad = |why: &str| Err(Problem::Invalid(messages::malformed(why)));
    match (
        &geo.continent_code,
        &geo.country_code,
        &geo.subdivision_code,
    ) {
        (None, None, _) => return bad("GeoLocation needs a ContinentCode or a CountryCode"),
        (Some(_), Some(_), _) | (Some(_), None, Some(_)) => {
            return bad("GeoLocation takes a ContinentCode or a CountryCode, not both")
        }
        (Some(c), None, None) if !CONTINENTS.contains(&c.as_str()) => {
            return bad(&format!("Value '{c}' is not a valid ContinentCode"))
        }
        (None, Some(c), Some(_)) if c != "US" => {
            return bad("SubdivisionCode is only supported with CountryCode US")
        }
        _ => {}
    }
    Ok(Routing::Geolocation {
        set_id,
        location: geo.clone(),
    })
}

/// #33, #56: NS and SOA are simple only; multivalue excludes CNAME and NS
/// and aliases.
pub fn check_policy_types(
    shown: &str,
    rtype: RecordType,
    routing: &Routing,
    alias: bool,
    batch: &mut Vec<Problem>,
) {
    let refused = match routing {
        Routing::Simple => false,
        Routing::MultiValue { .. } => {
            alias || matches!(rtype, RecordType::CNAME | RecordType::NS | RecordType::SOA)
        }
        _ => matches!(rtype, RecordType::NS | RecordType::SOA),
    };
    if refused {
        let t = rtype.to_string();
        batch.push(Problem::Batch(
            Rule::TypeNotRoutable,
            messages::type_not_routable(shown, &t, routing.policy_word()),
        ));
    }
}
