//! Hooks that own the UI's side effects (location hash, timers, element
//! size); they turn browser events into store actions or plain values.

pub mod use_element_width;
pub mod use_hash_route;
pub mod use_playback_clock;
pub mod use_share_link;
pub mod use_update_timing;

pub use use_element_width::use_element_width;
pub use use_hash_route::{current_hash, use_hash_route};
pub use use_playback_clock::use_playback_clock;
pub use use_share_link::use_share_link;
