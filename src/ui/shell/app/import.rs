//! Customer data brought onto the open map: the File menu's entries, the data file chosen,
//! the import dialog shown, and what it returns applied as one undo step.

use super::*;
use crate::import::Input;
use crate::ui::shell::import::{ImportDialog, Outcome};

impl JourneyApp {
    /// Opens the import dialog on the data file at `path` for the open map (what the File
    /// menu does once the file is chosen, and a dropped data file). When the map's saved
    /// mapping fits the file, the read starts at once: a re-import asks nothing.
    pub fn open_import(&mut self, path: &Path) {
        let Some(open) = &self.open else {
            return;
        };
        let map = open.doc.map();
        let mut dialog = ImportDialog::new(Input::Path(path.to_owned()), map);
        if dialog.state().saved_mapping_fits() {
            dialog.run(map, &self.today.to_string());
        }
        self.import = Some(dialog);
        self.last_import = Some(path.to_owned());
        if let Some(map_path) = &open.path {
            self.prefs.remember_import(map_path, path);
        }
    }

    /// The import dialog, while it is open.
    pub fn import_dialog(&self) -> Option<&ImportDialog> {
        self.import.as_ref()
    }

    /// The data file last imported into the open map: remembered for its file, else in this
    /// session.
    pub(super) fn last_import_path(&self) -> Option<PathBuf> {
        let open = self.open.as_ref()?;
        open.path
            .as_deref()
            .and_then(|p| self.prefs.last_import(p))
            .map(Path::to_owned)
            .or_else(|| self.last_import.clone())
    }

    /// The File menu's entries: import a file, or the last one again.
    pub(super) fn import_menu_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let has_map = self.open.is_some();
        if ui
            .add_enabled(has_map, egui::Button::new(tr(lang, "import-dialog-menu")))
            .clicked()
        {
            self.start_dialog(DialogPurpose::Import);
        }
        if let Some(path) = self.last_import_path().filter(|p| p.is_file()) {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let again = tr_args(lang, "import-dialog-again", &[("file", name.into())]);
            if ui
                .button(again)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                self.open_import(&path);
            }
        }
    }

    /// Shows the import dialog while it is open and applies what it returns.
    pub(super) fn import_dialog_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let today = self.today.to_string();
        let (Some(dialog), Some(open)) = (&mut self.import, &mut self.open) else {
            self.import = None;
            return;
        };
        match dialog.show(ctx, lang, open.doc.map(), &today) {
            None => {}
            Some(Outcome::Closed) => self.import = None,
            Some(Outcome::Apply { command, status }) => {
                // One undo step of its own, whatever was typed before.
                open.doc.seal();
                match open.doc.apply(*command) {
                    Ok(_) => self.status = Some(status),
                    Err(err) => self.status = Some(err.to_string()),
                }
                open.doc.seal();
                self.import = None;
            }
        }
    }
}
