//! The API Gateway and Kubernetes pictures as page panels: each derives
//! its view from the store's scenario at the store's clock, so scrubbing,
//! playing, a prompt or a table edit redraws it.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::time::SimTime;
use crate::scenario::model::Scenario;
use crate::ui::adapters::api_gateway::api_gateway_view;
use crate::ui::adapters::kubernetes::kubernetes_view;
use crate::ui::components::{ApiGatewayDiagram, KubernetesDiagram, Panel, TimelineControls};
use crate::ui::store::{Action, Store};

/// Props of [`ApiGatewayPanel`].
#[derive(Properties, PartialEq)]
pub struct ApiGatewayPanelProps {
    /// The page's scenario.
    pub scenario: Rc<Scenario>,
}

/// The API Gateway picture with the clock that moves it.
#[function_component(ApiGatewayPanel)]
pub fn api_gateway_panel(props: &ApiGatewayPanelProps) -> Html {
    let store = use_context::<Store>().expect("App provides the store");
    let time = store.playback.time_ms;
    let view = use_memo((props.scenario.clone(), time), |(s, t)| {
        api_gateway_view(s, SimTime(*t))
    });
    let Some(view) = (*view).clone() else {
        return Html::default();
    };
    let s = store.clone();
    let on_toggle = Callback::from(move |()| s.dispatch(Action::TogglePlay));
    let s = store.clone();
    let on_speed = Callback::from(move |sp| s.dispatch(Action::SetSpeed(sp)));
    let s = store.clone();
    let on_step = Callback::from(move |f| s.dispatch(Action::Step(f)));
    let s = store.clone();
    let on_seek = Callback::from(move |t| s.dispatch(Action::Seek(t)));
    html! {
        <Panel id="api-gateway" title="The name, its addresses, and time" wide=true>
            <TimelineControls playback={store.playback} {on_toggle} {on_speed} {on_step} {on_seek} id_prefix="agw" />
            <ApiGatewayDiagram {view} />
        </Panel>
    }
}

/// Props of [`KubernetesPanel`].
#[derive(Properties, PartialEq)]
pub struct KubernetesPanelProps {
    /// The page's scenario.
    pub scenario: Rc<Scenario>,
    /// The clock (ms).
    pub time_ms: u64,
    /// Each check's status at that instant, from the run's timeline.
    pub health: BTreeMap<String, bool>,
}

/// The Kubernetes picture at the page's clock.
#[function_component(KubernetesPanel)]
pub fn kubernetes_panel(props: &KubernetesPanelProps) -> Html {
    let view = use_memo(
        (props.scenario.clone(), props.time_ms, props.health.clone()),
        |(s, t, h)| kubernetes_view(s, SimTime(*t), h),
    );
    match (*view).clone() {
        Some(view) => html! {
            <Panel id="cluster" title="The cluster, now" wide=true>
                <KubernetesDiagram {view} />
            </Panel>
        },
        None => Html::default(),
    }
}
