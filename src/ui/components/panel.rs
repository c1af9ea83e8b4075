//! A titled tool panel in a section page's grid.

use yew::prelude::*;

/// Props of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The panel heading.
    pub title: AttrValue,
    /// Id of the heading (the panel is labelled by it); unique per page.
    pub id: AttrValue,
    /// Span the full width of the grid (tables, timelines).
    #[prop_or_default]
    pub wide: bool,
    /// The tool.
    #[prop_or_default]
    pub children: Html,
}

/// A `<section>` labelled by its heading.
#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let heading = format!("{}-title", props.id);
    html! {
        <section class={classes!("panel", props.wide.then_some("panel-wide"))} id={props.id.clone()}
            aria-labelledby={heading.clone()}>
            <h2 class="panel-title" id={heading}>{ props.title.clone() }</h2>
            { props.children.clone() }
        </section>
    }
}
