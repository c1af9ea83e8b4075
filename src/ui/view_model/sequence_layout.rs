//! Layout of the resolution diagram: one column per party on the path
//! (client, resolver, root, TLD, Route 53, endpoint) with a lifeline, and one
//! numbered arrow per trace step, top to bottom, as a sequence diagram. The
//! same shape reads at phone width (narrow columns) and on a wide screen.

use super::answer::{Hop, TraceStep};

/// Height of the column header boxes.
pub const HEAD_HEIGHT: f64 = 44.0;
/// Vertical distance between two steps' arrows.
pub const STEP_GAP: f64 = 34.0;
/// Space above the first arrow and below the last.
pub const MARGIN: f64 = 12.0;
/// Width of a local-work loop (from == to), to the right of the lifeline.
pub const LOOP_WIDTH: f64 = 22.0;

/// A party's column.
#[derive(Debug, Clone, PartialEq)]
pub struct SeqColumn {
    /// Which party.
    pub hop: Hop,
    /// Centre of the column (its lifeline).
    pub x: f64,
    /// Width of its header box.
    pub width: f64,
}

/// One step's arrow.
#[derive(Debug, Clone, PartialEq)]
pub struct SeqArrow {
    /// Index into the trace (the number shown is `step + 1`).
    pub step: usize,
    /// Start x (the sender's lifeline).
    pub x1: f64,
    /// End x (the receiver's lifeline; equal to `x1` for a loop).
    pub x2: f64,
    /// Height of the arrow.
    pub y: f64,
}

impl SeqArrow {
    /// True for local work drawn as a loop back to the same lifeline.
    pub fn is_loop(&self) -> bool {
        self.x1 == self.x2
    }
}

/// The whole diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct SeqLayout {
    /// Total width (as given).
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Columns left to right.
    pub columns: Vec<SeqColumn>,
    /// Arrows top to bottom; steps naming a party with no column are skipped.
    pub arrows: Vec<SeqArrow>,
}

/// Lays out `hops` (columns, in the given order, duplicates dropped) and
/// `steps` in a box `width` px wide. The rightmost column keeps room for a
/// loop arrow so nothing is clipped.
pub fn layout_sequence(hops: &[Hop], steps: &[TraceStep], width: f64) -> SeqLayout {
    let width = if width.is_finite() {
        width.max(120.0)
    } else {
        600.0
    };
    let mut unique: Vec<Hop> = Vec::new();
    for h in hops {
        if !unique.contains(h) {
            unique.push(*h);
        }
    }
    let n = unique.len().max(1) as f64;
    let slot = (width - LOOP_WIDTH) / n;
    let columns: Vec<SeqColumn> = unique
        .iter()
        .enumerate()
        .map(|(i, hop)| SeqColumn {
            hop: *hop,
            x: slot * (i as f64 + 0.5),
            width: (slot - 6.0).max(20.0),
        })
        .collect();
    let x_of = |h: Hop| columns.iter().find(|c| c.hop == h).map(|c| c.x);
    let mut arrows = Vec::new();
    for (step, s) in steps.iter().enumerate() {
        let (Some(x1), Some(x2)) = (x_of(s.from), x_of(s.to)) else {
            continue;
        };
        let y = HEAD_HEIGHT + MARGIN + STEP_GAP * (arrows.len() as f64 + 0.5);
        arrows.push(SeqArrow { step, x1, x2, y });
    }
    let height = HEAD_HEIGHT + 2.0 * MARGIN + STEP_GAP * arrows.len().max(1) as f64;
    SeqLayout {
        width,
        height,
        columns,
        arrows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(from: Hop, to: Hop) -> TraceStep {
        TraceStep {
            from,
            to,
            summary: String::new(),
        }
    }

    #[test]
    fn columns_share_the_width_evenly_in_path_order() {
        let l = layout_sequence(&Hop::ALL, &[], 622.0);
        let xs: Vec<f64> = l.columns.iter().map(|c| c.x).collect();
        assert_eq!(xs, [50.0, 150.0, 250.0, 350.0, 450.0, 550.0]);
        assert!(l.columns.iter().all(|c| c.width == 94.0));
        // Room for a loop on the last lifeline.
        assert!(xs[5] + LOOP_WIDTH <= l.width);
    }

    #[test]
    fn each_step_gets_its_own_row_from_sender_to_receiver() {
        // A cold-cache resolution (RFC 1034 §5.3.3): client -> resolver ->
        // root -> resolver -> TLD -> resolver -> authoritative -> resolver -> client.
        use Hop::*;
        let steps = [
            step(Client, Resolver),
            step(Resolver, Root),
            step(Root, Resolver),
            step(Resolver, Resolver), // cache insert
        ];
        let l = layout_sequence(&Hop::ALL, &steps, 622.0);
        assert_eq!(l.arrows.len(), 4);
        assert_eq!((l.arrows[0].x1, l.arrows[0].x2), (50.0, 150.0));
        assert_eq!((l.arrows[2].x1, l.arrows[2].x2), (250.0, 150.0));
        assert!(l.arrows[3].is_loop());
        let ys: Vec<f64> = l.arrows.iter().map(|a| a.y).collect();
        assert!(ys.windows(2).all(|w| w[1] - w[0] == STEP_GAP), "{ys:?}");
        assert!(ys[0] > HEAD_HEIGHT);
        assert!(l.height >= ys[3] + STEP_GAP / 2.0);
    }

    #[test]
    fn steps_naming_a_missing_party_are_skipped_but_keep_their_number() {
        use Hop::*;
        let steps = [step(Client, Endpoint), step(Client, Resolver)];
        let l = layout_sequence(&[Client, Resolver], &steps, 300.0);
        assert_eq!(l.arrows.len(), 1);
        assert_eq!(l.arrows[0].step, 1, "numbered by trace position");
    }

    #[test]
    fn degenerate_inputs_still_give_a_drawable_box() {
        let l = layout_sequence(&[], &[], f64::NAN);
        assert_eq!(l.width, 600.0);
        assert!(l.height > HEAD_HEIGHT);
        let l = layout_sequence(&[Hop::Client, Hop::Client], &[], 10.0);
        assert_eq!(l.width, 120.0, "a minimum width");
        assert_eq!(l.columns.len(), 1, "duplicates dropped");
    }
}
