//! Opening a Mermaid journey in the app, as a person would (`journeymap journey.mmd`, File →
//! Open, a drop): a `.mmd` file or a Markdown file's ```` ```mermaid ```` journey becomes a new,
//! unsaved map, and what it holds differently is listed in the UI's language.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{harness, map_of};
use egui_kittest::kittest::Queryable as _;
use journeymap::model::template::Lang;
use journeymap::ui::shell::prefs::Prefs;
use journeymap::ui::{JourneyApp, PendingAction};

const JOURNEY: &str = "journey
    title Mua máy ép
    section Nhận biết
      Tìm trên Google: 7: Chị Hương
      Đọc review: Bếp Xanh: 3: Chị Hương
    section Mua
      Đặt hàng: 4: Chị Hương
";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_mermaid_file_named_at_start_opens_as_a_new_map_with_its_notes_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hanh-trinh.mmd", JOURNEY);
    let app = JourneyApp::with_file(&path).with_prefs(Prefs {
        lang: Lang::Vi,
        ..Prefs::default()
    });
    let mut h = harness(app, egui::Theme::Light);
    h.run();
    let map = map_of(&h);
    assert_eq!(map.title, "Mua máy ép");
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Nhận biết", "Mua"]);
    // Not saved over the .mmd: the map has no file yet.
    assert!(h.state().path().is_none());
    // The notes, in Vietnamese: the score 7 kept as +2, the colon kept in the name.
    h.get_by_label("Bản đồ mới từ hanh-trinh.mmd");
    h.get_by_label_contains("dòng 4: điểm 7 nằm ngoài thang 1–5");
    h.get_by_label_contains("dòng 5: tên việc “Đọc review: Bếp Xanh” có dấu hai chấm");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Bản đồ mới từ hanh-trinh.mmd").is_none());
}

#[test]
fn a_markdown_file_opened_over_a_map_replaces_it_with_its_journey() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("# Notes\n\nSome text.\n\n```mermaid\n{JOURNEY}```\n");
    let path = write(dir.path(), "README.md", &text);
    // A saved map, so nothing asks about unsaved changes first.
    let app = JourneyApp::with_file(&common::repo().join("samples/may-ep-trai-cay.ron"));
    let mut h = harness(app, egui::Theme::Light);
    h.run();
    h.state_mut().request(PendingAction::Open(path));
    h.run();
    let map = map_of(&h);
    assert_eq!(map.title, "Mua máy ép");
    assert_eq!(map.stages.len(), 2);
    // Lines count from the top of the Markdown file.
    h.get_by_label_contains("line 9: score 7 is outside Mermaid's 1–5");
}

#[test]
fn a_file_that_is_not_a_journey_says_why_and_keeps_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "flow.mmd", "flowchart LR\n  A --> B\n");
    // A saved map, so nothing asks about unsaved changes first.
    let app = JourneyApp::with_file(&common::repo().join("samples/may-ep-trai-cay.ron"));
    let mut h = harness(app, egui::Theme::Light);
    h.run();
    h.state_mut().request(PendingAction::Open(path));
    h.run();
    assert_eq!(map_of(&h).title, common::juicer().title);
    h.get_by_label_contains("line 1: not a Mermaid journey (it starts with “flowchart LR”");
}
