//! The labelled hex view of a DNS message: a 16-bytes-per-line grid beside
//! a table of fields. Pointing at (or focusing) a field highlights its bytes,
//! and pointing at a byte highlights its field.

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
    let dump = use_memo(props.wire.clone(), hex_dump);
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
    let rows = dump.fields.iter().enumerate().map(|(i, f)| {
        let on = *active == Some(i);
        html! {
            <tr class={classes!("hex-field", on.then_some("hex-on"))} tabindex="0"
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
                <table class="hex-fields">
                    <caption class="visually-hidden">{ "Message fields: point at or focus a field to highlight its bytes" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Offset" }</th>
                        <th scope="col">{ "Field" }</th>
                        <th scope="col">{ "Value" }</th>
                        <th scope="col">{ "Bytes" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </div>
    }
}
