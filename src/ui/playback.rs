//! The timeline's simulated clock: play/pause, speed, position and length.
//! The store's reducer changes it; the playback hook drives it.

/// Playback speeds offered by the timeline (simulated ms per wall ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Speed {
    /// Real time.
    #[default]
    X1,
    /// Ten times faster.
    X10,
    /// A minute per second.
    X60,
}

impl Speed {
    /// Every speed, slowest first.
    pub const ALL: [Speed; 3] = [Speed::X1, Speed::X10, Speed::X60];

    /// Simulated milliseconds per wall-clock millisecond.
    pub fn factor(self) -> u64 {
        match self {
            Speed::X1 => 1,
            Speed::X10 => 10,
            Speed::X60 => 60,
        }
    }

    /// Button text.
    pub fn label(self) -> &'static str {
        match self {
            Speed::X1 => "1×",
            Speed::X10 => "10×",
            Speed::X60 => "60×",
        }
    }
}

/// The simulated clock the timeline plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Playback {
    /// Advancing on its own.
    pub playing: bool,
    /// How fast.
    pub speed: Speed,
    /// Current simulated time.
    pub time_ms: u64,
    /// End of the simulation; playback stops there.
    pub horizon_ms: u64,
    /// How far one "step" moves.
    pub step_ms: u64,
}

impl Default for Playback {
    fn default() -> Self {
        Playback {
            playing: false,
            speed: Speed::X1,
            time_ms: 0,
            horizon_ms: 0,
            step_ms: DEFAULT_STEP_MS,
        }
    }
}

/// One step of the timeline: a health checker's default request interval
/// (Route 53 offers 10 s and 30 s; 10 s is the fast one).
pub const DEFAULT_STEP_MS: u64 = 10_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speeds_are_one_ten_and_sixty_times_real_time() {
        let factors: Vec<u64> = Speed::ALL.iter().map(|s| s.factor()).collect();
        assert_eq!(factors, [1, 10, 60]);
        let labels: Vec<&str> = Speed::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(labels, ["1×", "10×", "60×"]);
    }

    #[test]
    fn a_fresh_clock_is_paused_at_zero_with_nothing_to_play() {
        let p = Playback::default();
        assert_eq!((p.playing, p.time_ms, p.horizon_ms), (false, 0, 0));
        assert_eq!(p.step_ms, DEFAULT_STEP_MS);
    }
}
