//! The console's view of the network: `dig`, `curl`, `sleep` and `advance`.
//!
//! A [`Network`] is optional: the caller attaches one with
//! [`super::Console::set_network`]. Each `dig` or `curl` asks its source for
//! the DNS and the world as they are *now* (so a record just created with
//! `aws route53 change-resource-record-sets` is there), while the
//! resolver's and the client's caches persist between commands: an
//! NXDOMAIN cached before the record existed is served until its negative
//! TTL runs out, as on a real machine.

mod curl;
mod dig;

#[cfg(test)]
mod tests;

pub use curl::{curl, CURL_CONNECT_TIMEOUT_MS};
pub use dig::dig;

use crate::engine::resolver::{
    routed_tree, Authorities, ClientLocation, ClientProfile, DnsTree, HostCache, Resolver,
    ResolverProfile,
};
use crate::engine::route53::Route53;
use crate::engine::routing::LatencyTable;
use crate::engine::time::SimTime;
use crate::engine::world::{TimedFault, World};

/// The DNS and the world at one instant.
pub struct NetView {
    /// The authoritative DNS.
    pub dns: Box<dyn Authorities>,
    /// What listens where.
    pub world: World,
    /// Changes to the world over time.
    pub faults: Vec<TimedFault>,
}

/// Builds the current [`NetView`] from the console's backend.
pub type NetSource<A> = Box<dyn Fn(&A, SimTime) -> NetView>;

/// The network the console's `dig` and `curl` use: a source of the DNS and
/// world, the machine's recursive resolver and the client's own cache.
pub struct Network<A> {
    source: NetSource<A>,
    /// The recursive resolver (its cache persists across commands).
    pub resolver: Resolver,
    /// The application cache `curl` goes through (none by default: curl
    /// asks the resolver each time).
    pub host_cache: HostCache,
    /// Where the console's machine sits.
    pub client: ClientLocation,
}

impl<A> Network<A> {
    /// A network over `source`, with a resolver that honours TTLs and a
    /// client without its own cache; message ids derive from `seed`.
    pub fn new(source: NetSource<A>, seed: u64) -> Network<A> {
        Network {
            source,
            resolver: Resolver::new(ResolverProfile::honours_ttl(), seed, "console"),
            host_cache: HostCache::new(ClientProfile::stub()),
            client: ClientLocation::default(),
        }
    }

    pub(super) fn view(&self, api: &A, now: SimTime) -> NetView {
        (self.source)(api, now)
    }
}

/// The DNS and world of a [`Route53`] backend at `now`: the generated tree
/// around its public zones; with a world attached
/// ([`Route53::attach_world`]), routed names answer from its health checks
/// run up to `now`.
pub fn route53_view(r53: &Route53, now: SimTime) -> NetView {
    match &r53.world {
        Some(att) => {
            let dns: Box<dyn Authorities> = match r53.run_health_checks(
                &att.world,
                &att.faults,
                now,
                &crate::engine::sim::SimOptions {
                    record_probes: false,
                    ..att.options.clone()
                },
            ) {
                Ok(timeline) => Box::new(routed_tree(
                    r53,
                    &att.world,
                    timeline,
                    &LatencyTable::default(),
                    att.options.seed,
                )),
                Err(_) => Box::new(DnsTree::build(&r53.zones, &att.world)),
            };
            NetView {
                dns,
                world: att.world.clone(),
                faults: att.faults.clone(),
            }
        }
        None => NetView {
            dns: Box::new(DnsTree::build(&r53.zones, &World::default())),
            world: World::default(),
            faults: Vec::new(),
        },
    }
}

/// A [`Network`] for a console whose backend is the simulated [`Route53`].
pub fn route53_network(seed: u64) -> Network<Route53> {
    Network::new(Box::new(route53_view), seed)
}

/// What a command printed and its status.
pub struct Printed {
    /// Standard output.
    pub out: String,
    /// Standard error.
    pub err: String,
    /// Exit status.
    pub status: i32,
}

pub(super) fn fail(err: String, status: i32) -> Printed {
    Printed {
        out: String::new(),
        err,
        status,
    }
}

/// Parses `N`, `N.5`, `Ns`, `Nm`, `Nh` (GNU `sleep` suffixes) into ms.
pub fn parse_duration(text: &str) -> Option<u64> {
    let (num, unit) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&text[..i], c),
        _ => (text, 's'),
    };
    let scale: u64 = match unit {
        's' => 1000,
        'm' => 60_000,
        'h' => 3_600_000,
        'd' => 86_400_000,
        _ => return None,
    };
    let (whole, frac) = num.split_once('.').unwrap_or((num, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 3 {
        return None;
    }
    let w: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let f: u64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<3}").parse().ok()?
    };
    w.checked_mul(scale)?
        .checked_add(f.checked_mul(scale)? / 1000)
}
