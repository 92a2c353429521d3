//! Painting the map: a `MapLayout` drawn with pan and zoom ([`CanvasView`]) and the editor's
//! overlay; cards and drag ghosts (`cards`), curves and their legend (`curves`), the sticky
//! headers and labels (`headers`). Paint only: no input but pan and zoom, no document change.
//!
//! Everything is drawn from the layout, in map coordinates turned into screen coordinates by
//! one transform ([`CanvasView::screen_from_map`]); text is laid out at the zoomed size so it
//! stays sharp. Only what intersects the visible area is laid out and painted, so large maps
//! stay smooth. Stage and step headers stick to the top and lane labels to the left while the
//! map scrolls under them.

pub mod cache;
mod cards;
mod curves;
pub mod data;
pub mod headers;
pub mod lod;
mod view;

pub use view::{CanvasView, Fit, readable_fit, whole_fit};

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Response, Shape, Stroke, StrokeKind, Ui,
    Vec2, pos2, vec2,
};

use crate::layout::{LayoutMetrics, MapLayout};
use crate::model::{Id, JourneyMap};

use crate::ui::canvas::selection::Selection;
use crate::ui::kit::emoji;
use crate::ui::kit::i18n::{Lang, tr};

use crate::ui::kit::theme::{Theme, size};

/// Extra things painted over the map by the editor: selection, keyboard cell, drag previews.
pub struct Overlay<'a> {
    /// What is selected.
    pub selected: &'a Selection,
    /// The card being edited in place (its text is drawn by the editor instead).
    pub editing_card: Option<&'a Id>,
    /// The keyboard cell, as (step index, lane index).
    pub cursor: Option<(usize, usize)>,
    /// What a drag in progress would do.
    pub drop: Option<DropPreview>,
    /// The rubber band, in screen coordinates.
    pub band: Option<Rect>,
    /// The UI language, for labels drawn on the canvas.
    pub lang: Lang,
    /// Voting mode: vote dots on pain points and opportunities, other cards faded.
    pub voting: bool,
    /// Shown to a room (presentation mode): no editing affordances such as "add a curve".
    pub read_only: bool,
}

/// The preview of a drag in progress, in map coordinates.
pub enum DropPreview {
    /// Cards follow the pointer; `line_y` marks where they would land in `cell`.
    Cards {
        /// The dragged cards.
        ids: Vec<Id>,
        /// Where the first card was grabbed, relative to its top-left corner (screen points).
        grab: Vec2,
        /// The pointer.
        pointer: Pos2,
        /// The cell under the pointer.
        cell: Rect,
        /// The insertion line, if the cell accepts cards.
        line_y: Option<f32>,
    },
    /// A stage would be inserted at this x.
    StageLine {
        /// Map x of the line.
        x: f32,
    },
    /// A lane would be inserted at this y.
    LaneLine {
        /// Map y of the line.
        y: f32,
    },
}

/// How far the headers are pushed down to stay visible (screen points).
pub fn sticky_dy(view: &CanvasView, canvas: Rect) -> f32 {
    (canvas.min.y - view.screen_from_map(canvas).translation.y).max(0.0)
}

/// How far the lane labels are pushed right to stay visible (screen points).
pub fn sticky_dx(view: &CanvasView, canvas: Rect) -> f32 {
    (canvas.min.x - view.screen_from_map(canvas).translation.x).max(0.0)
}

/// The screen y where the (sticky) step headers end.
pub fn header_bottom(view: &CanvasView, canvas: Rect, metrics: &LayoutMetrics) -> f32 {
    let to_screen = view.screen_from_map(canvas);
    (to_screen
        * pos2(
            0.0,
            metrics.stage_header_height + metrics.step_header_height,
        ))
    .y + sticky_dy(view, canvas)
}

/// Paints the map and the editor's overlay into `canvas`. With a `cache` (the editor's
/// canvas), the part that does not change from frame to frame is kept there under its key
/// (see [`cache`]); without one (presentation mode) everything is painted afresh.
#[expect(
    clippy::too_many_arguments,
    reason = "everything a frame of painting needs"
)]
pub fn paint(
    ui: &Ui,
    canvas: Rect,
    view: &CanvasView,
    map: &JourneyMap,
    layout: &MapLayout,
    metrics: &LayoutMetrics,
    theme: &Theme,
    overlay: &Overlay<'_>,
    cache: Option<(&mut cache::CanvasCache, cache::CacheKey)>,
) -> Vec<LegendRow> {
    profiling::function_scope!();
    let painter = ui.painter_at(canvas);
    painter.rect_filled(canvas, 0.0, theme.canvas_bg);
    let to_screen = view.screen_from_map(canvas);
    let visible_in_map = to_screen.inverse() * canvas;
    let p = Paint {
        painter: &painter,
        to_screen,
        zoom: view.zoom,
        theme,
        map,
        layout,
        metrics,
        overlay,
        legend: std::cell::RefCell::new(Vec::new()),
        heat: layout
            .data
            .heat
            .map(|metric| {
                crate::analysis::overlay::heat(map, metric)
                    .into_iter()
                    .collect()
            })
            .unwrap_or_default(),
    };
    match cache {
        Some((cache, key)) if painter.is_visible() && cache.enabled() => {
            p.cached_body(cache, key, canvas, visible_in_map);
        }
        _ => {
            p.lanes(visible_in_map);
            p.cursor_cell();
            p.cards(visible_in_map);
            p.over_cards(visible_in_map);
        }
    }
    p.drop_preview();
    p.headers(canvas);
    p.lane_labels(canvas);
    p.heat_legend(canvas);
    if let Some(band) = overlay.band {
        painter.rect(
            band,
            0.0,
            theme.selection.gamma_multiply(0.15),
            Stroke::new(1.0, theme.selection),
            StrokeKind::Inside,
        );
    }
    p.legend.into_inner()
}

/// Scroll pans, Ctrl + wheel (or pinch) zooms around the pointer, Ctrl +/− zoom in steps,
/// Ctrl+0 fits the whole map and Ctrl+1 shows it at 100 %.
pub fn handle_zoom_and_scroll(ui: &Ui, view: &mut CanvasView, response: &Response, canvas: Rect) {
    // Anywhere over the canvas, cards and headers included, unless a window or menu is on top.
    if response.contains_pointer() {
        let (zoom_delta, scroll, pointer) = ui.input(|i| {
            (
                i.zoom_delta(),
                i.smooth_scroll_delta(),
                i.pointer.hover_pos(),
            )
        });
        if (zoom_delta - 1.0).abs() > f32::EPSILON {
            let anchor = pointer.unwrap_or_else(|| canvas.center());
            view.zoom_around(view.zoom * zoom_delta, anchor, canvas);
        } else {
            view.offset += scroll;
        }
    }
    if ui.ctx().text_edit_focused() {
        return;
    }
    let (zoom_in, zoom_out, fit, actual) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::Plus)
                || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Equals),
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::Minus),
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::Num0),
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::Num1),
        )
    });
    if zoom_in || zoom_out {
        let z = view.step_zoom(zoom_in);
        view.zoom_around(z, canvas.center(), canvas);
    }
    if fit {
        view.fit_pending = Some(Fit::Whole);
    }
    if actual {
        view.zoom_around(1.0, canvas.center(), canvas);
    }
}

/// Everything one frame's painting needs.
struct Paint<'a> {
    painter: &'a egui::Painter,
    to_screen: TSTransform,
    zoom: f32,
    theme: &'a Theme,
    map: &'a JourneyMap,
    layout: &'a MapLayout,
    metrics: &'a LayoutMetrics,
    overlay: &'a Overlay<'a>,
    legend: std::cell::RefCell<Vec<LegendRow>>,
    /// Each touchpoint card's heat (0–1) when the cards are tinted by a metric.
    heat: std::collections::HashMap<Id, f64>,
}

/// A row of the curve legend in an emotion lane's label, as painted (screen coordinates), so
/// the editor can make it clickable.
#[derive(Clone, Debug)]
pub struct LegendRow {
    /// The curve, or `None` for the "add a curve" row.
    pub curve: Option<Id>,
    /// The whole row, clipped to the visible label.
    pub rect: Rect,
    /// The show/hide toggle at its left.
    pub eye: Rect,
}

impl Paint<'_> {
    fn rect(&self, r: Rect) -> Rect {
        self.to_screen * r
    }

    fn pos(&self, p: Pos2) -> Pos2 {
        self.to_screen * p
    }

    fn font(&self, size: f32) -> FontId {
        FontId::proportional(size * self.zoom)
    }

    fn rounding(&self, r: u8) -> CornerRadius {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "small positive radius"
        )]
        CornerRadius::same((f32::from(r) * self.zoom).round().clamp(0.0, 255.0) as u8)
    }

    /// Text wrapped to `width` (map units), clipped to `clip` (screen).
    fn wrapped_text(
        &self,
        text: &str,
        at: Pos2,
        width: f32,
        font: FontId,
        color: Color32,
        clip: Rect,
    ) {
        profiling::function_scope!();
        let galley = self
            .painter
            .layout(text.to_owned(), font, color, width * self.zoom);
        // Text well inside its clip needs no clip of its own: it then shares one mesh with
        // the cards around it (a pixel of margin for the snapping of text to pixels).
        if clip
            .shrink(1.0)
            .contains_rect(galley.mesh_bounds.translate(at.to_vec2()))
        {
            self.painter.galley(at, galley, color);
        } else {
            self.painter
                .with_clip_rect(clip.intersect(self.painter.clip_rect()))
                .galley(at, galley, color);
        }
    }

    /// One line of text, cut with an ellipsis to fit `max_width` (screen points).
    fn line_text(
        &self,
        text: &str,
        at: Pos2,
        anchor: Align2,
        font: FontId,
        color: Color32,
        max_width: f32,
    ) {
        profiling::function_scope!();
        let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(max_width.max(1.0));
        let galley = self.painter.layout_job(job);
        let rect = anchor.anchor_size(at, galley.size());
        self.painter.galley(rect.min, galley, color);
    }

    fn lanes(&self, visible: Rect) {
        profiling::function_scope!();
        let t = self.theme;
        for (i, lane) in self.layout.lanes.iter().enumerate() {
            if !lane.row.intersects(visible) {
                continue;
            }
            if i % 2 == 1 {
                self.painter
                    .rect_filled(self.rect(lane.row), 0.0, t.lane_bg_alt);
            }
            let y = self.pos(lane.row.max).y;
            let row = self.rect(lane.row);
            self.painter.line_segment(
                [pos2(row.min.x, y), pos2(row.max.x, y)],
                Stroke::new(1.0, t.grid_line),
            );
        }
        let grid_top = self.layout.steps.first().map_or(0.0, |s| s.column.min.y);
        let bottom = self.layout.size.y;
        for (i, step) in self.layout.steps.iter().enumerate() {
            let first_of_stage = i == 0 || self.layout.steps[i - 1].stage_index != step.stage_index;
            let x = step.column.min.x;
            let (color, width) = if first_of_stage {
                (t.stage_line, 1.5)
            } else {
                (t.grid_line, 1.0)
            };
            self.painter.line_segment(
                [self.pos(pos2(x, grid_top)), self.pos(pos2(x, bottom))],
                Stroke::new(width, color),
            );
        }
    }

    /// Outlines the keyboard cell.
    fn cursor_cell(&self) {
        if let Some((step, lane)) = self.overlay.cursor
            && let Some(cell) = self.layout.cell_rect(step, lane)
        {
            self.painter.rect_stroke(
                self.rect(cell).shrink(2.0),
                4.0,
                Stroke::new(1.5, self.theme.selection.gamma_multiply(0.7)),
                StrokeKind::Inside,
            );
        }
    }

    /// Curves, the measured curve and the line of visibility: what lies over the cards, and
    /// under the drag ghosts and sticky headers.
    fn over_cards(&self, visible: Rect) {
        self.curves(visible);
        self.measured();
        self.visibility_line();
    }

    /// The same painting into `painter` (the cache's, clipped to the region it keeps).
    fn with_painter<'b>(&'b self, painter: &'b egui::Painter) -> Paint<'b> {
        Paint {
            painter,
            legend: std::cell::RefCell::new(Vec::new()),
            heat: self.heat.clone(),
            ..*self
        }
    }

    /// The lanes, the keyboard cell, the cards and [`Self::over_cards`], all but the keyboard
    /// cell from `cache` when it holds them for `key` (painted into it first when not).
    fn cached_body(
        &self,
        cache: &mut cache::CanvasCache,
        key: cache::CacheKey,
        canvas: Rect,
        visible: Rect,
    ) {
        let ctx = self.painter.ctx();
        let layer = self.painter.layer_id();
        let translation = self.to_screen.translation;
        let next = || ctx.graphics_mut(|g| g.entry(layer).next_idx().0);
        let delta = match cache.plan(&key, translation, visible, ctx) {
            cache::CacheUse::Reuse(delta) => delta,
            cache::CacheUse::Rebuild { wide } => {
                // Half a canvas more on every side while panning, so a pan shows what was
                // painted; only what is visible otherwise (the text laid out, and so the font
                // atlas, stay exactly as without the cache).
                let ahead = if wide { 0.5 } else { 0.0 };
                let region_on_screen = canvas.expand2(canvas.size() * ahead);
                let region = self.to_screen.inverse() * region_on_screen;
                let mut region_painter = self.painter.clone();
                region_painter.set_clip_rect(region_on_screen);
                let p = self.with_painter(&region_painter);
                let start = next();
                let (lanes_end, under) = emoji::record_used(ctx, || {
                    p.lanes(region);
                    let lanes_end = next();
                    p.cards(region);
                    lanes_end
                });
                let cards_end = next();
                let ((), over) = emoji::record_used(ctx, || p.over_cards(region));
                let end = next();
                cache.store(
                    ctx,
                    layer,
                    [start, lanes_end, cards_end, end],
                    key,
                    (region, wide),
                    translation,
                    ctx.pixels_per_point(),
                    [under, over],
                );
                Vec2::ZERO
            }
            cache::CacheUse::RebuildCurves => {
                // Over the region the lanes and cards were painted for, at the same pan.
                let region = cache.region().unwrap_or(visible);
                let mut region_painter = self.painter.clone();
                region_painter.set_clip_rect(self.to_screen * region);
                let p = self.with_painter(&region_painter);
                let start = next();
                let ((), used) = emoji::record_used(ctx, || p.over_cards(region));
                let end = next();
                let ppp = ctx.pixels_per_point();
                cache.store_curves(ctx, layer, [start, end], key, ppp, used);
                Vec2::ZERO
            }
        };
        let clip = self.painter.clip_rect();
        cache.show(ctx, layer, clip, delta, false);
        self.cursor_cell();
        cache.show(ctx, layer, clip, delta, true);
        if delta != Vec2::ZERO && !cache::on_pixel_grid(delta, ctx.pixels_per_point()) {
            // Painted afresh on the pixel grid once the view rests.
            ctx.request_repaint();
        }
    }

    fn visibility_line(&self) {
        if let Some((a, b)) = self.layout.visibility_line {
            let (a, b) = (self.pos(a), self.pos(b));
            self.painter.add(Shape::dashed_line(
                &[a, b],
                Stroke::new(2.0, self.theme.visibility_line),
                10.0,
                6.0,
            ));
            let label = tr(self.overlay.lang, "line-of-visibility");
            self.painter.text(
                pos2(
                    a.x + (self.metrics.lane_label_width + 8.0) * self.zoom,
                    a.y - 2.0,
                ),
                Align2::LEFT_BOTTOM,
                label,
                self.font(size::CHIP_FONT),
                self.theme.visibility_line,
            );
        }
    }
}
