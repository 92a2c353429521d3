//! File → Export… and Edit → Copy as image, driven through the real app with `egui_kittest`:
//! a PNG at 2× in dark colours and a Markdown document written through the built-in file
//! dialog into a temporary folder, the current view exported smaller than the whole map,
//! the picture handed to the clipboard, Escape, and keys kept from the map behind the dialog.
//! The export runs on its own thread: the tests step the frames until it ends (bounded), never
//! wait for a time.

mod common;

use std::path::{Path, PathBuf};

use common::{harness, key, map_of, repo};
use egui::accesskit::Role as A11y;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use journeymap::art::palette::Palette;
use journeymap::export::file::{picture_rect, pixels_of};
use journeymap::export::png::Resolution;
use journeymap::export::svg;
use journeymap::ui::JourneyApp;
use journeymap::ui::shell::prefs::Prefs;
use resvg::tiny_skia::Pixmap;

type H = Harness<'static, JourneyApp>;

/// The B2B sample copied into `dir` as `crm.ron` and opened, with the built-in file dialog.
fn app_in(dir: &Path) -> (H, PathBuf) {
    let path = dir.join("crm.ron");
    std::fs::copy(repo().join("samples/b2b-crm.ron"), &path)
        .unwrap_or_else(|e| panic!("sample: {e}"));
    let app = JourneyApp::with_file(&path).with_prefs(Prefs {
        builtin_dialog: true,
        ..Prefs::default()
    });
    let mut h = harness(app, egui::Theme::Light);
    h.run();
    (h, path)
}

/// Opens File → Export… from the menu.
fn open_from_menu(h: &mut H) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_role_and_label(A11y::Button, "Export… Ctrl+Shift+E")
        .click();
    h.run();
    assert!(h.state().export_dialog().is_some(), "the dialog is open");
    h.get_by_label("Export the map");
}

/// Clicks the radio button labelled `label`.
fn choose(h: &mut H, label: &str) {
    h.get_by_role_and_label(A11y::RadioButton, label).click();
    h.run();
}

/// Steps frames until the export dialog closes (at most 20,000 frames); returns the frame's
/// clipboard image, if one was copied on the way.
fn step_until_closed(h: &mut H) -> Option<egui::ColorImage> {
    let mut copied = None;
    for _ in 0..20_000 {
        h.step();
        for command in &h.output().platform_output.commands {
            if let egui::OutputCommand::CopyImage(image) = command {
                copied = Some(image.clone());
            }
        }
        if h.state().export_dialog().is_none() {
            h.run();
            return copied;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    panic!("the export did not end");
}

/// Presses Export… in the dialog and Save in the built-in file dialog; waits for the export.
fn export_and_save(h: &mut H) {
    h.get_by_role_and_label(A11y::Button, "Export…").click();
    h.run();
    h.get_by_role_and_label(A11y::Button, "Save").click();
    step_until_closed(h);
}

/// Finds the status bar's line `text`.
fn status(h: &H, text: &str) {
    h.get_by_label(text);
}

fn decode(path: &Path) -> Pixmap {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Pixmap::decode_png(&bytes).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_png_at_2x_in_dark_colours_is_written_to_the_chosen_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut h, _) = app_in(dir.path());
    open_from_menu(&mut h);
    choose(&mut h, "PNG picture");
    choose(&mut h, "2×");
    choose(&mut h, "Dark");
    let (w, hgt) = svg::size(&map_of(&h)).unwrap_or_else(|| panic!("fonts"));
    let (want_w, want_h) = ((w * 2.0).ceil() as u32, (hgt * 2.0).ceil() as u32);
    // The size is shown before anything is drawn.
    let size = format!("Picture size: {} × {} px", group(want_w), group(want_h));
    h.get_by_label(&size);
    export_and_save(&mut h);
    let png = dir.path().join("crm.png");
    let pixmap = decode(&png);
    assert_eq!((pixmap.width(), pixmap.height()), (want_w, want_h));
    let corner = pixmap.pixel(2, 2).unwrap_or_else(|| panic!("no pixel"));
    let dark = Palette::dark().canvas_bg;
    assert_eq!(
        [corner.red(), corner.green(), corner.blue()],
        [dark[0], dark[1], dark[2]]
    );
    status(&h, "Exported to crm.png");
    // The choices are remembered for the next export.
    let kept = h.state().prefs().export;
    assert_eq!(kept.format, journeymap::export::file::Format::Png);
    assert_eq!(kept.scale, journeymap::ui::shell::export::Scale::X2);
}

/// "4,212" as the English UI writes numbers.
fn group(n: u32) -> String {
    journeymap::ui::shell::export::pixel_text(journeymap::model::template::Lang::En, (n, 0))
        .split(" × ")
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn markdown_is_written_with_the_stage_names() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut h, _) = app_in(dir.path());
    open_from_menu(&mut h);
    choose(&mut h, "Markdown document");
    // A text format has no size, colours or part of the map to choose.
    assert!(h.query_by_label("Dark").is_none());
    assert!(h.query_by_label("Current view").is_none());
    export_and_save(&mut h);
    let md = std::fs::read_to_string(dir.path().join("crm.md"))
        .unwrap_or_else(|e| panic!("markdown: {e}"));
    let map = map_of(&h);
    assert!(!map.stages.is_empty());
    for stage in &map.stages {
        assert!(md.contains(&stage.name), "{} missing:\n{md}", stage.name);
    }
    status(&h, "Exported to crm.md");
}

#[test]
fn the_current_view_is_a_smaller_picture_of_the_visible_part() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut h, _) = app_in(dir.path());
    // Zoomed in: the canvas shows part of the map.
    for _ in 0..3 {
        key(&mut h, Key::Plus, Modifiers::COMMAND);
    }
    let visible = h
        .state()
        .view()
        .visible_map_rect()
        .unwrap_or_else(|| panic!("no canvas"));
    let map = map_of(&h);
    let whole = picture_rect(&map, None).unwrap_or_else(|| panic!("fonts"));
    let part = picture_rect(&map, Some(visible)).unwrap_or_else(|| panic!("fonts"));
    assert!(part.width() < whole.width(), "{part:?} of {whole:?}");
    open_from_menu(&mut h);
    choose(&mut h, "PNG picture");
    choose(&mut h, "1×");
    choose(&mut h, "Current view");
    export_and_save(&mut h);
    let pixmap = decode(&dir.path().join("crm.png"));
    let want = pixels_of(part, Resolution::Scale(1.0));
    assert_eq!((pixmap.width(), pixmap.height()), want);
    let (whole_w, _) = pixels_of(whole, Resolution::Scale(1.0));
    assert!(pixmap.width() < whole_w);
}

#[test]
fn copy_as_image_hands_the_clipboard_the_map_at_2x() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut h, _) = app_in(dir.path());
    let (w, hgt) = svg::size(&map_of(&h)).unwrap_or_else(|| panic!("fonts"));
    let want = [(w * 2.0).ceil() as usize, (hgt * 2.0).ceil() as usize];
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Copy as image").click();
    let image = step_until_closed(&mut h).unwrap_or_else(|| panic!("nothing copied"));
    assert_eq!(image.size, want);
    let text = format!(
        "Copied the map as an image ({} × {} px)",
        group(want[0] as u32),
        group(want[1] as u32)
    );
    h.get_by_label(&text);

    // The dialog's Copy button does the same.
    open_from_menu(&mut h);
    h.get_by_role_and_label(A11y::Button, "Copy").click();
    let image = step_until_closed(&mut h).unwrap_or_else(|| panic!("nothing copied"));
    assert_eq!(image.size, want);
}

#[test]
fn escape_closes_the_dialog_and_keys_behind_it_do_not_reach_the_map() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut h, _) = app_in(dir.path());
    let before = map_of(&h);
    let zoom = h.state().view().zoom;
    key(&mut h, Key::E, Modifiers::COMMAND | Modifiers::SHIFT);
    assert!(h.state().export_dialog().is_some(), "Ctrl+Shift+E opens it");
    h.get_by_label("Export the map");
    // Select-all, delete and zoom keys go nowhere while the dialog is up.
    key(&mut h, Key::A, Modifiers::COMMAND);
    key(&mut h, Key::Delete, Modifiers::NONE);
    key(&mut h, Key::Plus, Modifiers::COMMAND);
    assert_eq!(map_of(&h), before);
    assert!(h.state().editor().selection.cards.is_empty());
    assert_eq!(h.state().view().zoom, zoom);
    key(&mut h, Key::Escape, Modifiers::NONE);
    assert!(h.state().export_dialog().is_none(), "Escape closes it");
    assert!(h.query_by_label("Export the map").is_none());
}
