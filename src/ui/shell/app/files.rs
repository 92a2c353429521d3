//! Files: open, save, save as, exports, the file dialogs, dropped files, and changes made
//! on disk by someone else.

use super::*;

impl JourneyApp {
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
                || is_mermaid_file(&path)
            {
                self.request(PendingAction::Open(path));
            } else if self.open.is_some() && is_data_file(&path) {
                self.open_import(&path);
            } else {
                let file = path.display().to_string();
                self.prompt = Some(Prompt::Error(tr_args(
                    self.lang(),
                    "drop-not-ron",
                    &[("file", file.into())],
                )));
            }
        }
    }

    /// Does `action`, first asking about unsaved changes.
    pub fn request(&mut self, action: PendingAction) {
        let dirty = self.open.as_ref().is_some_and(|o| o.doc.is_dirty());
        if dirty && action != PendingAction::OpenDialog {
            self.prompt = Some(Prompt::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    pub(super) fn perform(&mut self, action: PendingAction) {
        let lang = self.lang();
        match action {
            PendingAction::Open(path) if is_mermaid_file(&path) => self.open_mermaid(&path),
            PendingAction::Open(path) => match open_file(&path) {
                Ok(open) => {
                    self.set_open(Some(open));
                    self.prefs.remember_recent(&path);
                }
                Err(err) => {
                    self.prefs.recent.retain(|p| p.exists());
                    self.show_error(
                        "open-failed",
                        &crate::ui::kit::i18n::load_error_text(lang, &err),
                    );
                }
            },
            PendingAction::OpenDialog => self.start_dialog(DialogPurpose::Open),
            PendingAction::OpenSample(i) => {
                if let Some(sample) = crate::file::samples::samples().get(i) {
                    match crate::file::samples::load_sample(sample) {
                        Ok(map) => self.set_open(Some(OpenMap::unsaved(map))),
                        Err(err) => self.prompt = Some(Prompt::Error(err.to_string())),
                    }
                }
            }
            PendingAction::NewFromTemplate(id, content_lang) => {
                if let Some(t) = template::find(&id) {
                    self.set_open(Some(OpenMap::unsaved(t.instantiate(content_lang))));
                }
            }
            PendingAction::Close => self.set_open(None),
            PendingAction::Quit => {
                self.clear_recovery();
                self.allow_close = true;
                self.open = None;
                self.ctx_close_pending = true;
            }
        }
    }

    pub(super) fn set_open(&mut self, open: Option<OpenMap>) {
        self.new_card = None;
        self.clear_recovery();
        self.open = open;
        self.load_error = None;
        self.show_warnings = false;
        self.editor = EditorState::fitted();
        self.autosaved_revision = None;
        self.opened_view_pending = true;
    }

    /// Saves to the map's file, or asks for one; then does `then`. A file changed on disk by
    /// someone else is not overwritten without asking.
    pub(super) fn save(&mut self, then: Option<PendingAction>) {
        let Some(path) = self.open.as_ref().and_then(|o| o.path.clone()) else {
            self.save_as(then);
            return;
        };
        if self.changed_on_disk() {
            self.prompt = Some(Prompt::ChangedOnDisk(then));
            return;
        }
        if self.save_to(&path)
            && let Some(action) = then
        {
            self.perform(action);
        }
    }

    /// Whether the open map's file has other content than when it was opened or saved here.
    pub(super) fn changed_on_disk(&mut self) -> bool {
        let Some(open) = &mut self.open else {
            return false;
        };
        let (Some(path), Some(stamp)) = (&open.path, &mut open.stamp) else {
            return false;
        };
        stamp.check(path) == crate::file::DiskState::Changed
    }

    /// Looks at the open map's file about once a second: a map without unsaved changes follows
    /// the file (with a notice); one with changes shows a banner and keeps the user's version.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        let Some(open) = &self.open else {
            return;
        };
        if open.path.is_none() || open.stamp.is_none() {
            return;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
        let now = ctx.input(|i| i.time);
        if now - self.disk_checked_at < 1.0 || self.prompt.is_some() {
            return;
        }
        self.disk_checked_at = now;
        let dirty = open.doc.is_dirty();
        let conflict = open.disk_conflict;
        if conflict || !self.changed_on_disk() {
            return;
        }
        if dirty {
            if let Some(open) = &mut self.open {
                open.disk_conflict = true;
            }
        } else {
            self.reload_from_disk();
        }
    }

    /// Replaces the open map by its file as it is now on disk, keeping the view.
    pub(super) fn reload_from_disk(&mut self) {
        let lang = self.lang();
        let Some(path) = self.open.as_ref().and_then(|o| o.path.clone()) else {
            return;
        };
        match open_file(&path) {
            Ok(fresh) => {
                self.new_card = None;
                self.editor.editing = None;
                self.clear_recovery();
                self.open = Some(fresh);
                // A view the user has not moved since it was fitted fits the new map.
                if self.editor.view.fitted().is_some() {
                    self.editor.view.fit_pending = Some(crate::ui::canvas::paint::Fit::Readable);
                }
                self.file_status("status-reloaded", &path);
            }
            Err(err) => {
                self.show_error(
                    "open-failed",
                    &crate::ui::kit::i18n::load_error_text(lang, &err),
                );
            }
        }
    }

    /// Keeps the user's version over a file changed on disk: the next save overwrites it.
    pub(super) fn keep_mine(&mut self) {
        if let Some(open) = &mut self.open {
            open.disk_conflict = false;
            if let Some(path) = &open.path {
                open.stamp = crate::file::FileStamp::read(path).ok();
            }
        }
    }

    pub(super) fn save_as(&mut self, then: Option<PendingAction>) {
        if self.open.is_some() {
            self.start_dialog(DialogPurpose::SaveAs { then });
        }
    }

    /// Saves the open map to `path`; returns whether it worked (errors are shown).
    pub fn save_to(&mut self, path: &Path) -> bool {
        let lang = self.lang();
        let Some(open) = &mut self.open else {
            return false;
        };
        let result = file::save(path, open.doc.map());
        // Saved but without a fresh `.bak` still counts as saved; the user is told either way.
        let saved = result
            .as_ref()
            .map_or_else(file::SaveError::was_saved, |()| true);
        if saved {
            open.doc.mark_saved();
            open.stamp = crate::file::FileStamp::read(path).ok();
            open.disk_conflict = false;
            open.path = Some(path.to_owned());
            open.warnings.clear();
            self.file_status("status-saved", path);
            self.prefs.remember_recent(path);
            let workshop = self.prefs.workshop();
            self.prefs.remember_workshop_map(path, workshop);
            self.clear_recovery();
        }
        if let Err(err) = result {
            let heading = if saved { "save-warning" } else { "save-failed" };
            self.show_error(heading, &crate::ui::kit::i18n::save_error_text(lang, &err));
        }
        saved
    }

    /// Writes an export (atomically, no backup) and says so in the status bar.
    pub fn write_export(&mut self, path: &Path, text: &str) {
        let lang = self.lang();
        match file::write_atomically(path, text.as_bytes(), false) {
            Ok(()) => {
                self.file_status("status-exported", path);
            }
            Err(err) => {
                self.show_error(
                    "export-failed",
                    &crate::ui::kit::i18n::save_error_text(lang, &err),
                );
            }
        }
    }

    /// "<map title>-pain-points.csv" (or .md).
    pub(super) fn export_file_name(&self, format: ReviewFormat) -> String {
        let base = self.suggested_file_name();
        let stem = base.strip_suffix(".ron").unwrap_or(&base);
        format!("{stem}-pain-points.{}", format.extension())
    }

    pub(super) fn start_dialog(&mut self, purpose: DialogPurpose) {
        let last_data = (purpose == DialogPurpose::Import)
            .then(|| self.last_import_path())
            .flatten()
            .and_then(|p| p.parent().map(Path::to_owned));
        let start_dir = last_data
            .or_else(|| {
                self.open
                    .as_ref()
                    .and_then(|o| o.path.as_ref())
                    .and_then(|p| p.parent().map(Path::to_owned))
            })
            .or_else(|| {
                self.prefs
                    .recent
                    .first()
                    .and_then(|p| p.parent().map(Path::to_owned))
            });
        let suggested = match &purpose {
            DialogPurpose::Export { name, .. } | DialogPurpose::ExportMap { name, .. } => {
                name.clone()
            }
            _ => self.suggested_file_name(),
        };
        let use_builtin = self.prefs.builtin_dialog
            || std::env::var("JOURNEYMAP_FILE_DIALOG").is_ok_and(|v| v == "builtin");
        if use_builtin {
            let mode = match purpose {
                DialogPurpose::Open => DialogMode::Open,
                DialogPurpose::Import => DialogMode::OpenData,
                DialogPurpose::SaveAs { .. }
                | DialogPurpose::Export { .. }
                | DialogPurpose::ExportMap { .. } => DialogMode::Save {
                    suggested_name: suggested,
                },
            };
            let mut dialog = FileDialog::new(mode, start_dir);
            if matches!(purpose, DialogPurpose::ExportMap { .. }) {
                dialog = dialog.titled(tr(self.lang(), "export-dialog-title"));
            }
            self.file_dialog = Some((dialog, purpose));
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let is_open = matches!(purpose, DialogPurpose::Open | DialogPurpose::Import);
        let (filter_name, extensions) = if purpose == DialogPurpose::Import {
            (
                tr(self.lang(), "import-dialog-filter"),
                DialogMode::OpenData.extensions(),
            )
        } else {
            let extension = DialogMode::Save {
                suggested_name: suggested.clone(),
            }
            .extension();
            let filter_name = match (&purpose, extension.as_str()) {
                (DialogPurpose::ExportMap { format, .. }, _) => self.export_filter_name(*format),
                (_, "csv") => "CSV (.csv)".to_owned(),
                (_, "md") => "Markdown (.md)".to_owned(),
                _ => "Journey map (.ron)".to_owned(),
            };
            (filter_name, vec![extension])
        };
        // Open also offers Mermaid journeys, under a filter of their own.
        let also = (purpose == DialogPurpose::Open).then(|| {
            (
                "Mermaid journey (.mmd, .md)".to_owned(),
                crate::ui::shell::file_dialog::MERMAID_EXTENSIONS.to_vec(),
            )
        });
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let mut dialog = rfd::AsyncFileDialog::new().add_filter(filter_name, &extensions);
                if let Some((name, extensions)) = &also {
                    dialog = dialog.add_filter(name, extensions);
                }
                if let Some(dir) = &start_dir {
                    dialog = dialog.set_directory(dir);
                }
                let picked = if is_open {
                    pollster::block_on(dialog.pick_file())
                } else {
                    pollster::block_on(dialog.set_file_name(suggested).save_file())
                };
                let _ = sender.send(picked.map(|h| h.path().to_owned()));
            });
        if spawned.is_ok() {
            self.native_dialog = Some(NativeDialog {
                purpose,
                started: Instant::now(),
                receiver,
            });
        } else {
            self.prefs.builtin_dialog = true;
            self.start_dialog(purpose);
        }
    }

    pub(super) fn suggested_file_name(&self) -> String {
        let title = self.map().map_or("journey-map", |m| m.title.as_str());
        let slug: String = title
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        format!(
            "{}.ron",
            if slug.is_empty() {
                "journey-map".to_owned()
            } else {
                slug.to_lowercase()
            }
        )
    }

    pub(super) fn poll_native_dialog(&mut self, ctx: &egui::Context) {
        let Some(native) = &self.native_dialog else {
            return;
        };
        match native.receiver.try_recv() {
            Ok(picked) => {
                let Some(native) = self.native_dialog.take() else {
                    return;
                };
                match picked {
                    Some(path) => self.dialog_done(native.purpose, path),
                    // Nothing, at once: there is no system dialog (a bare Linux box without a
                    // desktop portal). Use the built-in one from now on.
                    None if native.started.elapsed().as_secs_f32() < 0.5 => {
                        self.prefs.builtin_dialog = true;
                        self.start_dialog(native.purpose);
                    }
                    None if matches!(native.purpose, DialogPurpose::ExportMap { .. }) => {
                        self.export_file_cancelled();
                    }
                    None => {}
                }
            }
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                if let Some(native) = self.native_dialog.take() {
                    self.prefs.builtin_dialog = true;
                    self.start_dialog(native.purpose);
                }
            }
        }
    }

    pub(super) fn file_dialog_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some((dialog, _)) = &mut self.file_dialog else {
            return;
        };
        if let Some(result) = dialog.show(ctx, lang) {
            let Some((_, purpose)) = self.file_dialog.take() else {
                return;
            };
            match result {
                Some(path) => self.dialog_done(purpose, path),
                None if matches!(purpose, DialogPurpose::ExportMap { .. }) => {
                    self.export_file_cancelled();
                }
                None => {}
            }
        }
    }

    pub(super) fn dialog_done(&mut self, purpose: DialogPurpose, path: PathBuf) {
        match purpose {
            DialogPurpose::Export { text, .. } => self.write_export(&path, &text),
            DialogPurpose::ExportMap { .. } => self.export_file_chosen(path),
            DialogPurpose::Open => self.request(PendingAction::Open(path)),
            DialogPurpose::Import => self.open_import(&path),
            DialogPurpose::SaveAs { then } => {
                if self.save_to(&path)
                    && let Some(action) = then
                {
                    self.perform(action);
                }
            }
        }
    }

    /// Says in the status bar that `key` happened to the file at `path` (by its name).
    fn file_status(&mut self, key: &str, path: &Path) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.status = Some(tr_args(self.lang(), key, &[("file", name.into())]));
    }

    /// Opens a Mermaid journey (a `.mmd` file, or the first ```` ```mermaid ```` journey of a
    /// Markdown file) as a new, unsaved map; what it holds differently is listed in a notice.
    fn open_mermaid(&mut self, path: &Path) {
        use crate::export::mermaid_in::{from_markdown, from_mermaid};
        use crate::ui::kit::i18n::{mermaid_error_text, mermaid_warning_text};
        let lang = self.lang();
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(err) => {
                let err = crate::file::LoadError::Io {
                    path: path.to_owned(),
                    source: err,
                };
                self.show_error(
                    "open-failed",
                    &crate::ui::kit::i18n::load_error_text(lang, &err),
                );
                return;
            }
        };
        let markdown = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        let made = if markdown {
            from_markdown(&text)
        } else {
            from_mermaid(&text)
        };
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match made {
            Ok(made) => {
                self.set_open(Some(OpenMap::unsaved(made.map)));
                self.status = Some(tr_args(
                    lang,
                    "mermaid-opened-status",
                    &[("file", file.clone().into())],
                ));
                if !made.warnings.is_empty() {
                    self.prompt = Some(Prompt::Notice {
                        title: tr_args(lang, "mermaid-opened-title", &[("file", file.into())]),
                        intro: tr(lang, "mermaid-opened-intro"),
                        lines: made
                            .warnings
                            .iter()
                            .map(|w| mermaid_warning_text(lang, w))
                            .collect(),
                    });
                }
            }
            Err(err) => self.show_error("open-failed", &mermaid_error_text(lang, &err)),
        }
    }

    /// Shows an error prompt: the heading `key` in the UI language, then `detail`.
    fn show_error(&mut self, key: &str, detail: &str) {
        self.prompt = Some(Prompt::Error(format!("{}: {detail}", tr(self.lang(), key))));
    }
}

/// Whether `path` names a Mermaid journey to open as a map (by its extension).
pub(super) fn is_mermaid_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        crate::ui::shell::file_dialog::MERMAID_EXTENSIONS
            .iter()
            .any(|m| e.eq_ignore_ascii_case(m))
    })
}

/// Whether `path` names a file the import reads (by its extension). A dropped `.txt` is
/// more often notes than an export: it is refused, though the import's dialog lists it.
fn is_data_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        crate::ui::shell::file_dialog::DATA_EXTENSIONS
            .iter()
            .filter(|d| **d != "txt")
            .any(|d| e.eq_ignore_ascii_case(d))
    })
}
