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
