//! Every message a health-check configuration can be rejected with, in one
//! place, so wording fixes happen once.
//!
//! Only [`TCP_IP_AND_FQDN`] is AWS's wording seen verbatim
//! (aws/aws-sdk-php#1527). The range and length messages follow botocore's
//! client-side validation (`botocore/validate.py`, seen verbatim for TTL in
//! the reference notes, A.25). The rest follow Route 53's `Invalid parameter
//! : ...` style (aws/aws-sdk-php#1528); their exact wording is unconfirmed.

/// `IPAddress` and `FullyQualifiedDomainName` both given on a TCP check.
pub const TCP_IP_AND_FQDN: &str =
    "TCP health checks that have IP address must not have a fully qualified domain name specified.";

/// botocore's range check (`valid min value` / `valid max value`).
pub fn out_of_range(param: &str, value: i64, min: i64, max: i64) -> String {
    if value < min {
        format!("Invalid value for parameter HealthCheckConfig.{param}, value: {value}, valid min value: {min}")
    } else {
        format!("Invalid value for parameter HealthCheckConfig.{param}, value: {value}, valid max value: {max}")
    }
}

/// botocore's length check.
pub fn too_long(param: &str, len: usize, max: usize) -> String {
    format!("Invalid length for parameter HealthCheckConfig.{param}, value: {len}, valid max length: {max}")
}

/// botocore's minimum length check.
pub fn too_short(param: &str, len: usize, min: usize) -> String {
    format!("Invalid length for parameter HealthCheckConfig.{param}, value: {len}, valid min length: {min}")
}

/// An endpoint check with neither an address nor a name.
pub const NO_ENDPOINT: &str =
    "Invalid parameter : Either IPAddress or FullyQualifiedDomainName must be specified.";

/// A TCP check without a port (there is no default for TCP).
pub const TCP_NEEDS_PORT: &str =
    "Invalid parameter : TCP health checks must have a port specified.";

/// A string-matching check without `SearchString`.
pub const STR_MATCH_NEEDS_SEARCH: &str =
    "Invalid parameter : String matching health checks must have a search string specified.";

/// `SearchString` on a check that does not match strings.
pub const SEARCH_ONLY_FOR_STR_MATCH: &str =
    "Invalid parameter : Basic health checks must not have a search string specified.";

/// `ResourcePath` on a TCP check.
pub const TCP_NO_PATH: &str =
    "Invalid parameter : TCP health checks must not have a resource path specified.";

/// `RequestInterval` other than 10 or 30.
pub const REQUEST_INTERVAL: &str = "Invalid parameter : RequestInterval must be either 10 or 30.";

/// A calculated check without children.
pub const CALCULATED_NEEDS_CHILDREN: &str =
    "Invalid parameter : Calculated health checks must have child health checks specified.";

/// A calculated check given endpoint fields.
pub fn calculated_field(field: &str) -> String {
    format!("Invalid parameter : Calculated health checks must not have {field} specified.")
}

/// `ChildHealthChecks` or `HealthThreshold` on a non-calculated check.
pub fn only_calculated(field: &str) -> String {
    format!("Invalid parameter : Only calculated health checks may have {field} specified.")
}

/// Not an IPv4 or IPv6 address.
pub fn bad_ip(value: &str) -> String {
    format!("Invalid parameter : IP address '{value}' is not a valid IPv4 or IPv6 address.")
}

/// A region outside the `HealthCheckRegion` enumeration, in the schema
/// validator's style (reference notes A.22).
pub fn bad_region(value: &str, allowed: &[&str]) -> String {
    format!(
        "Invalid XML ; cvc-enumeration-valid: Value '{value}' is not facet-valid with respect to enumeration '[{}]'.",
        allowed.join(", ")
    )
}

/// The same region listed twice.
pub fn duplicate_region(value: &str) -> String {
    format!("Invalid parameter : Region '{value}' is specified more than once.")
}

/// A check type the playground does not simulate.
pub fn unsupported_type(kind: &str) -> String {
    format!("The playground does not simulate {kind} health checks; use HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH, TCP or CALCULATED.")
}
