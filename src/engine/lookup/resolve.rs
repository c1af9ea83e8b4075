//! The authoritative lookup: RFC 1034 §4.3.2 with RFC 4592 wildcards,
//! RFC 2308 negative answers, referrals and Route 53 aliases, answering as
//! BIND 9.18 does for a query without RD.

use std::collections::BTreeSet;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::alias::{resolve_alias, AliasResources, NoResources};
use super::answer::{Answer, Outcome};
use super::catalog::ZoneSource;
use super::node::{Node, RrSet};
use super::sections::{add_additional, complete_positive, negative_soa};
use super::zone::AuthZone;

/// How many CNAMEs BIND 9.18 follows in one answer. The 12th CNAME is
/// still copied into the answer, then BIND gives up with SERVFAIL
/// (observed: a 12-link chain answers SERVFAIL, an 11-link chain resolves).
/// A loop ends the same way, with each CNAME copied once.
pub const MAX_CNAME_CHAIN: usize = 11;

const STEP2: &str = "RFC 1034 §4.3.2 step 2";
const STEP3A: &str = "RFC 1034 §4.3.2 step 3a";
const STEP3B: &str = "RFC 1034 §4.3.2 step 3b";
const STEP3C: &str = "RFC 1034 §4.3.2 step 3c";
const RFC2308: &str = "RFC 2308 §2.1-2.2, §3";
const RFC4592_SYNTH: &str = "RFC 4592 §2.2.1, §3.3.1";
const RFC4592_ENT: &str = "RFC 4592 §2.2.2";
const RFC8020_ROUTED: &str = "RFC 8020 §2; Route 53 DG routing-policy-geo";

/// What one pass over a name decided.
enum Next {
    Done,
    Chase(Name),
}

/// Answers `qname`/`qtype` from the zone of `source` that holds the name,
/// as an authoritative server does. Never fails: NXDOMAIN, NODATA,
/// referrals, REFUSED and broken chains are [`Outcome`]s.
///
/// CNAMEs are chased inside the zone only; a target in another zone is left
/// to the resolver even if `source` holds that zone (BIND restarts the
/// lookup there; our answer stops at the zone edge, see
/// [`Outcome::OutOfZoneCname`]). Aliases may point into any zone of
/// `source`; an alias to an AWS resource answers NODATA here, as no zone
/// holds its addresses (see [`lookup_with`]).
pub fn lookup<S: ZoneSource + ?Sized>(source: &S, qname: &Name, qtype: RecordType) -> Answer {
    lookup_with(source, &NoResources, qname, qtype)
}

/// [`lookup`], with the addresses of the AWS resources that aliases point
/// at from `resources` (Route 53 answers such an alias itself, DG
/// `resource-record-sets-choosing-alias-non-alias`).
pub fn lookup_with<S, R>(source: &S, resources: &R, qname: &Name, qtype: RecordType) -> Answer
where
    S: ZoneSource + ?Sized,
    R: AliasResources + ?Sized,
{
    let mut ans = Answer::new();
    let mut current = qname.clone();
    current.set_fqdn(true);
    let lower = LowerName::new(&current);
    let Some(zone) = source.find_zone(&lower) else {
        ans.rcode = ResponseCode::Refused;
        ans.authoritative = false;
        ans.outcome = Outcome::NotAuthoritative;
        ans.step(
            STEP2,
            format!("no zone served here contains {current}: BIND answers REFUSED"),
        );
        return ans;
    };
    ans.step(
        STEP2,
        format!("{} is the nearest zone above {current}", zone.origin()),
    );
    let mut visited = BTreeSet::from([lower]);
    let mut chain = 0usize;
    // Each pass either finishes or follows one CNAME; `chain` bounds it.
    loop {
        match one_name(source, resources, zone, &current, qtype, &mut ans) {
            Next::Done => break,
            Next::Chase(target) => {
                chain += 1;
                let target_lower = LowerName::new(&target);
                if chain > MAX_CNAME_CHAIN {
                    ans.rcode = ResponseCode::ServFail;
                    ans.outcome = Outcome::BrokenChain;
                    ans.step(
                        "BIND 9.18 max restarts",
                        format!("{chain} CNAMEs in a row: BIND stops after {MAX_CNAME_CHAIN} and answers SERVFAIL"),
                    );
                    break;
                }
                if !zone.contains_name(&target_lower) {
                    ans.outcome = Outcome::OutOfZoneCname {
                        target: target.clone(),
                    };
                    ans.step(
                        "RFC 1034 §4.3.2 step 3a, §5.2.2",
                        format!(
                            "{target} is outside zone {}: the resolver restarts the query there",
                            zone.origin()
                        ),
                    );
                    break;
                }
                if !visited.insert(target_lower) {
                    ans.rcode = ResponseCode::ServFail;
                    ans.outcome = Outcome::BrokenChain;
                    ans.step(
                        "RFC 1034 §3.6.2",
                        format!("CNAME loop: {target} was already visited; BIND answers SERVFAIL"),
                    );
                    break;
                }
                ans.route53_note(
                    "Route 53 DG DNSBehavior",
                    format!(
                        "Route 53 documents the addresses of a CNAME target ({target}) in the \
                         Additional section; BIND and RFC 1034 put the chased data in Answer"
                    ),
                );
                current = target;
            }
        }
    }
    match ans.outcome {
        Outcome::Data => complete_positive(zone, &mut ans, qtype),
        Outcome::NoData | Outcome::NxDomain => {
            if let Some(mut soa) = negative_soa(zone) {
                ans.step(
                    RFC2308,
                    format!(
                        "negative answer: the zone SOA goes in Authority with TTL {} = min(SOA TTL, SOA MINIMUM)",
                        soa.ttl
                    ),
                );
                if qtype == RecordType::SOA && ans.outcome == Outcome::NxDomain {
                    // BIND zeroes it so a resolver cannot cache this
                    // authority-section SOA as the answer to its SOA query
                    // (observed with named 9.18).
                    soa.ttl = 0;
                    ans.step(
                        "BIND 9 query_addsoa",
                        "NXDOMAIN for an SOA question: BIND sends that SOA with TTL 0",
                    );
                }
                ans.authority = vec![soa];
            }
        }
        _ => {}
    }
    ans
}

/// One pass of RFC 1034 §4.3.2 step 3 for `current`.
fn one_name<S: ZoneSource + ?Sized, R: AliasResources + ?Sized>(
    source: &S,
    resources: &R,
    zone: &AuthZone,
    current: &Name,
    qtype: RecordType,
    ans: &mut Answer,
) -> Next {
    let lower = LowerName::new(current);
    if let Some(cut) = zone.zone_cut(&lower) {
        let at_cut = LowerName::new(&cut.name) == lower;
        if at_cut && qtype == RecordType::DS {
            ans.step(
                "RFC 4035 §3.1.4.1; RFC 1034 §4.3.2",
                format!(
                    "DS at the zone cut {}: the parent answers it from its own data",
                    cut.name
                ),
            );
        } else {
            return referral(zone, cut, current, ans);
        }
    }
    if let Some(node) = zone.node(&lower) {
        ans.step(STEP3A, format!("{current} matches a name in the zone"));
        return answer_at_node(source, resources, node, node.name.clone(), qtype, ans);
    }
    if zone.is_empty_non_terminal(&lower) {
        no_data(
            ans,
            format!("{current} is an empty non-terminal: it exists, so NODATA, not NXDOMAIN"),
            RFC4592_ENT,
        );
        if let Ok(wild) = current.prepend_label("*") {
            if zone.node(&LowerName::new(&wild)).is_some() {
                ans.route53_note(
                    "Route 53 DG DomainNameFormat",
                    format!(
                        "Route 53 documents NXDOMAIN for the empty parent of a wildcard ({wild}); \
                         BIND and RFC 4592/8020 answer NODATA"
                    ),
                );
            }
        }
        return Next::Done;
    }
    // Step 3c: no exact match; RFC 4592 §3.3.1 closest encloser.
    let encloser = zone.closest_encloser(current);
    let source_of_synthesis = encloser.prepend_label("*").ok();
    let wild_lower = source_of_synthesis.as_ref().map(LowerName::new);
    match wild_lower.as_ref().and_then(|w| zone.node(w)) {
        Some(wild) => {
            ans.step(
                RFC4592_SYNTH,
                format!(
                    "closest encloser {encloser}; source of synthesis {} answers with owner {current}",
                    wild.name
                ),
            );
            // BIND writes the synthesized owner in lower case (observed).
            answer_at_node(source, resources, wild, current.to_lowercase(), qtype, ans)
        }
        None if wild_lower
            .as_ref()
            .is_some_and(|w| zone.is_empty_non_terminal(w)) =>
        {
            no_data(
                ans,
                format!("the source of synthesis *.{encloser} is an empty non-terminal: NODATA"),
                RFC4592_ENT,
            );
            Next::Done
        }
        None => {
            ans.rcode = ResponseCode::NXDomain;
            ans.outcome = Outcome::NxDomain;
            ans.step(
                STEP3C,
                format!("{current} does not exist and closest encloser {encloser} has no wildcard: NXDOMAIN"),
            );
            Next::Done
        }
    }
}

pub(super) fn no_data(ans: &mut Answer, text: String, rule: &'static str) {
    ans.rcode = ResponseCode::NoError;
    ans.outcome = Outcome::NoData;
    ans.step(rule, text);
}

fn referral(zone: &AuthZone, cut: &Node, current: &Name, ans: &mut Answer) -> Next {
    let ns = cut.records(RecordType::NS);
    ans.step(
        STEP3B,
        format!(
            "{current} is at or below the zone cut {}: referral, NS in Authority, AA clear",
            cut.name
        ),
    );
    // The AA bit stays set when a CNAME from this zone led here (BIND).
    ans.authoritative = !ans.answer.is_empty();
    ans.outcome = Outcome::Referral {
        cut: cut.name.clone(),
    };
    ans.authority = ns.clone();
    // Glue is only data at or below a zone cut (this one or a sibling's):
    // BIND 9.18 leaves out addresses the parent holds as its own
    // authoritative data (observed in tests/bind_compat_random.rs).
    let below_cut: Vec<Record> = ns
        .iter()
        .filter(|r| match &r.data {
            RData::NS(target) => zone.zone_cut(&LowerName::new(&target.0)).is_some(),
            _ => false,
        })
        .cloned()
        .collect();
    add_additional(zone, ans, &below_cut, true);
    if !ans.additional.is_empty() {
        ans.step(
            "RFC 1034 §4.3.2 step 3b",
            "glue: addresses of the delegated name servers go in Additional",
        );
    }
    Next::Done
}

pub(super) fn push_unique(ans: &mut Answer, rec: Record) {
    if !ans.answer.contains(&rec) {
        ans.answer.push(rec);
    }
}

pub(super) fn with_owner(records: Vec<Record>, owner: &Name) -> Vec<Record> {
    records
        .into_iter()
        .map(|mut r| {
            r.name = owner.clone();
            r
        })
        .collect()
}

fn answer_at_node<S: ZoneSource + ?Sized, R: AliasResources + ?Sized>(
    source: &S,
    resources: &R,
    node: &Node,
    owner: Name,
    qtype: RecordType,
    ans: &mut Answer,
) -> Next {
    if node.rrsets.is_empty() {
        // A routed name whose policy answers nothing here (geolocation
        // with no matching location and no default record): it still
        // exists, and RFC 8020 keeps NXDOMAIN for names with nothing at or
        // below them.
        no_data(
            ans,
            format!(
                "{owner} has record sets, but routing answers none of them here; the name exists, so NODATA (Route 53's \"no answer\"), not NXDOMAIN"
            ),
            RFC8020_ROUTED,
        );
        return Next::Done;
    }
    if qtype == RecordType::ANY {
        for (t, set) in &node.rrsets {
            match set {
                RrSet::Records { .. } => {
                    for r in with_owner(node.records(*t), &owner) {
                        push_unique(ans, r);
                    }
                }
                RrSet::Alias(alias) => resolve_alias(source, resources, alias, &owner, *t, ans, 0),
            }
        }
        ans.outcome = Outcome::Data;
        ans.step(STEP3A, "ANY: every record set at the name");
        return Next::Done;
    }
    match node.rrsets.get(&qtype) {
        Some(RrSet::Records { .. }) => {
            for r in with_owner(node.records(qtype), &owner) {
                push_unique(ans, r);
            }
            ans.outcome = Outcome::Data;
            ans.step(STEP3A, format!("{qtype} records at {owner} go in Answer"));
            return Next::Done;
        }
        Some(RrSet::Alias(alias)) => {
            resolve_alias(source, resources, alias, &owner, qtype, ans, 0);
            return Next::Done;
        }
        None => {}
    }
    if let Some(target) = node.cname_target() {
        for r in with_owner(node.records(RecordType::CNAME), &owner) {
            push_unique(ans, r);
        }
        ans.step(
            STEP3A,
            format!("{owner} is an alias (CNAME) for {target}: copy it and restart there"),
        );
        return Next::Chase(target.clone());
    }
    no_data(
        ans,
        format!("{owner} exists but has no {qtype} records: NODATA"),
        RFC2308,
    );
    Next::Done
}
