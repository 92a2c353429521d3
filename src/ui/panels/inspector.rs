//! The side panels that edit what the canvas only shows: the inspector for the selection, the
//! persona, and the map's own properties.
//!
//! Immediate mode, document untouched: every frame each panel clones the current values out of
//! the map, binds the widgets to the clone, and if the clone differs afterwards pushes one
//! [`EditCommand`] carrying the whole new value (`SetCard`, `SetPersona`, `SetMapInfo` …). The
//! app applies the commands after the frame, and a burst of typing into one field coalesces into
//! one undo step there.
//!
//! Every text field is an [`egui::TextEdit`], so input methods (Telex, VNI) work, and every
//! input is tied to a visible label (`labelled_by`) or given an accessible name, so screen
//! readers and `get_by_label` in tests find it.
//!
//! Each panel scrolls on its own: the caller only gives it a side panel or a window.

use egui::{
    Align, CollapsingHeader, ComboBox, DragValue, Grid, Layout, RichText, ScrollArea, Slider,
    TextEdit, Ui,
};

use crate::edit::EditCommand;
use crate::model::{
    Card, Channel, ChannelKind, Evidence, Id, JourneyMap, Lane, LaneKind, Opportunity, PainPoint,
    PainStatus, SEVERITY_MAX, SEVERITY_MIN, Stage,
};
use crate::ui::canvas::selection::Selection;
use crate::ui::kit::i18n::{Lang, lane_kind_key, tr, tr_args};
use crate::ui::kit::labels::{card_name, lane_icon, severity_key, status_key};
use crate::ui::kit::theme::{Theme, size};
use crate::ui::kit::widgets::{Lines, color_row_ui, remove_button_ui, text_field_ui};

/// Impact and effort of an opportunity run from 1 to 5, like severity.
const SCORE_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

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
                card_ui(ui, lang, map, card, out);
            } else if !cards.is_empty() {
                cards_ui(ui, lang, map, &cards, out);
            } else if let Some((index, stage)) = selection
                .stage
                .as_ref()
                .and_then(|id| map.stages.iter().enumerate().find(|(_, s)| &s.id == id))
            {
                stage_ui(ui, lang, index, stage, out);
            } else if let Some((stage, step)) = selection
                .step
                .as_ref()
                .and_then(|id| map.steps().find(|(_, s)| &s.id == id))
            {
                step_ui(ui, lang, stage, step, out);
            } else if let Some(lane) = selection.lane.as_ref().and_then(|id| map.lane(id)) {
                lane_ui(ui, lang, map, lane, out);
            } else if let Some((curve, step)) = &selection.point
                && let Some(curve) = map.curve(curve)
                && let Some(point) = curve.points.iter().find(|p| &p.step == step)
            {
                crate::ui::panels::curve::point_ui(ui, lang, map, curve, point, out);
            } else if let Some(curve) = selection.curve.as_ref().and_then(|id| map.curve(id)) {
                crate::ui::panels::curve::curve_ui(ui, lang, map, curve, out);
            } else {
                ui.heading(tr(lang, "insp-title"));
                ui.weak(tr(lang, "insp-nothing-selected"));
            }
        });
}

// ---------------------------------------------------------------------------------------------
// Cards

/// One card: every field, with the pain-point and opportunity sections.
fn card_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, card: &Card, out: &mut Vec<EditCommand>) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let lane_kind = map.lane(&card.lane).map(|l| l.kind);
    let mut edited = card.clone();
    ui.push_id(&card.id, |ui| {
        ui.heading(tr(lang, "insp-card"));
        ui.weak(card_place(map, card));
        ui.add_space(ui.spacing().item_spacing.y);
        text_field_ui(
            ui,
            &tr(lang, "insp-text"),
            &tr(lang, "insp-text-hint"),
            "text",
            &mut edited.text,
            Lines::Many,
        );
        text_field_ui(
            ui,
            &tr(lang, "insp-details"),
            &tr(lang, "insp-details-hint"),
            "details",
            &mut edited.details,
            Lines::Many,
        );
        let default_token = lane_kind.map(Theme::lane_card_color);
        if let Some(choice) = color_row_ui(
            ui,
            lang,
            Some(edited.color),
            default_token.map(|t| theme.card_fill(t)),
            |token| (theme.card_fill(token), theme.strong(token)),
            size::CARD_ROUNDING,
        ) {
            edited.color = choice;
        }
        if lane_kind == Some(LaneKind::Touchpoints) || edited.channel.is_some() {
            ui.add_space(ui.spacing().item_spacing.y);
            channel_ui(ui, lang, &mut edited.channel);
        }
        ui.add_space(ui.spacing().item_spacing.y);
        pain_ui(
            ui,
            lang,
            map,
            &theme,
            card,
            &mut edited.pain,
            lane_kind == Some(LaneKind::PainPoints),
        );
        opportunity_ui(
            ui,
            lang,
            map,
            &card.id,
            &mut edited.opportunity,
            lane_kind == Some(LaneKind::Opportunities),
        );
    });
    if edited != *card {
        out.push(EditCommand::SetCard(edited));
    }
}

/// Several cards: only what makes sense for all of them at once, the colour.
fn cards_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    cards: &[&Card],
    out: &mut Vec<EditCommand>,
) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    ui.heading(tr_args(
        lang,
        "insp-cards-selected",
        &[("count", cards.len().into())],
    ));
    ui.add_space(ui.spacing().item_spacing.y);
    let first = cards.first().map(|c| c.color);
    let shared = first.filter(|color| cards.iter().all(|c| c.color == *color));
    // The "default" swatch shows the default of the first card's lane; lanes may differ.
    let default_fill = cards
        .first()
        .and_then(|c| map.lane(&c.lane))
        .map(|l| theme.card_fill(Theme::lane_card_color(l.kind)));
    if let Some(choice) = color_row_ui(
        ui,
        lang,
        shared,
        default_fill,
        |token| (theme.card_fill(token), theme.strong(token)),
        size::CARD_ROUNDING,
    ) {
        for card in cards.iter().filter(|c| c.color != choice) {
            let mut edited = (*card).clone();
            edited.color = choice;
            out.push(EditCommand::SetCard(edited));
        }
    }
}

/// Where a card sits: "Stage › Step · 📍 Lane".
fn card_place(map: &JourneyMap, card: &Card) -> String {
    let column = crate::ui::kit::labels::step_label(map, &card.step);
    match map.lane(&card.lane) {
        Some(lane) => format!("{column} · {} {}", lane_icon(lane.kind), lane.name),
        None => column,
    }
}

/// The channel picker of a touchpoint: built-in channels, a custom one, or none.
fn channel_ui(ui: &mut Ui, lang: Lang, channel: &mut Option<Channel>) {
    Grid::new("channel").num_columns(2).show(ui, |ui| {
        let label = ui.label(tr(lang, "ctx-channel"));
        let selected_text = match channel.as_ref().map(|c| &c.kind) {
            None => tr(lang, "insp-channel-none"),
            Some(ChannelKind::Custom(_)) => tr(lang, "ctx-custom-channel"),
            Some(kind) => kind.name(lang.code()).to_owned(),
        };
        ComboBox::from_id_salt("channel-kind")
            .width(ui.available_width())
            .selected_text(selected_text)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(channel.is_none(), tr(lang, "insp-channel-none"))
                    .clicked()
                {
                    *channel = None;
                }
                for kind in ChannelKind::BUILT_IN {
                    let selected = channel.as_ref().is_some_and(|c| c.kind == kind);
                    if ui
                        .selectable_label(selected, kind.name(lang.code()))
                        .clicked()
                        && !selected
                    {
                        *channel = Some(Channel::new(kind));
                    }
                }
                let custom = matches!(
                    channel.as_ref().map(|c| &c.kind),
                    Some(ChannelKind::Custom(_))
                );
                if ui
                    .selectable_label(custom, tr(lang, "ctx-custom-channel"))
                    .clicked()
                    && !custom
                {
                    // Keep the online flag the user had; a custom channel has no usual value.
                    let online = channel.as_ref().is_none_or(|c| c.online);
                    *channel = Some(Channel {
                        kind: ChannelKind::Custom(String::new()),
                        online,
                    });
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        let Some(channel) = channel else {
            return;
        };
        if let ChannelKind::Custom(name) = &mut channel.kind {
            let label = ui.label(tr(lang, "insp-channel-name"));
            ui.add(
                TextEdit::singleline(name)
                    .id_salt("channel-name")
                    .desired_width(ui.available_width())
                    .hint_text(tr(lang, "insp-channel-name-hint")),
            )
            .labelled_by(label.id);
            ui.end_row();
        }
        ui.label("");
        ui.checkbox(&mut channel.online, tr(lang, "ctx-online"));
        ui.end_row();
    });
}

/// The pain-point section: whether the card is one, and its severity, votes, status, owner
/// and evidence.
fn pain_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    theme: &Theme,
    card: &Card,
    pain: &mut Option<PainPoint>,
    open: bool,
) {
    let title = format!(
        "{} {}",
        lane_icon(LaneKind::PainPoints),
        tr(lang, "insp-pain")
    );
    CollapsingHeader::new(title)
        .id_salt("pain")
        .default_open(open)
        .show(ui, |ui| {
            let mut is_pain = pain.is_some();
            if ui
                .checkbox(&mut is_pain, tr(lang, "insp-is-pain"))
                .changed()
            {
                *pain = is_pain.then(crate::edit::make::new_pain_point);
            }
            let Some(pain) = pain else {
                return;
            };
            Grid::new("pain-grid").num_columns(2).show(ui, |ui| {
                let label = ui.label(tr(lang, "insp-severity"));
                // Stacked, not side by side: "5 · Rất nghiêm trọng" does not fit beside the
                // slider in a narrow panel, and wrapping inside a grid cell overlaps the next row.
                ui.vertical(|ui| {
                    ui.add(
                        Slider::new(&mut pain.severity, SEVERITY_MIN..=SEVERITY_MAX)
                            .show_value(false),
                    )
                    .labelled_by(label.id);
                    ui.label(
                        RichText::new(format!(
                            "● {} · {}",
                            pain.severity,
                            tr(lang, severity_key(pain.severity))
                        ))
                        .color(theme.severity(pain.severity)),
                    );
                });
                ui.end_row();

                let label = ui.label(tr(lang, "insp-votes"));
                ui.add(DragValue::new(&mut pain.votes).range(0..=u32::MAX))
                    .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(tr(lang, "insp-status"));
                ComboBox::from_id_salt("status")
                    .selected_text(tr(lang, status_key(pain.status)))
                    .width(ui.available_width())
                    .show_ui(ui, |ui| {
                        for status in [PainStatus::Open, PainStatus::InProgress, PainStatus::Fixed]
                        {
                            ui.selectable_value(
                                &mut pain.status,
                                status,
                                tr(lang, status_key(status)),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(tr(lang, "insp-owner"));
                ui.add(
                    TextEdit::singleline(&mut pain.owner)
                        .id_salt("owner")
                        .desired_width(ui.available_width())
                        .hint_text(tr(lang, "insp-owner-hint")),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(tr(lang, "insp-anchor"));
                crate::ui::panels::curve::anchor_ui(ui, lang, map, card, &mut pain.anchor)
                    .labelled_by(label.id);
                ui.end_row();
            });
            ui.add_space(ui.spacing().item_spacing.y);
            evidence_ui(ui, lang, map, &mut pain.evidence);
        });
}

/// The kinds of evidence, for the kind picker.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EvidenceKind {
    Text,
    Link,
    Metric,
}

impl EvidenceKind {
    const ALL: [Self; 3] = [Self::Text, Self::Link, Self::Metric];

    fn of(evidence: &Evidence) -> Self {
        match evidence {
            Evidence::Text(_) => Self::Text,
            Evidence::Link(_) => Self::Link,
            Evidence::Metric(_) => Self::Metric,
        }
    }

    fn name(self, lang: Lang) -> String {
        match self {
            Self::Text => tr(lang, "insp-evidence-text"),
            Self::Link => tr(lang, "insp-evidence-link"),
            Self::Metric => tr(lang, "insp-evidence-metric"),
        }
    }
}

/// The evidence list of a pain point: quotes, links and metric cards, each removable.
fn evidence_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, evidence: &mut Vec<Evidence>) {
    let metrics: Vec<&Card> = map
        .cards
        .iter()
        .filter(|c| {
            map.lane(&c.lane)
                .is_some_and(|l| l.kind == LaneKind::Metrics)
        })
        .collect();
    ui.label(RichText::new(tr(lang, "insp-evidence")).strong());
    let mut remove = None;
    for (index, item) in evidence.iter_mut().enumerate() {
        let number = index + 1;
        ui.push_id(("evidence", index), |ui| {
            ui.horizontal(|ui| {
                let kind = EvidenceKind::of(item);
                ComboBox::from_id_salt("kind")
                    .selected_text(kind.name(lang))
                    .show_ui(ui, |ui| {
                        for choice in EvidenceKind::ALL {
                            let enabled = choice != EvidenceKind::Metric || !metrics.is_empty();
                            let clicked = ui
                                .add_enabled_ui(enabled, |ui| {
                                    ui.selectable_label(choice == kind, choice.name(lang))
                                })
                                .inner
                                .clicked();
                            if clicked && choice != kind {
                                *item = convert_evidence(item, choice, &metrics);
                            }
                        }
                    })
                    .response
                    .accessible_name(tr_args(lang, "insp-evidence-kind", &[("n", number.into())]));
                if let Evidence::Link(url) = item
                    && (url.starts_with("https://") || url.starts_with("http://"))
                {
                    ui.hyperlink_to("↗", url.as_str())
                        .accessible_name(tr(lang, "insp-open-link"))
                        .on_hover_text(url.as_str());
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if remove_button_ui(
                        ui,
                        &tr_args(lang, "insp-evidence-remove", &[("n", number.into())]),
                    )
                    .clicked()
                    {
                        remove = Some(index);
                    }
                });
            });
            let name = tr_args(lang, "insp-evidence-item", &[("n", number.into())]);
            match item {
                Evidence::Text(text) => {
                    ui.add(
                        TextEdit::multiline(text)
                            .id_salt("text")
                            .desired_rows(1)
                            .desired_width(f32::INFINITY)
                            .hint_text(tr(lang, "insp-evidence-text-hint")),
                    )
                    .accessible_name(name);
                }
                Evidence::Link(url) => {
                    ui.add(
                        TextEdit::singleline(url)
                            .id_salt("link")
                            .desired_width(f32::INFINITY)
                            .hint_text("https://…"),
                    )
                    .accessible_name(name);
                }
                Evidence::Metric(id) => {
                    let selected_text = map
                        .card(id)
                        .map_or_else(|| id.to_string(), |c| card_name(lang, c));
                    ComboBox::from_id_salt("metric")
                        .selected_text(selected_text)
                        .width(ui.available_width())
                        .show_ui(ui, |ui| {
                            for metric in &metrics {
                                ui.selectable_value(id, metric.id.clone(), card_name(lang, metric));
                            }
                        })
                        .response
                        .accessible_name(name);
                }
            }
        });
        ui.add_space(ui.spacing().item_spacing.y);
    }
    if let Some(index) = remove {
        evidence.remove(index);
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(lang, "insp-add-text")).clicked() {
            evidence.push(Evidence::Text(String::new()));
        }
        if ui.button(tr(lang, "insp-add-link")).clicked() {
            evidence.push(Evidence::Link(String::new()));
        }
        let metric = ui
            .add_enabled(
                !metrics.is_empty(),
                egui::Button::new(tr(lang, "insp-add-metric")),
            )
            .on_disabled_hover_text(tr(lang, "insp-no-metrics"));
        if metric.clicked()
            && let Some(first) = metrics.first()
        {
            evidence.push(Evidence::Metric(first.id.clone()));
        }
    });
}

/// The evidence as another kind, keeping what can be kept (text ↔ link).
fn convert_evidence(item: &Evidence, kind: EvidenceKind, metrics: &[&Card]) -> Evidence {
    let text = match item {
        Evidence::Text(s) | Evidence::Link(s) => s.clone(),
        Evidence::Metric(_) => String::new(),
    };
    match kind {
        EvidenceKind::Text => Evidence::Text(text),
        EvidenceKind::Link => Evidence::Link(text),
        EvidenceKind::Metric => match (item, metrics.first()) {
            (Evidence::Metric(id), _) => Evidence::Metric(id.clone()),
            (_, Some(first)) => Evidence::Metric(first.id.clone()),
            (_, None) => item.clone(),
        },
    }
}

/// The opportunity section: whether the card is one, impact, effort, votes and the pain points
/// it addresses.
fn opportunity_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    card_id: &Id,
    opportunity: &mut Option<Opportunity>,
    open: bool,
) {
    let title = format!(
        "{} {}",
        lane_icon(LaneKind::Opportunities),
        tr(lang, "insp-opportunity")
    );
    CollapsingHeader::new(title)
        .id_salt("opportunity")
        .default_open(open)
        .show(ui, |ui| {
            let mut is_opportunity = opportunity.is_some();
            if ui
                .checkbox(&mut is_opportunity, tr(lang, "insp-is-opportunity"))
                .changed()
            {
                *opportunity = is_opportunity.then(crate::edit::make::new_opportunity);
            }
            let Some(opportunity) = opportunity else {
                return;
            };
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
                let label = ui.label(tr(lang, "insp-votes"));
                ui.add(DragValue::new(&mut opportunity.votes).range(0..=u32::MAX))
                    .labelled_by(label.id);
                ui.end_row();
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
        });
}

// ---------------------------------------------------------------------------------------------
// Stages, steps, lanes

/// A stage: name, colour and its steps.
fn stage_ui(ui: &mut Ui, lang: Lang, index: usize, stage: &Stage, out: &mut Vec<EditCommand>) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    ui.push_id(&stage.id, |ui| {
        ui.heading(tr(lang, "insp-stage"));
        ui.add_space(ui.spacing().item_spacing.y);
        let mut name = stage.name.clone();
        let mut color = stage.color;
        text_field_ui(
            ui,
            &tr(lang, "insp-name"),
            &tr(lang, "insp-stage-name-hint"),
            "name",
            &mut name,
            Lines::One,
        );
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
fn step_ui(
    ui: &mut Ui,
    lang: Lang,
    stage: &Stage,
    step: &crate::model::Step,
    out: &mut Vec<EditCommand>,
) {
    ui.push_id(&step.id, |ui| {
        ui.heading(tr(lang, "insp-step"));
        ui.weak(tr_args(
            lang,
            "insp-in-stage",
            &[("stage", stage.name.clone().into())],
        ));
        ui.add_space(ui.spacing().item_spacing.y);
        let mut name = step.name.clone();
        text_field_ui(
            ui,
            &tr(lang, "insp-name"),
            &tr(lang, "insp-step-name-hint"),
            "name",
            &mut name,
            Lines::One,
        );
        if name != step.name {
            out.push(EditCommand::RenameStep {
                id: step.id.clone(),
                name,
            });
        }
    });
}

/// A lane: its name and kind.
fn lane_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, lane: &Lane, out: &mut Vec<EditCommand>) {
    ui.push_id(&lane.id, |ui| {
        ui.heading(tr(lang, "insp-lane"));
        ui.add_space(ui.spacing().item_spacing.y);
        let mut name = lane.name.clone();
        let mut kind = lane.kind;
        text_field_ui(
            ui,
            &tr(lang, "insp-name"),
            &tr(lang, "insp-lane-name-hint"),
            "name",
            &mut name,
            Lines::One,
        );
        // The emotion lane draws curves, not cards: only an empty lane may become one.
        let has_cards = map.cards.iter().any(|c| c.lane == lane.id);
        Grid::new("lane-kind").num_columns(2).show(ui, |ui| {
            let label = ui.label(tr(lang, "insp-lane-kind"));
            ComboBox::from_id_salt("kind")
                .width(ui.available_width())
                .selected_text(lane_kind_name(lang, kind))
                .show_ui(ui, |ui| {
                    for choice in LaneKind::ALL {
                        if choice.holds_cards() || !has_cards || choice == lane.kind {
                            ui.selectable_value(&mut kind, choice, lane_kind_name(lang, choice));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
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

// ---------------------------------------------------------------------------------------------
// Message keys

/// A lane kind's icon and name.
fn lane_kind_name(lang: Lang, kind: LaneKind) -> String {
    let key = lane_kind_key(kind);
    format!("{} {}", lane_icon(kind), tr(lang, key))
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::edit::Document;
    use crate::model::ColorToken;
    use crate::ui::panels::properties::{is_plausible_language_tag, map_properties_ui, persona_ui};

    /// The harness state: the map, the selection, and every command the panel emitted.
    type State = (JourneyMap, Selection, Vec<EditCommand>);

    /// Which of the three panels a harness shows.
    #[derive(Clone, Copy)]
    enum Panel {
        Inspector,
        Persona,
        Properties,
    }

    fn sample() -> JourneyMap {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/may-ep-trai-cay.ron");
        crate::file::load(&path).expect("the sample loads").map
    }

    fn id(s: &str) -> Id {
        Id::new(s)
    }

    /// A panel in a side-panel-sized window. Commands are kept in the state and also applied to
    /// the map after each frame, as the app does, so the next frame shows their effect.
    fn harness(panel: Panel, lang: Lang, selection: Selection) -> Harness<'static, State> {
        harness_themed(panel, lang, selection, egui::Theme::Light)
    }

    fn harness_themed(
        panel: Panel,
        lang: Lang,
        selection: Selection,
        theme: egui::Theme,
    ) -> Harness<'static, State> {
        Harness::builder()
            .with_size([360.0, 800.0])
            .with_theme(theme)
            .with_context_setup(crate::ui::kit::fonts::install)
            .build_ui_state(
                move |ui, (map, selection, out): &mut State| {
                    let before = out.len();
                    match panel {
                        Panel::Inspector => inspector_ui(ui, lang, map, selection, out),
                        Panel::Persona => persona_ui(ui, lang, map, out),
                        Panel::Properties => {
                            map_properties_ui(ui, lang, map, jiff::civil::date(2026, 11, 27), out);
                        }
                    }
                    let mut document = Document::new(map.clone(), true);
                    for command in &out[before..] {
                        document
                            .apply(command.clone())
                            .expect("the command applies");
                    }
                    *map = document.map().clone();
                },
                (sample(), selection, Vec::new()),
            )
    }

    fn card<'a>(harness: &'a Harness<'static, State>, card_id: &str) -> &'a Card {
        harness
            .state()
            .0
            .card(&id(card_id))
            .expect("the card exists")
    }

    #[test]
    fn typing_into_the_text_field_sets_the_card_text() {
        let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c32")));
        harness.run();
        harness.get_by_label("Text").focus();
        harness.run();
        harness.get_by_label("Text").type_text(" rồi chọn");
        harness.run();
        let (_, _, out) = harness.state();
        assert!(
            out.iter().any(|c| matches!(
                c,
                EditCommand::SetCard(card) if card.id == id("c32") && card.text.contains(" rồi chọn")
            )),
            "{out:#?}"
        );
        assert!(card(&harness, "c32").text.contains(" rồi chọn"));
        // Only the text changed.
        assert!(card(&harness, "c32").pain.is_none());
    }

    #[test]
    fn a_card_becomes_a_pain_point_and_gets_a_severity() {
        let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c32")));
        harness.run();
        // An action card: the pain section starts collapsed.
        assert!(
            harness
                .query_by_label("This card is a pain point")
                .is_none()
        );
        harness.get_by_label("⚠ Pain point").click();
        harness.run();
        harness.get_by_label("This card is a pain point").click();
        harness.run();
        let pain = card(&harness, "c32")
            .pain
            .clone()
            .expect("now a pain point");
        assert_eq!(pain.severity, 3);

        harness.get_by_label("Severity").set_value_accesskit(5.0);
        harness.run();
        assert_eq!(
            card(&harness, "c32").pain.as_ref().map(|p| p.severity),
            Some(5)
        );
        let (_, _, out) = harness.state();
        assert!(out.iter().any(|c| matches!(
            c,
            EditCommand::SetCard(card) if card.pain.as_ref().is_some_and(|p| p.severity == 5)
        )));

        harness.get_by_label("This card is a pain point").click();
        harness.run();
        assert!(card(&harness, "c32").pain.is_none());
    }

    #[test]
    fn a_pain_card_shows_its_section_open_and_edits_status_and_evidence() {
        let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c46")));
        harness.run();
        harness.get_by_label("Severity").set_value_accesskit(1.0);
        harness.run();
        harness.get_by_label("Status").click();
        harness.run();
        harness.get_by_label("Fixed").click();
        harness.run();
        let pain = card(&harness, "c46").pain.clone().expect("a pain point");
        assert_eq!(pain.severity, 1);
        assert_eq!(pain.status, PainStatus::Fixed);
        assert_eq!(pain.evidence.len(), 2);

        harness.get_by_label("+ Metric").click();
        harness.run();
        harness.get_by_label("+ Link").click();
        harness.run();
        let evidence = &card(&harness, "c46")
            .pain
            .as_ref()
            .expect("a pain point")
            .evidence;
        assert_eq!(evidence.len(), 4);
        assert!(matches!(&evidence[2], Evidence::Metric(m) if *m == id("c54")));
        assert!(matches!(&evidence[3], Evidence::Link(url) if url.is_empty()));

        harness.get_by_label("Evidence 4").focus();
        harness.run();
        harness
            .get_by_label("Evidence 4")
            .type_text("https://bepxanh.vn/bao-hanh");
        harness.run();
        harness.get_by_label("Open the link");

        harness.get_by_label("Remove evidence 1").click();
        harness.run();
        let evidence = &card(&harness, "c46")
            .pain
            .as_ref()
            .expect("a pain point")
            .evidence;
        assert_eq!(evidence.len(), 3);
        assert!(matches!(&evidence[0], Evidence::Text(_)));
    }

    #[test]
    fn an_opportunity_links_to_pain_points() {
        let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c50")));
        harness.run();
        harness.get_by_label("Impact").set_value_accesskit(2.0);
        harness.run();
        let map = sample();
        let chatbot = map.card(&id("c47")).expect("c47");
        harness.get_by_label(&card_name(Lang::En, chatbot)).click();
        harness.run();
        let opportunity = card(&harness, "c50")
            .opportunity
            .clone()
            .expect("an opportunity");
        assert_eq!(opportunity.impact, 2);
        assert_eq!(opportunity.addresses, vec![id("c46"), id("c47")]);
    }

    #[test]
    fn several_cards_share_a_colour() {
        let selection = Selection {
            cards: vec![id("c32"), id("c33"), id("c47")],
            ..Selection::default()
        };
        let mut harness = harness(Panel::Inspector, Lang::En, selection);
        harness.run();
        harness.get_by_label("3 cards selected");
        assert!(harness.query_by_label("Text").is_none());
        harness.get_by_label("Blue").click();
        harness.run();
        let (map, _, out) = harness.state();
        // c47 was red, the others default: one command per card.
        assert_eq!(out.len(), 3, "{out:#?}");
        for c in ["c32", "c33", "c47"] {
            assert_eq!(
                map.card(&id(c)).and_then(|c| c.color),
                Some(ColorToken::Blue)
            );
        }
    }

    #[test]
    fn a_touchpoint_changes_channel() {
        let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_card(id("c26")));
        harness.run();
        harness.get_by_label("Channel").click();
        harness.run();
        let store = harness.get_by_label("Store");
        store.scroll_to_me();
        harness.run();
        harness.get_by_label("Store").click();
        harness.run();
        assert_eq!(
            card(&harness, "c26").channel,
            Some(Channel {
                kind: ChannelKind::Store,
                online: false
            })
        );
        harness.get_by_label("Online").click();
        harness.run();
        assert_eq!(
            card(&harness, "c26").channel.as_ref().map(|c| c.online),
            Some(true)
        );
    }

    #[test]
    fn a_stage_is_renamed_recoloured_and_split() {
        let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_stage(id("s3")));
        harness.run();
        harness.get_by_label("Purple").click();
        harness.run();
        harness.get_by_label("+ Add step").click();
        harness.run();
        harness.get_by_label("Step 1").focus();
        harness.run();
        harness.get_by_label("Step 1").type_text("!");
        harness.run();
        let map = &harness.state().0;
        let stage = map.stages.iter().find(|s| s.id == id("s3")).expect("s3");
        assert_eq!(stage.color, Some(ColorToken::Purple));
        assert_eq!(stage.steps.len(), 3);
        assert_eq!(stage.steps[2].name, "New step");
        assert!(stage.steps[0].name.contains('!'), "{}", stage.steps[0].name);
    }

    #[test]
    fn a_lane_with_cards_cannot_become_the_emotion_lane() {
        let mut harness = harness(Panel::Inspector, Lang::En, Selection::only_lane(id("l17")));
        harness.run();
        harness.get_by_label("Kind").click();
        harness.run();
        assert!(harness.query_by_label("😊 Emotions").is_none());
        harness.get_by_label("📝 Free text").click();
        harness.run();
        let lane = harness.state().0.lane(&id("l17")).cloned().expect("l17");
        assert_eq!(lane.kind, LaneKind::Text);
    }

    #[test]
    fn a_step_is_renamed() {
        let mut harness = harness(Panel::Inspector, Lang::Vi, Selection::only_step(id("st7")));
        harness.run();
        harness.get_by_label("Tên").focus();
        harness.run();
        harness.get_by_label("Tên").type_text(" qua chatbot");
        harness.run();
        let (_, _, out) = harness.state();
        assert!(out.iter().any(|c| matches!(
            c,
            EditCommand::RenameStep { id: step, name } if *step == id("st7") && name.contains("qua chatbot")
        )));
    }

    #[test]
    fn the_persona_name_and_lists_are_edited() {
        let mut harness = harness(Panel::Persona, Lang::En, Selection::default());
        harness.run();
        harness.get_by_label("Name").focus();
        harness.run();
        harness.get_by_label("Name").type_text(" Nguyễn");
        harness.run();
        assert!(harness.state().0.persona.name.contains(" Nguyễn"));
        let (_, _, out) = harness.state();
        assert!(
            matches!(out.last(), Some(EditCommand::SetPersona(p)) if p.name.contains("Nguyễn"))
        );

        harness.get_by_label("Needs: add an item").click();
        harness.run();
        assert_eq!(harness.state().0.persona.needs.len(), 4);
        harness.get_by_label("Goals: remove item 1").click();
        harness.run();
        assert_eq!(harness.state().0.persona.goals.len(), 1);
        harness.get_by_label("👵").click();
        harness.run();
        assert_eq!(harness.state().0.persona.avatar, "👵");
    }

    #[test]
    fn the_map_title_goals_and_review_are_edited() {
        let mut harness = harness(Panel::Properties, Lang::En, Selection::default());
        harness.run();
        harness.get_by_label("Title").focus();
        harness.run();
        harness.get_by_label("Title").type_text(" 2026");
        harness.run();
        assert!(
            harness.state().0.title.ends_with(" 2026"),
            "{}",
            harness.state().0.title
        );
        assert!(matches!(
            harness.state().2.last(),
            Some(EditCommand::SetMapInfo(info)) if info.title.ends_with(" 2026")
        ));

        // Two goals: a third may be added, a fourth not.
        harness.get_by_label("Business goals: add an item").click();
        harness.run();
        assert_eq!(harness.state().0.goals.len(), 3);
        harness.get_by_label("Business goals: add an item").click();
        harness.run();
        assert_eq!(harness.state().0.goals.len(), 3);

        harness.get_by_label("Today").click();
        harness.run();
        assert_eq!(
            harness.state().0.review.last_reviewed,
            Some(jiff::civil::date(2026, 11, 27))
        );
    }

    #[test]
    fn a_half_typed_date_waits_until_it_parses() {
        let mut harness = harness(Panel::Properties, Lang::En, Selection::default());
        harness.run();
        let commands = harness.state().2.len();
        let field = harness.get_by_label("Last reviewed");
        field.focus();
        harness.run();
        // Select all, then type over it: the field holds "2025-1" for a while.
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run();
        harness.get_by_label("Last reviewed").type_text("2025-1");
        harness.run();
        assert_eq!(
            harness.state().2.len(),
            commands,
            "nothing sent for a half date"
        );
        harness.get_by_label("Type the date as YYYY-MM-DD, e.g. 2025-03-31.");
        harness.get_by_label("Last reviewed").type_text("2-24");
        harness.run();
        assert_eq!(
            harness.state().0.review.last_reviewed,
            Some(jiff::civil::date(2025, 12, 24))
        );
    }

    #[test]
    fn another_content_language_is_typed_in() {
        let mut harness = harness(Panel::Properties, Lang::En, Selection::default());
        harness.run();
        harness.get_by_label("Content language").click();
        harness.run();
        harness.get_by_label("Other…").click();
        harness.run();
        harness.get_by_label("Language code").focus();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.run();
        harness.get_by_label("Language code").type_text("th");
        harness.run();
        assert_eq!(harness.state().0.language, "th");
    }

    /// Every panel and kind of selection draws in both languages and themes with the bundled
    /// fonts (kittest panics on a missing glyph) and every input has a name (kittest checks).
    #[test]
    fn every_panel_renders_in_both_languages() {
        let map = sample();
        let mut selections = vec![
            Selection::default(),
            Selection::only_stage(id("s3")),
            Selection::only_step(id("st4")),
            Selection::only_lane(id("l18")),
            Selection {
                cards: vec![id("c22"), id("c46")],
                ..Selection::default()
            },
        ];
        for lane in &map.lanes {
            if let Some(c) = map.cards.iter().find(|c| c.lane == lane.id) {
                selections.push(Selection::only_card(c.id.clone()));
            }
        }
        for lang in Lang::ALL {
            for theme in [egui::Theme::Light, egui::Theme::Dark] {
                let mut harness =
                    harness_themed(Panel::Inspector, lang, Selection::default(), theme);
                for selection in &selections {
                    harness.state_mut().1 = selection.clone();
                    harness.run();
                }
                assert!(harness.state().2.is_empty(), "{:#?}", harness.state().2);
                for panel in [Panel::Persona, Panel::Properties] {
                    let mut harness = harness_themed(panel, lang, Selection::default(), theme);
                    harness.run();
                    // The placeholder avatar, and a review long overdue.
                    let map = &mut harness.state_mut().0;
                    map.persona.avatar.clear();
                    map.review.last_reviewed = Some(jiff::civil::date(2000, 1, 1));
                    harness.run();
                    assert!(harness.state().2.is_empty(), "{:#?}", harness.state().2);
                }
            }
        }
    }

    #[test]
    fn language_tags_are_checked_loosely() {
        for good in ["fr", "pt-BR", "zh-Hans", "es-419"] {
            assert!(is_plausible_language_tag(good), "{good}");
        }
        for bad in ["", "f", "fr-", "-fr", "fr BR", "1a"] {
            assert!(!is_plausible_language_tag(bad), "{bad}");
        }
    }
}
