//! Every message text Route 53 answers with, in one place.
//!
//! Each function cites where its wording comes from: a public report of real
//! AWS output (see `route53-semantics.md` in the shared reference, item
//! numbers `#N`), or "dnsplay wording" where AWS's text is unconfirmed and we
//! picked the closest documented family.

/// `[name='www.example.com.', type='A'(, set-identifier='x')]`, as Route 53
/// names a record set inside "Tried to ..." messages (#4, #5).
pub fn set_ref(name: &str, rtype: &str, set_id: Option<&str>) -> String {
    match set_id {
        Some(id) => format!("[name='{name}', type='{rtype}', set-identifier='{id}']"),
        None => format!("[name='{name}', type='{rtype}']"),
    }
}

/// CREATE of a set that exists (#4, real AWS).
pub fn create_exists(set: &str) -> String {
    format!("Tried to create resource record set {set} but it already exists")
}

/// DELETE of a set that does not exist (#5, real AWS).
pub fn delete_not_found(set: &str) -> String {
    format!("Tried to delete resource record set {set} but it was not found")
}

/// DELETE whose attributes differ from the stored set (#5, real AWS).
pub fn delete_mismatch(set: &str) -> String {
    format!(
        "Tried to delete resource record set {set} but the values provided do not match the current values"
    )
}

/// CNAME (plain or alias) at the zone apex (#11, #41, real AWS).
pub fn cname_at_apex(name: &str, zone: &str) -> String {
    format!("RRSet of type CNAME with DNS name {name} is not permitted at apex in zone {zone}")
}

/// CNAME added where other data exists (#12, real AWS).
pub fn cname_conflicts(name: &str, zone: &str) -> String {
    format!(
        "RRSet of type CNAME with DNS name {name} is not permitted as it conflicts with other records with the same DNS name in zone {zone}"
    )
}

/// Other data added where a CNAME exists (#13; the 2024 wording, one space
/// before `CNAME`).
pub fn beside_cname(rtype: &str, name: &str, zone: &str) -> String {
    format!(
        "RRSet of type {rtype} with DNS name {name} is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone {zone}"
    )
}

/// Two changes to one set in a batch (#9, real AWS).
pub fn invalid_set_of_changes(rtype: &str, name: &str) -> String {
    format!(
        "The request contains an invalid set of changes for a resource record set '{rtype} {name}'"
    )
}

/// A name outside the hosted zone (#14, real AWS).
pub fn not_in_zone(name: &str, zone: &str) -> String {
    format!("RRSet with DNS name {name} is not permitted in zone {zone}")
}

/// The apex SOA is deleted (#15, real AWS).
pub const SOA_REQUIRED: &str = "A HostedZone must contain exactly one SOA record.";

/// The apex NS set is deleted (#15, real AWS).
pub const NS_REQUIRED: &str =
    "A HostedZone must contain at least one NS record for the zone itself.";

/// A value that does not parse for its type (#18): AWS wraps the FATAL
/// problem in quotes, which leaves the doubled quote at the end.
pub fn invalid_resource_record(problem: &str) -> String {
    format!("Invalid Resource Record: '{problem}'")
}

/// The "FATAL problem" family of Route 53's value and name checker (#18).
pub fn fatal(code: &str, description: &str, value: &str) -> String {
    format!("FATAL problem: {code} ({description}) encountered with '{value}'")
}

/// One value twice in a set (#19, real AWS).
pub fn duplicate_value(value: &str) -> String {
    format!("Duplicate Resource Record: '{value}'")
}

/// A simple set where routed sets exist at the same name and type (#20, real AWS).
pub fn simple_beside_routed(name: &str, rtype: &str) -> String {
    format!(
        "RRSet with DNS name {name}, type {rtype} cannot be created as other RRSets exist with the same name and type."
    )
}

/// A routed set where a set of another policy exists (#20: real AWS for
/// "multivalue answer"; the other policy words are dnsplay wording).
pub fn routed_beside_other(name: &str, rtype: &str, set_id: &str, policy: &str) -> String {
    format!(
        "RRSet with DNS name {name}, type {rtype}, SetIdentifier \"{set_id}\" cannot be created because a non {policy} rrset exists with the same name and type."
    )
}

/// Two latency sets for one region (#20, real AWS).
pub fn latency_region_taken(name: &str, rtype: &str, set_id: &str, region: &str) -> String {
    format!(
        "RRSet with DNS name {name}, type {rtype}, SetIdentifier {set_id}, and Region Name={region} cannot be created because a latency RRSet with the same name, type and region already exists."
    )
}

/// Two failover sets with one role (dnsplay wording, after the latency one).
pub fn failover_role_taken(name: &str, rtype: &str, set_id: &str, role: &str) -> String {
    format!(
        "RRSet with DNS name {name}, type {rtype}, SetIdentifier {set_id}, and Failover {role} cannot be created because a failover RRSet with the same name, type and role already exists."
    )
}

/// Two geolocation sets for one location (dnsplay wording, after the latency one; DG
/// `resource-record-sets-values-geo`: "You can't create two geolocation
/// resource record sets that specify the same geographic location").
pub fn geo_location_taken(name: &str, rtype: &str, set_id: &str, location: &str) -> String {
    format!(
        "RRSet with DNS name {name}, type {rtype}, SetIdentifier {set_id}, and GeoLocation {location} cannot be created because a geolocation RRSet with the same name, type and location already exists."
    )
}

/// A CNAME with more than one value (#34; dnsplay wording, AWS's unconfirmed).
pub fn cname_single_value(name: &str) -> String {
    format!("RRSet of type CNAME with DNS name {name} must contain exactly one resource record.")
}

/// More than 400 values in one set (#24; dnsplay wording).
pub fn too_many_values(name: &str, rtype: &str) -> String {
    format!(
        "RRSet with DNS name {name}, type {rtype} exceeds the limit of 400 resource records per record set."
    )
}

/// More than 1,000 ResourceRecord elements in a batch (#23; moto's wording,
/// AWS's unconfirmed).
pub const TOO_MANY_RECORDS: &str = "Number of records limit of 1000 exceeded.";

/// More than 32,000 value characters in a batch (#23; dnsplay wording after
/// moto's record limit message).
pub const TOO_MANY_CHARACTERS: &str = "Number of characters in values limit of 32000 exceeded.";

/// `*` as the name of an NS set (#31; dnsplay wording).
pub fn wildcard_ns(name: &str) -> String {
    format!(
        "RRSet of type NS with DNS name {name} is not permitted: NS records cannot be wildcards"
    )
}

/// A type that a routing policy does not allow (#33; dnsplay wording).
pub fn type_not_routable(name: &str, rtype: &str, policy: &str) -> String {
    format!(
        "RRSet with DNS name {name}, type {rtype} cannot be created with the {policy} routing policy"
    )
}

/// The InvalidChangeBatch body: every problem, comma-separated, in brackets (#10).
pub fn change_batch(problems: &[String]) -> String {
    format!("[{}]", problems.join(", "))
}

/// `Change with [Action=…, Name=…, Type=…, SetIdentifier=…]` as InvalidInput
/// messages describe a change (#16, #17; the name as given).
pub fn change_ref(action: &str, name: &str, rtype: &str, set_id: Option<&str>) -> String {
    format!(
        "Change with [Action={action}, Name={name}, Type={rtype}, SetIdentifier={}]",
        set_id.unwrap_or("null")
    )
}

/// Neither or both of alias and TTL+values (#16, real AWS for "none").
pub fn expected_data(found: &str, change: &str) -> String {
    format!(
        "Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found {found} in {change}"
    )
}

/// SetIdentifier without exactly one routing field (#17, real AWS 2020 wording).
pub fn expected_policy(found: &str, change: &str) -> String {
    format!(
        "Invalid request: Expected exactly one of [Weight, Region, Failover, GeoLocation, or MultiValueAnswer], but found {found} in {change}"
    )
}

/// A routing field without SetIdentifier (#17, real AWS).
pub fn missing_field(field: &str, change: &str) -> String {
    format!("Invalid request: Missing field '{field}' in {change}")
}

/// A field AWS accepts but dnsplay does not simulate (dnsplay wording).
pub fn unsupported(what: &str) -> String {
    format!("Invalid request: dnsplay does not simulate {what}")
}

/// The request body did not fit the API's shape (dnsplay wording; the AWS
/// CLI normally rejects such input before sending it).
pub fn malformed(detail: &str) -> String {
    format!("Invalid request: {detail}")
}

/// A value outside an enumeration, as Route 53's XML schema check words it
/// (#22, observed on LocalStack; AWS wording unconfirmed).
pub fn not_in_enum(value: &str, allowed: &str) -> String {
    format!(
        "Invalid XML ; cvc-enumeration-valid: Value '{value}' is not facet-valid with respect to enumeration '[{allowed}]'."
    )
}

/// One constraint violation in AWS's validation-error family, e.g.
/// `Value '256' at 'changeBatch.changes.1.member.resourceRecordSet.weight'
/// failed to satisfy constraint: Member must have value less than or equal to 255`.
pub fn constraint(value: &str, path: &str, constraint: &str) -> String {
    format!("Value '{value}' at '{path}' failed to satisfy constraint: {constraint}")
}

/// `N validation error(s) detected: a; b`, the InvalidInput body for
/// constraint violations.
pub fn validation_errors(errors: &[String]) -> String {
    let n = errors.len();
    let noun = if n == 1 { "error" } else { "errors" };
    format!("{n} validation {noun} detected: {}", errors.join("; "))
}

/// NoSuchHostedZone (#22, as moto and AWS word it).
pub fn no_such_hosted_zone(id: &str) -> String {
    format!("No hosted zone found with ID: {id}")
}

/// NoSuchHealthCheck (dnsplay wording, AWS's unconfirmed).
pub fn no_such_health_check(id: &str) -> String {
    format!("A health check with id {id} does not exist.")
}

/// NoSuchChange (API `GetChange`).
pub fn no_such_change(id: &str) -> String {
    format!("A change with the specified change ID does not exist: {id}")
}

/// HostedZoneAlreadyExists (API `CreateHostedZone` error description).
pub fn hosted_zone_exists(caller_reference: &str) -> String {
    format!(
        "A hosted zone has already been created with the specified caller reference: {caller_reference}"
    )
}

/// HostedZoneNotEmpty (API `DeleteHostedZone`).
pub const HOSTED_ZONE_NOT_EMPTY: &str =
    "The specified hosted zone contains non-required resource record sets and so cannot be deleted.";

/// InvalidDomainName for a zone name (API `CreateHostedZone`; #31 forbids a
/// leading `*`).
pub fn invalid_domain_name(name: &str) -> String {
    format!("{name} is reserved by AWS or is not a valid domain name")
}

/// InvalidAction for an operation the service does not know.
pub fn invalid_action(operation: &str) -> String {
    format!("dnsplay's route53 does not implement the operation {operation}")
}

/// An alias into this zone whose target has no set of the alias's type
/// (#21, real AWS).
pub fn alias_target_not_found(target: &str, rtype: &str, zone_id: &str) -> String {
    format!(
        "Tried to create an alias that targets {target}, type {rtype} in zone {zone_id}, but that target was not found"
    )
}

/// An alias into this zone whose target name is outside it (#21, real AWS).
pub fn alias_target_outside_zone(target: &str, rtype: &str, zone_id: &str) -> String {
    format!(
        "Tried to create an alias that targets {target}, type {rtype} in zone {zone_id}, but the alias target name does not lie within the target zone"
    )
}

/// HealthCheckAlreadyExists (API `CreateHealthCheck` error description:
/// the same CallerReference with other settings, or a deleted check's).
pub fn health_check_exists(caller_reference: &str) -> String {
    format!(
        "A health check has already been created with the specified caller reference: {caller_reference}"
    )
}

/// HealthCheckInUse for a check a record set names. The API reference
/// describes the error ("The health check ID for this health check is
/// referenced in the HealthCheckId element in one of the resource record
/// sets in one of the hosted zones that are owned by the current AWS
/// account"); the live wording is unconfirmed, so dnsplay adds the record.
pub fn health_check_in_use(id: &str, set: &str) -> String {
    format!(
        "The health check ID for this health check is referenced in the HealthCheckId element in one of the resource record sets in one of the hosted zones that are owned by the current AWS account: health check {id} is used by {set}"
    )
}

/// HealthCheckInUse for a child of a calculated check (dnsplay wording).
pub fn health_check_is_child(id: &str, parent: &str) -> String {
    format!("Health check {id} is still referenced from parent health check {parent}.")
}

/// A calculated child that is itself calculated: "A calculated health
/// check can't monitor other calculated health checks" (DG
/// `health-checks-creating-values`; exact API wording unconfirmed).
pub fn calculated_child(child: &str) -> String {
    format!("Invalid parameter : Child health check {child} is a calculated health check; a calculated health check can't monitor other calculated health checks.")
}

/// A `ListHealthChecks` `Marker` that names no health check (dnsplay
/// wording; AWS's is unconfirmed).
pub fn unknown_marker(marker: &str) -> String {
    format!("Invalid request: the marker {marker} does not identify a health check")
}
