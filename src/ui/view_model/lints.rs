//! The lint panel's warnings.

use super::record_table::RowId;

/// How much a lint matters; shown by word and symbol, not colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Likely to bite.
    Warning,
    /// Will not work as intended.
    Error,
}

impl Severity {
    /// The word shown.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "Note",
            Severity::Warning => "Warning",
            Severity::Error => "Problem",
        }
    }

    /// The symbol shown before the word.
    pub fn symbol(self) -> &'static str {
        match self {
            Severity::Info => "i",
            Severity::Warning => "⚠",
            Severity::Error => "✕",
        }
    }

    /// CSS class suffix.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One warning about the zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintView {
    /// Stable code, e.g. `same-ip-two-names`.
    pub code: String,
    /// One line.
    pub title: String,
    /// Why it matters, in a sentence or two.
    pub explanation: String,
    /// How much it matters.
    pub severity: Severity,
    /// The record sets involved ("show me" highlights them).
    pub records: Vec<RowId>,
}

/// Lints ordered for display: most severe first, in the given order within
/// a severity (so the list does not jump around between edits). Three
/// passes rather than a sort: a sort routine costs kilobytes of wasm.
pub fn sorted_for_display(lints: &[LintView]) -> Vec<&LintView> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .flat_map(|sev| lints.iter().filter(move |l| l.severity == sev))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(code: &str, severity: Severity) -> LintView {
        LintView {
            code: code.into(),
            title: String::new(),
            explanation: String::new(),
            severity,
            records: vec![],
        }
    }

    #[test]
    fn most_severe_first_then_in_given_order() {
        let lints = [
            lint("b", Severity::Info),
            lint("z", Severity::Error),
            lint("a", Severity::Warning),
            lint("a", Severity::Info),
        ];
        let order: Vec<(&str, Severity)> = sorted_for_display(&lints)
            .iter()
            .map(|l| (l.code.as_str(), l.severity))
            .collect();
        assert_eq!(
            order,
            [
                ("z", Severity::Error),
                ("a", Severity::Warning),
                ("b", Severity::Info),
                ("a", Severity::Info)
            ]
        );
    }

    #[test]
    fn each_severity_has_its_own_word_and_symbol() {
        let all = [Severity::Info, Severity::Warning, Severity::Error];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.label(), b.label());
                assert_ne!(a.symbol(), b.symbol());
            }
        }
    }
}
