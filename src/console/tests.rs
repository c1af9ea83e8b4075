//! Console-level tests: shell semantics wired to the builtins and `aws`.

use serde_json::{json, Value};

use super::*;

/// Counts calls; CreateHostedZone answers a zone id made of the caller
/// reference so tests can see which call produced it.
#[derive(Default)]
struct Fake {
    calls: Vec<(String, Value, SimTime)>,
}

impl AwsApi for Fake {
    fn call(
        &mut self,
        _: &str,
        op: &str,
        input: &Value,
        ctx: CallContext,
    ) -> Result<Value, ApiError> {
        self.calls.push((op.to_string(), input.clone(), ctx.now));
        match op {
            "CreateHostedZone" => {
                let r = input["CallerReference"].as_str().unwrap_or("");
                Ok(
                    json!({"HostedZone": {"Id": format!("/hostedzone/Z{r}"), "Name": input["Name"]}}),
                )
            }
            "GetHostedZone" if input["Id"] == "ZMISSING" => Err(ApiError::new(
                "NoSuchHostedZone",
                "No hosted zone found with ID: ZMISSING",
            )),
            _ => Ok(json!({"ChangeInfo": {"Id": "/change/C1", "Status": "INSYNC"}})),
        }
    }
}

fn console() -> Console<Fake> {
    Console::new(Fake::default())
}

#[test]
fn scripts_table() {
    // (script, stdout, stderr contains, status)
    let cases: &[(&str, &str, &str, i32)] = &[
        ("echo a b; echo 'c  d'", "a b\nc  d\n", "", 0),
        ("X=1\necho $X ${X}2 \"$X\"", "1 12 1\n", "", 0),
        ("echo -n a; echo b", "ab\n", "", 0),
        // Unset variables expand to nothing (POSIX §2.6.2).
        ("echo [$NOPE]", "[]\n", "", 0),
        // AND-OR lists (POSIX §2.9.3) and $?.
        ("false && echo no || echo yes; echo $?", "yes\n0\n", "", 0),
        ("true || echo no; false; echo $?", "1\n", "", 0),
        // Assignment-only commands take the status of their last
        // substitution (POSIX §2.9.1).
        ("X=$(false); echo $?", "1\n", "", 0),
        // `$(...)` is a subshell: its assignments and exit stay inside.
        ("X=1; Y=$(X=2; echo $X; exit 3); echo $X $Y $?", "1 2 3\n", "", 0),
        ("echo \"$(echo a; echo b)\"", "a\nb\n", "", 0),
        ("export A=1 B; printenv A; export", "1\nexport A='1'\nexport B\n", "", 0),
        ("A=1; printenv A", "", "", 1),
        ("A=x; unset A; echo [$A]", "[]\n", "", 0),
        ("export 1X=2", "", "export: `1X=2': not a valid identifier", 1),
        ("nosuch arg", "", "nosuch: command not found", 127),
        ("echo a; exit 4; echo b", "a\n", "", 4),
        // A syntax error stops the script where it is, status 2, after
        // running what came before.
        ("echo a\necho 'b", "a\n", "syntax error at line 2, column 6: unterminated single quote", 2),
        ("echo a | cat", "", "pipes (`|`) are not supported", 2),
        // stderr of a substitution reaches the console.
        ("X=$(aws route53 get-hosted-zone --id ZMISSING); echo \"[$X]\"", "[]\n",
         "An error occurred (NoSuchHostedZone) when calling the GetHostedZone operation: No hosted zone found with ID: ZMISSING", 0),
        // AWS_DEFAULT_OUTPUT counts only when exported, as an environment
        // variable does; --output overrides it.
        ("AWS_DEFAULT_OUTPUT=text; aws route53 get-change --id C1 --query ChangeInfo.Status", "\"INSYNC\"\n", "", 0),
        ("export AWS_DEFAULT_OUTPUT=text; aws route53 get-change --id C1 --query ChangeInfo.Status", "INSYNC\n", "", 0),
        ("export AWS_DEFAULT_OUTPUT=text; aws route53 get-change --id C1 --query ChangeInfo.Status --output json", "\"INSYNC\"\n", "", 0),
        ("export AWS_DEFAULT_OUTPUT=xml; aws route53 get-change --id C1", "", "Unknown output type: xml", 255),
        // An unset id leaves the option without a value: the CLI complains.
        ("aws route53 get-hosted-zone --id $UNSET", "", "aws: error: argument --id: expected one argument", 252),
    ];
    for (script, stdout, stderr, status) in cases {
        let mut c = console();
        let out = c.run_script(script);
        assert_eq!(out.stdout, *stdout, "{script}\nstderr: {}", out.stderr);
        assert!(out.stderr.contains(stderr), "{script}: {}", out.stderr);
        if stderr.is_empty() {
            assert_eq!(out.stderr, "", "{script}");
        }
        assert_eq!(out.status, *status, "{script}");
        assert_eq!(c.last_status(), *status, "{script}");
        let stops = script.contains("exit 4") || out.stderr.contains("syntax error");
        assert_eq!(out.stopped, stops, "{script}");
    }
}

#[test]
fn hosted_zone_id_from_command_substitution() {
    let mut c = console();
    let out = c.run_script(
        "HOSTED_ZONE_ID=$(awslocal route53 create-hosted-zone --name hello-localstack.com \
         --caller-reference r1 --query HostedZone.Id --output text)\n\
         aws route53 get-hosted-zone --id $HOSTED_ZONE_ID --query HostedZone.Id",
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(c.variable("HOSTED_ZONE_ID"), Some("/hostedzone/Zr1"));
    assert_eq!(c.api().calls[1].1, json!({"Id": "Zr1"}));
}

#[test]
fn simulated_time_comes_from_the_context() {
    let mut c = console();
    c.set_now(SimTime::from_secs(42));
    c.run_script("aws route53 get-change --id C1");
    assert_eq!(c.api().calls[0].2, SimTime::from_secs(42));
}

#[test]
fn interactive_lines_and_history() {
    let mut c = console();
    let mut buffer = String::new();
    let mut outputs = Vec::new();
    for line in ["echo 'multi", "line' \\", "  done", "X=5", "echo $X"] {
        buffer.push_str(line);
        buffer.push('\n');
        if needs_more_input(&buffer) {
            continue;
        }
        outputs.push(c.run_line(&std::mem::take(&mut buffer)).stdout);
    }
    assert_eq!(outputs, ["multi\nline done\n", "", "5\n"]);
    assert_eq!(
        c.history(),
        ["echo 'multi\nline' \\\n  done", "X=5", "echo $X"]
    );
    let out = c.run_line("history");
    assert!(out.stdout.ends_with("    4  history\n"), "{}", out.stdout);
}

#[test]
fn transcript_keeps_printing_order() {
    let mut c = console();
    let out = c.run_script("echo a; nosuch; echo b");
    let streams: Vec<Stream> = out.transcript.iter().map(|(s, _)| *s).collect();
    assert_eq!(streams, [Stream::Stdout, Stream::Stderr, Stream::Stdout]);
    assert_eq!(out.status, 0);
}

#[test]
fn boxed_backends_work() {
    let mut c: Console<Box<dyn AwsApi>> = Console::new(Box::new(Fake::default()));
    let out = c.run_script(
        "aws route53 get-change --id /change/C1 --query ChangeInfo.Status --output text",
    );
    assert_eq!(out.stdout, "INSYNC\n");
}

#[test]
fn runaway_expansion_is_stopped() {
    let mut c = console();
    let out = c.run_script(&format!("A=xxxxxxxxxxxxxxxx{}", "\nA=$A$A".repeat(20)));
    assert_eq!(out.status, 1);
    assert!(
        out.stderr.contains("expansion longer than"),
        "{}",
        out.stderr
    );
    assert!(c.variable("A").map_or(0, str::len) <= shell::MAX_EXPANSION_LEN);
}

/// Deterministic xorshift, so a failing input can be reproduced.
fn pseudo_random(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn random_text(seed: &mut u64, pieces: &[&str], len: usize) -> String {
    let n = (pseudo_random(seed) as usize) % len;
    (0..n)
        .map(|_| pieces[(pseudo_random(seed) as usize) % pieces.len()])
        .collect()
}

#[test]
fn no_input_makes_the_console_panic() {
    // Shell and CLI syntax in random order: every run must end with an
    // output, never a panic (HELPERS.md: no panic on any user input).
    let pieces = [
        "aws",
        "awslocal",
        " route53",
        " create-hosted-zone",
        " change-resource-record-sets",
        " list-resource-record-sets",
        " get-change",
        " --id",
        " --hosted-zone",
        " --change-batch",
        " --query",
        " --output",
        " text",
        " table",
        " json",
        " --name",
        " --caller-reference",
        " --max-items",
        " --starting-token",
        "'",
        "\"",
        "$",
        "$(",
        ")",
        "${",
        "}",
        "`",
        "\\",
        "\n",
        ";",
        "&&",
        "||",
        "|",
        "&",
        "#",
        "=",
        "X",
        " ",
        "{",
        "}",
        "[",
        "]",
        "[?",
        "==",
        "*",
        "@",
        "file://",
        "-1",
        "é",
        "\"Changes\":",
        "echo",
        "export",
        "unset",
        "exit",
        "history",
        "\t",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..3000 {
        let text = random_text(&mut seed, &pieces, 40);
        let mut c = console();
        let out = c.run_script(&text);
        let _ = needs_more_input(&text);
        assert!((0..=255).contains(&out.status), "{text:?}");
    }
}

#[test]
fn no_query_makes_jmespath_panic() {
    let pieces = [
        "a", "b", ".", "*", "[", "]", "[]", "[?", "]", "{", "}", "(", ")", ",", ":", "|", "||",
        "&&", "&", "!", "==", "!=", "<", ">=", "@", "`1`", "`\"x\"`", "'s'", "\"q\"", "0", "-1",
        "2", "length(", "sort_by(", "join(", "keys(", " ",
    ];
    let data = json!({"a": [{"b": 1}, {"b": "x"}, [1, [2]], null], "b": {"c": true}});
    let mut seed = 0x1234_5678_9abc_def1u64;
    for _ in 0..5000 {
        let text = random_text(&mut seed, &pieces, 20);
        if let Ok(e) = jmespath::Expression::parse(&text) {
            let _ = e.search(&data);
        }
    }
}
