//! The console: scrollback, an input with shell-style history (ArrowUp /
//! ArrowDown), continuation lines while a command is incomplete, and buttons
//! that run ready-made examples.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::view_model::console::{ConsoleExample, ConsoleLine, History, LineKind, RunOutcome};

/// The prompt before a new command.
pub const PROMPT: &str = "$ ";
/// The prompt before a continuation line.
pub const CONTINUATION: &str = "> ";

/// Props of [`Console`].
#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    /// The scrollback (the store's `console`, shared rather than copied).
    pub lines: Rc<Vec<ConsoleLine>>,
    /// Runs a command (lines joined by `\n` after continuations); the
    /// interpreter appends its output to `lines` and says whether the
    /// command needs more lines.
    pub on_run: Callback<String, RunOutcome>,
    /// Ready-made commands, each a button.
    #[prop_or_default]
    pub examples: Vec<ConsoleExample>,
    /// Clear pressed; when absent, no Clear button.
    #[prop_or_default]
    pub on_clear: Option<Callback<()>>,
    /// Prefix for element ids, unique per console on the page.
    #[prop_or(AttrValue::Static("console"))]
    pub id_prefix: AttrValue,
}

/// The interactive console.
#[function_component(Console)]
pub fn console(props: &ConsoleProps) -> Html {
    let input = use_state_eq(String::new);
    let pending = use_state_eq(Vec::<String>::new);
    let history = use_mut_ref(History::default);
    let scroll = use_node_ref();
    let input_ref = use_node_ref();
    {
        // Keep the newest output in view.
        let scroll = scroll.clone();
        use_effect_with((props.lines.len(), pending.len()), move |_| {
            if let Some(el) = scroll.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let run: Rc<dyn Fn(String)> = {
        let (pending, history, on_run) = (pending.clone(), history.clone(), props.on_run.clone());
        Rc::new(move |line: String| {
            let mut lines = (*pending).clone();
            lines.push(line);
            let command = lines.join("\n");
            let outcome = on_run.emit(command.clone());
            if outcome.needs_more {
                pending.set(lines);
            } else {
                history.borrow_mut().push(&command);
                pending.set(Vec::new());
            }
        })
    };
    let onkeydown = {
        let (input, history, run) = (input.clone(), history.clone(), run.clone());
        Callback::from(move |e: KeyboardEvent| {
            // A recalled command may span lines: the arrows move the caret
            // inside it, and only walk history from its first or last line.
            let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let text = el.value();
            let caret = el
                .selection_start()
                .ok()
                .flatten()
                .map_or(0, |c| c as usize);
            let recalled = match e.key().as_str() {
                "Enter" if !e.shift_key() => {
                    e.prevent_default();
                    input.set(String::new());
                    run(text);
                    return;
                }
                "ArrowUp" if on_first_line(&text, caret) => history.borrow_mut().up(&input),
                "ArrowDown" if on_last_line(&text, caret) => history.borrow_mut().down(),
                _ => return,
            };
            e.prevent_default();
            if let Some(text) = recalled {
                input.set(text);
            }
        })
    };
    let oninput = {
        let input = input.clone();
        Callback::from(move |e: InputEvent| {
            input.set(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            )
        })
    };
    let focus_input = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = input_ref.cast::<web_sys::HtmlElement>() {
                // Clicking the scrollback focuses the input, unless the user is selecting text.
                let selecting = web_sys::window()
                    .and_then(|w| w.get_selection().ok().flatten())
                    .is_some_and(|s| !s.is_collapsed());
                if !selecting {
                    let _ = el.focus();
                }
            }
        })
    };
    let input_id = format!("{}-input", props.id_prefix);
    let prompt = if pending.is_empty() {
        PROMPT
    } else {
        CONTINUATION
    };
    let kind_class = |k: LineKind| match k {
        LineKind::Input | LineKind::Continuation => "con-input",
        LineKind::Stdout => "con-stdout",
        LineKind::Stderr => "con-stderr",
    };
    html! {
        <div class="console">
            if !props.examples.is_empty() || props.on_clear.is_some() {
                <div class="console-actions">
                    { for props.examples.iter().map(|ex| {
                        let (run, cmd) = (run.clone(), ex.command.clone());
                        let onclick = Callback::from(move |_: MouseEvent| run(cmd.clone()));
                        html! {
                            <button type="button" class="btn" {onclick} title={ex.command.clone()}>
                                { format!("Run: {}", ex.label) }
                            </button>
                        }
                    }) }
                    if let Some(clear) = &props.on_clear {
                        <button type="button" class="btn" onclick={clear.reform(|_: MouseEvent| ())}>{ "Clear" }</button>
                    }
                </div>
            }
            <div class="console-screen mono" ref={scroll} onclick={focus_input}>
                <div class="console-log" role="log" aria-live="polite" aria-label="Console output">
                    { for props.lines.iter().map(|l| html! {
                        <div class={classes!("con-line", kind_class(l.kind))}>
                            if l.kind == LineKind::Input { <span class="con-prompt" aria-hidden="true">{ PROMPT }</span> }
                            if l.kind == LineKind::Continuation { <span class="con-prompt" aria-hidden="true">{ CONTINUATION }</span> }
                            if l.kind == LineKind::Stderr { <span class="visually-hidden">{ "error: " }</span> }
                            { l.text.clone() }
                        </div>
                    }) }
                </div>
                { for pending.iter().enumerate().map(|(i, l)| html! {
                    <div class="con-line con-input con-pending">
                        <span class="con-prompt" aria-hidden="true">{ if i == 0 { PROMPT } else { CONTINUATION } }</span>
                        { l.clone() }
                    </div>
                }) }
                <div class="con-entry">
                    <label for={input_id.clone()} class="con-prompt">
                        <span aria-hidden="true">{ prompt }</span>
                        <span class="visually-hidden">{ if pending.is_empty() { "Command" } else { "Continue the command" } }</span>
                    </label>
                    <textarea id={input_id} ref={input_ref} class="con-field mono"
                        rows={input.lines().count().max(1).to_string()}
                        value={(*input).clone()} {oninput} {onkeydown}
                        autocomplete="off" autocapitalize="off" spellcheck="false"
                        aria-describedby={format!("{}-help", props.id_prefix)} />
                </div>
            </div>
            <p class="console-help muted" id={format!("{}-help", props.id_prefix)}>
                { "Enter runs; Shift+Enter adds a line; ↑ and ↓ walk through earlier commands." }
            </p>
        </div>
    }
}

/// True when the caret (a UTF-16 offset, as the DOM reports it) is on the
/// first line of `text`.
pub fn on_first_line(text: &str, caret: usize) -> bool {
    !text
        .encode_utf16()
        .take(caret)
        .any(|u| u == u16::from(b'\n'))
}

/// True when the caret is on the last line of `text`.
pub fn on_last_line(text: &str, caret: usize) -> bool {
    !text
        .encode_utf16()
        .skip(caret)
        .any(|u| u == u16::from(b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_walk_history_only_from_the_edge_lines() {
        // (text, caret) -> (on first line, on last line)
        for (text, caret, first, last) in [
            ("", 0, true, true),
            ("dig a", 3, true, true),
            ("dig a \\\n+short", 2, true, false),
            ("dig a \\\n+short", 10, false, true),
            ("a\nb\nc", 2, false, false),
            ("é\nx", 1, true, false), // one UTF-16 unit before the newline
            ("a", 99, true, true),    // a caret past the end is the end
        ] {
            assert_eq!(on_first_line(text, caret), first, "{text:?} @{caret}");
            assert_eq!(on_last_line(text, caret), last, "{text:?} @{caret}");
        }
    }
}
