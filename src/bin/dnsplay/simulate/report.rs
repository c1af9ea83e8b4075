//! What `dnsplay simulate` prints: the run as text (events, a summary
//! measured from the faults, lints, notes), JSON or CSV.

use dnsplay::engine::routing::Answer;
use dnsplay::engine::sim::TimelineEvent;
use dnsplay::engine::time::SimTime;
use dnsplay::scenario::model::{Scenario, ScenarioRun};

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

pub fn text_report(s: &Scenario, run: &ScenarioRun) -> String {
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

pub fn json_report(s: &Scenario, run: &ScenarioRun) -> String {
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

pub fn csv_report(s: &Scenario, run: &ScenarioRun) -> String {
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

    /// RFC 4180 §2 rules 6 and 7.
    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
