//! The botocore input shapes of the structure parameters the console
//! accepts, and botocore's client-side parameter validation
//! (`botocore/validate.py`) over them.
//!
//! botocore checks only types, required members, unknown members and the
//! model's `min` constraints before sending a request; everything else
//! (`max`, enums, DNS rules) is the service's job. Members and minimums
//! below are those of the Route 53 model
//! (`botocore/data/route53/2013-04-01/service-2.json`).

use serde_json::Value;

use crate::console::output::py_repr;

/// A botocore shape, reduced to what validation needs.
#[derive(Debug)]
pub enum Shape {
    /// A string with the model's `min` length.
    Str {
        /// Minimum length in characters.
        min: usize,
    },
    /// An integer (`long` or `integer`) with the model's `min` value.
    Long {
        /// Minimum value, if the model gives one.
        min: Option<i64>,
    },
    /// A boolean.
    Bool,
    /// A list with the model's `min` length.
    List {
        /// The element shape.
        member: &'static Shape,
        /// Minimum number of elements.
        min: usize,
    },
    /// A structure: its members in model order.
    Struct(&'static [Member]),
}

/// A member of a structure.
#[derive(Debug)]
pub struct Member {
    /// The PascalCase name.
    pub name: &'static str,
    /// Its shape.
    pub shape: &'static Shape,
    /// Listed in the structure's `required`.
    pub required: bool,
}

const fn m(name: &'static str, shape: &'static Shape, required: bool) -> Member {
    Member {
        name,
        shape,
        required,
    }
}

const STR: Shape = Shape::Str { min: 0 };
const STR1: Shape = Shape::Str { min: 1 };
const STR2: Shape = Shape::Str { min: 2 };
const BOOL: Shape = Shape::Bool;

const RESOURCE_RECORD: Shape = Shape::Struct(&[m("Value", &STR, true)]);
const GEO_LOCATION: Shape = Shape::Struct(&[
    m("ContinentCode", &STR2, false),
    m("CountryCode", &STR1, false),
    m("SubdivisionCode", &STR1, false),
]);
const ALIAS_TARGET: Shape = Shape::Struct(&[
    m("HostedZoneId", &STR, true),
    m("DNSName", &STR, true),
    m("EvaluateTargetHealth", &BOOL, true),
]);
const CIDR_ROUTING_CONFIG: Shape = Shape::Struct(&[
    m("CollectionId", &STR, true),
    m("LocationName", &STR1, true),
]);
const COORDINATES: Shape =
    Shape::Struct(&[m("Latitude", &STR1, true), m("Longitude", &STR1, true)]);
const GEO_PROXIMITY: Shape = Shape::Struct(&[
    m("AWSRegion", &STR1, false),
    m("LocalZoneGroup", &STR1, false),
    m("Coordinates", &COORDINATES, false),
    m("Bias", &Shape::Long { min: None }, false),
]);
const RESOURCE_RECORD_SET: Shape = Shape::Struct(&[
    m("Name", &STR, true),
    m("Type", &STR, true),
    m("SetIdentifier", &STR1, false),
    m("Weight", &Shape::Long { min: Some(0) }, false),
    m("Region", &STR1, false),
    m("GeoLocation", &GEO_LOCATION, false),
    m("Failover", &STR, false),
    m("MultiValueAnswer", &BOOL, false),
    m("TTL", &Shape::Long { min: Some(0) }, false),
    m(
        "ResourceRecords",
        &Shape::List {
            member: &RESOURCE_RECORD,
            min: 1,
        },
        false,
    ),
    m("AliasTarget", &ALIAS_TARGET, false),
    m("HealthCheckId", &STR, false),
    m("TrafficPolicyInstanceId", &STR1, false),
    m("CidrRoutingConfig", &CIDR_ROUTING_CONFIG, false),
    m("GeoProximityLocation", &GEO_PROXIMITY, false),
]);
const CHANGE: Shape = Shape::Struct(&[
    m("Action", &STR, true),
    m("ResourceRecordSet", &RESOURCE_RECORD_SET, true),
]);

/// `ChangeBatch` of ChangeResourceRecordSets.
pub const CHANGE_BATCH: Shape = Shape::Struct(&[
    m("Comment", &STR, false),
    m(
        "Changes",
        &Shape::List {
            member: &CHANGE,
            min: 1,
        },
        true,
    ),
]);

/// `HostedZoneConfig` of CreateHostedZone.
pub const HOSTED_ZONE_CONFIG: Shape =
    Shape::Struct(&[m("Comment", &STR, false), m("PrivateZone", &BOOL, false)]);

/// `VPC` of CreateHostedZone.
pub const VPC: Shape = Shape::Struct(&[m("VPCRegion", &STR1, false), m("VPCId", &STR, false)]);

const REGION_LIST: Shape = Shape::List {
    member: &STR1,
    min: 3,
};
const ALARM_IDENTIFIER: Shape = Shape::Struct(&[m("Region", &STR1, true), m("Name", &STR1, true)]);

/// `HealthCheckConfig` of CreateHealthCheck. Only `Type` is required by
/// the model; Port (1), RequestInterval (10), FailureThreshold (1),
/// HealthThreshold (0) and Regions (3 items) carry the minimums botocore
/// checks before sending. Maximums and the type-dependent rules
/// (SearchString only for `*_STR_MATCH`, ...) are the service's
/// (`engine::health::validate`).
pub const HEALTH_CHECK_CONFIG: Shape = Shape::Struct(&[
    m("IPAddress", &STR, false),
    m("Port", &Shape::Long { min: Some(1) }, false),
    m("Type", &STR, true),
    m("ResourcePath", &STR, false),
    m("FullyQualifiedDomainName", &STR, false),
    m("SearchString", &STR, false),
    m("RequestInterval", &Shape::Long { min: Some(10) }, false),
    m("FailureThreshold", &Shape::Long { min: Some(1) }, false),
    m("MeasureLatency", &BOOL, false),
    m("Inverted", &BOOL, false),
    m("Disabled", &BOOL, false),
    m("HealthThreshold", &Shape::Long { min: Some(0) }, false),
    m(
        "ChildHealthChecks",
        &Shape::List {
            member: &STR,
            min: 0,
        },
        false,
    ),
    m("EnableSNI", &BOOL, false),
    m("Regions", &REGION_LIST, false),
    m("AlarmIdentifier", &ALARM_IDENTIFIER, false),
    m("InsufficientDataHealthStatus", &STR, false),
    m("RoutingControlArn", &STR1, false),
]);

/// Python's `type()` of a value parsed by the CLI (`json.loads` with
/// `object_pairs_hook=OrderedDict`), as botocore prints it.
fn py_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if n.is_i64() || n.is_u64() => "<class 'int'>",
        Value::Number(_) => "<class 'float'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'collections.OrderedDict'>",
    }
}

/// Validates `value` against `shape` as botocore does, appending one line
/// per problem to `errors` (botocore reports all of them together).
pub fn validate(value: &Value, shape: &Shape, name: &str, errors: &mut Vec<String>) {
    // botocore formats the value with `%s`: `str()` of a string is the
    // bare text, of a container the repr of its contents.
    let shown = match value {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    };
    let invalid_type = |valid: &str, errors: &mut Vec<String>| {
        errors.push(format!(
            "Invalid type for parameter {name}, value: {shown}, type: {}, valid types: {valid}",
            py_type(value)
        ))
    };
    match shape {
        Shape::Str { min } => match value {
            Value::String(s) => {
                let len = s.chars().count();
                if len < *min {
                    errors.push(format!(
                        "Invalid length for parameter {name}, value: {len}, valid min length: {min}"
                    ));
                }
            }
            _ => invalid_type("<class 'str'>", errors),
        },
        Shape::Long { min } => match value.as_i64() {
            Some(n) => {
                if let Some(min) = min.filter(|min| n < *min) {
                    errors.push(format!(
                        "Invalid value for parameter {name}, value: {n}, valid min value: {min}"
                    ));
                }
            }
            None => invalid_type("<class 'int'>", errors),
        },
        Shape::Bool => {
            if !value.is_boolean() {
                invalid_type("<class 'bool'>", errors);
            }
        }
        Shape::List { member, min } => match value {
            Value::Array(items) => {
                if items.len() < *min {
                    errors.push(format!(
                        "Invalid length for parameter {name}, value: {}, valid min length: {min}",
                        items.len()
                    ));
                }
                for (i, item) in items.iter().enumerate() {
                    validate(item, member, &format!("{name}[{i}]"), errors);
                }
            }
            _ => invalid_type("<class 'list'>, <class 'tuple'>", errors),
        },
        Shape::Struct(members) => {
            let Value::Object(map) = value else {
                invalid_type("<class 'dict'>", errors);
                return;
            };
            for mem in members.iter().filter(|m| m.required) {
                if !map.contains_key(mem.name) {
                    errors.push(format!(
                        "Missing required parameter in {name}: \"{}\"",
                        mem.name
                    ));
                }
            }
            let valid: Vec<&str> = members.iter().map(|m| m.name).collect();
            for key in map.keys() {
                if !valid.contains(&key.as_str()) {
                    errors.push(format!(
                        "Unknown parameter in {name}: \"{key}\", must be one of: {}",
                        valid.join(", ")
                    ));
                }
            }
            for (key, v) in map {
                if let Some(mem) = members.iter().find(|m| m.name == key) {
                    validate(v, mem.shape, &format!("{name}.{key}"), errors);
                }
            }
        }
    }
}

/// The members of a structure shape (empty for other shapes).
pub fn members(shape: &Shape) -> &'static [Member] {
    match shape {
        Shape::Struct(m) => m,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(v: Value) -> Vec<String> {
        let mut errors = Vec::new();
        validate(&v, &CHANGE_BATCH, "ChangeBatch", &mut errors);
        errors
    }

    #[test]
    fn botocore_validation_messages() {
        let ok = json!({"Changes": [{"Action": "CREATE", "ResourceRecordSet": {
            "Name": "a.example.com", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}}]});
        assert_eq!(check(ok), Vec::<String>::new());
        let cases: &[(Value, &[&str])] = &[
            // Model: ChangeBatch.Changes min 1.
            (json!({"Changes": []}), &["Invalid length for parameter ChangeBatch.Changes, value: 0, valid min length: 1"]),
            (json!({}), &["Missing required parameter in ChangeBatch: \"Changes\""]),
            // botocore rejects TTL -1 client-side (route53-semantics #25).
            (
                json!({"Changes": [{"Action": "CREATE", "ResourceRecordSet": {"Name": "a", "Type": "A", "TTL": -1}}]}),
                &["Invalid value for parameter ChangeBatch.Changes[0].ResourceRecordSet.TTL, value: -1, valid min value: 0"],
            ),
            (
                json!({"Changes": [{"Action": "CREATE", "ResourceRecordSet": {"Name": "a", "Type": "A", "TTL": "60"}}]}),
                &["Invalid type for parameter ChangeBatch.Changes[0].ResourceRecordSet.TTL, value: 60, type: <class 'str'>, valid types: <class 'int'>"],
            ),
            (
                json!({"Changes": [{"ResourceRecordSet": {"Name": "a", "Typ": "A"}}]}),
                &[
                    "Missing required parameter in ChangeBatch.Changes[0]: \"Action\"",
                    "Missing required parameter in ChangeBatch.Changes[0].ResourceRecordSet: \"Type\"",
                    "Unknown parameter in ChangeBatch.Changes[0].ResourceRecordSet: \"Typ\", must be one of: Name, Type, SetIdentifier, Weight, Region, GeoLocation, Failover, MultiValueAnswer, TTL, ResourceRecords, AliasTarget, HealthCheckId, TrafficPolicyInstanceId, CidrRoutingConfig, GeoProximityLocation",
                ],
            ),
            (
                json!({"Changes": {"Action": "CREATE"}}),
                &["Invalid type for parameter ChangeBatch.Changes, value: {'Action': 'CREATE'}, type: <class 'collections.OrderedDict'>, valid types: <class 'list'>, <class 'tuple'>"],
            ),
            (
                json!({"Changes": [{"Action": "CREATE", "ResourceRecordSet": {"Name": "a", "Type": "A",
                    "AliasTarget": {"HostedZoneId": "Z", "DNSName": "d", "EvaluateTargetHealth": "false"}}}]}),
                &["Invalid type for parameter ChangeBatch.Changes[0].ResourceRecordSet.AliasTarget.EvaluateTargetHealth, value: false, type: <class 'str'>, valid types: <class 'bool'>"],
            ),
        ];
        for (v, want) in cases {
            assert_eq!(check(v.clone()), *want, "{v}");
        }
    }
}
