//! [`ZoneError`]: why records cannot form a zone (BIND refuses to load it).

use std::fmt;

use hickory_proto::rr::RecordType;

/// Why a set of records cannot form a zone. BIND refuses to load a zone
/// file with these problems, so the snapshot does too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneError {
    /// A record's owner is not at or below the origin (RFC 1034 §4.2.1).
    OutOfZone {
        /// The offending owner name.
        name: String,
        /// The zone's origin.
        origin: String,
    },
    /// CNAME beside other data at one name (RFC 1034 §3.6.2, RFC 2181 §10.1).
    CnameAndOtherData {
        /// The owner name holding both.
        name: String,
    },
    /// The apex has no SOA record (RFC 1035 §5.2: a zone starts at its SOA).
    MissingSoa {
        /// The zone's origin.
        origin: String,
    },
    /// An SOA record somewhere other than the apex.
    SoaNotAtApex {
        /// The owner name of the stray SOA.
        name: String,
    },
    /// NS records at a wildcard name. RFC 4592 §4.2 calls it undefined;
    /// BIND refuses the zone ("invalid NS owner name (wildcard)") and
    /// Route 53 refuses wildcard NS records (DG `DomainNameFormat`).
    WildcardNs {
        /// The wildcard owner name.
        name: String,
    },
    /// More than one SOA record at the apex.
    MultipleSoa,
    /// An alias and plain records of the same name and type.
    AliasConflict {
        /// The owner name.
        name: String,
        /// The type given twice.
        rtype: RecordType,
    },
}

impl fmt::Display for ZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZoneError::OutOfZone { name, origin } => {
                write!(f, "RFC 1034 §4.2.1: {name} is not in zone {origin}")
            }
            ZoneError::CnameAndOtherData { name } => write!(
                f,
                "RFC 1034 §3.6.2 / RFC 2181 §10.1: {name} has a CNAME and other data"
            ),
            ZoneError::MissingSoa { origin } => {
                write!(
                    f,
                    "RFC 1035 §5.2: zone {origin} has no SOA record at its apex"
                )
            }
            ZoneError::SoaNotAtApex { name } => {
                write!(
                    f,
                    "RFC 1035 §5.2: SOA record at {name}, which is not the zone apex"
                )
            }
            ZoneError::WildcardNs { name } => {
                write!(f, "RFC 4592 §4.2: NS records at the wildcard name {name}")
            }
            ZoneError::MultipleSoa => write!(f, "RFC 1035 §5.2: more than one SOA record"),
            ZoneError::AliasConflict { name, rtype } => write!(
                f,
                "Route 53 alias: {name} {rtype} is both an alias and a plain record set"
            ),
        }
    }
}

impl std::error::Error for ZoneError {}
