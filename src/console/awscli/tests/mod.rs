//! Whole-command tests of `aws route53 ...` against a recording fake.

mod errors;
mod health_checks;

use serde_json::{json, Value};

use super::*;
use crate::engine::aws::ApiError;
use crate::engine::time::SimTime;

/// Records each call and answers from a fixed table; `fail` makes every
/// call answer that error.
#[derive(Default)]
pub(super) struct Fake {
    pub(super) calls: Vec<(String, String, Value)>,
    pub(super) fail: Option<ApiError>,
}

impl AwsApi for Fake {
    fn call(
        &mut self,
        service: &str,
        operation: &str,
        input: &Value,
        _ctx: CallContext,
    ) -> Result<Value, ApiError> {
        self.calls
            .push((service.into(), operation.into(), input.clone()));
        if let Some(e) = &self.fail {
            return Err(e.clone());
        }
        Ok(match operation {
            "CreateHostedZone" => json!({
                "Location": "https://route53.amazonaws.com/2013-04-01/hostedzone/Z0ABC",
                "HostedZone": {"Id": "/hostedzone/Z0ABC", "Name": "hello-localstack.com.",
                    "CallerReference": "r1", "Config": {"PrivateZone": false}, "ResourceRecordSetCount": 2},
                "ChangeInfo": {"Id": "/change/C1", "Status": "PENDING", "SubmittedAt": "2026-01-01T00:00:00.000Z"},
                "DelegationSet": {"NameServers": ["ns-1.awsdns-01.org", "ns-2.awsdns-02.net"]}
            }),
            "ListResourceRecordSets" => json!({
                "ResourceRecordSets": [
                    {"Name": "hello-localstack.com.", "Type": "NS", "TTL": 172800,
                     "ResourceRecords": [{"Value": "ns-1.awsdns-01.org."}]},
                    {"Name": "a.hello-localstack.com.", "Type": "A", "TTL": 60,
                     "ResourceRecords": [{"Value": "192.0.2.1"}]}
                ],
                "IsTruncated": false,
                "MaxItems": "300"
            }),
            "DeleteHostedZone" | "GetChange" | "ChangeResourceRecordSets" => json!({
                "ChangeInfo": {"Id": "/change/C1", "Status": "INSYNC", "SubmittedAt": "2026-01-01T00:00:00.000Z"}
            }),
            "ListHostedZones" => {
                json!({"HostedZones": [], "IsTruncated": false, "MaxItems": "100"})
            }
            _ => {
                json!({"HostedZone": {"Id": "/hostedzone/Z0ABC"}, "ResponseMetadata": {"HTTPStatusCode": 200}})
            }
        })
    }
}

pub(super) fn aws(fake: &mut Fake, line: &[&str]) -> ConsoleOutput {
    let args: Vec<String> = line.iter().map(|s| s.to_string()).collect();
    run(&args, &|_| None, fake, CallContext { now: SimTime::ZERO })
}

pub(super) fn usage_tail(out: &ConsoleOutput) -> &str {
    out.stderr.lines().last().unwrap_or("")
}

#[test]
fn every_command_calls_its_operation() {
    let batch = r#"{"Changes":[{"Action":"CREATE","ResourceRecordSet":{"Name":"a.hello-localstack.com","Type":"A","TTL":60,"ResourceRecords":[{"Value":"192.0.2.1"}]}}]}"#;
    let cases: &[(&[&str], &str, Value)] = &[
        (
            &[
                "route53",
                "create-hosted-zone",
                "--name",
                "hello-localstack.com",
                "--caller-reference",
                "r1",
            ],
            "CreateHostedZone",
            json!({"Name": "hello-localstack.com", "CallerReference": "r1"}),
        ),
        (
            &["route53", "list-hosted-zones"],
            "ListHostedZones",
            json!({}),
        ),
        (
            &["route53", "get-hosted-zone", "--id", "/hostedzone/Z0ABC"],
            "GetHostedZone",
            json!({"Id": "Z0ABC"}),
        ),
        (
            &["route53", "delete-hosted-zone", "--id", "Z0ABC"],
            "DeleteHostedZone",
            json!({"Id": "Z0ABC"}),
        ),
        (
            &["route53", "get-change", "--id", "/change/C1"],
            "GetChange",
            json!({"Id": "C1"}),
        ),
        (
            &[
                "route53",
                "change-resource-record-sets",
                "--hosted-zone",
                "/hostedzone/Z0ABC",
                "--change-batch",
                batch,
            ],
            "ChangeResourceRecordSets",
            json!({"HostedZoneId": "Z0ABC", "ChangeBatch": serde_json::from_str::<Value>(batch).unwrap()}),
        ),
        (
            &[
                "route53",
                "list-resource-record-sets",
                "--hosted-zone-id",
                "Z0ABC",
                "--start-record-name",
                "a",
                "--start-record-type",
                "A",
            ],
            "ListResourceRecordSets",
            json!({"HostedZoneId": "Z0ABC", "StartRecordName": "a", "StartRecordType": "A"}),
        ),
    ];
    for (line, op, input) in cases {
        let mut fake = Fake::default();
        let out = aws(&mut fake, line);
        assert_eq!((out.status, out.stderr.as_str()), (0, ""), "{line:?}");
        assert_eq!(
            fake.calls,
            vec![("route53".to_string(), op.to_string(), input.clone())],
            "{line:?}"
        );
    }
}

#[test]
fn global_options_anywhere_and_accepted() {
    let mut fake = Fake::default();
    let out = aws(
        &mut fake,
        &[
            "--endpoint-url",
            "http://localhost:4566",
            "route53",
            "--region",
            "us-east-1",
            "get-hosted-zone",
            "--profile=dev",
            "--id",
            "Z0ABC",
            "--no-cli-pager",
            "--debug",
        ],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(fake.calls.len(), 1);
}

#[test]
fn output_formats_and_query() {
    let mut fake = Fake::default();
    let create = [
        "route53",
        "create-hosted-zone",
        "--name",
        "hello-localstack.com",
        "--caller-reference",
        "r1",
    ];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        create
            .iter()
            .copied()
            .chain(extra.iter().copied())
            .collect()
    };
    let cases: &[(Vec<&str>, &str)] = &[
        (
            with(&["--query", "HostedZone.Id", "--output", "text"]),
            "/hostedzone/Z0ABC\n",
        ),
        (
            with(&["--query", "HostedZone.Id"]),
            "\"/hostedzone/Z0ABC\"\n",
        ),
        (
            with(&["--query", "HostedZone.Nope", "--output", "text"]),
            "None\n",
        ),
        (
            with(&["--query", "DelegationSet.NameServers", "--output", "text"]),
            "ns-1.awsdns-01.org\tns-2.awsdns-02.net\n",
        ),
        (
            with(&["--query", "HostedZone.[Id, Name]", "--output=text"]),
            "/hostedzone/Z0ABC\thello-localstack.com.\n",
        ),
        (with(&["--query", "ChangeInfo.Status"]), "\"PENDING\"\n"),
    ];
    for (line, want) in cases {
        let out = aws(&mut fake, line);
        assert_eq!(
            (out.status, out.stdout.as_str()),
            (0, *want),
            "{line:?}: {}",
            out.stderr
        );
    }
    // Pagination drops IsTruncated/MaxItems; text layout of the list.
    let out = aws(
        &mut fake,
        &[
            "route53",
            "list-resource-record-sets",
            "--hosted-zone-id",
            "Z0ABC",
            "--output",
            "text",
        ],
    );
    assert_eq!(
        out.stdout,
        "RESOURCERECORDSETS\thello-localstack.com.\t172800\tNS\nRESOURCERECORDS\tns-1.awsdns-01.org.\n\
         RESOURCERECORDSETS\ta.hello-localstack.com.\t60\tA\nRESOURCERECORDS\t192.0.2.1\n"
    );
    let out = aws(
        &mut fake,
        &[
            "route53",
            "list-resource-record-sets",
            "--hosted-zone-id",
            "Z0ABC",
        ],
    );
    assert!(out.stdout.starts_with("{\n    \"ResourceRecordSets\": [\n        {\n            \"Name\": \"hello-localstack.com.\",\n"), "{}", out.stdout);
    assert!(!out.stdout.contains("IsTruncated"));
    // --no-paginate shows the raw page.
    let out = aws(
        &mut fake,
        &[
            "route53",
            "list-resource-record-sets",
            "--hosted-zone-id",
            "Z0ABC",
            "--no-paginate",
        ],
    );
    assert!(
        out.stdout.contains("\"IsTruncated\": false"),
        "{}",
        out.stdout
    );
    // Table output is titled with the operation name.
    let out = aws(
        &mut fake,
        &["route53", "get-change", "--id", "C1", "--output", "table"],
    );
    assert!(
        out.stdout
            .lines()
            .nth(1)
            .unwrap_or("")
            .contains("GetChange"),
        "{}",
        out.stdout
    );
    // Empty list under --output table prints nothing, as the CLI does.
    let out = aws(
        &mut fake,
        &[
            "route53",
            "list-hosted-zones",
            "--output",
            "table",
            "--query",
            "HostedZones",
        ],
    );
    assert_eq!(out.stdout, "");
    // The SDK's ResponseMetadata is never printed.
    let out = aws(&mut fake, &["route53", "get-hosted-zone", "--id", "Z0ABC"]);
    assert_eq!(
        out.stdout,
        "{\n    \"HostedZone\": {\n        \"Id\": \"/hostedzone/Z0ABC\"\n    }\n}\n"
    );
    // A NextToken that is not one fails as botocore's ValueError does.
    let out = aws(
        &mut fake,
        &["route53", "list-hosted-zones", "--starting-token", "nope!"],
    );
    assert_eq!(
        (out.status, out.stderr.as_str()),
        (EXIT_OTHER, "\nBad starting token: nope!\n")
    );
    // A function type error at run time is status 255.
    let out = aws(
        &mut fake,
        &["route53", "list-hosted-zones", "--query", "length(`1`)"],
    );
    assert_eq!(out.status, EXIT_OTHER);
    assert!(
        out.stderr.contains("In function length()"),
        "{}",
        out.stderr
    );
}

#[test]
fn version_and_help() {
    let mut fake = Fake::default();
    let out = aws(&mut fake, &["--version"]);
    assert!(out.stdout.starts_with("aws-cli/2."), "{}", out.stdout);
    let out = aws(&mut fake, &["route53", "help"]);
    for op in OPERATIONS {
        assert!(out.stdout.contains(op.cli), "{}", op.cli);
    }
    let out = aws(
        &mut fake,
        &["route53", "change-resource-record-sets", "help"],
    );
    assert!(
        out.stdout.contains("--hosted-zone-id <value>"),
        "{}",
        out.stdout
    );
    assert!(fake.calls.is_empty());
}
