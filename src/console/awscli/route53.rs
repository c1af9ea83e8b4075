//! The `aws route53` operations the console knows: their options, how each
//! maps to a member of the botocore input shape, and client-side id
//! handling.

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

/// botocore `route53/2013-04-01/paginators-1.json`, ListHealthChecks.
static LIST_HEALTH_CHECKS_PAGES: Paginator = Paginator {
    result_key: "HealthChecks",
    input_tokens: &["Marker"],
    output_tokens: &["NextMarker"],
    more_results: "IsTruncated",
    limit_key: "MaxItems",
};

/// `--health-check-id`: a plain string. Its shape is `HealthCheckId`, not
/// one of the shapes botocore's `fix_route53_ids` rewrites, so the CLI
/// sends it exactly as typed.
const HEALTH_CHECK_ID: ParamSpec = p("--health-check-id", "HealthCheckId", Kind::Str, true);

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
        cli: "create-health-check",
        api: "CreateHealthCheck",
        params: &[
            p("--caller-reference", "CallerReference", Kind::Str, true),
            p(
                "--health-check-config",
                "HealthCheckConfig",
                Kind::Struct(&shapes::HEALTH_CHECK_CONFIG),
                true,
            ),
        ],
        paginator: None,
        summary: "Creates a health check that probes an endpoint from several regions.",
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
        cli: "delete-health-check",
        api: "DeleteHealthCheck",
        params: &[HEALTH_CHECK_ID],
        paginator: None,
        summary: "Deletes a health check that no record set or calculated check uses.",
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
        cli: "get-health-check",
        api: "GetHealthCheck",
        params: &[HEALTH_CHECK_ID],
        paginator: None,
        summary: "Shows a health check's configuration, defaults filled in.",
    },
    OpSpec {
        cli: "get-health-check-status",
        api: "GetHealthCheckStatus",
        params: &[HEALTH_CHECK_ID],
        paginator: None,
        summary: "Shows each checker's latest result at the console's current time.",
    },
    OpSpec {
        cli: "get-hosted-zone",
        api: "GetHostedZone",
        params: &[p("--id", "Id", Kind::Id, true)],
        paginator: None,
        summary: "Shows a hosted zone and its name servers.",
    },
    OpSpec {
        cli: "list-health-checks",
        api: "ListHealthChecks",
        params: &[],
        paginator: Some(&LIST_HEALTH_CHECKS_PAGES),
        summary: "Lists the health checks.",
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
