//! [`HostCache`]: the cache an application keeps above its resolver
//! (see [`super::ClientProfile`]).

use std::collections::BTreeMap;
use std::net::IpAddr;

use hickory_proto::rr::{Name, RecordType};

use super::profile::ClientProfile;
use super::recurse::Resolver;
use super::resolution::Resolution;
use super::{Authorities, ClientLocation};
use crate::engine::time::SimTime;

#[derive(Debug, Clone)]
struct HostEntry {
    /// Until when the entry is used; `None`: for ever.
    until: Option<SimTime>,
    addresses: Vec<IpAddr>,
}

/// What an application got for a host name.
#[derive(Debug, Clone, PartialEq)]
pub struct HostLookup {
    /// The addresses (empty when the name did not resolve).
    pub addresses: Vec<IpAddr>,
    /// Answered by the application's own cache, without asking the resolver.
    pub from_client_cache: bool,
    /// The resolver's answer when it was asked.
    pub resolution: Option<Resolution>,
    /// Until when the application keeps this answer (`None`: for ever).
    pub kept_until: Option<SimTime>,
}

/// An application's host cache.
#[derive(Debug, Clone)]
pub struct HostCache {
    /// How it caches.
    pub profile: ClientProfile,
    entries: BTreeMap<String, HostEntry>,
}

fn until(now: SimTime, seconds: Option<u32>) -> Option<SimTime> {
    seconds.map(|s| now.plus_millis(u64::from(s).saturating_mul(1000)))
}

impl HostCache {
    /// An empty cache with `profile`.
    pub fn new(profile: ClientProfile) -> HostCache {
        HostCache {
            profile,
            entries: BTreeMap::new(),
        }
    }

    /// Forgets everything (restarting the application).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The addresses of `host` at `now`: from this cache while the entry
    /// lasts (`now < until`, the same boundary as the resolver's), else
    /// from `resolver`, then kept as the profile says.
    pub fn lookup<A: Authorities + ?Sized>(
        &mut self,
        host: &Name,
        now: SimTime,
        resolver: &mut Resolver,
        auth: &A,
        client: &ClientLocation,
    ) -> HostLookup {
        let key = host.to_ascii().to_ascii_lowercase();
        if let Some(e) = self.entries.get(&key) {
            if e.until.is_none_or(|u| now < u) {
                return HostLookup {
                    addresses: e.addresses.clone(),
                    from_client_cache: true,
                    resolution: None,
                    kept_until: e.until,
                };
            }
        }
        let res = resolver.resolve(auth, host, RecordType::A, now, client);
        let addresses = res.addresses();
        let keep = if addresses.is_empty() {
            Some(self.profile.negative_s)
        } else {
            self.profile.keep_s(res.ttl())
        };
        let kept_until = until(now, keep);
        if keep != Some(0) && self.entries.len() < super::MAX_CACHE_ENTRIES {
            self.entries.insert(
                key,
                HostEntry {
                    until: kept_until,
                    addresses: addresses.clone(),
                },
            );
        } else {
            self.entries.remove(&key);
        }
        HostLookup {
            addresses,
            from_client_cache: false,
            resolution: Some(res),
            kept_until: if keep == Some(0) {
                Some(now)
            } else {
                kept_until
            },
        }
    }
}
