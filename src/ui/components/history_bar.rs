//! Undo, Redo and "Reset to the blog's version" for a page's work. Each
//! history button names what it would undo or redo ("Undo: edit api A"),
//! so its accessible name says it too; with nothing to do it is disabled.

use yew::prelude::*;

/// Props of [`HistoryBar`].
#[derive(Properties, PartialEq)]
pub struct HistoryBarProps {
    /// What Undo would undo; `None` disables it.
    pub undo: Option<AttrValue>,
    /// What Redo would redo; `None` disables it.
    pub redo: Option<AttrValue>,
    /// Whether the page differs from its preset.
    pub can_reset: bool,
    /// Undo pressed.
    pub on_undo: Callback<()>,
    /// Redo pressed.
    pub on_redo: Callback<()>,
    /// Reset pressed.
    pub on_reset: Callback<()>,
}

fn history_button(
    verb: &'static str,
    what: &Option<AttrValue>,
    keys: &'static str,
    shortcut: &'static str,
    on: &Callback<()>,
) -> Html {
    let onclick = on.reform(|_: MouseEvent| ());
    let title = match what {
        Some(w) => format!("{verb}: {w} ({shortcut})"),
        None => format!("Nothing to {}", verb.to_lowercase()),
    };
    html! {
        <button type="button" class={classes!("btn", "history-btn", format!("history-{}", verb.to_lowercase()))}
            disabled={what.is_none()} aria-keyshortcuts={keys} {title} {onclick}>
            <span class="history-verb">{ verb }</span>
            if let Some(w) = what {
                <span class="history-what">{ format!(": {w}") }</span>
            }
        </button>
    }
}

/// The page's history controls.
#[function_component(HistoryBar)]
pub fn history_bar(props: &HistoryBarProps) -> Html {
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <div class="history" role="group" aria-label="Your changes">
            { history_button("Undo", &props.undo, "Control+Z Meta+Z", "Ctrl+Z", &props.on_undo) }
            { history_button("Redo", &props.redo, "Control+Shift+Z Meta+Shift+Z Control+Y",
                "Ctrl+Shift+Z", &props.on_redo) }
            <button type="button" class="btn history-reset" disabled={!props.can_reset}
                onclick={on_reset}>{ "Reset to the blog's version" }</button>
        </div>
    }
}
