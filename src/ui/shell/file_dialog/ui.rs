//! The dialog's widgets: title, path bar, listing, notice, name field and buttons. They
//! report what the user did as [`Action`]s, applied after the frame is drawn.

use std::path::Path;

use egui::{Align, Layout, RichText};

use super::FileDialog;
use super::model::{Action, DialogMode, ListingProblem, Notice, display_path};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::theme::Theme;

impl FileDialog {
    pub(super) fn contents_ui(
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

        let extension = self.state.mode.extension();
        let exporting = extension != "ron";
        let title = match self.state.mode {
            _ if let Some(title) = &self.title => title.clone(),
            DialogMode::Open => tr(lang, "dialog-open-title"),
            DialogMode::OpenData => tr(lang, "dialog-import-title"),
            DialogMode::Save { .. } if exporting => tr(lang, "dialog-export-title"),
            DialogMode::Save { .. } => tr(lang, "dialog-save-title"),
        };
        ui.heading(title);
        ui.add_space(4.0);

        // Path bar.
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "dialog-folder"));
            let parent = self.state.folder.parent().map(Path::to_path_buf);
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
                .add(
                    egui::TextEdit::singleline(&mut self.state.folder_text)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            own_widgets.push(path_field.id);
            if path_field.lost_focus() {
                if enter_pressed {
                    actions.push(Action::GoTo(self.state.folder_text.clone()));
                } else {
                    self.state.folder_text = display_path(&self.state.folder);
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

        if let Some(notice) = &self.state.notice {
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
                    egui::TextEdit::singleline(&mut self.state.file_name)
                        .id(name_field_id)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_name) {
                field.request_focus();
            }
            if field.changed() {
                self.state.notice = None;
                self.state.overwrite_armed = None;
            }
        });
        if matches!(self.state.mode, DialogMode::Save { .. }) {
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
            let confirm_key = match self.state.mode {
                DialogMode::Open | DialogMode::OpenData => "dialog-open",
                DialogMode::Save { .. } if self.state.overwrite_armed.is_some() => "dialog-replace",
                DialogMode::Save { .. } => "dialog-save",
            };
            let can_confirm =
                !self.state.file_name.trim().is_empty() || self.state.selected_folder().is_some();
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
        if let Some(problem) = &self.state.problem {
            let text = match problem {
                ListingProblem::Missing => tr_args(
                    lang,
                    "dialog-not-a-folder",
                    &[("path", display_path(&self.state.folder).into())],
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
        if self.state.entries.is_empty() {
            let extension = self.state.mode.extensions().join(", ");
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
            .id_salt(&self.state.folder)
            .max_height(list_height)
            .auto_shrink([false, false])
            .show_rows(ui, row_height, self.state.entries.len(), |ui, rows| {
                ui.with_layout(Layout::top_down_justified(Align::LEFT), |ui| {
                    ui.spacing_mut().item_spacing.y = 0.0;
                    for index in rows {
                        let Some(entry) = self.state.entries.get(index) else {
                            continue;
                        };
                        let icon = if entry.is_folder { "📁" } else { "📄" };
                        let row = ui.add(
                            egui::Button::selectable(
                                self.state.selected == Some(index),
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
}
