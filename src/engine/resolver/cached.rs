//! The resolver's cache side: answering from the cache (fresh or stale),
//! finding the closest cached delegation, storing RRsets.

use std::net::IpAddr;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::cache::{Cache, CacheHit, Cached};
use super::recurse::{NameResult, Resolver};
use super::resolution::{chain_end, ns_targets, rrsets, Resolution, ResolvedOutcome};
use super::servers::NameServer;
use super::step::{recursive_message, Step, StepResult};
use super::Authorities;
use crate::engine::time::SimTime;

impl Resolver {
    pub(super) fn push(&self, res: &mut Resolution, step: Step) {
        if self.trace {
            res.steps.push(step);
        }
    }

    /// Serves `name` from the cache (fresh, or stale when `stale`).
    pub(super) fn cached_answer(
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
                    h @ CacheHit {
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
    pub(super) fn closest_servers<A: Authorities + ?Sized>(
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

    pub(super) fn known_addresses(&self, names: &[Name], now: SimTime) -> Vec<NameServer> {
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

    pub(super) fn cache_records(&mut self, records: &[Record], now: SimTime) {
        let keep = self.profile.keep_expired_ms();
        for set in rrsets(records) {
            let ttl = set.iter().map(|r| r.ttl).min().unwrap_or(0);
            let ttl = self.profile.clamp(ttl);
            self.cache.put_rrset(set, ttl, now, keep);
        }
    }
}
