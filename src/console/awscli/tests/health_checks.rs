//! The health-check commands: options, the botocore input each builds, and
//! the CLI's client-side checks on `--health-check-config` (botocore
//! `validate.py` over the `HealthCheckConfig` shape of the Route 53 model).

use serde_json::{json, Value};

use super::super::*;
use super::{aws, usage_tail, Fake};
use crate::engine::route53::Route53;
use crate::engine::time::SimTime;

const BLOG_CHECK: &str = r#"{"Type": "HTTP", "IPAddress": "192.168.49.2", "Port": 30001, "ResourcePath": "/actuator/health", "RequestInterval": 10, "FailureThreshold": 3}"#;

#[test]
fn each_command_sends_its_botocore_input() {
    let cases: &[(&[&str], &str, Value)] = &[
        (
            &["create-health-check", "--caller-reference", "app-a", "--health-check-config", BLOG_CHECK],
            "CreateHealthCheck",
            json!({"CallerReference": "app-a", "HealthCheckConfig": {"Type": "HTTP", "IPAddress": "192.168.49.2",
                "Port": 30001, "ResourcePath": "/actuator/health", "RequestInterval": 10, "FailureThreshold": 3}}),
        ),
        // Shorthand: integers and booleans converted by the member's shape,
        // a list running until the next `Key=` (awscli shorthand.py).
        (
            &["create-health-check", "--caller-reference", "r", "--health-check-config",
              "Type=HTTPS_STR_MATCH,FullyQualifiedDomainName=example.com,SearchString=UP,Port=443,Inverted=true,Regions=us-east-1,us-west-1,eu-west-1,EnableSNI=false"],
            "CreateHealthCheck",
            json!({"CallerReference": "r", "HealthCheckConfig": {"Type": "HTTPS_STR_MATCH", "FullyQualifiedDomainName": "example.com",
                "SearchString": "UP", "Port": 443, "Inverted": true, "Regions": ["us-east-1", "us-west-1", "eu-west-1"], "EnableSNI": false}}),
        ),
        (
            &["create-health-check", "--caller-reference", "calc", "--health-check-config",
              "Type=CALCULATED,HealthThreshold=1,ChildHealthChecks=[a,b]"],
            "CreateHealthCheck",
            json!({"CallerReference": "calc", "HealthCheckConfig": {"Type": "CALCULATED", "HealthThreshold": 1,
                "ChildHealthChecks": ["a", "b"]}}),
        ),
        // HealthCheckId is not a shape botocore's fix_route53_ids rewrites:
        // the id goes out as typed, prefix and all.
        (
            &["get-health-check", "--health-check-id", "/healthcheck/abc"],
            "GetHealthCheck",
            json!({"HealthCheckId": "/healthcheck/abc"}),
        ),
        (
            &["get-health-check-status", "--health-check-id", "abc"],
            "GetHealthCheckStatus",
            json!({"HealthCheckId": "abc"}),
        ),
        (
            &["delete-health-check", "--health-check", "abc"],
            "DeleteHealthCheck",
            json!({"HealthCheckId": "abc"}),
        ),
        (&["list-health-checks"], "ListHealthChecks", json!({})),
        // --page-size becomes the paginator's limit key (MaxItems).
        (
            &["list-health-checks", "--page-size", "2"],
            "ListHealthChecks",
            json!({"MaxItems": "2"}),
        ),
    ];
    for (args, op, input) in cases {
        let mut fake = Fake::default();
        let mut line = vec!["route53"];
        line.extend_from_slice(args);
        let out = aws(&mut fake, &line);
        assert_eq!(out.status, 0, "{args:?}: {}", out.stderr);
        assert_eq!(
            fake.calls,
            vec![("route53".to_string(), op.to_string(), input.clone())],
            "{args:?}"
        );
    }
}

#[test]
fn missing_required_options_are_argparse_errors() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["create-health-check", "--caller-reference", "r"],
            "aws: error: the following arguments are required: --health-check-config",
        ),
        (
            &["create-health-check"],
            "aws: error: the following arguments are required: --caller-reference, --health-check-config",
        ),
        (
            &["get-health-check"],
            "aws: error: the following arguments are required: --health-check-id",
        ),
        (
            &["get-health-check-status"],
            "aws: error: the following arguments are required: --health-check-id",
        ),
        (
            &["delete-health-check"],
            "aws: error: the following arguments are required: --health-check-id",
        ),
        (
            &["list-health-checks", "--health-check-id", "x"],
            "Unknown options: --health-check-id, x",
        ),
    ];
    for (args, tail) in cases {
        let mut fake = Fake::default();
        let mut line = vec!["route53"];
        line.extend_from_slice(args);
        let out = aws(&mut fake, &line);
        assert_eq!(out.status, EXIT_USAGE, "{args:?}");
        assert_eq!(usage_tail(&out), *tail, "{args:?}");
        assert!(fake.calls.is_empty(), "{args:?}");
    }
}

#[test]
fn bad_configs_fail_before_any_call() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"Type": "HTTP", "Port": 80"#,
            "\nError parsing parameter '--health-check-config': Invalid JSON: Expecting ',' delimiter: line 1 column 28 (char 27)\nJSON received: {\"Type\": \"HTTP\", \"Port\": 80\n",
        ),
        // Model: HealthCheckConfig requires Type.
        (
            r#"{"IPAddress": "192.0.2.1"}"#,
            "\nParameter validation failed:\nMissing required parameter in HealthCheckConfig: \"Type\"\n",
        ),
        // Model minimums: Port 1, RequestInterval 10, FailureThreshold 1.
        (
            r#"{"Type": "HTTP", "IPAddress": "192.0.2.1", "Port": 0, "RequestInterval": 5, "FailureThreshold": 0}"#,
            "\nParameter validation failed:\nInvalid value for parameter HealthCheckConfig.Port, value: 0, valid min value: 1\nInvalid value for parameter HealthCheckConfig.RequestInterval, value: 5, valid min value: 10\nInvalid value for parameter HealthCheckConfig.FailureThreshold, value: 0, valid min value: 1\n",
        ),
        // Model: Regions has at least three members.
        (
            "Type=HTTP,IPAddress=192.0.2.1,Regions=us-east-1,us-west-1",
            "\nParameter validation failed:\nInvalid length for parameter HealthCheckConfig.Regions, value: 2, valid min length: 3\n",
        ),
        // Shorthand that cannot convert leaves a string for botocore's type check.
        (
            "Type=HTTP,IPAddress=192.0.2.1,Port=eighty,Inverted=maybe",
            "\nParameter validation failed:\nInvalid type for parameter HealthCheckConfig.Port, value: eighty, type: <class 'str'>, valid types: <class 'int'>\nInvalid type for parameter HealthCheckConfig.Inverted, value: maybe, type: <class 'str'>, valid types: <class 'bool'>\n",
        ),
        (
            r#"{"Type": "HTTP", "Ip": "192.0.2.1"}"#,
            "\nParameter validation failed:\nUnknown parameter in HealthCheckConfig: \"Ip\", must be one of: IPAddress, Port, Type, ResourcePath, FullyQualifiedDomainName, SearchString, RequestInterval, FailureThreshold, MeasureLatency, Inverted, Disabled, HealthThreshold, ChildHealthChecks, EnableSNI, Regions, AlarmIdentifier, InsufficientDataHealthStatus, RoutingControlArn\n",
        ),
        (
            "Type=CALCULATED,ChildHealthChecks=[a,b",
            "\nError parsing parameter '--health-check-config': Expected: ']', received: 'EOF' for input:\nType=CALCULATED,ChildHealthChecks=[a,b\n                                  ^\n",
        ),
    ];
    for (config, want) in cases {
        let mut fake = Fake::default();
        let out = aws(
            &mut fake,
            &[
                "route53",
                "create-health-check",
                "--caller-reference",
                "r",
                "--health-check-config",
                config,
            ],
        );
        assert_eq!(
            (out.status, out.stderr.as_str()),
            (EXIT_USAGE, *want),
            "{config}"
        );
        assert!(fake.calls.is_empty(), "{config}");
    }
}

fn r53(api: &mut Route53, line: &[&str]) -> ConsoleOutput {
    let args: Vec<String> = line.iter().map(|s| s.to_string()).collect();
    run(&args, &|_| None, api, CallContext { now: SimTime::ZERO })
}

#[test]
fn service_answers_print_as_the_cli_prints_them() {
    let mut api = Route53::new(1);
    let created = r53(
        &mut api,
        &[
            "route53",
            "create-health-check",
            "--caller-reference",
            "app-a",
            "--health-check-config",
            BLOG_CHECK,
            "--query",
            "HealthCheck.Id",
            "--output",
            "text",
        ],
    );
    assert_eq!(created.status, 0, "{}", created.stderr);
    let id = created.stdout.trim().to_string();
    assert_eq!(id.len(), 36, "{id}");
    let got = r53(
        &mut api,
        &["route53", "get-health-check", "--health-check-id", &id],
    );
    let v: Value = serde_json::from_str(&got.stdout).unwrap();
    // Route 53 fills in the defaults it applies (API HealthCheckConfig).
    assert_eq!(
        v["HealthCheck"]["HealthCheckConfig"]["Inverted"],
        json!(false)
    );
    assert_eq!(v["HealthCheck"]["CallerReference"], json!("app-a"));
    let listed = r53(
        &mut api,
        &[
            "route53",
            "list-health-checks",
            "--query",
            "HealthChecks[].Id",
            "--output",
            "text",
        ],
    );
    assert_eq!(listed.stdout, format!("{id}\n"));
    // A range botocore does not check (max) but the service model does is
    // still printed as a client-side validation failure.
    let out = r53(
        &mut api,
        &[
            "route53",
            "create-health-check",
            "--caller-reference",
            "big",
            "--health-check-config",
            "Type=HTTP,IPAddress=192.0.2.1,Port=70000",
        ],
    );
    assert_eq!(
        (out.status, out.stderr.as_str()),
        (EXIT_USAGE, "\nParameter validation failed:\nInvalid value for parameter HealthCheckConfig.Port, value: 70000, valid max value: 65535\n")
    );
    let out = r53(
        &mut api,
        &[
            "route53",
            "delete-health-check",
            "--health-check-id",
            "nope",
        ],
    );
    assert_eq!(out.status, EXIT_SERVICE);
    assert!(
        out.stderr.starts_with("\nAn error occurred (NoSuchHealthCheck) when calling the DeleteHealthCheck operation: "),
        "{}",
        out.stderr
    );
    let out = r53(
        &mut api,
        &["route53", "delete-health-check", "--health-check-id", &id],
    );
    assert_eq!((out.status, out.stdout.as_str()), (0, ""));
    let listed = r53(&mut api, &["route53", "list-health-checks"]);
    assert_eq!(
        serde_json::from_str::<Value>(&listed.stdout).unwrap(),
        json!({"HealthChecks": []})
    );
}

#[test]
fn help_lists_the_health_check_commands() {
    let mut fake = Fake::default();
    let out = aws(&mut fake, &["route53", "help"]);
    for name in [
        "create-health-check",
        "get-health-check",
        "get-health-check-status",
        "list-health-checks",
        "delete-health-check",
    ] {
        assert!(
            out.stdout.contains(&format!("  {name} ")),
            "{name}: {}",
            out.stdout
        );
    }
    let out = aws(&mut fake, &["route53", "list-health-checks", "help"]);
    assert!(
        out.stdout.contains("[--max-items <value>]"),
        "{}",
        out.stdout
    );
}
