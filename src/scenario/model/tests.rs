use super::*;

/// Each row: a document and the error it gets (line, column, path,
/// message start). Unknown fields are refused and named; so are wrong
/// types, with the field's path.
#[test]
fn bad_documents_are_named() {
    let rows: Vec<(&str, usize, usize, &str, &str)> = vec![
        (
            "{\n  \"seed\": 1,\n  \"sede\": 2\n}",
            3,
            8,
            "sede",
            "unknown field `sede`",
        ),
        (
            "{\"seed\": \"one\"}",
            1,
            14,
            "seed",
            "invalid type: string \"one\", expected u64",
        ),
        (
            "{\"route53\": {\"zones\": [{\"id\": 5}]}}",
            1,
            31,
            "route53.zones[0].id",
            "invalid type: integer `5`",
        ),
        (
            "{\"route53\": {\"bogus\": 1}}",
            1,
            20,
            "route53.bogus",
            "unknown field `bogus`",
        ),
        ("{\"seed\": 1", 1, 10, ".", "EOF while parsing an object"),
        ("{} x", 1, 4, ".", "trailing characters"),
    ];
    for (text, line, column, path, start) in rows {
        match Scenario::from_json(text) {
            Err(ScenarioError::Json {
                line: l,
                column: c,
                path: p,
                message,
            }) => {
                assert_eq!(
                    (l, c, p.as_str()),
                    (line, column, path),
                    "{text}: {message}"
                );
                assert!(message.starts_with(start), "{text}: {message}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

/// Missing fields keep their documented defaults.
#[test]
fn defaults() {
    let s = Scenario::from_json("{}").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s, Scenario::default());
    assert_eq!(s.version, 1);
    assert_eq!(s.horizon_ms, 600_000);
    assert_eq!(s.checkers_per_region, 2);
}

#[test]
fn other_versions_are_refused() {
    assert_eq!(
        Scenario::from_json("{\"version\": 2}"),
        Err(ScenarioError::Version(2))
    );
    assert_eq!(
        Scenario::from_json("{\"version\": 0}").map_err(|e| e.to_string()),
        Err("scenario version 0 is not supported; this dnsplay reads version 1".to_string())
    );
}

/// The document round-trips through its JSON.
#[test]
fn round_trip() {
    let s = Scenario {
        title: "t".into(),
        seed: 9,
        queries: vec![Query::new("a.example.com", "A")],
        ..Scenario::default()
    };
    assert_eq!(Scenario::from_json(&s.to_json()), Ok(s));
}

/// A run with a fault naming an unknown app fails before it starts.
#[test]
fn run_errors_are_reported() {
    let s = Scenario {
        faults: vec![TimedFault {
            at: SimTime::ZERO,
            fault: crate::engine::world::Fault::AppDown { app: "nope".into() },
        }],
        ..Scenario::default()
    };
    assert!(matches!(
        s.run(),
        Err(ScenarioError::Sim(SimError::UnknownFaultTarget { .. }))
    ));
}

/// GetHealthCheckStatus through the attached service reads the same run:
/// its observations at the horizon are the timeline's.
#[test]
fn attached_service_answers_from_the_scenario_run() {
    use crate::engine::aws::{AwsApi, CallContext};
    let s = crate::scenario::presets::route53_failover::route53_failover()
        .unwrap_or_else(|e| panic!("{e}"));
    let run = s.run().unwrap_or_else(|e| panic!("{e}"));
    let id = s.route53.health_checks[0].id.clone();
    let mut r53 = s.attached_route53();
    let out = r53
        .call(
            "route53",
            "GetHealthCheckStatus",
            &serde_json::json!({"HealthCheckId": id}),
            CallContext { now: s.horizon() },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<String> = out["HealthCheckObservations"]
        .as_array()
        .map(|l| {
            l.iter()
                .filter_map(|o| o["StatusReport"]["Status"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let want: Vec<String> = run
        .timeline
        .observations(&id, s.horizon())
        .into_iter()
        .map(|o| o.3)
        .collect();
    assert_eq!(got.len(), 16);
    assert_eq!(got, want);
}

/// `to_json` writes what serde_json's pretty printer writes for every
/// preset (it indents the compact text instead, to keep one serializer of
/// the model in the bundle).
#[test]
fn to_json_is_serde_json_pretty() {
    for p in crate::scenario::presets::PRESETS {
        let s = (p.build)(7).unwrap_or_else(|e| panic!("{e}"));
        let want = serde_json::to_string_pretty(&s).unwrap_or_default() + "\n";
        assert_eq!(s.to_json(), want, "{}", p.name);
    }
}
