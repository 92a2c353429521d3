//! The import dialog: customer data brought onto the map in three steps, in one modal.
//!
//! 1. **Mapping**: what was detected (encoding, delimiter, header row, sheet, month-first
//!    dates), each with an override; the first rows with the headers; a column for each role.
//!    Any change previews the file again (only its head is read).
//! 2. **Running**: [`import_snapshot`] on a thread of its own, with a progress bar (bytes read
//!    of the total) and Cancel; the frame polls its channel and never waits.
//! 3. **Review**: rows read and skipped (with reasons), values ignored, touchpoints matched,
//!    and the unmatched ones to assign to a card or ignore. "Add to map" hands the app one
//!    command (one undo step); nothing in the map changes before.
//!
//! Here: the dialog, its job and its frame; `model` holds the state (no egui, no thread),
//! `ui` the mapping step's widgets and `review` the last step's.

mod model;
mod review;
mod ui;

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use egui::{Key, Modifiers};

use crate::edit::EditCommand;
use crate::import::{ImportError, Imported, Input, Progress, import_snapshot};
use crate::model::JourneyMap;
use crate::ui::kit::i18n::{Lang, tr_args};
use crate::ui::kit::labels::count_text;

pub use model::{Blocker, Change, Decision, ImportState, Phase, Review, human_bytes};

/// How often the frame looks at a running import.
const POLL: Duration = Duration::from_millis(50);

/// What the user did in the dialog's buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    /// Start reading the whole file.
    Run,
    /// Stop the read.
    CancelRun,
    /// Back from the review to the columns.
    Back,
    /// Add the import to the map.
    Apply,
    /// Close the dialog; nothing changes.
    Close,
}

/// How the dialog ended.
#[derive(Debug)]
pub enum Outcome {
    /// Apply this command (one undo step); `status` says what was imported.
    Apply {
        /// The snapshot, aliases and ignored values, as one batch.
        command: Box<EditCommand>,
        /// A line for the status bar.
        status: String,
    },
    /// Closed without changing anything.
    Closed,
}

/// A read running on its thread.
struct Job {
    progress: Arc<Progress>,
    receiver: mpsc::Receiver<Result<Imported, ImportError>>,
}

/// The import dialog. Keep it in the app state while it is open and call
/// [`ImportDialog::show`] every frame.
pub struct ImportDialog {
    state: ImportState,
    job: Option<Job>,
}

impl std::fmt::Debug for ImportDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportDialog")
            .field("state", &self.state)
            .field("running", &self.job.is_some())
            .finish()
    }
}

impl ImportDialog {
    /// The dialog for `input` over `map`, starting from the map's saved mapping.
    pub fn new(input: Input, map: &JourneyMap) -> Self {
        Self {
            state: ImportState::new(input, map.metrics.import.as_ref()),
            job: None,
        }
    }

    /// The dialog's state.
    pub fn state(&self) -> &ImportState {
        &self.state
    }

    /// Whether a read is running.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Starts reading the whole file into a snapshot of `map`, dated `today`, on a thread.
    pub fn run(&mut self, map: &JourneyMap, today: &str) {
        if self.job.is_some() || self.state.blocker().is_some() {
            return;
        }
        let progress = Arc::new(Progress::new());
        let (sender, receiver) = mpsc::channel();
        let map = map.clone();
        let input = self.state.input.clone();
        let settings = self.state.settings.clone();
        let today = today.to_owned();
        let shared = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name("import".into())
            .spawn(move || {
                let result = import_snapshot(&map, &input, settings, &today, &shared);
                let _ = sender.send(result);
            });
        match spawned {
            Ok(_) => {
                self.job = Some(Job { progress, receiver });
                self.state.phase = Phase::Running { cancelled: false };
            }
            Err(err) => {
                self.state.phase = Phase::Mapping {
                    notice: Some(stopped(&self.state.input, &err.to_string())),
                };
            }
        }
    }

    /// Asks the running read to stop; whatever it returns is dropped.
    pub fn cancel(&mut self) {
        if let Some(job) = &self.job {
            job.progress.cancel();
            self.state.phase = Phase::Running { cancelled: true };
        }
    }

    /// Takes the read's result if it came.
    fn poll(&mut self) {
        let Some(job) = &self.job else {
            return;
        };
        let result = match job.receiver.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => {
                Err(stopped(&self.state.input, "the reader stopped"))
            }
        };
        self.job = None;
        let cancelled = matches!(self.state.phase, Phase::Running { cancelled: true });
        self.state.phase = match result {
            _ if cancelled => Phase::Mapping {
                notice: Some(ImportError::Cancelled),
            },
            Ok(imported) => Phase::Review(Box::new(Review::new(imported))),
            Err(err) => Phase::Mapping { notice: Some(err) },
        };
    }

    /// Shows the dialog over `map`; returns how it ended, or `None` while it stays open.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        map: &JourneyMap,
        today: &str,
    ) -> Option<Outcome> {
        self.poll();
        if self.job.is_some() {
            ctx.request_repaint_after(POLL);
        }
        // Escape with a drop-down open closes the drop-down (egui's), not the dialog.
        let escape = !egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        let screen = ctx.content_rect();
        let width = (screen.width() - 64.0).clamp(320.0, 1120.0);
        let mut changes = Vec::new();
        // One window per step: each is sized to its own contents, not the last step's.
        let step = match &self.state.phase {
            Phase::Mapping { .. } => "mapping",
            Phase::Running { .. } => "running",
            Phase::Review(_) => "review",
        };
        let modal = egui::Modal::new(egui::Id::unique(("journeymap-import-dialog", step)))
            .frame(egui::Frame::popup(&ctx.global_style()).inner_margin(14.0))
            .show(ctx, |ui| {
                ui.set_width(width);
                let progress = self.job.as_ref().map(|j| Arc::clone(&j.progress));
                match &self.state.phase {
                    Phase::Mapping { .. } => self.state.mapping_ui(ui, lang, &mut changes),
                    Phase::Running { cancelled } => {
                        ui::running_ui(ui, lang, &self.state, progress.as_deref(), *cancelled)
                    }
                    Phase::Review(review) => review::review_ui(ui, lang, review, map, &mut changes),
                }
            });
        let mut action = modal.inner;
        if escape {
            action = Some(if self.job.is_some() {
                Action::CancelRun
            } else {
                Action::Close
            });
        }
        for change in changes {
            self.state.change(change);
        }
        match action? {
            Action::Run => {
                self.run(map, today);
                None
            }
            Action::CancelRun => {
                self.cancel();
                None
            }
            Action::Back => {
                self.state.phase = Phase::Mapping { notice: None };
                None
            }
            Action::Close => {
                self.cancel();
                Some(Outcome::Closed)
            }
            Action::Apply => {
                let Phase::Review(review) = &self.state.phase else {
                    return None;
                };
                let source = &review.imported.snapshot.source;
                let status = tr_args(
                    lang,
                    "import-dialog-done",
                    &[
                        ("file", source.file_name.clone().into()),
                        ("rows", count_text(lang, source.rows_read).into()),
                    ],
                );
                Some(Outcome::Apply {
                    command: Box::new(review.command()),
                    status,
                })
            }
        }
    }
}

/// The error shown when the read could not run or ended without an answer.
fn stopped(input: &Input, reason: &str) -> ImportError {
    ImportError::Read {
        file: input.name(),
        source: std::io::Error::other(reason.to_owned()),
    }
}
