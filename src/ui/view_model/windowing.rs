//! Which rows of a long table to render: only those in (or near) the
//! scrolled viewport, with spacers standing in for the rest, so a zone of
//! 5,000 record sets renders a few dozen rows per frame.
//!
//! Rows have a fixed height in pixels (the CSS pins it), so the window is
//! plain arithmetic on the scroll offset.

/// The slice of rows to render and the heights of the spacers around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowWindow {
    /// Index of the first rendered row.
    pub first: usize,
    /// One past the last rendered row (`first..end`).
    pub end: usize,
    /// Height in px of the spacer above the first rendered row.
    pub pad_top: u64,
    /// Height in px of the spacer below the last rendered row.
    pub pad_bottom: u64,
}

/// Rows rendered beyond each edge of the viewport, so a fast scroll shows
/// rows rather than blank space for a frame.
pub const OVERSCAN: usize = 8;

/// The rows to render for `total` rows of `row_height` px in a viewport of
/// `viewport` px scrolled to `scroll_top` px, with `overscan` extra rows on
/// each side. A scroll offset past the end (the table shrank) shows the last
/// rows; a zero row height renders everything rather than dividing by zero.
pub fn row_window(
    total: usize,
    row_height: u32,
    scroll_top: f64,
    viewport: u32,
    overscan: usize,
) -> RowWindow {
    if row_height == 0 || total == 0 {
        return RowWindow {
            first: 0,
            end: total,
            pad_top: 0,
            pad_bottom: 0,
        };
    }
    let h = u64::from(row_height);
    let scroll = if scroll_top.is_finite() && scroll_top > 0.0 {
        scroll_top as u64
    } else {
        0
    };
    let visible = (u64::from(viewport).div_ceil(h) as usize).max(1);
    let max_first = total.saturating_sub(visible);
    let top_row = ((scroll / h) as usize).min(max_first);
    let first = top_row.saturating_sub(overscan);
    let end = top_row
        .saturating_add(visible)
        .saturating_add(overscan)
        .min(total);
    RowWindow {
        first,
        end,
        pad_top: first as u64 * h,
        pad_bottom: (total - end) as u64 * h,
    }
}

/// The scroll offset that brings row `index` to the top of the viewport.
pub fn scroll_to_row(index: usize, row_height: u32) -> f64 {
    index as f64 * f64::from(row_height)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(first: usize, end: usize, pad_top: u64, pad_bottom: u64) -> RowWindow {
        RowWindow {
            first,
            end,
            pad_top,
            pad_bottom,
        }
    }

    #[test]
    fn window_follows_the_scroll_offset() {
        // (total, row height, scroll, viewport, overscan) -> window
        let cases = [
            // Empty table: nothing, no spacers.
            ((0, 36, 0.0, 360, 8), w(0, 0, 0, 0)),
            // Short table: everything fits.
            ((5, 36, 0.0, 360, 8), w(0, 5, 0, 0)),
            // At the top: 10 visible + 8 overscan below.
            ((5000, 36, 0.0, 360, 8), w(0, 18, 0, (5000 - 18) * 36)),
            // Row 100 at the top: 8 above, 10 visible, 8 below.
            (
                (5000, 36, 3600.0, 360, 8),
                w(92, 118, 92 * 36, (5000 - 118) * 36),
            ),
            // Half a row scrolled still starts at that row.
            (
                (5000, 36, 3617.9, 360, 8),
                w(92, 118, 92 * 36, (5000 - 118) * 36),
            ),
            // The very bottom: the last 10 rows and 8 above.
            (
                (5000, 36, 4990.0 * 36.0, 360, 8),
                w(4982, 5000, 4982 * 36, 0),
            ),
            // Scrolled past the end (the table shrank): clamp to the last rows.
            ((20, 36, 1.0e9, 360, 0), w(10, 20, 360, 0)),
            // A viewport that is not a whole number of rows rounds up.
            ((100, 36, 0.0, 370, 0), w(0, 11, 0, 89 * 36)),
            // Not measured yet (0 px): still one row, never an empty window.
            ((100, 36, 0.0, 0, 0), w(0, 1, 0, 99 * 36)),
            // Negative or NaN scroll (overscroll bounce) counts as the top.
            ((100, 36, -50.0, 360, 0), w(0, 10, 0, 90 * 36)),
            ((100, 36, f64::NAN, 360, 0), w(0, 10, 0, 90 * 36)),
            // Zero row height: render all rather than divide by zero.
            ((7, 0, 100.0, 360, 8), w(0, 7, 0, 0)),
        ];
        for ((total, h, scroll, vp, over), want) in cases {
            assert_eq!(
                row_window(total, h, scroll, vp, over),
                want,
                "total={total} h={h} scroll={scroll} vp={vp}"
            );
        }
    }

    #[test]
    fn spacers_and_rows_always_add_up_to_the_full_height() {
        for scroll in [0.0, 1.0, 35.0, 36.0, 1000.0, 179_964.0, 180_000.0] {
            let win = row_window(5000, 36, scroll, 400, OVERSCAN);
            let rendered = (win.end - win.first) as u64 * 36;
            assert_eq!(
                win.pad_top + rendered + win.pad_bottom,
                5000 * 36,
                "{scroll}"
            );
            assert!(win.end - win.first <= 12 + 2 * OVERSCAN, "{scroll}");
        }
    }

    #[test]
    fn scrolling_to_a_row_puts_it_first_in_the_window() {
        let top = scroll_to_row(2500, 36);
        let win = row_window(5000, 36, top, 360, 0);
        assert_eq!(win.first, 2500);
    }
}
