//! The opportunity section of the inspector: whether the card is one, its impact, effort and
//! votes, and the pain points it addresses.

use egui::{CollapsingHeader, DragValue, Grid, RichText, Slider, Ui};

use crate::edit::make::new_opportunity;
use crate::model::{Id, JourneyMap, LaneKind, Opportunity};
use crate::ui::kit::i18n::{Lang, tr};
use crate::ui::kit::labels::{card_name, lane_icon};
use crate::ui::kit::widgets::{form_row_ui, optional_section_ui};

/// Impact and effort of an opportunity run from 1 to 5, like severity.
const SCORE_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

/// The opportunity section: whether the card is one, impact, effort, votes and the pain points
/// it addresses.
pub(super) fn opportunity_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    card_id: &Id,
    opportunity: &mut Option<Opportunity>,
    open: bool,
) {
    let icon = lane_icon(LaneKind::Opportunities);
    let title = format!("{icon} {}", tr(lang, "insp-opportunity"));
    let header = CollapsingHeader::new(title)
        .id_salt("opportunity")
        .default_open(open);
    let toggle = tr(lang, "insp-is-opportunity");
    optional_section_ui(
        ui,
        header,
        toggle,
        opportunity,
        new_opportunity,
        |ui, opportunity| {
            Grid::new("opportunity-grid").num_columns(2).show(ui, |ui| {
                for (name, value) in [
                    (tr(lang, "insp-impact"), &mut opportunity.impact),
                    (tr(lang, "insp-effort"), &mut opportunity.effort),
                ] {
                    let label = ui.label(name);
                    ui.horizontal(|ui| {
                        ui.add(Slider::new(value, SCORE_RANGE).show_value(false))
                            .labelled_by(label.id);
                        ui.label(value.to_string());
                    });
                    ui.end_row();
                }
                form_row_ui(ui, tr(lang, "insp-votes"), |ui| {
                    ui.add(DragValue::new(&mut opportunity.votes).range(0..=u32::MAX))
                });
            });
            ui.add_space(ui.spacing().item_spacing.y);
            ui.label(RichText::new(tr(lang, "insp-addresses")).strong());
            let mut any = false;
            for (pain_card, _) in map.pain_points().filter(|(c, _)| &c.id != card_id) {
                any = true;
                let mut linked = opportunity.addresses.contains(&pain_card.id);
                if ui
                    .checkbox(&mut linked, card_name(lang, pain_card))
                    .changed()
                {
                    if linked {
                        opportunity.addresses.push(pain_card.id.clone());
                    } else {
                        opportunity.addresses.retain(|id| id != &pain_card.id);
                    }
                }
            }
            if !any {
                ui.weak(tr(lang, "insp-no-pain-points"));
            }
        },
    );
}
