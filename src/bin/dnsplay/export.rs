//! `dnsplay export --format zonefile|change-batch|awslocal|terraform
//! SCENARIO.json [--zone NAME]`: prints a hosted zone of a scenario in a
//! format people keep zones in (the first zone unless `--zone` names one).
//!
//! Exit status: 0 with the export on stdout; 2 for a usage problem
//! (unreadable file, not a scenario, no such zone, unknown format); 1 when
//! the zone has no zone-file form (BIND would refuse it).

use std::process::ExitCode;

use dnsplay::scenario::formats::awslocal::export_awslocal;
use dnsplay::scenario::formats::bind::export_bind;
use dnsplay::scenario::formats::change_batch::export_change_batch_json;
use dnsplay::scenario::formats::terraform::export_terraform;

const USAGE: &str =
    "Usage: dnsplay export --format zonefile|change-batch|awslocal|terraform SCENARIO.json [--zone NAME]

  --format FORMAT   zonefile (BIND), change-batch (Route 53 JSON), awslocal
                    (a LocalStack script) or terraform
  --zone NAME       the hosted zone to export (default: the first)
";

const FORMATS: &[&str] = &["zonefile", "change-batch", "awslocal", "terraform"];

#[derive(Debug, PartialEq, Eq)]
struct Args {
    path: String,
    format: String,
    zone: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut path = None;
    let mut format = None;
    let mut zone = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => {
                let f = it.next().ok_or("--format needs a format")?;
                if !FORMATS.contains(&f.as_str()) {
                    return Err(format!("unknown format '{f}': use {}", FORMATS.join(", ")));
                }
                format = Some(f.clone());
            }
            "--zone" => zone = Some(it.next().ok_or("--zone needs a zone name")?.clone()),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            s if path.is_none() => path = Some(s.to_string()),
            s => return Err(format!("unexpected argument '{s}'")),
        }
    }
    Ok(Args {
        path: path.ok_or("missing SCENARIO.json")?,
        format: format.ok_or("missing --format")?,
        zone,
    })
}

/// Entry point for `dnsplay export`.
pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let fail = |e: String, code: u8| {
        eprintln!("dnsplay export: {e}");
        ExitCode::from(code)
    };
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => return fail(format!("{e}\n\n{USAGE}"), 2),
    };
    let scenario = match crate::scenario_file::load(&args.path) {
        Ok(s) => s,
        Err(e) => return fail(e, 2),
    };
    let r53 = &scenario.route53;
    let wanted = args
        .zone
        .as_deref()
        .map(|z| format!("{}.", z.trim_end_matches('.').to_ascii_lowercase()));
    let zone = match &wanted {
        Some(name) => r53.zones.iter().find(|z| &z.name_text() == name),
        None => r53.zones.first(),
    };
    let Some(zone) = zone else {
        return fail(
            format!(
                "{}: no hosted zone {}",
                args.path,
                wanted.unwrap_or_default()
            ),
            2,
        );
    };
    let out = match args.format.as_str() {
        "zonefile" => match export_bind(zone) {
            Ok(t) => t,
            Err(e) => return fail(format!("{}: {e}", zone.name_text()), 1),
        },
        "change-batch" => export_change_batch_json(zone),
        "awslocal" => export_awslocal(r53, zone),
        _ => export_terraform(r53, zone),
    };
    print!("{out}");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let a = |v: &[&str]| parse_args(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            a(&["--format", "terraform", "s.json", "--zone", "example.com"]),
            Ok(Args {
                path: "s.json".into(),
                format: "terraform".into(),
                zone: Some("example.com".into()),
            })
        );
        assert!(a(&["s.json"]).is_err());
        assert!(a(&["--format", "yaml", "s.json"]).is_err());
        assert!(a(&["--format", "zonefile"]).is_err());
        assert!(a(&["--format", "zonefile", "s.json", "--frob"]).is_err());
    }
}
