//! The CLI's usage, parameter and service errors: text and exit status.

use super::super::*;
use super::{aws, usage_tail, Fake};
use crate::engine::aws::ApiError;

#[test]
fn usage_errors_print_as_cli_v2_with_status_252() {
    let cases: &[(&[&str], &str)] = &[
        (&["route53", "change-resource-record-sets", "--change-batch", "{}"],
         "aws: error: the following arguments are required: --hosted-zone-id"),
        (&["route53", "get-hosted-zone", "--id", "Z", "--bogus", "x"], "Unknown options: --bogus, x"),
        (&["route53", "get-hosted-zone", "--id"], "aws: error: argument --id: expected one argument"),
        (&[], "aws: error: the following arguments are required: command"),
        (&["route53"], "aws: error: the following arguments are required: operation"),
        (&["route53", "list-resource-record-sets", "--hosted-zone-id", "Z", "--start-record", "a"],
         "aws: error: ambiguous option: --start-record could match --start-record-name, --start-record-type, --start-record-identifier"),
    ];
    for (line, tail) in cases {
        let mut fake = Fake::default();
        let out = aws(&mut fake, line);
        assert_eq!(out.status, EXIT_USAGE, "{line:?}");
        assert!(
            out.stderr
                .starts_with("\nusage: aws [options] <command> <subcommand>"),
            "{line:?}: {}",
            out.stderr
        );
        assert_eq!(usage_tail(&out), *tail, "{line:?}");
        assert!(fake.calls.is_empty(), "{line:?}");
    }
    let mut fake = Fake::default();
    let out = aws(&mut fake, &["route53", "list-zones"]);
    assert!(out.stderr.contains("aws: error: argument operation: Invalid choice, valid choices are:\n\nchange-resource-record-sets              | create-health-check"), "{}", out.stderr);
    let out = aws(&mut fake, &["s3", "ls"]);
    assert!(
        out.stderr.contains("argument command: Invalid choice"),
        "{}",
        out.stderr
    );
    let out = aws(
        &mut fake,
        &["route53", "list-hosted-zones", "--output", "xml"],
    );
    assert!(
        out.stderr.contains("argument --output: Invalid choice"),
        "{}",
        out.stderr
    );
    let out = aws(
        &mut fake,
        &["route53", "list-hosted-zones", "--query", "HostedZones["],
    );
    assert_eq!(
        out.stderr,
        "\nBad value for --query HostedZones[: Invalid jmespath expression: Incomplete expression:\n\"HostedZones[\"\n             ^\n"
    );
    assert_eq!(out.status, EXIT_OTHER);
}

#[test]
fn usage_block_is_the_cli_text() {
    let mut fake = Fake::default();
    let out = aws(&mut fake, &["route53", "get-hosted-zone"]);
    assert_eq!(
        out.stderr,
        "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
         To see help text, you can run:\n\
         \n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\
         \naws: error: the following arguments are required: --id\n"
    );
}

#[test]
fn parameter_errors_print_after_a_blank_line() {
    let cases: &[(&str, &str)] = &[
        ("{\"Changes\": [}", "\nError parsing parameter '--change-batch': Invalid JSON: Expecting value: line 1 column 14 (char 13)\nJSON received: {\"Changes\": [}\n"),
        ("file://batch.json", "\nError parsing parameter '--change-batch': Unable to load paramfile file://batch.json: files are not available in the playground console; paste the JSON inline instead, in single quotes: --change-batch '{...}'\n"),
        ("{\"Changes\": [{\"Action\": \"CREATE\"}]}", "\nParameter validation failed:\nMissing required parameter in ChangeBatch.Changes[0]: \"ResourceRecordSet\"\n"),
    ];
    for (batch, want) in cases {
        let mut fake = Fake::default();
        let out = aws(
            &mut fake,
            &[
                "route53",
                "change-resource-record-sets",
                "--hosted-zone-id",
                "Z",
                "--change-batch",
                batch,
            ],
        );
        assert_eq!(out.stderr, *want);
        assert_eq!(out.status, EXIT_USAGE);
        assert!(fake.calls.is_empty());
    }
}

#[test]
fn service_errors_print_as_the_cli_with_status_254() {
    let mut fake = Fake {
        fail: Some(ApiError::new(
            "InvalidChangeBatch",
            "[Tried to create resource record set [name='a.example.com.', type='A'] but it already exists]",
        )),
        ..Fake::default()
    };
    let out = aws(
        &mut fake,
        &[
            "route53",
            "change-resource-record-sets",
            "--hosted-zone-id",
            "Z",
            "--change-batch",
            r#"{"Changes":[{"Action":"CREATE","ResourceRecordSet":{"Name":"a.example.com","Type":"A","TTL":1,"ResourceRecords":[{"Value":"192.0.2.1"}]}}]}"#,
        ],
    );
    assert_eq!(out.status, EXIT_SERVICE);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "\nAn error occurred (InvalidChangeBatch) when calling the ChangeResourceRecordSets operation: [Tried to create resource record set [name='a.example.com.', type='A'] but it already exists]\n"
    );
}
