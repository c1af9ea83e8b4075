//! One live section page: the store's scenario through the record table,
//! the answer panel and, per page, the failover tree, timeline, console and
//! lints. Derived data (the run, the answer, the lints) is computed here
//! with memo hooks from the store's scenario and clock.

use std::rc::Rc;

use yew::prelude::*;

use super::diagram_panels::{ApiGatewayPanel, KubernetesPanel};
use super::last_change::LastChangeView;
use super::prompts::{run_prompt, PromptCtx};
use super::resolution_panel::ResolutionPanel;
use super::text::{explanation, localstack_note};
use super::Page;
use crate::console::{needs_more_input, Console as Shell, Stream};
use crate::engine::route53::routing_view::Query as WatchQuery;
use crate::engine::route53::Route53;
use crate::engine::time::SimTime;
use crate::scenario::blog::{localstack_command, LOCALSTACK_SETUP};
use crate::ui::adapters::answer::answer_view;
use crate::ui::adapters::batch::{add_batch, check, delete_batch, edit_batch};
use crate::ui::adapters::clients::{client_options, SCENARIO_CLIENT};
use crate::ui::adapters::import_export::{page_stem, plan_import, ImportPlan};
use crate::ui::adapters::rows::rows_from_zone;
use crate::ui::adapters::run_views::{answer_changes, failover_tree, lint_views, timeline_view};
use crate::ui::components::import_export::ImportRequest;
use crate::ui::components::{
    AnswerPanel, Console, FailoverTree, HistoryBar, ImportExport, Lints, Panel, RecordTable,
    SectionPage, ShareButton, Timeline,
};
use crate::ui::hooks::use_update_timing::{
    cancel_update_timing, mark_update_start, use_update_timing,
};
use crate::ui::store::{Action, Store};
use crate::ui::view_model::answer::Query;
use crate::ui::view_model::console::{ConsoleExample, ConsoleLine, LineKind, RunOutcome};
use crate::ui::view_model::record_table::{CellErrors, EditRequest, RowEdit, RowFields, RowId};

/// Props of [`ScenarioPage`].
#[derive(Properties, PartialEq)]
pub struct ScenarioPageProps {
    /// Which page.
    pub page: Page,
}

const CLIENT: &str = SCENARIO_CLIENT;

/// The scenario as a memo key, compared by pointer: the store makes a new
/// `Rc` only when it changes the scenario, and comparing two 5,000-set
/// scenarios field by field cost each memo about 2 ms per edit.
#[derive(Clone)]
struct ByPtr(Rc<crate::scenario::model::Scenario>);

impl PartialEq for ByPtr {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

fn console_lines(command: &str, transcript: &[(Stream, String)]) -> Vec<ConsoleLine> {
    let mut out: Vec<ConsoleLine> = command
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let kind = if i == 0 {
                LineKind::Input
            } else {
                LineKind::Continuation
            };
            ConsoleLine::new(kind, l)
        })
        .collect();
    for (stream, text) in transcript {
        let kind = match stream {
            Stream::Stdout => LineKind::Stdout,
            Stream::Stderr => LineKind::Stderr,
        };
        out.extend(text.lines().map(|l| ConsoleLine::new(kind, l)));
    }
    out
}

/// The page.
#[function_component(ScenarioPage)]
pub fn scenario_page(props: &ScenarioPageProps) -> Html {
    let store = use_context::<Store>().expect("App provides the store");
    let page = props.page;
    let tools = page.tools();
    let scenario = store.workspace.scenario.clone();
    let time = store.playback.time_ms;
    let status = use_state_eq(String::new);
    let first_query = scenario
        .queries
        .first()
        .cloned()
        .unwrap_or_else(|| WatchQuery::new("", "A"));
    let query = use_state_eq(|| Query {
        name: first_query.name.clone(),
        rtype: first_query.rtype.clone(),
        client: CLIENT.into(),
    });
    let shell = use_mut_ref(|| Shell::new(Route53::default()));
    let edit_request = use_state_eq(|| None::<EditRequest>);
    // Bumped on every question, so that asking the same one again reaches
    // the resolver again.
    let ask_seq = use_state_eq(|| 0_u32);

    use_update_timing(&scenario, time);
    let run = use_memo(ByPtr(scenario.clone()), |s| s.0.run().ok());
    let health = run
        .as_ref()
        .as_ref()
        .map(|r| r.timeline.health_at(SimTime(time)))
        .unwrap_or_default();
    let zone = scenario.route53.zones.last();
    let rows = use_memo(ByPtr(scenario.clone()), |s| {
        Rc::new(
            s.0.route53
                .zones
                .last()
                .map(rows_from_zone)
                .unwrap_or_default(),
        )
    });
    let answer = {
        let health = health.clone();
        use_memo(
            (ByPtr(scenario.clone()), (*query).clone(), time, health),
            |(s, q, t, h)| answer_view(&s.0, h, &q.name, &q.rtype, SimTime(*t), &q.client),
        )
    };
    let timeline = use_memo(run.clone(), |run| {
        run.as_ref()
            .as_ref()
            .map(|r| Rc::new(timeline_view(&scenario, r)))
    });
    let changes = run
        .as_ref()
        .as_ref()
        .map(answer_changes)
        .unwrap_or_default();
    let lints = run
        .as_ref()
        .as_ref()
        .map(|r| lint_views(&r.lints, &rows))
        .unwrap_or_default();
    let tree = failover_tree(&scenario, &first_query, SimTime(time), &health);

    // Record table: each edit is a change batch checked by Route 53's rules.
    let on_commit = {
        let store = store.clone();
        Callback::from(move |edit: RowEdit| {
            mark_update_start();
            let r53 = &store.workspace.scenario.route53;
            let Some(zone) = r53.zones.last() else {
                return CellErrors::default();
            };
            match edit_batch(zone, &edit.id, &edit.fields).and_then(|p| check(r53, &p).map(|()| p))
            {
                Ok(p) => {
                    store.dispatch(Action::ApplyBatch(p));
                    CellErrors::default()
                }
                Err(e) => {
                    cancel_update_timing();
                    *e
                }
            }
        })
    };
    let on_add = {
        let store = store.clone();
        Callback::from(move |fields: RowFields| {
            mark_update_start();
            let r53 = &store.workspace.scenario.route53;
            let Some(zone) = r53.zones.last() else {
                return CellErrors {
                    row: Some("There is no hosted zone yet.".into()),
                    ..CellErrors::default()
                };
            };
            match add_batch(zone, &fields).and_then(|p| check(r53, &p).map(|()| p)) {
                Ok(p) => {
                    store.dispatch(Action::ApplyBatch(p));
                    CellErrors::default()
                }
                Err(e) => {
                    cancel_update_timing();
                    *e
                }
            }
        })
    };
    let on_delete = {
        let (store, status) = (store.clone(), status.clone());
        Callback::from(move |id: RowId| {
            let r53 = &store.workspace.scenario.route53;
            let Some(p) = r53.zones.last().and_then(|z| delete_batch(z, &id)) else {
                return;
            };
            mark_update_start();
            match check(r53, &p) {
                Ok(()) => store.dispatch(Action::ApplyBatch(p)),
                Err(e) => {
                    cancel_update_timing();
                    status.set(format!(
                        "Route 53 refused to delete it. {}",
                        super::prompts::refusal_text(&e)
                    ))
                }
            }
        })
    };

    // Import: checked whole (the scenario loader, Route 53's validation)
    // before anything is dispatched, so a refusal changes nothing.
    let on_import = {
        let store = store.clone();
        Callback::from(move |(kind, text): ImportRequest| {
            match plan_import(&store.workspace.scenario, kind, &text)? {
                ImportPlan::Replace(s) => {
                    store.dispatch(Action::LoadScenario(Rc::new(*s)));
                    Ok("Loaded the scenario: it replaces this page's.".to_string())
                }
                ImportPlan::Batch(p, summary) => {
                    store.dispatch(Action::ApplyBatch(p));
                    Ok(summary)
                }
            }
        })
    };

    // Console: runs against the page's Route 53; changes flow back.
    let run_command: Rc<dyn Fn(String) -> RunOutcome> = {
        let (store, shell) = (store.clone(), shell.clone());
        Rc::new(move |command: String| {
            if needs_more_input(&command) {
                return RunOutcome { needs_more: true };
            }
            let out = {
                let mut sh: std::cell::RefMut<'_, Shell<Route53>> = shell.borrow_mut();
                *sh.api_mut() = store.workspace.scenario.attached_route53();
                sh.set_now(SimTime(store.playback.time_ms));
                let out = sh.run_script(&command);
                store.dispatch(Action::ReplaceRoute53(Box::new(sh.api().clone())));
                out
            };
            store.dispatch(Action::ConsoleAppend(console_lines(
                &command,
                &out.transcript,
            )));
            RunOutcome::default()
        })
    };
    let on_run = {
        let run_command = run_command.clone();
        Callback::from(move |c: String| run_command(c))
    };
    let on_clear = {
        let store = store.clone();
        Callback::from(move |()| store.dispatch(Action::ConsoleClear))
    };

    let on_query = {
        let (query, ask_seq) = (query.clone(), ask_seq.clone());
        Callback::from(move |q: Query| {
            query.set(q);
            ask_seq.set(ask_seq.wrapping_add(1));
        })
    };
    let on_ask = {
        let on_query = on_query.clone();
        Callback::from(move |(name, rtype): (String, String)| {
            on_query.emit(Query {
                name,
                rtype,
                client: CLIENT.into(),
            })
        })
    };
    let on_prompt = {
        let (store, query, status) = (store.clone(), query.clone(), status.clone());
        let (run_command, edit_request) = (run_command.clone(), edit_request.clone());
        let ask_seq = ask_seq.clone();
        Callback::from(move |id: String| {
            let ask = |name: &str, rtype: &str| {
                query.set(Query {
                    name: name.into(),
                    rtype: rtype.into(),
                    client: query.client.clone(),
                });
                ask_seq.set(ask_seq.wrapping_add(1));
            };
            let console = |c: String| {
                run_command(c);
            };
            let say = |s: String| status.set(s);
            let edit = |e: RowEdit| {
                let seq = edit_request.as_ref().map_or(1, |r| r.seq.wrapping_add(1));
                edit_request.set(Some(EditRequest { seq, edit: e }));
            };
            mark_update_start();
            run_prompt(
                &id,
                &PromptCtx {
                    store: &store,
                    ask: &ask,
                    console: &console,
                    status: &say,
                    edit: &edit,
                },
            );
        })
    };
    let s = store.clone();
    let on_show = Callback::from(move |ids: Vec<RowId>| s.dispatch(Action::Highlight(ids)));
    let s = store.clone();
    let on_toggle = Callback::from(move |()| s.dispatch(Action::TogglePlay));
    let s = store.clone();
    let on_speed = Callback::from(move |sp| s.dispatch(Action::SetSpeed(sp)));
    let s = store.clone();
    let on_step = Callback::from(move |f| {
        mark_update_start();
        s.dispatch(Action::Step(f))
    });
    let s = store.clone();
    let on_seek = Callback::from(move |t| {
        mark_update_start();
        s.dispatch(Action::Seek(t))
    });

    let dispatch = |a: Action| {
        let s = store.clone();
        Callback::from(move |()| s.dispatch(a.clone()))
    };
    let caption = zone.map_or_else(
        || "Record sets".to_string(),
        |z| format!("Record sets in {} ({})", z.name_text(), z.id),
    );
    let clients = client_options(&scenario);
    let examples = if page == Page::LocalStack {
        vec![ConsoleExample {
            label: "the blog's command".into(),
            command: format!("{LOCALSTACK_SETUP}\n{}", localstack_command()),
        }]
    } else {
        Vec::new()
    };
    let changes_attr = changes
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    html! {
        <div class="live-page" data-page={page.title()} data-answer-changes={changes_attr}
            data-sim-time={time.to_string()}>
            <SectionPage title={page.title()} explanation={explanation(page)}
                prompts={page.prompts()} {on_prompt}>
                <HistoryBar undo={store.undo_label().map(|l| AttrValue::from(l.to_string()))}
                    redo={store.redo_label().map(|l| AttrValue::from(l.to_string()))}
                    can_reset={!store.at_preset()} on_undo={dispatch(Action::Undo)}
                    on_redo={dispatch(Action::Redo)} on_reset={dispatch(Action::ResetToPreset)} />
                <ShareButton scenario={scenario.clone()} route={store.route.clone()} time_ms={time} />
                <ImportExport scenario={scenario.clone()} stem={page_stem(&store.route)} {on_import} />
                <p class="page-status" role="status" aria-live="polite">{ (*status).clone() }</p>
                if page == Page::Choosing {
                    <Panel id="choosing" title="Which record fits?" wide=true>
                        { super::choosing::choosing_panel(&store, on_ask) }
                    </Panel>
                }
                <Panel id="records" title="Records" wide=true>
                    <RecordTable rows={(*rows).clone()} caption={caption} {on_commit} {on_add} {on_delete}
                        highlighted={store.highlighted.clone()} request={(*edit_request).clone()}
                        zone_id={zone.map(|z| AttrValue::from(z.id.clone())).unwrap_or_default()} />
                    <LastChangeView change={store.workspace.last_change.clone()} />
                </Panel>
                if page == Page::ApiGateway {
                    <ApiGatewayPanel scenario={scenario.clone()} />
                }
                if page == Page::Kubernetes {
                    <KubernetesPanel scenario={scenario.clone()} time_ms={time} health={health.clone()} />
                }
                if tools.resolver {
                    <Panel id="resolution" title="The path a question takes" wide=true>
                        <ResolutionPanel scenario={scenario.clone()} name={query.name.clone()}
                            rtype={query.rtype.clone()} seq={*ask_seq}
                            cold={page == Page::WhyNotCname} client={query.client.clone()}
                            health={health.clone()} time_ms={time} />
                    </Panel>
                }
                if tools.timeline {
                    if let Some(view) = (*timeline).clone() {
                        <Panel id="timeline" title="Timeline" wide=true>
                            <Timeline {view} playback={store.playback}
                                {on_toggle} {on_speed} {on_step} {on_seek} />
                        </Panel>
                    }
                }
                if tools.console {
                    <Panel id="console" title="Console" wide=true>
                        <Console lines={store.console.clone()} {on_run} {examples} on_clear={Some(on_clear)} />
                    </Panel>
                }
                <Panel id="answer" title="Ask Route 53">
                    <AnswerPanel query={(*query).clone()} {clients} answer={Some((*answer).clone())} {on_query} />
                </Panel>
                if tools.timeline {
                    if let Some(tree) = tree {
                        <Panel id="tree" title="Failover, now">
                            <FailoverTree view={tree} />
                        </Panel>
                    }
                }
                if page == Page::LocalStack {
                    <Panel id="differences" title="Where LocalStack and AWS differ">
                        { localstack_note() }
                    </Panel>
                }
                if tools.lints {
                    <Panel id="lints" title="Lints" wide={tools.timeline || tools.console}>
                        <Lints lints={lints} {on_show} />
                    </Panel>
                }
            </SectionPage>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The console echoes a multi-line command as a shell does: the first
    /// line after the prompt, the rest after the continuation prompt; then
    /// each printed line with its stream.
    #[test]
    fn console_lines_echo_the_command_then_its_output() {
        let lines = console_lines(
            "echo a \\\nb",
            &[
                (Stream::Stdout, "a b\n".into()),
                (Stream::Stderr, "x\ny\n".into()),
            ],
        );
        let kinds: Vec<(LineKind, &str)> =
            lines.iter().map(|l| (l.kind, l.text.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (LineKind::Input, "echo a \\"),
                (LineKind::Continuation, "b"),
                (LineKind::Stdout, "a b"),
                (LineKind::Stderr, "x"),
                (LineKind::Stderr, "y"),
            ]
        );
    }
}
