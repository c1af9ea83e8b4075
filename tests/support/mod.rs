//! Shared by the BIND comparison tests: a `named` process serving zone
//! files on 127.0.0.1 (killed on drop), `dig +norec` against it with
//! timeouts, and a parser for dig text that reads real dig's output and
//! dnsplay's dig view alike.

// A real `named` runs on wall-clock time: the timeouts that keep these
// tests from hanging need the real clock, which the engine never reads.
#![allow(clippy::disallowed_methods)]
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::net::{TcpListener, UdpSocket};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use dnsplay::engine::lookup::{lookup, AuthZone};
use dnsplay::engine::wire;
use hickory_proto::rr::{Name, RecordType};

pub const INSTALL: &str = "apt-get install bind9 bind9-dnsutils";

/// The parts of a dig answer that are compared.
#[derive(Debug, PartialEq, Eq)]
pub struct Parsed {
    pub status: String,
    pub aa: bool,
    pub answer: BTreeSet<String>,
    pub authority: BTreeSet<String>,
    pub additional: BTreeSet<String>,
}

fn normalize(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// Parses `dig` text (real dig's or dnsplay's dig view).
pub fn parse_dig(text: &str) -> Result<Parsed, String> {
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
pub fn run_with_timeout(cmd: &mut Command, limit: Duration) -> Result<Output, String> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    // Drain both pipes while waiting: a child blocked on a full pipe would
    // otherwise never exit.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{cmd:?} did not finish within {limit:?}"));
            }
            Ok(None) => sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    };
    Ok(Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    })
}

/// Finds a program or fails the test with the install hint.
pub fn require(path: &str, name: &str) -> PathBuf {
    let candidates = [
        PathBuf::from(path),
        PathBuf::from(format!("/usr/bin/{name}")),
    ];
    candidates
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("`{name}` not found (looked at {path}): {INSTALL}"))
}

pub fn free_port() -> u16 {
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
pub struct Named {
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
    /// Starts `named` serving `zones` (origin without trailing dot, zone
    /// file text) and waits until it answers the first zone's SOA.
    pub fn start(zones: &[(String, String)]) -> Named {
        let named = require("/usr/sbin/named", "named");
        let dig = require("/usr/bin/dig", "dig");
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("dnsplay-bind-{}-{port}", std::process::id()));
        fs::create_dir_all(&dir).expect("create the temp dir for named");
        let d = dir.display();
        // Checks off: the comparison is about answers, and BIND's load-time
        // policies (host-name syntax, MX/NS integrity) would drop zones
        // dnsplay serves.
        let mut conf = format!(
            "options {{\n  directory \"{d}\";\n  pid-file \"{d}/named.pid\";\n  \
             session-keyfile \"{d}/session.key\";\n  managed-keys-directory \"{d}\";\n  \
             listen-on port {port} {{ 127.0.0.1; }};\n  listen-on-v6 {{ none; }};\n  \
             recursion no;\n  notify no;\n  check-names primary ignore;\n  \
             check-integrity no;\n  check-wildcard no;\n}};\n"
        );
        for (i, (origin, text)) in zones.iter().enumerate() {
            let file = dir.join(format!("zone{i}.db"));
            fs::write(&file, text).expect("write a zone file");
            conf.push_str(&format!(
                "zone \"{origin}\" {{ type primary; file \"{}\"; }};\n",
                file.display()
            ));
        }
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
        let probe = zones
            .first()
            .map(|z| z.0.clone())
            .unwrap_or_else(|| ".".into());
        server.wait_ready(&probe);
        server
    }

    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.join("named.log")).unwrap_or_default()
    }

    /// Polls until named has loaded every zone and answers; 15 s at most.
    fn wait_ready(&mut self, origin: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("named exited ({status}) before answering:\n{}", self.log());
            }
            if let Ok(text) = self.ask_raw(origin, "SOA", Duration::from_secs(2)) {
                // named answers while it still loads other zones; the log
                // line says when every zone is in. Any status will do: the
                // probe zone may be one BIND refused to load.
                if text.contains("status: ") && self.log().contains("all zones loaded") {
                    return;
                }
            }
            sleep(Duration::from_millis(50));
        }
        panic!("named did not answer within 15 s:\n{}", self.log());
    }

    /// Asks many questions with one `dig -f` batch (one process instead
    /// of one each); returns dig's text per question, in order.
    pub fn ask_batch(&self, questions: &[(String, String)]) -> Vec<String> {
        let batch = self.dir.join("batch.txt");
        let lines: String = questions
            .iter()
            .map(|(name, rtype)| format!("{name} {rtype}\n"))
            .collect();
        fs::write(&batch, lines).expect("write the dig batch file");
        let limit = Duration::from_secs(10 + questions.len() as u64 / 10);
        let out = run_with_timeout(
            Command::new(&self.dig)
                .args(["+norec", "+noedns", "+time=1", "+tries=1"])
                .arg("@127.0.0.1")
                .args(["-p", &self.port.to_string(), "-f"])
                .arg(&batch),
            limit,
        )
        .unwrap_or_else(|e| panic!("dig batch: {e}"));
        let text = String::from_utf8_lossy(&out.stdout);
        let answers: Vec<String> = text
            .split("; <<>> DiG")
            .skip(1)
            .map(str::to_string)
            .collect();
        assert_eq!(
            answers.len(),
            questions.len(),
            "dig printed {} answers for {} questions:\n{text}",
            answers.len(),
            questions.len()
        );
        answers
    }

    pub fn ask_raw(&self, name: &str, rtype: &str, limit: Duration) -> Result<String, String> {
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

/// dnsplay's answer, through the wire message and its dig view, parsed
/// like real dig output.
pub fn dnsplay_answer(zone: &AuthZone, name: &str, rtype: &str) -> Parsed {
    let qname = Name::from_ascii(name).expect("query name");
    let qtype: RecordType = rtype.parse().expect("query type");
    let answer = lookup(zone, &qname, qtype);
    let msg = wire::response((qname, qtype), &answer, 1);
    let back = wire::from_bytes(&wire::to_bytes(&msg).expect("encode")).expect("decode");
    parse_dig(&wire::dig_text(&back)).expect("parse dnsplay's dig view")
}
