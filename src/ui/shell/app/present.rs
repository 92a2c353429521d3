//! Presentation mode in the app: F5 or View → Present enters it (full screen, no menus, bars,
//! panels or dock, nothing editable), Esc or F5 leaves it and puts the window back as it was.
//! The slides themselves are drawn by `crate::ui::present`.

use super::*;
use crate::ui::present::{self, Presentation, Show};

/// Starts and ends presentation mode (View menu).
pub(super) const PRESENT_SHORTCUT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::NONE, Key::F5);

impl JourneyApp {
    /// The presentation, while presentation mode is on.
    pub fn presentation(&self) -> Option<&Presentation> {
        self.present.as_ref()
    }

    /// Enters presentation mode on the open map (nothing happens without one): the window goes
    /// full screen, and whatever was being typed in place is left.
    pub(super) fn start_presentation(&mut self, ctx: &egui::Context) {
        if self.open.is_none() || self.present.is_some() {
            return;
        }
        let was_fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        self.editor.editing = None;
        self.present = Some(Presentation::new(was_fullscreen));
        if !was_fullscreen {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
    }

    /// Leaves presentation mode: the window as it was before, the editor as it was left.
    fn stop_presentation(&mut self, ctx: &egui::Context) {
        if let Some(p) = self.present.take()
            && !p.was_fullscreen
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    /// One frame of presentation mode, in place of the editor's menus, bars, panels and canvas.
    pub(super) fn presentation_frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.refresh_layout(&ctx);
        let keys = !self.dialog_open(&ctx);
        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        let lang = self.lang();
        let mut leave = false;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let (Some(open), Some(state)) = (&self.open, &mut self.present) else {
                leave = true;
                return;
            };
            let Some(super::Laid { layout, .. }) = &open.layout else {
                leave = true;
                return;
            };
            let show = Show {
                map: open.doc.map(),
                layout,
                metrics: &self.metrics,
                theme: &theme,
                lang,
            };
            leave = present::presentation_ui(ui, state, &show, keys);
        });
        if leave {
            self.stop_presentation(&ctx);
        }
    }
}
