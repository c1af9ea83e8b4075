#![allow(clippy::disallowed_methods)] // a benchmark measures wall time; the engine never does
//! `make bench`: engine figures (throughput), printed, never asserted.
//! Each benchmark runs a fixed amount of work and reports the rate; timing
//! uses the wall clock here only, outside the engine.

use std::hint::black_box;
use std::time::Instant;

use dnsplay::engine::rng::SimRng;
use dnsplay::engine::time::SimTime;
use dnsplay::scenario::presets::route53_failover;

/// Runs `work` `n` times and prints the rate per second.
fn rate(label: &str, n: u64, mut work: impl FnMut(u64)) {
    let start = Instant::now();
    for i in 0..n {
        work(i);
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{label}: {:.0}/s ({n} in {:.3} s)", n as f64 / secs, secs);
}

/// Runs the blog's scenario (two HTTP checks, RequestInterval 10, the
/// eight default regions, two checkers each) for 24 simulated hours and
/// prints the event rate.
fn blog_day(record_probes: bool) {
    let label = if record_probes {
        "24 simulated hours of the blog's failover scenario with fast checks (RequestInterval 10) in every region, probes recorded"
    } else {
        "24 simulated hours of the blog's failover scenario with fast checks (RequestInterval 10) in every region"
    };
    let scenario = match route53_failover::build(1) {
        Ok(s) => s,
        Err(e) => {
            println!("{label}: cannot build the preset: {e}");
            return;
        }
    };
    let start = Instant::now();
    let run = scenario.run_until(SimTime::from_secs(24 * 3600), record_probes);
    let secs = start.elapsed().as_secs_f64();
    match run {
        Ok(run) => {
            let n = run.timeline.events_processed;
            println!(
                "{label}: {n} events in {secs:.3} s = {:.0} events/s",
                n as f64 / secs
            );
            black_box(run);
        }
        Err(e) => println!("{label}: {e}"),
    }
}

fn main() {
    blog_day(false);
    blog_day(true);
    let mut rng = SimRng::derive(1, "bench");
    rate("seeded draws (ChaCha8)", 10_000_000, |_| {
        black_box(rng.next_u64());
    });
}
