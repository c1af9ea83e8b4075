//! The "What is DNS" page's resolver: one recursive resolver whose cache
//! lives as long as the page, asked the answer panel's question each time
//! it is asked, drawn as the steppable resolution path with every message
//! that came back. Each later question is asked 10 simulated seconds after
//! the one before, so cached TTLs visibly count down; an edit to the zone
//! starts a cold resolver again so the path matches the table, and a
//! `cold` panel starts every question cold, so paths compare step for step.
//!
//! Route 53's servers answer as the answer panel does: routed names by
//! their policy, for the answer panel's client, with each health check's
//! status at the page's time. A change of client or of any check's status
//! is a different Route 53 (or a different resolver, for another place):
//! the resolver starts cold at the page's time, so the path shows the
//! answer the panel shows. The clock alone moving does not re-run it.

use std::collections::BTreeMap;
use std::rc::Rc;

use hickory_proto::rr::Name;
use yew::prelude::*;

use crate::engine::resolver::{DnsTree, Resolver, ResolverProfile};
use crate::engine::time::SimTime;
use crate::scenario::model::Scenario;
use crate::ui::adapters::resolution::{
    resolve_in, route53_tree, routing_notes, AskedFrom, ResolutionView,
};
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
    /// The answer panel's client id: latency and geolocation records
    /// answer by it.
    pub client: AttrValue,
    /// Each health check's status (by id) at `time_ms`.
    #[prop_or_default]
    pub health: BTreeMap<String, bool>,
    /// The page's simulated time in ms: Route 53 routes as it does then.
    #[prop_or_default]
    pub time_ms: u64,
}

/// What Route 53 answers depend on, besides the question: a change starts
/// the resolver cold. The scenario is compared by pointer (the store makes
/// a new `Rc` only when it changes).
struct World {
    scenario: Rc<Scenario>,
    client: AttrValue,
    health: BTreeMap<String, bool>,
    /// The page's time when the tree was built: Route 53 routes as then.
    at: SimTime,
}

impl World {
    fn is(
        &self,
        scenario: &Rc<Scenario>,
        client: &AttrValue,
        health: &BTreeMap<String, bool>,
    ) -> bool {
        Rc::ptr_eq(&self.scenario, scenario) && self.client == *client && self.health == *health
    }
}

struct Session {
    resolver: Resolver,
    next_at: SimTime,
    /// The tree built for `world` (rebuilt only when it changes).
    world: Option<(World, Rc<DnsTree>)>,
}

/// The memo's key: the scenario by pointer, then the question and the
/// routing inputs. The clock is left out on purpose: a playing timeline
/// ticks many times a second, and Route 53's answer changes with health,
/// not with each tick.
#[derive(Clone)]
struct Key {
    scenario: Rc<Scenario>,
    name: AttrValue,
    rtype: AttrValue,
    seq: u32,
    cold: bool,
    client: AttrValue,
    health: BTreeMap<String, bool>,
}

impl PartialEq for Key {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &o.scenario)
            && (
                &self.name,
                &self.rtype,
                self.seq,
                self.cold,
                &self.client,
                &self.health,
            ) == (&o.name, &o.rtype, o.seq, o.cold, &o.client, &o.health)
    }
}

/// The panel.
#[function_component(ResolutionPanel)]
pub fn resolution_panel(props: &ResolutionPanelProps) -> Html {
    let seed = props.scenario.seed;
    let session = use_mut_ref(move || Session {
        resolver: Resolver::new(ResolverProfile::honours_ttl(), seed, "what-is-dns"),
        next_at: SimTime::ZERO,
        world: None,
    });
    let page_time = SimTime(props.time_ms);
    let key = Key {
        scenario: props.scenario.clone(),
        name: props.name.clone(),
        rtype: props.rtype.clone(),
        seq: props.seq,
        cold: props.cold,
        client: props.client.clone(),
        health: props.health.clone(),
    };
    let result = use_memo(key, move |k| {
        let mut s = session.borrow_mut();
        let same = s
            .world
            .as_ref()
            .is_some_and(|(w, _)| w.is(&k.scenario, &k.client, &k.health));
        let (tree, built_at) = match (&s.world, same) {
            (Some((w, tree)), true) => (tree.clone(), w.at),
            _ => {
                let from = AskedFrom {
                    client: &k.client,
                    health: &k.health,
                    at: page_time,
                };
                let tree = Rc::new(route53_tree(&k.scenario, &from));
                s.world = Some((
                    World {
                        scenario: k.scenario.clone(),
                        client: k.client.clone(),
                        health: k.health.clone(),
                        at: page_time,
                    },
                    tree.clone(),
                ));
                (tree, page_time)
            }
        };
        let from = AskedFrom {
            client: &k.client,
            health: &k.health,
            at: built_at,
        };
        let explain = |n: &Name| routing_notes(&k.scenario, &from, n);
        if k.cold || !same {
            s.resolver.flush();
            s.next_at = page_time;
        }
        let at = s.next_at;
        s.next_at = at.plus_millis(BETWEEN_ASKS.as_millis());
        (
            at,
            resolve_in(&tree, &mut s.resolver, &k.name, &k.rtype, at, &explain),
        )
    });
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
