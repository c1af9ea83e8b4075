//! The committed scenario fixtures are the presets' JSON, byte for byte, so
//! the file the CLI test reads and the preset the UI loads never drift.
//! After changing a preset on purpose, regenerate with
//! `DNSPLAY_BLESS=1 cargo test --test scenario_fixtures`.

use dnsplay::scenario::model::Scenario;
use dnsplay::scenario::presets::route53_failover;

const BLOG_FAILOVER: &str = "tests/fixtures/scenarios/blog-failover.json";

#[test]
fn blog_failover_fixture_is_the_preset() {
    let preset = route53_failover::route53_failover().unwrap_or_else(|e| panic!("{e}"));
    let json = preset.to_json();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(BLOG_FAILOVER);
    if std::env::var_os("DNSPLAY_BLESS").is_some() {
        std::fs::write(&path, &json).unwrap_or_else(|e| panic!("{e}"));
    }
    let committed =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        committed == json,
        "{BLOG_FAILOVER} differs from the route53-failover preset; regenerate with DNSPLAY_BLESS=1 cargo test --test scenario_fixtures"
    );
    // And it reads back as the same scenario.
    assert_eq!(Scenario::from_json(&committed), Ok(preset));
}
