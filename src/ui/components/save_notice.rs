//! Autosave's quiet notice: storage is blocked or full, or this page's
//! saved copy could not be read. A status, not an alert: the page works,
//! only saving does not.

use yew::prelude::*;

/// Props of [`SaveNotice`].
#[derive(Properties, PartialEq)]
pub struct SaveNoticeProps {
    /// What to say.
    pub message: AttrValue,
    /// The notice was dismissed.
    pub on_dismiss: Callback<()>,
}

/// The notice, until dismissed.
#[function_component(SaveNotice)]
pub fn save_notice(props: &SaveNoticeProps) -> Html {
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="save-notice" role="status">
            <p>{ props.message.clone() }</p>
            <button type="button" class="btn save-notice-dismiss" {onclick}>{ "Dismiss" }</button>
        </div>
    }
}
