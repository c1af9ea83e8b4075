//! [`Catalog`]: the zones one authoritative server (or Route 53) serves.
//!
//! A question goes to the zone with the longest origin that contains the
//! name, as a server that hosts both a parent and a child zone picks the
//! child (RFC 1034 §4.3.2 step 2: "the nearest ancestor to QNAME").

use std::collections::BTreeMap;

use hickory_proto::rr::{LowerName, Name};

use super::zone::AuthZone;

/// Something that can say which zone holds a name: one [`AuthZone`] or a
/// [`Catalog`] of them. The lookup takes either.
pub trait ZoneSource {
    /// The zone whose origin is the longest one at or above `name`.
    fn find_zone(&self, name: &LowerName) -> Option<&AuthZone>;
}

impl ZoneSource for AuthZone {
    fn find_zone(&self, name: &LowerName) -> Option<&AuthZone> {
        self.contains_name(name).then_some(self)
    }
}

/// Several zones, keyed by origin (case-insensitive). A later zone with the
/// same origin replaces the earlier one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    zones: BTreeMap<LowerName, AuthZone>,
}

impl Catalog {
    /// An empty catalog.
    pub fn new() -> Catalog {
        Catalog::default()
    }

    /// Adds (or replaces) a zone.
    pub fn insert(&mut self, zone: AuthZone) {
        self.zones.insert(LowerName::new(zone.origin()), zone);
    }

    /// The zone with exactly this origin.
    pub fn zone(&self, origin: &Name) -> Option<&AuthZone> {
        self.zones.get(&LowerName::new(origin))
    }

    /// The zones in canonical order of their origins.
    pub fn zones(&self) -> impl Iterator<Item = &AuthZone> {
        self.zones.values()
    }
}

impl FromIterator<AuthZone> for Catalog {
    fn from_iter<I: IntoIterator<Item = AuthZone>>(iter: I) -> Catalog {
        let mut c = Catalog::new();
        for z in iter {
            c.insert(z);
        }
        c
    }
}

impl ZoneSource for Catalog {
    fn find_zone(&self, name: &LowerName) -> Option<&AuthZone> {
        // Walk from the name up to the root: at most 128 labels.
        let mut n = name.clone();
        loop {
            if let Some(z) = self.zones.get(&n) {
                return Some(z);
            }
            if n.is_root() {
                return None;
            }
            n = n.base_name();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::rr::rdata::SOA;
    use hickory_proto::rr::{RData, Record};

    fn zone(origin: &str) -> AuthZone {
        let o = Name::from_ascii(origin).unwrap();
        let soa = Record::from_rdata(
            o.clone(),
            900,
            RData::SOA(SOA::new(o.clone(), o.clone(), 1, 2, 3, 4, 5)),
        );
        AuthZone::new(o, vec![soa], vec![]).unwrap()
    }

    #[test]
    fn rfc1034_4_3_2_step2_picks_the_nearest_ancestor_zone() {
        let cat: Catalog = [
            zone("example.com."),
            zone("sub.example.com."),
            zone("example.org."),
        ]
        .into_iter()
        .collect();
        let cases = [
            ("www.example.com.", Some("example.com.")),
            ("a.sub.example.com.", Some("sub.example.com.")),
            ("SUB.Example.COM.", Some("sub.example.com.")),
            ("xsub.example.com.", Some("example.com.")),
            ("example.org.", Some("example.org.")),
            ("example.net.", None),
            (".", None),
        ];
        for (q, want) in cases {
            let got = cat
                .find_zone(&LowerName::new(&Name::from_ascii(q).unwrap()))
                .map(|z| z.origin().to_ascii());
            assert_eq!(got.as_deref(), want, "{q}");
        }
    }

    #[test]
    fn a_single_zone_is_a_source_for_its_own_names_only() {
        let z = zone("example.com.");
        let inside = LowerName::new(&Name::from_ascii("a.b.example.com.").unwrap());
        let outside = LowerName::new(&Name::from_ascii("example.net.").unwrap());
        assert!(z.find_zone(&inside).is_some());
        assert!(z.find_zone(&outside).is_none());
    }
}
