//! No change batch makes the Route 53 engine panic (HELPERS: "No panic on
//! any user input"), and a batch is applied all or nothing (API
//! `ChangeResourceRecordSets`: "either makes all or none of the changes").

use dnsplay::engine::aws::{AwsApi, CallContext};
use dnsplay::engine::route53::Route53;
use dnsplay::engine::time::SimTime;
use proptest::prelude::*;
use serde_json::{json, Value};

fn ctx() -> CallContext {
    CallContext { now: SimTime::ZERO }
}

fn service() -> (Route53, String) {
    let mut r = Route53::new(5);
    let out = r
        .call(
            "route53",
            "CreateHostedZone",
            &json!({"Name": "example.com", "CallerReference": "p"}),
            ctx(),
        )
        .expect("zone");
    let id = out["HostedZone"]["Id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    (r, id)
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("example.com".to_string()),
        Just("*.example.com".to_string()),
        "[a-z*\\\\0-9. -]{0,12}(\\.example\\.com\\.?)?",
        ".{0,20}",
    ]
}

fn rtype() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "A", "AAAA", "CNAME", "MX", "TXT", "NS", "SOA", "SRV", "CAA", "PTR", "NAPTR"
        ])
        .prop_map(str::to_string),
        "[A-Z]{0,5}",
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9.]{0,16}",
        "[0-9]{1,3} [a-z.]{0,12}",
        "\"[a-z \\\\\"]{0,10}\"",
        ".{0,30}",
    ]
}

fn rrset() -> impl Strategy<Value = Value> {
    (
        name(),
        rtype(),
        prop::option::of(-2i64..3_000_000_000),
        prop::collection::vec(value(), 0..4),
        prop::option::of("[a-z]{0,3}"),
        prop::option::of(-1i64..300),
        prop::option::of(prop::sample::select(vec!["PRIMARY", "SECONDARY", "X"])),
        any::<bool>(),
    )
        .prop_map(|(n, t, ttl, values, set_id, weight, failover, alias)| {
            let mut s = json!({"Name": n, "Type": t});
            if alias {
                s["AliasTarget"] =
                    json!({"HostedZoneId": "Z1", "DNSName": n, "EvaluateTargetHealth": false});
            } else {
                if let Some(ttl) = ttl {
                    s["TTL"] = json!(ttl);
                }
                let rr: Vec<Value> = values.into_iter().map(|v| json!({"Value": v})).collect();
                s["ResourceRecords"] = json!(rr);
            }
            if let Some(id) = set_id {
                s["SetIdentifier"] = json!(id);
            }
            if let Some(w) = weight {
                s["Weight"] = json!(w);
            }
            if let Some(f) = failover {
                s["Failover"] = json!(f);
            }
            s
        })
}

fn batch() -> impl Strategy<Value = Value> {
    let action = prop::sample::select(vec!["CREATE", "DELETE", "UPSERT", "FOO"]);
    prop::collection::vec((action, rrset()), 0..5).prop_map(|changes| {
        let changes: Vec<Value> = changes
            .into_iter()
            .map(|(a, s)| json!({"Action": a, "ResourceRecordSet": s}))
            .collect();
        json!({"Changes": changes})
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn change_batches_never_panic_and_apply_all_or_nothing(b in batch()) {
        let (mut r, id) = service();
        let list = |r: &mut Route53| {
            r.call("route53", "ListResourceRecordSets", &json!({"HostedZoneId": id}), ctx())
                .expect("list")
        };
        let before = list(&mut r);
        let result = r.call(
            "route53",
            "ChangeResourceRecordSets",
            &json!({"HostedZoneId": id, "ChangeBatch": b}),
            ctx(),
        );
        let after = list(&mut r);
        if result.is_err() {
            prop_assert_eq!(before, after);
        }
        // The stored state always reads back (it re-runs every check).
        let text = serde_json::to_string(&r).expect("state");
        let back: Route53 = serde_json::from_str(&text).expect("state reads back");
        prop_assert_eq!(back, r);
    }

    #[test]
    fn arbitrary_json_never_panics(text in ".{0,200}") {
        let (mut r, id) = service();
        let b = serde_json::from_str::<Value>(&text).unwrap_or(Value::String(text));
        let _ = r.call("route53", "ChangeResourceRecordSets", &json!({"HostedZoneId": id, "ChangeBatch": b}), ctx());
    }
}
