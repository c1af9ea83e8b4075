//! The labelled hex view of a DNS message: a 16-bytes-per-line grid beside
//! a table of fields. Pointing at (or focusing) a field highlights its bytes,
//! and pointing at a byte highlights its field. The field rows are one tab
//! stop: ArrowUp/ArrowDown/Home/End move between them (a roving tabindex),
//! so a long message does not swallow the Tab key.

use yew::prelude::*;

use crate::ui::view_model::hex::{hex_dump, WireView};

/// Props of [`HexView`].
#[derive(Properties, PartialEq)]
pub struct HexViewProps {
    /// The message.
    pub wire: WireView,
}

/// The grid and the field table.
#[function_component(HexView)]
pub fn hex_view(props: &HexViewProps) -> Html {
    let active = use_state_eq(|| None::<usize>);
    let table = use_node_ref();
    let dump = use_memo(props.wire.clone(), hex_dump);
    let n = dump.fields.len();
    if dump.lines.is_empty() {
        return html! { <p class="muted">{ "No message yet: ask a question above." }</p> };
    }
    let set = |i: Option<usize>| {
        let active = active.clone();
        Callback::from(move |_: Event| active.set(i))
    };
    let grid = dump.lines.iter().map(|line| {
        html! {
            <div class="hex-line">
                <span class="hex-offset" aria-hidden="true">{ format!("{:04x}", line.offset) }</span>
                { for line.bytes.iter().map(|b| {
                    let on = b.field.is_some() && b.field == *active;
                    let enter = set(b.field);
                    html! {
                        <span class={classes!("hex-byte", on.then_some("hex-on"), b.field.is_none().then_some("hex-free"))}
                            onmouseenter={enter.reform(|e: MouseEvent| e.into())}>
                            { format!("{:02x}", b.value) }
                        </span>
                    }
                }) }
            </div>
        }
    });
    let tab_stop = active.filter(|i| *i < n).unwrap_or(0);
    let onkeydown = {
        let (active, table) = (active.clone(), table.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(next) = next_row(e.key().as_str(), tab_stop, n) else {
                return;
            };
            e.prevent_default();
            active.set(Some(next));
            let row = table
                .cast::<web_sys::Element>()
                .and_then(|t| {
                    t.query_selector(&format!("tr[data-field=\"{next}\"]"))
                        .ok()
                        .flatten()
                })
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            if let Some(row) = row {
                let _ = row.focus();
            }
        })
    };
    let rows = dump.fields.iter().enumerate().map(|(i, f)| {
        let on = *active == Some(i);
        html! {
            <tr class={classes!("hex-field", on.then_some("hex-on"))}
                tabindex={if i == tab_stop { "0" } else { "-1" }} data-field={i.to_string()}
                onmouseenter={set(Some(i)).reform(|e: MouseEvent| e.into())}
                onfocus={set(Some(i)).reform(|e: FocusEvent| e.into())}>
                <td class="mono">{ f.range.clone() }</td>
                <th scope="row">{ f.name.clone() }</th>
                <td class="mono hex-value">{ f.value.clone() }</td>
                <td class="mono hex-bytes">{ f.hex.clone() }</td>
            </tr>
        }
    });
    let clear = set(None);
    html! {
        <div class="hex-view" onmouseleave={clear.reform(|e: MouseEvent| e.into())}>
            <div class="hex-grid mono" aria-hidden="true">{ for grid }</div>
            <div class="hex-fields-wrap" tabindex="-1">
                <table class="hex-fields" ref={table}>
                    <caption class="visually-hidden">{ "Message fields: point at or focus a field to highlight its bytes; arrow keys move between fields" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Offset" }</th>
                        <th scope="col">{ "Field" }</th>
                        <th scope="col">{ "Value" }</th>
                        <th scope="col">{ "Bytes" }</th>
                    </tr></thead>
                    <tbody {onkeydown}>{ for rows }</tbody>
                </table>
            </div>
        </div>
    }
}

/// The field row a key moves to from row `from` of `n`, or `None` for keys
/// the list does not handle (they keep their usual meaning).
pub fn next_row(key: &str, from: usize, n: usize) -> Option<usize> {
    let last = n.checked_sub(1)?;
    match key {
        "ArrowDown" => Some((from + 1).min(last)),
        "ArrowUp" => Some(from.saturating_sub(1).min(last)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_home_and_end_move_within_the_fields() {
        // (key, from, n) -> to
        for (key, from, n, want) in [
            ("ArrowDown", 0, 3, Some(1)),
            ("ArrowDown", 2, 3, Some(2)), // stays on the last
            ("ArrowUp", 0, 3, Some(0)),   // stays on the first
            ("ArrowUp", 2, 3, Some(1)),
            ("Home", 2, 3, Some(0)),
            ("End", 0, 3, Some(2)),
            ("Tab", 1, 3, None),
            ("ArrowDown", 0, 0, None), // no fields at all
        ] {
            assert_eq!(next_row(key, from, n), want, "{key} from {from} of {n}");
        }
    }
}
