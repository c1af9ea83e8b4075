//! Latency routing (API `ResourceRecordSet.Region`; DG
//! `routing-policy-latency`, `dns-failover-complex-configs`; reference notes
//! D.57). Route 53's latency data is internal to AWS, so the playground takes
//! it as an editable table.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{records, Answer, Candidate, Client, Policy, RoutingError};

/// Milliseconds from client locations (rows) to AWS regions (columns).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LatencyTable {
    /// `rows[location][region]` in milliseconds.
    pub rows: BTreeMap<String, BTreeMap<String, u32>>,
}

impl LatencyTable {
    /// A small illustrative table (round numbers, not measurements) for
    /// four client locations and the regions the presets use.
    pub fn sample() -> LatencyTable {
        let mut t = LatencyTable::default();
        let data: [(&str, [u32; 5]); 4] = [
            // us-east-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-1
            ("Virginia", [5, 70, 80, 90, 230]),
            ("California", [65, 20, 140, 150, 170]),
            ("Frankfurt", [90, 150, 25, 5, 160]),
            ("Singapore", [220, 170, 170, 160, 5]),
        ];
        const REGIONS: [&str; 5] = [
            "us-east-1",
            "us-west-2",
            "eu-west-1",
            "eu-central-1",
            "ap-southeast-1",
        ];
        for (location, row) in data {
            for (region, ms) in REGIONS.iter().zip(row) {
                t.set(location, region, ms);
            }
        }
        t
    }

    /// Sets one cell.
    pub fn set(&mut self, location: &str, region: &str, ms: u32) {
        self.rows
            .entry(location.to_string())
            .or_default()
            .insert(region.to_string(), ms);
    }

    /// One cell, if known.
    pub fn get(&self, location: &str, region: &str) -> Option<u32> {
        self.rows.get(location)?.get(region).copied()
    }
}

fn region(c: &Candidate) -> &str {
    match &c.policy {
        Policy::Latency { region } => region,
        _ => "",
    }
}

/// The healthy set in the region with the lowest latency from the client;
/// an unhealthy region is skipped for the next best. If none is healthy,
/// all count as healthy. A region missing from the table ranks last (ties
/// keep the candidates' order).
pub(super) fn select(
    candidates: &[Candidate],
    client: &Client,
    table: &LatencyTable,
) -> Result<Answer, RoutingError> {
    for (i, c) in candidates.iter().enumerate() {
        if candidates[..i].iter().any(|o| region(o) == region(c)) {
            return Err(RoutingError::DuplicateRegion(region(c).to_string()));
        }
    }
    let ms = |c: &Candidate| table.get(&client.location, region(c));
    let mut ranked: Vec<&Candidate> = candidates.iter().collect();
    ranked.sort_by_key(|c| ms(c).unwrap_or(u32::MAX));
    let Some(best) = ranked.first() else {
        return Ok(Answer::NoData {
            reason: "latency: no records".to_string(),
        });
    };
    let show = |c: &Candidate| match ms(c) {
        Some(ms) => format!(
            "{} ({}, {ms} ms from {})",
            c.set_id,
            region(c),
            client.location
        ),
        None => format!(
            "{} ({}, no latency data from {})",
            c.set_id,
            region(c),
            client.location
        ),
    };
    match ranked.iter().find(|c| c.health.counts_healthy()) {
        Some(c) if c.set_id == best.set_id => Ok(records(
            &[c],
            format!("latency: {} is the closest healthy region", show(c)),
        )),
        Some(c) => {
            let skipped: Vec<String> = ranked
                .iter()
                .take_while(|o| o.set_id != c.set_id)
                .map(|o| show(o))
                .collect();
            Ok(records(
                &[c],
                format!(
                    "latency: {} skipped as unhealthy; next best is {}",
                    skipped.join(", "),
                    show(c)
                ),
            ))
        }
        None => Ok(records(
            &[best],
            format!(
                "latency: no record is healthy, so all count as healthy; closest is {}",
                show(best)
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::routing::Health::{self, Healthy as H, NoCheck as N, Unhealthy as U};

    fn c(id: &str, region: &str, health: Health) -> Candidate {
        Candidate {
            set_id: id.into(),
            policy: Policy::Latency {
                region: region.into(),
            },
            health,
            values: vec![id.into()],
        }
    }

    fn client(location: &str) -> Client {
        Client {
            location: location.into(),
            ..Client::default()
        }
    }

    fn winner(set: &[Candidate], from: &str, table: &LatencyTable) -> String {
        match select(set, &client(from), table).unwrap() {
            Answer::Records { chosen, .. } => chosen.join(","),
            Answer::NoData { .. } => String::new(),
        }
    }

    /// Each row: client location, health of (us, eu, ap), winner.
    #[test]
    fn lowest_latency_healthy_region_table() {
        let t = LatencyTable::sample();
        let rows = [
            ("Frankfurt", [H, H, H], "eu"),
            ("Virginia", [H, H, H], "us"),
            ("Singapore", [H, H, H], "ap"),
            ("Frankfurt", [H, U, H], "us"), // eu down: next best is us-east-1 (90 ms) over ap (160)
            ("Frankfurt", [U, U, N], "ap"), // no check counts healthy
            ("Frankfurt", [U, U, U], "eu"), // none healthy: all count, closest wins
            ("Mars", [H, H, H], "us"),      // no data: ties keep order
        ];
        for (from, [us, eu, ap], want) in rows {
            let set = [
                c("us", "us-east-1", us),
                c("eu", "eu-central-1", eu),
                c("ap", "ap-southeast-1", ap),
            ];
            assert_eq!(winner(&set, from, &t), want, "{from} {us:?} {eu:?} {ap:?}");
        }
    }

    /// The table is editable: a change of one cell changes the answer.
    #[test]
    fn editing_the_table_moves_traffic() {
        let mut t = LatencyTable::sample();
        let set = [c("us", "us-east-1", H), c("eu", "eu-central-1", H)];
        assert_eq!(winner(&set, "Frankfurt", &t), "eu");
        t.set("Frankfurt", "us-east-1", 1);
        assert_eq!(winner(&set, "Frankfurt", &t), "us");
        assert_eq!(t.get("Frankfurt", "us-east-1"), Some(1));
    }

    #[test]
    fn one_record_per_region() {
        let set = [c("a", "us-east-1", H), c("b", "us-east-1", H)];
        assert_eq!(
            select(&set, &client("Virginia"), &LatencyTable::sample()),
            Err(RoutingError::DuplicateRegion("us-east-1".into()))
        );
    }

    #[test]
    fn reason_names_the_skipped_region() {
        let set = [c("us", "us-east-1", H), c("eu", "eu-central-1", U)];
        let Answer::Records { reason, .. } =
            select(&set, &client("Frankfurt"), &LatencyTable::sample()).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            reason,
            "latency: eu (eu-central-1, 5 ms from Frankfurt) skipped as unhealthy; next best is us (us-east-1, 90 ms from Frankfurt)"
        );
    }
}
