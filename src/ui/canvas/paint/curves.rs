//! Painting emotion curves: zero lines, tints, the curve and its points with their colour emoji,
//! pain markers, and the clickable legend under the emotion lane's label.

use super::*;
use crate::model::LaneKind;
use crate::ui::kit::emoji::paint_emoji;

/// The zero line's dash and gap, in screen points.
const ZERO_DASH: (f32, f32) = (6.0, 4.0);

impl Paint<'_> {
    /// The curves of the emotion lanes, with their tints, points, emoji and pain markers, as
    /// far as they reach into `visible` (map coordinates): a zoomed-in view does not pay for
    /// the whole width of the map.
    pub(super) fn curves(&self, visible: Rect) {
        profiling::function_scope!();
        let t = self.theme;
        // A column's margin keeps whatever reaches in from beside (halos, emoji, line joins).
        let near = visible.expand(self.metrics.column_width);
        // The zero line of every emotion lane, even one with no curve yet; its dashes start
        // where they would for the whole lane, so the part shown looks the same.
        let period = ZERO_DASH.0 + ZERO_DASH.1;
        for lane in self
            .layout
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Emotions && !l.collapsed && l.row.intersects(near))
        {
            let zero_y = lane.row.center().y;
            let start = self.pos(pos2(lane.row.min.x, zero_y));
            let end = self.pos(pos2(lane.row.max.x.min(near.max.x), zero_y));
            let skip = ((self.pos(pos2(near.min.x, zero_y)).x - start.x) / period)
                .floor()
                .max(0.0);
            self.painter.add(Shape::dashed_line(
                &[start + vec2(skip * period, 0.0), end],
                Stroke::new(1.0, t.zero_line),
                ZERO_DASH.0,
                ZERO_DASH.1,
            ));
        }
        for curve in &self.layout.curves {
            for (piece, positive) in &curve.tint {
                if !Rect::from_points(piece).intersects(near) {
                    continue;
                }
                let points: Vec<Pos2> = piece.iter().map(|p| self.pos(*p)).collect();
                let fill = if *positive {
                    t.positive_tint
                } else {
                    t.negative_tint
                };
                self.painter
                    .add(Shape::convex_polygon(points, fill, Stroke::NONE));
            }
        }
        for curve in &self.layout.curves {
            let color = t.strong(curve.color);
            // The path runs left to right: the part over `near`, and two samples beyond.
            let from = curve
                .path
                .partition_point(|p| p.x < near.min.x)
                .saturating_sub(2);
            let to = (curve.path.partition_point(|p| p.x <= near.max.x) + 2).min(curve.path.len());
            let path: Vec<Pos2> = curve.path[from..to.max(from)]
                .iter()
                .map(|p| self.pos(*p))
                .collect();
            self.painter.add(Shape::line(
                path,
                Stroke::new(size::CURVE_WIDTH * self.zoom.sqrt(), color),
            ));
            for point in curve.points.iter().filter(|p| near.contains(p.pos)) {
                let at = self.pos(point.pos);
                let r = size::CURVE_POINT_RADIUS * self.zoom;
                if point.lowest {
                    // A moment of pain: a halo in the critical colour.
                    self.painter.circle(
                        at,
                        r * 2.4,
                        t.severity(4).gamma_multiply(0.25),
                        Stroke::new(1.5 * self.zoom.sqrt(), t.severity(4)),
                    );
                }
                let selected = self.overlay.selected.point.as_ref()
                    == Some(&(curve.id.clone(), point.step.clone()));
                if selected {
                    self.painter
                        .circle_stroke(at, r * 1.9, Stroke::new(2.5, t.selection));
                }
                self.painter
                    .circle(at, r, color, Stroke::new(1.5, t.canvas_bg));
                // The emoji's box, which the layout keeps clear, in colour at the zoom.
                let emoji_rect = self.rect(point.emoji_rect(self.metrics));
                paint_emoji(self.painter, &point.emoji, emoji_rect, t.card_text);
            }
        }
        for marker in self
            .layout
            .pain_markers
            .iter()
            .filter(|m| near.contains(m.pos))
        {
            self.pain_marker(marker);
        }
    }

    /// A pain marker: the severity's colour and icon, with the number of pain points.
    fn pain_marker(&self, marker: &crate::layout::PainMarker) {
        let t = self.theme;
        let at = self.pos(marker.pos);
        let r = size::PAIN_MARKER_RADIUS * self.zoom;
        let fill = t.severity(marker.max_severity);
        let selected = marker
            .cards
            .iter()
            .any(|id| self.overlay.selected.has_card(id));
        let stroke = if selected {
            Stroke::new(2.5, t.selection)
        } else {
            Stroke::new(1.5, t.canvas_bg)
        };
        self.painter.circle(at, r, fill, stroke);
        let icon = crate::model::severity_icon(marker.max_severity);
        let label = if marker.count() > 1 {
            format!("{icon}{}", marker.count())
        } else {
            icon.to_owned()
        };
        self.painter.text(
            at,
            Align2::CENTER_CENTER,
            label,
            self.font(11.0),
            Theme::text_on(fill),
        );
    }

    /// The curves' names and colours, listed under the emotion lane's label.
    pub(super) fn curve_legend(&self, painter: &egui::Painter, top_left: Pos2, right: f32) {
        let t = self.theme;
        let row_height = size::LEGEND_ROW * self.zoom;
        let font = self.font(size::CHIP_FONT);
        let clip = painter.clip_rect();
        let rows = self
            .map
            .curves
            .iter()
            .map(Some)
            .chain(std::iter::once(None));
        // The measured curve's row (not clickable) comes before "add a curve".
        let measured_row = usize::from(!self.layout.measured.is_empty());
        for (i, curve) in rows.enumerate() {
            let i = if curve.is_none() { i + measured_row } else { i };
            #[expect(clippy::cast_precision_loss, reason = "few curves")]
            let top = top_left.y + i as f32 * row_height;
            if curve.is_none() && measured_row == 1 {
                self.measured_legend_row(painter, pos2(top_left.x, top - row_height), right);
            }
            let rect = Rect::from_min_max(pos2(top_left.x, top), pos2(right, top + row_height));
            let y = rect.center().y;
            let eye = Rect::from_min_size(rect.min, vec2(16.0 * self.zoom, row_height));
            let Some(curve) = curve else {
                if self.overlay.read_only {
                    continue;
                }
                painter.text(
                    pos2(top_left.x, y),
                    Align2::LEFT_CENTER,
                    format!("+ {}", tr(self.overlay.lang, "curve-add")),
                    font.clone(),
                    t.card_weak_text,
                );
                self.legend.borrow_mut().push(LegendRow {
                    curve: None,
                    rect: rect.intersect(clip),
                    eye: Rect::NOTHING,
                });
                continue;
            };
            let selected = self.overlay.selected.curve.as_ref() == Some(&curve.id);
            if selected {
                painter.rect_filled(rect, 2.0, t.selection.gamma_multiply(0.25));
            }
            let (color, text_color) = if curve.hidden {
                (t.strong(curve.color).gamma_multiply(0.3), t.card_weak_text)
            } else {
                (t.strong(curve.color), t.lane_label_text)
            };
            painter.text(
                eye.center(),
                Align2::CENTER_CENTER,
                if curve.hidden { "◌" } else { "◉" },
                font.clone(),
                color,
            );
            let x = eye.max.x + 2.0 * self.zoom;
            painter.line_segment(
                [pos2(x, y), pos2(x + 16.0 * self.zoom, y)],
                Stroke::new(3.0 * self.zoom.sqrt(), color),
            );
            let mut job = egui::text::LayoutJob::simple_singleline(
                curve.name.clone(),
                font.clone(),
                text_color,
            );
            job.wrap = egui::text::TextWrapping::truncate_at_width(
                (right - x - 22.0 * self.zoom).max(1.0),
            );
            painter.galley(
                pos2(x + 22.0 * self.zoom, y - row_height * 0.4),
                painter.layout_job(job),
                text_color,
            );
            self.legend.borrow_mut().push(LegendRow {
                curve: Some(curve.id.clone()),
                rect: rect.intersect(clip),
                eye: eye.intersect(clip),
            });
        }
    }
}
