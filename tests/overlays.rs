//! The customer data on the canvas, through the real app: badges with their changes, a missed
//! target's flag and its one-click pain point (once, undoable), the measured emotion curve with
//! its divergent steps, and heat chosen in the View menu.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use journeymap::analysis::overlay::{
    card_readings, divergent_steps, format_change, format_value, measured_curve,
};
use journeymap::edit::{Document, EditCommand};
use journeymap::model::{Direction, Evidence, Id, JourneyMap, MetricKind, Target};
use journeymap::ui::{JourneyApp, OpenMap};

fn harness_on(map: JourneyMap) -> Harness<'static, JourneyApp> {
    harness_in(map, journeymap::ui::Prefs::default())
}

fn harness_in(map: JourneyMap, prefs: journeymap::ui::Prefs) -> Harness<'static, JourneyApp> {
    let app = JourneyApp::new(Some(OpenMap::unsaved(map)), None).with_prefs(prefs);
    let mut harness = common::harness(app, egui::Theme::Light);
    harness.run();
    common::fit_whole(&mut harness);
    harness
}

/// The first touchpoint card with all four numbers and a change for each.
fn card_with_four_numbers(map: &JourneyMap) -> Id {
    journeymap::analysis::matching::touchpoint_cards(map)
        .find(|c| {
            let readings = card_readings(map, &c.id);
            readings.len() == 4 && readings.iter().all(|r| r.previous.is_some())
        })
        .map(|c| c.id.clone())
        .expect("the demo data gives a card all four numbers and changes")
}

/// The pain points whose evidence is `card`'s `metric`.
fn pains_from(map: &JourneyMap, card: &Id, metric: MetricKind) -> usize {
    map.cards
        .iter()
        .filter(|c| {
            c.pain.as_ref().is_some_and(|p| {
                p.evidence.contains(&Evidence::Measured {
                    card: card.clone(),
                    metric,
                })
            })
        })
        .count()
}

#[test]
fn a_card_with_data_shows_its_four_numbers_and_their_changes() {
    let map = common::zalo_with_data();
    let card = card_with_four_numbers(&map);
    let name = journeymap::ui::kit::labels::card_name(
        journeymap::ui::kit::i18n::Lang::En,
        map.card(&card).unwrap(),
    );
    let harness = harness_on(map.clone());
    let layout = harness.state().layout().unwrap();
    let data = layout.card(&card).unwrap().data.clone().unwrap();
    assert_eq!(data.badges.len(), 4);
    // The card's text ends above its badges.
    let text = layout.card(&card).unwrap().text;
    assert!(data.badges.iter().all(|(_, r)| r.min.y >= text.max.y));
    for reading in card_readings(&map, &card) {
        let label = format!(
            "{name}: {} {} {}",
            journeymap::analysis::overlay::metric_label(reading.metric),
            format_value(reading.metric, reading.value, false),
            format_change(reading.metric, reading.change().unwrap(), false),
        );
        harness.get_by_label(&label);
    }
    // Vietnamese: decimal commas.
    let vi = harness_in(
        map.clone(),
        journeymap::ui::Prefs {
            lang: journeymap::model::template::Lang::Vi,
            ..journeymap::ui::Prefs::default()
        },
    );
    let rate = card_readings(&map, &card)
        .into_iter()
        .find(|r| r.metric == MetricKind::ConversionRate)
        .unwrap();
    let value = format_value(rate.metric, rate.value, true);
    assert!(value.contains(','), "{value}");
    vi.get_by_label_contains(&format!("Chuyển đổi {value}"));
}

#[test]
fn a_missed_target_is_flagged_and_its_pain_point_added_once_and_undone() {
    let mut map = common::zalo_with_data();
    let card = card_with_four_numbers(&map);
    let csat = card_readings(&map, &card)
        .into_iter()
        .find(|r| r.metric == MetricKind::Csat)
        .unwrap();
    let mut doc = Document::new(map, false);
    doc.apply(EditCommand::SetTarget(Target {
        subject: card.clone(),
        metric: MetricKind::Csat,
        value: csat.value + 0.5,
        direction: Direction::Higher,
    }))
    .unwrap();
    map = doc.map().clone();
    assert!(
        card_readings(&map, &card)
            .iter()
            .any(|r| r.metric == MetricKind::Csat && r.flagged)
    );
    let name = journeymap::ui::kit::labels::card_name(
        journeymap::ui::kit::i18n::Lang::En,
        map.card(&card).unwrap(),
    );
    let mut harness = harness_on(map);
    let flags = &harness.state().layout().unwrap().card(&card).unwrap();
    let flags = flags.data.clone().unwrap().flags;
    assert!(flags.iter().any(|(m, _)| *m == MetricKind::Csat));
    // The flag says why.
    harness.get_by_label(&format!(
        "{name}: CSAT {} misses its target {}",
        format_value(MetricKind::Csat, csat.value, false),
        format_value(MetricKind::Csat, csat.value + 0.5, false),
    ));

    harness
        .get_by_label(&format!("Add pain point: {name} (CSAT)"))
        .click();
    harness.run();
    let after = common::map_of(&harness);
    assert_eq!(pains_from(&after, &card, MetricKind::Csat), 1);

    // A second click adds none: the flag now says the pain point exists and selects it.
    harness
        .get_by_label(&format!("Pain point added: {name} (CSAT)"))
        .click();
    harness.run();
    let again = common::map_of(&harness);
    assert_eq!(pains_from(&again, &card, MetricKind::Csat), 1);
    assert_eq!(again.cards.len(), after.cards.len());

    // Undo takes it away.
    common::key(&mut harness, egui::Key::Z, egui::Modifiers::COMMAND);
    let undone = common::map_of(&harness);
    assert_eq!(pains_from(&undone, &card, MetricKind::Csat), 0);
    assert_eq!(undone.cards.len(), after.cards.len() - 1);
}

#[test]
fn the_measured_curve_is_drawn_from_csat_with_its_divergent_steps_highlighted() {
    let map = common::zalo_with_a_wrong_assumption();
    let measured = measured_curve(&map);
    assert!(!measured.is_empty());
    let assumed = map.curves.iter().find(|c| !c.hidden).unwrap();
    let divergent = divergent_steps(&measured, assumed);
    assert!(
        !divergent.is_empty(),
        "the demo data parts from the assumed curve somewhere"
    );
    let harness = harness_on(map.clone());
    let layout = harness.state().layout().unwrap();
    assert_eq!(layout.measured.len(), 1, "one emotion lane");
    let shape = &layout.measured[0];
    assert_eq!(shape.points.len(), measured.len());
    let highlighted: Vec<&Id> = shape
        .points
        .iter()
        .filter(|p| p.divergence.is_some())
        .map(|p| &p.step)
        .collect();
    assert_eq!(highlighted.len(), divergent.len());
    for point in shape.points.iter().filter(|p| p.divergence.is_some()) {
        assert!(divergent.contains(&point.step));
        let step_x = layout.steps[point.step_index].header.center().x;
        assert!((point.pos.x - step_x).abs() < 1e-3);
        let d = point.divergence.as_ref().unwrap();
        assert!((d.assumed_pos.x - step_x).abs() < 1e-3);
        let assumed_point = layout.curves[0]
            .points
            .iter()
            .find(|p| p.step == point.step)
            .unwrap();
        assert_eq!(d.assumed_pos, assumed_point.pos);
    }
    // Every point says its answers; every divergent step its two values.
    for m in &measured {
        harness.get_by_label_contains(&format!("from {} answers", m.answers));
    }
    assert_eq!(
        harness
            .query_all_by_label_contains("more than one point apart")
            .count(),
        2 * divergent.len(),
        "the band and the point of each divergent step"
    );
}

/// The fill of the rectangle painted exactly over `rect` (screen points), last one painted.
fn painted_fill(harness: &Harness<'static, JourneyApp>, rect: egui::Rect) -> egui::Color32 {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Rect(r)
                if (r.rect.min - rect.min).length() < 0.5
                    && (r.rect.max - rect.max).length() < 0.5 =>
            {
                Some(r.fill)
            }
            _ => None,
        })
        .next_back()
        .expect("a rectangle painted over the card")
}

#[test]
fn heat_chosen_in_the_view_menu_tints_the_cards_from_worst_to_best() {
    let map = common::zalo_with_data();
    let heat = journeymap::analysis::overlay::heat(&map, MetricKind::ConversionRate);
    let worst = heat
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap()
        .0
        .clone();
    let best = heat
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap()
        .0
        .clone();
    // The fills are read from the frame's shapes: the canvas cache would hand them over as
    // meshes.
    let app = JourneyApp::new(Some(OpenMap::unsaved(map.clone())), None).with_canvas_cache(false);
    let mut harness = common::harness(app, egui::Theme::Light);
    harness.run();
    common::fit_whole(&mut harness);
    let screen_rect = |harness: &Harness<'static, JourneyApp>, id: &Id| {
        let text = &map.card(id).unwrap().text;
        harness.get_by_label(&format!("Card: {text}")).rect()
    };
    let (worst_rect, best_rect) = (screen_rect(&harness, &worst), screen_rect(&harness, &best));
    let before = (
        painted_fill(&harness, worst_rect),
        painted_fill(&harness, best_rect),
    );
    assert_eq!(
        before.0, before.1,
        "both touchpoints share the lane's colour"
    );

    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Data on the map").click();
    harness.run();
    harness.get_by_label("Conversion").click();
    harness.run();
    assert_eq!(
        harness.state().editor().data.heat,
        Some(MetricKind::ConversionRate)
    );
    let theme = journeymap::ui::kit::theme::Theme::light();
    let after = (
        painted_fill(&harness, worst_rect),
        painted_fill(&harness, best_rect),
    );
    assert_eq!(after.0, theme.heat_fill(0.0));
    assert_eq!(after.1, theme.heat_fill(1.0));
    assert_ne!(after.0, after.1);
}

#[test]
fn a_map_without_data_offers_no_heat() {
    let map = common::juicer();
    assert!(map.metrics.latest().is_none());
    let mut harness = harness_on(map);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Data on the map").click();
    harness.run();
    harness.get_by_label("No customer data imported yet.");
    for label in ["Customers", "Conversion", "CSAT", "NPS", "Show badges"] {
        assert!(
            harness.get_by_label(label).accesskit_node().is_disabled(),
            "{label} is offered without data"
        );
    }
}
