//! The egui application, in rooms: `shell` (the app frame: state, menus, files, prompts, start
//! screen, recovery), `canvas` (the map surface and direct manipulation), `panels` (inspector,
//! curves and points), the review table and priority matrix, and `kit` (theme, fonts, i18n).
//! Only `shell` knows the whole app; the document changes only through `EditCommand`s.

pub mod canvas;
pub mod kit;
pub mod panels;
pub mod review;
pub mod shell;

pub use shell::app::{AUTOSAVE_DELAY_S, EguiMeasure, JourneyApp, OpenMap, open_file};
pub use shell::prefs::{Prefs, load_prefs};
pub use shell::prompts::PendingAction;

use std::path::Path;

use anyhow::anyhow;

/// Prepares an egui context for journeymap, in the window and in the tests: the bundled fonts,
/// the image loaders of the colour emoji, and Ctrl +/−/0 left to the map's zoom. egui's own keyboard zoom (which scales every widget)
/// is off: it took those keys whenever a text field had the focus, and the canvas's Ctrl 0
/// could not undo it. A scale left in the stored settings by such a press is reset.
pub fn setup_context(ctx: &egui::Context) {
    kit::fonts::install(ctx);
    kit::emoji::install(ctx);
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    ctx.set_zoom_factor(1.0);
}

/// Opens the editor window, showing the map at `file` if given.
pub fn run(file: Option<&Path>) -> anyhow::Result<()> {
    let file = file.map(Path::to_owned);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("journeymap")
            .with_app_id("journeymap")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0]),
        // glow works on old laptops, VMs and Xvfb without a GPU driver for wgpu.
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "journeymap",
        options,
        Box::new(move |cc| {
            setup_context(&cc.egui_ctx);
            let prefs = load_prefs(cc.storage);
            let mut app = match &file {
                Some(path) => JourneyApp::with_file(path),
                None => JourneyApp::new(None, None),
            }
            .with_prefs(prefs);
            if let Some(dir) = eframe::storage_dir("journeymap") {
                app = app.with_recovery(dir.join("recovery"), AUTOSAVE_DELAY_S);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow!("could not open the window: {err}"))
}
