//! The open map exported: File → Export… (the export dialog, then the file, then the export
//! on its thread) and Edit → Copy as image (the picture at 2× on the clipboard).

use super::*;
use crate::export::file::Format;
use crate::ui::shell::export::{ExportDialog, ExportState, Outcome, format_keys};

/// File → Export…: Ctrl+Shift+E, E for export.
pub(super) const EXPORT_SHORTCUT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::E);

impl JourneyApp {
    /// The export dialog's state over the open map: the last choices, the app's theme, the
    /// part of the map the canvas shows.
    fn export_state(&self, ctx: &egui::Context) -> Option<ExportDialog> {
        let open = self.open.as_ref()?;
        let theme = if ctx.theme() == egui::Theme::Dark {
            crate::export::svg::Theme::Dark
        } else {
            crate::export::svg::Theme::Light
        };
        let map = open.doc.map();
        let mut state = ExportState::new(
            map,
            self.prefs.export,
            theme,
            self.editor.view.visible_map_rect(),
        );
        state.data = self.editor.data.clone();
        Some(ExportDialog::new(
            map,
            open.path.as_deref(),
            &self.suggested_file_name(),
            state,
        ))
    }

    /// Opens the export dialog on the open map (File → Export…).
    pub fn open_export(&mut self, ctx: &egui::Context) {
        if self.import.is_none() && self.prompt.is_none() {
            self.export = self.export_state(ctx);
        }
    }

    /// Copies the open map (the whole map, or the current view if that was the last choice)
    /// to the clipboard as a picture at 2× (Edit → Copy as image).
    pub fn copy_as_image(&mut self, ctx: &egui::Context) {
        if self.import.is_some() || self.prompt.is_some() {
            return;
        }
        self.export = self.export_state(ctx);
        if let Some(dialog) = &mut self.export {
            dialog.copy();
        }
    }

    /// The export dialog, while it is open.
    pub fn export_dialog(&self) -> Option<&ExportDialog> {
        self.export.as_ref()
    }

    /// The File menu's entry.
    pub(super) fn export_menu_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let button = egui::Button::new(tr(lang, "export-dialog-menu"))
            .shortcut_text(ui.ctx().format_shortcut(&EXPORT_SHORTCUT));
        if ui.add_enabled(self.open.is_some(), button).clicked() {
            self.open_export(ui.ctx());
        }
    }

    /// The Edit menu's entry.
    pub(super) fn copy_image_menu_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let button = egui::Button::new(tr(lang, "export-dialog-copy-image"));
        if ui.add_enabled(self.open.is_some(), button).clicked() {
            self.copy_as_image(ui.ctx());
        }
    }

    /// The file dialog's filter name for `format`: "PNG picture (.png)".
    pub(super) fn export_filter_name(&self, format: Format) -> String {
        format!(
            "{} (.{})",
            tr(self.lang(), format_keys(format).0),
            format.extension()
        )
    }

    /// The file for the export was chosen: the export starts.
    pub(super) fn export_file_chosen(&mut self, path: PathBuf) {
        if let Some(dialog) = &mut self.export {
            dialog.export_to(path);
        }
    }

    /// The file dialog for the export was cancelled: back to the choices.
    pub(super) fn export_file_cancelled(&mut self) {
        if let Some(dialog) = &mut self.export {
            dialog.file_cancelled();
        }
    }

    /// Shows the export dialog while it is open and does what it asks.
    pub(super) fn export_dialog_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some(dialog) = &mut self.export else {
            return;
        };
        let Some(outcome) = dialog.show(ctx, lang) else {
            return;
        };
        self.prefs.export = dialog.choices();
        match outcome {
            Outcome::ChooseFile { name, format } => {
                self.start_dialog(DialogPurpose::ExportMap { name, format });
            }
            Outcome::Exported { status } => {
                self.status = Some(status);
                self.export = None;
            }
            Outcome::Copied { image, status } => {
                ctx.copy_image(image);
                self.status = Some(status);
                self.export = None;
            }
            Outcome::Closed => self.export = None,
        }
    }
}
