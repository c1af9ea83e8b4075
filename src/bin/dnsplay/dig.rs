//! `dnsplay dig`: ask a zone a question and print the answer as
//! `dig +norec` would show it from an authoritative server.

use std::process::ExitCode;
use std::str::FromStr;

use dnsplay::engine::lookup::{lookup, AuthZone, StepKind};
use dnsplay::engine::rng::SimRng;
use dnsplay::engine::wire;
use dnsplay::scenario::formats::zonefile::import_zone;
use hickory_proto::rr::{Name, RecordType};

/// The zone answered from when no `--zone-file` is given.
const EXAMPLE_ZONE: &str = "\
$ORIGIN example.com.
$TTL 300
@        SOA   ns1 hostmaster 1 7200 900 1209600 60
@        NS    ns1
@        A     192.0.2.1
@        MX    10 mail
ns1      A     192.0.2.53
mail     A     192.0.2.25
www      CNAME @
api      CNAME www
*.apps   A     192.0.2.80
dev      NS    ns.dev
ns.dev   A     192.0.2.90
";

/// The stable id the message id is drawn under, so the same question
/// prints the same id every run.
const RNG_ID: &str = "dnsplay-dig";

pub const HELP: &str = "\
Usage: dnsplay dig [--zone-file FILE [--origin NAME]] [--trace] NAME [TYPE]

Answers NAME/TYPE (TYPE defaults to A) as an authoritative server (BIND 9)
would, and prints it as `dig +norec` does.

Options:
  --zone-file FILE  a BIND zone file to answer from. Without it, a small
                    built-in example zone for example.com. is used (apex
                    A/MX/NS, www CNAME, api CNAME chain, *.apps wildcard,
                    dev delegation with glue).
  --origin NAME     the zone's name when FILE has no $ORIGIN line
  --trace           also print the rules applied, one `;;` line each
  -h, --help        print this help

Exit status: 0 answered (whatever the RCODE), 1 the zone file could not be
read or imported, 2 bad arguments.
";

#[derive(Debug, PartialEq, Eq)]
struct Args {
    zone_file: Option<String>,
    origin: Option<String>,
    trace: bool,
    name: String,
    rtype: RecordType,
}

/// Why the command stopped: the message and the exit status.
#[derive(Debug, PartialEq, Eq)]
struct Failure(String, u8);

fn usage(msg: impl Into<String>) -> Failure {
    Failure(
        format!("dnsplay dig: {}\n(see `dnsplay dig --help`)", msg.into()),
        2,
    )
}

fn parse_args(args: &[String]) -> Result<Option<Args>, Failure> {
    let mut zone_file = None;
    let mut origin = None;
    let mut trace = false;
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "--trace" => trace = true,
            "--zone-file" | "--origin" => {
                let v = it
                    .next()
                    .ok_or_else(|| usage(format!("{a} needs a value")))?
                    .clone();
                let slot = if a == "--zone-file" {
                    &mut zone_file
                } else {
                    &mut origin
                };
                if slot.replace(v).is_some() {
                    return Err(usage(format!("{a} given twice")));
                }
            }
            s if s.starts_with("--") => return Err(usage(format!("unknown option '{s}'"))),
            s => positional.push(s.to_string()),
        }
    }
    if origin.is_some() && zone_file.is_none() {
        return Err(usage("--origin only applies with --zone-file"));
    }
    let (name, rtype) = match positional.as_slice() {
        [] => return Err(usage("missing NAME")),
        [name] => (name.clone(), RecordType::A),
        [name, t] => {
            let rtype = RecordType::from_str(&t.to_ascii_uppercase())
                .map_err(|_| usage(format!("unknown record type '{t}'")))?;
            (name.clone(), rtype)
        }
        [_, _, extra, ..] => return Err(usage(format!("unexpected argument '{extra}'"))),
    };
    Ok(Some(Args {
        zone_file,
        origin,
        trace,
        name,
        rtype,
    }))
}

fn parse_name(s: &str, what: &str) -> Result<Name, Failure> {
    let mut n = Name::from_ascii(s).map_err(|e| usage(format!("bad {what} '{s}': {e}")))?;
    n.set_fqdn(true);
    Ok(n)
}

fn load_zone(args: &Args) -> Result<AuthZone, Failure> {
    let origin = args
        .origin
        .as_deref()
        .map(|o| parse_name(o, "origin"))
        .transpose()?;
    let (text, label) = match &args.zone_file {
        Some(path) => (
            std::fs::read_to_string(path)
                .map_err(|e| Failure(format!("dnsplay dig: cannot read {path}: {e}"), 1))?,
            path.as_str(),
        ),
        None => (EXAMPLE_ZONE.to_string(), "built-in example zone"),
    };
    import_zone(&text, origin.as_ref())
        .map_err(|e| Failure(format!("dnsplay dig: {label}: {e}"), 1))
}

/// Runs the command and returns what it prints.
fn dig(args: &[String]) -> Result<String, Failure> {
    let Some(args) = parse_args(args)? else {
        return Ok(HELP.to_string());
    };
    let qname = parse_name(&args.name, "name")?;
    let zone = load_zone(&args)?;
    let answer = lookup(&zone, &qname, args.rtype);
    let id = SimRng::derive(0, RNG_ID).next_u16();
    let mut out = wire::dig((qname, args.rtype), &answer, id);
    if args.trace {
        out.push_str(";; TRACE:\n");
        for step in &answer.trace {
            let tag = match step.kind {
                StepKind::Rule => "",
                StepKind::Route53Note => "Route 53 note: ",
            };
            out.push_str(&format!(";; {tag}[{}] {}\n", step.rule, step.text));
        }
    }
    Ok(out)
}

/// The `dig` entry in `COMMANDS`.
pub fn run(args: &[String]) -> ExitCode {
    match dig(args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(Failure(msg, code)) => {
            eprintln!("{msg}");
            ExitCode::from(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_args(args: &[&str]) -> Result<String, Failure> {
        dig(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn bad_arguments_exit_2_with_a_clear_message() {
        let cases: [(&[&str], &str); 7] = [
            (&[], "missing NAME"),
            (&["www.example.com", "BOGUS"], "unknown record type 'BOGUS'"),
            (&["a", "A", "extra"], "unexpected argument 'extra'"),
            (&["--zone-file"], "--zone-file needs a value"),
            (
                &["--origin", "x.", "www"],
                "--origin only applies with --zone-file",
            ),
            (&["--frobnicate", "www"], "unknown option '--frobnicate'"),
            (&["a..b"], "bad name 'a..b'"),
        ];
        for (args, msg) in cases {
            let Failure(text, code) = run_args(args).expect_err(msg);
            assert_eq!(code, 2, "{msg}");
            assert!(text.contains(msg), "{text}");
        }
    }

    #[test]
    fn answers_from_the_built_in_zone_as_dig_prints() {
        let out = run_args(&["api.example.com", "a"]).unwrap();
        assert!(out.contains("status: NOERROR"), "{out}");
        assert!(out.contains(";; flags: qr aa;"), "{out}");
        assert!(
            out.contains("api.example.com.\t300\tIN\tCNAME\twww.example.com."),
            "{out}"
        );
        assert!(
            out.contains("example.com.\t\t300\tIN\tA\t192.0.2.1"),
            "{out}"
        );
        let nx = run_args(&["nope.example.com"]).unwrap();
        assert!(nx.contains("status: NXDOMAIN"), "{nx}");
        let referral = run_args(&["--trace", "x.dev.example.com"]).unwrap();
        assert!(referral.contains(";; flags: qr;"), "{referral}");
        assert!(referral.contains("RFC 1034 §4.3.2 step 3b"), "{referral}");
    }

    #[test]
    fn same_question_same_message_id() {
        assert_eq!(
            run_args(&["example.com", "MX"]),
            run_args(&["example.com", "MX"])
        );
    }

    #[test]
    fn unreadable_or_bad_zone_files_exit_1() {
        let Failure(msg, code) = run_args(&["--zone-file", "/nonexistent/zone", "x."]).unwrap_err();
        assert_eq!(code, 1);
        assert!(msg.contains("cannot read /nonexistent/zone"));
    }
}
