//! Importers and exporters between the scenario and the formats people
//! already keep their zones in.
//!
//! * [`zonefile`] — BIND master files (RFC 1035 §5), with hickory-proto's
//!   parser, errors by line.

pub mod zonefile;
