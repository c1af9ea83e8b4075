//! The "What is DNS" page's resolver: one recursive resolver whose cache
//! lives as long as the page, asked the answer panel's question each time
//! it is asked, drawn as the steppable resolution path with every message
//! that came back. Each later question is asked 10 simulated seconds after
//! the one before, so cached TTLs visibly count down; an edit to the zone
//! starts a cold resolver again so the path matches the table, and a
//! `cold` panel starts every question cold, so paths compare step for step.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::resolver::{Resolver, ResolverProfile};
use crate::engine::time::SimTime;
use crate::scenario::model::Scenario;
use crate::ui::adapters::resolution::{resolve_in, ResolutionView};
use crate::ui::components::ResolutionDiagram;
use crate::ui::view_model::answer::Hop;

/// Simulated time between two questions.
const BETWEEN_ASKS: SimTime = SimTime::from_secs(10);

/// Props of [`ResolutionPanel`].
#[derive(Properties, PartialEq)]
pub struct ResolutionPanelProps {
    /// The scenario whose zones are resolved.
    pub scenario: Rc<Scenario>,
    /// The question name.
    pub name: AttrValue,
    /// The question type.
    pub rtype: AttrValue,
    /// Bumped on every ask, so asking the same question again resolves again.
    pub seq: u32,
    /// Start every question from an empty cache, so that two questions'
    /// paths can be compared step for step.
    #[prop_or_default]
    pub cold: bool,
}

struct Session {
    resolver: Resolver,
    next_at: SimTime,
    scenario: Option<Rc<Scenario>>,
}

/// The panel.
#[function_component(ResolutionPanel)]
pub fn resolution_panel(props: &ResolutionPanelProps) -> Html {
    let seed = props.scenario.seed;
    let session = use_mut_ref(move || Session {
        resolver: Resolver::new(ResolverProfile::honours_ttl(), seed, "what-is-dns"),
        next_at: SimTime::ZERO,
        scenario: None,
    });
    let result = use_memo(
        (
            props.scenario.clone(),
            props.name.clone(),
            props.rtype.clone(),
            props.seq,
            props.cold,
        ),
        move |(scenario, name, rtype, _, cold)| {
            let mut s = session.borrow_mut();
            let same = s
                .scenario
                .as_ref()
                .is_some_and(|old| Rc::ptr_eq(old, scenario));
            if *cold || !same {
                s.resolver.flush();
                s.next_at = SimTime::ZERO;
                s.scenario = Some(scenario.clone());
            }
            let at = s.next_at;
            s.next_at = at.plus_millis(BETWEEN_ASKS.as_millis());
            (at, resolve_in(scenario, &mut s.resolver, name, rtype, at))
        },
    );
    let (at, view) = &*result;
    let labels = vec![(Hop::Authoritative, "Route 53".to_string())];
    match view {
        Err(e) => html! { <p class="res-headline" role="alert">{ e.clone() }</p> },
        Ok(v) => html! {
            <div class="resolution" data-rcode={v.rcode.clone()}
                data-from-cache={v.from_cache.to_string()} data-queries={v.queries_sent.to_string()}>
                <p class="res-headline">
                    <strong>{ format!("At {} s: ", at.as_millis() / 1000) }</strong>
                    { v.headline.clone() }
                </p>
                <ResolutionDiagram steps={v.steps.clone()} {labels} id_prefix="wid" />
                { details(v) }
            </div>
        },
    }
}

fn details(v: &ResolutionView) -> Html {
    html! {
        <ol class="trace res-steps" start="2">
            { for v.details.iter().map(|d| html! {
                <li>
                    if let Some(dig) = &d.dig {
                        <details>
                            <summary>{ d.summary.clone() }</summary>
                            <pre class="res-msg">{ dig.clone() }</pre>
                        </details>
                    } else {
                        { d.summary.clone() }
                    }
                </li>
            }) }
        </ol>
    }
}
