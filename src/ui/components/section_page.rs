//! A section page's layout: title, a short explanation, "try this" prompts,
//! and the tool panels (children, usually [`super::panel::Panel`]s) in a
//! responsive grid: one column on a phone, two on a wide screen, with wide
//! panels spanning both.

use yew::prelude::*;

use crate::ui::view_model::section::TryPrompt;

/// Props of [`SectionPage`].
#[derive(Properties, PartialEq)]
pub struct SectionPageProps {
    /// The page heading.
    pub title: AttrValue,
    /// The explanation, in our own words (paragraphs, links, code).
    #[prop_or_default]
    pub explanation: Html,
    /// "Try this" prompts.
    #[prop_or_default]
    pub prompts: Vec<TryPrompt>,
    /// A prompt was chosen (its id).
    #[prop_or_default]
    pub on_prompt: Callback<String>,
    /// The tool panels.
    #[prop_or_default]
    pub children: Html,
}

/// The section layout.
#[function_component(SectionPage)]
pub fn section_page(props: &SectionPageProps) -> Html {
    html! {
        <article class="section-page">
            <h1 id="page-title" tabindex="-1">{ props.title.clone() }</h1>
            <div class="explanation">{ props.explanation.clone() }</div>
            if !props.prompts.is_empty() {
                <section class="try-this" aria-labelledby="try-this-title">
                    <h2 id="try-this-title" class="try-title">{ "Try this" }</h2>
                    <ul class="prompts">
                        { for props.prompts.iter().map(|p| {
                            let id = p.id.clone();
                            let onclick = props.on_prompt.reform(move |_: MouseEvent| id.clone());
                            html! {
                                <li>
                                    <button type="button" class="btn prompt" {onclick}>{ p.label.clone() }</button>
                                    if let Some(h) = &p.hint { <p class="prompt-hint muted">{ h.clone() }</p> }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            <div class="tool-grid">{ props.children.clone() }</div>
        </article>
    }
}
