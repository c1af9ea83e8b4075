//! [`Step`]: one line of a resolution's trace — a server asked (or the
//! cache consulted), the question, what came back, and the DNS message.

use std::fmt::Write as _;

use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, Record, RecordType};

use super::servers::NameServer;
use crate::engine::time::SimTime;
use crate::engine::wire::{dig_text, rdata_text, to_bytes};

/// What one step learned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepResult {
    /// Records of the asked type (possibly behind in-zone CNAMEs).
    Answer,
    /// A CNAME leading out of the answering zone; the resolver restarts at
    /// `target` (RFC 1034 §5.2.2).
    Cname {
        /// Where resolution continues.
        target: Name,
    },
    /// A referral to the servers of `cut` (RFC 1034 §4.3.2 step 3b).
    Referral {
        /// The delegated zone.
        cut: Name,
        /// Its servers with the addresses the resolver will use.
        servers: Vec<NameServer>,
    },
    /// The name exists without data of the type (RFC 2308 §2.2).
    NoData,
    /// The name does not exist (RFC 2308 §2.1).
    NxDomain,
    /// No answer came back.
    Timeout,
    /// The server refused: it is not authoritative for the name (a lame
    /// delegation).
    Refused,
    /// The server or the resolver gave up.
    ServFail,
}

/// One step of a resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// When it happened (every step of one resolution shares the instant).
    pub at: SimTime,
    /// The server asked; `None` when the cache answered.
    pub server: Option<NameServer>,
    /// The question name.
    pub qname: Name,
    /// The question type.
    pub qtype: RecordType,
    /// What came back.
    pub result: StepResult,
    /// Served from the resolver's cache.
    pub from_cache: bool,
    /// Served stale (RFC 8767).
    pub stale: bool,
    /// The answer records (TTLs as served), or the NS set of a referral.
    pub records: Vec<Record>,
    /// Round-trip time to the server (0 from cache).
    pub rtt_ms: u64,
    /// Why, naming the rule followed.
    pub note: String,
    /// The response as a DNS message (the server's, or the one the
    /// resolver builds from its cache), when messages are recorded.
    pub message: Option<Message>,
}

impl Step {
    /// The message in wire format.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        self.message.as_ref().and_then(|m| to_bytes(m).ok())
    }

    /// The message as dig prints it.
    pub fn dig(&self) -> Option<String> {
        self.message.as_ref().map(dig_text)
    }

    /// One line: who was asked, the question, and the result.
    pub fn summary(&self) -> String {
        let who = match (&self.server, self.from_cache) {
            (_, true) => "cache".to_string(),
            (Some(s), false) => format!("{} ({})", s.name, s.ip),
            (None, false) => "resolver".to_string(),
        };
        let what = match &self.result {
            StepResult::Answer => {
                let mut s = String::from("answer");
                for r in &self.records {
                    let _ = write!(s, " {} {} {}", r.record_type(), r.ttl, rdata_text(&r.data));
                }
                s
            }
            StepResult::Cname { target } => format!("CNAME to {target}"),
            StepResult::Referral { cut, servers } => {
                let names: Vec<String> = servers.iter().map(|s| s.name.to_string()).collect();
                format!("referral to {cut} ({})", names.join(", "))
            }
            StepResult::NoData => "NODATA".into(),
            StepResult::NxDomain => "NXDOMAIN".into(),
            StepResult::Timeout => "no answer (timeout)".into(),
            StepResult::Refused => "REFUSED".into(),
            StepResult::ServFail => "SERVFAIL".into(),
        };
        let stale = if self.stale { " (stale)" } else { "" };
        format!(
            "{} {} {} @ {}: {what}{stale}",
            fmt_time(self.at),
            self.qname,
            self.qtype,
            who
        )
    }
}

/// `12.345s`.
pub fn fmt_time(t: SimTime) -> String {
    format!("{}.{:03}s", t.as_millis() / 1000, t.as_millis() % 1000)
}

/// A recursive resolver's response: RD and RA set, AA clear (RFC 1035
/// §4.1.1: data from a cache is not authoritative).
pub fn recursive_message(
    qname: &Name,
    qtype: RecordType,
    rcode: ResponseCode,
    answer: &[Record],
    authority: &[Record],
    id: u16,
) -> Message {
    let mut msg = Message::new(id, MessageType::Response, OpCode::Query);
    msg.metadata.authoritative = false;
    msg.metadata.recursion_desired = true;
    msg.metadata.recursion_available = true;
    msg.metadata.response_code = rcode;
    let mut name = qname.clone();
    name.set_fqdn(true);
    msg.add_query(Query::query(name, qtype));
    msg.add_answers(answer.iter().cloned());
    msg.add_authorities(authority.iter().cloned());
    msg
}
