//! `curl`: resolve the host through the console's client and resolver,
//! connect to the address and the URL's port, print what answers, with
//! curl's own error wording.

use std::net::IpAddr;

use hickory_proto::rr::Name;

use super::{fail, parse_duration, Network, Printed};
use crate::engine::clients::{Scheme, Url};
use crate::engine::time::SimTime;
use crate::engine::world::{ProbeOutcome, Protocol};

/// curl's default connect timeout (`DEFAULT_CONNECT_TIMEOUT`, 300 s); the
/// kernel may give up earlier (Linux SYN retries, about 127 s).
pub const CURL_CONNECT_TIMEOUT_MS: u64 = 300_000;

/// `curl [-s] [-i] [-v] [-f] [--connect-timeout S] URL`.
pub fn curl<A>(net: &mut Network<A>, api: &A, now: SimTime, args: &[String]) -> Printed {
    let mut url_text: Option<&str> = None;
    let (mut include, mut verbose, mut fail_on_error) = (false, false, false);
    let mut timeout_ms = CURL_CONNECT_TIMEOUT_MS;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-s" | "--silent" | "-S" | "-sS" | "-L" | "--location" => {}
            "-i" | "--include" => include = true,
            "-v" | "--verbose" => verbose = true,
            "-f" | "--fail" => fail_on_error = true,
            "-sf" | "-fs" => fail_on_error = true,
            "--connect-timeout" | "-m" | "--max-time" => {
                match it.next().and_then(|v| parse_duration(v)) {
                    Some(ms) => timeout_ms = ms,
                    None => {
                        return fail(
                            format!("curl: option {a}: expected a proper numerical parameter\n"),
                            2,
                        )
                    }
                }
            }
            s if s.starts_with('-') => {
                return fail(
                    format!(
                    "curl: option {s}: is unknown\ncurl: try 'curl --help' for more information\n"
                ),
                    2,
                )
            }
            s => url_text = Some(s),
        }
    }
    let Some(url_text) = url_text else {
        return fail("curl: no URL specified\n".into(), 2);
    };
    let url = match Url::parse(url_text) {
        Ok(u) => u,
        Err(e) => return fail(format!("curl: (3) {e}\n"), 3),
    };
    let view = net.view(api, now);
    let mut err = String::new();
    let ip: IpAddr = match url.host.parse() {
        Ok(ip) => ip,
        Err(_) => {
            let host = match Name::from_ascii(&url.host) {
                Ok(mut n) => {
                    n.set_fqdn(true);
                    n
                }
                Err(_) => {
                    return fail(
                        format!("curl: (6) Could not resolve host: {}\n", url.host),
                        6,
                    )
                }
            };
            let got = net
                .host_cache
                .lookup(&host, now, &mut net.resolver, &*view.dns, &net.client);
            match got.addresses.first() {
                Some(ip) => *ip,
                None => {
                    return fail(
                        format!("curl: (6) Could not resolve host: {}\n", url.host),
                        6,
                    )
                }
            }
        }
    };
    if verbose {
        err.push_str(&format!("*   Trying {ip}:{}...\n", url.port));
    }
    let protocol = match url.scheme {
        Scheme::Http => Protocol::Http,
        Scheme::Https => Protocol::Https,
    };
    let world = view.world.at(&view.faults, now);
    match world.probe(now, ip, url.port, protocol, &url.path, Some(&url.host)) {
        ProbeOutcome::Response { status, body, .. } => {
            if verbose {
                err.push_str(&format!(
                    "* Connected to {} ({ip}) port {}\n< HTTP/1.1 {status}\n",
                    url.host, url.port
                ));
            }
            if fail_on_error && status >= 400 {
                err.push_str(&format!(
                    "curl: (22) The requested URL returned error: {status}\n"
                ));
                return Printed {
                    out: String::new(),
                    err,
                    status: 22,
                };
            }
            let mut out = String::new();
            if include {
                out.push_str(&format!("HTTP/1.1 {status}\r\n\r\n"));
            }
            out.push_str(&body);
            // curl prints the body as is; a console line ends here.
            if !body.ends_with('\n') {
                out.push('\n');
            }
            Printed {
                out,
                err,
                status: 0,
            }
        }
        ProbeOutcome::Connected { .. } => Printed {
            out: String::new(),
            err,
            status: 0,
        },
        ProbeOutcome::Refused { after_ms } => {
            err.push_str(&format!(
                "curl: (7) Failed to connect to {} port {} after {after_ms} ms: Connection refused\n",
                url.host, url.port
            ));
            Printed {
                out: String::new(),
                err,
                status: 7,
            }
        }
        ProbeOutcome::Timeout => {
            err.push_str(&format!(
                "curl: (28) Failed to connect to {} port {} after {timeout_ms} ms: Timeout was reached\n",
                url.host, url.port
            ));
            Printed {
                out: String::new(),
                err,
                status: 28,
            }
        }
    }
}
