//! Helpers for the UI's unit tests (compiled only for tests): the sample maps as the tests
//! load them from disk, ids from text, and the one harness factory of a widget or panel.

use egui_kittest::{Harness, HarnessBuilder};

use crate::model::{Id, JourneyMap};

/// The sample map `samples/<file_name>`, loaded as the app opens a file.
pub fn sample_map(file_name: &str) -> JourneyMap {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(file_name);
    crate::file::load(&path).expect("the sample loads").map
}

/// The Vietnamese sample most UI tests use: every lane kind, pain points with evidence,
/// opportunities, curves.
pub fn sample() -> JourneyMap {
    sample_map("may-ep-trai-cay.ron")
}

/// An id from its text.
pub fn id(s: &str) -> Id {
    Id::new(s)
}

/// A harness for one widget or panel in a window of `size`, in `theme`, with the bundled fonts
/// (kittest panics on a character they cannot draw) and the colour emoji's image loaders.
pub fn harness_builder<State>(size: [f32; 2], theme: egui::Theme) -> HarnessBuilder<State> {
    Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .with_context_setup(|ctx| {
            crate::ui::kit::fonts::install(ctx);
            crate::ui::kit::emoji::install(ctx);
        })
}
