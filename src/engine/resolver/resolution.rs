//! [`Resolution`]: what a stub resolver gets back from the [`super::Resolver`],
//! with the trace, and the record helpers the resolver shares.

use std::net::IpAddr;

use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::cache::negative_ttl;
use super::step::{recursive_message, Step};
use crate::engine::time::SimTime;

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
    pub(super) fn new(qname: &Name, qtype: RecordType, at: SimTime) -> Resolution {
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

pub(super) fn fqdn(n: &Name) -> Name {
    let mut n = n.clone();
    n.set_fqdn(true);
    n
}

pub(super) fn ns_targets(records: &[Record]) -> Vec<Name> {
    records
        .iter()
        .filter_map(|r| match &r.data {
            RData::NS(ns) => Some(fqdn(&ns.0)),
            _ => None,
        })
        .collect()
}

/// Records grouped into RRsets by (owner, type), in first-seen order.
pub(super) fn rrsets(records: &[Record]) -> Vec<Vec<Record>> {
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
pub(super) fn chain_end(start: &Name, answer: &[Record]) -> Name {
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
