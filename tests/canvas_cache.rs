//! The canvas cache (issue 13) through the real UI: lanes, cards and curves are painted and
//! tessellated once and reused while nothing they show changes; an edit, an undo, a zoom, a
//! theme or a language switch paints them again; a pan moves them without painting.

mod common;

use common::{cell_center, double_click, drag, key, map_of, type_text};
use egui::{Key, Modifiers, Vec2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use journeymap::model::Id;
use journeymap::model::template::Lang;
use journeymap::ui::{JourneyApp, OpenMap};

fn rebuilds(h: &Harness<'static, JourneyApp>) -> u64 {
    h.state().editor().canvas_rebuilds()
}

/// The aisas template in Vietnamese, the whole map shown, settled.
fn settled() -> Harness<'static, JourneyApp> {
    let mut h = common::editor_on_template("aisas", Lang::Vi);
    h.run_steps(3);
    h
}

#[test]
fn still_frames_and_a_moving_pointer_reuse_the_canvas() {
    let mut h = settled();
    let before = rebuilds(&h);
    assert!(before >= 1, "the canvas was painted at least once");
    h.run_steps(10);
    for i in 0..10 {
        let i = i as f32;
        h.event(egui::Event::PointerMoved(pos2(
            400.0 + 13.0 * i,
            300.0 + 7.0 * i,
        )));
        h.step();
    }
    assert_eq!(rebuilds(&h), before);
}

#[test]
fn typing_a_card_and_undoing_paint_the_canvas_again() {
    let mut h = settled();
    let cell = cell_center(&h, "Step: Chú ý", "Lane: Điểm chạm");
    let cards_before = map_of(&h).cards.len();
    let before = rebuilds(&h);
    double_click(&mut h, cell);
    type_text(&mut h, "Quảng cáo Facebook");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let map = map_of(&h);
    assert_eq!(map.cards.len(), cards_before + 1);
    assert!(map.cards.iter().any(|c| c.text == "Quảng cáo Facebook"));
    let after_typing = rebuilds(&h);
    assert!(after_typing > before, "{after_typing} > {before}");

    h.state_mut().undo();
    h.run();
    let after_undo = rebuilds(&h);
    assert!(after_undo > after_typing, "{after_undo} > {after_typing}");
    assert!(
        !map_of(&h)
            .cards
            .iter()
            .any(|c| c.text == "Quảng cáo Facebook")
    );
}

/// The canvas after an edit looks exactly as a canvas painted afresh: a theme switch there and
/// back paints it again, and the two pictures are the same pixels.
#[test]
fn an_edited_card_is_painted_with_its_new_text() {
    let mut h = settled();
    let cell = cell_center(&h, "Step: Chú ý", "Lane: Điểm chạm");
    double_click(&mut h, cell);
    type_text(&mut h, "Quảng cáo Facebook");
    key(&mut h, Key::Enter, Modifiers::NONE);
    h.run_steps(3);
    let Ok(cached) = h.render() else {
        eprintln!("no render adapter on this machine: the picture is not compared");
        return;
    };
    let before = rebuilds(&h);
    h.ctx.set_theme(egui::Theme::Dark);
    h.run_steps(3);
    h.ctx.set_theme(egui::Theme::Light);
    h.run_steps(3);
    assert!(rebuilds(&h) >= before + 2, "each theme painted the canvas");
    let fresh = h.render().unwrap_or_else(|e| panic!("render: {e}"));
    assert_eq!(cached.dimensions(), fresh.dimensions());
    assert!(
        cached.as_raw() == fresh.as_raw(),
        "the cached canvas differs from one painted afresh"
    );
}

#[test]
fn a_zoom_a_theme_and_a_language_switch_paint_the_canvas_again() {
    let mut h = settled();
    let zoom = h.state().view().zoom;
    let before = rebuilds(&h);
    key(&mut h, Key::Plus, Modifiers::COMMAND);
    assert!(h.state().view().zoom > zoom);
    let after_zoom = rebuilds(&h);
    assert!(after_zoom > before, "{after_zoom} > {before}");

    h.ctx.set_theme(egui::Theme::Dark);
    h.run();
    let after_theme = rebuilds(&h);
    assert!(after_theme > after_zoom, "{after_theme} > {after_zoom}");

    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Tiếng Việt").click();
    h.run();
    assert_eq!(h.state().prefs().lang, Lang::Vi);
    let after_lang = rebuilds(&h);
    assert!(after_lang > after_theme, "{after_lang} > {after_theme}");
}

/// A view never panned paints only what is visible; the first pan paints half a canvas ahead on
/// every side once, and the pans after it only move the meshes.
#[test]
fn a_pan_moves_the_canvas_without_painting_it_again() {
    let mut h = settled();
    let from = cell_center(&h, "Step: Chú ý", "Lane: Điểm chạm");
    let zoom = h.state().view().zoom;
    let before = rebuilds(&h);
    drag(&mut h, from, from + vec2(-24.0, -12.0), Modifiers::NONE);
    let after_first = rebuilds(&h);
    assert!(after_first <= before + 1, "{after_first} <= {before} + 1");

    let from = cell_center(&h, "Step: Chú ý", "Lane: Điểm chạm");
    let offset = h.state().view().offset;
    let by = vec2(-60.0, -24.0);
    drag(&mut h, from, from + by, Modifiers::NONE);
    let moved: Vec2 = h.state().view().offset - offset;
    assert_eq!(moved, by, "the view followed the drag");
    assert!((h.state().view().zoom - zoom).abs() < f32::EPSILON);
    assert_eq!(rebuilds(&h), after_first, "the pan only moved the meshes");
}

fn curve_rebuilds(h: &Harness<'static, JourneyApp>) -> u64 {
    h.state().editor().canvas_curve_rebuilds()
}

/// The juice bar sample, whole, with the lowest point of its "Hiện tại" curve at −1.5.
fn juicer() -> Harness<'static, JourneyApp> {
    let app = JourneyApp::new(Some(OpenMap::unsaved(common::juicer())), None);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    common::fit_whole(&mut h);
    h.run_steps(3);
    h
}

const LOWEST: &str = "Emotion point: Hiện tại, Quyết định › Hỏi tư vấn";

fn lowest_score(h: &Harness<'static, JourneyApp>) -> Option<f32> {
    let map = map_of(h);
    let curve = map.curve(&Id::new("cv63"))?;
    let point = curve.points.iter().find(|p| p.step == Id::new("st7"))?;
    Some(point.score)
}

/// A point dragged changes the curves alone: the lanes and cards stay as they were painted
/// (only the selection at the start of the drag paints everything again) and what lies over
/// them is painted again at each step of the drag; the picture is the same as a canvas
/// painted afresh.
#[test]
fn a_point_drag_paints_the_curves_again_and_not_the_cards() {
    let mut h = juicer();
    assert_eq!(lowest_score(&h), Some(-1.5));
    let (before, curves_before) = (rebuilds(&h), curve_rebuilds(&h));
    let from = h.get_by_label(LOWEST).rect().center();
    drag(&mut h, from, from - vec2(0.0, 60.0), Modifiers::NONE);
    let score = lowest_score(&h).unwrap_or(f32::NAN);
    assert!(score > -1.0, "the point moved up: {score}");
    h.run_steps(3);
    let whole = rebuilds(&h) - before;
    let curves = curve_rebuilds(&h) - curves_before;
    assert!(whole <= 1, "{whole} full repaints: the selection's only");
    assert!(
        curves >= 2,
        "{curves} repaints of the curves while dragging"
    );

    let Ok(cached) = h.render() else {
        eprintln!("no render adapter on this machine: the picture is not compared");
        return;
    };
    h.ctx.set_theme(egui::Theme::Dark);
    h.run_steps(3);
    h.ctx.set_theme(egui::Theme::Light);
    h.run_steps(3);
    let fresh = h.render().unwrap_or_else(|e| panic!("render: {e}"));
    assert!(
        cached.as_raw() == fresh.as_raw(),
        "the curves painted over the cached cards differ from a canvas painted afresh"
    );
}

/// With a point selected, the inspector's emoji picker shows the same emoji pictures as the
/// canvas at another size; egui's loader forgets a picture of several sizes that a frame does
/// not ask for, which used to repaint the cached canvas every other frame.
#[test]
fn a_selected_point_with_its_emoji_picker_does_not_repaint_the_canvas() {
    let mut h = juicer();
    let at = h.get_by_label(LOWEST).rect().center();
    common::click_at(&mut h, at, Modifiers::NONE);
    h.run_steps(4);
    assert!(h.state().editor().selection.point.is_some());
    let before = rebuilds(&h);
    for i in 0..12 {
        let i = i as f32;
        h.event(egui::Event::PointerMoved(pos2(300.0 + 9.0 * i, 420.0)));
        h.step();
    }
    assert_eq!(
        rebuilds(&h),
        before,
        "the canvas was reused while the pointer moved"
    );
}
