//! Tests of the layout: the grid, the curves and the pain markers.

use super::curves::{disc_touches, tint_pieces};
use super::*;
use crate::model::synth::{SynthSize, synth_map};
use crate::model::template;

#[test]
fn cards_lie_inside_their_cell_and_do_not_overlap() {
    let map = synth_map(SynthSize {
        stages: 4,
        steps: 7,
        lanes: 9,
        cards: 200,
    });
    let layout = compute(&map, &LayoutMetrics::default(), &ApproxMeasure);
    assert_eq!(layout.cards.len(), 200);
    for card in &layout.cards {
        let cell = layout.steps[card.step_index]
            .column
            .intersect(layout.lanes[card.lane_index].row);
        assert!(cell.contains_rect(card.rect), "{card:?} outside {cell:?}");
    }
    for (i, a) in layout.cards.iter().enumerate() {
        for b in &layout.cards[i + 1..] {
            assert!(!a.rect.intersects(b.rect) || a.rect.intersect(b.rect).area() < 1e-3);
        }
    }
}

#[test]
fn curve_stays_inside_its_lane() {
    let map = synth_map(SynthSize::LARGE);
    let layout = compute(&map, &LayoutMetrics::default(), &ApproxMeasure);
    assert!(!layout.curves.is_empty());
    for curve in &layout.curves {
        let row = layout.lanes[curve.lane_index].row;
        assert!(curve.path.iter().all(|p| row.contains(*p)));
        assert!(
            curve
                .path
                .iter()
                .all(|p| p.y >= curve.y_range.0 - 1e-3 && p.y <= curve.y_range.1 + 1e-3)
        );
    }
}

#[test]
fn blueprint_has_a_line_of_visibility() {
    let Some(t) = template::find("service-blueprint") else {
        panic!("template missing");
    };
    let map = t.instantiate(template::Lang::En);
    let layout = compute(&map, &LayoutMetrics::default(), &ApproxMeasure);
    assert!(layout.visibility_line.is_some());
    let aida = template::find("aida").map(|t| t.instantiate(template::Lang::En));
    let layout = compute(
        &aida.unwrap_or_else(|| JourneyMap::new("x")),
        &LayoutMetrics::default(),
        &ApproxMeasure,
    );
    assert!(layout.visibility_line.is_none());
}

#[test]
fn tint_pieces_split_at_zero() {
    let path = [pos2(0.0, 0.0), pos2(10.0, 20.0)];
    let pieces = tint_pieces(&path, 10.0);
    assert_eq!(pieces.len(), 2);
    assert!(pieces[0].1 && !pieces[1].1);
}

fn juicer() -> JourneyMap {
    let sample = crate::file::samples::samples()
        .iter()
        .find(|s| s.file_name.contains("may-ep"))
        .unwrap_or_else(|| panic!("sample missing"));
    crate::file::samples::load_sample(sample).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn hidden_curves_are_not_laid_out_and_the_lowest_point_is_a_moment_of_pain() {
    let mut map = juicer();
    let layout = compute(&map, &LayoutMetrics::default(), &ApproxMeasure);
    assert_eq!(layout.curves.len(), 2);
    let lowest: Vec<_> = layout.curves[0]
        .points
        .iter()
        .filter(|p| p.lowest)
        .map(|p| p.step.to_string())
        .collect();
    assert_eq!(lowest, ["st7"]);
    // The to-be curve never goes below zero: no moment of pain.
    assert!(layout.curves[1].points.iter().all(|p| !p.lowest));
    map.curves[1].hidden = true;
    let layout = compute(&map, &LayoutMetrics::default(), &ApproxMeasure);
    assert_eq!(layout.curves.len(), 1);
}

#[test]
fn pain_markers_sit_on_their_anchor() {
    let map = juicer();
    let layout = compute(&map, &LayoutMetrics::default(), &ApproxMeasure);
    let place = |card: &str| {
        layout
            .pain_markers
            .iter()
            .find(|m| m.cards.iter().any(|c| c.as_str() == card))
            .unwrap_or_else(|| panic!("no marker for {card}"))
    };
    // Pinned to the lowest point of "Hiện tại": beside that point.
    let on_point = place("c47");
    let point = layout.curves[0]
        .points
        .iter()
        .find(|p| p.step.as_str() == "st7")
        .unwrap_or_else(|| panic!("no point"));
    assert_eq!(
        on_point.place,
        MarkerPlace::Point {
            curve: Id::new("cv63"),
            step: Id::new("st7")
        }
    );
    assert!(on_point.pos.distance(point.pos) < 40.0);
    // Pinned to the email touchpoint: on its corner.
    let on_card = place("c48");
    assert_eq!(on_card.place, MarkerPlace::Card(Id::new("c29")));
    let card = layout
        .card(&Id::new("c29"))
        .unwrap_or_else(|| panic!("no card"));
    assert!(card.rect.expand(1.0).contains(on_card.pos));
    // Not pinned: at its step.
    assert_eq!(place("c46").place, MarkerPlace::Step);
    assert_eq!(place("c46").count(), 1);
}

/// Every emoji box of a layout: it lies in its lane and covers no other emoji, no curve point
/// (with its clearance) and no pain marker of its lane.
fn assert_emoji_clear(layout: &MapLayout, m: &LayoutMetrics, what: &str) {
    let boxes: Vec<(usize, &CurvePointBox, Rect)> = layout
        .curves
        .iter()
        .flat_map(|c| {
            c.points
                .iter()
                .map(move |p| (c.lane_index, p, p.emoji_rect(m)))
        })
        .collect();
    assert!(!boxes.is_empty(), "{what}: no emoji");
    for (i, &(lane, point, rect)) in boxes.iter().enumerate() {
        assert!(
            (rect.width() - m.emoji_size).abs() < 1e-3,
            "{what}: drawn size"
        );
        let row = layout.lanes[lane].row;
        assert!(
            row.contains_rect(rect),
            "{what}: {} outside its lane",
            point.step
        );
        for &(other_lane, other, other_rect) in &boxes[i + 1..] {
            assert!(
                other_lane != lane || !rect.intersects(other_rect),
                "{what}: emoji at {} and {} overlap: {rect:?} {other_rect:?}",
                point.step,
                other.step
            );
        }
        for &(other_lane, other, _) in &boxes {
            assert!(
                other_lane != lane || !disc_touches(rect, other.pos, m.point_clearance),
                "{what}: emoji at {} covers the point at {}",
                point.step,
                other.step
            );
        }
        for marker in layout.pain_markers.iter().filter(|k| row.contains(k.pos)) {
            assert!(
                !disc_touches(rect, marker.pos, m.pain_marker_radius),
                "{what}: emoji at {} covers a pain marker",
                point.step
            );
        }
    }
}

#[test]
fn emoji_of_two_curves_at_one_step_do_not_overlap() {
    let map = juicer();
    let m = LayoutMetrics::default();
    let layout = compute(&map, &m, &ApproxMeasure);
    let at = |curve: usize, step: &str| {
        layout.curves[curve]
            .points
            .iter()
            .find(|p| p.step.as_str() == step)
            .unwrap_or_else(|| panic!("no point"))
    };
    // st14: as-is +0.5, to-be +1.5: the as-is emoji above its point would cover the to-be
    // point, so it moves (below its point), and neither box covers a point.
    let (a, b) = (at(0, "st14"), at(1, "st14"));
    assert!(
        !a.emoji_rect(&m).intersects(b.emoji_rect(&m)),
        "{a:?} {b:?}"
    );
    assert!(!disc_touches(a.emoji_rect(&m), b.pos, m.point_clearance));
    assert!(!disc_touches(b.emoji_rect(&m), a.pos, m.point_clearance));
    // The upper curve keeps its emoji right above its point.
    assert!((b.emoji_pos.x - b.pos.x).abs() < 1e-3 && b.emoji_pos.y < b.pos.y);
    // st7: as-is −1.5, to-be +1: far apart, both right above their points.
    let (a, b) = (at(0, "st7"), at(1, "st7"));
    assert!((a.emoji_pos.x - b.emoji_pos.x).abs() < 1e-3);
    assert!(a.emoji_pos.y < a.pos.y && b.emoji_pos.y < b.pos.y);
    assert_emoji_clear(&layout, &m, "juicer");
}

#[test]
fn emoji_never_cover_an_emoji_a_point_or_a_marker() {
    let m = LayoutMetrics::default();
    for sample in crate::file::samples::samples() {
        let map = crate::file::samples::load_sample(sample).unwrap_or_else(|e| panic!("{e}"));
        if map.curves.is_empty() {
            continue;
        }
        assert_emoji_clear(&compute(&map, &m, &ApproxMeasure), &m, sample.file_name);
    }
    // Three curves on the same scores everywhere, and on neighbouring ones: the worst crowd.
    let mut map = juicer();
    let mut third = map.curves[0].clone();
    third.id = Id::new("cv-third");
    map.curves.push(third);
    assert_emoji_clear(&compute(&map, &m, &ApproxMeasure), &m, "three curves");
    for (k, point) in map.curves[2].points.iter_mut().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a few points")]
        let step = (k % 3) as f32 * 0.5;
        point.score = (point.score + step - 0.5).clamp(-EMOTION_MAX, EMOTION_MAX);
    }
    assert_emoji_clear(&compute(&map, &m, &ApproxMeasure), &m, "three close curves");
    // At the extremes of the scale the boxes still fit in the lane.
    for point in &mut map.curves[1].points {
        point.score = EMOTION_MAX;
    }
    for point in &mut map.curves[0].points {
        point.score = -EMOTION_MAX;
    }
    assert_emoji_clear(&compute(&map, &m, &ApproxMeasure), &m, "extremes");
}

#[test]
fn vote_dots_have_a_row_of_their_own_under_the_text() {
    let map = juicer();
    let m = LayoutMetrics::default();
    let layout = compute(&map, &m, &ApproxMeasure);
    let mut rows = 0;
    for b in &layout.cards {
        let card = &map.cards[b.card_index];
        let Some(row) = b.votes else {
            assert!(
                card.pain.is_none() && card.opportunity.is_none(),
                "{}",
                card.id
            );
            continue;
        };
        rows += 1;
        // Below the text's last line, inside the card, as tall as the metrics say.
        let last_line_bottom = b.text.min.y
            + ApproxMeasure.wrapped_height(&card.text, m.card_font_size, m.card_text_width());
        assert!(
            row.min.y >= last_line_bottom - 1e-3,
            "{}: {row:?} {b:?}",
            card.id
        );
        assert!(row.min.y >= b.text.max.y - 1e-3);
        assert!(b.rect.contains_rect(row), "{}", card.id);
        assert!((row.height() - m.vote_row_height).abs() < 1e-3);
    }
    // The four pain points and the four opportunities of the sample.
    assert_eq!(
        rows,
        map.pain_points().count() + map.opportunities().count()
    );
    assert!(rows >= 2);
}

#[test]
fn empty_map_has_empty_layout() {
    let layout = compute(
        &JourneyMap::new("x"),
        &LayoutMetrics::default(),
        &ApproxMeasure,
    );
    assert!(layout.cards.is_empty());
    assert_eq!(layout.size.y, 72.0);
}

#[test]
fn the_cards_in_an_area_are_those_a_look_at_every_card_finds() {
    let map = synth_map(SynthSize {
        stages: 5,
        steps: 12,
        lanes: 8,
        cards: 600,
    });
    let collapsed: std::collections::BTreeSet<Id> = [map.lanes[1].id.clone()].into();
    let layout =
        compute_with_collapsed(&map, &LayoutMetrics::default(), &ApproxMeasure, &collapsed);
    let size = layout.size;
    let mut areas = vec![
        Rect::from_min_size(Pos2::ZERO, size),
        Rect::from_min_size(pos2(-50.0, -50.0), vec2(10.0, 10.0)),
        Rect::NOTHING,
    ];
    // A grid of areas of several sizes over the map, and every card's own corners.
    for i in 0..9 {
        for j in 0..9 {
            let at = pos2(size.x * i as f32 / 9.0, size.y * j as f32 / 9.0);
            areas.push(Rect::from_min_size(
                at,
                vec2(173.0, 91.0) * (1 + (i + j) % 4) as f32,
            ));
        }
    }
    areas.extend(
        layout
            .cards
            .iter()
            .map(|c| Rect::from_min_max(c.rect.max, c.rect.max)),
    );
    for area in areas {
        let every: Vec<&Id> = layout
            .cards
            .iter()
            .filter(|c| c.rect.intersects(area))
            .map(|c| &c.id)
            .collect();
        let found: Vec<&Id> = layout.cards_in(area).iter().map(|c| &c.id).collect();
        assert_eq!(found, every, "{area:?}");
    }
    let corner = layout.cards[7].rect.center();
    assert_eq!(
        layout.card_at(corner).map(|c| &c.id),
        Some(&layout.cards[7].id)
    );
}
