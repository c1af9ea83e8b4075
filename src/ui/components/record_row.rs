//! One record set shown read-only in the record table, with its Edit and
//! Delete buttons. The row has a fixed height (see `ROW_HEIGHT_PX`), which the
//! table's windowing relies on.

use yew::prelude::*;

use crate::ui::view_model::record_table::{value_lines, Column, RecordRow};

/// Props of [`RecordRowView`].
#[derive(Properties, PartialEq)]
pub struct RecordRowProps {
    /// The row.
    pub row: RecordRow,
    /// 1-based row number including the header (for `aria-rowindex`).
    pub aria_index: usize,
    /// Highlighted by a lint's "show me".
    #[prop_or_default]
    pub highlighted: bool,
    /// Edit pressed.
    pub on_edit: Callback<()>,
    /// Delete pressed.
    pub on_delete: Callback<()>,
}

/// A read-only row.
#[function_component(RecordRowView)]
pub fn record_row_view(props: &RecordRowProps) -> Html {
    let row = &props.row;
    let f = &row.fields;
    let who = format!("{} {}", f.name, f.rtype);
    let cell = |col: Column| -> Html {
        let text = f.get(col);
        match col {
            Column::Ttl if text.is_empty() => {
                let shown = if row.is_alias { "alias" } else { "—" };
                html! { <td class="rt-cell rt-muted">{ shown }</td> }
            }
            Column::Values => {
                let joined = value_lines(text).join(", ");
                html! {
                    <td class="rt-cell rt-values" title={joined.clone()}>
                        if row.is_alias { <span class="badge">{ "Alias →" }</span>{ " " } }
                        <span class="mono">{ joined }</span>
                    </td>
                }
            }
            Column::Name => html! {
                <th scope="row" class="rt-cell rt-name mono" title={text.to_string()}>{ text }</th>
            },
            _ => {
                html! { <td class={classes!("rt-cell", format!("rt-{}", col.key()))} title={text.to_string()}>{ text }</td> }
            }
        }
    };
    let on_edit = props.on_edit.reform(|_: MouseEvent| ());
    let on_delete = props.on_delete.reform(|_: MouseEvent| ());
    html! {
        <tr class={classes!("rt-row", props.highlighted.then_some("rt-highlighted"))}
            aria-rowindex={props.aria_index.to_string()}>
            { for Column::ALL.into_iter().map(cell) }
            <td class="rt-actions">
                <button type="button" class="btn-small rt-edit" onclick={on_edit}
                    aria-label={format!("Edit {who}")}>{ "Edit" }</button>
                <button type="button" class="btn-small btn-danger" onclick={on_delete}
                    aria-label={format!("Delete {who}")}>{ "Delete" }</button>
            </td>
        </tr>
    }
}
