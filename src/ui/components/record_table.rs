//! The record table: every record set of the zone, editable inline. Long
//! tables render only the rows in view (`view_model::windowing`), so 5,000
//! record sets stay fast.
//!
//! Commits return the engine's validation as [`CellErrors`]: empty means the
//! edit was applied and the row leaves edit mode; otherwise each message
//! shows in its cell and the draft stays for fixing.

use std::rc::Rc;

use yew::prelude::*;

use super::record_row::RecordRowView;
use super::record_row_editor::RecordRowEditor;
use crate::ui::view_model::record_table::{
    first_index_of, CellErrors, Column, EditRequest, RecordRow, RowEdit, RowFields, RowId,
    DEFAULT_TYPES,
};
use crate::ui::view_model::windowing::{row_window, scroll_to_row, OVERSCAN};

/// Height of a read-only row in px; `static/style.css` pins `.rt-row` to it.
pub const ROW_HEIGHT_PX: u32 = 40;
/// Height of the sticky header row in px (also pinned in the CSS).
pub const HEADER_HEIGHT_PX: f64 = 40.0;
/// Viewport assumed before the scroll box is measured.
const DEFAULT_VIEWPORT_PX: u32 = 480;

/// The height of the scroll box that can be on screen: its own height, but
/// never more than the window's (if the stylesheet failed to cap the box,
/// the table must still not render 5,000 rows).
fn visible_height(el: &web_sys::Element) -> u32 {
    let own = el.client_height().max(0) as u32;
    let window = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .filter(|h| h.is_finite() && *h > 0.0)
        .map_or(u32::MAX, |h| h as u32);
    own.min(window)
}

/// Props of [`RecordTable`].
#[derive(Properties, PartialEq)]
pub struct RecordTableProps {
    /// The record sets, in display order. An `Rc` so a 5,000-row zone is
    /// compared by pointer, not row by row, on every render.
    pub rows: Rc<Vec<RecordRow>>,
    /// Accessible name of the table, e.g. `Record sets in example.com`.
    #[prop_or(AttrValue::Static("Record sets"))]
    pub caption: AttrValue,
    /// Types offered in the type select; empty means [`DEFAULT_TYPES`].
    #[prop_or_default]
    pub types: Vec<AttrValue>,
    /// Rows to highlight (a lint's "show me"); the first is scrolled into view.
    #[prop_or_default]
    pub highlighted: Vec<RowId>,
    /// Prefix for element ids, unique per table on the page.
    #[prop_or(AttrValue::Static("rt"))]
    pub id_prefix: AttrValue,
    /// An edited row was saved; returns the validation messages (empty = applied).
    pub on_commit: Callback<RowEdit, CellErrors>,
    /// A new row was saved; returns the validation messages (empty = added).
    pub on_add: Callback<RowFields, CellErrors>,
    /// A row's Delete was pressed.
    pub on_delete: Callback<RowId>,
    /// An edit to make for the user (a prompt): committed through
    /// `on_commit`, and left open with its messages when refused.
    #[prop_or_default]
    pub request: Option<EditRequest>,
    /// The hosted zone's id, which a new alias target starts with.
    #[prop_or_default]
    pub zone_id: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Target {
    New,
    Existing(RowId),
}

#[derive(Clone, PartialEq)]
struct Editing {
    target: Target,
    /// `aria-rowindex` of the row edited (0 for a new row), to give focus
    /// back to its Edit button when the edit ends.
    aria_index: usize,
    draft: RowFields,
    errors: CellErrors,
}

/// Where keyboard focus goes after the next render, as a selector inside
/// the table (built only from fixed text and numbers). The counter makes
/// a repeated request (two rejected commits in a row) run again.
type FocusRequest = (u32, String);

fn focus_after_edit(e: &Editing) -> String {
    if e.target == Target::New {
        ".rt-add".to_string()
    } else {
        format!("tr[aria-rowindex=\"{}\"] .rt-edit", e.aria_index)
    }
}

/// The editable, windowed record table.
#[function_component(RecordTable)]
pub fn record_table(props: &RecordTableProps) -> Html {
    let scroll = use_node_ref();
    let scroll_top = use_state_eq(|| 0.0_f64);
    let viewport = use_state_eq(|| DEFAULT_VIEWPORT_PX);
    let editing = use_state_eq(|| None::<Editing>);
    let root = use_node_ref();
    let focus = use_state_eq(|| (0_u32, String::new()));
    let request_focus = {
        let focus = focus.clone();
        Callback::from(move |selector: String| focus.set((focus.0.wrapping_add(1), selector)))
    };

    let onscroll = {
        let (scroll, scroll_top, viewport) = (scroll.clone(), scroll_top.clone(), viewport.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroll.cast::<web_sys::Element>() {
                scroll_top.set(f64::from(el.scroll_top()));
                viewport.set(visible_height(&el));
            }
        })
    };
    {
        let (scroll, viewport) = (scroll.clone(), viewport.clone());
        use_effect_with((), move |_| {
            if let Some(el) = scroll.cast::<web_sys::Element>() {
                let h = visible_height(&el);
                if h > 0 {
                    viewport.set(h);
                }
            }
        });
    }
    {
        // "Show me": bring the first highlighted row into view.
        let scroll = scroll.clone();
        let index = if props.highlighted.is_empty() {
            None
        } else {
            first_index_of(&props.rows, &props.highlighted)
        };
        use_effect_with((props.highlighted.clone(), index), move |(_, index)| {
            if let (Some(i), Some(el)) = (index, scroll.cast::<web_sys::Element>()) {
                let top = scroll_to_row(i.saturating_sub(1), ROW_HEIGHT_PX);
                el.set_scroll_top(top.min(f64::from(i32::MAX)) as i32);
            }
        });
    }
    {
        let root = root.clone();
        use_effect_with((*focus).clone(), move |(n, selector): &FocusRequest| {
            if *n > 0 {
                let target = root
                    .cast::<web_sys::Element>()
                    .and_then(|el| el.query_selector(selector).ok().flatten())
                    .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
                if let Some(el) = target {
                    let _ = el.focus();
                }
            }
        });
    }

    {
        let (editing, request_focus) = (editing.clone(), request_focus.clone());
        let on_commit = props.on_commit.clone();
        let index = props
            .request
            .as_ref()
            .and_then(|r| props.rows.iter().position(|row| row.id == r.edit.id));
        use_effect_with(props.request.clone(), move |request| {
            if let (Some(r), Some(i)) = (request, index) {
                let errors = on_commit.emit(r.edit.clone());
                if errors.is_empty() {
                    editing.set(None);
                } else {
                    editing.set(Some(Editing {
                        target: Target::Existing(r.edit.id.clone()),
                        aria_index: i + 2,
                        draft: r.edit.fields.clone(),
                        errors,
                    }));
                    request_focus.emit("[aria-invalid=\"true\"]".to_string());
                }
            }
        });
    }

    let types: Vec<AttrValue> = if props.types.is_empty() {
        DEFAULT_TYPES.iter().map(|t| AttrValue::Static(t)).collect()
    } else {
        props.types.clone()
    };

    let on_change = {
        let editing = editing.clone();
        Callback::from(move |draft: RowFields| {
            if let Some(mut e) = (*editing).clone() {
                e.draft = draft;
                editing.set(Some(e));
            }
        })
    };
    let on_cancel = {
        let (editing, request_focus) = (editing.clone(), request_focus.clone());
        Callback::from(move |()| {
            if let Some(e) = &*editing {
                request_focus.emit(focus_after_edit(e));
            }
            editing.set(None);
        })
    };
    let on_save = {
        let (editing, request_focus) = (editing.clone(), request_focus.clone());
        let (on_commit, on_add) = (props.on_commit.clone(), props.on_add.clone());
        Callback::from(move |()| {
            let Some(mut e) = (*editing).clone() else {
                return;
            };
            let errors = match &e.target {
                Target::New => on_add.emit(e.draft.clone()),
                Target::Existing(id) => on_commit.emit(RowEdit {
                    id: id.clone(),
                    fields: e.draft.clone(),
                }),
            };
            if errors.is_empty() {
                request_focus.emit(focus_after_edit(&e));
                editing.set(None);
            } else {
                e.errors = errors;
                editing.set(Some(e));
                request_focus.emit("[aria-invalid=\"true\"]".to_string());
            }
        })
    };
    let first_field = format!("#{}-{}", props.id_prefix, Column::Name.key());
    let start_add = {
        let (editing, request_focus) = (editing.clone(), request_focus.clone());
        let first_type = types.first().map(|t| t.to_string()).unwrap_or_default();
        let first_field = first_field.clone();
        Callback::from(move |_: MouseEvent| {
            request_focus.emit(first_field.clone());
            editing.set(Some(Editing {
                target: Target::New,
                aria_index: 0,
                draft: RowFields {
                    rtype: first_type.clone(),
                    routing: "simple".into(),
                    ttl: "300".into(),
                    ..RowFields::default()
                },
                errors: CellErrors::default(),
            }));
        })
    };

    let editor = |e: &Editing| {
        html! {
            <RecordRowEditor
                id_prefix={props.id_prefix.clone()}
                draft={e.draft.clone()}
                errors={e.errors.clone()}
                types={types.clone()}
                zone_id={props.zone_id.clone()}
                is_new={e.target == Target::New}
                aria_index={(e.aria_index > 0).then_some(e.aria_index)}
                on_change={on_change.clone()}
                on_commit={on_save.clone()}
                on_cancel={on_cancel.clone()} />
        }
    };

    let rows = &props.rows;
    let effective_top = (*scroll_top - HEADER_HEIGHT_PX).max(0.0);
    let win = row_window(
        rows.len(),
        ROW_HEIGHT_PX,
        effective_top,
        *viewport,
        OVERSCAN,
    );
    let spacer = |h: u64| {
        (h > 0).then(|| {
            html! {
                <tr class="rt-spacer" aria-hidden="true">
                    <td colspan="7"><svg class="rt-spacer-svg" width="1" height={h.to_string()} focusable="false"></svg></td>
                </tr>
            }
        })
    };
    let body = rows
        .get(win.first..win.end)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let being_edited = matches!(&*editing, Some(Editing { target: Target::Existing(id), .. }) if *id == row.id);
            if being_edited {
                if let Some(e) = &*editing {
                    return editor(e);
                }
            }
            let aria_index = win.first + i + 2;
            let start_edit = {
                let (editing, request_focus) = (editing.clone(), request_focus.clone());
                let (id, draft) = (row.id.clone(), row.fields.clone());
                let first_field = first_field.clone();
                Callback::from(move |()| {
                    request_focus.emit(first_field.clone());
                    editing.set(Some(Editing {
                        target: Target::Existing(id.clone()),
                        aria_index,
                        draft: draft.clone(),
                        errors: CellErrors::default(),
                    }))
                })
            };
            let delete = {
                let id = row.id.clone();
                props.on_delete.reform(move |()| id.clone())
            };
            html! {
                <RecordRowView
                    row={row.clone()}
                    {aria_index}
                    highlighted={props.highlighted.contains(&row.id)}
                    on_edit={start_edit}
                    on_delete={delete} />
            }
        });
    let adding = matches!(
        &*editing,
        Some(Editing {
            target: Target::New,
            ..
        })
    );
    let count = match rows.len() {
        1 => "1 record set".to_string(),
        n => format!("{n} record sets"),
    };
    html! {
        <div class="record-table" ref={root}>
            <div class="rt-toolbar">
                <button type="button" class="btn rt-add" onclick={start_add} disabled={adding}>{ "Add record" }</button>
                <span class="rt-count" aria-live="polite">{ count }</span>
            </div>
            <div class="rt-scroll" ref={scroll} {onscroll} tabindex="0" role="region"
                aria-label={props.caption.clone()}>
                <table class="rt-table" aria-rowcount={(rows.len() + 1).to_string()}>
                    <caption class="visually-hidden">{ props.caption.clone() }</caption>
                    <thead>
                        <tr aria-rowindex="1">
                            { for Column::ALL.iter().map(|c| html! { <th scope="col">{ c.title() }</th> }) }
                            <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        if let Some(e) = editing.as_ref().filter(|_| adding) { { editor(e) } }
                        { spacer(win.pad_top) }
                        { for body }
                        { spacer(win.pad_bottom) }
                        if rows.is_empty() && !adding {
                            <tr><td colspan="7" class="rt-empty">{ "No record sets yet. Add one to start." }</td></tr>
                        }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
