//! Any bytes given as a change batch: the service answers Ok or an ApiError,
//! never panics, and a rejected batch leaves the zone as it was.
#![no_main]

use dnsplay::engine::aws::{AwsApi, CallContext};
use dnsplay::engine::route53::Route53;
use dnsplay::engine::time::SimTime;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(batch) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let ctx = CallContext { now: SimTime::ZERO };
    let mut r53 = Route53::new(1);
    let created = r53
        .call(
            "route53",
            "CreateHostedZone",
            &json!({"Name": "example.com", "CallerReference": "f"}),
            ctx,
        )
        .expect("zone");
    let id = created["HostedZone"]["Id"].clone();
    let list = |r: &mut Route53| {
        r.call(
            "route53",
            "ListResourceRecordSets",
            &json!({"HostedZoneId": id}),
            ctx,
        )
    };
    let before = list(&mut r53).expect("list");
    let outcome = r53.call(
        "route53",
        "ChangeResourceRecordSets",
        &json!({"HostedZoneId": id, "ChangeBatch": batch}),
        ctx,
    );
    if outcome.is_err() {
        assert_eq!(
            list(&mut r53).expect("list"),
            before,
            "a rejected batch changed the zone"
        );
    }
});
