//! How one checker judges one probe: the timeouts, status codes and string
//! matching Route 53 documents (Route 53 DG,
//! `dns-failover-determining-health-of-endpoints`; reference notes E.64–65).

use serde::{Deserialize, Serialize};

use super::spec::EndpointSpec;
use crate::engine::world::{ProbeOutcome, Protocol};

/// HTTP(S) checks: "Route 53 must be able to establish a TCP connection with
/// the endpoint within four seconds."
pub const HTTP_CONNECT_TIMEOUT_MS: u64 = 4_000;
/// TCP checks: a connection "within ten seconds".
pub const TCP_CONNECT_TIMEOUT_MS: u64 = 10_000;
/// "the endpoint must respond with an HTTP status code of 2xx or 3xx within
/// two seconds after connecting."
pub const FIRST_BYTE_TIMEOUT_MS: u64 = 2_000;
/// "The string must appear entirely in the first 5,120 bytes of the response
/// body."
pub const SEARCH_WINDOW_BYTES: usize = 5_120;

/// A checker's judgement of one probe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    /// Whether the probe passed.
    pub healthy: bool,
    /// When the checker knows, counted from sending the SYN: the answer's
    /// arrival, or the timeout that ran out.
    pub after_ms: u64,
    /// What GetHealthCheckStatus would show for it. Modelled on AWS's
    /// `Success: HTTP Status Code 200, OK` style; the failure wordings are
    /// unconfirmed.
    pub observation: String,
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// Whether `needle` appears entirely within the first 5,120 bytes of
/// `body`. Case-sensitive, byte for byte (API `SearchString`).
pub fn body_contains(body: &str, needle: &str) -> bool {
    let bytes = body.as_bytes();
    let window = &bytes[..bytes.len().min(SEARCH_WINDOW_BYTES)];
    let n = needle.as_bytes();
    n.is_empty() || window.windows(n.len()).any(|w| w == n)
}

/// Judges `outcome` for `spec`.
pub fn judge(spec: &EndpointSpec, outcome: &ProbeOutcome) -> Judgement {
    let connect_timeout = if spec.protocol == Protocol::Tcp {
        TCP_CONNECT_TIMEOUT_MS
    } else {
        HTTP_CONNECT_TIMEOUT_MS
    };
    let fail = |after_ms: u64, observation: String| Judgement {
        healthy: false,
        after_ms,
        observation,
    };
    let timed_out = || {
        fail(
            connect_timeout,
            format!(
                "Failure: Connection timed out. No connection within {} seconds.",
                connect_timeout / 1000
            ),
        )
    };
    match outcome {
        ProbeOutcome::Timeout => timed_out(),
        ProbeOutcome::Refused { after_ms } if *after_ms <= connect_timeout => {
            fail(*after_ms, "Failure: Connection refused.".to_string())
        }
        ProbeOutcome::Refused { .. } => timed_out(),
        ProbeOutcome::Connected { connect_ms } | ProbeOutcome::Response { connect_ms, .. }
            if *connect_ms > connect_timeout =>
        {
            timed_out()
        }
        ProbeOutcome::Connected { connect_ms } => match spec.protocol {
            Protocol::Tcp => Judgement {
                healthy: true,
                after_ms: *connect_ms,
                observation: "Success: TCP connection established.".to_string(),
            },
            Protocol::Http | Protocol::Https => fail(
                connect_ms.saturating_add(FIRST_BYTE_TIMEOUT_MS),
                "Failure: The endpoint did not send an HTTP response.".to_string(),
            ),
        },
        ProbeOutcome::Response {
            connect_ms,
            first_byte_ms,
            status,
            body,
        } => {
            if spec.protocol == Protocol::Tcp {
                return Judgement {
                    healthy: true,
                    after_ms: *connect_ms,
                    observation: "Success: TCP connection established.".to_string(),
                };
            }
            if *first_byte_ms > FIRST_BYTE_TIMEOUT_MS {
                return fail(
                    connect_ms.saturating_add(FIRST_BYTE_TIMEOUT_MS),
                    "Failure: Response timed out. No response within 2 seconds after connecting."
                        .to_string(),
                );
            }
            let after_ms = connect_ms.saturating_add(*first_byte_ms);
            let code = format!("HTTP Status Code {status}, {}", reason_phrase(*status));
            let code = code.trim_end_matches(", ").to_string();
            if !(200..400).contains(status) {
                return fail(after_ms, format!("Failure: {code}"));
            }
            match &spec.search {
                Some(needle) if !body_contains(body, needle) => fail(
                    after_ms,
                    format!(
                        "Failure: {code}. The search string '{needle}' was not found in the first 5120 bytes of the response body."
                    ),
                ),
                _ => Judgement {
                    healthy: true,
                    after_ms,
                    observation: format!("Success: {code}"),
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::health::spec::Target;
    use std::net::{IpAddr, Ipv4Addr};

    fn spec(protocol: Protocol, search: Option<&str>) -> EndpointSpec {
        EndpointSpec {
            protocol,
            target: Target::Ip(IpAddr::V4(Ipv4Addr::new(203, 0, 113, 5))),
            port: 80,
            path: "/".into(),
            host: "203.0.113.5".into(),
            search: search.map(str::to_string),
        }
    }

    fn response(connect_ms: u64, first_byte_ms: u64, status: u16, body: &str) -> ProbeOutcome {
        ProbeOutcome::Response {
            connect_ms,
            first_byte_ms,
            status,
            body: body.to_string(),
        }
    }

    /// DG: 2xx/3xx healthy ("200 or greater and less than 400"); connect
    /// within 4 s; first byte within 2 s after connecting; TCP within 10 s.
    #[test]
    fn status_and_timeout_boundaries() {
        let http = spec(Protocol::Http, None);
        let tcp = spec(Protocol::Tcp, None);
        let rows: Vec<(&str, &EndpointSpec, ProbeOutcome, bool, u64)> = vec![
            ("199 fails", &http, response(10, 10, 199, ""), false, 20),
            ("200 passes", &http, response(10, 10, 200, ""), true, 20),
            ("399 passes", &http, response(10, 10, 399, ""), true, 20),
            ("400 fails", &http, response(10, 10, 400, ""), false, 20),
            ("503 fails", &http, response(10, 10, 503, ""), false, 20),
            (
                "first byte at 2000 ms passes",
                &http,
                response(10, 2000, 200, ""),
                true,
                2010,
            ),
            (
                "first byte at 2001 ms fails at 2 s",
                &http,
                response(10, 2001, 200, ""),
                false,
                2010,
            ),
            (
                "connect at 4000 ms passes",
                &http,
                response(4000, 1, 200, ""),
                true,
                4001,
            ),
            (
                "connect at 4001 ms times out at 4 s",
                &http,
                response(4001, 1, 200, ""),
                false,
                4000,
            ),
            (
                "silence times out at 4 s",
                &http,
                ProbeOutcome::Timeout,
                false,
                4000,
            ),
            (
                "refused fails at once",
                &http,
                ProbeOutcome::Refused { after_ms: 20 },
                false,
                20,
            ),
            (
                "TCP connect passes",
                &tcp,
                ProbeOutcome::Connected { connect_ms: 20 },
                true,
                20,
            ),
            (
                "TCP ignores the HTTP status",
                &tcp,
                response(20, 20, 503, ""),
                true,
                20,
            ),
            (
                "TCP connect at 10 s passes",
                &tcp,
                ProbeOutcome::Connected { connect_ms: 10_000 },
                true,
                10_000,
            ),
            (
                "TCP silence times out at 10 s",
                &tcp,
                ProbeOutcome::Timeout,
                false,
                10_000,
            ),
        ];
        for (what, spec, outcome, healthy, after_ms) in rows {
            let j = judge(spec, &outcome);
            assert_eq!(
                (j.healthy, j.after_ms),
                (healthy, after_ms),
                "{what}: {}",
                j.observation
            );
        }
    }

    /// DG: "The string must appear entirely in the first 5,120 bytes".
    #[test]
    fn search_string_at_the_5120_byte_boundary() {
        let pad = |n: usize| "x".repeat(n);
        let rows = [
            (format!("{}UP", pad(5118)), true),  // ends at byte 5,120
            (format!("{}UP", pad(5119)), false), // straddles the boundary
            (format!("{}UP", pad(6000)), false),
            ("{\"status\":\"UP\"}".to_string(), true),
            ("{\"status\":\"up\"}".to_string(), false), // case-sensitive
        ];
        let s = spec(Protocol::Http, Some("UP"));
        for (body, healthy) in rows {
            assert_eq!(body_contains(&body, "UP"), healthy, "len {}", body.len());
            assert_eq!(judge(&s, &response(10, 10, 200, &body)).healthy, healthy);
        }
        // The status is judged first: a matching body on a 503 still fails.
        assert!(!judge(&s, &response(10, 10, 503, "UP")).healthy);
    }

    #[test]
    fn observations_read_like_get_health_check_status() {
        let http = spec(Protocol::Http, None);
        assert_eq!(
            judge(&http, &response(1, 1, 200, "")).observation,
            "Success: HTTP Status Code 200, OK"
        );
        assert_eq!(
            judge(&http, &response(1, 1, 503, "")).observation,
            "Failure: HTTP Status Code 503, Service Unavailable"
        );
        assert_eq!(
            judge(&http, &response(1, 1, 599, "")).observation,
            "Failure: HTTP Status Code 599"
        );
    }
}
