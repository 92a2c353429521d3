//! Readable on a projector: a map opens with card text of 12 px or more at 1280×720 (the height
//! fitted and the map starting at the left when the whole does not fit so), the sticky lane and
//! stage headers stay on screen, Ctrl+0 fits the whole map and Ctrl+1 is 100 %, opening a panel
//! keeps the map region in view, the empty inspector folds into a strip, and the workshop view
//! (menu and toolbar) enlarges everything, hides the panels and is remembered per map.

mod common;

use std::path::{Path, PathBuf};

use common::{harness_sized, key};
use egui::{Key, Modifiers, Pos2, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use journeymap::model::synth::{SynthSize, synth_map};
use journeymap::ui::{JourneyApp, OpenMap, Prefs};

type H = Harness<'static, JourneyApp>;

const PROJECTOR: [f32; 2] = [1280.0, 720.0];
/// The least height of card text on screen, in points at the UI's normal zoom.
const READABLE_PX: f32 = 12.0;

const VIETNAMESE_SAMPLES: [&str; 3] = [
    "may-ep-trai-cay.ron",
    "ao-so-mi-ban-le.ron",
    "zalo-mini-app-loyalty.ron",
];

fn sample(name: &str) -> PathBuf {
    common::repo().join("samples").join(name)
}

fn open(app: JourneyApp) -> H {
    let mut h = harness_sized(app, egui::Theme::Light, PROJECTOR);
    h.run();
    h
}

/// The sample `name` opened from its file at 1280×720 with `prefs`.
fn open_sample(name: &str, prefs: Prefs) -> H {
    open(JourneyApp::with_file(&sample(name)).with_prefs(prefs))
}

/// Prefs with only the panels asked for.
fn prefs_with(inspector: bool, persona: bool) -> Prefs {
    Prefs {
        show_inspector: inspector,
        show_persona: persona,
        ..Prefs::default()
    }
}

fn canvas(h: &H) -> Rect {
    h.get_by_label_contains("Map canvas:").rect()
}

/// Card text height on screen, in points at the UI's normal zoom.
fn card_text_px(h: &H) -> f32 {
    h.state().view().zoom * h.state().metrics().card_font_size * h.ctx.zoom_factor()
}

/// The whole layout of the map, on screen.
fn layout_on_screen(h: &H) -> Rect {
    let size = h.state().layout().map_or(Vec2::ZERO, |l| l.size);
    let c = canvas(h);
    let view = h.state().view();
    Rect::from_min_size(c.min + view.offset, size * view.zoom)
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Scrolls the canvas by `delta` (content moves by `delta`) with the pointer at `at`.
fn scroll(h: &mut H, at: Pos2, delta: Vec2) {
    h.event(egui::Event::PointerMoved(at));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    // Smooth scrolling spreads the delta over a few frames.
    h.run_steps(30);
}

/// Opens or closes the persona panel from the View menu.
fn persona_from_menu(h: &mut H) {
    click(h, "View");
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Persona")
        .click();
    h.run();
}

/// The stage headers entirely inside the canvas, by label.
fn stages_on_screen(h: &H) -> Vec<String> {
    let c = canvas(h).expand(1.0);
    h.get_all_by_label_contains("Stage: ")
        .filter(|n| c.contains_rect(n.rect()))
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

#[test]
fn each_vietnamese_sample_opens_at_1280x720_with_card_text_of_12_px_or_more_from_the_left() {
    for name in VIETNAMESE_SAMPLES {
        let h = open_sample(name, Prefs::default());
        let px = card_text_px(&h);
        assert!(px >= READABLE_PX - 1e-3, "{name}: card text {px} px");
        let c = canvas(&h);
        let map = layout_on_screen(&h);
        // Whole map shown, or its left edge at the canvas's left with the rest to scroll to.
        if !c.contains_rect(map) {
            assert!(
                (map.left() - c.left() - 16.0).abs() < 1.0,
                "{name}: map starts at {} in a canvas from {}",
                map.left(),
                c.left()
            );
        }
        // The card text as laid out on screen is as tall as the zoom says.
        let card = h
            .get_all_by_label_contains("Card: ")
            .map(|n| n.rect())
            .find(|r| c.contains_rect(*r))
            .unwrap_or_else(|| panic!("{name}: no card on screen"));
        assert!(card.height() >= READABLE_PX * 1.3, "{name}: card {card:?}");
    }
}

#[test]
fn a_10000_card_map_opens_at_a_readable_zoom_at_its_left_and_headers_stay_on_screen() {
    let map = synth_map(SynthSize {
        stages: 30,
        steps: 60,
        lanes: 10,
        cards: 10_000,
    });
    let first_lane = format!("Lane: {}", map.lanes[0].name);
    let first_stage = format!("Stage: {}", map.stages[0].name);
    let mut h = open(JourneyApp::new(Some(OpenMap::unsaved(map)), None));
    let px = card_text_px(&h);
    assert!(px >= READABLE_PX - 1e-3, "card text {px} px");
    let c = canvas(&h);
    assert!((layout_on_screen(&h).left() - c.left() - 16.0).abs() < 1.0);
    let lane = h.get_by_label(&first_lane).rect();
    assert!(c.contains_rect(lane.intersect(c)) && lane.intersects(c));
    assert!(lane.left() - c.left() < 20.0, "lane label at {lane:?}");

    // Far to the right and down, the lane labels and stage headers stick to the edges.
    let zoom = h.state().view().zoom;
    scroll(&mut h, c.center(), Vec2::new(-6000.0, -3000.0));
    assert!((h.state().view().zoom - zoom).abs() < 1e-6);
    assert!(h.state().view().offset.x < -5000.0, "did not scroll");
    let labels = h.get_all_by_label_contains("Lane: ").count();
    assert!(labels > 0, "no lane label on screen");
    for node in h.get_all_by_label_contains("Lane: ") {
        let r = node.rect();
        assert!(
            r.left() >= c.left() - 1.0 && r.left() < c.left() + 20.0,
            "{r:?}"
        );
    }
    assert!(h.query_by_label(&first_stage).is_none());
    let stage = h
        .get_all_by_label_contains("Stage: ")
        .next()
        .map_or_else(|| panic!("no stage header on screen"), |n| n.rect());
    assert!(
        (stage.top() - c.top()).abs() < 4.0,
        "stage header at {stage:?}"
    );
}

#[test]
fn ctrl_0_fits_the_whole_map_inside_the_canvas_and_ctrl_1_shows_it_at_100_percent() {
    let mut h = open_sample("may-ep-trai-cay.ron", prefs_with(false, false));
    let c = canvas(&h);
    assert!(
        !c.contains_rect(layout_on_screen(&h)),
        "the sample should not fit readably"
    );
    // Pan away first: Ctrl+0 must not depend on where the view was.
    scroll(&mut h, c.center(), Vec2::new(-900.0, -400.0));
    key(&mut h, Key::Num0, Modifiers::COMMAND);
    let map = layout_on_screen(&h);
    assert!(c.contains_rect(map), "{map:?} not inside {c:?}");
    // Centred, filling one direction.
    assert!((map.center().x - c.center().x).abs() < 24.0);
    assert!(map.width() > c.width() - 100.0 || map.height() > c.height() - 100.0);

    key(&mut h, Key::Num1, Modifiers::COMMAND);
    assert!((h.state().view().zoom - 1.0).abs() < 1e-6);
}

#[test]
fn opening_the_persona_panel_keeps_the_fitted_region_readable_and_closing_it_restores_the_fit() {
    let mut h = open_sample("may-ep-trai-cay.ron", prefs_with(false, false));
    let before = h.state().view().clone();
    let c = canvas(&h);
    let centre_in_map = (c.center() - c.min - before.offset) / before.zoom;
    let stages = stages_on_screen(&h);
    persona_from_menu(&mut h);
    let narrower = canvas(&h);
    assert!(
        narrower.width() < c.width() - 200.0,
        "the persona panel did not open"
    );
    assert!(card_text_px(&h) >= READABLE_PX - 1e-3);
    // The same map point stays in the middle (within the margin the fit keeps).
    let view = h.state().view();
    let centre_now = narrower.min + view.offset + centre_in_map * view.zoom;
    assert!(
        (centre_now - narrower.center()).length() < 24.0,
        "{centre_now:?}"
    );
    // Stages that were whole on screen stay so where a readable zoom allows.
    let after = stages_on_screen(&h);
    if view.zoom > view.readable_zoom + 1e-3 {
        assert_eq!(after, stages);
    } else {
        assert!(
            after.iter().all(|s| stages.contains(s)),
            "{after:?} vs {stages:?}"
        );
    }
    persona_from_menu(&mut h);
    assert_eq!(h.state().view().zoom, before.zoom);
    assert_eq!(h.state().view().offset, before.offset);
}

#[test]
fn a_template_map_keeps_every_stage_on_screen_when_the_persona_panel_opens() {
    let map = journeymap::model::template::find("aisas")
        .unwrap_or_else(|| panic!("no aisas template"))
        .instantiate(journeymap::model::template::Lang::Vi);
    let app =
        JourneyApp::new(Some(OpenMap::unsaved(map)), None).with_prefs(prefs_with(false, false));
    let mut h = open(app);
    let stages = stages_on_screen(&h);
    assert_eq!(stages.len(), 5, "{stages:?}");
    persona_from_menu(&mut h);
    assert_eq!(stages_on_screen(&h), stages);
    assert!(card_text_px(&h) >= READABLE_PX - 1e-3);
}

#[test]
fn the_empty_inspector_is_a_strip_that_opens_on_a_selection_without_moving_the_map() {
    let mut h = open_sample("may-ep-trai-cay.ron", prefs_with(true, false));
    let strip = canvas(&h);
    assert!(strip.width() > PROJECTOR[0] - 40.0, "canvas {strip:?}");
    let card = h
        .get_all_by_label_contains("Card: ")
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .find(|(_, r)| strip.contains_rect(*r) && r.right() < strip.center().x)
        .unwrap_or_else(|| panic!("no card on screen"));
    click(&mut h, &card.0);
    assert_eq!(h.state().editor().selection.cards.len(), 1);
    let with_inspector = canvas(&h);
    assert!(
        with_inspector.width() < strip.width() - 200.0,
        "no inspector"
    );
    assert_eq!(h.get_by_label(&card.0).rect(), card.1, "the card moved");
    key(&mut h, Key::Escape, Modifiers::NONE);
    assert!(h.state().editor().selection.is_empty());
    assert_eq!(canvas(&h), strip);
    // The strip's button opens the inspector with nothing selected, and folds it again.
    click(&mut h, "◀");
    assert!(canvas(&h).width() < strip.width() - 200.0);
    click(&mut h, "▶");
    assert_eq!(canvas(&h), strip);
}

/// Turns the workshop view on or off through the View menu.
fn workshop_from_menu(h: &mut H) {
    click(h, "View");
    click(h, "Workshop view");
    // The UI zoom takes effect on the next frame.
    h.run();
}

#[test]
fn the_workshop_view_from_menu_and_toolbar_hides_the_panels_enlarges_text_and_restores_them() {
    let mut h = open_sample("may-ep-trai-cay.ron", prefs_with(true, true));
    let normal_text = card_text_px(&h);
    let normal_title = h.get_by_label("View").rect().height();
    workshop_from_menu(&mut h);
    assert!(h.state().workshop());
    assert!((h.ctx.zoom_factor() - 1.25).abs() < 1e-6);
    let prefs = h.state().prefs();
    assert!(!prefs.show_inspector && !prefs.show_persona && !prefs.show_review);
    assert!(
        h.query_by_label("◀").is_none(),
        "the inspector strip is still shown"
    );
    let c = canvas(&h);
    // No side panel left, not even the inspector's strip: the canvas spans the window (in
    // the zoomed UI's points, less the harness's frame).
    let window = h.ctx.content_rect();
    assert!((window.width() - PROJECTOR[0] / 1.25).abs() < 1.0);
    assert!(
        c.width() > window.width() - 20.0,
        "canvas {c:?} in {window:?}"
    );
    let text = card_text_px(&h);
    assert!(
        text >= 18.0 - 1e-3 && text > normal_text,
        "workshop text {text} px"
    );
    // The chrome is larger too: menus are laid out at 1.25× on screen.
    let menu_px = h.get_by_label("View").rect().height() * h.ctx.zoom_factor();
    assert!(
        menu_px > normal_title * 1.2,
        "menu {menu_px} vs {normal_title}"
    );

    click(&mut h, "🖥 Workshop");
    h.run();
    assert!(!h.state().workshop());
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-6);
    let prefs = h.state().prefs();
    assert!(prefs.show_inspector && prefs.show_persona);
    assert!((card_text_px(&h) - normal_text).abs() < 1e-3);

    // And the toolbar turns it on too.
    click(&mut h, "🖥 Workshop");
    h.run();
    assert!(h.state().workshop() && !h.state().prefs().show_persona);
}

fn copy_sample(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(sample(name), &path).unwrap_or_else(|e| panic!("copy {name}: {e}"));
    path
}

#[test]
fn the_workshop_view_is_remembered_for_its_map_and_only_for_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let shown = copy_sample(dir.path(), "may-ep-trai-cay.ron");
    let other = copy_sample(dir.path(), "ao-so-mi-ban-le.ron");
    let mut h = open(JourneyApp::with_file(&shown).with_prefs(prefs_with(true, false)));
    click(&mut h, "🖥 Workshop");
    h.run();
    let prefs = h.state().prefs().clone();
    assert_eq!(prefs.workshop_maps.len(), 1);

    // The same map opened again (a new run with the saved preferences): workshop view.
    let h = open(JourneyApp::with_file(&shown).with_prefs(prefs.clone()));
    assert!(h.state().workshop());
    assert!((h.ctx.zoom_factor() - 1.25).abs() < 1e-6);
    assert!(!h.state().prefs().show_inspector);
    assert!(card_text_px(&h) >= 18.0 - 1e-3);

    // Another map opens in the normal view with the panels that were open before.
    let h = open(JourneyApp::with_file(&other).with_prefs(prefs));
    assert!(!h.state().workshop());
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-6);
    assert!(h.state().prefs().show_inspector);
}

#[test]
fn the_toolbar_zoom_buttons_zoom_around_the_middle_of_the_canvas_not_of_the_window() {
    // The persona panel on the left moves the canvas's middle away from the window's.
    let mut h = open_sample("may-ep-trai-cay.ron", prefs_with(false, true));
    let c = canvas(&h);
    assert!(
        (c.center().x - PROJECTOR[0] / 2.0).abs() > 50.0,
        "the canvas is off the window's middle: {c:?}"
    );
    let map_at = |h: &H, screen: Pos2| {
        let view = h.state().view();
        (screen - canvas(h).min - view.offset) / view.zoom
    };
    let before = map_at(&h, c.center());
    let zoom = h.state().view().zoom;
    h.get_by_label("+").click();
    h.run();
    assert!(h.state().view().zoom > zoom, "zoomed in");
    let after = map_at(&h, canvas(&h).center());
    assert!(
        (after - before).length() < 0.5,
        "the map point in the canvas's middle stays there: {before:?} → {after:?}"
    );
}
