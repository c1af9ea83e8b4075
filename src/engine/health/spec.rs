//! A validated health check with its defaults filled in: what the
//! simulation runs.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::engine::world::Protocol;
/// Where an endpoint check sends its requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A fixed address.
    Ip(IpAddr),
    /// A name resolved before each request (IPv4 only, reference E.75).
    Name(String),
}

/// A validated endpoint check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndpointSpec {
    /// TCP, HTTP or HTTPS.
    pub protocol: Protocol,
    /// Where requests go.
    pub target: Target,
    /// The port.
    pub port: u16,
    /// The requested path, with its leading `/`.
    pub path: String,
    /// The Host header: the name or the address, plus `:port` unless the
    /// port is the protocol's default (reference E.75).
    pub host: String,
    /// The string that must appear in the first 5,120 bytes of the body.
    pub search: Option<String>,
}

/// What a validated check watches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// An endpoint probed by checkers.
    Endpoint(EndpointSpec),
    /// Other checks.
    Calculated {
        /// Healthy children needed.
        health_threshold: u32,
        /// The children's ids.
        children: Vec<String>,
    },
}

/// A validated health check, defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSpec {
    /// What it watches.
    pub kind: CheckKind,
    /// RequestInterval in milliseconds.
    pub interval_ms: u64,
    /// FailureThreshold.
    pub failure_threshold: u32,
    /// Inverted.
    pub inverted: bool,
    /// Disabled.
    pub disabled: bool,
    /// The checker regions, in the order given.
    pub regions: Vec<String>,
}
