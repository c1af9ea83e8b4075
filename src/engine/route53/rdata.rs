//! Record values in Route 53's presentation format, parsed into
//! `hickory_proto` record data.
//!
//! Route 53 reads values with its own rules (DG `ResourceRecordTypes`,
//! reference #35): names in values may omit the trailing dot and are always
//! absolute (there is no `$ORIGIN`), and names use octal escapes. So the
//! name-bearing types (CNAME, NS, PTR, MX, SRV, SOA) are split here and
//! their names go through [`crate::engine::name::parse_name`]; the
//! quoted-string types (TXT, CAA) go through hickory's text parser
//! (`RData::try_from_str`), which handles quoting and escapes.
//!
//! Errors are the text of Route 53's "FATAL problem" (reference #18); the
//! caller wraps it in `Invalid Resource Record: '...'`.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use hickory_proto::rr::rdata::{A, AAAA, CNAME, MX, NS, PTR, SOA, SRV};
use hickory_proto::rr::{Name, RData, RecordType};

use super::messages;
use crate::engine::name::parse_name;

/// The longest value the API takes (API model `RData` `max 4000`).
pub const MAX_VALUE_CHARS: usize = 4000;

/// One TXT character-string holds at most 255 octets (RFC 1035 §3.3).
const MAX_CHARACTER_STRING: usize = 255;

/// Parses one value of `rtype`; the error is the FATAL problem text.
pub fn parse_value(rtype: RecordType, value: &str) -> Result<RData, String> {
    if value.chars().count() > MAX_VALUE_CHARS {
        return Err(messages::fatal("RRDATATooLong", "Value is too long", value));
    }
    match rtype {
        RecordType::A => {
            single_field(rtype, value)?;
            Ipv4Addr::from_str(value)
                .map(|ip| RData::A(A(ip)))
                .map_err(|_| {
                    messages::fatal(
                        "ARRDATAIllegalIPv4Address",
                        "Value is not a valid IPv4 address",
                        value,
                    )
                })
        }
        RecordType::AAAA => {
            single_field(rtype, value)?;
            Ipv6Addr::from_str(value)
                .map(|ip| RData::AAAA(AAAA(ip)))
                .map_err(|_| {
                    messages::fatal(
                        "AAAARRDATAIllegalIPv6Address",
                        "Value is not a valid IPv6 address",
                        value,
                    )
                })
        }
        RecordType::CNAME => Ok(RData::CNAME(CNAME(single_name(rtype, value)?))),
        RecordType::NS => Ok(RData::NS(NS(single_name(rtype, value)?))),
        RecordType::PTR => Ok(RData::PTR(PTR(single_name(rtype, value)?))),
        RecordType::MX => {
            let [pref, exchange] = fields::<2>(rtype, value)?;
            Ok(RData::MX(MX::new(
                number(rtype, value, pref)?,
                name_field(exchange)?,
            )))
        }
        RecordType::SRV => {
            let [prio, weight, port, target] = fields::<4>(rtype, value)?;
            Ok(RData::SRV(SRV::new(
                number(rtype, value, prio)?,
                number(rtype, value, weight)?,
                number(rtype, value, port)?,
                name_field(target)?,
            )))
        }
        RecordType::SOA => {
            let [mname, rname, serial, refresh, retry, expire, minimum] =
                fields::<7>(rtype, value)?;
            Ok(RData::SOA(SOA::new(
                name_field(mname)?,
                name_field(rname)?,
                number(rtype, value, serial)?,
                number(rtype, value, refresh)?,
                number(rtype, value, retry)?,
                number(rtype, value, expire)?,
                number(rtype, value, minimum)?,
            )))
        }
        RecordType::TXT => parse_txt(value),
        RecordType::CAA => parse_caa(value),
        other => Err(illegal(other, value)),
    }
}

/// `<TYPE>RRDATAIllegalFormat`: dnsplay wording for a value AWS would
/// refuse with a type-specific problem we have no public text for.
fn illegal(rtype: RecordType, value: &str) -> String {
    messages::fatal(
        &format!("{rtype}RRDATAIllegalFormat"),
        &format!("Value is not a valid {rtype} value"),
        value,
    )
}

/// `ARRDATANotSingleField (Value contains spaces)` (real AWS for A, #18),
/// generalised to the other single-field types.
fn single_field(rtype: RecordType, value: &str) -> Result<(), String> {
    if value.chars().any(char::is_whitespace) {
        return Err(messages::fatal(
            &format!("{rtype}RRDATANotSingleField"),
            "Value contains spaces",
            value,
        ));
    }
    Ok(())
}

fn single_name(rtype: RecordType, value: &str) -> Result<Name, String> {
    single_field(rtype, value)?;
    name_field(value)
}

fn name_field(value: &str) -> Result<Name, String> {
    parse_name(value).map_err(|e| e.message())
}

fn fields<const N: usize>(rtype: RecordType, value: &str) -> Result<[&str; N], String> {
    let parts: Vec<&str> = value.split_whitespace().take(N + 1).collect();
    <[&str; N]>::try_from(parts).map_err(|_| illegal(rtype, value))
}

fn number<T: FromStr>(rtype: RecordType, value: &str, field: &str) -> Result<T, String> {
    field.parse().map_err(|_| illegal(rtype, value))
}

/// TXT: one or more quoted strings (DG `ResourceRecordTypes`: "enclose the
/// value in quotation marks"), each at most 255 characters.
fn parse_txt(value: &str) -> Result<RData, String> {
    let trimmed = value.trim();
    let quoted = trimmed.len() >= 2 && trimmed.starts_with('"') && trimmed.ends_with('"');
    let not_quoted = || {
        messages::fatal(
            "InvalidCharacterString",
            "Value should be enclosed in quotation marks",
            value,
        )
    };
    if !quoted {
        return Err(not_quoted());
    }
    let rdata = RData::try_from_str(RecordType::TXT, trimmed).map_err(|_| not_quoted())?;
    if let RData::TXT(txt) = &rdata {
        if txt.txt_data.iter().any(|s| s.len() > MAX_CHARACTER_STRING) {
            return Err(messages::fatal(
                "CharacterStringTooLong",
                "Value is too long",
                value,
            ));
        }
    }
    Ok(rdata)
}

/// CAA: `flags tag "value"`; the tag only letters and digits, the value
/// always quoted (DG `ResourceRecordTypes`, #35).
fn parse_caa(value: &str) -> Result<RData, String> {
    let bad = || illegal(RecordType::CAA, value);
    let mut parts = value.splitn(3, char::is_whitespace);
    let (flags, tag, rest) = match (parts.next(), parts.next(), parts.next()) {
        (Some(f), Some(t), Some(r)) => (f, t, r.trim()),
        _ => return Err(bad()),
    };
    if flags.parse::<u8>().is_err()
        || tag.is_empty()
        || !tag.bytes().all(|b| b.is_ascii_alphanumeric())
        || !(rest.len() >= 2 && rest.starts_with('"') && rest.ends_with('"'))
    {
        return Err(bad());
    }
    RData::try_from_str(RecordType::CAA, value).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DG `ResourceRecordTypes` (#35): values each type accepts, and the
    /// record data they become.
    #[test]
    fn accepted_values() {
        let cases: &[(RecordType, &str, &str)] = &[
            (RecordType::A, "192.0.2.1", "192.0.2.1"),
            (RecordType::AAAA, "2001:db8::1", "2001:db8::1"),
            (
                RecordType::CNAME,
                "target.example.com",
                "target.example.com.",
            ),
            (
                RecordType::CNAME,
                "Target.Example.com.",
                "target.example.com.",
            ),
            (RecordType::NS, "ns1.example.net", "ns1.example.net."),
            (RecordType::PTR, "host.example.com", "host.example.com."),
            (
                RecordType::MX,
                "10 mail.example.com",
                "10 mail.example.com.",
            ),
            (
                RecordType::SRV,
                "1 10 5269 xmpp.example.com",
                "1 10 5269 xmpp.example.com.",
            ),
            (
                RecordType::SOA,
                "ns-1.awsdns-01.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
                "ns-1.awsdns-01.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
            ),
            // hickory prints TXT data unquoted, strings run together.
            (RecordType::TXT, "\"v=spf1 -all\"", "v=spf1 -all"),
            (RecordType::TXT, "\"a\" \"b\"", "ab"),
            (
                RecordType::CAA,
                "0 issue \"amazon.com\"",
                "0 issue \"amazon.com\"",
            ),
        ];
        for (rtype, value, shown) in cases {
            let rdata =
                parse_value(*rtype, value).unwrap_or_else(|e| panic!("{rtype} {value}: {e}"));
            assert_eq!(rdata.record_type(), *rtype);
            assert_eq!(rdata.to_string(), *shown, "{rtype} {value}");
        }
    }

    /// #18, #35: values refused, with Route 53's problem codes.
    #[test]
    fn refused_values() {
        let long_string = format!("\"{}\"", "x".repeat(256));
        let cases: Vec<(RecordType, String, &str)> = vec![
            (RecordType::A, "not-an-ip".into(), "FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with 'not-an-ip'"),
            (RecordType::A, "88.112.107.181, 88.112.107.181".into(), "FATAL problem: ARRDATANotSingleField (Value contains spaces) encountered with '88.112.107.181, 88.112.107.181'"),
            (RecordType::A, "256.1.1.1".into(), "ARRDATAIllegalIPv4Address"),
            (RecordType::A, "192.0.2.01".into(), "ARRDATAIllegalIPv4Address"),
            (RecordType::A, "2001:db8::1".into(), "ARRDATAIllegalIPv4Address"),
            (RecordType::A, String::new(), "ARRDATAIllegalIPv4Address"),
            (RecordType::AAAA, "192.0.2.1".into(), "AAAARRDATAIllegalIPv6Address"),
            (RecordType::CNAME, "a..b".into(), "DomainLabelEmpty"),
            (RecordType::CNAME, "a b".into(), "CNAMERRDATANotSingleField"),
            (RecordType::MX, "mail.example.com".into(), "MXRRDATAIllegalFormat"),
            (RecordType::MX, "65536 mail.example.com".into(), "MXRRDATAIllegalFormat"),
            (RecordType::MX, "10 mail.example.com extra".into(), "MXRRDATAIllegalFormat"),
            (RecordType::SRV, "1 10 70000 x.example.com".into(), "SRVRRDATAIllegalFormat"),
            (RecordType::SOA, "a. b. 1 2 3".into(), "SOARRDATAIllegalFormat"),
            (RecordType::TXT, "unquoted".into(), "InvalidCharacterString (Value should be enclosed in quotation marks)"),
            (RecordType::TXT, "\"open".into(), "InvalidCharacterString"),
            (RecordType::TXT, long_string, "CharacterStringTooLong"),
            (RecordType::CAA, "0 issue amazon.com".into(), "CAARRDATAIllegalFormat"),
            (RecordType::CAA, "256 issue \"amazon.com\"".into(), "CAARRDATAIllegalFormat"),
            (RecordType::CAA, "0 is-sue \"amazon.com\"".into(), "CAARRDATAIllegalFormat"),
            (RecordType::A, "1".repeat(4001), "RRDATATooLong"),
        ];
        for (rtype, value, want) in cases {
            let err = parse_value(rtype, &value).expect_err(&value);
            assert!(err.contains(want), "{rtype} {value}: {err}");
        }
    }
}
