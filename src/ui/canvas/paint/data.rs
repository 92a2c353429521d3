//! Painting the customer data: badges, sparklines and flags on touchpoint cards, the heat
//! tint's legend, and the measured emotion curve with the steps where it parts from the
//! assumed one. The geometry comes from the layout (`layout::data`), the numbers from
//! `analysis::overlay`.

use super::*;
use crate::analysis::overlay::{self, Reading, change_is_good, format_change, format_value};
pub use crate::art::i18n::{badge_short_key, flag_short_text};
use crate::layout::CardBox;
use crate::layout::data::{CardDataBox, sparkline_shown};
use crate::model::Card;
use crate::ui::kit::i18n::tr_args;

/// Font size of badge text (points at 100 %).
const BADGE_FONT: f32 = 11.0;

impl Paint<'_> {
    /// A card's fill tinted by its heat, if heat is on and the card has a value.
    pub(super) fn heat_fill(&self, card: &Id) -> Option<Color32> {
        self.heat.get(card).map(|h| self.theme.heat_fill(*h))
    }

    /// The customer data of a touchpoint card: sparkline, badges and flags.
    pub(super) fn card_data(&self, b: &CardBox, card: &Card) {
        let Some(data) = &b.data else {
            return;
        };
        let readings = overlay::card_readings(self.map, &card.id);
        if let Some(strip) = data.sparkline
            && sparkline_shown(strip, self.zoom)
        {
            self.sparkline(strip, &card.id);
        }
        for (metric, rect) in &data.badges {
            if let Some(reading) = readings.iter().find(|r| r.metric == *metric) {
                self.badge(self.rect(*rect), reading);
            }
        }
        for (metric, row) in &data.flags {
            if let Some(reading) = readings.iter().find(|r| r.metric == *metric) {
                self.flag_row(*row, card, reading);
            }
        }
    }

    fn badge(&self, rect: Rect, reading: &Reading) {
        let t = self.theme;
        let lang = self.overlay.lang;
        let comma = lang.decimal_comma();
        let stroke = if reading.flagged {
            Stroke::new(1.2, t.flag())
        } else {
            Stroke::NONE
        };
        self.painter.rect(
            rect,
            self.rounding(3),
            t.badge_bg(),
            stroke,
            StrokeKind::Inside,
        );
        let font = self.font(BADGE_FONT);
        let mut job = egui::text::LayoutJob::default();
        let mut add = |text: String, color: Color32| {
            job.append(
                &text,
                0.0,
                egui::text::TextFormat::simple(font.clone(), color),
            );
        };
        add(
            format!("{} ", tr(lang, badge_short_key(reading.metric))),
            t.card_weak_text,
        );
        add(
            format_value(reading.metric, reading.value, comma),
            t.card_text,
        );
        if let Some(change) = reading.change() {
            let color = match change_is_good(reading) {
                Some(true) => t.good(),
                Some(false) => t.bad(),
                None => t.card_weak_text,
            };
            add(
                format!(" {}", format_change(reading.metric, change, comma)),
                color,
            );
        }
        let pad = 4.0 * self.zoom;
        job.wrap = egui::text::TextWrapping::truncate_at_width((rect.width() - 2.0 * pad).max(1.0));
        let galley = self.painter.layout_job(job);
        let at = pos2(rect.min.x + pad, rect.center().y - galley.size().y / 2.0);
        self.painter
            .with_clip_rect(rect.intersect(self.painter.clip_rect()))
            .galley(at, galley, t.card_text);
    }

    /// A flag row (map space): the warning icon, why, and the "add pain point" button (a tick
    /// once the pain point exists).
    fn flag_row(&self, row: Rect, card: &Card, reading: &Reading) {
        let t = self.theme;
        let lang = self.overlay.lang;
        let rect = self.rect(row);
        self.painter.rect(
            rect,
            self.rounding(3),
            t.flag_bg(),
            Stroke::new(1.0, t.flag()),
            StrokeKind::Inside,
        );
        let button = self.rect(CardDataBox::flag_button(row));
        let text = format!(
            "⚑ {} {}",
            tr(lang, badge_short_key(reading.metric)),
            flag_short_text(self.map, &card.id, reading, lang)
        );
        let font = self.font(BADGE_FONT);
        self.line_text(
            &text,
            pos2(rect.min.x + 4.0 * self.zoom, rect.center().y),
            Align2::LEFT_CENTER,
            font.clone(),
            t.card_text,
            button.min.x - rect.min.x - 6.0 * self.zoom,
        );
        let exists = overlay::pain_from_metric(self.map, &card.id, reading.metric).is_some();
        if self.overlay.read_only && !exists {
            // Nothing can be added while presenting: no button that does nothing.
            return;
        }
        let (fill, label) = if exists {
            (t.good(), "✔")
        } else {
            (t.flag(), "+⚠")
        };
        let button = button.shrink(2.0 * self.zoom);
        self.painter.rect_filled(button, self.rounding(3), fill);
        self.painter.text(
            button.center(),
            Align2::CENTER_CENTER,
            label,
            font,
            Theme::text_on(fill),
        );
    }

    /// The card's monthly trend as a small line in `strip` (map space), the last month dotted.
    fn sparkline(&self, strip: Rect, card: &Id) {
        let t = self.theme;
        let values = overlay::trend(self.map, card, self.layout.data.trend_metric());
        let rect = self
            .rect(strip)
            .shrink2(vec2(4.0 * self.zoom, 3.0 * self.zoom));
        self.painter.rect_filled(
            self.rect(strip),
            self.rounding(3),
            t.badge_bg().gamma_multiply(0.6),
        );
        let points = crate::layout::data::sparkline_points(&values, rect);
        if points.is_empty() {
            return;
        }
        let color = t.strong(crate::model::ColorToken::Blue);
        if let Some(last) = points.last() {
            self.painter.circle_filled(*last, 2.5 * self.zoom, color);
        }
        self.painter.add(Shape::line(
            points,
            Stroke::new(1.5 * self.zoom.sqrt(), color),
        ));
    }

    /// The measured curve (dashed, ink-coloured, hollow points) over the assumed one, with a
    /// band and rings where they part by more than one point.
    pub(super) fn measured(&self) {
        let t = self.theme;
        let color = t.measured_curve();
        for shape in &self.layout.measured {
            for point in &shape.points {
                if let Some(d) = &point.divergence {
                    let band = self.rect(d.band);
                    self.painter.rect(
                        band,
                        self.rounding(6),
                        t.flag().gamma_multiply(0.18),
                        Stroke::new(1.5, t.flag()),
                        StrokeKind::Inside,
                    );
                    let r = size::CURVE_POINT_RADIUS * 2.0 * self.zoom;
                    for at in [point.pos, d.assumed_pos] {
                        self.painter
                            .circle_stroke(self.pos(at), r, Stroke::new(2.0, t.flag()));
                    }
                }
            }
            let path: Vec<Pos2> = shape.path.iter().map(|p| self.pos(*p)).collect();
            let width = 2.0 * self.zoom.sqrt();
            self.painter.extend(Shape::dashed_line(
                &path,
                Stroke::new(width, color),
                7.0 * self.zoom,
                5.0 * self.zoom,
            ));
            for point in &shape.points {
                let at = self.pos(point.pos);
                let r = size::CURVE_POINT_RADIUS * self.zoom;
                self.painter.circle(
                    at,
                    r,
                    t.canvas_bg,
                    Stroke::new(2.0 * self.zoom.sqrt(), color),
                );
            }
        }
    }

    /// The measured curve's row of the curve legend: a dashed ink line and "measured (CSAT)".
    pub(super) fn measured_legend_row(&self, painter: &egui::Painter, top_left: Pos2, right: f32) {
        let t = self.theme;
        let row_height = size::LEGEND_ROW * self.zoom;
        let y = top_left.y + row_height / 2.0;
        let x = top_left.x + 18.0 * self.zoom;
        painter.extend(Shape::dashed_line(
            &[pos2(x, y), pos2(x + 16.0 * self.zoom, y)],
            Stroke::new(2.0 * self.zoom.sqrt(), t.measured_curve()),
            4.0 * self.zoom,
            3.0 * self.zoom,
        ));
        let mut job = egui::text::LayoutJob::simple_singleline(
            tr(self.overlay.lang, "measured-legend"),
            self.font(size::CHIP_FONT),
            t.lane_label_text,
        );
        job.wrap =
            egui::text::TextWrapping::truncate_at_width((right - x - 22.0 * self.zoom).max(1.0));
        painter.galley(
            pos2(x + 22.0 * self.zoom, y - row_height * 0.4),
            painter.layout_job(job),
            t.lane_label_text,
        );
    }

    /// The heat's legend in the canvas's bottom-right corner (clear of the lane labels and
    /// their curve legend): the metric and the colours from worst to best.
    pub(super) fn heat_legend(&self, canvas: Rect) {
        let Some(metric) = self.layout.data.heat else {
            return;
        };
        let t = self.theme;
        let lang = self.overlay.lang;
        let font = FontId::proportional(size::CHIP_FONT);
        let title = tr_args(
            lang,
            "heat-legend",
            &[(
                "metric",
                tr(lang, crate::ui::kit::labels::metric_key(metric)).into(),
            )],
        );
        let title = self
            .painter
            .layout_no_wrap(title, font.clone(), t.lane_label_text);
        let low = self
            .painter
            .layout_no_wrap(tr(lang, "heat-low"), font.clone(), t.card_weak_text);
        let high = self
            .painter
            .layout_no_wrap(tr(lang, "heat-high"), font, t.card_weak_text);
        let ramp = vec2(90.0, 12.0);
        let pad = 6.0;
        let width = title.size().x + low.size().x + ramp.x + high.size().x + 5.0 * pad;
        let height = title.size().y.max(ramp.y) + 2.0 * pad;
        let rect = Rect::from_min_size(
            pos2(canvas.max.x - width - 12.0, canvas.max.y - height - 12.0),
            vec2(width, height),
        );
        self.painter.rect(
            rect,
            4.0,
            t.lane_label_bg,
            Stroke::new(1.0, t.card_border),
            StrokeKind::Inside,
        );
        let y = rect.center().y;
        let mut x = rect.min.x + pad;
        for galley in [title, low] {
            let w = galley.size().x;
            self.painter
                .galley(pos2(x, y - galley.size().y / 2.0), galley, t.card_text);
            x += w + pad;
        }
        const STEPS: usize = 12;
        #[expect(clippy::cast_precision_loss, reason = "a dozen steps")]
        for i in 0..STEPS {
            let w = ramp.x / STEPS as f32;
            let cell = Rect::from_min_size(
                pos2(x + i as f32 * w, y - ramp.y / 2.0),
                vec2(w + 0.5, ramp.y),
            );
            self.painter
                .rect_filled(cell, 0.0, t.heat_fill(i as f64 / (STEPS - 1) as f64));
        }
        self.painter.rect_stroke(
            Rect::from_min_size(pos2(x, y - ramp.y / 2.0), ramp),
            0.0,
            Stroke::new(1.0, t.card_border),
            StrokeKind::Outside,
        );
        x += ramp.x + pad;
        self.painter
            .galley(pos2(x, y - high.size().y / 2.0), high, t.card_text);
    }
}
