//! The Yew front end. One reducer at the root ([`store`]) shared by context;
//! leaf [`components`] take plain [`view_model`] data and callbacks; side
//! effects (location hash, timers, element sizes, storage, page-wide keys)
//! live in [`hooks`]. Pure layout and view-model code sits in plain
//! functions tested natively; so do undo and redo ([`history`], kept by
//! the store per page) and autosave's format and rules ([`saved`]).
//!
//! The live section pages ([`pages`]) read the store's working scenario
//! ([`workspace`]): every change to it is a Route 53 API call (a change
//! batch, or a console command), so Route 53's validation always decides.
//! [`adapters`] turn engine results into view models and table edits into
//! change batches, without web crates (tests/layering.rs checks).

pub mod adapters;
pub mod app;
pub mod components;
pub mod embed;
pub mod history;
pub mod hooks;
pub mod pages;
pub mod panic_banner;
pub mod playback;
pub mod router;
pub mod saved;
pub mod sections;
pub mod share_link;
pub mod store;
pub mod view_model;
pub mod workspace;

pub use app::App;

/// Renders [`App`] into the `#app` element of `www/index.html`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("www/index.html has an #app element");
    if panic_banner::test_panic_requested() {
        // Test-only: the e2e suite checks that a panic shows the banner.
        panic!("test panic requested by the ?test-panic query flag");
    }
    yew::Renderer::<App>::with_root(root).render();
}
