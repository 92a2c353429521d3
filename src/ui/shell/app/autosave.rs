//! Recovery copies and the answers to prompts: the autosave timer, restoring or discarding
//! copies left behind, and what the user answered when asked before work is replaced (the
//! prompts themselves are drawn by `shell::prompts`).

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

    /// Shows the open prompt and does what the user answered.
    pub(super) fn prompt_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some(prompt) = &self.prompt else {
            return;
        };
        let title = self.map().map(|m| m.title.clone()).unwrap_or_default();
        let Some(answer) = prompt.show(ctx, lang, &title) else {
            return;
        };
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match (prompt, answer) {
            (Prompt::Recovery(found), Answer::Recovery(answer)) => {
                self.answer_recovery(found, answer);
            }
            (Prompt::Unsaved(action), Answer::Choice(Choice::Save)) => self.save(Some(action)),
            (Prompt::Unsaved(action), Answer::Choice(Choice::Discard)) => self.perform(action),
            (Prompt::ChangedOnDisk(then), Answer::Choice(Choice::Overwrite)) => {
                self.keep_mine();
                self.save(then);
            }
            (Prompt::ChangedOnDisk(then), Answer::Choice(Choice::SaveAs)) => self.save_as(then),
            (Prompt::ChangedOnDisk(then), Answer::Choice(Choice::Reload)) => {
                self.reload_from_disk();
                if let Some(action) = then {
                    self.perform(action);
                }
            }
            (Prompt::Recovery(found), Answer::Choice(_)) => {
                self.prompt = Some(Prompt::Recovery(found));
            }
            _ => {}
        }
    }
}
