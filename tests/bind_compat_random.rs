//! Differential test: generated zones (seeded, so every run asks the same
//! questions) are served by BIND 9 and by dnsplay, and every question gets
//! the same RCODE, AA flag and sections from both. The fixture test in
//! `bind_compat.rs` names each behaviour; this one looks for the
//! combinations nobody thought of (wildcards under delegations, chains
//! through wildcards and empty non-terminals, MX at CNAMEs ...).

mod support;

use dnsplay::engine::lookup::AuthZone;
use dnsplay::engine::rng::SimRng;
use dnsplay::scenario::formats::zonefile::import_zone;
use std::time::Duration;

use support::{dnsplay_answer, parse_dig, Named};

const ZONES: usize = 400;
const LABELS: &[&str] = &["a", "b", "*", "Mx", "c"];
const TYPES: &[&str] = &[
    "A", "AAAA", "TXT", "MX", "CNAME", "NS", "SOA", "DS", "SRV", "ANY",
];

fn pick<'a>(rng: &mut SimRng, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len() as u64) as usize]
}

fn relative_name(rng: &mut SimRng) -> String {
    let depth = 1 + rng.below(3);
    (0..depth)
        .map(|_| pick(rng, LABELS))
        .collect::<Vec<_>>()
        .join(".")
}

/// One random zone as zone-file text, and its owner names.
fn random_zone(rng: &mut SimRng, origin: &str) -> (String, Vec<String>) {
    let mut text = format!(
        "$ORIGIN {origin}.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 900 1209600 120\n@ NS ns1\nns1 A 192.0.2.53\n"
    );
    let mut owners = vec!["ns1".to_string()];
    for i in 0..(4 + rng.below(10)) {
        let owner = relative_name(rng);
        let line = match rng.below(10) {
            0 => format!("{owner} A 192.0.2.{i}"),
            1 => format!("{owner} AAAA 2001:db8::{i}"),
            2 => format!("{owner} TXT \"t{i}\""),
            3 => format!("{owner} MX {i} {}", relative_name(rng)),
            4 => format!("{owner} CNAME {}", relative_name(rng)),
            5 => format!("{owner} CNAME out{i}.example.net."),
            6 => format!("{owner} NS ns.{owner}\nns.{owner} A 192.0.2.{}", 100 + i),
            7 => format!("{owner} NS ns{i}.example.net."),
            8 => format!("{owner} NS {}", relative_name(rng)),
            _ => format!("{owner} SRV 0 0 {i} {}", relative_name(rng)),
        };
        text.push_str(&line);
        text.push('\n');
        owners.push(owner);
    }
    (text, owners)
}

/// One generated zone: its origin, text, and dnsplay's import of it.
struct Generated {
    origin: String,
    text: String,
    zone: Option<AuthZone>,
}

#[test]
fn random_zones_answer_as_bind_9() {
    let mut rng = SimRng::derive(2026, "bind-compat-random");
    let mut zones: Vec<Generated> = Vec::new();
    let mut questions = Vec::new();
    for z in 0..ZONES {
        let origin = format!("z{z}.test");
        let (text, owners) = random_zone(&mut rng, &origin);
        // Zones dnsplay refuses (CNAME beside other data, two CNAMEs at a
        // name, NS at a wildcard) are served too: BIND must refuse them as
        // well.
        let zone = import_zone(&text, None).ok();
        // The SOA question comes first: it tells whether BIND loaded it.
        questions.push((z, format!("{origin}."), "SOA".to_string()));
        if zone.is_some() {
            let mut names: Vec<String> = Vec::new();
            for o in &owners {
                names.push(format!("{o}.{origin}"));
                names.push(format!("zz.{o}.{origin}"));
                if let Some((_, parent)) = o.split_once('.') {
                    names.push(format!("{parent}.{origin}"));
                }
            }
            for _ in 0..4 {
                names.push(format!("{}.{origin}", relative_name(&mut rng)));
            }
            for name in names {
                let rtype = pick(&mut rng, TYPES).to_string();
                questions.push((z, format!("{name}."), rtype));
            }
        }
        zones.push(Generated { origin, text, zone });
    }
    let served: Vec<(String, String)> = zones
        .iter()
        .map(|g| (g.origin.clone(), g.text.clone()))
        .collect();
    let named = Named::start(&served);
    let asked: Vec<(String, String)> = questions
        .iter()
        .map(|(_, n, t)| (n.clone(), t.clone()))
        .collect();
    let answers = named.ask_batch(&asked);
    let mut mismatches = Vec::new();
    let mut refused_by_both = 0;
    let mut compared = 0;
    for ((z, name, rtype), bind_text) in questions.iter().zip(&answers) {
        let g = &zones[*z];
        let bind = parse_dig(bind_text).unwrap_or_else(|e| panic!("{name} {rtype}: {e}"));
        let Some(zone) = &g.zone else {
            // BIND answers SERVFAIL for a zone it did not load.
            if bind.status == "SERVFAIL" {
                refused_by_both += 1;
            } else {
                mismatches.push(format!(
                    "{}: dnsplay refuses the zone, BIND serves it:\n{}",
                    g.origin, g.text
                ));
            }
            continue;
        };
        compared += 1;
        let ours = dnsplay_answer(zone, name, rtype);
        // A busy machine can drop a UDP packet in a 10,000-question batch
        // (dig then prints its own query, flags without `qr`): ask again,
        // alone, before calling it a difference.
        let (bind, bind_text) = if bind != ours {
            let again = named
                .ask_raw(name, rtype, Duration::from_secs(10))
                .unwrap_or_else(|e| panic!("{name} {rtype}: {e}"));
            let parsed = parse_dig(&again).unwrap_or_else(|e| panic!("{name} {rtype}: {e}"));
            (parsed, again)
        } else {
            (bind, bind_text.clone())
        };
        if bind != ours {
            mismatches.push(format!(
                "{name} {rtype}\n  BIND:    {bind:?}\n  dnsplay: {ours:?}\n  dig said:\n{bind_text}\n  zone:\n{}",
                g.text
            ));
        }
    }
    eprintln!(
        "bind_compat_random: {} of {compared} queries over {} served zones matched BIND 9; \
         {refused_by_both} zones refused by both",
        compared - mismatches.len().min(compared),
        ZONES - refused_by_both
    );
    if !mismatches.is_empty() {
        panic!(
            "{} differ:\n{}\nnamed log (load errors):\n{}",
            mismatches.len(),
            mismatches
                .iter()
                .take(6)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n"),
            named
                .log()
                .lines()
                .filter(|l| l.contains("failed") || l.contains("not loaded"))
                .take(10)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    assert!(
        compared >= 10 * ZONES,
        "too few questions compared: {compared}"
    );
}
