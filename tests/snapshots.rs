//! Snapshot images of the key screens, in light and dark, with Vietnamese content, rendered
//! by `egui_kittest` with wgpu (software rendering on machines without a GPU).
//!
//! The images live in `tests/snapshots/`. After a deliberate change to what a screen looks
//! like, run `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`, look at the new images (and the
//! `.diff.png` files kittest writes on failure), and commit them.

mod common;

use egui::Theme;
use egui_kittest::kittest::Queryable as _;
use journeymap::model::template::Lang;
use journeymap::ui::{JourneyApp, Prefs};

/// Compares (or, with `UPDATE_SNAPSHOTS=1`, writes) a snapshot. Without a renderer (no
/// Vulkan or GL driver: `apt-get install mesa-vulkan-drivers` gives a software one) the
/// comparison is skipped with a message, except in CI, where it must run.
fn snapshot(h: &mut egui_kittest::Harness<'static, JourneyApp>, name: &str) {
    match h.try_snapshot(name) {
        Ok(()) => {}
        Err(egui_kittest::SnapshotError::RenderError { err })
            if std::env::var_os("CI").is_none() =>
        {
            eprintln!("snapshot {name} skipped: no renderer on this machine ({err})");
        }
        Err(err) => panic!("snapshot {name}: {err}"),
    }
}

fn vietnamese_ui() -> Prefs {
    Prefs {
        lang: Lang::Vi,
        ..Prefs::default()
    }
}

fn themes() -> [(Theme, &'static str); 2] {
    [(Theme::Light, "light"), (Theme::Dark, "dark")]
}

#[test]
fn start_screen() {
    for (theme, name) in themes() {
        let app = JourneyApp::new(None, None).with_prefs(vietnamese_ui());
        let mut h = common::harness(app, theme);
        h.run();
        snapshot(&mut h, &format!("start_screen_{name}"));
    }
}

#[test]
fn editor_with_a_vietnamese_sample() {
    // Relative, as a user would type it: the status bar shows the path, and the snapshot must
    // not depend on where the repository is checked out.
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = JourneyApp::with_file(path).with_prefs(Prefs {
            show_inspector: false,
            ..vietnamese_ui()
        });
        let mut h = common::harness(app, theme);
        h.run();
        snapshot(&mut h, &format!("editor_sample_{name}"));
    }
}

#[test]
fn inspector_on_a_pain_point() {
    // Relative, as a user would type it: the status bar shows the path, and the snapshot must
    // not depend on where the repository is checked out.
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = JourneyApp::with_file(path).with_prefs(vietnamese_ui());
        let mut h = common::harness(app, theme);
        h.run();
        let card = h
            .get_by_label_contains("Chatbot chỉ trả lời theo kịch bản")
            .rect()
            .center();
        common::click_at(&mut h, card, egui::Modifiers::NONE);
        snapshot(&mut h, &format!("inspector_pain_point_{name}"));
    }
}

#[test]
fn two_curves_with_pain_markers() {
    // The juicer sample has an as-is and a to-be curve, a pain point pinned to the lowest
    // point and one pinned to a touchpoint; the lowest point is hovered, so its
    // moment-of-pain tooltip shows.
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = JourneyApp::with_file(path).with_prefs(Prefs {
            show_inspector: false,
            ..vietnamese_ui()
        });
        let mut h = common::harness(app, theme);
        h.run();
        let point = h
            .get_by_label("Điểm cảm xúc: Hiện tại, Quyết định › Hỏi tư vấn")
            .rect()
            .center();
        h.hover_at(point);
        // The tooltip waits for the pointer to rest, then fades in.
        h.run_steps(30);
        snapshot(&mut h, &format!("curves_and_pain_markers_{name}"));
    }
}

#[test]
fn pain_point_review_table() {
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = JourneyApp::with_file(path).with_prefs(Prefs {
            show_review: true,
            show_inspector: false,
            ..vietnamese_ui()
        });
        let mut h = common::harness(app, theme);
        h.run();
        h.get_by_label("Phiếu bầu").click();
        h.run();
        snapshot(&mut h, &format!("review_table_{name}"));
    }
}

#[test]
fn opportunity_priority_matrix() {
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = JourneyApp::with_file(path).with_prefs(Prefs {
            show_matrix: true,
            show_inspector: false,
            ..vietnamese_ui()
        });
        let mut h = common::harness(app, theme);
        h.run();
        snapshot(&mut h, &format!("priority_matrix_{name}"));
    }
}
