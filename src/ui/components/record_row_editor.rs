//! A record-table row in edit mode: one control per cell, each cell showing
//! its own validation message (`aria-invalid` + `aria-describedby`). Enter
//! commits (Shift+Enter adds a line in the values box), Escape cancels.
//!
//! The routing cell is a policy select plus the fields that policy needs
//! (set id; role, weight, region, or continent / country / subdivision),
//! read from and written back to the row's routing text through
//! [`RoutingDraft`]. The values cell switches between values and an alias
//! target (DNS name, hosted zone id, EvaluateTargetHealth).

use yew::prelude::*;

use crate::ui::view_model::record_table::{AliasFields, CellErrors, Column, RowFields};
use crate::ui::view_model::routing_draft::{PolicyKind, RoutingDraft, CONTINENTS, REGIONS, ROLES};

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
    /// The hosted zone's id: a new alias targets the same zone.
    #[prop_or_default]
    pub zone_id: AttrValue,
    /// True for a new record (changes the labels).
    #[prop_or_default]
    pub is_new: bool,
    /// `aria-rowindex` of the row being edited (none for a new row).
    #[prop_or_default]
    pub aria_index: Option<usize>,
    /// The draft changed (the whole row, as one field can change two).
    pub on_change: Callback<RowFields>,
    /// Enter or Save.
    pub on_commit: Callback<()>,
    /// Escape or Cancel.
    pub on_cancel: Callback<()>,
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

/// One change to a row's draft, from a control's new value.
type RowUpdate = Box<dyn Fn(&mut RowFields, String)>;

/// A labelled sub-field of a cell (label above, control below).
fn field(id: &str, label: &str, control: Html) -> Html {
    html! {
        <div class="re-field">
            <label for={id.to_string()}>{ label.to_string() }</label>
            { control }
        </div>
    }
}

/// The edit-mode row (and, when the problem is the row as a whole, a second
/// row carrying that message).
#[function_component(RecordRowEditor)]
pub fn record_row_editor(props: &RecordRowEditorProps) -> Html {
    // The text the other mode of the values cell held (values or alias
    // target), so toggling Alias twice loses nothing.
    let stash = use_state(String::new);
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
    let p = props.id_prefix.to_string();
    let row_err_id = format!("{p}-row-err");
    let draft = &props.draft;
    // Emits the draft with one change applied.
    let update = {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        move |f: RowUpdate| {
            let (draft, on_change) = (draft.clone(), on_change.clone());
            Callback::from(move |v: String| {
                let mut next = draft.clone();
                f(&mut next, v);
                on_change.emit(next);
            })
        }
    };
    let routing = RoutingDraft::parse(&draft.routing).unwrap_or_default();
    let update_routing = |f: fn(&mut RoutingDraft, String)| {
        let routing = routing.clone();
        update(Box::new(move |row: &mut RowFields, v: String| {
            let mut d = routing.clone();
            f(&mut d, v);
            row.routing = d.text();
        }))
    };

    let cell = |col: Column| -> Html {
        let id = format!("{p}-{}", col.key());
        let err_id = format!("{id}-err");
        let error = props.errors.get(col);
        let invalid = error.map(|_| "true");
        let described = error.map(|_| AttrValue::from(err_id.clone()));
        let label = format!("{} of {what}", col.title());
        let value = draft.get(col).to_string();
        let set_col = update(Box::new(move |row: &mut RowFields, v: String| {
            row.set(col, v)
        }));
        let control = match col {
            Column::Type => {
                let onchange = set_col.reform(|e: Event| select_value(&e));
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
            Column::Routing => {
                routing_controls(&p, &what, &routing, invalid, described, &update_routing)
            }
            Column::Ttl if draft.alias.is_some() => html! {
                <p class="re-note">{ "Alias: the target's TTL" }</p>
            },
            Column::Values => {
                let alias_id = format!("{p}-alias");
                let toggle = {
                    let (draft, on_change, stash) =
                        (draft.clone(), props.on_change.clone(), stash.clone());
                    let zone_id = props.zone_id.to_string();
                    Callback::from(move |_: Event| {
                        let (next, put_away) = draft.toggle_alias(&stash, &zone_id);
                        stash.set(put_away);
                        on_change.emit(next);
                    })
                };
                let checkbox = html! {
                    <label class="re-check" for={alias_id.clone()}>
                        <input id={alias_id} type="checkbox" checked={draft.alias.is_some()}
                            onchange={toggle} />
                        { " Alias" }
                    </label>
                };
                match &draft.alias {
                    Some(a) => {
                        let oninput = set_col.reform(|e: InputEvent| input_value(&e));
                        let zone_id = format!("{p}-alias-zone");
                        let eth_id = format!("{p}-alias-eth");
                        let on_zone = update(Box::new(|row: &mut RowFields, v: String| {
                            if let Some(a) = &mut row.alias {
                                a.hosted_zone_id = v;
                            }
                        }))
                        .reform(|e: InputEvent| input_value(&e));
                        let on_eth = {
                            let (draft, on_change) = (draft.clone(), props.on_change.clone());
                            Callback::from(move |e: Event| {
                                let on = e
                                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                                    .checked();
                                let mut next = draft.clone();
                                let a = next.alias.get_or_insert_with(AliasFields::default);
                                a.evaluate_target_health = on;
                                on_change.emit(next);
                            })
                        };
                        html! {
                            <div class="re-stack">
                                { checkbox }
                                { field(&id, "Target DNS name", html! {
                                    <input id={id.clone()} type="text" class="mono"
                                        aria-invalid={invalid} aria-describedby={described}
                                        {value} {oninput} autocomplete="off" spellcheck="false"
                                        placeholder="dualstack.my-lb.example.com" />
                                }) }
                                { field(&zone_id, "Hosted zone id", html! {
                                    <input id={zone_id.clone()} type="text" class="mono"
                                        value={a.hosted_zone_id.clone()} oninput={on_zone}
                                        autocomplete="off" spellcheck="false" />
                                }) }
                                <label class="re-check" for={eth_id.clone()}>
                                    <input id={eth_id} type="checkbox"
                                        checked={a.evaluate_target_health} onchange={on_eth} />
                                    { " Evaluate target health" }
                                </label>
                            </div>
                        }
                    }
                    None => {
                        let oninput = set_col.reform(|e: InputEvent| {
                            e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                                .value()
                        });
                        let rows = value.lines().count().clamp(1, 4).to_string();
                        html! {
                            <div class="re-stack">
                                { checkbox }
                                <textarea {id} class="mono" aria-label={format!("{label} (one per line; Shift+Enter for a new line)")}
                                    aria-invalid={invalid} aria-describedby={described}
                                    {rows} {value} {oninput} />
                            </div>
                        }
                    }
                }
            }
            _ => {
                let oninput = set_col.reform(|e: InputEvent| input_value(&e));
                let inputmode = (col == Column::Ttl).then_some("numeric");
                html! {
                    <input {id} type="text" aria-label={label} aria-invalid={invalid}
                        aria-describedby={described} {inputmode} {value} {oninput}
                        autocomplete="off" spellcheck="false" />
                }
            }
        };
        html! {
            <td class={classes!("rt-edit-cell", format!("rt-edit-{}", col.key()), error.map(|_| "rt-invalid"))}>
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

/// The routing cell: the policy select (`{p}-routing`, which carries the
/// cell's error) and the fields of the chosen policy.
fn routing_controls(
    p: &str,
    what: &str,
    d: &RoutingDraft,
    invalid: Option<&'static str>,
    described: Option<AttrValue>,
    update: &dyn Fn(fn(&mut RoutingDraft, String)) -> Callback<String>,
) -> Html {
    let policy_id = format!("{p}-routing");
    let on_policy = update(|d, v| {
        let next = d
            .clone()
            .with_policy(PolicyKind::from_word(&v).unwrap_or_default());
        *d = next;
    })
    .reform(|e: Event| select_value(&e));
    let text_field = |key: &str, label: &str, value: &str, f: fn(&mut RoutingDraft, String)| {
        let id = format!("{p}-{key}");
        let oninput = update(f).reform(|e: InputEvent| input_value(&e));
        let list = (key == "region").then(|| format!("{p}-regions"));
        let inputmode = (key == "weight").then_some("numeric");
        let placeholder = match key {
            "country" => Some("DE, or * for any other"),
            "subdivision" => Some("WA (US only)"),
            "weight" => Some("0–255"),
            _ => None,
        };
        field(
            &id,
            label,
            html! {
                <input id={id.clone()} type="text" value={value.to_string()} {oninput} {list}
                    {inputmode} {placeholder} aria-describedby={described.clone()}
                    autocomplete="off" spellcheck="false" />
            },
        )
    };
    let select_field = |key: &str,
                        label: &str,
                        value: &str,
                        options: Vec<(String, String)>,
                        f: fn(&mut RoutingDraft, String)| {
        let id = format!("{p}-{key}");
        let onchange = update(f).reform(|e: Event| select_value(&e));
        field(
            &id,
            label,
            html! {
                <select id={id.clone()} {onchange} aria-describedby={described.clone()}>
                    { for options.into_iter().map(|(v, text)| html! {
                        <option value={v.clone()} selected={v == value}>{ text }</option>
                    }) }
                </select>
            },
        )
    };
    let specific = match d.policy {
        PolicyKind::Simple | PolicyKind::MultiValue => Html::default(),
        PolicyKind::Failover => select_field(
            "role",
            "Role",
            &d.role,
            ROLES
                .iter()
                .map(|r| (r.to_string(), r.to_string()))
                .collect(),
            |d, v| d.role = v,
        ),
        PolicyKind::Weighted => text_field("weight", "Weight", &d.weight, |d, v| d.weight = v),
        PolicyKind::Latency => html! {
            <>
                { text_field("region", "Region", &d.region, |d, v| d.region = v) }
                <datalist id={format!("{p}-regions")}>
                    { for REGIONS.iter().map(|r| html! { <option value={*r} /> }) }
                </datalist>
            </>
        },
        PolicyKind::Geolocation => {
            let mut continents = vec![(String::new(), "— none —".to_string())];
            continents.extend(
                CONTINENTS
                    .iter()
                    .map(|(code, name)| (code.to_string(), format!("{code} {name}"))),
            );
            html! {
                <>
                    { select_field("continent", "Continent", &d.continent, continents, |d, v| d.continent = v) }
                    { text_field("country", "Country", &d.country, |d, v| d.country = v) }
                    { text_field("subdivision", "Subdivision", &d.subdivision, |d, v| d.subdivision = v) }
                </>
            }
        }
    };
    let set_id = (d.policy != PolicyKind::Simple)
        .then(|| text_field("set-id", "Set id", &d.set_id, |d, v| d.set_id = v));
    html! {
        <div class="re-stack re-routing">
            <select id={policy_id} aria-label={format!("Routing policy of {what}")}
                aria-invalid={invalid} aria-describedby={described.clone()} onchange={on_policy}>
                { for PolicyKind::ALL.iter().map(|k| html! {
                    <option value={k.word()} selected={*k == d.policy}>{ k.label() }</option>
                }) }
            </select>
            { specific }
            { set_id }
        </div>
    }
}
