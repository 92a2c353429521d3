//! The sticky headers and labels of the canvas: stage and step headers along the top, lane
//! labels down the left. Click to select, double-click to rename, drag a stage or lane to move
//! it, a context menu each, the "add stage" and "add lane" buttons and the lane kind menu.

use egui::{Rect, Role, Sense, Ui, WidgetInfo, pos2, vec2};

use crate::edit::EditCommand;
use crate::model::{Id, JourneyMap, LaneKind};

use crate::ui::canvas::paint as canvas;
use crate::ui::canvas::selection::Selection;
use crate::ui::canvas::{
    Drag, EditTarget, Editing, EditorOutput, EditorState, Frame, ITEM_SENSE, color_menu_ui,
    focus_canvas, focus_canvas_on_click,
};
use crate::ui::kit::i18n::{Lang, lane_kind_key, tr, tr_args};

/// Which header or label.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HeaderKind {
    Stage,
    Step,
    Lane,
}

/// One header or label as the pointer meets it.
#[derive(Clone, Copy)]
struct Header<'a> {
    kind: HeaderKind,
    /// The stage, step or lane.
    id: &'a Id,
    /// Where it is on screen.
    rect: Rect,
    /// Its name, as the in-place editor starts with it.
    name: &'a str,
    /// The name its label for screen readers says (a step without a name says its stage's).
    label: &'a str,
    /// Whether the canvas cut the name with "…": then hovering shows it whole.
    cut: bool,
}

impl<'a> Header<'a> {
    fn new(kind: HeaderKind, id: &'a Id, name: &'a str, rect: Rect) -> Self {
        Self {
            kind,
            id,
            rect,
            name,
            label: name,
            cut: false,
        }
    }
}

/// Whether a name as the canvas lays it out is cut with "…".
fn is_cut(ui: &Ui, name: canvas::headers::PlacedName) -> bool {
    ui.painter().layout_job(name.job).elided
}

/// The pointer on one header: a click selects it, a double-click renames it, stages and lanes
/// can be dragged; its context menu starts with "Rename" and goes on with `menu`.
fn header_ui(
    ui: &mut Ui,
    state: &mut EditorState,
    lang: Lang,
    header: Header<'_>,
    menu: impl FnOnce(&mut Ui, &mut EditorState),
) {
    let id = header.id.clone();
    // The id salt, the label's message key, whether it says it is selected (steps do not),
    // what a click selects, what a double-click edits, and what a drag moves.
    let (salt, key, selected, select, target, drag) = match header.kind {
        HeaderKind::Stage => (
            "stage",
            "stage-label",
            Some(state.selection.stage.as_ref() == Some(header.id)),
            Selection::only_stage(id.clone()),
            EditTarget::Stage(id.clone()),
            Some(Drag::Stage { id }),
        ),
        HeaderKind::Step => (
            "step",
            "step-label",
            None,
            Selection::only_step(id.clone()),
            EditTarget::Step(id),
            None,
        ),
        HeaderKind::Lane => (
            "lane",
            "lane-label",
            Some(state.selection.lane.as_ref() == Some(header.id)),
            Selection::only_lane(id.clone()),
            EditTarget::Lane(id.clone()),
            Some(Drag::Lane { id }),
        ),
    };
    let sense = if drag.is_some() {
        ITEM_SENSE
    } else {
        Sense::CLICK
    };
    let mut response = ui.interact(header.rect, ui.scope_id().with((salt, header.id)), sense);
    if header.cut {
        response = response.on_hover_text(header.name);
    }
    response.widget_info(|| {
        let name = header.label.to_owned();
        let mut info = WidgetInfo::labeled(
            Role::Button,
            true,
            tr_args(lang, key, &[("name", name.into())]),
        );
        info.selected = selected;
        info
    });
    focus_canvas_on_click(ui, state, &response);
    if response.clicked() {
        state.editing = None;
        state.selection = select.clone();
    }
    if response.double_clicked() {
        state.editing = Some(Editing::new(target.clone(), header.name));
    }
    if let Some(drag) = drag
        && response.drag_started()
    {
        state.drag = Some(drag);
    }
    response.context_menu(|ui| {
        // Steps keep the selection while their menu is open.
        if header.kind != HeaderKind::Step {
            state.selection = select;
        }
        if ui.button(tr(lang, "ctx-rename")).clicked() {
            state.editing = Some(Editing::new(target, header.name));
            ui.close();
        }
        menu(ui, state);
    });
}

/// Stage and step headers, and the "add stage" button right of the last stage.
pub(super) fn headers_interaction(
    ui: &mut Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    out: &mut EditorOutput,
) {
    profiling::function_scope!();
    let to_screen = f.to_screen(&state.view);
    let dy = canvas::sticky_dy(&state.view, f.canvas);
    let (zoom, color) = (state.view.zoom, ui.visuals().text_color());
    for (stage_box, stage) in f.layout.stages.iter().zip(&f.map.stages) {
        let on_screen = (to_screen * stage_box.header).translate(vec2(0.0, dy));
        let rect = on_screen.intersect(f.canvas);
        if rect.width() <= 0.0 {
            continue;
        }
        let name =
            canvas::headers::stage_name(&stage.name, on_screen, f.canvas, zoom, f.metrics, color);
        let header = Header {
            cut: is_cut(ui, name),
            ..Header::new(HeaderKind::Stage, &stage.id, &stage.name, rect)
        };
        header_ui(ui, state, f.lang, header, |ui, _| {
            ui.menu_button(tr(f.lang, "ctx-color"), |ui| {
                if let Some(color) = color_menu_ui(ui, f.lang) {
                    out.commands.push(EditCommand::SetStage {
                        id: stage.id.clone(),
                        name: stage.name.clone(),
                        color,
                    });
                    out.seal = true;
                    ui.close();
                }
            });
            if ui.button(tr(f.lang, "ctx-add-step")).clicked() {
                out.commands.push(EditCommand::AddStep {
                    stage: stage.id.clone(),
                    index: stage.steps.len(),
                    name: tr(map_lang(f.map), "canvas-new-step"),
                });
                out.select_created = true;
                ui.close();
            }
            let index = stage_box.index;
            for (key, at) in [
                ("ctx-add-stage-before", index),
                ("ctx-add-stage-after", index + 1),
            ] {
                if ui.button(tr(f.lang, key)).clicked() {
                    out.commands.push(EditCommand::AddStage {
                        index: at,
                        name: tr(map_lang(f.map), "canvas-new-stage"),
                    });
                    out.select_created = true;
                    ui.close();
                }
            }
            ui.separator();
            if ui.button(tr(f.lang, "ctx-delete-stage")).clicked() {
                out.commands.push(EditCommand::DeleteStage {
                    id: stage.id.clone(),
                });
                ui.close();
            }
        });
    }
    // The "add stage" button right of the last stage.
    let right = to_screen * pos2(f.layout.size.x, 0.0);
    let add = Rect::from_min_size(
        pos2(right.x + 6.0, to_screen.translation.y + dy),
        vec2(30.0, f.metrics.stage_header_height * state.view.zoom),
    );
    if add.intersects(f.canvas) {
        let response = ui
            .put(add, egui::Button::new("+").small())
            .on_hover_text(tr(f.lang, "canvas-add-stage-hint"));
        response.widget_info(|| {
            WidgetInfo::labeled(Role::Button, true, tr(f.lang, "canvas-add-stage-hint"))
        });
        if response.clicked() {
            focus_canvas(ui, state);
            out.commands.push(EditCommand::AddStage {
                index: f.map.stages.len(),
                name: tr(map_lang(f.map), "canvas-new-stage"),
            });
            out.select_created = true;
        }
    }

    for (i, step_box) in f.layout.steps.iter().enumerate() {
        let Some((stage, step)) = f.map.steps().nth(i) else {
            continue;
        };
        let on_screen = (to_screen * step_box.header).translate(vec2(0.0, dy));
        let rect = on_screen.intersect(f.canvas);
        if rect.width() <= 0.0 {
            continue;
        }
        let name =
            canvas::headers::step_name(&step.name, on_screen, f.canvas, zoom, f.metrics, color);
        let label = if step.name.is_empty() {
            &stage.name
        } else {
            &step.name
        };
        let header = Header {
            label,
            cut: is_cut(ui, name),
            ..Header::new(HeaderKind::Step, &step.id, &step.name, rect)
        };
        header_ui(ui, state, f.lang, header, |ui, _| {
            if ui.button(tr(f.lang, "ctx-add-step")).clicked() {
                let index = stage
                    .steps
                    .iter()
                    .position(|s| s.id == step.id)
                    .map_or(0, |p| p + 1);
                out.commands.push(EditCommand::AddStep {
                    stage: stage.id.clone(),
                    index,
                    name: tr(map_lang(f.map), "canvas-new-step"),
                });
                out.select_created = true;
                ui.close();
            }
            if ui.button(tr(f.lang, "ctx-delete-step")).clicked() {
                out.commands.push(EditCommand::DeleteStep {
                    id: step.id.clone(),
                });
                ui.close();
            }
        });
    }
}

/// Lane labels with their collapse toggles, and the "add lane" button under the last lane.
pub(super) fn lanes_interaction(
    ui: &mut Ui,
    state: &mut EditorState,
    f: &Frame<'_>,
    out: &mut EditorOutput,
) {
    profiling::function_scope!();
    let to_screen = f.to_screen(&state.view);
    let dx = canvas::sticky_dx(&state.view, f.canvas);
    let header_bottom = canvas::header_bottom(&state.view, f.canvas, f.metrics);
    let clip = Rect::from_min_max(pos2(f.canvas.min.x, header_bottom), f.canvas.max);
    let (zoom, color) = (state.view.zoom, ui.visuals().text_color());
    for (lane_box, lane) in f.layout.lanes.iter().zip(&f.map.lanes) {
        let on_screen = (to_screen * lane_box.label).translate(vec2(dx, 0.0));
        let rect = on_screen.intersect(clip);
        if rect.height() <= 0.0 {
            continue;
        }
        let text = canvas::headers::lane_label_text(lane, lane_box.collapsed, lane_box.card_count);
        let name = canvas::headers::lane_name(&text, on_screen, zoom, lane_box.collapsed, color);
        let header = Header {
            cut: is_cut(ui, name),
            ..Header::new(HeaderKind::Lane, &lane.id, &lane.name, rect)
        };
        header_ui(ui, state, f.lang, header, |ui, state| {
            if ui
                .button(tr(f.lang, collapse_key(state, &lane.id)))
                .clicked()
            {
                toggle_collapsed(state, &lane.id);
                ui.close();
            }
            let index = f
                .map
                .lanes
                .iter()
                .position(|l| l.id == lane.id)
                .map_or(0, |p| p + 1);
            ui.menu_button(tr(f.lang, "ctx-add-lane-below"), |ui| {
                add_lane_menu_ui(ui, f.map, f.lang, index, out);
            });
            ui.separator();
            if ui.button(tr(f.lang, "ctx-delete-lane")).clicked() {
                out.commands.push(EditCommand::DeleteLane {
                    id: lane.id.clone(),
                });
                ui.close();
            }
        });
        // A small collapse toggle in the label's corner.
        // At the top of the label's visible part; the name keeps clear of its column.
        let toggle = canvas::headers::lane_toggle_rect(rect, zoom);
        if rect.contains_rect(toggle) {
            let key = collapse_key(state, &lane.id);
            let symbol = if state.collapsed.contains(&lane.id) {
                "▸"
            } else {
                "▾"
            };
            let r = ui.put(toggle, egui::Button::new(symbol).small().frame(false));
            r.widget_info(|| {
                WidgetInfo::labeled(
                    Role::Button,
                    true,
                    format!("{} {}", tr(f.lang, key), lane.name),
                )
            });
            if r.clicked() {
                toggle_collapsed(state, &lane.id);
            }
        }
    }
    // The "add lane" button under the last lane.
    let bottom = to_screen * pos2(0.0, f.layout.size.y);
    let add = Rect::from_min_size(
        pos2(
            f.canvas.min.x.max(to_screen.translation.x) + dx.min(0.0) + 4.0,
            bottom.y + 6.0,
        ),
        vec2(
            (f.metrics.lane_label_width * state.view.zoom - 8.0).max(130.0),
            26.0,
        ),
    );
    if add.intersects(f.canvas) {
        let response = ui.put(
            add,
            egui::Button::new(format!("+ {}", tr(f.lang, "map-add-lane"))).small(),
        );
        response.widget_info(|| {
            WidgetInfo::labeled(Role::Button, true, tr(f.lang, "canvas-add-lane-hint"))
        });
        egui::Popup::menu(&response).show(|ui| {
            add_lane_menu_ui(ui, f.map, f.lang, f.map.lanes.len(), out);
        });
    }
}

/// The lane kinds; the one chosen adds a lane of that kind at `index`, named in the map's
/// language, and closes the menu.
fn add_lane_menu_ui(
    ui: &mut Ui,
    map: &JourneyMap,
    lang: Lang,
    index: usize,
    out: &mut EditorOutput,
) {
    if let Some(kind) = lane_kind_menu_ui(ui, lang) {
        out.commands.push(EditCommand::AddLane {
            index,
            kind,
            name: crate::model::template::lane_name(kind, map_lang(map)).to_owned(),
        });
        out.select_created = true;
        ui.close();
    }
}

/// The language new stages, steps and lanes are named in: the map's, not the UI's.
fn map_lang(map: &JourneyMap) -> Lang {
    Lang::from_code(&map.language).unwrap_or_default()
}

/// "Expand" for a collapsed lane, "Collapse" for an open one.
fn collapse_key(state: &EditorState, id: &Id) -> &'static str {
    if state.collapsed.contains(id) {
        "ctx-expand"
    } else {
        "ctx-collapse"
    }
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
