//! Recursive resolution over the simulated internet, with caches under
//! simulated time.
//!
//! * [`Authorities`] — the authoritative side as a trait: which answer a
//!   server at an address gives to one question at one time for one client
//!   (`None`: no answer, a timeout). [`DnsTree`] implements it for static
//!   zones (the generated root, TLDs, built-ins and Route 53 hosted zones);
//!   [`WithRouting`] lays time- and health-dependent answers over it (the
//!   failover clock), [`WithOutages`] makes servers unreachable for a while;
//!   [`served_tree`] freezes Route 53 at one instant for one client, as the
//!   answer panel serves it.
//! * [`Resolver`] — an iterative resolver (RFC 1034 §5.3.3): root → TLD →
//!   authoritative, following referrals and CNAMEs across zones (bounded),
//!   with a [`Cache`] of positive, negative (RFC 2308) and delegation data
//!   whose TTLs count down, a [`ResolverProfile`] (honours TTL, clamps it,
//!   serves stale per RFC 8767) and a trace of [`Step`]s, each with its DNS
//!   message.
//! * [`ClientProfile`] and [`HostCache`] — the caches clients keep on top:
//!   a browser's minute, a JVM's `networkaddress.cache.ttl`.
//!
//! Time never passes inside one resolution: every query of a resolution is
//! asked at the same simulated instant (the network round trips are shown
//! as [`Step::rtt_ms`], not added to the clock), so cache expiry is exact
//! at the boundaries the tests check.

mod ask;
mod builtin;
mod cache;
mod cached;
mod host_cache;
mod hosted;
mod layers;
mod profile;
mod recurse;
mod resolution;
mod route53_view;
pub mod servers;
mod step;
mod tree;

#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod tests_support {
    //! Fixtures other modules' tests share.
    pub(crate) use super::tests::hosted;
}
#[cfg(test)]
mod tests_cache;
#[cfg(test)]
mod tests_route53;

use std::net::IpAddr;

use hickory_proto::rr::{Name, RecordType};

use crate::engine::lookup::Answer;
use crate::engine::time::SimTime;

pub use cache::{Cache, CacheHit, Cached, MAX_CACHE_ENTRIES};
pub use host_cache::{HostCache, HostLookup};
pub use hosted::{static_zone_data, ZoneData};
pub use layers::{
    Outage, RoutedRecords, RoutingView, ScheduledAnswers, ScheduledName, WithOutages, WithRouting,
};
pub use profile::{ClientCache, ClientProfile, ResolverProfile, ServeStale};
pub use recurse::{Resolver, MAX_CNAME_HOPS, MAX_GLUELESS_DEPTH, MAX_REFERRALS};
pub use resolution::{Resolution, ResolvedOutcome};
pub use route53_view::{routed_tree, served_tree, Route53View, ALIAS_TTL};
pub use servers::NameServer;
pub use step::{fmt_time, recursive_message, Step, StepResult};
pub use tree::{DnsTree, BUILTIN_TTL, DELEGATION_TTL, MANAGED_TTL};

/// Where a client (and so its resolver) sits, as latency and geolocation
/// routing understand it.
pub type ClientLocation = crate::engine::routing::Client;

/// The authoritative side of the DNS, as the resolver sees it.
pub trait Authorities {
    /// The root servers the resolver starts from (its root hints,
    /// RFC 1034 §5.3.2 "SBELT").
    fn root_hints(&self) -> Vec<NameServer>;

    /// What the server at `server` answers to `qname`/`qtype` at `now`, for
    /// a query coming from `client`'s resolver. `None` when no answer comes
    /// back (no server there, or it is down): the resolver times out.
    fn ask(
        &self,
        server: IpAddr,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
    ) -> Option<Answer>;

    /// The host name of the server at `server`, for traces.
    fn server_name(&self, server: IpAddr) -> Option<Name>;

    /// Round-trip time to `server` in milliseconds, shown in traces.
    fn rtt_ms(&self, _server: IpAddr) -> u64 {
        20
    }
}

/// Forwards [`Authorities`] through a pointer type, so `&T`, `Box<T>` and
/// `Box<dyn Authorities>` can be handed to the resolver alike.
macro_rules! forward_authorities {
    ($($ptr:ty),*) => {$(
        impl<T: Authorities + ?Sized> Authorities for $ptr {
            fn root_hints(&self) -> Vec<NameServer> {
                (**self).root_hints()
            }
            fn ask(
                &self,
                server: IpAddr,
                qname: &Name,
                qtype: RecordType,
                now: SimTime,
                client: &ClientLocation,
            ) -> Option<Answer> {
                (**self).ask(server, qname, qtype, now, client)
            }
            fn server_name(&self, server: IpAddr) -> Option<Name> {
                (**self).server_name(server)
            }
            fn rtt_ms(&self, server: IpAddr) -> u64 {
                (**self).rtt_ms(server)
            }
        }
    )*};
}

forward_authorities!(&T, Box<T>);
