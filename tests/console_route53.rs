//! Blog section 6 ("LocalStack") end to end: the console with the real
//! simulated Route 53 behind it prints what the AWS CLI v2 prints against
//! Route 53, zone and change ids aside (they are random in AWS too).

use dnsplay::console::Console;
use dnsplay::engine::route53::Route53;

/// The blog's steps: create the zone, keep its id, the blog's command
/// verbatim, then list the records.
fn blog_steps() -> String {
    format!(
        "{}\n{}\n{}\n",
        dnsplay::scenario::blog::LOCALSTACK_SETUP,
        dnsplay::scenario::blog::localstack_command(),
        "awslocal route53 list-resource-record-sets --hosted-zone-id $HOSTED_ZONE_ID --query \"ResourceRecordSets[].[Name,Type,TTL]\" --output text"
    )
}

/// Masks AWS's random parts: `/change/C…`, `/hostedzone/Z…` and awsdns
/// name-server numbers.
fn mask_ids(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_inclusive(['"', '\n', '\t', ' ']) {
        let masked = if let Some(rest) = word.strip_prefix("/change/C") {
            format!(
                "/change/C…{}",
                rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            )
        } else if let Some(rest) = word.strip_prefix("/hostedzone/Z") {
            format!(
                "/hostedzone/Z…{}",
                rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            )
        } else {
            word.to_string()
        };
        out.push_str(&masked);
    }
    out
}

#[test]
fn blog_localstack_steps_print_what_the_aws_cli_prints() {
    let mut console = Console::new(Route53::new(1));
    let out = console.run_script(&blog_steps());
    assert_eq!(out.stderr, "", "no errors expected");
    assert_eq!(out.status, 0);
    let expected = r#"{
    "ChangeInfo": {
        "Id": "/change/C…",
        "Status": "PENDING",
        "SubmittedAt": "2025-01-01T00:00:00+00:00"
    }
}
hello-localstack.com.	NS	172800
hello-localstack.com.	SOA	900
12345.hello-localstack.com.	CNAME	60
"#;
    assert_eq!(mask_ids(&out.stdout), expected);
}

#[test]
fn the_zone_id_variable_holds_the_created_zone() {
    let mut console = Console::new(Route53::new(1));
    let out = console.run_script(
        "HOSTED_ZONE_ID=$(aws route53 create-hosted-zone --name example.com --caller-reference a --query HostedZone.Id --output text)\n\
         aws route53 get-hosted-zone --id $HOSTED_ZONE_ID --query HostedZone.Name --output text\n",
    );
    assert_eq!(out.stdout, "example.com.\n");
    let id = console
        .variable("HOSTED_ZONE_ID")
        .unwrap_or_default()
        .to_string();
    assert!(id.starts_with("/hostedzone/Z"), "{id}");
}

#[test]
fn a_rejected_batch_prints_route53s_error_and_changes_nothing() {
    let mut console = Console::new(Route53::new(1));
    let out = console.run_script(
        "Z=$(aws route53 create-hosted-zone --name example.com --caller-reference a --query HostedZone.Id --output text)\n\
         aws route53 change-resource-record-sets --hosted-zone-id $Z --change-batch '{\"Changes\":[{\"Action\":\"CREATE\",\"ResourceRecordSet\":{\"Name\":\"example.com\",\"Type\":\"CNAME\",\"TTL\":60,\"ResourceRecords\":[{\"Value\":\"x.example.net\"}]}}]}'\n",
    );
    assert_eq!(out.status, 254, "AWS CLI v2 exits 254 on a service error");
    assert_eq!(
        out.stderr.trim(),
        "An error occurred (InvalidChangeBatch) when calling the ChangeResourceRecordSets operation: \
         [RRSet of type CNAME with DNS name example.com. is not permitted at apex in zone example.com.]"
    );
    let count = console.run_script(
        "aws route53 list-resource-record-sets --hosted-zone-id $Z --query 'length(ResourceRecordSets)'\n",
    );
    assert_eq!(count.stdout.trim(), "2", "only the apex SOA and NS remain");
}
