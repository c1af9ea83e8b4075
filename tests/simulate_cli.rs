//! `dnsplay simulate` on the committed blog scenario: the status change and
//! the answer change it prints are the library's, at the same millisecond,
//! within the window interval and threshold allow; bad input exits 2.

use std::process::{Command, Output};

use dnsplay::engine::routing::Answer;
use dnsplay::scenario::model::Scenario;
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/scenarios/blog-failover.json"
);

fn dnsplay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dnsplay"))
        .arg("simulate")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run dnsplay: {e}"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The library's own run of the fixture: (health check id, when it turns
/// unhealthy, when the answer moves to app-b).
fn expected() -> (String, u64, u64) {
    let text = std::fs::read_to_string(FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    let s = Scenario::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
    let run = s.run().unwrap_or_else(|e| panic!("{e}"));
    let id = s.route53.health_checks[0].id.clone();
    let down = run
        .timeline
        .status_changes(&id)
        .find(|c| !c.1)
        .map(|c| c.0.as_millis())
        .unwrap_or_else(|| panic!("never unhealthy"));
    let moved = run
        .answers
        .iter()
        .find(|a| matches!(&a.answer, Answer::Records { chosen, .. } if chosen == &["app-b"]))
        .map(|a| a.at.as_millis())
        .unwrap_or_else(|| panic!("never app-b"));
    (id, down, moved)
}

/// JSON output: the status change (API FailureThreshold x RequestInterval
/// after the fault, then the 18 % rule) and the failover answer (DG
/// `dns-failover-types`: the SECONDARY once the PRIMARY is unhealthy).
#[test]
fn json_timeline_has_the_status_and_answer_change() {
    let (id, down, moved) = expected();
    // Each checker's cycle is 10 s + 2 x 20 ms; the third failure after the
    // 30 s fault lands between 50.120 s and 60.160 s.
    assert!((50_120..=60_160).contains(&down), "{down}");
    assert_eq!(
        moved, down,
        "Route 53 answers app-b from the status change on"
    );
    let out = dnsplay(&[FIXTURE, "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}"));
    let statuses: Vec<(u64, bool)> = v["timeline"]["entries"]
        .as_array()
        .map(|l| {
            l.iter()
                .filter(|e| e["event"]["kind"] == "status" && e["event"]["check"] == id.as_str())
                .map(|e| {
                    (
                        e["at"].as_u64().unwrap_or(0),
                        e["event"]["healthy"].as_bool().unwrap_or(true),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(statuses, [(0, true), (down, false)]);
    let answers: Vec<(u64, String)> = v["answers"]
        .as_array()
        .map(|l| {
            l.iter()
                .map(|a| {
                    (
                        a["at"].as_u64().unwrap_or(0),
                        a["answer"]["chosen"][0].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        answers,
        [(0, "app-a".to_string()), (moved, "app-b".to_string())]
    );
    // JSON always carries the probes.
    assert!(stdout(&out).contains("\"kind\": \"probe\""));
}

/// Text output: the status line with its 18 % reason and the answer line,
/// no probes unless asked; the lints name the blog's records.
#[test]
fn text_timeline() {
    let (_, down, _) = expected();
    let at = format!("t+{}.{:03}s", down / 1000, down % 1000);
    let out = dnsplay(&[FIXTURE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{at:<12} status   app-a-health unhealthy: 2 of 16 checkers healthy (12.50 % <= 18 %)"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{at:<12} answer   api.hello-localstack.com. A app-b -> 192.168.49.2"
        )),
        "{text}"
    );
    assert!(
        text.contains("t+30.000s    fault    app-a reports DOWN"),
        "{text}"
    );
    let after = format!(
        "{}.{:03} s after \"app-a reports DOWN\" at t+30.000s",
        (down - 30_000) / 1000,
        (down - 30_000) % 1000
    );
    assert!(
        text.contains(&format!("app-a-health turned unhealthy at {at}, {after}")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "api.hello-localstack.com. A answered app-b from {at}, {after}"
        )),
        "{text}"
    );
    assert!(text.contains("failover-same-address [api.hello-localstack.com/app-a, api.hello-localstack.com/app-b]"), "{text}");
    assert!(!text.contains(" probe    "), "{text}");
    let with = stdout(&dnsplay(&[FIXTURE, "--probes", "--until", "15s"]));
    assert!(with.contains(" probe    "), "{with}");
    assert!(
        !with.contains("fault"),
        "--until 15s stops before the fault: {with}"
    );
}

#[test]
fn csv_has_a_header_and_rows() {
    let out = dnsplay(&[FIXTURE, "--format", "csv", "--until", "1m"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("at_ms,kind,subject,healthy,detail"));
    assert!(
        text.lines()
            .any(|l| l.starts_with("30000,fault,,,app-a reports DOWN")),
        "{text}"
    );
}

/// Each row: arguments and the start of the error; all exit 2.
#[test]
fn usage_errors_exit_2() {
    let bad_json = std::env::temp_dir().join("dnsplay-simulate-bad.json");
    std::fs::write(&bad_json, "{\n  \"seed\": 1,\n  \"horizon\": 5\n}\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let bad = bad_json.to_string_lossy().into_owned();
    let rows: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["/nonexistent/s.json"],
            "dnsplay simulate: cannot read /nonexistent/s.json:".into(),
        ),
        (
            vec![bad.as_str()],
            format!(
                "dnsplay simulate: {bad}: line 3, column 11, at horizon: unknown field `horizon`"
            ),
        ),
        (
            vec![FIXTURE, "--until", "10"],
            "dnsplay simulate: invalid duration '10': missing unit".into(),
        ),
        (
            vec![FIXTURE, "--format", "xml"],
            "dnsplay simulate: unknown format 'xml'".into(),
        ),
        (vec![], "dnsplay simulate: missing SCENARIO.json".into()),
    ];
    for (args, want) in rows {
        let out = dnsplay(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).starts_with(&want),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}
