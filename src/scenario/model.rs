//! The scenario document, version 1: everything a run needs, as plain serde
//! data. A scenario is what a share link encodes and what `dnsplay simulate`
//! reads; running it gives the failover clock's timeline, the answers of
//! the watched names over time, and the lints.
//!
//! Compatibility rules: a missing field keeps the default documented on it
//! (so an old document keeps its meaning when fields are added); an unknown
//! field is refused with an error that names it and where it is
//! (`route53.zones[0]: unknown field ...`), because a typo silently ignored
//! would change the run without a word.
//!
//! One seed drives the run: [`Scenario::seed`] seeds the checkers' phases,
//! the answers' random draws and the world's managed addresses (it replaces
//! `world.seed` for the run). `route53.seed` only drew the ids the service
//! handed out when the scenario was built.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::health::DEFAULT_CHECKERS_PER_REGION;
use crate::engine::lint::Lint;
use crate::engine::rng::fnv1a;
use crate::engine::route53::routing_view::{
    answers_over_time, Query, QueryAnswer, RoutingContext, ViewError,
};
use crate::engine::route53::zone_lints::lint_route53;
use crate::engine::route53::Route53;
use crate::engine::routing::{Client, LatencyTable};
use crate::engine::sim::{run_until, SimError, SimOptions, Timeline};
use crate::engine::time::SimTime;
use crate::engine::world::{TimedFault, World};

/// The document version this code writes and reads.
pub const SCENARIO_VERSION: u32 = 1;

/// The default horizon: ten simulated minutes.
pub const DEFAULT_HORIZON_MS: u64 = 600_000;

fn default_version() -> u32 {
    SCENARIO_VERSION
}

fn default_horizon() -> u64 {
    DEFAULT_HORIZON_MS
}

fn default_checkers() -> u32 {
    DEFAULT_CHECKERS_PER_REGION
}

/// A scenario document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The document version; missing means [`SCENARIO_VERSION`]. Other
    /// versions are refused until a migration exists for them.
    #[serde(default = "default_version")]
    pub version: u32,
    /// A short title (default empty).
    #[serde(default)]
    pub title: String,
    /// What the scenario shows and how to read its numbers (default empty).
    #[serde(default)]
    pub notes: String,
    /// The seed of every random draw in the run (default 0).
    #[serde(default)]
    pub seed: u64,
    /// The Route 53 service state: hosted zones, record sets and health
    /// checks (default: an empty service).
    #[serde(default)]
    pub route53: Route53,
    /// What the health checks probe (default: an empty world, where every
    /// address times out).
    #[serde(default)]
    pub world: World,
    /// Changes to the world on the timeline (default none).
    #[serde(default)]
    pub faults: Vec<TimedFault>,
    /// Names and types whose answers are followed over time (default none).
    #[serde(default)]
    pub queries: Vec<Query>,
    /// Where the queries come from, for latency and geolocation routing
    /// (default: an unnamed client matching only default locations).
    #[serde(default)]
    pub client: Client,
    /// Latencies from client locations to AWS regions (default empty).
    #[serde(default)]
    pub latency: LatencyTable,
    /// The port clients connect to behind a record, keyed `name/set_id`
    /// (`api.hello-localstack.com/app-a`; `simple` for a simple record).
    /// DNS answers carry no port (RFC 1035 A records hold only an address),
    /// so only the scenario can say; the lints compare it with the health
    /// check's port (default none).
    #[serde(default)]
    pub client_ports: BTreeMap<String, u16>,
    /// Checkers per region, 1–64 (default
    /// [`DEFAULT_CHECKERS_PER_REGION`]: AWS does not publish the number).
    #[serde(default = "default_checkers")]
    pub checkers_per_region: u32,
    /// The last simulated instant, in milliseconds (default
    /// [`DEFAULT_HORIZON_MS`], ten minutes).
    #[serde(default = "default_horizon")]
    pub horizon_ms: u64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            version: SCENARIO_VERSION,
            title: String::new(),
            notes: String::new(),
            seed: 0,
            route53: Route53::default(),
            world: World::default(),
            faults: Vec::new(),
            queries: Vec::new(),
            client: Client::default(),
            latency: LatencyTable::default(),
            client_ports: BTreeMap::new(),
            checkers_per_region: DEFAULT_CHECKERS_PER_REGION,
            horizon_ms: DEFAULT_HORIZON_MS,
        }
    }
}

/// Why a scenario could not be read or run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// The document is not valid JSON or does not fit the model.
    Json {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// Where in the document (`route53.zones[0].name`), `.` for the top.
        path: String,
        /// What is wrong (serde's words, which name unknown fields).
        message: String,
    },
    /// A version this code cannot read.
    Version(u32),
    /// The health checks or faults cannot run.
    Sim(SimError),
    /// A watched query cannot be routed.
    Routing(ViewError),
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScenarioError::Json {
                line,
                column,
                path,
                message,
            } => write!(f, "line {line}, column {column}, at {path}: {message}"),
            ScenarioError::Version(v) => write!(
                f,
                "scenario version {v} is not supported; this dnsplay reads version {SCENARIO_VERSION}"
            ),
            ScenarioError::Sim(e) => write!(f, "{e}"),
            ScenarioError::Routing(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// What a run produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScenarioRun {
    /// Faults, probes, checker verdicts and health-check statuses.
    pub timeline: Timeline,
    /// Each watched query's answer at t=0 and whenever it changes.
    pub answers: Vec<QueryAnswer>,
    /// What looks wrong in the setup.
    pub lints: Vec<Lint>,
}

impl Scenario {
    /// Reads a scenario document, naming the line, column and field of the
    /// first problem; checks the version.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario = super::json::from_str(text).map_err(|e| {
            // A syntax error has no field to name.
            let path = if e.error.is_syntax() || e.error.is_eof() {
                ".".to_string()
            } else {
                e.path_text()
            };
            json_error(&e.error, &path)
        })?;
        if scenario.version != SCENARIO_VERSION {
            return Err(ScenarioError::Version(scenario.version));
        }
        Ok(scenario)
    }

    /// The document as pretty JSON (keys in model order), newline-ended.
    pub fn to_json(&self) -> String {
        // The compact text share links write, indented: a pretty serializer
        // of the model itself would put a second copy of every `Serialize`
        // impl in the bundle (13 KB of wasm).
        let mut s = super::json::pretty(&serde_json::to_string(self).unwrap_or_default());
        s.push('\n');
        s
    }

    /// The horizon as a time.
    pub fn horizon(&self) -> SimTime {
        SimTime(self.horizon_ms)
    }

    /// The world the run probes: [`Scenario::world`] under the scenario seed.
    pub fn run_world(&self) -> World {
        World {
            seed: self.seed,
            ..self.world.clone()
        }
    }

    /// The simulation options of the run.
    pub fn sim_options(&self, record_probes: bool) -> SimOptions {
        SimOptions {
            seed: self.seed,
            checkers_per_region: self.checkers_per_region,
            record_probes,
            ..SimOptions::default()
        }
    }

    /// The Route 53 service with this scenario's world, faults and seed
    /// attached, so `GetHealthCheckStatus` through
    /// [`crate::engine::aws::AwsApi`] answers from this scenario's run.
    pub fn attached_route53(&self) -> Route53 {
        let mut r53 = self.route53.clone();
        r53.attach_world(
            self.run_world(),
            self.faults.clone(),
            self.sim_options(true),
        );
        r53
    }

    /// Runs the scenario to its horizon, probes recorded.
    pub fn run(&self) -> Result<ScenarioRun, ScenarioError> {
        self.run_until(self.horizon(), true)
    }

    /// Runs the scenario to `horizon`; `record_probes` false keeps only
    /// verdict and status changes (much smaller for long runs).
    pub fn run_until(
        &self,
        horizon: SimTime,
        record_probes: bool,
    ) -> Result<ScenarioRun, ScenarioError> {
        let world = self.run_world();
        let timeline = run_until(
            &world,
            &self.route53.health_checks(),
            &self.faults,
            horizon,
            &self.sim_options(record_probes),
        )
        .map_err(ScenarioError::Sim)?;
        let ctx = RoutingContext {
            world: &world,
            client: &self.client,
            latency: &self.latency,
            seed: self.seed,
        };
        let answers = answers_over_time(&self.route53, &timeline, &self.queries, &ctx)
            .map_err(ScenarioError::Routing)?;
        let lints = lint_route53(&self.route53, &world, horizon, &self.client_ports);
        Ok(ScenarioRun {
            timeline,
            answers,
            lints,
        })
    }
}

impl ScenarioRun {
    /// A fingerprint of the whole run: FNV-1a (64-bit) over its JSON.
    /// Equal digests on the host and in the browser show the run is the
    /// same bit for bit (the JSON holds every time, address and reason).
    pub fn digest(&self) -> u64 {
        fnv1a(serde_json::to_string(self).unwrap_or_default().as_bytes())
    }
}

fn json_error(e: &serde_json::Error, path: &str) -> ScenarioError {
    ScenarioError::Json {
        line: e.line(),
        column: e.column(),
        path: path.to_string(),
        // The position is reported separately.
        message: super::json::message(e),
    }
}

#[cfg(test)]
mod tests;
