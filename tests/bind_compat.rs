//! dnsplay answers as BIND 9 does: `named` (Debian's bind9) serves
//! `tests/fixtures/zones/compat.example.zone` on 127.0.0.1, `dig +norec`
//! asks it questions, and dnsplay's lookup of the same file must give the
//! same RCODE, AA flag and sections (compared as sets of normalized
//! presentation records: BIND rotates RRset order, RFC 1034 §3.6 makes
//! order meaningless).
//!
//! The "done when": at least twenty queries across apex records, a
//! CNAME chain, an out-of-zone CNAME, a wildcard, an empty non-terminal and
//! a delegation. `named` missing is a failure, not a skip: `make test`
//! installs it.

// A real `named` runs on wall-clock time: the timeouts that keep this test
// from hanging need the real clock, which the engine itself never reads.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeSet;
use std::fs;
use std::net::{TcpListener, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use dnsplay::engine::lookup::{lookup, AuthZone};
use dnsplay::engine::wire;
use dnsplay::scenario::formats::zonefile::import_zone;
use hickory_proto::rr::{Name, RecordType};

const ORIGIN: &str = "compat.example.";
const INSTALL: &str = "apt-get install bind9 bind9-dnsutils";

/// Every question asked, with the behaviour it checks.
const QUERIES: &[(&str, &str, &str)] = &[
    ("compat.example.", "SOA", "apex SOA"),
    (
        "compat.example.",
        "NS",
        "apex NS: NS in answer, addresses in additional",
    ),
    (
        "compat.example.",
        "MX",
        "apex MX: exchange address in additional",
    ),
    ("compat.example.", "A", "apex A"),
    ("compat.example.", "TXT", "apex TXT"),
    ("compat.example.", "AAAA", "apex NODATA"),
    (
        "c1.compat.example.",
        "A",
        "3-link CNAME chain chased in the zone",
    ),
    ("c1.compat.example.", "AAAA", "chain to AAAA"),
    ("c1.compat.example.", "MX", "chain ending in NODATA"),
    ("c1.compat.example.", "CNAME", "QTYPE CNAME is not chased"),
    ("c3.compat.example.", "A", "last link with its own TTL"),
    ("www.compat.example.", "A", "CNAME to `@` (the apex) chased"),
    (
        "www.compat.example.",
        "MX",
        "CNAME to the apex, MX with additional",
    ),
    (
        "ext.compat.example.",
        "A",
        "out-of-zone CNAME left for the resolver",
    ),
    ("c-ext.compat.example.", "A", "chain leaving the zone"),
    ("foo.wild.compat.example.", "A", "wildcard synthesis"),
    (
        "a.b.wild.compat.example.",
        "TXT",
        "wildcard matches several labels",
    ),
    ("foo.wild.compat.example.", "MX", "wildcard NODATA"),
    (
        "exists.wild.compat.example.",
        "A",
        "existing name answers for itself",
    ),
    (
        "exists.wild.compat.example.",
        "TXT",
        "existing name blocks the wildcard: NODATA",
    ),
    (
        "wild.compat.example.",
        "A",
        "empty parent of the wildcard: NODATA",
    ),
    ("ent.compat.example.", "A", "empty non-terminal: NODATA"),
    (
        "b.ent.compat.example.",
        "TXT",
        "empty non-terminal one level down",
    ),
    ("nope.compat.example.", "A", "NXDOMAIN"),
    ("x.a.b.ent.compat.example.", "A", "NXDOMAIN below a leaf"),
    ("host.compat.example.", "MX", "NODATA"),
    ("sub.compat.example.", "A", "referral at the cut"),
    ("www.sub.compat.example.", "A", "referral below the cut"),
    (
        "ns.sub.compat.example.",
        "A",
        "glue name is below the cut: referral",
    ),
    ("sub.compat.example.", "NS", "NS at the cut: referral"),
    (
        "sub.compat.example.",
        "DS",
        "DS at the cut answered by the parent",
    ),
    ("HoSt.CoMpAt.ExAmPlE.", "A", "case-mixed query"),
    (
        "foo.wc.compat.example.",
        "A",
        "CNAME at a wildcard is chased",
    ),
    (
        "foo.wc.compat.example.",
        "CNAME",
        "wildcard CNAME for QTYPE CNAME",
    ),
    (
        "_sip._tcp.compat.example.",
        "SRV",
        "SRV target addresses in additional",
    ),
    (
        "ns1.compat.example.",
        "A",
        "no repeat of answer records in additional",
    ),
    ("*.wild.compat.example.", "A", "literal wildcard name"),
    ("host.compat.example.", "ANY", "ANY"),
    ("other.example.", "A", "outside the zone: REFUSED"),
];

/// The parts of a dig answer that are compared.
#[derive(Debug, PartialEq, Eq)]
struct Parsed {
    status: String,
    aa: bool,
    answer: BTreeSet<String>,
    authority: BTreeSet<String>,
    additional: BTreeSet<String>,
}

fn normalize(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// Parses `dig` text (real dig's or dnsplay's dig view).
fn parse_dig(text: &str) -> Result<Parsed, String> {
    let status = text
        .lines()
        .find_map(|l| l.split("status: ").nth(1))
        .and_then(|s| s.split(',').next())
        .ok_or_else(|| format!("no status line in:\n{text}"))?
        .to_string();
    let flags = text
        .lines()
        .find_map(|l| l.strip_prefix(";; flags: "))
        .and_then(|s| s.split(';').next())
        .ok_or_else(|| format!("no flags line in:\n{text}"))?;
    let mut sections: [BTreeSet<String>; 3] = Default::default();
    let mut current: Option<usize> = None;
    for line in text.lines() {
        match line {
            ";; ANSWER SECTION:" => current = Some(0),
            ";; AUTHORITY SECTION:" => current = Some(1),
            ";; ADDITIONAL SECTION:" => current = Some(2),
            "" => current = None,
            l if l.starts_with(';') => current = None,
            l => {
                if let Some(i) = current {
                    sections[i].insert(normalize(l));
                }
            }
        }
    }
    let [answer, authority, additional] = sections;
    Ok(Parsed {
        status,
        aa: flags.split_whitespace().any(|f| f == "aa"),
        answer,
        authority,
        additional,
    })
}

/// Runs a command with a deadline; kills it when the deadline passes.
fn run_with_timeout(cmd: &mut Command, limit: Duration) -> Result<Output, String> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    let deadline = Instant::now() + limit;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => return child.wait_with_output().map_err(|e| e.to_string()),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{cmd:?} did not finish within {limit:?}"));
            }
            Ok(None) => sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    }
}

/// Finds a program or fails the test with the install hint.
fn require(path: &str, name: &str) -> PathBuf {
    let candidates = [
        PathBuf::from(path),
        PathBuf::from(format!("/usr/bin/{name}")),
    ];
    candidates
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("`{name}` not found (looked at {path}): {INSTALL}"))
}

fn free_port() -> u16 {
    // A port free for UDP and TCP (named listens on both).
    for _ in 0..50 {
        let udp = UdpSocket::bind("127.0.0.1:0").expect("bind a UDP socket on 127.0.0.1");
        let port = udp.local_addr().expect("local address").port();
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!("no free port on 127.0.0.1 after 50 tries");
}

/// A running `named`, killed and cleaned up on drop, even when the test
/// panics.
struct Named {
    child: Child,
    dir: PathBuf,
    port: u16,
    dig: PathBuf,
}

impl Drop for Named {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

impl Named {
    fn start(zone_file: &Path) -> Named {
        let named = require("/usr/sbin/named", "named");
        let dig = require("/usr/bin/dig", "dig");
        let port = free_port();
        let dir =
            std::env::temp_dir().join(format!("dnsplay-bind-compat-{}-{port}", std::process::id()));
        fs::create_dir_all(&dir).expect("create the temp dir for named");
        fs::copy(zone_file, dir.join("compat.example.zone")).expect("copy the fixture zone");
        let d = dir.display();
        let conf = format!(
            "options {{\n  directory \"{d}\";\n  pid-file \"{d}/named.pid\";\n  \
             session-keyfile \"{d}/session.key\";\n  managed-keys-directory \"{d}\";\n  \
             listen-on port {port} {{ 127.0.0.1; }};\n  listen-on-v6 {{ none; }};\n  \
             recursion no;\n  notify no;\n}};\n\
             zone \"compat.example\" {{ type primary; file \"{d}/compat.example.zone\"; }};\n"
        );
        fs::write(dir.join("named.conf"), conf).expect("write named.conf");
        let log = fs::File::create(dir.join("named.log")).expect("create named.log");
        let mut cmd = Command::new(&named);
        cmd.arg("-g").arg("-c").arg(dir.join("named.conf"));
        // As root, named switches to user `bind` by default and then cannot
        // write the temp dir; stay root instead.
        if is_root() {
            cmd.args(["-u", "root"]);
        }
        let child = cmd
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e} ({INSTALL})", named.display()));
        let mut server = Named {
            child,
            dir,
            port,
            dig,
        };
        server.wait_ready();
        server
    }

    fn log(&self) -> String {
        fs::read_to_string(self.dir.join("named.log")).unwrap_or_default()
    }

    /// Polls until named answers the zone's SOA authoritatively; 15 s at most.
    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("named exited ({status}) before answering:\n{}", self.log());
            }
            if let Ok(text) = self.ask_raw(ORIGIN, "SOA", Duration::from_secs(2)) {
                if text.contains("status: NOERROR") && text.contains(" aa") {
                    return;
                }
            }
            sleep(Duration::from_millis(50));
        }
        panic!("named did not answer within 15 s:\n{}", self.log());
    }

    fn ask_raw(&self, name: &str, rtype: &str, limit: Duration) -> Result<String, String> {
        let out = run_with_timeout(
            Command::new(&self.dig)
                .args(["+norec", "+noedns", "+time=1", "+tries=1"])
                .arg("@127.0.0.1")
                .args(["-p", &self.port.to_string(), name, rtype]),
            limit,
        )?;
        if !out.status.success() {
            return Err(format!(
                "dig failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zones/compat.example.zone")
}

fn dnsplay_zone() -> AuthZone {
    let text = fs::read_to_string(fixture()).expect("read the fixture zone");
    import_zone(&text, None).unwrap_or_else(|e| panic!("dnsplay cannot import the fixture: {e}"))
}

/// dnsplay's answer, through the wire message and its dig view, parsed
/// like real dig output.
fn dnsplay_answer(zone: &AuthZone, name: &str, rtype: &str) -> Parsed {
    let qname = Name::from_ascii(name).expect("query name");
    let qtype: RecordType = rtype.parse().expect("query type");
    let answer = lookup(zone, &qname, qtype);
    let msg = wire::response((qname, qtype), &answer, 1);
    let back = wire::from_bytes(&wire::to_bytes(&msg).expect("encode")).expect("decode");
    parse_dig(&wire::dig_text(&back)).expect("parse dnsplay's dig view")
}

#[test]
fn dnsplay_answers_as_bind_9_for_every_query() {
    assert!(QUERIES.len() >= 25);
    let zone = dnsplay_zone();
    let named = Named::start(&fixture());
    let mut mismatches = Vec::new();
    for (name, rtype, what) in QUERIES {
        let bind_text = named
            .ask_raw(name, rtype, Duration::from_secs(5))
            .unwrap_or_else(|e| panic!("{name} {rtype}: {e}\nnamed log:\n{}", named.log()));
        let bind = parse_dig(&bind_text).unwrap_or_else(|e| panic!("{name} {rtype}: {e}"));
        let ours = dnsplay_answer(&zone, name, rtype);
        if bind != ours {
            mismatches.push(format!(
                "{name} {rtype} ({what}):\n  BIND:    {bind:?}\n  dnsplay: {ours:?}"
            ));
        }
    }
    let matched = QUERIES.len() - mismatches.len();
    eprintln!(
        "bind_compat: {matched} of {} queries matched BIND 9",
        QUERIES.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} of {} queries differ from BIND:\n{}",
        mismatches.len(),
        QUERIES.len(),
        mismatches.join("\n")
    );
}

#[test]
fn the_dig_parser_reads_both_sides() {
    // Guards the comparison itself: a parser that read nothing would make
    // every answer equal.
    let text = ";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 1\n\
                ;; flags: qr aa; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 0\n\n\
                ;; AUTHORITY SECTION:\n\
                compat.example.\t\t300\tIN\tSOA\tns1.compat.example. h.compat.example. 1 2 3 4 300\n\n";
    let p = parse_dig(text).unwrap();
    assert_eq!(p.status, "NXDOMAIN");
    assert!(p.aa);
    assert_eq!(p.authority.len(), 1);
    assert!(p.answer.is_empty() && p.additional.is_empty());
    let ours = dnsplay_answer(&dnsplay_zone(), "nope.compat.example.", "A");
    assert_eq!(ours.status, "NXDOMAIN");
    assert_eq!(ours.authority.len(), 1);
}
