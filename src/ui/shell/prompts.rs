//! The prompts that ask before work is replaced or lost: unsaved changes, a file changed on
//! disk, recovery copies left behind, and errors. They draw and report the answer; the app
//! does what it says. Nothing here changes the map or touches files.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::shell::recovery::{LeftBehind, local_time};

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

/// A question the app asks in a modal until it is answered.
pub(super) enum Prompt {
    /// The open map has unsaved changes: save them, discard them, or cancel the action.
    Unsaved(PendingAction),
    /// Saving over a file that changed on disk since it was opened or saved here.
    ChangedOnDisk(Option<PendingAction>),
    /// Recovery copies left behind, claimed by this window while they are listed.
    Recovery(Vec<LeftBehind>),
    /// Something failed; the message says what.
    Error(String),
    /// Something to know, with its points (what a Mermaid journey became, say).
    Notice {
        /// The heading.
        title: String,
        /// A sentence before the points.
        intro: String,
        /// The points, one per line.
        lines: Vec<String>,
    },
}

/// The answer for one copy in the recovery prompt (by its place in the list), or for all.
#[derive(Clone, Copy, Debug)]
pub(super) enum RecoveryAnswer {
    /// Open this copy as the current map.
    Restore(usize),
    /// Delete this copy.
    Discard(usize),
    /// Keep them all for the next start.
    Later,
}

/// A button of a prompt; closing the prompt counts as [`Choice::Cancel`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Choice {
    /// Save the changes first.
    Save,
    /// Drop the changes.
    Discard,
    /// Leave things as they are.
    Cancel,
    /// Save over the file changed on disk.
    Overwrite,
    /// Save under another name.
    SaveAs,
    /// Take the file as it is on disk.
    Reload,
    /// The error was read.
    Ok,
}

/// What the user answered in a prompt this frame.
#[derive(Clone, Copy, Debug)]
pub(super) enum Answer {
    /// A button (or the prompt closed: Cancel).
    Choice(Choice),
    /// An answer in the recovery prompt.
    Recovery(RecoveryAnswer),
}

impl Prompt {
    /// Shows the prompt as a modal; `title` is the open map's title. Returns the answer given
    /// this frame, if any.
    pub(super) fn show(&self, ctx: &egui::Context, lang: Lang, title: &str) -> Option<Answer> {
        let mut choice = None;
        let mut recovery_answer = None;
        let modal = egui::Modal::new(egui::Id::unique("journeymap-prompt")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            match self {
                Prompt::Unsaved(_) => {
                    choice = question_ui(
                        ui,
                        lang,
                        ("unsaved-title", "unsaved-body", title),
                        &[
                            ("unsaved-save", Choice::Save),
                            ("unsaved-discard", Choice::Discard),
                            ("unsaved-cancel", Choice::Cancel),
                        ],
                        false,
                    );
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
                    choice = question_ui(
                        ui,
                        lang,
                        ("disk-changed-title", "disk-changed-body", title),
                        &[
                            ("disk-changed-overwrite", Choice::Overwrite),
                            ("disk-changed-save-as", Choice::SaveAs),
                            ("disk-changed-reload", Choice::Reload),
                            ("unsaved-cancel", Choice::Cancel),
                        ],
                        true,
                    );
                }
                Prompt::Error(message) => {
                    ui.heading(tr(lang, "error-title"));
                    ui.label(message);
                    ui.add_space(8.0);
                    if ui.button(tr(lang, "error-ok")).clicked() {
                        choice = Some(Choice::Ok);
                    }
                }
                Prompt::Notice {
                    title,
                    intro,
                    lines,
                } => {
                    ui.heading(title.as_str());
                    ui.label(intro.as_str());
                    egui::ScrollArea::vertical()
                        .max_height(320.0)
                        .show(ui, |ui| {
                            for line in lines {
                                ui.label(format!("• {line}"));
                            }
                        });
                    ui.add_space(8.0);
                    if ui.button(tr(lang, "error-ok")).clicked() {
                        choice = Some(Choice::Ok);
                    }
                }
            }
        });
        if let Some(answer) = recovery_answer {
            return Some(Answer::Recovery(answer));
        }
        if modal.should_close() && choice.is_none() {
            choice = Some(Choice::Cancel);
        }
        choice.map(Answer::Choice)
    }
}

/// A question about the map titled `title`: a heading, a body naming the map, and a row of
/// buttons (wrapped when `wrap`). Returns the button clicked.
fn question_ui(
    ui: &mut Ui,
    lang: Lang,
    (heading_key, body_key, title): (&str, &str, &str),
    buttons: &[(&str, Choice)],
    wrap: bool,
) -> Option<Choice> {
    ui.heading(tr(lang, heading_key));
    ui.label(tr_args(
        lang,
        body_key,
        &[("title", title.to_owned().into())],
    ));
    ui.add_space(8.0);
    let mut choice = None;
    let row = |ui: &mut Ui| {
        for &(key, button) in buttons {
            if ui.button(tr(lang, key)).clicked() {
                choice = Some(button);
            }
        }
    };
    if wrap {
        ui.horizontal_wrapped(row);
    } else {
        ui.horizontal(row);
    }
    choice
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
