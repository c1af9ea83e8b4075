//! A typed Route 53 record set: a hickory name and type, values parsed into
//! hickory record data (with the text they were given as, since Route 53
//! lists values as submitted), or an alias target; the routing policy; the
//! health check.
//!
//! A record set serializes as the API's `ResourceRecordSet` JSON, so the
//! service state (a state file, a scenario) holds what the API would list,
//! and reading it back re-runs the same checks as a change batch.

use hickory_proto::rr::{Name, RData, Record, RecordType};
use serde::{Deserialize, Serialize};

use super::model;
use crate::engine::name::format_name;

/// One value: the text as submitted and the record data it parses to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordValue {
    /// The value exactly as given, e.g. `10 mail.example.com`.
    pub text: String,
    /// The parsed record data.
    pub rdata: RData,
}

/// An alias target (API `AliasTarget`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasTarget {
    /// The hosted zone of the target: this zone, or an AWS service's zone.
    pub hosted_zone_id: String,
    /// The target name.
    pub dns_name: Name,
    /// Whether the alias inherits the health of its target.
    pub evaluate_target_health: bool,
}

/// What a record set answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordData {
    /// Ordinary values sharing one TTL (RFC 2181 §5.2).
    Values {
        /// Seconds, 0..=2147483647.
        ttl: u32,
        /// At least one value.
        values: Vec<RecordValue>,
    },
    /// An alias: no TTL of its own (API `TTL`: "omit TTL" for aliases).
    Alias(AliasTarget),
}

/// A failover role (API `ResourceRecordSet.Failover`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FailoverRole {
    /// Answered while healthy.
    Primary,
    /// Answered when the primary is unhealthy.
    Secondary,
}

impl FailoverRole {
    /// `PRIMARY` or `SECONDARY`, as the API spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            FailoverRole::Primary => "PRIMARY",
            FailoverRole::Secondary => "SECONDARY",
        }
    }
}

/// The routing policy of a set. Every policy but `Simple` carries the
/// SetIdentifier that tells the sets of one name and type apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Routing {
    /// One set per name and type.
    Simple,
    /// Chosen with probability weight / sum of weights.
    Weighted {
        /// SetIdentifier.
        set_id: String,
        /// 0..=255.
        weight: u8,
    },
    /// A PRIMARY / SECONDARY pair.
    Failover {
        /// SetIdentifier.
        set_id: String,
        /// The role in the pair.
        role: FailoverRole,
    },
    /// The lowest-latency region wins.
    Latency {
        /// SetIdentifier.
        set_id: String,
        /// An AWS region such as `eu-west-1`.
        region: String,
    },
    /// The smallest matching location wins.
    Geolocation {
        /// SetIdentifier.
        set_id: String,
        /// Continent, or country (and US subdivision).
        location: model::GeoLocation,
    },
    /// Up to eight healthy sets answered together.
    MultiValue {
        /// SetIdentifier.
        set_id: String,
    },
}

impl Routing {
    /// The SetIdentifier, `None` for simple routing.
    pub fn set_id(&self) -> Option<&str> {
        match self {
            Routing::Simple => None,
            Routing::Weighted { set_id, .. }
            | Routing::Failover { set_id, .. }
            | Routing::Latency { set_id, .. }
            | Routing::Geolocation { set_id, .. }
            | Routing::MultiValue { set_id } => Some(set_id),
        }
    }

    /// The policy's name as Route 53 messages word it ("a non weighted rrset").
    pub fn policy_word(&self) -> &'static str {
        match self {
            Routing::Simple => "simple",
            Routing::Weighted { .. } => "weighted",
            Routing::Failover { .. } => "failover",
            Routing::Latency { .. } => "latency",
            Routing::Geolocation { .. } => "geolocation",
            Routing::MultiValue { .. } => "multivalue answer",
        }
    }

    /// True when both are the same policy, whatever their parameters.
    pub fn same_policy(&self, other: &Routing) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// The key of a set in a zone, in the order `ListResourceRecordSets` lists
/// them: "in ASCII order", "first by DNS name with the labels reversed, for
/// example: com.example.www." ("Note the trailing dot, which can change the
/// sort order"), then by type, then by SetIdentifier (API
/// `ListResourceRecordSets`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordKey {
    /// The name's labels in reverse, lowercase, escaped as the API lists them.
    pub sort_name: String,
    /// The type mnemonic.
    pub rtype: String,
    /// The SetIdentifier, empty for simple routing.
    pub set_id: String,
}

impl RecordKey {
    /// The key of `name` / `rtype` / `set_id`.
    pub fn new(name: &Name, rtype: RecordType, set_id: Option<&str>) -> RecordKey {
        // Each escaped label followed by its dot, in reverse: the dot takes
        // part in the ASCII order, so `example-a.com.` (`com.example-a.`)
        // sorts before `example.com.` (`com.example.`).
        let shown = format_name(name);
        let mut sort_name = String::with_capacity(shown.len());
        for label in shown.split_terminator('.').rev() {
            sort_name.push_str(label);
            sort_name.push('.');
        }
        RecordKey {
            sort_name,
            rtype: rtype.to_string(),
            set_id: set_id.unwrap_or_default().to_string(),
        }
    }
}

/// A record set as Route 53 stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    try_from = "model::ResourceRecordSet",
    into = "model::ResourceRecordSet"
)]
pub struct RecordSet {
    /// The owner name, lowercase and fully qualified.
    pub name: Name,
    /// One of A, AAAA, CNAME, MX, TXT, NS, SOA, SRV, CAA, PTR.
    pub rtype: RecordType,
    /// Values with a TTL, or an alias.
    pub data: RecordData,
    /// The routing policy.
    pub routing: Routing,
    /// The health check deciding this set's answers, if any.
    pub health_check_id: Option<String>,
}

impl RecordSet {
    /// A simple set of values; `values` are presentation texts, checked as a
    /// change batch checks them.
    pub fn simple(name: &str, rtype: &str, ttl: u32, values: &[&str]) -> Result<RecordSet, String> {
        let rrs = model::ResourceRecordSet {
            name: Some(name.to_string()),
            rtype: Some(rtype.to_string()),
            ttl: Some(i64::from(ttl)),
            resource_records: Some(
                values
                    .iter()
                    .map(|v| model::ResourceRecord {
                        value: Some((*v).to_string()),
                    })
                    .collect(),
            ),
            ..Default::default()
        };
        RecordSet::try_from(rrs)
    }

    /// The key of this set in its zone.
    pub fn key(&self) -> RecordKey {
        RecordKey::new(&self.name, self.rtype, self.routing.set_id())
    }

    /// The TTL, `None` for an alias.
    pub fn ttl(&self) -> Option<u32> {
        match &self.data {
            RecordData::Values { ttl, .. } => Some(*ttl),
            RecordData::Alias(_) => None,
        }
    }

    /// The values, empty for an alias.
    pub fn values(&self) -> &[RecordValue] {
        match &self.data {
            RecordData::Values { values, .. } => values,
            RecordData::Alias(_) => &[],
        }
    }

    /// The set's hickory records (class IN), for the DNS side. An alias has
    /// none of its own: a lookup answers it with its target's records under
    /// the alias's name (DG `resource-record-sets-choosing-alias-non-alias`).
    pub fn records(&self) -> Vec<Record> {
        match &self.data {
            RecordData::Values { ttl, values } => values
                .iter()
                .map(|v| Record::from_rdata(self.name.clone(), *ttl, v.rdata.clone()))
                .collect(),
            RecordData::Alias(_) => Vec::new(),
        }
    }

    /// The set as the API lists it (`ListResourceRecordSets`).
    pub fn to_model(&self) -> model::ResourceRecordSet {
        let mut out = model::ResourceRecordSet {
            name: Some(format_name(&self.name)),
            rtype: Some(self.rtype.to_string()),
            set_identifier: self.routing.set_id().map(str::to_string),
            health_check_id: self.health_check_id.clone(),
            ..Default::default()
        };
        match &self.routing {
            Routing::Simple => {}
            Routing::Weighted { weight, .. } => out.weight = Some(i64::from(*weight)),
            Routing::Failover { role, .. } => out.failover = Some(role.as_str().to_string()),
            Routing::Latency { region, .. } => out.region = Some(region.clone()),
            Routing::Geolocation { location, .. } => out.geo_location = Some(location.clone()),
            Routing::MultiValue { .. } => out.multi_value_answer = Some(true),
        }
        match &self.data {
            RecordData::Values { ttl, values } => {
                out.ttl = Some(i64::from(*ttl));
                out.resource_records = Some(
                    values
                        .iter()
                        .map(|v| model::ResourceRecord {
                            value: Some(v.text.clone()),
                        })
                        .collect(),
                );
            }
            RecordData::Alias(alias) => {
                out.alias_target = Some(model::AliasTarget {
                    hosted_zone_id: Some(alias.hosted_zone_id.clone()),
                    dns_name: Some(format_name(&alias.dns_name)),
                    evaluate_target_health: Some(alias.evaluate_target_health),
                });
            }
        }
        out
    }
}

impl From<RecordSet> for model::ResourceRecordSet {
    fn from(set: RecordSet) -> Self {
        set.to_model()
    }
}

impl TryFrom<model::ResourceRecordSet> for RecordSet {
    type Error = String;

    /// Runs the change-batch checks of one set (shape, name, values).
    fn try_from(rrs: model::ResourceRecordSet) -> Result<Self, String> {
        super::shape::check_record_set(&rrs, "CREATE", "resourceRecordSet").map_err(|problems| {
            problems
                .iter()
                .map(|p| p.text().to_string())
                .collect::<Vec<_>>()
                .join("; ")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// API `ListResourceRecordSets`: names sort with labels reversed, then
    /// by type, then by SetIdentifier.
    #[test]
    fn keys_sort_as_route53_lists() {
        let key = |n: &str, t: RecordType, s: Option<&str>| {
            let name = crate::engine::name::parse_name(n).unwrap_or_else(|_| Name::root());
            RecordKey::new(&name, t, s)
        };
        let ordered = [
            // The trailing dot sorts after `-` (API `ListResourceRecordSets`).
            key("example-a.com", RecordType::A, None),
            key("example.com", RecordType::NS, None),
            key("example.com", RecordType::SOA, None),
            key("a.example.com", RecordType::A, None),
            key("www.example.com", RecordType::A, Some("a")),
            key("www.example.com", RecordType::A, Some("b")),
            key("www.example.com", RecordType::AAAA, None),
            key("a.www.example.com", RecordType::A, None),
            key("example.org", RecordType::A, None),
        ];
        for pair in ordered.windows(2) {
            assert!(pair[0] < pair[1], "{:?} < {:?}", pair[0], pair[1]);
        }
        assert_eq!(ordered[3].sort_name, "com.example.a.");
    }

    /// RFC 2181 §5.2: one TTL for the set; an alias has no records of its own.
    #[test]
    fn records_share_the_set_ttl() {
        let set = RecordSet::simple("www.example.com", "A", 60, &["192.0.2.1", "192.0.2.2"])
            .unwrap_or_else(|e| panic!("{e}"));
        let records = set.records();
        assert_eq!(records.len(), 2);
        assert!(records.iter().all(|r| r.ttl == 60 && r.name == set.name));
        assert_eq!(records[1].data.to_string(), "192.0.2.2");
    }

    /// The state form is the API form, and reading it re-checks it.
    #[test]
    fn serde_uses_the_api_shape() {
        let set = RecordSet::simple("WWW.example.com", "MX", 300, &["10 Mail.example.com"])
            .unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_value(&set).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({"Name": "www.example.com.", "Type": "MX", "TTL": 300,
                "ResourceRecords": [{"Value": "10 Mail.example.com"}]})
        );
        let back: RecordSet = serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, set);
        let bad = serde_json::json!({"Name": "a.example.com", "Type": "A", "TTL": 1,
            "ResourceRecords": [{"Value": "not-an-ip"}]});
        assert!(serde_json::from_value::<RecordSet>(bad).is_err());
    }
}
