//! Level of detail on the canvas (issue 13): zoomed out until card text would be smaller than
//! a person can read, cards show their lines as soft bars and no text is laid out; at 100 %
//! the text is back; a click still selects a card; cards off screen get no shapes or widgets.

mod common;

use std::collections::HashSet;

use common::{click_at, fit_whole, key};
use egui::{Key, Modifiers, Rect, Shape};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use journeymap::model::synth::{SynthSize, synth_map};
use journeymap::ui::canvas::paint::lod::LOD_TEXT_SIZE;
use journeymap::ui::{JourneyApp, OpenMap};

/// The benchmark's large map (1,200 cards) in the test window, fitted whole.
fn big_map_at_fit() -> Harness<'static, JourneyApp> {
    // The canvas cache would hand the frame its cards already tessellated: these tests read
    // the shapes the painter makes (tests/canvas_cache.rs tests the cache).
    let app = JourneyApp::new(Some(OpenMap::unsaved(synth_map(SynthSize::LARGE))), None)
        .with_canvas_cache(false);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    fit_whole(&mut h);
    h
}

/// Every shape of the last frame, groups opened.
fn shapes(h: &Harness<'static, JourneyApp>) -> Vec<Shape> {
    fn open(shape: &Shape, out: &mut Vec<Shape>) {
        if let Shape::Vec(v) = shape {
            v.iter().for_each(|s| open(s, out));
        } else {
            out.push(shape.clone());
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        open(&clipped.shape, &mut out);
    }
    out
}

/// The texts of the last frame's text shapes that are some card's text.
fn card_texts_drawn(h: &Harness<'static, JourneyApp>) -> Vec<String> {
    let map = h.state().document().map(|d| d.map().clone());
    let texts: HashSet<String> = map
        .iter()
        .flat_map(|m| m.cards.iter().map(|c| c.text.clone()))
        .collect();
    shapes(h)
        .into_iter()
        .filter_map(|s| match s {
            Shape::Text(t) => Some(t.galley.job.text.clone()),
            _ => None,
        })
        .filter(|t| texts.contains(t))
        .collect()
}

/// The canvas on screen (its accessible node).
fn canvas(h: &Harness<'static, JourneyApp>) -> Rect {
    h.get_by_label_contains("Map canvas:").rect()
}

/// Each card's rectangle on screen, with its id.
fn cards_on_screen(h: &Harness<'static, JourneyApp>) -> Vec<(journeymap::model::Id, Rect)> {
    let to_screen = h.state().view().screen_from_map(canvas(h));
    h.state()
        .layout()
        .map(|l| {
            l.cards
                .iter()
                .map(|c| (c.id.clone(), to_screen * c.rect))
                .collect()
        })
        .unwrap_or_default()
}

/// How many card widgets the last frame made (each card's accessible node).
fn card_widgets(h: &Harness<'static, JourneyApp>) -> usize {
    h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Card: ")))
        .count()
}

#[test]
fn at_fit_zoom_no_card_text_is_laid_out_and_the_cards_are_one_mesh_of_bars() {
    let h = big_map_at_fit();
    let font = h.state().metrics().card_font_size;
    let zoom = h.state().view().zoom;
    assert!(
        font * zoom < LOD_TEXT_SIZE,
        "fit zoom {zoom} draws card text at {} pt",
        font * zoom
    );
    assert_eq!(card_texts_drawn(&h), Vec::<String>::new());
    // Each visible card is at least a border and a fill quad (8 vertices), plus its bars.
    let visible = cards_on_screen(&h)
        .iter()
        .filter(|(_, r)| r.intersects(canvas(&h)))
        .count();
    let boxes = h.state().layout().map_or(0, |l| l.cards.len());
    assert!(boxes > 1000, "{boxes} cards laid out");
    assert!(
        visible > 1000,
        "{visible} of {boxes} cards on screen at fit"
    );
    let vertices: usize = shapes(&h)
        .iter()
        .filter_map(|s| match s {
            Shape::Mesh(m) => Some(m.vertices.len()),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    assert!(
        vertices >= visible * 12,
        "{vertices} vertices for {visible} cards (border, fill and a bar each)"
    );
    // The cards are named for a screen reader (hover-only widgets), the clicks are the
    // background's.
    assert_eq!(card_widgets(&h), visible);
}

#[test]
fn at_100_percent_visible_cards_have_their_text_and_cards_off_screen_nothing() {
    let mut h = big_map_at_fit();
    key(&mut h, Key::Num1, Modifiers::COMMAND);
    assert_eq!(h.state().view().zoom, 1.0);
    let canvas = canvas(&h);
    let cards = cards_on_screen(&h);
    let visible = cards.iter().filter(|(_, r)| r.intersects(canvas)).count();
    assert!(
        visible > 5 && visible < 100,
        "{visible} of {} cards on screen at 100 %",
        cards.len()
    );
    let drawn = card_texts_drawn(&h);
    // One galley per card on screen (a card under a sticky header is still drawn), none for
    // the 1,100 and more elsewhere.
    assert_eq!(drawn.len(), visible, "card texts drawn: {drawn:?}");
    assert_eq!(card_widgets(&h), visible);
}

#[test]
fn a_click_on_a_card_too_small_to_read_selects_it_and_ctrl_click_adds_one() {
    let mut h = big_map_at_fit();
    let cards = cards_on_screen(&h);
    let count = h.state().document().map_or(0, |d| d.map().cards.len());
    let (first, rect) = cards[600].clone();
    click_at(&mut h, rect.center(), Modifiers::NONE);
    let selection = &h.state().editor().selection;
    assert!(selection.has_card(&first), "{first:?} at {rect:?}");
    assert_eq!(selection.cards.len(), 1);
    // The inspector opened beside the canvas: where the cards are now.
    let (second, rect) = cards_on_screen(&h)[400].clone();
    click_at(&mut h, rect.center(), Modifiers::COMMAND);
    let selection = &h.state().editor().selection;
    assert!(
        selection.has_card(&first) && selection.has_card(&second),
        "{:?} {first:?} {second:?} {rect:?}",
        selection.cards
    );
    // The map did not gain a card from the clicks.
    assert_eq!(
        h.state().document().map_or(0, |d| d.map().cards.len()),
        count
    );
}
