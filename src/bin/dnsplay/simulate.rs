//! `dnsplay simulate SCENARIO.json [--until 10m] [--format text|json|csv] [--probes]`:
//! runs a scenario on the failover clock and prints its timeline.
//!
//! Text shows faults, checker verdict changes, health-check status changes
//! with their reasons and each watched name's answer changes (probes only
//! with `--probes`), then the lints and the scenario's notes. JSON is the
//! whole run (timeline with probes, answers, lints); CSV one row per event.
//! Exit status: 0 after a run, 1 when the scenario cannot run, 2 for a
//! usage problem (missing file, bad JSON, bad duration, unknown option).

use std::process::ExitCode;

use dnsplay::engine::time::SimTime;

pub(crate) mod duration;
mod report;

use duration::parse_duration;
use report::{csv_report, json_report, text_report};

/// One line for `dnsplay --help`.
pub const SUMMARY: &str = "Run a scenario's failover clock and print its timeline";

const USAGE: &str =
    "Usage: dnsplay simulate SCENARIO.json [--until DURATION] [--format text|json|csv] [--probes]

  --until DURATION   simulate up to this time instead of the scenario's horizon
                     (90s, 10m, 2h, 1h30m, 250ms)
  --format FORMAT    text (default), json or csv
  --probes           list every probe in text output (json and csv always do)
";

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Csv,
}

#[derive(Debug, PartialEq, Eq)]
struct Args {
    path: String,
    until: Option<SimTime>,
    format: Format,
    probes: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut path = None;
    let mut until = None;
    let mut format = Format::Text;
    let mut probes = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--until" => {
                let v = it.next().ok_or("--until needs a duration")?;
                until = Some(parse_duration(v)?);
            }
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    Some(other) => {
                        return Err(format!("unknown format '{other}': use text, json or csv"))
                    }
                    None => return Err("--format needs text, json or csv".into()),
                }
            }
            "--probes" => probes = true,
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            s if path.is_none() => path = Some(s.to_string()),
            s => return Err(format!("unexpected argument '{s}'")),
        }
    }
    Ok(Args {
        path: path.ok_or("missing SCENARIO.json")?,
        until,
        format,
        probes,
    })
}

/// Entry point for `dnsplay simulate`.
pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dnsplay simulate: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let scenario = match crate::scenario_file::load(&args.path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dnsplay simulate: {e}");
            return ExitCode::from(2);
        }
    };
    let horizon = args.until.unwrap_or(scenario.horizon());
    let record_probes = args.format != Format::Text || args.probes;
    let run = match scenario.run_until(horizon, record_probes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dnsplay simulate: {}: {e}", args.path);
            return ExitCode::from(1);
        }
    };
    let out = match args.format {
        Format::Text => text_report(&scenario, &run),
        Format::Json => json_report(&scenario, &run),
        Format::Csv => csv_report(&scenario, &run),
    };
    print!("{out}");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let a = |v: &[&str]| parse_args(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            a(&["s.json", "--until", "90s", "--format", "csv", "--probes"]),
            Ok(Args {
                path: "s.json".into(),
                until: Some(SimTime(90_000)),
                format: Format::Csv,
                probes: true
            })
        );
        assert_eq!(a(&[]), Err("missing SCENARIO.json".into()));
        assert_eq!(
            a(&["s.json", "--until"]),
            Err("--until needs a duration".into())
        );
        assert_eq!(
            a(&["s.json", "--format", "xml"]),
            Err("unknown format 'xml': use text, json or csv".into())
        );
        assert_eq!(a(&["s.json", "--x"]), Err("unknown option '--x'".into()));
        assert_eq!(a(&["a", "b"]), Err("unexpected argument 'b'".into()));
    }
}
