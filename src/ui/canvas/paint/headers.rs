//! Painting the sticky parts: stage and step headers stuck to the top of the canvas, lane
//! labels stuck to its left, and the corner between them.
//!
//! The names are laid out by the `*_name` functions here, which the header interaction uses
//! too: a name cut with "…" to fit (never by the window edge, never under the lane label's
//! collapse toggle) gets its whole text as a tooltip there.

use egui::text::{LayoutJob, TextWrapping};

use super::*;
use crate::model::LaneKind;
use crate::ui::kit::fonts;

/// A name as the canvas lays it out: the job (wrapping, ellipsis) and where it goes.
pub struct PlacedName {
    /// The text, its font and how it is cut.
    pub job: LayoutJob,
    /// The point the galley is anchored at.
    pub at: Pos2,
    /// How the galley sits on `at`.
    pub anchor: Align2,
}

impl PlacedName {
    /// Lays the name out and returns where its galley's top-left corner goes, and the galley.
    pub fn layout(self, painter: &egui::Painter) -> (Pos2, std::sync::Arc<egui::Galley>) {
        let galley = painter.layout_job(self.job);
        let min = self.anchor.anchor_size(self.at, galley.size()).min;
        (min, galley)
    }
}

/// `text` in `font`, cut with "…" after `max_rows` rows of `width`.
fn cut_job(text: &str, font: FontId, color: Color32, width: f32, max_rows: usize) -> LayoutJob {
    let mut job = LayoutJob::simple(text.to_owned(), font, color, width.max(1.0));
    job.wrap = TextWrapping {
        max_width: width.max(1.0),
        max_rows,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    job
}

/// The part of a header (on screen) where its name may go: inside the canvas and right of the
/// lane labels' column, which covers the canvas's left edge.
fn visible_span(header: Rect, canvas: Rect, zoom: f32, metrics: &LayoutMetrics) -> (f32, f32) {
    let left = header
        .left()
        .max(canvas.left() + metrics.lane_label_width * zoom);
    (left, header.right().min(canvas.right()))
}

/// A stage's name in its header (`header` on screen, already pushed down when sticky): from
/// the left of its visible part, on one line, cut with "…" at the header's or the window's
/// edge.
pub fn stage_name(
    name: &str,
    header: Rect,
    canvas: Rect,
    zoom: f32,
    metrics: &LayoutMetrics,
    color: Color32,
) -> PlacedName {
    let r = header.shrink(1.5);
    let (left, right) = visible_span(r, canvas, zoom, metrics);
    let left = left + 8.0 * zoom;
    let right = right - 6.0 * zoom;
    PlacedName {
        job: cut_job(
            name,
            fonts::bold(size::STAGE_FONT * zoom),
            color,
            right - left,
            1,
        ),
        at: pos2(left.min(r.right() - 20.0), r.center().y),
        anchor: Align2::LEFT_CENTER,
    }
}

/// A step's name in its header (on screen, already pushed down when sticky): centred on the
/// visible part of the header, on one line, cut with "…" to fit it.
pub fn step_name(
    name: &str,
    header: Rect,
    canvas: Rect,
    zoom: f32,
    metrics: &LayoutMetrics,
    color: Color32,
) -> PlacedName {
    let r = header.shrink(1.5);
    let (left, right) = visible_span(r, canvas, zoom, metrics);
    let width = right - left - 8.0;
    PlacedName {
        job: cut_job(
            name,
            FontId::proportional(size::STEP_FONT * zoom),
            color,
            width,
            1,
        ),
        at: pos2((left + right) / 2.0, r.center().y),
        anchor: Align2::CENTER_CENTER,
    }
}

/// The collapse toggle in a lane label's top-right corner (`label` on screen).
pub fn lane_toggle_rect(label: Rect, zoom: f32) -> Rect {
    // No smaller than a small button, which egui makes 18 points tall.
    let side = (18.0 * zoom).clamp(18.0, 24.0);
    let inset = (4.0 * zoom).clamp(2.0, 6.0);
    Rect::from_min_size(
        pos2(label.right() - inset - side, label.top() + inset),
        vec2(side, side),
    )
}

/// Space between a lane's name and its collapse toggle, in points.
const TOGGLE_GAP: f32 = 4.0;

/// A lane's name in its label (`label` on screen): bold, from the top left, clear of the
/// collapse toggle; two rows at most (one when the lane is collapsed), cut with "…".
pub fn lane_name(
    text: &str,
    label: Rect,
    zoom: f32,
    collapsed: bool,
    color: Color32,
) -> PlacedName {
    let at = label.min + vec2(12.0, 10.0) * zoom;
    let right = lane_toggle_rect(label, zoom).left() - TOGGLE_GAP;
    PlacedName {
        job: cut_job(
            text,
            fonts::bold(size::LANE_FONT * zoom),
            color,
            right - at.x,
            if collapsed { 1 } else { 2 },
        ),
        at,
        anchor: Align2::LEFT_TOP,
    }
}

/// The text of a lane's label: its icon and name, and how many cards it holds when collapsed.
pub fn lane_label_text(lane: &crate::model::Lane, collapsed: bool, card_count: usize) -> String {
    let icon = crate::ui::kit::labels::lane_icon(lane.kind);
    if collapsed {
        format!("{icon} {} ({card_count})", lane.name)
    } else {
        format!("{icon} {}", lane.name)
    }
}

impl Paint<'_> {
    /// How far the headers are pushed down to stay visible (screen points).
    fn sticky_dy(&self, canvas: Rect) -> f32 {
        (canvas.min.y - self.pos(Pos2::ZERO).y).max(0.0)
    }

    /// The screen y where the step headers end, pushed down by `dy`.
    fn header_bottom(&self, dy: f32) -> f32 {
        self.pos(pos2(
            0.0,
            self.metrics.stage_header_height + self.metrics.step_header_height,
        ))
        .y + dy
    }

    /// Stage and step headers, stuck to the top of the canvas when scrolled past.
    pub(super) fn headers(&self, canvas: Rect) {
        profiling::function_scope!();
        let t = self.theme;
        let dy = self.sticky_dy(canvas);
        let header_bottom = self.header_bottom(dy);
        // Background strip so cards scrolling under the headers do not show through.
        self.painter.rect_filled(
            Rect::from_min_max(
                pos2(canvas.min.x, self.pos(Pos2::ZERO).y + dy),
                pos2(canvas.max.x, header_bottom),
            ),
            0.0,
            t.canvas_bg,
        );
        for stage in &self.layout.stages {
            let r = self.rect(stage.header).translate(vec2(0.0, dy)).shrink(1.5);
            if !r.intersects(canvas) {
                continue;
            }
            let fill = t.stage_color(stage.index, stage.color);
            self.painter
                .rect_filled(r, self.rounding(size::HEADER_ROUNDING), fill);
            if self.overlay.selected.stage.as_ref() == Some(&stage.id) {
                self.painter.rect_stroke(
                    r,
                    self.rounding(size::HEADER_ROUNDING),
                    Stroke::new(2.5, t.selection),
                    StrokeKind::Outside,
                );
            }
            if let Some(s) = self.map.stages.get(stage.index) {
                let header = self.rect(stage.header).translate(vec2(0.0, dy));
                let name = stage_name(
                    &s.name,
                    header,
                    canvas,
                    self.zoom,
                    self.metrics,
                    Theme::text_on(fill),
                );
                let (at, galley) = name.layout(self.painter);
                self.painter.galley(at, galley, Theme::text_on(fill));
            }
        }
        for (i, step) in self.layout.steps.iter().enumerate() {
            let r = self.rect(step.header).translate(vec2(0.0, dy)).shrink(1.5);
            if !r.intersects(canvas) {
                continue;
            }
            self.painter
                .rect_filled(r, self.rounding(size::HEADER_ROUNDING), t.step_bg);
            if let Some((_, s)) = self.map.steps().nth(i)
                && !s.name.is_empty()
            {
                let header = self.rect(step.header).translate(vec2(0.0, dy));
                let name = step_name(
                    &s.name,
                    header,
                    canvas,
                    self.zoom,
                    self.metrics,
                    t.step_text,
                );
                let (at, galley) = name.layout(self.painter);
                self.painter.galley(at, galley, t.step_text);
            }
        }
    }

    /// Lane labels, stuck to the left of the canvas when scrolled past.
    pub(super) fn lane_labels(&self, canvas: Rect) {
        profiling::function_scope!();
        let t = self.theme;
        let dx = (canvas.min.x - self.pos(Pos2::ZERO).x).max(0.0);
        let dy = self.sticky_dy(canvas);
        let header_bottom = self.header_bottom(dy);
        let clip = Rect::from_min_max(pos2(canvas.min.x, header_bottom), canvas.max);
        let painter = self.painter.with_clip_rect(clip);
        for (i, lane) in self.layout.lanes.iter().enumerate() {
            let r = self.rect(lane.label).translate(vec2(dx, 0.0));
            if !r.intersects(clip) {
                continue;
            }
            painter.rect_filled(r, 0.0, t.lane_label_bg);
            painter.line_segment(
                [r.left_bottom(), r.right_bottom()],
                Stroke::new(1.0, t.grid_line),
            );
            if self.overlay.selected.lane.as_ref() == Some(&lane.id) {
                painter.rect_filled(r, 0.0, t.selection.gamma_multiply(0.25));
            }
            let accent = t.strong(Theme::lane_card_color(lane.kind));
            painter.rect_filled(
                Rect::from_min_size(r.min, vec2(4.0 * self.zoom, r.height())),
                0.0,
                accent,
            );
            if let Some(l) = self.map.lanes.get(i) {
                let text = lane_label_text(l, lane.collapsed, lane.card_count);
                let name = lane_name(&text, r, self.zoom, lane.collapsed, t.lane_label_text);
                let (at, galley) = name.layout(&painter);
                let name_bottom = at.y + galley.size().y + 4.0 * self.zoom;
                painter.galley(at, galley, t.lane_label_text);
                if l.kind == LaneKind::Emotions && !lane.collapsed {
                    self.curve_legend(
                        &painter,
                        pos2(r.min.x + 12.0 * self.zoom, name_bottom),
                        r.max.x - 4.0 * self.zoom,
                    );
                }
            }
        }
        // Corner above the labels, so headers scrolling left do not show through.
        let corner = Rect::from_min_size(
            pos2(self.pos(Pos2::ZERO).x + dx, self.pos(Pos2::ZERO).y + dy),
            vec2(
                self.metrics.lane_label_width * self.zoom,
                header_bottom - self.pos(Pos2::ZERO).y - dy,
            ),
        );
        self.painter.rect_filled(corner, 0.0, t.canvas_bg);
    }
}
