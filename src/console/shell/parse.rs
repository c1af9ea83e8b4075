//! Turns shell text into [`AndOr`] lists, one at a time, so a script runs
//! command by command and a syntax error late in a script stops it there, as
//! `sh` does with a script file.

use super::{AndOr, Connector, Part, SimpleCommand, Word};

/// How deep `$(...)` may nest; deeper input is refused instead of
/// overflowing the stack.
const MAX_NESTING: usize = 16;

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
    chars: Vec<char>,
    pos: usize,
    /// Line and column of `chars[0]` in the text the user typed (for
    /// backquoted substitutions parsed separately).
    origin: (usize, usize),
    depth: usize,
}

impl Parser {
    /// A parser over `text`.
    pub fn new(text: &str) -> Parser {
        Parser {
            chars: text.chars().collect(),
            pos: 0,
            origin: (1, 1),
            depth: 0,
        }
    }

    /// The next `a && b || c` list, or `None` at the end of the text.
    pub fn next_command(&mut self) -> Result<Option<AndOr>, ParseError> {
        self.and_or(false)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }

    fn location(&self, pos: usize) -> (usize, usize) {
        let (mut line, mut col) = self.origin;
        for c in self.chars.iter().take(pos) {
            if *c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        (line, col)
    }

    fn error(&self, kind: ParseErrorKind, pos: usize, message: impl Into<String>) -> ParseError {
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

    fn and_or(&mut self, nested: bool) -> Result<Option<AndOr>, ParseError> {
        let mut list: Option<AndOr> = None;
        let mut pending: Option<(Connector, usize)> = None;
        loop {
            self.skip_blanks();
            let start = self.pos;
            match self.peek() {
                None => {
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

    fn word(&mut self) -> Result<Word, ParseError> {
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
                '\'' => {
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
                                    start,
                                    "unterminated single quote: no closing `'`",
                                ))
                            }
                        }
                    }
                    self.pos += 1;
                    push_str(&mut word, &text, true);
                }
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

    fn double_quoted(&mut self, word: &mut Word) -> Result<(), ParseError> {
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

    fn dollar(&mut self, word: &mut Word, quoted: bool) -> Result<(), ParseError> {
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
                let mut name = String::new();
                loop {
                    match self.peek() {
                        Some('}') => break,
                        Some(c) => {
                            name.push(c);
                            self.pos += 1;
                        }
                        None => {
                            return Err(self.error(
                                ParseErrorKind::Incomplete,
                                start,
                                "unterminated `${`: no closing `}`",
                            ))
                        }
                    }
                }
                self.pos += 1;
                if !(super::is_name(&name) || name == "?") {
                    return Err(self.error(
                        ParseErrorKind::Syntax,
                        start,
                        format!("bad substitution `${{{name}}}`: only `${{NAME}}` is supported"),
                    ));
                }
                word.parts.push(Part::Var { name, quoted });
                Ok(())
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

    fn backquoted(&mut self, word: &mut Word, quoted: bool) -> Result<(), ParseError> {
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
        while let Some(l) = inner.next_command()? {
            script.push(l);
        }
        word.parts.push(Part::Subst { script, quoted });
        Ok(())
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

fn push_lit(word: &mut Word, c: char, quoted: bool) {
    let mut buf = [0u8; 4];
    push_str(word, c.encode_utf8(&mut buf), quoted);
}

fn push_str(word: &mut Word, s: &str, quoted: bool) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(text: &str, quoted: bool) -> Part {
        Part::Lit {
            text: text.into(),
            quoted,
        }
    }

    fn var(name: &str, quoted: bool) -> Part {
        Part::Var {
            name: name.into(),
            quoted,
        }
    }

    fn all(text: &str) -> Result<Vec<AndOr>, ParseError> {
        let mut p = Parser::new(text);
        let mut out = Vec::new();
        while let Some(l) = p.next_command()? {
            out.push(l);
        }
        Ok(out)
    }

    fn words(text: &str) -> Vec<Vec<Part>> {
        let lists = all(text).unwrap();
        assert_eq!(lists.len(), 1, "{text}");
        lists[0]
            .first
            .words
            .iter()
            .map(|w| w.parts.clone())
            .collect()
    }

    #[test]
    fn quoting_per_posix_2_2() {
        let cases: &[(&str, Vec<Vec<Part>>)] = &[
            // §2.2.2: single quotes keep everything, newlines included.
            (
                "echo 'a $B\n\\c'",
                vec![vec![lit("echo", false)], vec![lit("a $B\n\\c", true)]],
            ),
            // §2.2.3: backslash inside double quotes escapes only $ ` " \.
            (
                r#"echo "\$x \"q\" \n""#,
                vec![vec![lit("echo", false)], vec![lit("$x \"q\" \\n", true)]],
            ),
            // §2.2.1: unquoted backslash quotes the next character.
            (
                r"echo a\ b",
                vec![
                    vec![lit("echo", false)],
                    vec![lit("a", false), lit(" ", true), lit("b", false)],
                ],
            ),
            // Empty quotes are an (empty) argument.
            (
                "echo '' \"\"",
                vec![
                    vec![lit("echo", false)],
                    vec![lit("", true)],
                    vec![lit("", true)],
                ],
            ),
            (
                "echo \"$A\"${B}c",
                vec![
                    vec![lit("echo", false)],
                    vec![
                        lit("", true),
                        var("A", true),
                        var("B", false),
                        lit("c", false),
                    ],
                ],
            ),
            // A `$` before a non-name character is literal.
            (
                "echo $ a$",
                vec![
                    vec![lit("echo", false)],
                    vec![lit("$", false)],
                    vec![lit("a$", false)],
                ],
            ),
            // `#` starts a comment only at the start of a word.
            (
                "echo a#b # c",
                vec![vec![lit("echo", false)], vec![lit("a#b", false)]],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text}");
        }
    }

    #[test]
    fn continuation_and_separators_per_posix_2_9_3() {
        // §2.2.1: backslash-newline joins lines (the blog's command).
        let lists = all("aws route53 \\\n  --x 1 \\\n  --y 2").unwrap();
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].first.words.len(), 6);
        let lists = all("a; b\n\nc && d || e\n# only a comment\n").unwrap();
        assert_eq!(lists.len(), 3);
        assert_eq!(
            lists[2].rest.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            vec![Connector::And, Connector::Or]
        );
        // A newline after `&&` continues the list.
        let lists = all("a &&\n b").unwrap();
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].rest.len(), 1);
        assert_eq!(lists[0].first.line, 1);
        assert_eq!(lists[0].rest[0].1.line, 2);
    }

    #[test]
    fn command_substitution_nests() {
        let w = words("X=$(a \"$(b c)\" `d`)");
        let [parts] = w.as_slice() else {
            panic!("one word expected: {w:?}")
        };
        assert_eq!(parts[0], lit("X=", false));
        let Part::Subst { script, quoted } = &parts[1] else {
            panic!("substitution expected: {parts:?}")
        };
        assert!(!quoted);
        assert_eq!(script.len(), 1);
        assert_eq!(script[0].first.words.len(), 3);
        let Part::Subst {
            script: inner,
            quoted: true,
        } = &script[0].first.words[1].parts[1]
        else {
            panic!("quoted inner substitution expected")
        };
        assert_eq!(inner[0].first.words.len(), 2);
    }

    #[test]
    fn errors_say_where_and_whether_more_input_helps() {
        use ParseErrorKind::*;
        let cases: &[(&str, ParseErrorKind, usize, usize, &str)] = &[
            ("echo 'abc", Incomplete, 1, 6, "single quote"),
            ("echo ok\necho \"abc", Incomplete, 2, 6, "double quote"),
            ("X=$(echo a", Incomplete, 1, 3, "`$(`"),
            ("echo ${A", Incomplete, 1, 6, "`${`"),
            ("echo a \\", Incomplete, 1, 8, "`\\`"),
            ("echo a &&", Incomplete, 1, 8, "`&&`"),
            ("echo a | b", Syntax, 1, 8, "pipes"),
            ("echo a > f", Syntax, 1, 8, "redirections"),
            ("echo a & b", Syntax, 1, 8, "background"),
            ("; echo", Syntax, 1, 1, "`;`"),
            ("|| echo", Syntax, 1, 1, "`||`"),
            ("echo )", Syntax, 1, 6, "`)`"),
            ("echo ${A B}", Syntax, 1, 6, "bad substitution"),
            ("echo $((1+2))", Syntax, 1, 6, "arithmetic"),
        ];
        for (text, kind, line, column, needle) in cases {
            let e = all(text).unwrap_err();
            assert_eq!(e.kind, *kind, "{text}: {e}");
            assert_eq!((e.line, e.column), (*line, *column), "{text}: {e}");
            assert!(e.message.contains(needle), "{text}: {e}");
            assert_eq!(needs_more_input(text), *kind == Incomplete, "{text}");
        }
        assert!(!needs_more_input("echo 'a\nb'"));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "$(".repeat(MAX_NESTING + 1) + &")".repeat(MAX_NESTING + 1);
        let e = all(&format!("echo {deep}")).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::Syntax);
        assert!(e.message.contains("nested"), "{e}");
        let ok = "$(echo ".repeat(MAX_NESTING) + &")".repeat(MAX_NESTING);
        assert!(all(&format!("echo {ok}")).is_ok());
    }
}
