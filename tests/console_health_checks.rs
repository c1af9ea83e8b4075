//! The health-check commands on the blog's failover scenario (app-a
//! PRIMARY on NodePort 30001, app-b SECONDARY on 30002, app-a DOWN at
//! 30 s), as a person types them into the console: the checks listed,
//! their checkers' latest results before and after the fault, agreeing
//! with the engine's own timeline probe for probe, and Route 53's
//! InvalidInput and HealthCheckInUse errors. The last tests run the native
//! binary's `dnsplay console --scenario`.

use std::collections::BTreeMap;
use std::process::{Command, Output, Stdio};

use dnsplay::console::net::route53_network;
use dnsplay::console::{Console, ConsoleOutput};
use dnsplay::engine::health::messages::NO_ENDPOINT;
use dnsplay::engine::route53::Route53;
use dnsplay::engine::sim::TimelineEvent;
use dnsplay::engine::time::SimTime;
use dnsplay::scenario::model::Scenario;
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/scenarios/blog-failover.json"
);

fn scenario() -> Scenario {
    let text = std::fs::read_to_string(FIXTURE).unwrap_or_else(|e| panic!("{FIXTURE}: {e}"));
    Scenario::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn console(s: &Scenario) -> Console<Route53> {
    let mut c = Console::new(s.attached_route53());
    c.set_network(route53_network(s.seed));
    c
}

fn ok(c: &mut Console<Route53>, line: &str) -> String {
    let out = c.run_line(line);
    assert_eq!(out.status, 0, "{line}: {}", out.stderr);
    out.stdout
}

/// `2025-01-01T00:01:07.602000+00:00` (AWS CLI v2's isoformat of the
/// API's CheckedTime; the simulation starts at 2025-01-01T00:00:00Z) as
/// milliseconds since t=0.
fn cli_ms(text: &str) -> u64 {
    let time = text
        .strip_prefix("2025-01-01T")
        .and_then(|t| t.strip_suffix("+00:00"))
        .unwrap_or_else(|| panic!("not a first-day CLI timestamp: {text}"));
    let (hms, frac) = time.split_once('.').unwrap_or((time, "0"));
    let parts: Vec<u64> = hms.split(':').map(|p| p.parse().unwrap()).collect();
    let micros: u64 = format!("{frac:0<6}").parse().unwrap();
    (parts[0] * 3600 + parts[1] * 60 + parts[2]) * 1000 + micros / 1000
}

/// Each checker's latest probe at `now` from the engine's timeline:
/// (region, checker) → (ms, observation).
fn engine_latest(s: &Scenario, id: &str, now: SimTime) -> BTreeMap<(String, u32), (u64, String)> {
    let run = s.run_until(now, true).unwrap_or_else(|e| panic!("{e}"));
    let mut last = BTreeMap::new();
    for e in run.timeline.probes(id) {
        if let TimelineEvent::Probe {
            region,
            checker,
            observation,
            ..
        } = &e.event
        {
            last.insert(
                (region.clone(), *checker),
                (e.at.as_millis(), observation.clone()),
            );
        }
    }
    last
}

/// The console's `get-health-check-status`, as (region, ms, status) sorted.
fn console_status(c: &mut Console<Route53>, id: &str) -> Vec<(String, u64, String)> {
    let out = ok(
        c,
        &format!("aws route53 get-health-check-status --health-check-id {id}"),
    );
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let mut rows: Vec<(String, u64, String)> = v["HealthCheckObservations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["Region"].as_str().unwrap().to_string(),
                cli_ms(o["StatusReport"]["CheckedTime"].as_str().unwrap()),
                o["StatusReport"]["Status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn as_rows(m: BTreeMap<(String, u32), (u64, String)>) -> Vec<(String, u64, String)> {
    let mut rows: Vec<_> = m.into_iter().map(|((r, _), (t, o))| (r, t, o)).collect();
    rows.sort();
    rows
}

#[test]
fn blog_checks_listed_and_their_status_follows_the_failover_clock() {
    let s = scenario();
    let (app_a, app_b) = (
        s.route53.health_checks[0].id.clone(),
        s.route53.health_checks[1].id.clone(),
    );
    let mut c = console(&s);
    assert_eq!(
        ok(
            &mut c,
            "aws route53 list-health-checks --query 'HealthChecks[].Id' --output text"
        ),
        format!("{app_a}\t{app_b}\n")
    );
    // API GetHealthCheckStatus lists what checkers have observed: at t=0
    // none has probed yet.
    assert_eq!(console_status(&mut c, &app_a), Vec::new());

    // Before the fault at 30 s: every checker of both checks saw 200.
    ok(&mut c, "sleep 20");
    for id in [&app_a, &app_b] {
        let rows = console_status(&mut c, id);
        assert_eq!(rows.len(), 16, "8 regions x 2 checkers: {rows:?}");
        assert!(
            rows.iter()
                .all(|(_, t, o)| *t <= 20_000 && o.starts_with("Success")),
            "{rows:?}"
        );
        assert_eq!(rows, as_rows(engine_latest(&s, id, SimTime::from_secs(20))));
    }

    // 70 s later (t=90 s) app-a has answered 503 to every checker's latest
    // probe; app-b is untouched.
    ok(&mut c, "sleep 70");
    let now = SimTime::from_secs(90);
    let rows = console_status(&mut c, &app_a);
    assert_eq!(rows.len(), 16);
    assert!(
        rows.iter()
            .all(|(_, t, o)| *t > 30_000 && o.starts_with("Failure: HTTP Status Code 503")),
        "{rows:?}"
    );
    assert_eq!(rows, as_rows(engine_latest(&s, &app_a, now)));
    let rows = console_status(&mut c, &app_b);
    assert!(
        rows.iter().all(|(_, _, o)| o.starts_with("Success")),
        "{rows:?}"
    );
    assert_eq!(rows, as_rows(engine_latest(&s, &app_b, now)));

    // The text output the CLI prints, one STATUSREPORT per checker.
    let text = ok(
        &mut c,
        &format!("aws route53 get-health-check-status --health-check-id {app_a} --output text"),
    );
    let reports = text
        .lines()
        .filter(|l| l.starts_with("STATUSREPORT\t"))
        .count();
    assert_eq!(reports, 16, "{text}");
}

fn failing(c: &mut Console<Route53>, line: &str) -> ConsoleOutput {
    let out = c.run_line(line);
    // AWS CLI v2: 254 when the service answered with an error.
    assert_eq!(out.status, 254, "{line}: {}{}", out.stdout, out.stderr);
    out
}

#[test]
fn route53_errors_reach_the_console_verbatim() {
    let s = scenario();
    let app_a = s.route53.health_checks[0].id.clone();
    let mut c = console(&s);
    // An HTTP check needs IPAddress or FullyQualifiedDomainName
    // (API HealthCheckConfig).
    let out = failing(
        &mut c,
        "aws route53 create-health-check --caller-reference bad --health-check-config Type=HTTP,Port=30001",
    );
    assert_eq!(
        out.stderr,
        format!("\nAn error occurred (InvalidInput) when calling the CreateHealthCheck operation: {NO_ENDPOINT}\n")
    );
    // API DeleteHealthCheck: a check named by a record set is refused.
    let out = failing(
        &mut c,
        &format!("aws route53 delete-health-check --health-check-id {app_a}"),
    );
    assert!(
        out.stderr.starts_with(
            "\nAn error occurred (HealthCheckInUse) when calling the DeleteHealthCheck operation: "
        ) && out.stderr.contains(&app_a)
            && out.stderr.contains("api.hello-localstack.com."),
        "{}",
        out.stderr
    );
    // Nothing was created or deleted.
    assert_eq!(
        ok(
            &mut c,
            "aws route53 list-health-checks --query 'length(HealthChecks)'"
        ),
        "2\n"
    );
    // A check no record uses can be created, shown and deleted.
    let id = ok(
        &mut c,
        "aws route53 create-health-check --caller-reference extra --health-check-config \
         '{\"Type\": \"TCP\", \"IPAddress\": \"192.168.49.2\", \"Port\": 30002}' --query HealthCheck.Id --output text",
    );
    let id = id.trim();
    assert_eq!(
        ok(&mut c, &format!("aws route53 get-health-check --health-check-id {id} --query HealthCheck.HealthCheckConfig.Port")),
        "30002\n"
    );
    assert_eq!(
        ok(
            &mut c,
            &format!("aws route53 delete-health-check --health-check-id {id}")
        ),
        ""
    );
    let out = failing(
        &mut c,
        &format!("aws route53 get-health-check --health-check-id {id}"),
    );
    assert!(out.stderr.contains("(NoSuchHealthCheck)"), "{}", out.stderr);
}

fn dnsplay_console(args: &[&str], script: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dnsplay"))
        .arg("console")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run dnsplay: {e}"));
    // A console that refuses its options exits without reading: a
    // broken pipe here is expected, not a failure.
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(script.as_bytes());
    }
    child.wait_with_output().unwrap()
}

#[test]
fn native_console_starts_on_a_scenario() {
    let s = scenario();
    let app_a = &s.route53.health_checks[0].id;
    let out = dnsplay_console(
        &["--scenario", FIXTURE],
        &format!(
            "curl -s http://api.hello-localstack.com:30001/actuator/health\n\
             sleep 90\n\
             aws route53 get-health-check-status --health-check-id {app_a} --query 'HealthCheckObservations[0].StatusReport.Status' --output text\n\
             curl -s http://api.hello-localstack.com:30001/actuator/health\n"
        ),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"{\"status\":\"UP\"}"), "{stdout}");
    assert!(
        lines
            .get(1)
            .is_some_and(|l| l.starts_with("Failure: HTTP Status Code 503")),
        "{stdout}"
    );
    // The Spring Boot app's DOWN answer (scenario world).
    assert_eq!(lines.get(2), Some(&"{\"status\":\"DOWN\"}"), "{stdout}");
    // Without --scenario there is no health check at all.
    let out = dnsplay_console(
        &[],
        "aws route53 list-health-checks --output text --query 'length(HealthChecks)'\n",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0\n");
}

#[test]
fn a_bad_scenario_file_exits_2() {
    let dir = std::env::temp_dir().join(format!("dnsplay-hc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"version\": 1").unwrap();
    let bad = bad.to_string_lossy().into_owned();
    let missing = dir.join("missing.json").to_string_lossy().into_owned();
    for (path, says) in [
        (bad.as_str(), "is not a dnsplay scenario"),
        (missing.as_str(), "cannot read scenario"),
    ] {
        let out = dnsplay_console(&["--scenario", path], "echo never\n");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says) && err.contains(path), "{err}");
        assert!(out.stdout.is_empty());
    }
    let _ = std::fs::remove_dir_all(&dir);
}
