//! `dnsplay console [--scenario FILE] [--state FILE] [SCRIPT]`: runs console
//! commands (the same interpreter as the browser console) from a script
//! file or standard input and prints what the console prints.
//!
//! With `--scenario`, the console starts on that scenario's Route 53 (the
//! JSON `dnsplay simulate` reads) with its world and faults attached, so
//! `aws route53 get-health-check-status` runs the failover clock up to the
//! console's time (moved by `sleep`/`advance`) and `curl` reaches the
//! scenario's apps. With `--state`, the simulated Route 53 is loaded from
//! FILE before the run and written back after it, like a local Route 53
//! kept between runs. Together, the state file (once it exists) supplies
//! the zones and health checks and the scenario only the world: edits made
//! on top of a scenario survive between runs, and the world is never saved.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use dnsplay::console::{needs_more_input, Console, ConsoleOutput, Stream};
use dnsplay::engine::aws::AwsApi;
use dnsplay::engine::route53::Route53;
use dnsplay::scenario::model::Scenario;

const USAGE: &str = "Usage: dnsplay console [--scenario FILE] [--state FILE] [SCRIPT]\n\n\
Runs aws/awslocal route53 commands and shell builtins from SCRIPT (or standard\n\
input) against the simulated Route 53 and prints what the console prints.\n\n\
Options:\n  --scenario FILE  start from a scenario (JSON, as `dnsplay simulate` reads):\n                   its zones and health checks, with its world and faults\n                   attached for get-health-check-status, dig and curl\n  --state FILE     load the simulated Route 53 from FILE and save it back after\n                   the run; with --scenario, an existing FILE's zones and\n                   checks replace the scenario's (its world still applies)\n  -h, --help       print this help\n";

/// The simulated AWS the console calls: Route 53, kept in the --state file.
type Backend = Route53;

/// The seed of a fresh state: fixed, so the same script prints the same
/// zone and change ids on every run.
const FRESH_STATE_SEED: u64 = 1;

/// Exit status for a bad command line or scenario file.
const EXIT_BAD_INPUT: u8 = 2;

/// Why the backend could not be built, with the exit status to report.
#[derive(Debug)]
pub struct LoadError {
    message: String,
    status: u8,
}

/// The texts the backend is built from.
pub struct Sources<'a> {
    /// The --state file's text (`None`: no --state, or no file yet).
    pub state: Option<&'a str>,
    /// The --scenario file's path and text.
    pub scenario: Option<(&'a str, &'a str)>,
}

/// Builds the backend: the state file's Route 53 if there is one, else the
/// scenario's, else a fresh one; then the scenario's world attached.
fn backend_from(sources: Sources<'_>) -> Result<Backend, LoadError> {
    let scenario = match sources.scenario {
        None => None,
        Some((path, text)) => Some(Scenario::from_json(text).map_err(|e| LoadError {
            message: format!("{path} is not a dnsplay scenario: {e}"),
            status: EXIT_BAD_INPUT,
        })?),
    };
    let saved = match sources.state {
        Some(text) if !text.trim().is_empty() => Some(
            serde_json::from_str::<Backend>(text).map_err(|e| LoadError {
                message: format!("the state file is not a dnsplay Route 53 state: {e}"),
                status: 1,
            })?,
        ),
        _ => None,
    };
    Ok(match (scenario, saved) {
        (None, saved) => saved.unwrap_or_else(|| Route53::new(FRESH_STATE_SEED)),
        (Some(s), None) => s.attached_route53(),
        (Some(s), Some(mut r53)) => {
            r53.attach_world(s.run_world(), s.faults.clone(), s.sim_options(true));
            r53
        }
    })
}

/// The text to write to the --state file after the run (the attached
/// world is not part of it).
fn backend_to_state(backend: &Backend) -> Result<String, String> {
    serde_json::to_string_pretty(backend).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------

/// Entry point listed in COMMANDS.
pub fn run(args: &[String]) -> ExitCode {
    // `dig` and `curl` resolve through the DNS tree built from the zones.
    run_with(args, backend_from, backend_to_state, |console| {
        console.set_network(dnsplay::console::net::route53_network(FRESH_STATE_SEED))
    })
}

struct Options {
    state: Option<String>,
    scenario: Option<String>,
    script: Option<String>,
}

/// `--name FILE` or `--name=FILE`: the file, moving `i` past it.
fn file_option(
    name: &str,
    arg: &str,
    args: &[String],
    i: &mut usize,
) -> Result<Option<String>, String> {
    if arg == name {
        let f = args.get(*i).ok_or_else(|| format!("{name} needs a FILE"))?;
        *i += 1;
        return Ok(Some(f.clone()));
    }
    Ok(arg
        .strip_prefix(name)
        .and_then(|rest| rest.strip_prefix('='))
        .map(str::to_string))
}

fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut opts = Options {
        state: None,
        scenario: None,
        script: None,
    };
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        if let Some(f) = file_option("--state", arg, args, &mut i)? {
            opts.state = Some(f);
        } else if let Some(f) = file_option("--scenario", arg, args, &mut i)? {
            opts.scenario = Some(f);
        } else if arg.starts_with('-') && arg != "-" {
            return Err(format!("unknown option '{arg}'"));
        } else if opts.script.is_none() {
            opts.script = Some(arg.clone());
        } else {
            return Err(format!("unexpected argument '{arg}'"));
        }
    }
    Ok(Some(opts))
}

fn print(out: &ConsoleOutput, stdout: &mut dyn Write, stderr: &mut dyn Write) {
    for (stream, text) in &out.transcript {
        // A closed pipe (`| head`) is not worth a panic.
        let _ = match stream {
            Stream::Stdout => stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush()),
            Stream::Stderr => stderr.write_all(text.as_bytes()),
        };
    }
}

/// Feeds complete commands to `console` as they arrive, so typed lines
/// answer at once and a multi-line quote waits for its closing line.
/// Returns the status of the last command.
fn run_io<B: AwsApi>(
    console: &mut Console<B>,
    input: impl BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<i32, String> {
    let mut status = 0;
    let mut buffer = String::new();
    for line in input.lines() {
        let line = line.map_err(|e| format!("read error: {e}"))?;
        buffer.push_str(&line);
        buffer.push('\n');
        if needs_more_input(&buffer) {
            continue;
        }
        let out = console.run_line(&std::mem::take(&mut buffer));
        print(&out, stdout, stderr);
        status = out.status;
        if out.stopped {
            return Ok(status);
        }
    }
    if !buffer.trim().is_empty() {
        // The input ended inside a command: report it as sh would.
        let out = console.run_line(&buffer);
        print(&out, stdout, stderr);
        status = out.status;
    }
    Ok(status)
}

/// Runs the subcommand with any backend: `load` builds it from the state
/// and scenario files' texts, `save` turns it back into text for the state
/// file.
pub fn run_with<B: AwsApi>(
    args: &[String],
    load: impl FnOnce(Sources<'_>) -> Result<B, LoadError>,
    save: impl FnOnce(&B) -> Result<String, String>,
    setup: impl FnOnce(&mut Console<B>),
) -> ExitCode {
    let opts = match parse_args(args) {
        Ok(Some(o)) => o,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("dnsplay console: {e}\n\n{USAGE}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let state_text = match &opts.state {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                eprintln!("dnsplay console: cannot read state file {path}: {e}");
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    let scenario_text = match &opts.scenario {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => Some((path.as_str(), t)),
            Err(e) => {
                eprintln!("dnsplay console: cannot read scenario {path}: {e}");
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        },
        None => None,
    };
    let sources = Sources {
        state: state_text.as_deref(),
        scenario: scenario_text.as_ref().map(|(p, t)| (*p, t.as_str())),
    };
    let backend = match load(sources) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("dnsplay console: {}", e.message);
            return ExitCode::from(e.status);
        }
    };
    let reader: Box<dyn BufRead> = match opts.script.as_deref() {
        None | Some("-") => Box::new(std::io::stdin().lock()),
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(std::io::BufReader::new(f)),
            Err(e) => {
                eprintln!("dnsplay console: cannot read {path}: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let mut console = Console::new(backend);
    setup(&mut console);
    let (mut stdout, mut stderr) = (std::io::stdout(), std::io::stderr());
    let status = match run_io(&mut console, reader, &mut stdout, &mut stderr) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dnsplay console: {e}");
            return ExitCode::from(1);
        }
    };
    if let Some(path) = &opts.state {
        let saved = save(console.api()).and_then(|text| {
            std::fs::write(path, text).map_err(|e| format!("cannot write state file {path}: {e}"))
        });
        if let Err(e) = saved {
            eprintln!("dnsplay console: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::from(u8::try_from(status & 0xff).unwrap_or(1))
}

#[cfg(test)]
mod tests;
