//! Route 53 health checks: configuration and its validation, how each
//! checker judges a probe, how its verdict changes, and how the verdicts
//! become one status. The clock that drives them is in [`crate::engine::sim`].
//!
//! Sources: Route 53 DG `dns-failover-determining-health-of-endpoints`,
//! `health-checks-creating-values`; API `HealthCheckConfig` (reference notes,
//! section E).

pub mod address;
pub mod checker;
pub mod config;
pub mod judge;
pub mod messages;
pub mod spec;
pub mod status;
pub mod validate;

use serde::{Deserialize, Serialize};

pub use address::unprobeable_range;
pub use checker::CheckerState;
pub use config::{ConfigIssue, HealthCheckConfig, HealthCheckType};
pub use judge::{judge, Judgement};
pub use spec::{CheckKind, CheckSpec, EndpointSpec, Target};
pub use status::Status;

/// Route 53's health-checker regions, the `HealthCheckRegion` enumeration
/// (API model), in its order; the default when `Regions` is omitted.
pub const CHECKER_REGIONS: [&str; 8] = [
    "us-east-1",
    "us-west-1",
    "us-west-2",
    "eu-west-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "sa-east-1",
];

/// Checkers per region. AWS does not document the number (reference E.69):
/// "a dozen or so locations", and at a 30 s interval "a health check request
/// about every two seconds", i.e. about 15 checkers. Two per region gives 16
/// checkers over the default eight regions (one request every 1.9 s at
/// 30 s), the figure the DG's 18 % example implies; scenarios may change it.
pub const DEFAULT_CHECKERS_PER_REGION: u32 = 2;

/// A health check as GetHealthCheck shows it: an id and its configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HealthCheck {
    /// The id records and calculated checks refer to.
    pub id: String,
    /// The configuration.
    pub health_check_config: HealthCheckConfig,
}
