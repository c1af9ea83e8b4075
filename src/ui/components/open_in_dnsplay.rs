//! The corner link of an embedded page: opens the full dnsplay page, in a
//! new tab, on the same scenario at the same moment (a share link).

use std::rc::Rc;

use yew::prelude::*;

use crate::scenario::model::Scenario;
use crate::ui::embed::page_base;
use crate::ui::router::Route;
use crate::ui::share_link::{link_for, route_slug};

/// Props of [`OpenInDnsplay`].
#[derive(Properties, PartialEq)]
pub struct OpenInDnsplayProps {
    /// The embed's working scenario (with the reader's edits).
    pub scenario: Rc<Scenario>,
    /// The embedded page.
    pub route: Route,
    /// The simulated time the reader is at.
    pub time_ms: u64,
}

/// "Open in dnsplay ↗": a share link without the `?embed=` query, so the
/// reader's edits and clock come along; `rel=noopener` because the new tab
/// must not reach back into the blog's frame.
#[function_component(OpenInDnsplay)]
pub fn open_in_dnsplay(props: &OpenInDnsplayProps) -> Html {
    let href = use_memo(
        (props.scenario.clone(), props.route.clone(), props.time_ms),
        |(scenario, route, time)| {
            let here = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let base = page_base(&here);
            match route_slug(route) {
                Some(_) => link_for(base, scenario, route, *time),
                None => format!("{base}{}", route.href()),
            }
        },
    );
    html! {
        <p class="embed-open">
            <a href={(*href).clone()} target="_blank" rel="noopener">
                { "Open in dnsplay" }
                <span aria-hidden="true">{ " ↗" }</span>
                <span class="visually-hidden">{ " (opens in a new tab)" }</span>
            </a>
        </p>
    }
}
