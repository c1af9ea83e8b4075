//! Word expansion (POSIX §2.6): parameters, command substitution and field
//! splitting. The caller supplies variables and runs substitutions through
//! [`Expander`], so this file knows nothing about the commands themselves.

use super::{AndOr, ParamOp, Part, Word};

/// The longest text one word may expand to. `A=$A$A` doubles a value each
/// time it runs; the cap stops a pasted loop of those from eating memory.
pub const MAX_EXPANSION_LEN: usize = 1 << 20;

/// What expansion needs from the shell around it.
pub trait Expander {
    /// The value of a variable, `None` when unset (which expands to nothing,
    /// POSIX §2.6.2).
    fn lookup(&self, name: &str) -> Option<String>;
    /// Runs `script` and returns its standard output (POSIX §2.6.3).
    fn substitute(&mut self, script: &[AndOr]) -> Result<String, ExpandError>;
    /// Sets a shell variable, for `${NAME:=word}`.
    fn assign(&mut self, name: &str, value: &str);
}

/// Expansion failed (too long, or a substitution could not run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandError(pub String);

impl std::fmt::Display for ExpandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ExpandError {}

fn piece(part: &Part, env: &mut dyn Expander) -> Result<(String, bool), ExpandError> {
    Ok(match part {
        Part::Lit { text, quoted } => (text.clone(), *quoted),
        Part::Var { name, quoted } => (env.lookup(name).unwrap_or_default(), *quoted),
        Part::Length { name, quoted } => {
            let n = env.lookup(name).map_or(0, |v| v.chars().count());
            (n.to_string(), *quoted)
        }
        Part::Param {
            name,
            op,
            colon,
            word,
            quoted,
        } => {
            let value = env.lookup(name);
            let unset = match &value {
                None => true,
                Some(v) => *colon && v.is_empty(),
            };
            // A quoted operand (`${X:-"a b"}`) is not split; its
            // expansions are treated as one piece.
            let word_quoted = *quoted
                || word
                    .parts
                    .iter()
                    .any(|p| matches!(p, Part::Lit { quoted: true, .. }));
            match (op, unset) {
                (ParamOp::Default, true) => (plain(word, env)?, word_quoted),
                (ParamOp::Assign, true) => {
                    if !super::is_name(name) {
                        return Err(ExpandError(format!("${name}: cannot assign in this way")));
                    }
                    let v = plain(word, env)?;
                    env.assign(name, &v);
                    (v, word_quoted)
                }
                (ParamOp::Alternative, false) => (plain(word, env)?, word_quoted),
                (ParamOp::Alternative, true) => (String::new(), *quoted),
                (ParamOp::Error, true) => {
                    let msg = plain(word, env)?;
                    let msg = if msg.is_empty() {
                        "parameter null or not set".to_string()
                    } else {
                        msg
                    };
                    return Err(ExpandError(format!("{name}: {msg}")));
                }
                (_, false) => (value.unwrap_or_default(), *quoted),
            }
        }
        Part::Subst { script, quoted } => {
            let mut out = env.substitute(script)?;
            // §2.6.3: "removing sequences of one or more <newline> characters
            // at the end of the substitution".
            let kept = out.trim_end_matches('\n').len();
            out.truncate(kept);
            (out, *quoted)
        }
    })
}

/// A word's pieces joined, without field splitting (operands of `${...}`).
fn plain(word: &Word, env: &mut dyn Expander) -> Result<String, ExpandError> {
    let mut out = String::new();
    for part in &word.parts {
        out.push_str(&piece(part, env)?.0);
        check_len(out.len())?;
    }
    Ok(out)
}

fn check_len(len: usize) -> Result<(), ExpandError> {
    if len > MAX_EXPANSION_LEN {
        return Err(ExpandError(format!(
            "expansion longer than {MAX_EXPANSION_LEN} characters"
        )));
    }
    Ok(())
}

/// Expands a word into fields: unquoted expansions are split on blanks
/// (default IFS, §2.6.5) and a word that expands to nothing unquoted gives
/// no field at all, so `--hosted-zone $UNSET` passes only `--hosted-zone`.
pub fn expand_word(word: &Word, env: &mut dyn Expander) -> Result<Vec<String>, ExpandError> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut started = false;
    let mut total = 0usize;
    for part in &word.parts {
        let (text, quoted) = piece(part, env)?;
        total = total.saturating_add(text.len());
        check_len(total)?;
        let splittable = !quoted && !matches!(part, Part::Lit { .. });
        if !splittable {
            current.push_str(&text);
            started = true;
            continue;
        }
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n') {
                if started {
                    fields.push(std::mem::take(&mut current));
                    started = false;
                }
            } else {
                current.push(c);
                started = true;
            }
        }
    }
    if started {
        fields.push(current);
    }
    Ok(fields)
}

/// Expands the value of `NAME=value`: no field splitting (§2.9.1), so
/// `X=$(cmd)` keeps spaces and inner newlines.
pub fn expand_assignment(word: &Word, env: &mut dyn Expander) -> Result<String, ExpandError> {
    let mut out = String::new();
    for (i, part) in word.parts.iter().enumerate() {
        let (text, _) = piece(part, env)?;
        let text = if i == 0 {
            // The first literal holds `NAME=`; the value starts after it.
            text.split_once('=')
                .map(|(_, v)| v.to_string())
                .unwrap_or(text)
        } else {
            text
        };
        out.push_str(&text);
        check_len(out.len())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::Parser;
    use super::*;
    use std::collections::BTreeMap;

    struct Env {
        vars: BTreeMap<String, String>,
        ran: Vec<usize>,
    }

    impl Expander for Env {
        fn lookup(&self, name: &str) -> Option<String> {
            self.vars.get(name).cloned()
        }
        fn substitute(&mut self, script: &[AndOr]) -> Result<String, ExpandError> {
            // Echo the words of the first command back, like `echo` would.
            self.ran.push(script.len());
            let words: Vec<String> = match script.first() {
                Some(l) => {
                    let mut out = Vec::new();
                    for w in l.first.words.iter().skip(1) {
                        out.extend(expand_word(w, self)?);
                    }
                    out
                }
                None => Vec::new(),
            };
            Ok(words.join(" ") + "\n\n")
        }
        fn assign(&mut self, name: &str, value: &str) {
            self.vars.insert(name.to_string(), value.to_string());
        }
    }

    fn env() -> Env {
        let mut vars = BTreeMap::new();
        vars.insert("ID".to_string(), "/hostedzone/Z1".to_string());
        vars.insert("SP".to_string(), "  a  b ".to_string());
        vars.insert("EMPTY".to_string(), String::new());
        Env {
            vars,
            ran: Vec::new(),
        }
    }

    fn fields(text: &str) -> Vec<String> {
        let mut p = Parser::new(text);
        let list = p.next_command().unwrap().unwrap();
        let mut e = env();
        let mut out = Vec::new();
        for w in &list.first.words {
            out.extend(expand_word(w, &mut e).unwrap());
        }
        out
    }

    #[test]
    fn field_splitting_per_posix_2_6_5() {
        let cases: &[(&str, &[&str])] = &[
            ("x $ID", &["x", "/hostedzone/Z1"]),
            ("x ${ID}/y", &["x", "/hostedzone/Z1/y"]),
            // Unquoted: split on blanks, leading and trailing blanks dropped.
            ("x $SP", &["x", "a", "b"]),
            ("x p$SP", &["x", "p", "a", "b"]),
            ("x ${SP}q", &["x", "a", "b", "q"]),
            // Quoted: kept whole.
            ("x \"$SP\"", &["x", "  a  b "]),
            // Unset and empty unquoted expansions vanish; quoted ones stay.
            ("x $UNSET $EMPTY", &["x"]),
            ("x \"$UNSET\"", &["x", ""]),
            // §2.6.3: trailing newlines of a substitution are removed.
            ("x \"$(echo a b)\"", &["x", "a b"]),
            ("x $(echo a   b)", &["x", "a", "b"]),
            ("x a$(echo)b", &["x", "ab"]),
            // §2.6.2 operators; with `:` an empty value counts as unset.
            ("x ${UNSET:-us-east-1}", &["x", "us-east-1"]),
            ("x ${EMPTY:-d} ${EMPTY-d}", &["x", "d"]),
            ("x ${ID:-d}", &["x", "/hostedzone/Z1"]),
            ("x ${ID:+set} ${UNSET:+set}", &["x", "set"]),
            ("x ${UNSET:-a b} ${UNSET:-\"a b\"}", &["x", "a", "b", "a b"]),
            ("x \"${UNSET:-a  b}\"", &["x", "a  b"]),
            ("x ${UNSET:-$ID}", &["x", "/hostedzone/Z1"]),
            ("x ${#ID} ${#UNSET}", &["x", "14", "0"]),
            // No pathname expansion: `*` stays literal.
            ("x * [?Type=='A']", &["x", "*", "[?Type==A]"]),
        ];
        for (text, want) in cases {
            assert_eq!(fields(text), *want, "{text}");
        }
    }

    #[test]
    fn assign_and_error_operators_per_posix_2_6_2() {
        let mut p = Parser::new("x ${NEW:=v1} ${NEW:=v2}");
        let list = p.next_command().unwrap().unwrap();
        let mut e = env();
        let mut out = Vec::new();
        for w in &list.first.words {
            out.extend(expand_word(w, &mut e).unwrap());
        }
        assert_eq!(out, ["x", "v1", "v1"]);
        assert_eq!(e.vars.get("NEW").map(String::as_str), Some("v1"));
        for (text, msg) in [
            ("x ${UNSET:?}", "UNSET: parameter null or not set"),
            ("x ${EMPTY:?set it first}", "EMPTY: set it first"),
        ] {
            let mut p = Parser::new(text);
            let list = p.next_command().unwrap().unwrap();
            let err = expand_word(&list.first.words[1], &mut env()).unwrap_err();
            assert_eq!(err.0, msg, "{text}");
        }
    }

    #[test]
    fn assignment_values_are_not_split_per_posix_2_9_1() {
        let mut p = Parser::new("V=$SP\"q\"$(echo z)");
        let list = p.next_command().unwrap().unwrap();
        let mut e = env();
        let v = expand_assignment(&list.first.words[0], &mut e).unwrap();
        assert_eq!(v, "  a  b qz");
        assert_eq!(e.ran, vec![1]);
    }

    #[test]
    fn expansion_length_is_capped() {
        let mut e = env();
        e.vars
            .insert("BIG".into(), "x".repeat(MAX_EXPANSION_LEN / 2 + 1));
        let mut p = Parser::new("echo $BIG$BIG");
        let list = p.next_command().unwrap().unwrap();
        assert!(expand_word(&list.first.words[1], &mut e).is_err());
        let mut p = Parser::new("echo $BIG");
        let list = p.next_command().unwrap().unwrap();
        assert_eq!(expand_word(&list.first.words[1], &mut e).unwrap().len(), 1);
    }
}
