//! The console's view of the network: `dig`, `curl`, `sleep` and `advance`.
//!
//! A [`Network`] is optional: the caller attaches one with
//! [`super::Console::set_network`]. Each `dig` or `curl` asks its source for
//! the DNS and the world as they are *now* (so a record just created with
//! `aws route53 change-resource-record-sets` is there), while the
//! resolver's and the client's caches persist between commands: an
//! NXDOMAIN cached before the record existed is served until its negative
//! TTL runs out, as on a real machine.

use std::net::IpAddr;

use hickory_proto::rr::{Name, RecordType};

use crate::engine::clients::{Scheme, Url};
use crate::engine::resolver::{
    routed_tree, Authorities, ClientLocation, ClientProfile, DnsTree, HostCache, Resolver,
    ResolverProfile,
};
use crate::engine::route53::Route53;
use crate::engine::routing::LatencyTable;
use crate::engine::time::SimTime;
use crate::engine::world::{ProbeOutcome, Protocol, TimedFault, World};

/// The DNS and the world at one instant.
pub struct NetView {
    /// The authoritative DNS.
    pub dns: Box<dyn Authorities>,
    /// What listens where.
    pub world: World,
    /// Changes to the world over time.
    pub faults: Vec<TimedFault>,
}

/// Builds the current [`NetView`] from the console's backend.
pub type NetSource<A> = Box<dyn Fn(&A, SimTime) -> NetView>;

/// The network the console's `dig` and `curl` use: a source of the DNS and
/// world, the machine's recursive resolver and the client's own cache.
pub struct Network<A> {
    source: NetSource<A>,
    /// The recursive resolver (its cache persists across commands).
    pub resolver: Resolver,
    /// The application cache `curl` goes through (none by default: curl
    /// asks the resolver each time).
    pub host_cache: HostCache,
    /// Where the console's machine sits.
    pub client: ClientLocation,
}

impl<A> Network<A> {
    /// A network over `source`, with a resolver that honours TTLs and a
    /// client without its own cache; message ids derive from `seed`.
    pub fn new(source: NetSource<A>, seed: u64) -> Network<A> {
        Network {
            source,
            resolver: Resolver::new(ResolverProfile::honours_ttl(), seed, "console"),
            host_cache: HostCache::new(ClientProfile::stub()),
            client: ClientLocation::default(),
        }
    }

    fn view(&self, api: &A, now: SimTime) -> NetView {
        (self.source)(api, now)
    }
}

/// The DNS and world of a [`Route53`] backend at `now`: the generated tree
/// around its public zones; with a world attached
/// ([`Route53::attach_world`]), routed names answer from its health checks
/// run up to `now`.
pub fn route53_view(r53: &Route53, now: SimTime) -> NetView {
    match &r53.world {
        Some(att) => {
            let dns: Box<dyn Authorities> = match r53.run_health_checks(
                &att.world,
                &att.faults,
                now,
                &crate::engine::sim::SimOptions {
                    record_probes: false,
                    ..att.options.clone()
                },
            ) {
                Ok(timeline) => Box::new(routed_tree(
                    r53,
                    &att.world,
                    timeline,
                    &LatencyTable::default(),
                    att.options.seed,
                )),
                Err(_) => Box::new(DnsTree::build(&r53.zones, &att.world)),
            };
            NetView {
                dns,
                world: att.world.clone(),
                faults: att.faults.clone(),
            }
        }
        None => NetView {
            dns: Box::new(DnsTree::build(&r53.zones, &World::default())),
            world: World::default(),
            faults: Vec::new(),
        },
    }
}

/// A [`Network`] for a console whose backend is the simulated [`Route53`].
pub fn route53_network(seed: u64) -> Network<Route53> {
    Network::new(Box::new(route53_view), seed)
}

/// What a command printed and its status.
pub struct Printed {
    /// Standard output.
    pub out: String,
    /// Standard error.
    pub err: String,
    /// Exit status.
    pub status: i32,
}

fn fail(err: String, status: i32) -> Printed {
    Printed {
        out: String::new(),
        err,
        status,
    }
}

/// Parses `N`, `N.5`, `Ns`, `Nm`, `Nh` (GNU `sleep` suffixes) into ms.
pub fn parse_duration(text: &str) -> Option<u64> {
    let (num, unit) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&text[..i], c),
        _ => (text, 's'),
    };
    let scale: u64 = match unit {
        's' => 1000,
        'm' => 60_000,
        'h' => 3_600_000,
        'd' => 86_400_000,
        _ => return None,
    };
    let (whole, frac) = num.split_once('.').unwrap_or((num, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 3 {
        return None;
    }
    let w: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let f: u64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<3}").parse().ok()?
    };
    w.checked_mul(scale)?
        .checked_add(f.checked_mul(scale)? / 1000)
}

/// `dig [@server] NAME [TYPE] [+short] [+trace]`.
pub fn dig<A>(net: &mut Network<A>, api: &A, now: SimTime, args: &[String]) -> Printed {
    let mut name: Option<&str> = None;
    let mut rtype = RecordType::A;
    let mut short = false;
    let mut trace = false;
    let mut server: Option<&str> = None;
    let mut typed = false;
    for a in args {
        if let Some(opt) = a.strip_prefix('+') {
            match opt {
                "short" => short = true,
                "trace" => trace = true,
                "noall" | "answer" | "norec" | "rec" | "nocmd" | "nostats" | "noquestion" => {}
                _ => return fail(format!("Invalid option: +{opt}\n"), 1),
            }
        } else if let Some(s) = a.strip_prefix('@') {
            server = Some(s);
        } else if a.eq_ignore_ascii_case("IN") {
        } else if let (Some(_), false) = (name, typed) {
            match a.to_ascii_uppercase().parse::<RecordType>() {
                Ok(t) => {
                    rtype = t;
                    typed = true;
                }
                Err(_) => return fail(format!("dig: '{a}' is not a record type\n"), 1),
            }
        } else if name.is_none() {
            name = Some(a);
        } else {
            return fail(format!("dig: unexpected argument '{a}'\n"), 1);
        }
    }
    let Some(name_text) = name else {
        return fail(
            "usage: dig [@server] NAME [TYPE] [+short] [+trace]\n".into(),
            1,
        );
    };
    let qname = match Name::from_ascii(name_text) {
        Ok(mut n) => {
            n.set_fqdn(true);
            n
        }
        Err(e) => return fail(format!("dig: '{name_text}' is not a legal name ({e})\n"), 1),
    };
    let view = net.view(api, now);
    let mut out = String::new();
    if let Some(s) = server {
        return dig_at(net, &view, s, &qname, rtype, now, short);
    }
    if trace {
        // dig +trace iterates itself from the root, ignoring caches.
        let mut fresh = Resolver::new(ResolverProfile::honours_ttl(), 0, "dig+trace");
        fresh.trace = true;
        let res = fresh.resolve(&*view.dns, &qname, rtype, now, &net.client);
        for step in &res.steps {
            let Some(msg) = &step.message else {
                if let Some(s) = &step.server {
                    out.push_str(&format!(";; no answer from {}#53({})\n", s.ip, s.name));
                }
                continue;
            };
            for r in msg
                .answers
                .iter()
                .chain(msg.authorities.iter())
                .chain(msg.additionals.iter())
            {
                out.push_str(&crate::engine::wire::dig_record(r));
                out.push('\n');
            }
            let size = step.bytes().map_or(0, |b| b.len());
            match &step.server {
                Some(s) => out.push_str(&format!(
                    ";; Received {size} bytes from {}#53({}) in {} ms\n\n",
                    s.ip, s.name, step.rtt_ms
                )),
                None => out.push_str(&format!(";; Received {size} bytes from cache\n\n")),
            }
        }
        return Printed {
            out,
            err: String::new(),
            status: 0,
        };
    }
    let res = net
        .resolver
        .resolve(&*view.dns, &qname, rtype, now, &net.client);
    if short {
        for r in &res.answer {
            out.push_str(&crate::engine::wire::rdata_text(&r.data));
            out.push('\n');
        }
        return Printed {
            out,
            err: String::new(),
            status: 0,
        };
    }
    let id = net.resolver.next_id();
    let msg = res.message(id);
    let query_ms: u64 = res
        .steps
        .iter()
        .filter(|s| !s.from_cache)
        .map(|s| s.rtt_ms)
        .sum();
    let size = crate::engine::wire::to_bytes(&msg).map_or(0, |b| b.len());
    out.push_str(&format!(
        "; <<>> DiG (dnsplay) <<>> {name_text} {rtype}\n;; Got answer:\n{}",
        crate::engine::wire::dig_text(&msg)
    ));
    out.push_str(&format!(
        ";; Query time: {query_ms} msec{}\n;; SERVER: 127.0.0.53#53(127.0.0.53) (UDP)\n;; WHEN: t={}\n;; MSG SIZE  rcvd: {size}\n",
        if res.from_cache { " (from cache)" } else { "" },
        crate::engine::resolver::fmt_time(now)
    ));
    Printed {
        out,
        err: String::new(),
        status: 0,
    }
}

/// `dig @server`: one question to one authoritative server, no recursion.
fn dig_at<A>(
    net: &mut Network<A>,
    view: &NetView,
    server: &str,
    qname: &Name,
    rtype: RecordType,
    now: SimTime,
    short: bool,
) -> Printed {
    let ip: IpAddr = match server.parse() {
        Ok(ip) => ip,
        Err(_) => {
            let Ok(host) = Name::from_ascii(server) else {
                return fail(
                    format!("dig: couldn't get address for '{server}': not found\n"),
                    10,
                );
            };
            let res = net
                .resolver
                .resolve(&*view.dns, &host, RecordType::A, now, &net.client);
            match res.addresses().first() {
                Some(ip) => *ip,
                None => {
                    return fail(
                        format!("dig: couldn't get address for '{server}': not found\n"),
                        10,
                    )
                }
            }
        }
    };
    let Some(answer) = view.dns.ask(ip, qname, rtype, now, &net.client) else {
        return fail(
            format!(
                ";; communications error to {ip}#53: timed out\n;; no servers could be reached\n"
            ),
            9,
        );
    };
    let id = net.resolver.next_id();
    let msg = crate::engine::wire::response((qname.clone(), rtype), &answer, id);
    if short {
        let mut out = String::new();
        for r in &msg.answers {
            out.push_str(&crate::engine::wire::rdata_text(&r.data));
            out.push('\n');
        }
        return Printed {
            out,
            err: String::new(),
            status: 0,
        };
    }
    let name = view
        .dns
        .server_name(ip)
        .map_or_else(|| ip.to_string(), |n| n.to_string());
    let size = crate::engine::wire::to_bytes(&msg).map_or(0, |b| b.len());
    Printed {
        out: format!(
            "; <<>> DiG (dnsplay) <<>> @{server} {qname} {rtype}\n;; Got answer:\n{};; Query time: {} msec\n;; SERVER: {ip}#53({name}) (UDP)\n;; WHEN: t={}\n;; MSG SIZE  rcvd: {size}\n",
            crate::engine::wire::dig_text(&msg),
            view.dns.rtt_ms(ip),
            crate::engine::resolver::fmt_time(now)
        ),
        err: String::new(),
        status: 0,
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::Console;
    use crate::engine::sim::SimOptions;

    fn console() -> Console<Route53> {
        let mut r53 = Route53::new(3);
        r53.attach_world(World::blog(), Vec::new(), SimOptions::default());
        let mut c = Console::new(r53);
        c.set_network(route53_network(3));
        let setup = c.run_script(
            "ID=$(aws route53 create-hosted-zone --name hello-localstack.com --caller-reference r --query HostedZone.Id --output text)\n\
             aws route53 change-resource-record-sets --hosted-zone-id $ID --change-batch '{\"Changes\":[{\"Action\":\"CREATE\",\"ResourceRecordSet\":{\"Name\":\"api.hello-localstack.com\",\"Type\":\"A\",\"TTL\":60,\"ResourceRecords\":[{\"Value\":\"192.168.49.2\"}]}}]}' --query ChangeInfo.Status --output text",
        );
        assert_eq!(
            (setup.stdout.as_str(), setup.stderr.as_str()),
            ("PENDING\n", ""),
            "{setup:?}"
        );
        c
    }

    fn run(c: &mut Console<Route53>, line: &str) -> (String, String, i32) {
        let o = c.run_line(line);
        (o.stdout, o.stderr, o.status)
    }

    /// dig through the recursive resolver: +short, the full view with RD/RA
    /// and a counted-down TTL from cache (RFC 1035 §4.1.1).
    #[test]
    fn dig_short_full_and_cached() {
        let mut c = console();
        assert_eq!(
            run(&mut c, "dig +short api.hello-localstack.com").0,
            "192.168.49.2\n"
        );
        run(&mut c, "sleep 20");
        let (out, _, status) = run(&mut c, "dig api.hello-localstack.com A");
        assert_eq!(status, 0);
        assert!(out.contains("status: NOERROR"), "{out}");
        assert!(out.contains("flags: qr rd ra;"), "{out}");
        assert!(
            out.contains("api.hello-localstack.com. 40\tIN\tA\t192.168.49.2"),
            "{out}"
        );
        assert!(out.contains("(from cache)"), "{out}");
    }

    /// dig +trace walks root, TLD and the zone's awsdns server.
    #[test]
    fn dig_trace_shows_every_server() {
        let mut c = console();
        let (out, _, _) = run(&mut c, "dig +trace api.hello-localstack.com");
        let root = out
            .find("from 198.41.0.4#53(a.root-servers.net.)")
            .unwrap_or(usize::MAX);
        let tld = out
            .find("from 192.5.6.30#53(a.gtld-servers.net.)")
            .unwrap_or(usize::MAX);
        let auth = out.find(".awsdns-").unwrap_or(usize::MAX);
        assert!(root < tld && tld < out.len() && auth < out.len(), "{out}");
        assert!(
            out.contains("api.hello-localstack.com. 60\tIN\tA\t192.168.49.2"),
            "{out}"
        );
    }

    /// dig @server asks one authoritative server: AA set, no recursion.
    #[test]
    fn dig_at_an_authoritative_server() {
        let mut c = console();
        let ns = c.api().zones[0].name_servers[0].clone();
        let (out, _, status) = run(&mut c, &format!("dig @{ns} api.hello-localstack.com"));
        assert_eq!(status, 0, "{out}");
        assert!(out.contains("flags: qr aa;"), "{out}");
        let (_, err, status) = run(&mut c, "dig @203.0.113.1 api.hello-localstack.com");
        assert_eq!(status, 9);
        assert!(err.contains("timed out"), "{err}");
    }

    /// RFC 2308: an NXDOMAIN cached before the record existed hides it for
    /// the negative TTL (min(900, 86400) = 900 s with Route 53's SOA).
    #[test]
    fn negative_answer_outlives_the_new_record() {
        let mut c = console();
        assert!(run(&mut c, "dig new.hello-localstack.com")
            .0
            .contains("status: NXDOMAIN"));
        let id = c.api().zones[0].id.clone();
        run(
            &mut c,
            &format!("aws route53 change-resource-record-sets --hosted-zone-id {id} --change-batch '{{\"Changes\":[{{\"Action\":\"CREATE\",\"ResourceRecordSet\":{{\"Name\":\"new.hello-localstack.com\",\"Type\":\"A\",\"TTL\":60,\"ResourceRecords\":[{{\"Value\":\"192.0.2.7\"}}]}}}}]}}'"),
        );
        run(&mut c, "sleep 899.999");
        assert_eq!(run(&mut c, "dig +short new.hello-localstack.com").0, "");
        run(&mut c, "sleep 0.001");
        assert_eq!(
            run(&mut c, "dig +short new.hello-localstack.com").0,
            "192.0.2.7\n"
        );
    }

    /// curl resolves, connects to address and port, and uses curl's error
    /// wording: (6) no address, (7) refused, (28) timeout.
    #[test]
    fn curl_outcomes() {
        let mut c = console();
        let cases = [
            ("curl http://api.hello-localstack.com:30001/actuator/health", "{\"status\":\"UP\"}\n", "", 0),
            ("curl -f http://api.hello-localstack.com:30003/", "", "curl: (7) Failed to connect to api.hello-localstack.com port 30003 after 20 ms: Connection refused\n", 7),
            ("curl http://203.0.113.9/", "", "curl: (28) Failed to connect to 203.0.113.9 port 80 after 300000 ms: Timeout was reached\n", 28),
            ("curl --connect-timeout 5 http://203.0.113.9/", "", "curl: (28) Failed to connect to 203.0.113.9 port 80 after 5000 ms: Timeout was reached\n", 28),
            ("curl http://nope.hello-localstack.com/", "", "curl: (6) Could not resolve host: nope.hello-localstack.com\n", 6),
            ("curl ftp://x/", "", "curl: (3) Protocol \"ftp\" not supported or disabled in libcurl\n", 3),
        ];
        for (line, out, err, status) in cases {
            assert_eq!(
                run(&mut c, line),
                (out.to_string(), err.to_string(), status),
                "{line}"
            );
        }
    }

    /// sleep and advance move the console clock; bad durations are refused.
    #[test]
    fn clock_commands() {
        let mut c = console();
        assert_eq!(run(&mut c, "sleep 1.5").2, 0);
        assert_eq!(run(&mut c, "advance 2m").0, "t=121.500s\n");
        assert_eq!(c.context.now, SimTime(121_500));
        assert_eq!(run(&mut c, "sleep soon").2, 1);
        let cases = [
            ("30", Some(30_000)),
            ("0.25", Some(250)),
            ("1h", Some(3_600_000)),
            ("1.2345", None),
            ("x", None),
            ("", None),
            (".", None),
        ];
        for (t, want) in cases {
            assert_eq!(parse_duration(t), want, "{t}");
        }
    }

    #[test]
    fn without_a_network_dig_says_so() {
        let mut c = Console::new(Route53::new(1));
        let o = c.run_line("dig example.com");
        assert_eq!(o.status, 127);
        assert!(o.stderr.contains("no network"));
    }
}
