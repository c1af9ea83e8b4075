//! Blog section 6 ("LocalStack: Simulate AWS Locally"), pasted verbatim into
//! the console: create the zone, keep its id in HOSTED_ZONE_ID, run the
//! blog's `awslocal route53 change-resource-record-sets` command, list the
//! records. The backend is a small fake that records every call, so this
//! checks the console's side only: the exact input JSON that reaches
//! `AwsApi::call` and what the console prints.

use dnsplay::console::Console;
use dnsplay::engine::aws::{ApiError, AwsApi, CallContext};
use serde_json::{json, Map, Value};

/// The blog's command, character for character (blog section 6).
fn blog_command() -> String {
    dnsplay::scenario::blog::localstack_command()
}

/// A one-zone Route 53 stand-in: enough to answer the blog's four steps the
/// way the API shapes its answers, and to remember what it was asked.
#[derive(Default)]
struct FakeRoute53 {
    calls: Vec<(String, String, Value)>,
    records: Vec<Value>,
}

impl AwsApi for FakeRoute53 {
    fn call(
        &mut self,
        service: &str,
        operation: &str,
        input: &Value,
        _ctx: CallContext,
    ) -> Result<Value, ApiError> {
        self.calls
            .push((service.to_string(), operation.to_string(), input.clone()));
        match operation {
            "CreateHostedZone" => {
                self.records.push(json!({"Name": "hello-localstack.com.", "Type": "SOA", "TTL": 900,
                    "ResourceRecords": [{"Value": "ns-2048.awsdns-64.com. hostmaster.example.com. 1 7200 900 1209600 86400"}]}));
                Ok(json!({
                    "Location": "https://route53.amazonaws.com/2013-04-01/hostedzone/Z0FAKE123",
                    "HostedZone": {"Id": "/hostedzone/Z0FAKE123", "Name": "hello-localstack.com.",
                        "CallerReference": input["CallerReference"], "Config": {"PrivateZone": false},
                        "ResourceRecordSetCount": 2},
                    "ChangeInfo": {"Id": "/change/C0FAKE", "Status": "PENDING", "SubmittedAt": "2026-01-01T00:00:00.000Z"},
                    "DelegationSet": {"NameServers": ["ns-2048.awsdns-64.com"]}
                }))
            }
            "ChangeResourceRecordSets" => {
                if input["HostedZoneId"] != "Z0FAKE123" {
                    return Err(ApiError::new(
                        "NoSuchHostedZone",
                        format!("No hosted zone found with ID: {}", input["HostedZoneId"]),
                    ));
                }
                for change in input["ChangeBatch"]["Changes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    let mut set = change["ResourceRecordSet"].clone();
                    if let Some(name) = set["Name"].as_str() {
                        set["Name"] = Value::String(format!("{name}."));
                    }
                    self.records.push(set);
                }
                Ok(
                    json!({"ChangeInfo": {"Id": "/change/C0FAKE2", "Status": "PENDING",
                    "SubmittedAt": "2026-01-01T00:00:01.000Z"}}),
                )
            }
            "ListResourceRecordSets" => {
                let mut out = Map::new();
                out.insert(
                    "ResourceRecordSets".into(),
                    Value::Array(self.records.clone()),
                );
                out.insert("IsTruncated".into(), Value::Bool(false));
                out.insert("MaxItems".into(), Value::String("300".into()));
                Ok(Value::Object(out))
            }
            other => Err(ApiError::new(
                "InvalidAction",
                format!("{other} is not faked"),
            )),
        }
    }
}

#[test]
fn blog_localstack_steps_reach_the_api_as_the_cli_sends_them() {
    let mut console = Console::new(FakeRoute53::default());

    let out = console.run_line(
        "HOSTED_ZONE_ID=$(awslocal route53 create-hosted-zone --name hello-localstack.com \
         --caller-reference r1 --query HostedZone.Id --output text)",
    );
    assert_eq!(
        (out.status, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    assert_eq!(
        console.variable("HOSTED_ZONE_ID"),
        Some("/hostedzone/Z0FAKE123")
    );

    // The blog command spans lines: an interactive console keeps asking
    // for input until the closing quote, then runs it as one command.
    let command = blog_command();
    let lines: Vec<&str> = command.lines().collect();
    for n in 1..lines.len() {
        let partial = lines[..n].join("\n") + "\n";
        assert!(
            dnsplay::console::needs_more_input(&partial),
            "line {n} should ask for more"
        );
    }
    assert!(!dnsplay::console::needs_more_input(&blog_command()));

    let out = console.run_line(&blog_command());
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert_eq!(
        // The API sends `…01.000Z`; the CLI prints the parsed timestamp as Python does.
        out.stdout,
        "{\n    \"ChangeInfo\": {\n        \"Id\": \"/change/C0FAKE2\",\n        \"Status\": \"PENDING\",\n        \"SubmittedAt\": \"2026-01-01T00:00:01+00:00\"\n    }\n}\n"
    );

    let out = console
        .run_line("awslocal route53 list-resource-record-sets --hosted-zone-id $HOSTED_ZONE_ID");
    assert_eq!(out.status, 0, "{}", out.stderr);
    let printed: Value = serde_json::from_str(&out.stdout).unwrap();
    // The CLI's paginator prints only the gathered list.
    assert_eq!(printed.as_object().map(|m| m.len()), Some(1));
    assert_eq!(
        printed["ResourceRecordSets"][1]["Name"],
        "12345.hello-localstack.com."
    );
    assert!(
        out.stdout.contains("\n            \"Type\": \"CNAME\",\n"),
        "{}",
        out.stdout
    );

    let calls = &console.api().calls;
    let ops: Vec<(&str, &str)> = calls
        .iter()
        .map(|(s, o, _)| (s.as_str(), o.as_str()))
        .collect();
    assert_eq!(
        ops,
        [
            ("route53", "CreateHostedZone"),
            ("route53", "ChangeResourceRecordSets"),
            ("route53", "ListResourceRecordSets"),
        ]
    );
    assert_eq!(
        calls[0].2,
        json!({"Name": "hello-localstack.com", "CallerReference": "r1"})
    );
    // `--hosted-zone` is the prefix of `--hosted-zone-id`; botocore strips
    // `/hostedzone/` from the id; the batch is the blog's JSON unchanged.
    assert_eq!(
        calls[1].2,
        json!({
            "HostedZoneId": "Z0FAKE123",
            "ChangeBatch": {"Changes": [{"Action": "CREATE", "ResourceRecordSet": {
                "Name": "12345.hello-localstack.com", "Type": "CNAME", "TTL": 60,
                "ResourceRecords": [{"Value": "12345.execute-api.localhost.localstack.cloud"}]}}]}
        })
    );
    assert_eq!(calls[2].2, json!({"HostedZoneId": "Z0FAKE123"}));
}

#[test]
fn blog_command_as_one_script_and_without_the_variable() {
    // The same steps as one pasted script.
    let mut console = Console::new(FakeRoute53::default());
    let script = format!(
        "export HOSTED_ZONE_ID=$(awslocal route53 create-hosted-zone --name hello-localstack.com --caller-reference r1 --query HostedZone.Id --output text)\n{}\n",
        blog_command()
    );
    let out = console.run_script(&script);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(console.api().calls.len(), 2);

    // Forgetting HOSTED_ZONE_ID: it expands to nothing, so `--hosted-zone`
    // is followed by `--change-batch`, which argparse refuses as a value,
    // as the real CLI does.
    let mut console = Console::new(FakeRoute53::default());
    let out = console.run_script(&blog_command());
    assert_eq!(out.status, 252);
    assert!(
        out.stderr
            .ends_with("aws: error: argument --hosted-zone-id: expected one argument\n"),
        "{}",
        out.stderr
    );
    assert!(console.api().calls.is_empty());
}
