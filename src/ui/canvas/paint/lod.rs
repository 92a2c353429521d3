//! Level of detail: below a readable size card text is not laid out as glyphs but drawn as
//! soft bars, one per line, as whiteboard tools do when zoomed out; and the cards are found
//! under the pointer by one hit test instead of one widget each. Pure geometry, no egui
//! context: the painter and the interaction ask here.

use egui::{Rect, pos2};

/// Card text drawn smaller than this (screen points) cannot be read: it is drawn as bars.
pub const LOD_TEXT_SIZE: f32 = 6.0;

/// A line of text is about this many em high (the layout's minimum text height per line).
const ROW_EM: f32 = 1.3;

/// An average glyph is about this many em wide (as the layout's own estimate).
const GLYPH_EM: f32 = 0.55;

/// Whether card text of `font_size` (map units) at `zoom` is drawn as bars instead of glyphs.
pub fn text_as_bars(font_size: f32, zoom: f32) -> bool {
    font_size * zoom < LOD_TEXT_SIZE
}

/// The bars standing for `text` wrapped into `area` (map coordinates) at `font_size`: one per
/// line, as many lines as the area's height holds (the layout measured the wrapped text), each
/// the full width but the last, whose length follows the text's. Empty text has no bars.
pub fn text_bars(text: &str, area: Rect, font_size: f32) -> Vec<Rect> {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    if chars == 0 || area.width() <= 0.0 || font_size <= 0.0 {
        return Vec::new();
    }
    let row = font_size * ROW_EM;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a few lines, at least one"
    )]
    let rows = (area.height() / row).round().max(1.0) as usize;
    #[expect(clippy::cast_precision_loss, reason = "text lengths are small")]
    let text_width = text.chars().count() as f32 * font_size * GLYPH_EM;
    let thickness = row * 0.5;
    (0..rows)
        .map(|i| {
            #[expect(clippy::cast_precision_loss, reason = "a few lines")]
            let top = area.top() + i as f32 * row + (row - thickness) / 2.0;
            let width = if i + 1 == rows {
                #[expect(clippy::cast_precision_loss, reason = "a few lines")]
                let before = (rows - 1) as f32 * area.width();
                (text_width - before).clamp(area.width() * 0.25, area.width())
            } else {
                area.width()
            };
            Rect::from_min_max(
                pos2(area.left(), top),
                pos2(area.left() + width, top + thickness),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::vec2;

    #[test]
    fn text_is_drawn_as_bars_below_six_points_on_screen() {
        assert!(!text_as_bars(14.0, 1.0));
        assert!(!text_as_bars(14.0, 0.43));
        assert!(text_as_bars(14.0, 0.42));
        assert!(text_as_bars(14.0, 0.1));
    }

    #[test]
    fn each_wrapped_line_is_a_bar_and_the_last_follows_the_text_length() {
        let area = Rect::from_min_size(pos2(10.0, 20.0), vec2(100.0, 3.0 * 14.0 * 1.3));
        let text = "a".repeat(30); // 30 × 7.7 = 231 wide: two full lines and 31 more
        let bars = text_bars(&text, area, 14.0);
        assert_eq!(bars.len(), 3);
        assert_eq!(bars[0].width(), 100.0);
        assert_eq!(bars[1].width(), 100.0);
        assert!((bars[2].width() - 31.0).abs() < 0.01, "{:?}", bars[2]);
        // Half a line thick, centred in its line, inside the text area.
        assert!((bars[0].height() - 9.1).abs() < 0.01);
        assert!((bars[0].top() - (20.0 + 4.55)).abs() < 0.01);
        assert!(bars.iter().all(|b| area.contains_rect(*b)));
        assert!(bars[1].top() > bars[0].bottom());
    }

    #[test]
    fn a_short_text_is_one_bar_no_shorter_than_a_quarter_line_and_empty_text_none() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(200.0, 18.2));
        let bars = text_bars("ok", area, 14.0);
        assert_eq!(bars.len(), 1);
        assert_eq!(bars[0].width(), 50.0);
        assert!(text_bars("  \n ", area, 14.0).is_empty());
    }
}
