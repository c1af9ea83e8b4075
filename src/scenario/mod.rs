//! The shareable scenario document, its presets, importers and exporters.
//! Plain data on top of [`crate::engine`]; no web crates.
#![warn(missing_docs)]

pub mod blog;
pub mod codec;
pub mod formats;
pub mod json;
pub mod migrate;
pub mod model;
pub mod presets;
