//! Direct manipulation on the canvas: select, edit in place, drag, keyboard entry, context
//! menus. The canvas never changes the document: it returns [`EditCommand`]s in an
//! [`EditorOutput`], which the app applies after the frame.

use egui::{
    Event, FontId, Key, Modifiers, Pos2, Rect, Response, Role, Sense, Stroke, TextEdit, Ui, Vec2,
    WidgetInfo, pos2, vec2,
};

use crate::edit::EditCommand;
use crate::layout::{LayoutMetrics, MapLayout};
use crate::model::{Card, Channel, ChannelKind, Id, JourneyMap, LaneKind};

use crate::ui::canvas::curves;
use crate::ui::canvas::paint::{self as canvas, Overlay};
use crate::ui::canvas::selection::Selection;
use crate::ui::canvas::{
    Drag, EditTarget, Editing, EditorOutput, EditorState, Frame, ITEM_SENSE, color_menu_ui,
};
use crate::ui::kit::i18n::{Lang, lane_kind_key, tr, tr_args};
use crate::ui::kit::theme::Theme;

/// The editor canvas: paints the map and handles every direct manipulation.
#[expect(
    clippy::too_many_arguments,
    reason = "the canvas needs all of these, and they are distinct"
)]
pub fn editor_ui(
    ui: &mut Ui,
    state: &mut EditorState,
    map: &JourneyMap,
    layout: &MapLayout,
    metrics: &LayoutMetrics,
    theme: &Theme,
    lang: Lang,
    interactive: bool,
) -> EditorOutput {
    let mut out = EditorOutput::default();
    state.selection.retain_existing(map);
    if let Some(editing) = &state.editing
        && !target_exists(map, &editing.target)
    {
        state.editing = None;
    }

    let (canvas, background) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    // The keyboard focus of the canvas is a widget of its own that senses no clicks, so Enter
    // and Space reach the cell commands instead of "clicking" the background. While it has
    // focus, Tab and the arrows move between cells instead of between widgets; a text field
    // elsewhere (the inspector) keeps its keys.
    let keyboard_focus = ui.interact(
        canvas,
        ui.scope_id().with("canvas-keyboard"),
        Sense::FOCUSABLE,
    );
    let canvas_id = keyboard_focus.id;
    state.canvas_id = Some(canvas_id);
    if keyboard_focus.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                canvas_id,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            );
        });
    }
    let focused = ui.memory(egui::Memory::focused);
    // Not under a dialog or prompt: the keyboard belongs to the window on top.
    if interactive && focused.is_none() && state.editing.is_none() {
        ui.memory_mut(|m| m.request_focus(canvas_id));
    }
    background.widget_info(|| {
        WidgetInfo::labeled(
            Role::Canvas,
            true,
            tr_args(lang, "canvas-label", &[("title", map.title.clone().into())]),
        )
    });
    if state.view.fit_pending {
        state.view.fit(layout.size, canvas);
        state.view.fit_pending = false;
    }
    if let Some(id) = &state.reveal
        && let Some(card) = layout.card(id)
    {
        let rect = card.rect;
        state.reveal = None;
        scroll_into_view(state, rect, canvas);
    }
    let to_screen = state.view.screen_from_map(canvas);
    let to_map = to_screen.inverse();
    let pointer_in_map = ui.input(|i| i.pointer.interact_pos()).map(|p| to_map * p);

    // 1. Painting, with the state as the last frame left it; the widgets added below (buttons,
    //    the text editor) then draw on top of the map.
    let editing_id = match &state.editing {
        Some(Editing {
            target: EditTarget::Card(id),
            ..
        }) => Some(id.clone()),
        _ => None,
    };
    let overlay = Overlay {
        selected: &state.selection,
        editing_card: editing_id.as_ref(),
        cursor: state.cursor.as_ref().and_then(|(s, l)| {
            Some((
                map.step_index(s)?,
                map.lanes.iter().position(|x| &x.id == l)?,
            ))
        }),
        drop: drop_preview(state, layout, pointer_in_map),
        band: match (&state.drag, ui.input(|i| i.pointer.interact_pos())) {
            (Some(Drag::Band { start }), Some(now)) => Some(Rect::from_two_pos(*start, now)),
            _ => None,
        },
        lang,
        voting: state.voting,
    };
    let legend = canvas::paint(
        ui,
        canvas,
        &state.view,
        map,
        layout,
        metrics,
        theme,
        &overlay,
    );

    // 2. Interaction, topmost last: background, cards, then the sticky headers and labels.
    let frame = Frame {
        map,
        layout,
        metrics,
        canvas,
        lang,
    };
    if interactive {
        background_interaction(ui, state, &frame, &background, &mut out);
        cards_interaction(ui, state, &frame, &mut out);
        headers_interaction(ui, state, &frame, &mut out);
        curves::points_interaction(ui, state, &frame, &mut out);
        // Markers sit beside points and over card corners: on top, so they stay clickable.
        curves::markers_interaction(ui, state, &frame);
        lanes_interaction(ui, state, &frame, &mut out);
        curves::legend_interaction(ui, state, map, &legend, lang, &mut out);
        finish_drag(ui, state, map, layout, pointer_in_map, &mut out);
    }

    // 3. The in-place editor on top of everything.
    if interactive {
        let was_editing = state.editing.is_some();
        inplace_editor_ui(ui, state, &frame, &mut out);
        if was_editing && state.editing.is_none() {
            ui.memory_mut(|m| m.request_focus(canvas_id));
        }
        let canvas_focused = ui.memory(|m| m.focused().is_none_or(|f| f == canvas_id));
        if state.editing.is_none() && canvas_focused && !ui.ctx().text_edit_focused() {
            keyboard(ui, state, map, layout, canvas, &mut out);
            clipboard(ui, state, map, &mut out);
        }
    }
    out
}

fn target_exists(map: &JourneyMap, target: &EditTarget) -> bool {
    match target {
        EditTarget::Card(id) => map.card(id).is_some(),
        EditTarget::Stage(id) => map.stages.iter().any(|s| &s.id == id),
        EditTarget::Step(id) => map.step_index(id).is_some(),
        EditTarget::Lane(id) => map.lane(id).is_some(),
    }
}

fn background_interaction(
    ui: &Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    response: &Response,
    out: &mut EditorOutput,
) {
    let Frame {
        map,
        layout,
        canvas,
        ..
    } = *f;
    let to_map = state.view.screen_from_map(canvas).inverse();
    let shift = ui.input(|i| i.modifiers.shift);
    if response.drag_started() {
        if shift {
            if let Some(p) = response.interact_pointer_pos() {
                state.drag = Some(Drag::Band { start: p });
            }
        } else {
            state.drag = None;
        }
    }
    if response.dragged() && !matches!(state.drag, Some(Drag::Band { .. })) {
        state.view.offset += response.drag_delta();
    }
    if response.drag_stopped()
        && let Some(Drag::Band { start }) = state.drag.take()
        && let Some(end) = response.interact_pointer_pos()
    {
        let band = to_map * Rect::from_two_pos(start, end);
        for card in layout.cards.iter().filter(|c| c.rect.intersects(band)) {
            if !state.selection.has_card(&card.id) {
                state.selection.toggle_card(card.id.clone());
            }
        }
    }
    canvas::handle_zoom_and_scroll(ui, &mut state.view, response, canvas);

    let cell = response
        .interact_pointer_pos()
        .and_then(|p| layout.cell_at(to_map * p));
    if response.clicked() {
        if let Some(id) = state.canvas_id {
            ui.memory_mut(|m| m.request_focus(id));
        }
        state.editing = None;
        let map_y = response
            .interact_pointer_pos()
            .map_or(0.0, |p| (to_map * p).y);
        let added = cell.is_some_and(|cell| {
            !state.voting && curves::click_to_add_point(state, f, cell, map_y, shift, out)
        });
        if !shift && !added {
            state.selection = Selection::default();
        }
        state.cursor = cell.and_then(|(s, l)| cell_ids(map, layout, s, l));
    }
    if response.double_clicked()
        && let Some((s, l)) = cell
        && let Some((step, lane)) = cell_ids(map, layout, s, l)
        && layout.lanes[l].kind.holds_cards()
        && !layout.lanes[l].collapsed
    {
        let pointer_y = response
            .interact_pointer_pos()
            .map_or(0.0, |p| (to_map * p).y);
        let (index, _) = layout.drop_slot(s, l, pointer_y, &[]);
        state.cursor = Some((step.clone(), lane.clone()));
        out.commands.push(EditCommand::AddCard {
            step,
            lane,
            index: Some(index),
            text: String::new(),
        });
        out.edit_created_card = true;
    }
}

fn cell_ids(map: &JourneyMap, layout: &MapLayout, step: usize, lane: usize) -> Option<(Id, Id)> {
    let step = layout.steps.get(step)?.id.clone();
    let lane = map.lanes.get(lane)?.id.clone();
    Some((step, lane))
}

fn cards_interaction(ui: &mut Ui, state: &mut EditorState, f: &Frame<'_>, out: &mut EditorOutput) {
    let Frame {
        map,
        layout,
        canvas,
        lang,
        ..
    } = *f;
    let to_screen = state.view.screen_from_map(canvas);
    let visible = to_screen.inverse() * canvas;
    let modifiers = ui.input(|i| i.modifiers);
    let editing_id = match &state.editing {
        Some(Editing {
            target: EditTarget::Card(id),
            ..
        }) => Some(id.clone()),
        _ => None,
    };
    for card_box in layout.cards.iter().filter(|c| c.rect.intersects(visible)) {
        let Some(card) = map.cards.get(card_box.card_index) else {
            continue;
        };
        let rect = (to_screen * card_box.rect).intersect(canvas);
        let response = ui.interact(rect, ui.scope_id().with(("card", &card.id)), ITEM_SENSE);
        let votes = card
            .pain
            .as_ref()
            .map(|p| p.votes)
            .or(card.opportunity.as_ref().map(|o| o.votes));
        response.widget_info(|| {
            let text = if card.text.is_empty() {
                tr(lang, "card-empty")
            } else {
                card.text.clone()
            };
            let label = match votes {
                // Pain points and opportunities say their votes, so a screen reader (and a
                // test) can follow a workshop vote.
                Some(votes) => tr_args(
                    lang,
                    "card-label-votes",
                    &[("text", text.into()), ("votes", votes.into())],
                ),
                None => tr_args(lang, "card-label", &[("text", text.into())]),
            };
            WidgetInfo::selected(
                Role::Button,
                true,
                state.selection.has_card(&card.id),
                label,
            )
        });
        focus_canvas_on_click(ui, state, &response);
        // The card in full on hover (not while dragging, not over the text being edited).
        let response = if state.drag.is_none() && editing_id.as_ref() != Some(&card.id) {
            response.on_hover_ui(|ui| {
                canvas::card_tooltip_ui(ui, lang, map, card);
                if state.voting && votes.is_some() {
                    ui.separator();
                    ui.weak(tr(lang, "vote-hint"));
                }
            })
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
            continue;
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
                .cards_in_map_order(map)
                .iter()
                .map(|c| c.id.clone())
                .collect();
            let grab = response
                .interact_pointer_pos()
                .map_or(Vec2::ZERO, |p| p - rect.min);
            state.drag = Some(Drag::Cards { ids, grab });
        }
        response.context_menu(|ui| card_menu_ui(ui, state, map, card, lang, out));
    }
}

/// Clicking a card or header gives the keyboard to the canvas (not to that element), so Tab,
/// the arrows and Enter keep working on cells.
fn focus_canvas_on_click(ui: &Ui, state: &EditorState, response: &Response) {
    if (response.clicked() || response.drag_started() || response.double_clicked())
        && let Some(id) = state.canvas_id
    {
        ui.memory_mut(|m| m.request_focus(id));
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
        });
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

fn headers_interaction(
    ui: &mut Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    out: &mut EditorOutput,
) {
    let Frame {
        map,
        layout,
        metrics,
        canvas,
        lang,
    } = *f;
    let to_screen = state.view.screen_from_map(canvas);
    let dy = canvas::sticky_dy(&state.view, canvas);
    for (stage_box, stage) in layout.stages.iter().zip(&map.stages) {
        let rect = (to_screen * stage_box.header)
            .translate(vec2(0.0, dy))
            .intersect(canvas);
        if rect.width() <= 0.0 {
            continue;
        }
        let response = ui.interact(rect, ui.scope_id().with(("stage", &stage.id)), ITEM_SENSE);
        response.widget_info(|| {
            WidgetInfo::selected(
                Role::Button,
                true,
                state.selection.stage.as_ref() == Some(&stage.id),
                tr_args(lang, "stage-label", &[("name", stage.name.clone().into())]),
            )
        });
        focus_canvas_on_click(ui, state, &response);
        if response.clicked() {
            state.editing = None;
            state.selection = Selection::only_stage(stage.id.clone());
        }
        if response.double_clicked() {
            state.editing = Some(Editing::new(
                EditTarget::Stage(stage.id.clone()),
                &stage.name,
            ));
        }
        if response.drag_started() {
            state.drag = Some(Drag::Stage {
                id: stage.id.clone(),
            });
        }
        response.context_menu(|ui| {
            state.selection = Selection::only_stage(stage.id.clone());
            if ui.button(tr(lang, "ctx-rename")).clicked() {
                state.editing = Some(Editing::new(
                    EditTarget::Stage(stage.id.clone()),
                    &stage.name,
                ));
                ui.close();
            }
            ui.menu_button(tr(lang, "ctx-color"), |ui| {
                if let Some(color) = color_menu_ui(ui, lang) {
                    out.commands.push(EditCommand::SetStage {
                        id: stage.id.clone(),
                        name: stage.name.clone(),
                        color,
                    });
                    out.seal = true;
                    ui.close();
                }
            });
            if ui.button(tr(lang, "ctx-add-step")).clicked() {
                out.commands.push(EditCommand::AddStep {
                    stage: stage.id.clone(),
                    index: stage.steps.len(),
                    name: tr(map_lang(map), "canvas-new-step"),
                });
                ui.close();
            }
            let index = stage_box.index;
            for (key, at) in [
                ("ctx-add-stage-before", index),
                ("ctx-add-stage-after", index + 1),
            ] {
                if ui.button(tr(lang, key)).clicked() {
                    out.commands.push(EditCommand::AddStage {
                        index: at,
                        name: tr(map_lang(map), "canvas-new-stage"),
                    });
                    out.select_created = true;
                    ui.close();
                }
            }
            ui.separator();
            if ui.button(tr(lang, "ctx-delete-stage")).clicked() {
                out.commands.push(EditCommand::DeleteStage {
                    id: stage.id.clone(),
                });
                ui.close();
            }
        });
    }
    // The "add stage" button right of the last stage.
    let right = to_screen * pos2(layout.size.x, 0.0);
    let add = Rect::from_min_size(
        pos2(right.x + 6.0, to_screen.translation.y + dy),
        vec2(30.0, metrics.stage_header_height * state.view.zoom),
    );
    if add.intersects(canvas) {
        let response = ui
            .put(add, egui::Button::new("+").small())
            .on_hover_text(tr(lang, "canvas-add-stage-hint"));
        response.widget_info(|| {
            WidgetInfo::labeled(Role::Button, true, tr(lang, "canvas-add-stage-hint"))
        });
        if response.clicked() {
            if let Some(id) = state.canvas_id {
                ui.memory_mut(|m| m.request_focus(id));
            }
            out.commands.push(EditCommand::AddStage {
                index: map.stages.len(),
                name: tr(map_lang(map), "canvas-new-stage"),
            });
            out.select_created = true;
        }
    }

    for (i, step_box) in layout.steps.iter().enumerate() {
        let Some((stage, step)) = map.steps().nth(i) else {
            continue;
        };
        let rect = (to_screen * step_box.header)
            .translate(vec2(0.0, dy))
            .intersect(canvas);
        if rect.width() <= 0.0 {
            continue;
        }
        let response = ui.interact(rect, ui.scope_id().with(("step", &step.id)), Sense::CLICK);
        let label = if step.name.is_empty() {
            stage.name.clone()
        } else {
            step.name.clone()
        };
        response.widget_info(|| {
            WidgetInfo::labeled(
                Role::Button,
                true,
                tr_args(lang, "step-label", &[("name", label.clone().into())]),
            )
        });
        focus_canvas_on_click(ui, state, &response);
        if response.clicked() {
            state.editing = None;
            state.selection = Selection::only_step(step.id.clone());
        }
        if response.double_clicked() {
            state.editing = Some(Editing::new(EditTarget::Step(step.id.clone()), &step.name));
        }
        response.context_menu(|ui| {
            if ui.button(tr(lang, "ctx-rename")).clicked() {
                state.editing = Some(Editing::new(EditTarget::Step(step.id.clone()), &step.name));
                ui.close();
            }
            if ui.button(tr(lang, "ctx-add-step")).clicked() {
                let index = stage
                    .steps
                    .iter()
                    .position(|s| s.id == step.id)
                    .map_or(0, |p| p + 1);
                out.commands.push(EditCommand::AddStep {
                    stage: stage.id.clone(),
                    index,
                    name: tr(map_lang(map), "canvas-new-step"),
                });
                ui.close();
            }
            if ui.button(tr(lang, "ctx-delete-step")).clicked() {
                out.commands.push(EditCommand::DeleteStep {
                    id: step.id.clone(),
                });
                ui.close();
            }
        });
    }
}

fn lanes_interaction(ui: &mut Ui, state: &mut EditorState, f: &Frame<'_>, out: &mut EditorOutput) {
    let Frame {
        map,
        layout,
        metrics,
        canvas,
        lang,
    } = *f;
    let to_screen = state.view.screen_from_map(canvas);
    let dx = canvas::sticky_dx(&state.view, canvas);
    let header_bottom = canvas::header_bottom(&state.view, canvas, metrics);
    let clip = Rect::from_min_max(pos2(canvas.min.x, header_bottom), canvas.max);
    for (lane_box, lane) in layout.lanes.iter().zip(&map.lanes) {
        let rect = (to_screen * lane_box.label)
            .translate(vec2(dx, 0.0))
            .intersect(clip);
        if rect.height() <= 0.0 {
            continue;
        }
        let response = ui.interact(rect, ui.scope_id().with(("lane", &lane.id)), ITEM_SENSE);
        response.widget_info(|| {
            WidgetInfo::selected(
                Role::Button,
                true,
                state.selection.lane.as_ref() == Some(&lane.id),
                tr_args(lang, "lane-label", &[("name", lane.name.clone().into())]),
            )
        });
        focus_canvas_on_click(ui, state, &response);
        if response.clicked() {
            state.editing = None;
            state.selection = Selection::only_lane(lane.id.clone());
        }
        if response.double_clicked() {
            state.editing = Some(Editing::new(EditTarget::Lane(lane.id.clone()), &lane.name));
        }
        if response.drag_started() {
            state.drag = Some(Drag::Lane {
                id: lane.id.clone(),
            });
        }
        response.context_menu(|ui| {
            state.selection = Selection::only_lane(lane.id.clone());
            if ui.button(tr(lang, "ctx-rename")).clicked() {
                state.editing = Some(Editing::new(EditTarget::Lane(lane.id.clone()), &lane.name));
                ui.close();
            }
            let collapsed = state.collapsed.contains(&lane.id);
            let key = if collapsed {
                "ctx-expand"
            } else {
                "ctx-collapse"
            };
            if ui.button(tr(lang, key)).clicked() {
                toggle_collapsed(state, &lane.id);
                ui.close();
            }
            let index = map
                .lanes
                .iter()
                .position(|l| l.id == lane.id)
                .map_or(0, |p| p + 1);
            ui.menu_button(tr(lang, "ctx-add-lane-below"), |ui| {
                if let Some(kind) = lane_kind_menu_ui(ui, lang) {
                    out.commands.push(EditCommand::AddLane {
                        index,
                        kind,
                        name: crate::model::template::lane_name(kind, map_lang(map)).to_owned(),
                    });
                    out.select_created = true;
                    ui.close();
                }
            });
            ui.separator();
            if ui.button(tr(lang, "ctx-delete-lane")).clicked() {
                out.commands.push(EditCommand::DeleteLane {
                    id: lane.id.clone(),
                });
                ui.close();
            }
        });
        // A small collapse toggle in the label's corner.
        let toggle = Rect::from_min_size(rect.right_top() + vec2(-22.0, 4.0), vec2(18.0, 18.0));
        if toggle.intersects(clip) {
            let collapsed = state.collapsed.contains(&lane.id);
            let symbol = if collapsed { "▸" } else { "▾" };
            let key = if collapsed {
                "ctx-expand"
            } else {
                "ctx-collapse"
            };
            let r = ui.put(toggle, egui::Button::new(symbol).small().frame(false));
            r.widget_info(|| {
                WidgetInfo::labeled(
                    Role::Button,
                    true,
                    format!("{} {}", tr(lang, key), lane.name),
                )
            });
            if r.clicked() {
                toggle_collapsed(state, &lane.id);
            }
        }
    }
    // The "add lane" button under the last lane.
    let bottom = to_screen * pos2(0.0, layout.size.y);
    let add = Rect::from_min_size(
        pos2(
            canvas.min.x.max(to_screen.translation.x) + dx.min(0.0) + 4.0,
            bottom.y + 6.0,
        ),
        vec2(
            (metrics.lane_label_width * state.view.zoom - 8.0).max(130.0),
            26.0,
        ),
    );
    if add.intersects(canvas) {
        let response = ui.put(
            add,
            egui::Button::new(format!("+ {}", tr(lang, "map-add-lane"))).small(),
        );
        response.widget_info(|| {
            WidgetInfo::labeled(Role::Button, true, tr(lang, "canvas-add-lane-hint"))
        });
        egui::Popup::menu(&response).show(|ui| {
            if let Some(kind) = lane_kind_menu_ui(ui, lang) {
                out.commands.push(EditCommand::AddLane {
                    index: map.lanes.len(),
                    kind,
                    name: crate::model::template::lane_name(kind, map_lang(map)).to_owned(),
                });
                out.select_created = true;
                ui.close();
            }
        });
    }
}

fn map_lang(map: &JourneyMap) -> Lang {
    Lang::from_code(&map.language).unwrap_or_default()
}

fn toggle_collapsed(state: &mut EditorState, id: &Id) {
    if !state.collapsed.remove(id) {
        state.collapsed.insert(id.clone());
    }
}

/// A menu of lane kinds; returns the one chosen.
pub fn lane_kind_menu_ui(ui: &mut Ui, lang: Lang) -> Option<LaneKind> {
    let mut chosen = None;
    for kind in LaneKind::ALL {
        let label = format!(
            "{} {}",
            crate::ui::kit::labels::lane_icon(kind),
            tr(lang, lane_kind_key(kind))
        );
        if ui.button(label).clicked() {
            chosen = Some(kind);
        }
    }
    chosen
}

/// Ends a drag: moves the cards, stage or lane, or finishes the rubber band.
fn finish_drag(
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
            let to = layout
                .stages
                .iter()
                .filter(|s| s.id != id)
                .filter(|s| s.header.center().x < pos.x)
                .count();
            out.commands.push(EditCommand::MoveStage { id, to });
        }
        Some(Drag::Lane { id }) => {
            let to = layout
                .lanes
                .iter()
                .filter(|l| l.id != id)
                .filter(|l| l.row.center().y < pos.y)
                .count();
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

fn drop_preview(
    state: &EditorState,
    layout: &MapLayout,
    pointer_in_map: Option<Pos2>,
) -> Option<canvas::DropPreview> {
    let pos = pointer_in_map?;
    match &state.drag {
        Some(Drag::Cards { ids, grab }) => {
            let (s, l) = layout.cell_at(pos)?;
            let lane = layout.lanes.get(l)?;
            let cell = layout.cell_rect(s, l)?;
            let valid = lane.kind.holds_cards() && !lane.collapsed;
            let (_, line_y) = layout.drop_slot(s, l, pos.y, ids);
            Some(canvas::DropPreview::Cards {
                ids: ids.clone(),
                grab: *grab,
                pointer: pos,
                cell,
                line_y: valid.then_some(line_y),
            })
        }
        Some(Drag::Stage { id }) => {
            let x = layout
                .stages
                .iter()
                .filter(|s| &s.id != id)
                .map(|s| {
                    if s.header.center().x < pos.x {
                        s.header.max.x
                    } else {
                        s.header.min.x
                    }
                })
                .min_by(|a, b| (a - pos.x).abs().total_cmp(&(b - pos.x).abs()))?;
            Some(canvas::DropPreview::StageLine { x })
        }
        Some(Drag::Lane { id }) => {
            let y = layout
                .lanes
                .iter()
                .filter(|l| &l.id != id)
                .map(|l| {
                    if l.row.center().y < pos.y {
                        l.row.max.y
                    } else {
                        l.row.min.y
                    }
                })
                .min_by(|a, b| (a - pos.y).abs().total_cmp(&(b - pos.y).abs()))?;
            Some(canvas::DropPreview::LaneLine { y })
        }
        _ => None,
    }
}

/// The text editor shown over a card or header while editing in place.
fn inplace_editor_ui(ui: &mut Ui, state: &mut EditorState, f: &Frame<'_>, out: &mut EditorOutput) {
    let Frame {
        map,
        layout,
        metrics,
        canvas,
        lang,
    } = *f;
    let Some(editing) = &mut state.editing else {
        return;
    };
    let to_screen = state.view.screen_from_map(canvas);
    let zoom = state.view.zoom;
    let (rect, font, multiline) = match &editing.target {
        EditTarget::Card(id) => {
            let Some(b) = layout.card(id) else {
                return;
            };
            let rect = to_screen * b.text.expand2(vec2(2.0, 0.0));
            (
                rect,
                FontId::proportional(metrics.card_font_size * zoom),
                true,
            )
        }
        EditTarget::Stage(id) => {
            let Some(b) = layout.stages.iter().find(|s| &s.id == id) else {
                return;
            };
            let dy = canvas::sticky_dy(&state.view, canvas);
            (
                (to_screen * b.header).translate(vec2(0.0, dy)).shrink(4.0),
                crate::ui::kit::fonts::bold(crate::ui::kit::theme::size::STAGE_FONT * zoom),
                false,
            )
        }
        EditTarget::Step(id) => {
            let Some(b) = layout.steps.iter().find(|s| &s.id == id) else {
                return;
            };
            let dy = canvas::sticky_dy(&state.view, canvas);
            (
                (to_screen * b.header).translate(vec2(0.0, dy)).shrink(3.0),
                FontId::proportional(crate::ui::kit::theme::size::STEP_FONT * zoom),
                false,
            )
        }
        EditTarget::Lane(id) => {
            let Some(b) = layout.lanes.iter().find(|l| &l.id == id) else {
                return;
            };
            let dx = canvas::sticky_dx(&state.view, canvas);
            let r = (to_screen * b.label).translate(vec2(dx, 0.0));
            (
                Rect::from_min_size(
                    r.min + vec2(8.0, 6.0),
                    vec2(r.width() - 30.0, 28.0 * zoom.max(0.6)),
                ),
                crate::ui::kit::fonts::bold(crate::ui::kit::theme::size::LANE_FONT * zoom),
                false,
            )
        }
    };
    let editor_id = ui.scope_id().with("inplace-editor");
    let has_focus = ui.memory(|m| m.has_focus(editor_id));
    // Enter (without Shift) finishes; Tab finishes and moves on. Consumed before the text edit
    // sees them; while an input method composes, it keeps Enter to itself.
    let (enter, tab, shift_tab) = if has_focus {
        ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Tab),
                i.consume_key(Modifiers::SHIFT, Key::Tab),
            )
        })
    } else {
        (false, false, false)
    };
    let before = editing.buffer.clone();
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let edit = if multiline {
        TextEdit::multiline(&mut editing.buffer)
    } else {
        TextEdit::singleline(&mut editing.buffer)
    }
    .id(editor_id)
    .font(font)
    .text_color(theme.card_text)
    .frame(egui::Frame::NONE)
    .background_color(theme.editor_bg)
    .margin(Vec2::ZERO)
    .desired_width(rect.width())
    .desired_rows(1);
    // The editor covers what the canvas drew there (the header's or card's own text).
    ui.painter()
        .rect_filled(rect.expand(3.0), 3.0, theme.editor_bg);
    ui.painter().rect_stroke(
        rect.expand(3.0),
        3.0,
        Stroke::new(2.0, theme.selection),
        egui::StrokeKind::Outside,
    );
    let response = ui.put(rect, edit);
    let (role, key) = match &editing.target {
        EditTarget::Card(_) => (Role::MultilineTextInput, "inplace-card"),
        EditTarget::Stage(_) => (Role::TextInput, "inplace-stage"),
        EditTarget::Step(_) => (Role::TextInput, "inplace-step"),
        EditTarget::Lane(_) => (Role::TextInput, "inplace-lane"),
    };
    response.widget_info(|| WidgetInfo::labeled(role, true, tr(lang, key)));
    if editing.focus_pending {
        response.request_focus();
        editing.focus_pending = false;
    }
    if editing.buffer != before {
        push_text(map, &editing.target, &editing.buffer, out);
    }
    let finished = enter || tab || shift_tab || response.lost_focus();
    if finished {
        // An empty card made for this edit is rolled back by the app (`settle_new_card`),
        // however the editing ends.
        state.editing = None;
        out.seal = true;
        if tab || shift_tab {
            move_cursor_tab(state, map, layout, shift_tab);
        }
    }
}

fn push_text(map: &JourneyMap, target: &EditTarget, text: &str, out: &mut EditorOutput) {
    match target {
        EditTarget::Card(id) => {
            if let Some(card) = map.card(id) {
                out.commands.push(EditCommand::SetCard(Card {
                    text: text.to_owned(),
                    ..card.clone()
                }));
            }
        }
        EditTarget::Stage(id) => {
            if let Some(stage) = map.stages.iter().find(|s| &s.id == id) {
                out.commands.push(EditCommand::SetStage {
                    id: id.clone(),
                    name: text.to_owned(),
                    color: stage.color,
                });
            }
        }
        EditTarget::Step(id) => out.commands.push(EditCommand::RenameStep {
            id: id.clone(),
            name: text.to_owned(),
        }),
        EditTarget::Lane(id) => {
            if let Some(lane) = map.lane(id) {
                out.commands.push(EditCommand::SetLane {
                    id: id.clone(),
                    name: text.to_owned(),
                    kind: lane.kind,
                });
            }
        }
    }
}

/// Cells in Tab order: left to right, then top to bottom, only lanes that hold cards.
fn tab_cells(map: &JourneyMap, layout: &MapLayout) -> Vec<(Id, Id)> {
    let mut cells = Vec::new();
    for (l, lane) in map.lanes.iter().enumerate() {
        if !lane.kind.holds_cards() || layout.lanes.get(l).is_some_and(|b| b.collapsed) {
            continue;
        }
        for step in &layout.steps {
            cells.push((step.id.clone(), lane.id.clone()));
        }
    }
    cells
}

fn move_cursor_tab(state: &mut EditorState, map: &JourneyMap, layout: &MapLayout, back: bool) {
    let cells = tab_cells(map, layout);
    if cells.is_empty() {
        return;
    }
    let current = state
        .cursor
        .as_ref()
        .and_then(|c| cells.iter().position(|x| x == c));
    let next = match (current, back) {
        (None, _) => 0,
        (Some(i), false) => (i + 1) % cells.len(),
        (Some(i), true) => (i + cells.len() - 1) % cells.len(),
    };
    set_cursor(state, map, cells[next].clone());
}

/// Moves the keyboard cell and selects its first card.
fn set_cursor(state: &mut EditorState, map: &JourneyMap, cell: (Id, Id)) {
    state.selection = map
        .cards_in(&cell.0, &cell.1)
        .next()
        .map(|c| Selection::only_card(c.id.clone()))
        .unwrap_or_default();
    state.cursor = Some(cell);
}

fn keyboard(
    ui: &Ui,
    state: &mut EditorState,
    map: &JourneyMap,
    layout: &MapLayout,
    canvas: Rect,
    out: &mut EditorOutput,
) {
    let pressed = |key, mods| ui.input_mut(|i| i.consume_key(mods, key));
    if curves::point_keyboard(ui, state, map, out) {
        return;
    }
    if pressed(Key::Tab, Modifiers::NONE) {
        move_cursor_tab(state, map, layout, false);
    }
    if pressed(Key::Tab, Modifiers::SHIFT) {
        move_cursor_tab(state, map, layout, true);
    }
    let arrows = [
        (Key::ArrowRight, (1, 0)),
        (Key::ArrowLeft, (-1, 0)),
        (Key::ArrowDown, (0, 1)),
        (Key::ArrowUp, (0, -1)),
    ];
    for (key, (dx, dy)) in arrows {
        if pressed(key, Modifiers::NONE) {
            move_cursor_arrow(state, map, layout, dx, dy);
            scroll_cursor_into_view(state, map, layout, canvas);
        }
    }
    if pressed(Key::Enter, Modifiers::COMMAND) {
        add_card_at_cursor(state, map, layout, out);
    } else if pressed(Key::Enter, Modifiers::NONE) {
        let selected = state.selection.cards.first().and_then(|id| map.card(id));
        if let Some(card) = selected {
            state.editing = Some(Editing::new(EditTarget::Card(card.id.clone()), &card.text));
        } else if let Some(stage) = state
            .selection
            .stage
            .as_ref()
            .and_then(|id| map.stages.iter().find(|s| &s.id == id))
        {
            state.editing = Some(Editing::new(
                EditTarget::Stage(stage.id.clone()),
                &stage.name,
            ));
        } else if let Some(lane) = state.selection.lane.as_ref().and_then(|id| map.lane(id)) {
            state.editing = Some(Editing::new(EditTarget::Lane(lane.id.clone()), &lane.name));
        } else {
            add_card_at_cursor(state, map, layout, out);
        }
    }
    if pressed(Key::Escape, Modifiers::NONE) {
        state.selection = Selection::default();
    }
    // Delete and Backspace act on the selection only here, where no text field has focus:
    // input methods send Backspace to recompose letters while typing.
    if pressed(Key::Delete, Modifiers::NONE) || pressed(Key::Backspace, Modifiers::NONE) {
        delete_selection(state, map, out);
    }
    if pressed(Key::D, Modifiers::COMMAND) {
        duplicate(state, map, out);
    }
    if pressed(Key::A, Modifiers::COMMAND) {
        state.selection = Selection {
            cards: map.cards.iter().map(|c| c.id.clone()).collect(),
            ..Selection::default()
        };
    }
}

fn add_card_at_cursor(
    state: &mut EditorState,
    map: &JourneyMap,
    layout: &MapLayout,
    out: &mut EditorOutput,
) {
    if state.cursor.is_none() {
        move_cursor_tab(state, map, layout, false);
    }
    if let Some((step, lane)) = state.cursor.clone()
        && map.lane(&lane).is_some_and(|l| l.kind.holds_cards())
    {
        // After the selected card in this cell, or at the end.
        let index = state.selection.cards.first().and_then(|id| {
            map.cards_in(&step, &lane)
                .position(|c| &c.id == id)
                .map(|p| p + 1)
        });
        out.commands.push(EditCommand::AddCard {
            step,
            lane,
            index,
            text: String::new(),
        });
        out.edit_created_card = true;
    }
}

fn move_cursor_arrow(
    state: &mut EditorState,
    map: &JourneyMap,
    layout: &MapLayout,
    dx: i32,
    dy: i32,
) {
    let Some((step, lane)) = state.cursor.clone() else {
        move_cursor_tab(state, map, layout, false);
        return;
    };
    let lanes: Vec<usize> = map
        .lanes
        .iter()
        .enumerate()
        .filter(|(i, l)| l.kind.holds_cards() && !layout.lanes.get(*i).is_some_and(|b| b.collapsed))
        .map(|(i, _)| i)
        .collect();
    let Some(s) = layout.steps.iter().position(|x| x.id == step) else {
        return;
    };
    let Some(li) = lanes.iter().position(|&i| map.lanes[i].id == lane) else {
        return;
    };
    // Up/Down first walk the cards of the cell, then leave it.
    if dy != 0 {
        let cards: Vec<&Card> = map.cards_in(&step, &lane).collect();
        let at = state
            .selection
            .cards
            .first()
            .and_then(|id| cards.iter().position(|c| &c.id == id));
        if let Some(at) = at {
            let next = at
                .checked_add_signed(dy as isize)
                .filter(|n| *n < cards.len());
            if let Some(next) = next {
                state.selection = Selection::only_card(cards[next].id.clone());
                return;
            }
        }
    }
    let new_s = s
        .saturating_add_signed(dx as isize)
        .min(layout.steps.len().saturating_sub(1));
    let new_l = li
        .saturating_add_signed(dy as isize)
        .min(lanes.len().saturating_sub(1));
    let cell = (
        layout.steps[new_s].id.clone(),
        map.lanes[lanes[new_l]].id.clone(),
    );
    if dy < 0 {
        // Entering a cell from below selects its last card.
        state.selection = map
            .cards_in(&cell.0, &cell.1)
            .last()
            .map(|c| Selection::only_card(c.id.clone()))
            .unwrap_or_default();
        state.cursor = Some(cell);
    } else {
        set_cursor(state, map, cell);
    }
}

fn scroll_cursor_into_view(
    state: &mut EditorState,
    map: &JourneyMap,
    layout: &MapLayout,
    canvas: Rect,
) {
    let Some((step, lane)) = &state.cursor else {
        return;
    };
    let (Some(s), Some(l)) = (
        layout.steps.iter().position(|x| &x.id == step),
        map.lanes.iter().position(|x| &x.id == lane),
    ) else {
        return;
    };
    let Some(cell) = layout.cell_rect(s, l) else {
        return;
    };
    scroll_into_view(state, cell, canvas);
}

/// Pans so that `rect` (map coordinates) is on screen, clear of the sticky headers and labels.
fn scroll_into_view(state: &mut EditorState, rect: Rect, canvas: Rect) {
    let on_screen = state.view.screen_from_map(canvas) * rect;
    let margin = 40.0;
    let mut shift = Vec2::ZERO;
    if on_screen.right() > canvas.right() - margin {
        shift.x = canvas.right() - margin - on_screen.right();
    }
    if on_screen.left() < canvas.left() + margin + 170.0 * state.view.zoom {
        shift.x = canvas.left() + margin + 170.0 * state.view.zoom - on_screen.left();
    }
    if on_screen.bottom() > canvas.bottom() - margin {
        shift.y = canvas.bottom() - margin - on_screen.bottom();
    }
    if on_screen.top() < canvas.top() + margin + 72.0 * state.view.zoom {
        shift.y = canvas.top() + margin + 72.0 * state.view.zoom - on_screen.top();
    }
    state.view.offset += shift;
}

/// Deletes the selected cards (or the selected stage, step or lane).
pub fn delete_selection(state: &mut EditorState, map: &JourneyMap, out: &mut EditorOutput) {
    let sel = &state.selection;
    if !sel.cards.is_empty() {
        let ids = sel
            .cards_in_map_order(map)
            .iter()
            .map(|c| c.id.clone())
            .collect();
        out.commands.push(EditCommand::DeleteCards { ids });
    } else if let Some(id) = &sel.stage {
        out.commands
            .push(EditCommand::DeleteStage { id: id.clone() });
    } else if let Some(id) = &sel.step {
        out.commands
            .push(EditCommand::DeleteStep { id: id.clone() });
    } else if let Some(id) = &sel.lane {
        out.commands
            .push(EditCommand::DeleteLane { id: id.clone() });
    } else if let Some((curve, step)) = &sel.point {
        out.commands.push(EditCommand::DeletePoint {
            curve: curve.clone(),
            step: step.clone(),
        });
    } else if let Some(id) = &sel.curve {
        out.commands
            .push(EditCommand::DeleteCurve { id: id.clone() });
    }
    state.selection = Selection::default();
}

/// Duplicates the selected cards right after themselves, in their cell.
pub fn duplicate(state: &mut EditorState, map: &JourneyMap, out: &mut EditorOutput) {
    let cards: Vec<Card> = state
        .selection
        .cards_in_map_order(map)
        .into_iter()
        .cloned()
        .collect();
    let Some(first) = cards.first() else {
        return;
    };
    let index = map
        .cards_in(&first.step, &first.lane)
        .position(|c| c.id == first.id)
        .map(|p| p + cards.len());
    out.commands.push(EditCommand::InsertCards {
        same_map: true,
        step: first.step.clone(),
        lane: first.lane.clone(),
        cards,
        index,
    });
    out.select_created = true;
}

/// The selected cards as clipboard text.
pub fn copy_text(state: &EditorState, map: &JourneyMap) -> Option<String> {
    let cards: Vec<Card> = state
        .selection
        .cards_in_map_order(map)
        .into_iter()
        .cloned()
        .collect();
    crate::edit::paste::copy_text(cards, state.clipboard_source)
}

/// Pastes clipboard text at the keyboard cell (or the first selected card's cell): cards copied
/// from journeymap keep their content; plain text becomes one card per line.
pub fn paste_text(state: &mut EditorState, map: &JourneyMap, text: &str, out: &mut EditorOutput) {
    let target = state
        .selection
        .cards
        .first()
        .and_then(|id| map.card(id))
        .map(|c| (c.step.clone(), c.lane.clone()))
        .or_else(|| state.cursor.clone())
        .filter(|(_, lane)| map.lane(lane).is_some_and(|l| l.kind.holds_cards()));
    let Some((step, lane)) = target else {
        out.notice = Some(("notice-paste-no-cell", 0));
        return;
    };
    let pasted = crate::edit::paste::parse(text, state.clipboard_source, &step, &lane);
    if pasted.left_out > 0 {
        out.notice = Some(("notice-paste-left-out", pasted.left_out));
    } else if pasted.shortened > 0 {
        out.notice = Some(("notice-paste-shortened", pasted.shortened));
    }
    if pasted.cards.is_empty() {
        return;
    }
    out.commands.push(EditCommand::InsertCards {
        cards: pasted.cards,
        same_map: pasted.same_map,
        step,
        lane,
        index: None,
    });
    out.select_created = true;
}

fn clipboard(ui: &Ui, state: &mut EditorState, map: &JourneyMap, out: &mut EditorOutput) {
    let events = ui.input(|i| i.events.clone());
    for event in events {
        match event {
            Event::Copy => {
                if let Some(text) = copy_text(state, map) {
                    ui.ctx().copy_text(text);
                }
            }
            Event::Cut => {
                if let Some(text) = copy_text(state, map) {
                    ui.ctx().copy_text(text);
                    delete_selection(state, map, out);
                }
            }
            Event::Paste(text) => paste_text(state, map, &text, out),
            _ => {}
        }
    }
}
