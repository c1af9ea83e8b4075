//! The problems of a change batch as data: which rule was broken, by which
//! change, and Route 53's message. The API answer joins the messages into
//! one InvalidChangeBatch text; an editor can use `change` to highlight the
//! row (DESIGN: "Validation of an edited table collects every issue with
//! its location").

/// A Route 53 rule a change can break (numbers are the reference items).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// A record or alias-target name Route 53 refuses (#18, #26, #27, #31).
    InvalidName,
    /// A value that does not parse for its type (#18, #35).
    InvalidValue,
    /// One value twice in a set (#19).
    DuplicateValue,
    /// A CNAME holds exactly one value (#34).
    CnameSingleValue,
    /// At most 400 values a set (#24).
    TooManyValues,
    /// NS sets cannot be wildcards (#31).
    WildcardNs,
    /// A type the routing policy does not allow (#33, #56).
    TypeNotRoutable,
    /// The name is outside the hosted zone (#14).
    NotInZone,
    /// Two changes to one set in a batch (#9).
    InvalidSetOfChanges,
    /// CREATE of a set that exists (#4).
    CreateExists,
    /// DELETE of a set that does not exist (#5).
    DeleteNotFound,
    /// DELETE whose values differ from the stored ones (#5).
    DeleteMismatch,
    /// A CNAME at the zone apex (#11, #41).
    CnameAtApex,
    /// A CNAME where other records exist (#12).
    CnameConflict,
    /// Other records where a CNAME exists (#13).
    BesideCname,
    /// Two routing policies at one name and type (#20, #47).
    RoutingMix,
    /// Two latency sets for one region (#20, #57).
    DuplicateLatencyRegion,
    /// Two failover sets with one role (#49).
    DuplicateFailoverRole,
    /// Two geolocation sets for one location (#58).
    DuplicateGeoLocation,
    /// An alias into this zone whose target does not exist (#21).
    AliasTargetNotFound,
    /// An alias into this zone whose target is outside it (#21).
    AliasTargetOutsideZone,
    /// The apex keeps exactly one SOA (#15).
    SoaRequired,
    /// The apex keeps its NS set (#15).
    NsRequired,
    /// More than 1,000 records in a batch (#23).
    TooManyRecords,
    /// More than 32,000 value characters in a batch (#23).
    TooManyCharacters,
}

/// One problem of a change batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchProblem {
    /// The change's index in `Changes` (from 0); `None` for batch-wide
    /// problems (limits, the apex SOA/NS check).
    pub change: Option<usize>,
    /// The rule broken.
    pub rule: Rule,
    /// Route 53's message.
    pub message: String,
}
