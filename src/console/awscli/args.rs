//! Operation options parsed as the AWS CLI's argparse parser parses them:
//! `--opt value` and `--opt=value`, any unambiguous prefix of an option
//! (argparse `allow_abbrev`, which is why the blog's `--hosted-zone` works
//! for `--hosted-zone-id`), the last of a repeated option winning, and
//! argparse's error texts.

use super::route53::{OpSpec, ParamSpec};

/// A usage error: printed after the CLI's usage block, exit status 252.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError {
    /// An argparse error, printed as `aws: error: {0}`.
    Argparse(String),
    /// Options no parameter claims, printed as `Unknown options: {list}`
    /// (awscli `UnknownArgumentError`, without the `aws: error:` prefix).
    Unknown(Vec<String>),
}

/// argparse's test for a value that looks like a negative number rather
/// than an option (`^-\d+$|^-\d*\.\d+$`).
fn negative_number(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('-') else {
        return false;
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    match frac {
        None => !int.is_empty() && digits(int),
        Some(f) => !f.is_empty() && digits(int) && digits(f),
    }
}

/// How argparse's `_parse_optional` sees one argument.
enum Class<'a> {
    /// A known option (exact, `--opt=value`, or a unique prefix).
    Known(&'a str, Option<String>),
    /// Looks like an option no parameter claims.
    Unknown,
    /// A value: no leading `-`, `-` alone, a negative number, or text with
    /// a space ("meant to be a positional").
    Value,
}

fn classify<'a>(arg: &str, names: &[&'a str]) -> Result<Class<'a>, UsageError> {
    if !arg.starts_with('-') || arg == "-" {
        return Ok(Class::Value);
    }
    let (name, inline) = match arg.split_once('=') {
        Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
        _ => (arg, None),
    };
    if let Some(found) = resolve(name, names)? {
        return Ok(Class::Known(found, inline));
    }
    if negative_number(arg) || arg.contains(' ') {
        return Ok(Class::Value);
    }
    Ok(Class::Unknown)
}

/// Resolves `--name` to one of `options`: exact match first, then a unique
/// prefix; `Err` for an ambiguous prefix, `Ok(None)` for no match.
pub fn resolve<'a>(name: &str, options: &[&'a str]) -> Result<Option<&'a str>, UsageError> {
    if let Some(o) = options.iter().find(|o| **o == name) {
        return Ok(Some(o));
    }
    if !name.starts_with("--") || name.len() <= 2 {
        return Ok(None);
    }
    let matches: Vec<&str> = options
        .iter()
        .copied()
        .filter(|o| o.starts_with(name))
        .collect();
    match matches.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one)),
        many => Err(UsageError::Argparse(format!(
            "ambiguous option: {name} could match {}",
            many.join(", ")
        ))),
    }
}

/// Parses `args` (everything after the operation name) against `op`.
/// Returns each given parameter with its raw value, in the order of `op`.
pub fn parse_op_args(
    op: &'static OpSpec,
    args: &[String],
) -> Result<Vec<(&'static ParamSpec, String)>, UsageError> {
    let params = op.all_params();
    let names: Vec<&str> = params.iter().map(|p| p.cli).collect();
    let mut values: Vec<Option<String>> = vec![None; params.len()];
    let mut unknown = Vec::new();
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        let Class::Known(found, inline) = classify(arg, &names)? else {
            unknown.push(arg.clone());
            continue;
        };
        let next_is_value = match args.get(i) {
            Some(v) => matches!(classify(v, &names)?, Class::Value),
            None => false,
        };
        let value = match inline {
            Some(v) => v,
            None => match args.get(i) {
                Some(v) if next_is_value => {
                    i += 1;
                    v.clone()
                }
                _ => {
                    return Err(UsageError::Argparse(format!(
                        "argument {found}: expected one argument"
                    )))
                }
            },
        };
        if let Some(slot) = names
            .iter()
            .position(|n| *n == found)
            .and_then(|k| values.get_mut(k))
        {
            *slot = Some(value);
        }
    }
    let missing: Vec<&str> = params
        .iter()
        .zip(&values)
        .filter(|(p, v)| p.required && v.is_none())
        .map(|(p, _)| p.cli)
        .collect();
    if !missing.is_empty() {
        return Err(UsageError::Argparse(format!(
            "the following arguments are required: {}",
            missing.join(", ")
        )));
    }
    if !unknown.is_empty() {
        return Err(UsageError::Unknown(unknown));
    }
    Ok(params
        .into_iter()
        .zip(values)
        .filter_map(|(p, v)| v.map(|v| (p, v)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::route53::find_op;
    use super::*;

    fn parse(op: &str, args: &[&str]) -> Result<Vec<(&'static str, String)>, UsageError> {
        let op = find_op(op).unwrap();
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse_op_args(op, &args).map(|v| v.into_iter().map(|(p, s)| (p.cli, s)).collect())
    }

    fn argparse(msg: &str) -> UsageError {
        UsageError::Argparse(msg.into())
    }

    #[test]
    fn argparse_rules_for_operation_options() {
        type Case<'a> = (
            &'a str,
            &'a [&'a str],
            Result<Vec<(&'static str, String)>, UsageError>,
        );
        let ok =
            |v: &[(&'static str, &str)]| Ok(v.iter().map(|(a, b)| (*a, b.to_string())).collect());
        let cases: &[Case] = &[
            (
                "change-resource-record-sets",
                &["--hosted-zone-id", "Z1", "--change-batch", "{}"],
                ok(&[("--hosted-zone-id", "Z1"), ("--change-batch", "{}")]),
            ),
            // argparse allow_abbrev: the blog's `--hosted-zone`.
            (
                "change-resource-record-sets",
                &["--hosted-zone", "Z1", "--change", "{}"],
                ok(&[("--hosted-zone-id", "Z1"), ("--change-batch", "{}")]),
            ),
            (
                "change-resource-record-sets",
                &["--hosted-zone-id=Z1", "--change-batch={\"a\": 1}"],
                ok(&[("--hosted-zone-id", "Z1"), ("--change-batch", "{\"a\": 1}")]),
            ),
            // The last occurrence wins.
            ("get-hosted-zone", &["--id", "Z1", "--id", "Z2"], ok(&[("--id", "Z2")])),
            // argparse treats "-5" as a value (negative number), "-x" as an option.
            ("list-resource-record-sets", &["--hosted-zone-id", "Z", "--max-items", "-5"],
             ok(&[("--hosted-zone-id", "Z"), ("--max-items", "-5")])),
            ("get-hosted-zone", &["--id", "-x"], Err(argparse("argument --id: expected one argument"))),
            ("get-hosted-zone", &["--id", "-x y"], ok(&[("--id", "-x y")])),
            ("get-hosted-zone", &["--id"], Err(argparse("argument --id: expected one argument"))),
            (
                "change-resource-record-sets",
                &[],
                Err(argparse("the following arguments are required: --hosted-zone-id, --change-batch")),
            ),
            (
                "change-resource-record-sets",
                &["--change-batch", "{}"],
                Err(argparse("the following arguments are required: --hosted-zone-id")),
            ),
            // Missing arguments are reported before unknown ones (argparse
            // fails inside parse_known_args, awscli checks extras after).
            ("get-hosted-zone", &["--foo", "bar"], Err(argparse("the following arguments are required: --id"))),
            (
                "get-hosted-zone",
                &["--id", "Z", "--foo", "bar", "baz"],
                Err(UsageError::Unknown(vec!["--foo".into(), "bar".into(), "baz".into()])),
            ),
            (
                "list-resource-record-sets",
                &["--hosted-zone-id", "Z", "--start-record", "x"],
                Err(argparse("ambiguous option: --start-record could match --start-record-name, --start-record-type, --start-record-identifier")),
            ),
        ];
        for (op, args, want) in cases {
            assert_eq!(&parse(op, args), want, "{op} {args:?}");
        }
    }
}
