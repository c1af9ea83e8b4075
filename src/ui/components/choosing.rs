//! The Choosing page's questions: two radio groups (what the name leads
//! to, and whether it is the apex), the advice they lead to, and a "try"
//! button per record that can be written down. The decision is
//! [`advise_answers`]; trying is the page's callback, which answers with
//! Route 53's verdict.

use yew::prelude::*;

use crate::ui::view_model::choosing::{
    advise_answers, Placement, RecordKind, Target, TryOutcome, TryRequest,
};

/// Props of [`ChoosingForm`].
#[derive(Properties, PartialEq)]
pub struct ChoosingFormProps {
    /// The zone apex as shown (`hello-app.com.`).
    pub apex: AttrValue,
    /// The name below the apex tries go to (`www.hello-app.com.`).
    pub below: AttrValue,
    /// Sends a try as a change batch; returns what Route 53 said.
    pub on_try: Callback<TryRequest, TryOutcome>,
}

/// The form, the advice and the outcome of the last try.
#[function_component(ChoosingForm)]
pub fn choosing_form(props: &ChoosingFormProps) -> Html {
    let target = use_state_eq(|| None::<Target>);
    let placement = use_state_eq(|| None::<Placement>);
    let outcome = use_state_eq(|| None::<TryOutcome>);
    let advice = advise_answers(*target, *placement);
    let name_of = |p: Placement| match p {
        Placement::Apex => props.apex.clone(),
        Placement::BelowApex => props.below.clone(),
    };

    let target_radios = Target::ALL.iter().map(|t| {
        let t = *t;
        let id = format!("choose-target-{}", t.slug());
        let onchange = {
            let target = target.clone();
            Callback::from(move |_: Event| target.set(Some(t)))
        };
        html! {
            <div class="choosing-option">
                <input type="radio" id={id.clone()} name="choose-target" value={t.slug()}
                    checked={*target == Some(t)} {onchange} />
                <label for={id}>
                    { t.label() }
                    <span class="choosing-example">{ t.example() }</span>
                </label>
            </div>
        }
    });
    let placement_radios = Placement::ALL.iter().map(|p| {
        let p = *p;
        let id = format!("choose-placement-{}", p.slug());
        let onchange = {
            let placement = placement.clone();
            Callback::from(move |_: Event| placement.set(Some(p)))
        };
        html! {
            <div class="choosing-option">
                <input type="radio" id={id.clone()} name="choose-placement" value={p.slug()}
                    checked={*placement == Some(p)} {onchange} />
                <label for={id}>
                    { p.label() }
                    <span class="choosing-example mono">{ name_of(p) }</span>
                </label>
            </div>
        }
    });

    let advice_html = match (advice, *target, *placement) {
        (Some(advice), Some(t), Some(p)) => {
            let name = name_of(p);
            let choices = advice.ranked().into_iter().map(|c| {
                let kind = c.kind;
                let button = c.verdict.can_try().then(|| {
                    let (on_try, outcome) = (props.on_try.clone(), outcome.clone());
                    let onclick = Callback::from(move |_: MouseEvent| {
                        let req = TryRequest {
                            target: t,
                            placement: p,
                            kind,
                        };
                        outcome.set(Some(on_try.emit(req)));
                    });
                    html! {
                        <button type="button" class="btn choosing-try" {onclick}>
                            { format!("Try {} at {name}", kind.label()) }
                        </button>
                    }
                });
                html! {
                    <li class={classes!("choosing-choice", c.verdict.class())}
                        data-kind={kind.label()}>
                        <div class="choosing-choice-head">
                            <span class="choosing-kind">{ kind.label() }</span>
                            <span class="choosing-verdict">
                                <span class="choosing-mark" aria-hidden="true">{ c.verdict.mark() }</span>
                                { c.verdict.label() }
                            </span>
                        </div>
                        <p class="choosing-why">{ c.why }</p>
                        { for button }
                    </li>
                }
            });
            html! {
                <>
                    <p class="choosing-rec" data-best={advice.best.label()}>
                        <strong>{ format!("For {name} use {}.", record_phrase(advice.best)) }</strong>
                        { " The options, best first, each with a button that sends it to Route 53 as a change batch:" }
                    </p>
                    <ul class="choosing-choices" aria-label="Every option, with how it fares">
                        { for choices }
                    </ul>
                </>
            }
        }
        _ => html! {
            <p class="choosing-rec choosing-pending">
                { "Answer both questions and the advice appears here, with a button to try each option in the table." }
            </p>
        },
    };
    let outcome_html = match &*outcome {
        Some(o) => {
            let (class, mark, word) = if o.accepted {
                ("choosing-outcome-accepted", "✓", "Accepted.")
            } else {
                ("choosing-outcome-refused", "✕", "Refused.")
            };
            html! {
                <p class={classes!("choosing-outcome", class)}>
                    <span aria-hidden="true">{ mark }{ " " }</span>
                    <strong>{ word }</strong>{ " " }{ o.text.clone() }
                </p>
            }
        }
        None => html! {},
    };
    html! {
        <div class="choosing">
            <div class="choosing-questions">
                <fieldset class="choosing-q">
                    <legend>{ "What should the name lead to?" }</legend>
                    { for target_radios }
                </fieldset>
                <fieldset class="choosing-q">
                    <legend>{ "Is the name the zone apex?" }</legend>
                    { for placement_radios }
                </fieldset>
            </div>
            <div class="choosing-advice" aria-live="polite">
                { advice_html }
            </div>
            <div class="choosing-result" role="status" aria-live="polite">
                { outcome_html }
            </div>
        </div>
    }
}

fn record_phrase(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::A => "an A record",
        RecordKind::Cname => "a CNAME",
        RecordKind::Alias => "an alias",
    }
}
