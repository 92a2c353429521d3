//! The keyboard on the canvas: the keyboard cell moved by Tab and the arrows (scrolled into
//! view), Enter to edit or add a card at the cell, Delete, Ctrl+D, Ctrl+A, and the clipboard's
//! cut, copy and paste events (what they do is `clipboard.rs`).

use egui::{Event, Key, Modifiers, Rect, Ui, Vec2};

use crate::edit::EditCommand;
use crate::layout::MapLayout;
use crate::model::{Card, Id, JourneyMap};

use crate::ui::canvas::clipboard::{copy_text, delete_selection, duplicate, paste_text};
use crate::ui::canvas::curves;
use crate::ui::canvas::selection::Selection;
use crate::ui::canvas::{EditTarget, Editing, EditorOutput, EditorState};

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

/// Moves the keyboard cell to the next cell in Tab order (the previous one when `back`).
pub(super) fn move_cursor_tab(
    state: &mut EditorState,
    map: &JourneyMap,
    layout: &MapLayout,
    back: bool,
) {
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
    set_cursor(state, map, cells[next].clone(), false);
}

/// Moves the keyboard cell and selects its first card (its last one when entered `from_below`).
fn set_cursor(state: &mut EditorState, map: &JourneyMap, cell: (Id, Id), from_below: bool) {
    state.selection = {
        let mut cards = map.cards_in(&cell.0, &cell.1);
        let card = if from_below {
            cards.last()
        } else {
            cards.next()
        };
        card.map(|c| Selection::only_card(c.id.clone()))
            .unwrap_or_default()
    };
    state.cursor = Some(cell);
}

/// The canvas's keys, when no text field has the keyboard.
pub(super) fn keyboard(
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

/// Adds an empty card at the keyboard cell, after its selected card, to be edited at once.
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

/// Moves the keyboard cell (or the selection within it) one step along an arrow.
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
    // Entering a cell from below selects its last card.
    set_cursor(state, map, cell, dy < 0);
}

/// Pans so that the keyboard cell is on screen.
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
pub(super) fn scroll_into_view(state: &mut EditorState, rect: Rect, canvas: Rect) {
    scroll_into_view_along(state, rect, canvas, [true, true]);
}

/// Pans along the axes that are `true` (x, y) so that `rect` (map coordinates) is on screen,
/// clear of the sticky headers and labels. A header sticks to the top of the canvas, so
/// revealing a stage or step pans only sideways; a lane label sticks to the left, so revealing
/// a lane pans only up or down.
pub(super) fn scroll_into_view_along(
    state: &mut EditorState,
    rect: Rect,
    canvas: Rect,
    axes: [bool; 2],
) {
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
    if !axes[0] {
        shift.x = 0.0;
    }
    if !axes[1] {
        shift.y = 0.0;
    }
    state.view.offset += shift;
}

/// Cut, copy and paste, as the system sends them.
pub(super) fn clipboard_events(
    ui: &Ui,
    state: &mut EditorState,
    map: &JourneyMap,
    out: &mut EditorOutput,
) {
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
