//! [`Cache`]: what a resolver remembers, under simulated time.
//!
//! Positive RRsets are cached by (name, type); negative answers as RFC 2308
//! says: NODATA by (name, type), NXDOMAIN by name for every type (§5), each
//! for min(SOA TTL, SOA MINIMUM) seconds, and not at all without an SOA
//! ("Negative responses without SOA records SHOULD NOT be cached", §5).
//!
//! **Boundary.** An entry stored at `t` with TTL `T` is fresh while
//! `now < t + T` (milliseconds): stored at 0 s with TTL 60 it is served at
//! 59.999 s (with TTL 1) and expired at 60 s. The TTL handed out is the
//! original minus the whole seconds held, i.e. the seconds left rounded up
//! (RFC 1035 §3.2.1: the TTL is the time the record may be cached; RFC 2181
//! §8: a counted-down TTL must never exceed the original). A TTL of 0 is
//! never cached (RFC 1035 §3.2.1: "zero values are interpreted to mean that
//! the RR can only be used for the transaction in progress").

use std::collections::BTreeMap;

use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use crate::engine::time::SimTime;

/// The most entries a cache keeps; beyond it, new data is not cached
/// (bounds memory on hostile zones).
pub const MAX_CACHE_ENTRIES: usize = 100_000;

/// What a cache entry holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cached {
    /// An RRset.
    Records(Vec<Record>),
    /// The name exists without data of the type (RFC 2308 §2.2).
    NoData {
        /// The SOA that came with it.
        soa: Record,
    },
    /// The name does not exist (RFC 2308 §2.1).
    NxDomain {
        /// The SOA that came with it.
        soa: Record,
    },
}

#[derive(Debug, Clone)]
struct Entry {
    name: Name,
    stored: SimTime,
    ttl: u32,
    data: Cached,
}

impl Entry {
    fn expires_ms(&self) -> u64 {
        self.stored
            .as_millis()
            .saturating_add(u64::from(self.ttl).saturating_mul(1000))
    }
}

/// A cache entry as served at one instant: TTLs counted down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheHit {
    /// The data, each record's TTL set to `remaining` (or to the stale TTL).
    pub data: Cached,
    /// Seconds left, rounded up; 0 for a stale entry.
    pub remaining: u32,
    /// Served after expiry (RFC 8767).
    pub stale: bool,
}

/// A resolver's cache.
#[derive(Debug, Clone, Default)]
pub struct Cache {
    rrsets: BTreeMap<(LowerName, RecordType), Entry>,
    nxdomain: BTreeMap<LowerName, Entry>,
}

/// The negative TTL of an SOA: min(its TTL, its MINIMUM) (RFC 2308 §5).
pub fn negative_ttl(soa: &Record) -> u32 {
    match &soa.data {
        RData::SOA(s) => soa.ttl.min(s.minimum),
        _ => soa.ttl,
    }
}

fn counted(data: &Cached, ttl: u32) -> Cached {
    let set = |r: &Record| {
        let mut r = r.clone();
        r.ttl = ttl;
        r
    };
    match data {
        Cached::Records(rs) => Cached::Records(rs.iter().map(set).collect()),
        Cached::NoData { soa } => Cached::NoData { soa: set(soa) },
        Cached::NxDomain { soa } => Cached::NxDomain { soa: set(soa) },
    }
}

impl Cache {
    /// An empty cache.
    pub fn new() -> Cache {
        Cache::default()
    }

    /// Entries held (fresh or not yet purged).
    pub fn len(&self) -> usize {
        self.rrsets.len() + self.nxdomain.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets everything (`rndc flush`).
    pub fn clear(&mut self) {
        self.rrsets.clear();
        self.nxdomain.clear();
    }

    fn room(&mut self, now: SimTime, keep_expired_ms: u64) -> bool {
        if self.len() < MAX_CACHE_ENTRIES {
            return true;
        }
        let now = now.as_millis();
        let alive = |e: &Entry| e.expires_ms().saturating_add(keep_expired_ms) > now;
        self.rrsets.retain(|_, e| alive(e));
        self.nxdomain.retain(|_, e| alive(e));
        self.len() < MAX_CACHE_ENTRIES
    }

    /// Caches an RRset (all records share owner and type) for `ttl`
    /// seconds, already clamped by the caller. Replaces what was there.
    pub fn put_rrset(
        &mut self,
        records: Vec<Record>,
        ttl: u32,
        now: SimTime,
        keep_expired_ms: u64,
    ) {
        let Some(first) = records.first() else {
            return;
        };
        if ttl == 0 || !self.room(now, keep_expired_ms) {
            return;
        }
        let key = (LowerName::new(&first.name), first.record_type());
        self.nxdomain.remove(&key.0);
        self.rrsets.insert(
            key,
            Entry {
                name: first.name.clone(),
                stored: now,
                ttl,
                data: Cached::Records(records),
            },
        );
    }

    /// Caches NODATA for (`name`, `rtype`) for `ttl` seconds.
    pub fn put_nodata(
        &mut self,
        name: &Name,
        rtype: RecordType,
        soa: Record,
        ttl: u32,
        now: SimTime,
        keep_expired_ms: u64,
    ) {
        if ttl == 0 || !self.room(now, keep_expired_ms) {
            return;
        }
        self.rrsets.insert(
            (LowerName::new(name), rtype),
            Entry {
                name: name.clone(),
                stored: now,
                ttl,
                data: Cached::NoData { soa },
            },
        );
    }

    /// Caches NXDOMAIN for `name` (every type) for `ttl` seconds.
    pub fn put_nxdomain(
        &mut self,
        name: &Name,
        soa: Record,
        ttl: u32,
        now: SimTime,
        keep_expired_ms: u64,
    ) {
        if ttl == 0 || !self.room(now, keep_expired_ms) {
            return;
        }
        self.nxdomain.insert(
            LowerName::new(name),
            Entry {
                name: name.clone(),
                stored: now,
                ttl,
                data: Cached::NxDomain { soa },
            },
        );
    }

    fn entry(&self, name: &Name, rtype: RecordType) -> Option<&Entry> {
        let lower = LowerName::new(name);
        // A later positive answer for the name beats an older NXDOMAIN.
        let rr = self.rrsets.get(&(lower.clone(), rtype));
        let nx = self.nxdomain.get(&lower);
        match (rr, nx) {
            (Some(a), Some(b)) => Some(if a.stored >= b.stored { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// The fresh entry for (`name`, `rtype`) at `now`, TTLs counted down.
    pub fn get(&self, name: &Name, rtype: RecordType, now: SimTime) -> Option<CacheHit> {
        let e = self.entry(name, rtype)?;
        let expires = e.expires_ms();
        let now = now.as_millis();
        if now >= expires {
            return None;
        }
        let remaining = u32::try_from((expires - now).div_ceil(1000)).unwrap_or(u32::MAX);
        Some(CacheHit {
            data: counted(&e.data, remaining),
            remaining,
            stale: false,
        })
    }

    /// An expired entry no older than `max_stale_s` past its expiry, served
    /// with `stale_ttl` (RFC 8767 §4-5).
    pub fn get_stale(
        &self,
        name: &Name,
        rtype: RecordType,
        now: SimTime,
        max_stale_s: u32,
        stale_ttl: u32,
    ) -> Option<CacheHit> {
        let e = self.entry(name, rtype)?;
        let expires = e.expires_ms();
        let now = now.as_millis();
        let limit = expires.saturating_add(u64::from(max_stale_s).saturating_mul(1000));
        if now < expires || now >= limit {
            return None;
        }
        Some(CacheHit {
            data: counted(&e.data, stale_ttl),
            remaining: 0,
            stale: true,
        })
    }

    /// Every fresh entry at `now` as `(name, type, seconds left, data)`, in
    /// canonical order, for display.
    pub fn entries(&self, now: SimTime) -> Vec<(Name, RecordType, u32, Cached)> {
        let mut out = Vec::new();
        for ((_, t), e) in &self.rrsets {
            if let Some(h) = self.get(&e.name, *t, now) {
                out.push((e.name.clone(), *t, h.remaining, h.data));
            }
        }
        for e in self.nxdomain.values() {
            if let Some(h) = self.get(&e.name, RecordType::ANY, now) {
                out.push((e.name.clone(), RecordType::ANY, h.remaining, h.data));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::rr::rdata::{A, SOA};
    use std::net::Ipv4Addr;

    fn a(name: &str, ttl: u32) -> Record {
        Record::from_rdata(
            Name::from_ascii(name).unwrap(),
            ttl,
            RData::A(A(Ipv4Addr::new(192, 0, 2, 1))),
        )
    }

    fn soa(ttl: u32, minimum: u32) -> Record {
        let n = Name::from_ascii("example.com.").unwrap();
        Record::from_rdata(
            n.clone(),
            ttl,
            RData::SOA(SOA::new(n.clone(), n, 1, 7200, 900, 1_209_600, minimum)),
        )
    }

    fn ms(n: u64) -> SimTime {
        SimTime(n)
    }

    /// RFC 1035 §3.2.1 / RFC 2181 §8: TTL counts down by whole seconds held;
    /// fresh at t+59.999 s, gone at t+60 s.
    #[test]
    fn ttl_counts_down_and_expires_exactly_at_the_boundary() {
        let mut c = Cache::new();
        let name = Name::from_ascii("api.example.com.").unwrap();
        c.put_rrset(vec![a("api.example.com.", 60)], 60, ms(1_000), 0);
        let cases = [
            (1_000, Some(60)),
            (1_500, Some(60)),
            (1_999, Some(60)),
            (2_000, Some(59)),
            (60_999, Some(1)),
            (61_000, None),
            (61_001, None),
        ];
        for (at, want) in cases {
            let got = c.get(&name, RecordType::A, ms(at)).map(|h| h.remaining);
            assert_eq!(got, want, "at {at} ms");
            if let Some(h) = c.get(&name, RecordType::A, ms(at)) {
                match h.data {
                    Cached::Records(rs) => assert_eq!(rs[0].ttl, h.remaining),
                    other => panic!("{other:?}"),
                }
            }
        }
    }

    /// RFC 1035 §3.2.1: a TTL of zero is not cached.
    #[test]
    fn zero_ttl_is_never_cached() {
        let mut c = Cache::new();
        c.put_rrset(vec![a("x.example.com.", 0)], 0, ms(0), 0);
        assert!(c.is_empty());
    }

    /// RFC 2308 §5: negative TTL = min(SOA TTL, MINIMUM); NXDOMAIN covers
    /// every type of the name, NODATA only its type.
    #[test]
    fn negative_entries_rfc2308() {
        assert_eq!(negative_ttl(&soa(900, 86_400)), 900);
        assert_eq!(negative_ttl(&soa(3600, 300)), 300);
        let mut c = Cache::new();
        let nx = Name::from_ascii("nope.example.com.").unwrap();
        let nd = Name::from_ascii("www.example.com.").unwrap();
        c.put_nxdomain(&nx, soa(900, 300), 300, ms(0), 0);
        c.put_nodata(&nd, RecordType::AAAA, soa(900, 300), 300, ms(0), 0);
        let kind = |n: &Name, t| c.get(n, t, ms(299_999)).map(|h| h.data);
        assert!(matches!(
            kind(&nx, RecordType::A),
            Some(Cached::NxDomain { .. })
        ));
        assert!(matches!(
            kind(&nx, RecordType::MX),
            Some(Cached::NxDomain { .. })
        ));
        assert!(matches!(
            kind(&nd, RecordType::AAAA),
            Some(Cached::NoData { .. })
        ));
        assert_eq!(kind(&nd, RecordType::A), None);
        assert_eq!(c.get(&nx, RecordType::A, ms(300_000)), None);
    }

    /// RFC 8767 §4: stale data is served only after expiry and within the
    /// maximum stale period, with the stale TTL (30 s recommended).
    #[test]
    fn stale_window() {
        let mut c = Cache::new();
        let name = Name::from_ascii("api.example.com.").unwrap();
        c.put_rrset(vec![a("api.example.com.", 60)], 60, ms(0), 86_400_000);
        assert!(c
            .get_stale(&name, RecordType::A, ms(59_999), 86_400, 30)
            .is_none());
        let h = c
            .get_stale(&name, RecordType::A, ms(60_000), 86_400, 30)
            .unwrap();
        assert!(h.stale);
        match h.data {
            Cached::Records(rs) => assert_eq!(rs[0].ttl, 30),
            other => panic!("{other:?}"),
        }
        assert!(c
            .get_stale(&name, RecordType::A, ms(60_000 + 86_400_000), 86_400, 30)
            .is_none());
    }
}
