//! What the file dialog knows, without egui: the folder shown and its listing (sub-folders,
//! then files of the dialog's extension, sorted by name), the path typed in the path bar, the
//! name field, and what confirming it means (a folder entered, a file chosen, a warning).
//!
//! Every file-system failure becomes a [`ListingProblem`] or a [`Notice`]: nothing here
//! unwraps a file-system result.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// What the dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogMode {
    /// Choose an existing map to open.
    Open,
    /// Choose where to save; the name field starts with `suggested_name`.
    Save {
        /// The file name offered, e.g. `Hành trình mua sắm.ron`.
        suggested_name: String,
    },
    /// Choose a customer-data export to import (any of [`DATA_EXTENSIONS`]).
    OpenData,
}

/// The extensions of Mermaid journeys the Open dialog lists beside maps (a `.md` file is read
/// for its first ```` ```mermaid ```` journey block).
pub const MERMAID_EXTENSIONS: [&str; 3] = ["mmd", "md", "markdown"];

/// The extensions of the customer-data files the import reads.
pub const DATA_EXTENSIONS: [&str; 6] = ["csv", "tsv", "txt", "xlsx", "xls", "ods"];

impl DialogMode {
    /// The extension of the files listed and saved: that of the suggested name when saving
    /// (`report.csv` lists and saves `.csv`), `ron` otherwise.
    pub fn extension(&self) -> String {
        match self {
            Self::Open => "ron".to_owned(),
            Self::OpenData => DATA_EXTENSIONS[0].to_owned(),
            Self::Save { suggested_name } => Path::new(suggested_name)
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("ron")
                .to_owned(),
        }
    }

    /// The extensions of the files listed: the data files' for [`DialogMode::OpenData`],
    /// maps and Mermaid journeys for [`DialogMode::Open`], else the one of
    /// [`DialogMode::extension`].
    pub fn extensions(&self) -> Vec<String> {
        match self {
            Self::OpenData => DATA_EXTENSIONS.iter().map(|&e| e.to_owned()).collect(),
            Self::Open => std::iter::once("ron")
                .chain(MERMAID_EXTENSIONS)
                .map(str::to_owned)
                .collect(),
            Self::Save { .. } => vec![self.extension()],
        }
    }
}

/// One row of the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    /// The name as shown (lossy for names that are not UTF-8).
    pub(super) name: String,
    /// The full path, exact even when the name is not UTF-8.
    pub(super) path: PathBuf,
    /// A folder (or a link to one) rather than a file.
    pub(super) is_folder: bool,
}

/// Why the folder could not be listed; turned into text in the UI language when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum ListingProblem {
    /// The folder does not exist (or is not a folder).
    Missing,
    /// The user may not read it.
    NoPermission,
    /// Anything else, with the system's reason.
    Other(String),
}

/// Feedback on the last thing the user tried, shown under the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Notice {
    /// The path typed in the path bar is not a folder.
    NotAFolder(String),
    /// Open mode: no file by that name.
    NotFound(String),
    /// Save mode: the file exists; confirming again replaces it.
    Overwrite(String),
}

/// What the user did this frame; applied after drawing, so the listing is never changed
/// while it is being drawn.
pub(super) enum Action {
    Select(usize),
    EnterFolder(PathBuf),
    Choose(PathBuf),
    GoTo(String),
    Confirm,
    Cancel,
}

/// The dialog's state apart from its widgets: the folder, its listing, the selection, the
/// typed texts and the last notice.
#[derive(Debug)]
pub(super) struct DialogState {
    /// What the dialog is for.
    pub(super) mode: DialogMode,
    /// The folder shown.
    pub(super) folder: PathBuf,
    /// The text in the path bar; differs from `folder` while the user types a path.
    pub(super) folder_text: String,
    /// The text in the name field.
    pub(super) file_name: String,
    /// The folder `entries` was read from; the listing is read again when `folder` differs.
    listed_folder: Option<PathBuf>,
    /// Sub-folders, then `.ron` files, each sorted by name.
    pub(super) entries: Vec<Entry>,
    /// Why `entries` is empty, if reading the folder failed.
    pub(super) problem: Option<ListingProblem>,
    /// The highlighted row.
    pub(super) selected: Option<usize>,
    /// Feedback on the last thing the user tried.
    pub(super) notice: Option<Notice>,
    /// Save mode: the existing file the user has been warned about; confirming it again
    /// replaces it.
    pub(super) overwrite_armed: Option<PathBuf>,
}

impl DialogState {
    /// The state for a dialog showing `start_dir`, or else the current folder, or else the
    /// home folder.
    pub(super) fn new(mode: DialogMode, start_dir: Option<PathBuf>) -> Self {
        let folder = start_dir
            .filter(|dir| dir.is_dir())
            .or_else(|| std::env::current_dir().ok())
            .or_else(std::env::home_dir)
            .map_or_else(root_folder, |dir| std::path::absolute(&dir).unwrap_or(dir));
        let file_name = match &mode {
            DialogMode::Open | DialogMode::OpenData => String::new(),
            DialogMode::Save { suggested_name } => suggested_name.clone(),
        };
        Self {
            folder_text: display_path(&folder),
            folder,
            file_name,
            listed_folder: None,
            entries: Vec::new(),
            problem: None,
            selected: None,
            notice: None,
            overwrite_armed: None,
            mode,
        }
    }

    /// Applies one action; `Some` closes the dialog with that result.
    pub(super) fn apply(&mut self, action: Action) -> Option<Option<PathBuf>> {
        match action {
            Action::Select(index) => {
                self.selected = Some(index);
                if let Some(entry) = self.entries.get(index)
                    && !entry.is_folder
                {
                    self.file_name.clone_from(&entry.name);
                    self.notice = None;
                    self.overwrite_armed = None;
                }
                None
            }
            Action::EnterFolder(folder) => {
                self.set_folder(folder);
                None
            }
            Action::Choose(path) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.file_name = name;
                self.try_confirm().map(Some)
            }
            Action::GoTo(text) => {
                self.go_to(&text);
                None
            }
            Action::Confirm => self.try_confirm().map(Some),
            Action::Cancel => Some(None),
        }
    }

    /// The highlighted row, if it is a folder.
    pub(super) fn selected_folder(&self) -> Option<&Entry> {
        self.selected
            .and_then(|i| self.entries.get(i))
            .filter(|entry| entry.is_folder)
    }

    /// Shows `folder`; the listing is read on the next frame.
    pub(super) fn set_folder(&mut self, folder: PathBuf) {
        self.folder_text = display_path(&folder);
        self.folder = folder;
        self.selected = None;
        self.notice = None;
        self.overwrite_armed = None;
    }

    /// Follows a path typed in the path bar: a folder is shown, a file's folder is shown with
    /// the file picked.
    pub(super) fn go_to(&mut self, text: &str) {
        let typed = expand_home(text.trim());
        let path = if typed.is_absolute() {
            typed
        } else {
            self.folder.join(typed)
        };
        if path.is_dir() {
            self.set_folder(path);
        } else if path.is_file()
            && let (Some(parent), Some(name)) = (path.parent(), path.file_name())
        {
            let name = name.to_string_lossy().into_owned();
            self.set_folder(parent.to_path_buf());
            self.file_name = name;
        } else {
            self.folder_text = display_path(&self.folder);
            self.notice = Some(Notice::NotAFolder(display_path(&path)));
        }
    }

    /// The name field (or the highlighted folder) confirmed: returns the chosen path, or
    /// enters a folder, or explains what is wrong.
    pub(super) fn try_confirm(&mut self) -> Option<PathBuf> {
        let name = self.file_name.trim().to_owned();
        if name.is_empty() {
            if let Some(folder) = self.selected_folder() {
                let folder = folder.path.clone();
                self.set_folder(folder);
            }
            return None;
        }
        let typed = self.folder.join(expand_home(&name));
        if typed.is_dir() {
            self.set_folder(typed);
            self.file_name = match &self.mode {
                DialogMode::Open | DialogMode::OpenData => String::new(),
                // Keep a name the user may have typed before; a folder name is not one.
                DialogMode::Save { suggested_name } => suggested_name.clone(),
            };
            return None;
        }
        match self.mode {
            DialogMode::Open | DialogMode::OpenData => {
                if typed.is_file() {
                    return Some(typed);
                }
                let with_extension = with_extension(typed, &self.mode.extension());
                if with_extension.is_file() {
                    return Some(with_extension);
                }
                self.notice = Some(Notice::NotFound(name));
                None
            }
            DialogMode::Save { .. } => {
                let path = with_extension(typed, &self.mode.extension());
                if let Some(parent) = path.parent()
                    && !parent.is_dir()
                {
                    self.notice = Some(Notice::NotAFolder(display_path(parent)));
                    return None;
                }
                if path.exists() && self.overwrite_armed.as_ref() != Some(&path) {
                    let shown = path
                        .file_name()
                        .map_or(name, |n| n.to_string_lossy().into_owned());
                    self.notice = Some(Notice::Overwrite(shown));
                    self.overwrite_armed = Some(path);
                    return None;
                }
                Some(path)
            }
        }
    }

    /// Reads the folder if it changed since the last listing.
    pub(super) fn refresh_listing(&mut self) {
        if self.listed_folder.as_ref() == Some(&self.folder) {
            return;
        }
        match list_folder(&self.folder, &self.mode.extensions()) {
            Ok(entries) => {
                self.entries = entries;
                self.problem = None;
            }
            Err(problem) => {
                self.entries.clear();
                self.problem = Some(problem);
            }
        }
        self.selected = None;
        self.listed_folder = Some(self.folder.clone());
    }
}

/// The sub-folders and the files of `folder` with one of `extensions` (`.ron` maps), each
/// group sorted by name; hidden entries (names starting with a dot) are left out, and so are
/// entries that cannot be examined.
fn list_folder(folder: &Path, extensions: &[String]) -> Result<Vec<Entry>, ListingProblem> {
    let read = std::fs::read_dir(folder).map_err(|err| match err.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => ListingProblem::Missing,
        ErrorKind::PermissionDenied => ListingProblem::NoPermission,
        _ => ListingProblem::Other(err.to_string()),
    })?;
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|dir_entry| {
            let name = dir_entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            let path = dir_entry.path();
            // `metadata` follows links, so a link to a folder is listed as a folder.
            let is_folder = match std::fs::metadata(&path) {
                Ok(meta) => meta.is_dir(),
                Err(_) => dir_entry.file_type().is_ok_and(|t| t.is_dir()),
            };
            let listed = extensions.iter().any(|e| has_extension(&path, e));
            (is_folder || listed).then_some(Entry {
                name,
                path,
                is_folder,
            })
        })
        .collect();
    entries.sort_by_cached_key(|e| (!e.is_folder, e.name.to_lowercase(), e.name.clone()));
    Ok(entries)
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case(extension))
}

/// `path` with `.ron` (or the dialog's extension) appended unless it already ends in it
/// (`plan` → `plan.ron`, `plan.v2` → `plan.v2.ron`).
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if has_extension(&path, extension) {
        return path;
    }
    let mut name: OsString = path.into_os_string();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// `~` and `~/…` typed by the user mean the home folder.
fn expand_home(text: &str) -> PathBuf {
    let home = || std::env::home_dir();
    if text == "~" {
        if let Some(home) = home() {
            return home;
        }
    } else if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = home()
    {
        return home.join(rest);
    }
    PathBuf::from(text)
}

/// A path as shown in the path bar (lossy for names that are not UTF-8).
pub(super) fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The last resort when there is neither a current nor a home folder.
fn root_folder() -> PathBuf {
    PathBuf::from(std::path::MAIN_SEPARATOR_STR)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A folder with a sub-folder `maps` holding `journey.ron`, plus files the dialog hides.
    pub(in super::super) fn fixture() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let maps = dir.path().join("maps");
        std::fs::create_dir(&maps).expect("mkdir");
        std::fs::write(maps.join("journey.ron"), "(format: 1)").expect("write");
        std::fs::write(maps.join("notes.txt"), "not a map").expect("write");
        std::fs::write(maps.join("journey.ron.bak"), "old").expect("write");
        std::fs::write(dir.path().join(".hidden.ron"), "hidden").expect("write");
        std::fs::write(dir.path().join("top.ron"), "(format: 1)").expect("write");
        dir
    }

    #[test]
    fn open_lists_maps_and_mermaid_journeys_but_not_data_files() {
        let dir = fixture();
        let maps = dir.path().join("maps");
        std::fs::write(maps.join("journey.mmd"), "journey").expect("write");
        std::fs::write(maps.join("README.md"), "# notes").expect("write");
        std::fs::write(maps.join("crm.csv"), "a,b").expect("write");
        let entries = list_folder(&maps, &DialogMode::Open.extensions()).expect("listing");
        let names: Vec<_> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["journey.mmd", "journey.ron", "README.md"]);
    }

    #[test]
    fn lists_folders_then_maps_and_hides_the_rest() {
        let dir = fixture();
        let entries = list_folder(dir.path(), &["ron".to_owned()]).expect("listing");
        let names: Vec<_> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["maps", "top.ron"]);
        let inner = list_folder(&dir.path().join("maps"), &["ron".to_owned()]).expect("listing");
        let names: Vec<_> = inner.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["journey.ron"]);
        // The import's dialog lists the data files instead.
        let data = list_folder(&dir.path().join("maps"), &DialogMode::OpenData.extensions())
            .expect("listing");
        let names: Vec<_> = data.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["notes.txt"]);
    }

    #[test]
    fn open_with_a_missing_name_explains() {
        let dir = fixture();
        let mut dialog = DialogState::new(DialogMode::Open, Some(dir.path().to_path_buf()));
        dialog.file_name = "nope".to_owned();
        assert_eq!(dialog.try_confirm(), None);
        assert_eq!(dialog.notice, Some(Notice::NotFound("nope".to_owned())));
        // A name without its extension still finds the map.
        dialog.file_name = "top".to_owned();
        assert_eq!(dialog.try_confirm(), Some(dir.path().join("top.ron")));
    }

    #[test]
    fn path_bar_goes_to_typed_folders_and_files() {
        let dir = fixture();
        let mut dialog = DialogState::new(DialogMode::Open, Some(dir.path().to_path_buf()));
        dialog.go_to("maps");
        assert_eq!(dialog.folder, dir.path().join("maps"));
        dialog.go_to(&dir.path().join("top.ron").to_string_lossy());
        assert_eq!(dialog.folder, dir.path());
        assert_eq!(dialog.file_name, "top.ron");
        dialog.go_to("missing");
        assert_eq!(dialog.folder, dir.path());
        assert!(matches!(dialog.notice, Some(Notice::NotAFolder(_))));
    }

    #[test]
    fn start_folder_falls_back_when_missing() {
        let dialog = DialogState::new(DialogMode::Open, Some(PathBuf::from("/no/such/folder")));
        assert!(dialog.folder.is_dir());
        assert_eq!(
            with_extension(PathBuf::from("plan.v2"), "ron"),
            PathBuf::from("plan.v2.ron")
        );
        assert_eq!(
            with_extension(PathBuf::from("plan.RON"), "ron"),
            PathBuf::from("plan.RON")
        );
    }
}
