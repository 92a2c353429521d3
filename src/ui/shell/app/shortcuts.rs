//! The app's keyboard shortcuts (files, undo and redo, the customer-data panel, F5 to
//! present); the canvas has its own (`crate::ui::canvas::keyboard`).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{JourneyApp, PendingAction, SaveRequest, bars, export, present};

impl JourneyApp {
    pub(super) fn global_shortcuts(&mut self, ctx: &egui::Context) {
        // While presenting, the keys move through the slides (`present`) and nothing changes.
        if self.present.is_some() {
            return;
        }
        let typing = ctx.text_edit_focused();
        let shortcut =
            |mods, key| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(mods, key)));
        // Ctrl+Shift+S first: egui matches shortcuts logically, so Ctrl+S would take it too.
        // Both are done after this frame's edits (see `ui`).
        if shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S) {
            self.save_requested = Some(SaveRequest::SaveAs);
        }
        if shortcut(Modifiers::COMMAND, Key::S) {
            self.save_requested = Some(SaveRequest::Save);
        }
        if shortcut(Modifiers::COMMAND, Key::O) {
            self.request(PendingAction::OpenDialog);
        }
        if shortcut(Modifiers::COMMAND, Key::N) {
            self.request(PendingAction::Close);
        }
        if shortcut(Modifiers::COMMAND, Key::Q) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if shortcut(
            bars::DATA_SHORTCUT.modifiers,
            bars::DATA_SHORTCUT.logical_key,
        ) {
            self.prefs.show_data = !self.prefs.show_data;
        }
        if shortcut(
            export::EXPORT_SHORTCUT.modifiers,
            export::EXPORT_SHORTCUT.logical_key,
        ) && !self.dialog_open(ctx)
        {
            self.open_export(ctx);
        }
        // Inside a text field, Ctrl+Z belongs to the field; behind a dialog (the import, a
        // prompt, the file dialog) the map does not change.
        let dialog = self.dialog_open(ctx);
        if typing || dialog {
            return;
        }
        if shortcut(
            present::PRESENT_SHORTCUT.modifiers,
            present::PRESENT_SHORTCUT.logical_key,
        ) {
            self.start_presentation(ctx);
        }
        if shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
            || shortcut(Modifiers::COMMAND, Key::Y)
        {
            self.redo();
        }
        if shortcut(Modifiers::COMMAND, Key::Z) {
            self.undo();
        }
    }

    /// Whether a dialog is up (a prompt, the file dialog, the import, or any egui modal such
    /// as a panel's confirmation, as of the last frame): the map behind it takes no keys.
    pub(super) fn dialog_open(&self, ctx: &egui::Context) -> bool {
        self.prompt.is_some()
            || self.file_dialog.is_some()
            || self.import.is_some()
            || self.export.is_some()
            || ctx.memory(|m| m.top_modal_layer().is_some())
    }
}
