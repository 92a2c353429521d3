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

/// Where a stage is in the map: its columns with the lane labels' room on their left (the
/// labels stick to the left edge of the screen), from the top of the headers to the bottom of
/// the last lane. `None` for a stage that is not in the layout.
pub fn stage_frame(layout: &MapLayout, metrics: &LayoutMetrics, stage: usize) -> Option<Rect> {
    let header = layout.stages.get(stage)?.header;
    let columns = layout
        .steps
        .iter()
        .filter(|s| s.stage_index == stage)
        .fold(header, |r, s| r.union(s.column));
    Some(Rect::from_min_max(
        emath::pos2(columns.min.x - metrics.lane_label_width, header.min.y),
        emath::pos2(columns.max.x, layout.size.y.max(columns.max.y)),
    ))
}

/// How a stage is shown: one zoom, and the offset of the map (relative to the screen's top-left
/// corner, as the canvas's offset is) for each part.
#[derive(Clone, Debug, PartialEq)]
pub struct StageFit {
    /// Screen points per map unit.
    pub zoom: f32,
    /// The offset of each part, in the order they are shown.
    pub offsets: Vec<Vec2>,
}

/// Fits `frame` (a stage from [`stage_frame`]) into a screen of `screen` points: the whole stage
/// where that leaves card text at `min_zoom` or more (zooming in no further than [`MAX_ZOOM`]),
/// centred. Otherwise the zoom stays at `min_zoom` and the stage is cut into parts that each
/// fill the screen, going down the lanes (under the headers, which stick to the top) and then
/// across the steps (right of the lane labels, which stick to the left), overlapping a little
/// rather than leaving a gap. `header_height` and `label_width` are the map's sticky header
/// row and label column, which every part shows.
pub fn fit_stage(
    frame: Rect,
    screen: Vec2,
    min_zoom: f32,
    header_height: f32,
    label_width: f32,
) -> StageFit {
    let available = (screen - Vec2::splat(2.0 * MARGIN)).max(Vec2::splat(1.0));
    let size = frame.size().max(Vec2::splat(1.0));
    let whole = (available.x / size.x).min(available.y / size.y);
    let zoom = whole.min(MAX_ZOOM).max(min_zoom);
    // Columns and rows, each in the room the sticky labels and headers leave.
    let columns = (frame.width() - label_width).max(1.0);
    let rows = (frame.height() - header_height).max(1.0);
    let room = vec2(
        (available.x / zoom - label_width).max(1.0),
        (available.y / zoom - header_height).max(1.0),
    );
    let starts = |length: f32, room: f32| -> Vec<f32> {
        if length <= room + 0.5 {
            return vec![0.0];
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a small positive count of screens"
        )]
        let parts = ((length / room).ceil() as usize).max(2);
        #[expect(clippy::cast_precision_loss, reason = "a small count of screens")]
        let stride = (length - room) / (parts - 1) as f32;
        #[expect(clippy::cast_precision_loss, reason = "a small count of screens")]
        (0..parts).map(|i| i as f32 * stride).collect()
    };
    let xs = starts(columns, room.x);
    let ys = starts(rows, room.y);
    let shown = frame.size() * zoom;
    let mut offsets = Vec::with_capacity(xs.len() * ys.len());
    for &x in &xs {
        for &y in &ys {
            // A part that fits along an axis is centred along it; a cut one starts at the margin.
            let left = if xs.len() == 1 {
                (screen.x - shown.x) / 2.0
            } else {
                MARGIN
            };
            let top = if ys.len() == 1 {
                (screen.y - shown.y) / 2.0
            } else {
                MARGIN
            };
            offsets.push(vec2(
                left - (frame.min.x + x) * zoom,
                top - (frame.min.y + y) * zoom,
            ));
        }
    }
    StageFit { zoom, offsets }
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
        assert_eq!(walked[6], Slide::Stage { stage: 2, part: 0 }, "stays at the end");
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

    #[test]
    fn a_small_stage_is_shown_whole_and_centred_with_readable_text() {
        // Two columns of 220 and the 170 labels, 500 high: fits at 1.22 on the projector.
        let frame = Rect::from_min_max(pos2(270.0, 0.0), pos2(880.0, 500.0));
        let fit = fit_stage(frame, PROJECTOR, 1.0, 72.0, 170.0);
        assert_eq!(fit.offsets.len(), 1);
        assert!((fit.zoom - (720.0 - 48.0) / 500.0).abs() < 1e-4, "{}", fit.zoom);
        let on_screen = Rect::from_min_size((frame.min.to_vec2() * fit.zoom + fit.offsets[0]).to_pos2(), frame.size() * fit.zoom);
        assert!((on_screen.center().x - 640.0).abs() < 1e-3);
        assert!(on_screen.min.y >= MARGIN - 1e-3 && on_screen.max.y <= 720.0 - MARGIN + 1e-3);
    }

    #[test]
    fn a_tiny_stage_is_not_blown_up_past_the_largest_zoom() {
        let frame = Rect::from_min_max(pos2(0.0, 0.0), pos2(390.0, 200.0));
        let fit = fit_stage(frame, PROJECTOR, 1.0, 72.0, 170.0);
        assert!((fit.zoom - MAX_ZOOM).abs() < 1e-6);
    }

    #[test]
    fn a_tall_stage_keeps_readable_text_and_is_shown_in_parts_down_its_lanes() {
        // 1,400 high: the whole would need 0.48; text stays at 14 px (zoom 1 for 14 px cards).
        let frame = Rect::from_min_max(pos2(170.0, 0.0), pos2(1000.0, 1400.0));
        let fit = fit_stage(frame, PROJECTOR, 1.0, 72.0, 170.0);
        assert!((fit.zoom - 1.0).abs() < 1e-6);
        assert!(fit.offsets.len() >= 2);
        // Together the parts show every row: the first from the top, the last to the bottom,
        // each under the sticky headers.
        let first = fit.offsets[0];
        let last = fit.offsets[fit.offsets.len() - 1];
        assert!((first.y - MARGIN).abs() < 1e-3, "{first:?}");
        let bottom_on_screen = last.y + frame.max.y * fit.zoom;
        assert!((bottom_on_screen - (720.0 - MARGIN)).abs() < 1e-3);
        let room = (720.0 - 2.0 * MARGIN) / fit.zoom - 72.0;
        for pair in fit.offsets.windows(2) {
            let step = (pair[0].y - pair[1].y) / fit.zoom;
            assert!(step > 0.0 && step <= room + 1e-3, "gap between parts: {step} > {room}");
            assert!((pair[0].x - pair[1].x).abs() < 1e-6, "only down the lanes");
        }
    }

    #[test]
    fn a_wide_and_tall_stage_goes_down_then_across() {
        let frame = Rect::from_min_max(pos2(0.0, 0.0), pos2(2400.0, 1400.0));
        let fit = fit_stage(frame, PROJECTOR, 1.0, 72.0, 170.0);
        let downs = fit.offsets.iter().filter(|o| (o.x - fit.offsets[0].x).abs() < 1e-6).count();
        assert!(downs >= 2 && fit.offsets.len() >= 2 * downs, "{:?}", fit.offsets);
        // The last part ends at the stage's right edge, at the screen's right margin.
        let last = fit.offsets[fit.offsets.len() - 1];
        assert!((last.x + frame.max.x * fit.zoom - (1280.0 - MARGIN)).abs() < 1e-3);
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
