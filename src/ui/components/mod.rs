//! Leaf components: each takes plain view-model data and callbacks (no
//! context, no engine), so a page wires them to the store and the engine,
//! and a test mounts them with sample data. One component per file.

pub mod answer_panel;
pub mod console;
pub mod failover_tree;
pub mod hex_view;
pub mod home;
pub mod lints;
pub mod not_found;
pub mod panel;
pub mod record_row;
pub mod record_row_editor;
pub mod record_table;
pub mod resolution_diagram;
pub mod section_page;
pub mod timeline;
pub mod timeline_controls;

pub use answer_panel::AnswerPanel;
pub use console::Console;
pub use failover_tree::FailoverTree;
pub use hex_view::HexView;
pub use home::Home;
pub use lints::Lints;
pub use not_found::NotFound;
pub use panel::Panel;
pub use record_table::RecordTable;
pub use resolution_diagram::ResolutionDiagram;
pub use section_page::SectionPage;
pub use timeline::Timeline;
pub use timeline_controls::TimelineControls;
