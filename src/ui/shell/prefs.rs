//! Preferences kept between runs in eframe's storage, never in the document: the UI language,
//! the theme, the recent files, the file-dialog choice, which panels are shown, and which maps
//! are shown in the workshop view. They are written as soon as they change ([`PrefsStore`]), not
//! only on a clean quit.

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
    /// Show the customer data (funnel, trends, imports).
    pub show_data: bool,
    /// The maps shown in the workshop view, by file (made absolute where the system can).
    pub workshop_maps: Vec<PathBuf>,
    /// The panels that were open before the workshop view hid them: `Some` while the
    /// workshop view is on, so turning it off (even after a restart) brings them back.
    pub panels_before_workshop: Option<Panels>,
    /// The data file last imported into each map: (map file, data file), newest first.
    pub imports: Vec<(PathBuf, PathBuf)>,
    /// The export dialog's last choices (format, scale, whole map or current view).
    pub export: crate::ui::shell::export::ExportChoices,
}

/// Which side panels are open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Panels {
    /// The inspector.
    pub inspector: bool,
    /// The persona panel.
    pub persona: bool,
    /// The pain-point review table.
    pub review: bool,
    /// The priority matrix.
    pub matrix: bool,
    /// The customer data.
    pub data: bool,
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
            show_data: false,
            workshop_maps: Vec::new(),
            panels_before_workshop: None,
            imports: Vec::new(),
            export: crate::ui::shell::export::ExportChoices::default(),
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

impl Prefs {
    /// Whether the workshop view is on.
    pub fn workshop(&self) -> bool {
        self.panels_before_workshop.is_some()
    }

    /// Turns the workshop view on (hiding the panels, remembering which were open) or off
    /// (opening them again).
    pub fn set_workshop(&mut self, on: bool) {
        match (on, self.panels_before_workshop) {
            (true, None) => {
                self.panels_before_workshop = Some(self.panels());
                self.set_panels(Panels::default());
            }
            (false, Some(before)) => {
                self.set_panels(before);
                self.panels_before_workshop = None;
            }
            _ => {}
        }
    }

    /// The side panels open now.
    pub fn panels(&self) -> Panels {
        Panels {
            inspector: self.show_inspector,
            persona: self.show_persona,
            review: self.show_review,
            matrix: self.show_matrix,
            data: self.show_data,
        }
    }

    fn set_panels(&mut self, panels: Panels) {
        self.show_inspector = panels.inspector;
        self.show_persona = panels.persona;
        self.show_review = panels.review;
        self.show_matrix = panels.matrix;
        self.show_data = panels.data;
    }

    /// Whether the map in `path` was last shown in the workshop view.
    pub fn is_workshop_map(&self, path: &Path) -> bool {
        let path = absolute(path);
        self.workshop_maps.contains(&path)
    }

    /// Remembers whether the map in `path` is shown in the workshop view.
    pub fn remember_workshop_map(&mut self, path: &Path, on: bool) {
        let path = absolute(path);
        self.workshop_maps.retain(|p| p != &path);
        if on {
            self.workshop_maps.push(path);
        }
    }
}

impl Prefs {
    /// Remembers that `data` was imported into the map in `map` (the ten newest maps kept).
    pub fn remember_import(&mut self, map: &Path, data: &Path) {
        let (map, data) = (absolute(map), absolute(data));
        self.imports.retain(|(m, _)| m != &map);
        self.imports.insert(0, (map, data));
        self.imports.truncate(MAX_RECENT);
    }

    /// The data file last imported into the map in `map`.
    pub fn last_import(&self, map: &Path) -> Option<&Path> {
        let map = absolute(map);
        self.imports
            .iter()
            .find(|(m, _)| m == &map)
            .map(|(_, d)| d.as_path())
    }
}

/// `path` made absolute where the system can, so one file has one key.
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_saved_before_the_workshop_view_still_load() {
        let old = "(lang: Vi, recent: [], builtin_dialog: false, show_inspector: true, \
                   show_persona: true, show_review: false, show_matrix: false)";
        let prefs: Prefs = ron::from_str(old).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(prefs.lang, Lang::Vi);
        assert!(prefs.show_persona && !prefs.workshop() && prefs.workshop_maps.is_empty());
    }

    #[test]
    fn the_workshop_view_hides_the_panels_and_gives_them_back() {
        let mut prefs = Prefs {
            show_persona: true,
            ..Prefs::default()
        };
        let before = prefs.panels();
        prefs.set_workshop(true);
        assert_eq!(prefs.panels(), Panels::default());
        // Saved and loaded while on (a restart), turning it off still restores them.
        let text = ron::to_string(&prefs).unwrap_or_else(|e| panic!("{e}"));
        let mut prefs: Prefs = ron::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        assert!(prefs.workshop());
        prefs.set_workshop(false);
        assert_eq!(prefs.panels(), before);
    }

    #[test]
    fn the_last_data_file_is_remembered_per_map() {
        let mut prefs = Prefs::default();
        let (a, b) = (Path::new("/maps/a.ron"), Path::new("/maps/b.ron"));
        prefs.remember_import(a, Path::new("/data/q3.csv"));
        prefs.remember_import(b, Path::new("/data/other.xlsx"));
        prefs.remember_import(a, Path::new("/data/q4.csv"));
        assert_eq!(prefs.last_import(a), Some(Path::new("/data/q4.csv")));
        assert_eq!(prefs.last_import(b), Some(Path::new("/data/other.xlsx")));
        assert_eq!(prefs.imports.len(), 2);
        assert_eq!(prefs.last_import(Path::new("/maps/c.ron")), None);
    }
}
