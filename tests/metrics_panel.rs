//! The customer-data panel and the targets in the inspector, through the real app: the stage
//! funnel, a touchpoint's monthly trend following the selection, deleting an import (with its
//! confirmation) and undoing it, typing a target Vietnamese-style, adding a pain point from a
//! flagged reading, and the empty state of a map without data.

mod common;

use common::{click_at, map_of};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use journeymap::analysis::data_view::{DEFAULT_TREND_CARDS, data_cards, default_trend_cards};
use journeymap::analysis::overlay::{
    FlagReason, card_reading, flag_reason, format_value, funnel, trend,
};
use journeymap::model::{Direction, Evidence, Id, JourneyMap, MetricKind, Target};
use journeymap::ui::kit::i18n::Lang;
use journeymap::ui::kit::labels::card_name;
use journeymap::ui::{JourneyApp, OpenMap, Prefs};

/// The weak touchpoint of the demo data: it converts below the overall rate.
const WEAK: &str = "Zalo Mini App Hoa Mộc Club: cho phép chia sẻ số điện thoại";

fn app_on(map: JourneyMap, prefs: Prefs) -> Harness<'static, JourneyApp> {
    let app = JourneyApp::new(Some(OpenMap::unsaved(map)), None).with_prefs(prefs);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    common::fit_whole(&mut h);
    h
}

/// The Zalo sample with two imports, the customer data open in the dock.
fn with_panel() -> Harness<'static, JourneyApp> {
    app_on(
        common::zalo_with_data(),
        Prefs {
            show_data: true,
            ..Prefs::default()
        },
    )
}

fn card_id(map: &JourneyMap, text: &str) -> Id {
    map.cards
        .iter()
        .find(|c| c.text == text)
        .map_or_else(|| panic!("no card {text}"), |c| c.id.clone())
}

/// Clicks a card on the canvas, by its text.
fn click_card(h: &mut Harness<'static, JourneyApp>, text: &str) {
    let label = format!("Card: {text}");
    let pos = h
        .get_all_by_label_contains(&label)
        .next()
        .unwrap_or_else(|| panic!("no card {text} on the canvas"))
        .rect()
        .center();
    click_at(h, pos, Modifiers::NONE);
}

/// How many points of the trend chart belong to `card` (their labels start with its name).
fn trend_points(h: &Harness<'static, JourneyApp>, map: &JourneyMap, card: &Id) -> usize {
    let name = map
        .card(card)
        .map(|c| card_name(Lang::En, c))
        .unwrap_or_default();
    let prefix = format!("{name} — ");
    h.query_all_by(|node| node.label().is_some_and(|l| l.starts_with(&prefix)))
        .count()
}

#[test]
fn the_funnel_shows_every_stage_of_the_map_with_the_customers_it_reached() {
    let h = with_panel();
    let map = map_of(&h);
    let stages = funnel(&map);
    assert!(!stages.is_empty(), "the demo data has stages");
    for stage in &map.stages {
        let data = stages
            .iter()
            .find(|s| s.stage.as_ref() == Some(&stage.id))
            .unwrap_or_else(|| panic!("the demo data has stage {}", stage.name));
        #[expect(clippy::cast_precision_loss, reason = "customer counts")]
        let customers = format_value(MetricKind::Customers, data.customers as f64, false);
        let reach = format_value(MetricKind::Continuation, data.reach, false);
        let row = format!(
            "{}: {customers} customers, {reach} of the first stage",
            stage.name
        );
        let node = h.get_by_label_contains(&row);
        let label = node.accesskit_node().label().unwrap_or_default();
        if let Some(next) = data.continuation {
            let next = format_value(MetricKind::Continuation, next, false);
            assert!(
                label.contains(&format!("{next} go on to the next stage")),
                "{label}"
            );
        }
    }
    // The overall conversion, as the data computes it.
    let overall = map
        .metrics
        .latest()
        .and_then(|s| s.overall.conversion_rate)
        .unwrap_or_else(|| panic!("an overall rate"));
    let overall = format_value(MetricKind::ConversionRate, overall, false);
    h.get_by_label_contains(&format!("overall conversion {overall}"));
}

#[test]
fn selecting_a_touchpoint_card_shows_its_monthly_trend() {
    let mut h = with_panel();
    let map = map_of(&h);
    let shown = default_trend_cards(&map, &[], DEFAULT_TREND_CARDS);
    // A touchpoint with data that the chart does not show by default.
    let other = data_cards(&map)
        .into_iter()
        .find(|c| !shown.contains(c))
        .unwrap_or_else(|| panic!("a touchpoint not shown by default"));
    assert_eq!(trend_points(&h, &map, &other), 0);
    for card in &shown {
        let months = trend(&map, card, MetricKind::ConversionRate).len();
        assert_eq!(trend_points(&h, &map, card), months);
    }
    let text = map.card(&other).map(|c| c.text.clone()).unwrap_or_default();
    click_card(&mut h, &text);
    assert_eq!(
        h.state().editor().selection.cards,
        std::slice::from_ref(&other)
    );
    let months = trend(&map, &other, MetricKind::ConversionRate);
    assert!(months.len() >= 2, "the demo has several months");
    assert_eq!(trend_points(&h, &map, &other), months.len());
    // One point per month, with its value.
    let (month, value) = &months[0];
    let value = format_value(MetricKind::ConversionRate, *value, false);
    h.get_by_label(&format!(
        "{} — {month}: {value}",
        map.card(&other)
            .map(|c| card_name(Lang::En, c))
            .unwrap_or_default()
    ));
    for card in shown.iter().filter(|c| **c != other) {
        assert_eq!(trend_points(&h, &map, card), 0, "only the selected card");
    }
}

#[test]
fn deleting_an_import_asks_first_and_undo_brings_it_back() {
    let mut h = with_panel();
    let before = map_of(&h);
    assert_eq!(before.metrics.snapshots.len(), 2);
    let newest = "Delete import zalo-mini-app-loyalty-data.csv of 2026-11-01";
    // Cancel leaves it.
    h.get_by_label(newest).click();
    h.run();
    h.get_by_label("Delete this import?");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Delete this import?").is_none());
    assert_eq!(map_of(&h).metrics.snapshots.len(), 2);
    // Confirmed, it goes: the older import is what is left.
    h.get_by_label(newest).click();
    h.run();
    h.get_by_label("Delete import").click();
    h.run();
    let after = map_of(&h);
    assert_eq!(after.metrics.snapshots.len(), 1);
    assert_eq!(after.metrics.snapshots[0].source.imported, "2026-09-01");
    assert!(h.query_by_label(newest).is_none());
    common::check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn keys_do_not_reach_the_map_behind_the_delete_confirmation() {
    // A card selected on the map, then the confirmation asked: Delete and Ctrl+Z are the
    // dialog's business, never the map's.
    let mut h = with_panel();
    click_card(&mut h, WEAK);
    let cards = map_of(&h).cards.len();
    h.get_by_label("Delete import zalo-mini-app-loyalty-data.csv of 2026-11-01")
        .click();
    h.run();
    h.get_by_label("Delete this import?");
    common::key(&mut h, Key::Delete, Modifiers::NONE);
    assert_eq!(
        map_of(&h).cards.len(),
        cards,
        "a card was deleted behind the dialog"
    );
    common::key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(map_of(&h).cards.len(), cards);
    assert_eq!(map_of(&h).metrics.snapshots.len(), 2);
    h.get_by_label("Cancel").click();
    h.run();
    // With the dialog gone, Delete reaches the selected card again.
    common::key(&mut h, Key::Delete, Modifiers::NONE);
    assert_eq!(map_of(&h).cards.len(), cards - 1);
}

#[test]
fn a_target_typed_then_left_by_clicking_another_card_is_kept() {
    // Typing "50" and clicking straight onto another card (or the canvas's empty corner, which
    // folds the inspector away): the target is applied to the card it was typed for.
    let mut h = app_on(common::zalo_with_data(), Prefs::default());
    let weak = card_id(&map_of(&h), WEAK);
    click_card(&mut h, WEAK);
    h.get_by_label("Conversion target").click();
    h.run();
    common::type_text(&mut h, "50");
    click_card(&mut h, "Standee có mã QR tại quầy mỹ phẩm trong siêu thị");
    let map = map_of(&h);
    let target = map.metrics.target(&weak, MetricKind::ConversionRate);
    assert_eq!(target.map(|t| t.value), Some(0.5), "{target:?}");
    // The same with a click on the canvas's empty corner (the inspector folds away).
    let standee = card_id(&map, "Standee có mã QR tại quầy mỹ phẩm trong siêu thị");
    h.get_by_label("Conversion target").click();
    h.run();
    common::type_text(&mut h, "40");
    common::click_at(&mut h, egui::pos2(60.0, 90.0), Modifiers::NONE);
    h.run();
    let target = map_of(&h)
        .metrics
        .target(&standee, MetricKind::ConversionRate)
        .cloned();
    assert_eq!(target.map(|t| t.value), Some(0.4));
    let map = map_of(&h);
    let target = map.metrics.target(&weak, MetricKind::ConversionRate);
    assert_eq!(target.map(|t| t.value), Some(0.5), "{target:?}");
    assert_eq!(map.metrics.targets.len(), 2);
}

#[test]
fn a_target_typed_in_the_inspector_is_stored_and_flags_the_reading() {
    let mut h = app_on(common::zalo_with_data(), Prefs::default());
    let map = map_of(&h);
    let weak = card_id(&map, WEAK);
    click_card(&mut h, WEAK);
    let field = "Conversion target";
    // Vietnamese style: a decimal comma, in percent.
    h.get_by_label(field).click();
    h.run();
    common::type_text(&mut h, "45,5");
    common::key(&mut h, Key::Enter, Modifiers::NONE);
    let target = map_of(&h)
        .metrics
        .target(&weak, MetricKind::ConversionRate)
        .cloned();
    let value = target.as_ref().map_or(0.0, |t| t.value);
    assert!((value - 0.455).abs() < 1e-9, "{target:?}");
    // Retyped as "50": a target of 50 %, higher is better, which the touchpoint misses.
    h.get_by_label(field).click();
    h.run();
    for _ in 0..8 {
        common::key(&mut h, Key::Backspace, Modifiers::NONE);
    }
    common::type_text(&mut h, "50");
    common::key(&mut h, Key::Enter, Modifiers::NONE);
    let map = map_of(&h);
    assert_eq!(
        map.metrics.target(&weak, MetricKind::ConversionRate),
        Some(&Target {
            subject: weak.clone(),
            metric: MetricKind::ConversionRate,
            value: 0.5,
            direction: Direction::Higher,
        })
    );
    let reading = card_reading(&map, &weak, MetricKind::ConversionRate)
        .unwrap_or_else(|| panic!("a conversion reading"));
    assert!(reading.flagged);
    assert_eq!(
        flag_reason(&map, &weak, MetricKind::ConversionRate, reading.value),
        Some(FlagReason::MissesTarget { target: 0.5 })
    );
    h.get_by_label_contains("Misses its target of 50 %");
    // Cleared, the target goes.
    h.get_by_label(field).click();
    h.run();
    for _ in 0..8 {
        common::key(&mut h, Key::Backspace, Modifiers::NONE);
    }
    common::key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(
        map_of(&h).metrics.target(&weak, MetricKind::ConversionRate),
        None
    );
    // Words are refused, with a note, and change nothing.
    h.get_by_label(field).click();
    h.run();
    common::type_text(&mut h, "năm mươi");
    common::key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(
        map_of(&h).metrics.target(&weak, MetricKind::ConversionRate),
        None
    );
    h.get_by_label_contains("Not a number");
}

#[test]
fn a_flagged_reading_adds_its_pain_point_once() {
    let mut h = app_on(common::zalo_with_data(), Prefs::default());
    let weak = card_id(&map_of(&h), WEAK);
    click_card(&mut h, WEAK);
    let cites = |map: &JourneyMap| {
        map.pain_points()
            .filter(|(_, p)| {
                p.evidence.iter().any(|e| {
                    matches!(e, Evidence::Measured { card, metric: MetricKind::ConversionRate } if *card == weak)
                })
            })
            .count()
    };
    let before = cites(&map_of(&h));
    assert_eq!(before, 0);
    h.get_by_label("⚠ Add pain point").click();
    h.run();
    assert_eq!(cites(&map_of(&h)), 1);
    // The new pain card is selected; back on the touchpoint, no second one is offered.
    click_card(&mut h, WEAK);
    assert!(h.query_by_label("⚠ Add pain point").is_none());
    h.get_by_label("A pain point already cites this number.");
}

#[test]
fn a_stage_takes_targets_on_customers_and_continuation() {
    let mut h = app_on(common::zalo_with_data(), Prefs::default());
    let map = map_of(&h);
    let stage = map.stages[0].clone();
    let pos = h
        .get_by_label(&format!("Stage: {}", stage.name))
        .rect()
        .center();
    click_at(&mut h, pos, Modifiers::NONE);
    h.get_by_label("Customers target").click();
    h.run();
    common::type_text(&mut h, "1.200");
    common::key(&mut h, Key::Enter, Modifiers::NONE);
    h.get_by_label("Continuation target").click();
    h.run();
    common::type_text(&mut h, "80 %");
    common::key(&mut h, Key::Enter, Modifiers::NONE);
    let map = map_of(&h);
    let value = |metric| map.metrics.target(&stage.id, metric).map(|t| t.value);
    assert_eq!(value(MetricKind::Customers), Some(1200.0));
    assert!(value(MetricKind::Continuation).is_some_and(|v| (v - 0.8).abs() < 1e-9));
}

#[test]
fn a_map_without_data_says_how_to_import() {
    let mut h = app_on(common::juicer(), Prefs::default());
    assert!(
        h.query_by_label("This map has no customer data yet.")
            .is_none()
    );
    // Ctrl+Shift+D opens the panel (the View menu has it too).
    common::key(&mut h, Key::D, Modifiers::COMMAND | Modifiers::SHIFT);
    assert!(h.state().prefs().show_data);
    h.get_by_label("This map has no customer data yet.");
    h.get_by_label("File → Import customer data…");
    common::key(&mut h, Key::D, Modifiers::COMMAND | Modifiers::SHIFT);
    assert!(!h.state().prefs().show_data);
}
