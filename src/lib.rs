//! # dnsplay
//!
//! A DNS and AWS Route 53 failover playground that runs entirely in the
//! browser. This crate docs page is the architecture map; keep it in step
//! with the code.
//!
//! Dependencies point one way: **ui → scenario → engine**.
//!
//! | module | what lives there | may use |
//! |---|---|---|
//! | [`engine`] | names, records, zones, lookup, routing, health, resolver, simulation, wire | pure Rust, `hickory-proto`, `serde` |
//! | [`console`] | the shell-like console: `aws`/`awslocal route53`, variables, `$(...)`, `--query`, output formats | `engine` (through `engine::aws::AwsApi`) |
//! | [`scenario`] | the shareable document, presets, importers and exporters | `engine` |
//! | [`ui`] | Yew components, the root reducer, hooks for URL and storage | everything |
//!
//! `src/main.rs` is the wasm entry (it only renders [`ui::App`]);
//! `src/bin/dnsplay.rs` is the native command line.
//!
//! Two rules keep the engine testable on the host and exact in the browser:
//!
//! * **No web crates below `ui`.** `tests/layering.rs` fails the build if
//!   `yew`, `web_sys`, `js_sys`, `gloo` or `wasm_bindgen` appear in
//!   `src/engine` or `src/scenario`.
//! * **Determinism.** Engine and scenario never read a clock or OS randomness
//!   (`clippy.toml` bans them): time comes in as simulated milliseconds and
//!   chance from a seeded RNG, so a scrub can replay a run from zero exactly.

pub mod console;
pub mod engine;
pub mod scenario;
pub mod ui;

/// The crate version, shown in the page footer and by `dnsplay --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
