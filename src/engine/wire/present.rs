//! Presentation format (RFC 1035 §5.1) for records, as dig and BIND print
//! them. hickory-proto's `Display` is used for every type except TXT, which
//! it prints unquoted and unescaped; zone files and dig need the quoted form.

use hickory_proto::rr::{RData, Record};

/// The RDATA in presentation format: TXT strings quoted with `"` and `\`
/// escaped and non-printable octets as `\DDD` (RFC 1035 §5.1), everything
/// else as hickory-proto prints it.
pub fn rdata_text(data: &RData) -> String {
    match data {
        RData::TXT(txt) => txt
            .txt_data
            .iter()
            .map(|s| quote(s))
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    }
}

/// One character-string, quoted as dig prints it.
pub fn quote(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\{b:03}")),
        }
    }
    out.push('"');
    out
}

/// Appends `text` and then pads to `column` with tabs, as dig's
/// `dns_master_*` style does (tab stops every 8 columns; one space when the
/// column is already passed).
fn pad_to(out: &mut String, col: &mut usize, column: usize) {
    if *col >= column {
        out.push(' ');
        *col += 1;
        return;
    }
    while *col < column {
        out.push('\t');
        *col = (*col / 8 + 1) * 8;
    }
}

/// A record the way `dig` prints it: owner, TTL, class, type, RDATA at
/// columns 24, 32, 40 and 48.
pub fn dig_record(r: &Record) -> String {
    let mut out = String::new();
    let mut col = 0usize;
    let owner = r.name.to_string();
    out.push_str(&owner);
    col += owner.chars().count();
    pad_to(&mut out, &mut col, 24);
    let ttl = r.ttl.to_string();
    out.push_str(&ttl);
    col += ttl.len();
    pad_to(&mut out, &mut col, 32);
    let class = r.dns_class.to_string();
    out.push_str(&class);
    col += class.len();
    pad_to(&mut out, &mut col, 40);
    let rtype = r.record_type().to_string();
    out.push_str(&rtype);
    col += rtype.len();
    pad_to(&mut out, &mut col, 48);
    out.push_str(&rdata_text(&r.data));
    out
}

/// A question line as dig prints it: `;` then the name padded (the `;` not
/// counted) so the class sits at column 32.
pub fn dig_question(name: &str, class: &str, rtype: &str) -> String {
    let mut out = String::from(";");
    let mut col = name.chars().count();
    out.push_str(name);
    pad_to(&mut out, &mut col, 32);
    out.push_str(class);
    col += class.len();
    pad_to(&mut out, &mut col, 40);
    out.push_str(rtype);
    out
}

/// A record on one line, single-spaced, for zone files and comparisons:
/// `owner TTL IN TYPE RDATA`.
pub fn zone_line(r: &Record) -> String {
    format!(
        "{} {} {} {} {}",
        r.name,
        r.ttl,
        r.dns_class,
        r.record_type(),
        rdata_text(&r.data)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::rr::rdata::{A, MX, TXT};
    use hickory_proto::rr::Name;

    fn rec(name: &str, ttl: u32, data: RData) -> Record {
        Record::from_rdata(Name::from_ascii(name).unwrap(), ttl, data)
    }

    #[test]
    fn dig_layout_uses_tab_stops_at_24_32_40_48() {
        // Lines copied from `dig +norec` against BIND 9.18.
        let cases = [
            (
                rec(
                    "compat.example.",
                    3600,
                    RData::MX(MX::new(
                        10,
                        Name::from_ascii("mail.compat.example.").unwrap(),
                    )),
                ),
                "compat.example.\t\t3600\tIN\tMX\t10 mail.compat.example.",
            ),
            (
                rec("ns1.compat.example.", 3600, RData::A(A::new(192, 0, 2, 53))),
                "ns1.compat.example.\t3600\tIN\tA\t192.0.2.53",
            ),
            (
                rec(
                    "foo.wild.compat.example.",
                    3600,
                    RData::A(A::new(192, 0, 2, 99)),
                ),
                "foo.wild.compat.example. 3600\tIN\tA\t192.0.2.99",
            ),
            (
                rec(
                    "compat.example.",
                    3600,
                    RData::TXT(TXT::new(vec!["v=spf1 -all".into()])),
                ),
                "compat.example.\t\t3600\tIN\tTXT\t\"v=spf1 -all\"",
            ),
        ];
        for (r, want) in cases {
            assert_eq!(dig_record(&r), want);
        }
    }

    #[test]
    fn dig_question_line_matches_dig() {
        assert_eq!(
            dig_question("compat.example.", "IN", "MX"),
            ";compat.example.\t\t\tIN\tMX"
        );
        assert_eq!(
            dig_question("c1.compat.example.", "IN", "A"),
            ";c1.compat.example.\t\tIN\tA"
        );
    }

    #[test]
    fn rfc1035_5_1_txt_quotes_and_escapes() {
        let cases: [(&[u8], &str); 4] = [
            (b"plain", "\"plain\""),
            (b"say \"hi\"", "\"say \\\"hi\\\"\""),
            (b"back\\slash", "\"back\\\\slash\""),
            (b"\x00\xff", "\"\\000\\255\""),
        ];
        for (bytes, want) in cases {
            assert_eq!(quote(bytes), want);
        }
    }
}
