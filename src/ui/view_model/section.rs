//! A section page's "try this" prompts.

/// A prompt that leads to an aha, e.g. "Break app-a and press play".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TryPrompt {
    /// Stable id sent back when the prompt is chosen.
    pub id: String,
    /// The button text.
    pub label: String,
    /// What to watch for afterwards, shown under the button.
    pub hint: Option<String>,
}
