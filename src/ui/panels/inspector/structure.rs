//! The structure sections of the inspector: a stage (name, colour, its steps), a step (name)
//! and a lane (name, kind).

use egui::{Grid, RichText, TextEdit, Ui};

use crate::edit::EditCommand;
use crate::model::{JourneyMap, Lane, LaneKind, Stage, Step};
use crate::ui::kit::i18n::{Lang, lane_kind_key, tr, tr_args};
use crate::ui::kit::labels::lane_icon;
use crate::ui::kit::theme::{Theme, size};
use crate::ui::kit::widgets::{
    choice_box_ui, color_row_ui, form_row_ui, heading_ui, name_field_ui,
};

/// A stage: name, colour and its steps.
pub(super) fn stage_ui(
    ui: &mut Ui,
    lang: Lang,
    index: usize,
    stage: &Stage,
    out: &mut Vec<EditCommand>,
) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    ui.push_id(&stage.id, |ui| {
        heading_ui(ui, tr(lang, "insp-stage"), None);
        let mut name = stage.name.clone();
        let mut color = stage.color;
        name_field_ui(ui, lang, &tr(lang, "insp-stage-name-hint"), &mut name);
        if let Some(choice) = color_row_ui(
            ui,
            lang,
            Some(color),
            Some(theme.stage_color(index, None)),
            |token| {
                let fill = theme.stage_color(index, Some(token));
                (fill, fill)
            },
            size::HEADER_ROUNDING,
        ) {
            color = choice;
        }
        if name != stage.name || color != stage.color {
            out.push(EditCommand::SetStage {
                id: stage.id.clone(),
                name,
                color,
            });
        }

        ui.add_space(ui.spacing().item_spacing.y);
        ui.label(RichText::new(tr(lang, "insp-steps")).strong());
        Grid::new("steps").num_columns(2).show(ui, |ui| {
            for (i, step) in stage.steps.iter().enumerate() {
                let label = ui.label(tr_args(lang, "insp-step-n", &[("n", (i + 1).into())]));
                let mut step_name = step.name.clone();
                ui.add(
                    TextEdit::singleline(&mut step_name)
                        .id_salt(&step.id)
                        .desired_width(f32::INFINITY)
                        .hint_text(tr(lang, "insp-step-name-hint")),
                )
                .labelled_by(label.id);
                ui.end_row();
                if step_name != step.name {
                    out.push(EditCommand::RenameStep {
                        id: step.id.clone(),
                        name: step_name,
                    });
                }
            }
        });
        if ui.button(tr(lang, "insp-add-step")).clicked() {
            out.push(EditCommand::AddStep {
                stage: stage.id.clone(),
                index: stage.steps.len(),
                name: tr(lang, "canvas-new-step"),
            });
        }
    });
}

/// A step: its name, and the stage it belongs to.
pub(super) fn step_ui(
    ui: &mut Ui,
    lang: Lang,
    stage: &Stage,
    step: &Step,
    out: &mut Vec<EditCommand>,
) {
    ui.push_id(&step.id, |ui| {
        let place = tr_args(
            lang,
            "insp-in-stage",
            &[("stage", stage.name.clone().into())],
        );
        heading_ui(ui, tr(lang, "insp-step"), Some(place));
        let mut name = step.name.clone();
        name_field_ui(ui, lang, &tr(lang, "insp-step-name-hint"), &mut name);
        if name != step.name {
            out.push(EditCommand::RenameStep {
                id: step.id.clone(),
                name,
            });
        }
    });
}

/// A lane: its name and kind.
pub(super) fn lane_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    lane: &Lane,
    out: &mut Vec<EditCommand>,
) {
    ui.push_id(&lane.id, |ui| {
        heading_ui(ui, tr(lang, "insp-lane"), None);
        let mut name = lane.name.clone();
        let mut kind = lane.kind;
        name_field_ui(ui, lang, &tr(lang, "insp-lane-name-hint"), &mut name);
        // The emotion lane draws curves, not cards: only an empty lane may become one.
        let has_cards = map.cards.iter().any(|c| c.lane == lane.id);
        Grid::new("lane-kind").num_columns(2).show(ui, |ui| {
            form_row_ui(ui, tr(lang, "insp-lane-kind"), |ui| {
                let choices = LaneKind::ALL
                    .into_iter()
                    .filter(|choice| choice.holds_cards() || !has_cards || *choice == lane.kind);
                choice_box_ui(ui, "kind", &mut kind, choices, |choice| {
                    lane_kind_name(lang, choice)
                })
            });
        });
        if has_cards && lane.kind.holds_cards() {
            ui.weak(tr(lang, "insp-emotions-needs-empty"));
        }
        if name != lane.name || kind != lane.kind {
            out.push(EditCommand::SetLane {
                id: lane.id.clone(),
                name,
                kind,
            });
        }
    });
}

/// A lane kind's icon and name.
fn lane_kind_name(lang: Lang, kind: LaneKind) -> String {
    let key = lane_kind_key(kind);
    format!("{} {}", lane_icon(kind), tr(lang, key))
}
