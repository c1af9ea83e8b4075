//! Layering rule (src/lib.rs): the engine and the scenario layers never use a
//! web crate, so they build and test natively and stay deterministic.

use std::fs;
use std::path::{Path, PathBuf};

/// Crates that only the `ui` layer may name.
const WEB_CRATES: &[&str] = &[
    "yew",
    "web_sys",
    "js_sys",
    "gloo",
    "gloo_timers",
    "wasm_bindgen",
];

/// The layers that must stay free of web crates.
const PURE_LAYERS: &[&str] = &[
    "src/engine",
    "src/scenario",
    "src/console",
    // The UI's view models and layout maths are pure too, so they test natively.
    "src/ui/view_model",
    // Engine results to view models, table edits to change batches.
    "src/ui/adapters",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The web crates a line of code names as a path (`yew::`, `use web_sys`),
/// ignoring comments.
fn web_crates_named(line: &str) -> Vec<&'static str> {
    let code = line.split("//").next().unwrap_or("");
    let mut found = Vec::new();
    for krate in WEB_CRATES {
        let mut rest = code;
        while let Some(pos) = rest.find(krate) {
            let before = rest[..pos].chars().next_back();
            let after = &rest[pos + krate.len()..];
            let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            let is_path = after.starts_with("::")
                || (rest[..pos].trim_end().ends_with("use")
                    || rest[..pos].trim_end().ends_with("extern crate"));
            if starts_word && is_path {
                found.push(*krate);
                break;
            }
            rest = &rest[pos + krate.len()..];
        }
    }
    found
}

#[test]
fn detector_finds_paths_and_ignores_prose() {
    assert_eq!(web_crates_named("use yew::prelude::*;"), vec!["yew"]);
    assert_eq!(
        web_crates_named("    let w = web_sys::window();"),
        vec!["web_sys"]
    );
    assert_eq!(web_crates_named("use wasm_bindgen;"), vec!["wasm_bindgen"]);
    assert!(web_crates_named("// yew:: is only for the ui").is_empty());
    assert!(web_crates_named("let my_yew = 1;").is_empty());
}

#[test]
fn engine_and_scenario_use_no_web_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for layer in PURE_LAYERS {
        rust_files(&root.join(layer), &mut files);
    }
    assert!(
        files.iter().any(|f| f.starts_with(root.join("src/engine"))),
        "the engine layer has no files: wrong path?"
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for krate in web_crates_named(line) {
                offences.push(format!("{}:{}: uses {krate}", file.display(), n + 1));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "web crates below the ui layer:\n{}",
        offences.join("\n")
    );
}
