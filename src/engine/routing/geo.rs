//! Geolocation routing (API `GeoLocation`; DG `routing-policy-geo`,
//! `resource-record-sets-values-geo`; reference notes D.58–D.60).

use serde::{Deserialize, Serialize};

use super::{records, Answer, Candidate, Client, Policy, RoutingError};

/// The location a geolocation set serves, as the API spells it. The default
/// record is `CountryCode: "*"`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GeoLocation {
    /// Continent code: AF, AN, AS, EU, OC, NA, SA.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continent_code: Option<String>,
    /// ISO 3166-1 alpha-2, or `*` for the default record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// A US state (Route 53 supports subdivisions for the US only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subdivision_code: Option<String>,
}

impl GeoLocation {
    /// The default record's location.
    pub fn default_location() -> GeoLocation {
        GeoLocation {
            country_code: Some("*".to_string()),
            ..GeoLocation::default()
        }
    }

    fn describe(&self) -> String {
        match (
            &self.continent_code,
            &self.country_code,
            &self.subdivision_code,
        ) {
            (_, Some(c), Some(s)) => format!("subdivision {c}-{s}"),
            (_, Some(c), None) if c == "*" => "the default location (*)".to_string(),
            (_, Some(c), None) => format!("country {c}"),
            (Some(k), None, _) => format!("continent {k}"),
            _ => "no location".to_string(),
        }
    }

    /// How specifically this location matches `client`: 0 subdivision,
    /// 1 country, 2 continent, 3 default; `None` when it does not.
    fn rank(&self, client: &Client) -> Option<u8> {
        let eq = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        };
        match (
            &self.continent_code,
            &self.country_code,
            &self.subdivision_code,
        ) {
            (_, Some(_), Some(_)) => (eq(&self.country_code, &client.country)
                && eq(&self.subdivision_code, &client.subdivision))
            .then_some(0),
            (_, Some(c), None) if c == "*" => Some(3),
            (_, Some(_), None) => eq(&self.country_code, &client.country).then_some(1),
            (Some(_), None, _) => eq(&self.continent_code, &client.continent).then_some(2),
            _ => None,
        }
    }
}

fn location(c: &Candidate) -> Option<&GeoLocation> {
    match &c.policy {
        Policy::Geolocation(g) => Some(g),
        _ => None,
    }
}

/// "priority goes to the smallest geographic region": subdivision, then
/// country, then continent, then the default record. An unhealthy match
/// passes to the next larger one; "If all applicable records are unhealthy,
/// including the record for all locations, Route 53 responds to the DNS
/// query using the value for the record for the smallest geographic
/// region." No match and no default: "Route 53 returns a "no answer"
/// response" (NODATA).
pub(super) fn select(candidates: &[Candidate], client: &Client) -> Result<Answer, RoutingError> {
    let mut applicable: Vec<(u8, &Candidate)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let Some(g) = location(c) else { continue };
        if candidates[..i].iter().any(|o| location(o) == Some(g)) {
            return Err(RoutingError::DuplicateLocation(g.describe()));
        }
        if let Some(rank) = g.rank(client) {
            applicable.push((rank, c));
        }
    }
    applicable.sort_by_key(|(rank, _)| *rank);
    let Some((_, smallest)) = applicable.first() else {
        return Ok(Answer::NoData {
            reason: "geolocation: no record matches the client's location and there is no default record (CountryCode *)".to_string(),
        });
    };
    let describe = |c: &Candidate| {
        let place = location(c).map(GeoLocation::describe).unwrap_or_default();
        format!("{} ({place})", c.set_id)
    };
    match applicable.iter().find(|(_, c)| c.health.counts_healthy()) {
        Some((_, c)) if c.set_id == smallest.set_id => Ok(records(
            &[c],
            format!("geolocation: {} is the smallest region containing the client", describe(c)),
        )),
        Some((_, c)) => {
            let skipped: Vec<String> = applicable
                .iter()
                .take_while(|(_, o)| o.set_id != c.set_id)
                .map(|(_, o)| describe(o))
                .collect();
            Ok(records(
                &[c],
                format!(
                    "geolocation: {} unhealthy; the next larger region is {}",
                    skipped.join(", "),
                    describe(c)
                ),
            ))
        }
        None => Ok(records(
            &[smallest],
            format!(
                "geolocation: every applicable record is unhealthy, so Route 53 answers with the smallest region, {}",
                describe(smallest)
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::routing::Health::{self, Healthy as H, NoCheck as N, Unhealthy as U};

    fn geo(continent: Option<&str>, country: Option<&str>, sub: Option<&str>) -> GeoLocation {
        GeoLocation {
            continent_code: continent.map(str::to_string),
            country_code: country.map(str::to_string),
            subdivision_code: sub.map(str::to_string),
        }
    }

    fn c(id: &str, g: GeoLocation, health: Health) -> Candidate {
        Candidate {
            set_id: id.into(),
            policy: Policy::Geolocation(g),
            health,
            values: vec![id.into()],
        }
    }

    fn client(continent: &str, country: &str, sub: Option<&str>) -> Client {
        Client {
            location: String::new(),
            continent: Some(continent.into()),
            country: Some(country.into()),
            subdivision: sub.map(str::to_string),
        }
    }

    fn winner(set: &[Candidate], who: &Client) -> String {
        match select(set, who).unwrap() {
            Answer::Records { chosen, .. } => chosen.join(","),
            Answer::NoData { .. } => "NODATA".into(),
        }
    }

    /// Each row: client, health of (wa, us, na, default), winner.
    #[test]
    fn smallest_region_first_table() {
        let wa = client("NA", "US", Some("WA"));
        let ny = client("NA", "US", Some("NY"));
        let ca = client("NA", "CA", None);
        let de = client("EU", "DE", None);
        let rows = [
            (&wa, [H, H, H, H], "wa"),
            (&ny, [H, H, H, H], "us"), // US IP outside a state record → US
            (&ca, [H, H, H, H], "na"), // country not listed → continent
            (&de, [H, H, H, H], "default"), // nothing matches → default
            (&wa, [U, H, H, H], "us"), // state down → country
            (&wa, [U, U, H, H], "na"), // → continent
            (&wa, [U, U, U, N], "default"), // → default (no check counts healthy)
            (&wa, [U, U, U, U], "wa"), // all down → smallest region
            (&de, [H, H, H, U], "default"), // the only applicable record, unhealthy
        ];
        for (who, [w, u, n, d], want) in rows {
            let set = [
                c("default", GeoLocation::default_location(), d),
                c("na", geo(Some("NA"), None, None), n),
                c("us", geo(None, Some("US"), None), u),
                c("wa", geo(None, Some("US"), Some("WA")), w),
            ];
            assert_eq!(winner(&set, who), want, "{who:?} {:?}", [w, u, n, d]);
        }
    }

    /// DG: without a default record, unmatched locations get "no answer".
    #[test]
    fn no_match_and_no_default_is_nodata() {
        let set = [c("us", geo(None, Some("US"), None), H)];
        assert_eq!(winner(&set, &client("EU", "DE", None)), "NODATA");
        assert_eq!(winner(&set, &client("NA", "us", None)), "us"); // codes compare case-insensitively
    }

    #[test]
    fn one_record_per_location() {
        let set = [
            c("a", geo(None, Some("US"), None), H),
            c("b", geo(None, Some("US"), None), H),
        ];
        assert_eq!(
            select(&set, &client("NA", "US", None)),
            Err(RoutingError::DuplicateLocation("country US".into()))
        );
    }

    #[test]
    fn api_serde_shape() {
        let json = serde_json::to_string(&GeoLocation::default_location()).unwrap();
        assert_eq!(json, r#"{"CountryCode":"*"}"#);
    }
}
