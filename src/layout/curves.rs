//! The emotion lanes: each visible curve's points, smoothed path and tint, the emoji above
//! the points (spread where curves crowd a step), and the pain markers on their anchors.

use std::collections::HashMap;

use emath::{Pos2, pos2, vec2};

use super::{
    CurvePointBox, CurveShape, EmotionScale, LayoutMetrics, MapLayout, MarkerPlace, PainMarker,
};
use crate::model::curve::monotone_curve;
use crate::model::{Card, EMOTION_MAX, Id, JourneyMap, LaneKind, PainAnchor, emoji_for_score};

impl MapLayout {
    /// Lays out the curves of the emotion lanes, their emoji and the pain markers; the grid
    /// (steps and lanes) is already placed.
    pub(super) fn add_curves(
        &mut self,
        map: &JourneyMap,
        m: &LayoutMetrics,
        step_index_of: &HashMap<&Id, usize>,
    ) {
        layout_curves(map, m, self, step_index_of);
    }
}

fn layout_curves(
    map: &JourneyMap,
    m: &LayoutMetrics,
    layout: &mut MapLayout,
    step_index_of: &HashMap<&Id, usize>,
) {
    let emotion_lanes: Vec<usize> = layout
        .lanes
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LaneKind::Emotions && !l.collapsed)
        .map(|(i, _)| i)
        .collect();

    for &lane_index in &emotion_lanes {
        let row = layout.lanes[lane_index].row;
        let scale = EmotionScale::of(row, m);
        let zero_y = scale.zero_y;
        let y_of = |score: f32| scale.y_of(score);

        for curve in map.curves.iter().filter(|c| !c.hidden) {
            let lowest_score = curve
                .points
                .iter()
                .map(|p| p.score)
                .fold(f32::INFINITY, f32::min);
            let points: Vec<CurvePointBox> = curve
                .points
                .iter()
                .filter_map(|p| {
                    let step_index = *step_index_of.get(&p.step)?;
                    let x = layout.steps[step_index].header.center().x;
                    Some(CurvePointBox {
                        step: p.step.clone(),
                        step_index,
                        pos: pos2(x, y_of(p.score)),
                        score: p.score,
                        emoji: p
                            .emoji
                            .clone()
                            .unwrap_or_else(|| emoji_for_score(p.score).to_owned()),
                        has_note: !p.note.is_empty(),
                        lowest: p.score < 0.0 && p.score <= lowest_score,
                        emoji_pos: pos2(x, y_of(p.score) - m.point_clearance - EMOJI_GAP),
                    })
                })
                .collect();
            let raw: Vec<(f32, f32)> = points.iter().map(|p| (p.pos.x, p.pos.y)).collect();
            let path: Vec<Pos2> = monotone_curve(&raw, m.curve_samples)
                .into_iter()
                .map(|(x, y)| pos2(x, y))
                .collect();
            let tint = tint_pieces(&path, zero_y);
            layout.curves.push(CurveShape {
                id: curve.id.clone(),
                color: curve.color,
                lane_index,
                zero_y,
                y_range: (y_of(EMOTION_MAX), y_of(-EMOTION_MAX)),
                points,
                path,
                tint,
            });
        }
    }
    // The markers first: the emoji keep clear of them.
    layout_pain_markers(map, m, layout, step_index_of, &emotion_lanes);
    spread_emoji(layout, m);
}

/// Space between a curve point's clearance and its emoji.
const EMOJI_GAP: f32 = 2.0;

/// Places every emoji in a box of its own: above its point when that box is free; else, for
/// a point at about the height of a point above it at the same step, above and to the side;
/// for a point clearly lower, below it; else beside it (right, then left). A box is free
/// when it lies inside the lane and covers no other emoji placed before, no curve point (with
/// its clearance) and no pain marker of the lane. Points are taken step by step, the highest
/// first, so the same map always gives the same picture; a box with no free place keeps the
/// spot above its point.
fn spread_emoji(layout: &mut MapLayout, m: &LayoutMetrics) {
    let s = m.emoji_size;
    let lift = m.point_clearance + EMOJI_GAP;
    // Every point's disc and every pain marker, per lane: what an emoji must not cover.
    let discs = |lane: usize, layout: &MapLayout| -> Vec<(Pos2, f32)> {
        let points = layout
            .curves
            .iter()
            .filter(|c| c.lane_index == lane)
            .flat_map(|c| c.points.iter().map(|p| (p.pos, m.point_clearance)));
        let row = layout.lanes[lane].row;
        let markers = layout
            .pain_markers
            .iter()
            .filter(|k| row.contains(k.pos))
            .map(|k| (k.pos, m.pain_marker_radius));
        points.chain(markers).collect()
    };
    // (lane, step, y, curve, point), the highest point of a step first.
    let mut order: Vec<(usize, usize, f32, usize, usize)> = Vec::new();
    for (c, curve) in layout.curves.iter().enumerate() {
        for (p, point) in curve.points.iter().enumerate() {
            order.push((curve.lane_index, point.step_index, point.pos.y, c, p));
        }
    }
    order.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(a.2.total_cmp(&b.2))
            .then((a.3, a.4).cmp(&(b.3, b.4)))
    });
    let mut lane_discs: Option<(usize, Vec<(Pos2, f32)>)> = None;
    let mut placed: Vec<emath::Rect> = Vec::new();
    let mut step_top: Option<((usize, usize), f32)> = None;
    for (lane, step, y, c, p) in order {
        if lane_discs.as_ref().is_none_or(|(l, _)| *l != lane) {
            lane_discs = Some((lane, discs(lane, layout)));
            placed.clear();
        }
        let Some((_, lane_discs)) = &lane_discs else {
            continue;
        };
        // How far below the highest point of its step this point is.
        let below_top = match step_top {
            Some((key, top)) if key == (lane, step) => y - top,
            _ => {
                step_top = Some(((lane, step), y));
                0.0
            }
        };
        let row = layout.lanes[lane].row;
        let at = layout.curves[c].points[p].pos;
        let above = pos2(at.x, at.y - lift);
        let below = pos2(at.x, at.y + lift + s);
        let side = |k: f32| pos2(at.x + k * (s + EMOJI_GAP), at.y - lift);
        let beside = |k: f32| pos2(at.x + k * (lift + s / 2.0), at.y + s / 2.0);
        let sideways = [side(1.0), side(-1.0), side(2.0), side(-2.0)];
        let mut candidates = vec![above];
        if below_top < s / 2.0 {
            candidates.extend(sideways);
            candidates.push(below);
        } else {
            candidates.push(below);
            candidates.extend(sideways);
        }
        candidates.extend([beside(1.0), beside(-1.0)]);
        let is_free = |bottom: Pos2| {
            let rect = super::emoji_box(bottom, s);
            row.contains_rect(rect)
                && !placed.iter().any(|other| other.intersects(rect))
                && !lane_discs
                    .iter()
                    .any(|&(center, radius)| disc_touches(rect, center, radius))
        };
        let chosen = candidates
            .into_iter()
            .find(|&b| is_free(b))
            .unwrap_or(above);
        layout.curves[c].points[p].emoji_pos = chosen;
        placed.push(super::emoji_box(chosen, s));
    }
}

/// Whether a disc reaches into a rectangle.
pub(super) fn disc_touches(rect: emath::Rect, center: Pos2, radius: f32) -> bool {
    rect.distance_sq_to_pos(center) < radius * radius
}

/// Places the pain markers: on the curve point or card a pain point is anchored to, else at
/// the lowest point of its step in each emotion lane.
fn layout_pain_markers(
    map: &JourneyMap,
    m: &LayoutMetrics,
    layout: &mut MapLayout,
    step_index_of: &HashMap<&Id, usize>,
    emotion_lanes: &[usize],
) {
    // Group the pain points by where their marker goes; BTreeMap keeps the order stable.
    let mut at_point: std::collections::BTreeMap<(Id, Id), Vec<&Card>> = Default::default();
    let mut at_card: std::collections::BTreeMap<Id, Vec<&Card>> = Default::default();
    let mut at_step: std::collections::BTreeMap<usize, Vec<&Card>> = Default::default();
    for (card, pain) in map.pain_points() {
        let Some(&step_index) = step_index_of.get(&card.step) else {
            continue;
        };
        match &pain.anchor {
            Some(PainAnchor::Point { curve, step })
                if layout
                    .curves
                    .iter()
                    .any(|c| &c.id == curve && c.points.iter().any(|p| &p.step == step)) =>
            {
                at_point
                    .entry((curve.clone(), step.clone()))
                    .or_default()
                    .push(card);
            }
            Some(PainAnchor::Card(target)) if layout.card(target).is_some() => {
                at_card.entry(target.clone()).or_default().push(card);
            }
            _ => at_step.entry(step_index).or_default().push(card),
        }
    }
    let severity = |cards: &[&Card]| {
        cards
            .iter()
            .filter_map(|c| c.pain.as_ref().map(|p| p.severity))
            .max()
            .unwrap_or(1)
    };
    let ids = |cards: &[&Card]| cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    let offset = m.emotion_margin * 0.6;

    for &lane_index in emotion_lanes {
        let row = layout.lanes[lane_index].row;
        let zero_y = (row.min.y + row.max.y) / 2.0;
        for curve in layout.curves.iter().filter(|c| c.lane_index == lane_index) {
            for point in &curve.points {
                if let Some(cards) = at_point.get(&(curve.id.clone(), point.step.clone())) {
                    layout.pain_markers.push(PainMarker {
                        step_index: point.step_index,
                        pos: pos2(
                            point.pos.x + offset,
                            (point.pos.y + offset).min(row.max.y - 10.0),
                        ),
                        max_severity: severity(cards),
                        cards: ids(cards),
                        place: MarkerPlace::Point {
                            curve: curve.id.clone(),
                            step: point.step.clone(),
                        },
                    });
                }
            }
        }
        // Unanchored pain points: one marker per step, under the lowest point of that step.
        for (&step_index, cards) in &at_step {
            let lowest = layout
                .curves
                .iter()
                .filter(|c| c.lane_index == lane_index)
                .flat_map(|c| c.points.iter())
                .filter(|p| p.step_index == step_index)
                .map(|p| p.pos.y)
                .fold(None, |acc: Option<f32>, y| {
                    Some(acc.map_or(y, |a| a.max(y)))
                });
            let x = layout.steps[step_index].header.center().x;
            let y = lowest.map_or(zero_y, |y| y + 22.0).min(row.max.y - 10.0);
            layout.pain_markers.push(PainMarker {
                step_index,
                pos: pos2(x, y),
                max_severity: severity(cards),
                cards: ids(cards),
                place: MarkerPlace::Step,
            });
        }
    }
    for (target, cards) in &at_card {
        if let Some(card_box) = layout.card(target) {
            let pos = card_box.rect.right_top() + vec2(-4.0, 4.0);
            layout.pain_markers.push(PainMarker {
                step_index: card_box.step_index,
                pos,
                max_severity: severity(cards),
                cards: ids(cards),
                place: MarkerPlace::Card(target.clone()),
            });
        }
    }
}

/// Splits the area between `path` and the zero line into convex pieces, each wholly above or
/// below zero (a piece that crosses zero is cut at the crossing).
pub(super) fn tint_pieces(path: &[Pos2], zero_y: f32) -> Vec<(Vec<Pos2>, bool)> {
    let mut pieces = Vec::new();
    for w in path.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (da, db) = (zero_y - a.y, zero_y - b.y); // positive = above zero
        if da * db < 0.0 {
            let t = da / (da - db);
            let cross = pos2(a.x + t * (b.x - a.x), zero_y);
            pieces.push((vec![pos2(a.x, zero_y), a, cross], da > 0.0));
            pieces.push((vec![cross, b, pos2(b.x, zero_y)], db > 0.0));
        } else if da != 0.0 || db != 0.0 {
            pieces.push((
                vec![pos2(a.x, zero_y), a, b, pos2(b.x, zero_y)],
                da + db > 0.0,
            ));
        }
    }
    pieces
}
