//! [`Answer`]: what an authoritative server says to one question, as data.
//!
//! NXDOMAIN, NODATA, referrals and broken CNAME chains are normal outcomes,
//! not errors (RFC 1034 §4.3.2); every answer carries the trace of the rules
//! that produced it so the UI can explain it step by step.

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{Name, Record};

/// The kind of answer, which the RCODE alone does not tell apart
/// (NODATA and a referral are both NOERROR; RFC 2308 §2.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Records of the asked type (possibly at the end of a CNAME chain).
    Data,
    /// The name exists but has no data of the type (RFC 2308 §2.2).
    NoData,
    /// The name does not exist (RFC 1034 §4.3.2 step 3c, RFC 2308 §2.1).
    NxDomain,
    /// The name is at or below a zone cut: go ask the child's servers
    /// (RFC 1034 §4.3.2 step 3b).
    Referral {
        /// The owner name of the cut's NS set.
        cut: Name,
    },
    /// The CNAME chain leaves the zone; the resolver continues at `target`
    /// (RFC 1034 §4.3.2 step 3a, §5.2.2).
    OutOfZoneCname {
        /// Where the resolver must restart.
        target: Name,
    },
    /// The CNAME chain loops or is longer than BIND follows: SERVFAIL.
    BrokenChain,
    /// No zone here holds the name: BIND answers REFUSED.
    NotAuthoritative,
}

/// Whether a trace step is the rule applied or a note on how Route 53
/// documents a different answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// A rule the lookup applied.
    Rule,
    /// What Route 53's documentation says it does differently here.
    Route53Note,
}

/// One step of the lookup, with the section of the standard it follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceStep {
    /// What happened, in plain words.
    pub text: String,
    /// The rule followed, e.g. `RFC 1034 §4.3.2 step 3a`.
    pub rule: &'static str,
    /// A rule or a Route 53 note.
    pub kind: StepKind,
}

/// An authoritative answer: header bits, the three record sections and the
/// trace. Build the wire message with [`crate::engine::wire::response`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The RCODE; after a CNAME chain it reflects the last name (RFC 6604).
    pub rcode: ResponseCode,
    /// The AA bit: set for answers from zone data, clear for referrals and
    /// REFUSED (RFC 1035 §4.1.1).
    pub authoritative: bool,
    /// The answer section.
    pub answer: Vec<Record>,
    /// The authority section.
    pub authority: Vec<Record>,
    /// The additional section.
    pub additional: Vec<Record>,
    /// The kind of answer.
    pub outcome: Outcome,
    /// The steps taken, in order.
    pub trace: Vec<TraceStep>,
}

impl Answer {
    pub(crate) fn new() -> Answer {
        Answer {
            rcode: ResponseCode::NoError,
            authoritative: true,
            answer: Vec::new(),
            authority: Vec::new(),
            additional: Vec::new(),
            outcome: Outcome::Data,
            trace: Vec::new(),
        }
    }

    pub(crate) fn step(&mut self, rule: &'static str, text: impl Into<String>) {
        self.trace.push(TraceStep {
            text: text.into(),
            rule,
            kind: StepKind::Rule,
        });
    }

    pub(crate) fn route53_note(&mut self, source: &'static str, text: impl Into<String>) {
        self.trace.push(TraceStep {
            text: text.into(),
            rule: source,
            kind: StepKind::Route53Note,
        });
    }
}
