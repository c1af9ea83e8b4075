//! Hooks that own the UI's side effects (location hash, timers, element
//! size, storage, page-wide keys); they turn browser events into store
//! actions or plain values.

pub mod use_autosave;
pub mod use_element_width;
pub mod use_embed_height;
pub mod use_hash_route;
pub mod use_history_keys;
pub mod use_playback_clock;
pub mod use_share_link;
pub mod use_update_timing;

pub use use_autosave::{use_autosave, AutosaveStatus};
pub use use_element_width::use_element_width;
pub use use_embed_height::use_embed_height;
pub use use_hash_route::{current_hash, use_hash_route};
pub use use_history_keys::use_history_keys;
pub use use_playback_clock::use_playback_clock;
pub use use_share_link::use_share_link;
