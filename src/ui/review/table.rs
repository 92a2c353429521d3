//! The pain-point review panel: every pain point of the map in one table that a product owner
//! can sort by any column, filter by stage, severity, status and text, triage (change the
//! status in place) and export as shown.
//!
//! The rows, their sorting, filtering and export are [`crate::analysis::review`]'s, built on
//! [`crate::analysis::report`]'s rows, so the table says exactly what `journeymap report` says;
//! this panel only draws their result. Its state ([`ReviewState`]) is view state: it is never
//! saved in the document, and a status change goes out as an [`EditCommand`] like any other
//! edit.

use egui::{
    Align, Button, ComboBox, Label, Layout, RichText, ScrollArea, Sense, TextEdit, TextWrapMode,
    Ui, vec2,
};
use egui_extras::{Column, TableBuilder};

use crate::analysis::review::{ReviewRow, STATUSES, SortColumn, all_rows, filter_and_sort};
// The app reaches the review's state and export through this panel.
pub use crate::analysis::review::{ReviewFormat, ReviewState, export_text};
use crate::edit::EditCommand;
use crate::model::{Id, JourneyMap, PainStatus, SEVERITY_MAX, SEVERITY_MIN};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::labels::{severity_key, status_key};
use crate::ui::kit::theme::Theme;

/// How many characters of a pain point name it in a status picker's accessible name.
const CARD_NAME_CHARS: usize = 40;

/// How a column of the table looks: its heading's message key and its width.
impl SortColumn {
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

    /// The table column: its starting width. Every column can be resized (egui keeps the
    /// widths in its memory under the table's id, which eframe saves between runs); text
    /// that does not fit is cut with "…" and shown whole on hover. The starting widths fit
    /// every heading on at most two lines, with its sort arrow, in both languages, and all
    /// the columns in a 1280-point window.
    fn column(self) -> Column {
        let width = match self {
            Self::Text => return Column::remainder().at_least(200.0).clip(true),
            Self::Stage | Self::Evidence => 90.0,
            Self::Step => 100.0,
            Self::Status => 110.0,
            // "4 · Nghiêm trọng".
            Self::Severity => 135.0,
            // "Phiếu bầu ▼" on one line.
            Self::Votes => 95.0,
            Self::Score => 65.0,
            Self::Opportunities => 130.0,
            // "Trưởng nhóm marketing".
            Self::Owner => 165.0,
        };
        Column::initial(width).at_least(48.0).clip(true)
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
    review_panel_ui(ui, lang, map, state, selected, commands, true)
}

/// The review panel as [`review_ui`] draws it, with its heading only when `heading` (the
/// dock's tab names it when the matrix shares the dock).
pub fn review_panel_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    state: &mut ReviewState,
    selected: &[Id],
    commands: &mut Vec<EditCommand>,
    heading: bool,
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
        if heading {
            ui.heading(tr(lang, "review-title"));
        }
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
    // The card last scrolled to is the widget's memory, not part of the review's state.
    let followed_id = egui::Id::unique("journeymap-review-followed");
    let first_selected = selected.first().cloned();
    let followed = ui.data(|d| d.get_temp::<Option<Id>>(followed_id)).flatten();
    let scroll_to = if first_selected == followed {
        None
    } else {
        ui.data_mut(|d| d.insert_temp(followed_id, first_selected.clone()));
        first_selected.and_then(|id| rows.iter().position(|r| r.card == id))
    };

    // Headings may take two lines, so that narrow columns still show them whole.
    let header_height = 2.0 * ui.text_style_height(&egui::TextStyle::Button)
        + 2.0 * ui.spacing().button_padding.y
        + 4.0;
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
                    let heading = heading_galley(ui, text.clone());
                    if heading.elided {
                        hint = format!("{text}\n{hint}");
                    }
                    let response = ui
                        .add(Button::selectable(sorted, heading))
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
                            ui.add(Label::new(&pain.stage).truncate());
                        }
                        SortColumn::Step => {
                            ui.add(Label::new(&pain.step).truncate());
                        }
                        SortColumn::Text => {
                            clicked |= ui
                                .add(Button::selectable(is_selected, pain.text.as_str()).wrap())
                                .clicked();
                        }
                        SortColumn::Severity => severity_cell_ui(ui, lang, &theme, pain.severity),
                        SortColumn::Votes => {
                            ui.add(Label::new(pain.votes.to_string()).truncate());
                        }
                        SortColumn::Score => {
                            ui.add(Label::new(pain.score.to_string()).truncate());
                        }
                        SortColumn::Evidence => list_cell_ui(ui, lang, &pain.evidence, false),
                        SortColumn::Opportunities => {
                            list_cell_ui(ui, lang, &pain.opportunities, true);
                        }
                        SortColumn::Status => {
                            status_cell_ui(ui, lang, map, review_row, commands);
                        }
                        SortColumn::Owner => {
                            ui.add(Label::new(&pain.owner).truncate());
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

/// A column's heading in the strong button text, wrapped to the column's width on at most two
/// lines and cut with "…" after them.
fn heading_galley(ui: &Ui, text: String) -> std::sync::Arc<egui::Galley> {
    let width = (ui.available_width() - 2.0 * ui.spacing().button_padding.x).max(1.0);
    let font = egui::TextStyle::Button.resolve(ui.style());
    let mut job =
        egui::text::LayoutJob::simple(text, font, ui.visuals().strong_text_color(), width);
    job.wrap = egui::text::TextWrapping {
        max_width: width,
        max_rows: 2,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}

/// A coloured dot like the canvas's severity badge, then "4 · Severe".
fn severity_cell_ui(ui: &mut Ui, lang: Lang, theme: &Theme, severity: u8) {
    let radius = 6.0;
    let (rect, _) = ui.allocate_exact_size(vec2(2.0 * radius, 2.0 * radius), Sense::hover());
    ui.painter()
        .circle_filled(rect.center(), radius, theme.severity(severity));
    ui.add(Label::new(format!("{severity} · {}", tr(lang, severity_key(severity)))).truncate());
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
    // The tooltip lists every item, the cut one included.
    ui.add(Label::new(text).truncate().show_tooltip_when_elided(false))
        .on_hover_text(tooltip);
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
    use crate::ui::kit::testing::{harness_builder, id, sample};

    #[test]
    fn every_column_has_its_heading() {
        for lang in Lang::ALL {
            for column in SortColumn::ALL {
                assert_ne!(tr(lang, column.key()), column.key());
            }
        }
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
        // Dark: kittest's own default, which this harness has always used.
        harness_builder([1400.0, 700.0], egui::Theme::Dark).build_ui_state(
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
