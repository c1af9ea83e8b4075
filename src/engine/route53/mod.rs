//! The Route 53 side of the zone engine: the change-batch JSON, typed
//! record sets, hosted zones, change-batch validation with Route 53's
//! messages, and the [`Route53`] service behind
//! [`crate::engine::aws::AwsApi`].
//!
//! To get the hickory records of a zone: `route53.zone("Z...")` gives a
//! [`HostedZone`]; [`HostedZone::records`] gives every `hickory_proto`
//! `Record`, and [`HostedZone::sets`] the typed [`RecordSet`]s (with
//! routing, health checks and alias targets, which plain records can't
//! carry).

pub mod aws_alias;
pub mod clock;
pub mod conflicts;
pub mod health_checks;
pub mod listing;
pub mod messages;
pub mod model;
pub mod policy;
pub mod problem;
pub mod rdata;
pub mod record;
pub mod routing_view;
pub mod served;
pub mod service;
pub mod shape;
pub mod validate;
pub mod zone;
pub mod zone_lints;

pub use health_checks::{AttachedWorld, StoredHealthCheck};
pub use problem::{BatchProblem, Rule};
pub use record::{
    AliasTarget, FailoverRole, RecordData, RecordKey, RecordSet, RecordValue, Routing,
};
pub use service::Route53;
pub use zone::HostedZone;
