//! Where the answer panel asks from. Latency and geolocation routing
//! answer by who asks (DG `routing-policy-latency`, `routing-policy-geo`):
//! Route 53 sees the resolver's (or, with EDNS Client Subnet, the
//! client's) location. Each place here is an engine [`Client`]: a row of
//! the latency table plus continent, country and US subdivision.
//!
//! Route 53's latency data is AWS's own; the milliseconds below are round,
//! illustrative numbers (the same as `LatencyTable::sample` for the four
//! places it has), used only for places the scenario's own table leaves out.

use crate::engine::routing::{Client, LatencyTable};
use crate::scenario::model::Scenario;
use crate::ui::view_model::answer::ClientOption;

/// The id of the scenario's own client (the one the timeline runs with).
pub const SCENARIO_CLIENT: &str = "laptop";

/// A place to ask from.
struct Place {
    id: &'static str,
    label: &'static str,
    location: &'static str,
    continent: &'static str,
    country: &'static str,
    subdivision: Option<&'static str>,
}

const PLACES: [Place; 6] = [
    Place {
        id: "frankfurt",
        label: "Laptop in Frankfurt (EU, DE)",
        location: "Frankfurt",
        continent: "EU",
        country: "DE",
        subdivision: None,
    },
    Place {
        id: "virginia",
        label: "Laptop in Virginia (NA, US-VA)",
        location: "Virginia",
        continent: "NA",
        country: "US",
        subdivision: Some("VA"),
    },
    Place {
        id: "california",
        label: "Laptop in California (NA, US-CA)",
        location: "California",
        continent: "NA",
        country: "US",
        subdivision: Some("CA"),
    },
    Place {
        id: "sao-paulo",
        label: "Laptop in São Paulo (SA, BR)",
        location: "São Paulo",
        continent: "SA",
        country: "BR",
        subdivision: None,
    },
    Place {
        id: "tokyo",
        label: "Laptop in Tokyo (AS, JP)",
        location: "Tokyo",
        continent: "AS",
        country: "JP",
        subdivision: None,
    },
    Place {
        id: "singapore",
        label: "Laptop in Singapore (AS, SG)",
        location: "Singapore",
        continent: "AS",
        country: "SG",
        subdivision: None,
    },
];

const REGIONS: [&str; 7] = [
    "us-east-1",
    "us-west-2",
    "eu-west-1",
    "eu-central-1",
    "ap-southeast-1",
    "ap-northeast-1",
    "sa-east-1",
];

/// Milliseconds from each place (by location) to [`REGIONS`].
const LATENCY_MS: [(&str, [u32; 7]); 6] = [
    ("Virginia", [5, 70, 80, 90, 230, 150, 120]),
    ("California", [65, 20, 140, 150, 170, 110, 180]),
    ("Frankfurt", [90, 150, 25, 5, 160, 230, 200]),
    ("Singapore", [220, 170, 170, 160, 5, 70, 330]),
    ("Tokyo", [150, 100, 220, 230, 70, 5, 260]),
    ("São Paulo", [120, 180, 190, 200, 330, 260, 5]),
];

/// The places offered, the scenario's own client first.
pub fn client_options(scenario: &Scenario) -> Vec<ClientOption> {
    let own = if scenario.client.location.is_empty() {
        // Short enough for a phone-width select; the trace says the rest.
        "Laptop, no known location".to_string()
    } else {
        format!(
            "The scenario's client ({})",
            scenario.client.location.as_str()
        )
    };
    let mut out = vec![ClientOption {
        id: SCENARIO_CLIENT.into(),
        label: own,
    }];
    out.extend(PLACES.iter().map(|p| ClientOption {
        id: p.id.into(),
        label: p.label.into(),
    }));
    out
}

/// The client behind an option id; an unknown id is the scenario's own.
pub fn client_for(scenario: &Scenario, id: &str) -> Client {
    match PLACES.iter().find(|p| p.id == id) {
        Some(p) => Client {
            location: p.location.into(),
            continent: Some(p.continent.into()),
            country: Some(p.country.into()),
            subdivision: p.subdivision.map(Into::into),
        },
        None => scenario.client.clone(),
    }
}

/// The scenario's latency table with a row for every place it lacks (its
/// own rows win: a scenario that measured Frankfurt keeps its numbers).
pub fn latency_for(scenario: &Scenario) -> LatencyTable {
    let mut t = scenario.latency.clone();
    for (location, row) in LATENCY_MS {
        if t.rows.contains_key(location) {
            continue;
        }
        for (region, ms) in REGIONS.iter().zip(row) {
            t.set(location, region, ms);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_has_a_latency_row_and_a_unique_id() {
        let s = Scenario::default();
        let t = latency_for(&s);
        for p in &PLACES {
            let c = client_for(&s, p.id);
            assert_eq!(c.location, p.location);
            for r in REGIONS {
                assert!(t.get(&c.location, r).is_some(), "{} {r}", p.id);
            }
        }
        let ids: std::collections::BTreeSet<_> =
            client_options(&s).into_iter().map(|o| o.id).collect();
        assert_eq!(ids.len(), PLACES.len() + 1);
        assert_eq!(client_for(&s, "nowhere"), s.client);
        assert_eq!(client_for(&s, SCENARIO_CLIENT), s.client);
    }

    /// Each place is nearest (lowest latency) to the region a reader would
    /// expect, so latency answers differ by place.
    #[test]
    fn each_place_is_nearest_its_own_region() {
        let t = latency_for(&Scenario::default());
        let nearest = |loc: &str| {
            REGIONS
                .iter()
                .min_by_key(|r| t.get(loc, r).unwrap_or(u32::MAX))
                .copied()
        };
        for (loc, want) in [
            ("Virginia", "us-east-1"),
            ("California", "us-west-2"),
            ("Frankfurt", "eu-central-1"),
            ("Singapore", "ap-southeast-1"),
            ("Tokyo", "ap-northeast-1"),
            ("São Paulo", "sa-east-1"),
        ] {
            assert_eq!(nearest(loc), Some(want), "{loc}");
        }
    }

    #[test]
    fn the_scenarios_own_rows_win() {
        let mut s = Scenario::default();
        s.latency.set("Frankfurt", "us-east-1", 1);
        let t = latency_for(&s);
        assert_eq!(t.get("Frankfurt", "us-east-1"), Some(1));
        assert_eq!(t.get("Frankfurt", "eu-central-1"), None, "row kept whole");
        assert_eq!(t.get("Tokyo", "ap-northeast-1"), Some(5));
    }
}
