#![allow(clippy::disallowed_methods)] // a benchmark measures wall time; the engine never does
//! `make bench`: engine figures (throughput), printed, never asserted.
//! Each benchmark runs a fixed amount of work and reports the rate; timing
//! uses the wall clock here only, outside the engine.

use std::hint::black_box;
use std::time::Instant;

use dnsplay::engine::rng::SimRng;

/// Runs `work` `n` times and prints the rate per second.
fn rate(label: &str, n: u64, mut work: impl FnMut(u64)) {
    let start = Instant::now();
    for i in 0..n {
        work(i);
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{label}: {:.0}/s ({n} in {:.3} s)", n as f64 / secs, secs);
}

fn main() {
    let mut rng = SimRng::derive(1, "bench");
    rate("seeded draws (ChaCha8)", 10_000_000, |_| {
        black_box(rng.next_u64());
    });
}
