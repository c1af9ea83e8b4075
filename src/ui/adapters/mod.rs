//! Engine results to view models, and table edits to change batches: pure
//! functions (no web crates), tested natively. Pages call these; the
//! components never see the engine.

pub mod answer;
pub mod api_gateway;
pub mod batch;
pub mod bulk;
pub mod choosing;
pub mod clients;
pub mod import_export;
pub mod kubernetes;
pub mod resolution;
pub mod rows;
pub mod run_views;
pub mod update_kind;
