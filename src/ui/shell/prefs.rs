//! Preferences kept between runs in eframe's storage, never in the document: the UI language,
//! the recent files, the file-dialog choice and which panels are shown.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ui::kit::i18n::Lang;

/// Preferences kept between runs (eframe storage), never in the document.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Language of the UI.
    pub lang: Lang,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Use the built-in file dialog instead of the system's.
    pub builtin_dialog: bool,
    /// Show the inspector panel.
    pub show_inspector: bool,
    /// Show the persona panel.
    pub show_persona: bool,
    /// Show the pain-point review table.
    pub show_review: bool,
    /// Show the opportunities' priority matrix.
    pub show_matrix: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            lang: Lang::En,
            recent: Vec::new(),
            builtin_dialog: false,
            show_inspector: true,
            show_persona: false,
            show_review: false,
            show_matrix: false,
        }
    }
}

const PREFS_KEY: &str = "journeymap-prefs";
const MAX_RECENT: usize = 10;

impl Prefs {
    /// Puts `path` (made absolute where the system can) first in the recent files, once, and
    /// keeps the ten newest.
    pub(super) fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

/// Reads the preferences from eframe's storage.
pub fn load_prefs(storage: Option<&dyn eframe::Storage>) -> Prefs {
    storage
        .and_then(|s| eframe::get_value(s, PREFS_KEY))
        .unwrap_or_default()
}

/// Writes the preferences to eframe's storage.
pub(super) fn save_prefs(storage: &mut dyn eframe::Storage, prefs: &Prefs) {
    eframe::set_value(storage, PREFS_KEY, prefs);
}
