//! A box in a diagram layout, the points arrows attach to, and the
//! curved arrow between two of them.

use super::svg::num;

/// A box: left and top edges, width and height, in px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// The middle of the right edge.
    pub fn right_mid(&self) -> (f64, f64) {
        (self.x + self.w, self.y + self.h / 2.0)
    }
    /// The middle of the left edge.
    pub fn left_mid(&self) -> (f64, f64) {
        (self.x, self.y + self.h / 2.0)
    }
    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether the two boxes share any area (touching edges do not).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// Path data for an S-shaped arrow from `from` to `to`, leaving and
/// arriving horizontally (control points halfway across).
pub fn curve(from: (f64, f64), to: (f64, f64)) -> String {
    let mid = (from.0 + to.0) / 2.0;
    format!(
        "M{},{} C{},{} {},{} {},{}",
        num(from.0),
        num(from.1),
        num(mid),
        num(from.1),
        num(mid),
        num(to.1),
        num(to.0),
        num(to.1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_and_overlap() {
        let a = Rect {
            x: 0.0,
            y: 0.0,
            w: 10.0,
            h: 4.0,
        };
        assert_eq!(a.right_mid(), (10.0, 2.0));
        assert_eq!(a.left_mid(), (0.0, 2.0));
        assert_eq!(a.bottom(), 4.0);
        let touching = Rect { x: 10.0, ..a };
        let crossing = Rect { x: 9.9, ..a };
        assert!(!a.overlaps(&touching));
        assert!(a.overlaps(&crossing));
        assert_eq!(curve((0.0, 0.0), (10.0, 4.0)), "M0,0 C5,0 5,4 10,4");
    }
}
