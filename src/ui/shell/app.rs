//! The application: menus, the editor canvas, side panels, files, prompts and autosave.
//!
//! Edits from the canvas and the panels arrive as [`EditCommand`]s and are applied in one
//! place, [`JourneyApp::apply`], after the frame is drawn.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::edit::{Document, EditCommand};
use crate::file::{self, LoadError};
use crate::layout::{self, LayoutMetrics, MapLayout, TextMeasure};
use crate::model::{JourneyMap, Warning, template};

use crate::ui::canvas::editor;
use crate::ui::canvas::selection::Selection;
use crate::ui::canvas::{EditTarget, Editing, EditorOutput, EditorState};
use crate::ui::kit::fonts;
use crate::ui::kit::i18n::{Lang, map_type_key, native_name, tr, tr_args};
use crate::ui::kit::theme::{Theme, size};
use crate::ui::panels::inspector;
use crate::ui::review::matrix;
use crate::ui::review::table::{self as review, ReviewAction, ReviewFormat, ReviewState};
use crate::ui::shell::file_dialog::{DialogMode, FileDialog};
use crate::ui::shell::recovery::{LeftBehind, RecoveryStore, local_time};
use crate::ui::shell::start::{StartAction, start_ui};

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
/// Seconds after the last change before a recovery copy is written.
pub const AUTOSAVE_DELAY_S: f64 = 3.0;

/// A map open in the window.
pub struct OpenMap {
    /// The document with its history.
    pub doc: Document,
    /// The file it belongs to, if any.
    pub path: Option<PathBuf>,
    /// What was repaired while loading.
    pub warnings: Vec<Warning>,
    /// Fields of the file this version does not know (kept in the map, written back on save).
    pub unknown: Vec<crate::file::UnknownField>,
    /// The banner about them was closed.
    unknown_dismissed: bool,
    /// The file as last opened or saved, to notice changes made by others.
    stamp: Option<crate::file::FileStamp>,
    /// The file changed on disk while this map had unsaved changes: the user decides.
    disk_conflict: bool,
    /// Restored from a recovery copy: worth a recovery copy of its own even before an edit.
    recovered: bool,
    layout: Option<(u64, BTreeSet<crate::model::Id>, MapLayout)>,
}

impl OpenMap {
    /// A map that is not (yet) in a file: a new map from a template, a sample.
    pub fn unsaved(map: JourneyMap) -> Self {
        Self {
            doc: Document::new(map, false),
            path: None,
            warnings: Vec::new(),
            unknown: Vec::new(),
            unknown_dismissed: false,
            stamp: None,
            disk_conflict: false,
            recovered: false,
            layout: None,
        }
    }

    /// A map read from `path`.
    pub fn from_file(map: JourneyMap, path: PathBuf, warnings: Vec<Warning>) -> Self {
        Self {
            doc: Document::new(map, warnings.is_empty()),
            path: Some(path),
            warnings,
            unknown: Vec::new(),
            unknown_dismissed: false,
            stamp: None,
            disk_conflict: false,
            recovered: false,
            layout: None,
        }
    }
}

/// Something the user asked for that would replace or close the open map.
#[derive(Clone, Debug, PartialEq)]
pub enum PendingAction {
    /// Open this file.
    Open(PathBuf),
    /// Show the open dialog.
    OpenDialog,
    /// Open a built-in sample.
    OpenSample(usize),
    /// A new map from a template.
    NewFromTemplate(String, Lang),
    /// Close the map and show the start screen.
    Close,
    /// Quit the application.
    Quit,
}

enum Prompt {
    Unsaved(PendingAction),
    /// Saving over a file that changed on disk since it was opened or saved here.
    ChangedOnDisk(Option<PendingAction>),
    /// Recovery copies left behind, claimed by this window while they are listed.
    Recovery(Vec<LeftBehind>),
    Error(String),
}

/// The answer for one copy in the recovery prompt (by its place in the list), or for all.
#[derive(Clone, Copy, Debug)]
enum RecoveryAnswer {
    Restore(usize),
    Discard(usize),
    Later,
}

#[derive(Clone, Debug, PartialEq)]
enum DialogPurpose {
    Open,
    SaveAs {
        then: Option<PendingAction>,
    },
    /// Write an export (the review table as CSV or Markdown) to the chosen file.
    Export {
        text: String,
        name: String,
    },
}

struct NativeDialog {
    purpose: DialogPurpose,
    started: Instant,
    receiver: mpsc::Receiver<Option<PathBuf>>,
}

/// The whole application state.
pub struct JourneyApp {
    prefs: Prefs,
    open: Option<OpenMap>,
    editor: EditorState,
    metrics: LayoutMetrics,
    /// A map that could not be opened at start-up, in English and Vietnamese.
    load_error: Option<[String; 2]>,
    show_warnings: bool,
    show_properties: bool,
    title_sent: Option<String>,
    prompt: Option<Prompt>,
    file_dialog: Option<(FileDialog, DialogPurpose)>,
    native_dialog: Option<NativeDialog>,
    recovery: Option<RecoveryStore>,
    autosave_delay_s: f64,
    last_change_at: f64,
    autosaved_revision: Option<u64>,
    /// The revision whose change time is `last_change_at`.
    change_seen: Option<u64>,
    /// Copies were left unanswered after a restore: offer them again when the map is saved or
    /// closed.
    recovery_reoffer: bool,
    allow_close: bool,
    ctx_close_pending: bool,
    focused_before: Option<egui::Id>,
    /// When the open map's file was last compared with the disk (UI time, seconds).
    disk_checked_at: f64,
    /// The card being typed into that was made for it, until it has text.
    new_card: Option<(crate::model::Id, crate::edit::Checkpoint)>,
    status: Option<String>,
    review: ReviewState,
    /// Today, for the review-due badge; tests pin it.
    today: jiff::civil::Date,
}

impl JourneyApp {
    /// The app showing `open` (or the start screen), with an optional load error to show.
    pub fn new(open: Option<OpenMap>, load_error: Option<String>) -> Self {
        Self {
            prefs: Prefs::default(),
            open,
            editor: EditorState::fitted(),
            metrics: LayoutMetrics::default(),
            load_error: load_error.map(|text| [text.clone(), text]),
            show_warnings: false,
            show_properties: false,
            title_sent: None,
            prompt: None,
            file_dialog: None,
            native_dialog: None,
            recovery: None,
            autosave_delay_s: AUTOSAVE_DELAY_S,
            last_change_at: 0.0,
            new_card: None,
            disk_checked_at: f64::NEG_INFINITY,
            autosaved_revision: None,
            change_seen: None,
            recovery_reoffer: false,
            allow_close: false,
            ctx_close_pending: false,
            focused_before: None,
            status: None,
            review: ReviewState::default(),
            today: jiff::Zoned::now().date(),
        }
    }

    /// Pretends today is `today` (for the review-due badge in tests).
    #[must_use]
    pub fn with_today(mut self, today: jiff::civil::Date) -> Self {
        self.today = today;
        self
    }

    /// The app with the map at `path` loaded, or the load error shown.
    pub fn with_file(path: &Path) -> Self {
        match open_file(path) {
            Ok(open) => Self::new(Some(open), None),
            Err(err) => {
                let mut app = Self::new(None, None);
                app.load_error = Some(
                    [Lang::En, Lang::Vi]
                        .map(|lang| crate::ui::kit::i18n::load_error_text(lang, &err)),
                );
                app
            }
        }
    }

    /// Uses `prefs` (from storage or a test).
    #[must_use]
    pub fn with_prefs(mut self, prefs: Prefs) -> Self {
        self.prefs = prefs;
        self
    }

    /// Writes recovery copies to `dir`, waiting `delay_s` seconds after the last change, and
    /// offers to restore copies that earlier runs left there.
    #[must_use]
    pub fn with_recovery(mut self, dir: PathBuf, delay_s: f64) -> Self {
        let store = RecoveryStore::new(dir);
        let left = store.left_behind();
        if !left.is_empty() {
            self.prompt = Some(Prompt::Recovery(left));
        }
        self.recovery = Some(store);
        self.autosave_delay_s = delay_s;
        self
    }

    /// The preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The open map, if any.
    pub fn map(&self) -> Option<&JourneyMap> {
        self.open.as_ref().map(|o| o.doc.map())
    }

    /// The open document, if any.
    pub fn document(&self) -> Option<&Document> {
        self.open.as_ref().map(|o| &o.doc)
    }

    /// The file of the open map.
    pub fn path(&self) -> Option<&Path> {
        self.open.as_ref().and_then(|o| o.path.as_deref())
    }

    /// The canvas's pan and zoom.
    pub fn view(&self) -> &crate::ui::canvas::paint::CanvasView {
        &self.editor.view
    }

    /// The editor's view state (selection, editing).
    pub fn editor(&self) -> &EditorState {
        &self.editor
    }

    /// Whether the window may close now (no unsaved changes, or the user said so).
    pub fn close_allowed(&self) -> bool {
        self.allow_close
    }

    fn lang(&self) -> Lang {
        self.prefs.lang
    }

    fn window_title(&self) -> String {
        let lang = self.lang();
        match &self.open {
            Some(open) => {
                let name = open.path.as_ref().and_then(|p| p.file_name()).map_or_else(
                    || tr(lang, "untitled"),
                    |n| n.to_string_lossy().into_owned(),
                );
                let marker = if open.doc.is_dirty() { "● " } else { "" };
                format!("{marker}{name} — {} — journeymap", open.doc.map().title)
            }
            None => "journeymap".to_owned(),
        }
    }

    /// Draws one frame and applies what it asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let title = self.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.global_shortcuts(&ctx);

        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        let lang = self.lang();
        let mut out = EditorOutput::default();
        let mut actions: Vec<PendingAction> = Vec::new();

        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_bar_ui(ui, &mut out, &mut actions));
        });
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui, &mut out.commands));
        if self.open.as_ref().is_some_and(|o| o.disk_conflict) {
            egui::Panel::top("disk_conflict").show(ui, |ui| {
                let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(tr(lang, "disk-changed-banner")).color(theme.warning_text),
                    );
                    if ui.button(tr(lang, "disk-changed-reload")).clicked() {
                        self.reload_from_disk();
                    }
                    if ui.button(tr(lang, "disk-changed-keep")).clicked() {
                        self.keep_mine();
                    }
                });
            });
        }
        if let Some(open) = &mut self.open
            && !open.unknown.is_empty()
            && !open.unknown_dismissed
        {
            egui::Panel::top("unknown_fields").show(ui, |ui| unknown_fields_ui(ui, lang, open));
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui, &theme));
        // At the bottom, so turning voting on does not shift the map under the pointer.
        if self.editor.voting && self.open.is_some() {
            egui::Panel::bottom("voting_bar").show(ui, |ui| self.voting_bar_ui(ui));
        }

        let modal_open = self.prompt.is_some() || self.file_dialog.is_some();
        let mut reveal = None;
        let mut export = None;
        if let Some(open) = &self.open {
            let map = open.doc.map();
            // The review table spans the whole width, under the side panels: it has many
            // columns.
            if self.prefs.show_review {
                egui::Panel::bottom("review")
                    .resizable(true)
                    .default_size(330.0)
                    .show(ui, |ui| {
                        let selected = self.editor.selection.cards.clone();
                        let action = review::review_ui(
                            ui,
                            lang,
                            map,
                            &mut self.review,
                            &selected,
                            &mut out.commands,
                        );
                        match action {
                            Some(ReviewAction::Select(id)) => reveal = Some(id),
                            Some(ReviewAction::Export(format)) => {
                                export = Some(format);
                            }
                            None => {}
                        }
                    });
            }
            if self.prefs.show_inspector {
                egui::Panel::right("inspector")
                    .resizable(true)
                    .default_size(320.0)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            inspector::inspector_ui(
                                ui,
                                lang,
                                map,
                                &self.editor.selection,
                                &mut out.commands,
                            );
                        });
                    });
            }
            if self.prefs.show_persona {
                egui::Panel::left("persona")
                    .resizable(true)
                    .default_size(300.0)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            ui.heading(tr(lang, "view-persona"));
                            inspector::persona_ui(ui, lang, map, &mut out.commands);
                        });
                    });
            }
            if self.prefs.show_matrix {
                let mut show = true;
                let screen = ctx.content_rect();
                egui::Window::new(tr(lang, "matrix-title"))
                    .open(&mut show)
                    .default_size([560.0, 480.0])
                    // Over the right part of the map, clear of the menus.
                    .default_pos([
                        (screen.right() - 600.0).max(screen.left()),
                        screen.top() + 90.0,
                    ])
                    .show(&ctx, |ui| {
                        let selected = self.editor.selection.cards.clone();
                        if let Some(id) = matrix::matrix_ui(ui, lang, map, &selected) {
                            reveal = Some(id);
                        }
                    });
                self.prefs.show_matrix = show;
            }
            if self.show_properties {
                let mut show = true;
                egui::Window::new(tr(lang, "map-properties"))
                    .open(&mut show)
                    .default_width(420.0)
                    .show(&ctx, |ui| {
                        inspector::map_properties_ui(ui, lang, map, self.today, &mut out.commands);
                    });
                self.show_properties = show;
            }
        }

        egui::CentralPanel::no_frame().show(ui, |ui| {
            if let Some(open) = &mut self.open {
                let collapsed = self.editor.collapsed.clone();
                let revision = open.doc.revision();
                let stale = open
                    .layout
                    .as_ref()
                    .is_none_or(|(r, c, _)| *r != revision || *c != collapsed);
                if stale {
                    let measure = EguiMeasure(ui.ctx());
                    let computed = layout::compute_with_collapsed(
                        open.doc.map(),
                        &self.metrics,
                        &measure,
                        &collapsed,
                    );
                    open.layout = Some((revision, collapsed, computed));
                }
                if let Some((_, _, layout)) = &open.layout {
                    let editor_out = editor::editor_ui(
                        ui,
                        &mut self.editor,
                        open.doc.map(),
                        layout,
                        &self.metrics,
                        &theme,
                        lang,
                        !modal_open,
                    );
                    out.commands.extend(editor_out.commands);
                    out.edit_created_card |= editor_out.edit_created_card;
                    out.select_created |= editor_out.select_created;
                    out.seal |= editor_out.seal;
                    out.notice = out.notice.or(editor_out.notice);
                }
            } else {
                egui::Frame::central_panel(ui.style()).show(ui, |ui| {
                    let action = start_ui(
                        ui,
                        lang,
                        &self.prefs.recent,
                        self.load_error
                            .as_ref()
                            .map(|texts| texts[usize::from(lang == Lang::Vi)].as_str()),
                    );
                    match action {
                        Some(StartAction::NewFromTemplate {
                            template_id,
                            content_lang,
                        }) => {
                            actions.push(PendingAction::NewFromTemplate(template_id, content_lang));
                        }
                        Some(StartAction::OpenDialog) => actions.push(PendingAction::OpenDialog),
                        Some(StartAction::OpenRecent(path)) => {
                            actions.push(PendingAction::Open(path));
                        }
                        Some(StartAction::OpenSample(i)) => {
                            actions.push(PendingAction::OpenSample(i));
                        }
                        None => {}
                    }
                });
            }
        });

        if let (Some(id), Some(open)) = (&reveal, &self.open) {
            self.editor.reveal_card(open.doc.map(), id);
        }
        if let (Some(format), Some(open)) = (export, &self.open) {
            let text = review::export_text(open.doc.map(), &self.review, format);
            self.start_dialog(DialogPurpose::Export {
                text,
                name: self.export_file_name(format),
            });
        }
        self.apply(out, &ctx);
        for action in actions {
            self.request(action);
        }
        self.prompt_ui(&ctx);
        self.file_dialog_ui(&ctx);
        self.poll_native_dialog(&ctx);
        self.watch_disk(&ctx);
        self.autosave(&ctx);
    }

    /// Applies the frame's commands in order; the one place the document changes.
    fn apply(&mut self, out: EditorOutput, ctx: &egui::Context) {
        if let Some((key, count)) = out.notice {
            self.status = Some(tr_args(self.lang(), key, &[("count", count.into())]));
        }
        let Some(open) = &mut self.open else {
            return;
        };
        // Moving focus to another field ends a burst of typing: the next edit is a new step.
        let focused = ctx.memory(egui::Memory::focused);
        if focused != self.focused_before {
            open.doc.seal();
            self.focused_before = focused;
        }
        let mut created = Vec::new();
        let last = out.commands.len().saturating_sub(1);
        let mut checkpoint = None;
        for (i, command) in out.commands.into_iter().enumerate() {
            if out.edit_created_card && i == last {
                // A card made for typing is provisional until it has text: left empty, it
                // leaves no card, no undo step and no dirty flag. An earlier one is settled
                // first, so the two never roll back into each other.
                settle_new_card(open, self.editor.editing.as_ref(), &mut self.new_card);
                checkpoint = Some(open.doc.checkpoint());
            }
            match open.doc.apply(command) {
                Ok(applied) => created = applied.created,
                Err(err) => self.status = Some(err.to_string()),
            }
        }
        // A click is an inflection point too: two clicks on the same thing (an emoji, a
        // colour) are two undo steps, while a drag or typing stays one.
        if out.seal || ctx.input(|i| i.pointer.any_released()) {
            open.doc.seal();
        }
        let map = open.doc.map();
        if out.edit_created_card
            && let Some(id) = created.first()
            && let Some(card) = map.card(id)
        {
            self.editor.selection = Selection::only_card(id.clone());
            self.editor.cursor = Some((card.step.clone(), card.lane.clone()));
            self.editor.editing = Some(Editing::new(EditTarget::Card(id.clone()), &card.text));
            if let Some(checkpoint) = checkpoint.take() {
                self.new_card = Some((id.clone(), checkpoint));
            }
        } else if out.select_created && !created.is_empty() {
            let cards: Vec<_> = created
                .iter()
                .filter(|id| map.card(id).is_some())
                .cloned()
                .collect();
            self.editor.selection = if cards.is_empty() {
                let id = created[0].clone();
                if map.stages.iter().any(|s| s.id == id) {
                    Selection::only_stage(id)
                } else if map.lane(&id).is_some() {
                    Selection::only_lane(id)
                } else if let Some(curve) = map.curve(&id) {
                    // A curve made by a click on the emotion lane has that one point.
                    match curve.points.as_slice() {
                        [point] => Selection::only_point(id, point.step.clone()),
                        _ => Selection::only_curve(id),
                    }
                } else {
                    Selection::default()
                }
            } else {
                Selection {
                    cards,
                    ..Selection::default()
                }
            };
        }
        if let Some(checkpoint) = checkpoint {
            // The card was not made after all: put the redo history back.
            open.doc.rollback(checkpoint);
        }
        settle_new_card(open, self.editor.editing.as_ref(), &mut self.new_card);
    }

    /// Undoes the last change.
    pub fn undo(&mut self) {
        if let Some(open) = &mut self.open {
            self.editor.editing = None;
            open.doc.undo();
        }
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) {
        if let Some(open) = &mut self.open {
            self.editor.editing = None;
            open.doc.redo();
        }
    }

    fn global_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        let shortcut =
            |mods, key| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(mods, key)));
        if shortcut(Modifiers::COMMAND, Key::S) {
            self.save(None);
        }
        if shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S) {
            self.save_as(None);
        }
        if shortcut(Modifiers::COMMAND, Key::O) {
            self.request(PendingAction::OpenDialog);
        }
        if shortcut(Modifiers::COMMAND, Key::N) {
            self.request(PendingAction::Close);
        }
        if shortcut(Modifiers::COMMAND, Key::Q) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // Inside a text field, Ctrl+Z belongs to the field.
        if typing {
            return;
        }
        if shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
            || shortcut(Modifiers::COMMAND, Key::Y)
        {
            self.redo();
        }
        if shortcut(Modifiers::COMMAND, Key::Z) {
            self.undo();
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            let dirty = self.open.as_ref().is_some_and(|o| o.doc.is_dirty());
            if dirty {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.prompt = Some(Prompt::Unsaved(PendingAction::Quit));
            } else {
                self.clear_recovery();
            }
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
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
            {
                self.request(PendingAction::Open(path));
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

    fn perform(&mut self, action: PendingAction) {
        let lang = self.lang();
        match action {
            PendingAction::Open(path) => match open_file(&path) {
                Ok(open) => {
                    self.set_open(Some(open));
                    self.remember_recent(&path);
                }
                Err(err) => {
                    self.prefs.recent.retain(|p| p.exists());
                    self.prompt = Some(Prompt::Error(format!(
                        "{}: {}",
                        tr(lang, "open-failed"),
                        crate::ui::kit::i18n::load_error_text(lang, &err)
                    )));
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

    fn set_open(&mut self, open: Option<OpenMap>) {
        self.new_card = None;
        self.clear_recovery();
        self.open = open;
        self.load_error = None;
        self.show_warnings = false;
        self.editor = EditorState::fitted();
        self.autosaved_revision = None;
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.prefs.recent.retain(|p| p != &path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// Saves to the map's file, or asks for one; then does `then`. A file changed on disk by
    /// someone else is not overwritten without asking.
    fn save(&mut self, then: Option<PendingAction>) {
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
    fn changed_on_disk(&mut self) -> bool {
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
    fn watch_disk(&mut self, ctx: &egui::Context) {
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
    fn reload_from_disk(&mut self) {
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
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.status = Some(tr_args(lang, "status-reloaded", &[("file", name.into())]));
            }
            Err(err) => {
                self.prompt = Some(Prompt::Error(format!(
                    "{}: {}",
                    tr(lang, "open-failed"),
                    crate::ui::kit::i18n::load_error_text(lang, &err)
                )));
            }
        }
    }

    /// Keeps the user's version over a file changed on disk: the next save overwrites it.
    fn keep_mine(&mut self) {
        if let Some(open) = &mut self.open {
            open.disk_conflict = false;
            if let Some(path) = &open.path {
                open.stamp = crate::file::FileStamp::read(path).ok();
            }
        }
    }

    fn save_as(&mut self, then: Option<PendingAction>) {
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
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.status = Some(tr_args(lang, "status-saved", &[("file", name.into())]));
            self.remember_recent(path);
            self.clear_recovery();
        }
        if let Err(err) = result {
            let heading = if saved { "save-warning" } else { "save-failed" };
            self.prompt = Some(Prompt::Error(format!(
                "{}: {}",
                tr(lang, heading),
                crate::ui::kit::i18n::save_error_text(lang, &err)
            )));
        }
        saved
    }

    /// Writes an export (atomically, no backup) and says so in the status bar.
    pub fn write_export(&mut self, path: &Path, text: &str) {
        let lang = self.lang();
        match file::write_atomically(path, text.as_bytes(), false) {
            Ok(()) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.status = Some(tr_args(lang, "status-exported", &[("file", name.into())]));
            }
            Err(err) => {
                self.prompt = Some(Prompt::Error(format!(
                    "{}: {}",
                    tr(lang, "export-failed"),
                    crate::ui::kit::i18n::save_error_text(lang, &err)
                )));
            }
        }
    }

    /// "<map title>-pain-points.csv" (or .md).
    fn export_file_name(&self, format: ReviewFormat) -> String {
        let base = self.suggested_file_name();
        let stem = base.strip_suffix(".ron").unwrap_or(&base);
        format!("{stem}-pain-points.{}", format.extension())
    }

    fn clear_recovery(&mut self) {
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
    fn autosave(&mut self, ctx: &egui::Context) {
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
    fn answer_recovery(&mut self, mut found: Vec<LeftBehind>, answer: RecoveryAnswer) {
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
    fn restore_copy(&mut self, copy: LeftBehind) -> Result<(), Box<LeftBehind>> {
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

    fn start_dialog(&mut self, purpose: DialogPurpose) {
        let start_dir = self
            .open
            .as_ref()
            .and_then(|o| o.path.as_ref())
            .and_then(|p| p.parent().map(Path::to_owned))
            .or_else(|| {
                self.prefs
                    .recent
                    .first()
                    .and_then(|p| p.parent().map(Path::to_owned))
            });
        let suggested = match &purpose {
            DialogPurpose::Export { name, .. } => name.clone(),
            _ => self.suggested_file_name(),
        };
        let use_builtin = self.prefs.builtin_dialog
            || std::env::var("JOURNEYMAP_FILE_DIALOG").is_ok_and(|v| v == "builtin");
        if use_builtin {
            let mode = match purpose {
                DialogPurpose::Open => DialogMode::Open,
                DialogPurpose::SaveAs { .. } | DialogPurpose::Export { .. } => DialogMode::Save {
                    suggested_name: suggested,
                },
            };
            self.file_dialog = Some((FileDialog::new(mode, start_dir), purpose));
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let is_open = purpose == DialogPurpose::Open;
        let extension = DialogMode::Save {
            suggested_name: suggested.clone(),
        }
        .extension();
        let filter_name = match extension.as_str() {
            "csv" => "CSV (.csv)".to_owned(),
            "md" => "Markdown (.md)".to_owned(),
            _ => "Journey map (.ron)".to_owned(),
        };
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let mut dialog =
                    rfd::AsyncFileDialog::new().add_filter(filter_name, &[extension.as_str()]);
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

    fn suggested_file_name(&self) -> String {
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

    fn poll_native_dialog(&mut self, ctx: &egui::Context) {
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

    fn file_dialog_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some((dialog, _)) = &mut self.file_dialog else {
            return;
        };
        if let Some(result) = dialog.show(ctx, lang) {
            let Some((_, purpose)) = self.file_dialog.take() else {
                return;
            };
            if let Some(path) = result {
                self.dialog_done(purpose, path);
            }
        }
    }

    fn dialog_done(&mut self, purpose: DialogPurpose, path: PathBuf) {
        match purpose {
            DialogPurpose::Export { text, .. } => self.write_export(&path, &text),
            DialogPurpose::Open => self.request(PendingAction::Open(path)),
            DialogPurpose::SaveAs { then } => {
                if self.save_to(&path)
                    && let Some(action) = then
                {
                    self.perform(action);
                }
            }
        }
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) {
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

    fn menu_bar_ui(
        &mut self,
        ui: &mut Ui,
        out: &mut EditorOutput,
        actions: &mut Vec<PendingAction>,
    ) {
        let lang = self.lang();
        let has_map = self.open.is_some();
        ui.menu_button(tr(lang, "menu-file"), |ui| {
            if ui.button(tr(lang, "file-new")).clicked() {
                actions.push(PendingAction::Close);
            }
            if ui
                .add(
                    egui::Button::new(tr(lang, "file-open")).shortcut_text(
                        ui.ctx()
                            .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
                    ),
                )
                .clicked()
            {
                actions.push(PendingAction::OpenDialog);
            }
            ui.menu_button(tr(lang, "file-recent"), |ui| {
                if self.prefs.recent.is_empty() {
                    ui.label(tr(lang, "file-recent-empty"));
                }
                for path in self.prefs.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(PendingAction::Open(path));
                    }
                }
            });
            ui.menu_button(tr(lang, "file-open-sample"), |ui| {
                for (i, sample) in crate::file::samples::samples().iter().enumerate() {
                    if ui.button(sample.title).clicked() {
                        actions.push(PendingAction::OpenSample(i));
                    }
                }
            });
            ui.separator();
            let save = egui::Button::new(tr(lang, "file-save")).shortcut_text(
                ui.ctx()
                    .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)),
            );
            if ui.add_enabled(has_map, save).clicked() {
                self.save(None);
            }
            if ui
                .add_enabled(has_map, egui::Button::new(tr(lang, "file-save-as")))
                .clicked()
            {
                self.save_as(None);
            }
            if ui
                .add_enabled(has_map, egui::Button::new(tr(lang, "file-close")))
                .clicked()
            {
                actions.push(PendingAction::Close);
            }
            ui.separator();
            let quit = egui::Button::new(tr(lang, "file-quit")).shortcut_text(
                ui.ctx()
                    .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)),
            );
            if ui.add(quit).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(tr(lang, "menu-edit"), |ui| {
            let what = |key: Option<&'static str>| {
                key.map_or_else(|| tr(lang, "edit-nothing"), |k| tr(lang, k))
            };
            let (undo_label, redo_label) = self
                .open
                .as_ref()
                .map_or((None, None), |o| (o.doc.undo_label(), o.doc.redo_label()));
            let undo = egui::Button::new(tr_args(
                lang,
                "edit-undo-what",
                &[("what", what(undo_label).into())],
            ))
            .shortcut_text(
                ui.ctx()
                    .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)),
            );
            if ui.add_enabled(undo_label.is_some(), undo).clicked() {
                self.undo();
            }
            let redo = egui::Button::new(tr_args(
                lang,
                "edit-redo-what",
                &[("what", what(redo_label).into())],
            ))
            .shortcut_text(ui.ctx().format_shortcut(&KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )));
            if ui.add_enabled(redo_label.is_some(), redo).clicked() {
                self.redo();
            }
            ui.separator();
            let Some(open) = &self.open else {
                return;
            };
            let map = open.doc.map();
            let has_cards = !self.editor.selection.cards.is_empty();
            if ui
                .add_enabled(has_cards, egui::Button::new(tr(lang, "edit-cut")))
                .clicked()
                && let Some(text) = editor::copy_text(&self.editor, map)
            {
                ui.ctx().copy_text(text);
                editor::delete_selection(&mut self.editor, map, out);
            }
            if ui
                .add_enabled(has_cards, egui::Button::new(tr(lang, "edit-copy")))
                .clicked()
                && let Some(text) = editor::copy_text(&self.editor, map)
            {
                ui.ctx().copy_text(text);
            }
            if ui
                .add_enabled(has_cards, egui::Button::new(tr(lang, "edit-duplicate")))
                .clicked()
            {
                editor::duplicate(&mut self.editor, map, out);
            }
            if ui
                .add_enabled(
                    !self.editor.selection.is_empty(),
                    egui::Button::new(tr(lang, "edit-delete")),
                )
                .clicked()
            {
                editor::delete_selection(&mut self.editor, map, out);
            }
            if ui.button(tr(lang, "edit-select-all")).clicked() {
                self.editor.selection = Selection {
                    cards: map.cards.iter().map(|c| c.id.clone()).collect(),
                    ..Selection::default()
                };
            }
        });
        ui.menu_button(tr(lang, "menu-view"), |ui| {
            ui.checkbox(&mut self.prefs.show_inspector, tr(lang, "view-inspector"));
            ui.checkbox(&mut self.prefs.show_persona, tr(lang, "view-persona"));
            ui.checkbox(&mut self.prefs.show_review, tr(lang, "view-review"));
            ui.checkbox(&mut self.prefs.show_matrix, tr(lang, "view-matrix"));
            ui.checkbox(&mut self.editor.voting, tr(lang, "view-voting"));
            ui.separator();
            let canvas = ui.ctx().content_rect();
            if ui.button(tr(lang, "view-zoom-in")).clicked() {
                let z = self.editor.view.step_zoom(true);
                self.editor.view.zoom_around(z, canvas.center(), canvas);
            }
            if ui.button(tr(lang, "view-zoom-out")).clicked() {
                let z = self.editor.view.step_zoom(false);
                self.editor.view.zoom_around(z, canvas.center(), canvas);
            }
            if ui.button(tr(lang, "view-zoom-reset")).clicked() {
                self.editor.view.zoom_around(1.0, canvas.center(), canvas);
            }
            if ui.button(tr(lang, "view-fit")).clicked() {
                self.editor.view.fit_pending = true;
            }
            ui.separator();
            ui.menu_button(tr(lang, "view-theme"), |ui| {
                let mut pref = ui.ctx().options(|o| o.theme_preference);
                let before = pref;
                ui.radio_value(
                    &mut pref,
                    egui::ThemePreference::Light,
                    tr(lang, "view-theme-light"),
                );
                ui.radio_value(
                    &mut pref,
                    egui::ThemePreference::Dark,
                    tr(lang, "view-theme-dark"),
                );
                ui.radio_value(
                    &mut pref,
                    egui::ThemePreference::System,
                    tr(lang, "view-theme-system"),
                );
                if pref != before {
                    ui.ctx().set_theme(pref);
                }
            });
            ui.menu_button(tr(lang, "view-language"), |ui| {
                for l in Lang::ALL {
                    ui.radio_value(&mut self.prefs.lang, l, native_name(l));
                }
            });
        });
        ui.add_enabled_ui(has_map, |ui| {
            ui.menu_button(tr(lang, "menu-map"), |ui| {
                if ui.button(tr(lang, "map-properties")).clicked() {
                    self.show_properties = true;
                }
                if ui.button(tr(lang, "view-persona")).clicked() {
                    self.prefs.show_persona = true;
                }
                if ui.button(tr(lang, "map-mark-reviewed")).clicked() {
                    out.commands.push(EditCommand::MarkReviewed(self.today));
                }
                ui.separator();
                if let Some(open) = &self.open {
                    let map = open.doc.map();
                    if ui.button(tr(lang, "curve-add")).clicked() {
                        out.commands
                            .push(crate::ui::canvas::curves::new_curve_command(map, lang));
                        out.select_created = true;
                    }
                    if ui.button(tr(lang, "map-add-stage")).clicked() {
                        out.commands.push(EditCommand::AddStage {
                            index: map.stages.len(),
                            name: tr(
                                Lang::from_code(&map.language).unwrap_or_default(),
                                "canvas-new-stage",
                            ),
                        });
                        out.select_created = true;
                    }
                    ui.menu_button(tr(lang, "map-add-lane"), |ui| {
                        if let Some(kind) = editor::lane_kind_menu_ui(ui, lang) {
                            let content_lang = Lang::from_code(&map.language).unwrap_or_default();
                            out.commands.push(EditCommand::AddLane {
                                index: map.lanes.len(),
                                kind,
                                name: template::lane_name(kind, content_lang).to_owned(),
                            });
                            out.select_created = true;
                            ui.close();
                        }
                    });
                }
            });
        });
    }

    fn top_bar_ui(&mut self, ui: &mut Ui, commands: &mut Vec<EditCommand>) {
        let lang = self.lang();
        let has_map = self.open.is_some();
        let mut toggle_persona = false;
        let open = &self.open;
        let mut tools = Tools {
            prefs: &mut self.prefs,
            editor: &mut self.editor,
            show_properties: &mut self.show_properties,
            today: self.today,
        };
        // The controls on the right always fit; the map's title and persona on the left are
        // cut with an ellipsis when the window is narrow.
        egui::containers::Sides::new()
            .shrink_left()
            .truncate()
            .show(
                ui,
                |ui| {
                    ui.add_space(4.0);
                    let Some(open) = open else {
                        ui.label(RichText::new("journeymap").font(fonts::bold(size::TITLE_FONT)));
                        return;
                    };
                    let map = open.doc.map();
                    ui.label(RichText::new(&map.title).font(fonts::bold(size::TITLE_FONT)));
                    ui.label(RichText::new(tr(lang, map_type_key(map.map_type))).weak());
                    let persona = &map.persona;
                    if !persona.name.is_empty() {
                        ui.separator();
                        let mut text = format!("{} {}", persona.avatar, persona.name);
                        if !persona.segment.is_empty() {
                            text.push_str(" · ");
                            text.push_str(&persona.segment);
                        }
                        if ui.link(text).clicked() {
                            toggle_persona = true;
                        }
                    }
                    if !map.goals.is_empty() {
                        ui.separator();
                        ui.label(format!("🎯 {}", map.goals.join(" · ")));
                    }
                },
                |ui| {
                    egui::widgets::global_theme_preference_buttons(ui);
                    if has_map {
                        ui.separator();
                        zoom_controls_ui(ui, lang, &mut tools.editor.view);
                        ui.separator();
                        tools.ui(ui, lang, open.as_ref(), commands);
                    }
                },
            );
        if toggle_persona {
            self.prefs.show_persona = !self.prefs.show_persona;
        }
    }

    /// The banner of voting mode: how to vote, the votes cast, and the way out.
    fn voting_bar_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let Some(open) = &self.open else {
            return;
        };
        let map = open.doc.map();
        let pains: u32 = map.pain_points().map(|(_, p)| p.votes).sum();
        let opps: u32 = map.opportunities().map(|(_, o)| o.votes).sum();
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr(lang, "voting-title")).strong());
            ui.label(tr(lang, "vote-hint"));
            ui.separator();
            ui.label(tr_args(
                lang,
                "voting-totals",
                &[("pains", pains.into()), ("opportunities", opps.into())],
            ));
            ui.separator();
            if ui.button(tr(lang, "voting-done")).clicked() {
                self.editor.voting = false;
            }
        });
    }

    fn status_bar_ui(&mut self, ui: &mut Ui, theme: &Theme) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            if let Some(open) = &self.open {
                let map = open.doc.map();
                ui.label(tr_args(
                    lang,
                    "status-counts",
                    &[
                        ("stages", map.stages.len().into()),
                        ("steps", map.step_count().into()),
                        ("lanes", map.lanes.len().into()),
                        ("cards", map.cards.len().into()),
                    ],
                ));
                let selected = self.editor.selection.cards.len();
                if selected > 0 {
                    ui.separator();
                    ui.label(tr_args(
                        lang,
                        "status-selected",
                        &[("count", selected.into())],
                    ));
                }
                ui.separator();
                if let Some(path) = &open.path {
                    ui.label(RichText::new(path.display().to_string()).weak());
                }
                if open.doc.is_dirty() {
                    ui.label(RichText::new(tr(lang, "status-unsaved")).color(theme.warning_text));
                }
                if !open.warnings.is_empty() {
                    ui.separator();
                    let text = tr_args(
                        lang,
                        "status-repaired",
                        &[("count", open.warnings.len().into())],
                    );
                    if ui
                        .link(RichText::new(text).color(theme.warning_text))
                        .clicked()
                    {
                        self.show_warnings = !self.show_warnings;
                    }
                }
            }
            if let Some(status) = &self.status {
                ui.separator();
                ui.label(RichText::new(status).weak());
            }
        });
        if self.show_warnings
            && let Some(open) = &self.open
        {
            egui::ScrollArea::vertical()
                .max_height(160.0)
                .show(ui, |ui| {
                    for w in &open.warnings {
                        ui.label(format!("• {}", crate::ui::kit::i18n::warning_text(lang, w)));
                    }
                });
        }
    }
}

/// What the top bar's tool buttons change: borrowed apart from the rest of the app, so the
/// title on the left can read the map at the same time.
struct Tools<'a> {
    prefs: &'a mut Prefs,
    editor: &'a mut EditorState,
    show_properties: &'a mut bool,
    today: jiff::civil::Date,
}

impl Tools<'_> {
    /// Voting mode, the review table, the matrix, and the review-due badge (right to left).
    fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        open: Option<&OpenMap>,
        commands: &mut Vec<EditCommand>,
    ) {
        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        ui.toggle_value(&mut self.prefs.show_matrix, tr(lang, "tool-matrix"))
            .on_hover_text(tr(lang, "view-matrix"));
        ui.toggle_value(&mut self.prefs.show_review, tr(lang, "tool-review"))
            .on_hover_text(tr(lang, "view-review"));
        ui.toggle_value(&mut self.editor.voting, tr(lang, "tool-voting"))
            .on_hover_text(tr(lang, "vote-hint"));
        let Some(open) = open else {
            return;
        };
        let review = &open.doc.map().review;
        if review.is_due(self.today) {
            let months = review.cadence_months;
            let badge = egui::Button::new(
                RichText::new(tr(lang, "review-due-badge"))
                    .color(Theme::text_on(theme.warning_text)),
            )
            .fill(theme.warning_text);
            let response = ui.add(badge).on_hover_text(tr_args(
                lang,
                "review-due-hint",
                &[
                    (
                        "date",
                        review
                            .last_reviewed
                            .map(|d| d.to_string())
                            .unwrap_or_default()
                            .into(),
                    ),
                    ("months", months.into()),
                ],
            ));
            egui::Popup::menu(&response).show(|ui| {
                if ui.button(tr(lang, "map-mark-reviewed")).clicked() {
                    commands.push(EditCommand::MarkReviewed(self.today));
                    ui.close();
                }
                if ui.button(tr(lang, "map-properties")).clicked() {
                    *self.show_properties = true;
                    ui.close();
                }
            });
        }
    }
}

/// One copy in the recovery prompt: its map title, its file, when it was last changed (or why
/// it cannot be read), and its buttons. `Some(true)` = Restore, `Some(false)` = Discard.
fn recovery_row_ui(ui: &mut Ui, lang: Lang, copy: &LeftBehind) -> Option<bool> {
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

impl eframe::App for JourneyApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        JourneyApp::ui(self, ui);
        if self.allow_close && self.ctx_close_pending {
            self.ctx_close_pending = false;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

/// Reads the preferences from eframe's storage.
pub fn load_prefs(storage: Option<&dyn eframe::Storage>) -> Prefs {
    storage
        .and_then(|s| eframe::get_value(s, PREFS_KEY))
        .unwrap_or_default()
}

/// Reads a map file for the window, reporting repairs on stderr too.
pub fn open_file(path: &Path) -> Result<OpenMap, LoadError> {
    let loaded = file::load(path)?;
    for w in &loaded.warnings {
        eprintln!("journeymap: {}: {w}", path.display());
    }
    let mut open = OpenMap::from_file(loaded.map, path.to_owned(), loaded.warnings);
    open.unknown = loaded.unknown;
    open.stamp = loaded.stamp;
    Ok(open)
}

/// Measures text with egui's fonts, so the layout matches what the canvas draws.
pub struct EguiMeasure<'a>(pub &'a egui::Context);

impl TextMeasure for EguiMeasure<'_> {
    fn wrapped_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        self.0.fonts_mut(|f| {
            f.layout(
                text.to_owned(),
                egui::FontId::proportional(font_size),
                egui::Color32::PLACEHOLDER,
                wrap_width,
            )
            .size()
            .y
        })
    }
}

fn zoom_controls_ui(ui: &mut Ui, lang: Lang, view: &mut crate::ui::canvas::paint::CanvasView) {
    // Right-to-left layout: the last added is leftmost.
    if ui
        .button(tr(lang, "view-fit"))
        .on_hover_text(tr(lang, "view-fit-hint"))
        .clicked()
    {
        view.fit_pending = true;
    }
    let canvas = ui.ctx().content_rect();
    if ui
        .button("+")
        .on_hover_text(tr(lang, "view-zoom-in"))
        .clicked()
    {
        let z = view.step_zoom(true);
        view.zoom_around(z, canvas.center(), canvas);
    }
    ui.label(format!("{:.0} %", view.zoom * 100.0));
    if ui
        .button("−")
        .on_hover_text(tr(lang, "view-zoom-out"))
        .clicked()
    {
        let z = view.step_zoom(false);
        view.zoom_around(z, canvas.center(), canvas);
    }
}

/// Once the card made for typing is no longer being edited, keeps it if it has text and
/// otherwise rolls the document back to before it was made, whatever ended the editing (Enter,
/// Tab, Esc, a click elsewhere, focus loss, undo).
fn settle_new_card(
    open: &mut OpenMap,
    editing: Option<&Editing>,
    new_card: &mut Option<(crate::model::Id, crate::edit::Checkpoint)>,
) {
    let Some((id, _)) = new_card.as_ref() else {
        return;
    };
    if editing.is_some_and(|e| matches!(&e.target, EditTarget::Card(c) if c == id)) {
        return;
    }
    let Some((id, checkpoint)) = new_card.take() else {
        return;
    };
    let empty = open
        .doc
        .map()
        .card(&id)
        .is_some_and(|c| c.text.trim().is_empty());
    if empty && !open.doc.rollback(checkpoint) {
        // The history no longer reaches back (an undo went past it): delete it as a step.
        let _ = open.doc.apply(EditCommand::DeleteCards { ids: vec![id] });
    }
}

/// The banner over a map with fields this version does not know: they are kept, and where.
fn unknown_fields_ui(ui: &mut Ui, lang: Lang, open: &mut OpenMap) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(tr_args(
                lang,
                "unknown-fields-banner",
                &[("count", open.unknown.len().into())],
            ))
            .color(theme.warning_text),
        );
        ui.menu_button(tr(lang, "unknown-fields-details"), |ui| {
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .show(ui, |ui| {
                    for field in &open.unknown {
                        let line = match field.did_you_mean {
                            Some(known) => tr_args(
                                lang,
                                "unknown-field-typo",
                                &[
                                    ("line", field.line.into()),
                                    ("path", field.path.clone().into()),
                                    ("known", known.into()),
                                ],
                            ),
                            None => tr_args(
                                lang,
                                "unknown-field",
                                &[
                                    ("line", field.line.into()),
                                    ("path", field.path.clone().into()),
                                ],
                            ),
                        };
                        ui.label(line);
                    }
                });
        });
        if ui.button(tr(lang, "unknown-fields-close")).clicked() {
            open.unknown_dismissed = true;
        }
    });
}
