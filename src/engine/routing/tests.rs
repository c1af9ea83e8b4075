//! Dispatch, simple and multivalue routing, and the rules every group obeys.

use super::*;
use Health::{Healthy as H, NoCheck as N, Unhealthy as U};

fn c(id: &str, policy: Policy, health: Health) -> Candidate {
    Candidate {
        set_id: id.into(),
        policy,
        health,
        values: vec![format!("v-{id}")],
    }
}

fn run(set: &[Candidate], seed: u64) -> Result<Answer, RoutingError> {
    let mut rng = SimRng::derive(seed, "routing-test");
    select(set, &Client::default(), &LatencyTable::sample(), &mut rng)
}

fn chosen(a: &Answer) -> Vec<String> {
    match a {
        Answer::Records { chosen, .. } => chosen.clone(),
        Answer::NoData { .. } => vec![],
    }
}

/// DG `routing-policy-simple`: all values, random order, no health checks.
#[test]
fn simple_returns_every_value_in_random_order() {
    let mut set = c("web", Policy::Simple, U);
    set.values = (1..=6).map(|i| format!("192.0.2.{i}")).collect();
    let orders: Vec<Vec<String>> = (0..8)
        .map(
            |seed| match run(std::slice::from_ref(&set), seed).unwrap() {
                Answer::Records { values, .. } => values,
                Answer::NoData { .. } => vec![],
            },
        )
        .collect();
    for o in &orders {
        let mut sorted = o.clone();
        sorted.sort();
        assert_eq!(
            sorted, set.values,
            "every value, even though the record is 'unhealthy'"
        );
    }
    assert!(
        orders.iter().any(|o| o != &set.values),
        "order varies with the seed"
    );
    assert_eq!(
        run(&[c("a", Policy::Simple, H), c("b", Policy::Simple, H)], 0),
        Err(RoutingError::MoreThanOneSimple)
    );
}

/// DG `routing-policy-multivalue`: up to eight healthy records; all
/// unhealthy → up to eight unhealthy ones.
#[test]
fn multivalue_table() {
    let group = |healthy: usize, unhealthy: usize, nocheck: usize| -> Vec<Candidate> {
        let mut v = Vec::new();
        for i in 0..healthy {
            v.push(c(&format!("h{i}"), Policy::MultiValue, H));
        }
        for i in 0..unhealthy {
            v.push(c(&format!("u{i}"), Policy::MultiValue, U));
        }
        for i in 0..nocheck {
            v.push(c(&format!("n{i}"), Policy::MultiValue, N));
        }
        v
    };
    // (healthy, unhealthy, no check) → (answer size, may contain unhealthy)
    let rows = [
        ((3, 5, 0), (3, false)),
        ((8, 2, 0), (8, false)),
        ((10, 0, 0), (8, false)),
        ((0, 3, 2), (2, false)),
        ((0, 5, 0), (5, true)),
        ((0, 12, 0), (8, true)),
        ((1, 0, 0), (1, false)),
    ];
    for ((h, u, n), (size, unhealthy_ok)) in rows {
        let set = group(h, u, n);
        for seed in 0..5 {
            let got = chosen(&run(&set, seed).unwrap());
            assert_eq!(got.len(), size, "{h}/{u}/{n} seed {seed}");
            let mut dedup = got.clone();
            dedup.sort();
            dedup.dedup();
            assert_eq!(dedup.len(), got.len(), "no record twice");
            assert!(
                unhealthy_ok || got.iter().all(|id| !id.starts_with('u')),
                "{got:?}"
            );
        }
    }
    // Different resolvers (seeds) see different subsets of ten healthy records.
    let ten = group(10, 0, 0);
    let subsets: Vec<Vec<String>> = (0..6)
        .map(|s| {
            let mut v = chosen(&run(&ten, s).unwrap());
            v.sort();
            v
        })
        .collect();
    assert!(subsets.iter().any(|s| s != &subsets[0]));
}

#[test]
fn group_rules() {
    assert_eq!(
        run(
            &[
                c("a", Policy::MultiValue, H),
                c("b", Policy::Weighted { weight: 1 }, H)
            ],
            0
        ),
        Err(RoutingError::MixedPolicies {
            first: "a".into(),
            other: "b".into()
        })
    );
    assert_eq!(
        run(
            &[c("a", Policy::MultiValue, H), c("a", Policy::MultiValue, H)],
            0
        ),
        Err(RoutingError::DuplicateSetIdentifier("a".into()))
    );
    assert!(matches!(run(&[], 0), Ok(Answer::NoData { .. })));
}

/// Random choices come only from the RNG: the same seed, the same answer.
#[test]
fn same_seed_same_answer() {
    let set: Vec<Candidate> = (0..5)
        .map(|i| c(&format!("w{i}"), Policy::Weighted { weight: 10 }, H))
        .collect();
    for seed in 0..10 {
        assert_eq!(run(&set, seed), run(&set, seed));
    }
}

#[test]
fn failover_through_select() {
    let set = [
        c("app-a", Policy::Failover(FailoverRole::Primary), U),
        c("app-b", Policy::Failover(FailoverRole::Secondary), H),
    ];
    assert_eq!(chosen(&run(&set, 0).unwrap()), ["app-b"]);
}
