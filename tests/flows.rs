//! The README's editor flows that had no test of their own, driven through the real UI with
//! `egui_kittest`: keys, clicks, drags, menus, the built-in file dialog and dropped files.
//! Each test asserts on the document (or the file on disk) and, where the flow edits the map,
//! undoes and redoes back to the exact earlier map.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::{cell_center, check_undo_redo, click_at, double_click, drag, key, map_of, type_text};
use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use journeymap::model::template::Lang;
use journeymap::model::{ColorToken, JourneyMap, LaneKind};
use journeymap::ui::{JourneyApp, OpenMap, Prefs};

type H = Harness<'static, JourneyApp>;

fn center(h: &H, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

/// The texts of the cards in one cell, in order.
fn cell_texts(map: &JourneyMap, step: &str, lane: &str) -> Vec<String> {
    let step = map
        .steps()
        .find(|(stage, s)| s.name == step || (s.name.is_empty() && stage.name == step))
        .map_or_else(|| panic!("no step {step}"), |(_, s)| s.id.clone());
    let lane = map
        .lanes
        .iter()
        .find(|l| l.name == lane)
        .map_or_else(|| panic!("no lane {lane}"), |l| l.id.clone());
    map.cards_in(&step, &lane).map(|c| c.text.clone()).collect()
}

/// The texts of the selected cards.
fn selected_texts(h: &H) -> Vec<String> {
    let map = map_of(h);
    h.state()
        .editor()
        .selection
        .cards
        .iter()
        .filter_map(|id| map.card(id))
        .map(|c| c.text.clone())
        .collect()
}

/// The keyboard cell, as (step's stage name, lane name).
fn cursor(h: &H) -> Option<(String, String)> {
    let map = map_of(h);
    let (step, lane) = h.state().editor().cursor.clone()?;
    let stage = map
        .steps()
        .find(|(_, s)| s.id == step)
        .map(|(stage, _)| stage.name.clone())?;
    Some((stage, map.lane(&lane)?.name.clone()))
}

fn cell(stage: &str, lane: &str) -> Option<(String, String)> {
    Some((stage.to_owned(), lane.to_owned()))
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

// ---------------------------------------------------------------------------------------------
// Cards

#[test]
fn arrow_keys_walk_the_cards_of_a_cell_then_move_between_cells() {
    let mut h = common::aisas_with_cards();
    let before = map_of(&h);
    let one = center(&h, "Card: Một");
    click_at(&mut h, one, Modifiers::NONE);
    assert_eq!(selected_texts(&h), ["Một"]);
    assert_eq!(cursor(&h), cell("Chú ý", "Điểm chạm"));

    // Down walks the cards of the cell first, then leaves it for the lane below.
    key(&mut h, Key::ArrowDown, Modifiers::NONE);
    assert_eq!(selected_texts(&h), ["Hai"]);
    assert_eq!(cursor(&h), cell("Chú ý", "Điểm chạm"));
    key(&mut h, Key::ArrowDown, Modifiers::NONE);
    assert_eq!(cursor(&h), cell("Chú ý", "Hành động"));
    assert!(
        selected_texts(&h).is_empty(),
        "the empty cell selects nothing"
    );
    // Up, back into the cell from below: its last card.
    key(&mut h, Key::ArrowUp, Modifiers::NONE);
    assert_eq!(cursor(&h), cell("Chú ý", "Điểm chạm"));
    assert_eq!(selected_texts(&h), ["Hai"]);
    // Right and left: the next step's first card, and back.
    key(&mut h, Key::ArrowRight, Modifiers::NONE);
    assert_eq!(cursor(&h), cell("Quan tâm", "Điểm chạm"));
    assert_eq!(selected_texts(&h), ["Ba"]);
    key(&mut h, Key::ArrowLeft, Modifiers::NONE);
    assert_eq!(cursor(&h), cell("Chú ý", "Điểm chạm"));
    assert_eq!(selected_texts(&h), ["Một"]);
    // Right past the last step stays on the last step.
    for _ in 0..6 {
        key(&mut h, Key::ArrowRight, Modifiers::NONE);
    }
    assert_eq!(cursor(&h), cell("Chia sẻ", "Điểm chạm"));

    // The keyboard cell is where Enter adds a card.
    key(&mut h, Key::Enter, Modifiers::NONE);
    type_text(&mut h, "Đăng ảnh");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let after = map_of(&h);
    assert_eq!(cell_texts(&after, "Chia sẻ", "Điểm chạm"), ["Đăng ảnh"]);
    // Moving around changed nothing: the only undo steps are the new card and its text.
    check_undo_redo(&mut h, &before, &after, 2);
}

#[test]
fn ctrl_d_duplicates_the_selected_card_right_after_it() {
    let mut h = common::aisas_with_cards();
    let before = map_of(&h);
    let one = center(&h, "Card: Một");
    click_at(&mut h, one, Modifiers::NONE);
    key(&mut h, Key::D, Modifiers::COMMAND);
    let after = map_of(&h);
    assert_eq!(
        cell_texts(&after, "Chú ý", "Điểm chạm"),
        ["Một", "Một", "Hai"]
    );
    assert_eq!(after.cards.len(), before.cards.len() + 1);
    // The copy is a new card (its own id) and is what is selected now.
    let copies: Vec<_> = after.cards.iter().filter(|c| c.text == "Một").collect();
    assert_ne!(copies[0].id, copies[1].id);
    let original = before.cards.iter().find(|c| c.text == "Một").unwrap();
    let copy = copies.iter().find(|c| c.id != original.id).unwrap();
    assert_eq!(h.state().editor().selection.cards, vec![copy.id.clone()]);
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn ctrl_x_cuts_a_card_and_paste_puts_it_in_another_cell() {
    let mut h = common::aisas_with_cards();
    let before = map_of(&h);
    let three = center(&h, "Card: Ba");
    click_at(&mut h, three, Modifiers::NONE);
    // Ctrl+X reaches egui as a Cut event (egui-winit turns the key into it).
    h.input_mut().events.push(egui::Event::Cut);
    h.step();
    let cut = common::copied_text(&h).expect("the cut card is on the clipboard");
    h.run();
    let after_cut = map_of(&h);
    assert!(after_cut.cards.iter().all(|c| c.text != "Ba"), "card gone");
    assert!(h.query_by_label("Card: Ba").is_none());
    assert_eq!(after_cut.cards.len(), before.cards.len() - 1);

    // Paste into another cell, chosen with a click.
    let target = cell_center(&h, "Step: Chia sẻ", "Lane: Suy nghĩ");
    click_at(&mut h, target, Modifiers::NONE);
    h.event(egui::Event::Paste(cut));
    h.run();
    let after = map_of(&h);
    assert_eq!(after.cards.len(), before.cards.len());
    assert_eq!(cell_texts(&after, "Chia sẻ", "Suy nghĩ"), ["Ba"]);
    assert!(cell_texts(&after, "Quan tâm", "Điểm chạm").is_empty());
    // The inspector opened over the right of the map: show it all again.
    common::fit_whole(&mut h);
    h.get_by_label("Card: Ba");
    // Cut, paste: two steps.
    check_undo_redo(&mut h, &after_cut, &after, 1);
    check_undo_redo(&mut h, &before, &after, 2);
}

#[test]
fn edit_an_existing_card_by_double_click_and_by_enter() {
    let mut h = common::aisas_with_cards();
    let before = map_of(&h);
    let one = center(&h, "Card: Một");
    double_click(&mut h, one);
    h.get_by_label("Card text");
    key(&mut h, Key::A, Modifiers::COMMAND);
    type_text(&mut h, "Một (đã sửa)");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(
        cell_texts(&map_of(&h), "Chú ý", "Điểm chạm"),
        ["Một (đã sửa)", "Hai"]
    );
    let edited_once = map_of(&h);

    // Select, Enter: edit the text in place, keeping what is there.
    let two = center(&h, "Card: Hai");
    click_at(&mut h, two, Modifiers::NONE);
    key(&mut h, Key::Enter, Modifiers::NONE);
    key(&mut h, Key::End, Modifiers::NONE);
    type_text(&mut h, " nữa");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let after = map_of(&h);
    assert_eq!(
        cell_texts(&after, "Chú ý", "Điểm chạm"),
        ["Một (đã sửa)", "Hai nữa"]
    );
    // The same cards, edited, not new ones.
    let ids = |m: &JourneyMap| m.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&after), ids(&before));
    // One step per edit.
    check_undo_redo(&mut h, &edited_once, &after, 1);
    check_undo_redo(&mut h, &before, &after, 2);
}

// ---------------------------------------------------------------------------------------------
// Stages

#[test]
fn double_click_a_stage_header_to_rename_it() {
    let mut h = common::editor_on_template("aisas", Lang::Vi);
    let before = map_of(&h);
    let header = center(&h, "Stage: Chú ý");
    double_click(&mut h, header);
    h.get_by_label("Stage name");
    key(&mut h, Key::A, Modifiers::COMMAND);
    type_text(&mut h, "Nhận biết");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let after = map_of(&h);
    assert_eq!(after.stages[0].name, "Nhận biết");
    assert_eq!(after.stages[0].id, before.stages[0].id);
    h.get_by_label("Stage: Nhận biết");
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn drag_a_stage_header_to_reorder_the_stages_with_their_cards() {
    let mut h = common::aisas_with_cards();
    let before = map_of(&h);
    let from = center(&h, "Stage: Chú ý");
    let past = h.get_by_label("Stage: Tìm kiếm").rect();
    drag(
        &mut h,
        from,
        past.center() + egui::vec2(past.width() * 0.3, 0.0),
        Modifiers::NONE,
    );
    let after = map_of(&h);
    let names: Vec<_> = after.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Quan tâm", "Tìm kiếm", "Chú ý", "Hành động", "Chia sẻ"]
    );
    // The cards went with their stage.
    assert_eq!(cell_texts(&after, "Chú ý", "Điểm chạm"), ["Một", "Hai"]);
    assert_eq!(after.cards, before.cards);
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn stage_context_menu_splits_into_steps_colours_and_deletes() {
    let mut h = common::aisas_with_cards();
    let before = map_of(&h);
    let stage_id = before.stages[1].id.clone();
    let stage = |m: &JourneyMap| m.stages.iter().find(|s| s.id == stage_id).cloned();

    let header = center(&h, "Stage: Quan tâm");
    common::right_click(&mut h, header);
    click(&mut h, "Split: add a step");
    let split = map_of(&h);
    let steps: Vec<_> = stage(&split)
        .unwrap()
        .steps
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(steps, ["", "Bước mới"]);
    h.get_by_label("Step: Bước mới");

    let header = center(&h, "Stage: Quan tâm");
    common::right_click(&mut h, header);
    // The inspector has a "Colour" label too; the menu's is a button.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Colour")
        .click();
    h.run();
    click(&mut h, "■ Red");
    let coloured = map_of(&h);
    assert_eq!(stage(&coloured).unwrap().color, Some(ColorToken::Red));

    let header = center(&h, "Stage: Quan tâm");
    common::right_click(&mut h, header);
    click(&mut h, "Delete stage");
    let after = map_of(&h);
    assert!(stage(&after).is_none());
    assert!(h.query_by_label("Stage: Quan tâm").is_none());
    // Its card went with it; the others stay.
    let texts: Vec<_> = after.cards.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Một", "Hai"]);
    check_undo_redo(&mut h, &coloured, &after, 1);
    check_undo_redo(&mut h, &split, &after, 2);
    check_undo_redo(&mut h, &before, &after, 3);
}

// ---------------------------------------------------------------------------------------------
// Lanes

fn kind_label(kind: LaneKind, name: &str) -> String {
    format!("{} {name}", journeymap::ui::kit::labels::lane_icon(kind))
}

#[test]
fn add_a_lane_with_the_button_under_the_map() {
    let mut h = common::editor_on_template("aida", Lang::En);
    let before = map_of(&h);
    click(&mut h, "Add a lane");
    click(&mut h, &kind_label(LaneKind::Metrics, "Metrics"));
    let after = map_of(&h);
    assert_eq!(after.lanes.len(), before.lanes.len() + 1);
    let added = after.lanes.last().unwrap();
    assert_eq!(
        (added.name.as_str(), added.kind),
        ("Metrics", LaneKind::Metrics)
    );
    assert_eq!(h.state().editor().selection.lane.as_ref(), Some(&added.id));
    h.get_by_label("Lane: Metrics");
    // Its name is being typed; Enter keeps it as it is.
    key(&mut h, Key::Enter, Modifiers::NONE);
    check_undo_redo(&mut h, &before, &after, 1);
}

#[test]
fn the_lane_toggle_collapses_and_expands_a_lane_without_changing_the_map() {
    let mut h = common::editor_on_template("aida", Lang::En);
    let awareness = cell_center(&h, "Step: Awareness", "Lane: Touchpoints");
    double_click(&mut h, awareness);
    type_text(&mut h, "Facebook ad");
    key(&mut h, Key::Enter, Modifiers::NONE);
    key(&mut h, Key::Escape, Modifiers::NONE);
    let before = map_of(&h);
    let revision = h
        .state()
        .document()
        .map(journeymap::edit::Document::revision);
    let lane = before.lanes[0].id.clone();
    let tall = h.get_by_label("Lane: Touchpoints").rect().height();

    click(&mut h, "Collapse Touchpoints");
    assert!(h.state().editor().collapsed.contains(&lane));
    assert!(
        h.query_by_label("Card: Facebook ad").is_none(),
        "card hidden"
    );
    let short = h.get_by_label("Lane: Touchpoints").rect().height();
    assert!(short < tall, "{short} < {tall}");
    // A collapsed lane takes no new cards from a double-click.
    let collapsed_cell = cell_center(&h, "Step: Interest", "Lane: Touchpoints");
    double_click(&mut h, collapsed_cell);
    assert_eq!(map_of(&h), before);

    click(&mut h, "Expand Touchpoints");
    assert!(!h.state().editor().collapsed.contains(&lane));
    h.get_by_label("Card: Facebook ad");
    // Collapsing is a view, not an edit: the map and its undo history are unchanged.
    assert_eq!(map_of(&h), before);
    assert_eq!(
        h.state()
            .document()
            .map(journeymap::edit::Document::revision),
        revision
    );
}

#[test]
fn lane_context_menu_renames_collapses_adds_below_and_deletes() {
    let mut h = common::editor_on_template("aida", Lang::En);
    let before = map_of(&h);

    let label = center(&h, "Lane: Thinking");
    common::right_click(&mut h, label);
    click(&mut h, "Rename");
    h.get_by_label("Lane name");
    key(&mut h, Key::A, Modifiers::COMMAND);
    type_text(&mut h, "Thoughts");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let renamed = map_of(&h);
    assert_eq!(renamed.lanes[2].name, "Thoughts");

    let label = center(&h, "Lane: Thoughts");
    common::right_click(&mut h, label);
    click(&mut h, "Collapse");
    assert!(h.state().editor().collapsed.contains(&renamed.lanes[2].id));
    let label = center(&h, "Lane: Thoughts");
    common::right_click(&mut h, label);
    click(&mut h, "Expand");
    assert!(h.state().editor().collapsed.is_empty());

    let label = center(&h, "Lane: Thoughts");
    common::right_click(&mut h, label);
    click(&mut h, "Add lane below");
    click(&mut h, &kind_label(LaneKind::Text, "Free text"));
    let added = map_of(&h);
    let names: Vec<_> = added.lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Touchpoints",
            "Doing",
            "Thoughts",
            "Notes",
            "Feeling",
            "Pain points",
            "Opportunities"
        ]
    );
    assert_eq!(added.lanes[3].kind, LaneKind::Text);

    let label = center(&h, "Lane: Doing");
    common::right_click(&mut h, label);
    click(&mut h, "Delete lane");
    let after = map_of(&h);
    assert!(after.lanes.iter().all(|l| l.name != "Doing"));
    assert!(h.query_by_label("Lane: Doing").is_none());
    check_undo_redo(&mut h, &added, &after, 1);
    check_undo_redo(&mut h, &renamed, &after, 2);
    check_undo_redo(&mut h, &before, &after, 3);
}

// ---------------------------------------------------------------------------------------------
// View

#[test]
fn ctrl_plus_minus_and_zero_zoom_the_map_not_the_whole_window() {
    let mut h = common::editor_on_template("aisas", Lang::Vi);
    let map = map_of(&h);
    let zoom = |h: &H| h.state().view().zoom;
    let fitted = zoom(&h);
    key(&mut h, Key::Plus, Modifiers::COMMAND);
    let larger = zoom(&h);
    assert!(larger > fitted, "Ctrl + zooms in: {fitted} → {larger}");
    // Ctrl = too: "+" without Shift on most keyboards.
    key(&mut h, Key::Equals, Modifiers::COMMAND);
    let largest = zoom(&h);
    assert!(largest > larger, "Ctrl = zooms in: {larger} → {largest}");
    key(&mut h, Key::Minus, Modifiers::COMMAND);
    assert!((zoom(&h) - larger).abs() < 1e-4, "Ctrl − steps back");
    key(&mut h, Key::Minus, Modifiers::COMMAND);
    key(&mut h, Key::Minus, Modifiers::COMMAND);
    assert!(zoom(&h) < larger);
    key(&mut h, Key::Num1, Modifiers::COMMAND);
    assert!((zoom(&h) - 1.0).abs() < 1e-6, "Ctrl 1 is 100 %");
    h.get_by_label("100 %");
    // egui's own Ctrl +/− (scaling every widget) never saw the keys.
    assert!((h.ctx.zoom_factor() - 1.0).abs() < f32::EPSILON);
    assert_eq!(map_of(&h), map);
}

#[test]
fn ctrl_plus_while_typing_never_scales_the_whole_window() {
    let mut h = common::editor_on_template("aisas", Lang::Vi);
    let cell = cell_center(&h, "Step: Chú ý", "Lane: Điểm chạm");
    double_click(&mut h, cell);
    type_text(&mut h, "Quảng cáo");
    // In a text field the canvas leaves the keys alone; egui must not take them to scale every
    // widget either (Ctrl 0 on the canvas could never undo that).
    key(&mut h, Key::Plus, Modifiers::COMMAND);
    key(&mut h, Key::Minus, Modifiers::COMMAND);
    key(&mut h, Key::Plus, Modifiers::COMMAND);
    key(&mut h, Key::Enter, Modifiers::NONE);
    key(&mut h, Key::Num0, Modifiers::COMMAND);
    assert!(
        (h.ctx.zoom_factor() - 1.0).abs() < f32::EPSILON,
        "the whole window was scaled to {}",
        h.ctx.zoom_factor()
    );
    assert_eq!(map_of(&h).cards[0].text, "Quảng cáo");
}

// ---------------------------------------------------------------------------------------------
// Files

fn with_builtin_dialog(app: JourneyApp, recent: Vec<PathBuf>) -> JourneyApp {
    app.with_prefs(Prefs {
        builtin_dialog: true,
        recent,
        ..Prefs::default()
    })
}

fn load(path: &Path) -> JourneyMap {
    journeymap::file::load(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map
}

/// Types `name` into the dialog's file name field (which has the focus) and presses Enter.
fn choose_in_dialog(h: &mut H, name: &str) {
    key(h, Key::A, Modifiers::COMMAND);
    type_text(h, name);
    key(h, Key::Enter, Modifiers::NONE);
}

fn copy_sample(dir: &Path, sample: &str, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(common::repo().join("samples").join(sample), &path)
        .unwrap_or_else(|e| panic!("{sample}: {e}"));
    path
}

fn is_dirty(h: &H) -> bool {
    h.state()
        .document()
        .is_some_and(journeymap::edit::Document::is_dirty)
}

#[test]
fn ctrl_s_asks_where_then_writes_the_file_and_saves_again_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let map = journeymap::model::template::find("aida")
        .unwrap()
        .instantiate(Lang::En);
    // The dialog starts in the folder of the last file used.
    let app = with_builtin_dialog(
        JourneyApp::new(Some(OpenMap::unsaved(map)), None),
        vec![dir.path().join("earlier.ron")],
    );
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    let cell = cell_center(&h, "Step: Awareness", "Lane: Touchpoints");
    double_click(&mut h, cell);
    type_text(&mut h, "Facebook ad");
    key(&mut h, Key::Enter, Modifiers::NONE);

    key(&mut h, Key::S, Modifiers::COMMAND);
    h.get_by_label("Save the map");
    choose_in_dialog(&mut h, "campaign");
    let path = dir.path().join("campaign.ron");
    assert_eq!(load(&path), map_of(&h), "the file holds the map");
    assert_eq!(h.state().path(), Some(path.as_path()));
    assert!(!is_dirty(&h));

    // Once it has a file, Ctrl+S writes it without asking.
    let cell = cell_center(&h, "Step: Interest", "Lane: Touchpoints");
    double_click(&mut h, cell);
    type_text(&mut h, "Landing page");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert!(is_dirty(&h));
    key(&mut h, Key::S, Modifiers::COMMAND);
    assert!(h.query_by_label("Save the map").is_none(), "no dialog");
    let saved = load(&path);
    assert_eq!(saved, map_of(&h));
    assert!(saved.cards.iter().any(|c| c.text == "Landing page"));
    assert!(!is_dirty(&h));
}

#[test]
fn ctrl_o_opens_a_map_chosen_in_the_file_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let first = copy_sample(dir.path(), "b2b-crm.ron", "first.ron");
    let second = copy_sample(dir.path(), "ecommerce-sneakers.ron", "second.ron");
    let app = with_builtin_dialog(JourneyApp::with_file(&first), Vec::new());
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    assert_eq!(map_of(&h), load(&first));

    key(&mut h, Key::O, Modifiers::COMMAND);
    h.get_by_label("Open a map");
    // The dialog lists the open map's folder; a click on a file picks it.
    click(&mut h, "📄 second.ron");
    click(&mut h, "Open");
    assert!(h.query_by_label("Open a map").is_none(), "dialog closed");
    assert_eq!(map_of(&h), load(&second));
    assert_eq!(h.state().path(), Some(second.as_path()));
    assert!(!is_dirty(&h));

    // Click a file, then Enter: opens it too (the click leaves the keyboard focus on no
    // widget of the dialog).
    key(&mut h, Key::O, Modifiers::COMMAND);
    click(&mut h, "📄 first.ron");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert!(
        h.query_by_label("Open a map").is_none(),
        "Enter opened the file"
    );
    assert_eq!(map_of(&h), load(&first));
    assert_eq!(h.state().path(), Some(first.as_path()));
}

/// A file dropped from the desktop, as eframe hands it to egui: its path, read on demand.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_ron_file_opens_it_asking_first_if_unsaved_and_other_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let dropped = copy_sample(dir.path(), "ecommerce-sneakers.ron", "dropped.ron");
    let mut h = common::harness(JourneyApp::new(None, None), egui::Theme::Light);
    h.run();
    let drop = |h: &mut H, path: &Path| {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(DroppedPath(path.to_owned())));
        h.run();
    };
    drop(&mut h, &dropped);
    assert_eq!(map_of(&h), load(&dropped));
    assert_eq!(h.state().path(), Some(dropped.as_path()));
    h.get_by_label(&format!("Map canvas: {}", map_of(&h).title));

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a map").unwrap();
    drop(&mut h, &text);
    h.get_by_label_contains("Only .ron journey maps can be opened here");
    assert_eq!(map_of(&h), load(&dropped), "the open map stays");
    click(&mut h, "OK");

    // Dropped on a map with unsaved changes: asks first.
    common::fit_whole(&mut h);
    click(&mut h, "Add a stage");
    let edited = map_of(&h);
    let other = copy_sample(dir.path(), "b2b-crm.ron", "other.ron");
    drop(&mut h, &other);
    h.get_by_label_contains("has changes that are not saved");
    click(&mut h, "Cancel");
    assert_eq!(map_of(&h), edited);
    drop(&mut h, &other);
    click(&mut h, "Don't save");
    assert_eq!(map_of(&h), load(&other));
}

// ---------------------------------------------------------------------------------------------
// Preferences

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// The key eframe keeps egui's memory (and with it the theme preference) under
/// (`STORAGE_EGUI_MEMORY_KEY` in eframe's `native/epi_integration.rs`).
const EGUI_MEMORY_KEY: &str = "egui";

#[test]
fn theme_and_language_are_remembered_in_eframe_storage() {
    let mut h = common::editor_on_template("aida", Lang::En);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    click(&mut h, "View");
    click(&mut h, "Theme");
    click(&mut h, "Dark");
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    click(&mut h, "View");
    click(&mut h, "Language");
    click(&mut h, "Tiếng Việt");

    // On exit eframe asks the app to save, and saves egui's memory itself.
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    h.ctx
        .memory(|m| eframe::set_value(&mut storage, EGUI_MEMORY_KEY, m));
    drop(h);

    // Next start: eframe restores egui's memory, the app reads its preferences.
    let prefs = journeymap::ui::load_prefs(Some(&storage));
    assert_eq!(prefs.lang, Lang::Vi);
    let memory: egui::Memory = eframe::get_value(&storage, EGUI_MEMORY_KEY)
        .unwrap_or_else(|| panic!("egui's memory was not stored"));
    let app = JourneyApp::new(None, None).with_prefs(prefs);
    let mut h = common::harness(app, egui::Theme::Light);
    h.ctx.memory_mut(|m| *m = memory);
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    assert!(h.ctx.global_style().visuals.dark_mode);
    h.get_by_label("Tệp");
}

// ---------------------------------------------------------------------------------------------
// The unsaved-changes prompt

#[test]
fn unsaved_changes_prompt_on_ctrl_o_cancel_keeps_the_map_and_dont_save_opens() {
    let dir = tempfile::tempdir().unwrap();
    let first = copy_sample(dir.path(), "b2b-crm.ron", "first.ron");
    let second = copy_sample(dir.path(), "ecommerce-sneakers.ron", "second.ron");
    let on_disk = std::fs::read(&first).unwrap();
    let app = with_builtin_dialog(JourneyApp::with_file(&first), Vec::new());
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    let pos = center(&h, "Stage: Awareness");
    double_click(&mut h, pos);
    key(&mut h, Key::A, Modifiers::COMMAND);
    type_text(&mut h, "Discovery");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let edited = map_of(&h);
    assert!(is_dirty(&h));

    key(&mut h, Key::O, Modifiers::COMMAND);
    choose_in_dialog(&mut h, "second.ron");
    h.get_by_label_contains("has changes that are not saved");
    click(&mut h, "Cancel");
    assert_eq!(map_of(&h), edited, "Cancel keeps the edited map");
    assert_eq!(h.state().path(), Some(first.as_path()));
    assert!(is_dirty(&h));

    key(&mut h, Key::O, Modifiers::COMMAND);
    choose_in_dialog(&mut h, "second.ron");
    click(&mut h, "Don't save");
    assert_eq!(map_of(&h), load(&second));
    assert_eq!(h.state().path(), Some(second.as_path()));
    assert_eq!(
        std::fs::read(&first).unwrap(),
        on_disk,
        "Don't save leaves the old file as it was"
    );
}

#[test]
fn unsaved_changes_prompt_on_new_cancel_keeps_the_map_and_dont_save_proceeds() {
    let mut h = common::aisas_with_cards();
    let edited = map_of(&h);
    assert!(is_dirty(&h));

    click(&mut h, "File");
    click(&mut h, "New from template…");
    h.get_by_label_contains("has changes that are not saved");
    click(&mut h, "Cancel");
    assert_eq!(map_of(&h), edited, "Cancel keeps the map");
    assert!(
        h.query_by_label_contains("has changes that are not saved")
            .is_none(),
        "prompt closed"
    );

    // Ctrl+N is New too.
    key(&mut h, Key::N, Modifiers::COMMAND);
    h.get_by_label_contains("has changes that are not saved");
    click(&mut h, "Don't save");
    assert!(
        h.state().map().is_none(),
        "the start screen, to pick a template"
    );
}
