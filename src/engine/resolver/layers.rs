//! Layers over an [`Authorities`]: answers that depend on time and health
//! ([`WithRouting`], the failover clock's view of Route 53) and servers
//! that stop answering for a while ([`WithOutages`]).

use std::net::IpAddr;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::servers::NameServer;
use super::{Authorities, ClientLocation};
use crate::engine::lookup::{Answer, Outcome};
use crate::engine::time::SimTime;

/// What Route 53 answers for a routed name at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutedRecords {
    /// The TTL of the chosen set(s).
    pub ttl: u32,
    /// The values (empty: NODATA).
    pub data: Vec<RData>,
}

/// The routed answers of a zone: for a name and type with a routing
/// policy, which values Route 53 gives `client` at `now` (health from the
/// failover clock). `None` leaves the zone's static answer.
pub trait RoutingView {
    /// The routed values of `qname`/`qtype` at `now` for `client`.
    fn routed(
        &self,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
    ) -> Option<RoutedRecords>;
}

/// One routed name whose answer changes at known instants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledName {
    /// The owner name.
    pub name: Name,
    /// The type.
    pub rtype: RecordType,
    /// The TTL of its sets.
    pub ttl: u32,
    /// From each instant on, these values (sorted by time).
    pub changes: Vec<(SimTime, Vec<RData>)>,
}

/// A [`RoutingView`] from answers computed ahead of time, the same for
/// every client (for tests and hand-made timelines; scenarios use
/// [`super::Route53View`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScheduledAnswers {
    /// The routed names.
    pub names: Vec<ScheduledName>,
}

impl RoutingView for ScheduledAnswers {
    fn routed(
        &self,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
        _client: &ClientLocation,
    ) -> Option<RoutedRecords> {
        let q = LowerName::new(qname);
        let n = self
            .names
            .iter()
            .find(|n| n.rtype == qtype && LowerName::new(&n.name) == q)?;
        let idx = n.changes.partition_point(|(t, _)| *t <= now);
        let data = idx
            .checked_sub(1)
            .and_then(|i| n.changes.get(i))
            .map(|(_, d)| d.clone())
            .unwrap_or_default();
        Some(RoutedRecords { ttl: n.ttl, data })
    }
}

/// Authorities whose routed names answer from a [`RoutingView`]: when the
/// inner server answers a routed name authoritatively, the answer section
/// becomes the routed values.
#[derive(Debug, Clone)]
pub struct WithRouting<A, V> {
    /// The static authorities.
    pub inner: A,
    /// The routed answers.
    pub view: V,
}

impl<A: Authorities, V> WithRouting<A, V> {
    /// The apex `rtype` records (SOA or NS) of the zone that gave `a`, asked
    /// of the same server; the apex is the owner of the SOA or NS set in
    /// `a`'s Authority section (the lookup puts one of them there).
    fn apex_records(
        &self,
        server: IpAddr,
        a: &Answer,
        rtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
    ) -> Vec<Record> {
        let Some(apex) = a
            .authority
            .iter()
            .find(|r| matches!(r.record_type(), RecordType::SOA | RecordType::NS))
            .map(|r| r.name.clone())
        else {
            return Vec::new();
        };
        self.inner
            .ask(server, &apex, rtype, now, client)
            .map(|apex_answer| apex_answer.answer)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.record_type() == rtype)
            .collect()
    }
}

impl<A: Authorities, V: RoutingView> Authorities for WithRouting<A, V> {
    fn root_hints(&self) -> Vec<NameServer> {
        self.inner.root_hints()
    }

    fn ask(
        &self,
        server: IpAddr,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
    ) -> Option<Answer> {
        let mut a = self.inner.ask(server, qname, qtype, now, client)?;
        let authoritative_here = a.authoritative
            && matches!(a.outcome, Outcome::Data | Outcome::NoData)
            && a.answer.iter().all(|r| r.record_type() == qtype);
        if !authoritative_here {
            return Some(a);
        }
        let Some(routed) = self.view.routed(qname, qtype, now, client) else {
            return Some(a);
        };
        let mut owner = qname.clone();
        owner.set_fqdn(true);
        a.answer = routed
            .data
            .iter()
            .map(|d| Record::from_rdata(owner.clone(), routed.ttl, d.clone()))
            .collect();
        a.rcode = ResponseCode::NoError;
        let was = a.outcome.clone();
        if a.answer.is_empty() {
            a.outcome = Outcome::NoData;
            a.additional.clear();
            if was != Outcome::NoData {
                // RFC 2308 §2.2: NODATA carries the zone's SOA, whose
                // TTL is the negative-caching TTL (§3, §5).
                a.authority = self.apex_records(server, &a, RecordType::SOA, now, client);
                for soa in &mut a.authority {
                    if let RData::SOA(data) = &soa.data {
                        soa.ttl = soa.ttl.min(data.minimum);
                    }
                }
            }
            a.step(
                "RFC 8020 §2; RFC 2308 §2.2",
                format!(
                    "routing answers no record of {owner} {qtype} here; the name exists, so NOERROR with no data and the SOA in Authority (Route 53's \"no answer\")"
                ),
            );
        } else {
            a.outcome = Outcome::Data;
            if was != Outcome::Data {
                // Route 53 DG DNSBehavior: a positive answer carries the
                // zone's NS set in Authority.
                a.authority = self.apex_records(server, &a, RecordType::NS, now, client);
            }
        }
        a.step(
            "Route 53 DG routing-policy",
            format!(
                "routed answer at {} ms, health from the failover clock",
                now.as_millis()
            ),
        );
        Some(a)
    }

    fn server_name(&self, server: IpAddr) -> Option<Name> {
        self.inner.server_name(server)
    }

    fn rtt_ms(&self, server: IpAddr) -> u64 {
        self.inner.rtt_ms(server)
    }
}

/// A server (or every server) that does not answer from `from` until
/// `until` (exclusive; `None`: for ever).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outage {
    /// The server's address; `None` for every server.
    pub server: Option<IpAddr>,
    /// Start.
    pub from: SimTime,
    /// End (exclusive).
    pub until: Option<SimTime>,
}

/// Authorities with outages.
#[derive(Debug, Clone)]
pub struct WithOutages<A> {
    /// The authorities.
    pub inner: A,
    /// When which servers are down.
    pub outages: Vec<Outage>,
}

impl<A: Authorities> Authorities for WithOutages<A> {
    fn root_hints(&self) -> Vec<NameServer> {
        self.inner.root_hints()
    }

    fn ask(
        &self,
        server: IpAddr,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
    ) -> Option<Answer> {
        let down = self.outages.iter().any(|o| {
            o.server.is_none_or(|s| s == server) && o.from <= now && o.until.is_none_or(|u| now < u)
        });
        if down {
            return None;
        }
        self.inner.ask(server, qname, qtype, now, client)
    }

    fn server_name(&self, server: IpAddr) -> Option<Name> {
        self.inner.server_name(server)
    }

    fn rtt_ms(&self, server: IpAddr) -> u64 {
        self.inner.rtt_ms(server)
    }
}
