//! The console's scrollback lines and its input history.

/// Where a scrollback line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A command the user ran (shown after the prompt).
    Input,
    /// A further line of a multi-line command (shown after the
    /// continuation prompt, as a shell echoes it).
    Continuation,
    /// The command's normal output.
    Stdout,
    /// The command's error output.
    Stderr,
}

/// One line of scrollback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleLine {
    /// Where it came from.
    pub kind: LineKind,
    /// The text (one line; no trailing newline).
    pub text: String,
}

impl ConsoleLine {
    /// A line of the given kind.
    pub fn new(kind: LineKind, text: impl Into<String>) -> Self {
        ConsoleLine {
            kind,
            text: text.into(),
        }
    }
}

/// What the interpreter says about a submitted command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunOutcome {
    /// The command is incomplete (an open quote, a trailing `\`): the console
    /// keeps it and asks for another line, then sends the lines joined by `\n`.
    pub needs_more: bool,
}

/// A button that runs a ready-made command (the blog's LocalStack command).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleExample {
    /// Button text.
    pub label: String,
    /// The command run, verbatim.
    pub command: String,
}

/// Most commands kept in history; older ones are forgotten.
pub const HISTORY_LIMIT: usize = 200;

/// Shell-style input history: ArrowUp walks back through earlier commands,
/// ArrowDown walks forward and finally restores what was being typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    entries: Vec<String>,
    /// Index into `entries` while browsing; `None` when editing a new line.
    cursor: Option<usize>,
    /// The unfinished line saved when browsing started.
    draft: String,
}

impl History {
    /// Records a submitted command and stops browsing. Blank commands and
    /// an immediate repeat are not recorded (as bash's `ignoredups`).
    pub fn push(&mut self, command: &str) {
        self.cursor = None;
        self.draft.clear();
        if command.trim().is_empty() || self.entries.last().is_some_and(|l| l == command) {
            return;
        }
        if self.entries.len() >= HISTORY_LIMIT {
            self.entries.remove(0);
        }
        self.entries.push(command.to_string());
    }

    /// The command before the current one, given the text in the input; `None`
    /// when there is nothing earlier (the input keeps its text).
    pub fn up(&mut self, current: &str) -> Option<String> {
        let next = match self.cursor {
            None => {
                if self.entries.is_empty() {
                    return None;
                }
                self.draft = current.to_string();
                self.entries.len() - 1
            }
            Some(0) => return None,
            Some(i) => i - 1,
        };
        self.cursor = Some(next);
        self.entries.get(next).cloned()
    }

    /// The command after the current one, or the saved draft after the last;
    /// `None` when not browsing.
    pub fn down(&mut self) -> Option<String> {
        let i = self.cursor?;
        if i + 1 < self.entries.len() {
            self.cursor = Some(i + 1);
            self.entries.get(i + 1).cloned()
        } else {
            self.cursor = None;
            Some(std::mem::take(&mut self.draft))
        }
    }

    /// The recorded commands, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_and_down_walk_history_and_restore_the_draft() {
        let mut h = History::default();
        assert_eq!(h.up("typed"), None, "no history yet");
        h.push("dig a.example.com");
        h.push("dig b.example.com");
        // (key, expected input text after it)
        let steps = [
            ("up", Some("dig b.example.com")),
            ("up", Some("dig a.example.com")),
            ("up", None), // at the oldest: stays put
            ("down", Some("dig b.example.com")),
            ("down", Some("half-typed")), // past the newest: the draft
            ("down", None),               // not browsing any more
        ];
        let mut first = true;
        for (key, want) in steps {
            let got = if key == "up" {
                let cur = if first { "half-typed" } else { "ignored" };
                first = false;
                h.up(cur)
            } else {
                h.down()
            };
            assert_eq!(got.as_deref(), want, "{key}");
        }
    }

    #[test]
    fn blank_and_repeated_commands_are_not_recorded() {
        let mut h = History::default();
        for c in ["ls", "ls", "  ", "", "dig", "ls"] {
            h.push(c);
        }
        assert_eq!(h.entries(), ["ls", "dig", "ls"]);
    }

    #[test]
    fn history_is_bounded() {
        let mut h = History::default();
        for i in 0..HISTORY_LIMIT + 5 {
            h.push(&format!("cmd {i}"));
        }
        assert_eq!(h.entries().len(), HISTORY_LIMIT);
        assert_eq!(h.entries()[0], "cmd 5");
    }

    #[test]
    fn pushing_stops_browsing() {
        let mut h = History::default();
        h.push("one");
        h.push("two");
        assert_eq!(h.up("").as_deref(), Some("two"));
        h.push("three");
        assert_eq!(h.down(), None);
        assert_eq!(h.up("").as_deref(), Some("three"));
    }
}
