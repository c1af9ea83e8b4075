//! Browser tests (wasm-bindgen-test in headless Chromium): `make test` runs
//! them with `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (bounded, yielding to the browser between checks) until `ready`
/// holds; Yew renders asynchronously after `render()`.
async fn until(mut ready: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if ready() {
            return true;
        }
        gloo_timers::future::TimeoutFuture::new(5).await;
    }
    ready()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn app_renders_header_promise_and_footer() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<dnsplay::ui::App>::with_root(root.clone()).render();
    assert!(until(|| root.query_selector(".brand").ok().flatten().is_some()).await);
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("dnsplay"), "{text}");
    assert!(text.contains(dnsplay::ui::app::PROMISE), "{text}");
    assert!(text.contains(dnsplay::VERSION), "{text}");
}

#[wasm_bindgen_test]
fn seeded_rng_gives_the_same_stream_in_the_browser_as_on_the_host() {
    // The host unit test pins the same three numbers (engine::rng tests).
    let mut r = dnsplay::engine::rng::SimRng::derive(42, "pin");
    let got: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
    assert_eq!(
        got,
        [
            5581842238231680510,
            12706079912678280544,
            18065986893358315728
        ]
    );
}

/// Issue 4: "Replaying the same scenario gives the same timeline, bit for
/// bit, on host and on wasm32". The host pins the same digest in
/// tests/determinism.rs (`BLOG_FAILOVER_DIGEST`).
#[wasm_bindgen_test]
fn blog_failover_run_is_the_same_in_the_browser_as_on_the_host() {
    let build = dnsplay::scenario::presets::route53_failover::route53_failover;
    let first = build().unwrap().run().unwrap();
    let second = build().unwrap().run().unwrap();
    assert_eq!(first, second);
    assert_eq!(first.digest(), 11_793_356_947_570_544_423);
}

// ---- components mounted with sample view-model data ----

use std::cell::RefCell;
use std::rc::Rc;

use dnsplay::ui::components::{Console, RecordTable};
use dnsplay::ui::view_model::console::{ConsoleLine, LineKind, RunOutcome};
use dnsplay::ui::view_model::record_table::{CellErrors, Column, RecordRow, RowFields, RowId};
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn mount<C: BaseComponent>(props: C::Properties) -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    root
}

fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

fn html_el(el: web_sys::Element) -> web_sys::HtmlElement {
    el.dyn_into().unwrap()
}

fn type_into(el: &web_sys::Element, text: &str) {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn press(el: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

fn focused_label() -> String {
    document()
        .active_element()
        .and_then(|e| e.get_attribute("aria-label"))
        .unwrap_or_default()
}

fn sample_rows(n: usize) -> Rc<Vec<RecordRow>> {
    Rc::new(
        (0..n)
            .map(|i| RecordRow {
                id: RowId(format!("r{i}")),
                fields: RowFields {
                    name: format!("host{i}.example.com."),
                    rtype: "A".into(),
                    routing: "simple".into(),
                    ttl: "300".into(),
                    values: format!("192.0.2.{}", i % 250),
                    health_check: String::new(),
                    alias: None,
                },
                is_alias: false,
            })
            .collect(),
    )
}

#[derive(Properties, PartialEq)]
struct TableHarness {
    rows: Rc<Vec<RecordRow>>,
    commits: Rc<RefCell<Vec<(String, String)>>>,
}

#[function_component]
fn TableUnderTest(p: &TableHarness) -> Html {
    let commits = p.commits.clone();
    let on_commit = Callback::from(
        move |edit: dnsplay::ui::view_model::record_table::RowEdit| {
            commits
                .borrow_mut()
                .push((edit.id.0.clone(), edit.fields.ttl.clone()));
            if edit.fields.ttl.parse::<u32>().is_ok() {
                CellErrors::default()
            } else {
                CellErrors::default().with(Column::Ttl, "TTL must be a whole number of seconds")
            }
        },
    );
    html! {
        <RecordTable rows={p.rows.clone()} id_prefix="t1" {on_commit}
            on_add={Callback::from(|_| CellErrors::default())}
            on_delete={Callback::from(|_| ())} />
    }
}

#[wasm_bindgen_test]
async fn record_table_shows_a_rejected_edit_in_the_cell_that_is_wrong() {
    let commits = Rc::new(RefCell::new(Vec::new()));
    let root = mount::<TableUnderTest>(TableHarness {
        rows: sample_rows(3),
        commits: commits.clone(),
    });
    let edit = "button[aria-label=\"Edit host1.example.com. A\"]";
    assert!(until(|| find(&root, edit).is_some()).await);
    html_el(find(&root, edit).unwrap()).click();
    assert!(until(|| find(&root, "#t1-ttl").is_some()).await);
    // Keyboard users land in the first field of the row they edit.
    assert!(
        until(|| focused_id() == "t1-name").await,
        "{}",
        focused_id()
    );
    let ttl = find(&root, "#t1-ttl").unwrap();
    type_into(&ttl, "soon");
    press(&ttl, "Enter");
    assert!(until(|| find(&root, "#t1-ttl[aria-invalid=\"true\"]").is_some()).await);
    assert_eq!(
        commits.borrow().as_slice(),
        [("r1".to_string(), "soon".to_string())]
    );
    let ttl = find(&root, "#t1-ttl").unwrap();
    assert!(
        until(|| focused_id() == "t1-ttl").await,
        "focus moves to the bad cell"
    );
    assert_eq!(
        ttl.get_attribute("aria-describedby").as_deref(),
        Some("t1-ttl-err")
    );
    let msg = find(&root, "#t1-ttl-err")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(msg.contains("whole number of seconds"), "{msg}");
    // The message sits in the TTL cell, and no other cell claims an error.
    assert!(ttl
        .parent_element()
        .unwrap()
        .contains(Some(&find(&root, "#t1-ttl-err").unwrap())));
    for other in ["name", "type", "routing", "values", "health"] {
        let el = find(&root, &format!("#t1-{other}")).unwrap();
        assert_eq!(el.get_attribute("aria-invalid"), None, "{other}");
    }
    // Fixing it and pressing Enter leaves edit mode.
    type_into(&ttl, "60");
    press(&ttl, "Enter");
    assert!(until(|| find(&root, "#t1-ttl").is_none()).await);
    assert_eq!(commits.borrow().len(), 2);
    // Focus returns to the row's Edit button.
    assert!(until(|| focused_label() == "Edit host1.example.com. A").await);
    // Escape cancels an edit without committing.
    html_el(find(&root, edit).unwrap()).click();
    assert!(until(|| find(&root, "#t1-ttl").is_some()).await);
    press(&find(&root, "#t1-ttl").unwrap(), "Escape");
    assert!(until(|| find(&root, "#t1-ttl").is_none()).await);
    assert_eq!(commits.borrow().len(), 2);
}

#[wasm_bindgen_test]
async fn record_table_renders_only_the_visible_rows_of_a_big_zone() {
    let root = mount::<TableUnderTest>(TableHarness {
        rows: sample_rows(5000),
        commits: Rc::default(),
    });
    assert!(until(|| find(&root, ".rt-row").is_some()).await);
    let rendered = root.query_selector_all(".rt-row").unwrap().length();
    assert!((1..=60).contains(&rendered), "{rendered} rows in the DOM");
    let table = find(&root, "table").unwrap();
    assert_eq!(
        table.get_attribute("aria-rowcount").as_deref(),
        Some("5001")
    );
}

#[derive(Properties, PartialEq)]
struct ConsoleHarness {
    runs: Rc<RefCell<Vec<String>>>,
}

#[function_component]
fn ConsoleUnderTest(p: &ConsoleHarness) -> Html {
    let lines = use_state(Vec::<ConsoleLine>::new);
    let runs = p.runs.clone();
    let on_run = {
        let lines = lines.clone();
        Callback::from(move |cmd: String| {
            runs.borrow_mut().push(cmd.clone());
            if cmd.ends_with('\\') {
                return RunOutcome { needs_more: true };
            }
            let mut next = (*lines).clone();
            next.push(ConsoleLine::new(LineKind::Input, cmd));
            lines.set(next);
            RunOutcome::default()
        })
    };
    html! { <Console lines={Rc::new((*lines).clone())} {on_run} id_prefix="c1" /> }
}

fn textarea_value(root: &web_sys::Element) -> String {
    find(root, "#c1-input")
        .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn console_recalls_history_and_continues_incomplete_commands() {
    let runs = Rc::new(RefCell::new(Vec::new()));
    let root = mount::<ConsoleUnderTest>(ConsoleHarness { runs: runs.clone() });
    assert!(until(|| find(&root, "#c1-input").is_some()).await);
    let input = find(&root, "#c1-input").unwrap();
    for cmd in ["dig a.example.com", "dig b.example.com"] {
        type_into(&input, cmd);
        press(&input, "Enter");
        assert!(until(|| root.text_content().unwrap_or_default().contains(cmd)).await);
    }
    for (key, want) in [
        ("ArrowUp", "dig b.example.com"),
        ("ArrowUp", "dig a.example.com"),
        ("ArrowDown", "dig b.example.com"),
        ("ArrowDown", ""),
    ] {
        press(&input, key);
        assert!(
            until(|| textarea_value(&root) == want).await,
            "{key}: got {:?}, want {want:?}",
            textarea_value(&root)
        );
    }
    // An incomplete command asks for another line, then runs as one.
    type_into(&input, "dig c.example.com \\");
    press(&input, "Enter");
    assert!(until(|| find(&root, ".con-pending").is_some()).await);
    type_into(&input, "+short");
    press(&input, "Enter");
    assert!(until(|| find(&root, ".con-pending").is_none()).await);
    assert_eq!(
        runs.borrow().last().map(String::as_str),
        Some("dig c.example.com \\\n+short")
    );
    press(&input, "ArrowUp");
    assert!(until(|| textarea_value(&root) == "dig c.example.com \\\n+short").await);
}

#[wasm_bindgen_test]
async fn an_unknown_route_says_so_and_links_home() {
    let location = web_sys::window().unwrap().location();
    location.set_hash("#/no-such-section").unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<dnsplay::ui::App>::with_root(root.clone()).render();
    assert!(until(|| find(&root, ".not-found").is_some()).await);
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("No such section") && text.contains("no-such-section"),
        "{text}"
    );
    assert!(find(&root, ".not-found a[href=\"#/\"]").is_some());
    // Following the hash (hashchange) brings the home page back.
    location.set_hash("#/").unwrap();
    assert!(until(|| find(&root, ".not-found").is_none()).await);
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("failover, live"));
}

#[function_component]
fn PlayerUnderTest() -> Html {
    use dnsplay::ui::store::{Action, AppState};
    use dnsplay::ui::view_model::timeline::{CheckTrack, StatusSegment, TimelineView};
    let store = use_reducer_eq(|| AppState::default().apply(Action::SetHorizon(600_000)));
    {
        let s = store.clone();
        dnsplay::ui::hooks::use_playback_clock(
            store.playback.playing,
            Callback::from(move |ms| s.dispatch(Action::Tick(ms))),
        );
    }
    let view = use_memo((), |_| TimelineView {
        horizon_ms: 600_000,
        checks: vec![CheckTrack {
            name: "hc-a".into(),
            segments: vec![
                StatusSegment {
                    from_ms: 0,
                    to_ms: 300_000,
                    healthy: true,
                },
                StatusSegment {
                    from_ms: 300_000,
                    to_ms: 600_000,
                    healthy: false,
                },
            ],
            share: vec![],
        }],
        ..TimelineView::default()
    });
    let d = |a: Action| {
        let s = store.clone();
        move || s.dispatch(a.clone())
    };
    let toggle = d(Action::TogglePlay);
    let (s1, s2, s3) = (store.clone(), store.clone(), store.clone());
    html! {
        <dnsplay::ui::components::Timeline
            view={std::rc::Rc::new((*view).clone())}
            playback={store.playback}
            on_toggle={Callback::from(move |()| toggle())}
            on_speed={Callback::from(move |sp| s1.dispatch(Action::SetSpeed(sp)))}
            on_step={Callback::from(move |f| s2.dispatch(Action::Step(f)))}
            on_seek={Callback::from(move |t| s3.dispatch(Action::Seek(t)))}
            id_prefix="p1" />
    }
}

#[wasm_bindgen_test]
async fn timeline_tells_health_in_words_and_plays_with_the_interval() {
    let root = mount::<PlayerUnderTest>(());
    assert!(until(|| find(&root, ".tl-svg").is_some()).await);
    let svg_text = find(&root, ".tl-svg")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(
        svg_text.contains("unhealthy") && svg_text.contains("healthy"),
        "{svg_text}"
    );
    assert!(
        find(&root, ".tl-unhealthy + .tl-hatch").is_some(),
        "unhealthy is hatched too"
    );
    let clock = || {
        find(&root, ".tl-clock")
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    assert_eq!(clock(), "0:00 / 10:00");
    // Step is keyboard-reachable and moves one interval.
    html_el(find(&root, "button[aria-label=\"Forward 10 seconds\"]").unwrap()).click();
    assert!(until(|| clock() == "0:10 / 10:00").await, "{}", clock());
    // 60x, then Play: the gloo-timers interval advances simulated time.
    let speeds = root.query_selector_all(".tl-speed button").unwrap();
    let fast: web_sys::HtmlElement = speeds.item(2).unwrap().dyn_into().unwrap();
    fast.click();
    assert!(until(|| fast.get_attribute("aria-pressed").as_deref() == Some("true")).await);
    html_el(find(&root, ".tl-play").unwrap()).click();
    assert!(until(|| clock() != "0:10 / 10:00").await);
    assert_eq!(
        find(&root, ".tl-play")
            .unwrap()
            .get_attribute("aria-label")
            .as_deref(),
        Some("Pause")
    );
    html_el(find(&root, ".tl-play").unwrap()).click();
    assert!(
        until(|| find(&root, ".tl-play")
            .and_then(|e| e.get_attribute("aria-label"))
            .as_deref()
            == Some("Play"))
        .await
    );
}
