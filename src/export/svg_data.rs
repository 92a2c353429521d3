//! The customer data in the map's picture, as the canvas paints it (`ui::canvas::paint::data`):
//! badges (value and change since the previous import), flag rows (why: below the overall rate,
//! missed target), a monthly sparkline and heat on touchpoint cards; the measured emotion curve
//! (dashed, hollow points) over the assumed one, the steps where they part banded and ringed;
//! the measured curve's row in the curve legend and the heat's legend. The geometry is the
//! layout's (`layout::data`), the numbers `analysis::overlay`'s, the words the app's
//! (`art::i18n`) in the map's language. A map without customer data gets none of it.
//!
//! Unlike the canvas, a flag row has no "add pain point" button (a picture cannot be clicked):
//! only the tick when its pain point exists.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use emath::{Pos2, Rect, pos2, vec2};

use super::{CHIP_FONT, Svg, paint, points};
use crate::analysis::overlay::{self, Reading, change_is_good, format_change, format_value};
use crate::art::i18n::{Lang, badge_short_key, flag_short_text, map_lang, metric_key, tr, tr_args};
use crate::art::palette::{Palette, Rgba, gamma_multiply};
use crate::export::measure::Fonts;
use crate::layout::data::{CardDataBox, DataOptions, sparkline_shown};
use crate::layout::{self, CardBox, LayoutMetrics, MapLayout};
use crate::model::{Card, ColorToken, Id, JourneyMap};

/// Font size of badge and flag text, as on the canvas.
const BADGE_FONT: f32 = 11.0;
/// Radius of a point of the measured curve, as the canvas's curve points.
const POINT_RADIUS: f32 = 5.0;
/// Cells of the heat legend's colour ramp.
const RAMP_CELLS: usize = 12;
/// Size of the heat legend's colour ramp.
const RAMP: (f32, f32) = (90.0, 12.0);
/// Padding inside the heat legend, and between its parts.
const LEGEND_PAD: f32 = 6.0;

/// The map laid out with the customer data `options` chooses (no lane collapsed: the picture
/// shows the whole map).
pub(super) fn layout(
    map: &JourneyMap,
    metrics: &LayoutMetrics,
    fonts: &Fonts,
    options: &DataOptions,
) -> MapLayout {
    layout::compute_with_data(map, metrics, fonts, &BTreeSet::new(), options)
}

/// What the picture needs besides the layout to draw the customer data.
pub(super) struct DataView {
    /// The language of the map's text.
    lang: Lang,
    /// Each touchpoint card's heat (0–1) when the cards are tinted by a metric.
    heat: HashMap<Id, f64>,
}

impl DataView {
    /// The words and heat of `map` for `layout`.
    pub(super) fn of(map: &JourneyMap, layout: &MapLayout) -> Self {
        Self {
            lang: map_lang(map),
            heat: layout
                .data
                .heat
                .map(|metric| overlay::heat(map, metric).into_iter().collect())
                .unwrap_or_default(),
        }
    }
}

impl Svg<'_> {
    /// A card's fill tinted by its heat, if heat is on and the card has a value.
    pub(super) fn heat_fill(&self, card: &Id) -> Option<Rgba> {
        self.data.heat.get(card).map(|h| self.p.heat_fill(*h))
    }

    /// The customer data of a touchpoint card: sparkline, badges and flags.
    pub(super) fn card_data(&mut self, b: &CardBox, card: &Card) {
        let Some(data) = &b.data else {
            return;
        };
        let readings = overlay::card_readings(self.map, &card.id);
        if let Some(strip) = data.sparkline
            && sparkline_shown(strip, 1.0)
        {
            self.sparkline(strip, &card.id);
        }
        for (metric, rect) in &data.badges {
            if let Some(reading) = readings.iter().find(|r| r.metric == *metric) {
                self.badge(*rect, reading);
            }
        }
        for (metric, row) in &data.flags {
            if let Some(reading) = readings.iter().find(|r| r.metric == *metric) {
                self.flag_row(*row, card, reading);
            }
        }
    }

    /// A badge: the metric's short name, its value and its change since the previous import
    /// (green for the better, red for the worse), outlined when flagged.
    fn badge(&mut self, rect: Rect, reading: &Reading) {
        let p = self.p.clone();
        let lang = self.data.lang;
        let comma = lang.decimal_comma();
        let stroke = reading.flagged.then(|| (1.2, p.flag()));
        self.inside_rect(rect, 3.0, p.badge_bg(), stroke);
        let mut pieces = vec![
            (
                format!("{} ", tr(lang, badge_short_key(reading.metric))),
                p.card_weak_text,
            ),
            (
                format_value(reading.metric, reading.value, comma),
                p.card_text,
            ),
        ];
        if let Some(change) = reading.change() {
            let color = match change_is_good(reading) {
                Some(true) => p.good(),
                Some(false) => p.bad(),
                None => p.card_weak_text,
            };
            pieces.push((
                format!(" {}", format_change(reading.metric, change, comma)),
                color,
            ));
        }
        let pad = 4.0;
        self.pieces(
            &pieces,
            pos2(rect.min.x + pad, rect.center().y),
            rect.width() - 2.0 * pad,
        );
    }

    /// Coloured pieces of text on one line from `left_center`, cut with an ellipsis at `width`.
    fn pieces(&mut self, pieces: &[(String, Rgba)], left_center: Pos2, width: f32) {
        let top = left_center.y - self.fonts.row_height(BADGE_FONT) / 2.0;
        let y = top + self.fonts.ascent(BADGE_FONT);
        let _ = write!(
            self.out,
            r#"<text x="{:.2}" y="{y:.2}" font-size="{BADGE_FONT}" xml:space="preserve">"#,
            left_center.x
        );
        let mut left = width;
        for (text, color) in pieces {
            let w = self.fonts.width(text, BADGE_FONT, false);
            let (text, last) = if w <= left {
                (text.clone(), false)
            } else {
                (self.fonts.truncate(text, BADGE_FONT, left, false), true)
            };
            left -= w;
            let _ = write!(
                self.out,
                "<tspan {}>{}</tspan>",
                paint("fill", *color),
                super::xml_text(&text)
            );
            if last {
                break;
            }
        }
        self.out.push_str("</text>\n");
    }

    /// A flag row: the flag, the metric and why it is flagged; a tick at its right end once
    /// the pain point made from it exists.
    fn flag_row(&mut self, row: Rect, card: &Card, reading: &Reading) {
        let p = self.p.clone();
        let lang = self.data.lang;
        self.inside_rect(row, 3.0, p.flag_bg(), Some((1.0, p.flag())));
        let text = format!(
            "⚑ {} {}",
            tr(lang, badge_short_key(reading.metric)),
            flag_short_text(self.map, &card.id, reading, lang)
        );
        let exists = overlay::pain_from_metric(self.map, &card.id, reading.metric).is_some();
        let text_right = if exists {
            let button = CardDataBox::flag_button(row).shrink(2.0);
            let fill = p.good();
            self.rect(button, 3.0, fill, None);
            let top = button.center().y - self.fonts.row_height(BADGE_FONT) / 2.0;
            self.text(
                "✔",
                button.center().x,
                top,
                BADGE_FONT,
                false,
                Palette::text_on(fill),
                "middle",
            );
            button.min.x - 4.0
        } else {
            row.max.x - 4.0
        };
        let left = row.min.x + 4.0;
        let text = self
            .fonts
            .truncate(&text, BADGE_FONT, text_right - left, false);
        let top = row.center().y - self.fonts.row_height(BADGE_FONT) / 2.0;
        self.text(&text, left, top, BADGE_FONT, false, p.card_text, "start");
    }

    /// The card's monthly trend as a small line in `strip`, the last month dotted.
    fn sparkline(&mut self, strip: Rect, card: &Id) {
        let p = self.p.clone();
        let values = overlay::trend(self.map, card, self.layout.data.trend_metric());
        self.rect(strip, 3.0, gamma_multiply(p.badge_bg(), 0.6), None);
        let rect = strip.shrink2(vec2(4.0, 3.0));
        let line = crate::layout::data::sparkline_points(&values, rect);
        if line.is_empty() {
            return;
        }
        let color = p.strong(ColorToken::Blue);
        let _ = writeln!(
            self.out,
            r#"<polyline class="sparkline" points="{}" fill="none" {} stroke-width="1.5" stroke-linejoin="round"/>"#,
            points(&line),
            paint("stroke", color)
        );
        if let Some(last) = line.last() {
            self.circle(*last, 2.5, color, (0.0, color));
        }
    }

    /// The measured curve (dashed, ink-coloured, hollow points) over the assumed one, with a
    /// band and rings where they part by more than one point.
    pub(super) fn measured(&mut self) {
        let p = self.p.clone();
        let color = p.measured_curve();
        let shapes = self.layout.measured.clone();
        for shape in &shapes {
            for point in &shape.points {
                if let Some(d) = &point.divergence {
                    let flag = p.flag();
                    let _ = writeln!(
                        self.out,
                        r#"<rect class="divergence" x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="6" {} {} stroke-width="1.5"/>"#,
                        d.band.min.x + 0.75,
                        d.band.min.y + 0.75,
                        (d.band.width() - 1.5).max(0.0),
                        (d.band.height() - 1.5).max(0.0),
                        paint("fill", gamma_multiply(flag, 0.18)),
                        paint("stroke", flag)
                    );
                    for at in [point.pos, d.assumed_pos] {
                        let _ = writeln!(
                            self.out,
                            r#"<circle cx="{:.2}" cy="{:.2}" r="{}" fill="none" {} stroke-width="2"/>"#,
                            at.x,
                            at.y,
                            POINT_RADIUS * 2.0,
                            paint("stroke", flag)
                        );
                    }
                }
            }
            let _ = writeln!(
                self.out,
                r#"<polyline class="measured" points="{}" fill="none" {} stroke-width="2" stroke-dasharray="7 5"/>"#,
                points(&shape.path),
                paint("stroke", color)
            );
            for point in &shape.points {
                self.circle(point.pos, POINT_RADIUS, p.canvas_bg, (2.0, color));
            }
        }
    }

    /// The measured curve's row of the curve legend (when there is one): a dashed ink line and
    /// "measured (CSAT)".
    pub(super) fn measured_legend_row(&mut self, top_left: Pos2, right: f32, row: f32) {
        if self.layout.measured.is_empty() {
            return;
        }
        let p = self.p.clone();
        let y = top_left.y + row / 2.0;
        let x = top_left.x + 18.0;
        self.line(
            pos2(x, y),
            pos2(x + 16.0, y),
            2.0,
            p.measured_curve(),
            Some((4.0, 3.0)),
        );
        let name = tr(self.data.lang, "measured-legend");
        let name = self
            .fonts
            .truncate(&name, CHIP_FONT, right - x - 22.0, false);
        let top = y - self.fonts.row_height(CHIP_FONT) / 2.0;
        self.text(
            &name,
            x + 22.0,
            top,
            CHIP_FONT,
            false,
            p.lane_label_text,
            "start",
        );
    }

    /// The heat legend's title ("Heat: Conversion"), when heat is on and some card has heat.
    fn heat_title(&self) -> Option<String> {
        let metric = self.layout.data.heat?;
        if self.data.heat.is_empty() {
            return None;
        }
        let lang = self.data.lang;
        Some(tr_args(
            lang,
            "heat-legend",
            &[("metric", tr(lang, metric_key(metric)).into())],
        ))
    }

    /// Width of the heat legend, if it is drawn.
    pub(super) fn heat_legend_width(&self) -> Option<f32> {
        let title = self.heat_title()?;
        let lang = self.data.lang;
        let w = |t: &str| self.fonts.width(t, CHIP_FONT, false);
        Some(
            w(&title)
                + w(&tr(lang, "heat-low"))
                + RAMP.0
                + w(&tr(lang, "heat-high"))
                + 5.0 * LEGEND_PAD,
        )
    }

    /// The heat's legend: the metric and the colours from worst to best. In the title band's
    /// right end for the whole map; in the bottom-right corner of the view, as on the canvas,
    /// for a part of it.
    pub(super) fn heat_legend(&mut self) {
        let (Some(title), Some(width)) = (self.heat_title(), self.heat_legend_width()) else {
            return;
        };
        let p = self.p.clone();
        let lang = self.data.lang;
        let row = self.fonts.row_height(CHIP_FONT);
        let height = row.max(RAMP.1) + 2.0 * LEGEND_PAD;
        let min = match self.clip {
            Some(c) => pos2(c.max.x - width - 12.0, c.max.y - height - 12.0),
            None => pos2(
                self.layout.size.x - width - 12.0,
                -(super::TITLE_BAND + height) / 2.0,
            ),
        };
        let rect = Rect::from_min_size(min, vec2(width, height));
        self.inside_rect(rect, 4.0, p.lane_label_bg, Some((1.0, p.card_border)));
        let y = rect.center().y;
        let mut x = rect.min.x + LEGEND_PAD;
        for (text, color) in [
            (title, p.lane_label_text),
            (tr(lang, "heat-low"), p.card_weak_text),
        ] {
            self.text(&text, x, y - row / 2.0, CHIP_FONT, false, color, "start");
            x += self.fonts.width(&text, CHIP_FONT, false) + LEGEND_PAD;
        }
        #[expect(clippy::cast_precision_loss, reason = "a dozen cells")]
        for i in 0..RAMP_CELLS {
            let w = RAMP.0 / RAMP_CELLS as f32;
            let cell = Rect::from_min_size(
                pos2(x + i as f32 * w, y - RAMP.1 / 2.0),
                vec2(w + 0.5, RAMP.1),
            );
            let heat = i as f64 / (RAMP_CELLS - 1) as f64;
            self.rect(cell, 0.0, p.heat_fill(heat), None);
        }
        let ramp = Rect::from_min_size(pos2(x, y - RAMP.1 / 2.0), vec2(RAMP.0, RAMP.1));
        let _ = writeln!(
            self.out,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" {} stroke-width="1"/>"#,
            ramp.min.x - 0.5,
            ramp.min.y - 0.5,
            ramp.width() + 1.0,
            ramp.height() + 1.0,
            paint("stroke", p.card_border)
        );
        x += RAMP.0 + LEGEND_PAD;
        let high = tr(lang, "heat-high");
        self.text(
            &high,
            x,
            y - row / 2.0,
            CHIP_FONT,
            false,
            p.card_weak_text,
            "start",
        );
    }

    /// A rectangle whose outline lies inside it, as egui's `StrokeKind::Inside`.
    fn inside_rect(&mut self, r: Rect, radius: f32, fill: Rgba, stroke: Option<(f32, Rgba)>) {
        let inset = stroke.map_or(0.0, |(w, _)| w / 2.0);
        self.rect(r.shrink(inset), radius, fill, stroke);
    }
}
