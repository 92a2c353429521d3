//! A file dialog drawn with egui, for when the system has none.
//!
//! `rfd` asks the desktop for its file dialog; a bare Linux box (no xdg-desktop-portal, no
//! zenity) has none and `rfd` then returns nothing, as if the user had cancelled. This modal
//! dialog is the fallback: a path bar, the folder's sub-folders and `.ron` maps, a name field.
//!
//! The folder is read when it changes, not every frame, and every file-system failure becomes
//! a message in the dialog: nothing here unwraps a file-system result.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use egui::{Align, Key, Layout, Modifiers, RichText};

use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::theme::Theme;

/// Space between the dialog's border and its contents.
const DIALOG_MARGIN: f32 = 12.0;

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
}

impl DialogMode {
    /// The extension of the files listed and saved: that of the suggested name when saving
    /// (`report.csv` lists and saves `.csv`), `ron` otherwise.
    pub fn extension(&self) -> String {
        match self {
            Self::Open => "ron".to_owned(),
            Self::Save { suggested_name } => Path::new(suggested_name)
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("ron")
                .to_owned(),
        }
    }
}

/// One row of the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    /// The name as shown (lossy for names that are not UTF-8).
    name: String,
    /// The full path, exact even when the name is not UTF-8.
    path: PathBuf,
    /// A folder (or a link to one) rather than a file.
    is_folder: bool,
}

/// Why the folder could not be listed; turned into text in the UI language when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ListingProblem {
    /// The folder does not exist (or is not a folder).
    Missing,
    /// The user may not read it.
    NoPermission,
    /// Anything else, with the system's reason.
    Other(String),
}

/// Feedback on the last thing the user tried, shown under the listing.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Notice {
    /// The path typed in the path bar is not a folder.
    NotAFolder(String),
    /// Open mode: no file by that name.
    NotFound(String),
    /// Save mode: the file exists; confirming again replaces it.
    Overwrite(String),
}

/// What the user did this frame; applied after drawing, so the listing is never changed
/// while it is being drawn.
enum Action {
    Select(usize),
    EnterFolder(PathBuf),
    Choose(PathBuf),
    GoTo(String),
    Confirm,
    Cancel,
}

/// A modal dialog to choose a map to open or a place to save one.
///
/// Keep it in the app state while it is open and call [`FileDialog::show`] every frame.
#[derive(Debug)]
pub struct FileDialog {
    mode: DialogMode,
    /// The folder shown.
    folder: PathBuf,
    /// The text in the path bar; differs from `folder` while the user types a path.
    folder_text: String,
    /// The text in the name field.
    file_name: String,
    /// The folder `entries` was read from; the listing is read again when `folder` differs.
    listed_folder: Option<PathBuf>,
    /// Sub-folders, then `.ron` files, each sorted by name.
    entries: Vec<Entry>,
    /// Why `entries` is empty, if reading the folder failed.
    problem: Option<ListingProblem>,
    /// The highlighted row.
    selected: Option<usize>,
    notice: Option<Notice>,
    /// Save mode: the existing file the user has been warned about; confirming it again
    /// replaces it.
    overwrite_armed: Option<PathBuf>,
    /// Focus the name field on the first frame.
    focus_name: bool,
    /// The dialog's widgets that take Enter themselves (path bar, buttons, rows), as of the
    /// last frame. Enter confirms unless one of them has the focus: the focus may also be
    /// outside the dialog (the map canvas behind it takes it after a click on the listing).
    own_widgets: Vec<egui::Id>,
}

impl FileDialog {
    /// A dialog showing `start_dir`, or else the current folder, or else the home folder.
    pub fn new(mode: DialogMode, start_dir: Option<PathBuf>) -> Self {
        let folder = start_dir
            .filter(|dir| dir.is_dir())
            .or_else(|| std::env::current_dir().ok())
            .or_else(std::env::home_dir)
            .map_or_else(root_folder, |dir| std::path::absolute(&dir).unwrap_or(dir));
        let file_name = match &mode {
            DialogMode::Open => String::new(),
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
            focus_name: true,
            own_widgets: Vec::new(),
            mode,
        }
    }

    /// The folder shown.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Shows the dialog; returns `Some(Some(path))` when a file was chosen, `Some(None)` when
    /// the dialog was cancelled, and `None` while it stays open.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Option<PathBuf>> {
        self.refresh_listing();
        let focused_at_start = ctx.memory(egui::Memory::focused);
        let enter_pressed = ctx.input(|i| i.key_pressed(Key::Enter));
        let escape_pressed = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));

        let name_field_id = egui::Id::unique("journeymap-file-dialog-name");
        let modal = egui::Modal::new(egui::Id::unique("journeymap-file-dialog"))
            .frame(egui::Frame::popup(&ctx.global_style()).inner_margin(DIALOG_MARGIN))
            .show(ctx, |ui| {
                self.contents_ui(ui, lang, name_field_id, enter_pressed)
            });
        let mut actions = modal.inner;

        // Enter confirms unless it was meant for another field (the path bar) or a button.
        let focus_allows_confirm = focused_at_start
            .is_none_or(|id| id == name_field_id || !self.own_widgets.contains(&id));
        if enter_pressed && focus_allows_confirm {
            actions.push(Action::Confirm);
        }
        if escape_pressed {
            actions.push(Action::Cancel);
        }
        let mut outcome = None;
        for action in actions {
            if let Some(result) = self.apply(action) {
                outcome = Some(result);
                break;
            }
        }
        outcome
    }

    fn contents_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        name_field_id: egui::Id,
        enter_pressed: bool,
    ) -> Vec<Action> {
        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        let screen = ui.ctx().content_rect();
        let width = (screen.width() - 48.0).clamp(260.0, 640.0);
        let list_height = (screen.height() * 0.45).clamp(96.0, 360.0);
        ui.set_width(width);
        let mut actions = Vec::new();
        let mut own_widgets = Vec::new();

        let extension = self.mode.extension();
        let exporting = extension != "ron";
        let title = match self.mode {
            DialogMode::Open => tr(lang, "dialog-open-title"),
            DialogMode::Save { .. } if exporting => tr(lang, "dialog-export-title"),
            DialogMode::Save { .. } => tr(lang, "dialog-save-title"),
        };
        ui.heading(title);
        ui.add_space(4.0);

        // Path bar.
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "dialog-folder"));
            let parent = self.folder.parent().map(Path::to_path_buf);
            let up = ui
                .add_enabled(parent.is_some(), egui::Button::new(tr(lang, "dialog-up")))
                .on_hover_text(tr(lang, "dialog-up-hint"));
            own_widgets.push(up.id);
            if up.clicked()
                && let Some(parent) = parent
            {
                actions.push(Action::EnterFolder(parent));
            }
            if let Some(home) = std::env::home_dir() {
                let home_button = ui
                    .button(tr(lang, "dialog-home"))
                    .on_hover_text(tr(lang, "dialog-home-hint"));
                own_widgets.push(home_button.id);
                if home_button.clicked() {
                    actions.push(Action::EnterFolder(home));
                }
            }
            let path_field = ui
                .add(egui::TextEdit::singleline(&mut self.folder_text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            own_widgets.push(path_field.id);
            if path_field.lost_focus() {
                if enter_pressed {
                    actions.push(Action::GoTo(self.folder_text.clone()));
                } else {
                    self.folder_text = display_path(&self.folder);
                }
            }
        });
        ui.add_space(4.0);

        // Listing.
        egui::Frame::group(ui.style())
            .inner_margin(4.0)
            .show(ui, |ui| {
                ui.set_min_height(list_height);
                ui.set_width(ui.available_width());
                let rows = self.listing_ui(ui, lang, &theme, list_height, &mut actions);
                own_widgets.extend(rows);
            });

        if let Some(notice) = &self.notice {
            let (text, color) = match notice {
                Notice::NotAFolder(path) => (
                    tr_args(
                        lang,
                        "dialog-not-a-folder",
                        &[("path", path.clone().into())],
                    ),
                    theme.error_text,
                ),
                Notice::NotFound(name) => (
                    tr_args(lang, "dialog-not-found", &[("name", name.clone().into())]),
                    theme.error_text,
                ),
                Notice::Overwrite(name) => (
                    tr_args(lang, "dialog-overwrite", &[("name", name.clone().into())]),
                    theme.warning_text,
                ),
            };
            ui.label(RichText::new(format!("⚠ {text}")).color(color));
        }
        ui.add_space(4.0);

        // Name field.
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "dialog-file-name"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.file_name)
                        .id(name_field_id)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_name) {
                field.request_focus();
            }
            if field.changed() {
                self.notice = None;
                self.overwrite_armed = None;
            }
        });
        if matches!(self.mode, DialogMode::Save { .. }) {
            let hint = if exporting {
                tr_args(
                    lang,
                    "dialog-export-hint",
                    &[("ext", extension.clone().into())],
                )
            } else {
                tr(lang, "dialog-save-hint")
            };
            ui.label(RichText::new(hint).weak().small());
        }
        ui.add_space(8.0);

        // Buttons, the main one on the right.
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let confirm_key = match self.mode {
                DialogMode::Open => "dialog-open",
                DialogMode::Save { .. } if self.overwrite_armed.is_some() => "dialog-replace",
                DialogMode::Save { .. } => "dialog-save",
            };
            let can_confirm = !self.file_name.trim().is_empty() || self.selected_folder().is_some();
            let confirm = egui::Button::new(
                RichText::new(tr(lang, confirm_key)).color(ui.visuals().selection.stroke.color),
            )
            .fill(ui.visuals().selection.bg_fill);
            let confirm = ui.add_enabled(can_confirm, confirm);
            own_widgets.push(confirm.id);
            if confirm.clicked() {
                actions.push(Action::Confirm);
            }
            let cancel = ui.button(tr(lang, "dialog-cancel"));
            own_widgets.push(cancel.id);
            if cancel.clicked() {
                actions.push(Action::Cancel);
            }
        });
        self.own_widgets = own_widgets;
        actions
    }

    /// The listing; returns the ids of the rows shown.
    fn listing_ui(
        &self,
        ui: &mut egui::Ui,
        lang: Lang,
        theme: &Theme,
        list_height: f32,
        actions: &mut Vec<Action>,
    ) -> Vec<egui::Id> {
        let mut row_ids = Vec::new();
        if let Some(problem) = &self.problem {
            let text = match problem {
                ListingProblem::Missing => tr_args(
                    lang,
                    "dialog-not-a-folder",
                    &[("path", display_path(&self.folder).into())],
                ),
                ListingProblem::NoPermission => tr(lang, "dialog-no-permission"),
                ListingProblem::Other(reason) => tr_args(
                    lang,
                    "dialog-cannot-read",
                    &[("reason", reason.clone().into())],
                ),
            };
            ui.label(RichText::new(format!("⚠ {text}")).color(theme.error_text));
            return row_ids;
        }
        if self.entries.is_empty() {
            let extension = self.mode.extension();
            let text = if extension == "ron" {
                tr(lang, "dialog-empty-folder")
            } else {
                tr_args(
                    lang,
                    "dialog-empty-folder-ext",
                    &[("ext", extension.into())],
                )
            };
            ui.label(RichText::new(text).weak());
            return row_ids;
        }
        let row_height = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical()
            // One scroll position per folder, so entering a folder starts at its top.
            .id_salt(&self.folder)
            .max_height(list_height)
            .auto_shrink([false, false])
            .show_rows(ui, row_height, self.entries.len(), |ui, rows| {
                ui.with_layout(Layout::top_down_justified(Align::LEFT), |ui| {
                    ui.spacing_mut().item_spacing.y = 0.0;
                    for index in rows {
                        let Some(entry) = self.entries.get(index) else {
                            continue;
                        };
                        let icon = if entry.is_folder { "📁" } else { "📄" };
                        let row = ui.add(
                            egui::Button::selectable(
                                self.selected == Some(index),
                                format!("{icon} {}", entry.name),
                            )
                            .min_size(egui::vec2(0.0, row_height)),
                        );
                        row_ids.push(row.id);
                        if row.double_clicked() {
                            actions.push(if entry.is_folder {
                                Action::EnterFolder(entry.path.clone())
                            } else {
                                Action::Choose(entry.path.clone())
                            });
                        } else if row.clicked() {
                            actions.push(Action::Select(index));
                        }
                    }
                });
            });
        row_ids
    }

    /// Applies one action; `Some` closes the dialog with that result.
    fn apply(&mut self, action: Action) -> Option<Option<PathBuf>> {
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
    fn selected_folder(&self) -> Option<&Entry> {
        self.selected
            .and_then(|i| self.entries.get(i))
            .filter(|entry| entry.is_folder)
    }

    /// Shows `folder`; the listing is read on the next frame.
    fn set_folder(&mut self, folder: PathBuf) {
        self.folder_text = display_path(&folder);
        self.folder = folder;
        self.selected = None;
        self.notice = None;
        self.overwrite_armed = None;
    }

    /// Follows a path typed in the path bar: a folder is shown, a file's folder is shown with
    /// the file picked.
    fn go_to(&mut self, text: &str) {
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
    fn try_confirm(&mut self) -> Option<PathBuf> {
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
                DialogMode::Open => String::new(),
                // Keep a name the user may have typed before; a folder name is not one.
                DialogMode::Save { suggested_name } => suggested_name.clone(),
            };
            return None;
        }
        match self.mode {
            DialogMode::Open => {
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
    fn refresh_listing(&mut self) {
        if self.listed_folder.as_ref() == Some(&self.folder) {
            return;
        }
        match list_folder(&self.folder, &self.mode.extension()) {
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

/// The sub-folders and `.ron` files of `folder`, each group sorted by name; hidden entries
/// (names starting with a dot) are left out, and so are entries that cannot be examined.
fn list_folder(folder: &Path, extension: &str) -> Result<Vec<Entry>, ListingProblem> {
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
            (is_folder || has_extension(&path, extension)).then_some(Entry {
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

fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The last resort when there is neither a current nor a home folder.
fn root_folder() -> PathBuf {
    PathBuf::from(std::path::MAIN_SEPARATOR_STR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    /// The dialog and what `show` returned once it closed.
    struct State {
        dialog: FileDialog,
        result: Option<Option<PathBuf>>,
    }

    fn dialog_harness(dialog: FileDialog, lang: Lang) -> Harness<'static, State> {
        Harness::builder()
            .with_size([1280.0, 800.0])
            .with_context_setup(crate::ui::kit::fonts::install)
            // kittest runs one frame per input event; at 60 frames a second the two clicks
            // of a double-click fall within egui's double-click delay.
            .with_step_dt(1.0 / 60.0)
            .build_ui_state(
                move |ui, state: &mut State| {
                    if state.result.is_none() {
                        state.result = state.dialog.show(ui.ctx(), lang);
                    }
                },
                State {
                    dialog,
                    result: None,
                },
            )
    }

    /// A folder with a sub-folder `maps` holding `journey.ron`, plus files the dialog hides.
    fn fixture() -> tempfile::TempDir {
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

    fn double_click(harness: &mut Harness<'_, State>, label: &str) {
        // Let an earlier click age first, or egui counts this one as a triple click.
        harness.run_steps(30);
        let node = harness.get_by_label(label);
        node.click();
        node.click();
    }

    #[test]
    fn lists_folders_then_maps_and_hides_the_rest() {
        let dir = fixture();
        let entries = list_folder(dir.path(), "ron").expect("listing");
        let names: Vec<_> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["maps", "top.ron"]);
        let inner = list_folder(&dir.path().join("maps"), "ron").expect("listing");
        let names: Vec<_> = inner.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["journey.ron"]);
    }

    #[test]
    fn navigate_into_a_folder_and_open_a_map() {
        let dir = fixture();
        let dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
        let mut harness = dialog_harness(dialog, Lang::En);
        harness.run();
        assert!(harness.query_by_label("📄 .hidden.ron").is_none());

        double_click(&mut harness, "📁 maps");
        harness.run();
        assert_eq!(harness.state().dialog.folder(), dir.path().join("maps"));
        assert!(harness.query_by_label("📄 notes.txt").is_none());

        harness.get_by_label("📄 journey.ron").click();
        harness.run();
        assert_eq!(harness.state().dialog.file_name, "journey.ron");
        assert!(harness.state().result.is_none(), "one click only selects");

        harness.get_by_label("Open").click();
        harness.run();
        assert_eq!(
            harness.state().result,
            Some(Some(dir.path().join("maps").join("journey.ron")))
        );
    }

    #[test]
    fn double_click_on_a_map_chooses_it_and_up_goes_back() {
        let dir = fixture();
        let dialog = FileDialog::new(DialogMode::Open, Some(dir.path().join("maps")));
        let mut harness = dialog_harness(dialog, Lang::Vi);
        harness.run();
        harness.get_by_label("⬆ Lên").click();
        harness.run();
        assert_eq!(harness.state().dialog.folder(), dir.path());
        double_click(&mut harness, "📄 top.ron");
        harness.run();
        assert_eq!(
            harness.state().result,
            Some(Some(dir.path().join("top.ron")))
        );
    }

    #[test]
    fn save_appends_ron_and_asks_before_replacing() {
        let dir = fixture();
        let dialog = FileDialog::new(
            DialogMode::Save {
                suggested_name: "plan".to_owned(),
            },
            Some(dir.path().to_path_buf()),
        );
        let mut harness = dialog_harness(dialog, Lang::En);
        harness.run();
        harness.get_by_label("Save").click();
        harness.run();
        assert_eq!(
            harness.state().result,
            Some(Some(dir.path().join("plan.ron")))
        );

        // An existing name: the first click warns, the second replaces.
        let dialog = FileDialog::new(
            DialogMode::Save {
                suggested_name: "top".to_owned(),
            },
            Some(dir.path().to_path_buf()),
        );
        let mut harness = dialog_harness(dialog, Lang::En);
        harness.run();
        harness.get_by_label("Save").click();
        harness.run();
        assert!(harness.state().result.is_none());
        assert!(harness.query_by_label_contains("already exists").is_some());
        harness.get_by_label("Replace").click();
        harness.run();
        assert_eq!(
            harness.state().result,
            Some(Some(dir.path().join("top.ron")))
        );
    }

    #[test]
    fn enter_confirms_and_escape_cancels() {
        let dir = fixture();
        let dialog = FileDialog::new(
            DialogMode::Save {
                suggested_name: "nhật ký".to_owned(),
            },
            Some(dir.path().to_path_buf()),
        );
        let mut harness = dialog_harness(dialog, Lang::Vi);
        harness.run();
        harness.key_press(Key::Enter);
        harness.run();
        assert_eq!(
            harness.state().result,
            Some(Some(dir.path().join("nhật ký.ron")))
        );

        let dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
        let mut harness = dialog_harness(dialog, Lang::En);
        harness.run();
        harness.key_press(Key::Escape);
        harness.run();
        assert_eq!(harness.state().result, Some(None));
    }

    #[test]
    fn enter_after_picking_a_map_opens_it() {
        let dir = fixture();
        let dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
        let mut harness = dialog_harness(dialog, Lang::En);
        harness.run();
        harness.get_by_label("📄 top.ron").click();
        harness.run();
        harness.key_press(Key::Enter);
        harness.run();
        assert_eq!(
            harness.state().result,
            Some(Some(dir.path().join("top.ron")))
        );
    }

    #[test]
    fn open_with_a_missing_name_explains() {
        let dir = fixture();
        let mut dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
        dialog.file_name = "nope".to_owned();
        assert_eq!(dialog.try_confirm(), None);
        assert_eq!(dialog.notice, Some(Notice::NotFound("nope".to_owned())));
        // A name without its extension still finds the map.
        dialog.file_name = "top".to_owned();
        assert_eq!(dialog.try_confirm(), Some(dir.path().join("top.ron")));
    }

    #[test]
    fn an_unreadable_folder_shows_a_message() {
        let dir = fixture();
        let mut dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
        dialog.set_folder(dir.path().join("gone"));
        let mut harness = dialog_harness(dialog, Lang::En);
        harness.run();
        assert!(
            harness
                .query_by_label_contains("There is no folder")
                .is_some()
        );
        assert!(harness.state().result.is_none());

        // A file where a folder is expected.
        let mut dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
        dialog.set_folder(dir.path().join("top.ron"));
        dialog.refresh_listing();
        assert!(dialog.problem.is_some());
    }

    #[test]
    fn path_bar_goes_to_typed_folders_and_files() {
        let dir = fixture();
        let mut dialog = FileDialog::new(DialogMode::Open, Some(dir.path().to_path_buf()));
        dialog.go_to("maps");
        assert_eq!(dialog.folder(), dir.path().join("maps"));
        dialog.go_to(&dir.path().join("top.ron").to_string_lossy());
        assert_eq!(dialog.folder(), dir.path());
        assert_eq!(dialog.file_name, "top.ron");
        dialog.go_to("missing");
        assert_eq!(dialog.folder(), dir.path());
        assert!(matches!(dialog.notice, Some(Notice::NotAFolder(_))));
    }

    #[test]
    fn start_folder_falls_back_when_missing() {
        let dialog = FileDialog::new(DialogMode::Open, Some(PathBuf::from("/no/such/folder")));
        assert!(dialog.folder().is_dir());
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
