//! What the timeline draws: faults, health checks, the answer Route 53 gives,
//! and client traffic per endpoint, all against simulated time.

/// A fault injected at a time (e.g. `app-a down`), possibly lifted later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultMarker {
    /// When it starts.
    pub at_ms: u64,
    /// When it ends, if it does.
    pub until_ms: Option<u64>,
    /// What it is, e.g. `app-a stops answering`.
    pub label: String,
}

/// A stretch of time with one health status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusSegment {
    /// Start (inclusive).
    pub from_ms: u64,
    /// End (exclusive).
    pub to_ms: u64,
    /// Healthy or not.
    pub healthy: bool,
}

/// The share of health checkers reporting healthy at a time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SharePoint {
    /// When.
    pub at_ms: u64,
    /// 0.0 (none) to 1.0 (all).
    pub share: f32,
}

/// One health check's track.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckTrack {
    /// The check's id or name.
    pub name: String,
    /// Its status over time, in order.
    pub segments: Vec<StatusSegment>,
    /// The share of checkers reporting healthy, as a step line.
    pub share: Vec<SharePoint>,
}

/// A stretch of time with one DNS answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerSegment {
    /// Start (inclusive).
    pub from_ms: u64,
    /// End (exclusive).
    pub to_ms: u64,
    /// The answer, e.g. `192.0.2.10 (app-a)`.
    pub label: String,
}

/// Client requests to one endpoint in one time bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrafficBucket {
    /// Start (inclusive).
    pub from_ms: u64,
    /// End (exclusive).
    pub to_ms: u64,
    /// Requests that succeeded.
    pub ok: u32,
    /// Requests that failed.
    pub failed: u32,
}

/// One endpoint's traffic track.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EndpointTraffic {
    /// The endpoint, e.g. `app-a`.
    pub name: String,
    /// Buckets in time order.
    pub buckets: Vec<TrafficBucket>,
}

/// The whole timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineView {
    /// The end of simulated time drawn.
    pub horizon_ms: u64,
    /// Faults.
    pub faults: Vec<FaultMarker>,
    /// One track per health check.
    pub checks: Vec<CheckTrack>,
    /// Route 53 counts a check healthy when more than this share of checkers
    /// report healthy (18 %, per the Route 53 developer guide, "How Amazon
    /// Route 53 determines whether a health check is healthy").
    pub share_threshold: f32,
    /// The DNS answer over time.
    pub answers: Vec<AnswerSegment>,
    /// Traffic per endpoint.
    pub endpoints: Vec<EndpointTraffic>,
}

impl Default for TimelineView {
    fn default() -> Self {
        TimelineView {
            horizon_ms: 0,
            faults: Vec::new(),
            checks: Vec::new(),
            share_threshold: 0.18,
            answers: Vec::new(),
            endpoints: Vec::new(),
        }
    }
}

/// `m:ss` for whole seconds, `m:ss.d` otherwise (how the timeline and its
/// controls show simulated time).
pub fn format_clock(ms: u64) -> String {
    let total_s = ms / 1000;
    let (m, s) = (total_s / 60, total_s % 60);
    let tenths = (ms % 1000) / 100;
    if ms.is_multiple_of(1000) {
        format!("{m}:{s:02}")
    } else {
        format!("{m}:{s:02}.{tenths}")
    }
}

/// Words for a screen reader, e.g. `2 minutes 5 seconds`.
pub fn spoken_time(ms: u64) -> String {
    let total_s = ms / 1000;
    let (m, s) = (total_s / 60, total_s % 60);
    let unit = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (m, s) {
        (0, s) => unit(s, "second", "seconds"),
        (m, 0) => unit(m, "minute", "minutes"),
        (m, s) => format!(
            "{} {}",
            unit(m, "minute", "minutes"),
            unit(s, "second", "seconds")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_shows_minutes_seconds_and_tenths() {
        for (ms, want) in [
            (0, "0:00"),
            (999, "0:00.9"),
            (1000, "0:01"),
            (65_500, "1:05.5"),
            (3_600_000, "60:00"),
        ] {
            assert_eq!(format_clock(ms), want, "{ms}");
        }
    }

    #[test]
    fn spoken_time_uses_words_and_plurals() {
        for (ms, want) in [
            (0, "0 seconds"),
            (1000, "1 second"),
            (60_000, "1 minute"),
            (125_400, "2 minutes 5 seconds"),
            (61_000, "1 minute 1 second"),
        ] {
            assert_eq!(spoken_time(ms), want, "{ms}");
        }
    }

    #[test]
    fn the_default_threshold_is_route53s_eighteen_percent() {
        assert_eq!(TimelineView::default().share_threshold, 0.18);
    }
}
