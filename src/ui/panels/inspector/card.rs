//! The card section of the inspector: text, details, colour and a touchpoint's channel, then
//! the pain-point and opportunity sections; and the colour of several cards at once.

use egui::{ComboBox, Grid, Response, TextEdit, Ui};

use super::opportunity::opportunity_ui;
use super::pain::pain_ui;
use crate::edit::EditCommand;
use crate::model::{Card, Channel, ChannelKind, ColorToken, JourneyMap, LaneKind};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::labels::{lane_icon, step_label};
use crate::ui::kit::theme::{Theme, size};
use crate::ui::kit::widgets::{Lines, color_row_ui, form_row_ui, heading_ui, text_field_ui};

/// One card: every field, with the pain-point and opportunity sections.
pub(super) fn card_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    card: &Card,
    out: &mut Vec<EditCommand>,
) {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let lane_kind = map.lane(&card.lane).map(|l| l.kind);
    let mut edited = card.clone();
    ui.push_id(&card.id, |ui| {
        heading_ui(ui, tr(lang, "insp-card"), Some(card_place(map, card)));
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
        if let Some(choice) = card_color_row_ui(ui, lang, Some(edited.color), lane_kind) {
            edited.color = choice;
        }
        if lane_kind == Some(LaneKind::Touchpoints) || edited.channel.is_some() {
            ui.add_space(ui.spacing().item_spacing.y);
            channel_ui(ui, lang, &mut edited.channel);
        }
        super::data::card_data_ui(ui, lang, map, card, out);
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
pub(super) fn cards_ui(
    ui: &mut Ui,
    lang: Lang,
    map: &JourneyMap,
    cards: &[&Card],
    out: &mut Vec<EditCommand>,
) {
    let count = [("count", cards.len().into())];
    heading_ui(ui, tr_args(lang, "insp-cards-selected", &count), None);
    let first = cards.first().map(|c| c.color);
    let shared = first.filter(|color| cards.iter().all(|c| c.color == *color));
    // The "default" swatch shows the default of the first card's lane; lanes may differ.
    let first_lane = cards
        .first()
        .and_then(|c| map.lane(&c.lane))
        .map(|l| l.kind);
    if let Some(choice) = card_color_row_ui(ui, lang, shared, first_lane) {
        for card in cards.iter().filter(|c| c.color != choice) {
            let mut edited = (*card).clone();
            edited.color = choice;
            out.push(EditCommand::SetCard(edited));
        }
    }
}

/// The colour row of one card or several: card fills, with the default fill of a card in a
/// lane of kind `lane`. `selected` is `None` when the cards differ. Returns the colour clicked.
fn card_color_row_ui(
    ui: &mut Ui,
    lang: Lang,
    selected: Option<Option<ColorToken>>,
    lane: Option<LaneKind>,
) -> Option<Option<ColorToken>> {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    color_row_ui(
        ui,
        lang,
        selected,
        lane.map(|kind| theme.card_fill(Theme::lane_card_color(kind))),
        |token| (theme.card_fill(token), theme.strong(token)),
        size::CARD_ROUNDING,
    )
}

/// Where a card sits: "Stage › Step · 📍 Lane".
fn card_place(map: &JourneyMap, card: &Card) -> String {
    let column = step_label(map, &card.step);
    match map.lane(&card.lane) {
        Some(lane) => format!("{column} · {} {}", lane_icon(lane.kind), lane.name),
        None => column,
    }
}

/// The channel picker of a touchpoint: built-in channels, a custom one, or none.
fn channel_ui(ui: &mut Ui, lang: Lang, channel: &mut Option<Channel>) {
    Grid::new("channel").num_columns(2).show(ui, |ui| {
        form_row_ui(ui, tr(lang, "ctx-channel"), |ui| {
            channel_kind_box_ui(ui, lang, channel)
        });
        let Some(channel) = channel else {
            return;
        };
        if let ChannelKind::Custom(name) = &mut channel.kind {
            form_row_ui(ui, tr(lang, "insp-channel-name"), |ui| {
                ui.add(
                    TextEdit::singleline(name)
                        .id_salt("channel-name")
                        .desired_width(ui.available_width())
                        .hint_text(tr(lang, "insp-channel-name-hint")),
                )
            });
        }
        ui.label("");
        ui.checkbox(&mut channel.online, tr(lang, "ctx-online"));
        ui.end_row();
    });
}

/// The drop-down of a touchpoint's channel kind: none, a built-in channel, or a custom one.
fn channel_kind_box_ui(ui: &mut Ui, lang: Lang, channel: &mut Option<Channel>) -> Response {
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
}
