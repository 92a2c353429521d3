//! The export dialog (File → Export…): format, scale, theme, whole map or current view, in one
//! modal; then the file (the app's file dialog), then the export on a thread of its own with a
//! progress indication and Cancel; the frame polls its channel and never waits. "Copy" (and
//! Edit → Copy as image) renders the picture at 2× the same way and hands the app an image for
//! the clipboard.
//!
//! Here: the dialog, its job and its frame; `model` holds the choices (no egui, no thread),
//! `ui` the widgets.

mod model;
mod ui;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use egui::{Key, Modifiers};

use crate::export::file::{ExportOptions, Format, Pixels, export_bytes, to_pixels};
use crate::file::SaveError;
use crate::model::JourneyMap;
use crate::ui::kit::i18n::{Lang, save_error_text, tr_args};

pub use model::{
    Area, ExportChoices, ExportState, Scale, format_keys, offered_formats, pixel_text,
    suggested_name,
};

/// How often the frame looks at a running export.
const POLL: Duration = Duration::from_millis(50);

/// What the user did in the dialog's buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    /// Choose the file, then export.
    Export,
    /// Copy the picture to the clipboard.
    Copy,
    /// Stop the running export.
    CancelRun,
    /// Close the dialog.
    Close,
}

/// Where the dialog is.
#[derive(Debug)]
pub enum Phase {
    /// The choices, with what went wrong last time.
    Choosing {
        /// An error of the last export, in the UI's language.
        notice: Option<String>,
    },
    /// Hidden while the app's file dialog asks where to write.
    ChoosingFile,
    /// The export runs on its thread.
    Running {
        /// The file being written, or `None` for the clipboard.
        target: Option<PathBuf>,
        /// Cancel was pressed: the result is dropped.
        cancelled: bool,
    },
}

/// How the dialog ended, or what it asks the app to do.
#[derive(Debug)]
pub enum Outcome {
    /// Ask for a file named like `name`; then call [`ExportDialog::export_to`] (or
    /// [`ExportDialog::file_cancelled`]).
    ChooseFile {
        /// The suggested file name.
        name: String,
        /// The format, for the file dialog's filter.
        format: Format,
    },
    /// The file was written: close the dialog, show `status`.
    Exported {
        /// A line for the status bar.
        status: String,
    },
    /// The picture is ready: put it on the clipboard, close the dialog, show `status`.
    Copied {
        /// The picture.
        image: egui::ColorImage,
        /// A line for the status bar.
        status: String,
    },
    /// Closed without exporting.
    Closed,
}

/// What a job brings back.
enum Done {
    Written(PathBuf),
    Pixels(Pixels),
}

/// Why a job failed.
enum JobError {
    /// The exporter's own words (a picture too big, fonts that do not load).
    Export(String),
    /// The file could not be written.
    Write(SaveError),
}

/// An export running on its thread.
struct Job {
    cancel: Arc<AtomicBool>,
    receiver: mpsc::Receiver<Result<Done, JobError>>,
}

/// The export dialog. Keep it in the app state while it is open and call
/// [`ExportDialog::show`] every frame.
pub struct ExportDialog {
    state: ExportState,
    phase: Phase,
    map: JourneyMap,
    map_file: Option<PathBuf>,
    fallback_name: String,
    job: Option<Job>,
}

impl std::fmt::Debug for ExportDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportDialog")
            .field("state", &self.state)
            .field("phase", &self.phase)
            .finish_non_exhaustive()
    }
}

impl ExportDialog {
    /// The dialog over a copy of `map` (from `map_file`, if it has one; `fallback_name` is the
    /// name a save would suggest), starting from `state`.
    pub fn new(
        map: &JourneyMap,
        map_file: Option<&Path>,
        fallback_name: &str,
        state: ExportState,
    ) -> Self {
        Self {
            state,
            phase: Phase::Choosing { notice: None },
            map: map.clone(),
            map_file: map_file.map(Path::to_owned),
            fallback_name: fallback_name.to_owned(),
            job: None,
        }
    }

    /// The choices.
    pub fn state(&self) -> &ExportState {
        &self.state
    }

    /// Where the dialog is.
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// The file dialog was cancelled: back to the choices.
    pub fn file_cancelled(&mut self) {
        self.phase = Phase::Choosing { notice: None };
    }

    /// Exports to `path` on a thread, in the chosen format.
    pub fn export_to(&mut self, path: PathBuf) {
        let map = self.map.clone();
        let format = self.state.choices.format;
        let options = self.state.options();
        let target = path.clone();
        self.start(Some(path), move |cancel| {
            let bytes = export_bytes(&map, format, &options).map_err(JobError::Export)?;
            if cancel.load(Ordering::Relaxed) {
                return Err(JobError::Export(String::new()));
            }
            crate::file::write_atomically(&target, &bytes, false).map_err(JobError::Write)?;
            Ok(Done::Written(target))
        });
    }

    /// Renders the picture for the clipboard (at 2×) on a thread.
    pub fn copy(&mut self) {
        let map = self.map.clone();
        let options: ExportOptions = self.state.copy_options();
        self.start(None, move |_| {
            to_pixels(&map, &options)
                .map(Done::Pixels)
                .map_err(JobError::Export)
        });
    }

    fn start(
        &mut self,
        target: Option<PathBuf>,
        work: impl FnOnce(&AtomicBool) -> Result<Done, JobError> + Send + 'static,
    ) {
        let cancel = Arc::new(AtomicBool::new(false));
        let shared = Arc::clone(&cancel);
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("export".into())
            .spawn(move || {
                let _ = sender.send(work(&shared));
            });
        match spawned {
            Ok(_) => {
                self.job = Some(Job { cancel, receiver });
                self.phase = Phase::Running {
                    target,
                    cancelled: false,
                };
            }
            Err(err) => {
                self.phase = Phase::Choosing {
                    notice: Some(err.to_string()),
                };
            }
        }
    }

    /// Asks the running export to stop: its result is dropped, and a file not yet written is
    /// not written.
    fn cancel(&mut self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
        if let Phase::Running { cancelled, .. } = &mut self.phase {
            *cancelled = true;
        }
    }

    /// Takes the job's result if it came.
    fn poll(&mut self, lang: Lang) -> Option<Outcome> {
        let job = self.job.as_ref()?;
        let result = match job.receiver.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => {
                Err(JobError::Export("the export stopped".to_owned()))
            }
        };
        self.job = None;
        if matches!(
            self.phase,
            Phase::Running {
                cancelled: true,
                ..
            }
        ) {
            self.phase = Phase::Choosing { notice: None };
            return None;
        }
        match result {
            Ok(Done::Written(path)) => {
                let file = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                Some(Outcome::Exported {
                    status: tr_args(lang, "export-dialog-done", &[("file", file.into())]),
                })
            }
            Ok(Done::Pixels(pixels)) => {
                let size = (pixels.width, pixels.height);
                let image = egui::ColorImage::from_rgba_premultiplied(
                    [pixels.width as usize, pixels.height as usize],
                    &pixels.rgba,
                );
                Some(Outcome::Copied {
                    image,
                    status: tr_args(
                        lang,
                        "export-dialog-copied",
                        &[("size", pixel_text(lang, size).into())],
                    ),
                })
            }
            Err(err) => {
                let notice = match err {
                    JobError::Export(detail) => {
                        tr_args(lang, "export-dialog-failed", &[("detail", detail.into())])
                    }
                    JobError::Write(err) => save_error_text(lang, &err),
                };
                self.phase = Phase::Choosing {
                    notice: Some(notice),
                };
                None
            }
        }
    }

    /// The choices to remember in the preferences.
    pub fn choices(&self) -> ExportChoices {
        self.state.choices
    }

    /// Shows the dialog; returns what the app is to do, or `None` while it stays as it is.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Outcome> {
        if let Some(outcome) = self.poll(lang) {
            return Some(outcome);
        }
        if self.job.is_some() {
            ctx.request_repaint_after(POLL);
        }
        if matches!(self.phase, Phase::ChoosingFile) {
            return None;
        }
        // Escape with a drop-down open closes the drop-down (egui's), not the dialog.
        let escape = !egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        let step = match self.phase {
            Phase::Running { .. } => "running",
            _ => "choosing",
        };
        let modal = egui::Modal::new(egui::Id::unique(("journeymap-export-dialog", step)))
            .frame(egui::Frame::popup(&ctx.global_style()).inner_margin(14.0))
            .show(ctx, |ui| match &self.phase {
                Phase::Running { target, cancelled } => {
                    ui::running_ui(ui, lang, target.as_deref(), *cancelled)
                }
                Phase::Choosing { notice } => {
                    let notice = notice.clone();
                    ui::choosing_ui(ui, lang, &mut self.state, notice.as_deref())
                }
                Phase::ChoosingFile => None,
            });
        let mut action = modal.inner;
        if escape {
            action = Some(if self.job.is_some() {
                Action::CancelRun
            } else {
                Action::Close
            });
        }
        match action? {
            Action::Export => {
                self.phase = Phase::ChoosingFile;
                let format = self.state.choices.format;
                Some(Outcome::ChooseFile {
                    name: suggested_name(self.map_file.as_deref(), &self.fallback_name, format),
                    format,
                })
            }
            Action::Copy => {
                self.copy();
                None
            }
            Action::CancelRun => {
                self.cancel();
                None
            }
            Action::Close => {
                self.cancel();
                Some(Outcome::Closed)
            }
        }
    }
}
