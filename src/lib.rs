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
//! | [`engine`] | the DNS and Route 53 engine (below) | pure Rust, `hickory-proto`, `serde` |
//! | [`console`] | the shell-like console: `aws`/`awslocal route53`, variables, `$(...)`, `--query`, output formats; `dig`, `curl`, `sleep` through the simulated network | `engine` (through [`engine::aws::AwsApi`]) |
//! | [`scenario`] | the shareable document ([`scenario::model::Scenario`]), the versioned share-link codec ([`scenario::codec`]), presets, the blog's snippets, importers and exporters ([`scenario::formats`]) | `engine` |
//! | [`ui`] | Yew components, router, the root store with per-page undo ([`ui::history`]), hooks for URL, timers, size and autosave ([`ui::saved`]), embed mode ([`ui::embed`]), one page per blog section ([`ui::pages`]) with pure layouts ([`ui::view_model`]) and engine-to-view adapters ([`ui::adapters`]) | everything |
//!
//! Inside the engine:
//!
//! | module | role |
//! |---|---|
//! | [`engine::name`] | Route 53's name rules and messages, producing `hickory_proto` names |
//! | [`engine::route53`] | hosted zones, record sets, change-batch validation, health checks, the `Route53` service behind [`engine::aws::AwsApi`], routing view, zone lints |
//! | [`engine::lookup`] | authoritative answers as BIND gives them (RFC 1034, 2308, 4592), with a trace |
//! | [`engine::wire`] | the one door to `hickory-proto` messages: bytes, dig view, labelled hex |
//! | [`engine::world`] | endpoints, Spring Boot apps, Kubernetes NodePorts, managed hostnames, faults |
//! | [`engine::health`] | Route 53 health checks: probes judged, checkers, the 18 % rule |
//! | [`engine::routing`] | routing-policy selection (simple, failover, weighted, latency, geo, multivalue) |
//! | [`engine::sim`] | the discrete-event failover clock producing a `Timeline` |
//! | [`engine::resolver`] | the DNS tree around the zones (root, TLDs, built-ins) and a caching recursive resolver with profiles |
//! | [`engine::clients`] | client populations sending requests through their resolvers during failover |
//! | [`engine::lint`] | plain-words warnings about a setup (same IP for both failover records...) |
//! | [`engine::time`], [`engine::rng`] | simulated time and seeded ChaCha8 draws |
//!
//! `src/main.rs` is the wasm entry (it only renders [`ui::App`]);
//! `src/bin/dnsplay/` is the native command line (`console`, `dig`,
//! `simulate`, `traffic`, `link`, `open`, `export`), one file per subcommand.
//!
//! Two rules keep the engine testable on the host and exact in the browser:
//!
//! * **No web crates below `ui`.** `tests/layering.rs` fails the build if
//!   `yew`, `web_sys`, `js_sys`, `gloo` or `wasm_bindgen` appear in
//!   `src/engine`, `src/scenario` or `src/console`.
//! * **Determinism.** Engine and scenario never read a clock (`clippy.toml`
//!   bans them) or OS randomness: time comes in as simulated milliseconds and
//!   chance from a seeded RNG, so a scrub can replay a run from zero exactly.

pub mod console;
pub mod engine;
pub mod scenario;
pub mod ui;

/// The crate version, shown in the page footer and by `dnsplay --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
