//! `dnsplay open URL [--state]`: prints the scenario a share link holds, as
//! pretty JSON (the document `dnsplay simulate` and `dnsplay link` read).
//! `--state` prints the whole shared state: scenario, page and time.
//! `-` reads the link from stdin (links are long for a command line).
//!
//! Exit status: 0 with the JSON on stdout; 2 when the link does not open,
//! with the reason (cut off, damaged, too new, not a scenario...).

use std::io::Read;
use std::process::ExitCode;

use dnsplay::scenario::codec::{open, MAX_LINK_CHARS};

const USAGE: &str = "Usage: dnsplay open URL [--state]

  URL        a share link (https://.../#s=1.<data>, #s=1.<data> or 1.<data>);
             - reads it from stdin
  --state    print the scenario with the page and time the link carries
";

/// Entry point for `dnsplay open`.
pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let fail = |e: String| {
        eprintln!("dnsplay open: {e}");
        ExitCode::from(2)
    };
    let mut link = None;
    let mut whole = false;
    for a in args {
        match a.as_str() {
            "--state" => whole = true,
            s if s.starts_with("--") => return fail(format!("unknown option '{s}'\n\n{USAGE}")),
            s if link.is_none() => link = Some(s.to_string()),
            s => return fail(format!("unexpected argument '{s}'\n\n{USAGE}")),
        }
    }
    let Some(mut link) = link else {
        return fail(format!("missing URL\n\n{USAGE}"));
    };
    if link == "-" {
        let mut text = String::new();
        // One byte past the limit, so a too-long link is reported as such.
        let limit = u64::try_from(MAX_LINK_CHARS + 1).unwrap_or(u64::MAX);
        if let Err(e) = std::io::stdin().take(limit).read_to_string(&mut text) {
            return fail(format!("cannot read stdin: {e}"));
        }
        link = text;
    }
    match open(&link) {
        Ok(state) if whole => {
            println!(
                "{}",
                serde_json::to_string_pretty(&state).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Ok(state) => {
            print!("{}", state.scenario.to_json());
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("the link does not open: {e}")),
    }
}
