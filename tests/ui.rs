//! The window, driven through `egui_kittest` with the bundled fonts.
//!
//! kittest panics on any character the fonts cannot draw, so opening every sample here is the
//! guard against tofu boxes in Vietnamese text and emoji.

mod common;

use egui::Theme;
use egui_kittest::kittest::Queryable as _;
use journeymap::model::template;
use journeymap::ui::{JourneyApp, OpenMap};

#[test]
fn every_sample_renders_without_missing_glyphs() {
    for path in common::samples() {
        for theme in [Theme::Light, Theme::Dark] {
            let mut harness = common::harness(JourneyApp::with_file(&path), theme);
            harness.run();
            let title = harness
                .state()
                .map()
                .map(|m| m.title.clone())
                .unwrap_or_default();
            assert!(!title.is_empty(), "{} did not open", path.display());
            harness.get_by_label(&format!("Map canvas: {title}"));
        }
    }
}

#[test]
fn every_template_renders_in_both_languages() {
    for t in template::templates() {
        for lang in template::Lang::ALL {
            let app = JourneyApp::new(Some(OpenMap::unsaved(t.instantiate(lang))), None);
            let mut harness = common::harness(app, Theme::Light);
            harness.run();
        }
    }
}

#[test]
fn zoom_buttons_step_and_fit_shows_everything() {
    let path = common::repo().join("samples/zalo-mini-app-loyalty.ron");
    let mut harness = common::harness(JourneyApp::with_file(&path), Theme::Light);
    harness.run();
    // The map opens readable; Fit shows it whole.
    harness.get_by_label("Fit").click();
    harness.run();
    let fitted = harness.state().view().zoom;
    assert!(fitted <= 1.0);
    harness.get_by_label("+").click();
    harness.run();
    let zoomed = harness.state().view().zoom;
    assert!(zoomed > fitted, "{zoomed} > {fitted}");
    harness.get_by_label("−").click();
    harness.get_by_label("−").click();
    harness.run();
    assert!(harness.state().view().zoom < zoomed);
    harness.get_by_label("Fit").click();
    harness.run();
    assert!((harness.state().view().zoom - fitted).abs() < 1e-3);
}

#[test]
fn dragging_the_canvas_pans() {
    let path = common::repo().join("samples/ecommerce-sneakers.ron");
    let mut harness = common::harness(JourneyApp::with_file(&path), Theme::Light);
    harness.run();
    let before = harness.state().view().offset;
    let start = egui::pos2(600.0, 500.0);
    harness.drag_at(start);
    harness.run();
    harness.hover_at(start + egui::vec2(-200.0, -100.0));
    harness.run();
    harness.drop_at(start + egui::vec2(-200.0, -100.0));
    harness.run();
    let after = harness.state().view().offset;
    assert!(
        (after - before - egui::vec2(-200.0, -100.0)).length() < 1.0,
        "{before:?} → {after:?}"
    );
}

#[test]
fn a_broken_file_shows_the_error_on_the_start_screen() {
    let path = common::repo().join("tests/bad/json.ron");
    let mut harness = common::harness(JourneyApp::with_file(&path), Theme::Dark);
    harness.run();
    assert!(harness.state().map().is_none());
    harness.get_by_label_contains("json.ron:1:1");
}
