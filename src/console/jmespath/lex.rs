//! JMESPath tokens (<https://jmespath.org/specification.html#grammar>).

use serde_json::Value;

/// One token and the character offset it starts at.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Ident(String),
    Quoted(String),
    Literal(Value),
    Number(i64),
    Dot,
    Star,
    Flatten,
    Filter,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Comma,
    Colon,
    Pipe,
    Or,
    And,
    Not,
    Cmp(Cmp),
    Current,
    Expref,
    Eof,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// A lexer error: where, and jmespath.py's message for it.
pub(super) type LexError = (usize, String);

/// jmespath.py's token type names, used in parse error messages.
pub(super) fn type_name(t: &Tok) -> &'static str {
    match t {
        Tok::Ident(_) => "unquoted_identifier",
        Tok::Quoted(_) => "quoted_identifier",
        Tok::Literal(_) => "literal",
        Tok::Number(_) => "number",
        Tok::Dot => "dot",
        Tok::Star => "star",
        Tok::Flatten => "flatten",
        Tok::Filter => "filter",
        Tok::LBracket => "lbracket",
        Tok::RBracket => "rbracket",
        Tok::LBrace => "lbrace",
        Tok::RBrace => "rbrace",
        Tok::LParen => "lparen",
        Tok::RParen => "rparen",
        Tok::Comma => "comma",
        Tok::Colon => "colon",
        Tok::Pipe => "pipe",
        Tok::Or => "or",
        Tok::And => "and",
        Tok::Not => "not",
        Tok::Cmp(Cmp::Eq) => "eq",
        Tok::Cmp(Cmp::Ne) => "ne",
        Tok::Cmp(Cmp::Lt) => "lt",
        Tok::Cmp(Cmp::Le) => "lte",
        Tok::Cmp(Cmp::Gt) => "gt",
        Tok::Cmp(Cmp::Ge) => "gte",
        Tok::Current => "current",
        Tok::Expref => "expref",
        Tok::Eof => "eof",
    }
}

pub(super) fn tokenize(src: &str) -> Result<Vec<(Tok, usize)>, LexError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let start = i;
        let next = chars.get(i + 1).copied();
        let tok = match c {
            ' ' | '\t' | '\n' | '\r' => {
                i += 1;
                continue;
            }
            '.' => Tok::Dot,
            '*' => Tok::Star,
            ']' => Tok::RBracket,
            '{' => Tok::LBrace,
            '}' => Tok::RBrace,
            '(' => Tok::LParen,
            ')' => Tok::RParen,
            ',' => Tok::Comma,
            ':' => Tok::Colon,
            '@' => Tok::Current,
            '[' if next == Some(']') => {
                i += 1;
                Tok::Flatten
            }
            '[' if next == Some('?') => {
                i += 1;
                Tok::Filter
            }
            '[' => Tok::LBracket,
            '|' if next == Some('|') => {
                i += 1;
                Tok::Or
            }
            '|' => Tok::Pipe,
            '&' if next == Some('&') => {
                i += 1;
                Tok::And
            }
            '&' => Tok::Expref,
            '!' if next == Some('=') => {
                i += 1;
                Tok::Cmp(Cmp::Ne)
            }
            '!' => Tok::Not,
            '=' if next == Some('=') => {
                i += 1;
                Tok::Cmp(Cmp::Eq)
            }
            '<' | '>' => {
                let eq = next == Some('=');
                if eq {
                    i += 1;
                }
                Tok::Cmp(match (c, eq) {
                    ('<', false) => Cmp::Lt,
                    ('<', true) => Cmp::Le,
                    (_, false) => Cmp::Gt,
                    (_, true) => Cmp::Ge,
                })
            }
            '\'' => {
                // Raw string literal: only \' is an escape.
                let (text, end) = delimited(&chars, i, '\'')?;
                i = end;
                Tok::Literal(Value::String(text.replace("\\'", "'")))
            }
            '`' => {
                let (text, end) = delimited(&chars, i, '`')?;
                i = end;
                let text = text.replace("\\`", "`");
                Tok::Literal(json_literal(&text).ok_or((start, format!("Bad token `{text}`")))?)
            }
            '"' => {
                let (text, end) = delimited(&chars, i, '"')?;
                i = end;
                let v: String = serde_json::from_str(&format!("\"{text}\""))
                    .map_err(|_| (start, format!("Invalid quoted identifier \"{text}\"")))?;
                Tok::Quoted(v)
            }
            '-' | '0'..='9' => {
                let mut j = i + 1;
                while chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
                    j += 1;
                }
                let text: String = chars[i..j].iter().collect();
                let n = text
                    .parse::<i64>()
                    .map_err(|_| (start, format!("Bad token {text}")))?;
                i = j;
                out.push((Tok::Number(n), start));
                continue;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut j = i + 1;
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    j += 1;
                }
                let text: String = chars[i..j].iter().collect();
                i = j;
                out.push((Tok::Ident(text), start));
                continue;
            }
            '=' => return Err((start, "Unknown token '='".into())),
            other => return Err((start, format!("Unknown token {other}"))),
        };
        i += 1;
        out.push((tok, start));
    }
    out.push((Tok::Eof, chars.len()));
    Ok(out)
}

/// A `` `...` `` literal. Text that is not JSON is read as a string, as
/// jmespath.py (and so the AWS CLI) still does for the deprecated form
/// `` [?Type==`CNAME`] `` that many AWS examples use.
fn json_literal(text: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str(text) {
        return Some(v);
    }
    serde_json::from_str(&format!("\"{}\"", text.trim_start())).ok()
}

/// The text between `chars[open]` and the next unescaped `quote`, and the
/// index of that closing quote.
fn delimited(chars: &[char], open: usize, quote: char) -> Result<(String, usize), LexError> {
    let mut text = String::new();
    let mut j = open + 1;
    loop {
        match chars.get(j) {
            None => return Err((open, format!("Unclosed {quote} delimiter"))),
            Some('\\') => {
                text.push('\\');
                if let Some(c) = chars.get(j + 1) {
                    text.push(*c);
                }
                j += 2;
            }
            Some(c) if *c == quote => return Ok((text, j)),
            Some(c) => {
                text.push(*c);
                j += 1;
            }
        }
    }
}
