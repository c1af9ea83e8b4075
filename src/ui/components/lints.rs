//! The lint panel: the engine's warnings about the zone, each with its
//! explanation and a "show me" that highlights the record sets involved.

use yew::prelude::*;

use crate::ui::view_model::lints::{sorted_for_display, LintView};
use crate::ui::view_model::record_table::RowId;

/// Props of [`Lints`].
#[derive(Properties, PartialEq)]
pub struct LintsProps {
    /// The warnings.
    pub lints: Vec<LintView>,
    /// "Show me" pressed: the records to highlight.
    pub on_show: Callback<Vec<RowId>>,
}

/// The list of warnings.
#[function_component(Lints)]
pub fn lints(props: &LintsProps) -> Html {
    if props.lints.is_empty() {
        return html! { <p class="lints-none"><span aria-hidden="true">{ "✓ " }</span>{ "No warnings about this zone." }</p> };
    }
    html! {
        <ul class="lints">
            { for sorted_for_display(&props.lints).into_iter().map(|l| {
                let records = l.records.clone();
                let onclick = props.on_show.reform(move |_: MouseEvent| records.clone());
                let n = l.records.len();
                html! {
                    <li class={classes!("lint", format!("lint-{}", l.severity.key()))}>
                        <p class="lint-head">
                            <span class="lint-severity">
                                <span aria-hidden="true">{ l.severity.symbol() }{ " " }</span>{ l.severity.label() }
                            </span>
                            { " " }<strong>{ l.title.clone() }</strong>
                            { " " }<code class="lint-code">{ l.code.clone() }</code>
                        </p>
                        <p class="lint-text">{ l.explanation.clone() }</p>
                        if n > 0 {
                            <button type="button" class="btn-small" {onclick}
                                aria-label={format!("Show me the {n} record{} for {}", if n == 1 { "" } else { "s" }, l.code)}>
                                { "Show me" }
                            </button>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
