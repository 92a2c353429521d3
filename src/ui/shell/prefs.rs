//! Preferences kept between runs in eframe's storage, never in the document: the UI language,
//! the theme, the recent files, the file-dialog choice and which panels are shown. They are
//! written as soon as they change ([`PrefsStore`]), not only on a clean quit.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ui::kit::i18n::Lang;

/// Preferences kept between runs (eframe storage), never in the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Language of the UI.
    pub lang: Lang,
    /// Light, dark or the system's theme, once chosen (until then egui's own default).
    pub theme: Option<egui::ThemePreference>,
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
            theme: None,
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

/// Where the preferences are written when they change: eframe's storage in the window
/// ([`EframeStore`]), a recorder in tests.
pub trait PrefsStore {
    /// Writes `prefs` so that they survive the process (flushed, not only kept in memory).
    fn write_prefs(&mut self, prefs: &Prefs);
}

/// eframe's storage, as the window's frame lends it.
pub struct EframeStore<'a>(pub &'a mut dyn eframe::Storage);

impl PrefsStore for EframeStore<'_> {
    fn write_prefs(&mut self, prefs: &Prefs) {
        save_prefs(self.0, prefs);
        self.0.flush();
    }
}
