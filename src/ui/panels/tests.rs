//! The panels driven as a user drives them: kittest finds each input by its label, clicks and
//! types, and the tests assert on the commands and on the map they make.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::edit::{Document, EditCommand};
use crate::model::{
    Card, Channel, ChannelKind, ColorToken, Evidence, JourneyMap, LaneKind, PainStatus,
};
use crate::ui::canvas::selection::Selection;
use crate::ui::kit::i18n::Lang;
use crate::ui::kit::labels::card_name;
use crate::ui::kit::testing::{harness_builder, id, sample};
use crate::ui::panels::inspector::inspector_ui;
use crate::ui::panels::persona::persona_ui;
use crate::ui::panels::properties::map_properties_ui;

/// The harness state: the map, the selection, and every command the panel emitted.
type State = (JourneyMap, Selection, Vec<EditCommand>);

/// Which of the three panels a harness shows.
#[derive(Clone, Copy)]
enum Panel {
    Inspector,
    Persona,
    Properties,
}

/// A panel in a side-panel-sized window, light, after its first frames. Commands are kept in
/// the state and also applied to the map after each frame, as the app does, so the next frame
/// shows their effect.
fn harness(panel: Panel, lang: Lang, selection: Selection) -> Harness<'static, State> {
    let mut harness = harness_themed(panel, lang, selection, egui::Theme::Light);
    harness.run();
    harness
}

fn harness_themed(
    panel: Panel,
    lang: Lang,
    selection: Selection,
    theme: egui::Theme,
) -> Harness<'static, State> {
    harness_builder([360.0, 800.0], theme).build_ui_state(
        move |ui, (map, selection, out): &mut State| {
            let before = out.len();
            match panel {
                Panel::Inspector => inspector_ui(ui, lang, map, selection, out),
                Panel::Persona => persona_ui(ui, lang, map, out),
                Panel::Properties => {
                    map_properties_ui(ui, lang, map, jiff::civil::date(2026, 11, 27), out);
                }
            }
            let mut document = Document::new(map.clone(), true);
            for command in &out[before..] {
                document
                    .apply(command.clone())
                    .expect("the command applies");
            }
            *map = document.map().clone();
        },
        (sample(), selection, Vec::new()),
    )
}

fn card<'a>(harness: &'a Harness<'static, State>, card_id: &str) -> &'a Card {
    harness
        .state()
        .0
        .card(&id(card_id))
        .expect("the card exists")
}

/// Clicks the widget labelled `label` and lets the frame that follows run.
fn click(harness: &mut Harness<'static, State>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Focuses the field labelled `label`, then types `text` at its end.
fn type_into(harness: &mut Harness<'static, State>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Focuses the field labelled `label`, selects all its text and types `text` over it.
fn type_over(harness: &mut Harness<'static, State>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn typing_into_the_text_field_sets_the_card_text() {
    let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c32")));
    type_into(&mut harness, "Text", " rồi chọn");
    let (_, _, out) = harness.state();
    assert!(
        out.iter().any(|c| matches!(
            c,
            EditCommand::SetCard(card) if card.id == id("c32") && card.text.contains(" rồi chọn")
        )),
        "{out:#?}"
    );
    assert!(card(&harness, "c32").text.contains(" rồi chọn"));
    // Only the text changed.
    assert!(card(&harness, "c32").pain.is_none());
}

#[test]
fn a_card_becomes_a_pain_point_and_gets_a_severity() {
    let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c32")));
    // An action card: the pain section starts collapsed.
    assert!(
        harness
            .query_by_label("This card is a pain point")
            .is_none()
    );
    click(&mut harness, "⚠ Pain point");
    click(&mut harness, "This card is a pain point");
    let pain = card(&harness, "c32")
        .pain
        .clone()
        .expect("now a pain point");
    assert_eq!(pain.severity, 3);

    harness.get_by_label("Severity").set_value_accesskit(5.0);
    harness.run();
    assert_eq!(
        card(&harness, "c32").pain.as_ref().map(|p| p.severity),
        Some(5)
    );
    let (_, _, out) = harness.state();
    assert!(out.iter().any(|c| matches!(
        c,
        EditCommand::SetCard(card) if card.pain.as_ref().is_some_and(|p| p.severity == 5)
    )));

    click(&mut harness, "This card is a pain point");
    assert!(card(&harness, "c32").pain.is_none());
}

#[test]
fn a_pain_card_shows_its_section_open_and_edits_status_and_evidence() {
    let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c46")));
    harness.get_by_label("Severity").set_value_accesskit(1.0);
    harness.run();
    click(&mut harness, "Status");
    click(&mut harness, "Fixed");
    let pain = card(&harness, "c46").pain.clone().expect("a pain point");
    assert_eq!(pain.severity, 1);
    assert_eq!(pain.status, PainStatus::Fixed);
    assert_eq!(pain.evidence.len(), 2);

    click(&mut harness, "+ Metric");
    click(&mut harness, "+ Link");
    let evidence = &card(&harness, "c46")
        .pain
        .as_ref()
        .expect("a pain point")
        .evidence;
    assert_eq!(evidence.len(), 4);
    assert!(matches!(&evidence[2], Evidence::Metric(m) if *m == id("c54")));
    assert!(matches!(&evidence[3], Evidence::Link(url) if url.is_empty()));

    harness.get_by_label("Evidence 4").focus();
    harness.run();
    harness
        .get_by_label("Evidence 4")
        .type_text("https://bepxanh.vn/bao-hanh");
    harness.run();
    harness.get_by_label("Open the link");

    click(&mut harness, "Remove evidence 1");
    let evidence = &card(&harness, "c46")
        .pain
        .as_ref()
        .expect("a pain point")
        .evidence;
    assert_eq!(evidence.len(), 3);
    assert!(matches!(&evidence[0], Evidence::Text(_)));
}

#[test]
fn an_opportunity_links_to_pain_points() {
    let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c50")));
    harness.get_by_label("Impact").set_value_accesskit(2.0);
    harness.run();
    let map = sample();
    let chatbot = map.card(&id("c47")).expect("c47");
    click(&mut harness, &card_name(Lang::En, chatbot));
    let opportunity = card(&harness, "c50")
        .opportunity
        .clone()
        .expect("an opportunity");
    assert_eq!(opportunity.impact, 2);
    assert_eq!(opportunity.addresses, vec![id("c46"), id("c47")]);
}

#[test]
fn several_cards_share_a_colour() {
    let selection = Selection {
        cards: vec![id("c32"), id("c33"), id("c47")],
        ..Selection::default()
    };
    let mut harness = harness(Panel::Inspector, Lang::En, selection);
    harness.get_by_label("3 cards selected");
    assert!(harness.query_by_label("Text").is_none());
    click(&mut harness, "Blue");
    let (map, _, out) = harness.state();
    // c47 was red, the others default: one command per card.
    assert_eq!(out.len(), 3, "{out:#?}");
    for c in ["c32", "c33", "c47"] {
        assert_eq!(
            map.card(&id(c)).and_then(|c| c.color),
            Some(ColorToken::Blue)
        );
    }
}

#[test]
fn a_touchpoint_changes_channel() {
    let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c26")));
    click(&mut harness, "Channel");
    let store = harness.get_by_label("Store");
    store.scroll_to_me();
    harness.run();
    click(&mut harness, "Store");
    assert_eq!(
        card(&harness, "c26").channel,
        Some(Channel {
            kind: ChannelKind::Store,
            online: false
        })
    );
    click(&mut harness, "Online");
    assert_eq!(
        card(&harness, "c26").channel.as_ref().map(|c| c.online),
        Some(true)
    );
}

#[test]
fn a_stage_is_renamed_recoloured_and_split() {
    let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_stage(id("s3")));
    click(&mut harness, "Purple");
    click(&mut harness, "+ Add step");
    type_into(&mut harness, "Step 1", "!");
    let map = &harness.state().0;
    let stage = map.stages.iter().find(|s| s.id == id("s3")).expect("s3");
    assert_eq!(stage.color, Some(ColorToken::Purple));
    assert_eq!(stage.steps.len(), 3);
    assert_eq!(stage.steps[2].name, "New step");
    assert!(stage.steps[0].name.contains('!'), "{}", stage.steps[0].name);
}

#[test]
fn a_lane_with_cards_cannot_become_the_emotion_lane() {
    let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_lane(id("l17")));
    click(&mut harness, "Kind");
    assert!(harness.query_by_label("😊 Emotions").is_none());
    click(&mut harness, "📝 Free text");
    let lane = harness.state().0.lane(&id("l17")).cloned().expect("l17");
    assert_eq!(lane.kind, LaneKind::Text);
}

#[test]
fn a_step_is_renamed() {
    let mut harness = harness(Panel::Inspector, Lang::Vi, Selection::only_step(id("st7")));
    type_into(&mut harness, "Tên", " qua chatbot");
    let (_, _, out) = harness.state();
    assert!(out.iter().any(|c| matches!(
        c,
        EditCommand::RenameStep { id: step, name } if *step == id("st7") && name.contains("qua chatbot")
    )));
}

#[test]
fn the_persona_name_and_lists_are_edited() {
    let mut harness = harness(Panel::Persona, Lang::En, Selection::default());
    type_into(&mut harness, "Name", " Nguyễn");
    assert!(harness.state().0.persona.name.contains(" Nguyễn"));
    let (_, _, out) = harness.state();
    assert!(matches!(out.last(), Some(EditCommand::SetPersona(p)) if p.name.contains("Nguyễn")));

    click(&mut harness, "Needs: add an item");
    assert_eq!(harness.state().0.persona.needs.len(), 4);
    click(&mut harness, "Goals: remove item 1");
    assert_eq!(harness.state().0.persona.goals.len(), 1);
    click(&mut harness, "👵");
    assert_eq!(harness.state().0.persona.avatar, "👵");
}

#[test]
fn the_map_title_goals_and_review_are_edited() {
    let mut harness = harness(Panel::Properties, Lang::En, Selection::default());
    type_into(&mut harness, "Title", " 2026");
    assert!(
        harness.state().0.title.ends_with(" 2026"),
        "{}",
        harness.state().0.title
    );
    assert!(matches!(
        harness.state().2.last(),
        Some(EditCommand::SetMapInfo(info)) if info.title.ends_with(" 2026")
    ));

    // Two goals: a third may be added, a fourth not.
    click(&mut harness, "Business goals: add an item");
    assert_eq!(harness.state().0.goals.len(), 3);
    click(&mut harness, "Business goals: add an item");
    assert_eq!(harness.state().0.goals.len(), 3);

    click(&mut harness, "Today");
    assert_eq!(
        harness.state().0.review.last_reviewed,
        Some(jiff::civil::date(2026, 11, 27))
    );
}

#[test]
fn a_half_typed_date_waits_until_it_parses() {
    let mut harness = harness(Panel::Properties, Lang::En, Selection::default());
    let commands = harness.state().2.len();
    // The field holds "2025-1" for a while.
    type_over(&mut harness, "Last reviewed", "2025-1");
    assert_eq!(
        harness.state().2.len(),
        commands,
        "nothing sent for a half date"
    );
    harness.get_by_label("Type the date as YYYY-MM-DD, e.g. 2025-03-31.");
    harness.get_by_label("Last reviewed").type_text("2-24");
    harness.run();
    assert_eq!(
        harness.state().0.review.last_reviewed,
        Some(jiff::civil::date(2025, 12, 24))
    );
}

#[test]
fn another_content_language_is_typed_in() {
    let mut harness = harness(Panel::Properties, Lang::En, Selection::default());
    click(&mut harness, "Content language");
    click(&mut harness, "Other…");
    type_over(&mut harness, "Language code", "th");
    assert_eq!(harness.state().0.language, "th");
}

/// Every panel and kind of selection draws in both languages and themes with the bundled
/// fonts (kittest panics on a missing glyph) and every input has a name (kittest checks).
#[test]
fn every_panel_renders_in_both_languages() {
    let map = sample();
    let mut selections = vec![
        Selection::default(),
        Selection::only_stage(id("s3")),
        Selection::only_step(id("st4")),
        Selection::only_lane(id("l18")),
        Selection {
            cards: vec![id("c22"), id("c46")],
            ..Selection::default()
        },
    ];
    for lane in &map.lanes {
        if let Some(c) = map.cards.iter().find(|c| c.lane == lane.id) {
            selections.push(Selection::only_card(c.id.clone()));
        }
    }
    for lang in Lang::ALL {
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let mut harness = harness_themed(Panel::Inspector, lang, Selection::default(), theme);
            for selection in &selections {
                harness.state_mut().1 = selection.clone();
                harness.run();
            }
            assert!(harness.state().2.is_empty(), "{:#?}", harness.state().2);
            for panel in [Panel::Persona, Panel::Properties] {
                let mut harness = harness_themed(panel, lang, Selection::default(), theme);
                harness.run();
                // The placeholder avatar, and a review long overdue.
                let map = &mut harness.state_mut().0;
                map.persona.avatar.clear();
                map.review.last_reviewed = Some(jiff::civil::date(2000, 1, 1));
                harness.run();
                assert!(harness.state().2.is_empty(), "{:#?}", harness.state().2);
            }
        }
    }
}
