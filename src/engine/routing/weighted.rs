//! Weighted routing (DG `resource-record-sets-values-weighted`,
//! `health-checks-how-route-53-chooses-records`; reference notes D.52, D.55).

use super::{records, Answer, Candidate, Policy};
use crate::engine::rng::SimRng;

fn weight(c: &Candidate) -> u64 {
    match c.policy {
        Policy::Weighted { weight } => u64::from(weight),
        _ => 0,
    }
}

/// Picks one set with probability weight / sum among the healthy sets with
/// a non-zero weight. Zero-weight sets are used only "If all the records
/// that have a weight greater than 0 are unhealthy", and then with equal
/// probability; likewise when every weight is 0 ("traffic is routed to all
/// resources with equal probability"). When no set is healthy, all count as
/// healthy and the same rules apply to all of them.
pub(super) fn select(candidates: &[Candidate], rng: &mut SimRng) -> Answer {
    let healthy: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.health.counts_healthy())
        .collect();
    let (pool, note) = if healthy.is_empty() {
        (
            candidates.iter().collect::<Vec<_>>(),
            "no record is healthy, so all count as healthy; ",
        )
    } else {
        (healthy, "")
    };
    let weighted: Vec<&Candidate> = pool.iter().copied().filter(|c| weight(c) > 0).collect();
    if !weighted.is_empty() {
        let total: u64 = weighted.iter().map(|c| weight(c)).sum();
        let mut roll = rng.below(total);
        let mut chosen = weighted[weighted.len() - 1];
        for c in &weighted {
            if roll < weight(c) {
                chosen = c;
                break;
            }
            roll -= weight(c);
        }
        let reason = format!(
            "weighted: {note}{} chosen with probability {}/{total} among {} healthy record(s) with weight > 0",
            chosen.set_id,
            weight(chosen),
            weighted.len()
        );
        return records(&[chosen], reason);
    }
    let i = rng.below(pool.len() as u64) as usize;
    let Some(chosen) = pool.get(i) else {
        return Answer::NoData {
            reason: "weighted: no records".to_string(),
        };
    };
    let why = if candidates.iter().all(|c| weight(c) == 0) {
        "every weight is 0, so each record is equally likely"
    } else {
        "every record with weight > 0 is unhealthy, so the weight-0 records share the traffic equally"
    };
    records(
        &[chosen],
        format!(
            "weighted: {note}{why}; {} chosen (1/{})",
            chosen.set_id,
            pool.len()
        ),
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::engine::routing::Health::{self, Healthy as H, NoCheck as N, Unhealthy as U};

    fn c(id: &str, weight: u8, health: Health) -> Candidate {
        Candidate {
            set_id: id.into(),
            policy: Policy::Weighted { weight },
            health,
            values: vec![id.into()],
        }
    }

    /// How often each set wins over 4,000 seeded draws.
    fn tally(set: &[Candidate]) -> BTreeMap<String, u32> {
        let mut rng = SimRng::derive(1, "weighted-test");
        let mut out = BTreeMap::new();
        for _ in 0..4000 {
            if let Answer::Records { chosen, .. } = select(set, &mut rng) {
                for id in chosen {
                    *out.entry(id).or_insert(0) += 1;
                }
            }
        }
        out
    }

    /// Each row: the group, and which sets may win (others must never).
    #[test]
    fn who_can_win_table() {
        let rows: Vec<(Vec<Candidate>, Vec<&str>)> = vec![
            (vec![c("a", 1, H), c("b", 3, H)], vec!["a", "b"]),
            (vec![c("a", 1, U), c("b", 3, H)], vec!["b"]),
            (vec![c("a", 1, N), c("b", 3, U)], vec!["a"]), // no check counts healthy
            (vec![c("a", 0, H), c("b", 3, H)], vec!["b"]), // zero weight never while others serve
            (vec![c("a", 0, H), c("b", 3, U)], vec!["a"]), // ... but takes over when they are down
            (vec![c("a", 0, H), c("b", 0, H)], vec!["a", "b"]), // all zero: equal
            (vec![c("a", 1, U), c("b", 3, U)], vec!["a", "b"]), // none healthy: all count as healthy
            (vec![c("a", 0, U), c("b", 3, U)], vec!["b"]),      // ... and weights apply again
            (vec![c("a", 255, H), c("b", 0, U)], vec!["a"]),
        ];
        for (set, winners) in rows {
            let got = tally(&set);
            let ids: Vec<&str> = got.keys().map(String::as_str).collect();
            assert_eq!(ids, winners, "{set:?}");
        }
    }

    /// Probability = weight / sum (1:3 → about 25 % / 75 %).
    #[test]
    fn shares_follow_weights() {
        let got = tally(&[c("a", 1, H), c("b", 3, H)]);
        let a = got.get("a").copied().unwrap_or(0);
        assert!((800..1200).contains(&a), "a won {a} of 4000");
        let eq = tally(&[c("a", 0, H), c("b", 0, H)]);
        let a = eq.get("a").copied().unwrap_or(0);
        assert!((1800..2200).contains(&a), "a won {a} of 4000");
    }

    #[test]
    fn reasons() {
        let mut rng = SimRng::derive(1, "r");
        let Answer::Records { reason, .. } = select(&[c("a", 0, H), c("b", 3, U)], &mut rng) else {
            panic!()
        };
        assert_eq!(
            reason,
            "weighted: every record with weight > 0 is unhealthy, so the weight-0 records share the traffic equally; a chosen (1/1)"
        );
        let Answer::Records { reason, .. } = select(&[c("a", 2, U)], &mut rng) else {
            panic!()
        };
        assert_eq!(
            reason,
            "weighted: no record is healthy, so all count as healthy; a chosen with probability 2/2 among 1 healthy record(s) with weight > 0"
        );
    }
}
