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
use std::net::IpAddr;

use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::cache::{negative_ttl, Cache, Cached};
use super::profile::ResolverProfile;
use super::servers::NameServer;
use super::step::{recursive_message, Step, StepResult};
use super::{Authorities, ClientLocation};
use crate::engine::lookup::{Answer, Outcome};
use crate::engine::rng::SimRng;
use crate::engine::time::SimTime;
use crate::engine::wire;

/// Names followed in one resolution (BIND's `max-restarts` is 11; we allow
/// a few more so chains the authoritative side accepts resolve).
pub const MAX_CNAME_HOPS: usize = 16;
/// Referrals followed for one name (the DNS tree is at most 127 deep, real
/// resolutions take 2–4).
pub const MAX_REFERRALS: usize = 16;
/// Nested resolutions of name-server names (glueless delegations).
pub const MAX_GLUELESS_DEPTH: usize = 3;

/// The kind of final answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolvedOutcome {
    /// Records of the asked type.
    Data,
    /// NOERROR, no records of the type.
    NoData,
    /// The (final) name does not exist.
    NxDomain,
    /// The resolver gave up: no server answered, a loop, too deep.
    ServFail,
}

/// A resolution's result: the response a stub resolver gets, and the trace.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The question name.
    pub qname: Name,
    /// The question type.
    pub qtype: RecordType,
    /// When it was asked.
    pub at: SimTime,
    /// The outcome.
    pub outcome: ResolvedOutcome,
    /// The answer section: the CNAME chain, then the data (TTLs as served).
    pub answer: Vec<Record>,
    /// The SOA of a negative answer.
    pub authority: Vec<Record>,
    /// The trace (empty when the resolver does not trace).
    pub steps: Vec<Step>,
    /// Every piece came from the cache.
    pub from_cache: bool,
    /// Some piece was served stale (RFC 8767).
    pub stale: bool,
}

impl Resolution {
    fn new(qname: &Name, qtype: RecordType, at: SimTime) -> Resolution {
        Resolution {
            qname: qname.clone(),
            qtype,
            at,
            outcome: ResolvedOutcome::ServFail,
            answer: Vec::new(),
            authority: Vec::new(),
            steps: Vec::new(),
            from_cache: true,
            stale: false,
        }
    }

    /// The RCODE a stub resolver sees.
    pub fn rcode(&self) -> ResponseCode {
        match self.outcome {
            ResolvedOutcome::Data | ResolvedOutcome::NoData => ResponseCode::NoError,
            ResolvedOutcome::NxDomain => ResponseCode::NXDomain,
            ResolvedOutcome::ServFail => ResponseCode::ServFail,
        }
    }

    /// The addresses (A and AAAA data) in the answer, in answer order.
    pub fn addresses(&self) -> Vec<IpAddr> {
        self.answer
            .iter()
            .filter_map(|r| match &r.data {
                RData::A(a) => Some(IpAddr::V4(a.0)),
                RData::AAAA(a) => Some(IpAddr::V6(a.0)),
                _ => None,
            })
            .collect()
    }

    /// The smallest TTL in the answer (or of the negative SOA): how long a
    /// client honouring TTLs may keep this response.
    pub fn ttl(&self) -> u32 {
        self.answer
            .iter()
            .chain(self.authority.iter())
            .map(|r| match &r.data {
                RData::SOA(_) => negative_ttl(r),
                _ => r.ttl,
            })
            .min()
            .unwrap_or(0)
    }

    /// The response as a DNS message with id `id` (RD, RA set).
    pub fn message(&self, id: u16) -> Message {
        recursive_message(
            &self.qname,
            self.qtype,
            self.rcode(),
            &self.answer,
            &self.authority,
            id,
        )
    }
}

/// What resolving one name of a chain gave.
enum NameResult {
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
    cache: Cache,
    seed: u64,
    stable_id: String,
    queries: u64,
}

fn fqdn(n: &Name) -> Name {
    let mut n = n.clone();
    n.set_fqdn(true);
    n
}

fn ns_targets(records: &[Record]) -> Vec<Name> {
    records
        .iter()
        .filter_map(|r| match &r.data {
            RData::NS(ns) => Some(fqdn(&ns.0)),
            _ => None,
        })
        .collect()
}

/// Records grouped into RRsets by (owner, type), in first-seen order.
fn rrsets(records: &[Record]) -> Vec<Vec<Record>> {
    let mut out: Vec<Vec<Record>> = Vec::new();
    for r in records {
        let key = (LowerName::new(&r.name), r.record_type());
        match out.iter_mut().find(|s| {
            s.first()
                .is_some_and(|f| (LowerName::new(&f.name), f.record_type()) == key)
        }) {
            Some(set) => set.push(r.clone()),
            None => out.push(vec![r.clone()]),
        }
    }
    out
}

/// Follows the CNAMEs in `answer` from `start`: the last name reached.
fn chain_end(start: &Name, answer: &[Record]) -> Name {
    let mut current = fqdn(start);
    for _ in 0..=answer.len() {
        let next = answer.iter().find_map(|r| match &r.data {
            RData::CNAME(c) if LowerName::new(&r.name) == LowerName::new(&current) => {
                Some(fqdn(&c.0))
            }
            _ => None,
        });
        match next {
            Some(n) => current = n,
            None => break,
        }
    }
    current
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

    fn resolve_depth<A: Authorities + ?Sized>(
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

    fn fail(&mut self, res: &mut Resolution, name: &Name, note: &str) {
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

    fn push(&self, res: &mut Resolution, step: Step) {
        if self.trace {
            res.steps.push(step);
        }
    }

    /// Serves `name` from the cache (fresh, or stale when `stale`).
    fn cached_answer(
        &mut self,
        name: &Name,
        qtype: RecordType,
        now: SimTime,
        stale: bool,
        res: &mut Resolution,
    ) -> Option<NameResult> {
        let get = |c: &Cache, t: RecordType| match (stale, self.profile.serve_stale) {
            (false, _) => c.get(name, t, now),
            (true, Some(s)) => c.get_stale(name, t, now, s.max_stale_s, s.stale_ttl),
            (true, None) => None,
        };
        let (hit, is_cname) = match get(&self.cache, qtype) {
            Some(h) => (h, false),
            None if qtype != RecordType::CNAME => match get(&self.cache, RecordType::CNAME) {
                Some(
                    h @ crate::engine::resolver::CacheHit {
                        data: Cached::Records(_),
                        ..
                    },
                ) => (h, true),
                _ => return None,
            },
            None => return None,
        };
        res.stale |= hit.stale;
        let (result, records, authority, next) = match hit.data {
            Cached::Records(rs) if is_cname => {
                let target = chain_end(name, &rs);
                (
                    StepResult::Cname {
                        target: target.clone(),
                    },
                    rs,
                    Vec::new(),
                    NameResult::Cname(target),
                )
            }
            Cached::Records(rs) => {
                res.outcome = ResolvedOutcome::Data;
                (StepResult::Answer, rs, Vec::new(), NameResult::Done)
            }
            Cached::NoData { soa } => {
                res.outcome = ResolvedOutcome::NoData;
                (StepResult::NoData, Vec::new(), vec![soa], NameResult::Done)
            }
            Cached::NxDomain { soa } => {
                res.outcome = ResolvedOutcome::NxDomain;
                (
                    StepResult::NxDomain,
                    Vec::new(),
                    vec![soa],
                    NameResult::Done,
                )
            }
        };
        res.answer.extend(records.iter().cloned());
        if matches!(next, NameResult::Done) {
            res.authority = authority.clone();
        }
        let note = if hit.stale {
            "RFC 8767 §4: no authority answered; expired data served with the stale TTL".to_string()
        } else {
            format!(
                "RFC 1035 §7.4 / RFC 2308 §5: cached, {} s left of the TTL",
                hit.remaining
            )
        };
        let message = self.trace.then(|| {
            let id = self.next_id();
            recursive_message(name, qtype, res.rcode(), &records, &authority, id)
        });
        self.push(
            res,
            Step {
                at: now,
                server: None,
                qname: name.clone(),
                qtype,
                result,
                from_cache: true,
                stale: hit.stale,
                records,
                rtt_ms: 0,
                note,
                message,
            },
        );
        Some(next)
    }

    /// The closest delegation the cache knows for `name`, with addresses;
    /// the root hints when none.
    fn closest_servers<A: Authorities + ?Sized>(
        &mut self,
        auth: &A,
        name: &Name,
        now: SimTime,
        res: &mut Resolution,
    ) -> (Name, Vec<NameServer>) {
        let mut zone = LowerName::new(name);
        // At most 128 labels.
        loop {
            if zone.is_root() {
                break;
            }
            let zone_name = Name::from(zone.clone());
            if let Some(Cached::Records(ns)) = self
                .cache
                .get(&zone_name, RecordType::NS, now)
                .map(|h| h.data)
            {
                let servers = self.known_addresses(&ns_targets(&ns), now);
                if !servers.is_empty() {
                    let message = self.trace.then(|| {
                        let id = self.next_id();
                        recursive_message(
                            &zone_name,
                            RecordType::NS,
                            ResponseCode::NoError,
                            &ns,
                            &[],
                            id,
                        )
                    });
                    self.push(
                        res,
                        Step {
                            at: now,
                            server: None,
                            qname: name.clone(),
                            qtype: res.qtype,
                            result: StepResult::Referral {
                                cut: zone_name.clone(),
                                servers: servers.clone(),
                            },
                            from_cache: true,
                            stale: false,
                            records: ns,
                            rtt_ms: 0,
                            note: "RFC 1034 §5.3.3 step 2: start at the closest cached delegation"
                                .into(),
                            message,
                        },
                    );
                    return (zone_name, servers);
                }
            }
            zone = zone.base_name();
        }
        (Name::root(), auth.root_hints())
    }

    fn known_addresses(&self, names: &[Name], now: SimTime) -> Vec<NameServer> {
        let mut out = Vec::new();
        for n in names {
            if let Some(Cached::Records(rs)) = self.cache.get(n, RecordType::A, now).map(|h| h.data)
            {
                for r in rs {
                    if let RData::A(a) = r.data {
                        out.push(NameServer {
                            name: n.clone(),
                            ip: IpAddr::V4(a.0),
                        });
                    }
                }
            }
        }
        out
    }

    fn cache_records(&mut self, records: &[Record], now: SimTime) {
        let keep = self.profile.keep_expired_ms();
        for set in rrsets(records) {
            let ttl = set.iter().map(|r| r.ttl).min().unwrap_or(0);
            let ttl = self.profile.clamp(ttl);
            self.cache.put_rrset(set, ttl, now, keep);
        }
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
            res.answer.extend(answer.answer.iter().cloned());
            let end = chain_end(name, &answer.answer);
            let step_base = |result: StepResult, note: String| (result, note);
            let (result, note, next) = match &answer.outcome {
                Outcome::Data => {
                    res.outcome = ResolvedOutcome::Data;
                    let (r, n) = step_base(
                        StepResult::Answer,
                        "RFC 1034 §4.3.2 step 3a: authoritative data".into(),
                    );
                    (r, n, Some(NameResult::Done))
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

    #[allow(clippy::too_many_arguments)]
    fn record_server_step<A: Authorities + ?Sized>(
        &mut self,
        res: &mut Resolution,
        server: &NameServer,
        qname: &Name,
        qtype: RecordType,
        result: StepResult,
        answer: &Answer,
        note: String,
        auth: &A,
    ) {
        if !self.trace {
            return;
        }
        let id = self.next_id();
        let message = wire::response((qname.clone(), qtype), answer, id);
        let records = if matches!(result, StepResult::Referral { .. }) {
            answer.authority.clone()
        } else {
            answer.answer.clone()
        };
        res.steps.push(Step {
            at: res.at,
            server: Some(server.clone()),
            qname: qname.clone(),
            qtype,
            result,
            from_cache: false,
            stale: false,
            records,
            rtt_ms: auth.rtt_ms(server.ip),
            note,
            message: Some(message),
        });
    }

    /// Asks the servers in order until one answers (REFUSED counts as no
    /// answer from this server: a lame delegation, RFC 1034 §5.3.3 step 4).
    #[allow(clippy::too_many_arguments)]
    fn ask_any<A: Authorities + ?Sized>(
        &mut self,
        auth: &A,
        servers: &[NameServer],
        name: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
        res: &mut Resolution,
    ) -> Option<(NameServer, Answer)> {
        for s in servers {
            match auth.ask(s.ip, name, qtype, now, client) {
                Some(a) if a.outcome != Outcome::NotAuthoritative => return Some((s.clone(), a)),
                other => {
                    if self.trace {
                        let (result, note) = match other {
                            Some(_) => (
                                StepResult::Refused,
                                "REFUSED: lame server, try the next (RFC 1034 §5.3.3 step 4)",
                            ),
                            None => (
                                StepResult::Timeout,
                                "no answer: try the next server (RFC 1035 §7.2)",
                            ),
                        };
                        res.steps.push(Step {
                            at: now,
                            server: Some(s.clone()),
                            qname: name.clone(),
                            qtype,
                            result,
                            from_cache: false,
                            stale: false,
                            records: Vec::new(),
                            rtt_ms: auth.rtt_ms(s.ip),
                            note: note.into(),
                            message: None,
                        });
                    }
                }
            }
        }
        None
    }
}
