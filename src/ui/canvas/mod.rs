//! The map surface: painting (`paint/`), the frame (`editor`), cards, headers, in-place text,
//! keyboard, clipboard, curves and selection. It returns `EditCommand`s and never changes the
//! document itself; it knows nothing of panels or shell.

mod cards;
pub mod clipboard;
pub mod curves;
mod data;
pub mod editor;
mod headers;
mod inplace;
mod keyboard;
pub mod paint;
pub mod selection;

use std::collections::BTreeSet;

use egui::{Pos2, Rect, Response, Sense, Ui, Vec2};

use crate::edit::EditCommand;
use crate::layout::{LayoutMetrics, MapLayout};
use crate::model::{ColorToken, Id, JourneyMap};
use crate::ui::canvas::paint::CanvasView;
use crate::ui::canvas::selection::Selection;
use crate::ui::kit::i18n::{Lang, color_key, tr};
use crate::ui::kit::theme::Theme;

// ---------------------------------------------------------------------------------------------
// The state and output every part of the canvas shares

/// Cards, headers and labels take clicks and drags but never keyboard focus: the canvas keeps
/// it, so Tab, the arrows and Enter always act on cells.
pub(super) const ITEM_SENSE: Sense = Sense::CLICK.union(Sense::DRAG);

/// What is being edited in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditTarget {
    /// A card's text.
    Card(Id),
    /// A stage's name.
    Stage(Id),
    /// A step's name.
    Step(Id),
    /// A lane's name.
    Lane(Id),
}

/// An in-place text editor over a card or header.
#[derive(Clone, Debug)]
pub struct Editing {
    /// What is edited.
    pub target: EditTarget,
    /// The text as typed so far (the document follows it keystroke by keystroke).
    pub buffer: String,
    /// Focus must be given on the next frame.
    focus_pending: bool,
    /// Select the whole text when the focus is given, so typing replaces it (a rename).
    select_all: bool,
}

impl Editing {
    /// Starts editing `target`, whose current text is `text`.
    pub fn new(target: EditTarget, text: &str) -> Self {
        Self {
            target,
            buffer: text.to_owned(),
            focus_pending: true,
            select_all: false,
        }
    }

    /// Starts renaming `target`: its name `text` is selected, so typing replaces it.
    pub fn rename(target: EditTarget, text: &str) -> Self {
        Self {
            select_all: true,
            ..Self::new(target, text)
        }
    }
}

#[derive(Clone, Debug)]
enum Drag {
    Cards { ids: Vec<Id>, grab: Vec2 },
    Stage { id: Id },
    Lane { id: Id },
    Band { start: Pos2 },
}

/// The editor's view state: pan/zoom, selection, editing, keyboard cell, collapsed lanes.
/// Never saved in the document.
#[derive(Clone, Debug, Default)]
pub struct EditorState {
    /// Pan and zoom.
    pub view: CanvasView,
    /// What is selected.
    pub selection: Selection,
    /// The in-place editor, if open.
    pub editing: Option<Editing>,
    /// The keyboard cell (step, lane), moved by arrows and Tab.
    pub cursor: Option<(Id, Id)>,
    /// Lanes shown collapsed.
    pub collapsed: BTreeSet<Id>,
    /// Workshop voting: a click on a pain point or opportunity adds a dot, a right-click
    /// removes one.
    pub voting: bool,
    drag: Option<Drag>,
    point_drag: Option<PointDrag>,
    /// What to bring on screen on the next frame: a card found in the review table or the
    /// matrix, or a card, stage, step or lane just made.
    reveal: Option<EditTarget>,
    canvas_id: Option<egui::Id>,
    /// Names this open map on the clipboard, so a paste knows whether cards come from it.
    pub clipboard_source: u64,
    /// The customer-data overlays shown (badges, heat, measured curve): a view choice of this
    /// window, never saved in the map.
    pub data: crate::layout::data::DataOptions,
    /// The canvas's tessellated lanes, cards and curves, kept while nothing they show changes.
    cache: crate::ui::canvas::paint::cache::CanvasCache,
    /// The card whose context menu is open while cards are too small to read (they have no
    /// widget each then, so the menu must be kept by name).
    lod_menu: Option<Id>,
}

impl EditorState {
    /// How many times the canvas painted and tessellated its lanes, cards and curves afresh
    /// instead of reusing them (for tests and benchmarks).
    pub fn canvas_rebuilds(&self) -> u64 {
        self.cache.rebuilds()
    }

    /// How many times it painted and tessellated only what lies over the cards (the curves
    /// changed, nothing else).
    pub fn canvas_curve_rebuilds(&self) -> u64 {
        self.cache.curve_rebuilds()
    }

    /// Turns the canvas cache on (the default) or off; see [`paint::cache::CanvasCache`].
    pub fn set_canvas_cache(&mut self, on: bool) {
        self.cache.set_enabled(on);
    }

    /// A fresh state that fits the map to the window on the first frame.
    pub fn fitted() -> Self {
        Self {
            view: CanvasView::fitted_on_open(),
            clipboard_source: crate::edit::paste::new_source_token(),
            ..Self::default()
        }
    }
}

impl EditorState {
    /// The card being edited in place, if any.
    fn editing_card(&self) -> Option<&Id> {
        match &self.editing {
            Some(Editing {
                target: EditTarget::Card(id),
                ..
            }) => Some(id),
            _ => None,
        }
    }

    /// Selects a card and scrolls the canvas to it (expanding its lane if collapsed).
    pub fn reveal_card(&mut self, map: &JourneyMap, id: &Id) {
        let Some(card) = map.card(id) else {
            return;
        };
        self.editing = None;
        self.selection = Selection::only_card(id.clone());
        self.cursor = Some((card.step.clone(), card.lane.clone()));
        self.collapsed.remove(&card.lane);
        self.reveal = Some(EditTarget::Card(id.clone()));
    }

    /// Selects what the last command made (`created`, its ids): pasted cards, a curve (with its
    /// one point when a click on the emotion lane made it), or a new stage, step or lane, which
    /// comes on screen with its name being typed.
    pub fn select_created(&mut self, map: &JourneyMap, created: &[Id]) {
        let Some(first) = created.first() else {
            return;
        };
        let cards: Vec<Id> = created
            .iter()
            .filter(|id| map.card(id).is_some())
            .cloned()
            .collect();
        if !cards.is_empty() {
            self.selection = Selection {
                cards,
                ..Selection::default()
            };
        } else if map.stages.iter().any(|s| &s.id == first) {
            self.edit_created(map, EditTarget::Stage(first.clone()));
        } else if map.step_index(first).is_some() {
            self.edit_created(map, EditTarget::Step(first.clone()));
        } else if map.lane(first).is_some() {
            self.edit_created(map, EditTarget::Lane(first.clone()));
        } else if let Some(curve) = map.curve(first) {
            self.selection = match curve.points.as_slice() {
                [point] => Selection::only_point(first.clone(), point.step.clone()),
                _ => Selection::only_curve(first.clone()),
            };
        } else {
            self.selection = Selection::default();
        }
    }

    /// Brings what was just made on screen on the next frame and starts typing into it: a new
    /// card's text, or a new stage's, step's or lane's name (selected, so typing replaces it).
    pub fn edit_created(&mut self, map: &JourneyMap, target: EditTarget) {
        let (selection, text) = match &target {
            EditTarget::Card(id) => {
                let Some(card) = map.card(id) else {
                    return;
                };
                self.cursor = Some((card.step.clone(), card.lane.clone()));
                (Selection::only_card(id.clone()), card.text.as_str())
            }
            EditTarget::Stage(id) => {
                let Some(stage) = map.stages.iter().find(|s| &s.id == id) else {
                    return;
                };
                (Selection::only_stage(id.clone()), stage.name.as_str())
            }
            EditTarget::Step(id) => {
                let Some((_, step)) = map.steps().find(|(_, s)| &s.id == id) else {
                    return;
                };
                (Selection::only_step(id.clone()), step.name.as_str())
            }
            EditTarget::Lane(id) => {
                let Some(lane) = map.lane(id) else {
                    return;
                };
                self.collapsed.remove(id);
                (Selection::only_lane(id.clone()), lane.name.as_str())
            }
        };
        self.selection = selection;
        self.editing = Some(match target {
            EditTarget::Card(_) => Editing::new(target.clone(), text),
            _ => Editing::rename(target.clone(), text),
        });
        self.reveal = Some(target);
    }
}

/// What every interaction of one frame reads: the map, its layout and metrics, the canvas
/// rectangle on screen and the UI language.
#[derive(Clone, Copy)]
pub(super) struct Frame<'a> {
    /// The map as it was when the frame began.
    pub map: &'a JourneyMap,
    /// Its layout.
    pub layout: &'a MapLayout,
    /// The layout's metrics.
    pub metrics: &'a LayoutMetrics,
    /// The canvas on screen.
    pub canvas: Rect,
    /// The UI language.
    pub lang: Lang,
}

impl Frame<'_> {
    /// Map to screen with `view` as it is now: the background may pan or zoom during the
    /// frame, so every pass asks anew rather than keep one transform.
    pub(super) fn to_screen(self, view: &paint::CanvasView) -> egui::emath::TSTransform {
        view.screen_from_map(self.canvas)
    }
}

/// What the canvas asks of the app this frame.
#[derive(Debug, Default)]
pub struct EditorOutput {
    /// Changes to apply, in order.
    pub commands: Vec<EditCommand>,
    /// Start editing the card the last command creates.
    pub edit_created_card: bool,
    /// Select what the last command creates.
    pub select_created: bool,
    /// An editing session or drag ended: seal the undo burst.
    pub seal: bool,
    /// Something to tell the user in the status bar: a message key and the count it names.
    pub notice: Option<(&'static str, usize)>,
}

/// The point being dragged (a drag keeps its point even when the pointer leaves it).
#[derive(Clone, Debug)]
pub struct PointDrag {
    curve: Id,
    step: Id,
}

/// Gives the keyboard to the canvas.
pub(super) fn focus_canvas(ui: &Ui, state: &EditorState) {
    if let Some(id) = state.canvas_id {
        ui.memory_mut(|m| m.request_focus(id));
    }
}

/// Clicking a card or header gives the keyboard to the canvas (not to that element), so Tab,
/// the arrows and Enter keep working on cells.
pub(super) fn focus_canvas_on_click(ui: &Ui, state: &EditorState, response: &Response) {
    if response.clicked() || response.drag_started() || response.double_clicked() {
        focus_canvas(ui, state);
    }
}

/// The ids of the cell at (step index, lane index) of the layout.
pub(super) fn cell_ids(
    map: &JourneyMap,
    layout: &MapLayout,
    step: usize,
    lane: usize,
) -> Option<(Id, Id)> {
    let step = layout.steps.get(step)?.id.clone();
    let lane = map.lanes.get(lane)?.id.clone();
    Some((step, lane))
}

/// A colour menu; returns the choice (`Some(None)` for the default colour).
pub fn color_menu_ui(ui: &mut Ui, lang: Lang) -> Option<Option<ColorToken>> {
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let mut choice = None;
    if ui.button(tr(lang, "ctx-color-default")).clicked() {
        choice = Some(None);
    }
    for token in ColorToken::ALL {
        let label = egui::RichText::new(format!("■ {}", tr(lang, color_key(token))))
            .color(theme.strong(token));
        if ui.button(label).clicked() {
            choice = Some(Some(token));
        }
    }
    choice
}
