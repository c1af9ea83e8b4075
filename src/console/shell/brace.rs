//! `${...}` parameter expansion (POSIX §2.6.2): `${NAME}`, the four
//! operators `-`, `=`, `+`, `?` with or without `:` (with `:`, an empty
//! value counts as unset), and `${#NAME}`. Pattern removal (`%`, `#` after
//! the name) is not supported and says so.

use super::parse::{ParseError, ParseErrorKind, Parser, MAX_NESTING};
use super::word::push_lit;
use super::{is_name, ParamOp, Part, Word};

const FORMS: &str = "supported: ${NAME}, ${NAME:-word}, ${NAME-word}, ${NAME:=word}, \
                     ${NAME:+word}, ${NAME:?word}, ${#NAME}";

impl Parser {
    /// Parses what follows `${` (the `$` is at `start`).
    pub(super) fn braced(
        &mut self,
        word: &mut Word,
        quoted: bool,
        start: usize,
    ) -> Result<(), ParseError> {
        let unterminated = |p: &Parser| {
            p.error(
                ParseErrorKind::Incomplete,
                start,
                "unterminated `${`: no closing `}`",
            )
        };
        let length = self.peek() == Some('#') && self.peek_at(1) != Some('}');
        if length {
            self.pos += 1;
        }
        let mut name = String::new();
        if self.peek() == Some('?') {
            name.push('?');
            self.pos += 1;
        } else {
            while let Some(c) = self.peek() {
                if !(c.is_ascii_alphanumeric() || c == '_') {
                    break;
                }
                name.push(c);
                self.pos += 1;
            }
        }
        let bad = |p: &Parser| {
            p.error(
                ParseErrorKind::Syntax,
                start,
                format!("bad substitution: {FORMS}"),
            )
        };
        if !(is_name(&name) || name == "?") {
            return Err(match self.peek() {
                None => unterminated(self),
                Some(_) => bad(self),
            });
        }
        match self.peek() {
            None => Err(unterminated(self)),
            Some('}') => {
                self.pos += 1;
                word.parts.push(if length {
                    Part::Length { name, quoted }
                } else {
                    Part::Var { name, quoted }
                });
                Ok(())
            }
            Some(c) if !length => {
                let colon = c == ':';
                let op_char = if colon { self.peek_at(1) } else { Some(c) };
                let op = match op_char {
                    Some('-') => ParamOp::Default,
                    Some('=') => ParamOp::Assign,
                    Some('+') => ParamOp::Alternative,
                    Some('?') => ParamOp::Error,
                    None => return Err(unterminated(self)),
                    Some(_) => return Err(bad(self)),
                };
                self.pos += if colon { 2 } else { 1 };
                if self.depth >= MAX_NESTING {
                    return Err(self.error(
                        ParseErrorKind::Syntax,
                        start,
                        format!("`${{...}}` nested more than {MAX_NESTING} deep"),
                    ));
                }
                self.depth += 1;
                let operand = self.operand(quoted, start);
                self.depth -= 1;
                word.parts.push(Part::Param {
                    name,
                    op,
                    colon,
                    word: operand?,
                    quoted,
                });
                Ok(())
            }
            Some(_) => Err(bad(self)),
        }
    }

    /// The word after an operator, up to the closing `}`: quotes and
    /// expansions work inside it; blanks are kept.
    fn operand(&mut self, quoted: bool, start: usize) -> Result<Word, ParseError> {
        let mut w = Word::default();
        loop {
            match self.peek() {
                None => {
                    return Err(self.error(
                        ParseErrorKind::Incomplete,
                        start,
                        "unterminated `${`: no closing `}`",
                    ))
                }
                Some('}') => {
                    self.pos += 1;
                    return Ok(w);
                }
                Some('\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some('\n') => self.pos += 1,
                        Some(e) if !quoted || matches!(e, '$' | '`' | '"' | '\\' | '}') => {
                            self.pos += 1;
                            push_lit(&mut w, e, true);
                        }
                        Some(_) => push_lit(&mut w, '\\', true),
                        None => {
                            return Err(self.error(
                                ParseErrorKind::Incomplete,
                                start,
                                "unterminated `${`: no closing `}`",
                            ))
                        }
                    }
                }
                Some('\'') if !quoted => self.single_quoted(&mut w)?,
                Some('"') if !quoted => self.double_quoted(&mut w)?,
                Some('$') => self.dollar(&mut w, quoted)?,
                Some('`') => self.backquoted(&mut w, quoted)?,
                Some(c) => {
                    self.pos += 1;
                    push_lit(&mut w, c, quoted);
                }
            }
        }
    }
}
