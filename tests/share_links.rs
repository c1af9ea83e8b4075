//! Golden share links (issue 7): every link a released dnsplay made must
//! open, forever, as the same scenario, page and time. Each
//! `tests/fixtures/links/v<N>/<preset>.txt` holds a link as version N wrote
//! it; the `.json` beside it is the shared state it must open as, written
//! in the current model (so when a migration changes the model, the `.json`
//! files are updated and the `.txt` files never are).
//!
//! Every preset has a golden link of the current version. To add the
//! missing ones (existing files are never overwritten):
//! `DNSPLAY_BLESS=1 cargo test --test share_links`.

use std::path::{Path, PathBuf};

use dnsplay::scenario::codec::{fragment, open, SharedState};
use dnsplay::scenario::migrate::LATEST;
use dnsplay::scenario::presets::PRESETS;

fn links_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The state a preset's golden link holds: seed 1, its own page, 90 s in.
fn preset_state(name: &str) -> SharedState {
    let preset = PRESETS
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no preset {name}"));
    SharedState {
        scenario: (preset.build)(1).unwrap_or_else(|e| panic!("{name}: {e}")),
        page: Some(name.to_string()),
        time_ms: 90_000,
    }
}

#[test]
fn every_preset_has_a_golden_link_of_the_latest_version() {
    let dir = links_dir().join(format!("v{LATEST}"));
    for p in PRESETS {
        let txt = dir.join(format!("{}.txt", p.name));
        let json = dir.join(format!("{}.json", p.name));
        if std::env::var_os("DNSPLAY_BLESS").is_some() && !txt.exists() {
            let state = preset_state(p.name);
            std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(&txt, format!("{}\n", fragment(&state)))
                .unwrap_or_else(|e| panic!("{e}"));
            let pretty = serde_json::to_string_pretty(&state).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(&json, pretty + "\n").unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(
            txt.exists() && json.exists(),
            "{} has no golden link; DNSPLAY_BLESS=1 cargo test --test share_links",
            p.name
        );
    }
}

/// Issue 7: "every later version decodes every earlier link to the same
/// scenario".
#[test]
fn every_golden_link_opens_as_its_state() {
    let mut checked = 0;
    let mut versions: Vec<PathBuf> = std::fs::read_dir(links_dir())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    versions.sort();
    for dir in versions {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for txt in files {
            let link = read(&txt);
            let want: SharedState = serde_json::from_str(&read(&txt.with_extension("json")))
                .unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
            assert_eq!(open(&link), Ok(want), "{}", txt.display());
            checked += 1;
        }
    }
    assert!(checked >= PRESETS.len(), "only {checked} golden links");
}

/// Issue 7's budget, on the committed link: at most 600 characters.
#[test]
fn blog_failover_golden_link_is_short() {
    let link = read(&links_dir().join("v1/route53-failover.txt"));
    let link = link.trim_end();
    assert!(link.len() <= 600, "{} characters", link.len());
    assert!(link.starts_with("#s=1."));
}
