//! Parser tests, table style, each naming the POSIX rule it checks.

use super::parse::MAX_NESTING;
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
        ("echo ${A%.com}", Syntax, 1, 6, "bad substitution"),
        ("echo ${A:-x", Incomplete, 1, 6, "`${`"),
        ("echo ${A:-'x}", Incomplete, 1, 11, "single quote"),
        ("echo $((1+2))", Syntax, 1, 6, "arithmetic"),
        ("echo `echo 'x`", Syntax, 1, 12, "single quote"),
        ("a\nb\n  echo \"x", Incomplete, 3, 8, "double quote"),
    ];
    for (text, kind, line, column, needle) in cases {
        let e = all(text).unwrap_err();
        assert_eq!(e.kind, *kind, "{text}: {e}");
        assert_eq!((e.line, e.column), (*line, *column), "{text}: {e}");
        assert!(e.message.contains(needle), "{text}: {e}");
        assert_eq!(needs_more_input(text), *kind == Incomplete, "{text}");
    }
    assert!(!needs_more_input("echo 'a\nb'"));
    // A trailing backslash-newline asks for the next line; an escaped
    // backslash before the newline does not.
    assert!(needs_more_input("echo a \\\n"));
    assert!(!needs_more_input("echo a \\\\\n"));
}

#[test]
fn nesting_is_bounded() {
    let deep = "$(".repeat(MAX_NESTING + 1) + &")".repeat(MAX_NESTING + 1);
    let e = all(&format!("echo {deep}")).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::Syntax);
    assert!(e.message.contains("nested"), "{e}");
    let ok = "$(echo ".repeat(MAX_NESTING) + &")".repeat(MAX_NESTING);
    assert!(all(&format!("echo {ok}")).is_ok());
    let braces = "${A:-".repeat(MAX_NESTING + 1) + &"}".repeat(MAX_NESTING + 1);
    let e = all(&format!("echo {braces}")).unwrap_err();
    assert!(e.message.contains("nested"), "{e}");
    let braces = "${A:-".repeat(MAX_NESTING) + &"}".repeat(MAX_NESTING);
    assert!(all(&format!("echo {braces}")).is_ok());
}
