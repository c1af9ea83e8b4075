//! [`Resolver`]: iterative resolution (RFC 1034 §5.3.3) with a cache.
//!
//! For each name of a CNAME chain: the cache first (positive, then a
//! cached CNAME, then negative); otherwise the closest delegation the cache
//! knows (or the root hints), then referrals downwards until a server
//! answers with data, NODATA, NXDOMAIN or a CNAME leading out of its zone
//! (RFC 1034 §5.2.2: the resolver restarts the query at the target). A
//! delegation without glue makes the resolver resolve the server's name
//! first. Bounds: [`MAX_CNAME_HOPS`] names, [`MAX_REFERRALS`] referrals per
//! name, [`MAX_GLUELESS_DEPTH`] nested server-name resolutions.

use std::collections::BTreeSet;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{LowerName, Name, Record, RecordType};

use super::cache::{negative_ttl, Cache};
use super::profile::ResolverProfile;
use super::resolution::{chain_end, fqdn, ns_targets, Resolution, ResolvedOutcome};
use super::servers::NameServer;
use super::step::{recursive_message, Step, StepResult};
use super::{Authorities, ClientLocation};
use crate::engine::lookup::Outcome;
use crate::engine::rng::SimRng;
use crate::engine::time::SimTime;

/// Names followed in one resolution (BIND's `max-restarts` is 11; we allow
/// a few more so chains the authoritative side accepts resolve).
pub const MAX_CNAME_HOPS: usize = 16;
/// Referrals followed for one name (the DNS tree is at most 127 deep, real
/// resolutions take 2–4).
pub const MAX_REFERRALS: usize = 16;
/// Nested resolutions of name-server names (glueless delegations).
pub const MAX_GLUELESS_DEPTH: usize = 3;

/// What resolving one name of a chain gave.
pub(super) enum NameResult {
    Done,
    Cname(Name),
}

/// An iterative resolver with a cache.
#[derive(Debug, Clone)]
pub struct Resolver {
    /// Its TTL policy.
    pub profile: ResolverProfile,
    /// Whether resolutions record steps and messages (the traffic
    /// simulation turns it off for speed).
    pub trace: bool,
    pub(super) cache: Cache,
    seed: u64,
    stable_id: String,
    queries: u64,
}

impl Resolver {
    /// A resolver with an empty cache; message ids derive from
    /// `(seed, stable_id)`.
    pub fn new(profile: ResolverProfile, seed: u64, stable_id: &str) -> Resolver {
        Resolver {
            profile,
            trace: true,
            cache: Cache::new(),
            seed,
            stable_id: stable_id.to_string(),
            queries: 0,
        }
    }

    /// The cache.
    pub fn cache(&self) -> &Cache {
        &self.cache
    }

    /// Empties the cache.
    pub fn flush(&mut self) {
        self.cache.clear();
    }

    /// A fresh message id from the scenario's RNG.
    pub fn next_id(&mut self) -> u16 {
        self.queries = self.queries.wrapping_add(1);
        SimRng::derive(
            self.seed,
            &format!("resolver:{}:{}", self.stable_id, self.queries),
        )
        .next_u16()
    }

    /// Resolves `qname`/`qtype` at `now` for a client at `client`.
    pub fn resolve<A: Authorities + ?Sized>(
        &mut self,
        auth: &A,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
    ) -> Resolution {
        self.resolve_depth(auth, qname, qtype, now, client, 0)
    }

    pub(super) fn resolve_depth<A: Authorities + ?Sized>(
        &mut self,
        auth: &A,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
        depth: usize,
    ) -> Resolution {
        let mut res = Resolution::new(&fqdn(qname), qtype, now);
        let mut current = fqdn(qname);
        let mut visited: BTreeSet<LowerName> = BTreeSet::new();
        for _ in 0..=MAX_CNAME_HOPS {
            if !visited.insert(LowerName::new(&current)) {
                self.fail(&mut res, &current, "RFC 1034 §3.6.2: CNAME loop: SERVFAIL");
                return res;
            }
            match self.one_name(auth, &current, qtype, now, client, depth, &mut res) {
                NameResult::Done => return res,
                NameResult::Cname(target) => current = target,
            }
        }
        self.fail(
            &mut res,
            &current,
            &format!("more than {MAX_CNAME_HOPS} names in the CNAME chain: SERVFAIL"),
        );
        res
    }

    pub(super) fn fail(&mut self, res: &mut Resolution, name: &Name, note: &str) {
        res.outcome = ResolvedOutcome::ServFail;
        let msg = self.trace.then(|| {
            let id = self.next_id();
            recursive_message(name, res.qtype, ResponseCode::ServFail, &[], &[], id)
        });
        self.push(
            res,
            Step {
                at: res.at,
                server: None,
                qname: name.clone(),
                qtype: res.qtype,
                result: StepResult::ServFail,
                from_cache: false,
                stale: false,
                records: Vec::new(),
                rtt_ms: 0,
                note: note.to_string(),
                message: msg,
            },
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn one_name<A: Authorities + ?Sized>(
        &mut self,
        auth: &A,
        name: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
        depth: usize,
        res: &mut Resolution,
    ) -> NameResult {
        if let Some(r) = self.cached_answer(name, qtype, now, false, res) {
            return r;
        }
        res.from_cache = false;
        let (mut zone, mut servers) = self.closest_servers(auth, name, now, res);
        for _ in 0..MAX_REFERRALS {
            let Some((server, answer)) =
                self.ask_any(auth, &servers, name, qtype, now, client, res)
            else {
                if let Some(r) = self.cached_answer(name, qtype, now, true, res) {
                    return r;
                }
                self.fail(
                    res,
                    name,
                    &format!("no server of {zone} answered: SERVFAIL (RFC 1035 §7.2)"),
                );
                return NameResult::Done;
            };
            self.cache_records(&answer.answer, now);
            // The client sees the TTL the resolver caches for (a clamped
            // TTL is what BIND and Unbound hand out).
            res.answer.extend(answer.answer.iter().map(|r| {
                let mut r = r.clone();
                r.ttl = self.profile.clamp(r.ttl);
                r
            }));
            let end = chain_end(name, &answer.answer);
            let (result, note, next) = match &answer.outcome {
                Outcome::Data => {
                    res.outcome = ResolvedOutcome::Data;
                    (
                        StepResult::Answer,
                        "RFC 1034 §4.3.2 step 3a: authoritative data".into(),
                        Some(NameResult::Done),
                    )
                }
                Outcome::NoData | Outcome::NxDomain => {
                    let nx = answer.outcome == Outcome::NxDomain;
                    let soa = answer
                        .authority
                        .iter()
                        .find(|r| r.record_type() == RecordType::SOA)
                        .cloned();
                    res.outcome = if nx {
                        ResolvedOutcome::NxDomain
                    } else {
                        ResolvedOutcome::NoData
                    };
                    let note = match &soa {
                        Some(soa) => {
                            let ttl = self.profile.clamp(negative_ttl(soa));
                            let keep = self.profile.keep_expired_ms();
                            let mut soa_as_served = soa.clone();
                            soa_as_served.ttl = negative_ttl(soa);
                            if nx {
                                self.cache.put_nxdomain(
                                    &end,
                                    soa_as_served.clone(),
                                    ttl,
                                    now,
                                    keep,
                                );
                            } else {
                                self.cache.put_nodata(
                                    &end,
                                    qtype,
                                    soa_as_served.clone(),
                                    ttl,
                                    now,
                                    keep,
                                );
                            }
                            res.authority = vec![soa_as_served];
                            format!(
                                "RFC 2308 §5: cached negative for {ttl} s = min(SOA TTL {}, SOA MINIMUM)",
                                soa.ttl
                            )
                        }
                        None => "RFC 2308 §5: no SOA, so not cached".into(),
                    };
                    let r = if nx {
                        StepResult::NxDomain
                    } else {
                        StepResult::NoData
                    };
                    (r, note, Some(NameResult::Done))
                }
                Outcome::OutOfZoneCname { target } => (
                    StepResult::Cname {
                        target: fqdn(target),
                    },
                    "RFC 1034 §5.2.2: the CNAME leaves the zone; restart at its target".into(),
                    Some(NameResult::Cname(fqdn(target))),
                ),
                Outcome::Referral { cut } => {
                    let cut = fqdn(cut);
                    if !LowerName::new(&zone).zone_of(&LowerName::new(&cut)) || cut == zone {
                        self.record_server_step(res, &server, name, qtype, StepResult::ServFail, &answer, "a referral that does not lead down the tree (lame or upward): SERVFAIL".into(), auth);
                        self.fail(res, name, "RFC 1034 §5.3.3: referral loop");
                        return NameResult::Done;
                    }
                    self.cache_records(&answer.authority, now);
                    let glue: Vec<Record> = answer
                        .additional
                        .iter()
                        .filter(|r| matches!(r.record_type(), RecordType::A | RecordType::AAAA))
                        .cloned()
                        .collect();
                    self.cache_records(&glue, now);
                    let targets = ns_targets(&answer.authority);
                    let mut next = self.known_addresses(&targets, now);
                    if next.is_empty() && depth < MAX_GLUELESS_DEPTH {
                        for t in targets.iter().take(2) {
                            let sub =
                                self.resolve_depth(auth, t, RecordType::A, now, client, depth + 1);
                            if self.trace {
                                res.steps.extend(sub.steps.iter().cloned());
                            }
                            next.extend(sub.addresses().into_iter().map(|ip| NameServer {
                                name: t.clone(),
                                ip,
                            }));
                            if !next.is_empty() {
                                break;
                            }
                        }
                    }
                    self.record_server_step(
                        res,
                        &server,
                        name,
                        qtype,
                        StepResult::Referral {
                            cut: cut.clone(),
                            servers: next.clone(),
                        },
                        &answer,
                        "RFC 1034 §4.3.2 step 3b: referral; NS and glue cached with their TTLs"
                            .into(),
                        auth,
                    );
                    if !answer.answer.is_empty() {
                        // A CNAME from the parent led under the cut:
                        // restart at the chain's end.
                        return NameResult::Cname(end);
                    }
                    if next.is_empty() {
                        self.fail(
                            res,
                            name,
                            "no address for any server of the delegation: SERVFAIL",
                        );
                        return NameResult::Done;
                    }
                    zone = cut;
                    servers = next;
                    continue;
                }
                Outcome::BrokenChain | Outcome::NotAuthoritative => (
                    StepResult::ServFail,
                    "the server could not finish the CNAME chain: SERVFAIL".into(),
                    None,
                ),
            };
            self.record_server_step(res, &server, name, qtype, result, &answer, note, auth);
            return match next {
                Some(n) => n,
                None => {
                    self.fail(res, name, "SERVFAIL from the authority");
                    NameResult::Done
                }
            };
        }
        self.fail(
            res,
            name,
            &format!("more than {MAX_REFERRALS} referrals: SERVFAIL"),
        );
        NameResult::Done
    }
}
