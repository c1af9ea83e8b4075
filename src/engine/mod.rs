//! The DNS and Route 53 engine: pure Rust, no web crates, no clock, no OS
//! randomness. Everything here runs under plain `cargo test` on the host.
#![warn(missing_docs)]

pub mod aws;
pub mod clients;
pub mod health;
pub mod lint;
pub mod lookup;
pub mod name;
pub mod resolver;
pub mod rng;
pub mod route53;
pub mod routing;
pub mod sim;
pub mod time;
pub mod wire;
pub mod world;
