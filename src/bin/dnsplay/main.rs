//! `dnsplay`: the native command line for scenarios kept in a repository.
//!
//! Each subcommand lives in its own file beside this one and is listed in
//! [`COMMANDS`]; `main` only dispatches.

mod console;
mod dig;
mod export;
mod link;
mod open;
mod scenario_file;
mod simulate;
mod traffic;

use std::process::ExitCode;

/// A subcommand: its name, a one-line summary for `--help`, and its entry.
struct Command {
    name: &'static str,
    summary: &'static str,
    run: fn(&[String]) -> ExitCode,
}

/// Every subcommand, in the order `--help` lists them.
const COMMANDS: &[Command] = &[
    Command {
        name: "console",
        summary: "run aws/awslocal route53 commands from a script or stdin",
        run: console::run,
    },
    Command {
        name: "export",
        summary: "print a scenario's hosted zone as a zone file, change batch, awslocal script or Terraform",
        run: export::run,
    },
    Command {
        name: "link",
        summary: "print the share link of a scenario file",
        run: link::run,
    },
    Command {
        name: "open",
        summary: "print the scenario a share link holds, as JSON",
        run: open::run,
    },
    Command {
        name: "dig",
        summary: "answer a DNS question from a zone file, printed as `dig +norec` shows it",
        run: dig::run,
    },
    Command {
        name: "simulate",
        summary: simulate::SUMMARY,
        run: simulate::run,
    },
    Command {
        name: "traffic",
        summary: traffic::SUMMARY,
        run: traffic::run,
    },
];

fn help() -> String {
    let mut s = String::from(
        "dnsplay - a DNS and Route 53 failover playground\n\n\
         Usage: dnsplay [OPTIONS] [COMMAND] [ARGS...]\n\n\
         Options:\n  -h, --help       Print this help\n  -V, --version    Print the version\n",
    );
    if !COMMANDS.is_empty() {
        s.push_str("\nCommands:\n");
        for c in COMMANDS {
            s.push_str(&format!("  {:<12} {}\n", c.name, c.summary));
        }
    }
    s.push_str(
        "\nThe playground itself runs in the browser: `make run`, then open http://127.0.0.1:8080.\n",
    );
    s
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("-h") | Some("--help") | Some("help") => {
            print!("{}", help());
            ExitCode::SUCCESS
        }
        Some("-V") | Some("--version") => {
            println!("dnsplay {}", dnsplay::VERSION);
            ExitCode::SUCCESS
        }
        Some(name) => match COMMANDS.iter().find(|c| c.name == name) {
            Some(c) => (c.run)(&args[1..]),
            None => {
                eprintln!("dnsplay: unknown command or option '{name}'\n\n{}", help());
                ExitCode::from(2)
            }
        },
    }
}
