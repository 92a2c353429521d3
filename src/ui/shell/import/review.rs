//! The review step's widgets: what the read found (rows read and skipped with their reasons,
//! values ignored, touchpoints matched) and, for each touchpoint of the data that matches no
//! card, a drop-down to assign it to a card, ignore it or leave it.

use egui::{Align, Layout, RichText, Ui};

use super::Action;
use super::model::{Change, Decision, Review, card_choices};
use super::ui::heading_ui_for;
use crate::import::{Skip, SkipCount};
use crate::model::JourneyMap;
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::labels::count_text;
use crate::ui::kit::theme::Theme;

/// How many skipped lines are listed under the counts.
const FIRST_LINES: usize = 5;

/// A skip reason in the UI's language.
fn reason_text(lang: Lang, skip: &Skip) -> String {
    let args: Vec<(
        &'static str,
        fluent_templates::fluent_bundle::FluentValue<'static>,
    )> = skip
        .reason
        .args()
        .into_iter()
        .map(|(k, v)| (k, v.into()))
        .collect();
    tr_args(lang, skip.reason.key(), &args)
}

/// The reason of a count, told with the first kept row of that reason (which holds its
/// values); without one, with its column alone.
fn count_reason(lang: Lang, count: &SkipCount, kept: &[Skip]) -> String {
    kept.iter()
        .find(|s| s.reason.key() == count.key && s.reason.column() == count.column.as_deref())
        .map_or_else(
            || {
                let column = count.column.clone().unwrap_or_default();
                tr_args(
                    lang,
                    count.key,
                    &[
                        ("column", column.into()),
                        ("value", "…".into()),
                        ("found", "…".into()),
                        ("expected", "…".into()),
                        ("range", "…".into()),
                    ],
                )
            },
            |skip| reason_text(lang, skip),
        )
}

/// The review step; returns what its buttons asked for.
pub(super) fn review_ui(
    ui: &mut Ui,
    lang: Lang,
    review: &Review,
    map: &JourneyMap,
    changes: &mut Vec<Change>,
) -> Option<Action> {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let imported = &review.imported;
    heading_ui_for(ui, lang, &imported.snapshot.source.file_name);
    let source = &imported.summary.source;
    let skips = &imported.summary.skips;
    let height = (ui.ctx().content_rect().height() * 0.62).clamp(160.0, 640.0);
    egui::ScrollArea::vertical()
        .id_salt("import-review")
        .max_height(height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.label(tr_args(
                lang,
                "import-dialog-rows",
                &[
                    ("rows", count_text(lang, source.rows_read).into()),
                    ("file", source.file_name.clone().into()),
                    ("skipped", count_text(lang, skips.total).into()),
                ],
            ));
            for count in &skips.counts {
                let text = tr_args(
                    lang,
                    "import-dialog-skipped",
                    &[
                        ("count", count_text(lang, count.count).into()),
                        ("line", count.first_line.into()),
                        ("reason", count_reason(lang, count, &skips.kept).into()),
                    ],
                );
                ui.label(RichText::new(format!("• {text}")).color(theme.warning_text));
            }
            if !skips.kept.is_empty() {
                ui.collapsing(tr(lang, "import-dialog-first-lines"), |ui| {
                    for skip in skips.kept.iter().take(FIRST_LINES) {
                        ui.label(
                            RichText::new(tr_args(
                                lang,
                                "import-dialog-skip-line",
                                &[
                                    ("line", skip.line.into()),
                                    ("reason", reason_text(lang, skip).into()),
                                ],
                            ))
                            .small(),
                        );
                    }
                });
            }
            let ignored = &skips.ignored;
            for count in &ignored.counts {
                let text = tr_args(
                    lang,
                    "import-dialog-ignored",
                    &[
                        ("count", count_text(lang, count.count).into()),
                        ("line", count.first_line.into()),
                        ("reason", count_reason(lang, count, &ignored.kept).into()),
                    ],
                );
                ui.label(RichText::new(format!("• {text}")).color(theme.warning_text));
            }
            ui.add_space(8.0);
            let total = review.imported.snapshot.touchpoints.len();
            ui.label(
                RichText::new(tr_args(
                    lang,
                    "import-dialog-matched",
                    &[
                        ("matched", review.matched_count().into()),
                        ("total", total.into()),
                    ],
                ))
                .strong(),
            );
            if review.decisions.is_empty() {
                ui.label(tr(lang, "import-dialog-all-matched"));
            } else {
                ui.label(tr(lang, "import-dialog-unmatched"));
                ui.add_space(4.0);
                unmatched_ui(ui, lang, review, map, changes);
            }
        });
    ui.add_space(8.0);
    let mut action = None;
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        let apply = egui::Button::new(
            RichText::new(tr(lang, "import-dialog-apply"))
                .color(ui.visuals().selection.stroke.color),
        )
        .fill(ui.visuals().selection.bg_fill);
        if ui.add(apply).clicked() {
            action = Some(Action::Apply);
        }
        if ui.button(tr(lang, "import-dialog-close")).clicked() {
            action = Some(Action::Close);
        }
        if ui.button(tr(lang, "import-dialog-back")).clicked() {
            action = Some(Action::Back);
        }
    });
    action
}

/// A row per unmatched value: the value as in the data, and what to do with it.
fn unmatched_ui(
    ui: &mut Ui,
    lang: Lang,
    review: &Review,
    map: &JourneyMap,
    changes: &mut Vec<Change>,
) {
    let cards = card_choices(map);
    let leave = tr(lang, "import-dialog-leave");
    let ignore = tr(lang, "import-dialog-ignore");
    egui::Grid::new("import-unmatched")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (value, decision) in &review.decisions {
                let label = ui.label(RichText::new(value).strong());
                let shown = match decision {
                    Decision::Leave => leave.clone(),
                    Decision::Ignore => ignore.clone(),
                    Decision::Card(id) => cards
                        .iter()
                        .find(|(c, _)| c == id)
                        .map_or_else(|| id.as_str().to_owned(), |(_, text)| text.clone()),
                };
                egui::ComboBox::from_id_salt(("import-assign", value))
                    .selected_text(shown)
                    .width(360.0)
                    .height(320.0)
                    .show_ui(ui, |ui| {
                        let mut choose = |ui: &mut Ui, chosen: bool, text: &str, d: Decision| {
                            if ui.selectable_label(chosen, text).clicked() {
                                changes.push(Change::Decide(value.clone(), d));
                            }
                        };
                        choose(ui, *decision == Decision::Leave, &leave, Decision::Leave);
                        choose(ui, *decision == Decision::Ignore, &ignore, Decision::Ignore);
                        ui.separator();
                        for (id, text) in &cards {
                            let chosen = matches!(decision, Decision::Card(c) if c == id);
                            choose(ui, chosen, text, Decision::Card(id.clone()));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
}
