//! The answer panel's query, its answer, and the resolution trace.

use super::hex::WireView;

/// A question asked from the answer panel.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The name asked, as typed.
    pub name: String,
    /// The record type asked (one of the panel's `types`).
    pub rtype: String,
    /// The id of the client location asking (one of the panel's `clients`).
    pub client: String,
}

/// A client location to ask from (latency and geolocation routing depend on it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientOption {
    /// The id sent back in [`Query::client`].
    pub id: String,
    /// What the select shows, e.g. `Laptop in Frankfurt (eu-central-1)`.
    pub label: String,
}

/// One party on the resolution path (the resolution diagram's columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Hop {
    /// The stub resolver on the client.
    Client,
    /// The recursive resolver (with its cache).
    Resolver,
    /// A root server (RFC 1034 §4.3.2 starts here on a cold cache).
    Root,
    /// The TLD's servers (e.g. `com.`).
    Tld,
    /// The zone's authoritative servers (Route 53's).
    Authoritative,
    /// The endpoint the answer points at (the client connects to it).
    Endpoint,
}

impl Hop {
    /// Every hop, left to right as the diagram draws them.
    pub const ALL: [Hop; 6] = [
        Hop::Client,
        Hop::Resolver,
        Hop::Root,
        Hop::Tld,
        Hop::Authoritative,
        Hop::Endpoint,
    ];

    /// A short label for narrow columns (phone width).
    pub fn short_label(self) -> &'static str {
        match self {
            Hop::Client => "Client",
            Hop::Resolver => "Resolv.",
            Hop::Root => "Root",
            Hop::Tld => "TLD",
            Hop::Authoritative => "R53",
            Hop::Endpoint => "Endpt.",
        }
    }

    /// A default label, used when the view model gives none.
    pub fn default_label(self) -> &'static str {
        match self {
            Hop::Client => "Client",
            Hop::Resolver => "Resolver",
            Hop::Root => "Root",
            Hop::Tld => "TLD",
            Hop::Authoritative => "Route 53",
            Hop::Endpoint => "Endpoint",
        }
    }
}

/// One step of the resolution trace: who asked or answered whom, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceStep {
    /// Sender.
    pub from: Hop,
    /// Receiver (equal to `from` for local work such as a cache hit).
    pub to: Hop,
    /// One line, e.g. `root refers to the com. servers (NS a.gtld-servers.net.)`.
    pub summary: String,
}

/// Everything the answer panel shows for one query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnswerView {
    /// The answer as `dig` prints it.
    pub dig: String,
    /// The response message's bytes and labelled fields.
    pub wire: WireView,
    /// The resolution trace, in order.
    pub trace: Vec<TraceStep>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hops_are_drawn_in_resolution_order_with_distinct_labels() {
        let mut sorted = Hop::ALL;
        sorted.sort();
        assert_eq!(sorted, Hop::ALL, "Ord follows the path client -> endpoint");
        let labels: std::collections::BTreeSet<_> =
            Hop::ALL.iter().map(|h| h.default_label()).collect();
        assert_eq!(labels.len(), Hop::ALL.len());
        let short: std::collections::BTreeSet<_> =
            Hop::ALL.iter().map(|h| h.short_label()).collect();
        assert_eq!(short.len(), Hop::ALL.len());
        assert!(Hop::ALL
            .iter()
            .all(|h| h.short_label().chars().count() <= 7));
    }
}
