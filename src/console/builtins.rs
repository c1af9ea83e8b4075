//! The shell builtins the console offers besides `aws`/`awslocal`. Error
//! wording follows bash (`export: `1X': not a valid identifier`), the shell
//! most readers paste into.

use super::shell::is_name;
use super::{net, Console, ConsoleOutput, Stream, Variable};
use crate::engine::aws::AwsApi;

/// Status of a command that does not exist (POSIX §2.8.2).
pub const EXIT_NOT_FOUND: i32 = 127;

const HELP: &str = "\
The playground console runs a small POSIX-like shell.

Commands:
  aws route53 ...        the AWS CLI against the simulated Route 53
  awslocal route53 ...   the same, as with LocalStack
  echo [-n] WORDS        print words
  NAME=value             set a shell variable
  export NAME[=value]    set and export a variable; alone, list exported ones
  unset NAME             remove a variable
  printenv [NAME]        print exported variables
  history                list the lines typed so far
  true, false, exit [N]  statuses
  dig [@server] NAME [TYPE] [+short] [+trace]
                         resolve through the simulated internet
  curl [-v] [-i] [-f] URL
                         resolve the host, connect to its address and port
  sleep N, advance N     move the simulated clock (30, 1.5, 2m, 1h)

Quoting, $VAR, ${VAR}, ${VAR:-default}, $(command), &&, ||, ; and
\\-newline work as in sh.
Pipes, redirections and files are not available.
";

/// Runs builtin `name`, or answers `command not found`.
pub fn run<A: AwsApi>(console: &mut Console<A>, name: &str, args: &[String]) -> ConsoleOutput {
    match name {
        "echo" => echo(args),
        "export" => export(console, args),
        "unset" => unset(console, args),
        "printenv" | "env" => printenv(console, name, args),
        "history" => {
            let mut s = String::new();
            for (i, line) in console.history.iter().enumerate() {
                s.push_str(&format!("{:>5}  {line}\n", i + 1));
            }
            ConsoleOutput::out(s)
        }
        "true" | ":" => ConsoleOutput::default(),
        "false" => ConsoleOutput {
            status: 1,
            ..ConsoleOutput::default()
        },
        "exit" => {
            let code = match args.first() {
                None => Some(console.last_status),
                Some(a) => a.parse::<i32>().ok().map(|n| n & 0xff),
            };
            match code {
                Some(code) => {
                    console.exit_requested = Some(code);
                    ConsoleOutput {
                        status: code,
                        ..ConsoleOutput::default()
                    }
                }
                None => ConsoleOutput::err(
                    format!(
                        "console: exit: {}: numeric argument required\n",
                        args.join(" ")
                    ),
                    2,
                ),
            }
        }
        "help" => ConsoleOutput::out(HELP),
        "dig" | "curl" => {
            let now = console.context.now;
            let Some(network) = console.network.as_mut() else {
                return ConsoleOutput::err(
                    format!("console: {name}: no network is attached to this console\n"),
                    EXIT_NOT_FOUND,
                );
            };
            let printed = if name == "dig" {
                net::dig(network, &console.api, now, args)
            } else {
                net::curl(network, &console.api, now, args)
            };
            let mut out = ConsoleOutput::default();
            out.print(Stream::Stdout, printed.out);
            out.print(Stream::Stderr, printed.err);
            out.status = printed.status;
            out
        }
        "sleep" | "advance" => {
            let Some(ms) = args.first().and_then(|a| net::parse_duration(a)) else {
                return ConsoleOutput::err(
                    format!("console: {name}: expected a duration such as 30, 1.5, 2m or 1h\n"),
                    1,
                );
            };
            let now = console.context.now.plus_millis(ms);
            console.set_now(now);
            if name == "advance" {
                ConsoleOutput::out(format!("t={}\n", crate::engine::resolver::fmt_time(now)))
            } else {
                ConsoleOutput::default()
            }
        }
        _ => ConsoleOutput::err(
            format!(
                "console: {name}: command not found (the playground runs aws, awslocal and the \
                 builtins listed by `help`)\n"
            ),
            EXIT_NOT_FOUND,
        ),
    }
}

/// bash's `echo`: words joined by spaces; `-n` drops the newline; no
/// backslash escapes (bash's default, unlike dash).
fn echo(args: &[String]) -> ConsoleOutput {
    let (newline, words) = match args.first().map(String::as_str) {
        Some("-n") => (false, args.get(1..).unwrap_or(&[])),
        _ => (true, args),
    };
    let mut s = words.join(" ");
    if newline {
        s.push('\n');
    }
    ConsoleOutput::out(s)
}

fn not_identifier(cmd: &str, arg: &str) -> String {
    format!("console: {cmd}: `{arg}': not a valid identifier\n")
}

/// `export` quoting as bash's `declare -x` listing shows it, in POSIX
/// `export NAME='value'` form.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn export<A: AwsApi>(console: &mut Console<A>, args: &[String]) -> ConsoleOutput {
    let args: Vec<&String> = args.iter().filter(|a| a.as_str() != "-p").collect();
    if args.is_empty() {
        let mut s = String::new();
        for (name, v) in console.vars.iter().filter(|(_, v)| v.exported) {
            match &v.value {
                Some(value) => s.push_str(&format!("export {name}={}\n", shell_quote(value))),
                None => s.push_str(&format!("export {name}\n")),
            }
        }
        return ConsoleOutput::out(s);
    }
    let mut out = ConsoleOutput::default();
    for arg in args {
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (arg.as_str(), None),
        };
        if !is_name(name) {
            out.append(ConsoleOutput::err(not_identifier("export", arg), 1));
            continue;
        }
        match value {
            Some(v) => console.set_variable(name, v, true),
            None => {
                console
                    .vars
                    .entry(name.to_string())
                    .or_insert(Variable {
                        value: None,
                        exported: true,
                    })
                    .exported = true;
            }
        }
    }
    out
}

fn unset<A: AwsApi>(console: &mut Console<A>, args: &[String]) -> ConsoleOutput {
    let mut out = ConsoleOutput::default();
    for arg in args.iter().filter(|a| !matches!(a.as_str(), "-v" | "-f")) {
        if !is_name(arg) {
            out.append(ConsoleOutput::err(not_identifier("unset", arg), 1));
            continue;
        }
        console.vars.remove(arg.as_str());
    }
    out
}

fn printenv<A: AwsApi>(console: &Console<A>, cmd: &str, args: &[String]) -> ConsoleOutput {
    let exported = |name: &str| {
        console
            .vars
            .get(name)
            .filter(|v| v.exported)
            .and_then(|v| v.value.clone())
    };
    if args.is_empty() || cmd == "env" {
        let mut s = String::new();
        for (name, v) in console.vars.iter().filter(|(_, v)| v.exported) {
            if let Some(value) = &v.value {
                s.push_str(&format!("{name}={value}\n"));
            }
        }
        return ConsoleOutput::out(s);
    }
    let mut out = ConsoleOutput::default();
    let mut missing = false;
    for name in args {
        match exported(name) {
            Some(v) => out.print(super::Stream::Stdout, format!("{v}\n")),
            None => missing = true,
        }
    }
    // printenv exits 1 when a named variable is not in the environment.
    out.status = i32::from(missing);
    out
}
