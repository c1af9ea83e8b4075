//! Clients and their traffic during failover: a [`Population`] of
//! applications (browsers, JVMs, stubs) behind shared recursive resolvers
//! sends requests over the failover clock's timeline; [`simulate`] gives
//! per-second requests per endpoint, failures, and when 50/90/99/100 % of
//! the clients had moved to a working backend.
//!
//! Caches decide how fast traffic follows Route 53: the record's TTL at
//! the resolver, then whatever the application keeps on top (a JVM with
//! `networkaddress.cache.ttl=1800` keeps a dead address for half an hour).

mod population;
mod traffic;
pub mod url;

pub use population::{apportion, Cohort, LocationShare, Population, ProfileShare};
pub use traffic::{
    simulate, succeeded, Moved, TrafficError, TrafficReport, TrafficSpec, MAX_CLIENTS,
    MAX_COHORT_REQUESTS, MAX_HORIZON_MS, SHARES,
};
pub use url::{Scheme, Url, UrlError};
