//! Cards under the pointer: select (Shift/Ctrl to add), double-click to edit, workshop votes,
//! the card's context menu; and drag and drop: where dragged cards, stages and lanes would
//! land (the drop preview the canvas paints) and the move when they are let go.

use egui::{Pos2, Response, Role, Ui, Vec2, WidgetInfo};

use crate::edit::EditCommand;
use crate::layout::MapLayout;
use crate::model::{Card, Channel, ChannelKind, Id, JourneyMap, LaneKind};

use crate::ui::canvas::clipboard::{delete_selection, duplicate};
use crate::ui::canvas::paint::{DropPreview, lod};
use crate::ui::canvas::selection::Selection;
use crate::ui::canvas::{
    Drag, EditTarget, Editing, EditorOutput, EditorState, Frame, ITEM_SENSE, cell_ids,
    color_menu_ui, focus_canvas_on_click,
};
use crate::ui::kit::i18n::{Lang, tr, tr_args};

/// Every visible card: its pointer interaction, tooltip and context menu. Cards too small to
/// read (level of detail) have no widget each: the background's `response` is given to the
/// one card under the pointer (or whose menu is open), found by [`lod_card`].
pub(super) fn cards_interaction(
    ui: &mut Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    background: &Response,
    out: &mut EditorOutput,
) {
    profiling::function_scope!();
    let to_screen = f.to_screen(&state.view);
    if lod::text_as_bars(f.metrics.card_font_size, state.view.zoom) {
        let card_box = lod_card(state, f, background);
        let kept = card_box.and_then(|card_box| {
            let card = f.map.cards.get(card_box.card_index)?;
            let rect = (to_screen * card_box.rect).intersect(f.canvas);
            card_pointer(ui, state, f, card, rect, background.clone(), true, out)
                .then(|| card.id.clone())
        });
        state.lod_menu = kept;
        // For a screen reader (or a test) each card is still named, by a widget that only
        // hovers, so the background keeps the clicks; without one, no widget at all.
        if ui
            .ctx()
            .accesskit_node_builder(background.id, |_| ())
            .is_some()
        {
            let visible = to_screen.inverse() * f.canvas;
            for card_box in f.layout.cards_in(visible) {
                if let Some(card) = f.map.cards.get(card_box.card_index) {
                    let rect = (to_screen * card_box.rect).intersect(f.canvas);
                    let id = ui.scope_id().with(("card", &card.id));
                    ui.interact(rect, id, egui::Sense::hover())
                        .widget_info(|| card_info(state, f, card));
                }
            }
        }
        return;
    }
    let visible = to_screen.inverse() * f.canvas;
    for card_box in f.layout.cards_in(visible) {
        let Some(card) = f.map.cards.get(card_box.card_index) else {
            continue;
        };
        let rect = (to_screen * card_box.rect).intersect(f.canvas);
        let response = ui.interact(rect, ui.scope_id().with(("card", &card.id)), ITEM_SENSE);
        // The card in full on hover, but not over its customer data, whose badges and flags
        // have tooltips of their own.
        let over_data = card_box
            .data
            .as_ref()
            .zip(ui.input(|i| i.pointer.hover_pos()))
            .is_some_and(|(d, p)| (to_screen * d.area).contains(p));
        card_pointer(ui, state, f, card, rect, response, !over_data, out);
    }
}

/// At the level of detail, the card the background's pointer is on: the card whose context
/// menu is open, else the one under the pointer.
pub(super) fn lod_card<'a>(
    state: &EditorState,
    f: &Frame<'a>,
    background: &Response,
) -> Option<&'a crate::layout::CardBox> {
    if let Some(id) = &state.lod_menu
        && background.interact_pointer_pos().is_none()
        && let Some(card) = f.layout.card(id)
    {
        return Some(card);
    }
    let hover = || {
        background
            .contains_pointer()
            .then(|| background.ctx.input(|i| i.pointer.hover_pos()))
            .flatten()
    };
    let pointer = background
        .interact_pointer_pos()
        .or_else(hover)
        .filter(|p| f.canvas.contains(*p))?;
    f.layout
        .card_at(f.to_screen(&state.view).inverse() * pointer)
}

/// One card's pointer interaction through `response` (its own widget, or the background's at
/// the level of detail): select, edit, vote, drag, tooltip (when `tooltip`) and context menu.
/// Returns whether the context menu is open.
#[expect(
    clippy::too_many_arguments,
    reason = "the card, where it is and what answers the pointer"
)]
fn card_pointer(
    ui: &mut Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    card: &Card,
    rect: egui::Rect,
    response: Response,
    tooltip: bool,
    out: &mut EditorOutput,
) -> bool {
    let modifiers = ui.input(|i| i.modifiers);
    let editing_id = state.editing_card().cloned();
    let far = response.id != ui.scope_id().with(("card", &card.id));
    {
        let votes = card
            .pain
            .as_ref()
            .map(|p| p.votes)
            .or(card.opportunity.as_ref().map(|o| o.votes));
        // The background keeps its own label at the level of detail.
        if !far {
            response.widget_info(|| card_info(state, f, card));
        }
        focus_canvas_on_click(ui, state, &response);
        // The card in full on hover (not while dragging, not over the text being edited).
        let response = if state.drag.is_none() && editing_id.as_ref() != Some(&card.id) && tooltip {
            let tip = |ui: &mut Ui| {
                card_tooltip_ui(ui, f.lang, f.map, card);
                if state.voting && votes.is_some() {
                    ui.separator();
                    ui.weak(tr(f.lang, "vote-hint"));
                }
            };
            // At the level of detail the response is the whole canvas's: the tooltip goes by
            // the pointer, not under the canvas.
            if far {
                response.on_hover_ui_at_pointer(tip)
            } else {
                response.on_hover_ui(tip)
            }
        } else {
            response
        };
        if state.voting {
            // Workshop voting: every click is a dot, a right-click takes one back.
            if response.clicked() {
                state.editing = None;
                state.selection = Selection::only_card(card.id.clone());
                if votes.is_some() {
                    out.commands.push(EditCommand::Vote {
                        card: card.id.clone(),
                        delta: 1,
                    });
                }
            }
            if response.secondary_clicked() && votes.is_some_and(|v| v > 0) {
                out.commands.push(EditCommand::Vote {
                    card: card.id.clone(),
                    delta: -1,
                });
            }
            return false;
        }
        if response.clicked() {
            state.editing = None;
            if modifiers.shift || modifiers.command {
                state.selection.toggle_card(card.id.clone());
            } else {
                state.selection = Selection::only_card(card.id.clone());
            }
            state.cursor = Some((card.step.clone(), card.lane.clone()));
        }
        if response.double_clicked() {
            state.selection = Selection::only_card(card.id.clone());
            state.editing = Some(Editing::new(EditTarget::Card(card.id.clone()), &card.text));
        }
        if response.drag_started() {
            if !state.selection.has_card(&card.id) {
                state.selection = Selection::only_card(card.id.clone());
            }
            let ids = state
                .selection
                .cards_in_map_order(f.map)
                .iter()
                .map(|c| c.id.clone())
                .collect();
            let grab = response
                .interact_pointer_pos()
                .map_or(Vec2::ZERO, |p| p - rect.min);
            state.drag = Some(Drag::Cards { ids, grab });
        }
        response
            .context_menu(|ui| card_menu_ui(ui, state, f.map, card, f.lang, out))
            .is_some()
    }
}

/// A card's accessible name: its text, and its votes on pain points and opportunities (so a
/// screen reader, and a test, can follow a workshop vote); whether it is selected.
fn card_info(state: &EditorState, f: &Frame<'_>, card: &Card) -> WidgetInfo {
    let text = if card.text.is_empty() {
        tr(f.lang, "card-empty")
    } else {
        card.text.clone()
    };
    let votes = card
        .pain
        .as_ref()
        .map(|p| p.votes)
        .or(card.opportunity.as_ref().map(|o| o.votes));
    let label = match votes {
        Some(votes) => tr_args(
            f.lang,
            "card-label-votes",
            &[("text", text.into()), ("votes", votes.into())],
        ),
        None => tr_args(f.lang, "card-label", &[("text", text.into())]),
    };
    WidgetInfo::selected(
        Role::Button,
        true,
        state.selection.has_card(&card.id),
        label,
    )
}

/// A card in full, for its tooltip: text, details, channel, and the pain point or opportunity.
fn card_tooltip_ui(ui: &mut Ui, lang: Lang, map: &JourneyMap, card: &crate::model::Card) {
    ui.set_max_width(320.0);
    ui.label(egui::RichText::new(&card.text).strong());
    if !card.details.is_empty() {
        ui.label(&card.details);
    }
    if let Some(channel) = &card.channel {
        let place = tr(
            lang,
            if channel.online {
                "tip-online"
            } else {
                "tip-offline"
            },
        );
        ui.label(format!("{} · {place}", channel.kind.name(&map.language)));
    }
    if let Some(pain) = &card.pain {
        ui.separator();
        ui.label(tr_args(
            lang,
            "tip-pain",
            &[
                ("icon", crate::model::severity_icon(pain.severity).into()),
                ("severity", pain.severity.into()),
                ("votes", pain.votes.into()),
                (
                    "status",
                    tr(lang, crate::ui::kit::labels::status_key(pain.status)).into(),
                ),
            ],
        ));
        if !pain.owner.is_empty() {
            ui.label(tr_args(
                lang,
                "tip-owner",
                &[("owner", pain.owner.clone().into())],
            ));
        }
        for evidence in &pain.evidence {
            let text = match evidence {
                crate::model::Evidence::Text(t) => format!("• {t}"),
                crate::model::Evidence::Link(l) => format!("🔗 {l}"),
                crate::model::Evidence::Metric(id) => {
                    format!(
                        "📊 {}",
                        map.card(id).map_or(id.as_str(), |c| c.text.as_str())
                    )
                }
                crate::model::Evidence::Measured { card, metric } => {
                    format!(
                        "📈 {}",
                        crate::ui::kit::labels::measured_label(lang, map, card, *metric)
                    )
                }
            };
            ui.label(text);
        }
    }
    if let Some(opp) = &card.opportunity {
        ui.separator();
        ui.label(tr_args(
            lang,
            "tip-opportunity",
            &[
                ("impact", opp.impact.into()),
                ("effort", opp.effort.into()),
                ("votes", opp.votes.into()),
            ],
        ));
        for id in &opp.addresses {
            if let Some(pain) = map.card(id) {
                ui.label(format!("⚠ {}", pain.text));
            }
        }
    }
}

fn card_menu_ui(
    ui: &mut Ui,
    state: &mut EditorState,
    map: &JourneyMap,
    card: &Card,
    lang: Lang,
    out: &mut EditorOutput,
) {
    if !state.selection.has_card(&card.id) {
        state.selection = Selection::only_card(card.id.clone());
    }
    if ui.button(tr(lang, "ctx-edit")).clicked() {
        state.editing = Some(Editing::new(EditTarget::Card(card.id.clone()), &card.text));
        ui.close();
    }
    ui.menu_button(tr(lang, "ctx-color"), |ui| {
        if let Some(color) = color_menu_ui(ui, lang) {
            for c in state.selection.cards_in_map_order(map) {
                out.commands
                    .push(EditCommand::SetCard(Card { color, ..c.clone() }));
            }
            out.seal = true;
            ui.close();
        }
    });
    let is_touchpoint = map
        .lane(&card.lane)
        .is_some_and(|l| l.kind == LaneKind::Touchpoints);
    if is_touchpoint || card.channel.is_some() {
        ui.menu_button(tr(lang, "ctx-channel"), |ui| {
            channel_menu_ui(ui, card, lang, out);
        });
    }
    if is_touchpoint {
        super::data::flag_menu_ui(ui, state, map, card, lang, out);
    }
    ui.separator();
    if ui.button(tr(lang, "edit-duplicate")).clicked() {
        duplicate(state, map, out);
        ui.close();
    }
    if ui.button(tr(lang, "edit-delete")).clicked() {
        delete_selection(state, map, out);
        ui.close();
    }
}

/// The built-in channels to choose from, and whether the chosen one is online.
fn channel_menu_ui(ui: &mut Ui, card: &Card, lang: Lang, out: &mut EditorOutput) {
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for kind in ChannelKind::BUILT_IN {
                let selected = card.channel.as_ref().is_some_and(|c| c.kind == kind);
                if ui
                    .selectable_label(selected, kind.name(lang.code()))
                    .clicked()
                {
                    out.commands.push(EditCommand::SetCard(Card {
                        channel: Some(Channel::new(kind)),
                        ..card.clone()
                    }));
                    out.seal = true;
                    ui.close();
                }
            }
        });
    if let Some(channel) = &card.channel {
        ui.separator();
        let mut online = channel.online;
        if ui.checkbox(&mut online, tr(lang, "ctx-online")).changed() {
            out.commands.push(EditCommand::SetCard(Card {
                channel: Some(Channel {
                    online,
                    ..channel.clone()
                }),
                ..card.clone()
            }));
            out.seal = true;
        }
    }
}

/// Ends a drag: moves the cards, stage or lane, or finishes the rubber band.
pub(super) fn finish_drag(
    ui: &Ui,
    state: &mut EditorState,
    map: &JourneyMap,
    layout: &MapLayout,
    pointer_in_map: Option<Pos2>,
    out: &mut EditorOutput,
) {
    let released = ui.input(|i| i.pointer.any_released());
    if !released || matches!(state.drag, None | Some(Drag::Band { .. })) {
        return;
    }
    let Some(pos) = pointer_in_map else {
        state.drag = None;
        return;
    };
    match state.drag.take() {
        Some(Drag::Cards { ids, .. }) => {
            if let Some((step, lane, index)) = card_drop_target(map, layout, pos, &ids) {
                out.commands.push(EditCommand::MoveCards {
                    ids,
                    step,
                    lane,
                    index,
                });
                out.seal = true;
            }
        }
        Some(Drag::Stage { id }) => {
            let (to, _) = insertion(stage_spans(layout), &id, pos.x);
            out.commands.push(EditCommand::MoveStage { id, to });
        }
        Some(Drag::Lane { id }) => {
            let (to, _) = insertion(lane_spans(layout), &id, pos.y);
            out.commands.push(EditCommand::MoveLane { id, to });
        }
        Some(Drag::Band { .. }) | None => {}
    }
}

/// The cell and index a card drag at `pos` would drop into.
fn card_drop_target(
    map: &JourneyMap,
    layout: &MapLayout,
    pos: Pos2,
    moving: &[Id],
) -> Option<(Id, Id, usize)> {
    let (s, l) = layout.cell_at(pos)?;
    let lane = layout.lanes.get(l)?;
    if !lane.kind.holds_cards() || lane.collapsed {
        return None;
    }
    let (index, _) = layout.drop_slot(s, l, pos.y, moving);
    let (step, lane) = cell_ids(map, layout, s, l)?;
    Some((step, lane, index))
}

/// What the drag in progress would do if let go with the pointer at `pointer_in_map`.
pub(super) fn drop_preview(
    state: &EditorState,
    layout: &MapLayout,
    pointer_in_map: Option<Pos2>,
) -> Option<DropPreview> {
    let pos = pointer_in_map?;
    match &state.drag {
        Some(Drag::Cards { ids, grab }) => {
            let (s, l) = layout.cell_at(pos)?;
            let lane = layout.lanes.get(l)?;
            let cell = layout.cell_rect(s, l)?;
            let valid = lane.kind.holds_cards() && !lane.collapsed;
            let (_, line_y) = layout.drop_slot(s, l, pos.y, ids);
            Some(DropPreview::Cards {
                ids: ids.clone(),
                grab: *grab,
                pointer: pos,
                cell,
                line_y: valid.then_some(line_y),
            })
        }
        Some(Drag::Stage { id }) => {
            let (_, x) = insertion(stage_spans(layout), id, pos.x);
            Some(DropPreview::StageLine { x: x? })
        }
        Some(Drag::Lane { id }) => {
            let (_, y) = insertion(lane_spans(layout), id, pos.y);
            Some(DropPreview::LaneLine { y: y? })
        }
        _ => None,
    }
}

/// The stages along x: id, left and right edge of the header (map coordinates).
fn stage_spans(layout: &MapLayout) -> impl Iterator<Item = (&Id, f32, f32)> {
    layout
        .stages
        .iter()
        .map(|s| (&s.id, s.header.min.x, s.header.max.x))
}

/// The lanes along y: id, top and bottom edge of the row (map coordinates).
fn lane_spans(layout: &MapLayout) -> impl Iterator<Item = (&Id, f32, f32)> {
    layout
        .lanes
        .iter()
        .map(|l| (&l.id, l.row.min.y, l.row.max.y))
}

/// Where a stage or lane dragged to `at` goes among the others, given as (id, start, end) along
/// the drag's axis: the index it moves to (how many others have their middle before `at`), and
/// the edge nearest `at` where the drop line is drawn (`None` when there is no other).
fn insertion<'a>(
    spans: impl Iterator<Item = (&'a Id, f32, f32)>,
    moving: &Id,
    at: f32,
) -> (usize, Option<f32>) {
    let mut index = 0;
    let mut line: Option<f32> = None;
    for (_, start, end) in spans.filter(|(id, ..)| *id != moving) {
        let before = (start + end) / 2.0 < at;
        let edge = if before {
            index += 1;
            end
        } else {
            start
        };
        // The first of equally near edges wins.
        if line.is_none_or(|l| (edge - at).abs().total_cmp(&(l - at).abs()).is_lt()) {
            line = Some(edge);
        }
    }
    (index, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drop_goes_after_the_others_whose_middle_it_passed() {
        let ids: Vec<Id> = ["a", "b", "c"].into_iter().map(Id::new).collect();
        let spans = || {
            ids.iter()
                .zip([(0.0, 100.0), (100.0, 200.0), (200.0, 300.0)])
                .map(|(id, (start, end))| (id, start, end))
        };
        // "a" dragged just past the middle of "b": after "b", line at b's end.
        assert_eq!(insertion(spans(), &ids[0], 160.0), (1, Some(200.0)));
        // Before b's middle: stays first, line at b's start.
        assert_eq!(insertion(spans(), &ids[0], 130.0), (0, Some(100.0)));
        // "c" dragged to the far left.
        assert_eq!(insertion(spans(), &ids[2], -50.0), (0, Some(0.0)));
        // "b" dragged past everything.
        assert_eq!(insertion(spans(), &ids[1], 900.0), (2, Some(300.0)));
        // Alone: index 0 and no line.
        assert_eq!(insertion(spans().take(1), &ids[0], 50.0), (0, None));
    }
}
