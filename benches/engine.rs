#![allow(clippy::disallowed_methods)] // a benchmark measures wall time; the engine never does
//! `make bench`: engine figures (throughput), printed, never asserted.
//! Each benchmark runs a fixed amount of work and reports the rate; timing
//! uses the wall clock here only, outside the engine.

use std::hint::black_box;
use std::time::Instant;

use dnsplay::engine::lookup::lookup;
use dnsplay::engine::rng::SimRng;
use dnsplay::engine::time::SimTime;
use dnsplay::engine::wire;
use dnsplay::scenario::formats::zonefile::import_zone;
use dnsplay::scenario::presets::route53_failover;
use hickory_proto::rr::{Name, RecordType};

/// Runs `work` `n` times and prints the rate per second.
fn rate(label: &str, n: u64, mut work: impl FnMut(u64)) {
    let start = Instant::now();
    for i in 0..n {
        work(i);
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{label}: {:.0}/s ({n} in {:.3} s)", n as f64 / secs, secs);
}

/// A zone of `n` records: apex SOA/NS, `n - 3` A records and every tenth
/// name also a CNAME target, plus a wildcard.
fn big_zone_text(n: usize) -> String {
    let mut z = String::from(
        "$ORIGIN big.example.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.53\n*.wild A 192.0.2.99\n",
    );
    for i in 0..n.saturating_sub(4) {
        if i % 10 == 9 {
            z.push_str(&format!("alias{i} CNAME host{}\n", i - 1));
        } else {
            z.push_str(&format!(
                "host{i} A 10.{}.{}.{}\n",
                i >> 16 & 255,
                i >> 8 & 255,
                i & 255
            ));
        }
    }
    z
}

fn zone_benchmarks() {
    let text = big_zone_text(10_000);
    let start = Instant::now();
    let zone = import_zone(&text, None).expect("the benchmark zone imports");
    println!(
        "zone-file import, 10,000 records ({} KiB): {:.1} ms",
        text.len() / 1024,
        start.elapsed().as_secs_f64() * 1e3
    );
    let queries: Vec<(Name, RecordType)> = (0..1000u64)
        .map(|i| {
            let name = match i % 5 {
                0 => format!("host{}.big.example.", i * 7 % 9000),
                1 => format!("alias{}.big.example.", (i * 10 + 9) % 9000),
                2 => format!("nothing{i}.big.example."),
                3 => format!("x{i}.wild.big.example."),
                _ => format!("host{}.big.example.", i % 9000),
            };
            let qtype = if i % 5 == 4 {
                RecordType::AAAA
            } else {
                RecordType::A
            };
            (Name::from_ascii(&name).expect("benchmark name"), qtype)
        })
        .collect();
    rate("authoritative answers, 10,000-record zone", 200_000, |i| {
        let (name, qtype) = &queries[(i % 1000) as usize];
        black_box(lookup(&zone, name, *qtype));
    });
    let mut rng = SimRng::derive(1, "bench");
    rate(
        "answers as wire bytes (lookup + hickory encode)",
        100_000,
        |i| {
            let (name, qtype) = &queries[(i % 1000) as usize];
            let answer = lookup(&zone, name, *qtype);
            let msg = wire::response((name.clone(), *qtype), &answer, rng.next_u16());
            black_box(wire::to_bytes(&msg).ok());
        },
    );
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

/// 10,000 clients, one request a second each, over 10 simulated minutes
/// of the blog's failover (app-a's pods die at 30 s), through shared
/// resolvers and their own caches.
fn client_traffic() {
    use dnsplay::engine::clients::{
        simulate, LocationShare, Population, ProfileShare, TrafficSpec,
    };
    use dnsplay::engine::resolver::{routed_tree, ClientLocation, ClientProfile, ResolverProfile};
    use dnsplay::engine::world::{Fault, TimedFault};
    let label = "client traffic, 10,000 clients x 1 request/s over 10 simulated minutes";
    let mut scenario = match route53_failover::build(1) {
        Ok(s) => s,
        Err(e) => {
            println!("{label}: cannot build the preset: {e}");
            return;
        }
    };
    scenario.faults = vec![TimedFault {
        at: SimTime::from_secs(30),
        fault: Fault::ScaleTo {
            deployment: "app-a".into(),
            replicas: 0,
        },
    }];
    let horizon = SimTime::from_secs(600);
    let start = Instant::now();
    let run = match scenario.run_until(horizon, false) {
        Ok(r) => r,
        Err(e) => {
            println!("{label}: {e}");
            return;
        }
    };
    let world = scenario.run_world();
    let auth = routed_tree(
        &scenario.route53,
        &world,
        run.timeline,
        &scenario.latency,
        1,
    );
    let share = |client: ClientProfile, weight: u32| ProfileShare {
        client,
        resolver: ResolverProfile::honours_ttl(),
        weight,
    };
    let spec = TrafficSpec {
        population: Population {
            clients: 10_000,
            request_every_ms: 1_000,
            profiles: vec![
                share(ClientProfile::browser(), 40),
                share(ClientProfile::jvm_default(), 30),
                share(ClientProfile::stub(), 20),
                share(ClientProfile::jvm(1800), 10),
            ],
            locations: vec![LocationShare {
                location: ClientLocation::default(),
                weight: 1,
            }],
            resolvers_per_location: 8,
            url: "http://api.hello-localstack.com:30001/".into(),
        },
        horizon,
        seed: 1,
        switch_at: run.answers.get(1).map(|a| a.at),
    };
    let sim_start = Instant::now();
    match simulate(&auth, &world, &scenario.faults, &spec) {
        Ok(r) => {
            let secs = sim_start.elapsed().as_secs_f64();
            println!(
                "{label}: {} requests ({} cohorts, {} cohort requests, {} resolutions) in {secs:.3} s = {:.0} simulated client requests/s (with the health-check run: {:.3} s)",
                r.requests,
                r.cohorts,
                r.cohort_requests,
                r.resolutions,
                r.requests as f64 / secs,
                start.elapsed().as_secs_f64()
            );
            black_box(r);
        }
        Err(e) => println!("{label}: {e}"),
    }
}

fn main() {
    client_traffic();
    blog_day(false);
    blog_day(true);
    let mut rng = SimRng::derive(1, "bench");
    rate("seeded draws (ChaCha8)", 10_000_000, |_| {
        black_box(rng.next_u64());
    });
    zone_benchmarks();
    share_link_lengths();
}

/// lz-string's `compressToEncodedURIComponent` length of `json`, by
/// `node scripts/lz-length.mjs` (after `npm ci`); `None` without node.
fn lz_string_length(json: &str) -> Option<usize> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("node")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/lz-length.mjs"
        ))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(json.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    String::from_utf8(out.stdout).ok()?.trim().parse().ok()
}

/// Issue 7: each preset's share-link length beside lz-string's for the
/// same JSON (the state a golden link holds: seed 1, its page, 90 s), and
/// the blog preset under other seeds (other random ids).
fn share_link_lengths() {
    use dnsplay::scenario::codec::{deflate, fragment, SharedState};
    use dnsplay::scenario::presets::PRESETS;
    println!("share links (characters; dnsplay = #s=1.<payload>, budget 600):");
    let mut rows: Vec<(String, SharedState)> = Vec::new();
    for p in PRESETS {
        for seed in [1, 7, 12_345] {
            if seed != 1 && p.name != "route53-failover" {
                continue;
            }
            let scenario = (p.build)(seed).expect("presets build");
            let state = SharedState {
                scenario,
                page: Some(p.name.to_string()),
                time_ms: 90_000,
            };
            rows.push((format!("{} (seed {seed})", p.name), state));
        }
    }
    for (label, state) in rows {
        let json = serde_json::to_string(&state).expect("serializable");
        let deflate_only = (deflate::deflate(b"", json.as_bytes()).len() + 1).div_ceil(3) * 4;
        let lz = lz_string_length(&json)
            .map(|n| n.to_string())
            .unwrap_or_else(|| "n/a (run npm ci)".into());
        println!(
            "  {label}: dnsplay {} | lz-string {lz} | JSON {} bytes | deflate without dictionary ~{deflate_only}",
            fragment(&state).len(),
            json.len(),
        );
    }
}
