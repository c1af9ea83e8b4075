//! Determinism (DESIGN.md "Determinism"; issue 4: "Replaying the same
//! scenario gives the same timeline, bit for bit, on host and on wasm32"):
//! every preset, built and run twice with one seed, gives the same run; and
//! the blog preset's run digest is pinned, the same constant that
//! tests/web.rs asserts in the browser.

use dnsplay::scenario::presets::{route53_failover, PRESETS};

/// FNV-1a over the JSON of the route53-failover preset's run (seed 1, to
/// its 10-minute horizon, probes recorded). tests/web.rs pins the same
/// number on wasm32. If an intended engine change moves it, update both.
pub const BLOG_FAILOVER_DIGEST: u64 = 11_793_356_947_570_544_423;

#[test]
fn every_preset_replays_bit_for_bit() {
    for p in PRESETS {
        for seed in [0, 1, 42] {
            let run = || {
                let s = (p.build)(seed).unwrap_or_else(|e| panic!("{}: {e}", p.name));
                (
                    s.to_json(),
                    s.run().unwrap_or_else(|e| panic!("{}: {e}", p.name)),
                )
            };
            let (doc_a, run_a) = run();
            let (doc_b, run_b) = run();
            assert_eq!(
                doc_a, doc_b,
                "{} seed {seed}: the built scenario differs",
                p.name
            );
            assert_eq!(run_a, run_b, "{} seed {seed}", p.name);
            assert_eq!(
                serde_json::to_string(&run_a).ok(),
                serde_json::to_string(&run_b).ok(),
                "{} seed {seed}",
                p.name
            );
            // A preset with health checks or faults must produce events (the
            // record-type presets have neither: their timeline is empty).
            let s = (p.build)(seed).unwrap_or_else(|e| panic!("{}: {e}", p.name));
            let moving = !s.route53.health_checks.is_empty() || !s.faults.is_empty();
            assert_eq!(!run_a.timeline.entries.is_empty(), moving, "{}", p.name);
        }
    }
}

/// Different seeds move the checkers' phases, so the runs differ: the
/// comparison above is not comparing constants.
#[test]
fn seeds_matter() {
    let run = |seed| {
        let s = route53_failover::build(seed).unwrap_or_else(|e| panic!("{e}"));
        s.run().unwrap_or_else(|e| panic!("{e}"))
    };
    assert_ne!(run(1).digest(), run(2).digest());
}

#[test]
fn blog_failover_digest_is_pinned() {
    let s = route53_failover::route53_failover().unwrap_or_else(|e| panic!("{e}"));
    let run = s.run().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(run.digest(), BLOG_FAILOVER_DIGEST, "run digest changed");
}
