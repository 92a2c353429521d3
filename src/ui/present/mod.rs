//! Presentation mode: the map shown to a room, full screen and read-only. A title slide (the
//! map's title, its persona, the goals), then stage by stage: the stage zoomed to fit with card
//! text of at least 14 px, highlighted, the other stages dimmed under a veil, the curves, pain
//! markers and customer data drawn as on the canvas (by its own painter). A red laser dot
//! replaces the pointer and fades when the pointer rests.
//!
//! What the slides are and how a stage is fitted is pure (`model`); this file draws them and
//! reads the keys a presenter's clicker sends. It never changes the document: it returns only
//! whether to leave.

pub mod model;

use egui::{
    Align, Align2, Color32, CursorIcon, FontId, Layout, Rect, RichText, Role, Sense, Stroke,
    StrokeKind, Ui, Vec2, WidgetInfo, pos2, vec2,
};

use crate::layout::{LayoutMetrics, MapLayout};
use crate::model::JourneyMap;
use crate::ui::canvas::paint::{self, CanvasView, Overlay};
use crate::ui::canvas::selection::Selection;
use crate::ui::kit::emoji;
use crate::ui::kit::i18n::{Lang, tr, tr_args};
use crate::ui::kit::theme::Theme;

use model::{Deck, Slide, StageFit};

/// Height of the strip under a stage slide with its name and the progress (screen points).
const STRIP_HEIGHT: f32 = 44.0;

/// The state of a presentation: view state only, never saved.
#[derive(Clone, Debug)]
pub struct Presentation {
    /// The slide on screen.
    pub slide: Slide,
    /// The window was full screen before the presentation (leaving puts it back so).
    pub was_fullscreen: bool,
    /// The zoom and offset the current stage slide was drawn with.
    view: CanvasView,
    /// The slides as last laid out for the screen.
    deck: Deck,
    /// Where the pointer was last seen, and when it last moved (UI time, seconds).
    laser: Option<(egui::Pos2, f64)>,
}

impl Presentation {
    /// A presentation starting at the title slide.
    pub fn new(was_fullscreen: bool) -> Self {
        Self {
            slide: Slide::Title,
            was_fullscreen,
            view: CanvasView::default(),
            deck: Deck::default(),
            laser: None,
        }
    }

    /// The zoom and offset of the stage slide as last drawn.
    pub fn view(&self) -> &CanvasView {
        &self.view
    }

    /// The slides as last laid out for the screen.
    pub fn deck(&self) -> &Deck {
        &self.deck
    }
}

/// What the presenter asked for with a key or a click.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Next,
    Previous,
    First,
    Last,
    Leave,
}

/// The keys a presenter (or a clicker, which sends Page Up/Down) presses. Only while no dialog
/// is up: then the keys belong to the dialog.
fn key_move(ui: &Ui) -> Option<Move> {
    use egui::{Key, Modifiers};
    let table = [
        (Key::ArrowRight, Move::Next),
        (Key::ArrowDown, Move::Next),
        (Key::Space, Move::Next),
        (Key::PageDown, Move::Next),
        (Key::Enter, Move::Next),
        (Key::ArrowLeft, Move::Previous),
        (Key::ArrowUp, Move::Previous),
        (Key::PageUp, Move::Previous),
        (Key::Backspace, Move::Previous),
        (Key::Home, Move::First),
        (Key::End, Move::Last),
        (Key::Escape, Move::Leave),
        (Key::F5, Move::Leave),
    ];
    ui.input_mut(|i| {
        table
            .into_iter()
            .find(|(key, _)| i.consume_key(Modifiers::NONE, *key))
            .map(|(_, m)| m)
    })
}

/// Everything a slide is drawn from.
pub struct Show<'a> {
    /// The map.
    pub map: &'a JourneyMap,
    /// Its layout, as the canvas lays it out.
    pub layout: &'a MapLayout,
    /// The layout's metrics.
    pub metrics: &'a LayoutMetrics,
    /// The colours.
    pub theme: &'a Theme,
    /// The UI's language.
    pub lang: Lang,
}

/// Draws the presentation over the whole of `ui` and moves through it with the keys (when
/// `keys` is true: no dialog is up) and clicks. Returns true when the presenter leaves.
pub fn presentation_ui(ui: &mut Ui, state: &mut Presentation, show: &Show<'_>, keys: bool) -> bool {
    let screen = ui.max_rect();
    let canvas = Rect::from_min_max(screen.min, pos2(screen.max.x, screen.max.y - STRIP_HEIGHT));
    let min_zoom = model::min_zoom(show.metrics.card_font_size, ui.ctx().zoom_factor());
    let sticky = model::Sticky {
        header_height: show.metrics.stage_header_height + show.metrics.step_header_height,
        label_width: show.metrics.lane_label_width,
    };
    let fits: Vec<StageFit> = (0..show.layout.stages.len())
        .map(|i| {
            model::stage_geometry(show.layout, show.metrics, i).map_or_else(
                || StageFit {
                    zoom: 1.0,
                    offsets: vec![Vec2::ZERO],
                    ends: vec![Vec2::INFINITY],
                },
                |stage| model::fit_stage(&stage, canvas.size(), min_zoom, sticky),
            )
        })
        .collect();
    state.deck = Deck {
        parts: fits.iter().map(|f| f.offsets.len()).collect(),
    };
    state.slide = state.deck.clamp(state.slide);

    let response = ui.allocate_rect(screen, Sense::click());
    let mut moved = if keys { key_move(ui) } else { None };
    if keys && response.clicked() {
        moved = Some(Move::Next);
    } else if keys && response.secondary_clicked() {
        moved = Some(Move::Previous);
    }
    match moved {
        Some(Move::Leave) => return true,
        Some(Move::Next) => state.slide = state.deck.next(state.slide),
        Some(Move::Previous) => state.slide = state.deck.previous(state.slide),
        Some(Move::First) => state.slide = Slide::Title,
        Some(Move::Last) => state.slide = state.deck.last(),
        None => {}
    }

    let label = slide_label(show, state);
    response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, label.clone()));
    match state.slide {
        Slide::Title => title_slide_ui(ui, screen, show),
        Slide::Stage { stage, part } => {
            if let Some(fit) = fits.get(stage) {
                state.view.zoom = fit.zoom;
                state.view.offset = fit.offsets.get(part).copied().unwrap_or(Vec2::ZERO);
            }
            let end = fits
                .get(stage)
                .and_then(|f| f.ends.get(part))
                .copied()
                .unwrap_or(Vec2::INFINITY);
            stage_slide_ui(ui, canvas, state, show, stage, end);
            strip_ui(ui, screen, state, show, stage, part);
        }
    }
    laser_ui(ui, state, show.theme);
    false
}

/// What a screen reader (and a test) hears for the slide: the stage, where it is, the keys.
fn slide_label(show: &Show<'_>, state: &Presentation) -> String {
    match state.slide {
        Slide::Title => tr_args(
            show.lang,
            "present-title-label",
            &[("title", show.map.title.clone().into())],
        ),
        Slide::Stage { stage, .. } => tr_args(
            show.lang,
            "present-stage-label",
            &[
                ("stage", stage_name(show.map, stage).into()),
                ("number", (stage + 1).into()),
                ("count", show.map.stages.len().into()),
            ],
        ),
    }
}

fn stage_name(map: &JourneyMap, stage: usize) -> String {
    map.stages
        .get(stage)
        .map(|s| s.name.clone())
        .unwrap_or_default()
}

/// The map painted by the canvas's painter at the stage's zoom, read-only, down to `end` (map
/// coordinates where the next part starts), so a part ends with whole lanes and steps; the
/// other stages under a veil and the current one outlined.
fn stage_slide_ui(
    ui: &Ui,
    screen: Rect,
    state: &Presentation,
    show: &Show<'_>,
    stage: usize,
    end: Vec2,
) {
    ui.painter().rect_filled(screen, 0.0, show.theme.canvas_bg);
    let to_screen = state.view.screen_from_map(screen);
    let end_on_screen = to_screen * pos2(end.x, end.y);
    // The map is painted from the stage's left edge, where its lane labels go: they stick
    // there, beside the stage's first step, rather than at the screen's edge.
    let left = model::stage_geometry(show.layout, show.metrics, stage)
        .map_or(screen.min.x, |g| (to_screen * g.frame.min).x)
        .clamp(screen.min.x, screen.max.x);
    let canvas = Rect::from_min_max(pos2(left, screen.min.y), screen.max.min(end_on_screen));
    let mut moved = state.view.clone();
    moved.offset.x -= left - screen.min.x;
    let view = &moved;
    let selection = Selection::default();
    let overlay = Overlay {
        selected: &selection,
        editing_card: None,
        cursor: None,
        drop: None,
        band: None,
        lang: show.lang,
        voting: false,
        read_only: true,
    };
    paint::paint(
        ui,
        canvas,
        view,
        show.map,
        show.layout,
        show.metrics,
        show.theme,
        &overlay,
        None,
    );
    let painter = ui.painter_at(canvas);
    // The lane labels stick to the left edge: never veiled, so every row keeps its name.
    let labels_right =
        (to_screen * pos2(show.metrics.lane_label_width, 0.0)).x + paint::sticky_dx(view, canvas);
    let veil = show.theme.canvas_bg.gamma_multiply(0.78);
    for other in 0..show.layout.stages.len() {
        let Some(frame) = model::stage_geometry(show.layout, show.metrics, other).map(|g| g.frame)
        else {
            continue;
        };
        let columns = Rect::from_min_max(
            pos2(frame.min.x + show.metrics.lane_label_width, frame.min.y),
            frame.max,
        );
        let mut on_screen = to_screen * columns;
        if other == stage {
            on_screen.min.y = on_screen.min.y.max(canvas.min.y);
            painter.rect_stroke(
                on_screen.intersect(canvas).shrink(1.5),
                4.0,
                Stroke::new(3.0, show.theme.selection),
                StrokeKind::Inside,
            );
            continue;
        }
        on_screen.min.x = on_screen.min.x.max(labels_right);
        on_screen.min.y = on_screen.min.y.min(canvas.min.y);
        if on_screen.is_positive() {
            painter.rect_filled(on_screen, 0.0, veil);
        }
    }
}

/// The strip under a stage slide: the stage's name on the left, where the presenter is on the
/// right ("3 / 7", the part of a stage shown in parts) with a dot per stage.
fn strip_ui(
    ui: &mut Ui,
    screen: Rect,
    state: &Presentation,
    show: &Show<'_>,
    stage: usize,
    part: usize,
) {
    let strip = Rect::from_min_max(pos2(screen.min.x, screen.max.y - STRIP_HEIGHT), screen.max);
    let t = show.theme;
    ui.painter().rect_filled(strip, 0.0, t.step_bg);
    let parts = state.deck.parts.get(stage).copied().unwrap_or(1);
    let count = show.map.stages.len();
    let progress = if parts > 1 {
        tr_args(
            show.lang,
            "present-progress-part",
            &[
                ("number", (stage + 1).into()),
                ("count", count.into()),
                ("part", (part + 1).into()),
                ("parts", parts.into()),
            ],
        )
    } else {
        tr_args(
            show.lang,
            "present-progress",
            &[("number", (stage + 1).into()), ("count", count.into())],
        )
    };
    let inner = strip.shrink2(vec2(16.0, 6.0));
    let mut strip_ui = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::left_to_right(Align::Center)),
    );
    strip_ui.add(
        egui::Label::new(
            RichText::new(stage_name(show.map, stage))
                .size(22.0)
                .strong()
                .color(t.step_text),
        )
        .selectable(false)
        .truncate(),
    );
    strip_ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.add(
            egui::Label::new(RichText::new(progress).size(18.0).color(t.step_text))
                .selectable(false),
        );
        ui.add_space(12.0);
        let dot = 10.0;
        #[expect(clippy::cast_precision_loss, reason = "a few stages")]
        let width = count as f32 * (dot + 6.0);
        let (rect, _) = ui.allocate_exact_size(vec2(width, dot), Sense::hover());
        for i in 0..count {
            #[expect(clippy::cast_precision_loss, reason = "a few stages")]
            let centre = pos2(rect.min.x + (i as f32 + 0.5) * (dot + 6.0), rect.center().y);
            if i == stage {
                ui.painter().circle_filled(centre, dot / 2.0, t.selection);
            } else {
                ui.painter()
                    .circle_stroke(centre, dot / 2.0 - 1.0, Stroke::new(1.5, t.step_text));
            }
        }
    });
}

/// The title slide: the map's title, then the persona (avatar, name, segment, story and what
/// they want) on the left and the map's goals on the right.
fn title_slide_ui(ui: &mut Ui, screen: Rect, show: &Show<'_>) {
    let t = show.theme;
    let lang = show.lang;
    ui.painter().rect_filled(screen, 0.0, t.canvas_bg);
    let map = show.map;
    let persona = &map.persona;
    let inner = screen.shrink2(vec2(
        (screen.width() * 0.08).max(32.0),
        (screen.height() * 0.08).max(24.0),
    ));
    let mut ui = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::top_down(Align::Min)),
    );
    let text = |s: &str, size: f32, color: Color32| {
        egui::Label::new(RichText::new(s).size(size).color(color))
            .selectable(false)
            .wrap()
    };
    ui.add(
        egui::Label::new(
            RichText::new(&map.title)
                .size(40.0)
                .strong()
                .color(t.card_text),
        )
        .selectable(false)
        .wrap(),
    );
    ui.add_space(28.0);
    let column = (inner.width() - 48.0) / 2.0;
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(column);
            ui.horizontal(|ui| {
                if !persona.avatar.trim().is_empty() {
                    emoji::emoji_ui(ui, persona.avatar.trim(), 84.0, Sense::hover());
                    ui.add_space(12.0);
                }
                ui.vertical(|ui| {
                    ui.add(text(&persona.name, 30.0, t.card_text));
                    if !persona.segment.is_empty() {
                        ui.add(text(&persona.segment, 18.0, t.card_weak_text));
                    }
                });
            });
            if !persona.bio.is_empty() {
                ui.add_space(10.0);
                ui.add(text(&persona.bio, 18.0, t.card_text));
            }
            if !persona.goals.is_empty() {
                ui.add_space(14.0);
                let heading = tr_args(
                    lang,
                    "present-persona-goals",
                    &[("name", persona.name.clone().into())],
                );
                ui.add(text(&heading, 20.0, t.card_weak_text));
                for goal in &persona.goals {
                    ui.add(text(&format!("•  {goal}"), 18.0, t.card_text));
                }
            }
        });
        ui.add_space(48.0);
        ui.vertical(|ui| {
            ui.set_width(column);
            if !map.goals.is_empty() {
                ui.add(
                    egui::Label::new(
                        RichText::new(tr(lang, "present-goals"))
                            .size(26.0)
                            .strong()
                            .color(t.card_text),
                    )
                    .selectable(false),
                );
                ui.add_space(8.0);
                for goal in &map.goals {
                    ui.add(text(&format!("•  {goal}"), 22.0, t.card_text));
                    ui.add_space(6.0);
                }
            }
        });
    });
    ui.painter().text(
        pos2(screen.center().x, screen.max.y - 20.0),
        Align2::CENTER_CENTER,
        tr(lang, "present-hint"),
        FontId::proportional(15.0),
        t.card_weak_text,
    );
}

/// The laser pointer: the system pointer hidden, a red glowing dot in its place that fades
/// when the pointer rests.
fn laser_ui(ui: &Ui, state: &mut Presentation, theme: &Theme) {
    let ctx = ui.ctx();
    let (pointer, now) = ctx.input(|i| (i.pointer.latest_pos(), i.time));
    let Some(pos) = pointer else {
        return;
    };
    ctx.set_cursor_icon(CursorIcon::None);
    let moved_at = match state.laser {
        Some((last, at)) if last == pos => at,
        _ => now,
    };
    state.laser = Some((pos, moved_at));
    let alpha = model::laser_alpha(now - moved_at);
    if alpha <= 0.0 {
        return;
    }
    let red = theme.severity(5);
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        egui::Id::unique("journeymap-laser-pointer"),
    ));
    for (radius, strength) in [(22.0, 0.1), (15.0, 0.2), (10.0, 0.45)] {
        painter.circle_filled(pos, radius, red.gamma_multiply(strength * alpha));
    }
    painter.circle_filled(pos, 6.5, red.gamma_multiply(alpha));
    painter.circle_filled(pos, 2.5, Color32::WHITE.gamma_multiply(0.8 * alpha));
    if alpha < 1.0 || now - moved_at < 2.5 {
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }
}
