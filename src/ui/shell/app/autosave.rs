//! Recovery copies and prompts: the autosave timer, the restore prompt, and the prompts
//! that ask before work is replaced (unsaved changes, a file changed on disk, errors).

use super::*;

impl JourneyApp {
    pub(super) fn clear_recovery(&mut self) {
        if let Some(store) = &mut self.recovery {
            store.clear_own();
        }
        self.autosaved_revision = None;
        self.change_seen = None;
    }

    /// Writes the recovery copy `autosave_delay_s` seconds after the last change, whether or
    /// not any input follows (it asks egui for a frame then); the write itself runs on the
    /// store's thread. Also reports finished writes, removes the copy when the map no longer
    /// has unsaved edits, and offers copies again that were left unanswered after a restore.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let now = ctx.input(|i| i.time);
        let Some(store) = &mut self.recovery else {
            return;
        };
        for written in store.poll() {
            let current = self.autosaved_revision == Some(written.revision);
            match written.result {
                Ok(()) if current => self.status = Some(tr(lang, "status-autosaved")),
                Ok(()) => {}
                Err(error) => {
                    self.status = Some(tr_args(
                        lang,
                        "status-autosave-failed",
                        &[("error", error.into())],
                    ));
                    if current {
                        // Try again after another delay.
                        self.autosaved_revision = None;
                        self.last_change_at = now;
                    }
                }
            }
        }
        if store.busy() {
            // To report the outcome soon.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        // Nothing to recover from a map nobody has touched (a fresh template, a sample), nor
        // from a saved one.
        let unsaved_edits = self
            .open
            .as_ref()
            .is_some_and(|o| o.doc.is_dirty() && (o.doc.revision() != 0 || o.recovered));
        if self.recovery_reoffer && !unsaved_edits && self.prompt.is_none() && !self.allow_close {
            self.recovery_reoffer = false;
            let left = store.left_behind();
            if !left.is_empty() {
                self.prompt = Some(Prompt::Recovery(left));
                ctx.request_repaint();
            }
        }
        let Some(open) = &self.open else {
            return;
        };
        let revision = open.doc.revision();
        if self.change_seen != Some(revision) {
            self.change_seen = Some(revision);
            self.last_change_at = now;
        }
        if !unsaved_edits {
            // Undone back to the saved map: the copy is not needed any more.
            if self.autosaved_revision.take().is_some() {
                store.clear_own();
            }
            return;
        }
        if self.autosaved_revision == Some(revision) {
            return;
        }
        let wait = self.last_change_at + self.autosave_delay_s - now;
        if wait > 0.0 {
            // Asked again every frame: a request made in a frame that already has a repaint
            // pending is dropped by egui.
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            return;
        }
        let ago = jiff::SignedDuration::try_from_secs_f64(now - self.last_change_at)
            .unwrap_or(jiff::SignedDuration::ZERO);
        let wall = jiff::Timestamp::now();
        let changed_at = wall.checked_sub(ago).unwrap_or(wall);
        match store.write(open.doc.map(), open.path.as_deref(), changed_at, revision) {
            Ok(()) => {
                self.autosaved_revision = Some(revision);
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(error) => {
                self.status = Some(tr_args(
                    lang,
                    "status-autosave-failed",
                    &[("error", error.into())],
                ));
                self.last_change_at = now;
            }
        }
    }

    /// Does what the user answered for one copy in the recovery prompt.
    pub(super) fn answer_recovery(&mut self, mut found: Vec<LeftBehind>, answer: RecoveryAnswer) {
        let lang = self.lang();
        match answer {
            // Dropping the list releases the claims: the next start offers them again.
            RecoveryAnswer::Later => {}
            RecoveryAnswer::Discard(i) if i < found.len() => {
                if let Err(error) = RecoveryStore::discard(found.remove(i)) {
                    self.status = Some(tr_args(
                        lang,
                        "recovery-discard-failed",
                        &[("error", error.into())],
                    ));
                }
                if !found.is_empty() {
                    self.prompt = Some(Prompt::Recovery(found));
                }
            }
            RecoveryAnswer::Restore(i) if i < found.len() => {
                let copy = found.remove(i);
                if let Err(copy) = self.restore_copy(copy) {
                    found.insert(i, *copy);
                    self.prompt = Some(Prompt::Recovery(found));
                } else if !found.is_empty() {
                    // One map per window: the others are released now (another window may
                    // offer them) and offered here again once this map is saved or closed.
                    self.recovery_reoffer = true;
                }
            }
            RecoveryAnswer::Discard(_) | RecoveryAnswer::Restore(_) => {
                self.prompt = Some(Prompt::Recovery(found));
            }
        }
    }

    /// Opens a left-behind copy as the current map (unsaved, flagged as restored) and makes
    /// the copy this window's own, so it stays on disk until the map is saved or closed.
    pub(super) fn restore_copy(&mut self, copy: LeftBehind) -> Result<(), Box<LeftBehind>> {
        let Ok(recovered) = &copy.copy else {
            return Err(Box::new(copy));
        };
        let mut open = OpenMap::unsaved(recovered.map.clone());
        open.path.clone_from(&recovered.path);
        open.recovered = true;
        let title = recovered.map.title.clone();
        // First: opening a map clears this window's previous copy.
        self.set_open(Some(open));
        let Some(store) = &mut self.recovery else {
            return Err(Box::new(copy));
        };
        store.adopt(copy)?;
        // The adopted copy holds this map already.
        self.autosaved_revision = self.open.as_ref().map(|o| o.doc.revision());
        self.status = Some(tr_args(
            self.lang(),
            "status-restored",
            &[("title", title.into())],
        ));
        Ok(())
    }

    pub(super) fn prompt_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some(prompt) = &self.prompt else {
            return;
        };
        let title = self.map().map(|m| m.title.clone()).unwrap_or_default();
        let mut choice: Option<&'static str> = None;
        let mut recovery_answer = None;
        let modal = egui::Modal::new(egui::Id::unique("journeymap-prompt")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            match prompt {
                Prompt::Unsaved(_) => {
                    ui.heading(tr(lang, "unsaved-title"));
                    ui.label(tr_args(
                        lang,
                        "unsaved-body",
                        &[("title", title.clone().into())],
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "unsaved-save")).clicked() {
                            choice = Some("save");
                        }
                        if ui.button(tr(lang, "unsaved-discard")).clicked() {
                            choice = Some("discard");
                        }
                        if ui.button(tr(lang, "unsaved-cancel")).clicked() {
                            choice = Some("cancel");
                        }
                    });
                }
                Prompt::Recovery(found) => {
                    ui.heading(tr(lang, "recovery-title"));
                    ui.label(tr(lang, "recovery-list-body"));
                    ui.add_space(4.0);
                    egui::ScrollArea::vertical()
                        .max_height(360.0)
                        .show(ui, |ui| {
                            for (i, copy) in found.iter().enumerate() {
                                ui.separator();
                                let answer = ui.push_id(i, |ui| recovery_row_ui(ui, lang, copy));
                                match answer.inner {
                                    Some(true) => {
                                        recovery_answer = Some(RecoveryAnswer::Restore(i));
                                    }
                                    Some(false) => {
                                        recovery_answer = Some(RecoveryAnswer::Discard(i));
                                    }
                                    None => {}
                                }
                            }
                        });
                    ui.separator();
                    if ui.button(tr(lang, "recovery-later")).clicked() {
                        recovery_answer = Some(RecoveryAnswer::Later);
                    }
                    ui.label(RichText::new(tr(lang, "recovery-later-hint")).weak());
                }
                Prompt::ChangedOnDisk(_) => {
                    ui.heading(tr(lang, "disk-changed-title"));
                    ui.label(tr_args(
                        lang,
                        "disk-changed-body",
                        &[("title", title.clone().into())],
                    ));
                    ui.add_space(8.0);
                    ui.horizontal_wrapped(|ui| {
                        if ui.button(tr(lang, "disk-changed-overwrite")).clicked() {
                            choice = Some("overwrite");
                        }
                        if ui.button(tr(lang, "disk-changed-save-as")).clicked() {
                            choice = Some("save-as");
                        }
                        if ui.button(tr(lang, "disk-changed-reload")).clicked() {
                            choice = Some("reload");
                        }
                        if ui.button(tr(lang, "unsaved-cancel")).clicked() {
                            choice = Some("cancel");
                        }
                    });
                }
                Prompt::Error(message) => {
                    ui.heading(tr(lang, "error-title"));
                    ui.label(message);
                    ui.add_space(8.0);
                    if ui.button(tr(lang, "error-ok")).clicked() {
                        choice = Some("ok");
                    }
                }
            }
        });
        if let Some(answer) = recovery_answer {
            if let Some(Prompt::Recovery(found)) = self.prompt.take() {
                self.answer_recovery(found, answer);
            }
            return;
        }
        if modal.should_close() && choice.is_none() {
            choice = Some("cancel");
        }
        let Some(choice) = choice else {
            return;
        };
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match (prompt, choice) {
            (Prompt::Unsaved(action), "save") => self.save(Some(action)),
            (Prompt::Unsaved(action), "discard") => self.perform(action),
            (Prompt::ChangedOnDisk(then), "overwrite") => {
                self.keep_mine();
                self.save(then);
            }
            (Prompt::ChangedOnDisk(then), "save-as") => self.save_as(then),
            (Prompt::ChangedOnDisk(then), "reload") => {
                self.reload_from_disk();
                if let Some(action) = then {
                    self.perform(action);
                }
            }
            (Prompt::Recovery(found), _) => self.prompt = Some(Prompt::Recovery(found)),
            _ => {}
        }
    }
}

/// One copy in the recovery prompt: its map title, its file, when it was last changed (or why
/// it cannot be read), and its buttons. `Some(true)` = Restore, `Some(false)` = Discard.
pub(super) fn recovery_row_ui(ui: &mut Ui, lang: Lang, copy: &LeftBehind) -> Option<bool> {
    match &copy.copy {
        Ok(recovered) => {
            let title = if recovered.map.title.trim().is_empty() {
                tr(lang, "recovery-untitled")
            } else {
                recovered.map.title.clone()
            };
            ui.label(RichText::new(title).strong());
            ui.label(recovered.path.as_ref().map_or_else(
                || tr(lang, "recovery-not-saved"),
                |p| {
                    tr_args(
                        lang,
                        "recovery-file",
                        &[("file", p.display().to_string().into())],
                    )
                },
            ));
        }
        Err(reason) => {
            let name = copy
                .file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            ui.label(RichText::new(name).strong());
            ui.label(tr_args(
                lang,
                "recovery-unreadable",
                &[("reason", reason.clone().into())],
            ));
        }
    }
    if let Some(when) = copy.changed_at() {
        ui.label(tr_args(
            lang,
            "recovery-changed",
            &[("when", local_time(when).into())],
        ));
    }
    let mut answer = None;
    ui.horizontal(|ui| {
        if copy.copy.is_ok() && ui.button(tr(lang, "recovery-restore")).clicked() {
            answer = Some(true);
        }
        if ui.button(tr(lang, "recovery-discard")).clicked() {
            answer = Some(false);
        }
    });
    answer
}
