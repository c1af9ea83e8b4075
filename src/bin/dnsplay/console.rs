//! `dnsplay console [--state FILE] [SCRIPT]`: runs console commands (the
//! same interpreter as the browser console) from a script file or standard
//! input and prints what the console prints. With `--state`, the simulated
//! Route 53 is loaded from FILE before the run and written back after it,
//! like a local Route 53 kept between runs.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use dnsplay::console::{needs_more_input, Console, ConsoleOutput, Stream};
use dnsplay::engine::aws::AwsApi;
use dnsplay::engine::route53::Route53;

const USAGE: &str = "Usage: dnsplay console [--state FILE] [SCRIPT]\n\n\
Runs aws/awslocal route53 commands and shell builtins from SCRIPT (or standard\n\
input) against the simulated Route 53 and prints what the console prints.\n\n\
Options:\n  --state FILE   load the simulated Route 53 from FILE and save it back after the run\n  -h, --help     print this help\n";

/// The simulated AWS the console calls: Route 53, kept in the --state file.
type Backend = Route53;

/// The seed of a fresh state: fixed, so the same script prints the same
/// zone and change ids on every run.
const FRESH_STATE_SEED: u64 = 1;

/// Builds the backend from the --state file's text (`None`: no file yet).
fn backend_from_state(state: Option<&str>) -> Result<Backend, String> {
    match state {
        None => Ok(Route53::new(FRESH_STATE_SEED)),
        Some(text) if text.trim().is_empty() => Ok(Route53::new(FRESH_STATE_SEED)),
        Some(text) => serde_json::from_str(text)
            .map_err(|e| format!("the state file is not a dnsplay Route 53 state: {e}")),
    }
}

/// The text to write to the --state file after the run.
fn backend_to_state(backend: &Backend) -> Result<String, String> {
    serde_json::to_string_pretty(backend).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------

/// Entry point listed in COMMANDS.
pub fn run(args: &[String]) -> ExitCode {
    // `dig` and `curl` resolve through the DNS tree built from the zones.
    run_with(args, backend_from_state, backend_to_state, |console| {
        console.set_network(dnsplay::console::net::route53_network(FRESH_STATE_SEED))
    })
}

struct Options {
    state: Option<String>,
    script: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut opts = Options {
        state: None,
        script: None,
    };
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--state" => match args.get(i) {
                Some(f) => {
                    opts.state = Some(f.clone());
                    i += 1;
                }
                None => return Err("--state needs a FILE".into()),
            },
            a if a.starts_with("--state=") => opts.state = Some(a["--state=".len()..].to_string()),
            a if a.starts_with('-') && a != "-" => return Err(format!("unknown option '{a}'")),
            a if opts.script.is_none() => opts.script = Some(a.to_string()),
            a => return Err(format!("unexpected argument '{a}'")),
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
/// file's text (`None` when there is no file), `save` turns it back into
/// text for the file.
pub fn run_with<B: AwsApi>(
    args: &[String],
    load: impl FnOnce(Option<&str>) -> Result<B, String>,
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
            return ExitCode::from(2);
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
    let backend = match load(state_text.as_deref()) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("dnsplay console: {e}");
            return ExitCode::from(1);
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
mod tests {
    use super::*;
    use dnsplay::engine::aws::{ApiError, CallContext};
    use serde_json::{json, Value};

    /// Remembers zone names; its state is the list as JSON.
    struct Zones(Vec<String>);

    impl AwsApi for Zones {
        fn call(
            &mut self,
            _: &str,
            op: &str,
            input: &Value,
            _: CallContext,
        ) -> Result<Value, ApiError> {
            if op == "CreateHostedZone" {
                self.0
                    .push(input["Name"].as_str().unwrap_or("").to_string());
            }
            Ok(
                json!({"HostedZones": self.0.iter().map(|n| json!({"Name": n})).collect::<Vec<_>>()}),
            )
        }
    }

    fn run_text(console: &mut Console<Zones>, text: &str) -> (i32, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = run_io(console, text.as_bytes(), &mut out, &mut err).unwrap();
        (
            status,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn feeds_complete_commands_and_stops_like_sh() {
        let mut c = Console::new(Zones(Vec::new()));
        let (status, out, err) = run_text(
            &mut c,
            "echo 'a\nb'\naws route53 create-hosted-zone --name x.com --caller-reference r \\\n  --query 'HostedZones[0].Name' --output text\nexit 3\necho never\n",
        );
        assert_eq!(
            (status, out.as_str(), err.as_str()),
            (3, "a\nb\nx.com\n", "")
        );
        // Input ending inside a quote is a syntax error, status 2.
        let (status, _, err) = run_text(&mut c, "echo 'open\n");
        assert_eq!(status, 2);
        assert!(err.contains("unterminated single quote"), "{err}");
    }

    #[test]
    fn options() {
        assert!(parse_args(&["--help".into()]).unwrap().is_none());
        let o = parse_args(&["--state".into(), "s.json".into(), "run.sh".into()])
            .unwrap()
            .unwrap();
        assert_eq!(
            (o.state.as_deref(), o.script.as_deref()),
            (Some("s.json"), Some("run.sh"))
        );
        let o = parse_args(&["--state=s.json".into()]).unwrap().unwrap();
        assert_eq!(o.state.as_deref(), Some("s.json"));
        assert!(parse_args(&["--state".into()]).is_err());
        assert!(parse_args(&["--bogus".into()]).is_err());
        assert!(parse_args(&["a".into(), "b".into()]).is_err());
    }
}
