//! The last change batch and the `aws route53` command that sends it, in a
//! collapsible panel (a native `<details>`: keyboard and screen readers
//! work without extra code).

use yew::prelude::*;

use crate::ui::workspace::LastChange;

/// Props of [`LastChangeView`].
#[derive(Properties, PartialEq)]
pub struct LastChangeProps {
    /// The last batch, if one was sent.
    pub change: Option<LastChange>,
}

/// The panel.
#[function_component(LastChangeView)]
pub fn last_change_view(props: &LastChangeProps) -> Html {
    let Some(c) = &props.change else {
        return html! {};
    };
    html! {
        <details class="last-change">
            <summary>{ "The last change batch, and the same change with the AWS CLI" }</summary>
            <h3 class="sub-heading">{ "ChangeBatch" }</h3>
            <pre class="code-block mono" tabindex="0" aria-label="Change batch JSON">{ c.batch.clone() }</pre>
            <h3 class="sub-heading">{ "AWS CLI" }</h3>
            <pre class="code-block mono" tabindex="0" aria-label="AWS CLI command">{ c.command.clone() }</pre>
        </details>
    }
}
