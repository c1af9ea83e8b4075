//! A POSIX-shell-like front end: enough of `sh` to paste the commands people
//! copy from blog posts and AWS documentation.
//!
//! Supported (POSIX.1-2017 XCU §2 "Shell Command Language"): single quotes
//! (§2.2.2, may span lines), double quotes with `$VAR`, `${VAR}`, `$(...)`
//! and the four backslash escapes of §2.2.3, `${VAR:-word}` and the other
//! §2.6.2 operators (`-`, `=`, `+`, `?`, each with or without `:`),
//! `${#VAR}`, backslash-newline continuation
//! (§2.2.1), `#` comments (§2.3), `;`, newline, `&&` and `||` lists (§2.9.3),
//! assignments (§2.9.1), command substitution with trailing newlines removed
//! (§2.6.3) and field splitting of unquoted expansions on blanks (§2.6.5).
//!
//! Deliberately missing, each answered with a clear error: pipes,
//! redirections, background jobs, subshells and arithmetic. Pathname
//! expansion (globbing) is skipped because the playground has no files, so a
//! `*` stays a literal `*` (what `sh` does when nothing matches).

mod brace;
mod expand;
mod parse;
#[cfg(test)]
mod tests;
mod word;

pub use expand::{expand_assignment, expand_word, ExpandError, Expander, MAX_EXPANSION_LEN};
pub use parse::{needs_more_input, ParseError, ParseErrorKind, Parser};

/// `a && b || c`: commands joined by AND-OR operators (POSIX §2.9.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AndOr {
    /// The first command, always run.
    pub first: SimpleCommand,
    /// The following commands, each run or skipped by its connector and the
    /// previous exit status.
    pub rest: Vec<(Connector, SimpleCommand)>,
}

/// How a command in an [`AndOr`] list depends on the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connector {
    /// `&&`: run when the previous command succeeded.
    And,
    /// `||`: run when the previous command failed.
    Or,
}

/// Words of one command (assignments included), before expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimpleCommand {
    /// The words in order.
    pub words: Vec<Word>,
    /// The 1-based line the command starts on, for error messages.
    pub line: usize,
}

/// One shell word as typed: literal pieces and expansions, each marked as
/// quoted or not (quoting decides field splitting).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// The pieces in order.
    pub parts: Vec<Part>,
}

/// A piece of a [`Word`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text taken literally. `quoted` text is never split and makes the word
    /// count even when empty (`''` is one empty argument).
    Lit {
        /// The text.
        text: String,
        /// Whether it came from quotes or a backslash escape.
        quoted: bool,
    },
    /// `$NAME`, `${NAME}` or `$?`.
    Var {
        /// The variable name.
        name: String,
        /// Inside double quotes (not field-split).
        quoted: bool,
    },
    /// `${NAME:-word}` and the other operators of POSIX §2.6.2.
    Param {
        /// The variable name.
        name: String,
        /// What to do when the variable is unset (or empty, with `colon`).
        op: ParamOp,
        /// `:` given: an empty value counts as unset.
        colon: bool,
        /// The word after the operator.
        word: Word,
        /// Inside double quotes (not field-split).
        quoted: bool,
    },
    /// `${#NAME}`: the length of the value in characters.
    Length {
        /// The variable name.
        name: String,
        /// Inside double quotes (not field-split).
        quoted: bool,
    },
    /// `$(...)` or `` `...` ``: the parsed commands inside.
    Subst {
        /// The commands to run.
        script: Vec<AndOr>,
        /// Inside double quotes (not field-split).
        quoted: bool,
    },
}

/// The operator of a `${NAME<op>word}` expansion (POSIX §2.6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamOp {
    /// `-`: use `word` when unset.
    Default,
    /// `=`: assign `word` when unset, then use it.
    Assign,
    /// `+`: use `word` when set, else nothing.
    Alternative,
    /// `?`: fail with `word` as the message when unset.
    Error,
}

/// `NAME=value` at the start of a command: the name if `word` is an
/// assignment (POSIX §2.9.1: the part before `=` is an unquoted valid name).
pub fn assignment_name(word: &Word) -> Option<&str> {
    let Some(Part::Lit {
        text,
        quoted: false,
    }) = word.parts.first()
    else {
        return None;
    };
    let (name, _) = text.split_once('=')?;
    is_name(name).then_some(name)
}

/// A valid shell variable name: a letter or `_`, then letters, digits, `_`
/// (POSIX XBD §3.235 "Name").
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
