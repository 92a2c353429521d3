//! The pain-point review: every pain point of the map in one table that a product owner can
//! sort by any column, filter by stage, severity, status and text, triage (change the status
//! in place) and export as shown.
//!
//! The table is built from [`crate::analysis::report`]'s rows, so it says exactly what `journeymap report`
//! says. Sorting and filtering are pure functions on those rows ([`visible_rows`]); the panel
//! only draws their result. Its state ([`ReviewState`]) is view state: it is never saved in
//! the document, and a status change goes out as an [`EditCommand`] like any other edit.

use egui::{
    Align, Button, ComboBox, Layout, RichText, ScrollArea, Sense, TextEdit, TextWrapMode, Ui, vec2,
};
use egui_extras::{Column, TableBuilder};
use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

use crate::analysis::report::{PainRow, pain_rows_in_map_order, pains_csv, pains_markdown};
use crate::edit::EditCommand;
use crate::model::{Id, JourneyMap, PainStatus, SEVERITY_MAX, SEVERITY_MIN};
use crate::ui::i18n::{Lang, tr, tr_args};
use crate::ui::inspector::{severity_key, status_key};
use crate::ui::theme::Theme;

/// How many characters of a pain point name it in a status picker's accessible name.
const CARD_NAME_CHARS: usize = 40;

/// The statuses, in the order of the workflow.
const STATUSES: [PainStatus; 3] = [PainStatus::Open, PainStatus::InProgress, PainStatus::Fixed];

/// A column of the review table, left to right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortColumn {
    /// The stage, in journey order.
    Stage,
    /// The step, in journey order.
    Step,
    /// The pain point's text, in dictionary order (Vietnamese-aware).
    Text,
    /// Severity, 1–5.
    Severity,
    /// Dot votes.
    Votes,
    /// Severity × votes: the report's ranking, and the default.
    #[default]
    Score,
    /// How many pieces of evidence.
    Evidence,
    /// How many opportunities address it.
    Opportunities,
    /// Open, in progress, fixed.
    Status,
    /// Who fixes it, in dictionary order.
    Owner,
}

impl SortColumn {
    /// Every column, left to right.
    pub const ALL: [Self; 10] = [
        Self::Stage,
        Self::Step,
        Self::Text,
        Self::Severity,
        Self::Votes,
        Self::Score,
        Self::Evidence,
        Self::Opportunities,
        Self::Status,
        Self::Owner,
    ];

    /// Whether a first click sorts this column from the highest down: for counts and scores a
    /// reviewer wants the worst first, for names A to Z.
    pub fn starts_descending(self) -> bool {
        matches!(
            self,
            Self::Severity | Self::Votes | Self::Score | Self::Evidence | Self::Opportunities
        )
    }

    fn key(self) -> &'static str {
        match self {
            Self::Stage => "review-col-stage",
            Self::Step => "review-col-step",
            Self::Text => "review-col-text",
            Self::Severity => "review-col-severity",
            Self::Votes => "review-col-votes",
            Self::Score => "review-col-score",
            Self::Evidence => "review-col-evidence",
            Self::Opportunities => "review-col-opportunities",
            Self::Status => "review-col-status",
            Self::Owner => "review-col-owner",
        }
    }

    /// The table column: its starting width, and whether the text in it is cut to one line.
    fn column(self) -> Column {
        let width = match self {
            Self::Text => return Column::remainder().at_least(220.0),
            Self::Stage => 95.0,
            Self::Evidence => 90.0,
            Self::Severity => 125.0,
            Self::Step | Self::Status | Self::Owner => 120.0,
            // Wide enough for the heading and its sort arrow ("Phiếu bầu ▼").
            Self::Votes => 100.0,
            Self::Score => 75.0,
            Self::Opportunities => 140.0,
        };
        Column::initial(width).at_least(40.0).clip(true)
    }
}

/// View state of the review panel (never saved in the document): sort order and filters.
#[derive(Clone, Debug, Default)]
pub struct ReviewState {
    /// The column the rows are sorted by.
    pub sort: SortColumn,
    /// Lowest first; the default (false) puts the highest score first, like the report.
    pub ascending: bool,
    /// Only the pain points of this stage.
    pub stage: Option<Id>,
    /// Only pain points at least this severe (a reviewer asks for "severe and worse", rarely
    /// for exactly one level).
    pub min_severity: Option<u8>,
    /// Only pain points with this status.
    pub status: Option<PainStatus>,
    /// Only pain points whose text, step, stage, owner, evidence or opportunities contain this,
    /// ignoring case and Vietnamese diacritics.
    pub search: String,
    /// The selected card the table last scrolled to, so it scrolls once per new selection.
    followed: Option<Id>,
}

impl ReviewState {
    /// Sorts by `column`; on the column already sorted by, reverses the order.
    pub fn sort_by(&mut self, column: SortColumn) {
        if self.sort == column {
            self.ascending = !self.ascending;
        } else {
            self.sort = column;
            self.ascending = !column.starts_descending();
        }
    }

    /// Whether any filter hides rows.
    pub fn is_filtered(&self) -> bool {
        self.stage.is_some()
            || self.min_severity.is_some()
            || self.status.is_some()
            || !self.search.trim().is_empty()
    }

    /// Shows every row again, keeping the sort order.
    pub fn clear_filters(&mut self) {
        self.stage = None;
        self.min_severity = None;
        self.status = None;
        self.search.clear();
    }

    /// Whether a row passes every filter.
    pub fn matches(&self, row: &ReviewRow) -> bool {
        let pain = &row.pain;
        let search = fold(self.search.trim());
        self.stage
            .as_ref()
            .is_none_or(|s| row.stage.as_ref() == Some(s))
            && self.min_severity.is_none_or(|min| pain.severity >= min)
            && self.status.is_none_or(|s| pain.status == s)
            && (search.is_empty()
                || [&pain.text, &pain.step, &pain.stage, &pain.owner]
                    .into_iter()
                    .chain(&pain.evidence)
                    .chain(&pain.opportunities)
                    .any(|t| fold(t).contains(&search)))
    }
}

/// What the panel asks of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewAction {
    /// A row was clicked: select that card and scroll the canvas to it.
    Select(Id),
    /// The user asked to export the table as shown: ask for a file, then write
    /// [`export_text`] to it.
    Export(ReviewFormat),
}

/// The file formats the table exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewFormat {
    /// RFC 4180 CSV, for a spreadsheet or a backlog import.
    Csv,
    /// A Markdown table, for a wiki page or an issue.
    Markdown,
}

impl ReviewFormat {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Markdown => "md",
        }
    }
}

/// One row of the review: the report's row plus what sorting and filtering need.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    /// The pain-point card.
    pub card: Id,
    /// The stage the card is in (`None` if its step is gone).
    pub stage: Option<Id>,
    /// Position of the stage, left to right (`usize::MAX` if none).
    pub stage_index: usize,
    /// Position of the step among all steps, left to right (`usize::MAX` if none).
    pub step_index: usize,
    /// Position among the map's pain points: the tie-breaker of every sort.
    pub order: usize,
    /// What the report says about it.
    pub pain: PainRow,
}

/// Every pain point of the map, in map order.
pub fn all_rows(map: &JourneyMap) -> Vec<ReviewRow> {
    // The report's rows come in the same order as `pain_points`, one per pain point.
    map.pain_points()
        .zip(pain_rows_in_map_order(map))
        .enumerate()
        .map(|(order, ((card, _), pain))| {
            let stage = map.stage_of_step(&card.step);
            ReviewRow {
                card: card.id.clone(),
                stage: stage.map(|s| s.id.clone()),
                stage_index: stage
                    .and_then(|s| map.stages.iter().position(|x| x.id == s.id))
                    .unwrap_or(usize::MAX),
                step_index: map.step_index(&card.step).unwrap_or(usize::MAX),
                order,
                pain,
            }
        })
        .collect()
}

/// The rows that pass the filters, sorted by the chosen column; rows that tie keep map order
/// whichever the direction.
pub fn filter_and_sort(rows: Vec<ReviewRow>, state: &ReviewState) -> Vec<ReviewRow> {
    let mut keyed: Vec<(SortKey, ReviewRow)> = rows
        .into_iter()
        .filter(|row| state.matches(row))
        .map(|row| (sort_key(&row, state.sort), row))
        .collect();
    keyed.sort_by(|(ka, a), (kb, b)| {
        let by_key = if state.ascending {
            ka.cmp(kb)
        } else {
            kb.cmp(ka)
        };
        by_key.then(a.order.cmp(&b.order))
    });
    keyed.into_iter().map(|(_, row)| row).collect()
}

/// The rows of the table as shown: filtered and sorted.
pub fn visible_rows(map: &JourneyMap, state: &ReviewState) -> Vec<ReviewRow> {
    filter_and_sort(all_rows(map), state)
}

/// The table as shown (filtered and sorted) in the given format, for the export.
pub fn export_text(map: &JourneyMap, state: &ReviewState, format: ReviewFormat) -> String {
    let rows: Vec<PainRow> = visible_rows(map, state)
        .into_iter()
        .map(|r| r.pain)
        .collect();
    match format {
        // With a byte order mark: the export is for Excel, which needs it to read UTF-8.
        ReviewFormat::Csv => pains_csv(&rows, true),
        ReviewFormat::Markdown => pains_markdown(&rows),
    }
}

/// What a row is sorted by, for one column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Number(u64, u64),
    Text(CollationKey),
}

fn sort_key(row: &ReviewRow, column: SortColumn) -> SortKey {
    let pain = &row.pain;
    let count = |n: usize| SortKey::Number(n as u64, 0);
    match column {
        SortColumn::Stage => count(row.stage_index),
        SortColumn::Step => count(row.step_index),
        SortColumn::Text => SortKey::Text(collation_key(&pain.text)),
        SortColumn::Severity => SortKey::Number(pain.severity.into(), 0),
        SortColumn::Votes => SortKey::Number(pain.votes.into(), 0),
        // Ties on the score go to the more severe, as in the report.
        SortColumn::Score => SortKey::Number(pain.score, pain.severity.into()),
        SortColumn::Evidence => count(pain.evidence.len()),
        SortColumn::Opportunities => count(pain.opportunities.len()),
        SortColumn::Status => count(STATUSES.iter().position(|s| *s == pain.status).unwrap_or(0)),
        SortColumn::Owner => SortKey::Text(collation_key(&pain.owner)),
    }
}

/// A sort key that orders text as a Vietnamese dictionary does, and English as usual: letters
/// first, ignoring case and tone (a < ă < â < b < … < d < đ < e < ê …), then tones (none,
/// huyền, hỏi, ngã, sắc, nặng), then lower case before upper case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct CollationKey {
    letters: Vec<u32>,
    tones: Vec<u8>,
    upper: Vec<bool>,
}

fn collation_key(text: &str) -> CollationKey {
    let mut key = CollationKey {
        letters: Vec::new(),
        tones: Vec::new(),
        upper: Vec::new(),
    };
    // Decomposed, a letter is its base followed by its marks: "ặ" is a, dot below, breve.
    for c in text.nfd() {
        let modifier = match c {
            '\u{0306}' => Some(1), // breve: ă
            '\u{0302}' => Some(2), // circumflex: â ê ô
            '\u{031B}' => Some(3), // horn: ơ ư
            _ => None,
        };
        let tone = match c {
            '\u{0300}' => Some(1), // huyền
            '\u{0309}' => Some(2), // hỏi
            '\u{0303}' => Some(3), // ngã
            '\u{0301}' => Some(4), // sắc
            '\u{0323}' => Some(5), // nặng
            _ => None,
        };
        if let Some(m) = modifier {
            if let Some(last) = key.letters.last_mut() {
                *last += m;
            }
        } else if let Some(t) = tone {
            if let Some(last) = key.tones.last_mut() {
                *last = t;
            }
        } else if !is_combining_mark(c) {
            let (base, m) = match c {
                'đ' | 'Đ' => ('d', 1),
                _ => (c, 0),
            };
            let lower = base.to_lowercase().next().unwrap_or(base);
            // Four slots per letter leave room for the modified letters right after it.
            key.letters.push(u32::from(lower) * 4 + m);
            key.tones.push(0);
            key.upper.push(c.is_uppercase());
        }
    }
    key
}

/// Text reduced for searching: lower case, no diacritics, đ as d, so "bao hanh" finds
/// "bảo hành" when no Vietnamese keyboard is at hand.
fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The panel

/// The review panel: title and export buttons, filters, then the table of pain points. A
/// status changed in the table is pushed to `commands`; a clicked row or export button is
/// returned for the app to act on.
pub fn review_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    state: &mut ReviewState,
    selected: &[Id],
    commands: &mut Vec<EditCommand>,
) -> Option<ReviewAction> {
    // A stage filter outlives its stage when the stage is deleted: show everything again.
    if state
        .stage
        .as_ref()
        .is_some_and(|id| !map.stages.iter().any(|s| &s.id == id))
    {
        state.stage = None;
    }
    let rows = all_rows(map);
    let total = rows.len();
    let rows = filter_and_sort(rows, state);
    let mut action = None;

    ui.horizontal(|ui| {
        ui.heading(tr(lang, "review-title"));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            for (key, format) in [
                ("review-export-markdown", ReviewFormat::Markdown),
                ("review-export-csv", ReviewFormat::Csv),
            ] {
                if ui
                    .add_enabled(!rows.is_empty(), Button::new(tr(lang, key)))
                    .clicked()
                {
                    action = Some(ReviewAction::Export(format));
                }
            }
        });
    });
    if total == 0 {
        ui.add_space(ui.spacing().item_spacing.y * 4.0);
        ui.label(RichText::new(tr(lang, "review-empty")).weak());
        return action;
    }
    filters_ui(ui, lang, map, state, rows.len(), total);
    ui.separator();
    if rows.is_empty() {
        ui.add_space(ui.spacing().item_spacing.y * 4.0);
        // "Clear filters" is in the filter row just above.
        ui.label(RichText::new(tr(lang, "review-empty-filtered")).weak());
        return action;
    }
    // Wider than a narrow window: the columns scroll sideways rather than vanish.
    ScrollArea::horizontal()
        .id_salt("review-hscroll")
        .show(ui, |ui| {
            table_ui(ui, lang, map, state, &rows, selected, commands)
        })
        .inner
        .or(action)
}

/// The filter combos, the search field and the row count.
fn filters_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    state: &mut ReviewState,
    shown: usize,
    total: usize,
) {
    ui.horizontal_wrapped(|ui| {
        let stage_name = |id: &Option<Id>| {
            id.as_ref()
                .and_then(|id| map.stages.iter().find(|s| &s.id == id))
                .map_or_else(|| tr(lang, "review-all-stages"), |s| s.name.clone())
        };
        let name = tr(lang, "review-filter-stage");
        ComboBox::from_id_salt("review-stage")
            .selected_text(stage_name(&state.stage))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.stage, None, tr(lang, "review-all-stages"));
                for stage in &map.stages {
                    ui.selectable_value(&mut state.stage, Some(stage.id.clone()), &stage.name);
                }
            })
            .response
            .accessible_name(&name)
            .on_hover_text(name);

        let severity_args = |n: u8| [("n", n.into()), ("name", tr(lang, severity_key(n)).into())];
        let severity_name = |min: Option<u8>| match min {
            None => tr(lang, "review-any-severity"),
            // Nothing is worse than critical: "or worse" would promise more rows.
            Some(n) if n >= SEVERITY_MAX => {
                tr_args(lang, "review-severity-only", &severity_args(n))
            }
            Some(n) => tr_args(lang, "review-severity-at-least", &severity_args(n)),
        };
        let name = tr(lang, "review-filter-severity");
        ComboBox::from_id_salt("review-severity")
            .selected_text(severity_name(state.min_severity))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.min_severity, None, severity_name(None));
                // The worst first: that is what a review looks for.
                for n in (SEVERITY_MIN..=SEVERITY_MAX).rev() {
                    ui.selectable_value(&mut state.min_severity, Some(n), severity_name(Some(n)));
                }
            })
            .response
            .accessible_name(&name)
            .on_hover_text(name);

        let status_name = |status: Option<PainStatus>| {
            status.map_or_else(
                || tr(lang, "review-all-statuses"),
                |s| tr(lang, status_key(s)),
            )
        };
        let name = tr(lang, "review-filter-status");
        ComboBox::from_id_salt("review-status")
            .selected_text(status_name(state.status))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.status, None, status_name(None));
                for status in STATUSES {
                    ui.selectable_value(&mut state.status, Some(status), status_name(Some(status)));
                }
            })
            .response
            .accessible_name(&name)
            .on_hover_text(name);

        ui.add(
            TextEdit::singleline(&mut state.search)
                .id_salt("review-search")
                .desired_width(240.0)
                .hint_text(tr(lang, "review-search-hint")),
        )
        .accessible_name(tr(lang, "review-search"));

        if state.is_filtered() && ui.button(tr(lang, "review-clear-filters")).clicked() {
            state.clear_filters();
        }
        ui.label(
            RichText::new(tr_args(
                lang,
                "review-count",
                &[("shown", shown.into()), ("total", total.into())],
            ))
            .weak(),
        );
    });
}

/// The table itself. Returns the row clicked, if any.
fn table_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    state: &mut ReviewState,
    rows: &[ReviewRow],
    selected: &[Id],
    commands: &mut Vec<EditCommand>,
) -> Option<ReviewAction> {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let mut action = None;
    let mut clicked_header = None;
    // A click anywhere on a row selects it: selectable labels would swallow it for text
    // selection. (`ui` is the horizontal scroll area's: this stays inside the table.)
    ui.style_mut().interaction.selectable_labels = false;

    // Follow a selection made elsewhere (on the canvas) once, without fighting the user's
    // scrolling afterwards.
    let first_selected = selected.first().cloned();
    let scroll_to = if first_selected == state.followed {
        None
    } else {
        state.followed.clone_from(&first_selected);
        first_selected.and_then(|id| rows.iter().position(|r| r.card == id))
    };

    let header_height = ui.spacing().interact_size.y + 4.0;
    let mut table = TableBuilder::new(ui)
        .id_salt("review-table")
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .auto_shrink([false, false]);
    for column in SortColumn::ALL {
        table = table.column(column.column());
    }
    if let Some(row) = scroll_to {
        table = table.scroll_to_row(row, None);
    }
    table
        .header(header_height, |mut header| {
            for column in SortColumn::ALL {
                header.col(|ui| {
                    let sorted = state.sort == column;
                    let mut text = tr(lang, column.key());
                    if sorted {
                        text.push_str(if state.ascending { " ▲" } else { " ▼" });
                    }
                    let mut hint = tr(lang, "review-sort-by");
                    if column == SortColumn::Score {
                        hint = format!("{}\n{hint}", tr(lang, "review-score-hint"));
                    }
                    let response = ui
                        .add(Button::selectable(sorted, RichText::new(text).strong()))
                        .on_hover_text(hint);
                    if response.clicked() {
                        clicked_header = Some(column);
                    }
                });
            }
        })
        .body(|mut body| {
            let text_index = SortColumn::ALL
                .iter()
                .position(|c| *c == SortColumn::Text)
                .unwrap_or(0);
            let text_width = body.widths().get(text_index).copied().unwrap_or(180.0);
            let heights: Vec<f32> = {
                let ui = body.ui_mut();
                let padding = ui.spacing().button_padding;
                let min = ui.spacing().interact_size.y + 4.0;
                rows.iter()
                    .map(|row| {
                        let galley = egui::WidgetText::from(row.pain.text.as_str()).into_galley(
                            ui,
                            Some(TextWrapMode::Wrap),
                            text_width - 2.0 * padding.x,
                            egui::TextStyle::Button,
                        );
                        (galley.size().y + 2.0 * padding.y + 4.0).max(min)
                    })
                    .collect()
            };
            body.heterogeneous_rows(heights.into_iter(), |mut row| {
                let Some(review_row) = rows.get(row.index()) else {
                    return;
                };
                let pain = &review_row.pain;
                let is_selected = selected.contains(&review_row.card);
                row.set_selected(is_selected);
                let mut clicked = false;
                for column in SortColumn::ALL {
                    row.col(|ui| match column {
                        SortColumn::Stage => {
                            ui.label(&pain.stage);
                        }
                        SortColumn::Step => {
                            ui.label(&pain.step);
                        }
                        SortColumn::Text => {
                            clicked |= ui
                                .add(Button::selectable(is_selected, pain.text.as_str()).wrap())
                                .clicked();
                        }
                        SortColumn::Severity => severity_cell_ui(ui, lang, &theme, pain.severity),
                        SortColumn::Votes => {
                            ui.label(pain.votes.to_string());
                        }
                        SortColumn::Score => {
                            ui.label(pain.score.to_string());
                        }
                        SortColumn::Evidence => list_cell_ui(ui, lang, &pain.evidence, false),
                        SortColumn::Opportunities => {
                            list_cell_ui(ui, lang, &pain.opportunities, true);
                        }
                        SortColumn::Status => {
                            status_cell_ui(ui, lang, map, review_row, commands);
                        }
                        SortColumn::Owner => {
                            ui.label(&pain.owner);
                        }
                    });
                }
                if clicked || row.response().clicked() {
                    action = Some(ReviewAction::Select(review_row.card.clone()));
                }
            });
        });
    if let Some(column) = clicked_header {
        state.sort_by(column);
    }
    action
}

/// A coloured dot like the canvas's severity badge, then "4 · Severe".
fn severity_cell_ui(ui: &mut Ui, lang: Lang, theme: &Theme, severity: u8) {
    let radius = 6.0;
    let (rect, _) = ui.allocate_exact_size(vec2(2.0 * radius, 2.0 * radius), Sense::hover());
    ui.painter()
        .circle_filled(rect.center(), radius, theme.severity(severity));
    ui.label(format!("{severity} · {}", tr(lang, severity_key(severity))));
}

/// A count, with every item in the tooltip; with `first`, the first item's text after it.
fn list_cell_ui(ui: &mut Ui, lang: Lang, items: &[String], first: bool) {
    let Some(head) = items.first() else {
        ui.label(RichText::new(tr(lang, "review-none")).weak());
        return;
    };
    let text = if first {
        format!("{} · {head}", items.len())
    } else {
        items.len().to_string()
    };
    let tooltip = items
        .iter()
        .map(|i| format!("• {i}"))
        .collect::<Vec<_>>()
        .join("\n");
    ui.label(text).on_hover_text(tooltip);
}

/// The status picker of one row; a change replaces the card with the new status.
fn status_cell_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    row: &ReviewRow,
    commands: &mut Vec<EditCommand>,
) {
    let mut status = row.pain.status;
    let card_name: String = if row.pain.text.chars().count() > CARD_NAME_CHARS {
        let cut: String = row.pain.text.chars().take(CARD_NAME_CHARS).collect();
        format!("{}…", cut.trim_end())
    } else {
        row.pain.text.clone()
    };
    ComboBox::from_id_salt(("review-row-status", &row.card))
        .selected_text(tr(lang, status_key(status)))
        .width(ui.available_width() - ui.spacing().item_spacing.x)
        .show_ui(ui, |ui| {
            for s in STATUSES {
                ui.selectable_value(&mut status, s, tr(lang, status_key(s)));
            }
        })
        .response
        .accessible_name(tr_args(
            lang,
            "review-status-of",
            &[("card", card_name.into())],
        ));
    if status != row.pain.status
        && let Some(card) = map.card(&row.card)
    {
        let mut card = card.clone();
        if let Some(pain) = card.pain.as_mut() {
            pain.status = status;
            commands.push(EditCommand::SetCard(card));
        }
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::edit::Document;
    use crate::model::{Card, Evidence, Lane, LaneKind, PainPoint, Stage, Step};

    fn sample() -> JourneyMap {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/may-ep-trai-cay.ron");
        crate::file::load(&path).expect("the sample loads").map
    }

    fn id(s: &str) -> Id {
        Id::new(s)
    }

    /// A map with two stages of two steps and six pain points, built to exercise ties,
    /// Vietnamese text and every filter.
    fn tricky_map() -> JourneyMap {
        let mut map = JourneyMap::new("x");
        for (s, name, steps) in [("s1", "Cân nhắc", ["a", "b"]), ("s2", "Mua", ["c", "d"])] {
            map.stages.push(Stage {
                id: id(s),
                name: name.into(),
                color: None,
                steps: steps
                    .iter()
                    .map(|st| Step {
                        id: id(st),
                        name: format!("bước {st}"),
                    })
                    .collect(),
            });
        }
        map.lanes.push(Lane {
            id: id("l"),
            name: "Điểm đau".into(),
            kind: LaneKind::PainPoints,
        });
        // (id, step, text, severity, votes, status, owner, evidence count)
        let pains = [
            ("p1", "c", "đặt hàng lỗi", 3, 2, PainStatus::Open, "Bình", 1),
            ("p2", "a", "Giá cao", 5, 1, PainStatus::Fixed, "an", 0),
            ("p3", "b", "dễ hiểu", 2, 3, PainStatus::InProgress, "Ân", 2),
            ("p4", "a", "Ăn khách", 3, 2, PainStatus::Open, "", 0),
            ("p5", "d", "ba", 1, 6, PainStatus::Open, "bình", 1),
            ("p6", "b", "Da", 3, 2, PainStatus::Open, "An", 0),
        ];
        for (card_id, step, text, severity, votes, status, owner, evidence) in pains {
            let mut card = Card::new(id(card_id), id(step), id("l"), text);
            card.pain = Some(PainPoint {
                severity,
                votes,
                evidence: (0..evidence)
                    .map(|i| Evidence::Text(format!("bằng chứng {i}")))
                    .collect(),
                status,
                owner: owner.into(),
                anchor: None,
            });
            map.cards.push(card);
        }
        map
    }

    fn ids(rows: &[ReviewRow]) -> Vec<&str> {
        rows.iter().map(|r| r.card.as_str()).collect()
    }

    fn sorted(column: SortColumn, ascending: bool) -> Vec<String> {
        let state = ReviewState {
            sort: column,
            ascending,
            ..ReviewState::default()
        };
        ids(&visible_rows(&tricky_map(), &state))
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_default_order_is_the_reports() {
        let map = sample();
        let report: Vec<String> = crate::analysis::report::pain_rows(&map)
            .into_iter()
            .map(|r| r.id)
            .collect();
        let shown: Vec<String> = visible_rows(&map, &ReviewState::default())
            .into_iter()
            .map(|r| r.card.to_string())
            .collect();
        assert_eq!(shown, report);
        // The same on the tricky map, with its ties on the score.
        let report: Vec<String> = crate::analysis::report::pain_rows(&tricky_map())
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(sorted(SortColumn::Score, false), report);
    }

    #[test]
    fn every_column_sorts_both_ways_with_ties_in_map_order() {
        use SortColumn as C;
        // Score: 6, 5, 6, 6, 6, 6 — the 6s by severity (p1, p4, p6 at 3; p5 at 1; p3 at 2).
        assert_eq!(
            sorted(C::Score, false),
            ["p1", "p4", "p6", "p3", "p5", "p2"]
        );
        assert_eq!(sorted(C::Score, true), ["p2", "p5", "p3", "p1", "p4", "p6"]);
        // Stage: s1 holds p2, p3, p4, p6; s2 holds p1, p5. Ties keep map order both ways.
        assert_eq!(sorted(C::Stage, true), ["p2", "p3", "p4", "p6", "p1", "p5"]);
        assert_eq!(
            sorted(C::Stage, false),
            ["p1", "p5", "p2", "p3", "p4", "p6"]
        );
        // Step: a (p2, p4), b (p3, p6), c (p1), d (p5).
        assert_eq!(sorted(C::Step, true), ["p2", "p4", "p3", "p6", "p1", "p5"]);
        assert_eq!(sorted(C::Step, false), ["p5", "p1", "p3", "p6", "p2", "p4"]);
        // Vietnamese dictionary order, case ignored: a < ă < b < d < đ.
        assert_eq!(sorted(C::Text, true), ["p4", "p5", "p6", "p3", "p1", "p2"]);
        assert_eq!(sorted(C::Text, false), ["p2", "p1", "p3", "p6", "p5", "p4"]);
        assert_eq!(
            sorted(C::Severity, false),
            ["p2", "p1", "p4", "p6", "p3", "p5"]
        );
        assert_eq!(
            sorted(C::Severity, true),
            ["p5", "p3", "p1", "p4", "p6", "p2"]
        );
        assert_eq!(
            sorted(C::Votes, false),
            ["p5", "p3", "p1", "p4", "p6", "p2"]
        );
        assert_eq!(sorted(C::Votes, true), ["p2", "p1", "p4", "p6", "p3", "p5"]);
        assert_eq!(
            sorted(C::Evidence, false),
            ["p3", "p1", "p5", "p2", "p4", "p6"]
        );
        assert_eq!(
            sorted(C::Evidence, true),
            ["p2", "p4", "p6", "p1", "p5", "p3"]
        );
        // No opportunities at all: every row ties, map order both ways.
        assert_eq!(
            sorted(C::Opportunities, true),
            ["p1", "p2", "p3", "p4", "p5", "p6"]
        );
        assert_eq!(
            sorted(C::Opportunities, false),
            ["p1", "p2", "p3", "p4", "p5", "p6"]
        );
        assert_eq!(
            sorted(C::Status, true),
            ["p1", "p4", "p5", "p6", "p3", "p2"]
        );
        assert_eq!(
            sorted(C::Status, false),
            ["p2", "p3", "p1", "p4", "p5", "p6"]
        );
        // Owners: "" < an < An < Ân < bình < Bình (lower case before upper, a before â).
        assert_eq!(sorted(C::Owner, true), ["p4", "p2", "p6", "p3", "p5", "p1"]);
        assert_eq!(
            sorted(C::Owner, false),
            ["p1", "p5", "p3", "p6", "p2", "p4"]
        );
    }

    #[test]
    fn vietnamese_collates_like_a_dictionary() {
        let mut words = vec![
            "đá", "Da", "dạ", "ăn", "an", "Ân", "bà", "ba", "bả", "bã", "bá", "bạ", "ơi", "ôm",
            "ong", "Zalo", "ưu", "uống",
        ];
        words.sort_by_key(|w| collation_key(w));
        assert_eq!(
            words,
            [
                "an", "ăn", "Ân", "ba", "bà", "bả", "bã", "bá", "bạ", "Da", "dạ", "đá", "ong",
                "ôm", "ơi", "uống", "ưu", "Zalo"
            ]
        );
        // Precomposed and decomposed input agree.
        assert_eq!(
            collation_key("Việt"),
            collation_key(&"Việt".nfd().collect::<String>())
        );
    }

    #[test]
    fn filters_combine() {
        let map = tricky_map();
        let shown = |state: &ReviewState| ids(&visible_rows(&map, state)).join(" ");
        let mut state = ReviewState {
            sort: SortColumn::Stage,
            ascending: true,
            ..ReviewState::default()
        };
        assert_eq!(shown(&state), "p2 p3 p4 p6 p1 p5");
        state.stage = Some(id("s1"));
        assert_eq!(shown(&state), "p2 p3 p4 p6");
        state.min_severity = Some(3);
        assert_eq!(shown(&state), "p2 p4 p6");
        state.status = Some(PainStatus::Open);
        assert_eq!(shown(&state), "p4 p6");
        state.stage = None;
        assert_eq!(shown(&state), "p4 p6 p1");
        // Search ignores case and diacritics, and looks at owners and evidence too.
        state.search = "DAT HANG".into();
        assert_eq!(shown(&state), "p1");
        // Blank search text filters nothing.
        state.search = "  ".into();
        assert_eq!(shown(&state), "p4 p6 p1");
        state.clear_filters();
        assert!(!state.is_filtered());
        state.search = "binh".into();
        assert_eq!(shown(&state), "p1 p5");
        state.search = "bằng chứng 1".into();
        assert_eq!(shown(&state), "p3");
        state.search = "nothing like it".into();
        assert_eq!(shown(&state), "");
    }

    #[test]
    fn every_column_has_its_heading() {
        for lang in Lang::ALL {
            for column in SortColumn::ALL {
                assert_ne!(tr(lang, column.key()), column.key());
            }
        }
    }

    #[test]
    fn a_second_click_reverses_and_numbers_start_with_the_highest() {
        let mut state = ReviewState::default();
        assert_eq!((state.sort, state.ascending), (SortColumn::Score, false));
        state.sort_by(SortColumn::Votes);
        assert_eq!((state.sort, state.ascending), (SortColumn::Votes, false));
        state.sort_by(SortColumn::Votes);
        assert!(state.ascending);
        state.sort_by(SortColumn::Owner);
        assert_eq!((state.sort, state.ascending), (SortColumn::Owner, true));
        state.sort_by(SortColumn::Owner);
        assert!(!state.ascending);
    }

    #[test]
    fn the_export_is_the_table_as_shown() {
        let map = sample();
        let state = ReviewState {
            sort: SortColumn::Votes,
            ascending: true,
            status: Some(PainStatus::Open),
            ..ReviewState::default()
        };
        let csv = export_text(&map, &state, ReviewFormat::Csv);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "\u{feff}rank,id,stage,step,text,severity,votes,score,evidence,opportunities,status,owner"
        );
        // The in-progress c47 is filtered out; the rest by votes, fewest first.
        let ids: Vec<&str> = lines[1..]
            .iter()
            .map(|l| l.split(',').nth(1).unwrap_or_default())
            .collect();
        assert_eq!(ids, ["c49", "c46", "c48"]);
        assert!(lines[1].starts_with("1,c49,"), "{}", lines[1]);
        assert!(csv.contains(",open,Phòng bảo hành"), "{csv}");

        let md = export_text(&map, &state, ReviewFormat::Markdown);
        assert!(
            md.starts_with("| # | Score | Severity | Votes | Stage |"),
            "{md}"
        );
        assert_eq!(md.lines().count(), 2 + 3);
        assert!(
            md.lines()
                .nth(2)
                .is_some_and(|l| l.starts_with("| 1 | 6 | 2 | 3 |")),
            "{md}"
        );
    }

    #[test]
    fn markdown_and_csv_cells_hold_pipes_commas_and_line_breaks() {
        let mut map = tricky_map();
        map.cards[0].text = "a | b, \"c\"\nd".into();
        let state = ReviewState {
            search: "a | b".into(),
            ..ReviewState::default()
        };
        let md = export_text(&map, &state, ReviewFormat::Markdown);
        assert!(md.contains("| a \\| b, \"c\"<br>d |"), "{md}");
        let csv = export_text(&map, &state, ReviewFormat::Csv);
        assert!(csv.contains("\"a | b, \"\"c\"\"\nd\""), "{csv}");
    }

    #[test]
    fn csv_export_has_a_bom_and_no_formulas() {
        let mut map = tricky_map();
        map.cards[0].text = "=HYPERLINK(\"http://evil\",\"click\")".into();
        let state = ReviewState {
            search: "HYPERLINK".into(),
            ..ReviewState::default()
        };
        let csv = export_text(&map, &state, ReviewFormat::Csv);
        assert!(csv.starts_with("\u{feff}rank,"), "{csv}");
        assert!(
            csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\","),
            "{csv}"
        );
    }

    // -----------------------------------------------------------------------------------------
    // The panel

    /// The harness state: what the app would hold around the panel.
    struct Host {
        map: JourneyMap,
        state: ReviewState,
        selected: Vec<Id>,
        commands: Vec<EditCommand>,
        actions: Vec<ReviewAction>,
    }

    /// The panel in a wide window. Commands are applied to the map after each frame and a
    /// Select action selects the card, as the app does.
    fn harness(lang: Lang, map: JourneyMap) -> Harness<'static, Host> {
        Harness::builder()
            .with_size([1400.0, 700.0])
            .with_context_setup(crate::ui::fonts::install)
            .build_ui_state(
                move |ui, host: &mut Host| {
                    let before = host.commands.len();
                    let action = review_ui(
                        ui,
                        lang,
                        &host.map,
                        &mut host.state,
                        &host.selected,
                        &mut host.commands,
                    );
                    let mut document = Document::new(host.map.clone(), true);
                    for command in &host.commands[before..] {
                        document
                            .apply(command.clone())
                            .expect("the command applies");
                    }
                    host.map = document.map().clone();
                    if let Some(action) = action {
                        if let ReviewAction::Select(card) = &action {
                            host.selected = vec![card.clone()];
                        }
                        host.actions.push(action);
                    }
                },
                Host {
                    map,
                    state: ReviewState::default(),
                    selected: Vec::new(),
                    commands: Vec::new(),
                    actions: Vec::new(),
                },
            )
    }

    /// The card ids of the rows, top to bottom, found by their text on screen.
    fn rows_on_screen(harness: &Harness<'static, Host>) -> Vec<String> {
        let map = &harness.state().map;
        let mut found: Vec<(f32, String)> = map
            .pain_points()
            .filter_map(|(card, _)| {
                harness
                    .query_by_label(&card.text)
                    .map(|node| (node.rect().top(), card.id.to_string()))
            })
            .collect();
        found.sort_by(|a, b| a.0.total_cmp(&b.0));
        found.into_iter().map(|(_, id)| id).collect()
    }

    #[test]
    fn clicking_the_votes_header_sorts_by_votes() {
        let mut harness = harness(Lang::En, sample());
        harness.run();
        // Default: severity × votes, highest first (32, 18, 15, 6).
        assert_eq!(rows_on_screen(&harness), ["c47", "c48", "c46", "c49"]);
        assert!(harness.query_by_label("Score ▼").is_some());

        harness.get_by_label("Votes").click();
        harness.run();
        assert_eq!(rows_on_screen(&harness), ["c47", "c48", "c46", "c49"]);
        harness.get_by_label("Votes ▼").click();
        harness.run();
        assert_eq!(rows_on_screen(&harness), ["c49", "c46", "c48", "c47"]);
        assert!(harness.query_by_label("Votes ▲").is_some());
        assert!(harness.query_by_label("Score").is_some());

        harness.get_by_label("Owner").click();
        harness.run();
        // Phòng bảo hành, Trưởng nhóm CSKH, … marketing, … nội dung.
        assert_eq!(rows_on_screen(&harness), ["c48", "c47", "c49", "c46"]);
    }

    #[test]
    fn a_status_filter_hides_the_other_rows() {
        let mut harness = harness(Lang::En, sample());
        harness.run();
        assert!(harness.query_by_label("4 of 4 pain points").is_some());
        harness.get_by_label("Filter by status").click();
        harness.run();
        harness.get_by_label("In progress").click();
        harness.run();
        assert_eq!(rows_on_screen(&harness), ["c47"]);
        assert!(harness.query_by_label("1 of 4 pain points").is_some());
        assert_eq!(harness.state().state.status, Some(PainStatus::InProgress));

        harness.get_by_label("Filter by status").click();
        harness.run();
        harness.get_by_label("Fixed").click();
        harness.run();
        assert!(rows_on_screen(&harness).is_empty());
        harness.get_by_label("Clear filters").click();
        harness.run();
        assert_eq!(rows_on_screen(&harness).len(), 4);
    }

    #[test]
    fn clicking_a_row_selects_its_card() {
        let mut harness = harness(Lang::Vi, sample());
        harness.run();
        let text = harness
            .state()
            .map
            .card(&id("c46"))
            .map(|c| c.text.clone())
            .unwrap_or_default();
        harness.get_by_label(&text).click();
        harness.run();
        assert_eq!(harness.state().actions, [ReviewAction::Select(id("c46"))]);
        assert_eq!(harness.state().selected, [id("c46")]);

        // Anywhere on the row: the owner cell of c48.
        harness.get_by_label("Phòng bảo hành").click();
        harness.run();
        assert_eq!(
            harness.state().actions.last(),
            Some(&ReviewAction::Select(id("c48")))
        );
    }

    #[test]
    fn the_status_is_changed_in_the_table() {
        let mut harness = harness(Lang::En, sample());
        harness.run();
        harness
            .get_by_label_contains("Status of “Không có bảng so sánh")
            .click();
        harness.run();
        harness.get_by_label("Fixed").click();
        harness.run();
        let (map, commands) = (&harness.state().map, &harness.state().commands);
        assert!(
            commands.iter().any(|c| matches!(
                c,
                EditCommand::SetCard(card) if card.id == id("c46")
                    && card.pain.as_ref().is_some_and(|p| p.status == PainStatus::Fixed)
            )),
            "{commands:#?}"
        );
        assert_eq!(
            map.card(&id("c46"))
                .and_then(|c| c.pain.as_ref())
                .map(|p| p.status),
            Some(PainStatus::Fixed)
        );
        // Nothing else about the card changed.
        assert_eq!(commands.len(), 1);
    }

    #[test]
    fn the_export_buttons_ask_the_app() {
        let mut harness = harness(Lang::Vi, sample());
        harness.run();
        harness.get_by_label("Xuất CSV…").click();
        harness.run();
        harness.get_by_label("Xuất Markdown…").click();
        harness.run();
        assert_eq!(
            harness.state().actions,
            [
                ReviewAction::Export(ReviewFormat::Csv),
                ReviewAction::Export(ReviewFormat::Markdown)
            ]
        );
    }

    #[test]
    fn an_empty_map_says_how_to_add_pain_points() {
        for lang in Lang::ALL {
            let mut map = sample();
            for card in &mut map.cards {
                card.pain = None;
            }
            let mut harness = harness(lang, map);
            harness.run();
            assert!(
                harness
                    .query_by_label_contains(&tr(lang, "review-empty"))
                    .is_some()
            );
        }
    }

    #[test]
    fn the_table_lays_out_in_both_languages_and_themes() {
        for lang in Lang::ALL {
            for dark in [false, true] {
                let mut harness = harness(lang, sample());
                harness.ctx.set_theme(if dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
                harness.state_mut().selected = vec![id("c48")];
                harness.run();
                harness.get_by_label(&tr(lang, "review-col-votes")).click();
                harness.run();
                harness
                    .get_by_label(&format!("{} ▼", tr(lang, "review-col-votes")))
                    .click();
                harness.run();
                assert_eq!(rows_on_screen(&harness).len(), 4);
            }
        }
    }
}
