//! The timeline's scales: simulated time onto x, round tick steps, and
//! whether a label fits inside a band.

/// Side margin, so the first and last tick labels are not cut off.
pub const SIDE: f64 = 14.0;
/// Rough width of one character of band text at the band font size, used to
/// decide whether a label fits inside its band.
pub const CHAR_W: f64 = 6.6;

/// Maps time onto x for a plot `width` px wide with [`SIDE`] margins.
pub fn x_of(t: u64, horizon_ms: u64, width: f64) -> f64 {
    let horizon = horizon_ms.max(1);
    let plot = (width - 2.0 * SIDE).max(1.0);
    SIDE + plot * (t.min(horizon) as f64 / horizon as f64)
}

/// A tick spacing from a fixed list of round steps, the smallest giving at
/// most one tick per `min_px` px.
pub fn tick_step_ms(horizon_ms: u64, width: f64, min_px: f64) -> u64 {
    const STEPS: [u64; 12] = [
        1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000,
        3_600_000,
    ];
    let max_ticks = ((width - 2.0 * SIDE) / min_px).floor().max(1.0) as u64;
    STEPS
        .into_iter()
        .find(|s| horizon_ms / s <= max_ticks)
        .unwrap_or(3_600_000)
}

/// A share (0.0–1.0) as a whole percentage, clamped.
pub fn percent(share: f32) -> u32 {
    if share.is_finite() {
        (share.clamp(0.0, 1.0) * 100.0).round() as u32
    } else {
        0
    }
}

/// The label to draw inside a band `w` px wide, if it fits.
pub fn band_text(label: &str, w: f64) -> Option<String> {
    let needed = label.chars().count() as f64 * CHAR_W + 8.0;
    (w >= needed).then(|| label.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_maps_linearly_between_the_margins_and_clamps() {
        // (t, horizon, width) -> x
        for (t, h, w, want) in [
            (0, 1000, 228.0, SIDE),
            (500, 1000, 228.0, SIDE + 100.0),
            (1000, 1000, 228.0, SIDE + 200.0),
            (5000, 1000, 228.0, SIDE + 200.0), // past the horizon
            (0, 0, 228.0, SIDE),               // zero horizon does not divide by zero
        ] {
            assert_eq!(x_of(t, h, w), want, "t={t} h={h}");
        }
    }

    #[test]
    fn ticks_use_round_steps_that_fit_the_width() {
        // (horizon, width) -> step
        for (h, w, want) in [
            (100_000, 628.0, 15_000),
            (100_000, 300.0, 30_000),
            (600_000, 1200.0, 60_000),
            (10_000, 1200.0, 1_000),
            (100_000_000, 300.0, 3_600_000), // beyond the list: the largest
        ] {
            assert_eq!(tick_step_ms(h, w, 64.0), want, "h={h} w={w}");
        }
    }

    #[test]
    fn percent_rounds_and_clamps() {
        for (share, want) in [
            (0.18, 18),
            (0.0, 0),
            (1.0, 100),
            (1.5, 100),
            (-1.0, 0),
            (f32::NAN, 0),
        ] {
            assert_eq!(percent(share), want, "{share}");
        }
    }

    #[test]
    fn band_text_needs_room_for_every_character() {
        // "healthy": 7 chars * CHAR_W + 8 px padding = 54.2 px.
        assert_eq!(band_text("healthy", 54.2).as_deref(), Some("healthy"));
        assert_eq!(band_text("healthy", 54.1), None);
        assert_eq!(band_text("", 8.0).as_deref(), Some(""));
    }
}
