//! Layout of the timeline's SVG: every track stacked top to bottom, each
//! with its label above it (so the plot keeps the full width at phone size),
//! and time mapped linearly onto x.

use super::svg::num;
use super::timeline::{format_clock, TimelineView};
use super::timeline_scale::band_text;
pub use super::timeline_scale::{percent, tick_step_ms, x_of, SIDE};
pub use super::timeline_shapes::*;

/// Height of a track's label line.
pub const LABEL_H: f64 = 16.0;
/// Height of the fault track.
pub const FAULT_H: f64 = 22.0;
/// Height of a status or answer band.
pub const BAND_H: f64 = 22.0;
/// Height of a share-of-checkers line plot.
pub const SHARE_H: f64 = 34.0;
/// Height of an endpoint's traffic bars.
pub const TRAFFIC_H: f64 = 34.0;
/// Space between tracks.
pub const TRACK_GAP: f64 = 8.0;
/// Height of the time axis at the bottom.
pub const AXIS_H: f64 = 20.0;
/// Lays out `view` in a box `width` px wide. Times past the horizon are
/// clamped to it; an empty track list still gives an axis.
pub fn layout_timeline(view: &TimelineView, width: f64) -> TimelineLayout {
    let width = if width.is_finite() {
        width.max(160.0)
    } else {
        640.0
    };
    let horizon = view.horizon_ms.max(1);
    let x = |t: u64| x_of(t, horizon, width);
    let span = |from: u64, to: u64| {
        let (a, b) = (x(from), x(to.max(from)));
        (a, (b - a).max(1.0))
    };
    let mut out = TimelineLayout {
        width,
        horizon_ms: horizon,
        ..TimelineLayout::default()
    };
    let mut y = 0.0;
    let label = |out: &mut TimelineLayout, y: &mut f64, text: String| {
        out.labels.push(TrackLabel {
            y: *y + LABEL_H - 4.0,
            text,
        });
        *y += LABEL_H;
    };

    if !view.faults.is_empty() {
        label(&mut out, &mut y, "Faults".into());
        for f in &view.faults {
            let title = format!("{} {}", format_clock(f.at_ms), f.label);
            if let Some(until) = f.until_ms {
                let (bx, bw) = span(f.at_ms, until);
                out.bands.push(Band {
                    x: bx,
                    y,
                    w: bw,
                    h: FAULT_H,
                    kind: BandKind::Fault,
                    text: None,
                    title: format!("{title} (until {})", format_clock(until)),
                });
            }
            out.faults.push(FaultMark {
                x: x(f.at_ms),
                y,
                title,
            });
        }
        y += FAULT_H + TRACK_GAP;
    }

    for check in &view.checks {
        label(&mut out, &mut y, format!("Health check {}", check.name));
        for s in &check.segments {
            let (bx, bw) = span(s.from_ms, s.to_ms);
            let word = if s.healthy { "healthy" } else { "unhealthy" };
            out.bands.push(Band {
                x: bx,
                y,
                w: bw,
                h: BAND_H,
                kind: if s.healthy {
                    BandKind::Healthy
                } else {
                    BandKind::Unhealthy
                },
                text: band_text(word, bw),
                title: format!(
                    "{}: {word} {}–{}",
                    check.name,
                    format_clock(s.from_ms),
                    format_clock(s.to_ms)
                ),
            });
        }
        y += BAND_H + 4.0;
        if !check.share.is_empty() {
            label(
                &mut out,
                &mut y,
                format!(
                    "Checkers reporting healthy (dashed: {} %)",
                    percent(view.share_threshold)
                ),
            );
            let (top, bottom) = (y + 2.0, y + SHARE_H - 2.0);
            let y_of = |share: f32| {
                let s = if share.is_finite() {
                    share.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                bottom - f64::from(s) * (bottom - top)
            };
            // A step line: the share holds until the next report.
            let mut pts: Vec<String> = Vec::with_capacity(check.share.len() * 2 + 1);
            let mut prev: Option<f64> = None;
            for p in &check.share {
                let px = x(p.at_ms);
                if let Some(py) = prev {
                    pts.push(format!("{},{}", num(px), num(py)));
                }
                let py = y_of(p.share);
                pts.push(format!("{},{}", num(px), num(py)));
                prev = Some(py);
            }
            if let Some(py) = prev {
                pts.push(format!("{},{}", num(x(horizon)), num(py)));
            }
            out.shares.push(ShareLine {
                points: pts.join(" "),
                threshold_y: y_of(view.share_threshold),
                top,
                bottom,
            });
            y += SHARE_H;
        }
        y += TRACK_GAP;
    }

    if !view.answers.is_empty() {
        label(&mut out, &mut y, "DNS answer".into());
        for (i, a) in view.answers.iter().enumerate() {
            let (bx, bw) = span(a.from_ms, a.to_ms);
            out.bands.push(Band {
                x: bx,
                y,
                w: bw,
                h: BAND_H,
                kind: BandKind::Answer(i % 2),
                text: band_text(&a.label, bw),
                title: format!(
                    "{}–{}: {}",
                    format_clock(a.from_ms),
                    format_clock(a.to_ms),
                    a.label
                ),
            });
        }
        y += BAND_H + TRACK_GAP;
    }

    let max_total = view
        .endpoints
        .iter()
        .flat_map(|e| e.buckets.iter())
        .map(|b| u64::from(b.ok) + u64::from(b.failed))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    for ep in &view.endpoints {
        label(&mut out, &mut y, format!("Traffic to {}", ep.name));
        let bottom = y + TRAFFIC_H;
        for b in &ep.buckets {
            let (bx, bw) = span(b.from_ms, b.to_ms);
            let bw = (bw - 1.0).max(1.0);
            let ok_h = f64::from(b.ok) / max_total * TRAFFIC_H;
            let fail_h = f64::from(b.failed) / max_total * TRAFFIC_H;
            let title = format!(
                "{} {}–{}: {} ok, {} failed",
                ep.name,
                format_clock(b.from_ms),
                format_clock(b.to_ms),
                b.ok,
                b.failed
            );
            if b.ok > 0 {
                out.bars.push(Bar {
                    x: bx,
                    y: bottom - ok_h,
                    w: bw,
                    h: ok_h,
                    failed: false,
                    title: title.clone(),
                });
            }
            if b.failed > 0 {
                out.bars.push(Bar {
                    x: bx,
                    y: bottom - ok_h - fail_h,
                    w: bw,
                    h: fail_h,
                    failed: true,
                    title,
                });
            }
        }
        y += TRAFFIC_H + TRACK_GAP;
    }

    out.axis_y = y;
    let step = tick_step_ms(horizon, width, 64.0);
    let mut t = 0;
    while t <= horizon {
        out.ticks.push(Tick {
            x: x(t),
            text: format_clock(t),
        });
        t += step;
    }
    out.height = y + AXIS_H;
    out
}

#[cfg(test)]
mod tests {
    use super::super::timeline::*;
    use super::*;

    fn sample() -> TimelineView {
        TimelineView {
            horizon_ms: 100_000,
            faults: vec![FaultMarker {
                at_ms: 30_000,
                until_ms: Some(60_000),
                label: "app-a down".into(),
            }],
            checks: vec![CheckTrack {
                name: "hc-a".into(),
                segments: vec![
                    StatusSegment {
                        from_ms: 0,
                        to_ms: 50_000,
                        healthy: true,
                    },
                    StatusSegment {
                        from_ms: 50_000,
                        to_ms: 100_000,
                        healthy: false,
                    },
                ],
                share: vec![
                    SharePoint {
                        at_ms: 0,
                        share: 1.0,
                    },
                    SharePoint {
                        at_ms: 40_000,
                        share: 0.0,
                    },
                ],
            }],
            answers: vec![AnswerSegment {
                from_ms: 0,
                to_ms: 100_000,
                label: "192.0.2.10 (app-a)".into(),
            }],
            endpoints: vec![EndpointTraffic {
                name: "app-a".into(),
                buckets: vec![TrafficBucket {
                    from_ms: 0,
                    to_ms: 10_000,
                    ok: 30,
                    failed: 10,
                }],
            }],
            ..TimelineView::default()
        }
    }

    #[test]
    fn health_bands_say_healthy_or_unhealthy_in_words() {
        let l = layout_timeline(&sample(), 628.0);
        let health: Vec<&Band> = l
            .bands
            .iter()
            .filter(|b| matches!(b.kind, BandKind::Healthy | BandKind::Unhealthy))
            .collect();
        assert_eq!(health.len(), 2);
        assert_eq!(health[0].text.as_deref(), Some("healthy"));
        assert_eq!(health[1].text.as_deref(), Some("unhealthy"));
        assert_eq!(health[1].kind, BandKind::Unhealthy);
        // Contiguous: the second starts where the first ends (50 s -> x 314).
        assert_eq!(health[0].x + health[0].w, health[1].x);
        assert_eq!(health[1].x, 314.0);
        assert!(
            health[1].title.contains("unhealthy 0:50–1:40"),
            "{}",
            health[1].title
        );
    }

    #[test]
    fn band_text_is_dropped_when_it_would_not_fit() {
        let l = layout_timeline(&sample(), 160.0);
        let unhealthy = l
            .bands
            .iter()
            .find(|b| b.kind == BandKind::Unhealthy)
            .unwrap();
        assert_eq!(unhealthy.w, 66.0);
        assert_eq!(unhealthy.text, None, "66 px cannot hold 'unhealthy'");
        let l = layout_timeline(&sample(), 170.0);
        let unhealthy = l
            .bands
            .iter()
            .find(|b| b.kind == BandKind::Unhealthy)
            .unwrap();
        assert_eq!(unhealthy.text.as_deref(), Some("unhealthy"), "71 px can");
        assert!(!unhealthy.title.is_empty(), "the title still tells");
    }

    #[test]
    fn share_line_steps_and_threshold_sits_at_eighteen_percent() {
        let l = layout_timeline(&sample(), 628.0);
        let s = &l.shares[0];
        // 100 % at 0, holds until 40 s, drops to 0 %, holds to the horizon.
        let pts: Vec<&str> = s.points.split(' ').collect();
        assert_eq!(pts.len(), 4, "{}", s.points);
        let ys: Vec<f64> = pts
            .iter()
            .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
            .collect();
        assert_eq!(ys[0], ys[1]);
        assert_eq!(ys[2], ys[3]);
        assert!((ys[0] - s.top).abs() < 0.06 && (ys[3] - s.bottom).abs() < 0.06);
        let frac = (s.bottom - s.threshold_y) / (s.bottom - s.top);
        assert!((frac - 0.18).abs() < 1e-6, "{frac}");
    }

    #[test]
    fn traffic_bars_stack_failed_on_ok_scaled_to_the_busiest_bucket() {
        let l = layout_timeline(&sample(), 628.0);
        assert_eq!(l.bars.len(), 2);
        let (ok, failed) = (&l.bars[0], &l.bars[1]);
        assert!(!ok.failed && failed.failed);
        assert_eq!(
            ok.h + failed.h,
            TRAFFIC_H,
            "the busiest bucket fills the track"
        );
        assert_eq!(failed.y + failed.h, ok.y, "failed sits on top of ok");
        assert!(ok.title.contains("30 ok, 10 failed"));
    }

    #[test]
    fn tracks_stack_without_overlap_and_the_axis_closes_the_drawing() {
        let l = layout_timeline(&sample(), 628.0);
        let mut spans: Vec<(f64, f64)> = l.bands.iter().map(|b| (b.y, b.y + b.h)).collect();
        spans.extend(l.labels.iter().map(|t| (t.y - 10.0, t.y)));
        assert!(spans.iter().all(|(_, bottom)| *bottom <= l.axis_y));
        assert_eq!(l.height, l.axis_y + AXIS_H);
        assert_eq!(
            l.labels.len(),
            5,
            "faults, one check and its checkers, answer, one endpoint"
        );
        assert_eq!(l.faults.len(), 1);
        assert_eq!(l.faults[0].x, l.x_of(30_000));
    }

    #[test]
    fn ticks_start_at_zero_and_stay_inside_the_horizon() {
        let l = layout_timeline(&sample(), 628.0);
        assert_eq!(l.ticks.first().unwrap().text, "0:00");
        assert_eq!(l.ticks.last().unwrap().text, "1:30");
    }

    #[test]
    fn the_share_label_names_the_threshold() {
        let l = layout_timeline(&sample(), 628.0);
        assert!(l.labels.iter().any(|t| t.text.contains("(dashed: 18 %)")));
    }

    #[test]
    fn an_empty_timeline_is_just_an_axis() {
        let l = layout_timeline(&TimelineView::default(), 400.0);
        assert!(l.bands.is_empty() && l.labels.is_empty() && l.bars.is_empty());
        assert_eq!(l.axis_y, 0.0);
        assert_eq!(l.ticks.len(), 1);
    }
}
