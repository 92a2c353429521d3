//! Nothing is lost or corrupted silently, tried through the real UI: a new card left empty,
//! paste between two maps, a file changed on disk by someone else.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cell_center, click_at, double_click, key, type_text};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use journeymap::model::{Evidence, Id, JourneyMap, PainAnchor};
use journeymap::ui::JourneyApp;

type H = Harness<'static, JourneyApp>;

fn map_of(h: &H) -> JourneyMap {
    h.state().map().expect("a map is open").clone()
}

/// A copy of the English AIDA template saved to a file, opened from it: clean, no history.
fn saved_map(dir: &std::path::Path) -> H {
    let map = journeymap::model::template::find("aida")
        .unwrap()
        .instantiate(journeymap::model::template::Lang::En);
    let path = dir.join("aida.ron");
    journeymap::file::save(&path, &map).unwrap();
    let mut h = common::harness(JourneyApp::with_file(&path), egui::Theme::Light);
    h.run();
    h
}

fn assert_untouched(h: &H, before: &JourneyMap, route: &str) {
    let doc = h.state().document().unwrap();
    assert_eq!(doc.map().cards, before.cards, "{route}: no card left");
    assert_eq!(doc.undo_label(), None, "{route}: no undo step");
    assert!(!doc.is_dirty(), "{route}: not dirty");
}

#[test]
fn a_new_card_left_empty_by_any_route_leaves_no_card_no_undo_step_and_no_dirty_flag() {
    let dir = tempfile::tempdir().unwrap();
    type Route = fn(&mut H);
    let routes: [(&str, Route); 5] = [
        ("Esc", |h| key(h, Key::Escape, Modifiers::NONE)),
        ("Enter", |h| key(h, Key::Enter, Modifiers::NONE)),
        ("Tab", |h| key(h, Key::Tab, Modifiers::NONE)),
        ("a click on another cell", |h| {
            let other = cell_center(h, "Step: Desire", "Lane: Thinking");
            click_at(h, other, Modifiers::NONE);
            h.run();
        }),
        ("focus moved to the toolbar", |h| {
            h.get_by_label("Fit").click();
            h.run();
        }),
    ];
    for (route, leave) in routes {
        let mut h = saved_map(dir.path());
        let before = map_of(&h);
        let cell = cell_center(&h, "Step: Awareness", "Lane: Doing");
        double_click(&mut h, cell);
        assert_eq!(
            map_of(&h).cards.len(),
            1,
            "{route}: the card is there while typing"
        );
        // Type and erase: still empty.
        type_text(&mut h, "x");
        key(&mut h, Key::Backspace, Modifiers::NONE);
        leave(&mut h);
        assert_untouched(&h, &before, route);
    }
}

#[test]
fn a_new_card_with_text_stays_and_undo_removes_it_in_two_steps() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = saved_map(dir.path());
    let before = map_of(&h);
    let cell = cell_center(&h, "Step: Awareness", "Lane: Doing");
    double_click(&mut h, cell);
    type_text(&mut h, "Sees an ad");
    key(&mut h, Key::Escape, Modifiers::NONE);
    let cards: Vec<String> = map_of(&h).cards.iter().map(|c| c.text.clone()).collect();
    assert_eq!(cards, ["Sees an ad"]);
    assert!(h.state().document().unwrap().is_dirty());
    key(&mut h, Key::Z, Modifiers::COMMAND);
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_untouched(&h, &before, "undo");
}

#[test]
fn an_empty_new_card_keeps_the_redo_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = saved_map(dir.path());
    let cell = cell_center(&h, "Step: Awareness", "Lane: Doing");
    double_click(&mut h, cell);
    type_text(&mut h, "Keep me");
    key(&mut h, Key::Escape, Modifiers::NONE);
    key(&mut h, Key::Z, Modifiers::COMMAND);
    let redo = h.state().document().unwrap().redo_label();
    assert!(redo.is_some());
    let other = cell_center(&h, "Step: Interest", "Lane: Doing");
    double_click(&mut h, other);
    key(&mut h, Key::Escape, Modifiers::NONE);
    assert_eq!(h.state().document().unwrap().redo_label(), redo);
    key(&mut h, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT);
    let texts: Vec<String> = map_of(&h).cards.iter().map(|c| c.text.clone()).collect();
    assert_eq!(texts, ["Keep me"]);
}

fn juicer() -> H {
    let path = common::repo().join("samples/may-ep-trai-cay.ron");
    let mut h = common::harness(JourneyApp::with_file(&path), egui::Theme::Light);
    h.run();
    common::fit_whole(&mut h);
    h
}

/// The accessible label of a card: its text, and its votes for pain points and opportunities.
fn card_label(h: &H, id: &str) -> String {
    let map = map_of(h);
    let card = map.card(&Id::new(id)).unwrap();
    let votes = card
        .pain
        .as_ref()
        .map(|p| p.votes)
        .or(card.opportunity.as_ref().map(|o| o.votes));
    match votes {
        Some(votes) => format!("Card: {} ({votes} votes)", card.text),
        None => format!("Card: {}", card.text),
    }
}

/// Selects the cards (click, then Shift-click) and copies them through the real clipboard events.
fn copy_cards(h: &mut H, ids: &[&str]) -> String {
    for (i, id) in ids.iter().enumerate() {
        let label = card_label(h, id);
        let pos = h.get_by_label(&label).rect().center();
        let modifiers = if i == 0 {
            Modifiers::NONE
        } else {
            Modifiers::SHIFT
        };
        click_at(h, pos, modifiers);
        h.run();
    }
    h.input_mut().events.push(egui::Event::Copy);
    h.step();
    common::copied_text(h).expect("Ctrl+C put text on the clipboard")
}

/// Selects `onto` and pastes `text` there; returns the new cards.
fn paste_onto(h: &mut H, onto: &str, text: &str) -> Vec<journeymap::model::Card> {
    let before: Vec<Id> = map_of(h).cards.iter().map(|c| c.id.clone()).collect();
    key(h, Key::Escape, Modifiers::NONE);
    let pos = h.get_by_label(&card_label(h, onto)).rect().center();
    click_at(h, pos, Modifiers::NONE);
    h.run();
    h.event(egui::Event::Paste(text.to_owned()));
    h.run();
    map_of(h)
        .cards
        .into_iter()
        .filter(|c| !before.contains(&c.id))
        .collect()
}

#[test]
fn pasting_into_another_map_drops_outside_links_instead_of_rebinding_them() {
    // c48 is a pain point pinned to touchpoint c29, with metric evidence c60. The second window
    // holds the same sample, so c29 and c60 exist there too, but they are not the same cards.
    let mut source = juicer();
    let clip = copy_cards(&mut source, &["c48"]);
    let mut other = juicer();
    let pasted = paste_onto(&mut other, "c48", &clip);
    assert_eq!(pasted.len(), 1);
    let pain = pasted[0].pain.as_ref().unwrap();
    assert_eq!(pain.anchor, None, "not rebound to the other map's c29");
    assert!(
        !pain.evidence.contains(&Evidence::Metric(Id::new("c60"))),
        "{:?}",
        pain.evidence
    );
    assert!(
        pain.evidence
            .iter()
            .any(|e| matches!(e, Evidence::Text(t) if t.contains("c60"))),
        "the link is dropped, not lost silently: {:?}",
        pain.evidence
    );
    assert!(journeymap::model::validate(&map_of(&other)).is_empty());

    // Pasted back into its own map, the same clipboard keeps its links.
    let pasted = paste_onto(&mut source, "c48", &clip);
    let pain = pasted[0].pain.as_ref().unwrap();
    assert_eq!(pain.anchor, Some(PainAnchor::Card(Id::new("c29"))));
    assert!(pain.evidence.contains(&Evidence::Metric(Id::new("c60"))));
}

#[test]
fn links_among_pasted_cards_follow_them_to_their_new_ids() {
    // c52 is the opportunity that addresses c48; both copied, pasted into another map.
    let mut source = juicer();
    let clip = copy_cards(&mut source, &["c48", "c52"]);
    let mut other = juicer();
    let pasted = paste_onto(&mut other, "c48", &clip);
    assert_eq!(pasted.len(), 2);
    let pain = pasted.iter().find(|c| c.pain.is_some()).unwrap();
    let opportunity = pasted.iter().find(|c| c.opportunity.is_some()).unwrap();
    assert_ne!(pain.id, Id::new("c48"));
    assert_eq!(
        opportunity.opportunity.as_ref().unwrap().addresses,
        vec![pain.id.clone()],
        "addresses the pasted pain point, not the other map's c48"
    );
    // The original c48 of the other map is addressed only by its own opportunity, as before.
    let map = map_of(&other);
    let addressing: Vec<&Id> = map
        .opportunities()
        .filter(|(_, o)| o.addresses.contains(&Id::new("c48")))
        .map(|(c, _)| &c.id)
        .collect();
    assert_eq!(addressing, [&Id::new("c52")]);
}

fn saved_juicer(dir: &std::path::Path) -> (std::path::PathBuf, H) {
    let path = dir.join("juicer.ron");
    let loaded =
        journeymap::file::load(&common::repo().join("samples/may-ep-trai-cay.ron")).unwrap();
    journeymap::file::save(&path, &loaded.map).unwrap();
    let mut h = common::harness(JourneyApp::with_file(&path), egui::Theme::Light);
    h.run();
    common::fit_whole(&mut h);
    (path, h)
}

/// An unsaved change here: pain point c48 deleted through the UI.
fn delete_c48(h: &mut H) {
    let c48 = card_label(h, "c48");
    h.get_by_label(&c48).click();
    h.run();
    key(h, Key::Delete, Modifiers::NONE);
    assert!(h.state().document().unwrap().is_dirty());
}

/// Someone else saves the file: a colleague's `git pull`, another window.
fn change_on_disk(path: &std::path::Path, title: &str) {
    let mut map = journeymap::file::load(path).unwrap().map;
    map.title = title.to_owned();
    journeymap::file::save(path, &map).unwrap();
}

/// Lets more than a second of UI time pass, so the file is looked at again.
fn wait_a_second(h: &mut H) {
    for _ in 0..40 {
        h.step();
    }
    h.run();
}

#[test]
fn an_unchanged_map_follows_its_file_when_it_changes_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = saved_juicer(dir.path());
    change_on_disk(&path, "Đổi bởi đồng nghiệp");
    wait_a_second(&mut h);
    assert_eq!(map_of(&h).title, "Đổi bởi đồng nghiệp");
    assert!(!h.state().document().unwrap().is_dirty());
    h.get_by_label_contains("it changed on disk");
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = saved_juicer(dir.path());
    delete_c48(&mut h);
    change_on_disk(&path, "Đổi bởi đồng nghiệp");
    wait_a_second(&mut h);
    // Not reloaded over the unsaved change; a banner says so.
    assert!(map_of(&h).card(&Id::new("c48")).is_none());
    h.get_by_label_contains("changed on disk since you opened it");

    // Ctrl+S asks instead of overwriting their version.
    key(&mut h, Key::S, Modifiers::COMMAND);
    h.get_by_label("The file changed on disk");
    assert_eq!(
        journeymap::file::load(&path).unwrap().map.title,
        "Đổi bởi đồng nghiệp",
        "nothing written yet"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        journeymap::file::load(&path).unwrap().map.title,
        "Đổi bởi đồng nghiệp"
    );

    // Replace it with mine: written, and the next save does not ask again.
    key(&mut h, Key::S, Modifiers::COMMAND);
    h.get_by_label("Replace it with mine").click();
    h.run();
    let on_disk = journeymap::file::load(&path).unwrap().map;
    assert_eq!(on_disk.title, map_of(&h).title);
    assert!(on_disk.card(&Id::new("c48")).is_none());
    assert!(!h.state().document().unwrap().is_dirty());
}

#[test]
fn reload_from_disk_drops_my_changes_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = saved_juicer(dir.path());
    delete_c48(&mut h);
    change_on_disk(&path, "Bản mới trên đĩa");
    key(&mut h, Key::S, Modifiers::COMMAND);
    h.get_by_label("Reload from disk (drop my changes)").click();
    h.run();
    let map = map_of(&h);
    assert_eq!(map.title, "Bản mới trên đĩa");
    assert!(map.card(&Id::new("c48")).is_some());
    assert!(!h.state().document().unwrap().is_dirty());
}
