//! Plain data the components draw, and the pure layout maths behind the
//! diagrams and the long table. No web crates here (tests/layering.rs
//! checks): everything is tested natively, and the engine's results are
//! turned into these types by the page that shows them.

pub mod answer;
pub mod api_gateway;
pub mod api_gateway_layout;
pub mod choosing;
pub mod console;
pub mod failover_tree;
pub mod hex;
pub mod kubernetes;
pub mod kubernetes_layout;
pub mod lints;
pub mod record_table;
pub mod rect;
pub mod routing_draft;
pub mod section;
pub mod sequence_layout;
pub mod svg;
pub mod timeline;
pub mod timeline_layout;
pub mod timeline_scale;
pub mod timeline_shapes;
pub mod windowing;
