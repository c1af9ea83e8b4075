//! Share links: the whole scenario, the page and the simulated time in a URL
//! fragment, `#s=<version>.<payload>`.
//!
//! * `<version>` is the link version ([`migrate::LATEST`] when writing);
//!   older links are upgraded by [`migrate::migrate`], so every link ever
//!   made opens as the same scenario (golden links in
//!   `tests/fixtures/links/v<N>/`).
//! * `<payload>` is base64url without padding (RFC 4648 §5) of one method
//!   byte and a body: method `0` is the JSON itself, method `1` is the JSON
//!   as raw deflate (RFC 1951) after the version's preset dictionary
//!   (`codec/dict_v1.txt`, frozen). The encoder writes whichever is shorter.
//! * The JSON is the [`SharedState`] envelope, compact (no whitespace), keys
//!   in model order.
//!
//! # Why JSON + deflate + a dictionary
//!
//! Measured on the blog failover preset (`route53-failover`, seed 1, with
//! its page and a time; `make bench` prints the same figures for every
//! preset): its compact JSON is 3,805 bytes.
//!
//! | encoding | link payload, characters |
//! |---|---|
//! | JSON, base64url | 5,075 |
//! | JSON + deflate (level 10), base64url | 1,986 |
//! | JSON + deflate + v1 dictionary, base64url | 307 (`#s=1.` + 307 = 312) |
//! | lz-string `compressToEncodedURIComponent` of the JSON (what the TypeScript playground does) | 3,058 |
//!
//! Other seeds draw other ids (zone, health checks, changes, name
//! servers), which no dictionary can hold: seed 7 gives 328 characters,
//! seed 12345 gives 337.
//!
//! Deflate alone cannot meet the 600-character budget: the preset's prose
//! notes and its ids do not repeat inside one document. The dictionary
//! (4,302 bytes) holds what scenarios share: the model's keys, the Route 53
//! API's member names, `awsdns`, `/actuator/health`,
//! `hello-localstack.com`, and the blog preset's document with its random
//! ids removed. A preset then costs mostly its ids, and an edited scenario
//! mostly its edits. A binary serde format was ruled out before size:
//! `postcard` is not self-describing, and the model relies on
//! `skip_serializing_if`, `#[serde(default)]`, internally tagged enums and
//! `serde_json::Value` members (API pass-through fields), none of which a
//! non-self-describing format reads back; after deflate with a dictionary
//! the key names JSON spends are nearly free anyway. JSON also keeps a
//! link's content inspectable with standard tools.
//!
//! Wasm cost, measured on a minimal cdylib (serde_json round trip, with
//! and without deflate + inflate; `cargo build --release --target
//! wasm32-unknown-unknown`, opt-level z, LTO): `miniz_oxide` adds 44,801
//! bytes (47,591 to 92,392; gzip -9: 17,884 more), plus the dictionary's
//! 4,302. base64url and the envelope are a few hundred bytes; serde_json
//! is in the bundle already.
//!
//! # Bounds
//!
//! Decoding never panics and never allocates more than about
//! [`MAX_JSON_BYTES`]: a link longer than [`MAX_LINK_CHARS`] is refused
//! before decoding, inflation stops at [`MAX_JSON_BYTES`], and serde_json
//! limits nesting to 128 levels.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub mod base64url;
pub mod deflate;
mod typed;

use super::migrate::{self, MigrateError};
use super::model::{Scenario, SCENARIO_VERSION};
use base64url::Base64Error;
use deflate::InflateError;

/// The longest link text accepted, in characters (16 KiB): well past any
/// scenario a person builds, well under what browsers keep in a URL.
pub const MAX_LINK_CHARS: usize = 16 * 1024;

/// The largest JSON a payload may inflate to (1 MiB).
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

/// The longest page slug.
pub const MAX_PAGE_CHARS: usize = 64;

/// The v1 preset dictionary. Frozen: changing one byte breaks every v1
/// link, so a better dictionary means a new link version (a test pins its
/// FNV-1a digest).
pub const DICT_V1: &[u8] = include_bytes!("codec/dict_v1.txt");

/// Payload method byte: the JSON as is.
const METHOD_STORED: u8 = 0;
/// Payload method byte: raw deflate after the version's dictionary.
const METHOD_DEFLATE: u8 = 1;

/// What a link carries: the scenario, the page it was shared from and the
/// simulated time it was at. No UI state (hover, selection) goes in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedState {
    /// The whole scenario.
    pub scenario: Scenario,
    /// The section slug the link opens (`route53-failover`); `None` opens
    /// the scenario's own page. Only `a-z`, `0-9` and `-`, at most
    /// [`MAX_PAGE_CHARS`]; the UI still checks it against its sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The simulated time the page shows, in milliseconds (default 0). The
    /// UI clamps it to the scenario's horizon.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub time_ms: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl SharedState {
    /// The state of `scenario` at time 0, on its own page.
    pub fn new(scenario: Scenario) -> SharedState {
        SharedState {
            scenario,
            page: None,
            time_ms: 0,
        }
    }
}

/// Why a link does not open. Each variant says what is wrong so the banner
/// can say it; none of them touches the user's saved work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The link is longer than [`MAX_LINK_CHARS`].
    TooLong(usize),
    /// No `#s=` fragment, or no `<version>.` before the payload.
    NotALink,
    /// The version is not a number.
    BadVersion(String),
    /// A version 0, or newer than this dnsplay.
    Version(MigrateError),
    /// The payload is not base64url.
    Base64(Base64Error),
    /// The payload is empty.
    Empty,
    /// The method byte is neither stored nor deflate.
    UnknownMethod(u8),
    /// The compressed data ends early (a cut link).
    Truncated,
    /// The compressed data is damaged.
    Corrupt(String),
    /// The payload inflates past [`MAX_JSON_BYTES`].
    TooLarge,
    /// The payload is not UTF-8 text.
    NotUtf8(usize),
    /// The text is not JSON.
    Json {
        /// 1-based column in the (single-line) JSON.
        column: usize,
        /// serde_json's words.
        message: String,
    },
    /// An old document could not be upgraded.
    Migrate(MigrateError),
    /// The JSON is not a shared scenario: the field at fault and why.
    NotAScenario {
        /// Where (`scenario.route53.zones[0].name`), `.` for the top.
        path: String,
        /// What is wrong there.
        message: String,
    },
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::TooLong(n) => write!(
                f,
                "the link is {n} characters long; links of more than {MAX_LINK_CHARS} are refused"
            ),
            LinkError::NotALink => write!(
                f,
                "not a dnsplay link: expected #s=<version>.<data> at the end"
            ),
            LinkError::BadVersion(v) => write!(f, "the link version {v:?} is not a number"),
            LinkError::Version(e) | LinkError::Migrate(e) => write!(f, "{e}"),
            LinkError::Base64(e) => write!(f, "{e}"),
            LinkError::Empty => write!(f, "the link holds no data after the version"),
            LinkError::UnknownMethod(m) => {
                write!(f, "unknown packing method {m} (the link is damaged)")
            }
            LinkError::Truncated => write!(
                f,
                "the compressed data ends early: the link was cut off (copy it whole)"
            ),
            LinkError::Corrupt(why) => write!(f, "the compressed data is damaged: {why}"),
            LinkError::TooLarge => write!(
                f,
                "the link expands to more than {MAX_JSON_BYTES} bytes and was not opened"
            ),
            LinkError::NotUtf8(at) => write!(f, "the data is not UTF-8 text (byte {at})"),
            LinkError::Json { column, message } => {
                write!(f, "the data is not JSON (column {column}): {message}")
            }
            LinkError::NotAScenario { path, message } => {
                write!(f, "not a dnsplay scenario: at {path}: {message}")
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// The dictionary of link `version`. One per version, forever; a new
/// dictionary means a new version and a `match` here.
fn dictionary(_version: u32) -> &'static [u8] {
    DICT_V1
}

/// `value` as `<version>.<payload>` (no `#s=`), packed the shorter way.
pub fn encode<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_vec(value).unwrap_or_default();
    let packed = deflate::deflate(dictionary(migrate::LATEST), &json);
    let mut bytes = Vec::with_capacity(json.len().min(packed.len()) + 1);
    if packed.len() < json.len() {
        bytes.push(METHOD_DEFLATE);
        bytes.extend_from_slice(&packed);
    } else {
        bytes.push(METHOD_STORED);
        bytes.extend_from_slice(&json);
    }
    format!("{}.{}", migrate::LATEST, base64url::encode(&bytes))
}

/// The `<version>.<payload>` part of a link: a whole URL, a `#s=...`
/// fragment, `s=...`, or the bare part.
fn link_part(text: &str) -> &str {
    let text = text.trim();
    if let Some(i) = text.rfind("#s=") {
        return text.get(i + 3..).unwrap_or_default();
    }
    text.strip_prefix("s=").unwrap_or(text)
}

/// The link's version and its JSON, unpacked but not yet upgraded.
pub fn unpack(link: &str) -> Result<(u32, Value), LinkError> {
    if link.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong(link.len()));
    }
    let part = link_part(link);
    let (version_text, payload) = part.split_once('.').ok_or(LinkError::NotALink)?;
    if version_text.is_empty() {
        return Err(LinkError::NotALink);
    }
    let version: u32 = version_text
        .parse()
        .map_err(|_| LinkError::BadVersion(version_text.chars().take(16).collect()))?;
    migrate::check(version).map_err(LinkError::Version)?;
    let bytes = base64url::decode(payload).map_err(LinkError::Base64)?;
    let (&method, body) = bytes.split_first().ok_or(LinkError::Empty)?;
    let json = match method {
        METHOD_STORED => body.to_vec(),
        METHOD_DEFLATE => {
            deflate::inflate(dictionary(version), body, MAX_JSON_BYTES).map_err(|e| match e {
                InflateError::Truncated => LinkError::Truncated,
                InflateError::TooLarge(_) => LinkError::TooLarge,
                InflateError::Corrupt => LinkError::Corrupt("not a valid deflate stream".into()),
                InflateError::TrailingData(n) => {
                    LinkError::Corrupt(format!("{n} bytes follow the end of the data"))
                }
            })?
        }
        m => return Err(LinkError::UnknownMethod(m)),
    };
    if json.len() > MAX_JSON_BYTES {
        return Err(LinkError::TooLarge);
    }
    let text = std::str::from_utf8(&json).map_err(|e| LinkError::NotUtf8(e.valid_up_to()))?;
    let value: Value = serde_json::from_str(text).map_err(|e| LinkError::Json {
        column: e.column(),
        message: super::json::message(&e),
    })?;
    Ok((version, value))
}

/// Decodes a link of any released version into `T`, upgrading it first.
pub fn decode<T: DeserializeOwned>(link: &str) -> Result<T, LinkError> {
    let (version, value) = unpack(link)?;
    let value = migrate::migrate(version, value).map_err(LinkError::Migrate)?;
    typed::from_value(&value)
}

/// The fragment for `state`: `#s=<version>.<payload>`.
pub fn fragment(state: &SharedState) -> String {
    format!("#s={}", encode(state))
}

/// The share URL: `base` without its own fragment, then [`fragment`].
pub fn share_url(base: &str, state: &SharedState) -> String {
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}{}", fragment(state))
}

/// Whether `page` can be a link's page: 1 to [`MAX_PAGE_CHARS`] of
/// `a-z`, `0-9` and `-`.
pub fn is_page_slug(page: &str) -> bool {
    !page.is_empty()
        && page.len() <= MAX_PAGE_CHARS
        && page
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Opens a share link (a URL, a fragment or the bare `<version>.<payload>`).
pub fn open(link: &str) -> Result<SharedState, LinkError> {
    let state: SharedState = decode(link)?;
    if state.scenario.version != SCENARIO_VERSION {
        return Err(LinkError::NotAScenario {
            path: "scenario.version".into(),
            message: format!(
                "scenario version {} after upgrading; expected {SCENARIO_VERSION}",
                state.scenario.version
            ),
        });
    }
    if let Some(page) = &state.page {
        if !is_page_slug(page) {
            return Err(LinkError::NotAScenario {
                path: "page".into(),
                message: format!(
                    "{:?} is not a page name (a-z, 0-9 and -, at most {MAX_PAGE_CHARS})",
                    page.chars().take(MAX_PAGE_CHARS).collect::<String>()
                ),
            });
        }
    }
    Ok(state)
}

#[cfg(test)]
mod tests;
