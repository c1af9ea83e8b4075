//! The blog's own snippets, character for character, so the tests, the
//! presets and the LocalStack page's "run the blog's command" button all use
//! the same text (blog section 6, "LocalStack: Simulate AWS Locally").

/// The change batch the blog passes to `--change-batch` (section 6).
pub const LOCALSTACK_CHANGE_BATCH: &str = r#"{
"Changes": [
{
"Action": "CREATE",
"ResourceRecordSet": {
"Name": "12345.hello-localstack.com",
"Type": "CNAME",
"TTL": 60,
"ResourceRecords": [
{"Value": "12345.execute-api.localhost.localstack.cloud"}
]
}
}
]
}"#;

/// The blog's `awslocal` command verbatim (section 6); it expects
/// `HOSTED_ZONE_ID` to hold the zone's id. Built from
/// [`LOCALSTACK_CHANGE_BATCH`] so the two never drift apart.
pub fn localstack_command() -> String {
    format!(
        "awslocal route53 change-resource-record-sets \\\n--hosted-zone $HOSTED_ZONE_ID \\\n--change-batch '{LOCALSTACK_CHANGE_BATCH}'"
    )
}

/// What the blog leaves implicit before its command: creating the zone and
/// keeping its id, as LocalStack's tutorial does.
pub const LOCALSTACK_SETUP: &str = "HOSTED_ZONE_ID=$(awslocal route53 create-hosted-zone --name hello-localstack.com --caller-reference r1 --query HostedZone.Id --output text)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_the_blogs_text() {
        let cmd = localstack_command();
        assert!(cmd.starts_with("awslocal route53 change-resource-record-sets \\\n--hosted-zone $HOSTED_ZONE_ID \\\n--change-batch '{\n\"Changes\": ["));
        assert!(cmd.ends_with("]\n}'"));
        assert!(serde_json::from_str::<serde_json::Value>(LOCALSTACK_CHANGE_BATCH).is_ok());
    }
}
