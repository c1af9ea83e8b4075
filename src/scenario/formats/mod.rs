//! Importers and exporters between the scenario and the formats people
//! already keep their zones in.
//!
//! * [`zonefile`] — BIND master files (RFC 1035 §5), with hickory-proto's
//!   parser, errors by line.
//! * [`bind`] — a Route 53 hosted zone to and from a zone file.
//! * [`change_batch`] — a hosted zone as a `ChangeResourceRecordSets`
//!   change batch, and change batches read and applied.
//! * [`awslocal`] — a hosted zone as an `awslocal` script for LocalStack.
//! * [`terraform`] — a hosted zone as Terraform (`aws_route53_*`).

pub mod awslocal;
pub mod bind;
pub mod change_batch;
pub mod terraform;
pub mod zonefile;
