//! The editor driven through the real UI with `egui_kittest`: every test clicks, types and
//! drags, then asserts the document, and undoes and redoes back to the exact earlier map.

mod common;

use common::{cell_center, check_undo_redo, click_at, double_click, drag, key, map_of, type_text};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use journeymap::model::template::Lang;

#[test]
fn add_a_stage_and_rename_it_in_vietnamese() {
    let mut h = common::editor_on_template("aisas", Lang::Vi);
    let before = map_of(&h);
    h.get_by_label("Add a stage").click();
    h.run();
    let added = map_of(&h);
    assert_eq!(added.stages.len(), before.stages.len() + 1);
    // The new stage's name is being typed at once, in place.
    h.get_by_label("Stage name");
    key(&mut h, Key::A, Modifiers::COMMAND);
    type_text(&mut h, "Trải nghiệm");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let after = map_of(&h);
    assert_eq!(
        after.stages.last().map(|s| s.name.as_str()),
        Some("Trải nghiệm")
    );
    // The new stage is at the right, under the inspector: show the whole map.
    common::fit_whole(&mut h);
    h.get_by_label("Stage: Trải nghiệm");
    // Two steps: add, rename.
    check_undo_redo(&mut h, &before, &after, 2);
}

#[test]
fn add_cards_by_double_click_and_by_keyboard() {
    let mut h = common::editor_on_template("aisas", Lang::Vi);
    let before = map_of(&h);
    let cell = cell_center(&h, "Step: Chú ý", "Lane: Điểm chạm");
    double_click(&mut h, cell);
    type_text(&mut h, "Quảng cáo Facebook");
    key(&mut h, Key::Enter, Modifiers::NONE);
    // Tab to the next cell, Enter adds a card there and types at once.
    key(&mut h, Key::Tab, Modifiers::NONE);
    key(&mut h, Key::Enter, Modifiers::NONE);
    type_text(&mut h, "Xem video TikTok");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let after = map_of(&h);
    let texts: Vec<_> = after.cards.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Quảng cáo Facebook", "Xem video TikTok"]);
    let steps: Vec<_> = after.steps().map(|(_, s)| s.id.clone()).collect();
    assert_eq!(after.cards[0].step, steps[0]);
    assert_eq!(after.cards[1].step, steps[1]);
    assert_eq!(after.cards[0].lane, after.cards[1].lane);
    h.get_by_label("Card: Quảng cáo Facebook");
    // Each card: one step to add, one for the typing.
    check_undo_redo(&mut h, &before, &after, 4);
}

#[test]
fn esc_on_a_new_empty_card_leaves_nothing_behind() {
    let mut h = common::editor_on_template("aida", Lang::En);
    let before = map_of(&h);
    let cell = cell_center(&h, "Step: Awareness", "Lane: Doing");
    double_click(&mut h, cell);
    assert_eq!(map_of(&h).cards.len(), 1);
    key(&mut h, Key::Escape, Modifiers::NONE);
    assert_eq!(map_of(&h).cards, before.cards);
}

#[test]
fn drag_a_card_to_another_cell() {
    let mut h = common::aisas_with_cards();
    let before = map_of(&h);
    let from = h.get_by_label("Card: Một").rect().center();
    let to = cell_center(&h, "Step: Tìm kiếm", "Lane: Hành động");
    drag(&mut h, from, to, Modifiers::NONE);
    let after = map_of(&h);
    let moved = after.cards.iter().find(|c| c.text == "Một").unwrap();
    let search = after.stages[2].steps[0].id.clone();
    let actions = after.lanes[1].id.clone();
    assert_eq!((&moved.step, &moved.lane), (&search, &actions));
    assert_eq!(after.cards.len(), before.cards.len());
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn drag_reorders_cards_within_a_cell() {
    let mut h = common::aisas_with_cards();
    let from = h.get_by_label("Card: Hai").rect().center();
    let to = h.get_by_label("Card: Một").rect().left_top() + egui::vec2(20.0, 2.0);
    drag(&mut h, from, to, Modifiers::NONE);
    let after = map_of(&h);
    let first_cell: Vec<_> = after
        .cards_in(&after.cards[0].step, &after.cards[0].lane)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(first_cell, ["Hai", "Một"]);
}

#[test]
fn drag_a_lane_label_to_reorder_lanes() {
    let mut h = common::editor_on_template("aisas", Lang::Vi);
    let before = map_of(&h);
    let from = h.get_by_label("Lane: Điểm chạm").rect().center();
    let below = h.get_by_label("Lane: Suy nghĩ").rect();
    drag(
        &mut h,
        from,
        below.center() + egui::vec2(0.0, below.height() * 0.3),
        Modifiers::NONE,
    );
    let after = map_of(&h);
    let names: Vec<_> = after.lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(&names[..3], ["Hành động", "Suy nghĩ", "Điểm chạm"]);
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn multi_select_and_delete() {
    let mut h = common::aisas_with_cards();
    let before = map_of(&h);
    let a = h.get_by_label("Card: Một").rect().center();
    let c = h.get_by_label("Card: Ba").rect().center();
    click_at(&mut h, a, Modifiers::NONE);
    click_at(&mut h, c, Modifiers::SHIFT);
    assert_eq!(h.state().editor().selection.cards.len(), 2);
    key(&mut h, Key::Delete, Modifiers::NONE);
    let after = map_of(&h);
    let texts: Vec<_> = after.cards.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Hai"]);
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn rubber_band_selects_cards() {
    let mut h = common::aisas_with_cards();
    let a = h.get_by_label("Card: Một").rect();
    let c = h.get_by_label("Card: Ba").rect();
    drag(
        &mut h,
        a.left_top() - egui::vec2(4.0, 4.0),
        c.right_bottom() + egui::vec2(4.0, 30.0),
        Modifiers::SHIFT,
    );
    assert_eq!(h.state().editor().selection.cards.len(), 3);
}

#[test]
fn copy_and_paste_cards() {
    let mut h = common::aisas_with_cards();
    let a = h.get_by_label("Card: Một").rect().center();
    click_at(&mut h, a, Modifiers::NONE);
    // The inspector opened over the right of the map: show it all again.
    common::fit_whole(&mut h);
    h.input_mut().events.push(egui::Event::Copy);
    h.step();
    let copied = common::copied_text(&h);
    let copied = copied.expect("cards were copied to the clipboard");
    // Paste into another cell, chosen with the keyboard cell.
    let target = cell_center(&h, "Step: Chia sẻ", "Lane: Suy nghĩ");
    click_at(&mut h, target, Modifiers::NONE);
    h.event(egui::Event::Paste(copied));
    h.run();
    let map = map_of(&h);
    let pasted: Vec<_> = map.cards.iter().filter(|c| c.text == "Một").collect();
    assert_eq!(pasted.len(), 2);
    assert_ne!(pasted[0].id, pasted[1].id);
    // Plain text lines become cards.
    h.event(egui::Event::Paste("Dòng một\nDòng hai\n".into()));
    h.run();
    assert!(map_of(&h).cards.iter().any(|c| c.text == "Dòng hai"));
}

#[test]
fn typing_vietnamese_through_an_input_method() {
    let mut h = common::editor_on_template("aisas", Lang::Vi);
    let cell = cell_center(&h, "Step: Chú ý", "Lane: Điểm chạm");
    double_click(&mut h, cell);
    // ibus/fcitx: preedit shows the composition, commit delivers it.
    for (preedit, commit) in [
        ("N", None),
        ("Nh", None),
        ("Nhâ", None),
        ("Nhận", Some("Nhận")),
    ] {
        h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
            text: preedit.to_owned(),
            active_range_chars: None,
        }));
        h.run();
        if let Some(commit) = commit {
            h.event(egui::Event::Ime(egui::ImeEvent::Commit(commit.to_owned())));
            h.run();
        }
    }
    type_text(&mut h, " thức");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(map_of(&h).cards[0].text, "Nhận thức");
}

#[test]
fn unikey_backspace_recomposition_never_deletes_the_card() {
    let mut h = common::aisas_with_cards();
    let before_count = map_of(&h).cards.len();
    let cell = cell_center(&h, "Step: Tìm kiếm", "Lane: Điểm chạm");
    double_click(&mut h, cell);
    // Unikey types "Nhaa" as: N, h, a, then Backspace and the recomposed "â".
    for text in ["N", "h", "a"] {
        type_text(&mut h, text);
    }
    key(&mut h, Key::Backspace, Modifiers::NONE);
    type_text(&mut h, "â");
    type_text(&mut h, "n");
    key(&mut h, Key::Backspace, Modifiers::NONE);
    key(&mut h, Key::Backspace, Modifiers::NONE);
    type_text(&mut h, "ận");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let map = map_of(&h);
    assert_eq!(
        map.cards.len(),
        before_count + 1,
        "Backspace deleted a card"
    );
    assert!(
        map.cards.iter().any(|c| c.text == "Nhận"),
        "{:?}",
        map.cards
    );
}

#[test]
fn unsaved_changes_prompt_guards_closing() {
    let mut h = common::aisas_with_cards();
    assert!(
        h.state()
            .document()
            .is_some_and(journeymap::edit::Document::is_dirty)
    );
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Close map").click();
    h.run();
    h.get_by_label_contains("has changes that are not saved");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().map().is_some(), "cancel keeps the map open");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Close map").click();
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().map().is_none(), "don't save closes the map");
}

#[test]
fn save_from_the_prompt_writes_the_file_then_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let mut h = common::aisas_with_cards();
    assert!(h.state_mut().save_to(&path));
    let cell = cell_center(&h, "Step: Chia sẻ", "Lane: Điểm chạm");
    double_click(&mut h, cell);
    type_text(&mut h, "Chia sẻ ảnh");
    key(&mut h, Key::Enter, Modifiers::NONE);
    h.state_mut().request(journeymap::ui::PendingAction::Close);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(h.state().map().is_none());
    let saved = journeymap::file::load(&path).unwrap().map;
    assert!(saved.cards.iter().any(|c| c.text == "Chia sẻ ảnh"));
}

#[test]
fn switching_the_ui_language() {
    let mut h = common::editor_on_template("aida", Lang::En);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Tiếng Việt").click();
    h.run();
    assert_eq!(h.state().prefs().lang, Lang::Vi);
    h.get_by_label("Tệp");
    h.get_by_label("Xem");
    h.get_by_label("Thêm giai đoạn");
}

#[test]
fn recovery_after_a_simulated_crash() {
    let dir = tempfile::tempdir().unwrap();
    let map = journeymap::model::template::find("aisas")
        .unwrap()
        .instantiate(Lang::Vi);
    let app = journeymap::ui::JourneyApp::new(Some(journeymap::ui::OpenMap::unsaved(map)), None)
        .with_recovery(dir.path().to_owned(), 0.0);
    let mut h = common::harness(app, egui::Theme::Dark);
    h.run();
    let cell = cell_center(&h, "Step: Chú ý", "Lane: Điểm chạm");
    double_click(&mut h, cell);
    type_text(&mut h, "Đừng mất tôi");
    key(&mut h, Key::Enter, Modifiers::NONE);
    h.run_steps(3);
    let edited = map_of(&h);
    // The window goes away without a save or a clean close: its copy stays and its lock is
    // released, as the OS does when a process dies (tests/recovery.rs kills a real one).
    drop(h);

    // Next start, same recovery folder.
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    assert_eq!(files.len(), 1, "one recovery copy was written");
    let app = journeymap::ui::JourneyApp::new(None, None).with_recovery(dir.path().to_owned(), 0.0);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    h.get_by_label("Restore unsaved work?");
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(map_of(&h), edited);
    assert!(
        h.state()
            .document()
            .is_some_and(journeymap::edit::Document::is_dirty)
    );
    assert!(
        files[0].exists(),
        "the restored copy is kept until the map is saved"
    );
    let saved = dir.path().join("saved.ron");
    assert!(h.state_mut().save_to(&saved));
    assert!(!files[0].exists(), "saved: the copy is removed");
}
