//! Emotion curves on the canvas: drag a point up and down (snapping to half points, Shift for
//! free), click an empty step of the emotion lane to add a point, the point's context menu
//! (emoji, delete, add a pain point pinned here), and the clickable legend (show/hide, select,
//! add a curve).

use egui::{Rect, Response, Role, Ui, WidgetInfo, vec2};

use crate::edit::EditCommand;
use crate::layout::EmotionScale;
use crate::model::{
    Card, ColorToken, EmotionCurve, EmotionPoint, FEELING_EMOJI, JourneyMap, LaneKind, PainAnchor,
    PainPoint, clamp_score, emoji_for_score, snap_score,
};

use crate::ui::canvas::paint::LegendRow;
use crate::ui::canvas::selection::Selection;
use crate::ui::canvas::{EditorOutput, EditorState, Frame, PointDrag};
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::theme::size;

/// The curve new points go to: the selected one, the one of the selected point, or the first
/// visible one.
pub fn active_curve<'a>(map: &'a JourneyMap, selection: &Selection) -> Option<&'a EmotionCurve> {
    selection
        .curve
        .as_ref()
        .or(selection.point.as_ref().map(|(c, _)| c))
        .and_then(|id| map.curve(id))
        .filter(|c| !c.hidden)
        .or_else(|| map.curves.iter().find(|c| !c.hidden))
}

/// The score for a pointer at map `y` in an emotion lane: snapped to half points unless
/// `free` (Shift held), always within −2..=+2.
pub fn score_for(scale: &EmotionScale, y: f32, free: bool) -> f32 {
    let raw = scale.score_at(y);
    if free {
        // Two decimals are plenty, and keep the file readable.
        clamp_score((raw * 100.0).round() / 100.0)
    } else {
        snap_score(raw)
    }
}

/// Points, their drags and menus. Runs after the cards, so points sit on top of them.
pub(super) fn points_interaction(
    ui: &mut Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    out: &mut EditorOutput,
) {
    profiling::function_scope!();
    let to_screen = f.to_screen(&state.view);
    let to_map = to_screen.inverse();
    let shift = ui.input(|i| i.modifiers.shift);
    let radius = (size::CURVE_POINT_RADIUS * 2.2 * state.view.zoom).max(9.0);
    // Where points of two curves overlap, the one added last takes the pointer: the
    // selected point, then the points of the active curve, go last.
    let active = active_curve(f.map, &state.selection).map(|c| c.id.clone());
    let mut points: Vec<_> = f
        .layout
        .curves
        .iter()
        .flat_map(|c| c.points.iter().map(move |p| (c, p)))
        .collect();
    points.sort_by_key(|(c, p)| {
        let selected = state.selection.point.as_ref() == Some(&(c.id.clone(), p.step.clone()));
        (selected, Some(&c.id) == active.as_ref())
    });
    for (curve_box, point_box) in points {
        let Some(curve) = f.map.curve(&curve_box.id) else {
            continue;
        };
        let row = f.layout.lanes[curve_box.lane_index].row;
        let scale = EmotionScale::of(row, f.metrics);
        let Some(point) = curve.points.iter().find(|p| p.step == point_box.step) else {
            continue;
        };
        let center = to_screen * point_box.pos;
        let rect = Rect::from_center_size(center, vec2(radius, radius) * 2.0);
        if !rect.intersects(f.canvas) {
            continue;
        }
        let id = ui
            .scope_id()
            .with(("point", &curve.id, &point.step, curve_box.lane_index));
        let response = ui.interact(rect.intersect(f.canvas), id, crate::ui::canvas::ITEM_SENSE);
        let step_name = crate::ui::kit::labels::step_label(f.map, &point.step);
        response.widget_info(|| {
            let mut info = WidgetInfo::slider(
                true,
                f64::from(point.score),
                tr_args(
                    f.lang,
                    "point-label",
                    &[
                        ("curve", curve.name.clone().into()),
                        ("step", step_name.clone().into()),
                    ],
                ),
            );
            info.selected = Some(
                state.selection.point.as_ref() == Some(&(curve.id.clone(), point.step.clone())),
            );
            info
        });
        if response.hovered() || response.dragged() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeVertical);
        }
        if response.clicked() || response.drag_started() {
            state.editing = None;
            state.selection = Selection::only_point(curve.id.clone(), point.step.clone());
            crate::ui::canvas::focus_canvas(ui, state);
        }
        if response.drag_started() {
            state.point_drag = Some(PointDrag {
                curve: curve.id.clone(),
                step: point.step.clone(),
            });
        }
        let dragging = state
            .point_drag
            .as_ref()
            .is_some_and(|d| d.curve == curve.id && d.step == point.step);
        if dragging
            && response.dragged()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let score = score_for(&scale, (to_map * pointer).y, shift);
            if (score - point.score).abs() > f32::EPSILON {
                out.commands.push(EditCommand::SetPoint {
                    curve: curve.id.clone(),
                    point: EmotionPoint {
                        score,
                        ..point.clone()
                    },
                });
            }
        }
        if response.drag_stopped() && dragging {
            state.point_drag = None;
            out.seal = true;
        }
        if !response.dragged() {
            point_tooltip(
                &response,
                f.map,
                curve,
                point,
                point_box.lowest,
                &step_name,
                f.lang,
            );
        }
        response.context_menu(|ui| {
            state.selection = Selection::only_point(curve.id.clone(), point.step.clone());
            point_menu_ui(ui, f.map, curve, point, f.lang, out);
        });
    }
}

fn point_tooltip(
    response: &Response,
    map: &JourneyMap,
    curve: &EmotionCurve,
    point: &EmotionPoint,
    lowest: bool,
    step: &str,
    lang: Lang,
) {
    response.clone().on_hover_ui(|ui| {
        ui.set_max_width(320.0);
        let emoji = point
            .emoji
            .clone()
            .unwrap_or_else(|| emoji_for_score(point.score).to_owned());
        ui.label(
            egui::RichText::new(format!("{emoji} {}: {:+.1}", curve.name, point.score)).strong(),
        );
        ui.label(egui::RichText::new(step).weak());
        if !point.note.is_empty() {
            ui.label(&point.note);
        }
        // A moment of pain lists the step's pain points; any point lists those pinned to it.
        let pains: Vec<(&Card, &PainPoint)> = map
            .pain_points()
            .filter(|(c, p)| match &p.anchor {
                Some(PainAnchor::Point { curve: cv, step }) => {
                    cv == &curve.id && step == &point.step
                }
                _ => lowest && c.step == point.step,
            })
            .collect();
        if lowest {
            ui.separator();
            ui.label(egui::RichText::new(tr(lang, "point-moment-of-pain")).strong());
        }
        for (card, pain) in pains {
            ui.label(format!(
                "{} {} · {}",
                crate::model::severity_icon(pain.severity),
                pain.severity,
                card.text
            ));
        }
        ui.label(
            egui::RichText::new(tr(lang, "point-drag-hint"))
                .weak()
                .small(),
        );
    });
}

/// Pain markers take clicks: one selects the pain points the marker stands for, and hovering
/// lists them.
pub(super) fn markers_interaction(ui: &mut Ui, state: &mut EditorState, f: &Frame<'_>) {
    profiling::function_scope!();
    let Frame {
        map,
        layout,
        canvas,
        lang,
        ..
    } = *f;
    let to_screen = state.view.screen_from_map(canvas);
    let radius = (size::PAIN_MARKER_RADIUS * state.view.zoom).max(7.0);
    for (i, marker) in layout.pain_markers.iter().enumerate() {
        let rect = Rect::from_center_size(to_screen * marker.pos, vec2(radius, radius) * 2.0);
        if !rect.intersects(canvas) {
            continue;
        }
        let response = ui.interact(
            rect.intersect(canvas),
            ui.scope_id().with(("marker", i)),
            egui::Sense::click(),
        );
        response.widget_info(|| {
            WidgetInfo::labeled(
                Role::Button,
                true,
                tr_args(
                    lang,
                    "marker-label",
                    &[
                        ("count", marker.cards.len().into()),
                        ("severity", marker.max_severity.into()),
                    ],
                ),
            )
        });
        if response.clicked() {
            state.editing = None;
            state.selection = Selection {
                cards: marker.cards.clone(),
                ..Selection::default()
            };
            crate::ui::canvas::focus_canvas(ui, state);
        }
        // The cards are looked up only for the tooltip: a big map has many markers.
        response.on_hover_ui(|ui| {
            ui.set_max_width(320.0);
            for card in marker.cards.iter().filter_map(|id| map.card(id)) {
                let severity = card.pain.as_ref().map_or(1, |p| p.severity);
                ui.label(format!(
                    "{} {severity} · {}",
                    crate::model::severity_icon(severity),
                    card.text
                ));
            }
        });
    }
}

/// Up/Down nudge the selected point by half a point (Shift: a tenth); Left/Right select the
/// curve's neighbouring point. Returns whether a key was used.
pub fn point_keyboard(
    ui: &Ui,
    state: &mut EditorState,
    map: &JourneyMap,
    out: &mut EditorOutput,
) -> bool {
    let Some((curve_id, step)) = state.selection.point.clone() else {
        return false;
    };
    let Some(curve) = map.curve(&curve_id) else {
        return false;
    };
    let Some(index) = curve.points.iter().position(|p| p.step == step) else {
        return false;
    };
    let point = &curve.points[index];
    let mut used = false;
    for (key, sign) in [(egui::Key::ArrowUp, 1.0), (egui::Key::ArrowDown, -1.0)] {
        for (mods, amount) in [(egui::Modifiers::NONE, 0.5), (egui::Modifiers::SHIFT, 0.1)] {
            if ui.input_mut(|i| i.consume_key(mods, key)) {
                let score = clamp_score(((point.score + sign * amount) * 100.0).round() / 100.0);
                out.commands.push(EditCommand::SetPoint {
                    curve: curve_id.clone(),
                    point: EmotionPoint {
                        score,
                        ..point.clone()
                    },
                });
                used = true;
            }
        }
    }
    for (key, next) in [(egui::Key::ArrowLeft, false), (egui::Key::ArrowRight, true)] {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
            let target = if next {
                curve.points.get(index + 1)
            } else {
                index.checked_sub(1).and_then(|i| curve.points.get(i))
            };
            if let Some(target) = target {
                state.selection = Selection::only_point(curve_id.clone(), target.step.clone());
            }
            used = true;
        }
    }
    used
}

/// The emoji grid, in colour: the five score levels and common feelings, plus "automatic".
/// Returns the choice: `Some(None)` for automatic, `Some(Some(e))` for an emoji.
pub fn emoji_picker_ui(ui: &mut Ui, lang: Lang, current: Option<&str>) -> Option<Option<String>> {
    let mut choice = None;
    if ui
        .selectable_label(current.is_none(), tr(lang, "emoji-auto"))
        .clicked()
    {
        choice = Some(None);
    }
    egui::Grid::new(ui.scope_id().with("emoji-grid"))
        .spacing(vec2(2.0, 2.0))
        .show(ui, |ui| {
            for (i, emoji) in FEELING_EMOJI.iter().enumerate() {
                let response = crate::ui::kit::emoji::selectable_emoji_ui(
                    ui,
                    current == Some(*emoji),
                    emoji,
                    22.0,
                );
                let name = tr(lang, &format!("feeling-{i}"));
                response.widget_info(|| {
                    WidgetInfo::labeled(Role::Button, true, format!("{emoji} {name}"))
                });
                if response.on_hover_text(&name).clicked() {
                    choice = Some(Some((*emoji).to_owned()));
                }
                if i % 5 == 4 {
                    ui.end_row();
                }
            }
        });
    choice
}

fn point_menu_ui(
    ui: &mut Ui,
    map: &JourneyMap,
    curve: &EmotionCurve,
    point: &EmotionPoint,
    lang: Lang,
    out: &mut EditorOutput,
) {
    ui.menu_button(tr(lang, "ctx-emoji"), |ui| {
        if let Some(emoji) = emoji_picker_ui(ui, lang, point.emoji.as_deref()) {
            out.commands.push(EditCommand::SetPoint {
                curve: curve.id.clone(),
                point: EmotionPoint {
                    emoji,
                    ..point.clone()
                },
            });
            ui.close();
        }
    });
    let pain_lane = map.lanes.iter().find(|l| l.kind == LaneKind::PainPoints);
    let add = ui.add_enabled(
        pain_lane.is_some(),
        egui::Button::new(tr(lang, "ctx-add-pain-here")),
    );
    let add = if pain_lane.is_none() {
        add.on_disabled_hover_text(tr(lang, "ctx-add-pain-needs-lane"))
    } else {
        add
    };
    if add.clicked()
        && let Some(lane) = pain_lane
    {
        out.commands.push(crate::edit::make::add_pinned_pain(
            &point.step,
            &lane.id,
            PainAnchor::Point {
                curve: curve.id.clone(),
                step: point.step.clone(),
            },
        ));
        out.edit_created_card = true;
        ui.close();
    }
    ui.separator();
    if ui.button(tr(lang, "ctx-delete-point")).clicked() {
        out.commands.push(EditCommand::DeletePoint {
            curve: curve.id.clone(),
            step: point.step.clone(),
        });
        ui.close();
    }
}

/// A click on an emotion lane where the active curve has no point at that step adds one
/// there, at the clicked height. A map with no curve gets its first curve. Returns whether
/// the click was used.
pub(super) fn click_to_add_point(
    state: &mut EditorState,
    f: &Frame<'_>,
    cell: (usize, usize),
    map_y: f32,
    free: bool,
    out: &mut EditorOutput,
) -> bool {
    let Frame {
        map,
        layout,
        metrics,
        lang,
        ..
    } = *f;
    let (step_index, lane_index) = cell;
    let (Some(lane), Some(step)) = (layout.lanes.get(lane_index), layout.steps.get(step_index))
    else {
        return false;
    };
    if lane.kind != LaneKind::Emotions || lane.collapsed {
        return false;
    }
    let score = score_for(&EmotionScale::of(lane.row, metrics), map_y, free);
    let point = EmotionPoint {
        step: step.id.clone(),
        score,
        emoji: None,
        note: String::new(),
    };
    match active_curve(map, &state.selection) {
        Some(curve) if curve.points.iter().any(|p| p.step == step.id) => false,
        Some(curve) => {
            state.selection = Selection::only_point(curve.id.clone(), step.id.clone());
            out.commands.push(EditCommand::SetPoint {
                curve: curve.id.clone(),
                point,
            });
            out.seal = true;
            true
        }
        None if map.curves.is_empty() => {
            out.commands.push(EditCommand::AddCurve {
                name: tr(lang, "curve-default-name"),
                color: ColorToken::Blue,
                points: vec![point],
            });
            out.select_created = true;
            true
        }
        // Every curve is hidden: a click must not draw on an invisible one.
        None => false,
    }
}

/// The legend rows the canvas painted: click the eye to show or hide, the name to select, the
/// last row to add a curve; each row has a context menu.
pub fn legend_interaction(
    ui: &mut Ui,
    state: &mut EditorState,
    map: &JourneyMap,
    rows: &[LegendRow],
    lang: Lang,
    out: &mut EditorOutput,
) {
    for row in rows.iter().filter(|r| r.rect.is_positive()) {
        let id = ui.scope_id().with(("legend", &row.curve));
        let response = ui.interact(row.rect, id, egui::Sense::click());
        let Some(curve) = row.curve.as_ref().and_then(|id| map.curve(id)) else {
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, tr(lang, "curve-add")));
            if response.clicked() {
                out.commands.push(new_curve_command(map, lang));
                out.select_created = true;
            }
            continue;
        };
        response.widget_info(|| {
            let key = if curve.hidden {
                "curve-legend-hidden"
            } else {
                "curve-legend-shown"
            };
            WidgetInfo::selected(
                Role::Button,
                true,
                state.selection.curve.as_ref() == Some(&curve.id),
                tr_args(lang, key, &[("name", curve.name.clone().into())]),
            )
        });
        let on_eye = response
            .interact_pointer_pos()
            .is_some_and(|p| row.eye.contains(p));
        if response.clicked() {
            crate::ui::canvas::focus_canvas(ui, state);
            if on_eye {
                out.commands
                    .push(set_curve(curve, curve.color, !curve.hidden));
            } else {
                state.editing = None;
                state.selection = Selection::only_curve(curve.id.clone());
            }
        }
        let response = response.on_hover_text(tr(lang, "curve-legend-hint"));
        response.context_menu(|ui| {
            state.selection = Selection::only_curve(curve.id.clone());
            let key = if curve.hidden {
                "ctx-show-curve"
            } else {
                "ctx-hide-curve"
            };
            if ui.button(tr(lang, key)).clicked() {
                out.commands
                    .push(set_curve(curve, curve.color, !curve.hidden));
                ui.close();
            }
            ui.menu_button(tr(lang, "ctx-color"), |ui| {
                if let Some(Some(color)) = crate::ui::canvas::color_menu_ui(ui, lang) {
                    out.commands.push(set_curve(curve, color, curve.hidden));
                    ui.close();
                }
            });
            if ui.button(tr(lang, "curve-add")).clicked() {
                out.commands.push(new_curve_command(map, lang));
                out.select_created = true;
                ui.close();
            }
            ui.separator();
            if ui.button(tr(lang, "ctx-delete-curve")).clicked() {
                out.commands.push(EditCommand::DeleteCurve {
                    id: curve.id.clone(),
                });
                ui.close();
            }
        });
    }
}

/// The command that gives `curve` this colour and visibility, keeping its name.
fn set_curve(curve: &EmotionCurve, color: ColorToken, hidden: bool) -> EditCommand {
    EditCommand::SetCurve {
        id: curve.id.clone(),
        name: curve.name.clone(),
        color,
        hidden,
    }
}

/// A new empty curve, named for the UI's language ("As-is" first, then "Curve 2"...), in a
/// colour no other curve uses yet.
pub fn new_curve_command(map: &JourneyMap, lang: Lang) -> EditCommand {
    let name = if map.curves.is_empty() {
        tr(lang, "curve-default-name")
    } else {
        tr_args(
            lang,
            "curve-new-name",
            &[("n", (map.curves.len() + 1).into())],
        )
    };
    crate::edit::make::add_curve(map, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_snap_to_half_points_unless_free() {
        let scale = EmotionScale {
            zero_y: 100.0,
            half: 50.0,
        };
        assert!((score_for(&scale, 100.0 - 0.3 * 25.0, false) - 0.5).abs() < 1e-6);
        assert!((score_for(&scale, 100.0 - 0.3 * 25.0, true) - 0.3).abs() < 1e-6);
        assert!((score_for(&scale, -500.0, false) - 2.0).abs() < 1e-6);
        assert!((score_for(&scale, 900.0, true) + 2.0).abs() < 1e-6);
    }
}
