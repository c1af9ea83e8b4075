//! BIND zone files (RFC 1035 §5 master files): import into an
//! [`AuthZone`] with hickory-proto's parser, export in canonical
//! presentation format.
//!
//! hickory-proto's parser reports *what* is wrong but not *where*, so the
//! importer finds the line by parsing growing prefixes of the file (binary
//! search: once a prefix fails for a reason other than "the input stopped
//! inside parentheses or quotes", every longer prefix fails the same way).
//! A free-standing `@` in RDATA is expanded first (see `at_sign`), since
//! hickory's parser only takes it as an owner name.
//! `$INCLUDE` is refused before parsing: the engine must not touch a file
//! system (and in the browser there is none).

use std::fmt;

use hickory_proto::rr::{Name, RData, Record, RecordType};
use hickory_proto::serialize::txt::{LexerError, ParseError, Parser};

use crate::engine::lookup::{AuthZone, ZoneError};
use crate::engine::wire::rdata_text;

/// A zone file that cannot be imported: the 1-based line, the rule broken
/// and the detail from the parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneFileError {
    /// The line the problem was found on (1-based). For a multi-line record
    /// in parentheses it is the line that closes it.
    pub line: usize,
    /// The rule, e.g. `RFC 1035 §5.1 master file syntax`.
    pub rule: &'static str,
    /// What the parser or the zone check said.
    pub detail: String,
}

impl fmt::Display for ZoneFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.rule, self.detail)
    }
}

impl std::error::Error for ZoneFileError {}

const SYNTAX: &str = "RFC 1035 §5.1 master file syntax";
const ZONE_CONTENT: &str = "RFC 1035 §5.2 zone content";

fn rule_of(e: &ParseError) -> &'static str {
    match e {
        ParseError::UnknownRecordType(_) | ParseError::UnsupportedRecordType(_) => {
            "RFC 3597 record types"
        }
        ParseError::ParseTime(_) => "RFC 2308 §4 TTL values",
        ParseError::CharToInt(_) | ParseError::ParseInt(_) => "RFC 1035 §5.1 numeric fields",
        ParseError::AddrParse(_) => "RFC 1035 §3.4.1 / RFC 3596 addresses",
        ParseError::Proto(_) => "RFC 1035 §2.3 names and record data",
        ParseError::Io(_) => "$INCLUDE",
        _ => SYNTAX,
    }
}

/// The input stopped inside a `( ... )` group or a quoted string: not an
/// error of this prefix, only of where it was cut.
fn is_incomplete(e: &ParseError) -> bool {
    matches!(
        e,
        ParseError::Lexer(LexerError::UnclosedList)
            | ParseError::Lexer(LexerError::UnclosedQuotedString)
            | ParseError::Lexer(LexerError::EOF)
    )
}

fn is_missing_origin(e: &ParseError) -> bool {
    matches!(e, ParseError::Message(m) if m.contains("$ORIGIN"))
}

/// What went wrong with one text, before a line is attached.
enum Failure {
    Parse(ParseError),
    Zone(ZoneError),
}

fn parse(text: &str, origin: Option<&Name>) -> Result<AuthZone, Failure> {
    let (origin, sets) = Parser::new(text, None, origin.cloned())
        .parse()
        .map_err(Failure::Parse)?;
    let records: Vec<Record> = sets
        .into_values()
        .flat_map(|set| set.records_without_rrsigs().cloned().collect::<Vec<_>>())
        .collect();
    AuthZone::new(origin, records, Vec::new()).map_err(Failure::Zone)
}

/// Whether a prefix fails in a way every longer prefix also fails.
fn fails_for_good(f: &Failure) -> bool {
    match f {
        Failure::Parse(e) => !is_incomplete(e) && !is_missing_origin(e),
        Failure::Zone(ZoneError::MissingSoa { .. }) => false,
        Failure::Zone(_) => true,
    }
}

fn to_error(line: usize, f: Failure) -> ZoneFileError {
    match f {
        Failure::Parse(e) => ZoneFileError {
            line,
            rule: if is_missing_origin(&e) {
                "RFC 1035 §5.1 $ORIGIN"
            } else {
                rule_of(&e)
            },
            detail: e.to_string(),
        },
        Failure::Zone(e) => ZoneFileError {
            line,
            rule: ZONE_CONTENT,
            detail: e.to_string(),
        },
    }
}

/// Imports a zone file. `origin` is the zone's name when the file has no
/// `$ORIGIN` (as `named.conf` gives it with `zone "example.com"`). Never
/// panics; every error names its line.
pub fn import_zone(text: &str, origin: Option<&Name>) -> Result<AuthZone, ZoneFileError> {
    // Same line count as the input, so line numbers stay the user's.
    let expanded = at_sign::expand_at_sign(text, origin);
    // One rewritten chunk per input line, so line numbers stay the user's
    // even where an escape becomes a raw newline.
    let mut quote_state = escapes::State::default();
    let mut lines: Vec<String> = Vec::new();
    for (i, line) in expanded.split_inclusive('\n').enumerate() {
        let rewritten =
            escapes::rewrite_line(line, &mut quote_state).map_err(|detail| ZoneFileError {
                line: i + 1,
                rule: "RFC 1035 §5.1 character strings",
                detail,
            })?;
        lines.push(rewritten);
    }
    let joined = lines.concat();
    let text = joined.as_str();
    if let Some(i) = lines.iter().position(|l| {
        l.trim_start()
            .get(..8)
            .is_some_and(|w| w.eq_ignore_ascii_case("$INCLUDE"))
    }) {
        return Err(ZoneFileError {
            line: i + 1,
            rule: "RFC 1035 §5.1 $INCLUDE",
            detail: "$INCLUDE is not supported: paste the included file's records instead".into(),
        });
    }
    let failure = match parse(text, origin) {
        Ok(zone) => {
            return match singleton::second_cname(text, origin) {
                Some((line, name)) => Err(ZoneFileError {
                    line,
                    rule: ZONE_CONTENT,
                    detail: format!(
                        "RFC 2181 §10.1: a second CNAME record at {name} (an alias has one canonical name)"
                    ),
                }),
                None => Ok(zone),
            };
        }
        Err(f) => f,
    };
    let last_line = lines.len().max(1);
    if !fails_for_good(&failure) {
        // A missing SOA or $ORIGIN is the zone's fault, not one line's:
        // RFC 1035 §5.2 wants the SOA at the top, so point there; an
        // unclosed group is reported where the input ends.
        let line = match &failure {
            Failure::Parse(e) if is_incomplete(e) => last_line,
            _ => 1,
        };
        return Err(to_error(line, failure));
    }
    // Binary search the shortest failing prefix: `lo` lines pass, `hi` fail.
    let mut ends = Vec::with_capacity(lines.len() + 1);
    ends.push(0usize);
    for l in &lines {
        ends.push(ends.last().copied().unwrap_or(0) + l.len());
    }
    let (mut lo, mut hi) = (0usize, lines.len());
    let mut found = failure;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let prefix = text
            .get(..ends.get(mid).copied().unwrap_or(text.len()))
            .unwrap_or(text);
        match parse(prefix, origin) {
            Err(f) if fails_for_good(&f) => {
                hi = mid;
                found = f;
            }
            _ => lo = mid,
        }
    }
    Err(to_error(hi.max(1), found))
}

/// RDATA for a zone file. Like dig's form, except that TXT keeps valid
/// UTF-8 as is (BIND reads raw UTF-8 octet for octet too). Control octets
/// are written `\DDD`, which the importer decodes itself (see `escapes`:
/// hickory-proto's lexer misreads `\DDD`). Octets that are not UTF-8 are
/// written `\DDD` as well; no import produces them (hickory keeps character
/// strings as text), and the importer refuses them with a clear message.
fn zone_rdata(data: &RData) -> String {
    match data {
        RData::TXT(txt) => txt
            .txt_data
            .iter()
            .map(|s| zone_quote(s))
            .collect::<Vec<_>>()
            .join(" "),
        other => rdata_text(other),
    }
}

fn zone_quote(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                c if c.is_control() && c.is_ascii() => {
                    out.push_str(&format!("\\{:03}", u32::from(c)))
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\{b:03}"));
        }
    }
    out.push('"');
    out
}

/// Exports a zone in canonical presentation format: `$ORIGIN` and `$TTL`
/// (the SOA's TTL) headers, then one record a line with fully qualified
/// names and explicit TTL and class, sorted by owner in RFC 4034 §6.1
/// canonical order, SOA first, then by type number and RDATA text.
/// Route 53 aliases have no zone-file form; they are listed as comments at
/// the end (an import ignores them).
pub fn export_zone(zone: &AuthZone) -> String {
    let default_ttl = zone.soa().map(|s| s.ttl).unwrap_or(3600);
    let mut out = format!("$ORIGIN {}\n$TTL {default_ttl}\n", zone.origin());
    for node in zone.nodes() {
        let mut types: Vec<RecordType> = node.rrsets.keys().copied().collect();
        // The SOA opens the zone (RFC 1035 §5.2).
        types.sort_by_key(|t| (*t != RecordType::SOA, u16::from(*t)));
        for t in types {
            let mut lines: Vec<(String, String)> = node
                .records(t)
                .iter()
                .map(|r| {
                    let data = zone_rdata(&r.data);
                    let line = format!("{} {} {} {t} {data}", r.name, r.ttl, r.dns_class);
                    (data, line)
                })
                .collect();
            lines.sort();
            for (_, line) in lines {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    for (name, rtype, alias) in zone.aliases() {
        out.push_str(&format!(
            "; Route 53 alias: {name} {rtype} -> {} (HostedZoneId {}, EvaluateTargetHealth {})\n",
            alias.target, alias.hosted_zone_id, alias.evaluate_target_health
        ));
    }
    out
}

mod at_sign;
mod escapes;
mod singleton;

#[cfg(test)]
mod tests;
