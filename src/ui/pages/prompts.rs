//! What each "try this" prompt does: real change batches, faults and
//! console commands, never a shortcut around the engine.

use crate::engine::time::SimTime;
use crate::engine::world::{Fault, TimedFault};
use crate::scenario::blog::{localstack_command, LOCALSTACK_SETUP};
use crate::ui::adapters::batch::{add_batch, check, edit_batch, PendingBatch};
use crate::ui::adapters::rows::rows_from_zone;
use crate::ui::store::{Action, Store};
use crate::ui::view_model::choosing::{Placement, RecordKind, Target, TryRequest};
use crate::ui::view_model::record_table::{CellErrors, Column, RowEdit, RowFields};
use crate::ui::workspace::merge;

/// What a prompt can reach.
pub struct PromptCtx<'a> {
    /// The store.
    pub store: &'a Store,
    /// Ask the answer panel a question (name, type).
    pub ask: &'a dyn Fn(&str, &str),
    /// Run a command in the page's console.
    pub console: &'a dyn Fn(String),
    /// Say what happened (a polite live region under the prompts).
    pub status: &'a dyn Fn(String),
    /// Make an edit in the record table, as if typed there.
    pub edit: &'a dyn Fn(RowEdit),
}

/// Every message of a refusal, cell by cell.
pub fn refusal_text(e: &CellErrors) -> String {
    let mut parts: Vec<String> = Column::ALL
        .iter()
        .filter_map(|c| e.get(*c).map(|m| format!("{}: {m}", c.title())))
        .collect();
    parts.extend(e.row.clone());
    parts.join(" · ")
}

/// Checks `pending` with Route 53's validation and sends it when clean;
/// says what happened either way.
fn send(ctx: &PromptCtx<'_>, pending: Result<PendingBatch, Box<CellErrors>>, done: &str) {
    let checked =
        pending.and_then(|p| check(&ctx.store.workspace.scenario.route53, &p).map(|()| p));
    match checked {
        Ok(p) => {
            ctx.store.dispatch(Action::ApplyBatch(p));
            (ctx.status)(format!("Route 53 accepted the change batch: {done}."));
        }
        Err(e) => (ctx.status)(format!(
            "Route 53 refused the change batch. {}",
            refusal_text(&e)
        )),
    }
}

/// Edits of every row of the page's zone named `name` with type `rtype`.
fn edit_rows(
    ctx: &PromptCtx<'_>,
    name: &str,
    rtype: &str,
    change: impl Fn(&mut RowFields),
) -> Result<PendingBatch, Box<CellErrors>> {
    let r53 = &ctx.store.workspace.scenario.route53;
    let zone = r53.zones.last().ok_or_else(Box::<CellErrors>::default)?;
    let batches = rows_from_zone(zone)
        .into_iter()
        .filter(|r| r.fields.name == name && r.fields.rtype == rtype)
        .map(|r| {
            let mut f = r.fields.clone();
            change(&mut f);
            edit_batch(zone, &r.id, &f)
        })
        .collect::<Result<Vec<_>, _>>()?;
    merge(&batches).ok_or_else(|| {
        Box::new(CellErrors {
            row: Some(format!("{name} {rtype} is no longer in the zone")),
            ..CellErrors::default()
        })
    })
}

fn add_row(
    ctx: &PromptCtx<'_>,
    name: &str,
    rtype: &str,
    value: &str,
) -> Result<PendingBatch, Box<CellErrors>> {
    let r53 = &ctx.store.workspace.scenario.route53;
    let zone = r53.zones.last().ok_or_else(Box::<CellErrors>::default)?;
    let fields = RowFields {
        name: name.into(),
        rtype: rtype.into(),
        routing: "simple".into(),
        ttl: "300".into(),
        values: value.into(),
        health_check: String::new(),
        alias: None,
    };
    add_batch(zone, &fields)
}

/// The API Gateway page's pinned record.
const PINNED: &str = "pinned.example.com";

/// The API Gateway page's prompts: pin the endpoint's address of the
/// moment, move the clock to its next change, go back to a CNAME.
fn api_gateway_prompt(id: &str, ctx: &PromptCtx<'_>) {
    use crate::scenario::presets::api_gateway::ENDPOINT;
    use crate::ui::adapters::api_gateway::{api_gateway_view, next_change};
    use crate::ui::view_model::timeline::format_clock;
    let scenario = &ctx.store.workspace.scenario;
    let now = SimTime(ctx.store.playback.time_ms);
    let pinned = format!("{PINNED}.");
    let has_pinned = |rtype: &str| {
        scenario.route53.zones.last().is_some_and(|z| {
            rows_from_zone(z)
                .iter()
                .any(|r| r.fields.name == pinned && r.fields.rtype == rtype)
        })
    };
    match id {
        "pin-address" => {
            let Some(ip) = api_gateway_view(scenario, now).and_then(|v| v.current.first().cloned())
            else {
                return;
            };
            let p = if has_pinned("A") {
                edit_rows(ctx, &pinned, "A", |f| f.values = ip.clone())
            } else if has_pinned("CNAME") {
                edit_rows(ctx, &pinned, "CNAME", |f| {
                    f.rtype = "A".into();
                    f.values = ip.clone();
                })
            } else {
                add_row(ctx, PINNED, "A", &ip)
            };
            send(ctx, p, &format!("{PINNED} answers {ip}"));
            (ctx.ask)(PINNED, "A");
        }
        "next-change" => match next_change(scenario, now) {
            Some(t) => {
                ctx.store.dispatch(Action::Seek(t));
                (ctx.status)(format!(
                    "Moved the clock to {}: the API has new addresses.",
                    format_clock(t)
                ));
            }
            None => {
                ctx.store.dispatch(Action::Seek(0));
                (ctx.status)("No change is left in this run: back to 0:00.".into());
            }
        },
        _ => {
            if !has_pinned("A") {
                (ctx.status)(format!(
                    "{PINNED} is not an A record: pin an address first."
                ));
                return;
            }
            let p = edit_rows(ctx, &pinned, "A", |f| {
                f.rtype = "CNAME".into();
                f.values = ENDPOINT.into();
            });
            send(ctx, p, &format!("{PINNED} is a CNAME to {ENDPOINT}"));
        }
    }
}

const API_FAILOVER: &str = "api.hello-localstack.com.";

/// The Choosing page's tries, sent as the questions' buttons send them.
fn choose(ctx: &PromptCtx<'_>, target: Target, placement: Placement, kind: RecordKind) {
    let req = TryRequest {
        target,
        placement,
        kind,
    };
    let outcome = super::choosing::run_try(ctx.store, req, ctx.ask);
    (ctx.status)(outcome.text);
}

/// Runs prompt `id`.
pub fn run_prompt(id: &str, ctx: &PromptCtx<'_>) {
    match id {
        "change-ip" => {
            let p = edit_rows(ctx, "api.hello.com.", "A", |f| {
                f.values = "192.168.49.3".into()
            });
            send(ctx, p, "api.hello.com now answers 192.168.49.3");
            (ctx.ask)("api.hello.com", "A");
        }
        "add-value" => {
            let p = edit_rows(ctx, "api.hello.com.", "A", |f| {
                f.values = format!(
                    "{}\n198.51.100.7",
                    f.values.lines().next().unwrap_or("192.168.49.2")
                );
            });
            send(ctx, p, "api.hello.com holds two addresses");
            (ctx.ask)("api.hello.com", "A");
        }
        "invalid-ip" => {
            let zone = ctx.store.workspace.scenario.route53.zones.last();
            let row = zone.and_then(|z| {
                rows_from_zone(z)
                    .into_iter()
                    .find(|r| r.fields.name == "api.hello.com." && r.fields.rtype == "A")
            });
            if let Some(mut row) = row {
                row.fields.values = "not-an-ip".into();
                (ctx.edit)(RowEdit {
                    id: row.id,
                    fields: row.fields,
                });
                (ctx.status)(
                    "Typed not-an-ip into api's values: Route 53's verdict is in the cell.".into(),
                );
            }
        }
        "apex-cname"
            if ctx.store.workspace.scenario.route53.zones.len() == 1
                && ctx.store.workspace.scenario.route53.zones[0].name_text() == "example.com." =>
        {
            let p = add_row(ctx, "example.com", "CNAME", "my-gateway.example.com");
            send(ctx, p, "example.com is a CNAME");
            (ctx.ask)("example.com", "A");
        }
        "apex-cname" => {
            let zone = ctx.store.workspace.scenario.route53.zones.last();
            let id = zone.map(|z| z.id.clone()).unwrap_or_default();
            (ctx.console)(format!(
                "aws route53 change-resource-record-sets --hosted-zone-id {id} --change-batch '{{\"Changes\": [{{\"Action\": \"CREATE\", \"ResourceRecordSet\": {{\"Name\": \"hello-localstack.com\", \"Type\": \"CNAME\", \"TTL\": 60, \"ResourceRecords\": [{{\"Value\": \"12345.execute-api.localhost.localstack.cloud\"}}]}}}}]}}'"
            ));
            (ctx.status)("The console shows AWS's answer to a CNAME at the apex.".into());
        }
        "a-beside-cname" => {
            let p = add_row(ctx, "api.example.com", "A", "203.0.113.40");
            send(ctx, p, "api.example.com holds an A record too");
        }
        "follow-chain" => {
            (ctx.ask)("docs.example.com", "A");
            (ctx.status)("Asked docs.example.com A: the answer section lists every hop.".into());
        }
        "recover" => {
            ctx.store.dispatch(Action::ToggleFault(TimedFault {
                at: SimTime::from_secs(300),
                fault: Fault::AppUp {
                    app: "app-a".into(),
                },
            }));
            (ctx.status)("Toggled: app-a reports UP again at 5:00.".into());
        }
        "move-fault" => {
            let faults = &ctx.store.workspace.scenario.faults;
            let i = faults
                .iter()
                .position(|f| matches!(&f.fault, Fault::AppDown { app } if app == "app-a"));
            if let Some(i) = i {
                let at = if faults[i].at == SimTime::from_secs(120) {
                    30_000
                } else {
                    120_000
                };
                ctx.store.dispatch(Action::MoveFault(i, at));
                (ctx.status)(format!("app-a now goes down at {} s.", at / 1000));
            }
        }
        "ttl-3600" => {
            let p = edit_rows(ctx, API_FAILOVER, "A", |f| f.ttl = "3600".into());
            send(ctx, p, "both failover records have a TTL of 3600 s");
        }
        "own-ip" => {
            let p = edit_rows(ctx, API_FAILOVER, "A", |f| {
                if f.routing.contains("SECONDARY") {
                    f.values = "192.168.49.3".into();
                }
            });
            send(ctx, p, "app-b answers 192.168.49.3");
        }
        "scale-a-zero" => {
            ctx.store.dispatch(Action::ToggleFault(TimedFault {
                at: SimTime::from_secs(30),
                fault: Fault::ScaleTo {
                    deployment: "app-a".into(),
                    replicas: 0,
                },
            }));
            (ctx.status)(
                "Toggled: app-a's deployment drops to 0 replicas at 0:30. Press play.".into(),
            );
        }
        "lb-ip" => {
            let lb = crate::scenario::presets::kubernetes::APP_B_LB_IP.to_string();
            let p = edit_rows(ctx, API_FAILOVER, "A", |f| {
                if f.routing.contains("SECONDARY") {
                    f.values = lb.clone();
                }
            });
            send(
                ctx,
                p,
                &format!("app-b answers its LoadBalancer address {lb}"),
            );
        }
        "ask-again" => {
            (ctx.ask)("api.example.com", "A");
            (ctx.status)("Asked api.example.com A again, 10 s later.".into());
        }
        "ask-missing" => {
            (ctx.ask)("nope.example.com", "A");
            (ctx.status)("Asked nope.example.com A, a name the zone does not have.".into());
        }
        "ask-node-cname" => {
            (ctx.ask)("app.hello.com", "A");
            (ctx.status)("Asked app.hello.com A from an empty cache.".into());
        }
        "apex-cname-node" => {
            let p = add_row(ctx, "hello.com", "CNAME", "minikube.hello-k8s.net");
            send(ctx, p, "hello.com is a CNAME");
        }
        "txt-beside-cname" => {
            let p = add_row(ctx, "app.hello.com", "TXT", "\"owner=platform\"");
            send(ctx, p, "app.hello.com holds a TXT record too");
        }
        "choose-apex-cname" => choose(ctx, Target::AwsResource, Placement::Apex, RecordKind::Cname),
        "choose-apex-alias" => choose(ctx, Target::AwsResource, Placement::Apex, RecordKind::Alias),
        "choose-www-cname" => choose(
            ctx,
            Target::OtherHostname,
            Placement::BelowApex,
            RecordKind::Cname,
        ),
        "load-5000" => super::big_zone::load_big_zone(ctx),
        "pin-address" | "next-change" | "back-to-cname" => api_gateway_prompt(id, ctx),
        "run-blog" => {
            (ctx.console)(format!("{LOCALSTACK_SETUP}\n{}", localstack_command()));
            (ctx.status)("Ran the blog's command in the console.".into());
        }
        _ => {}
    }
}
