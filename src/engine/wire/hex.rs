//! A labelled view of message bytes for the UI: which byte range holds
//! which header field, question or record part (RFC 1035 §4.1).

use std::ops::Range;

use hickory_proto::op::Message;
use hickory_proto::rr::Record;

use super::dig::{flags_text, status_text};
use super::present::rdata_text;
use super::WireError;

/// One labelled span of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HexField {
    /// The bytes it covers.
    pub range: Range<usize>,
    /// Its name, e.g. `header.id` or `answer[0].ttl`.
    pub field: String,
    /// Its value in presentation form.
    pub value: String,
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    out: Vec<HexField>,
}

impl Cursor<'_> {
    fn take(&mut self, len: usize, field: String, value: String) -> Result<(), WireError> {
        let end = self.pos.checked_add(len).filter(|e| *e <= self.bytes.len());
        let end =
            end.ok_or_else(|| WireError(format!("RFC 1035 §4.1: message ends inside {field}")))?;
        self.out.push(HexField {
            range: self.pos..end,
            field,
            value,
        });
        self.pos = end;
        Ok(())
    }

    fn u16_at(&self, at: usize) -> Result<u16, WireError> {
        match self.bytes.get(at..at + 2) {
            Some([a, b]) => Ok(u16::from_be_bytes([*a, *b])),
            _ => Err(WireError("RFC 1035 §4.1: message too short".into())),
        }
    }

    /// The length of the (possibly compressed, RFC 1035 §4.1.4) name at the
    /// cursor; each step advances, so the loop ends within the message.
    fn name_len(&self) -> Result<usize, WireError> {
        let mut p = self.pos;
        loop {
            let len = *self
                .bytes
                .get(p)
                .ok_or_else(|| WireError("RFC 1035 §3.1: name runs past the message".into()))?;
            match len {
                0 => return Ok(p + 1 - self.pos),
                l if l & 0xC0 == 0xC0 => return Ok(p + 2 - self.pos),
                l => p += 1 + usize::from(l),
            }
        }
    }

    fn record(&mut self, section: &str, i: usize, r: &Record) -> Result<(), WireError> {
        let f = |part: &str| format!("{section}[{i}].{part}");
        let n = self.name_len()?;
        self.take(n, f("name"), r.name.to_string())?;
        self.take(2, f("type"), r.record_type().to_string())?;
        self.take(2, f("class"), r.dns_class.to_string())?;
        self.take(4, f("ttl"), r.ttl.to_string())?;
        let rdlen = usize::from(self.u16_at(self.pos)?);
        self.take(2, f("rdlength"), rdlen.to_string())?;
        self.take(rdlen, f("rdata"), rdata_text(&r.data))
    }
}

/// Labels every byte of a message: header fields, each question and each
/// record's owner, type, class, TTL, RDLENGTH and RDATA.
pub fn hex_fields(bytes: &[u8]) -> Result<Vec<HexField>, WireError> {
    let msg =
        Message::from_vec(bytes).map_err(|e| WireError(format!("cannot decode message: {e}")))?;
    let mut c = Cursor {
        bytes,
        pos: 0,
        out: Vec::new(),
    };
    let m = &msg.metadata;
    c.take(2, "header.id".into(), m.id.to_string())?;
    let flags = c.u16_at(2)?;
    c.take(
        2,
        "header.flags".into(),
        format!(
            "0x{flags:04x}: {}; opcode {}; rcode {}",
            flags_text(&msg),
            m.op_code,
            status_text(m.response_code)
        ),
    )?;
    for (label, n) in [
        ("QDCOUNT", msg.queries.len()),
        ("ANCOUNT", msg.answers.len()),
        ("NSCOUNT", msg.authorities.len()),
        ("ARCOUNT", msg.additionals.len()),
    ] {
        c.take(2, format!("header.{label}"), n.to_string())?;
    }
    for (i, q) in msg.queries.iter().enumerate() {
        let n = c.name_len()?;
        c.take(n, format!("question[{i}].name"), q.name.to_string())?;
        c.take(2, format!("question[{i}].type"), q.query_type.to_string())?;
        c.take(2, format!("question[{i}].class"), q.query_class.to_string())?;
    }
    for (section, records) in [
        ("answer", &msg.answers),
        ("authority", &msg.authorities),
        ("additional", &msg.additionals),
    ] {
        for (i, r) in records.iter().enumerate() {
            c.record(section, i, r)?;
        }
    }
    Ok(c.out)
}
