//! The "Import / export" disclosure: downloads the page in each format
//! (a Blob behind an object URL and an `<a download>`, which the strict CSP
//! allows: no inline script, no style), shows the same text in a read-only
//! field for where downloads are blocked (phones, sandboxed iframes), and
//! imports a chosen file or pasted text through the page's `on_import`.
//! What a text means and whether it is accepted is decided by
//! [`crate::ui::adapters::import_export`]; this file only moves bytes.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::scenario::model::Scenario;
use crate::ui::adapters::import_export::{
    check_size, export_text, file_name, page_zone, ExportFormat, ImportKind,
};

/// An import request: the kind chosen (`None`: detect) and the text.
pub type ImportRequest = (Option<ImportKind>, String);

/// Props of [`ImportExport`].
#[derive(Properties, PartialEq)]
pub struct ImportExportProps {
    /// The page's working scenario.
    pub scenario: Rc<Scenario>,
    /// The page's name for file names (`route53-failover`).
    pub stem: AttrValue,
    /// Applies an import; says what was done, or why nothing was.
    pub on_import: Callback<ImportRequest, Result<String, String>>,
}

/// How long an object URL outlives its click: the download has started by
/// then, and revoking frees the Blob.
const REVOKE_AFTER_MS: u32 = 30_000;

/// Saves `text` as `name` through a temporary `<a download>`.
fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_class_name("io-hidden");
    body.append_child(&anchor)?;
    anchor.click();
    body.remove_child(&anchor)?;
    gloo_timers::callback::Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The outcome line: what was done (a status) or what went wrong (an alert).
fn outcome(result: &Option<Result<String, String>>, id: &str) -> Html {
    match result {
        Some(Ok(m)) => html! { <p id={id.to_string()} class="io-ok" role="status">{ m }</p> },
        Some(Err(m)) => html! {
            <p id={id.to_string()} class="io-error" role="alert">
                <span class="io-error-mark" aria-hidden="true">{ "✕ " }</span>{ m }
            </p>
        },
        None => html! { <p id={id.to_string()} class="io-ok" role="status"></p> },
    }
}

/// The disclosure with its export and import forms.
#[function_component(ImportExport)]
pub fn import_export(props: &ImportExportProps) -> Html {
    let format = use_state_eq(|| ExportFormat::ZoneFile);
    let shown = use_state_eq(|| false);
    let export_result = use_state_eq(|| None::<Result<String, String>>);
    let kind = use_state_eq(|| None::<ImportKind>);
    let pasted = use_state_eq(String::new);
    let import_result = use_state_eq(|| None::<Result<String, String>>);

    // The text follows the scenario, so the field never shows a stale zone.
    let text = use_memo(
        (props.scenario.clone(), *format, *shown),
        |(s, f, shown)| shown.then(|| export_text(*f, s)),
    );
    let zone = page_zone(&props.scenario).map(|z| z.name_text());
    let name = file_name(*format, &props.stem, zone.as_deref());

    let on_format = {
        let (format, export_result) = (format.clone(), export_result.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(f) = ExportFormat::from_id(&select.value()) {
                format.set(f);
                export_result.set(None);
            }
        })
    };
    let on_download = {
        let (scenario, export_result, name) =
            (props.scenario.clone(), export_result.clone(), name.clone());
        let format = *format;
        Callback::from(move |_: MouseEvent| {
            let result = export_text(format, &scenario).and_then(|t| {
                download(&name, format.mime(), &t)
                    // A sandboxed iframe drops the download without an
                    // error, so the message says where else to get the text.
                    .map(|()| format!("Sent {name} to the browser's downloads. Nothing came? Use Show text and copy it."))
                    .map_err(|_| {
                        "The browser blocked the download: use Show text and copy it.".to_string()
                    })
            });
            export_result.set(Some(result));
        })
    };
    let on_show = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(!*shown))
    };
    let on_focus_text = Callback::from(|e: FocusEvent| {
        if let Some(t) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            t.select();
        }
    });

    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            kind.set(ImportKind::from_id(&select.value()));
        })
    };
    let on_file = {
        let (kind, import_result, on_import) =
            (*kind, import_result.clone(), props.on_import.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Cleared so choosing the same file again (after fixing it) fires
            // another change.
            input.set_value("");
            let file_name = file.name();
            // A File's size is a whole number of bytes; `as` saturates.
            if let Err(m) = check_size(file.size() as u64) {
                import_result.set(Some(Err(format!("{file_name}: {m}"))));
                return;
            }
            let (import_result, on_import) = (import_result.clone(), on_import.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let result = match read.ok().and_then(|v| v.as_string()) {
                    Some(text) => on_import.emit((kind, text)),
                    None => Err("The browser could not read this file as text.".into()),
                };
                import_result.set(Some(result.map_err(|m| format!("{file_name}: {m}"))));
            });
        })
    };
    let on_paste = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_import_text = {
        let (kind, pasted, import_result, on_import) = (
            *kind,
            pasted.clone(),
            import_result.clone(),
            props.on_import.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            import_result.set(Some(on_import.emit((kind, (*pasted).clone()))));
        })
    };

    let shown_text = match text.as_ref() {
        Some(Ok(t)) => Some(t.clone()),
        _ => None,
    };
    let show_error = match text.as_ref() {
        Some(Err(e)) => Some(e.clone()),
        _ => None,
    };
    let export_status = show_error.map(Err).or_else(|| (*export_result).clone());
    html! {
        <details class="io">
            <summary class="io-summary">{ "Import / export" }</summary>
            <div class="io-body">
                <fieldset class="io-group">
                    <legend>{ "Export" }</legend>
                    <div class="io-row">
                        <label class="io-label" for="io-export-format">{ "Format" }</label>
                        <select id="io-export-format" class="io-select" onchange={on_format}>
                            { for ExportFormat::ALL.iter().map(|f| html! {
                                <option value={f.id()} selected={*f == *format}>{ f.label() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="io-row">
                        <button type="button" class="btn io-download" onclick={on_download}
                            aria-describedby="io-export-status">
                            { format!("Download {name}") }
                        </button>
                        <button type="button" class="btn io-show" onclick={on_show}
                            aria-expanded={shown.to_string()} aria-controls="io-export-text">
                            { if *shown { "Hide text" } else { "Show text" } }
                        </button>
                    </div>
                    if let Some(t) = shown_text {
                        <label class="io-label" for="io-export-text">
                            { format!("{name} (select and copy)") }
                        </label>
                        <textarea id="io-export-text" class="io-text" readonly=true rows="12"
                            spellcheck="false" value={t} onfocus={on_focus_text} />
                    }
                    { outcome(&export_status, "io-export-status") }
                </fieldset>
                <fieldset class="io-group">
                    <legend>{ "Import" }</legend>
                    <p class="io-hint">{ "A scenario replaces this page's; a change batch or a zone file goes into its hosted zone through Route 53's checks. Up to 2 MB." }</p>
                    <div class="io-row">
                        <label class="io-label" for="io-import-kind">{ "Kind" }</label>
                        <select id="io-import-kind" class="io-select" onchange={on_kind}>
                            <option value="detect" selected={kind.is_none()}>{ "Detect from the text" }</option>
                            { for ImportKind::ALL.iter().map(|k| html! {
                                <option value={k.id()} selected={Some(*k) == *kind}>{ k.label() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="io-row">
                        <label class="io-label" for="io-import-file">{ "File" }</label>
                        <input id="io-import-file" class="io-file" type="file"
                            accept=".json,.zone,.txt,.db,application/json,text/plain" onchange={on_file} />
                    </div>
                    <label class="io-label" for="io-import-text">{ "Or paste the text" }</label>
                    <textarea id="io-import-text" class="io-text" rows="6" spellcheck="false"
                        value={(*pasted).clone()} oninput={on_paste}
                        placeholder={"www 300 IN A 192.0.2.10\napi 60 IN CNAME www"} />
                    <div class="io-row">
                        <button type="button" class="btn io-import" onclick={on_import_text}
                            disabled={pasted.trim().is_empty()} aria-describedby="io-import-status">
                            { "Import the text" }
                        </button>
                    </div>
                    { outcome(&import_result, "io-import-status") }
                </fieldset>
            </div>
        </details>
    }
}
