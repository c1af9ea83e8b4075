//! Building the botocore input JSON from parsed options: ids stripped,
//! structures parsed and validated, pagination options set aside for the
//! paginator.

use serde_json::{Map, Value};

use super::params::{paramfile_error, parse_structure};
use super::route53::{Kind, ParamSpec};
use super::shapes;

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
    use super::super::route53::find_op;
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
