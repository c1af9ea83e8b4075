//! The start page.

use yew::prelude::*;

/// The start page's content.
#[function_component(Home)]
pub fn home() -> Html {
    html! {
        <>
            <h1 id="page-title" tabindex="-1">{ "DNS and Route 53 failover, live" }</h1>
            <p>
                { "Everything here runs in this tab: the zone, the resolver and the failover engine are Rust compiled to WebAssembly. Nothing you build is sent anywhere." }
            </p>
        </>
    }
}
