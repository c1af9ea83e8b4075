//! Authoritative answers, as BIND 9 gives them, kept apart from the wire.
//!
//! * [`AuthZone`] — one zone snapshot: records and Route 53 aliases by
//!   owner name, with empty non-terminals and zone cuts known.
//! * [`Catalog`] — several zones; the nearest one answers.
//! * [`lookup`] — RFC 1034 §4.3.2, RFC 4592, RFC 2308, referrals and
//!   aliases, returning an [`Answer`] with a trace. Never `Err`.
//!
//! The wire form (message bytes, dig view) is [`crate::engine::wire`].

mod answer;
mod catalog;
mod error;
mod node;
mod resolve;
mod sections;
mod zone;

#[cfg(test)]
mod tests_bind;
#[cfg(test)]
mod tests_props;
#[cfg(test)]
mod tests_rfc;

pub use answer::{Answer, Outcome, StepKind, TraceStep};
pub use catalog::{Catalog, ZoneSource};
pub use error::ZoneError;
pub use node::{Alias, Node, RrSet};
pub use resolve::{lookup, MAX_ALIAS_DEPTH, MAX_CNAME_CHAIN};
pub use zone::AuthZone;
