//! The inspector's sections for emotion curves: a curve (name, colour, shown), a point (score,
//! emoji, note, its pain points) and the picker that pins a pain point to a card or a point.

use egui::{ComboBox, Response, RichText, Slider, Ui};

use crate::edit::EditCommand;
use crate::model::{
    Card, EMOTION_MAX, EMOTION_MIN, EmotionCurve, EmotionPoint, JourneyMap, LaneKind, PainAnchor,
    emoji_for_score, severity_icon, snap_score,
};
use crate::ui::canvas::curves::emoji_picker_ui;
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::labels::{card_name, step_label};
use crate::ui::kit::theme::Theme;
use crate::ui::kit::widgets::{Lines, color_row_ui, heading_ui, name_field_ui, text_field_ui};

/// A curve: name, colour, shown or hidden, delete.
pub fn curve_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    curve: &EmotionCurve,
    out: &mut Vec<EditCommand>,
) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let mut edited = curve.clone();
    ui.push_id(&curve.id, |ui| {
        let points = [
            ("points", curve.points.len().into()),
            ("steps", map.step_count().into()),
        ];
        let place = tr_args(lang, "insp-curve-points", &points);
        heading_ui(ui, tr(lang, "insp-curve"), Some(place));
        name_field_ui(
            ui,
            lang,
            &tr(lang, "insp-curve-name-hint"),
            &mut edited.name,
        );
        if let Some(Some(color)) = color_row_ui(
            ui,
            lang,
            Some(Some(edited.color)),
            None,
            |token| (theme.strong(token), theme.strong(token)),
            8,
        ) {
            edited.color = color;
        }
        ui.add_space(ui.spacing().item_spacing.y);
        let mut shown = !edited.hidden;
        ui.checkbox(&mut shown, tr(lang, "insp-curve-shown"));
        edited.hidden = !shown;
        ui.add_space(ui.spacing().item_spacing.y);
        ui.weak(tr(lang, "insp-curve-help"));
        ui.add_space(ui.spacing().item_spacing.y);
        if ui.button(tr(lang, "ctx-delete-curve")).clicked() {
            out.push(EditCommand::DeleteCurve {
                id: curve.id.clone(),
            });
        }
    });
    if edited != *curve
        && !out
            .iter()
            .any(|c| matches!(c, EditCommand::DeleteCurve { .. }))
    {
        out.push(EditCommand::SetCurve {
            id: edited.id,
            name: edited.name,
            color: edited.color,
            hidden: edited.hidden,
        });
    }
}

/// A point: its score, emoji and note, and the pain points pinned to it.
pub fn point_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    curve: &EmotionCurve,
    point: &EmotionPoint,
    out: &mut Vec<EditCommand>,
) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let mut edited = point.clone();
    let mut deleted = false;
    ui.push_id((&curve.id, &point.step), |ui| {
        let place = format!("{} · {}", curve.name, step_label(map, &point.step));
        heading_ui(ui, tr(lang, "insp-point"), Some(place));

        let label = ui.label(tr(lang, "insp-score"));
        // Like dragging on the canvas: half points, Shift for any value. (No `step_by`: it
        // would round a free value every frame.)
        let slider = ui
            .add(Slider::new(&mut edited.score, EMOTION_MIN..=EMOTION_MAX).fixed_decimals(2))
            .labelled_by(label.id);
        if slider.dragged() && !ui.input(|i| i.modifiers.shift) {
            edited.score = snap_score(edited.score);
        }
        ui.add_space(ui.spacing().item_spacing.y);

        let auto = emoji_for_score(edited.score);
        ui.label(format!(
            "{} {}",
            tr(lang, "ctx-emoji"),
            edited.emoji.as_deref().unwrap_or(auto)
        ));
        if let Some(choice) = emoji_picker_ui(ui, lang, edited.emoji.as_deref()) {
            edited.emoji = choice;
        }
        ui.add_space(ui.spacing().item_spacing.y);
        text_field_ui(
            ui,
            &tr(lang, "insp-note"),
            &tr(lang, "insp-note-hint"),
            "note",
            &mut edited.note,
            Lines::Many,
        );

        // The pain points pinned here, and a button to add one.
        ui.label(RichText::new(tr(lang, "insp-point-pains")).strong());
        let pinned: Vec<&Card> = map
            .pain_points()
            .filter(|(_, p)| {
                p.anchor
                    == Some(PainAnchor::Point {
                        curve: curve.id.clone(),
                        step: point.step.clone(),
                    })
            })
            .map(|(c, _)| c)
            .collect();
        if pinned.is_empty() {
            ui.weak(tr(lang, "insp-point-no-pains"));
        }
        for card in pinned {
            let severity = card.pain.as_ref().map_or(1, |p| p.severity);
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    severity_icon(severity),
                    card_name(lang, card)
                ))
                .color(theme.severity(severity)),
            );
        }
        if let Some(lane) = map.lanes.iter().find(|l| l.kind == LaneKind::PainPoints)
            && ui.button(tr(lang, "insp-add-pain-here")).clicked()
        {
            out.push(crate::edit::make::add_pinned_pain(
                &point.step,
                &lane.id,
                PainAnchor::Point {
                    curve: curve.id.clone(),
                    step: point.step.clone(),
                },
            ));
        }
        ui.add_space(ui.spacing().item_spacing.y);
        if ui.button(tr(lang, "insp-delete-point")).clicked() {
            out.push(EditCommand::DeletePoint {
                curve: curve.id.clone(),
                step: point.step.clone(),
            });
            deleted = true;
        }
    });
    if !deleted && edited != *point {
        out.push(EditCommand::SetPoint {
            curve: curve.id.clone(),
            point: edited,
        });
    }
}

/// Where a pain point's marker is pinned: nowhere, a curve point of its step, or another card
/// of its step (a touchpoint, usually).
pub fn anchor_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    card: &Card,
    anchor: &mut Option<PainAnchor>,
) -> Response {
    let mut options: Vec<(Option<PainAnchor>, String)> = vec![(None, tr(lang, "insp-anchor-none"))];
    for curve in &map.curves {
        if curve.points.iter().any(|p| p.step == card.step) {
            options.push((
                Some(PainAnchor::Point {
                    curve: curve.id.clone(),
                    step: card.step.clone(),
                }),
                format!("〰 {}", curve.name),
            ));
        }
    }
    let mut cards: Vec<&Card> = map
        .cards
        .iter()
        .filter(|c| c.step == card.step && c.id != card.id)
        .collect();
    // Touchpoints first: a pain point is usually felt at one.
    cards.sort_by_key(|c| map.lane(&c.lane).map(|l| l.kind) != Some(LaneKind::Touchpoints));
    for c in cards {
        let icon = map
            .lane(&c.lane)
            .map_or("", |l| crate::ui::kit::labels::lane_icon(l.kind));
        options.push((
            Some(PainAnchor::Card(c.id.clone())),
            format!("{icon} {}", card_name(lang, c)),
        ));
    }
    let selected = options
        .iter()
        .find(|(a, _)| a == anchor)
        .map_or_else(|| tr(lang, "insp-anchor-none"), |(_, name)| name.clone());
    ComboBox::from_id_salt("anchor")
        .selected_text(selected)
        .width(ui.available_width())
        .truncate()
        .show_ui(ui, |ui| {
            for (value, name) in options {
                ui.selectable_value(anchor, value, name);
            }
        })
        .response
}
