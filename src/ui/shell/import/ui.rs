//! The mapping step's widgets (what was detected with its overrides, the columns of each role,
//! the first rows) and the running step's progress. They report what the user did as
//! [`Change`]s and an [`Action`], applied after the frame is drawn.

use egui::{Align, Layout, RichText, Ui};

use super::Action;
use super::model::{Blocker, Change, ImportState, Phase, human_bytes};
use crate::import::{ImportError, Preview, Progress, Shape, SourceKind};
use crate::model::Role;
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::theme::Theme;

/// The encodings offered besides the detected one (WHATWG labels).
const ENCODINGS: [&str; 5] = [
    "UTF-8",
    "UTF-16LE",
    "UTF-16BE",
    "windows-1258",
    "windows-1252",
];

/// The delimiters offered, with their message keys.
const DELIMITERS: [(char, &str); 4] = [
    (',', "import-dialog-delim-comma"),
    (';', "import-dialog-delim-semicolon"),
    ('\t', "import-dialog-delim-tab"),
    ('|', "import-dialog-delim-pipe"),
];

/// Cells longer than this are cut in the preview (the whole text on hover).
const CELL_CHARS: usize = 36;

/// The message key of a role's name.
pub(super) fn role_key(role: Role) -> &'static str {
    match role {
        Role::Customer => "import-role-customer",
        Role::Timestamp => "import-role-timestamp",
        Role::Touchpoint => "import-role-touchpoint",
        Role::Stage => "import-role-stage",
        Role::Converted => "import-role-converted",
        Role::Csat => "import-role-csat",
        Role::Nps => "import-role-nps",
        Role::Channel => "import-role-channel",
    }
}

/// The message key of a kind of table.
fn shape_key(shape: &Shape) -> &'static str {
    match shape {
        Shape::Events => "import-shape-events",
        Shape::Long { .. } => "import-shape-long",
        Shape::Wide { .. } => "import-shape-wide",
        Shape::Unknown => "import-shape-unknown",
    }
}

/// An import error in the UI's language.
pub(super) fn error_text(lang: Lang, error: &ImportError) -> String {
    let args: Vec<(
        &'static str,
        fluent_templates::fluent_bundle::FluentValue<'static>,
    )> = error
        .args()
        .into_iter()
        .map(|(k, v)| (k, v.into()))
        .collect();
    tr_args(lang, error.key(), &args)
}

/// The dialog's heading: what it does, with the file's name.
pub(super) fn heading_ui(ui: &mut Ui, lang: Lang, state: &ImportState) {
    heading_ui_for(ui, lang, &state.file_name());
}

/// The dialog's heading for the file named `file`.
pub(super) fn heading_ui_for(ui: &mut Ui, lang: Lang, file: &str) {
    ui.heading(tr_args(
        lang,
        "import-dialog-title",
        &[("file", file.to_owned().into())],
    ));
    ui.add_space(6.0);
}

/// A delimiter as shown: its name when it has one, else the character.
fn delimiter_name(lang: Lang, delimiter: char) -> String {
    DELIMITERS
        .iter()
        .find(|(c, _)| *c == delimiter)
        .map_or_else(|| format!("“{delimiter}”"), |(_, key)| tr(lang, key))
}

/// A cell's text cut to [`CELL_CHARS`] characters.
fn cut(text: &str) -> String {
    if text.chars().count() <= CELL_CHARS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}

impl ImportState {
    /// The mapping step: settings, columns, the first rows, what is missing, the buttons.
    pub(super) fn mapping_ui(
        &self,
        ui: &mut Ui,
        lang: Lang,
        changes: &mut Vec<Change>,
    ) -> Option<Action> {
        let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
        heading_ui(ui, lang, self);
        let preview = self.preview.as_ref().ok();
        if !self.dropped.is_empty() {
            let columns: Vec<String> = (self.dropped.iter())
                .map(|(role, column)| format!("“{column}” → {}", tr(lang, role_key(*role))))
                .collect();
            let text = tr_args(
                lang,
                "import-dialog-dropped",
                &[("columns", columns.join(", ").into())],
            );
            ui.label(RichText::new(text).color(theme.warning_text));
        } else if self.from_saved {
            ui.label(RichText::new(tr(lang, "import-dialog-saved")).weak());
        }
        self.settings_ui(ui, lang, preview, changes);
        ui.add_space(4.0);
        if let Some(preview) = preview {
            ui.label(tr_args(
                lang,
                "import-dialog-kind",
                &[("kind", tr(lang, shape_key(&preview.shape)).into())],
            ));
            ui.add_space(4.0);
            Self::roles_ui(ui, lang, preview, changes);
            ui.add_space(6.0);
            ui.label(RichText::new(tr(lang, "import-dialog-preview")).strong());
            let height = (ui.ctx().content_rect().height() * 0.34).clamp(120.0, 420.0);
            egui::Frame::group(ui.style())
                .inner_margin(4.0)
                .show(ui, |ui| {
                    egui::ScrollArea::both()
                        .id_salt("import-preview")
                        .max_height(height)
                        .auto_shrink([false, true])
                        .show(ui, |ui| preview_grid_ui(ui, lang, preview, changes));
                });
        }
        ui.add_space(6.0);
        let notice = match &self.phase {
            Phase::Mapping { notice } => notice.as_ref(),
            _ => None,
        };
        let blocker = self.blocker();
        if let Some(notice) = notice {
            let color = if matches!(notice, ImportError::Cancelled) {
                theme.warning_text
            } else {
                theme.error_text
            };
            ui.label(RichText::new(format!("⚠ {}", error_text(lang, notice))).color(color));
        }
        match &blocker {
            Some(Blocker::Error(err)) => {
                ui.label(
                    RichText::new(format!("⚠ {}", error_text(lang, err))).color(theme.error_text),
                );
            }
            Some(Blocker::Missing(roles)) => {
                let names: Vec<String> = roles.iter().map(|r| tr(lang, role_key(*r))).collect();
                let text = tr_args(
                    lang,
                    "import-dialog-missing",
                    &[("roles", names.join(", ").into())],
                );
                ui.label(RichText::new(format!("⚠ {text}")).color(theme.error_text));
            }
            None => {}
        }
        ui.add_space(6.0);
        let mut action = None;
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let run = egui::Button::new(
                RichText::new(tr(lang, "import-dialog-run"))
                    .color(ui.visuals().selection.stroke.color),
            )
            .fill(ui.visuals().selection.bg_fill);
            if ui.add_enabled(blocker.is_none(), run).clicked() {
                action = Some(Action::Run);
            }
            if ui.button(tr(lang, "import-dialog-close")).clicked() {
                action = Some(Action::Close);
            }
        });
        action
    }

    /// Encoding, delimiter, header row, sheet and month-first dates: each detected, each
    /// with its override.
    fn settings_ui(
        &self,
        ui: &mut Ui,
        lang: Lang,
        preview: Option<&Preview>,
        changes: &mut Vec<Change>,
    ) {
        let detected = preview.map(|p| &p.detected);
        let workbook = detected.is_some_and(|d| d.kind == SourceKind::Workbook);
        let auto = |value: String| tr_args(lang, "import-dialog-auto", &[("value", value.into())]);
        ui.horizontal_wrapped(|ui| {
            if !workbook {
                let label = ui.label(tr(lang, "import-dialog-encoding"));
                let found = detected.and_then(|d| d.encoding).unwrap_or("?");
                let shown = self
                    .settings
                    .encoding
                    .clone()
                    .unwrap_or_else(|| auto(found.to_owned()));
                egui::ComboBox::from_id_salt("import-encoding")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(
                                self.settings.encoding.is_none(),
                                auto(found.to_owned()),
                            )
                            .clicked()
                        {
                            changes.push(Change::Encoding(None));
                        }
                        for name in ENCODINGS {
                            let chosen = self
                                .settings
                                .encoding
                                .as_deref()
                                .is_some_and(|e| e.eq_ignore_ascii_case(name));
                            if ui.selectable_label(chosen, name).clicked() {
                                changes.push(Change::Encoding(Some(name.to_owned())));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.add_space(12.0);

                let label = ui.label(tr(lang, "import-dialog-delimiter"));
                let found = detected.and_then(|d| d.delimiter).unwrap_or(',');
                let shown = self.settings.delimiter.map_or_else(
                    || auto(delimiter_name(lang, found)),
                    |d| delimiter_name(lang, d),
                );
                egui::ComboBox::from_id_salt("import-delimiter")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(
                                self.settings.delimiter.is_none(),
                                auto(delimiter_name(lang, found)),
                            )
                            .clicked()
                        {
                            changes.push(Change::Delimiter(None));
                        }
                        for (c, key) in DELIMITERS {
                            if ui
                                .selectable_label(self.settings.delimiter == Some(c), tr(lang, key))
                                .clicked()
                            {
                                changes.push(Change::Delimiter(Some(c)));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.add_space(12.0);
            }

            let label = ui.label(tr(lang, "import-dialog-header-row"));
            let current = self
                .settings
                .header_row
                .or(detected.map(|d| d.header_row))
                .unwrap_or(1);
            let mut line = current;
            ui.add(egui::DragValue::new(&mut line).range(1..=10_000).speed(0.1))
                .labelled_by(label.id);
            if line != current {
                changes.push(Change::HeaderRow(Some(line)));
            }
            if self.settings.header_row.is_some()
                && ui
                    .button(tr(lang, "import-dialog-detect"))
                    .on_hover_text(tr(lang, "import-dialog-detect-hint"))
                    .clicked()
            {
                changes.push(Change::HeaderRow(None));
            }
            ui.add_space(12.0);

            if let Some(d) = detected.filter(|_| workbook) {
                let label = ui.label(tr(lang, "import-dialog-sheet"));
                egui::ComboBox::from_id_salt("import-sheet")
                    .selected_text(d.sheet.clone().unwrap_or_default())
                    .show_ui(ui, |ui| {
                        for sheet in &d.sheets {
                            if ui
                                .selectable_label(d.sheet.as_ref() == Some(sheet), sheet)
                                .clicked()
                            {
                                changes.push(Change::Sheet(Some(sheet.clone())));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.add_space(12.0);
            }

            let mut month_first = self.settings.month_first;
            let check = ui.checkbox(&mut month_first, tr(lang, "import-dialog-month-first"));
            if check.changed() {
                changes.push(Change::MonthFirst(month_first));
            }
            if detected.is_some_and(|d| d.month_first_likely) && !self.settings.month_first {
                let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
                ui.label(
                    RichText::new(tr(lang, "import-dialog-month-first-likely"))
                        .color(theme.warning_text),
                );
            }
        });
    }

    /// A drop-down per role: the column it is read from, or none.
    fn roles_ui(ui: &mut Ui, lang: Lang, preview: &Preview, changes: &mut Vec<Change>) {
        let none = tr(lang, "import-dialog-none");
        ui.label(RichText::new(tr(lang, "import-dialog-columns")).strong());
        egui::Grid::new("import-roles")
            .num_columns(8)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                for (i, role) in Role::ALL.into_iter().enumerate() {
                    let label = ui.label(tr(lang, role_key(role)));
                    let column = preview.column_of(role);
                    let shown = column
                        .and_then(|c| preview.headers.get(c))
                        .map_or_else(|| none.clone(), |h| cut(h));
                    egui::ComboBox::from_id_salt(("import-role", role.name()))
                        .selected_text(shown)
                        .width(170.0)
                        .show_ui(ui, |ui| {
                            if ui.selectable_label(column.is_none(), &none).clicked() {
                                changes.push(Change::Role(role, None));
                            }
                            for (c, header) in preview.headers.iter().enumerate() {
                                let text = if header.is_empty() {
                                    format!("#{}", c + 1)
                                } else {
                                    header.clone()
                                };
                                if ui.selectable_label(column == Some(c), text).clicked() {
                                    changes.push(Change::Role(role, Some(c)));
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if i % 4 == 3 {
                        ui.end_row();
                    }
                }
            });
    }
}

/// The rows above the header (weak), the header (strong, with each column's role) and the
/// first data rows; a row's line number makes it the header.
fn preview_grid_ui(ui: &mut Ui, lang: Lang, preview: &Preview, changes: &mut Vec<Change>) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    // A cell is one line, cut when long: the grid scrolls sideways instead of wrapping.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    let width = preview
        .headers
        .len()
        .max(preview.rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let header_line = u64::from(preview.detected.header_row);
    let line_button = |ui: &mut Ui, line: u64, changes: &mut Vec<Change>| {
        let hint = tr_args(lang, "import-dialog-use-header", &[("line", line.into())]);
        let button = egui::Button::new(RichText::new(line.to_string()).small().weak())
            .frame(false)
            .small();
        if ui.add(button).on_hover_text(hint).clicked() {
            changes.push(Change::HeaderRow(u32::try_from(line).ok()));
        }
    };
    let cell = |ui: &mut Ui, text: &str, rich: fn(RichText) -> RichText| {
        let shown = cut(text);
        let response = ui.label(rich(RichText::new(shown)));
        if text.chars().count() > CELL_CHARS {
            response.on_hover_text(text);
        }
    };
    egui::Grid::new("import-preview-grid")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(tr(lang, "import-dialog-line")).small().weak());
            for _ in 0..width {
                ui.label("");
            }
            ui.end_row();
            for (line, cells) in &preview.above {
                line_button(ui, *line, changes);
                for c in 0..width {
                    cell(ui, cells.get(c).map_or("", String::as_str), RichText::weak);
                }
                ui.end_row();
            }
            ui.label(
                RichText::new(header_line.to_string())
                    .small()
                    .color(theme.selection),
            )
            .on_hover_text(tr(lang, "import-dialog-header-mark"));
            for c in 0..width {
                let header = preview.headers.get(c).map_or("", String::as_str);
                let roles: Vec<String> = (preview.mapping.iter())
                    .filter(|(_, col)| *col == c)
                    .map(|(role, _)| tr(lang, role_key(*role)))
                    .collect();
                ui.vertical(|ui| {
                    cell(ui, header, RichText::strong);
                    if !roles.is_empty() {
                        ui.label(
                            RichText::new(format!("→ {}", roles.join(", ")))
                                .small()
                                .color(theme.selection),
                        );
                    }
                });
            }
            ui.end_row();
            for (row, cells) in preview.rows.iter().enumerate() {
                match preview.row_lines.get(row) {
                    Some(line) => line_button(ui, *line, changes),
                    None => {
                        ui.label("");
                    }
                }
                for c in 0..width {
                    cell(ui, cells.get(c).map_or("", String::as_str), |r| r);
                }
                ui.end_row();
            }
        });
}

/// The running step: the progress bar (bytes read of the total) and Cancel.
pub(super) fn running_ui(
    ui: &mut Ui,
    lang: Lang,
    state: &ImportState,
    progress: Option<&Progress>,
    cancelled: bool,
) -> Option<Action> {
    heading_ui(ui, lang, state);
    let (read, total, fraction) =
        progress.map_or((0, 0, 0.0), |p| (p.bytes_read(), p.total(), p.fraction()));
    let key = if cancelled {
        "import-dialog-cancelling"
    } else {
        "import-dialog-reading"
    };
    ui.label(tr_args(lang, key, &[("file", state.file_name().into())]));
    ui.add_space(6.0);
    let text = tr_args(
        lang,
        "import-dialog-progress",
        &[
            ("read", human_bytes(read).into()),
            ("total", human_bytes(total).into()),
        ],
    );
    ui.add(egui::ProgressBar::new(fraction).text(text));
    ui.add_space(10.0);
    let mut action = None;
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        if ui
            .add_enabled(
                !cancelled,
                egui::Button::new(tr(lang, "import-dialog-cancel-run")),
            )
            .clicked()
        {
            action = Some(Action::CancelRun);
        }
    });
    action
}
