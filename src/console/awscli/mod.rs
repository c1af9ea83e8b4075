//! `aws` and `awslocal` (the same CLI pointed at LocalStack's endpoint; the
//! playground answers as AWS does): global options, the `route53` service,
//! and the CLI's error texts and exit statuses.
//!
//! Exit statuses are AWS CLI v2's (User Guide, "Return codes"): 0 success,
//! 252 invalid command syntax or parameters, 254 the service answered with
//! an error, 255 any other failure.

mod args;
mod input;
mod paginate;
mod params;
mod route53;
mod shapes;

pub use args::UsageError;
pub use route53::{find_op, OpSpec, OPERATIONS};

use serde_json::Value;

use super::jmespath::Expression;
use super::output::{self, OutputFormat};
use super::ConsoleOutput;
use crate::engine::aws::{AwsApi, CallContext};
use input::ParamError;

/// Exit status for usage and parameter errors.
pub const EXIT_USAGE: i32 = 252;
/// Exit status when the service answered with an error.
pub const EXIT_SERVICE: i32 = 254;
/// Exit status for other failures (a `--query` function error).
pub const EXIT_OTHER: i32 = 255;

/// The error code the simulated service uses for checks that botocore
/// makes on the client (`Parameter validation failed:`), not the service.
const CLIENT_VALIDATION: &str = "ParamValidation";

/// The version line `aws --version` prints.
pub const VERSION_LINE: &str =
    "aws-cli/2.22.0 Python/3.12.6 Linux/6.1 exe/x86_64.dnsplay (simulated: Route 53 only)";

/// The usage block the CLI prints before an argparse error
/// (awscli `clidriver.py` USAGE).
const USAGE: &str = concat!(
    "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n",
    "To see help text, you can run:\n",
    "\n",
    "  aws help\n",
    "  aws <command> help\n",
    "  aws <command> <subcommand> help\n",
);

/// Global options that take a value (awscli `data/cli.json`).
const GLOBAL_WITH_VALUE: &[&str] = &[
    "--query",
    "--output",
    "--endpoint-url",
    "--region",
    "--profile",
    "--color",
    "--ca-bundle",
    "--cli-read-timeout",
    "--cli-connect-timeout",
    "--cli-binary-format",
];

/// Global flags.
const GLOBAL_FLAGS: &[&str] = &[
    "--debug",
    "--no-verify-ssl",
    "--no-paginate",
    "--no-sign-request",
    "--no-cli-pager",
    "--cli-auto-prompt",
    "--no-cli-auto-prompt",
    "--version",
];

#[derive(Default)]
struct Globals {
    query: Option<String>,
    output: Option<String>,
    no_paginate: bool,
    version: bool,
}

fn usage_error(e: UsageError) -> ConsoleOutput {
    let tail = match e {
        UsageError::Argparse(msg) => format!("aws: error: {msg}\n"),
        UsageError::Unknown(list) => format!("Unknown options: {}\n", list.join(", ")),
    };
    ConsoleOutput::err(format!("\n{USAGE}\n{tail}"), EXIT_USAGE)
}

/// argparse's invalid-choice message: choices two per line, padded to 40.
fn invalid_choice(argument: &str, choices: &[&str]) -> UsageError {
    let mut msg = format!("argument {argument}: Invalid choice, valid choices are:\n");
    for pair in choices.chunks(2) {
        let cells: Vec<String> = pair.iter().map(|c| format!("{c:<40}")).collect();
        msg.push('\n');
        msg.push_str(&cells.join(" | "));
    }
    UsageError::Argparse(msg)
}

fn split_globals(args: &[String]) -> Result<(Globals, Vec<String>), UsageError> {
    let mut g = Globals::default();
    let mut rest = Vec::new();
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if GLOBAL_WITH_VALUE.contains(&name) {
            let value = match inline {
                Some(v) => v,
                None => match args.get(i) {
                    Some(v) if !v.starts_with("--") => {
                        i += 1;
                        v.clone()
                    }
                    _ => {
                        return Err(UsageError::Argparse(format!(
                            "argument {name}: expected one argument"
                        )))
                    }
                },
            };
            match name {
                "--query" => g.query = Some(value),
                "--output" => g.output = Some(value),
                _ => {}
            }
        } else if GLOBAL_FLAGS.contains(&name) && inline.is_none() {
            match name {
                "--no-paginate" => g.no_paginate = true,
                "--version" => g.version = true,
                _ => {}
            }
        } else {
            rest.push(arg.clone());
        }
    }
    Ok((g, rest))
}

fn general_help() -> String {
    format!(
        "aws (simulated in dnsplay)\n\n{USAGE}\n\
         The playground simulates one service:\n\n  route53    Amazon Route 53 hosted zones, records and health checks\n\n\
         Global options: --query, --output json|text|table, --endpoint-url, --region,\n\
         --profile, --no-paginate, --no-cli-pager (accepted; there is only one account).\n"
    )
}

fn route53_help() -> String {
    let mut s = String::from("route53 (simulated in dnsplay)\n\nAvailable commands:\n\n");
    for op in OPERATIONS {
        s.push_str(&format!("  {:<30} {}\n", op.cli, op.summary));
    }
    s
}

fn op_help(op: &'static OpSpec) -> String {
    let mut s = format!(
        "{} (simulated in dnsplay)\n\n{}\n\nSynopsis:\n\n  {}\n",
        op.cli, op.summary, op.cli
    );
    for p in op.all_params() {
        if p.required {
            s.push_str(&format!("  {} <value>\n", p.cli));
        } else {
            s.push_str(&format!("  [{} <value>]\n", p.cli));
        }
    }
    s
}

/// Runs one `aws`/`awslocal` command line (`args` excludes the program
/// name) against `api`. `env` reads the exported shell variables the CLI
/// honours: `AWS_DEFAULT_OUTPUT` sets the format when `--output` is absent.
pub fn run(
    args: &[String],
    env: &dyn Fn(&str) -> Option<String>,
    api: &mut dyn AwsApi,
    ctx: CallContext,
) -> ConsoleOutput {
    let (globals, rest) = match split_globals(args) {
        Ok(v) => v,
        Err(e) => return usage_error(e),
    };
    if globals.version {
        return ConsoleOutput::out(format!("{VERSION_LINE}\n"));
    }
    let Some(service) = rest.first() else {
        return usage_error(UsageError::Argparse(
            "the following arguments are required: command".into(),
        ));
    };
    match service.as_str() {
        "help" => return ConsoleOutput::out(general_help()),
        "route53" => {}
        s if s.starts_with('-') => return usage_error(UsageError::Unknown(vec![s.to_string()])),
        _ => return usage_error(invalid_choice("command", &["route53"])),
    }
    let Some(op_name) = rest.get(1) else {
        return usage_error(UsageError::Argparse(
            "the following arguments are required: operation".into(),
        ));
    };
    if op_name == "help" {
        return ConsoleOutput::out(route53_help());
    }
    let Some(op) = find_op(op_name) else {
        let names: Vec<&str> = OPERATIONS.iter().map(|o| o.cli).collect();
        return usage_error(invalid_choice("operation", &names));
    };
    let op_args = rest.get(2..).unwrap_or(&[]);
    if op_args.first().is_some_and(|a| a == "help") {
        return ConsoleOutput::out(op_help(op));
    }
    let format = match globals.output.as_deref() {
        None => match env("AWS_DEFAULT_OUTPUT").filter(|v| !v.is_empty()) {
            None => OutputFormat::Json,
            Some(name) => match OutputFormat::from_name(&name) {
                Some(f) => f,
                None => {
                    return ConsoleOutput::err(
                        format!("\nUnknown output type: {name}\n"),
                        EXIT_OTHER,
                    )
                }
            },
        },
        Some(name) => match OutputFormat::from_name(name) {
            Some(f) => f,
            None => {
                return usage_error(invalid_choice(
                    "--output",
                    &["json", "text", "table", "yaml", "yaml-stream"],
                ))
            }
        },
    };
    let query = match globals.query.as_deref().map(Expression::parse) {
        None => None,
        Some(Ok(q)) => Some(q),
        // awscli globalargs.py `_resolve_query` raises ValueError, which the
        // CLI prints as a general error.
        Some(Err(e)) => {
            let expr = globals.query.as_deref().unwrap_or_default();
            return ConsoleOutput::err(
                format!("\nBad value for --query {expr}: {e}\n"),
                EXIT_OTHER,
            );
        }
    };
    let given = match args::parse_op_args(op, op_args) {
        Ok(g) => g,
        Err(e) => return usage_error(e),
    };
    let (input, pages) = match input::build_input(&given) {
        Ok(v) => v,
        Err(ParamError::Parse(msg)) => return ConsoleOutput::err(format!("\n{msg}\n"), EXIT_USAGE),
        Err(ParamError::Validation(lines)) => {
            return ConsoleOutput::err(
                format!("\nParameter validation failed:\n{}\n", lines.join("\n")),
                EXIT_USAGE,
            )
        }
    };
    let result = match op.paginator {
        Some(pag) if !globals.no_paginate => {
            let start = match pages.starting_token.as_deref() {
                None => None,
                Some(token) => match paginate::decode_token(token) {
                    Some(m) => Some(m),
                    // botocore raises ValueError("Bad starting token: ...").
                    None => {
                        return ConsoleOutput::err(
                            format!("\nBad starting token: {token}\n"),
                            EXIT_OTHER,
                        )
                    }
                },
            };
            paginate::paginate(api, op, pag, input, &pages, start.as_ref(), ctx)
        }
        _ => api.call("route53", op.api, &Value::Object(input), ctx),
    };
    let response = match result {
        // The CLI never prints the SDK's request metadata.
        Ok(Value::Object(mut m)) => {
            m.remove("ResponseMetadata");
            let mut v = Value::Object(m);
            cli_timestamps(&mut v);
            v
        }
        Ok(v) => v,
        // The service model reports the range checks botocore makes before
        // sending (`engine::health::validate`) under this code: the CLI
        // prints them as its own validation failure, with 252.
        Err(e) if e.code == CLIENT_VALIDATION => {
            return ConsoleOutput::err(format!("\n{}\n", e.message), EXIT_USAGE)
        }
        Err(e) => {
            return ConsoleOutput::err(
                format!(
                    "\nAn error occurred ({}) when calling the {} operation: {}\n",
                    e.code, op.api, e.message
                ),
                EXIT_SERVICE,
            )
        }
    };
    let shown = match &query {
        None => response,
        Some(q) => match q.search(&response) {
            Ok(v) => v,
            Err(e) => return ConsoleOutput::err(format!("\n{e}\n"), EXIT_OTHER),
        },
    };
    ConsoleOutput::out(output::format(&shown, format, op.api))
}

#[cfg(test)]
mod tests;

/// Route 53 members whose shape is a timestamp: botocore parses them into
/// datetimes and AWS CLI v2 prints them with Python's `isoformat()`.
const TIMESTAMP_MEMBERS: &[&str] = &["SubmittedAt", "CheckedTime"];

/// Rewrites every timestamp member of a response as the CLI prints it.
fn cli_timestamps(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, item) in m.iter_mut() {
                if let (true, Value::String(s)) = (TIMESTAMP_MEMBERS.contains(&k.as_str()), &*item)
                {
                    if let Some(t) = python_isoformat(s) {
                        *item = Value::String(t);
                        continue;
                    }
                }
                cli_timestamps(item);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(cli_timestamps),
        _ => {}
    }
}

/// `2025-01-01T00:00:12.340Z` (the API's form) as Python's
/// `datetime.isoformat()` prints the parsed value: `2025-01-01T00:00:12.340000+00:00`,
/// and without a fraction when it is zero (`2025-01-01T00:00:12+00:00`).
fn python_isoformat(api: &str) -> Option<String> {
    let body = api.strip_suffix('Z')?;
    let (secs, frac) = match body.split_once('.') {
        Some((s, f)) if !f.is_empty() && f.len() <= 6 && f.bytes().all(|b| b.is_ascii_digit()) => {
            (s, f)
        }
        Some(_) => return None,
        None => (body, ""),
    };
    if secs.len() != 19 || !secs.is_char_boundary(10) || secs.as_bytes().get(10) != Some(&b'T') {
        return None;
    }
    let micros = format!("{frac:0<6}");
    if micros.bytes().all(|b| b == b'0') {
        Some(format!("{secs}+00:00"))
    } else {
        Some(format!("{secs}.{micros}+00:00"))
    }
}

#[cfg(test)]
mod timestamp_tests {
    use super::*;

    #[test]
    fn timestamps_print_as_cli_v2_prints_them() {
        for (api, cli) in [
            (
                "2025-01-01T00:00:00.000Z",
                Some("2025-01-01T00:00:00+00:00"),
            ),
            (
                "2025-01-01T00:00:12.340Z",
                Some("2025-01-01T00:00:12.340000+00:00"),
            ),
            ("2025-01-01T00:00:12Z", Some("2025-01-01T00:00:12+00:00")),
            ("not a time", None),
            ("2025-01-01 00:00:00Z", None),
        ] {
            assert_eq!(python_isoformat(api).as_deref(), cli, "{api}");
        }
    }

    #[test]
    fn only_timestamp_members_are_rewritten() {
        let mut v = serde_json::json!({
            "ChangeInfo": {"Id": "/change/C1", "SubmittedAt": "2025-01-01T00:01:00.500Z"},
            "Comment": "2025-01-01T00:01:00.500Z"
        });
        cli_timestamps(&mut v);
        assert_eq!(
            v["ChangeInfo"]["SubmittedAt"],
            "2025-01-01T00:01:00.500000+00:00"
        );
        assert_eq!(v["Comment"], "2025-01-01T00:01:00.500Z");
    }
}
