//! [`Population`]: who sends requests — how many clients, how often, with
//! which application and resolver behaviour, from where — and how they fall
//! into cohorts of identical clients.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::resolver::{ClientLocation, ClientProfile, ResolverProfile};
use crate::engine::rng::SimRng;

/// A share of the population with one application and resolver behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileShare {
    /// The application's cache.
    pub client: ClientProfile,
    /// The recursive resolver it uses.
    pub resolver: ResolverProfile,
    /// Relative weight; shares are exact (largest remainder).
    pub weight: u32,
}

/// A share of the population at one location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationShare {
    /// Where (for latency and geolocation routing).
    pub location: ClientLocation,
    /// Relative weight; each client draws its location.
    pub weight: u32,
}

/// The clients of a traffic run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Population {
    /// How many clients.
    pub clients: u32,
    /// Each client sends one request every this many milliseconds, at its
    /// own seeded phase.
    pub request_every_ms: u64,
    /// Application/resolver mix.
    pub profiles: Vec<ProfileShare>,
    /// Locations.
    pub locations: Vec<LocationShare>,
    /// Shared recursive resolvers per (resolver profile, location): an ISP
    /// resolver serves many clients, so one client's lookup fills the cache
    /// for the others.
    pub resolvers_per_location: u32,
    /// What every client requests.
    pub url: String,
}

/// Clients that behave identically: same profile, location, resolver and
/// phase. Simulating one stands exactly for `count`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cohort {
    /// Index into [`Population::profiles`].
    pub profile: usize,
    /// Index into [`Population::locations`].
    pub location: usize,
    /// Which shared resolver of that location.
    pub resolver: u32,
    /// Milliseconds after 0 of the first request.
    pub phase_ms: u64,
    /// How many clients.
    pub count: u64,
}

/// How many clients each weight gets out of `n`, exactly (largest
/// remainder, ties to the earlier entry).
pub fn apportion(n: u64, weights: &[u32]) -> Vec<u64> {
    let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
    if total == 0 {
        return vec![0; weights.len()];
    }
    let mut out: Vec<u64> = weights
        .iter()
        .map(|w| n.saturating_mul(u64::from(*w)) / total)
        .collect();
    let mut rem: Vec<(u64, usize)> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| (n.saturating_mul(u64::from(*w)) % total, i))
        .collect();
    rem.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let given: u64 = out.iter().sum();
    for (_, i) in rem
        .into_iter()
        .take(usize::try_from(n.saturating_sub(given)).unwrap_or(0))
    {
        if let Some(o) = out.get_mut(i) {
            *o += 1;
        }
    }
    out
}

fn pick(weights: &[u32], rng: &mut SimRng) -> usize {
    let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
    if total == 0 {
        return 0;
    }
    let mut x = rng.below(total);
    for (i, w) in weights.iter().enumerate() {
        if x < u64::from(*w) {
            return i;
        }
        x -= u64::from(*w);
    }
    0
}

impl Population {
    /// The cohorts, in a stable order. Profile shares are exact; each client
    /// draws its location, resolver and phase from
    /// `SimRng::derive(seed, "client:<i>")`.
    pub fn cohorts(&self, seed: u64) -> Vec<Cohort> {
        let weights: Vec<u32> = self.profiles.iter().map(|p| p.weight).collect();
        let loc_weights: Vec<u32> = self.locations.iter().map(|l| l.weight).collect();
        let counts = apportion(u64::from(self.clients), &weights);
        let mut groups: BTreeMap<(usize, usize, u32, u64), u64> = BTreeMap::new();
        let mut i: u64 = 0;
        for (profile, count) in counts.iter().enumerate() {
            for _ in 0..*count {
                let mut rng = SimRng::derive(seed, &format!("client:{i}"));
                let location = pick(&loc_weights, &mut rng);
                let resolver =
                    u32::try_from(rng.below(u64::from(self.resolvers_per_location.max(1))))
                        .unwrap_or(0);
                let phase = rng.below(self.request_every_ms.max(1));
                *groups
                    .entry((profile, location, resolver, phase))
                    .or_default() += 1;
                i += 1;
            }
        }
        groups
            .into_iter()
            .map(|((profile, location, resolver, phase_ms), count)| Cohort {
                profile,
                location,
                resolver,
                phase_ms,
                count,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Largest-remainder apportionment: exact totals, exact 10 %.
    #[test]
    fn apportion_table() {
        let cases: [(u64, &[u32], &[u64]); 5] = [
            (1000, &[90, 10], &[900, 100]),
            (10, &[1, 1, 1], &[4, 3, 3]),
            (7, &[0, 5], &[0, 7]),
            (0, &[1], &[0]),
            (5, &[0, 0], &[0, 0]),
        ];
        for (n, w, want) in cases {
            assert_eq!(apportion(n, w), want, "{n} {w:?}");
        }
    }

    #[test]
    fn cohorts_cover_every_client_once() {
        let p = Population {
            clients: 1000,
            request_every_ms: 100,
            profiles: vec![
                ProfileShare {
                    client: ClientProfile::browser(),
                    resolver: ResolverProfile::honours_ttl(),
                    weight: 9,
                },
                ProfileShare {
                    client: ClientProfile::jvm(1800),
                    resolver: ResolverProfile::honours_ttl(),
                    weight: 1,
                },
            ],
            locations: vec![LocationShare {
                location: ClientLocation::default(),
                weight: 1,
            }],
            resolvers_per_location: 3,
            url: "http://x/".into(),
        };
        let c = p.cohorts(5);
        assert_eq!(c.iter().map(|c| c.count).sum::<u64>(), 1000);
        assert_eq!(
            c.iter()
                .filter(|c| c.profile == 1)
                .map(|c| c.count)
                .sum::<u64>(),
            100
        );
        assert!(c.len() < 1000, "identical clients share a cohort");
        assert!(c.iter().all(|c| c.phase_ms < 100 && c.resolver < 3));
    }
}
