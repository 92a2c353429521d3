//! Shared test helpers: the one harness factory every UI test uses.

#![allow(dead_code, reason = "each test file uses a different subset")]

use std::path::PathBuf;

use egui_kittest::Harness;
use journeymap::ui::JourneyApp;

/// Size of the test window: a small laptop screen.
pub const SIZE: [f32; 2] = [1280.0, 800.0];

/// A harness around the real app, with the bundled fonts installed and kittest's
/// missing-glyph panic left on (our guard against tofu boxes).
pub fn harness(app: JourneyApp, theme: egui::Theme) -> Harness<'static, JourneyApp> {
    Harness::builder()
        .with_size(SIZE)
        .with_theme(theme)
        .with_context_setup(journeymap::ui::fonts::install)
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui(ui), app)
}

/// The repository's folder.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every sample map.
pub fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("samples"))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
