//! `dnsplay link` and `dnsplay open` on the committed blog scenario: the
//! link opens as the same document, carries page and time, and every bad
//! input exits 2 with the reason (issue 7: a blog's CI checks its
//! scenarios with these two commands).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use dnsplay::scenario::codec::open;
use dnsplay::scenario::model::Scenario;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/scenarios/blog-failover.json"
);

fn dnsplay(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dnsplay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run dnsplay: {e}"));
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn link_then_open_gives_the_document_back() {
    let o = dnsplay(
        &[
            "link",
            FIXTURE,
            "--base",
            "https://blog.example/dns#intro",
            "--page",
            "route53-failover",
            "--at",
            "90s",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let url = out(&o).trim_end().to_string();
    assert!(url.starts_with("https://blog.example/dns#s=1."), "{url}");
    assert!(url.len() <= 600, "{} chars", url.len());
    let state = open(&url).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(state.page.as_deref(), Some("route53-failover"));
    assert_eq!(state.time_ms, 90_000);

    let fixture = std::fs::read_to_string(FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    let o = dnsplay(&["open", &url], "");
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(out(&o), fixture);
    // From stdin, and with the envelope.
    let o = dnsplay(&["open", "-", "--state"], &url);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let printed: serde_json::Value =
        serde_json::from_str(&out(&o)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(printed["time_ms"], 90_000);
    assert_eq!(
        Scenario::from_json(&printed["scenario"].to_string()),
        Scenario::from_json(&fixture)
    );
}

#[test]
fn bad_input_exits_2_with_the_reason() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["open", "https://x/#s=9.AAAA"],
            "link version 9 was made by a newer dnsplay",
        ),
        (
            &["open", "https://x/#s=1.AQ*A"],
            "bad base64url at position 2",
        ),
        (&["open", "https://x/"], "not a dnsplay link"),
        (&["open"], "missing URL"),
        (&["link"], "missing SCENARIO.json"),
        (
            &["link", "/nonexistent.json"],
            "cannot read /nonexistent.json",
        ),
        (&["link", FIXTURE, "--page", "../x"], "is not a page slug"),
        (
            &["link", FIXTURE, "--at", "11m"],
            "past the scenario's horizon",
        ),
    ];
    for (args, want) in cases {
        let o = dnsplay(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(err(&o).contains(want), "{args:?}: {}", err(&o));
        assert_eq!(out(&o), "", "{args:?}");
    }
}

/// `dnsplay export` prints each format of the blog zone; errors exit 2.
#[test]
fn export_formats() {
    for (format, want) in [
        ("zonefile", "$ORIGIN hello-localstack.com.\n"),
        ("change-batch", "\"SetIdentifier\": \"app-a\""),
        ("awslocal", "HC_1=$(awslocal route53 create-health-check"),
        (
            "terraform",
            "resource \"aws_route53_zone\" \"hello_localstack_com\"",
        ),
    ] {
        let o = dnsplay(&["export", "--format", format, FIXTURE], "");
        assert_eq!(o.status.code(), Some(0), "{format}: {}", err(&o));
        assert!(out(&o).contains(want), "{format}: {}", out(&o));
    }
    let o = dnsplay(
        &[
            "export", "--format", "zonefile", FIXTURE, "--zone", "nope.com",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("no hosted zone nope.com."), "{}", err(&o));
}
