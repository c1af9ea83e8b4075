//! Authoritative answers, as BIND 9 gives them, kept apart from the wire.
//!
//! * [`AuthZone`] — one zone snapshot: records and Route 53 aliases by
//!   owner name, with empty non-terminals and zone cuts known.
//! * [`Catalog`] — several zones; the nearest one answers.
//! * [`lookup`] — RFC 1034 §4.3.2, RFC 4592, RFC 2308, referrals and
//!   aliases, returning an [`Answer`] with a trace. Never `Err`.
//!   [`lookup_with`] also answers aliases to AWS resources, whose
//!   addresses an [`AliasResources`] gives at the instant asked.
//!
//! The wire form (message bytes, dig view) is [`crate::engine::wire`].

mod alias;
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
#[cfg(test)]
mod tests_route53;

pub use alias::{AliasResources, NoResources, ResourceRecords, MAX_ALIAS_DEPTH};
pub use answer::{Answer, Outcome, StepKind, TraceStep};
pub use catalog::{Catalog, ZoneSource};
pub use error::ZoneError;
pub use node::{Alias, Node, RrSet};
pub use resolve::{lookup, lookup_with, MAX_CNAME_CHAIN};
pub use zone::AuthZone;
