//! Painting cards: fill, border, chip (channel, pain point, opportunity), text, workshop vote
//! dots, and the ghost cards of a drag with the line where they would land.

use super::*;
use crate::layout::{CardBox, Chip};
use crate::model::PainStatus;

impl Paint<'_> {
    pub(super) fn cards(&self, visible: Rect) {
        profiling::function_scope!();
        if lod::text_as_bars(self.metrics.card_font_size, self.zoom) {
            self.cards_far(visible);
            return;
        }
        for card_box in self.layout.cards_in(visible) {
            self.card(card_box);
        }
    }

    /// Cards too small to read (level of detail), as one mesh of plain quads: each card's
    /// border and fill, its chip and text lines as soft bars; no shadow, no glyphs, no data
    /// badges or vote dots. The selection is outlined on top.
    fn cards_far(&self, visible: Rect) {
        let t = self.theme;
        let font = self.metrics.card_font_size;
        let mut mesh = egui::Mesh::default();
        let mut selected = Vec::new();
        for b in self.layout.cards_in(visible) {
            let Some(card) = self.map.cards.get(b.card_index) else {
                continue;
            };
            let kind = self.layout.lanes[b.lane_index].kind;
            let token = card.color.unwrap_or(Theme::lane_card_color(kind));
            let fill = self
                .heat_fill(&card.id)
                .unwrap_or_else(|| t.card_fill(token));
            let dragged = matches!(&self.overlay.drop, Some(DropPreview::Cards { ids, .. }) if ids.contains(&card.id));
            let rect = self.rect(b.rect);
            if self.overlay.selected.has_card(&card.id) {
                selected.push(rect);
            }
            if dragged {
                mesh.add_colored_rect(rect, fill.gamma_multiply(0.35));
                continue;
            }
            mesh.add_colored_rect(rect, t.card_border);
            mesh.add_colored_rect(rect.shrink(1.0), fill);
            if let Some((chip, chip_rect)) = &b.chip {
                let color = match (chip, &card.pain) {
                    (Chip::Pain, Some(pain)) => t.severity(pain.severity),
                    _ => t.card_weak_text.gamma_multiply(0.5),
                };
                if let Some(bar) = lod::text_bars("chip", *chip_rect, font * 0.8).first() {
                    mesh.add_colored_rect(self.rect(*bar), color);
                }
            }
            if self.overlay.editing_card != Some(&card.id) {
                let color = t.card_text.gamma_multiply(0.35);
                for bar in lod::text_bars(&card.text, b.text, font) {
                    mesh.add_colored_rect(self.rect(bar), color);
                }
            }
            if self.overlay.voting && b.votes.is_none() {
                mesh.add_colored_rect(rect, t.canvas_bg.gamma_multiply(0.6));
            }
        }
        self.painter.add(Shape::mesh(mesh));
        let rounding = self.rounding(size::CARD_ROUNDING);
        for rect in selected {
            self.painter.rect_stroke(
                rect,
                rounding,
                Stroke::new(2.5, t.selection),
                StrokeKind::Outside,
            );
        }
    }

    fn card(&self, b: &CardBox) {
        let t = self.theme;
        let Some(card) = self.map.cards.get(b.card_index) else {
            return;
        };
        let kind = self.layout.lanes[b.lane_index].kind;
        let token = card.color.unwrap_or(Theme::lane_card_color(kind));
        let fill = self
            .heat_fill(&card.id)
            .unwrap_or_else(|| t.card_fill(token));
        let rect = self.rect(b.rect);
        let rounding = self.rounding(size::CARD_ROUNDING);
        self.painter.rect_filled(
            rect.translate(vec2(0.0, 2.0 * self.zoom)),
            rounding,
            t.card_shadow,
        );
        let selected = self.overlay.selected.has_card(&card.id);
        let dragged = matches!(&self.overlay.drop, Some(DropPreview::Cards { ids, .. }) if ids.contains(&card.id));
        let fill = if dragged {
            fill.gamma_multiply(0.35)
        } else {
            fill
        };
        self.painter.rect(
            rect,
            rounding,
            fill,
            Stroke::new(1.0, t.card_border),
            StrokeKind::Inside,
        );
        if selected {
            self.painter.rect_stroke(
                rect,
                rounding,
                Stroke::new(2.5, t.selection),
                StrokeKind::Outside,
            );
        }
        if dragged {
            return;
        }

        if let Some((chip, chip_rect)) = &b.chip {
            let chip_rect = self.rect(*chip_rect);
            let font = self.font(size::CHIP_FONT);
            // The chip's text, and where it starts (after the severity dot for pain points).
            let line = match chip {
                Chip::Channel => card.channel.as_ref().map(|channel| {
                    let icon = if channel.online { "🌐" } else { "🏬" };
                    let text = format!("{icon} {}", channel.kind.name(&self.map.language));
                    (text, chip_rect.left())
                }),
                Chip::Pain => card.pain.as_ref().map(|pain| {
                    let start = self.severity_badge(
                        chip_rect.left_center() + vec2(8.0 * self.zoom, 0.0),
                        pain.severity,
                    );
                    let status = match pain.status {
                        PainStatus::Open => "",
                        PainStatus::InProgress => "  ⏳",
                        PainStatus::Fixed => "  ✔",
                    };
                    let text = format!("{}/5   ● {}{status}", pain.severity, pain.votes);
                    (text, start)
                }),
                Chip::Opportunity => card.opportunity.as_ref().map(|opp| {
                    let text = format!("▲ {}   ⚒ {}   ● {}", opp.impact, opp.effort, opp.votes);
                    (text, chip_rect.left())
                }),
            };
            if let Some((text, start)) = line {
                self.line_text(
                    &text,
                    pos2(start, chip_rect.center().y),
                    Align2::LEFT_CENTER,
                    font,
                    t.card_weak_text,
                    chip_rect.right() - start,
                );
            }
        }
        self.card_data(b, card);
        if self.overlay.editing_card == Some(&card.id) {
            return;
        }
        let text_rect = self.rect(b.text);
        // Text never runs into the vote dots, which have a row of their own.
        let text_clip = match b.votes {
            Some(row) => {
                let dots_top = self.rect(row).center().y - size::VOTE_DOT_RADIUS * self.zoom;
                Rect::from_min_max(rect.min, pos2(rect.max.x, dots_top))
            }
            None => rect,
        };
        self.wrapped_text(
            &card.text,
            text_rect.min,
            b.text.width(),
            self.font(self.metrics.card_font_size),
            t.card_text,
            text_clip,
        );
        if self.overlay.voting {
            let votes = card
                .pain
                .as_ref()
                .map(|p| p.votes)
                .or(card.opportunity.as_ref().map(|o| o.votes));
            match (votes, b.votes) {
                (Some(votes), Some(row)) => self.vote_dots(self.rect(row), votes),
                (Some(_), None) => {}
                (None, _) => {
                    // Cards that take no votes step back while the room votes.
                    self.painter
                        .rect_filled(rect, rounding, t.canvas_bg.gamma_multiply(0.6));
                }
            }
        }
    }

    /// Workshop dots in the card's vote row (`row`, on screen), from its right end: one per
    /// vote up to ten, then the total.
    fn vote_dots(&self, row: Rect, votes: u32) {
        let t = self.theme;
        let r = size::VOTE_DOT_RADIUS * self.zoom;
        let gap = 2.5 * r;
        let shown = votes.min(10);
        let mut center = row.right_center() - vec2(r, 0.0);
        if votes > shown || votes == 0 {
            let galley = self.painter.layout_no_wrap(
                if votes == 0 {
                    "●0".to_owned()
                } else {
                    format!("+{}", votes - shown)
                },
                self.font(size::CHIP_FONT),
                if votes == 0 {
                    t.card_weak_text
                } else {
                    t.selection
                },
            );
            let at = center + vec2(r - galley.size().x, -galley.size().y / 2.0);
            center.x -= galley.size().x + r;
            self.painter.galley(at, galley, t.selection);
        }
        for _ in 0..shown {
            self.painter
                .circle(center, r, t.selection, Stroke::new(1.0, t.canvas_bg));
            center.x -= gap;
        }
    }

    /// Draws a severity's icon (a gauge filling up) in its colour, centred at `center`;
    /// returns the x where text may start.
    fn severity_badge(&self, center: Pos2, severity: u8) -> f32 {
        let r = 6.0 * self.zoom;
        self.painter.text(
            center,
            Align2::CENTER_CENTER,
            crate::model::severity_icon(severity),
            self.font(size::CHIP_FONT * 1.25),
            self.theme.severity(severity),
        );
        center.x + r + 4.0 * self.zoom
    }

    /// Ghost cards under the pointer and where they would land; or where a stage or lane goes.
    pub(super) fn drop_preview(&self) {
        let t = self.theme;
        match &self.overlay.drop {
            Some(DropPreview::Cards {
                ids,
                grab,
                pointer,
                cell,
                line_y,
            }) => {
                if let Some(y) = line_y {
                    let cell = self.rect(*cell);
                    let y = self.pos(pos2(0.0, *y)).y;
                    self.painter.line_segment(
                        [pos2(cell.left() + 6.0, y), pos2(cell.right() - 6.0, y)],
                        Stroke::new(3.0, t.selection),
                    );
                } else {
                    self.painter.rect_stroke(
                        self.rect(*cell).shrink(2.0),
                        4.0,
                        Stroke::new(2.0, t.error_text),
                        StrokeKind::Inside,
                    );
                }
                let mut top_left = self.pos(*pointer) - *grab;
                for id in ids.iter().take(5) {
                    let Some(b) = self.layout.card(id) else {
                        continue;
                    };
                    let size = b.rect.size() * self.zoom;
                    let r = Rect::from_min_size(top_left, size);
                    let kind = self.layout.lanes[b.lane_index].kind;
                    let token = self.map.cards[b.card_index]
                        .color
                        .unwrap_or(Theme::lane_card_color(kind));
                    self.painter.rect(
                        r,
                        self.rounding(size::CARD_ROUNDING),
                        t.card_fill(token).gamma_multiply(0.9),
                        Stroke::new(2.0, t.selection),
                        StrokeKind::Outside,
                    );
                    self.wrapped_text(
                        &self.map.cards[b.card_index].text,
                        r.min
                            + vec2(self.metrics.card_padding, self.metrics.card_padding)
                                * self.zoom,
                        b.text.width(),
                        self.font(self.metrics.card_font_size),
                        t.card_text,
                        r,
                    );
                    top_left += vec2(6.0, 6.0);
                }
            }
            Some(DropPreview::StageLine { x }) => {
                let x = self.pos(pos2(*x, 0.0)).x;
                let top = self.pos(Pos2::ZERO).y;
                let bottom = self.pos(pos2(0.0, self.layout.size.y)).y;
                self.painter.line_segment(
                    [pos2(x, top), pos2(x, bottom)],
                    Stroke::new(3.0, t.selection),
                );
            }
            Some(DropPreview::LaneLine { y }) => {
                let y = self.pos(pos2(0.0, *y)).y;
                let left = self.pos(Pos2::ZERO).x;
                let right = self.pos(pos2(self.layout.size.x, 0.0)).x;
                self.painter.line_segment(
                    [pos2(left, y), pos2(right, y)],
                    Stroke::new(3.0, t.selection),
                );
            }
            None => {}
        }
    }
}
