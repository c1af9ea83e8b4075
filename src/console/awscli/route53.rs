//! The `aws route53` operations the console knows: their options, how each
//! maps to a member of the botocore input shape, and client-side id
//! handling.

use serde_json::{Map, Value};

use super::params::{paramfile_error, parse_structure};
use super::shapes::{self, Shape};

/// How an option's text becomes a parameter value.
#[derive(Debug)]
pub enum Kind {
    /// A string, passed as typed.
    Str,
    /// A Route 53 id: botocore's `fix_route53_ids` handler keeps only the
    /// text after the last `/` (`/hostedzone/Z1` → `Z1`, `/change/C1` →
    /// `C1`) for members of shape ResourceId, DelegationSetId, ChangeId.
    Id,
    /// A structure: JSON or shorthand, validated against the shape.
    Struct(&'static Shape),
    /// The CLI's own `--max-items` (a total over all pages).
    MaxItems,
    /// The CLI's `--page-size`: the API's limit key per request.
    PageSize,
    /// The CLI's `--starting-token`: a `NextToken` from an earlier output.
    StartingToken,
}

/// One option of an operation.
#[derive(Debug)]
pub struct ParamSpec {
    /// The option as typed, `--hosted-zone-id`.
    pub cli: &'static str,
    /// The input member it sets, `HostedZoneId` (empty for pagination
    /// options, which the CLI consumes itself).
    pub member: &'static str,
    /// How its value is read.
    pub kind: Kind,
    /// Whether argparse requires it.
    pub required: bool,
}

/// A botocore paginator (`paginators-1.json`).
#[derive(Debug)]
pub struct Paginator {
    /// The list that is gathered across pages.
    pub result_key: &'static str,
    /// Request members that continue a listing.
    pub input_tokens: &'static [&'static str],
    /// Response members that feed `input_tokens`, in the same order.
    pub output_tokens: &'static [&'static str],
    /// The response flag saying more pages exist.
    pub more_results: &'static str,
    /// The request member limiting one page.
    pub limit_key: &'static str,
}

/// One operation.
#[derive(Debug)]
pub struct OpSpec {
    /// The CLI name, `change-resource-record-sets`.
    pub cli: &'static str,
    /// The API name, `ChangeResourceRecordSets`.
    pub api: &'static str,
    /// Its options, in the order the CLI's help lists them.
    pub params: &'static [ParamSpec],
    /// Present when the CLI paginates the operation.
    pub paginator: Option<&'static Paginator>,
    /// One line for `aws route53 help`.
    pub summary: &'static str,
}

const fn p(cli: &'static str, member: &'static str, kind: Kind, required: bool) -> ParamSpec {
    ParamSpec {
        cli,
        member,
        kind,
        required,
    }
}

/// Added by the CLI to every paginated operation (awscli
/// `customizations/paginate.py`).
static PAGINATION_PARAMS: [ParamSpec; 3] = [
    p("--starting-token", "", Kind::StartingToken, false),
    p("--page-size", "", Kind::PageSize, false),
    p("--max-items", "", Kind::MaxItems, false),
];

static LIST_HOSTED_ZONES_PAGES: Paginator = Paginator {
    result_key: "HostedZones",
    input_tokens: &["Marker"],
    output_tokens: &["NextMarker"],
    more_results: "IsTruncated",
    limit_key: "MaxItems",
};

static LIST_RRSETS_PAGES: Paginator = Paginator {
    result_key: "ResourceRecordSets",
    input_tokens: &[
        "StartRecordName",
        "StartRecordType",
        "StartRecordIdentifier",
    ],
    output_tokens: &["NextRecordName", "NextRecordType", "NextRecordIdentifier"],
    more_results: "IsTruncated",
    limit_key: "MaxItems",
};

/// Every operation, sorted by CLI name (the order the CLI lists choices).
pub static OPERATIONS: &[OpSpec] = &[
    OpSpec {
        cli: "change-resource-record-sets",
        api: "ChangeResourceRecordSets",
        params: &[
            p("--hosted-zone-id", "HostedZoneId", Kind::Id, true),
            p(
                "--change-batch",
                "ChangeBatch",
                Kind::Struct(&shapes::CHANGE_BATCH),
                true,
            ),
        ],
        paginator: None,
        summary: "Creates, changes, or deletes resource record sets (one atomic batch).",
    },
    OpSpec {
        cli: "create-hosted-zone",
        api: "CreateHostedZone",
        params: &[
            p("--name", "Name", Kind::Str, true),
            p("--vpc", "VPC", Kind::Struct(&shapes::VPC), false),
            p("--caller-reference", "CallerReference", Kind::Str, true),
            p(
                "--hosted-zone-config",
                "HostedZoneConfig",
                Kind::Struct(&shapes::HOSTED_ZONE_CONFIG),
                false,
            ),
            p("--delegation-set-id", "DelegationSetId", Kind::Id, false),
        ],
        paginator: None,
        summary: "Creates a hosted zone with its SOA and NS records.",
    },
    OpSpec {
        cli: "delete-hosted-zone",
        api: "DeleteHostedZone",
        params: &[p("--id", "Id", Kind::Id, true)],
        paginator: None,
        summary: "Deletes a hosted zone that holds only its SOA and NS records.",
    },
    OpSpec {
        cli: "get-change",
        api: "GetChange",
        params: &[p("--id", "Id", Kind::Id, true)],
        paginator: None,
        summary: "Shows whether a change is PENDING or INSYNC.",
    },
    OpSpec {
        cli: "get-hosted-zone",
        api: "GetHostedZone",
        params: &[p("--id", "Id", Kind::Id, true)],
        paginator: None,
        summary: "Shows a hosted zone and its name servers.",
    },
    OpSpec {
        cli: "list-hosted-zones",
        api: "ListHostedZones",
        params: &[
            p("--delegation-set-id", "DelegationSetId", Kind::Id, false),
            p("--hosted-zone-type", "HostedZoneType", Kind::Str, false),
        ],
        paginator: Some(&LIST_HOSTED_ZONES_PAGES),
        summary: "Lists the hosted zones.",
    },
    OpSpec {
        cli: "list-resource-record-sets",
        api: "ListResourceRecordSets",
        params: &[
            p("--hosted-zone-id", "HostedZoneId", Kind::Id, true),
            p("--start-record-name", "StartRecordName", Kind::Str, false),
            p("--start-record-type", "StartRecordType", Kind::Str, false),
            p(
                "--start-record-identifier",
                "StartRecordIdentifier",
                Kind::Str,
                false,
            ),
        ],
        paginator: Some(&LIST_RRSETS_PAGES),
        summary: "Lists the resource record sets of a hosted zone.",
    },
];

/// The operation called `name` on the command line.
pub fn find_op(name: &str) -> Option<&'static OpSpec> {
    OPERATIONS.iter().find(|o| o.cli == name)
}

impl OpSpec {
    /// The operation's options plus the CLI's pagination options.
    pub fn all_params(&'static self) -> Vec<&'static ParamSpec> {
        let mut all: Vec<&'static ParamSpec> = self.params.iter().collect();
        if self.paginator.is_some() {
            all.extend(PAGINATION_PARAMS.iter());
        }
        all
    }
}

/// The CLI's pagination settings for one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// `--max-items`
    pub max_items: Option<usize>,
    /// `--page-size`
    pub page_size: Option<u64>,
    /// `--starting-token`
    pub starting_token: Option<String>,
}

/// Why the parameters could not be built; both exit with 252.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamError {
    /// `Error parsing parameter ...` and friends.
    Parse(String),
    /// botocore's `Parameter validation failed:` lines.
    Validation(Vec<String>),
}

fn int_option(cli: &str, raw: &str) -> Result<i64, ParamError> {
    raw.trim().parse::<i64>().map_err(|_| {
        ParamError::Parse(format!(
            "Error parsing parameter '{cli}': invalid int value: '{raw}'"
        ))
    })
}

/// Builds the botocore input JSON (PascalCase members) from parsed options.
pub fn build_input(
    given: &[(&'static ParamSpec, String)],
) -> Result<(Map<String, Value>, PageOptions), ParamError> {
    let mut input = Map::new();
    let mut pages = PageOptions::default();
    let mut invalid = Vec::new();
    for (spec, raw) in given {
        if let Some(e) = paramfile_error(spec.cli, raw) {
            return Err(ParamError::Parse(e));
        }
        match spec.kind {
            Kind::Str => {
                input.insert(spec.member.into(), Value::String(raw.clone()));
            }
            Kind::Id => {
                let last = raw.rsplit('/').next().unwrap_or(raw);
                input.insert(spec.member.into(), Value::String(last.to_string()));
            }
            Kind::Struct(shape) => {
                let v = parse_structure(spec.cli, raw, shape).map_err(ParamError::Parse)?;
                shapes::validate(&v, shape, spec.member, &mut invalid);
                input.insert(spec.member.into(), v);
            }
            Kind::MaxItems => {
                let n = int_option(spec.cli, raw)?;
                pages.max_items = Some(usize::try_from(n).unwrap_or(0));
            }
            Kind::PageSize => {
                let n = int_option(spec.cli, raw)?;
                pages.page_size = Some(u64::try_from(n).unwrap_or(0));
            }
            Kind::StartingToken => pages.starting_token = Some(raw.clone()),
        }
    }
    if !invalid.is_empty() {
        return Err(ParamError::Validation(invalid));
    }
    Ok((input, pages))
}

#[cfg(test)]
mod tests {
    use super::super::args::parse_op_args;
    use super::*;
    use serde_json::json;

    fn input(op: &str, args: &[&str]) -> Result<(Value, PageOptions), ParamError> {
        let op = find_op(op).unwrap();
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let given = parse_op_args(op, &args).unwrap();
        build_input(&given).map(|(m, p)| (Value::Object(m), p))
    }

    #[test]
    fn every_operation_maps_to_the_botocore_input_shape() {
        let none = PageOptions::default();
        let cases: &[(&str, &[&str], Value)] = &[
            (
                "create-hosted-zone",
                &[
                    "--name",
                    "hello-localstack.com",
                    "--caller-reference",
                    "r1",
                    "--hosted-zone-config",
                    "Comment=blog,PrivateZone=false",
                ],
                json!({"Name": "hello-localstack.com", "CallerReference": "r1",
                       "HostedZoneConfig": {"Comment": "blog", "PrivateZone": false}}),
            ),
            (
                "create-hosted-zone",
                &[
                    "--name",
                    "x.com",
                    "--caller-reference",
                    "r",
                    "--delegation-set-id",
                    "/delegationset/N1",
                ],
                json!({"Name": "x.com", "CallerReference": "r", "DelegationSetId": "N1"}),
            ),
            // botocore fix_route53_ids (route53-semantics #3).
            (
                "get-hosted-zone",
                &["--id", "/hostedzone/Z1"],
                json!({"Id": "Z1"}),
            ),
            ("delete-hosted-zone", &["--id", "Z1"], json!({"Id": "Z1"})),
            (
                "get-change",
                &["--id", "/change/C2682N5HXP0BZ4"],
                json!({"Id": "C2682N5HXP0BZ4"}),
            ),
            ("list-hosted-zones", &[], json!({})),
            (
                "list-resource-record-sets",
                &[
                    "--hosted-zone-id",
                    "/hostedzone/Z1",
                    "--start-record-name",
                    "a.x.com",
                    "--start-record-type",
                    "A",
                ],
                json!({"HostedZoneId": "Z1", "StartRecordName": "a.x.com", "StartRecordType": "A"}),
            ),
            (
                "change-resource-record-sets",
                &[
                    "--hosted-zone",
                    "/hostedzone/Z1",
                    "--change-batch",
                    r#"{"Comment": "c", "Changes": [{"Action": "UPSERT", "ResourceRecordSet": {"Name": "a.x.com", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}}]}"#,
                ],
                json!({"HostedZoneId": "Z1", "ChangeBatch": {"Comment": "c", "Changes": [{"Action": "UPSERT",
                    "ResourceRecordSet": {"Name": "a.x.com", "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.1"}]}}]}}),
            ),
        ];
        for (op, args, want) in cases {
            let (got, pages) = input(op, args).unwrap_or_else(|e| panic!("{op}: {e:?}"));
            assert_eq!(&got, want, "{op} {args:?}");
            assert_eq!(pages, none);
        }
        let (_, pages) = input(
            "list-hosted-zones",
            &[
                "--max-items",
                "2",
                "--page-size",
                "1",
                "--starting-token",
                "t",
            ],
        )
        .unwrap();
        assert_eq!(
            pages,
            PageOptions {
                max_items: Some(2),
                page_size: Some(1),
                starting_token: Some("t".into())
            }
        );
    }

    #[test]
    fn parameter_errors() {
        let cases: &[(&str, &[&str], ParamError)] = &[
            (
                "change-resource-record-sets",
                &["--hosted-zone-id", "Z", "--change-batch", "file://batch.json"],
                ParamError::Parse(paramfile_error("--change-batch", "file://batch.json").unwrap()),
            ),
            (
                "change-resource-record-sets",
                &["--hosted-zone-id", "Z", "--change-batch", "{\"Changes\": [}"],
                ParamError::Parse("Error parsing parameter '--change-batch': Invalid JSON: Expecting value: line 1 column 14 (char 13)\nJSON received: {\"Changes\": [}".into()),
            ),
            (
                "change-resource-record-sets",
                &["--hosted-zone-id", "Z", "--change-batch", "{\"Changes\": []}"],
                ParamError::Validation(vec!["Invalid length for parameter ChangeBatch.Changes, value: 0, valid min length: 1".into()]),
            ),
            (
                "list-hosted-zones",
                &["--max-items", "ten"],
                ParamError::Parse("Error parsing parameter '--max-items': invalid int value: 'ten'".into()),
            ),
        ];
        for (op, args, want) in cases {
            assert_eq!(&input(op, args).unwrap_err(), want, "{op} {args:?}");
        }
    }
}
