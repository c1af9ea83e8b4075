//! The one module that turns lookup results into DNS messages with
//! hickory-proto: the [`Message`], its bytes, a dig-style text and a
//! labelled byte view.
//!
//! Message ids are parameters: callers draw them from
//! [`crate::engine::rng::SimRng`], never from `Message::query()`, whose id
//! is random and would break replay.

mod dig;
mod hex;
mod present;

use std::fmt;

use hickory_proto::op::{Message, MessageType, OpCode, Query};
use hickory_proto::rr::{Name, RecordType};

use crate::engine::lookup::Answer;

pub use dig::{dig_text, flags_text, status_text};
pub use hex::{hex_fields, HexField};
pub use present::{dig_question, dig_record, quote, rdata_text, zone_line};

/// A message could not be encoded or decoded; the text names the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub String);

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WireError {}

/// The response an authoritative server sends for `query` (the question is
/// echoed with the query's own case, RFC 4343 §4.1): RD and RA clear, as
/// for `dig +norec` against a server with `recursion no;`.
pub fn response(query: (Name, RecordType), answer: &Answer, id: u16) -> Message {
    let mut msg = Message::new(id, MessageType::Response, OpCode::Query);
    msg.metadata.authoritative = answer.authoritative;
    msg.metadata.recursion_desired = false;
    msg.metadata.recursion_available = false;
    msg.metadata.response_code = answer.rcode;
    let (mut name, rtype) = query;
    name.set_fqdn(true);
    msg.add_query(Query::query(name, rtype));
    msg.add_answers(answer.answer.iter().cloned());
    msg.add_authorities(answer.authority.iter().cloned());
    msg.add_additionals(answer.additional.iter().cloned());
    msg
}

/// The message in wire format (RFC 1035 §4), names compressed.
pub fn to_bytes(msg: &Message) -> Result<Vec<u8>, WireError> {
    msg.to_vec()
        .map_err(|e| WireError(format!("RFC 1035 §4: cannot encode message: {e}")))
}

/// Decodes wire bytes (the parse-back half of the round trip).
pub fn from_bytes(bytes: &[u8]) -> Result<Message, WireError> {
    Message::from_vec(bytes)
        .map_err(|e| WireError(format!("RFC 1035 §4: cannot decode message: {e}")))
}

/// Answer -> message -> dig text, in one call.
pub fn dig(query: (Name, RecordType), answer: &Answer, id: u16) -> String {
    dig_text(&response(query, answer, id))
}

#[cfg(test)]
mod tests;
