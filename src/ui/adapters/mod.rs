//! Engine results to view models, and table edits to change batches: pure
//! functions (no web crates), tested natively. Pages call these; the
//! components never see the engine.

pub mod answer;
pub mod batch;
pub mod import_export;
pub mod resolution;
pub mod rows;
pub mod run_views;
