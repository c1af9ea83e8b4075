//! The native console: feeding lines, options, and building the backend
//! from the --state and --scenario files.

use super::*;
use dnsplay::engine::aws::{ApiError, CallContext};
use serde_json::{json, Value};

/// Remembers zone names; its state is the list as JSON.
struct Zones(Vec<String>);

impl AwsApi for Zones {
    fn call(
        &mut self,
        _: &str,
        op: &str,
        input: &Value,
        _: CallContext,
    ) -> Result<Value, ApiError> {
        if op == "CreateHostedZone" {
            self.0
                .push(input["Name"].as_str().unwrap_or("").to_string());
        }
        Ok(json!({"HostedZones": self.0.iter().map(|n| json!({"Name": n})).collect::<Vec<_>>()}))
    }
}

fn run_text(console: &mut Console<Zones>, text: &str) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run_io(console, text.as_bytes(), &mut out, &mut err).unwrap();
    (
        status,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn feeds_complete_commands_and_stops_like_sh() {
    let mut c = Console::new(Zones(Vec::new()));
    let (status, out, err) = run_text(
        &mut c,
        "echo 'a\nb'\naws route53 create-hosted-zone --name x.com --caller-reference r \\\n  --query 'HostedZones[0].Name' --output text\nexit 3\necho never\n",
    );
    assert_eq!(
        (status, out.as_str(), err.as_str()),
        (3, "a\nb\nx.com\n", "")
    );
    // Input ending inside a quote is a syntax error, status 2.
    let (status, _, err) = run_text(&mut c, "echo 'open\n");
    assert_eq!(status, 2);
    assert!(err.contains("unterminated single quote"), "{err}");
}

const BLOG: &str = include_str!("../../../../tests/fixtures/scenarios/blog-failover.json");

fn load(state: Option<&str>, scenario: Option<&str>) -> Result<Backend, LoadError> {
    backend_from(Sources {
        state,
        scenario: scenario.map(|t| ("blog.json", t)),
    })
}

#[test]
fn scenario_and_state_combine() {
    let fresh = load(None, None).unwrap();
    assert!(fresh.world.is_none() && fresh.health_checks.is_empty());
    // The scenario alone: its two checks, its world attached.
    let blog = load(None, Some(BLOG)).unwrap();
    assert_eq!(blog.health_checks.len(), 2);
    assert!(blog.world.is_some());
    // An empty state file counts as none yet.
    assert_eq!(
        load(Some("  \n"), Some(BLOG)).unwrap().health_checks.len(),
        2
    );
    // An existing state replaces the zones and checks, not the world.
    let saved = backend_to_state(&Route53::new(9)).unwrap();
    let both = load(Some(&saved), Some(BLOG)).unwrap();
    assert!(both.health_checks.is_empty() && both.world.is_some());
    // The world is never written to the state.
    let text = backend_to_state(&blog).unwrap();
    assert!(serde_json::from_str::<Backend>(&text)
        .unwrap()
        .world
        .is_none());
}

#[test]
fn bad_files_name_the_problem_and_status() {
    let e = load(None, Some("{\"version\": 1")).unwrap_err();
    assert_eq!(e.status, EXIT_BAD_INPUT);
    assert!(
        e.message
            .starts_with("blog.json is not a dnsplay scenario: "),
        "{}",
        e.message
    );
    let e = load(Some("{oops"), None).unwrap_err();
    assert_eq!(e.status, 1);
    assert!(
        e.message.starts_with("the state file is not"),
        "{}",
        e.message
    );
}

#[test]
fn options() {
    assert!(parse_args(&["--help".into()]).unwrap().is_none());
    let o = parse_args(&["--state".into(), "s.json".into(), "run.sh".into()])
        .unwrap()
        .unwrap();
    assert_eq!(
        (o.state.as_deref(), o.script.as_deref()),
        (Some("s.json"), Some("run.sh"))
    );
    let o = parse_args(&["--state=s.json".into()]).unwrap().unwrap();
    assert_eq!(o.state.as_deref(), Some("s.json"));
    assert!(parse_args(&["--state".into()]).is_err());
    assert!(parse_args(&["--bogus".into()]).is_err());
    assert!(parse_args(&["a".into(), "b".into()]).is_err());
    let o = parse_args(&[
        "--scenario".into(),
        "blog.json".into(),
        "--state=s.json".into(),
    ])
    .unwrap()
    .unwrap();
    assert_eq!(
        (o.scenario.as_deref(), o.state.as_deref()),
        (Some("blog.json"), Some("s.json"))
    );
    assert!(parse_args(&["--scenario".into()]).is_err());
    // A longer option sharing the prefix is not taken for it.
    assert!(parse_args(&["--scenarios=x".into()]).is_err());
}
