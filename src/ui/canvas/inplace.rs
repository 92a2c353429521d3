//! Editing text in place: the text field laid over a card, a stage or step header or a lane
//! label while its text is typed. The document follows keystroke by keystroke (`push_text`);
//! Enter, Tab or a click elsewhere ends the edit.

use egui::{FontId, Key, Modifiers, Rect, Role, Stroke, TextEdit, Ui, Vec2, WidgetInfo, vec2};

use crate::edit::EditCommand;
use crate::model::{Card, JourneyMap};

use crate::ui::canvas::keyboard::move_cursor_tab;
use crate::ui::canvas::paint::{self as canvas, CanvasView};
use crate::ui::canvas::{EditTarget, EditorOutput, EditorState, Frame};
use crate::ui::kit::fonts;
use crate::ui::kit::i18n::tr;
use crate::ui::kit::theme::{Theme, size};

/// Whether what is edited still exists (an undo may have taken it away).
pub(super) fn target_exists(map: &JourneyMap, target: &EditTarget) -> bool {
    match target {
        EditTarget::Card(id) => map.card(id).is_some(),
        EditTarget::Stage(id) => map.stages.iter().any(|s| &s.id == id),
        EditTarget::Step(id) => map.step_index(id).is_some(),
        EditTarget::Lane(id) => map.lane(id).is_some(),
    }
}

/// Where the in-place editor of `target` goes on screen, its font, and whether it takes
/// several lines (a card's text) or one (a name). `None` when `target` is not laid out.
fn placement(
    view: &CanvasView,
    f: &Frame<'_>,
    target: &EditTarget,
) -> Option<(Rect, FontId, bool)> {
    let Frame {
        layout,
        metrics,
        canvas,
        ..
    } = *f;
    let to_screen = view.screen_from_map(canvas);
    let zoom = view.zoom;
    // Headers stick to the top of the canvas, lane labels to its left.
    let header = |r: Rect| (to_screen * r).translate(vec2(0.0, canvas::sticky_dy(view, canvas)));
    Some(match target {
        EditTarget::Card(id) => {
            let text = layout.card(id)?.text;
            let font = FontId::proportional(metrics.card_font_size * zoom);
            (to_screen * text.expand2(vec2(2.0, 0.0)), font, true)
        }
        EditTarget::Stage(id) => {
            let b = layout.stages.iter().find(|s| &s.id == id)?;
            let font = fonts::bold(size::STAGE_FONT * zoom);
            (header(b.header).shrink(4.0), font, false)
        }
        EditTarget::Step(id) => {
            let b = layout.steps.iter().find(|s| &s.id == id)?;
            let font = FontId::proportional(size::STEP_FONT * zoom);
            (header(b.header).shrink(3.0), font, false)
        }
        EditTarget::Lane(id) => {
            let b = layout.lanes.iter().find(|l| &l.id == id)?;
            let dx = canvas::sticky_dx(view, canvas);
            let r = (to_screen * b.label).translate(vec2(dx, 0.0));
            let size = vec2(r.width() - 30.0, 28.0 * zoom.max(0.6));
            let font = fonts::bold(size::LANE_FONT * zoom);
            (
                Rect::from_min_size(r.min + vec2(8.0, 6.0), size),
                font,
                false,
            )
        }
    })
}

/// The text editor shown over a card or header while editing in place.
pub(super) fn inplace_editor_ui(
    ui: &mut Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    out: &mut EditorOutput,
) {
    let Frame {
        map, layout, lang, ..
    } = *f;
    let Some(editing) = &mut state.editing else {
        return;
    };
    let Some((rect, font, multiline)) = placement(&state.view, f, &editing.target) else {
        return;
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
    if editing.focus_pending && editing.select_all {
        // Focused before the field is shown: egui keeps a selection only in a focused field.
        ui.memory_mut(|m| m.request_focus(editor_id));
        crate::ui::kit::widgets::select_all_text(ui.ctx(), editor_id, &editing.buffer);
    }
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

/// The command that gives `target` the text `text`.
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
