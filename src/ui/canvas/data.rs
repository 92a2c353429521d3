//! The customer data under the pointer: a badge's tooltip (metric, value, the previous import's
//! value and date, target), a flag's reason and its one-click "add pain point" (or, once the
//! pain point exists, a click that selects it), the same in the card's menu, and the measured
//! curve's points and divergent steps with their numbers.

use egui::{Rect, Role, Sense, Ui, WidgetInfo, vec2};

use crate::analysis::overlay::{
    self, Flag, Reading, flag_reason, format_change, format_value, pain_from_metric,
    previous_import_date,
};
use crate::edit::make::add_pain_from_metric;
use crate::layout::data::CardDataBox;
use crate::model::{Card, JourneyMap};
use crate::ui::canvas::{EditorOutput, EditorState, Frame};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::labels::{card_name, flag_pain_text, metric_key};
use crate::ui::kit::theme::size;

/// Badges, flags and the measured curve under the pointer.
pub(super) fn data_interaction(
    ui: &mut Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    out: &mut EditorOutput,
) {
    // Too small to read, the badges and flags are not drawn (level of detail).
    if crate::ui::canvas::paint::lod::text_as_bars(f.metrics.card_font_size, state.view.zoom) {
        return;
    }
    let to_screen = f.to_screen(&state.view);
    let visible = to_screen.inverse() * f.canvas;
    for card_box in f.layout.cards_in(visible) {
        let (Some(data), Some(card)) = (&card_box.data, f.map.cards.get(card_box.card_index))
        else {
            continue;
        };
        let readings = overlay::card_readings(f.map, &card.id);
        for (metric, rect) in &data.badges {
            let Some(reading) = readings.iter().find(|r| r.metric == *metric) else {
                continue;
            };
            let rect = (to_screen * *rect).intersect(f.canvas);
            let id = ui.scope_id().with(("badge", &card.id, *metric));
            let response = ui.interact(rect, id, Sense::hover());
            response.widget_info(|| {
                WidgetInfo::labeled(Role::Label, true, badge_label(f.lang, card, reading))
            });
            response.on_hover_ui(|ui| {
                badge_tooltip_ui(ui, f.lang, f.map, reading);
                if let Some(flag) = flag_of(f.map, card, reading) {
                    ui.label(format!("⚑ {}", flag_reason_text(f.lang, f.map, &flag)));
                }
            });
        }
        for (metric, row) in &data.flags {
            let Some(reading) = readings.iter().find(|r| r.metric == *metric) else {
                continue;
            };
            let Some(flag) = flag_of(f.map, card, reading) else {
                continue;
            };
            let reason = flag_reason_text(f.lang, f.map, &flag);
            let row_rect = (to_screen * *row).intersect(f.canvas);
            let id = ui.scope_id().with(("flag", &card.id, *metric));
            let response = ui.interact(row_rect, id, Sense::hover());
            response.widget_info(|| WidgetInfo::labeled(Role::Label, true, reason.clone()));
            response.on_hover_text(&reason);
            let button = (to_screen * CardDataBox::flag_button(*row)).intersect(f.canvas);
            let id = ui.scope_id().with(("flag-button", &card.id, *metric));
            let response = ui.interact(button, id, Sense::click());
            let existing = pain_from_metric(f.map, &card.id, *metric).map(|c| c.id.clone());
            let args = [
                ("card", card_name(f.lang, card).into()),
                ("metric", tr(f.lang, metric_key(*metric)).into()),
            ];
            let (label, tip) = if existing.is_some() {
                (
                    tr_args(f.lang, "flag-pain-exists-label", &args),
                    tr(f.lang, "flag-pain-exists"),
                )
            } else {
                (
                    tr_args(f.lang, "flag-add-pain-label", &args),
                    tr(f.lang, "flag-add-pain"),
                )
            };
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, label.clone()));
            let response = response.on_hover_text(format!("{reason}\n{tip}"));
            if response.clicked() {
                act_on_flag(state, f.map, f.lang, &flag, out);
            }
        }
    }
    measured_interaction(ui, state, f);
}

/// The flag of a flagged reading, if it is still flagged.
fn flag_of(map: &JourneyMap, card: &Card, reading: &Reading) -> Option<Flag> {
    Some(Flag {
        subject: card.id.clone(),
        metric: reading.metric,
        value: reading.value,
        reason: flag_reason(map, &card.id, reading.metric, reading.value)?,
    })
}

/// Adds the pain point for `flag` (one undo step, then selected), or selects the one that
/// exists: never a second one.
fn act_on_flag(
    state: &mut EditorState,
    map: &JourneyMap,
    lang: Lang,
    flag: &Flag,
    out: &mut EditorOutput,
) {
    if let Some(pain) = pain_from_metric(map, &flag.subject, flag.metric) {
        state.reveal_card(map, &pain.id);
        return;
    }
    let text = flag_pain_text(lang, map, flag);
    if let Some(command) = add_pain_from_metric(map, &flag.subject, flag.metric, text) {
        out.commands.push(command);
        out.select_created = true;
        out.seal = true;
    } else {
        out.notice = Some(("flag-needs-pain-lane", 0));
    }
}

/// The flag items of a touchpoint card's menu: one per flagged metric, "Add pain point" or,
/// once it exists, "Select pain point".
pub(super) fn flag_menu_ui(
    ui: &mut Ui,
    state: &mut EditorState,
    map: &JourneyMap,
    card: &Card,
    lang: Lang,
    out: &mut EditorOutput,
) {
    let flags: Vec<Flag> = overlay::card_readings(map, &card.id)
        .iter()
        .filter(|r| r.flagged)
        .filter_map(|r| flag_of(map, card, r))
        .collect();
    if flags.is_empty() {
        return;
    }
    ui.separator();
    for flag in flags {
        let metric = tr(lang, metric_key(flag.metric));
        let key = if pain_from_metric(map, &card.id, flag.metric).is_some() {
            "ctx-select-pain-from-flag"
        } else {
            "ctx-add-pain-from-flag"
        };
        if ui
            .button(tr_args(lang, key, &[("metric", metric.into())]))
            .on_hover_text(flag_reason_text(lang, map, &flag))
            .clicked()
        {
            act_on_flag(state, map, lang, &flag, out);
            ui.close();
        }
    }
}

/// A badge's accessible label: "Zalo OA: Conversion 28.4 % ▼3.1".
pub fn badge_label(lang: Lang, card: &Card, reading: &Reading) -> String {
    let comma = lang.decimal_comma();
    let change = reading
        .change()
        .map(|c| format_change(reading.metric, c, comma))
        .unwrap_or_default();
    tr_args(
        lang,
        "badge-label",
        &[
            ("card", card_name(lang, card).into()),
            ("metric", tr(lang, metric_key(reading.metric)).into()),
            (
                "value",
                format_value(reading.metric, reading.value, comma).into(),
            ),
            ("change", change.into()),
        ],
    )
    .trim_end()
    .to_owned()
}

/// A badge in full: the metric and value, the previous import's value and date, the target.
fn badge_tooltip_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, reading: &Reading) {
    let comma = lang.decimal_comma();
    let metric = tr(lang, metric_key(reading.metric));
    ui.label(
        egui::RichText::new(tr_args(
            lang,
            "badge-tip-value",
            &[
                ("metric", metric.into()),
                (
                    "value",
                    format_value(reading.metric, reading.value, comma).into(),
                ),
            ],
        ))
        .strong(),
    );
    match (reading.previous, previous_import_date(map)) {
        (Some(previous), Some(date)) => {
            ui.label(tr_args(
                lang,
                "badge-tip-previous",
                &[
                    ("date", date.to_owned().into()),
                    (
                        "value",
                        format_value(reading.metric, previous, comma).into(),
                    ),
                ],
            ));
        }
        _ => {
            ui.label(tr(lang, "badge-tip-no-previous"));
        }
    }
    if let Some((target, _)) = reading.target {
        ui.label(tr_args(
            lang,
            "badge-tip-target",
            &[("target", format_value(reading.metric, target, comma).into())],
        ));
    }
}

/// Why a flag is raised, in full: "Conversion 28 % is below the overall 41 %".
pub fn flag_reason_text(lang: Lang, map: &JourneyMap, flag: &Flag) -> String {
    let comma = lang.decimal_comma();
    let metric = tr(lang, metric_key(flag.metric));
    let value = format_value(flag.metric, flag.value, comma);
    let name = map
        .card(&flag.subject)
        .map_or_else(|| flag.subject.to_string(), |c| card_name(lang, c));
    match flag.reason {
        overlay::FlagReason::BelowOverall { overall } => tr_args(
            lang,
            "flag-below",
            &[
                ("card", name.into()),
                ("metric", metric.into()),
                ("value", value.into()),
                ("overall", format_value(flag.metric, overall, comma).into()),
            ],
        ),
        overlay::FlagReason::MissesTarget { target } => tr_args(
            lang,
            "flag-missed",
            &[
                ("card", name.into()),
                ("metric", metric.into()),
                ("value", value.into()),
                ("target", format_value(flag.metric, target, comma).into()),
            ],
        ),
    }
}

/// The measured curve's points (CSAT and its answers) and divergent steps (both scores).
fn measured_interaction(ui: &mut Ui, state: &EditorState, f: &Frame<'_>) {
    let to_screen = f.to_screen(&state.view);
    let lang = f.lang;
    let comma = lang.decimal_comma();
    let score = |s: f32| {
        let text = format!("{s:+.1}").replace('-', "−");
        if comma { text.replace('.', ",") } else { text }
    };
    let radius = (size::CURVE_POINT_RADIUS * 1.6 * state.view.zoom).max(7.0);
    for shape in &f.layout.measured {
        for point in &shape.points {
            let step = f
                .map
                .steps()
                .find(|(_, s)| s.id == point.step)
                .map(|(_, s)| s.name.clone())
                .unwrap_or_default();
            let center = to_screen * point.pos;
            let rect = Rect::from_center_size(center, vec2(radius, radius) * 2.0);
            if !rect.intersects(f.canvas) {
                continue;
            }
            let mut tip = tr_args(
                lang,
                "measured-tip",
                &[
                    ("step", step.clone().into()),
                    ("score", score(point.score).into()),
                    ("answers", point.answers.into()),
                ],
            );
            if let Some(d) = &point.divergence {
                let band = (to_screen * d.band).intersect(f.canvas);
                let diverges = tr_args(
                    lang,
                    "measured-diverges",
                    &[
                        ("step", step.clone().into()),
                        ("assumed", score(d.assumed_score).into()),
                        ("measured", score(point.score).into()),
                    ],
                );
                let id = ui
                    .scope_id()
                    .with(("divergence", &point.step, shape.lane_index));
                let response = ui.interact(band, id, Sense::hover());
                response.widget_info(|| WidgetInfo::labeled(Role::Label, true, diverges.clone()));
                response.on_hover_text(&diverges);
                tip = format!("{tip}\n{diverges}");
            }
            let id = ui
                .scope_id()
                .with(("measured", &point.step, shape.lane_index));
            let response = ui.interact(rect.intersect(f.canvas), id, Sense::hover());
            response.widget_info(|| WidgetInfo::labeled(Role::Label, true, tip.clone()));
            response.on_hover_text(&tip);
        }
    }
}
