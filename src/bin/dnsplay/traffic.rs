//! `dnsplay traffic SCENARIO.json --url URL [--clients N] [--every 10s]
//! [--until 35m] [--mix ttl=90,jvm:1800=10] [--resolvers 4] [--series]`:
//! runs the scenario's failover clock, then a population of clients
//! requesting URL through their caches and shared resolvers, and prints
//! when 50/90/99/100 % of them had moved to a working backend.
//!
//! Exit status: 0 after a run, 1 when the scenario or the traffic cannot
//! run, 2 for a usage problem.

use std::process::ExitCode;

use dnsplay::console::net::parse_duration;
use dnsplay::engine::clients::{simulate, LocationShare, Population, ProfileShare, TrafficSpec};
use dnsplay::engine::resolver::{routed_tree, ClientCache, ClientProfile, ResolverProfile};
use dnsplay::engine::time::SimTime;

/// One line for `dnsplay --help`.
pub const SUMMARY: &str =
    "Send client traffic through resolvers and caches during a scenario's failover";

const USAGE: &str = "Usage: dnsplay traffic SCENARIO.json --url URL [OPTIONS]

  --url URL          what every client requests (its port is the one used:
                     DNS carries no port)
  --clients N        how many clients (default 1000)
  --every DURATION   one request per client this often (default 10s)
  --until DURATION   last simulated instant (default: the scenario's horizon)
  --mix LIST         client caches and weights (default ttl=90,jvm:1800=10):
                     stub, ttl, browser, jvm (30 s), jvm:SECONDS, jvm:-1
  --resolvers N      shared resolvers (default 4), each honouring TTLs
  --series           also print requests and failures per second (CSV)
";

#[derive(Debug, PartialEq)]
struct Args {
    path: String,
    url: String,
    clients: u32,
    every_ms: u64,
    until: Option<SimTime>,
    mix: Vec<(ClientProfile, u32)>,
    resolvers: u32,
    series: bool,
}

fn profile(name: &str) -> Result<ClientProfile, String> {
    match name {
        "stub" => Ok(ClientProfile::stub()),
        "ttl" => Ok(ClientProfile {
            name: "keeps the TTL".into(),
            cache: ClientCache::Ttl,
            negative_s: 0,
        }),
        "browser" => Ok(ClientProfile::browser()),
        "jvm" => Ok(ClientProfile::jvm_default()),
        _ => match name.strip_prefix("jvm:").map(str::parse::<i64>) {
            Some(Ok(s)) => Ok(ClientProfile::jvm(s)),
            _ => Err(format!("unknown client profile '{name}'")),
        },
    }
}

fn parse_mix(text: &str) -> Result<Vec<(ClientProfile, u32)>, String> {
    text.split(',')
        .take(16)
        .map(|part| {
            let (name, weight) = part
                .split_once('=')
                .ok_or_else(|| format!("'{part}': write PROFILE=WEIGHT"))?;
            let w = weight
                .parse::<u32>()
                .map_err(|_| format!("'{weight}' is not a weight"))?;
            Ok((profile(name)?, w))
        })
        .collect()
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args {
        path: String::new(),
        url: String::new(),
        clients: 1000,
        every_ms: 10_000,
        until: None,
        mix: parse_mix("ttl=90,jvm:1800=10")?,
        resolvers: 4,
        series: false,
    };
    let mut it = args.iter();
    let value = |it: &mut std::slice::Iter<'_, String>, opt: &str| {
        it.next().cloned().ok_or(format!("{opt} needs a value"))
    };
    let duration = |v: &str| parse_duration(v).ok_or(format!("'{v}' is not a duration"));
    while let Some(a) = it.next() {
        match a.as_str() {
            "--url" => out.url = value(&mut it, a)?,
            "--clients" => {
                out.clients = value(&mut it, a)?
                    .parse()
                    .map_err(|_| "--clients needs a count".to_string())?
            }
            "--every" => out.every_ms = duration(&value(&mut it, a)?)?,
            "--until" => out.until = Some(SimTime(duration(&value(&mut it, a)?)?)),
            "--mix" => out.mix = parse_mix(&value(&mut it, a)?)?,
            "--resolvers" => {
                out.resolvers = value(&mut it, a)?
                    .parse()
                    .map_err(|_| "--resolvers needs a count".to_string())?
            }
            "--series" => out.series = true,
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            s if out.path.is_empty() => out.path = s.to_string(),
            s => return Err(format!("unexpected argument '{s}'")),
        }
    }
    if out.path.is_empty() {
        return Err("missing SCENARIO.json".into());
    }
    if out.url.is_empty() {
        return Err("missing --url".into());
    }
    Ok(out)
}

fn secs(t: SimTime) -> String {
    format!("{}.{:03} s", t.as_millis() / 1000, t.as_millis() % 1000)
}

/// The subcommand's entry.
pub fn run(args: &[String]) -> ExitCode {
    let a = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dnsplay traffic: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let scenario = match crate::scenario_file::load(&a.path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dnsplay traffic: {e}");
            return ExitCode::from(2);
        }
    };
    let horizon = a.until.unwrap_or(scenario.horizon());
    let run = match scenario.run_until(horizon, false) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dnsplay traffic: {e}");
            return ExitCode::from(1);
        }
    };
    let switch_at = run.answers.get(1).map(|x| x.at);
    let world = scenario.run_world();
    let auth = routed_tree(
        &scenario.route53,
        &world,
        run.timeline,
        &scenario.latency,
        scenario.seed,
    );
    let spec = TrafficSpec {
        population: Population {
            clients: a.clients,
            request_every_ms: a.every_ms,
            profiles: a
                .mix
                .iter()
                .map(|(client, weight)| ProfileShare {
                    client: client.clone(),
                    resolver: ResolverProfile::honours_ttl(),
                    weight: *weight,
                })
                .collect(),
            locations: vec![LocationShare {
                location: scenario.client.clone(),
                weight: 1,
            }],
            resolvers_per_location: a.resolvers,
            url: a.url.clone(),
        },
        horizon,
        seed: scenario.seed,
        switch_at,
    };
    let r = match simulate(&auth, &world, &scenario.faults, &spec) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dnsplay traffic: {e}");
            return ExitCode::from(1);
        }
    };
    match r.switch_at {
        Some(s) => println!("Route 53 switched its answer at {}", secs(s)),
        None => println!(
            "Route 53 never switched its answer before {}",
            secs(horizon)
        ),
    }
    for m in &r.moved {
        match (m.at, m.after_switch_ms) {
            (Some(at), Some(after)) => println!(
                "{:>3} % of clients moved by {} ({} after the switch)",
                m.share_percent,
                secs(at),
                secs(SimTime(after))
            ),
            _ => println!(
                "{:>3} % of clients: not moved by {}",
                m.share_percent,
                secs(horizon)
            ),
        }
    }
    let failures: u64 = r.failures.iter().sum();
    println!("{} requests, {failures} failed", r.requests);
    for (endpoint, series) in &r.endpoints {
        println!("  {endpoint}: {} requests", series.iter().sum::<u64>());
    }
    if a.series {
        let names: Vec<&String> = r.endpoints.keys().collect();
        let header: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        println!("second,{},failures", header.join(","));
        for s in 0..r.seconds {
            let counts: Vec<String> = names
                .iter()
                .map(|n| r.endpoints[*n].get(s).copied().unwrap_or(0).to_string())
                .collect();
            println!(
                "{s},{},{}",
                counts.join(","),
                r.failures.get(s).copied().unwrap_or(0)
            );
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parse_table() {
        let a = parse_args(&args(
            "s.json --url http://x:30001/ --clients 50 --every 1s --mix browser=1,jvm:-1=1",
        ))
        .unwrap();
        assert_eq!((a.clients, a.every_ms, a.mix.len()), (50, 1000, 2));
        assert_eq!(a.mix[1].0.cache, ClientCache::Forever);
        for bad in [
            "s.json",
            "--url u",
            "s.json --url u --mix x=1",
            "s.json --url u --every soon",
            "s.json --url u --bogus",
        ] {
            assert!(parse_args(&args(bad)).is_err(), "{bad}");
        }
    }
}
