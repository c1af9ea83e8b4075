//! A titled tool panel in a section page's grid.

use yew::prelude::*;

use crate::ui::embed::EmbedKind;

/// Props of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The panel heading.
    pub title: AttrValue,
    /// Id of the heading (the panel is labelled by it); unique per page.
    /// Embeds pick panels by it ([`EmbedKind::panel_rank`]).
    pub id: AttrValue,
    /// Span the full width of the grid (tables, timelines).
    #[prop_or_default]
    pub wide: bool,
    /// The tool.
    #[prop_or_default]
    pub children: Html,
}

/// A `<section>` labelled by its heading. In an embedded page (an
/// [`EmbedKind`] in context) a panel the embed does not show is not
/// rendered at all.
#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let embed = use_context::<EmbedKind>();
    let rank = match embed.map(|k| k.panel_rank(&props.id)) {
        Some(None) => return html! {},
        Some(Some(rank)) => Some(rank.to_string()),
        None => None,
    };
    let heading = format!("{}-title", props.id);
    html! {
        <section class={classes!("panel", props.wide.then_some("panel-wide"))} id={props.id.clone()}
            aria-labelledby={heading.clone()} data-embed-rank={rank}>
            <h2 class="panel-title" id={heading}>{ props.title.clone() }</h2>
            { props.children.clone() }
        </section>
    }
}
