//! The console interpreter shared by the browser console and `dnsplay
//! console`: a small POSIX-like shell ([`shell`]) whose commands are `aws`
//! / `awslocal` ([`awscli`]) and a few builtins (`echo`, `export`, `unset`,
//! `printenv`, `history`, `true`, `false`, `exit`, `help`).
//!
//! The console talks to simulated AWS only through
//! [`crate::engine::aws::AwsApi`], so the same commands run
//! against any backend. Pure Rust: no processes, no files, no clock; the
//! simulated time of each call is [`Console::context`], set by the caller.
//!
//! ```
//! use dnsplay::console::Console;
//! use dnsplay::engine::aws::{ApiError, AwsApi, CallContext};
//! use serde_json::{json, Value};
//!
//! struct Echo;
//! impl AwsApi for Echo {
//!     fn call(&mut self, _: &str, op: &str, input: &Value, _: CallContext) -> Result<Value, ApiError> {
//!         Ok(json!({"HostedZone": {"Id": format!("/hostedzone/{}", input["CallerReference"].as_str().unwrap_or(""))}}))
//!     }
//! }
//!
//! let mut console = Console::new(Echo);
//! let out = console.run_script(
//!     "ID=$(aws route53 create-hosted-zone --name a.com --caller-reference Z1 --query HostedZone.Id --output text)\n\
//!      echo \"zone $ID\"",
//! );
//! assert_eq!(out.stdout, "zone /hostedzone/Z1\n");
//! assert_eq!(out.status, 0);
//! ```
#![warn(missing_docs)]

pub mod awscli;
mod builtins;
pub mod jmespath;
pub mod net;
pub mod output;
pub mod shell;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::engine::aws::{ApiError, AwsApi, CallContext};
use crate::engine::time::SimTime;
use shell::{AndOr, Connector, ExpandError, Expander, Parser, SimpleCommand};

pub use shell::needs_more_input;

/// How deep `$(...)` may nest at run time (the parser refuses deeper text
/// too; this guards substitutions built by other means).
pub const MAX_SUBSTITUTION_DEPTH: usize = 16;

/// How many lines [`Console::history`] keeps.
pub const HISTORY_LIMIT: usize = 1000;

/// Which stream a piece of output went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Standard output.
    Stdout,
    /// Standard error.
    Stderr,
}

/// What a run printed: both streams apart, the same text in printing order
/// (for a UI that interleaves them as a terminal would), and the exit
/// status of the last command.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsoleOutput {
    /// Everything printed to standard output.
    pub stdout: String,
    /// Everything printed to standard error.
    pub stderr: String,
    /// The exit status of the last command run (0 = success).
    pub status: i32,
    /// The output in the order it was printed.
    pub transcript: Vec<(Stream, String)>,
    /// The script stopped before its end, at `exit` or a syntax error (as
    /// `sh script` stops); a caller feeding more lines should stop too.
    pub stopped: bool,
}

impl ConsoleOutput {
    /// Standard output `text`, status 0.
    pub fn out(text: impl Into<String>) -> ConsoleOutput {
        let mut o = ConsoleOutput::default();
        o.print(Stream::Stdout, text.into());
        o
    }

    /// Standard error `text` with `status`.
    pub fn err(text: impl Into<String>, status: i32) -> ConsoleOutput {
        let mut o = ConsoleOutput::default();
        o.print(Stream::Stderr, text.into());
        o.status = status;
        o
    }

    /// Appends `text` to `stream`.
    pub fn print(&mut self, stream: Stream, text: String) {
        if text.is_empty() {
            return;
        }
        match stream {
            Stream::Stdout => self.stdout.push_str(&text),
            Stream::Stderr => self.stderr.push_str(&text),
        }
        self.transcript.push((stream, text));
    }

    /// Appends everything `other` printed; the status becomes `other`'s.
    pub fn append(&mut self, other: ConsoleOutput) {
        for (stream, text) in other.transcript {
            self.print(stream, text);
        }
        self.status = other.status;
    }
}

/// A shell variable.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Variable {
    /// `None` after `export NAME` of a variable never set.
    value: Option<String>,
    exported: bool,
}

/// The console: shell variables, history and a backend.
pub struct Console<A: AwsApi> {
    api: A,
    vars: BTreeMap<String, Variable>,
    history: Vec<String>,
    /// The context (simulated time) passed with every AWS call. The caller
    /// moves time forward; the console never reads a clock.
    pub context: CallContext,
    last_status: i32,
    depth: usize,
    exit_requested: Option<i32>,
    /// Standard error of command substitutions, waiting to be printed by
    /// the command that ran them.
    pending_stderr: Vec<String>,
    /// What `dig` and `curl` see; none until the caller attaches one.
    network: Option<net::Network<A>>,
}

impl AwsApi for Box<dyn AwsApi> {
    fn call(
        &mut self,
        service: &str,
        operation: &str,
        input: &Value,
        ctx: CallContext,
    ) -> Result<Value, ApiError> {
        (**self).call(service, operation, input, ctx)
    }
}

impl<A: AwsApi> Console<A> {
    /// A console over `api`, at simulated time zero, with no variables.
    pub fn new(api: A) -> Console<A> {
        Console {
            api,
            vars: BTreeMap::new(),
            history: Vec::new(),
            context: CallContext { now: SimTime::ZERO },
            last_status: 0,
            depth: 0,
            exit_requested: None,
            pending_stderr: Vec::new(),
            network: None,
        }
    }

    /// Attaches the network `dig` and `curl` use (see [`net`]).
    pub fn set_network(&mut self, network: net::Network<A>) {
        self.network = Some(network);
    }

    /// The attached network, if any.
    pub fn network(&self) -> Option<&net::Network<A>> {
        self.network.as_ref()
    }

    /// The attached network, mutably (to change the resolver or client
    /// profile).
    pub fn network_mut(&mut self) -> Option<&mut net::Network<A>> {
        self.network.as_mut()
    }

    /// The backend.
    pub fn api(&self) -> &A {
        &self.api
    }

    /// The backend, mutably (to advance its own state between commands).
    pub fn api_mut(&mut self) -> &mut A {
        &mut self.api
    }

    /// Gives the backend back (to save its state).
    pub fn into_api(self) -> A {
        self.api
    }

    /// Sets the simulated time of the following calls.
    pub fn set_now(&mut self, now: SimTime) {
        self.context.now = now;
    }

    /// The value of a shell variable, `None` when unset.
    pub fn variable(&self, name: &str) -> Option<&str> {
        self.vars.get(name).and_then(|v| v.value.as_deref())
    }

    /// Sets a shell variable, as `NAME=value` (or `export NAME=value`) does.
    pub fn set_variable(&mut self, name: &str, value: &str, exported: bool) {
        let exported = exported || self.vars.get(name).is_some_and(|v| v.exported);
        self.vars.insert(
            name.to_string(),
            Variable {
                value: Some(value.to_string()),
                exported,
            },
        );
    }

    /// The lines given to [`Console::run_line`], oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// `$?`: the status of the last command.
    pub fn last_status(&self) -> i32 {
        self.last_status
    }

    /// Runs what the user typed at the prompt (possibly several lines, once
    /// [`needs_more_input`] says the command is complete) and records it in
    /// the history.
    pub fn run_line(&mut self, line: &str) -> ConsoleOutput {
        let entry = line.trim_end_matches('\n');
        if !entry.trim().is_empty() {
            if self.history.len() >= HISTORY_LIMIT {
                self.history.remove(0);
            }
            self.history.push(entry.to_string());
        }
        self.run_script(line)
    }

    /// Runs a script command by command, as `sh script` does: a syntax
    /// error stops it there (status 2), `exit` ends it; otherwise the status
    /// is the last command's.
    pub fn run_script(&mut self, text: &str) -> ConsoleOutput {
        self.exit_requested = None;
        let mut out = ConsoleOutput::default();
        let mut parser = Parser::new(text);
        loop {
            match parser.next_command() {
                Ok(Some(list)) => {
                    self.run_and_or(&list, &mut out);
                    if self.exit_requested.is_some() {
                        out.stopped = true;
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    out.print(Stream::Stderr, format!("console: {e}\n"));
                    self.last_status = 2;
                    out.stopped = true;
                    break;
                }
            }
        }
        out.status = self.exit_requested.take().unwrap_or(self.last_status);
        self.last_status = out.status;
        out
    }

    fn run_and_or(&mut self, list: &AndOr, out: &mut ConsoleOutput) {
        let mut status = self.run_simple(&list.first, out);
        for (conn, cmd) in &list.rest {
            if self.exit_requested.is_some() {
                return;
            }
            let run = match conn {
                Connector::And => status == 0,
                Connector::Or => status != 0,
            };
            if run {
                status = self.run_simple(cmd, out);
            }
        }
    }

    fn flush_pending(&mut self, out: &mut ConsoleOutput) {
        for text in std::mem::take(&mut self.pending_stderr) {
            out.print(Stream::Stderr, text);
        }
    }

    fn run_simple(&mut self, cmd: &SimpleCommand, out: &mut ConsoleOutput) -> i32 {
        let mut assignments = Vec::new();
        let mut argv: Vec<String> = Vec::new();
        let mut subst_status = None;
        for word in &cmd.words {
            let had_subst = word
                .parts
                .iter()
                .any(|p| matches!(p, shell::Part::Subst { .. }));
            let result = match shell::assignment_name(word) {
                Some(name) if argv.is_empty() => shell::expand_assignment(word, self)
                    .map(|v| assignments.push((name.to_string(), v))),
                _ => shell::expand_word(word, self).map(|f| argv.extend(f)),
            };
            self.flush_pending(out);
            if let Err(e) = result {
                out.print(Stream::Stderr, format!("console: line {}: {e}\n", cmd.line));
                self.last_status = 1;
                return 1;
            }
            if had_subst {
                subst_status = Some(self.last_status);
            }
        }
        let status = match argv.split_first() {
            None => {
                // POSIX §2.9.1: a command of assignments only has the status
                // of its last command substitution, else 0.
                for (name, value) in assignments {
                    self.set_variable(&name, &value, false);
                }
                subst_status.unwrap_or(0)
            }
            // `NAME=value cmd` sets NAME for cmd only; none of the console's
            // commands reads the environment, so the value is dropped.
            Some((name, args)) => {
                let result = self.dispatch(name, args);
                let status = result.status;
                out.append(result);
                status
            }
        };
        self.last_status = status;
        out.status = status;
        status
    }

    fn dispatch(&mut self, name: &str, args: &[String]) -> ConsoleOutput {
        match name {
            "aws" | "awslocal" => {
                let vars = &self.vars;
                let env = |name: &str| {
                    vars.get(name)
                        .filter(|v| v.exported)
                        .and_then(|v| v.value.clone())
                };
                awscli::run(args, &env, &mut self.api, self.context)
            }
            _ => builtins::run(self, name, args),
        }
    }
}

impl<A: AwsApi> Expander for Console<A> {
    fn lookup(&self, name: &str) -> Option<String> {
        if name == "?" {
            return Some(self.last_status.to_string());
        }
        self.variable(name).map(str::to_string)
    }

    fn assign(&mut self, name: &str, value: &str) {
        self.set_variable(name, value, false);
    }

    fn substitute(&mut self, script: &[AndOr]) -> Result<String, ExpandError> {
        if self.depth >= MAX_SUBSTITUTION_DEPTH {
            return Err(ExpandError(format!(
                "command substitution nested more than {MAX_SUBSTITUTION_DEPTH} deep"
            )));
        }
        // `$(...)` runs in a subshell (POSIX §2.6.3): its variable changes
        // and `exit` stay inside; its AWS calls do not (they are the
        // simulated cloud's state, not the shell's).
        let saved_vars = self.vars.clone();
        let saved_exit = self.exit_requested.take();
        self.depth += 1;
        let mut out = ConsoleOutput::default();
        for list in script {
            self.run_and_or(list, &mut out);
            if self.exit_requested.is_some() {
                break;
            }
        }
        self.depth -= 1;
        if let Some(code) = self.exit_requested.take() {
            self.last_status = code;
        }
        self.exit_requested = saved_exit;
        self.vars = saved_vars;
        if !out.stderr.is_empty() {
            self.pending_stderr.push(out.stderr);
        }
        if out.stdout.len() > shell::MAX_EXPANSION_LEN {
            return Err(ExpandError(format!(
                "command substitution output longer than {} characters",
                shell::MAX_EXPANSION_LEN
            )));
        }
        Ok(out.stdout)
    }
}

#[cfg(test)]
mod tests;
