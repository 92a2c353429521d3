//! Pure geometry of a map: where every header, lane, card and curve point goes.
//!
//! [`compute`] is a function of the map, the [`LayoutMetrics`] and a way to measure text; it
//! knows nothing of egui. The canvas paints a [`MapLayout`] and hit-tests on it; the exporters
//! draw the same [`MapLayout`], so an export looks exactly like the screen. All coordinates
//! are in map space (points at 100 % zoom), with the origin at the top-left of the grid.
//!
//! Here: the layout types and the grid (stages, steps, lanes, cards); `curves` lays out the
//! emotion lanes (curves, emoji, pain markers). No egui, no I/O.

use emath::{Pos2, Rect, Vec2, pos2, vec2};

use crate::model::{Card, ColorToken, EMOTION_MAX, Id, JourneyMap, LaneKind};

mod curves;
pub mod data;
#[cfg(test)]
mod tests;

/// The geometric design tokens of the map grid, shared by canvas and exporters.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutMetrics {
    /// Width of the lane-label column on the left.
    pub lane_label_width: f32,
    /// Height of the stage-header row.
    pub stage_header_height: f32,
    /// Height of the step-header row.
    pub step_header_height: f32,
    /// Width of one step column.
    pub column_width: f32,
    /// Space between a cell's edge and its cards.
    pub cell_padding: f32,
    /// Vertical space between two cards in a cell.
    pub card_gap: f32,
    /// Space between a card's edge and its text.
    pub card_padding: f32,
    /// Font size of card text.
    pub card_font_size: f32,
    /// Height of the chip row on touchpoint, pain-point and opportunity cards.
    pub chip_height: f32,
    /// Height of the row under the text of a card that takes votes (pain points and
    /// opportunities), where the workshop's vote dots go, so they never cover text.
    pub vote_row_height: f32,
    /// Least height of a lane holding cards.
    pub min_lane_height: f32,
    /// Height of an emotion lane.
    pub emotion_lane_height: f32,
    /// Space above and below the curve inside the emotion lane, for the emoji.
    pub emotion_margin: f32,
    /// Samples per step interval of the smoothed curve.
    pub curve_samples: usize,
    /// Side of the square box an emoji of a curve point is drawn in (the painter fits the
    /// emoji's picture or glyph into [`CurvePointBox::emoji_rect`]).
    pub emoji_size: f32,
    /// Radius around a curve point that no emoji covers: the point with its halo.
    pub point_clearance: f32,
    /// Radius of a pain marker on a curve, which no emoji covers either.
    pub pain_marker_radius: f32,
    /// Height of a collapsed lane.
    pub collapsed_lane_height: f32,
    /// Height of a customer-data badge (and of a flag row) on a touchpoint card.
    pub badge_height: f32,
    /// Space between badges, and above the customer data under a card's text.
    pub badge_gap: f32,
    /// Height of a touchpoint card's monthly sparkline strip.
    pub sparkline_height: f32,
}

impl Default for LayoutMetrics {
    fn default() -> Self {
        Self {
            lane_label_width: 170.0,
            stage_header_height: 42.0,
            step_header_height: 30.0,
            column_width: 220.0,
            cell_padding: 10.0,
            card_gap: 8.0,
            card_padding: 8.0,
            card_font_size: 14.0,
            chip_height: 20.0,
            vote_row_height: 16.0,
            min_lane_height: 90.0,
            emotion_lane_height: 200.0,
            emotion_margin: 41.0,
            curve_samples: 12,
            emoji_size: 26.0,
            point_clearance: 12.0,
            pain_marker_radius: 11.0,
            collapsed_lane_height: 34.0,
            badge_height: 18.0,
            badge_gap: 3.0,
            sparkline_height: 22.0,
        }
    }
}

impl LayoutMetrics {
    /// Width available to card text.
    pub fn card_text_width(&self) -> f32 {
        self.column_width - 2.0 * self.cell_padding - 2.0 * self.card_padding
    }

    /// Width of a card.
    pub fn card_width(&self) -> f32 {
        self.column_width - 2.0 * self.cell_padding
    }
}

/// Measures wrapped text; the canvas uses egui's fonts, tests and benches an estimate.
pub trait TextMeasure {
    /// Height of `text` at `font_size`, wrapped to `wrap_width`.
    fn wrapped_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32;
}

/// A font-free estimate: average glyph width of 0.55 em, greedy word wrap.
#[derive(Clone, Copy, Debug, Default)]
pub struct ApproxMeasure;

impl TextMeasure for ApproxMeasure {
    fn wrapped_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        let glyph = font_size * 0.55;
        let per_line = (wrap_width / glyph).floor().max(1.0);
        let mut lines = 0.0_f32;
        for paragraph in text.split('\n') {
            let mut line_len = 0.0_f32;
            let mut para_lines = 1.0;
            for word in paragraph.split_whitespace() {
                #[expect(clippy::cast_precision_loss, reason = "word lengths are small")]
                let w = word.chars().count() as f32;
                let needed = if line_len > 0.0 {
                    line_len + 1.0 + w
                } else {
                    w
                };
                if needed > per_line && line_len > 0.0 {
                    para_lines += (w / per_line).ceil().max(1.0);
                    line_len = w % per_line;
                } else {
                    line_len = needed;
                }
            }
            lines += para_lines;
        }
        lines * font_size * 1.3
    }
}

/// The geometry of a whole map.
#[derive(Clone, Debug, Default)]
pub struct MapLayout {
    /// Size of the whole grid, headers and lane labels included.
    pub size: Vec2,
    /// Stage headers, left to right.
    pub stages: Vec<StageBox>,
    /// Step columns, left to right.
    pub steps: Vec<StepBox>,
    /// Lanes, top to bottom.
    pub lanes: Vec<LaneBox>,
    /// Cards, in the map's card order.
    pub cards: Vec<CardBox>,
    /// Emotion curves, each drawn in every emotion lane.
    pub curves: Vec<CurveShape>,
    /// Pain-point markers on the curves, one per step that has pain points.
    pub pain_markers: Vec<PainMarker>,
    /// The measured emotion curve (from CSAT), in each emotion lane, when shown.
    pub measured: Vec<data::MeasuredShape>,
    /// The customer-data overlays this layout was computed for.
    pub data: data::DataOptions,
    /// The service blueprint's line of visibility, between frontstage and backstage.
    pub visibility_line: Option<(Pos2, Pos2)>,
    /// For each step, its cards (indices into `cards`) from top to bottom, so that the cards
    /// in an area are found without looking at the others ([`MapLayout::cards_in`]).
    column_cards: Vec<Vec<usize>>,
}

/// A stage header.
#[derive(Clone, Debug)]
pub struct StageBox {
    /// The stage.
    pub id: Id,
    /// Position of the stage among the stages (for the default colour).
    pub index: usize,
    /// The header rectangle.
    pub header: Rect,
    /// The stage's colour, if the user chose one.
    pub color: Option<ColorToken>,
}

/// A step column.
#[derive(Clone, Debug)]
pub struct StepBox {
    /// The step.
    pub id: Id,
    /// Index of its stage in [`MapLayout::stages`].
    pub stage_index: usize,
    /// The step header rectangle.
    pub header: Rect,
    /// The whole column below the header, through all lanes.
    pub column: Rect,
}

/// A lane (row).
#[derive(Clone, Debug)]
pub struct LaneBox {
    /// The lane.
    pub id: Id,
    /// Its kind.
    pub kind: LaneKind,
    /// The label on the left.
    pub label: Rect,
    /// The row right of the label, through all steps.
    pub row: Rect,
    /// Whether the lane is collapsed (its cards are not laid out).
    pub collapsed: bool,
    /// How many cards the lane holds.
    pub card_count: usize,
}

/// What the chip row at the top of a card shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Chip {
    /// A touchpoint's channel.
    Channel,
    /// A pain point's severity and votes.
    Pain,
    /// An opportunity's impact and effort.
    Opportunity,
}

/// A card.
#[derive(Clone, Debug)]
pub struct CardBox {
    /// The card.
    pub id: Id,
    /// Index of the card in [`JourneyMap::cards`].
    pub card_index: usize,
    /// Index of its step in [`MapLayout::steps`].
    pub step_index: usize,
    /// Index of its lane in [`MapLayout::lanes`].
    pub lane_index: usize,
    /// The whole card.
    pub rect: Rect,
    /// The chip row, if the card has one.
    pub chip: Option<(Chip, Rect)>,
    /// Where the wrapped text goes.
    pub text: Rect,
    /// The row under the text where the vote dots go, on cards that take votes.
    pub votes: Option<Rect>,
    /// The customer data under the text (badges, sparkline, flags), on touchpoint cards with
    /// numbers when badges are shown.
    pub data: Option<data::CardDataBox>,
}

/// An emotion curve placed in an emotion lane.
#[derive(Clone, Debug)]
pub struct CurveShape {
    /// The curve.
    pub id: Id,
    /// Its colour.
    pub color: ColorToken,
    /// Index of the lane it is drawn in.
    pub lane_index: usize,
    /// The y of the zero line.
    pub zero_y: f32,
    /// The y of +2 and −2.
    pub y_range: (f32, f32),
    /// One entry per point, in step order.
    pub points: Vec<CurvePointBox>,
    /// The smoothed line through the points.
    pub path: Vec<Pos2>,
    /// Convex pieces of the area between the curve and the zero line; `true` above zero.
    pub tint: Vec<(Vec<Pos2>, bool)>,
}

/// One point of a curve.
#[derive(Clone, Debug)]
pub struct CurvePointBox {
    /// The step.
    pub step: Id,
    /// Index of the step in [`MapLayout::steps`].
    pub step_index: usize,
    /// Where the point is.
    pub pos: Pos2,
    /// Its score.
    pub score: f32,
    /// The emoji drawn at the point: the user's choice or the one for the score.
    pub emoji: String,
    /// Whether the point has a note.
    pub has_note: bool,
    /// One of the curve's lowest points, below zero: a moment of pain.
    pub lowest: bool,
    /// Where the emoji goes (the centre of its bottom edge): above the point, moved below or
    /// beside it when another curve's emoji or point at the same step would be covered.
    pub emoji_pos: Pos2,
}

impl CurvePointBox {
    /// The square box the emoji is drawn in (side [`LayoutMetrics::emoji_size`]).
    pub fn emoji_rect(&self, m: &LayoutMetrics) -> Rect {
        emoji_box(self.emoji_pos, m.emoji_size)
    }
}

/// The square of side `size` whose bottom edge is centred on `bottom_center`.
fn emoji_box(bottom_center: Pos2, size: f32) -> Rect {
    Rect::from_min_max(
        pos2(bottom_center.x - size / 2.0, bottom_center.y - size),
        pos2(bottom_center.x + size / 2.0, bottom_center.y),
    )
}

/// How scores map to y inside an emotion lane: +2 at the top, −2 at the bottom, with a margin
/// for the emoji.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmotionScale {
    /// The y of score 0.
    pub zero_y: f32,
    /// The distance from 0 to ±2.
    pub half: f32,
}

impl EmotionScale {
    /// The scale of an emotion lane whose row is `row`.
    pub fn of(row: Rect, m: &LayoutMetrics) -> Self {
        let top = row.min.y + m.emotion_margin;
        let bottom = row.max.y - m.emotion_margin;
        Self {
            zero_y: (top + bottom) / 2.0,
            half: ((bottom - top) / 2.0).max(1.0),
        }
    }

    /// The y of a score.
    pub fn y_of(&self, score: f32) -> f32 {
        self.zero_y - score / EMOTION_MAX * self.half
    }

    /// The score at a y, not clamped.
    pub fn score_at(&self, y: f32) -> f32 {
        (self.zero_y - y) / self.half * EMOTION_MAX
    }
}

/// What a pain marker is pinned to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkerPlace {
    /// A curve point: the pain points anchored to it.
    Point {
        /// The curve.
        curve: Id,
        /// The step of the point.
        step: Id,
    },
    /// A card's corner: the pain points anchored to that card.
    Card(Id),
    /// The lowest point of a step (or its zero line): the step's pain points that are not
    /// anchored anywhere visible.
    Step,
}

/// A pain marker: a severity-coloured badge standing for one or more pain points.
#[derive(Clone, Debug)]
pub struct PainMarker {
    /// The step it belongs to.
    pub step_index: usize,
    /// Where to draw it (its centre).
    pub pos: Pos2,
    /// Highest severity among its pain points.
    pub max_severity: u8,
    /// The pain-point cards it stands for, in map order.
    pub cards: Vec<Id>,
    /// What it is pinned to.
    pub place: MarkerPlace,
}

impl PainMarker {
    /// How many pain points it stands for.
    pub fn count(&self) -> usize {
        self.cards.len()
    }
}

impl MapLayout {
    /// The card under a point, topmost first.
    pub fn card_at(&self, pos: Pos2) -> Option<&CardBox> {
        self.cards_in(Rect::from_min_max(pos, pos))
            .into_iter()
            .rev()
            .find(|c| c.rect.contains(pos))
    }

    /// The cards whose box meets `area`, in the map's card order, found through the columns
    /// the area spans: a view zoomed in on a big map costs what it shows, not what it holds.
    pub fn cards_in(&self, area: Rect) -> Vec<&CardBox> {
        if self.column_cards.len() != self.steps.len() {
            return self
                .cards
                .iter()
                .filter(|c| c.rect.intersects(area))
                .collect();
        }
        let first = self.steps.partition_point(|s| s.header.max.x < area.min.x);
        let mut found = Vec::new();
        for (step, column) in self.steps.iter().zip(&self.column_cards).skip(first) {
            if step.header.min.x > area.max.x {
                break;
            }
            // Top to bottom, the cards of a column never overlap: their bottoms rise too.
            let from = column.partition_point(|&i| self.cards[i].rect.max.y < area.min.y);
            for &i in &column[from..] {
                let rect = self.cards[i].rect;
                if rect.min.y > area.max.y {
                    break;
                }
                if rect.intersects(area) {
                    found.push(i);
                }
            }
        }
        found.sort_unstable();
        found.into_iter().map(|i| &self.cards[i]).collect()
    }

    /// The card box of a card id.
    pub fn card(&self, id: &Id) -> Option<&CardBox> {
        self.cards.iter().find(|c| &c.id == id)
    }

    /// The (step, lane) cell under a point, by index, if the point is in the grid.
    pub fn cell_at(&self, pos: Pos2) -> Option<(usize, usize)> {
        let step = self
            .steps
            .iter()
            .position(|s| s.column.min.x <= pos.x && pos.x < s.column.max.x)?;
        let lane = self
            .lanes
            .iter()
            .position(|l| l.row.min.y <= pos.y && pos.y < l.row.max.y)?;
        Some((step, lane))
    }

    /// The rectangle of a cell.
    pub fn cell_rect(&self, step: usize, lane: usize) -> Option<Rect> {
        let column = self.steps.get(step)?.column;
        let row = self.lanes.get(lane)?.row;
        Some(Rect::from_x_y_ranges(column.x_range(), row.y_range()))
    }

    /// Where a card dropped at height `y` in a cell would go among the cell's other cards
    /// (those not in `moving`), and the y of the insertion line to draw.
    pub fn drop_slot(&self, step: usize, lane: usize, y: f32, moving: &[Id]) -> (usize, f32) {
        let staying: Vec<&CardBox> = self
            .cards
            .iter()
            .filter(|c| c.step_index == step && c.lane_index == lane && !moving.contains(&c.id))
            .collect();
        let index = staying.iter().filter(|c| c.rect.center().y < y).count();
        let line_y = match (
            index.checked_sub(1).and_then(|i| staying.get(i)),
            staying.get(index),
        ) {
            (_, Some(next)) => next.rect.min.y - 4.0,
            (Some(prev), None) => prev.rect.max.y + 4.0,
            (None, None) => self.lanes.get(lane).map_or(y, |l| l.row.min.y + 6.0),
        };
        (index, line_y)
    }

    /// The whole map area.
    pub fn bounds(&self) -> Rect {
        Rect::from_min_size(Pos2::ZERO, self.size)
    }
}

/// A card measured in the first pass (its cell and its stacked offset there), placed in the
/// second once the lanes' heights are known.
struct SizedCard<'a> {
    card_index: usize,
    step_index: usize,
    lane_index: usize,
    /// Distance from the top of its cell's stack.
    offset: f32,
    height: f32,
    chip: Option<Chip>,
    chip_height: f32,
    data_height: f32,
    card_data: Option<&'a data::CardData>,
    vote_height: f32,
}

/// Which chip row a card shows in a lane of `kind`.
fn chip_of(card: &Card, kind: LaneKind) -> Option<Chip> {
    if card.pain.is_some() {
        Some(Chip::Pain)
    } else if card.opportunity.is_some() {
        Some(Chip::Opportunity)
    } else if card.channel.is_some() || kind == LaneKind::Touchpoints {
        Some(Chip::Channel).filter(|_| card.channel.is_some())
    } else {
        None
    }
}

/// Computes the layout of `map`, every lane expanded.
pub fn compute(map: &JourneyMap, metrics: &LayoutMetrics, measure: &dyn TextMeasure) -> MapLayout {
    compute_with_collapsed(map, metrics, measure, &std::collections::BTreeSet::new())
}

/// Computes the layout of `map`, with the lanes in `collapsed` shown as thin strips.
pub fn compute_with_collapsed(
    map: &JourneyMap,
    metrics: &LayoutMetrics,
    measure: &dyn TextMeasure,
    collapsed: &std::collections::BTreeSet<Id>,
) -> MapLayout {
    compute_with_data(map, metrics, measure, collapsed, &data::DataOptions::none())
}

/// Computes the layout of `map`, with the lanes in `collapsed` shown as thin strips and the
/// customer data chosen by `options` (touchpoint cards grow to hold their badges).
pub fn compute_with_data(
    map: &JourneyMap,
    metrics: &LayoutMetrics,
    measure: &dyn TextMeasure,
    collapsed: &std::collections::BTreeSet<Id>,
    options: &data::DataOptions,
) -> MapLayout {
    profiling::function_scope!();
    let m = metrics;
    let mut layout = MapLayout {
        data: options.clone(),
        ..MapLayout::default()
    };
    let cards_data = data::cards_data(map, options);
    let grid_top = m.stage_header_height + m.step_header_height;
    let step_count = map.step_count();
    #[expect(clippy::cast_precision_loss, reason = "column counts are small")]
    let grid_width = m.lane_label_width + step_count as f32 * m.column_width;

    // Columns.
    let mut x = m.lane_label_width;
    for (stage_index, stage) in map.stages.iter().enumerate() {
        let stage_left = x;
        for step in &stage.steps {
            layout.steps.push(StepBox {
                id: step.id.clone(),
                stage_index,
                header: Rect::from_min_size(
                    pos2(x, m.stage_header_height),
                    vec2(m.column_width, m.step_header_height),
                ),
                column: Rect::NOTHING, // set once lane heights are known
            });
            x += m.column_width;
        }
        layout.stages.push(StageBox {
            id: stage.id.clone(),
            index: stage_index,
            header: Rect::from_min_max(pos2(stage_left, 0.0), pos2(x, m.stage_header_height)),
            color: stage.color,
        });
    }
    let step_index_of: std::collections::HashMap<&Id, usize> = map
        .steps()
        .enumerate()
        .map(|(i, (_, s))| (&s.id, i))
        .collect();
    let lane_index_of: std::collections::HashMap<&Id, usize> = map
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (&l.id, i))
        .collect();

    // Card sizes, stacked per cell, to find each lane's height.
    let text_width = m.card_text_width();
    let mut stack_height = vec![vec![0.0_f32; step_count]; map.lanes.len()];
    let mut card_sizes = Vec::with_capacity(map.cards.len());
    let mut card_counts = vec![0usize; map.lanes.len()];
    for (card_index, card) in map.cards.iter().enumerate() {
        let (Some(&step_index), Some(&lane_index)) =
            (step_index_of.get(&card.step), lane_index_of.get(&card.lane))
        else {
            continue; // restore guarantees this does not happen for loaded maps
        };
        let kind = map.lanes[lane_index].kind;
        card_counts[lane_index] += 1;
        if !kind.holds_cards() || collapsed.contains(&map.lanes[lane_index].id) {
            continue;
        }
        let chip = chip_of(card, kind);
        let text_height = measure
            .wrapped_height(display_text(card), m.card_font_size, text_width)
            .max(m.card_font_size * 1.3);
        let chip_height = if chip.is_some() { m.chip_height } else { 0.0 };
        let vote_height = if takes_votes(card) {
            m.vote_row_height
        } else {
            0.0
        };
        let card_data = cards_data.get(&card.id);
        let data_height = card_data.map_or(0.0, |d| d.height(m));
        let height = m.card_padding * 2.0 + chip_height + text_height + data_height + vote_height;
        let stack = &mut stack_height[lane_index][step_index];
        let offset = *stack;
        *stack += height + m.card_gap;
        card_sizes.push(SizedCard {
            card_index,
            step_index,
            lane_index,
            offset,
            height,
            chip,
            chip_height,
            data_height,
            card_data,
            vote_height,
        });
    }

    let mut y = grid_top;
    for (lane_index, lane) in map.lanes.iter().enumerate() {
        let is_collapsed = collapsed.contains(&lane.id);
        let height = if is_collapsed {
            m.collapsed_lane_height
        } else if lane.kind == LaneKind::Emotions {
            m.emotion_lane_height
        } else {
            let tallest = stack_height[lane_index]
                .iter()
                .copied()
                .fold(0.0_f32, f32::max);
            (tallest - m.card_gap + 2.0 * m.cell_padding).max(m.min_lane_height)
        };
        layout.lanes.push(LaneBox {
            id: lane.id.clone(),
            kind: lane.kind,
            label: Rect::from_min_size(pos2(0.0, y), vec2(m.lane_label_width, height)),
            row: Rect::from_min_max(pos2(m.lane_label_width, y), pos2(grid_width, y + height)),
            collapsed: is_collapsed,
            card_count: card_counts[lane_index],
        });
        y += height;
    }
    let grid_bottom = y;
    layout.size = vec2(grid_width, grid_bottom);
    for step in &mut layout.steps {
        step.column = Rect::from_min_max(
            pos2(step.header.min.x, grid_top),
            pos2(step.header.max.x, grid_bottom),
        );
    }

    for SizedCard {
        card_index,
        step_index,
        lane_index,
        offset,
        height,
        chip,
        chip_height,
        data_height,
        card_data,
        vote_height,
    } in card_sizes
    {
        let cell_left = layout.steps[step_index].header.min.x;
        let lane_top = layout.lanes[lane_index].row.min.y;
        let rect = Rect::from_min_size(
            pos2(
                cell_left + m.cell_padding,
                lane_top + m.cell_padding + offset,
            ),
            vec2(m.card_width(), height),
        );
        let inner = rect.shrink(m.card_padding);
        let chip = chip.map(|c| {
            (
                c,
                Rect::from_min_size(inner.min, vec2(inner.width(), chip_height)),
            )
        });
        let text = Rect::from_min_max(
            pos2(inner.min.x, inner.min.y + chip_height),
            pos2(inner.max.x, inner.max.y - vote_height - data_height),
        );
        let data = card_data.map(|d| {
            let area = Rect::from_min_max(
                pos2(inner.min.x, text.max.y),
                pos2(inner.max.x, text.max.y + data_height),
            );
            data::place_card_data(area, d, m)
        });
        let votes = (vote_height > 0.0)
            .then(|| Rect::from_min_max(pos2(inner.min.x, inner.max.y - vote_height), inner.max));
        layout.cards.push(CardBox {
            id: map.cards[card_index].id.clone(),
            card_index,
            step_index,
            lane_index,
            rect,
            chip,
            text,
            votes,
            data,
        });
    }

    layout.column_cards = column_cards(&layout);
    layout.add_curves(map, m, &step_index_of);
    if options.measured {
        layout.add_measured(map, m);
    }
    layout.visibility_line = visibility_line(&layout);
    layout
}

/// Each step's cards, top to bottom (see [`MapLayout::cards_in`]).
fn column_cards(layout: &MapLayout) -> Vec<Vec<usize>> {
    let mut columns = vec![Vec::new(); layout.steps.len()];
    for (i, card) in layout.cards.iter().enumerate() {
        if let Some(column) = columns.get_mut(card.step_index) {
            column.push(i);
        }
    }
    for column in &mut columns {
        column.sort_by(|&a, &b| {
            let (a, b) = (layout.cards[a].rect, layout.cards[b].rect);
            a.min.y.total_cmp(&b.min.y)
        });
    }
    columns
}

/// Lays out again what depends on the emotion curves (the curves, the pain markers on them,
/// the measured curve's divergence from the assumed one) on a `layout` that [`compute_with_data`]
/// made from a map differing from `map` in its curves alone (same stages, lanes, cards and
/// data): the result equals a layout computed afresh, at a fraction of the cost (a point drag
/// on a 10,000-card map needs no card measured or placed).
pub fn recompute_curves(layout: &mut MapLayout, map: &JourneyMap, metrics: &LayoutMetrics) {
    profiling::function_scope!();
    layout.curves.clear();
    layout.pain_markers.clear();
    layout.measured.clear();
    let step_index_of: std::collections::HashMap<&Id, usize> = map
        .steps()
        .enumerate()
        .map(|(i, (_, s))| (&s.id, i))
        .collect();
    layout.add_curves(map, metrics, &step_index_of);
    if layout.data.measured {
        layout.add_measured(map, metrics);
    }
}

/// Whether a card takes workshop votes (pain points and opportunities): it gets a row for
/// the vote dots under its text.
fn takes_votes(card: &Card) -> bool {
    card.pain.is_some() || card.opportunity.is_some()
}

/// The text a card shows; an empty card shows nothing but keeps one line of height.
fn display_text(card: &Card) -> &str {
    &card.text
}

/// when the map has frontstage lanes above it.
fn visibility_line(layout: &MapLayout) -> Option<(Pos2, Pos2)> {
    let first_hidden = layout
        .lanes
        .iter()
        .position(|l| matches!(l.kind, LaneKind::Backstage | LaneKind::Support))?;
    let has_front = layout.lanes[..first_hidden]
        .iter()
        .any(|l| l.kind == LaneKind::Frontstage);
    if !has_front {
        return None;
    }
    let y = layout.lanes[first_hidden].row.min.y;
    Some((pos2(0.0, y), pos2(layout.size.x, y)))
}
