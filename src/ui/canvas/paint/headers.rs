//! Painting the sticky parts: stage and step headers stuck to the top of the canvas, lane
//! labels stuck to its left, and the corner between them.

use super::*;
use crate::model::LaneKind;
use crate::ui::kit::fonts;

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
                let text_left = r
                    .left()
                    .max(canvas.left() + self.metrics.lane_label_width * self.zoom)
                    + 8.0 * self.zoom;
                self.line_text(
                    &s.name,
                    pos2(text_left.min(r.right() - 20.0), r.center().y),
                    Align2::LEFT_CENTER,
                    fonts::bold(size::STAGE_FONT * self.zoom),
                    Theme::text_on(fill),
                    r.right() - text_left - 6.0 * self.zoom,
                );
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
                self.line_text(
                    &s.name,
                    r.center(),
                    Align2::CENTER_CENTER,
                    self.font(size::STEP_FONT),
                    t.step_text,
                    r.width() - 8.0,
                );
            }
        }
    }

    /// Lane labels, stuck to the left of the canvas when scrolled past.
    pub(super) fn lane_labels(&self, canvas: Rect) {
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
                let icon = crate::ui::kit::labels::lane_icon(l.kind);
                let text = if lane.collapsed {
                    format!("{icon} {} ({})", l.name, lane.card_count)
                } else {
                    format!("{icon} {}", l.name)
                };
                let width = r.width() - 34.0 * self.zoom;
                let galley = if lane.collapsed {
                    let mut job = egui::text::LayoutJob::simple_singleline(
                        text,
                        fonts::bold(size::LANE_FONT * self.zoom),
                        t.lane_label_text,
                    );
                    job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(1.0));
                    painter.layout_job(job)
                } else {
                    painter.layout(
                        text,
                        fonts::bold(size::LANE_FONT * self.zoom),
                        t.lane_label_text,
                        width,
                    )
                };
                let name_bottom = r.min.y + (10.0 + 4.0) * self.zoom + galley.size().y;
                painter.galley(
                    r.min + vec2(12.0, 10.0) * self.zoom,
                    galley,
                    t.lane_label_text,
                );
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
