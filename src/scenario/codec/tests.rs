use super::*;
use crate::engine::rng::fnv1a;
use crate::scenario::presets::{route53_failover, PRESETS};
use serde_json::json;

fn blog_state(seed: u64) -> SharedState {
    let scenario = route53_failover::build(seed).unwrap_or_else(|e| panic!("{e}"));
    SharedState {
        scenario,
        page: Some("route53-failover".into()),
        time_ms: 90_000,
    }
}

/// A link made of the given method byte and body.
fn raw_link(method: u8, body: &[u8]) -> String {
    let mut bytes = vec![method];
    bytes.extend_from_slice(body);
    format!("1.{}", base64url::encode(&bytes))
}

/// The v1 dictionary is frozen: every v1 link ever made depends on each
/// byte. A better dictionary needs link version 2.
#[test]
fn v1_dictionary_is_frozen() {
    assert_eq!(DICT_V1.len(), 4302);
    assert_eq!(fnv1a(DICT_V1), 0x4015_1b80_8295_c5a6);
}

/// Issue 7: the blog's failover scenario with its fault fits in 600
/// characters, page and time included, whatever seed drew its ids; and
/// every preset round-trips.
#[test]
fn presets_fit_and_round_trip() {
    for seed in [1, 7, 12_345, u64::MAX] {
        let state = blog_state(seed);
        let link = fragment(&state);
        assert!(link.len() <= 600, "seed {seed}: {} chars", link.len());
        assert!(link.starts_with("#s=1."), "{link}");
        assert_eq!(open(&link), Ok(state), "seed {seed}");
    }
    for p in PRESETS {
        let state = SharedState::new((p.build)(1).unwrap_or_else(|e| panic!("{e}")));
        assert_eq!(open(&fragment(&state)), Ok(state), "{}", p.name);
    }
}

/// The encoder stores the JSON when deflate would not make it shorter.
#[test]
fn stored_when_deflate_does_not_help() {
    for (value, method) in [
        (json!("q"), METHOD_STORED),
        (json!({"scenario": {}}), METHOD_DEFLATE),
    ] {
        let link = encode(&value);
        let payload = link.split_once('.').map(|p| p.1).unwrap_or_default();
        let bytes = base64url::decode(payload).unwrap_or_default();
        assert_eq!(bytes.first(), Some(&method), "{value}");
        assert_eq!(decode::<Value>(&link), Ok(value));
    }
}

/// A link opens from a whole URL, the fragment, `s=...` or the bare part;
/// `share_url` replaces the base's own fragment.
#[test]
fn link_forms() {
    let state = SharedState::new(Scenario::default());
    let part = encode(&state);
    let url = share_url("https://dnsplay.dev/route53-failover#old", &state);
    assert_eq!(
        url,
        format!("https://dnsplay.dev/route53-failover#s={part}")
    );
    for text in [
        url.clone(),
        format!("#s={part}"),
        format!("s={part}"),
        format!("  {part}\n"),
    ] {
        assert_eq!(open(&text), Ok(state.clone()), "{text}");
    }
}

/// Every way a link can be wrong is named (issue 7: "a broken, truncated
/// or tampered link shows a banner saying what is wrong").
#[test]
fn errors_name_the_fault() {
    let good = encode(&blog_state(1));
    let bytes = base64url::decode(good.get(2..).unwrap_or_default()).unwrap_or_default();
    let cut = format!(
        "1.{}",
        base64url::encode(bytes.get(..bytes.len() - 3).unwrap_or_default())
    );
    let bomb = {
        let mut body = vec![b'"'];
        body.resize(MAX_JSON_BYTES + 1, b'a');
        raw_link(METHOD_DEFLATE, &deflate::deflate(DICT_V1, &body))
    };
    let not_a_scenario = |path: &str, message: &str| LinkError::NotAScenario {
        path: path.into(),
        message: message.into(),
    };
    let cases: Vec<(String, LinkError)> = vec![
        (
            "1.".to_string() + &"A".repeat(MAX_LINK_CHARS),
            LinkError::TooLong(MAX_LINK_CHARS + 2),
        ),
        ("hello".into(), LinkError::NotALink),
        ("#s=.AAAA".into(), LinkError::NotALink),
        ("#s=v1.AAAA".into(), LinkError::BadVersion("v1".into())),
        (
            "0.AAAA".into(),
            LinkError::Version(MigrateError::Unknown(0)),
        ),
        ("2.AAAA".into(), LinkError::Version(MigrateError::Newer(2))),
        (
            "1.AQ*A".into(),
            LinkError::Base64(Base64Error::BadCharacter {
                position: 2,
                found: '*',
            }),
        ),
        ("1.".into(), LinkError::Empty),
        (raw_link(7, b"{}"), LinkError::UnknownMethod(7)),
        (cut, LinkError::Truncated),
        (
            raw_link(METHOD_DEFLATE, &[0xff, 0xff]),
            LinkError::Corrupt("not a valid deflate stream".into()),
        ),
        (bomb, LinkError::TooLarge),
        (raw_link(METHOD_STORED, b"\"\xff\""), LinkError::NotUtf8(1)),
        (
            raw_link(METHOD_STORED, b"{\"scenario\":"),
            LinkError::Json {
                column: 12,
                message: "EOF while parsing a value".into(),
            },
        ),
        (
            raw_link(METHOD_STORED, b"{\"scenario\":{\"seed\":\"one\"}}"),
            not_a_scenario(
                "scenario.seed",
                "invalid type: string \"one\", expected u64",
            ),
        ),
        (
            raw_link(METHOD_STORED, b"{\"scenario\":{},\"hover\":1}"),
            not_a_scenario(
                "hover",
                "unknown field `hover`, expected one of `scenario`, `page`, `time_ms`",
            ),
        ),
        (
            raw_link(METHOD_STORED, b"{\"scenario\":{},\"page\":\"../etc\"}"),
            not_a_scenario(
                "page",
                "\"../etc\" is not a page name (a-z, 0-9 and -, at most 64)",
            ),
        ),
        (
            raw_link(METHOD_STORED, b"{\"scenario\":{\"version\":2}}"),
            not_a_scenario(
                "scenario.version",
                "scenario version 2 after upgrading; expected 1",
            ),
        ),
    ];
    for (link, want) in cases {
        assert_eq!(
            open(&link),
            Err(want),
            "{}",
            link.get(..40).unwrap_or(&link)
        );
    }
}

/// Page slugs: exact length boundary and alphabet.
#[test]
fn page_slugs() {
    let long = "a".repeat(MAX_PAGE_CHARS);
    let longer = "a".repeat(MAX_PAGE_CHARS + 1);
    for (page, ok) in [
        ("route53-failover", true),
        (long.as_str(), true),
        (longer.as_str(), false),
        ("", false),
        ("Route53", false),
        ("a b", false),
    ] {
        assert_eq!(is_page_slug(page), ok, "{page:?}");
    }
}
