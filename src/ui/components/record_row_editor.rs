//! A record-table row in edit mode: one control per cell, each cell showing
//! its own validation message (`aria-invalid` + `aria-describedby`). Enter
//! commits (Shift+Enter adds a line in the values box), Escape cancels.

use yew::prelude::*;

use crate::ui::view_model::record_table::{CellErrors, Column, RowFields};

/// Props of [`RecordRowEditor`].
#[derive(Properties, PartialEq)]
pub struct RecordRowEditorProps {
    /// Prefix for element ids (unique per table).
    pub id_prefix: AttrValue,
    /// The text being edited.
    pub draft: RowFields,
    /// Messages from the last commit.
    pub errors: CellErrors,
    /// Types offered.
    pub types: Vec<AttrValue>,
    /// True for a new record (changes the labels).
    #[prop_or_default]
    pub is_new: bool,
    /// `aria-rowindex` of the row being edited (none for a new row).
    #[prop_or_default]
    pub aria_index: Option<usize>,
    /// A cell's text changed.
    pub on_change: Callback<(Column, String)>,
    /// Enter or Save.
    pub on_commit: Callback<()>,
    /// Escape or Cancel.
    pub on_cancel: Callback<()>,
}

/// The edit-mode row (and, when the problem is the row as a whole, a second
/// row carrying that message).
#[function_component(RecordRowEditor)]
pub fn record_row_editor(props: &RecordRowEditorProps) -> Html {
    let onkeydown = {
        let (commit, cancel) = (props.on_commit.clone(), props.on_cancel.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" if !e.shift_key() => {
                e.prevent_default();
                commit.emit(());
            }
            "Escape" => {
                e.prevent_default();
                cancel.emit(());
            }
            _ => {}
        })
    };
    let what = if props.is_new {
        "new record".to_string()
    } else {
        format!("{} {}", props.draft.name, props.draft.rtype)
    };
    let row_err_id = format!("{}-row-err", props.id_prefix);
    let cell = |col: Column| -> Html {
        let id = format!("{}-{}", props.id_prefix, col.key());
        let err_id = format!("{id}-err");
        let error = props.errors.get(col);
        let invalid = error.map(|_| "true");
        let described = error.map(|_| AttrValue::from(err_id.clone()));
        let label = format!("{} of {what}", col.title());
        let value = props.draft.get(col).to_string();
        let change = props.on_change.clone();
        let control = match col {
            Column::Type => {
                let onchange = Callback::from(move |e: Event| {
                    let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    change.emit((col, el.value()));
                });
                let mut types = props.types.clone();
                if !value.is_empty() && !types.iter().any(|t| t.as_str() == value) {
                    types.insert(0, AttrValue::from(value.clone()));
                }
                html! {
                    <select {id} aria-label={label} aria-invalid={invalid}
                        aria-describedby={described} {onchange}>
                        { for types.iter().map(|t| html! {
                            <option value={t.clone()} selected={t.as_str() == value}>{ t.clone() }</option>
                        }) }
                    </select>
                }
            }
            Column::Values => {
                let oninput = Callback::from(move |e: InputEvent| {
                    let el: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                    change.emit((col, el.value()));
                });
                let rows = value.lines().count().clamp(1, 4).to_string();
                html! {
                    <textarea {id} class="mono" aria-label={format!("{label} (one per line; Shift+Enter for a new line)")}
                        aria-invalid={invalid} aria-describedby={described}
                        {rows} {value} {oninput} />
                }
            }
            _ => {
                let oninput = Callback::from(move |e: InputEvent| {
                    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
                    change.emit((col, el.value()));
                });
                let inputmode = (col == Column::Ttl).then_some("numeric");
                html! {
                    <input {id} type="text" aria-label={label} aria-invalid={invalid}
                        aria-describedby={described} {inputmode} {value} {oninput}
                        autocomplete="off" spellcheck="false" />
                }
            }
        };
        html! {
            <td class={classes!("rt-edit-cell", error.map(|_| "rt-invalid"))}>
                { control }
                if let Some(msg) = error {
                    <p class="cell-error" id={err_id}>
                        <span aria-hidden="true">{ "✕ " }</span>{ msg }
                    </p>
                }
            </td>
        }
    };
    let save = props.on_commit.reform(|_: MouseEvent| ());
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <>
            <tr class="rt-editing" {onkeydown} aria-rowindex={props.aria_index.map(|i| i.to_string())}>
                { for Column::ALL.into_iter().map(cell) }
                <td class="rt-actions">
                    <button type="button" class="btn-small btn-primary" onclick={save}>{ "Save" }</button>
                    <button type="button" class="btn-small" onclick={cancel}>{ "Cancel" }</button>
                </td>
            </tr>
            if let Some(msg) = &props.errors.row {
                <tr class="rt-row-error">
                    <td colspan="7" id={row_err_id}>
                        <p class="cell-error"><span aria-hidden="true">{ "✕ " }</span>{ msg.clone() }</p>
                    </td>
                </tr>
            }
        </>
    }
}
