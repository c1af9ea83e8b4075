//! JMESPath for `--query` (<https://jmespath.org/specification.html>).
//!
//! Written here rather than taken from the `jmespath` crate because that
//! crate's values keep object keys in a `BTreeMap`: `--query HostedZone`
//! would print keys sorted instead of in the response's order, and the AWS
//! CLI (jmespath.py over ordered dicts) keeps the order. This covers the
//! grammar the AWS CLI examples use: fields, quoted fields, indices, slices,
//! `[*]`/`[]`/`*` projections, filters with comparisons, `&&`, `||`, `!`,
//! multi-select lists and hashes, pipes, literals, `@`, and the common
//! functions (`length`, `contains`, `starts_with`, `ends_with`, `keys`,
//! `values`, `sort`, `sort_by`, `reverse`, `join`, `to_string`, `to_number`,
//! `type`, `not_null`).

mod eval;
mod functions;
mod lex;
mod parse;

pub use eval::truthy;
pub use lex::Cmp;
pub use parse::Ast;

use serde_json::Value;

/// A compiled expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expression {
    text: String,
    ast: Ast,
}

impl Expression {
    /// Compiles `text`; the error reads like jmespath.py's parse errors.
    pub fn parse(text: &str) -> Result<Expression, String> {
        Ok(Expression {
            text: text.to_string(),
            ast: parse::parse(text)?,
        })
    }

    /// The expression as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The parsed tree.
    pub fn ast(&self) -> &Ast {
        &self.ast
    }

    /// Applies the expression to `data`. A missing field is `null`, not an
    /// error; only function type errors fail.
    pub fn search(&self, data: &Value) -> Result<Value, String> {
        eval::eval(&self.ast, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn data() -> Value {
        json!({
            "HostedZone": {"Id": "/hostedzone/Z1", "Name": "hello-localstack.com.", "Config": {"PrivateZone": false}},
            "ResourceRecordSets": [
                {"Name": "hello-localstack.com.", "Type": "NS", "TTL": 172800,
                 "ResourceRecords": [{"Value": "ns-1.awsdns-01.org."}, {"Value": "ns-2.awsdns-02.net."}]},
                {"Name": "hello-localstack.com.", "Type": "SOA", "TTL": 900,
                 "ResourceRecords": [{"Value": "ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"}]},
                {"Name": "12345.hello-localstack.com.", "Type": "CNAME", "TTL": 60,
                 "ResourceRecords": [{"Value": "12345.execute-api.localhost.localstack.cloud"}]},
                {"Name": "a.hello-localstack.com.", "Type": "A", "TTL": 300,
                 "ResourceRecords": [{"Value": "192.0.2.1"}, {"Value": "192.0.2.2"}]}
            ],
            "nested": [[1, 2], [3], 4]
        })
    }

    #[test]
    fn expressions_from_the_specification_and_cli_examples() {
        let cases: &[(&str, Value)] = &[
            ("HostedZone.Id", json!("/hostedzone/Z1")),
            ("HostedZone.Missing", Value::Null),
            ("HostedZone.Id.Deeper", Value::Null),
            ("\"HostedZone\".Config.PrivateZone", json!(false)),
            ("ResourceRecordSets[0].Type", json!("NS")),
            ("ResourceRecordSets[-1].Type", json!("A")),
            ("ResourceRecordSets[9]", Value::Null),
            (
                "ResourceRecordSets[*].Type",
                json!(["NS", "SOA", "CNAME", "A"]),
            ),
            ("ResourceRecordSets[].TTL", json!([172800, 900, 60, 300])),
            ("ResourceRecordSets[1:3].Type", json!(["SOA", "CNAME"])),
            ("ResourceRecordSets[::-2].Type", json!(["A", "SOA"])),
            (
                "ResourceRecordSets[?Type=='A'].Name",
                json!(["a.hello-localstack.com."]),
            ),
            (
                "ResourceRecordSets[?Type == `\"CNAME\"`].ResourceRecords[0].Value",
                json!(["12345.execute-api.localhost.localstack.cloud"]),
            ),
            (
                "ResourceRecordSets[?TTL < `900`].Type",
                json!(["CNAME", "A"]),
            ),
            (
                "ResourceRecordSets[?TTL >= `900` && Type != 'NS'].Type",
                json!(["SOA"]),
            ),
            (
                "ResourceRecordSets[?!(Type == 'NS' || Type == 'SOA')].Type",
                json!(["CNAME", "A"]),
            ),
            // Flatten: values of every set in one list.
            (
                "ResourceRecordSets[].ResourceRecords[].Value | [4]",
                json!("192.0.2.1"),
            ),
            (
                "ResourceRecordSets[?Type=='A'].ResourceRecords[].Value",
                json!(["192.0.2.1", "192.0.2.2"]),
            ),
            // A projection stops at a pipe.
            ("ResourceRecordSets[*].Type | [0]", json!("NS")),
            (
                "ResourceRecordSets[*].[Name, Type] | [2]",
                json!(["12345.hello-localstack.com.", "CNAME"]),
            ),
            (
                "ResourceRecordSets[?Type=='A'].{N: Name, T: TTL}",
                json!([{"N": "a.hello-localstack.com.", "T": 300}]),
            ),
            (
                "HostedZone.*",
                json!(["/hostedzone/Z1", "hello-localstack.com.", {"PrivateZone": false}]),
            ),
            ("nested[]", json!([1, 2, 3, 4])),
            ("length(ResourceRecordSets)", json!(4)),
            (
                "ResourceRecordSets[?starts_with(Name, '12345')].Type",
                json!(["CNAME"]),
            ),
            (
                "ResourceRecordSets[?contains(Name, 'a.hello')].Type",
                json!(["A"]),
            ),
            ("sort_by(ResourceRecordSets, &TTL)[0].Type", json!("CNAME")),
            (
                "join(', ', ResourceRecordSets[].Type)",
                json!("NS, SOA, CNAME, A"),
            ),
            ("keys(HostedZone)", json!(["Id", "Name", "Config"])),
            ("HostedZone.Missing || 'default'", json!("default")),
            ("`[1, 2]`", json!([1, 2])),
            // jmespath.py's deprecated literal: not JSON, so a string.
            ("ResourceRecordSets[?Type==`CNAME`].TTL", json!([60])),
            ("@.HostedZone.Name", json!("hello-localstack.com.")),
        ];
        for (expr, want) in cases {
            let e = Expression::parse(expr).unwrap_or_else(|e| panic!("{expr}: {e}"));
            assert_eq!(&e.search(&data()).unwrap(), want, "{expr}");
        }
    }

    #[test]
    fn multi_select_hash_keeps_the_order_written() {
        let e = Expression::parse("HostedZone.{Z: Name, A: Id}").unwrap();
        let out = e.search(&data()).unwrap();
        let keys: Vec<&String> = out.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["Z", "A"]);
    }

    #[test]
    fn parse_and_type_errors() {
        // jmespath.py's three error layouts: LexerError, ParseError,
        // IncompleteExpressionError (jmespath/exceptions.py).
        let exact: &[(&str, &str)] = &[
            ("a ^ b", "Bad jmespath expression: Unknown token ^:\na ^ b\n  ^"),
            ("[?Name=='x]", "Bad jmespath expression: Unclosed ' delimiter:\n[?Name=='x]\n        ^"),
            ("a.]", "invalid token: Parse error at column 2, token \"]\" (rbracket), for expression:\n\"a.]\"\n   ^"),
            ("{a}", "Expecting: colon, got: rbrace: Parse error at column 2, token \"}\" (rbrace), for expression:\n\"{a}\"\n   ^"),
            ("a.", "Invalid jmespath expression: Incomplete expression:\n\"a.\"\n   ^"),
        ];
        for (bad, want) in exact {
            assert_eq!(Expression::parse(bad).unwrap_err(), *want, "{bad}");
        }
        for bad in [
            "", "a[", "[?a==]", "a[1:2:0]", "foo(", "'open", "`a\"b`", "a = b",
        ] {
            let e = Expression::parse(bad).unwrap_err();
            assert!(
                e.starts_with("Bad jmespath expression: ")
                    || e.contains(": Parse error at column ")
                    || e.starts_with("Invalid jmespath expression: Incomplete expression:"),
                "{bad}: {e}"
            );
        }
        let deep = "(".repeat(200) + "a" + &")".repeat(200);
        assert!(Expression::parse(&deep).is_err());
        let long_chain = vec!["a"; 100_000].join(".");
        assert!(Expression::parse(&long_chain).is_err());
        let ok_chain = vec!["a"; 50].join(".");
        assert!(Expression::parse(&ok_chain).is_ok());
        let e = Expression::parse("length(`1`)").unwrap();
        assert_eq!(
            e.search(&data()).unwrap_err(),
            "In function length(), invalid type for value: 1, expected one of: ['string', 'array', 'object'], received: \"number\""
        );
        let e = Expression::parse("nope(@)").unwrap();
        assert_eq!(e.search(&data()).unwrap_err(), "Unknown function: nope()");
    }
}
