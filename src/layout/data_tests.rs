//! The customer data's room on cards and the measured curve, on small hand-made maps.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::layout::{ApproxMeasure, compute, compute_with_collapsed, compute_with_data};
use crate::model::testing::{lane, zalo_oa_map};
use crate::model::{
    Direction, EmotionCurve, EmotionPoint, MetricSnapshot, MetricValues, Target, TouchpointMetrics,
};

fn values(customers: u64, conversion: f64, csat: f64) -> MetricValues {
    MetricValues {
        events: customers * 2,
        customers,
        conversion_rate: Some(conversion),
        csat: Some(csat),
        csat_answers: customers / 2,
        nps: Some(20.0),
        nps_answers: customers / 2,
    }
}

/// The one-card Zalo OA map with a long card text, an emotion lane with an assumed curve at
/// +2, and two imports: the card has all four numbers, three months of trend and CSAT 1.5
/// (score −1.5, more than one point from the assumed +2).
fn map_with_data() -> JourneyMap {
    let mut map = zalo_oa_map();
    map.cards[0].text = "Zalo OA: tin nhắn chào mừng, nhắc tích điểm và ưu đãi sinh nhật \
                         cho thành viên Hoa Mộc Club"
        .into();
    map.lanes.push(lane("l5", "Cảm xúc", LaneKind::Emotions));
    map.curves.push(EmotionCurve {
        id: Id::new("cv6"),
        name: "Giả định".into(),
        color: crate::model::ColorToken::Blue,
        points: vec![EmotionPoint {
            step: Id::new("st2"),
            score: 2.0,
            emoji: None,
            note: String::new(),
        }],
        hidden: false,
    });
    map.next_id = 7;
    let snapshot = |conversion: f64, months: &[&str]| MetricSnapshot {
        overall: values(200, 0.5, 3.0),
        touchpoints: vec![TouchpointMetrics {
            value: "Zalo OA".into(),
            card: Some(Id::new("c4")),
            total: values(100, conversion, 1.5),
            months: months
                .iter()
                .map(|m| ((*m).to_owned(), values(30, conversion, 1.5)))
                .collect(),
        }],
        ..MetricSnapshot::default()
    };
    map.metrics.snapshots = vec![
        snapshot(0.3, &["2026-01", "2026-02"]),
        snapshot(0.25, &["2026-02", "2026-03"]),
    ];
    map
}

#[test]
fn a_card_with_data_keeps_room_for_badges_under_its_text() {
    let map = map_with_data();
    let m = LayoutMetrics::default();
    let plain = compute(&map, &m, &ApproxMeasure);
    let with = compute_with_data(
        &map,
        &m,
        &ApproxMeasure,
        &Default::default(),
        &DataOptions::default(),
    );
    let (before, after) = (&plain.cards[0], &with.cards[0]);
    // The text keeps its height; the card grows by the data's room.
    assert!((before.text.height() - after.text.height()).abs() < 1e-3);
    let data = after.data.as_ref().unwrap();
    assert!((after.rect.height() - before.rect.height() - data.area.height()).abs() < 1e-3);
    // Four badges, two rows, under the text and inside the card; a sparkline strip; one flag
    // (conversion 25 % is below the overall 50 %).
    assert_eq!(data.badges.len(), 4);
    assert_eq!(
        data.badges.iter().map(|(m, _)| *m).collect::<Vec<_>>(),
        vec![
            MetricKind::Customers,
            MetricKind::ConversionRate,
            MetricKind::Csat,
            MetricKind::Nps
        ]
    );
    assert_eq!(data.flags.len(), 1);
    let sparkline = data.sparkline.unwrap();
    let mut boxes: Vec<Rect> = data.badges.iter().map(|(_, r)| *r).collect();
    boxes.extend(data.flags.iter().map(|(_, r)| *r));
    boxes.push(sparkline);
    for (i, r) in boxes.iter().enumerate() {
        assert!(r.min.y >= after.text.max.y - 1e-3, "{r:?} over the text");
        assert!(after.rect.contains_rect(*r), "{r:?} outside the card");
        for other in &boxes[i + 1..] {
            assert!(r.intersect(*other).area() <= 1e-3, "{r:?} over {other:?}");
        }
    }
}

#[test]
fn a_map_without_data_lays_out_exactly_as_before() {
    let mut map = map_with_data();
    map.metrics.snapshots.clear();
    let m = LayoutMetrics::default();
    let plain = compute_with_collapsed(&map, &m, &ApproxMeasure, &Default::default());
    let with = compute_with_data(
        &map,
        &m,
        &ApproxMeasure,
        &Default::default(),
        &DataOptions::default(),
    );
    assert_eq!(plain.size, with.size);
    for (a, b) in plain.cards.iter().zip(&with.cards) {
        assert_eq!(a.rect, b.rect);
        assert_eq!(a.text, b.text);
        assert!(b.data.is_none());
    }
    assert!(with.measured.is_empty());
}

#[test]
fn badges_off_gives_no_room() {
    let map = map_with_data();
    let m = LayoutMetrics::default();
    let off = DataOptions {
        badges: false,
        ..DataOptions::default()
    };
    let with = compute_with_data(&map, &m, &ApproxMeasure, &Default::default(), &off);
    let plain = compute(&map, &m, &ApproxMeasure);
    assert_eq!(with.cards[0].rect, plain.cards[0].rect);
    assert!(with.cards[0].data.is_none());
}

#[test]
fn the_sparkline_is_drawn_only_when_big_enough_on_screen() {
    let map = map_with_data();
    let m = LayoutMetrics::default();
    let layout = compute_with_data(
        &map,
        &m,
        &ApproxMeasure,
        &Default::default(),
        &DataOptions::default(),
    );
    let strip = layout.cards[0].data.as_ref().unwrap().sparkline.unwrap();
    assert!(sparkline_shown(strip, 1.0));
    // At a third, the 22-point strip is 7 points high on screen: hidden.
    assert!(!sparkline_shown(strip, 0.33));
    assert!(strip.height() * 0.33 < SPARKLINE_MIN_SCREEN_HEIGHT);
}

#[test]
fn one_month_of_trend_keeps_no_sparkline_strip() {
    let mut map = map_with_data();
    for s in &mut map.metrics.snapshots {
        s.touchpoints[0].months.truncate(0);
    }
    map.metrics.snapshots[1].touchpoints[0].months =
        vec![("2026-03".to_owned(), values(30, 0.25, 1.5))];
    let data = cards_data(&map, &DataOptions::default());
    assert!(!data[&Id::new("c4")].trend);
}

#[test]
fn a_missed_target_adds_a_flag_row() {
    let mut map = map_with_data();
    map.metrics.targets.push(Target {
        subject: Id::new("c4"),
        metric: MetricKind::Csat,
        value: 4.0,
        direction: Direction::Higher,
    });
    let data = cards_data(&map, &DataOptions::default());
    assert_eq!(
        data[&Id::new("c4")].flags,
        vec![MetricKind::ConversionRate, MetricKind::Csat]
    );
}

#[test]
fn the_measured_curve_marks_steps_far_from_the_assumed_one() {
    let map = map_with_data();
    let m = LayoutMetrics::default();
    let layout = compute_with_data(
        &map,
        &m,
        &ApproxMeasure,
        &Default::default(),
        &DataOptions::default(),
    );
    assert_eq!(layout.measured.len(), 1);
    let shape = &layout.measured[0];
    let point = &shape.points[0];
    assert!((point.score - -1.5).abs() < 1e-6);
    assert_eq!(point.answers, 50);
    let assumed = &layout.curves[0].points[0];
    let divergence = point.divergence.as_ref().unwrap();
    assert_eq!(divergence.assumed_pos, assumed.pos);
    assert!(divergence.band.contains(point.pos) && divergence.band.contains(assumed.pos));
    // Off, or with the assumed curve at −1 (half a point away), nothing is marked.
    let off = compute_with_data(
        &map,
        &m,
        &ApproxMeasure,
        &Default::default(),
        &DataOptions {
            measured: false,
            ..DataOptions::default()
        },
    );
    assert!(off.measured.is_empty());
    let mut close = map.clone();
    close.curves[0].points[0].score = -1.0;
    let layout = compute_with_data(
        &close,
        &m,
        &ApproxMeasure,
        &Default::default(),
        &DataOptions::default(),
    );
    assert!(layout.measured[0].points[0].divergence.is_none());
}

#[test]
fn a_sparkline_runs_left_to_right_from_the_lowest_value_at_the_bottom_to_the_highest_at_the_top() {
    let rect = Rect::from_min_max(emath::pos2(10.0, 20.0), emath::pos2(50.0, 30.0));
    let points = sparkline_points(
        &[("2026-01", 2.0), ("2026-02", 4.0), ("2026-03", 3.0)],
        rect,
    );
    assert_eq!(
        points,
        vec![
            emath::pos2(10.0, 30.0),
            emath::pos2(30.0, 20.0),
            emath::pos2(50.0, 25.0)
        ]
    );
    // All equal: a flat line in the middle; one value: nothing to draw.
    let flat = sparkline_points(&[(1, 5.0), (2, 5.0)], rect);
    assert_eq!(flat, vec![emath::pos2(10.0, 25.0), emath::pos2(50.0, 25.0)]);
    assert!(sparkline_points(&[(1, 5.0)], rect).is_empty());
}

#[test]
fn curves_laid_out_again_equal_a_layout_made_afresh() {
    let m = LayoutMetrics::default();
    let options = DataOptions::default();
    assert!(options.measured, "the measured curve is on by default");
    let map = map_with_data();
    let mut layout = compute_with_data(&map, &m, &ApproxMeasure, &Default::default(), &options);
    assert!(!layout.measured.is_empty() && !layout.curves.is_empty());
    // The assumed point moves next to the measured one: the divergence band goes.
    let mut moved = map.clone();
    moved.curves[0].points[0].score = -1.0;
    super::super::recompute_curves(&mut layout, &moved, &m);
    let fresh = compute_with_data(&moved, &m, &ApproxMeasure, &Default::default(), &options);
    assert_eq!(format!("{layout:?}"), format!("{fresh:?}"));
    let before = compute_with_data(&map, &m, &ApproxMeasure, &Default::default(), &options);
    assert_ne!(
        format!("{:?}", before.measured),
        format!("{:?}", fresh.measured),
        "the move changes the measured curve's divergence"
    );
    assert_ne!(
        format!("{:?}", before.curves),
        format!("{:?}", fresh.curves)
    );
}
