//! [`Route53View`]: Route 53's routed answers under the failover clock, as
//! a [`RoutingView`] for [`super::WithRouting`].
//!
//! For a name and type whose record sets use a routing policy, the answer
//! at `now` for `client` is [`routing_view::answer_at`] with health from
//! the timeline at that instant; simple sets are left to the static zone.
//!
//! [`served_tree`] is the other way round: Route 53 frozen at one instant
//! for one client, each hosted zone served as the answer panel serves it
//! ([`served_zone`]: routed CNAMEs and aliases included, names routing
//! answers nothing for kept as NODATA), while the resolver's own clock runs
//! on for its cache.

use std::collections::BTreeMap;

use hickory_proto::rr::{Name, RecordType};

use super::layers::{RoutedRecords, RoutingView, WithRouting};
use super::tree::DnsTree;
use super::ClientLocation;
use crate::engine::name::format_name;
use crate::engine::route53::rdata::parse_value;
use crate::engine::route53::routing_view::{
    answer_at, chosen_sets, sets_at, zone_for, Query, RoutingContext,
};
use crate::engine::route53::served::served_zone;
use crate::engine::route53::{Route53, Routing};
use crate::engine::routing::{Answer, LatencyTable};
use crate::engine::sim::Timeline;
use crate::engine::time::SimTime;
use crate::engine::world::World;

/// TTL given to a routed alias answer (an alias has no TTL of its own; the
/// target's applies, and AWS targets use 60 s).
pub use crate::engine::route53::aws_alias::ALIAS_TTL;

/// Route 53's routing under a failover timeline.
#[derive(Debug, Clone)]
pub struct Route53View {
    /// The service state (zones, record sets, health checks).
    pub route53: Route53,
    /// The failover clock's run.
    pub timeline: Timeline,
    /// The world (for aliases to AWS names).
    pub world: World,
    /// Latencies for latency routing.
    pub latency: LatencyTable,
    /// The scenario seed (weighted and multivalue draws).
    pub seed: u64,
}

impl RoutingView for Route53View {
    fn routed(
        &self,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
    ) -> Option<RoutedRecords> {
        let zone = zone_for(&self.route53, qname)?;
        let lower = qname.to_lowercase();
        let routed = sets_at(zone, &lower, qtype).any(|s| s.routing != Routing::Simple);
        if !routed {
            return None;
        }
        let ctx = RoutingContext {
            world: &self.world,
            client,
            latency: &self.latency,
            seed: self.seed,
        };
        let q = Query::new(&format_name(qname), &qtype.to_string());
        let ans = answer_at(&self.route53, &self.timeline, &q, now, &ctx).ok()?;
        let ttl = chosen_sets(zone, &lower, qtype, &ans.answer)
            .iter()
            .map(|s| s.ttl().unwrap_or(ALIAS_TTL))
            .min()
            .unwrap_or(ALIAS_TTL);
        let data = match &ans.answer {
            Answer::Records { values, .. } => values
                .iter()
                .filter_map(|v| parse_value(qtype, v).ok())
                .collect(),
            Answer::NoData { .. } => Vec::new(),
        };
        Some(RoutedRecords { ttl, data })
    }
}

/// The whole DNS of a scenario: the generated tree around `route53`'s
/// public zones, with routed names answering from the failover clock's
/// `timeline`.
pub fn routed_tree(
    route53: &Route53,
    world: &World,
    timeline: Timeline,
    latency: &LatencyTable,
    seed: u64,
) -> WithRouting<DnsTree, Route53View> {
    WithRouting {
        inner: DnsTree::build(&route53.zones, world),
        view: Route53View {
            route53: route53.clone(),
            timeline,
            world: world.clone(),
            latency: latency.clone(),
            seed,
        },
    }
}

/// The whole DNS of a scenario with Route 53's name servers answering as
/// they do at `at` for the client of `ctx`, given each health check's
/// status then (`health`, by id): every public hosted zone is the
/// [`served_zone`] snapshot the answer panel's
/// [`crate::engine::route53::served::served_answer`] looks up, so a
/// recursive resolution's Route 53 step gives the same records (Route 53
/// DG `routing-policy`: failover, weighted, latency, geolocation and
/// multivalue answer by health and by who asks).
///
/// Surprising: the snapshot does not move with the time the resolver asks
/// at, and it ignores the `client` the resolver passes to
/// [`super::Authorities::ask`]; build another tree for another instant or
/// client. Aliases to AWS resources still answer with the addresses the
/// world gives them at the time asked, as [`DnsTree`] does.
pub fn served_tree(
    route53: &Route53,
    at: SimTime,
    health: &BTreeMap<String, bool>,
    ctx: &RoutingContext<'_>,
) -> DnsTree {
    // Routing notes are the answer panel's business; none are kept here.
    let mut notes = Vec::new();
    DnsTree::build_serving(&route53.zones, ctx.world, |zone| {
        notes.clear();
        served_zone(route53, zone, at, health, ctx, &Name::root(), &mut notes)
    })
}
