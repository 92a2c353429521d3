//! The customer-data view of the review dock: the stage funnel, the touchpoints' monthly
//! trends and the list of imports (with their aliases and ignored values), side by side under
//! the map. Read-only but for deleting an import (after a confirmation, undoable) and removing
//! an alias or an ignored value.
//!
//! What it shows is computed in [`crate::analysis::data_view`] and
//! [`crate::analysis::overlay`]; the view state (the metric and the touchpoints of the trend
//! chart, a deletion being confirmed) lives in egui's memory, never in the document.

use egui::{Align, Label, Layout, RichText, ScrollArea, Ui};
use egui_extras::{Size, StripBuilder};

use crate::analysis::data_view::size_text;
use crate::analysis::overlay::format_value;
use crate::edit::EditCommand;
use crate::model::{Id, JourneyMap, MetricKind, MetricSnapshot};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::labels::card_name;
use crate::ui::kit::labels::count_text;
use crate::ui::kit::theme::Theme;
use crate::ui::kit::widgets::remove_button_ui;

use super::trends::DataViewState;

/// Narrowest the imports column gets, in points.
const IMPORTS_MIN_WIDTH: f32 = 250.0;

/// The customer-data view: the empty state without data; else a summary line, then the
/// funnel, the trends and the imports side by side. `selected` are the cards selected on the
/// map: selecting a touchpoint with numbers shows its trend. Deleting an import or removing an
/// alias pushes its command to `commands`.
pub fn data_panel_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    selected: &[Id],
    commands: &mut Vec<EditCommand>,
) {
    let id = egui::Id::unique("journeymap-data-view");
    let mut state: DataViewState = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    if state.seen_selection != selected {
        state.seen_selection = selected.to_vec();
        // A new selection is followed: the picked touchpoints give way to the default ones,
        // which start with the selected touchpoint.
        if !selected.is_empty() {
            state.picked = None;
        }
    }
    match map.metrics.latest() {
        None => empty_state_ui(ui, lang),
        Some(latest) => {
            summary_ui(ui, lang, latest);
            let height = ui.available_height();
            StripBuilder::new(ui)
                // Nothing in a column may push the next one aside.
                .clip(true)
                .size(Size::relative(0.36).at_least(280.0))
                .size(Size::remainder().at_least(320.0))
                .size(Size::relative(0.24).at_least(IMPORTS_MIN_WIDTH))
                .horizontal(|mut strip| {
                    strip.cell(|ui| {
                        ui.set_min_height(height);
                        super::funnel::funnel_ui(ui, lang, map);
                    });
                    strip.cell(|ui| {
                        ui.set_min_height(height);
                        super::trends::trends_ui(ui, lang, map, selected, &mut state);
                    });
                    strip.cell(|ui| {
                        imports_ui(ui, lang, map, &mut state, commands);
                    });
                });
        }
    }
    confirm_delete_ui(ui.ctx(), lang, map, &mut state, commands);
    ui.data_mut(|d| d.insert_temp(id, state));
}

/// Without data: what the view will show and how to get there.
fn empty_state_ui(ui: &mut Ui, lang: Lang) {
    ui.add_space(8.0);
    ui.label(RichText::new(tr(lang, "data-empty-title")).strong());
    ui.add(Label::new(tr(lang, "data-empty-body")).wrap());
    ui.add(Label::new(RichText::new(tr(lang, "data-empty-how")).weak()).wrap());
}

/// One line over the charts: the latest import, its customers and the overall conversion.
fn summary_ui(ui: &mut Ui, lang: Lang, latest: &MetricSnapshot) {
    let comma = lang.decimal_comma();
    let overall = latest.overall.conversion_rate.map_or_else(
        || tr(lang, "data-no-value"),
        |rate| format_value(MetricKind::ConversionRate, rate, comma),
    );
    let text = tr_args(
        lang,
        "data-summary",
        &[
            ("file", latest.source.file_name.clone().into()),
            ("date", latest.source.imported.clone().into()),
            (
                "customers",
                format_value(
                    MetricKind::Customers,
                    latest.overall.get(MetricKind::Customers).unwrap_or(0.0),
                    comma,
                )
                .into(),
            ),
            ("overall", overall.into()),
        ],
    );
    ui.add(Label::new(text).wrap());
    ui.add_space(2.0);
}

/// The imports, newest first, each with its file, size, date, rows and a Delete button; then
/// the aliases and the ignored values, each with a remove button.
fn imports_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    state: &mut DataViewState,
    commands: &mut Vec<EditCommand>,
) {
    let comma = lang.decimal_comma();
    let metrics = &map.metrics;
    ui.label(
        RichText::new(tr_args(
            lang,
            "data-imports",
            &[("count", metrics.snapshots.len().into())],
        ))
        .strong(),
    );
    ScrollArea::vertical()
        .id_salt("data-imports")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, snapshot) in metrics.snapshots.iter().enumerate().rev() {
                let source = &snapshot.source;
                ui.push_id(index, |ui| {
                    ui.separator();
                    ui.with_layout(Layout::right_to_left(Align::TOP), |ui| {
                        let name = tr_args(
                            lang,
                            "data-delete-import-named",
                            &[
                                ("file", source.file_name.clone().into()),
                                ("date", source.imported.clone().into()),
                            ],
                        );
                        if ui
                            .button(tr(lang, "data-delete-import"))
                            .accessible_name(name)
                            .clicked()
                        {
                            state.confirm_delete = Some(index);
                        }
                        ui.with_layout(Layout::top_down(Align::Min), |ui| {
                            ui.add(Label::new(RichText::new(&source.file_name).strong()).wrap());
                            ui.add(
                                Label::new(
                                    RichText::new(tr_args(
                                        lang,
                                        "data-import-when",
                                        &[
                                            ("size", size_text(source.size, comma).into()),
                                            ("date", source.imported.clone().into()),
                                        ],
                                    ))
                                    .weak(),
                                )
                                .wrap(),
                            );
                            ui.add(
                                Label::new(
                                    RichText::new(tr_args(
                                        lang,
                                        "data-import-rows",
                                        &[
                                            ("read", count_text(lang, source.rows_read).into()),
                                            (
                                                "skipped",
                                                count_text(lang, source.rows_skipped).into(),
                                            ),
                                        ],
                                    ))
                                    .weak(),
                                )
                                .wrap(),
                            );
                        });
                    });
                });
            }
            if !metrics.aliases.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(tr(lang, "data-aliases")).strong());
                for (value, card) in &metrics.aliases {
                    let card_text = map
                        .card(card)
                        .map_or_else(|| card.to_string(), |c| card_name(lang, c));
                    ui.push_id(("alias", value), |ui| {
                        ui.with_layout(Layout::right_to_left(Align::TOP), |ui| {
                            let name = tr_args(
                                lang,
                                "data-remove-alias",
                                &[("value", value.clone().into())],
                            );
                            if remove_button_ui(ui, &name).clicked() {
                                commands.push(EditCommand::RemoveAlias {
                                    value: value.clone(),
                                });
                            }
                            ui.with_layout(Layout::top_down(Align::Min), |ui| {
                                ui.add(Label::new(format!("“{value}” → {card_text}")).wrap());
                            });
                        });
                    });
                }
            }
            if !metrics.ignored.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(tr(lang, "data-ignored")).strong());
                for value in &metrics.ignored {
                    ui.push_id(("ignored", value), |ui| {
                        ui.with_layout(Layout::right_to_left(Align::TOP), |ui| {
                            let name =
                                tr_args(lang, "data-unignore", &[("value", value.clone().into())]);
                            if remove_button_ui(ui, &name).clicked() {
                                commands.push(EditCommand::SetIgnored {
                                    value: value.clone(),
                                    ignored: false,
                                });
                            }
                            ui.with_layout(Layout::top_down(Align::Min), |ui| {
                                ui.add(Label::new(format!("“{value}”")).wrap());
                            });
                        });
                    });
                }
            }
        });
}

/// The question before an import is deleted, in the style of the app's prompts: its numbers
/// leave the map and the raw rows were never kept, so only Undo brings them back.
fn confirm_delete_ui(
    ctx: &egui::Context,
    lang: Lang,
    map: &JourneyMap,
    state: &mut DataViewState,
    commands: &mut Vec<EditCommand>,
) {
    let Some(index) = state.confirm_delete else {
        return;
    };
    let Some(snapshot) = map.metrics.snapshots.get(index) else {
        state.confirm_delete = None;
        return;
    };
    let theme = Theme::for_dark_mode(ctx.global_style().visuals.dark_mode);
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("journeymap-delete-import")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading(tr(lang, "data-delete-title"));
        ui.label(tr_args(
            lang,
            "data-delete-body",
            &[
                ("file", snapshot.source.file_name.clone().into()),
                ("date", snapshot.source.imported.clone().into()),
            ],
        ));
        if map.metrics.snapshots.len() == 1 {
            ui.label(RichText::new(tr(lang, "data-delete-last")).color(theme.warning_text));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "data-delete-confirm")).clicked() {
                answer = Some(true);
            }
            if ui.button(tr(lang, "unsaved-cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    match answer {
        Some(true) => {
            commands.push(EditCommand::DeleteMetricSnapshot { index });
            state.confirm_delete = None;
        }
        Some(false) => state.confirm_delete = None,
        None => {}
    }
}
