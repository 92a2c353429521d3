//! Tests of the file dialog, driven through its widgets.

use std::path::{Path, PathBuf};

use egui::Key;

use super::model::tests::fixture;
use super::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The dialog and what `show` returned once it closed.
struct State {
    dialog: FileDialog,
    result: Option<Option<PathBuf>>,
}

/// A harness showing `dialog`, its first frame drawn.
fn dialog_harness(dialog: FileDialog, lang: Lang) -> Harness<'static, State> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(crate::ui::kit::fonts::install)
        // kittest runs one frame per input event; at 60 frames a second the two clicks
        // of a double-click fall within egui's double-click delay.
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            move |ui, state: &mut State| {
                if state.result.is_none() {
                    state.result = state.dialog.show(ui.ctx(), lang);
                }
            },
            State {
                dialog,
                result: None,
            },
        );
    harness.run();
    harness
}

/// A dialog to save `suggested_name` in `dir`.
fn save_dialog(dir: &Path, suggested_name: &str) -> FileDialog {
    FileDialog::new(
        DialogMode::Save {
            suggested_name: suggested_name.to_owned(),
        },
        Some(dir.to_path_buf()),
    )
}

/// The dialog closed with `path` chosen.
fn assert_chose(harness: &Harness<'_, State>, path: PathBuf) {
    assert_eq!(harness.state().result, Some(Some(path)));
}

fn double_click(harness: &mut Harness<'_, State>, label: &str) {
    // Let an earlier click age first, or egui counts this one as a triple click.
    harness.run_steps(30);
    let node = harness.get_by_label(label);
    node.click();
    node.click();
}

#[test]
fn navigate_into_a_folder_and_open_a_map() {
    let dir = fixture();
    let dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
    let mut harness = dialog_harness(dialog, Lang::En);
    assert!(harness.query_by_label("📄 .hidden.ron").is_none());

    double_click(&mut harness, "📁 maps");
    harness.run();
    assert_eq!(harness.state().dialog.folder(), dir.path().join("maps"));
    assert!(harness.query_by_label("📄 notes.txt").is_none());

    harness.get_by_label("📄 journey.ron").click();
    harness.run();
    assert_eq!(harness.state().dialog.state.file_name, "journey.ron");
    assert!(harness.state().result.is_none(), "one click only selects");

    harness.get_by_label("Open").click();
    harness.run();
    assert_chose(&harness, dir.path().join("maps").join("journey.ron"));
}

#[test]
fn double_click_on_a_map_chooses_it_and_up_goes_back() {
    let dir = fixture();
    let dialog = FileDialog::new(DialogMode::Open, Some(dir.path().join("maps")));
    let mut harness = dialog_harness(dialog, Lang::Vi);
    harness.get_by_label("⬆ Lên").click();
    harness.run();
    assert_eq!(harness.state().dialog.folder(), dir.path());
    double_click(&mut harness, "📄 top.ron");
    harness.run();
    assert_chose(&harness, dir.path().join("top.ron"));
}

#[test]
fn save_appends_ron_and_asks_before_replacing() {
    let dir = fixture();
    let dialog = save_dialog(dir.path(), "plan");
    let mut harness = dialog_harness(dialog, Lang::En);
    harness.get_by_label("Save").click();
    harness.run();
    assert_chose(&harness, dir.path().join("plan.ron"));

    // An existing name: the first click warns, the second replaces.
    let dialog = save_dialog(dir.path(), "top");
    let mut harness = dialog_harness(dialog, Lang::En);
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.state().result.is_none());
    assert!(harness.query_by_label_contains("already exists").is_some());
    harness.get_by_label("Replace").click();
    harness.run();
    assert_chose(&harness, dir.path().join("top.ron"));
}

#[test]
fn enter_confirms_and_escape_cancels() {
    let dir = fixture();
    let dialog = save_dialog(dir.path(), "nhật ký");
    let mut harness = dialog_harness(dialog, Lang::Vi);
    harness.key_press(Key::Enter);
    harness.run();
    assert_chose(&harness, dir.path().join("nhật ký.ron"));

    let dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
    let mut harness = dialog_harness(dialog, Lang::En);
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().result, Some(None));
}

#[test]
fn enter_after_picking_a_map_opens_it() {
    let dir = fixture();
    let dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
    let mut harness = dialog_harness(dialog, Lang::En);
    harness.get_by_label("📄 top.ron").click();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_chose(&harness, dir.path().join("top.ron"));
}

#[test]
fn an_unreadable_folder_shows_a_message() {
    let dir = fixture();
    let mut dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
    dialog.state.set_folder(dir.path().join("gone"));
    let harness = dialog_harness(dialog, Lang::En);
    assert!(
        harness
            .query_by_label_contains("There is no folder")
            .is_some()
    );
    assert!(harness.state().result.is_none());

    // A file where a folder is expected.
    let mut dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
    dialog.state.set_folder(dir.path().join("top.ron"));
    dialog.state.refresh_listing();
    assert!(dialog.state.problem.is_some());
}
