//! The answer panel: ask a name and type from a client location, and see
//! the answer as `dig` prints it, the message's bytes (labelled), and the
//! resolution trace.

use yew::prelude::*;

use super::hex_view::HexView;
use crate::ui::view_model::answer::{AnswerView, ClientOption, Query};
use crate::ui::view_model::record_table::DEFAULT_TYPES;

/// Props of [`AnswerPanel`].
#[derive(Properties, PartialEq)]
pub struct AnswerPanelProps {
    /// The question shown in the form (and last asked).
    pub query: Query,
    /// Client locations to ask from.
    pub clients: Vec<ClientOption>,
    /// Types offered; empty means the table's defaults.
    #[prop_or_default]
    pub types: Vec<AttrValue>,
    /// The answer to show, if one was asked.
    #[prop_or_default]
    pub answer: Option<AnswerView>,
    /// The form was submitted.
    pub on_query: Callback<Query>,
    /// Prefix for element ids, unique per panel on the page.
    #[prop_or(AttrValue::Static("ap"))]
    pub id_prefix: AttrValue,
}

/// The query form and its answer.
#[function_component(AnswerPanel)]
pub fn answer_panel(props: &AnswerPanelProps) -> Html {
    let draft = use_state_eq(|| props.query.clone());
    {
        // A new question from outside (a "try this" prompt) replaces the draft.
        let draft = draft.clone();
        use_effect_with(props.query.clone(), move |q| draft.set(q.clone()));
    }
    let p = &props.id_prefix;
    let (name_id, type_id, client_id) = (
        format!("{p}-name"),
        format!("{p}-type"),
        format!("{p}-client"),
    );
    let types: Vec<AttrValue> = if props.types.is_empty() {
        DEFAULT_TYPES.iter().map(|t| AttrValue::Static(t)).collect()
    } else {
        props.types.clone()
    };
    let edit = |apply: fn(&mut Query, String)| {
        let draft = draft.clone();
        move |value: String| {
            let mut q = (*draft).clone();
            apply(&mut q, value);
            draft.set(q);
        }
    };
    let on_name = {
        let f = edit(|q, v| q.name = v);
        Callback::from(move |e: InputEvent| {
            f(e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value())
        })
    };
    let on_type = {
        let f = edit(|q, v| q.rtype = v);
        Callback::from(move |e: Event| {
            f(e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value())
        })
    };
    let on_client = {
        let f = edit(|q, v| q.client = v);
        Callback::from(move |e: Event| {
            f(e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value())
        })
    };
    let onsubmit = {
        let (draft, on_query) = (draft.clone(), props.on_query.clone());
        Callback::from(move |e: SubmitEvent| {
            // The page's CSP has form-action 'none': never let the form navigate.
            e.prevent_default();
            on_query.emit((*draft).clone());
        })
    };
    html! {
        <div class="answer-panel">
            <form class="query-form" {onsubmit} aria-label="Ask a question">
                <div class="field">
                    <label for={name_id.clone()}>{ "Name" }</label>
                    <input id={name_id} type="text" class="mono" value={draft.name.clone()}
                        oninput={on_name} autocomplete="off" spellcheck="false" />
                </div>
                <div class="field">
                    <label for={type_id.clone()}>{ "Type" }</label>
                    <select id={type_id} onchange={on_type}>
                        { for types.iter().map(|t| html! {
                            <option value={t.clone()} selected={*t == draft.rtype}>{ t.clone() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for={client_id.clone()}>{ "Asked from" }</label>
                    <select id={client_id} onchange={on_client}>
                        { for props.clients.iter().map(|c| html! {
                            <option value={c.id.clone()} selected={c.id == draft.client}>{ c.label.clone() }</option>
                        }) }
                    </select>
                </div>
                <button type="submit" class="btn btn-primary">{ "Ask" }</button>
            </form>
            if let Some(a) = &props.answer {
                <h3 class="sub-heading">{ "Answer" }</h3>
                <pre class="dig" tabindex="0" aria-label="Answer as dig prints it">{ a.dig.clone() }</pre>
                <h3 class="sub-heading">{ "On the wire" }</h3>
                <HexView wire={a.wire.clone()} />
                <h3 class="sub-heading">{ "How it was resolved" }</h3>
                <ol class="trace">
                    { for a.trace.iter().map(|s| html! {
                        <li>
                            <span class="trace-hops">{ format!("{} → {}", s.from.default_label(), s.to.default_label()) }</span>
                            { " " }{ s.summary.clone() }
                        </li>
                    }) }
                </ol>
            } else {
                <p class="muted">{ "Ask a question to see the answer, its bytes and how it was found." }</p>
            }
        </div>
    }
}
