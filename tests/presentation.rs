//! Presentation mode (F5): full screen without the editor's chrome, a title slide with the
//! map's title, persona and goals, then stage by stage with the keys a clicker sends and with
//! clicks, card text of 14 px or more on a 1280×720 projector, nothing editable, and Esc back
//! to the editor as it was left.

mod common;

use common::{click_at, harness_sized, key, right_click};
use egui::{Key, Modifiers, Pos2, Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use journeymap::model::JourneyMap;
use journeymap::ui::JourneyApp;
use journeymap::ui::present::model::{MIN_CARD_TEXT, Slide};

type H = Harness<'static, JourneyApp>;

const PROJECTOR: [f32; 2] = [1280.0, 720.0];
/// The strip under a stage slide (name and progress), in points.
const STRIP: f32 = 44.0;

/// The largest sample (Vietnamese, two curves, customer data), opened from its file at
/// 1280×720.
fn open_zalo() -> H {
    let path = common::repo().join("samples/zalo-mini-app-loyalty.ron");
    let mut h = harness_sized(JourneyApp::with_file(&path), egui::Theme::Light, PROJECTOR);
    h.run();
    h
}

fn map(h: &H) -> JourneyMap {
    common::map_of(h)
}

fn slide(h: &H) -> Slide {
    h.state()
        .presentation()
        .unwrap_or_else(|| panic!("not presenting"))
        .slide
}

/// The position of the current slide in the deck (0 is the title slide).
fn slide_index(h: &H) -> usize {
    let p = h
        .state()
        .presentation()
        .unwrap_or_else(|| panic!("not presenting"));
    p.deck()
        .slides()
        .iter()
        .position(|s| *s == p.slide)
        .unwrap_or_else(|| panic!("{:?} is not in the deck", p.slide))
}

fn press(h: &mut H, k: Key) {
    key(h, k, Modifiers::NONE);
}

#[test]
fn f5_hides_the_chrome_and_esc_brings_the_editor_back_as_it_was_left() {
    let mut h = open_zalo();
    assert!(h.query_by_label("File").is_some(), "the menu bar is there");
    assert!(h.query_by_label_contains("Map canvas:").is_some());
    // A card selected in the editor: Delete while presenting must not remove it.
    let first = map(&h)
        .cards
        .iter()
        .find(|c| h.query_by_label(&format!("Card: {}", c.text)).is_some())
        .map_or_else(|| panic!("no card on screen"), |c| c.text.clone());
    let card = h.get_by_label(&format!("Card: {first}")).rect().center();
    click_at(&mut h, card, Modifiers::NONE);
    assert_eq!(h.state().editor().selection.cards.len(), 1);
    let before = map(&h);
    let revision = h
        .state()
        .document()
        .map(journeymap::edit::Document::revision);
    let view = h.state().view().clone();

    press(&mut h, Key::F5);
    assert!(h.state().presentation().is_some(), "F5 presents");
    assert_eq!(slide(&h), Slide::Title);
    for chrome in ["File", "Edit", "View", "Map"] {
        assert!(
            h.query_by_label(chrome).is_none(),
            "menu {chrome} while presenting"
        );
    }
    assert!(
        h.query_by_label_contains("Map canvas:").is_none(),
        "no editing canvas"
    );
    assert!(h.query_by_label("◀").is_none(), "no inspector strip");

    // Nothing edits while presenting: Delete, Ctrl+Z, Ctrl+D, a double-click.
    press(&mut h, Key::Delete);
    key(&mut h, Key::Z, Modifiers::COMMAND);
    key(&mut h, Key::D, Modifiers::COMMAND);
    press(&mut h, Key::ArrowRight);
    common::double_click(&mut h, pos2(640.0, 400.0));
    assert_eq!(map(&h), before, "the map is unchanged");
    assert!(h.state().presentation().is_some());

    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none(), "Esc leaves");
    assert!(h.query_by_label("File").is_some(), "the menu bar is back");
    assert!(h.query_by_label_contains("Map canvas:").is_some());
    assert_eq!(map(&h), before);
    let doc = h.state().document().unwrap_or_else(|| panic!("no map"));
    assert!(!doc.is_dirty(), "nothing to save after presenting");
    assert_eq!(Some(doc.revision()), revision);
    assert_eq!(
        h.state().editor().selection.cards.len(),
        1,
        "the selection kept"
    );
    assert_eq!(h.state().view().zoom, view.zoom, "the editor's zoom kept");
    assert_eq!(
        h.state().view().offset,
        view.offset,
        "the editor's pan kept"
    );
}

#[test]
fn the_title_slide_shows_the_title_the_persona_and_the_goals() {
    let mut h = open_zalo();
    let m = map(&h);
    press(&mut h, Key::F5);
    assert_eq!(slide(&h), Slide::Title);
    h.get_by_label(&m.title);
    h.get_by_label(&m.persona.name);
    h.get_by_label(&m.persona.segment);
    for goal in &m.goals {
        h.get_by_label(&format!("•  {goal}"));
    }
    for goal in &m.persona.goals {
        h.get_by_label(&format!("•  {goal}"));
    }
    // The persona's avatar in colour, and the goals' heading in the map's UI language.
    h.get_by_label(m.persona.avatar.trim());
    h.get_by_label("Goals");
    // Everything on the title slide is on screen.
    let screen = Rect::from_min_size(Pos2::ZERO, PROJECTOR.into());
    for label in [&m.title, &m.persona.name, &m.persona.bio] {
        let rect = h.get_by_label(label).rect();
        assert!(screen.contains_rect(rect), "{label} cut: {rect:?}");
    }
}

#[test]
fn keys_and_clicks_walk_forward_and_back_and_out() {
    let mut h = open_zalo();
    let m = map(&h);
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    assert_eq!(slide(&h), Slide::Stage { stage: 0, part: 0 });
    let first = &m.stages[0].name;
    h.get_by_label(first);
    h.get_by_label_contains(&format!("stage 1 of {}, {first}", m.stages.len()));
    h.get_by_label_contains(&format!("1 / {}", m.stages.len()));

    // Forward with what a keyboard and a clicker send, and a click.
    for k in [Key::Space, Key::PageDown, Key::ArrowDown] {
        let at = slide_index(&h);
        press(&mut h, k);
        assert_eq!(slide_index(&h), at + 1, "{k:?} goes forward");
    }
    let at = slide_index(&h);
    click_at(&mut h, pos2(640.0, 360.0), Modifiers::NONE);
    assert_eq!(slide_index(&h), at + 1, "a click goes forward");

    // Back with the keys and a right click.
    for k in [Key::ArrowLeft, Key::PageUp, Key::ArrowUp] {
        let at = slide_index(&h);
        press(&mut h, k);
        assert_eq!(slide_index(&h), at - 1, "{k:?} goes back");
    }
    let at = slide_index(&h);
    right_click(&mut h, pos2(640.0, 360.0));
    assert_eq!(slide_index(&h), at - 1, "a right click goes back");

    // End is the last stage, shown with its name; Right stays there; Home is the title.
    press(&mut h, Key::End);
    let last = m.stages.len() - 1;
    assert!(matches!(slide(&h), Slide::Stage { stage, .. } if stage == last));
    h.get_by_label(&m.stages[last].name);
    let end = slide_index(&h);
    press(&mut h, Key::ArrowRight);
    assert_eq!(slide_index(&h), end, "the last slide stays");
    press(&mut h, Key::Home);
    assert_eq!(slide(&h), Slide::Title);
    press(&mut h, Key::ArrowLeft);
    assert_eq!(slide(&h), Slide::Title, "the title slide stays");

    // F5 leaves too.
    press(&mut h, Key::F5);
    assert!(h.state().presentation().is_none());
    assert!(
        !h.state()
            .document()
            .is_some_and(journeymap::edit::Document::is_dirty)
    );
}

#[test]
fn view_present_in_the_menu_shows_f5_and_starts_the_presentation() {
    let mut h = open_zalo();
    h.get_by_label("View").click();
    h.run();
    let item = h.get_by_label_contains("Present");
    item.click();
    h.run();
    assert!(h.state().presentation().is_some());
    assert_eq!(slide(&h), Slide::Title);
}

#[test]
fn f5_does_nothing_while_typing_in_a_field() {
    let mut h = open_zalo();
    let title = map(&h).title;
    let at = h.get_by_label(&title).rect().center();
    common::double_click(&mut h, at);
    assert!(h.get_by_label("Map title").is_focused());
    press(&mut h, Key::F5);
    assert!(
        h.state().presentation().is_none(),
        "F5 while typing is not a shortcut"
    );
}

#[test]
fn every_stage_of_the_largest_sample_shows_card_text_of_14_px_or_more_whole_at_1280x720() {
    let mut h = open_zalo();
    let m = map(&h);
    press(&mut h, Key::F5);
    let metrics = h.state().metrics().clone();
    let layout = h
        .state()
        .layout()
        .cloned()
        .unwrap_or_else(|| panic!("no layout"));
    let slides = h
        .state()
        .presentation()
        .map(|p| p.deck().slides())
        .unwrap_or_default();
    assert!(slides.len() > m.stages.len(), "a title and each stage");
    let mut seen = vec![false; layout.cards.len()];
    for _ in 1..slides.len() {
        press(&mut h, Key::ArrowRight);
        let Slide::Stage { stage, .. } = slide(&h) else {
            panic!("past the title slide");
        };
        h.get_by_label(&m.stages[stage].name);
        let view = h
            .state()
            .presentation()
            .map_or_else(|| panic!("presenting"), |p| p.view().clone());
        let font = metrics.card_font_size * view.zoom * h.ctx.zoom_factor();
        assert!(
            font >= MIN_CARD_TEXT - 1e-3,
            "stage {stage}: card text {font} px"
        );
        // A card's text as the painter lays it out: each row at least 14 px high.
        let mut cards_here = 0;
        for (i, card) in layout.cards.iter().enumerate() {
            if layout.steps[card.step_index].stage_index != stage {
                continue;
            }
            cards_here += 1;
            let text = &m.cards[card.card_index].text;
            let galley = h.ctx.fonts_mut(|f| {
                f.layout(
                    text.clone(),
                    egui::FontId::proportional(metrics.card_font_size * view.zoom),
                    egui::Color32::PLACEHOLDER,
                    card.text.width() * view.zoom,
                )
            });
            for row in &galley.rows {
                assert!(
                    row.height() * h.ctx.zoom_factor() >= MIN_CARD_TEXT,
                    "stage {stage}: a row of {text:?} is {} px",
                    row.height()
                );
            }
            // Whole on screen in this part: below the headers, right of the lane labels,
            // above the strip.
            let shown = Rect::from_min_size(
                (card.rect.min.to_vec2() * view.zoom + view.offset).to_pos2(),
                card.rect.size() * view.zoom,
            );
            let room = Rect::from_min_max(
                pos2(
                    metrics.lane_label_width * view.zoom,
                    (metrics.stage_header_height + metrics.step_header_height) * view.zoom,
                ),
                pos2(PROJECTOR[0], PROJECTOR[1] - STRIP),
            );
            if room.contains_rect(shown) {
                seen[i] = true;
            }
        }
        assert!(cards_here > 0 || m.stages[stage].steps.is_empty());
    }
    let unseen: Vec<&str> = layout
        .cards
        .iter()
        .zip(&seen)
        .filter(|(_, s)| !**s)
        .map(|(c, _)| m.cards[c.card_index].text.as_str())
        .collect();
    assert!(unseen.is_empty(), "cards never shown whole: {unseen:?}");
}
