//! The polite page for a route that names no section.

use yew::prelude::*;

/// Props of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The slug that was asked for.
    pub slug: AttrValue,
}

/// "No such section", with a way home.
#[function_component(NotFound)]
pub fn not_found(props: &NotFoundProps) -> Html {
    html! {
        <div class="not-found">
            <h1 id="page-title" tabindex="-1">{ "No such section" }</h1>
            <p>
                { "There is no section called " }<code>{ props.slug.clone() }</code>
                { " here. It may have moved, or the link may be cut short." }
            </p>
            <p><a href="#/">{ "Go to the start page" }</a></p>
        </div>
    }
}
