//! Tests of the layout: the grid, the curves and the pain markers.

use super::curves::tint_pieces;
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
            .map_or_else(|| panic!("no point"), |p| p.emoji_pos)
    };
    // st14: as-is +0.5, to-be +1.5: closer than an emoji, so side by side.
    let (a, b) = (at(0, "st14"), at(1, "st14"));
    assert!((a.x - b.x).abs() >= m.emoji_size - 1e-3, "{a:?} {b:?}");
    // st7: as-is −1.5, to-be +1: far apart, both centred on the step.
    let (a, b) = (at(0, "st7"), at(1, "st7"));
    assert!((a.x - b.x).abs() < 1e-3);
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
