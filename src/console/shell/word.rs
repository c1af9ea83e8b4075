//! One shell word: quoting (POSIX §2.2), parameter expansion markers and
//! command substitution (§2.6.2, §2.6.3), turned into [`Part`]s.

use super::parse::{ParseError, ParseErrorKind, Parser, MAX_NESTING};
use super::{Part, Word};

impl Parser {
    pub(super) fn word(&mut self) -> Result<Word, ParseError> {
        let mut word = Word::default();
        while let Some(c) = self.peek() {
            let start = self.pos;
            match c {
                ' ' | '\t' | '\r' | '\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')' => break,
                '\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some('\n') => self.pos += 1,
                        Some(e) => {
                            self.pos += 1;
                            push_lit(&mut word, e, true);
                        }
                        None => {
                            return Err(self.error(
                                ParseErrorKind::Incomplete,
                                start,
                                "the line ends with `\\`, so it continues on the next line",
                            ))
                        }
                    }
                }
                '\'' => self.single_quoted(&mut word)?,
                '"' => self.double_quoted(&mut word)?,
                '$' => self.dollar(&mut word, false)?,
                '`' => self.backquoted(&mut word, false)?,
                _ => {
                    self.pos += 1;
                    push_lit(&mut word, c, false);
                }
            }
        }
        Ok(word)
    }

    pub(super) fn single_quoted(&mut self, word: &mut Word) -> Result<(), ParseError> {
        let open = self.pos;
        self.pos += 1;
        let mut text = String::new();
        loop {
            match self.peek() {
                Some('\'') => break,
                Some(ch) => {
                    text.push(ch);
                    self.pos += 1;
                }
                None => {
                    return Err(self.error(
                        ParseErrorKind::Incomplete,
                        open,
                        "unterminated single quote: no closing `'`",
                    ))
                }
            }
        }
        self.pos += 1;
        push_str(word, &text, true);
        Ok(())
    }

    pub(super) fn double_quoted(&mut self, word: &mut Word) -> Result<(), ParseError> {
        let open = self.pos;
        self.pos += 1;
        // `""` is an empty argument, not nothing.
        push_str(word, "", true);
        loop {
            match self.peek() {
                None => {
                    return Err(self.error(
                        ParseErrorKind::Incomplete,
                        open,
                        "unterminated double quote: no closing `\"`",
                    ))
                }
                Some('"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some('\\') => {
                    self.pos += 1;
                    // POSIX §2.2.3: inside double quotes a backslash escapes
                    // only $ ` " \ and newline; elsewhere it stays.
                    match self.peek() {
                        Some('\n') => self.pos += 1,
                        Some(e @ ('$' | '`' | '"' | '\\')) => {
                            self.pos += 1;
                            push_lit(word, e, true);
                        }
                        _ => push_lit(word, '\\', true),
                    }
                }
                Some('$') => self.dollar(word, true)?,
                Some('`') => self.backquoted(word, true)?,
                Some(c) => {
                    self.pos += 1;
                    push_lit(word, c, true);
                }
            }
        }
    }

    pub(super) fn dollar(&mut self, word: &mut Word, quoted: bool) -> Result<(), ParseError> {
        let start = self.pos;
        self.pos += 1;
        match self.peek() {
            Some('(') if self.peek_at(1) == Some('(') => Err(self.error(
                ParseErrorKind::Syntax,
                start,
                "arithmetic expansion `$((...))` is not supported",
            )),
            Some('(') => {
                self.pos += 1;
                if self.depth >= MAX_NESTING {
                    return Err(self.error(
                        ParseErrorKind::Syntax,
                        start,
                        format!("`$(...)` nested more than {MAX_NESTING} deep"),
                    ));
                }
                self.depth += 1;
                let mut script = Vec::new();
                while let Some(l) = self.and_or(true)? {
                    script.push(l);
                }
                self.depth -= 1;
                if self.peek() != Some(')') {
                    return Err(self.error(
                        ParseErrorKind::Incomplete,
                        start,
                        "unmatched `$(`: no closing `)`",
                    ));
                }
                self.pos += 1;
                word.parts.push(Part::Subst { script, quoted });
                Ok(())
            }
            Some('{') => {
                self.pos += 1;
                self.braced(word, quoted, start)
            }
            Some('?') => {
                self.pos += 1;
                word.parts.push(Part::Var {
                    name: "?".into(),
                    quoted,
                });
                Ok(())
            }
            Some(c) if c.is_ascii_digit() => {
                // Positional parameters: the console has none, so they are
                // unset and expand to nothing, as in an interactive shell.
                self.pos += 1;
                word.parts.push(Part::Var {
                    name: c.to_string(),
                    quoted,
                });
                Ok(())
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let mut name = String::new();
                while let Some(c) = self.peek() {
                    if !(c.is_ascii_alphanumeric() || c == '_') {
                        break;
                    }
                    name.push(c);
                    self.pos += 1;
                }
                word.parts.push(Part::Var { name, quoted });
                Ok(())
            }
            // A `$` before anything else is a literal dollar sign.
            _ => {
                push_lit(word, '$', quoted);
                Ok(())
            }
        }
    }

    pub(super) fn backquoted(&mut self, word: &mut Word, quoted: bool) -> Result<(), ParseError> {
        let open = self.pos;
        self.pos += 1;
        let body_start = self.pos;
        let mut body = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(self.error(
                        ParseErrorKind::Incomplete,
                        open,
                        "unterminated backquote: no closing `` ` ``",
                    ))
                }
                Some('`') => break,
                Some('\\') if matches!(self.peek_at(1), Some('`' | '\\' | '$')) => {
                    if let Some(c) = self.peek_at(1) {
                        body.push(c);
                    }
                    self.pos += 2;
                }
                Some(c) => {
                    body.push(c);
                    self.pos += 1;
                }
            }
        }
        self.pos += 1;
        if self.depth >= MAX_NESTING {
            return Err(self.error(
                ParseErrorKind::Syntax,
                open,
                format!("command substitution nested more than {MAX_NESTING} deep"),
            ));
        }
        let mut inner = Parser::new(&body);
        inner.origin = self.location(body_start);
        inner.depth = self.depth + 1;
        let mut script = Vec::new();
        // The closing backquote has been seen, so more input cannot fix
        // the body: its errors are syntax errors even when "incomplete".
        let as_syntax = |mut e: ParseError| {
            e.kind = ParseErrorKind::Syntax;
            e
        };
        while let Some(l) = inner.next_command().map_err(as_syntax)? {
            script.push(l);
        }
        word.parts.push(Part::Subst { script, quoted });
        Ok(())
    }
}

pub(super) fn push_lit(word: &mut Word, c: char, quoted: bool) {
    let mut buf = [0u8; 4];
    push_str(word, c.encode_utf8(&mut buf), quoted);
}

pub(super) fn push_str(word: &mut Word, s: &str, quoted: bool) {
    if let Some(Part::Lit { text, quoted: q }) = word.parts.last_mut() {
        if *q == quoted {
            text.push_str(s);
            return;
        }
    }
    word.parts.push(Part::Lit {
        text: s.to_string(),
        quoted,
    });
}
