//! Property tests of the share-link codec (issue 7: "a property test
//! round-trips generated scenarios through the codec"; "decoding is bounded
//! and never panics").

use std::net::{IpAddr, Ipv4Addr};

use dnsplay::engine::route53::routing_view::Query;
use dnsplay::engine::time::SimTime;
use dnsplay::engine::world::{Behaviour, Fault, TimedFault};
use dnsplay::scenario::codec::{decode, encode, fragment, open, SharedState};
use dnsplay::scenario::presets::route53_failover;
use proptest::prelude::*;
use serde_json::Value;

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        "[a-z0-9-]{1,12}".prop_map(|app| Fault::AppDown { app }),
        "[a-z0-9-]{1,12}".prop_map(|app| Fault::AppUp { app }),
        ("[a-z0-9-]{1,12}", 0u32..10).prop_map(|(deployment, replicas)| Fault::ScaleTo {
            deployment,
            replicas
        }),
    ]
}

prop_compose! {
    /// The blog preset under a random seed, then edited the ways the UI
    /// edits it: text, seed, faults, watched queries, ports, page and time.
    fn shared_state()(
        seed in any::<u64>(),
        run_seed in any::<u64>(),
        title in "\\PC{0,40}",
        notes in "\\PC{0,200}",
        faults in prop::collection::vec((0u64..600_000, fault()), 0..6),
        queries in prop::collection::vec(("[a-z0-9.-]{1,30}", prop::sample::select(vec!["A", "AAAA", "CNAME", "TXT"])), 0..4),
        ports in prop::collection::btree_map("[a-z0-9./-]{1,30}", any::<u16>(), 0..4),
        horizon_ms in 1u64..86_400_000,
        checkers in 1u32..=64,
        page in prop::option::of("[a-z0-9-]{1,64}"),
        time_ms in any::<u64>(),
    ) -> SharedState {
        let mut scenario = route53_failover::build(seed).unwrap_or_else(|e| panic!("{e}"));
        scenario.seed = run_seed;
        scenario.title = title;
        scenario.notes = notes;
        scenario.faults = faults.into_iter().map(|(at, fault)| TimedFault { at: SimTime(at), fault }).collect();
        scenario.queries = queries.into_iter().map(|(n, t)| Query::new(&n, t)).collect();
        scenario.client_ports = ports;
        scenario.horizon_ms = horizon_ms;
        scenario.checkers_per_region = checkers;
        SharedState { scenario, page, time_ms }
    }
}

/// JSON values without floats (a float's text may not round-trip bit for
/// bit through serde_json, and no scenario field is a float).
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,8}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every generated scenario opens from its link as itself.
    #[test]
    fn scenarios_round_trip(state in shared_state()) {
        let link = fragment(&state);
        prop_assert_eq!(open(&link), Ok(state));
    }

    /// The codec is generic: any JSON value round-trips.
    #[test]
    fn json_values_round_trip(value in json_value()) {
        prop_assert_eq!(decode::<Value>(&encode(&value)), Ok(value));
    }

    /// A link cut anywhere does not open, and never panics.
    #[test]
    fn cut_links_are_refused(state in shared_state(), cut in any::<prop::sample::Index>()) {
        let link = fragment(&state);
        let at = cut.index(link.len());
        let short = link.get(..at).unwrap_or_default();
        prop_assert!(open(short).is_err(), "{} of {} chars opened", at, link.len());
    }

    /// A character changed anywhere opens or is refused, never panics; if
    /// it opens, it opens as a valid state that re-encodes faithfully.
    #[test]
    fn tampered_links_never_panic(
        state in shared_state(),
        at in any::<prop::sample::Index>(),
        c in prop::sample::select(b"AZaz09-_.*=%#".to_vec()),
    ) {
        let mut bytes = fragment(&state).into_bytes();
        let i = at.index(bytes.len());
        if let Some(b) = bytes.get_mut(i) {
            *b = c;
        }
        let link = String::from_utf8(bytes).unwrap_or_default();
        if let Ok(opened) = open(&link) {
            prop_assert_eq!(open(&fragment(&opened)), Ok(opened));
        }
    }

    /// Any text at all: an answer, never a panic.
    #[test]
    fn any_text_never_panics(text in "\\PC{0,300}") {
        let _ = open(&text);
        let _ = open(&format!("#s=1.{text}"));
    }
}

/// The IP-carrying fault round-trips too (addresses serialize as text).
#[test]
fn endpoint_fault_round_trips() {
    let mut scenario = route53_failover::build(3).unwrap_or_else(|e| panic!("{e}"));
    scenario.faults.push(TimedFault {
        at: SimTime(45_000),
        fault: Fault::EndpointBehaviour {
            ip: IpAddr::V4(Ipv4Addr::new(192, 168, 49, 2)),
            port: 30001,
            behaviour: Behaviour::Status(503),
        },
    });
    let state = SharedState::new(scenario);
    assert_eq!(open(&fragment(&state)), Ok(state));
}
