//! The root component: header, navigation, the current section, footer.

use yew::prelude::*;

use super::sections::SECTIONS;

/// The product promise shown under the name.
pub const PROMISE: &str =
    "Build a zone, break an endpoint, and watch DNS and Route 53 failover answer — all in your browser.";

/// The root of the playground.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <>
            <header class="site-header">
                <a class="brand" href="#/">{ "dnsplay" }</a>
                <p class="promise">{ PROMISE }</p>
                if !SECTIONS.is_empty() {
                    <nav aria-label="Sections">
                        <ul>
                            { for SECTIONS.iter().map(|s| html! {
                                <li><a href={format!("#/{}", s.slug)}>{ s.title }</a></li>
                            }) }
                        </ul>
                    </nav>
                }
            </header>
            <main id="main" class="content">
                <h1>{ "DNS and Route 53 failover, live" }</h1>
                <p>
                    { "Everything here runs in this tab: the zone, the resolver and the failover engine are Rust compiled to WebAssembly. Nothing you build is sent anywhere." }
                </p>
            </main>
            <footer class="site-footer">
                <span>{ format!("dnsplay {}", crate::VERSION) }</span>
                <span>{ " · runs entirely in your browser, no server" }</span>
            </footer>
        </>
    }
}
