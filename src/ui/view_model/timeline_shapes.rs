//! The shapes the timeline layout produces, ready for the SVG: bands,
//! markers, lines, bars, labels and ticks, all in px.

use super::timeline_scale::x_of;

/// What a band means, and so how it is drawn (fill, pattern, text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandKind {
    /// A health check reporting healthy.
    Healthy,
    /// A health check reporting unhealthy (hatched, labelled).
    Unhealthy,
    /// A DNS answer; the index alternates shades between neighbours.
    Answer(usize),
    /// The span of a fault that ends.
    Fault,
}

/// A filled rectangle over a stretch of time.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width (at least 1 px, so short events stay visible).
    pub w: f64,
    /// Height.
    pub h: f64,
    /// Meaning.
    pub kind: BandKind,
    /// Text drawn inside, when it fits.
    pub text: Option<String>,
    /// Full description (the SVG `<title>`, read on hover and by screen readers).
    pub title: String,
}

/// A fault's start marker.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultMark {
    /// Where it starts.
    pub x: f64,
    /// Top of the fault track.
    pub y: f64,
    /// Its label, e.g. `0:30 app-a stops answering`.
    pub title: String,
}

/// A track's label.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackLabel {
    /// Baseline y.
    pub y: f64,
    /// Text.
    pub text: String,
}

/// A step line (share of checkers healthy) and its threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareLine {
    /// SVG `points` of the polyline.
    pub points: String,
    /// y of the threshold line.
    pub threshold_y: f64,
    /// Top and bottom of the plot area.
    pub top: f64,
    /// Bottom.
    pub bottom: f64,
}

/// One traffic bar (ok or failed part of one bucket).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// The failed part (hatched) rather than the ok part.
    pub failed: bool,
    /// e.g. `app-a 0:10–0:20: 40 ok, 2 failed`.
    pub title: String,
}

/// A time-axis tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Position.
    pub x: f64,
    /// Label.
    pub text: String,
}

/// Everything the timeline SVG draws except the cursor.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelineLayout {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Labels above tracks.
    pub labels: Vec<TrackLabel>,
    /// Status, answer and fault-span bands.
    pub bands: Vec<Band>,
    /// Fault start markers.
    pub faults: Vec<FaultMark>,
    /// Share-of-checkers lines, one per check.
    pub shares: Vec<ShareLine>,
    /// Traffic bars.
    pub bars: Vec<Bar>,
    /// Axis ticks.
    pub ticks: Vec<Tick>,
    /// y of the axis line.
    pub axis_y: f64,
    /// Horizon used for the x scale (never 0).
    pub horizon_ms: u64,
}

impl TimelineLayout {
    /// The x of simulated time `t` (clamped to the horizon).
    pub fn x_of(&self, t: u64) -> f64 {
        x_of(t, self.horizon_ms, self.width)
    }
}
