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

use dnsplay::engine::routing::Answer;
use dnsplay::engine::sim::TimelineEvent;
use dnsplay::engine::time::SimTime;
use dnsplay::scenario::model::{Scenario, ScenarioRun};

mod duration;

use duration::parse_duration;

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
    let text = match std::fs::read_to_string(&args.path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("dnsplay simulate: cannot read {}: {e}", args.path);
            return ExitCode::from(2);
        }
    };
    let scenario = match Scenario::from_json(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dnsplay simulate: {}: {e}", args.path);
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

/// A check's CallerReference (readable) when the scenario knows it, else its id.
fn check_name(s: &Scenario, id: &str) -> String {
    s.route53
        .health_check(id)
        .map(|h| h.caller_reference.clone())
        .unwrap_or_else(|| id.to_string())
}

fn health_word(healthy: bool) -> &'static str {
    if healthy {
        "healthy"
    } else {
        "unhealthy"
    }
}

fn answer_text(a: &Answer) -> String {
    match a {
        Answer::Records {
            chosen,
            values,
            reason,
        } => format!("{} -> {} ({reason})", chosen.join(","), values.join(" ")),
        Answer::NoData { reason } => format!("NODATA ({reason})"),
    }
}

/// One row per event: time, kind, subject, healthy, detail.
type Row = (SimTime, &'static str, String, Option<bool>, String);

/// Every event of the run: probes appear when the run recorded them (json,
/// csv, `--probes`).
fn rows(s: &Scenario, run: &ScenarioRun) -> Vec<Row> {
    let mut out: Vec<(SimTime, u8, Row)> = Vec::new();
    for e in &run.timeline.entries {
        let row = match &e.event {
            TimelineEvent::Fault { fault } => {
                (e.at, "fault", String::new(), None, fault.to_string())
            }
            TimelineEvent::Probe {
                check,
                region,
                checker,
                passed,
                observation,
                ..
            } => (
                e.at,
                "probe",
                format!("{} {region}#{checker}", check_name(s, check)),
                Some(*passed),
                observation.clone(),
            ),
            TimelineEvent::Checker {
                check,
                region,
                checker,
                healthy,
                reason,
            } => (
                e.at,
                "checker",
                format!("{} {region}#{checker}", check_name(s, check)),
                Some(*healthy),
                reason.clone(),
            ),
            TimelineEvent::Status {
                check,
                healthy,
                reason,
            } => (
                e.at,
                "status",
                check_name(s, check),
                Some(*healthy),
                reason.clone(),
            ),
        };
        out.push((e.at, 0, row));
    }
    for a in &run.answers {
        let row = (
            a.at,
            "answer",
            format!("{} {}", a.name, a.rtype),
            None,
            answer_text(&a.answer),
        );
        // Answers follow the events of their instant: they are their result.
        out.push((a.at, 1, row));
    }
    out.sort_by_key(|(at, order, _)| (*at, *order));
    out.into_iter().map(|(_, _, r)| r).collect()
}

fn text_report(s: &Scenario, run: &ScenarioRun) -> String {
    let mut out = String::new();
    if !s.title.is_empty() {
        out.push_str(&format!("{}\n", s.title));
    }
    out.push_str(&format!(
        "seed {}, until {}, {} health check(s), {} checker(s) per region\n\n",
        s.seed,
        run.timeline.horizon,
        s.route53.health_checks.len(),
        s.checkers_per_region
    ));
    for (at, kind, subject, healthy, detail) in rows(s, run) {
        let state = healthy
            .map(|h| format!("{}: ", health_word(h)))
            .unwrap_or_default();
        let subject = if subject.is_empty() {
            String::new()
        } else {
            format!("{subject} ")
        };
        out.push_str(&format!(
            "{:<12} {kind:<8} {subject}{state}{detail}\n",
            at.to_string()
        ));
    }
    let summary = summary(s, run);
    if !summary.is_empty() {
        out.push_str("\nSummary:\n");
        for line in summary {
            out.push_str(&format!("  {line}\n"));
        }
    }
    if !run.lints.is_empty() {
        out.push_str("\nLints:\n");
        for l in &run.lints {
            out.push_str(&format!(
                "  {} [{}]: {}\n",
                l.code,
                l.records.join(", "),
                l.message
            ));
        }
    }
    if !s.notes.is_empty() {
        out.push_str(&format!("\nNotes: {}\n", s.notes));
    }
    out
}

/// `29.181 s`: a duration in seconds with milliseconds.
fn seconds(ms: u64) -> String {
    format!("{}.{:03} s", ms / 1000, ms % 1000)
}

/// What moved, measured from the fault before it: each status change and
/// each answer change after t=0.
fn summary(s: &Scenario, run: &ScenarioRun) -> Vec<String> {
    let faults: Vec<(SimTime, String)> = run
        .timeline
        .entries
        .iter()
        .filter_map(|e| match &e.event {
            TimelineEvent::Fault { fault } => Some((e.at, fault.to_string())),
            _ => None,
        })
        .collect();
    let since = |at: SimTime| -> String {
        match faults.iter().rev().find(|(t, _)| *t <= at) {
            Some((t, what)) => format!(
                ", {} after \"{what}\" at {t}",
                seconds(at.as_millis().saturating_sub(t.as_millis()))
            ),
            None => String::new(),
        }
    };
    let mut out = Vec::new();
    for e in run.timeline.entries.iter().filter(|e| e.at > SimTime::ZERO) {
        if let TimelineEvent::Status { check, healthy, .. } = &e.event {
            out.push(format!(
                "{} turned {} at {}{}",
                check_name(s, check),
                health_word(*healthy),
                e.at,
                since(e.at)
            ));
        }
    }
    for a in run.answers.iter().filter(|a| a.at > SimTime::ZERO) {
        let what = match &a.answer {
            Answer::Records { chosen, .. } => chosen.join(","),
            Answer::NoData { .. } => "NODATA".to_string(),
        };
        out.push(format!(
            "{} {} answered {what} from {}{}",
            a.name,
            a.rtype,
            a.at,
            since(a.at)
        ));
    }
    out
}

fn json_report(s: &Scenario, run: &ScenarioRun) -> String {
    let doc = serde_json::json!({
        "title": s.title,
        "seed": s.seed,
        "horizon_ms": run.timeline.horizon.as_millis(),
        "timeline": run.timeline,
        "answers": run.answers,
        "lints": run.lints,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// RFC 4180: quote a field holding a comma, quote or line break; double
/// the quotes inside.
fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

fn csv_report(s: &Scenario, run: &ScenarioRun) -> String {
    let mut out = String::from("at_ms,kind,subject,healthy,detail\n");
    for (at, kind, subject, healthy, detail) in rows(s, run) {
        let healthy = healthy.map(|h| h.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "{},{kind},{},{healthy},{}\n",
            at.as_millis(),
            csv_field(&subject),
            csv_field(&detail)
        ));
    }
    out
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

    /// RFC 4180 §2 rules 6 and 7.
    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
