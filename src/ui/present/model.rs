//! The pure part of presentation mode: the sequence of slides (a title slide, then each stage,
//! in one or more parts), moving through it, and the zoom and offset that show a stage's
//! columns on the screen with card text large enough to read from the back of a room.
//!
//! No egui here, only `emath` geometry and the layout: the shell draws what this decides.

use emath::{Rect, Vec2, vec2};

use crate::layout::{LayoutMetrics, MapLayout};

/// The least height of card text on screen while presenting (points at the UI's zoom of 1):
/// readable on a 1280×720 projector from the back of a room.
pub const MIN_CARD_TEXT: f32 = 14.0;

/// Room between the shown part of the map and the edge of the screen (screen points).
pub const MARGIN: f32 = 24.0;

/// Room left at the far edge of a part of a stage cut into parts (screen points): a lane or
/// step that ends there is whole on the screen.
const EDGE: f32 = 8.0;

/// A stage is never zoomed in further than this, however small it is.
pub const MAX_ZOOM: f32 = 2.5;

/// One slide of the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The map's title, its persona and the goals.
    Title,
    /// A stage (index in the map's stages), or one part of it when it does not fit on the
    /// screen at a readable zoom (parts go down the lanes, then across the steps).
    Stage {
        /// Index of the stage.
        stage: usize,
        /// Index of the part of the stage, from 0.
        part: usize,
    },
}

/// The slides of a map: the title, then each stage's parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deck {
    /// How many parts each stage is shown in (at least one).
    pub parts: Vec<usize>,
}

impl Deck {
    /// Every slide, in order.
    pub fn slides(&self) -> Vec<Slide> {
        std::iter::once(Slide::Title)
            .chain(self.parts.iter().enumerate().flat_map(|(stage, &parts)| {
                (0..parts.max(1)).map(move |part| Slide::Stage { stage, part })
            }))
            .collect()
    }

    /// `slide` moved into the deck: a stage or part that no longer exists (the screen grew and
    /// a stage needs fewer parts) becomes the nearest one that does.
    pub fn clamp(&self, slide: Slide) -> Slide {
        match slide {
            Slide::Title => Slide::Title,
            Slide::Stage { stage, part } => {
                let Some(last_stage) = self.parts.len().checked_sub(1) else {
                    return Slide::Title;
                };
                let stage = stage.min(last_stage);
                let parts = self.parts.get(stage).copied().unwrap_or(1).max(1);
                Slide::Stage {
                    stage,
                    part: part.min(parts - 1),
                }
            }
        }
    }

    fn index(&self, slide: Slide) -> usize {
        let slide = self.clamp(slide);
        self.slides().iter().position(|s| *s == slide).unwrap_or(0)
    }

    /// The slide after `slide` (the last one stays).
    pub fn next(&self, slide: Slide) -> Slide {
        let slides = self.slides();
        let i = (self.index(slide) + 1).min(slides.len() - 1);
        slides[i]
    }

    /// The slide before `slide` (the title stays).
    pub fn previous(&self, slide: Slide) -> Slide {
        let slides = self.slides();
        slides[self.index(slide).saturating_sub(1)]
    }

    /// The last slide.
    pub fn last(&self) -> Slide {
        self.slides().last().copied().unwrap_or(Slide::Title)
    }
}

/// Where a stage is in the map, for fitting it on the screen.
#[derive(Clone, Debug, PartialEq)]
pub struct StageGeometry {
    /// The stage's columns with the lane labels' room on their left (the labels stick to the
    /// left edge of the screen), from the top of the headers to the bottom of the last lane.
    pub frame: Rect,
    /// The x ranges of its steps' columns, left to right: a stage shown in parts is cut
    /// between two steps where it can.
    pub columns: Vec<(f32, f32)>,
    /// The y ranges of the lanes, top to bottom: a stage is cut between two lanes where it can.
    pub rows: Vec<(f32, f32)>,
}

/// Where stage `stage` is in `layout`; `None` for a stage that is not in it.
pub fn stage_geometry(
    layout: &MapLayout,
    metrics: &LayoutMetrics,
    stage: usize,
) -> Option<StageGeometry> {
    let header = layout.stages.get(stage)?.header;
    let steps = layout.steps.iter().filter(|s| s.stage_index == stage);
    let columns = steps.clone().fold(header, |r, s| r.union(s.column));
    Some(StageGeometry {
        frame: Rect::from_min_max(
            emath::pos2(columns.min.x - metrics.lane_label_width, header.min.y),
            emath::pos2(columns.max.x, layout.size.y.max(columns.max.y)),
        ),
        columns: steps.map(|s| (s.column.min.x, s.column.max.x)).collect(),
        rows: layout
            .lanes
            .iter()
            .map(|l| (l.row.min.y, l.row.max.y))
            .collect(),
    })
}

/// How a stage is shown: one zoom, and the offset of the map (relative to the screen's top-left
/// corner, as the canvas's offset is) for each part.
#[derive(Clone, Debug, PartialEq)]
pub struct StageFit {
    /// Screen points per map unit.
    pub zoom: f32,
    /// The offset of each part, in the order they are shown.
    pub offsets: Vec<Vec2>,
    /// For each part, where the next part along each axis starts (map units; infinite where
    /// none does): the part is shown up to there, so it ends with whole lanes and steps.
    pub ends: Vec<Vec2>,
}

/// The sticky parts of the map every part of a stage shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sticky {
    /// Height of the stage and step headers, which stick to the top.
    pub header_height: f32,
    /// Width of the lane labels, which stick to the left.
    pub label_width: f32,
}

/// Fits a stage into a screen of `screen` points: the whole stage where that leaves card text
/// at `min_zoom` or more (zooming in no further than [`MAX_ZOOM`]), centred. Otherwise the zoom
/// stays at `min_zoom` and the stage is cut into parts, going down the lanes (each part after
/// the first starting with a lane just under the headers, which stick to the top) and then
/// across the steps (each starting with a step just right of the lane labels, which stick to
/// the left). A lane or step larger than the screen is cut inside.
pub fn fit_stage(stage: &StageGeometry, screen: Vec2, min_zoom: f32, sticky: Sticky) -> StageFit {
    let frame = stage.frame;
    let available = (screen - Vec2::splat(2.0 * MARGIN)).max(Vec2::splat(1.0));
    let size = frame.size().max(Vec2::splat(1.0));
    let whole = (available.x / size.x).min(available.y / size.y);
    let zoom = whole.min(MAX_ZOOM).max(min_zoom);
    let xs = part_starts(
        &stage.columns,
        (frame.min.x + sticky.label_width, frame.max.x),
        ((screen.x - MARGIN - EDGE) / zoom - sticky.label_width).max(1.0),
        ((screen.x - EDGE) / zoom - sticky.label_width).max(1.0),
    );
    let ys = part_starts(
        &stage.rows,
        (frame.min.y + sticky.header_height, frame.max.y),
        ((screen.y - MARGIN - EDGE) / zoom - sticky.header_height).max(1.0),
        ((screen.y - EDGE) / zoom - sticky.header_height).max(1.0),
    );
    let shown = frame.size() * zoom;
    // Along one axis: a stage that fits is centred, the first part of a cut one starts at the
    // margin, and each later part puts its first lane or step beside the sticky headers.
    let along = |starts: &[f32], i: usize, screen: f32, shown: f32, min: f32, sticky: f32| {
        if starts.len() == 1 {
            (screen - shown) / 2.0 - min * zoom
        } else if i == 0 {
            MARGIN - min * zoom
        } else {
            (sticky - starts[i]) * zoom
        }
    };
    let mut offsets = Vec::with_capacity(xs.len() * ys.len());
    let mut ends = Vec::with_capacity(xs.len() * ys.len());
    for i in 0..xs.len() {
        for j in 0..ys.len() {
            ends.push(vec2(
                xs.get(i + 1).copied().unwrap_or(f32::INFINITY),
                ys.get(j + 1).copied().unwrap_or(f32::INFINITY),
            ));
            offsets.push(vec2(
                along(&xs, i, screen.x, shown.x, frame.min.x, sticky.label_width),
                along(&ys, j, screen.y, shown.y, frame.min.y, sticky.header_height),
            ));
        }
    }
    StageFit {
        zoom,
        offsets,
        ends,
    }
}

/// Where each part starts along one axis, in map units: the first at the start of `span`
/// (with `first_room` to show), each next one (with `room`) at the first band (a lane or a
/// step) that does not end inside the room left by the previous one, or inside a band larger
/// than the room.
fn part_starts(bands: &[(f32, f32)], span: (f32, f32), first_room: f32, room: f32) -> Vec<f32> {
    const MAX_PARTS: usize = 100;
    let (mut at, end) = span;
    let mut starts = vec![at];
    let mut shown = first_room;
    while end - at > shown + 0.5 && starts.len() < MAX_PARTS {
        let limit = at + shown;
        let next = bands
            .iter()
            .filter(|(a, b)| *b > limit + 0.5 && *a > at + 0.5)
            .map(|(a, _)| *a)
            .fold(limit, f32::min);
        at = next;
        starts.push(at);
        shown = room;
    }
    starts
}

/// The least canvas zoom at which card text of `card_font_size` is [`MIN_CARD_TEXT`] high on a
/// screen whose UI is zoomed by `ui_zoom`.
pub fn min_zoom(card_font_size: f32, ui_zoom: f32) -> f32 {
    MIN_CARD_TEXT / (card_font_size * ui_zoom).max(0.1)
}

/// The laser pointer's opacity: full while the pointer moves and for `HOLD_S` seconds after,
/// then fading out over `FADE_S` seconds of rest.
pub fn laser_alpha(seconds_at_rest: f64) -> f32 {
    const HOLD_S: f64 = 1.5;
    const FADE_S: f64 = 1.0;
    #[expect(clippy::cast_possible_truncation, reason = "a value between 0 and 1")]
    let alpha = (1.0 - (seconds_at_rest - HOLD_S) / FADE_S).clamp(0.0, 1.0) as f32;
    alpha
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::pos2;

    const PROJECTOR: Vec2 = vec2(1280.0, 720.0);

    fn deck() -> Deck {
        Deck {
            parts: vec![1, 2, 1],
        }
    }

    #[test]
    fn the_deck_is_the_title_then_every_part_of_every_stage() {
        let slides = deck().slides();
        assert_eq!(slides.len(), 5);
        assert_eq!(slides[0], Slide::Title);
        assert_eq!(slides[2], Slide::Stage { stage: 1, part: 0 });
        assert_eq!(slides[3], Slide::Stage { stage: 1, part: 1 });
        assert_eq!(deck().last(), Slide::Stage { stage: 2, part: 0 });
    }

    #[test]
    fn next_and_previous_walk_the_parts_and_stop_at_both_ends() {
        let d = deck();
        let mut slide = Slide::Title;
        assert_eq!(d.previous(slide), Slide::Title);
        let mut walked = vec![slide];
        for _ in 0..6 {
            slide = d.next(slide);
            walked.push(slide);
        }
        assert_eq!(walked[4], Slide::Stage { stage: 2, part: 0 });
        assert_eq!(
            walked[6],
            Slide::Stage { stage: 2, part: 0 },
            "stays at the end"
        );
        assert_eq!(d.previous(slide), Slide::Stage { stage: 1, part: 1 });
    }

    #[test]
    fn a_slide_gone_after_a_resize_becomes_the_nearest_one() {
        let d = Deck { parts: vec![1, 1] };
        assert_eq!(
            d.clamp(Slide::Stage { stage: 1, part: 3 }),
            Slide::Stage { stage: 1, part: 0 }
        );
        assert_eq!(
            d.clamp(Slide::Stage { stage: 5, part: 0 }),
            Slide::Stage { stage: 1, part: 0 }
        );
        assert_eq!(
            Deck::default().clamp(Slide::Stage { stage: 0, part: 0 }),
            Slide::Title
        );
    }

    const STICKY: Sticky = Sticky {
        header_height: 72.0,
        label_width: 170.0,
    };

    /// A stage from `x0` with `steps` columns of 220, over lanes of the given heights under
    /// 72 of headers.
    fn stage(x0: f32, steps: usize, lanes: &[f32]) -> StageGeometry {
        let mut rows = Vec::new();
        let mut y = 72.0;
        for h in lanes {
            rows.push((y, y + h));
            y += h;
        }
        #[expect(clippy::cast_precision_loss, reason = "a few steps")]
        let columns: Vec<(f32, f32)> = (0..steps)
            .map(|i| (x0 + 220.0 * i as f32, x0 + 220.0 * (i + 1) as f32))
            .collect();
        StageGeometry {
            frame: Rect::from_min_max(pos2(x0 - 170.0, 0.0), pos2(columns[steps - 1].1, y)),
            columns,
            rows,
        }
    }

    /// The map's y range shown under the headers by part `offset` (map units).
    fn rows_shown(fit: &StageFit, offset: Vec2) -> (f32, f32) {
        let top = (72.0 * fit.zoom).max(offset.y + 72.0 * fit.zoom);
        ((top - offset.y) / fit.zoom, (720.0 - offset.y) / fit.zoom)
    }

    #[test]
    fn a_small_stage_is_shown_whole_and_centred_with_readable_text() {
        // Two columns of 220 and the 170 labels, 500 high: fits at 1.34 on the projector.
        let s = stage(440.0, 2, &[200.0, 228.0]);
        let fit = fit_stage(&s, PROJECTOR, 1.0, STICKY);
        assert_eq!(fit.offsets.len(), 1);
        assert!(
            (fit.zoom - (720.0 - 48.0) / 500.0).abs() < 1e-4,
            "{}",
            fit.zoom
        );
        let on_screen = Rect::from_min_size(
            (s.frame.min.to_vec2() * fit.zoom + fit.offsets[0]).to_pos2(),
            s.frame.size() * fit.zoom,
        );
        assert!((on_screen.center().x - 640.0).abs() < 1e-3);
        assert!((on_screen.min.y - MARGIN).abs() < 1e-3);
        assert!(on_screen.max.y <= 720.0 - MARGIN + 1e-3);
    }

    #[test]
    fn a_tiny_stage_is_not_blown_up_past_the_largest_zoom() {
        let s = stage(170.0, 1, &[128.0]);
        let fit = fit_stage(&s, PROJECTOR, 1.0, STICKY);
        assert!((fit.zoom - MAX_ZOOM).abs() < 1e-6);
    }

    #[test]
    fn a_tall_stage_keeps_readable_text_and_is_cut_between_lanes() {
        // Lanes of 1,328 in all: the whole would need 0.48; text stays at 14 px (zoom 1).
        let lanes = [150.0, 90.0, 90.0, 200.0, 110.0, 170.0, 90.0, 118.0, 310.0];
        let s = stage(170.0, 3, &lanes);
        let fit = fit_stage(&s, PROJECTOR, 1.0, STICKY);
        assert!((fit.zoom - 1.0).abs() < 1e-6);
        assert!(fit.offsets.len() >= 2);
        assert!(
            (fit.offsets[0].y - MARGIN).abs() < 1e-3,
            "the first from the top"
        );
        let mut covered = 72.0;
        for offset in &fit.offsets {
            let (from, to) = rows_shown(&fit, *offset);
            assert!(
                from <= covered + 1e-3,
                "a gap before {from}: shown to {covered}"
            );
            if offset.y < MARGIN {
                assert!(
                    s.rows.iter().any(|(top, _)| (top - from).abs() < 1e-3),
                    "a later part starts with a lane under the headers: {from}"
                );
            }
            covered = to;
        }
        assert!(
            covered >= s.frame.max.y - 1e-3,
            "the last lane shown: {covered}"
        );
        // Each part is shown down to where the next one starts: a whole lane, no half one.
        for (i, end) in fit.ends.iter().enumerate() {
            let next = fit.offsets.get(i + 1).map(|o| rows_shown(&fit, *o).0);
            match next {
                Some(start) => assert!((end.y - start).abs() < 1e-3, "{end:?} vs {start}"),
                None => assert!(end.y.is_infinite()),
            }
            assert!(s.rows.iter().any(|(a, _)| (a - end.y).abs() < 1e-3) || end.y.is_infinite());
        }
    }

    #[test]
    fn a_lane_taller_than_the_screen_is_cut_inside() {
        let s = stage(170.0, 2, &[1500.0, 100.0]);
        let fit = fit_stage(&s, PROJECTOR, 1.0, STICKY);
        let mut covered = 72.0;
        for offset in &fit.offsets {
            let (from, to) = rows_shown(&fit, *offset);
            assert!(from <= covered + 1e-3);
            covered = to;
        }
        assert!(covered >= s.frame.max.y - 1e-3);
    }

    #[test]
    fn a_wide_and_tall_stage_goes_down_then_across_starting_each_part_at_a_step() {
        let s = stage(170.0, 10, &[400.0, 400.0, 400.0]);
        let fit = fit_stage(&s, PROJECTOR, 1.0, STICKY);
        let first_x = fit.offsets[0].x;
        let downs = fit
            .offsets
            .iter()
            .filter(|o| (o.x - first_x).abs() < 1e-6)
            .count();
        assert!(
            downs >= 2 && fit.offsets.len() >= 2 * downs,
            "{:?}",
            fit.offsets
        );
        for o in fit.offsets.iter().skip(downs) {
            let left = (170.0 * fit.zoom - o.x) / fit.zoom;
            assert!(
                s.columns.iter().any(|(a, _)| (a - left).abs() < 1e-3),
                "a later part starts with a step right of the labels: {left}"
            );
        }
        let last = fit.offsets[fit.offsets.len() - 1];
        assert!(
            last.x + s.frame.max.x * fit.zoom <= 1280.0 + 1e-3,
            "the last step shown"
        );
    }

    #[test]
    fn the_least_zoom_gives_14_px_card_text_whatever_the_ui_zoom() {
        assert!((min_zoom(14.0, 1.0) * 14.0 - 14.0).abs() < 1e-6);
        assert!((min_zoom(14.0, 1.25) * 14.0 * 1.25 - 14.0).abs() < 1e-5);
    }

    #[test]
    fn the_laser_pointer_stays_while_moving_and_fades_at_rest() {
        assert!((laser_alpha(0.0) - 1.0).abs() < f32::EPSILON);
        assert!((laser_alpha(1.5) - 1.0).abs() < f32::EPSILON);
        assert!((laser_alpha(2.0) - 0.5).abs() < 1e-6);
        assert!(laser_alpha(3.0).abs() < f32::EPSILON);
    }
}
