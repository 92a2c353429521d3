//! The application: its state and the frame loop. The bars and menus are in `bars`, opening
//! and saving in `files`, recovery copies and the answers to prompts in `autosave`; each is an
//! `impl JourneyApp` of its own. The preferences (`shell::prefs`) and the prompts' types and
//! dialogs (`shell::prompts`) stand beside this folder: they know nothing of the app.
//!
//! Edits from the canvas and the panels arrive as [`EditCommand`]s and are applied in one
//! place, [`JourneyApp::apply`], after the frame is drawn.

mod access;
mod autosave;
mod bars;
mod export;
mod files;
mod heading;
mod heights;
mod import;
mod present;
mod shortcuts;
mod workshop;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

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
use crate::ui::review::data;
use crate::ui::review::dock::{self, DockTab};
use crate::ui::review::matrix;
use crate::ui::review::table::{self as review, ReviewAction, ReviewFormat, ReviewState};
use crate::ui::shell::file_dialog::{DialogMode, FileDialog};
use crate::ui::shell::prefs::{EframeStore, Prefs, PrefsStore, save_prefs};
use crate::ui::shell::prompts::{Answer, Choice, PendingAction, Prompt, RecoveryAnswer};
use crate::ui::shell::recovery::{LeftBehind, RecoveryStore};
use crate::ui::shell::start::{StartAction, start_ui};

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
    layout: Option<Laid>,
}

/// The open map's layout and what it was computed from.
struct Laid {
    /// The document's revision.
    revision: u64,
    /// Its base revision (everything but the curves).
    base_revision: u64,
    /// The lanes shown collapsed.
    collapsed: BTreeSet<crate::model::Id>,
    /// The layout.
    layout: MapLayout,
}

impl OpenMap {
    /// A map that is not (yet) in a file: a new map from a template, a sample.
    pub fn unsaved(map: JourneyMap) -> Self {
        Self::with(Document::new(map, false), None, Vec::new())
    }

    /// A map read from `path`.
    pub fn from_file(map: JourneyMap, path: PathBuf, warnings: Vec<Warning>) -> Self {
        Self::with(
            Document::new(map, warnings.is_empty()),
            Some(path),
            warnings,
        )
    }

    /// `doc` from `path`, with what was repaired while loading; nothing else known yet.
    fn with(doc: Document, path: Option<PathBuf>, warnings: Vec<Warning>) -> Self {
        Self {
            doc,
            path,
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
    /// Import the chosen customer-data file into the open map.
    Import,
    /// Export the open map to the chosen file (the export dialog waits for it).
    ExportMap {
        name: String,
        format: crate::export::file::Format,
    },
}

/// A save asked for by a shortcut or the File menu, done once this frame's edits are applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SaveRequest {
    /// Save to the map's file (Save As when it has none).
    Save,
    /// Choose a file and save there.
    SaveAs,
}

struct NativeDialog {
    purpose: DialogPurpose,
    started: Instant,
    receiver: mpsc::Receiver<Option<PathBuf>>,
}

/// The whole application state.
pub struct JourneyApp {
    prefs: Prefs,
    /// The preferences as last written to storage: a change is written at the end of the frame.
    prefs_written: Option<Prefs>,
    /// Where preferences go as soon as they change, besides eframe's storage (tests).
    prefs_store: Option<Box<dyn PrefsStore>>,
    /// The stored theme was given to egui (on the first frame).
    theme_applied: bool,
    /// The title or persona name being edited in the top bar.
    heading: heading::HeadingEdit,
    /// A save asked for this frame.
    save_requested: Option<SaveRequest>,
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
    /// A map was opened: take its workshop view from the preferences before the next frame.
    opened_view_pending: bool,
    /// The inspector stays open while nothing is selected (its strip's button was clicked).
    inspector_pinned: bool,
    /// The inspector is folded into a strip: nothing is selected (it follows the selection,
    /// but not while voting).
    inspector_folded: bool,
    /// The import dialog, while it is open.
    import: Option<crate::ui::shell::import::ImportDialog>,
    /// The data file last imported in this session (for a map not yet in a file).
    last_import: Option<PathBuf>,
    /// The export dialog, while it is open (or a copy as image runs).
    export: Option<crate::ui::shell::export::ExportDialog>,
    /// A file to open on the first frame (a Mermaid journey named on the command line: made
    /// into a map then, so its notes are in the UI's language).
    open_on_start: Option<PathBuf>,
    /// Presentation mode, while it is on (F5).
    present: Option<crate::ui::present::Presentation>,
    /// Card text heights for the layout.
    heights: heights::TextHeights,
}

impl JourneyApp {
    /// The app showing `open` (or the start screen), with an optional load error to show.
    pub fn new(open: Option<OpenMap>, load_error: Option<String>) -> Self {
        Self {
            prefs: Prefs::default(),
            prefs_written: Some(Prefs::default()),
            prefs_store: None,
            theme_applied: false,
            heading: heading::HeadingEdit::default(),
            save_requested: None,
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
            opened_view_pending: true,
            inspector_pinned: false,
            inspector_folded: true,
            import: None,
            last_import: None,
            export: None,
            open_on_start: None,
            present: None,
            heights: heights::TextHeights::default(),
        }
    }

    /// The canvas cache on (the default) or off: off, the canvas is painted as shapes every
    /// frame (for tests that read the painted text).
    #[must_use]
    pub fn with_canvas_cache(mut self, on: bool) -> Self {
        self.editor.set_canvas_cache(on);
        self
    }

    /// Pretends today is `today` (for the review-due badge in tests).
    #[must_use]
    pub fn with_today(mut self, today: jiff::civil::Date) -> Self {
        self.today = today;
        self
    }

    /// The app with the map at `path` loaded, or the load error shown.
    pub fn with_file(path: &Path) -> Self {
        if files::is_mermaid_file(path) {
            let mut app = Self::new(None, None);
            app.open_on_start = Some(path.to_owned());
            return app;
        }
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
        self.prefs_written = Some(prefs.clone());
        self.prefs = prefs;
        self
    }

    /// Also writes the preferences to `store` as soon as they change (the window writes them to
    /// eframe's storage; tests record them).
    #[must_use]
    pub fn with_prefs_store(mut self, store: Box<dyn PrefsStore>) -> Self {
        self.prefs_store = Some(store);
        self
    }

    /// Writes the preferences to `store` if they changed since they were last written, so a
    /// choice survives a crash or a kill, not only a clean quit.
    pub fn persist_prefs(&mut self, store: &mut dyn PrefsStore) {
        if self.prefs_written.as_ref() != Some(&self.prefs) {
            store.write_prefs(&self.prefs);
            self.prefs_written = Some(self.prefs.clone());
        }
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
        profiling::function_scope!();
        let ctx = ui.ctx().clone();
        let title = self.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        if !self.theme_applied {
            self.theme_applied = true;
            if let Some(theme) = self.prefs.theme {
                ctx.set_theme(theme);
            }
        }
        if let Some(path) = self.open_on_start.take() {
            self.perform(PendingAction::Open(path));
        }
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.global_shortcuts(&ctx);
        self.apply_view(&ctx);
        if self.present.is_some() {
            self.presentation_frame(ui);
            self.finish_frame(&ctx);
            return;
        }

        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        let lang = self.lang();
        let mut out = EditorOutput::default();
        let mut actions: Vec<PendingAction> = Vec::new();

        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                self.menu_bar_ui(ui, &mut out, &mut actions);
                self.heading_row_ui(ui, &mut out.commands);
            });
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
            egui::Panel::top("unknown_fields").show(ui, |ui| open.unknown_fields_ui(ui, lang));
        }
        // Under the menu and the bars: windows (map properties) stay in here.
        let below_bars = ui.available_rect_before_wrap();
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui, &theme));
        // At the bottom, so turning voting on does not shift the map under the pointer.
        if self.editor.voting && self.open.is_some() {
            egui::Panel::bottom("voting_bar").show(ui, |ui| self.voting_bar_ui(ui));
        }

        let modal_open = self.dialog_open(&ctx);
        let mut reveal = None;
        let mut export = None;
        if let Some(open) = &self.open {
            let map = open.doc.map();
            // The review table and the matrix share the dock under the map, across the whole
            // width, under the side panels: the table has many columns, and neither covers
            // the map.
            let docked = [
                self.prefs.show_review,
                self.prefs.show_matrix,
                self.prefs.show_data,
            ];
            if docked.contains(&true) {
                egui::Panel::bottom("review")
                    .resizable(true)
                    .default_size(330.0)
                    .show(ui, |ui| {
                        let selected = self.editor.selection.cards.clone();
                        let front = dock::dock_tabs_ui(ui, lang, docked);
                        let action = match front {
                            Some(DockTab::Table) => review::review_panel_ui(
                                ui,
                                lang,
                                map,
                                &mut self.review,
                                &selected,
                                &mut out.commands,
                                docked == [true, false, false],
                            ),
                            Some(DockTab::Matrix) => matrix::matrix_ui(ui, lang, map, &selected)
                                .map(ReviewAction::Select),
                            Some(DockTab::Data) => {
                                data::data_panel_ui(ui, lang, map, &selected, &mut out.commands);
                                None
                            }
                            None => None,
                        };
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
                workshop::inspector_panel_ui(
                    ui,
                    lang,
                    map,
                    &self.editor.selection,
                    self.inspector_folded,
                    &mut self.inspector_pinned,
                    &mut out.commands,
                );
            }
            if self.prefs.show_persona {
                egui::Panel::left("persona")
                    .resizable(true)
                    .default_size(300.0)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            ui.heading(tr(lang, "view-persona"));
                            crate::ui::panels::persona::persona_ui(
                                ui,
                                lang,
                                map,
                                &mut out.commands,
                            );
                        });
                    });
            }
            if self.show_properties {
                let mut show = true;
                // At the top left of the map, under the menu and the top bar, and kept there:
                // it never covers the menus.
                // The menu's "Map properties…" without its dots: this is the window itself.
                let title = tr(lang, "map-properties").trim_end_matches('…').to_owned();
                egui::Window::new(title)
                    .open(&mut show)
                    .default_width(420.0)
                    .default_pos(below_bars.left_top() + egui::vec2(12.0, 12.0))
                    .constrain_to(below_bars)
                    .show(&ctx, |ui| {
                        crate::ui::panels::properties::map_properties_ui(
                            ui,
                            lang,
                            map,
                            self.today,
                            &mut out.commands,
                        );
                    });
                self.show_properties = show;
            }
        }

        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.refresh_layout(ui.ctx());
            if let Some(open) = &mut self.open {
                if let Some(Laid {
                    revision,
                    base_revision,
                    layout,
                    ..
                }) = &open.layout
                {
                    let editor_out = editor::editor_ui(
                        ui,
                        &mut self.editor,
                        open.doc.map(),
                        layout,
                        &self.metrics,
                        &theme,
                        lang,
                        !modal_open,
                        (*revision, *base_revision),
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
        // After the edits: a save holds what was typed this frame, even with Ctrl+S in the
        // same frame as the last keystroke.
        match self.save_requested.take() {
            Some(SaveRequest::Save) => self.save(None),
            Some(SaveRequest::SaveAs) => self.save_as(None),
            None => {}
        }
        for action in actions {
            self.request(action);
        }
        self.finish_frame(&ctx);
    }

    /// The end of every frame, presenting or not: the dialogs on top, the file on disk watched,
    /// recovery copies and preferences written.
    fn finish_frame(&mut self, ctx: &egui::Context) {
        self.prompt_ui(ctx);
        self.file_dialog_ui(ctx);
        self.import_dialog_ui(ctx);
        self.export_dialog_ui(ctx);
        self.poll_native_dialog(ctx);
        self.watch_disk(ctx);
        self.autosave(ctx);
        if let Some(mut store) = self.prefs_store.take() {
            self.persist_prefs(store.as_mut());
            self.prefs_store = Some(store);
        }
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
            // On screen, with its text being typed.
            self.editor
                .edit_created(map, EditTarget::Card(card.id.clone()));
            if let Some(checkpoint) = checkpoint.take() {
                self.new_card = Some((id.clone(), checkpoint));
            }
        } else if out.select_created {
            self.editor.select_created(map, &created);
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
}

impl eframe::App for JourneyApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        JourneyApp::ui(self, ui);
        if let Some(storage) = frame.storage_mut() {
            self.persist_prefs(&mut EframeStore(storage));
        }
        if self.allow_close && self.ctx_close_pending {
            self.ctx_close_pending = false;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        save_prefs(storage, &self.prefs);
    }
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
        profiling::function_scope!();
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
