//! Turns shell text into [`AndOr`] lists, one at a time, so a script runs
//! command by command and a syntax error late in a script stops it there, as
//! `sh` does with a script file.

use super::{AndOr, Connector, SimpleCommand};

/// How deep `$(...)` may nest; deeper input is refused instead of
/// overflowing the stack.
pub(super) const MAX_NESTING: usize = 16;

/// Why the text could not be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The text ends inside a quote, a `$(`, after `&&`/`||` or a trailing
    /// backslash: an interactive console should ask for another line.
    Incomplete,
    /// The text can never become a valid command.
    Syntax,
}

/// A parse failure with the place it refers to (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Incomplete input or a real syntax error.
    pub kind: ParseErrorKind,
    /// What went wrong.
    pub message: String,
    /// 1-based line of the construct at fault (the opening quote for an
    /// unterminated quote).
    pub line: usize,
    /// 1-based column on that line.
    pub column: usize,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "syntax error at line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ParseError {}

/// True when `text` ends in the middle of a command (open quote, open
/// `$(`, trailing `\`, `&&` or `||`): the console should read another line
/// and parse the lines together.
pub fn needs_more_input(text: &str) -> bool {
    let mut p = Parser::new(text);
    loop {
        match p.next_command() {
            Ok(Some(_)) => continue,
            Ok(None) => return false,
            Err(e) => return e.kind == ParseErrorKind::Incomplete,
        }
    }
}

/// An incremental parser over a whole script.
pub struct Parser {
    pub(super) chars: Vec<char>,
    pub(super) pos: usize,
    /// Line and column of `chars[0]` in the text the user typed (for
    /// backquoted substitutions parsed separately).
    pub(super) origin: (usize, usize),
    pub(super) depth: usize,
    /// Index of the first character of each line after the first, so a
    /// location costs a binary search, not a scan (scripts can be long).
    line_starts: Vec<usize>,
}

impl Parser {
    /// A parser over `text`.
    pub fn new(text: &str) -> Parser {
        let chars: Vec<char> = text.chars().collect();
        let line_starts = chars
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == '\n')
            .map(|(i, _)| i + 1)
            .collect();
        Parser {
            chars,
            pos: 0,
            origin: (1, 1),
            depth: 0,
            line_starts,
        }
    }

    /// The next `a && b || c` list, or `None` at the end of the text.
    pub fn next_command(&mut self) -> Result<Option<AndOr>, ParseError> {
        self.and_or(false)
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    pub(super) fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }

    pub(super) fn location(&self, pos: usize) -> (usize, usize) {
        // Number of newlines before `pos`.
        let newlines = self.line_starts.partition_point(|start| *start <= pos);
        match newlines
            .checked_sub(1)
            .and_then(|k| self.line_starts.get(k))
        {
            Some(start) => (self.origin.0 + newlines, pos - start + 1),
            None => (self.origin.0, self.origin.1 + pos),
        }
    }

    pub(super) fn error(
        &self,
        kind: ParseErrorKind,
        pos: usize,
        message: impl Into<String>,
    ) -> ParseError {
        let (line, column) = self.location(pos);
        ParseError {
            kind,
            message: message.into(),
            line,
            column,
        }
    }

    /// Skips blanks, backslash-newlines and comments, never a newline.
    fn skip_blanks(&mut self) {
        loop {
            match self.peek() {
                Some(' ') | Some('\t') | Some('\r') => self.pos += 1,
                Some('\\') if self.peek_at(1) == Some('\n') => self.pos += 2,
                Some('#') => {
                    while let Some(c) = self.peek() {
                        if c == '\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                _ => return,
            }
        }
    }

    /// An unescaped backslash-newline at the very end: the command goes on
    /// in the next line the user has not typed yet (POSIX §2.2.1).
    fn ends_with_continuation(&self) -> bool {
        let Some(body) = self.chars.strip_suffix(&['\n']) else {
            return false;
        };
        let slashes = body.iter().rev().take_while(|c| **c == '\\').count();
        slashes % 2 == 1
    }

    pub(super) fn and_or(&mut self, nested: bool) -> Result<Option<AndOr>, ParseError> {
        let mut list: Option<AndOr> = None;
        let mut pending: Option<(Connector, usize)> = None;
        loop {
            self.skip_blanks();
            let start = self.pos;
            match self.peek() {
                None => {
                    if self.ends_with_continuation() {
                        return Err(self.error(
                            ParseErrorKind::Incomplete,
                            self.chars.len().saturating_sub(2),
                            "the line ends with `\\`, so it continues on the next line",
                        ));
                    }
                    if let Some((c, at)) = pending {
                        return Err(self.error(
                            ParseErrorKind::Incomplete,
                            at,
                            format!("a command must follow `{}`", connector_text(c)),
                        ));
                    }
                    return Ok(list);
                }
                Some('\n') => {
                    self.pos += 1;
                    if list.is_some() && pending.is_none() {
                        return Ok(list);
                    }
                }
                Some(';') => {
                    if list.is_none() || pending.is_some() {
                        return Err(self.error(
                            ParseErrorKind::Syntax,
                            start,
                            "unexpected `;`: no command before it",
                        ));
                    }
                    self.pos += 1;
                    return Ok(list);
                }
                Some(')') if nested => {
                    if let Some((c, at)) = pending {
                        return Err(self.error(
                            ParseErrorKind::Syntax,
                            at,
                            format!("a command must follow `{}`", connector_text(c)),
                        ));
                    }
                    return Ok(list);
                }
                Some(c @ ('&' | '|')) if self.peek_at(1) == Some(c) => {
                    let conn = if c == '&' {
                        Connector::And
                    } else {
                        Connector::Or
                    };
                    if list.is_none() || pending.is_some() {
                        return Err(self.error(
                            ParseErrorKind::Syntax,
                            start,
                            format!(
                                "unexpected `{}`: no command before it",
                                connector_text(conn)
                            ),
                        ));
                    }
                    self.pos += 2;
                    pending = Some((conn, start));
                }
                Some(c @ ('|' | '&' | '<' | '>' | '(' | ')')) => {
                    return Err(self.error(ParseErrorKind::Syntax, start, unsupported(c)));
                }
                Some(_) => {
                    let cmd = self.simple_command()?;
                    match (&mut list, pending.take()) {
                        (None, _) => {
                            list = Some(AndOr {
                                first: cmd,
                                rest: Vec::new(),
                            })
                        }
                        (Some(l), Some((conn, _))) => l.rest.push((conn, cmd)),
                        (Some(_), None) => {
                            // simple_command stops only at an operator or
                            // newline, so two commands never meet here.
                            return Err(self.error(
                                ParseErrorKind::Syntax,
                                start,
                                "unexpected word",
                            ));
                        }
                    }
                }
            }
        }
    }

    fn simple_command(&mut self) -> Result<SimpleCommand, ParseError> {
        let (line, _) = self.location(self.pos);
        let mut words = Vec::new();
        loop {
            self.skip_blanks();
            match self.peek() {
                None | Some('\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')') => break,
                Some(_) => words.push(self.word()?),
            }
        }
        Ok(SimpleCommand { words, line })
    }
}

fn connector_text(c: Connector) -> &'static str {
    match c {
        Connector::And => "&&",
        Connector::Or => "||",
    }
}

fn unsupported(c: char) -> &'static str {
    match c {
        '|' => "pipes (`|`) are not supported in the playground console",
        '&' => "background jobs (`&`) are not supported in the playground console",
        '<' | '>' => {
            "redirections (`<`, `>`) are not supported: the playground console has no files"
        }
        '(' => "subshells `( ... )` are not supported in the playground console",
        _ => "unexpected `)`",
    }
}
