//! The Choosing page's tries, wired to the store: a [`TryRequest`] is
//! planned as a change batch ([`plan_try`]), judged by Route 53's own
//! validation ([`verdict`]) and, when accepted, applied through
//! [`Action::ApplyBatch`] like every table edit. The answer panel then asks
//! for the name either way, so a refusal visibly changes nothing.

use yew::prelude::*;

use crate::engine::time::SimTime;
use crate::ui::adapters::choosing::{client_gets, name_for, plan_try, verdict};
use crate::ui::components::ChoosingForm;
use crate::ui::store::{Action, Store};
use crate::ui::view_model::choosing::{Placement, TryOutcome, TryRequest};

/// Sends `req`; `ask` puts a question (name, type) to the answer panel.
pub fn run_try(store: &Store, req: TryRequest, ask: &dyn Fn(&str, &str)) -> TryOutcome {
    let scenario = &store.workspace.scenario;
    let now = SimTime(store.playback.time_ms);
    let plan = match plan_try(scenario, req, now) {
        Ok(plan) => plan,
        Err(text) => {
            return TryOutcome {
                accepted: false,
                text,
            }
        }
    };
    let outcome = match verdict(&scenario.route53, &plan.pending) {
        Ok(()) => {
            // The state the reducer is about to reach, to say what a client
            // gets without waiting for the next render.
            let mut after = store.workspace.clone();
            after.apply_batch(&plan.pending, now);
            let gets = client_gets(&after.scenario, &plan.name, now);
            store.dispatch(Action::ApplyBatch(plan.pending));
            TryOutcome {
                accepted: true,
                text: format!(
                    "Route 53 took the change batch: {} A client asking for {} A now gets {gets}.",
                    plan.summary, plan.name
                ),
            }
        }
        Err(error) => TryOutcome {
            accepted: false,
            text: format!(
                "Route 53 refused the change batch, so the zone is as it was. It said: {error}. A client asking for {} A still gets {}.",
                plan.name,
                client_gets(scenario, &plan.name, now)
            ),
        },
    };
    ask(&plan.name, "A");
    outcome
}

/// The questions panel for the page's zone; `ask` as for [`run_try`].
pub fn choosing_panel(store: &Store, ask: Callback<(String, String)>) -> Html {
    let Some(zone) = store.workspace.scenario.route53.zones.last() else {
        return html! {};
    };
    let apex = name_for(zone, Placement::Apex);
    let below = name_for(zone, Placement::BelowApex);
    let store = store.clone();
    let on_try = Callback::from(move |req: TryRequest| {
        run_try(&store, req, &|name: &str, rtype: &str| {
            ask.emit((name.to_string(), rtype.to_string()))
        })
    });
    html! { <ChoosingForm {apex} {below} {on_try} /> }
}
