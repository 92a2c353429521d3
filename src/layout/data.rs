//! Customer data on the map's geometry: the room a touchpoint card keeps at its bottom for its
//! monthly sparkline, its badges (customers, conversion, CSAT, NPS) and its flags, and the
//! measured emotion curve (CSAT) with the steps where it parts from the assumed curve.
//!
//! What is shown is chosen by [`DataOptions`]; the numbers come from
//! [`crate::analysis::overlay`]. A map without customer data gets no room and no curve, so it
//! lays out exactly as before. No egui, no I/O.

use std::collections::HashMap;

use emath::{Pos2, Rect, pos2, vec2};

use super::{EmotionScale, LayoutMetrics, MapLayout};
use crate::analysis::overlay;
use crate::model::curve::monotone_curve;
use crate::model::{Id, JourneyMap, LaneKind, MetricKind};

/// Which customer-data overlays the map shows (a view choice, never saved in the map).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataOptions {
    /// Badges, flags and sparklines on touchpoint cards.
    pub badges: bool,
    /// The metric the cards are tinted by, if any.
    pub heat: Option<MetricKind>,
    /// The measured emotion curve (from CSAT) over the assumed one.
    pub measured: bool,
}

impl Default for DataOptions {
    /// Badges and the measured curve on, heat off: what a map with data opens with.
    fn default() -> Self {
        Self {
            badges: true,
            heat: None,
            measured: true,
        }
    }
}

impl DataOptions {
    /// No overlay at all.
    pub fn none() -> Self {
        Self {
            badges: false,
            heat: None,
            measured: false,
        }
    }

    /// The metric a card's sparkline follows: the heat metric, else conversion.
    pub fn trend_metric(&self) -> MetricKind {
        self.heat.unwrap_or(MetricKind::ConversionRate)
    }
}

/// The metrics heat can be chosen by, in menu order.
pub const HEAT_METRICS: [MetricKind; 4] = [
    MetricKind::Customers,
    MetricKind::ConversionRate,
    MetricKind::Csat,
    MetricKind::Nps,
];

/// What a card shows of the customer data, which decides the room it needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardData {
    /// The metrics of its badges, in badge order.
    pub badges: Vec<MetricKind>,
    /// Whether it has a monthly trend of at least two months to draw.
    pub trend: bool,
    /// Its flagged metrics, one flag row each.
    pub flags: Vec<MetricKind>,
}

impl CardData {
    /// Height of the room the card keeps under its text (zero when it shows nothing).
    pub fn height(&self, m: &LayoutMetrics) -> f32 {
        let rows = self.badges.len().div_ceil(BADGES_PER_ROW) + self.flags.len();
        let sparkline = if self.trend {
            m.sparkline_height + m.badge_gap
        } else {
            0.0
        };
        if rows == 0 && !self.trend {
            return 0.0;
        }
        #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
        let rows = rows as f32;
        m.badge_gap + sparkline + rows * (m.badge_height + m.badge_gap)
    }
}

/// Badges side by side in a row.
pub const BADGES_PER_ROW: usize = 2;

/// Least height on screen (points) of the sparkline's strip for it to be drawn: under it, the
/// line says nothing and the strip stays empty.
pub const SPARKLINE_MIN_SCREEN_HEIGHT: f32 = 14.0;

/// Least width on screen (points) of the sparkline's strip for it to be drawn.
pub const SPARKLINE_MIN_SCREEN_WIDTH: f32 = 80.0;

/// The points of a sparkline of `values` (month, value) in `rect`: evenly spaced from left to
/// right, scaled from the lowest value at the bottom to the highest at the top (a flat line in
/// the middle when all are equal). Empty for fewer than two values. Shared by the canvas and
/// the picture exports.
pub fn sparkline_points<T>(values: &[(T, f64)], rect: Rect) -> Vec<Pos2> {
    let n = values.len();
    if n < 2 {
        return Vec::new();
    }
    let low = values.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
    let high = values
        .iter()
        .map(|(_, v)| *v)
        .fold(f64::NEG_INFINITY, f64::max);
    #[expect(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        reason = "a few months; values scaled to 0–1"
    )]
    let points = values
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            let along = i as f32 / (n - 1) as f32;
            let up = if high > low {
                ((v - low) / (high - low)) as f32
            } else {
                0.5
            };
            pos2(
                rect.min.x + along * rect.width(),
                rect.max.y - up * rect.height(),
            )
        })
        .collect();
    points
}

/// Whether a sparkline strip of `strip_in_map` is drawn at `zoom`: only when the card is big
/// enough on screen.
pub fn sparkline_shown(strip_in_map: Rect, zoom: f32) -> bool {
    strip_in_map.height() * zoom >= SPARKLINE_MIN_SCREEN_HEIGHT
        && strip_in_map.width() * zoom >= SPARKLINE_MIN_SCREEN_WIDTH
}

/// Where a card's customer data goes, in map space.
#[derive(Clone, Debug, PartialEq)]
pub struct CardDataBox {
    /// The whole room under the text.
    pub area: Rect,
    /// The monthly trend's strip, if the card has a trend.
    pub sparkline: Option<Rect>,
    /// One badge per metric, in [`CardData::badges`] order.
    pub badges: Vec<(MetricKind, Rect)>,
    /// One row per flagged metric.
    pub flags: Vec<(MetricKind, Rect)>,
}

impl CardDataBox {
    /// The little "add pain point" button at the right end of a flag row.
    pub fn flag_button(row: Rect) -> Rect {
        let side = row.height();
        Rect::from_min_max(pos2(row.max.x - side * 1.6, row.min.y), row.max)
    }
}

/// Places `data` in `area` (the card's inner width, `CardData::height` tall): the sparkline on
/// top, then the badges two by two, then the flag rows.
pub fn place_card_data(area: Rect, data: &CardData, m: &LayoutMetrics) -> CardDataBox {
    let mut y = area.min.y + m.badge_gap;
    let mut out = CardDataBox {
        area,
        sparkline: None,
        badges: Vec::new(),
        flags: Vec::new(),
    };
    if data.trend {
        out.sparkline = Some(Rect::from_min_size(
            pos2(area.min.x, y),
            vec2(area.width(), m.sparkline_height),
        ));
        y += m.sparkline_height + m.badge_gap;
    }
    #[expect(clippy::cast_precision_loss, reason = "two badges a row")]
    let per_row = BADGES_PER_ROW as f32;
    let badge_width = (area.width() - m.badge_gap * (per_row - 1.0)) / per_row;
    for row in data.badges.chunks(BADGES_PER_ROW) {
        let mut x = area.min.x;
        for metric in row {
            out.badges.push((
                *metric,
                Rect::from_min_size(pos2(x, y), vec2(badge_width, m.badge_height)),
            ));
            x += badge_width + m.badge_gap;
        }
        y += m.badge_height + m.badge_gap;
    }
    for metric in &data.flags {
        out.flags.push((
            *metric,
            Rect::from_min_size(pos2(area.min.x, y), vec2(area.width(), m.badge_height)),
        ));
        y += m.badge_height + m.badge_gap;
    }
    out
}

/// What each touchpoint card with numbers in the latest import shows, with `options`: its
/// badges, its trend (of [`DataOptions::trend_metric`]) and its flags. Empty when badges are
/// off or the map has no data.
pub fn cards_data(map: &JourneyMap, options: &DataOptions) -> HashMap<Id, CardData> {
    let mut out = HashMap::new();
    if !options.badges || map.metrics.latest().is_none() {
        return out;
    }
    for card in crate::analysis::matching::touchpoint_cards(map) {
        let readings = overlay::card_readings(map, &card.id);
        if readings.is_empty() {
            continue;
        }
        let trend = overlay::trend(map, &card.id, options.trend_metric()).len() >= 2;
        out.insert(
            card.id.clone(),
            CardData {
                badges: readings.iter().map(|r| r.metric).collect(),
                trend,
                flags: readings
                    .iter()
                    .filter(|r| r.flagged)
                    .map(|r| r.metric)
                    .collect(),
            },
        );
    }
    out
}

/// The measured emotion curve in one emotion lane.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuredShape {
    /// Index of the lane it is drawn in.
    pub lane_index: usize,
    /// One point per step with CSAT answers, in step order.
    pub points: Vec<MeasuredPointBox>,
    /// The smoothed line through the points.
    pub path: Vec<Pos2>,
}

/// A point of the measured curve.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuredPointBox {
    /// The step.
    pub step: Id,
    /// Index of the step in [`MapLayout::steps`].
    pub step_index: usize,
    /// Where the point is.
    pub pos: Pos2,
    /// Its score (−2..=+2).
    pub score: f32,
    /// The CSAT answers it is over.
    pub answers: u64,
    /// Where the measured and the assumed curve part by more than one point.
    pub divergence: Option<Divergence>,
}

/// A step where the measured curve parts from the assumed one.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// The assumed curve's point at the step.
    pub assumed_pos: Pos2,
    /// The assumed score.
    pub assumed_score: f32,
    /// The band drawn around both points.
    pub band: Rect,
}

/// Half the width of a divergence band, and its margin above and below the two points.
const BAND_HALF_WIDTH: f32 = 16.0;

impl MapLayout {
    /// Lays out the measured curve of `map` in every expanded emotion lane, compared with the
    /// first visible (assumed) curve; nothing without CSAT.
    pub(super) fn add_measured(&mut self, map: &JourneyMap, m: &LayoutMetrics) {
        let measured = overlay::measured_curve(map);
        if measured.is_empty() {
            return;
        }
        let assumed = map.curves.iter().find(|c| !c.hidden);
        let divergent = assumed.map_or_else(Vec::new, |c| overlay::divergent_steps(&measured, c));
        let step_index_of: HashMap<&Id, usize> = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, i))
            .collect();
        for (lane_index, lane) in self.lanes.iter().enumerate() {
            if lane.kind != LaneKind::Emotions || lane.collapsed {
                continue;
            }
            let scale = EmotionScale::of(lane.row, m);
            let points: Vec<MeasuredPointBox> = measured
                .iter()
                .filter_map(|p| {
                    let step_index = *step_index_of.get(&p.step)?;
                    let x = self.steps[step_index].header.center().x;
                    let pos = pos2(x, scale.y_of(p.score));
                    let divergence = divergent
                        .contains(&p.step)
                        .then(|| {
                            let assumed_score =
                                assumed?.points.iter().find(|a| a.step == p.step)?.score;
                            let assumed_pos = pos2(x, scale.y_of(assumed_score));
                            let margin = BAND_HALF_WIDTH;
                            let band = Rect::from_min_max(
                                pos2(x - BAND_HALF_WIDTH, pos.y.min(assumed_pos.y) - margin),
                                pos2(x + BAND_HALF_WIDTH, pos.y.max(assumed_pos.y) + margin),
                            )
                            .intersect(lane.row);
                            Some(Divergence {
                                assumed_pos,
                                assumed_score,
                                band,
                            })
                        })
                        .flatten();
                    Some(MeasuredPointBox {
                        step: p.step.clone(),
                        step_index,
                        pos,
                        score: p.score,
                        answers: p.answers,
                        divergence,
                    })
                })
                .collect();
            let raw: Vec<(f32, f32)> = points.iter().map(|p| (p.pos.x, p.pos.y)).collect();
            let path = monotone_curve(&raw, m.curve_samples)
                .into_iter()
                .map(|(x, y)| pos2(x, y))
                .collect();
            self.measured.push(MeasuredShape {
                lane_index,
                points,
                path,
            });
        }
    }
}

#[cfg(test)]
#[path = "data_tests.rs"]
mod tests;
