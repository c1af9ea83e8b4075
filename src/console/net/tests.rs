//! Console tests of `dig`, `curl`, `sleep` and `advance` against the
//! simulated Route 53 and the blog's world.

use super::*;
use crate::console::Console;
use crate::engine::route53::Route53;
use crate::engine::sim::SimOptions;
use crate::engine::time::SimTime;
use crate::engine::world::World;

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

/// No input panics: odd names, options, URLs and durations each end in a
/// status (the console's rule for every command line).
#[test]
fn odd_input_never_panics() {
    let mut c = console();
    let lines = [
        "dig",
        "dig +bogus x",
        "dig a b c",
        "dig '' A",
        "dig ..",
        "dig \u{e9}t\u{e9}.example",
        "dig x NOTATYPE",
        "dig @ x",
        "dig @not..a..name x",
        "dig +trace .",
        "dig +short . NS",
        "curl",
        "curl -Z x",
        "curl http://",
        "curl http://[::1]:80/",
        "curl http://h:65536/",
        "curl --connect-timeout",
        "curl http://\u{e9}.example/",
        "sleep",
        "sleep 99999999999999999999",
        "sleep 1.",
        "advance -1",
        "advance 1x",
    ];
    for line in lines {
        let o = c.run_line(line);
        assert!(o.status >= 0, "{line}");
    }
}

/// `dig -t TYPE NAME`, as dig also accepts the type before the name.
#[test]
fn dig_type_option() {
    let mut c = console();
    let (out, _, status) = run(&mut c, "dig -t NS hello-localstack.com +short");
    assert_eq!(status, 0);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(out.lines().all(|l| l.contains(".awsdns-")), "{out}");
}
