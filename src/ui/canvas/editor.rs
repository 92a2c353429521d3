//! The editor canvas's frame: paint the map, then let the background, cards, headers, curve
//! points and labels take the pointer, then the in-place editor and the keyboard. The
//! background (pan, zoom, rubber band, click and double-click on a cell) is handled here; the
//! rest lives in `cards`, `headers`, `curves`, `inplace`, `keyboard` and `clipboard`. The
//! canvas never changes the document: it returns [`EditCommand`]s in an [`EditorOutput`],
//! which the app applies after the frame.

use egui::{Rect, Response, Role, Sense, Ui, WidgetInfo};

use crate::edit::EditCommand;
use crate::layout::{LayoutMetrics, MapLayout};
use crate::model::JourneyMap;

use crate::ui::canvas::paint::{self as canvas, Overlay};
use crate::ui::canvas::selection::Selection;
use crate::ui::canvas::{
    Drag, EditTarget, EditorOutput, EditorState, Frame, cards, cell_ids, curves, data,
    focus_canvas, headers, inplace, keyboard,
};
use crate::ui::kit::i18n::{Lang, tr_args};
use crate::ui::kit::theme::Theme;

pub use crate::ui::canvas::clipboard::{copy_text, delete_selection, duplicate, paste_text};
pub use crate::ui::canvas::headers::lane_kind_menu_ui;

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
    (revision, base_revision): (u64, u64),
) -> EditorOutput {
    profiling::function_scope!();
    let mut out = EditorOutput::default();
    state.selection.retain_existing(map);
    if let Some(editing) = &state.editing
        && !inplace::target_exists(map, &editing.target)
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
    let pixels_per_point = ui.ctx().pixels_per_point();
    state
        .view
        .follow_canvas(canvas, pixels_per_point, layout.size);
    if let Some(fit) = state.view.fit_pending.take() {
        state.view.fit(fit, layout.size, canvas);
    }
    if let Some(target) = state.reveal.take()
        && let Some((rect, axes)) = reveal_rect(layout, &target)
    {
        keyboard::scroll_into_view_along(state, rect, canvas, axes);
    }
    let to_screen = state.view.screen_from_map(canvas);
    let to_map = to_screen.inverse();
    let pointer_in_map = ui.input(|i| i.pointer.interact_pos()).map(|p| to_map * p);

    // 1. Painting, with the state as the last frame left it; the widgets added below (buttons,
    //    the text editor) then draw on top of the map.
    // Out of the state while the overlay borrows it.
    let mut cache = std::mem::take(&mut state.cache);
    let overlay = Overlay {
        selected: &state.selection,
        editing_card: state.editing_card(),
        cursor: state.cursor.as_ref().and_then(|(s, l)| {
            Some((
                map.step_index(s)?,
                map.lanes.iter().position(|x| &x.id == l)?,
            ))
        }),
        drop: cards::drop_preview(state, layout, pointer_in_map),
        band: match (&state.drag, ui.input(|i| i.pointer.interact_pos())) {
            (Some(Drag::Band { start }), Some(now)) => Some(Rect::from_two_pos(*start, now)),
            _ => None,
        },
        lang,
        voting: state.voting,
        read_only: false,
    };
    let key = canvas::cache::CacheKey {
        revision,
        base_revision,
        zoom: state.view.zoom,
        pixels_per_point,
        theme: theme.clone(),
        lang,
        collapsed: state.collapsed.clone(),
        data: state.data.clone(),
        metrics: metrics.clone(),
        selection: state.selection.clone(),
        editing_card: overlay.editing_card.cloned(),
        dragged: match &overlay.drop {
            Some(canvas::DropPreview::Cards { ids, .. }) => ids.clone(),
            _ => Vec::new(),
        },
        voting: state.voting,
        read_only: false,
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
        Some((&mut cache, key)),
    );
    state.cache = cache;

    // 2. Interaction, topmost last: background, cards, then the sticky headers and labels.
    let frame = Frame {
        map,
        layout,
        metrics,
        canvas,
        lang,
    };
    if interactive {
        // Too small to read, cards answer the pointer through the background (one hit test).
        let over_card = canvas::lod::text_as_bars(metrics.card_font_size, state.view.zoom)
            && cards::lod_card(state, &frame, &background).is_some();
        background_interaction(ui, state, &frame, &background, over_card, &mut out);
        cards::cards_interaction(ui, state, &frame, &background, &mut out);
        data::data_interaction(ui, state, &frame, &mut out);
        headers::headers_interaction(ui, state, &frame, &mut out);
        curves::points_interaction(ui, state, &frame, &mut out);
        // Markers sit beside points and over card corners: on top, so they stay clickable.
        curves::markers_interaction(ui, state, &frame);
        headers::lanes_interaction(ui, state, &frame, &mut out);
        curves::legend_interaction(ui, state, map, &legend, lang, &mut out);
        cards::finish_drag(ui, state, map, layout, pointer_in_map, &mut out);
    }

    // 3. The in-place editor on top of everything.
    if interactive {
        let was_editing = state.editing.is_some();
        inplace::inplace_editor_ui(ui, state, &frame, &mut out);
        if was_editing && state.editing.is_none() {
            ui.memory_mut(|m| m.request_focus(canvas_id));
        }
        let canvas_focused = ui.memory(|m| m.focused().is_none_or(|f| f == canvas_id));
        if state.editing.is_none() && canvas_focused && !ui.ctx().text_edit_focused() {
            keyboard::keyboard(ui, state, map, layout, canvas, &mut out);
            keyboard::clipboard_events(ui, state, map, &mut out);
        }
    }
    out
}

/// Where `target` is in the map, and the axes along which to pan to bring it on screen: a
/// stage or step header only sideways (headers stick to the top), a lane label only up and
/// down (labels stick to the left), a card both ways.
fn reveal_rect(layout: &MapLayout, target: &EditTarget) -> Option<(Rect, [bool; 2])> {
    Some(match target {
        EditTarget::Card(id) => (layout.card(id)?.rect, [true, true]),
        EditTarget::Stage(id) => (
            layout.stages.iter().find(|s| &s.id == id)?.header,
            [true, false],
        ),
        EditTarget::Step(id) => (
            layout.steps.iter().find(|s| &s.id == id)?.header,
            [true, false],
        ),
        EditTarget::Lane(id) => (
            layout.lanes.iter().find(|l| &l.id == id)?.row,
            [false, true],
        ),
    })
}

/// The empty canvas: drag to pan (Shift: rubber band), click a cell to put the keyboard there
/// (or add a curve point), double-click to add a card. `over_card`: the pointer is on a card
/// too small to read, which takes the clicks instead.
fn background_interaction(
    ui: &Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    response: &Response,
    over_card: bool,
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
    if response.dragged() && !matches!(state.drag, Some(Drag::Band { .. } | Drag::Cards { .. })) {
        state.view.offset += response.drag_delta();
    }
    if response.drag_stopped()
        && let Some(Drag::Band { start }) = state.drag.take()
        && let Some(end) = response.interact_pointer_pos()
    {
        let band = to_map * Rect::from_two_pos(start, end);
        for card in layout.cards_in(band) {
            if !state.selection.has_card(&card.id) {
                state.selection.toggle_card(card.id.clone());
            }
        }
    }
    canvas::handle_zoom_and_scroll(ui, &mut state.view, response, canvas);

    let cell = response
        .interact_pointer_pos()
        .and_then(|p| layout.cell_at(to_map * p));
    if response.clicked() && !over_card {
        focus_canvas(ui, state);
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
        && !over_card
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
