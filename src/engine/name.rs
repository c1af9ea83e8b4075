//! Domain names as Route 53 takes them, turned into `hickory_proto` names.
//!
//! The rules follow the Route 53 Developer Guide page `DomainNameFormat`
//! (reference items #26–#31) and RFC 1035 §2.3.4:
//!
//! * the trailing dot is optional on input; the result is always fully
//!   qualified;
//! * a label holds at most 63 octets and the name at most 255 octets in wire
//!   form (RFC 1035 §3.1);
//! * letters are stored in lowercase ("Route 53 stores alphabetic characters
//!   as lowercase letters");
//! * allowed characters are `a-z 0-9 -` and the printable punctuation
//!   ``! " # $ % & ' ( ) * + , / : ; < = > ? @ [ \ ] ^ _ ` { | } ~``;
//!   anything else (a space, a control character, a literal `.` inside a
//!   label, non-ASCII) must be written as `\` plus **three octal digits**.
//!   Surprise: RFC 1035 zone files use *decimal* `\DDD`; Route 53 uses octal,
//!   so `\052` is `*` here and `4` in a zone file;
//! * `*` alone as the leftmost label makes a wildcard; `*` elsewhere is a
//!   literal character, and a leftmost label that starts with `*` but is
//!   longer (`*prod.example.com`) is refused.
//!
//! Errors carry Route 53's "FATAL problem" wording (reference #18).

use hickory_proto::rr::Name;

use super::route53::messages;

/// The longest text Route 53 accepts for a name (API `DNSName` `max 1024`);
/// escapes make the text form longer than the 255-octet name.
const MAX_TEXT: usize = 1024;

/// Why a name was refused; `message()` gives Route 53's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// The name is empty (`DomainNameEmpty`, real AWS #18).
    DomainNameEmpty,
    /// Two dots in a row or a leading dot (`DomainLabelEmpty`, real AWS #18).
    DomainLabelEmpty {
        /// The name as given.
        name: String,
    },
    /// A label longer than 63 octets (`DomainLabelTooLong`, real AWS #18).
    DomainLabelTooLong {
        /// The label as given.
        label: String,
    },
    /// A name longer than 255 octets (`DomainNameTooLong`; dnsplay wording
    /// after `DomainLabelTooLong`).
    DomainNameTooLong {
        /// The name as given.
        name: String,
    },
    /// A character Route 53 only takes escaped (`UnsupportedCharacter`,
    /// moto's wording, #18; AWS's unconfirmed).
    UnsupportedCharacter {
        /// The name as given.
        name: String,
    },
    /// A `\` not followed by three octal digits up to `\377` or a
    /// printable character (dnsplay wording).
    InvalidEscape {
        /// The name as given.
        name: String,
    },
    /// A leftmost label that starts with `*` but is not `*` alone (#31;
    /// dnsplay wording).
    InvalidWildcard {
        /// The name as given.
        name: String,
    },
}

impl NameError {
    /// The problem code, e.g. `DomainLabelTooLong`.
    pub fn code(&self) -> &'static str {
        match self {
            NameError::DomainNameEmpty => "DomainNameEmpty",
            NameError::DomainLabelEmpty { .. } => "DomainLabelEmpty",
            NameError::DomainLabelTooLong { .. } => "DomainLabelTooLong",
            NameError::DomainNameTooLong { .. } => "DomainNameTooLong",
            NameError::UnsupportedCharacter { .. } => "UnsupportedCharacter",
            NameError::InvalidEscape { .. } => "InvalidEscape",
            NameError::InvalidWildcard { .. } => "InvalidWildcard",
        }
    }

    /// Route 53's text: `FATAL problem: <code> (<description>) encountered with '<input>'`.
    pub fn message(&self) -> String {
        let (description, value) = match self {
            NameError::DomainNameEmpty => ("Domain name is empty", ""),
            NameError::DomainLabelEmpty { name } => ("Domain label is empty", name.as_str()),
            NameError::DomainLabelTooLong { label } => ("Domain label is too long", label.as_str()),
            NameError::DomainNameTooLong { name } => ("Domain name is too long", name.as_str()),
            NameError::UnsupportedCharacter { name } => {
                ("Value contains unsupported characters", name.as_str())
            }
            NameError::InvalidEscape { name } => {
                ("Value contains an invalid escape sequence", name.as_str())
            }
            NameError::InvalidWildcard { name } => (
                "The * wildcard must be the whole leftmost label",
                name.as_str(),
            ),
        };
        messages::fatal(self.code(), description, value)
    }
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for NameError {}

/// Route 53's unescaped punctuation (DG `DomainNameFormat`), besides `a-z 0-9 -`.
fn is_allowed_punctuation(c: u8) -> bool {
    b"!\"#$%&'()*+,/:;<=>?@[]^_`{|}~".contains(&c)
}

/// Parses a name as Route 53 takes it; the result is lowercase and fully
/// qualified. `"."` is the root.
pub fn parse_name(input: &str) -> Result<Name, NameError> {
    if input.is_empty() {
        return Err(NameError::DomainNameEmpty);
    }
    if input == "." {
        return Ok(Name::root());
    }
    let owned = || input.to_string();
    if input.len() > MAX_TEXT {
        return Err(NameError::DomainNameTooLong { name: owned() });
    }
    let bytes = input.as_bytes();
    let mut labels: Vec<Vec<u8>> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut label: Vec<u8> = Vec::new();
    let mut label_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'.' => {
                if label.is_empty() {
                    return Err(NameError::DomainLabelEmpty { name: owned() });
                }
                labels.push(std::mem::take(&mut label));
                texts.push(input.get(label_start..i).unwrap_or(""));
                label_start = i + 1;
                i += 1;
            }
            b'\\' => {
                let (byte, used) = unescape(&bytes[i + 1..])
                    .ok_or_else(|| NameError::InvalidEscape { name: owned() })?;
                label.push(byte.to_ascii_lowercase());
                i += 1 + used;
            }
            c if c.is_ascii_alphanumeric() || c == b'-' || is_allowed_punctuation(c) => {
                label.push(c.to_ascii_lowercase());
                i += 1;
            }
            _ => return Err(NameError::UnsupportedCharacter { name: owned() }),
        }
    }
    if !label.is_empty() {
        labels.push(label);
        texts.push(input.get(label_start..).unwrap_or(""));
    }
    for (l, text) in labels.iter().zip(&texts) {
        if l.len() > 63 {
            return Err(NameError::DomainLabelTooLong {
                label: (*text).to_string(),
            });
        }
    }
    // RFC 1035 §3.1: each label costs its length plus one octet, the root one.
    let wire: usize = labels.iter().map(|l| l.len() + 1).sum::<usize>() + 1;
    if wire > 255 {
        return Err(NameError::DomainNameTooLong { name: owned() });
    }
    if labels.first().is_some_and(|l| l.len() > 1 && l[0] == b'*') {
        return Err(NameError::InvalidWildcard { name: owned() });
    }
    Name::from_labels(labels).map_err(|_| NameError::DomainNameTooLong { name: owned() })
}

/// Decodes the escape after a `\`: three octal digits (Route 53) or one
/// printable character taken literally (RFC 1035 §5.1). Returns the byte and
/// how many input bytes it used.
fn unescape(rest: &[u8]) -> Option<(u8, usize)> {
    let first = *rest.first()?;
    if first.is_ascii_digit() {
        let digits = rest.get(..3)?;
        let mut value: u32 = 0;
        for d in digits {
            if !(b'0'..=b'7').contains(d) {
                return None;
            }
            value = value * 8 + u32::from(d - b'0');
        }
        return u8::try_from(value).ok().map(|b| (b, 3));
    }
    if first.is_ascii_graphic() {
        return Some((first, 1));
    }
    None
}

/// The name as Route 53's API returns it: lowercase, trailing dot, and
/// every byte other than `a-z 0-9 - _` as a three-digit octal escape
/// (DG `DomainNameFormat`: `*.example.com` is listed as `\052.example.com.`).
pub fn format_name(name: &Name) -> String {
    if name.is_root() {
        return ".".to_string();
    }
    let mut out = String::new();
    for label in name.iter() {
        for &b in label {
            let b = b.to_ascii_lowercase();
            if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("\\{b:03o}"));
            }
        }
        out.push('.');
    }
    out
}

/// True when `name` is `zone` or below it, compared label by label (so
/// `badexample.com` is not in `example.com`), case-insensitively.
pub fn is_in_zone(name: &Name, zone: &Name) -> bool {
    zone.zone_of(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        format_name(&parse_name(s).unwrap_or_else(|e| panic!("{s}: {e}")))
    }

    /// DG `DomainNameFormat`, API `ResourceRecordSet.Name`: accepted names
    /// and how the API lists them.
    #[test]
    fn accepted_names_and_their_api_form() {
        let l63 = "a".repeat(63);
        let cases: Vec<(&str, String, &str)> = vec![
            (
                "trailing dot optional (#30)",
                "www.example.com".into(),
                "www.example.com.",
            ),
            (
                "trailing dot given (#30)",
                "www.example.com.".into(),
                "www.example.com.",
            ),
            (
                "stored lowercase (#28)",
                "WwW.ExAmPlE.CoM".into(),
                "www.example.com.",
            ),
            (
                "wildcard listed as \\052 (#29)",
                "*.example.com".into(),
                "\\052.example.com.",
            ),
            (
                "octal escape is the wildcard (#27)",
                "\\052.example.com".into(),
                "\\052.example.com.",
            ),
            (
                "* in a middle label is literal (#31)",
                "prod.*.example.com".into(),
                "prod.\\052.example.com.",
            ),
            (
                "underscore kept (#29)",
                "_sip._tcp.example.com".into(),
                "_sip._tcp.example.com.",
            ),
            (
                "escaped dot inside a label (#27)",
                "a\\056b.example.com".into(),
                "a\\056b.example.com.",
            ),
            (
                "escaped space (#27)",
                "a\\040b.example.com".into(),
                "a\\040b.example.com.",
            ),
            (
                "punctuation allowed (#27)",
                "a!b.example.com".into(),
                "a\\041b.example.com.",
            ),
            ("63-octet label (#26)", format!("{l63}.com"), ""),
            ("root", ".".into(), "."),
        ];
        for (rule, input, want) in cases {
            let got = ok(&input);
            if want.is_empty() {
                assert_eq!(got, format!("{input}."), "{rule}");
            } else {
                assert_eq!(got, want, "{rule}");
            }
        }
    }

    /// DG `DomainNameFormat` (#26, #27, #31) and the FATAL problems of #18.
    #[test]
    fn refused_names_carry_route53_problems() {
        let l64 = "a".repeat(64);
        // 4 labels of 63 = 256 octets on the wire with the root: one too many.
        let long = format!("{0}.{0}.{0}.{1}", "a".repeat(63), "a".repeat(62));
        let fits = format!("{0}.{0}.{0}.{1}", "a".repeat(63), "a".repeat(61));
        assert!(
            parse_name(&fits).is_ok(),
            "255 octets is the limit (RFC 1035 §3.1)"
        );
        let cases: Vec<(&str, String, &str)> = vec![
            ("DomainNameEmpty", String::new(), "FATAL problem: DomainNameEmpty (Domain name is empty) encountered with ''"),
            ("DomainLabelEmpty", "example.org..".into(), "FATAL problem: DomainLabelEmpty (Domain label is empty) encountered with 'example.org..'"),
            ("DomainLabelEmpty leading dot", ".example.org".into(), "DomainLabelEmpty"),
            ("DomainLabelTooLong", format!("{l64}.example.com"), "FATAL problem: DomainLabelTooLong (Domain label is too long) encountered with '"),
            ("DomainNameTooLong", long.clone(), "DomainNameTooLong"),
            ("space unescaped", "a b.example.com".into(), "UnsupportedCharacter"),
            ("non-ASCII must be punycode (#32)", "café.example.com".into(), "UnsupportedCharacter"),
            ("control character", "a\tb.com".into(), "UnsupportedCharacter"),
            ("escape beyond \\377", "\\400.com".into(), "InvalidEscape"),
            ("escape with 8", "\\058.com".into(), "InvalidEscape"),
            ("short escape", "a\\05".into(), "InvalidEscape"),
            ("dangling backslash", "a\\".into(), "InvalidEscape"),
            ("*prod is not a wildcard (#31)", "*prod.example.com".into(), "InvalidWildcard"),
        ];
        for (rule, input, want) in cases {
            let err = parse_name(&input).expect_err(rule);
            assert!(err.message().contains(want), "{rule}: {}", err.message());
        }
        let err = parse_name(&format!("{l64}.example.com")).expect_err("64");
        assert_eq!(err, NameError::DomainLabelTooLong { label: l64 });
    }

    /// RFC 4343 / #28: comparison ignores case; hickory's `Name` equality is
    /// case-insensitive and we store lowercase anyway.
    #[test]
    fn comparison_is_case_insensitive() {
        assert_eq!(
            parse_name("WWW.Example.COM").ok(),
            parse_name("www.example.com.").ok()
        );
        assert!(parse_name("*.example.com").is_ok_and(|n| n.is_wildcard()));
        assert!(parse_name("prod.*.example.com").is_ok_and(|n| !n.is_wildcard()));
    }

    /// #14: "in zone" is decided on label boundaries.
    #[test]
    fn zone_membership_uses_label_boundaries() {
        let zone = parse_name("example.com").unwrap_or_else(|_| Name::root());
        let cases = [
            ("example.com", true),
            ("www.EXAMPLE.com.", true),
            ("a.b.example.com", true),
            ("badexample.com", false),
            ("example.org", false),
            ("com", false),
        ];
        for (name, want) in cases {
            let n = parse_name(name).unwrap_or_else(|_| Name::root());
            assert_eq!(is_in_zone(&n, &zone), want, "{name}");
        }
    }
}
