//! Leaf components: each takes plain view-model data and callbacks (no
//! context, no engine), so a page wires them to the store and the engine,
//! and a test mounts them with sample data. One component per file.
//!
//! # Wiring a section page
//!
//! A page reads the store from context, turns the engine's results into
//! view models, and maps callbacks to actions or engine calls:
//!
//! ```text
//! let store = use_context::<Store>().expect("App provides the store");
//! let rows = use_memo(zone_version, |_| Rc::new(rows_from_engine(&zone)));
//! let on_commit = Callback::from(move |edit: RowEdit| {
//!     engine_apply(edit)            // Ok -> CellErrors::default()
//!         .err().unwrap_or_default() // Err(issues) -> messages per cell
//! });
//! let s = store.clone();
//! let on_seek = Callback::from(move |t| s.dispatch(Action::Seek(t)));
//! html! {
//!     <SectionPage title="Route 53 failover" explanation={text} {prompts} {on_prompt}>
//!         <Panel id="records" title="Records" wide=true>
//!             <RecordTable {rows} {on_commit} {on_add} {on_delete}
//!                 highlighted={store.highlighted.clone()} />
//!         </Panel>
//!         <Panel id="timeline" title="Timeline" wide=true>
//!             <Timeline view={timeline} playback={store.playback}
//!                 {on_toggle} {on_speed} {on_step} {on_seek} />
//!         </Panel>
//!     </SectionPage>
//! }
//! ```
//!
//! Callbacks that validate return their verdict (`on_commit`/`on_add` return
//! [`CellErrors`](crate::ui::view_model::record_table::CellErrors), `on_run`
//! returns [`RunOutcome`](crate::ui::view_model::console::RunOutcome)), so
//! a rejected edit needs no extra state in the store. Ids passed as
//! `id_prefix` must be unique when a page shows two of the same panel.

pub mod answer_panel;
pub mod api_gateway_diagram;
pub mod choosing;
pub mod console;
pub mod failover_tree;
pub mod hex_view;
pub mod history_bar;
pub mod home;
pub mod import_export;
pub mod kubernetes_diagram;
pub mod lints;
pub mod not_found;
pub mod open_in_dnsplay;
pub mod panel;
pub mod record_row;
pub mod record_row_editor;
pub mod record_table;
pub mod resolution_diagram;
pub mod save_notice;
pub mod section_page;
pub mod share;
pub mod timeline;
pub mod timeline_controls;

pub use answer_panel::AnswerPanel;
pub use api_gateway_diagram::ApiGatewayDiagram;
pub use choosing::ChoosingForm;
pub use console::Console;
pub use failover_tree::FailoverTree;
pub use hex_view::HexView;
pub use history_bar::HistoryBar;
pub use home::Home;
pub use import_export::ImportExport;
pub use kubernetes_diagram::KubernetesDiagram;
pub use lints::Lints;
pub use not_found::NotFound;
pub use open_in_dnsplay::OpenInDnsplay;
pub use panel::Panel;
pub use record_table::RecordTable;
pub use resolution_diagram::ResolutionDiagram;
pub use save_notice::SaveNotice;
pub use section_page::SectionPage;
pub use share::{LinkBanner, ShareButton};
pub use timeline::Timeline;
pub use timeline_controls::TimelineControls;
