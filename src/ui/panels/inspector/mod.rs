//! The inspector: every field of what is selected on the canvas. This file only picks the
//! section for the selection; the sections live beside it (`card`, `pain` with its evidence,
//! `opportunity`, `structure` for stages, steps and lanes, and `data` for the customer data and
//! targets of a touchpoint or a stage). Nothing here is shared with the other panels: a widget
//! two panels need goes down to `ui::kit::widgets`.

mod card;
mod data;
mod opportunity;
mod pain;
mod structure;

use egui::{ScrollArea, Ui};

use crate::edit::EditCommand;
use crate::model::JourneyMap;
use crate::ui::canvas::selection::Selection;
use crate::ui::kit::i18n::{Lang, tr};
use crate::ui::panels::curve::{curve_ui, point_ui};

/// Inspector for the current selection: all fields of the selected card(s), stage, step or lane.
pub fn inspector_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    selection: &Selection,
    out: &mut Vec<EditCommand>,
) {
    ScrollArea::vertical()
        .id_salt("inspector")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let cards = selection.cards_in_map_order(map);
            if let [card] = cards.as_slice() {
                card::card_ui(ui, lang, map, card, out);
            } else if !cards.is_empty() {
                card::cards_ui(ui, lang, map, &cards, out);
            } else if let Some((index, stage)) = selection
                .stage
                .as_ref()
                .and_then(|id| map.stages.iter().enumerate().find(|(_, s)| &s.id == id))
            {
                structure::stage_ui(ui, lang, index, stage, out);
                data::stage_data_ui(ui, lang, map, stage, out);
            } else if let Some((stage, step)) = selection
                .step
                .as_ref()
                .and_then(|id| map.steps().find(|(_, s)| &s.id == id))
            {
                structure::step_ui(ui, lang, stage, step, out);
            } else if let Some(lane) = selection.lane.as_ref().and_then(|id| map.lane(id)) {
                structure::lane_ui(ui, lang, map, lane, out);
            } else if let Some((curve, step)) = &selection.point
                && let Some(curve) = map.curve(curve)
                && let Some(point) = curve.points.iter().find(|p| &p.step == step)
            {
                point_ui(ui, lang, map, curve, point, out);
            } else if let Some(curve) = selection.curve.as_ref().and_then(|id| map.curve(id)) {
                curve_ui(ui, lang, map, curve, out);
            } else {
                ui.heading(tr(lang, "insp-title"));
                ui.weak(tr(lang, "insp-nothing-selected"));
            }
        });
}
