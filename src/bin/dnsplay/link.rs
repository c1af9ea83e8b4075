//! `dnsplay link SCENARIO.json [--base URL] [--page SLUG] [--at 90s]`:
//! prints the share link of a scenario kept in a file, so a blog can keep
//! its scenarios in a repository and generate its links in CI.
//!
//! Exit status: 0 with the URL on stdout; 2 for a usage problem (missing
//! or unreadable file, a document that is not a scenario, a bad page or
//! time).

use std::process::ExitCode;

use dnsplay::scenario::codec::{is_page_slug, share_url, SharedState, MAX_PAGE_CHARS};

use crate::simulate::duration;

/// Where `make run` serves the playground: the default base.
pub const DEFAULT_BASE: &str = "http://127.0.0.1:8080/";

const USAGE: &str = "Usage: dnsplay link SCENARIO.json [--base URL] [--page SLUG] [--at DURATION]

  --base URL       the playground's address (default http://127.0.0.1:8080/);
                   its own #fragment, if any, is replaced
  --page SLUG      the section the link opens (a-z, 0-9 and -)
  --at DURATION    the simulated time the page shows (90s, 2m, 1m30s; at most
                   the scenario's horizon)
";

#[derive(Debug, PartialEq, Eq)]
struct Args {
    path: String,
    base: String,
    page: Option<String>,
    at_ms: u64,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut path = None;
    let mut base = DEFAULT_BASE.to_string();
    let mut page = None;
    let mut at_ms = 0;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--base" => base = it.next().ok_or("--base needs a URL")?.clone(),
            "--page" => {
                let p = it.next().ok_or("--page needs a section slug")?;
                if !is_page_slug(p) {
                    return Err(format!(
                        "'{p}' is not a page slug (a-z, 0-9 and -, at most {MAX_PAGE_CHARS})"
                    ));
                }
                page = Some(p.clone());
            }
            "--at" => {
                at_ms = duration::parse_duration(it.next().ok_or("--at needs a duration")?)?.0
            }
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}'")),
            s if path.is_none() => path = Some(s.to_string()),
            s => return Err(format!("unexpected argument '{s}'")),
        }
    }
    Ok(Args {
        path: path.ok_or("missing SCENARIO.json")?,
        base,
        page,
        at_ms,
    })
}

/// Entry point for `dnsplay link`.
pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let fail = |e: String| {
        eprintln!("dnsplay link: {e}");
        ExitCode::from(2)
    };
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => return fail(format!("{e}\n\n{USAGE}")),
    };
    let scenario = match crate::scenario_file::load(&args.path) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    if args.at_ms > scenario.horizon_ms {
        return fail(format!(
            "--at {} ms is past the scenario's horizon ({} ms)",
            args.at_ms, scenario.horizon_ms
        ));
    }
    let state = SharedState {
        scenario,
        page: args.page,
        time_ms: args.at_ms,
    };
    println!("{}", share_url(&args.base, &state));
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let a = |v: &[&str]| parse_args(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            a(&[
                "s.json",
                "--base",
                "https://x.dev/",
                "--page",
                "route53-failover",
                "--at",
                "1m30s"
            ]),
            Ok(Args {
                path: "s.json".into(),
                base: "https://x.dev/".into(),
                page: Some("route53-failover".into()),
                at_ms: 90_000,
            })
        );
        assert_eq!(a(&["s.json"]).map(|x| x.base), Ok(DEFAULT_BASE.to_string()));
        assert!(a(&[]).is_err());
        assert!(a(&["s.json", "--page", "Route53"]).is_err());
        assert!(a(&["s.json", "--at"]).is_err());
        assert!(a(&["s.json", "--at", "soon"]).is_err());
        assert!(a(&["s.json", "t.json"]).is_err());
        assert!(a(&["s.json", "--frobnicate"]).is_err());
    }
}
