//! The start page.

use yew::prelude::*;

use crate::ui::sections::{SANDBOX, SECTIONS};

/// The start page's content.
#[function_component(Home)]
pub fn home() -> Html {
    html! {
        <>
            <h1 id="page-title" tabindex="-1">{ "DNS and Route 53 failover, live" }</h1>
            <p>
                { "Everything here runs in this tab: the zone, the resolver and the failover engine are Rust compiled to WebAssembly. Nothing you build is sent anywhere." }
            </p>
            <h2 class="sub-heading">{ "Start with a section" }</h2>
            <ul class="home-sections">
                { for SECTIONS.iter().chain([&SANDBOX]).map(|s| html! {
                    <li><a href={format!("#/{}", s.slug)}>{ s.title }</a></li>
                }) }
            </ul>
        </>
    }
}
