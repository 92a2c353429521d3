//! A file dialog drawn with egui, for when the system has none.
//!
//! `rfd` asks the desktop for its file dialog; a bare Linux box (no xdg-desktop-portal, no
//! zenity) has none and `rfd` then returns nothing, as if the user had cancelled. This modal
//! dialog is the fallback: a path bar, the folder's sub-folders and `.ron` maps, a name field.
//!
//! The folder is read when it changes, not every frame, and every file-system failure becomes
//! a message in the dialog: nothing here unwraps a file-system result.
//!
//! Here: the dialog and its frame; `model` holds its state and the folder listing (no egui),
//! `ui` its widgets. Nothing here knows the app or the map.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};

use crate::ui::kit::i18n::Lang;

mod model;
#[cfg(test)]
mod tests;
mod ui;

use model::{Action, DialogState};
pub use model::{DATA_EXTENSIONS, DialogMode, MERMAID_EXTENSIONS};

/// Space between the dialog's border and its contents.
const DIALOG_MARGIN: f32 = 12.0;

/// A modal dialog to choose a map to open or a place to save one.
///
/// Keep it in the app state while it is open and call [`FileDialog::show`] every frame.
#[derive(Debug)]
pub struct FileDialog {
    /// The folder, its listing and the typed texts.
    state: DialogState,
    /// Focus the name field on the first frame.
    focus_name: bool,
    /// The dialog's widgets that take Enter themselves (path bar, buttons, rows), as of the
    /// last frame. Enter confirms unless one of them has the focus: the focus may also be
    /// outside the dialog (the map canvas behind it takes it after a click on the listing).
    own_widgets: Vec<egui::Id>,
    /// The heading, instead of the mode's.
    title: Option<String>,
}

impl FileDialog {
    /// A dialog showing `start_dir`, or else the current folder, or else the home folder.
    pub fn new(mode: DialogMode, start_dir: Option<PathBuf>) -> Self {
        Self {
            state: DialogState::new(mode, start_dir),
            focus_name: true,
            own_widgets: Vec::new(),
            title: None,
        }
    }

    /// The dialog with `title` as its heading (what is being exported).
    #[must_use]
    pub fn titled(mut self, title: String) -> Self {
        self.title = Some(title);
        self
    }

    /// The folder shown.
    pub fn folder(&self) -> &Path {
        &self.state.folder
    }

    /// Shows the dialog; returns `Some(Some(path))` when a file was chosen, `Some(None)` when
    /// the dialog was cancelled, and `None` while it stays open.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Option<PathBuf>> {
        self.state.refresh_listing();
        let focused_at_start = ctx.memory(egui::Memory::focused);
        let enter_pressed = ctx.input(|i| i.key_pressed(Key::Enter));
        let escape_pressed = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));

        let name_field_id = egui::Id::unique("journeymap-file-dialog-name");
        let modal = egui::Modal::new(egui::Id::unique("journeymap-file-dialog"))
            .frame(egui::Frame::popup(&ctx.global_style()).inner_margin(DIALOG_MARGIN))
            .show(ctx, |ui| {
                self.contents_ui(ui, lang, name_field_id, enter_pressed)
            });
        let mut actions = modal.inner;

        // Enter confirms unless it was meant for another field (the path bar) or a button.
        let focus_allows_confirm = focused_at_start
            .is_none_or(|id| id == name_field_id || !self.own_widgets.contains(&id));
        if enter_pressed && focus_allows_confirm {
            actions.push(Action::Confirm);
        }
        if escape_pressed {
            actions.push(Action::Cancel);
        }
        let mut outcome = None;
        for action in actions {
            if let Some(result) = self.state.apply(action) {
                outcome = Some(result);
                break;
            }
        }
        outcome
    }
}
