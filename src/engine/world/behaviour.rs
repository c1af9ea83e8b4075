//! What one listening endpoint does with a connection, and what a prober
//! sees: refused, silent, slow or answering with a status and a body.

use serde::{Deserialize, Serialize};

/// How an endpoint treats a connection at one instant.
///
/// Faults on the timeline swap one behaviour for another
/// ([`super::Fault::EndpointBehaviour`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Behaviour {
    /// Accepts the connection and answers every request with `status` and
    /// `body` straight away.
    Up {
        /// The HTTP status code.
        status: u16,
        /// The response body.
        body: String,
    },
    /// Answers the SYN with a reset: the prober learns at once that nothing
    /// listens (a stopped process, a NodePort with no ready pod).
    Refused,
    /// Drops the SYN: the prober waits until its connect timeout (a firewall,
    /// a host that is gone).
    Timeout,
    /// Accepts and answers every request with this status and an empty body.
    Status(u16),
    /// Accepts, then sends the first byte of a `200` with an empty body only
    /// after this many milliseconds.
    SlowFirstByte(u64),
}

impl Behaviour {
    /// `200` with this body: the usual healthy web endpoint.
    pub fn ok(body: impl Into<String>) -> Behaviour {
        Behaviour::Up {
            status: 200,
            body: body.into(),
        }
    }
}

/// The protocol a prober speaks after connecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Protocol {
    /// A bare TCP connect: success is the handshake.
    Tcp,
    /// An HTTP `GET`.
    Http,
    /// An HTTP `GET` over TLS. Route 53 does not validate certificates
    /// (Route 53 DG, `dns-failover-determining-health-of-endpoints`), so the
    /// world treats it like HTTP.
    Https,
}

/// What a prober sees when it connects to an address and port at one
/// instant. Times are measured from the moment the SYN is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum ProbeOutcome {
    /// The connection was refused (a reset came back after `after_ms`).
    Refused {
        /// When the reset arrived.
        after_ms: u64,
    },
    /// No answer to the SYN ever arrives; the prober's own timeout decides
    /// how long it waits.
    Timeout,
    /// A TCP probe: the handshake completed after `connect_ms`.
    Connected {
        /// Time to complete the handshake.
        connect_ms: u64,
    },
    /// An HTTP probe: the response's first byte arrived `first_byte_ms` after
    /// the connection was made.
    Response {
        /// Time to complete the handshake.
        connect_ms: u64,
        /// Time from connected to the first byte of the response.
        first_byte_ms: u64,
        /// The HTTP status code.
        status: u16,
        /// The response body.
        body: String,
    },
}

impl ProbeOutcome {
    /// What `behaviour` shows a prober speaking `protocol`, when the network
    /// round trip to the endpoint takes `rtt_ms`.
    pub fn of(behaviour: &Behaviour, protocol: Protocol, rtt_ms: u64) -> ProbeOutcome {
        let (status, body, first_byte_ms) = match behaviour {
            Behaviour::Refused => return ProbeOutcome::Refused { after_ms: rtt_ms },
            Behaviour::Timeout => return ProbeOutcome::Timeout,
            Behaviour::Up { status, body } => (*status, body.clone(), rtt_ms),
            Behaviour::Status(status) => (*status, String::new(), rtt_ms),
            Behaviour::SlowFirstByte(ms) => (200, String::new(), rtt_ms.saturating_add(*ms)),
        };
        match protocol {
            Protocol::Tcp => ProbeOutcome::Connected { connect_ms: rtt_ms },
            Protocol::Http | Protocol::Https => ProbeOutcome::Response {
                connect_ms: rtt_ms,
                first_byte_ms,
                status,
                body,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each behaviour, seen over TCP and over HTTP.
    #[test]
    fn behaviours_as_seen_by_each_protocol() {
        let rows: Vec<(Behaviour, Protocol, ProbeOutcome)> = vec![
            (
                Behaviour::Refused,
                Protocol::Http,
                ProbeOutcome::Refused { after_ms: 5 },
            ),
            (Behaviour::Timeout, Protocol::Tcp, ProbeOutcome::Timeout),
            (
                Behaviour::Status(503),
                Protocol::Tcp,
                ProbeOutcome::Connected { connect_ms: 5 },
            ),
            (
                Behaviour::Status(503),
                Protocol::Http,
                ProbeOutcome::Response {
                    connect_ms: 5,
                    first_byte_ms: 5,
                    status: 503,
                    body: String::new(),
                },
            ),
            (
                Behaviour::ok("hi"),
                Protocol::Https,
                ProbeOutcome::Response {
                    connect_ms: 5,
                    first_byte_ms: 5,
                    status: 200,
                    body: "hi".into(),
                },
            ),
            (
                Behaviour::SlowFirstByte(2500),
                Protocol::Http,
                ProbeOutcome::Response {
                    connect_ms: 5,
                    first_byte_ms: 2505,
                    status: 200,
                    body: String::new(),
                },
            ),
        ];
        for (behaviour, protocol, want) in rows {
            assert_eq!(
                ProbeOutcome::of(&behaviour, protocol, 5),
                want,
                "{behaviour:?} over {protocol:?}"
            );
        }
    }

    #[test]
    fn behaviour_serde_shape() {
        let json =
            serde_json::to_string(&vec![Behaviour::Refused, Behaviour::Status(503)]).unwrap();
        assert_eq!(json, r#"["refused",{"status":503}]"#);
        let back: Vec<Behaviour> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, vec![Behaviour::Refused, Behaviour::Status(503)]);
    }
}
