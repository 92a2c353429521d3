//! The first ten minutes of a new user, driven through the real UI with `egui_kittest`: the
//! map's title, type and persona edited where they are shown, a new stage or lane brought into
//! view with its name being typed, preferences written as soon as they change, a greyed Undo
//! with nothing to undo, Ctrl+S right after typing, and the one sentence printed when there is
//! no display.

mod common;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use common::{double_click, key, map_of, type_text};
use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use journeymap::model::{JourneyMap, MapType};
use journeymap::ui::canvas::EditTarget;
use journeymap::ui::{JourneyApp, OpenMap, Prefs, PrefsStore};

type H = Harness<'static, JourneyApp>;

const SAMPLE: &str = "may-ep-trai-cay.ron";
const TITLE: &str = "Hành trình mua máy ép trái cây trực tuyến";

fn sample_map() -> JourneyMap {
    load(&common::repo().join("samples").join(SAMPLE))
}

fn load(path: &Path) -> JourneyMap {
    journeymap::file::load(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map
}

/// The Vietnamese sample, not in a file, in the English UI.
fn editor_on_sample() -> H {
    let app = JourneyApp::new(Some(OpenMap::unsaved(sample_map())), None);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    // The whole map (a map opens readable from its left): every stage header is on screen.
    common::fit_whole(&mut h);
    h
}

/// The sample copied into a temporary folder and opened from there.
fn editor_on_file(dir: &Path) -> (H, PathBuf) {
    let path = dir.join("map.ron");
    std::fs::copy(common::repo().join("samples").join(SAMPLE), &path)
        .unwrap_or_else(|e| panic!("cannot copy the sample: {e}"));
    let app = JourneyApp::with_file(&path).with_prefs(Prefs {
        builtin_dialog: true,
        ..Prefs::default()
    });
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    (h, path)
}

fn is_dirty(h: &H) -> bool {
    h.state()
        .document()
        .is_some_and(journeymap::edit::Document::is_dirty)
}

fn undo_steps(h: &H) -> Option<&'static str> {
    h.state()
        .document()
        .and_then(journeymap::edit::Document::undo_label)
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Double-clicks the middle of the widget labelled `label`.
fn double_click_on(h: &mut H, label: &str) {
    let pos = h.get_by_label(label).rect().center();
    double_click(h, pos);
}

fn canvas_rect(h: &H) -> Rect {
    h.get_by_label_contains("Map canvas:").rect()
}

// ---------------------------------------------------------------------------------------------
// Edit where you see it

#[test]
fn double_clicking_the_title_edits_it_in_place_as_one_undo_step() {
    let mut h = editor_on_sample();
    // A card is selected: Backspace in the title must not delete it.
    let card = format!("Card: {}", sample_map().cards[0].text);
    click(&mut h, &card);
    assert_eq!(h.state().editor().selection.cards.len(), 1);
    h.run_steps(15); // half a second: the next two clicks are a double-click of their own
    let title = h.get_by_label(TITLE).rect().center();
    double_click(&mut h, title);
    let field = h.get_by_label("Map title");
    assert!(field.is_focused(), "the title field takes the keyboard");
    assert_eq!(field.value().as_deref(), Some(TITLE));

    // The old title is selected: typing replaces it. Nothing changes until Enter.
    type_text(&mut h, "Mua máy ép");
    type_text(&mut h, " online");
    assert_eq!(map_of(&h).title, TITLE, "the map changes only on Enter");
    // Backspace edits the text; it never deletes the selected card while typing.
    key(&mut h, Key::Backspace, Modifiers::NONE);
    key(&mut h, Key::Enter, Modifiers::NONE);
    let after = map_of(&h);
    assert_eq!(after.title, "Mua máy ép onlin");
    assert_eq!(after.cards, sample_map().cards);
    assert!(
        h.query_by_label("Map title").is_none(),
        "Enter closes the field"
    );
    assert_eq!(undo_steps(&h), Some("cmd-map-info"));
    h.get_by_label("Mua máy ép onlin");

    // One Ctrl+Z gives back the old title: the whole edit was one step.
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert!(map_of(&h) == sample_map(), "back to the map as it was");
    assert_eq!(undo_steps(&h), None);
}

#[test]
fn esc_leaves_the_title_as_it_was_and_a_click_elsewhere_keeps_the_new_one() {
    let mut h = editor_on_sample();
    double_click_on(&mut h, TITLE);
    type_text(&mut h, "Bỏ đi");
    key(&mut h, Key::Escape, Modifiers::NONE);
    assert!(h.query_by_label("Map title").is_none());
    assert!(map_of(&h) == sample_map(), "back to the map as it was");
    assert_eq!(undo_steps(&h), None, "Esc leaves no undo step");

    double_click_on(&mut h, TITLE);
    type_text(&mut h, "Giữ lại");
    // A click on the empty canvas ends the edit and keeps the text.
    let canvas = canvas_rect(&h);
    common::click_at(
        &mut h,
        canvas.right_bottom() - egui::vec2(30.0, 30.0),
        Modifiers::NONE,
    );
    assert_eq!(map_of(&h).title, "Giữ lại");
    assert!(h.query_by_label("Map title").is_none());
}

#[test]
fn double_clicking_the_map_type_opens_the_list_of_types_in_place() {
    let mut h = editor_on_sample();
    let shown = h.get_by_label("Current state").rect().center();
    double_click(&mut h, shown);
    click(&mut h, "Future state");
    assert_eq!(map_of(&h).map_type, MapType::FutureState);
    h.get_by_label("Future state");
    assert!(
        h.query_by_label("Day in the life").is_none(),
        "the list closed"
    );
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert!(map_of(&h) == sample_map(), "back to the map as it was");
}

/// The persona chip's label: name and segment (the avatar is a picture beside it).
fn chip_label(map: &JourneyMap) -> String {
    let p = &map.persona;
    format!("{} · {}", p.name, p.segment)
}

#[test]
fn double_clicking_the_persona_chip_renames_the_persona_and_a_click_still_opens_its_panel() {
    let mut h = editor_on_sample();
    let chip = chip_label(&sample_map());
    assert!(!h.state().prefs().show_persona);
    click(&mut h, &chip);
    assert!(
        h.state().prefs().show_persona,
        "a click opens the persona panel"
    );
    // Half a second later (not a double-click), another click closes it.
    h.run_steps(15);
    click(&mut h, &chip);
    assert!(!h.state().prefs().show_persona, "a second click closes it");
    h.run_steps(15);

    double_click_on(&mut h, &chip);
    assert!(
        !h.state().prefs().show_persona,
        "a double-click edits the name and leaves the panel as it was"
    );
    let field = h.get_by_label("Persona name");
    assert!(field.is_focused());
    assert_eq!(field.value().as_deref(), Some("Chị Hương"));
    type_text(&mut h, "Anh Minh");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let after = map_of(&h);
    assert_eq!(after.persona.name, "Anh Minh");
    assert_eq!(after.persona.segment, sample_map().persona.segment);
    assert_eq!(undo_steps(&h), Some("cmd-persona"));
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert!(map_of(&h) == sample_map(), "back to the map as it was");

    // A real double-click comes in two frames: the first click opens the panel, the second
    // (a double-click) closes it again and edits the name.
    h.run_steps(15);
    let pos = h.get_by_label(&chip).rect().center();
    common::click_at(&mut h, pos, Modifiers::NONE);
    assert!(h.state().prefs().show_persona);
    common::click_at(&mut h, pos, Modifiers::NONE);
    assert!(
        !h.state().prefs().show_persona,
        "the panel is as before the double-click"
    );
    assert!(h.get_by_label("Persona name").is_focused());
    key(&mut h, Key::Escape, Modifiers::NONE);
    assert!(map_of(&h) == sample_map(), "Esc changed nothing");
}

#[test]
fn a_long_title_ends_in_an_ellipsis_with_the_whole_title_on_hover() {
    let mut map = sample_map();
    map.title = "Hành trình mua máy ép trái cây trực tuyến của chị Hương từ lúc thấy quảng cáo \
                 trên Facebook đến khi giới thiệu cho bạn bè và người thân trong gia đình"
        .to_owned();
    let long = map.title.clone();
    let app = JourneyApp::new(Some(OpenMap::unsaved(map)), None);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    let title_rect = h.get_by_label(&long).rect();
    assert!(
        title_rect.width() <= 0.6 * common::SIZE[0],
        "the title leaves room for the type and persona: {title_rect:?}"
    );
    // The map type and the persona chip are there, right of the title and inside the window.
    let map_type = h.get_by_label("Current state").rect();
    assert!(title_rect.right() < map_type.left());
    let chip = h.get_by_label_contains("Chị Hương").rect();
    assert!(map_type.right() < chip.left() && chip.right() <= common::SIZE[0]);
    // Hovering shows the whole title in a tooltip, which egui adds only to a cut label.
    assert_eq!(h.query_all_by_label(&long).count(), 1);
    h.get_by_label(&long).hover();
    // egui shows a tooltip once the pointer rests (half a second).
    h.run_steps(30);
    assert_eq!(
        h.query_all_by_label(&long).count(),
        2,
        "the title was cut with an ellipsis, and the tooltip shows it whole"
    );

    // A title that fits has no such tooltip.
    let mut h = editor_on_sample();
    h.get_by_label(TITLE).hover();
    h.run_steps(30);
    assert_eq!(h.query_all_by_label(TITLE).count(), 1);
}

#[test]
fn map_properties_opens_under_the_menu_and_the_top_bar() {
    let mut h = editor_on_sample();
    click(&mut h, "Map");
    click(&mut h, "Map properties…");
    let window = h
        .get_by_role_and_label(egui::accesskit::Role::Window, "Map properties")
        .rect();
    let bars_bottom = h.get_by_label(TITLE).rect().bottom();
    assert!(
        window.top() > bars_bottom,
        "the window {window:?} starts below the top bar (bottom {bars_bottom})"
    );
    assert!(
        canvas_rect(&h).contains_rect(window),
        "{window:?} lies over the map"
    );
    h.get_by_label("Map type");

    // Dragged by its title bar up to the top of the screen, it stops under the bars.
    let grip = window.center_top() + egui::vec2(0.0, 12.0);
    common::drag(&mut h, grip, egui::pos2(grip.x, 2.0), Modifiers::NONE);
    let moved = h
        .get_by_role_and_label(egui::accesskit::Role::Window, "Map properties")
        .rect();
    assert!(moved.top() < window.top(), "the drag moved it: {moved:?}");
    assert!(moved.top() > bars_bottom, "{moved:?}");
}

// ---------------------------------------------------------------------------------------------
// A new stage or lane comes into view, with its name being typed

#[test]
fn a_new_stage_scrolls_into_view_with_its_name_being_typed() {
    let mut h = editor_on_sample();
    let stages = map_of(&h).stages.len();
    // Zoomed in on the start of the map, the end is far off screen.
    for _ in 0..4 {
        key(&mut h, Key::Plus, Modifiers::COMMAND);
    }
    click(&mut h, "Map");
    click(&mut h, "Add stage");
    let map = map_of(&h);
    assert_eq!(map.stages.len(), stages + 1);
    let new = map.stages[stages].id.clone();
    assert_eq!(
        h.state().editor().editing.as_ref().map(|e| &e.target),
        Some(&EditTarget::Stage(new.clone())),
        "the new stage's name is being typed"
    );
    let canvas = canvas_rect(&h);
    let field = h.get_by_label("Stage name");
    assert!(field.is_focused());
    assert!(
        canvas.contains_rect(field.rect()),
        "the new stage's header {:?} is on screen {canvas:?}",
        field.rect()
    );
    // The "+" right of the last stage is on screen too.
    assert!(canvas.contains_rect(h.get_by_label("Add a stage").rect()));

    // The new name replaces "Giai đoạn mới" (the map's language).
    type_text(&mut h, "Mua lại");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let map = map_of(&h);
    assert_eq!(map.stages[stages].name, "Mua lại");
    assert!(h.state().editor().editing.is_none());
}

#[test]
fn the_add_stage_button_brings_the_new_stage_and_itself_into_view() {
    let mut h = editor_on_sample();
    let stages = map_of(&h).stages.len();
    // At the fitted zoom the "+" is right of the last stage, on screen.
    click(&mut h, "Add a stage");
    let map = map_of(&h);
    assert_eq!(map.stages.len(), stages + 1);
    let canvas = canvas_rect(&h);
    assert!(canvas.contains_rect(h.get_by_label("Stage name").rect()));
    assert!(canvas.contains_rect(h.get_by_label("Add a stage").rect()));
    type_text(&mut h, "Sau mua");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(map_of(&h).stages[stages].name, "Sau mua");
}

#[test]
fn a_new_lane_scrolls_into_view_with_its_name_being_typed() {
    let mut h = editor_on_sample();
    let lanes = map_of(&h).lanes.len();
    click(&mut h, "Map");
    click(&mut h, "Add lane");
    click(&mut h, "💭 Thoughts");
    let map = map_of(&h);
    assert_eq!(map.lanes.len(), lanes + 1);
    let canvas = canvas_rect(&h);
    let field = h.get_by_label("Lane name");
    assert!(field.is_focused());
    assert!(canvas.contains_rect(field.rect()), "{:?}", field.rect());
    type_text(&mut h, "Băn khoăn");
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(map_of(&h).lanes[lanes].name, "Băn khoăn");
}

#[test]
fn a_new_step_from_the_stage_menu_starts_its_rename() {
    let mut h = editor_on_sample();
    let steps = map_of(&h).step_count();
    let header = h.get_by_label("Stage: Giới thiệu").rect().center();
    common::right_click(&mut h, header);
    click(&mut h, "Split: add a step");
    let map = map_of(&h);
    assert_eq!(map.step_count(), steps + 1);
    let field = h.get_by_label("Step name");
    assert!(field.is_focused());
    assert!(canvas_rect(&h).contains_rect(field.rect()));
    type_text(&mut h, "Đăng lại");
    key(&mut h, Key::Enter, Modifiers::NONE);
    let map = map_of(&h);
    let last = map.stages.last().and_then(|s| s.steps.last());
    assert_eq!(last.map(|s| s.name.as_str()), Some("Đăng lại"));
}

// ---------------------------------------------------------------------------------------------
// Preferences

/// Every write of the preferences, in order.
#[derive(Clone, Default)]
struct Recorder(Rc<RefCell<Vec<Prefs>>>);

impl PrefsStore for Recorder {
    fn write_prefs(&mut self, prefs: &Prefs) {
        self.0.borrow_mut().push(prefs.clone());
    }
}

#[test]
fn language_and_theme_are_written_as_soon_as_they_change() {
    let written = Recorder::default();
    let app = JourneyApp::new(Some(OpenMap::unsaved(sample_map())), None)
        .with_prefs(Prefs::default())
        .with_prefs_store(Box::new(written.clone()));
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    assert!(
        written.0.borrow().is_empty(),
        "nothing changed, nothing written"
    );

    click(&mut h, "View");
    click(&mut h, "Language");
    h.get_by_label("Tiếng Việt").click();
    h.step();
    let last = written.0.borrow().last().cloned();
    assert_eq!(
        last.map(|p| p.lang),
        Some(journeymap::ui::kit::i18n::Lang::Vi)
    );
    assert_eq!(
        written.0.borrow().len(),
        1,
        "written once, in the frame of the change"
    );
    h.run();

    click(&mut h, "Xem");
    click(&mut h, "Giao diện");
    h.get_by_label("Tối").click();
    h.step();
    let last = written.0.borrow().last().cloned().unwrap_or_default();
    assert_eq!(last.theme, Some(egui::ThemePreference::Dark));
    assert_eq!(last.lang, journeymap::ui::kit::i18n::Lang::Vi);
    h.run();
    assert_eq!(
        written.0.borrow().len(),
        2,
        "a write per change, not per frame"
    );

    // The next start (eframe reads the same prefs back) is dark and Vietnamese.
    let app = JourneyApp::new(Some(OpenMap::unsaved(sample_map())), None).with_prefs(last);
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    h.get_by_label("Tệp");
}

#[test]
fn the_theme_buttons_in_the_top_bar_are_a_preference_too() {
    let written = Recorder::default();
    let app = JourneyApp::new(Some(OpenMap::unsaved(sample_map())), None)
        .with_prefs_store(Box::new(written.clone()));
    let mut h = common::harness(app, egui::Theme::Light);
    h.run();
    // egui's own buttons said what they do in English only; ours speak the UI's language.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "🌙")
        .click();
    h.step();
    assert_eq!(
        written.0.borrow().last().and_then(|p| p.theme),
        Some(egui::ThemePreference::Dark)
    );
}

// ---------------------------------------------------------------------------------------------
// Wording

#[test]
fn the_edit_menu_shows_a_greyed_undo_when_there_is_nothing_to_undo() {
    let mut h = editor_on_sample();
    click(&mut h, "Edit");
    assert!(h.query_by_label_contains("nothing").is_none());
    let undo = h.get_by_label("Undo Ctrl+Z");
    assert!(undo.accesskit_node().is_disabled());
    let redo = h.get_by_label("Redo Ctrl+Shift+Z");
    assert!(redo.accesskit_node().is_disabled());
    key(&mut h, Key::Escape, Modifiers::NONE);

    // After a change: "Undo" says what, and can be clicked.
    double_click_on(&mut h, TITLE);
    type_text(&mut h, "Tiêu đề mới");
    key(&mut h, Key::Enter, Modifiers::NONE);
    click(&mut h, "Edit");
    let undo = h.get_by_label("Undo map properties change Ctrl+Z");
    assert!(!undo.accesskit_node().is_disabled());
    assert!(
        h.get_by_label("Redo Ctrl+Shift+Z")
            .accesskit_node()
            .is_disabled()
    );
}

// ---------------------------------------------------------------------------------------------
// Ctrl+S right after typing

/// Starts editing the first touchpoint card in place: "Google: …".
fn edit_first_card(h: &mut H) -> String {
    let text = sample_map().cards[0].text.clone();
    let card = h.get_by_label(&format!("Card: {text}")).rect().center();
    double_click(h, card);
    assert!(h.get_by_label("Card text").is_focused());
    text
}

#[test]
fn ctrl_s_in_the_same_frame_as_the_last_keystroke_saves_that_keystroke() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut h, path) = editor_on_file(dir.path());
    let text = edit_first_card(&mut h);
    // One frame holds the typed text and Ctrl+S, as a fast typist at a slow frame gives
    // (kittest's own queue would give each event a frame of its own).
    let events = &mut h.input_mut().events;
    events.push(egui::Event::Text(" (đã xem)".to_owned()));
    for pressed in [true, false] {
        events.push(egui::Event::Key {
            key: Key::S,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::COMMAND,
        });
    }
    h.step();
    h.run();
    let saved = load(&path);
    let card = &saved.cards[0];
    assert!(
        card.text.starts_with(&text) && card.text.ends_with(" (đã xem)"),
        "the file holds the last keystroke: {:?}",
        card.text
    );
    assert_eq!(saved, map_of(&h));
    assert!(!is_dirty(&h), "the map is saved");
    assert!(h.get_by_label("Card text").is_focused(), "typing goes on");
}

#[test]
fn ctrl_s_in_the_frame_after_typing_saves_the_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut h, path) = editor_on_file(dir.path());
    edit_first_card(&mut h);
    type_text(&mut h, "!");
    key(&mut h, Key::S, Modifiers::COMMAND);
    let saved = load(&path);
    assert!(
        saved.cards[0].text.ends_with('!'),
        "{:?}",
        saved.cards[0].text
    );
    assert_eq!(saved, map_of(&h));
    assert!(!is_dirty(&h));
}

#[test]
fn ctrl_s_while_typing_the_title_in_place_saves_the_typed_title() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut h, path) = editor_on_file(dir.path());
    double_click_on(&mut h, TITLE);
    type_text(&mut h, "Máy ép: hành trình");
    key(&mut h, Key::S, Modifiers::COMMAND);
    assert_eq!(load(&path).title, "Máy ép: hành trình");
    assert_eq!(map_of(&h).title, "Máy ép: hành trình");
    assert!(!is_dirty(&h));
}

#[test]
fn ctrl_shift_s_asks_where_to_save_instead_of_saving_in_place() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut h, path) = editor_on_file(dir.path());
    let before = std::fs::read(&path).unwrap_or_default();
    edit_first_card(&mut h);
    type_text(&mut h, "?");
    key(&mut h, Key::Escape, Modifiers::NONE);
    key(&mut h, Key::S, Modifiers::COMMAND | Modifiers::SHIFT);
    h.get_by_label("Save the map");
    assert_eq!(
        std::fs::read(&path).unwrap_or_default(),
        before,
        "Ctrl+Shift+S did not save over the file"
    );
    assert!(is_dirty(&h));
}

// ---------------------------------------------------------------------------------------------
// No display

#[test]
fn without_a_display_the_editor_says_what_to_do_in_one_sentence() {
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg(format!("samples/{SAMPLE}"))
        .current_dir(common::repo())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap_or_else(|e| panic!("cannot run journeymap: {e}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        format!("journeymap: {}\n", journeymap::ui::NO_DISPLAY)
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for what in [
        "desktop session",
        "xvfb-run",
        "journeymap check",
        "journeymap report",
    ] {
        assert!(stderr.contains(what), "it names {what}: {stderr}");
    }
    assert!(
        !stderr.contains("winit") && !stderr.contains(".cargo"),
        "{stderr}"
    );
}
