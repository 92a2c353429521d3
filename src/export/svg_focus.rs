//! One stage in focus, for a deck's stage slide: the rectangle that shows the stage whole
//! ([`stage_clip`]: its columns through every lane, a glimpse of each neighbour, and room for
//! the lane labels), the stage outlined in its own colour, the other stages behind a veil of
//! the background colour, and the lane labels drawn again at the clip's left edge (as the
//! canvas keeps them in view when it scrolls).

use std::fmt::Write as _;

use emath::{Rect, pos2, vec2};

use super::{Svg, paint};
use crate::art::palette::gamma_multiply;
use crate::layout::MapLayout;

/// How much of each neighbouring stage a stage's clip shows, dimmed (map units).
pub const PEEK: f32 = 36.0;

/// How opaque the veil over the stages out of focus is.
const VEIL: f32 = 0.72;

/// The left and right edges of stage `stage`'s columns, if it has any.
fn stage_span(layout: &MapLayout, stage: usize) -> Option<(f32, f32)> {
    let mut columns = layout
        .steps
        .iter()
        .filter(|s| s.stage_index == stage)
        .map(|s| s.column);
    let first = columns.next()?;
    Some(columns.fold((first.min.x, first.max.x), |(l, r), c| {
        (l.min(c.min.x), r.max(c.max.x))
    }))
}

/// The rectangle (layout coordinates, as [`super::SvgOptions::clip`]) that shows stage `stage`
/// whole: from its header to the bottom of the last lane, its columns with a glimpse (36
/// points) of each neighbour, and the width of the lane labels to its left (drawn again there
/// when the stage is in focus). `None` when the layout has no such stage.
pub fn stage_clip(layout: &MapLayout, stage: usize) -> Option<Rect> {
    let (left, right) = stage_span(layout, stage)?;
    let label = layout.lanes.first().map_or(0.0, |l| l.label.width());
    let top = layout
        .stages
        .iter()
        .find(|s| s.index == stage)
        .map_or(0.0, |s| s.header.min.y);
    let min_x = (left - label - PEEK).max(0.0);
    let max_x = (right + PEEK).min(layout.size.x);
    Some(Rect::from_min_max(
        pos2(min_x, top),
        pos2(max_x, layout.size.y),
    ))
}

impl Svg<'_> {
    /// With a stage in focus: a veil over every other stage, and the stage outlined.
    pub(super) fn focus_veil(&mut self) {
        let Some(focus) = self.focus else {
            return;
        };
        let veil = gamma_multiply(self.p.canvas_bg, VEIL);
        let bottom = self.layout.size.y;
        for stage in &self.layout.stages {
            if stage.index == focus {
                continue;
            }
            if let Some((l, r)) = stage_span(self.layout, stage.index) {
                let area = Rect::from_min_max(pos2(l, stage.header.min.y), pos2(r, bottom));
                self.rect(area, 0.0, veil, None);
            }
        }
        let Some(stage) = self.layout.stages.iter().find(|s| s.index == focus) else {
            return;
        };
        let Some((l, r)) = stage_span(self.layout, focus) else {
            return;
        };
        let accent = self.p.stage_color(stage.index, stage.color);
        let area = Rect::from_min_max(pos2(l, stage.header.min.y), pos2(r, bottom)).shrink(1.5);
        let _ = writeln!(
            self.out,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="6" fill="none" {} stroke-width="3"/>"#,
            area.min.x,
            area.min.y,
            area.width(),
            area.height(),
            paint("stroke", accent)
        );
    }

    /// The lane labels; with a stage in focus, at the clip's left edge, over a plain corner
    /// above them, so they stay beside the stage.
    pub(super) fn sticky_lane_labels(&mut self) {
        let shift = match (self.focus, self.clip) {
            (Some(_), Some(clip)) if clip.min.x > 0.0 => clip.min.x,
            _ => 0.0,
        };
        if shift <= 0.0 {
            self.lane_labels();
            return;
        }
        let _ = writeln!(self.out, r#"<g transform="translate({shift:.2} 0)">"#);
        let label = self.layout.lanes.first().map_or(0.0, |l| l.label.width());
        let top = self.layout.lanes.first().map_or(0.0, |l| l.label.min.y);
        let corner = Rect::from_min_size(pos2(0.0, 0.0), vec2(label, top));
        let bg = self.p.canvas_bg;
        self.rect(corner, 0.0, bg, None);
        self.lane_labels();
        self.out.push_str("</g>\n");
    }
}
