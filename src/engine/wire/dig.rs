//! The dig view of a message: the text `dig +norec` prints between the
//! "Got answer" line and the statistics, so a reader can put the two side
//! by side.

use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::Record;

use super::present::{dig_question, dig_record};

/// The RCODE mnemonic dig prints (RFC 1035 §4.1.1, RFC 6895 §2.3).
pub fn status_text(rcode: ResponseCode) -> String {
    match rcode {
        ResponseCode::NoError => "NOERROR".into(),
        ResponseCode::FormErr => "FORMERR".into(),
        ResponseCode::ServFail => "SERVFAIL".into(),
        ResponseCode::NXDomain => "NXDOMAIN".into(),
        ResponseCode::NotImp => "NOTIMP".into(),
        ResponseCode::Refused => "REFUSED".into(),
        ResponseCode::YXDomain => "YXDOMAIN".into(),
        ResponseCode::YXRRSet => "YXRRSET".into(),
        ResponseCode::NXRRSet => "NXRRSET".into(),
        ResponseCode::NotAuth => "NOTAUTH".into(),
        ResponseCode::NotZone => "NOTZONE".into(),
        other => format!("RESERVED{}", u16::from(other)),
    }
}

/// The flags line's mnemonics in dig's order: qr aa tc rd ra ad cd.
pub fn flags_text(msg: &Message) -> String {
    let m = &msg.metadata;
    let flags = [
        (
            m.message_type == hickory_proto::op::MessageType::Response,
            "qr",
        ),
        (m.authoritative, "aa"),
        (m.truncation, "tc"),
        (m.recursion_desired, "rd"),
        (m.recursion_available, "ra"),
        (m.authentic_data, "ad"),
        (m.checking_disabled, "cd"),
    ];
    flags
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, s)| *s)
        .collect::<Vec<_>>()
        .join(" ")
}

fn section(out: &mut String, title: &str, records: &[Record]) {
    if records.is_empty() {
        return;
    }
    out.push_str(&format!(";; {title} SECTION:\n"));
    for r in records {
        out.push_str(&dig_record(r));
        out.push('\n');
    }
    out.push('\n');
}

/// The message as `dig +norec` prints it: header, flags and counts, then
/// each non-empty section in presentation format.
pub fn dig_text(msg: &Message) -> String {
    let m = &msg.metadata;
    let mut out = format!(
        ";; ->>HEADER<<- opcode: {}, status: {}, id: {}\n",
        m.op_code,
        status_text(m.response_code),
        m.id
    );
    out.push_str(&format!(
        ";; flags: {}; QUERY: {}, ANSWER: {}, AUTHORITY: {}, ADDITIONAL: {}\n\n",
        flags_text(msg),
        msg.queries.len(),
        msg.answers.len(),
        msg.authorities.len(),
        msg.additionals.len()
    ));
    if !msg.queries.is_empty() {
        out.push_str(";; QUESTION SECTION:\n");
        for q in &msg.queries {
            out.push_str(&dig_question(
                &q.name.to_string(),
                &q.query_class.to_string(),
                &q.query_type.to_string(),
            ));
            out.push('\n');
        }
        out.push('\n');
    }
    section(&mut out, "ANSWER", &msg.answers);
    section(&mut out, "AUTHORITY", &msg.authorities);
    section(&mut out, "ADDITIONAL", &msg.additionals);
    out
}
