//! The failover tree: a name and its routed branches (PRIMARY/SECONDARY, or
//! weighted/latency members) with each branch's health, and its layout.

use super::svg::num;

/// A branch's health as the engine sees it at the current time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// The check reports healthy.
    Healthy,
    /// The check reports unhealthy.
    Unhealthy,
    /// The check has not decided yet (too few results).
    Unknown,
    /// No health check is attached (Route 53 treats the branch as healthy).
    NoCheck,
}

impl Health {
    /// The word shown beside the badge (never colour alone).
    pub fn label(self) -> &'static str {
        match self {
            Health::Healthy => "healthy",
            Health::Unhealthy => "unhealthy",
            Health::Unknown => "unknown",
            Health::NoCheck => "no check",
        }
    }

    /// The badge's symbol; each state also has its own badge shape.
    pub fn symbol(self) -> &'static str {
        match self {
            Health::Healthy => "✓",
            Health::Unhealthy => "✕",
            Health::Unknown => "?",
            Health::NoCheck => "–",
        }
    }

    /// A CSS class suffix (`health-healthy`...).
    pub fn key(self) -> &'static str {
        match self {
            Health::Healthy => "healthy",
            Health::Unhealthy => "unhealthy",
            Health::Unknown => "unknown",
            Health::NoCheck => "nocheck",
        }
    }
}

/// One branch under the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branch {
    /// The role or weight, e.g. `PRIMARY`, `SECONDARY`, `weight 70`.
    pub role: String,
    /// What it points at, e.g. `app-a 192.0.2.10`.
    pub target: String,
    /// Its health now.
    pub health: Health,
    /// The health check's id, if any.
    pub check: Option<String>,
    /// True when Route 53 would answer with this branch now.
    pub answering: bool,
}

/// The tree for one record name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FailoverTreeView {
    /// The name and type at the root, e.g. `app.example.com. A`.
    pub name: String,
    /// The branches, in routing order.
    pub branches: Vec<Branch>,
}

/// A box in the tree layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TreeBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl TreeBox {
    /// Centre of the top edge.
    pub fn top_mid(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y)
    }
    /// Centre of the bottom edge.
    pub fn bottom_mid(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h)
    }
}

/// The placed tree: root box, one box per branch, and connector paths.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeLayout {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// The name's box.
    pub root: TreeBox,
    /// One box per branch, in order.
    pub children: Vec<TreeBox>,
    /// SVG path data (`d`) for each connector, root to child.
    pub links: Vec<String>,
    /// True when the branches are stacked (narrow screens, many branches).
    pub stacked: bool,
}

/// Height of the root box.
pub const ROOT_H: f64 = 40.0;
/// Height of a branch box (role, target, badge line, answering line).
pub const CHILD_H: f64 = 96.0;
/// Vertical gap between levels (and between stacked branches).
pub const LEVEL_GAP: f64 = 36.0;
/// Horizontal gap between side-by-side branches.
pub const SIDE_GAP: f64 = 16.0;
/// Narrowest a branch box may be side by side; below it, branches stack.
pub const MIN_CHILD_W: f64 = 150.0;
/// Widest a branch box gets.
pub const MAX_CHILD_W: f64 = 240.0;
/// Indent of stacked branches, leaving room for the connector.
pub const STACK_INDENT: f64 = 28.0;

/// Places the root and `n` branches in a box `width` px wide: side by side
/// when they fit at [`MIN_CHILD_W`], otherwise stacked under the root with
/// elbow connectors down the left.
pub fn layout_tree(n: usize, width: f64) -> TreeLayout {
    let width = if width.is_finite() {
        width.max(200.0)
    } else {
        600.0
    };
    let root_w = (width - 2.0).min(320.0);
    let root = TreeBox {
        x: (width - root_w) / 2.0,
        y: 1.0,
        w: root_w,
        h: ROOT_H,
    };
    let top = root.y + ROOT_H + LEVEL_GAP;
    let nf = n as f64;
    let side_w = ((width - SIDE_GAP * (nf - 1.0).max(0.0)) / nf.max(1.0)).min(MAX_CHILD_W);
    let stacked = n > 0 && side_w < MIN_CHILD_W;
    let (rx, ry) = root.bottom_mid();
    let mut children = Vec::with_capacity(n);
    let mut links = Vec::with_capacity(n);
    if stacked {
        let root = TreeBox { x: 1.0, ..root };
        let spine_x = root.x + STACK_INDENT / 2.0;
        for i in 0..n {
            let b = TreeBox {
                x: STACK_INDENT,
                y: top + i as f64 * (CHILD_H + LEVEL_GAP / 2.0),
                w: width - STACK_INDENT - 1.0,
                h: CHILD_H,
            };
            let mid = b.y + CHILD_H / 2.0;
            links.push(format!(
                "M{},{} V{} H{}",
                num(spine_x),
                num(root.y + ROOT_H),
                num(mid),
                num(b.x)
            ));
            children.push(b);
        }
        let height = children.last().map_or(top, |b| b.y + b.h) + 1.0;
        return TreeLayout {
            width,
            height,
            root,
            children,
            links,
            stacked,
        };
    }
    let total = side_w * nf + SIDE_GAP * (nf - 1.0).max(0.0);
    let left = (width - total) / 2.0;
    for i in 0..n {
        let b = TreeBox {
            x: left + i as f64 * (side_w + SIDE_GAP),
            y: top,
            w: side_w,
            h: CHILD_H,
        };
        let (cx, cy) = b.top_mid();
        let mid = ry + LEVEL_GAP / 2.0;
        links.push(format!(
            "M{},{} V{} H{} V{}",
            num(rx),
            num(ry),
            num(mid),
            num(cx),
            num(cy)
        ));
        children.push(b);
    }
    let height = if n == 0 {
        root.y + ROOT_H + 1.0
    } else {
        top + CHILD_H + 1.0
    };
    TreeLayout {
        width,
        height,
        root,
        children,
        links,
        stacked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(a: &TreeBox, b: &TreeBox) -> bool {
        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    }

    #[test]
    fn primary_and_secondary_sit_side_by_side_on_a_wide_screen() {
        let l = layout_tree(2, 800.0);
        assert!(!l.stacked);
        assert_eq!(l.children.len(), 2);
        assert_eq!(l.children[0].w, MAX_CHILD_W);
        // Centred under the root, symmetric.
        let left_gap = l.children[0].x;
        let right_gap = l.width - (l.children[1].x + l.children[1].w);
        assert!((left_gap - right_gap).abs() < 1e-9);
        assert_eq!(l.root.x + l.root.w / 2.0, 400.0);
        assert!(!overlaps(&l.children[0], &l.children[1]));
        assert_eq!(l.links.len(), 2);
        assert!(l.links[0].starts_with("M400,41"), "{}", l.links[0]);
    }

    #[test]
    fn branches_stack_when_they_would_be_too_narrow() {
        // (branches, width) -> stacked?
        for (n, width, want) in [
            (2, 375.0, false),
            (2, 300.0, true),
            (3, 500.0, false),
            (4, 500.0, true),
            (1, 200.0, false),
        ] {
            let l = layout_tree(n, width);
            assert_eq!(l.stacked, want, "n={n} width={width}");
            for (i, a) in l.children.iter().enumerate() {
                assert!(a.x >= 0.0 && a.x + a.w <= l.width + 1e-9, "n={n} w={width}");
                assert!(a.y + a.h <= l.height, "n={n} w={width}");
                assert!(!overlaps(a, &l.root));
                for b in &l.children[i + 1..] {
                    assert!(!overlaps(a, b), "n={n} w={width}");
                }
            }
        }
    }

    #[test]
    fn no_branches_is_just_the_root() {
        let l = layout_tree(0, 400.0);
        assert!(l.children.is_empty() && l.links.is_empty());
        assert_eq!(l.height, l.root.y + ROOT_H + 1.0);
        let l = layout_tree(0, f64::INFINITY);
        assert_eq!(l.width, 600.0);
    }

    #[test]
    fn health_is_told_by_word_and_symbol_not_colour_alone() {
        let all = [
            Health::Healthy,
            Health::Unhealthy,
            Health::Unknown,
            Health::NoCheck,
        ];
        let words: std::collections::BTreeSet<_> = all.iter().map(|h| h.label()).collect();
        let symbols: std::collections::BTreeSet<_> = all.iter().map(|h| h.symbol()).collect();
        assert_eq!(words.len(), 4);
        assert_eq!(symbols.len(), 4);
    }
}
