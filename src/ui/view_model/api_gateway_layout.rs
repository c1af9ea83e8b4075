//! Where the API Gateway picture's boxes go: three columns on a wide
//! screen (friendly names, the endpoint, its addresses), one column with
//! arrows down a spine on a phone; pinned records below everything.

use super::api_gateway::ApiGatewayView;
use super::rect::curve;
pub use super::rect::Rect;
use super::svg::num;

/// The placed diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiGatewayLayout {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// True on a narrow screen: one column, top to bottom.
    pub stacked: bool,
    /// One box per friendly name.
    pub friendly: Vec<Rect>,
    /// The endpoint's box.
    pub endpoint: Rect,
    /// One pill per current address.
    pub current: Vec<Rect>,
    /// One pill per retired address.
    pub retired: Vec<Rect>,
    /// One box per pinned record.
    pub pinned: Vec<Rect>,
    /// The pinned records' address pills.
    pub pinned_ip: Vec<Rect>,
    /// Path data: friendly name → endpoint (the CNAME).
    pub cname_links: Vec<String>,
    /// Path data: endpoint → each current address.
    pub address_links: Vec<String>,
    /// Path data: pinned record → its address.
    pub pinned_links: Vec<String>,
    /// Where the "CNAME" and "A" edge labels go (x, y).
    pub labels: [(f64, f64); 2],
    /// Where the heading over the retired pills goes (x, y).
    pub retired_heading: (f64, f64),
}

/// Height of a name box.
pub const NAME_H: f64 = 44.0;
/// Height of the endpoint box (its name on two lines).
pub const ENDPOINT_H: f64 = 56.0;
/// Height of an address pill.
pub const PILL_H: f64 = 28.0;
/// Gap between stacked items.
pub const GAP: f64 = 8.0;
/// Below this width the diagram stacks.
pub const STACK_BELOW: f64 = 620.0;
/// Gap between columns, where the arrows run.
const COL_GAP: f64 = 56.0;
/// Room above the columns for their headings.
const HEAD: f64 = 22.0;
/// Vertical room for an arrow between stacked items.
const DROP: f64 = 34.0;

fn stack(x: f64, y: f64, w: f64, h: f64, n: usize) -> Vec<Rect> {
    (0..n)
        .map(|i| Rect {
            x,
            y: y + i as f64 * (h + GAP),
            w,
            h,
        })
        .collect()
}

fn bottom_of(rects: &[Rect], or: f64) -> f64 {
    rects.iter().map(Rect::bottom).fold(or, f64::max)
}

/// Places `view` in a box `width` px wide.
pub fn layout(view: &ApiGatewayView, width: f64) -> ApiGatewayLayout {
    let width = if width.is_finite() {
        width.max(240.0)
    } else {
        640.0
    };
    let (nf, nc, nr, np) = (
        view.friendly.len(),
        view.current.len(),
        view.retired.len(),
        view.pinned.len(),
    );
    if width >= STACK_BELOW {
        let col = (width - 2.0 * COL_GAP) / 3.0;
        let (x1, x2, x3) = (0.0, col + COL_GAP, 2.0 * (col + COL_GAP));
        let friendly = stack(x1 + 1.0, HEAD, col - 2.0, NAME_H, nf);
        let endpoint = Rect {
            x: x2,
            y: HEAD,
            w: col,
            h: ENDPOINT_H,
        };
        let current = stack(x3, HEAD, col - 1.0, PILL_H, nc);
        let retired_top = bottom_of(&current, HEAD) + 2.0 * GAP + 14.0;
        let retired = stack(x3, retired_top, col - 1.0, PILL_H, nr);
        let top = bottom_of(&friendly, HEAD)
            .max(endpoint.bottom())
            .max(bottom_of(&retired, bottom_of(&current, HEAD)))
            + 3.0 * GAP
            + 14.0;
        let pinned = stack(x1 + 1.0, top, col - 2.0, NAME_H, np);
        let pinned_ip: Vec<Rect> = pinned
            .iter()
            .map(|b| Rect {
                x: x3,
                y: b.y + (NAME_H - PILL_H) / 2.0,
                w: col - 1.0,
                h: PILL_H,
            })
            .collect();
        let to_ep = endpoint.left_mid();
        return ApiGatewayLayout {
            width,
            height: bottom_of(&pinned, top - 3.0 * GAP - 14.0) + 2.0,
            stacked: false,
            cname_links: friendly
                .iter()
                .map(|b| curve(b.right_mid(), to_ep))
                .collect(),
            address_links: current
                .iter()
                .map(|p| curve(endpoint.right_mid(), p.left_mid()))
                .collect(),
            pinned_links: pinned
                .iter()
                .zip(&pinned_ip)
                .map(|(b, p)| curve(b.right_mid(), p.left_mid()))
                .collect(),
            labels: [
                (x2 - COL_GAP / 2.0, HEAD - 6.0),
                (x3 - COL_GAP / 2.0, HEAD - 6.0),
            ],
            retired_heading: (x3, retired_top - 6.0),
            friendly,
            endpoint,
            current,
            retired,
            pinned,
            pinned_ip,
        };
    }
    // Stacked: each level under the one before, arrows down a spine on the left.
    let indent = 18.0;
    let w = width - indent - 1.0;
    let friendly = stack(indent, 1.0, w, NAME_H, nf);
    let endpoint = Rect {
        x: indent,
        y: bottom_of(&friendly, 1.0) + DROP,
        w,
        h: ENDPOINT_H,
    };
    let current = stack(
        indent + 14.0,
        endpoint.bottom() + DROP,
        w - 14.0,
        PILL_H,
        nc,
    );
    let retired_top = bottom_of(&current, endpoint.bottom()) + 2.0 * GAP + 14.0;
    let retired = stack(indent + 14.0, retired_top, w - 14.0, PILL_H, nr);
    let mut y = bottom_of(&retired, bottom_of(&current, endpoint.bottom())) + 3.0 * GAP + 14.0;
    let (mut pinned, mut pinned_ip) = (Vec::new(), Vec::new());
    for _ in 0..np {
        let b = Rect {
            x: indent,
            y,
            w,
            h: NAME_H,
        };
        let p = Rect {
            x: indent + 14.0,
            y: b.bottom() + GAP * 2.0,
            w: w - 14.0,
            h: PILL_H,
        };
        y = p.bottom() + GAP * 2.0;
        pinned.push(b);
        pinned_ip.push(p);
    }
    let spine = indent / 2.0;
    let elbow = |from: (f64, f64), to: (f64, f64), spine: f64| {
        format!(
            "M{},{} H{} V{} H{}",
            num(from.0),
            num(from.1),
            num(spine),
            num(to.1),
            num(to.0)
        )
    };
    let ep = endpoint.left_mid();
    let ep_x = endpoint.x + 8.0;
    ApiGatewayLayout {
        width,
        height: pinned_ip.last().map_or(
            bottom_of(&retired, bottom_of(&current, endpoint.bottom())),
            Rect::bottom,
        ) + 2.0,
        stacked: true,
        cname_links: friendly
            .iter()
            .map(|b| elbow(b.left_mid(), ep, spine))
            .collect(),
        address_links: current
            .iter()
            .map(|p| {
                format!(
                    "M{},{} V{} H{}",
                    num(ep_x),
                    num(endpoint.bottom()),
                    num(p.y + PILL_H / 2.0),
                    num(p.x)
                )
            })
            .collect(),
        pinned_links: pinned
            .iter()
            .zip(&pinned_ip)
            .map(|(b, p)| {
                format!(
                    "M{},{} V{} H{}",
                    num(b.x + 8.0),
                    num(b.bottom()),
                    num(p.y + PILL_H / 2.0),
                    num(p.x)
                )
            })
            .collect(),
        labels: [
            (indent + 6.0, endpoint.y - DROP / 2.0 + 4.0),
            (ep_x + 8.0, endpoint.bottom() + DROP / 2.0 + 4.0),
        ],
        retired_heading: (indent + 14.0, retired_top - 6.0),
        friendly,
        endpoint,
        current,
        retired,
        pinned,
        pinned_ip,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::view_model::api_gateway::sample_view as view;

    fn inside(r: &Rect, width: f64, height: f64) -> bool {
        r.x >= 0.0 && r.y >= 0.0 && r.x + r.w <= width && r.y + r.h <= height
    }

    /// Every box lies inside the drawing and no two overlap, wide and
    /// narrow, with and without retired and pinned addresses.
    #[test]
    fn boxes_fit_and_never_overlap() {
        for width in [240.0, 343.0, 619.0, 620.0, 1100.0] {
            for (nf, nc, nr, np) in [(1, 3, 0, 0), (1, 3, 3, 1), (2, 3, 3, 2), (0, 0, 0, 0)] {
                let l = layout(&view(nf, nc, nr, np), width);
                let all: Vec<Rect> = l
                    .friendly
                    .iter()
                    .chain([&l.endpoint])
                    .chain(&l.current)
                    .chain(&l.retired)
                    .chain(&l.pinned)
                    .chain(&l.pinned_ip)
                    .copied()
                    .collect();
                for (i, a) in all.iter().enumerate() {
                    assert!(inside(a, l.width, l.height), "{width} {a:?}");
                    for b in &all[i + 1..] {
                        assert!(!a.overlaps(b), "{width}: {a:?} overlaps {b:?}");
                    }
                }
                assert_eq!(l.cname_links.len(), nf);
                assert_eq!(l.address_links.len(), nc);
                assert_eq!(l.pinned_links.len(), np);
                assert_eq!(l.stacked, width < STACK_BELOW, "{width}");
            }
        }
    }

    /// Wide: friendly names left of the endpoint, addresses right of it;
    /// the pinned record sits below everything with its address in the
    /// address column.
    #[test]
    fn wide_reads_left_to_right() {
        let l = layout(&view(1, 3, 3, 1), 1000.0);
        assert!(l.friendly[0].x + l.friendly[0].w < l.endpoint.x);
        assert!(l.endpoint.x + l.endpoint.w < l.current[0].x);
        assert!(l.retired[0].y > l.current[2].y + PILL_H);
        assert!(l.pinned[0].y > l.retired[2].y + PILL_H);
        assert_eq!(l.pinned_ip[0].x, l.current[0].x);
        assert!(l.cname_links[0].starts_with("M"));
    }

    /// Narrow: one column, top to bottom, nothing wider than the screen.
    #[test]
    fn narrow_reads_top_to_bottom() {
        let l = layout(&view(1, 3, 3, 1), 343.0);
        assert!(l.endpoint.y > l.friendly[0].y + NAME_H);
        assert!(l.current[0].y > l.endpoint.y + ENDPOINT_H);
        assert!(l.pinned_ip[0].y > l.pinned[0].y + NAME_H);
        assert!(l.endpoint.x + l.endpoint.w <= 343.0);
    }
}
