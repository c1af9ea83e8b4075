//! Route 53 aliases in the lookup: to a record of a served zone, or to an
//! AWS resource whose addresses the zones do not hold.
//!
//! Route 53 answers both kinds itself, as records of the alias's own name
//! and type (DG `resource-record-sets-choosing-alias-non-alias`: "an alias
//! record is listed as the record type that you specified"). A target in a
//! zone is looked up there; a target that is an AWS resource (a load
//! balancer, CloudFront, API Gateway...) has addresses only AWS knows, which
//! change over time: the lookup asks an [`AliasResources`] for them.

use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::answer::{Answer, Outcome};
use super::catalog::ZoneSource;
use super::node::{Alias, RrSet};
use super::resolve::{no_data, push_unique, with_owner};

/// How many aliases in a row are followed (an alias to an alias); Route 53
/// does not document a limit, the bound only keeps a cycle finite.
pub const MAX_ALIAS_DEPTH: usize = 8;

const RULE: &str = "Route 53 DG resource-record-sets-choosing-alias-non-alias";

/// What Route 53 answers an alias to an AWS resource with, at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceRecords {
    /// The resource's TTL: an alias has none of its own (API `TTL`: "Amazon
    /// Route 53 uses the value of TTL for the alias target"; 60 s for a load
    /// balancer).
    pub ttl: u32,
    /// The resource's data of the asked type (its addresses for A or AAAA);
    /// empty: NODATA.
    pub rdatas: Vec<RData>,
    /// What kind of resource it is, for the trace ("an Elastic Load
    /// Balancing load balancer"), when known.
    pub what: Option<&'static str>,
}

/// The addresses of AWS resources that aliases point at, as Route 53 knows
/// them at the instant of the question.
pub trait AliasResources {
    /// `Some` when `alias` targets an AWS resource (its `HostedZoneId` is
    /// not a hosted zone of the account): the records Route 53 answers a
    /// `qtype` question with. `None` when the target is a record in a
    /// hosted zone: the lookup follows it in the zones it serves.
    fn resource(&self, alias: &Alias, qtype: RecordType) -> Option<ResourceRecords>;
}

/// No AWS resources known: every alias is followed in the served zones (a
/// target found in none of them answers NODATA).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoResources;

impl AliasResources for NoResources {
    fn resource(&self, _alias: &Alias, _qtype: RecordType) -> Option<ResourceRecords> {
        None
    }
}

/// Route 53 alias: the target's records of `qtype`, under the queried name.
pub(super) fn resolve_alias<S: ZoneSource + ?Sized, R: AliasResources + ?Sized>(
    source: &S,
    resources: &R,
    alias: &Alias,
    owner: &Name,
    qtype: RecordType,
    ans: &mut Answer,
    depth: usize,
) {
    if let Some(res) = resources.resource(alias, qtype) {
        aws_resource(alias, res, owner, qtype, ans);
        return;
    }
    let target = LowerName::new(&alias.target);
    let node = source.find_zone(&target).and_then(|z| z.node(&target));
    match node.and_then(|n| n.rrsets.get(&qtype).map(|s| (n, s))) {
        Some((n, RrSet::Records { .. })) => {
            for r in with_owner(n.records(qtype), owner) {
                push_unique(ans, r);
            }
            ans.outcome = Outcome::Data;
            ans.step(
                RULE,
                format!(
                    "alias {owner} {qtype} -> {}: the target's records answer under {owner}",
                    alias.target
                ),
            );
        }
        Some((_, RrSet::Alias(next))) if depth < MAX_ALIAS_DEPTH => {
            ans.step(
                RULE,
                format!(
                    "alias target {} is itself an alias; following it",
                    alias.target
                ),
            );
            resolve_alias(source, resources, next, owner, qtype, ans, depth + 1);
        }
        Some((_, RrSet::Alias(_))) => no_data(
            ans,
            format!(
                "more than {MAX_ALIAS_DEPTH} aliases in a row at {}: NODATA",
                alias.target
            ),
            RULE,
        ),
        None => no_data(
            ans,
            format!(
                "alias target {} has no {qtype} records here: NODATA",
                alias.target
            ),
            RULE,
        ),
    }
}

/// An alias to an AWS resource: Route 53 answers with the resource's data
/// as records of the alias's own name and type, with the resource's TTL.
fn aws_resource(
    alias: &Alias,
    res: ResourceRecords,
    owner: &Name,
    qtype: RecordType,
    ans: &mut Answer,
) {
    let target = &alias.target;
    let zone = &alias.hosted_zone_id;
    if res.rdatas.is_empty() {
        no_data(
            ans,
            format!(
                "{owner} {qtype} is an alias to {target} (zone {zone}), which has no {qtype} addresses here: NODATA"
            ),
            RULE,
        );
        return;
    }
    let found = res.rdatas.len();
    for data in res.rdatas {
        push_unique(ans, Record::from_rdata(owner.clone(), res.ttl, data));
    }
    ans.outcome = Outcome::Data;
    let what = res.what.map(|w| format!(", {w}")).unwrap_or_default();
    ans.step(
        RULE,
        format!(
            "{owner} {qtype} is an alias to the AWS resource {target} (zone {zone}{what}): Route 53 answers with its {found} address(es) under {owner}, TTL {} s (the resource's; an alias has no TTL of its own)",
            res.ttl
        ),
    );
}
