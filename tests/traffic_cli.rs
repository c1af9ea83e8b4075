//! `dnsplay traffic` on the committed blog scenario: both failover records
//! hold 192.168.49.2, so the switch moves nobody (DNS carries no port) and
//! every request keeps going to app-a's NodePort; bad input exits 2.

use std::process::{Command, Output};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/scenarios/blog-failover.json"
);

fn dnsplay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dnsplay"))
        .arg("traffic")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run dnsplay: {e}"))
}

#[test]
fn blog_failover_moves_no_client() {
    let o = dnsplay(&[
        FIXTURE,
        "--url",
        "http://api.hello-localstack.com:30001/",
        "--clients",
        "100",
        "--until",
        "3m",
        "--series",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("Route 53 switched its answer at"), "{out}");
    for share in ["50", "90", "99", "100"] {
        assert!(
            out.contains(&format!("{share:>3} % of clients: not moved by 180.000 s")),
            "{out}"
        );
    }
    assert!(out.contains("  192.168.49.2:30001: 1800 requests"), "{out}");
    assert!(
        out.contains("second,192.168.49.2:30001,failures\n0,"),
        "{out}"
    );
}

#[test]
fn usage_problems_exit_2() {
    for args in [
        vec![FIXTURE],
        vec!["--url", "http://x/"],
        vec![FIXTURE, "--url", "http://x/", "--mix", "nope=1"],
    ] {
        assert_eq!(dnsplay(&args).status.code(), Some(2), "{args:?}");
    }
}
