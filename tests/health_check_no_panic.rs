//! No health-check request and no scenario document makes the engine panic
//! (HELPERS: "No panic on any user input"); a refused CreateHealthCheck
//! leaves the service unchanged (API `CreateHealthCheck` creates a check or
//! answers an error, never half of one).

use dnsplay::engine::aws::{AwsApi, CallContext};
use dnsplay::engine::route53::Route53;
use dnsplay::engine::time::SimTime;
use dnsplay::scenario::model::Scenario;
use proptest::prelude::*;
use serde_json::{json, Value};

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-5i64..70_000).prop_map(|n| json!(n)),
        Just(json!(i64::MAX)),
        Just(json!("10")),
        Just(Value::Null),
    ]
}

fn config() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec![
            "HTTP",
            "HTTPS",
            "HTTP_STR_MATCH",
            "HTTPS_STR_MATCH",
            "TCP",
            "CALCULATED",
            "CLOUDWATCH_METRIC",
            "BOGUS",
        ]),
        prop_oneof![Just("192.168.49.2".to_string()), "[0-9a-f.:]{0,20}"],
        number(),
        number(),
        number(),
        prop::option::of(".{0,300}"),
        prop::option::of(prop::collection::vec("[a-z0-9-]{0,16}", 0..5)),
    )
        .prop_map(|(kind, ip, port, interval, threshold, search, regions)| {
            let mut c = json!({"Type": kind, "IPAddress": ip, "Port": port,
                "RequestInterval": interval, "FailureThreshold": threshold});
            if let Some(s) = search {
                c["SearchString"] = json!(s);
            }
            if let Some(r) = regions {
                c["Regions"] = json!(r);
            }
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn create_health_check_never_panics(cfg in config(), reference in ".{0,70}") {
        let mut r = Route53::new(3);
        let before = r.clone();
        let ctx = CallContext { now: SimTime::ZERO };
        let input = json!({"CallerReference": reference, "HealthCheckConfig": cfg});
        match r.call("route53", "CreateHealthCheck", &input, ctx) {
            Ok(out) => {
                let id = out["HealthCheck"]["Id"].as_str().unwrap_or_default().to_string();
                prop_assert_eq!(r.health_checks.len(), 1);
                let status = r.call("route53", "GetHealthCheckStatus", &json!({"HealthCheckId": id}), CallContext { now: SimTime::from_secs(35) });
                prop_assert!(status.is_ok(), "{:?}", status);
            }
            Err(_) => prop_assert_eq!(r, before),
        }
    }

    /// Arbitrary text, and the fixture with one byte changed, never panic
    /// the scenario reader.
    #[test]
    fn scenario_reader_never_panics(text in ".{0,200}", at in 0usize..4000, byte in any::<u8>()) {
        let _refused_or_read = Scenario::from_json(&text);
        let fixture = include_str!("fixtures/scenarios/blog-failover.json");
        let mut bytes = fixture.as_bytes().to_vec();
        if let Some(b) = bytes.get_mut(at % fixture.len()) {
            *b = byte;
        }
        let mutated = String::from_utf8_lossy(&bytes);
        if let Ok(s) = Scenario::from_json(&mutated) {
            let _ran_or_refused = s.run_until(SimTime::from_secs(40), false);
        }
    }
}
