//! Measuring and wrapping text with the bundled fonts, without egui, for the image exports.
//!
//! Text is shaped with `rustybuzz` (a port of `HarfBuzz`; egui 0.37 shapes with `HarfBuzz`'s Rust
//! port too, and resvg draws the exported SVG with `rustybuzz`), so widths, line breaks and
//! card heights match the canvas and the rendered picture. Each character goes to the first
//! font of the bundled fallback chain that has it, as on the canvas. Lines are as tall as
//! egui makes them (ascent − descent + line gap of Noto Sans, rounded to whole points as egui
//! rounds them at one pixel a point).

use std::cell::RefCell;
use std::collections::HashMap;

use emath::GuiRounding as _;
use rustybuzz::{Face, UnicodeBuffer};

use crate::art::fonts;
use crate::layout::TextMeasure;

/// The bundled fonts, parsed once: regular and bold text with the symbol and emoji fallbacks.
/// Widths are remembered: a picture measures the same lines when it lays the map out, when it
/// wraps each card's text to draw it, and again for every slide of a deck.
pub struct Fonts {
    regular: Vec<Face<'static>>,
    bold: Vec<Face<'static>>,
    widths: RefCell<HashMap<(String, u32, bool), f32>>,
}

impl Fonts {
    /// Parses the bundled fonts; `None` if a bundled font does not parse (a broken build).
    pub fn load() -> Option<Self> {
        let regular: Option<Vec<Face<'static>>> = fonts::FALLBACK_CHAIN
            .iter()
            .map(|data| Face::from_slice(data, 0))
            .collect();
        let regular = regular?;
        let mut bold = vec![Face::from_slice(fonts::NOTO_SANS_BOLD, 0)?];
        bold.extend(regular.iter().skip(1).cloned());
        Some(Self {
            regular,
            bold,
            widths: RefCell::default(),
        })
    }

    fn chain(&self, bold: bool) -> &[Face<'static>] {
        if bold { &self.bold } else { &self.regular }
    }

    /// Width of one line of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let key = (text.to_owned(), size.to_bits(), bold);
        if let Some(&known) = self.widths.borrow().get(&key) {
            return known;
        }
        let width = self.measure(text, size, bold);
        self.widths.borrow_mut().insert(key, width);
        width
    }

    /// [`Self::width`], shaped now.
    fn measure(&self, text: &str, size: f32, bold: bool) -> f32 {
        let chain = self.chain(bold);
        let mut total = 0.0;
        let mut run = String::new();
        let mut run_font = 0;
        for c in text.chars() {
            let font = if c.is_whitespace() {
                run_font
            } else {
                chain
                    .iter()
                    .position(|f| f.glyph_index(c).is_some())
                    .unwrap_or(0)
            };
            if font != run_font && !run.is_empty() {
                total += shaped_width(&chain[run_font], &run, size, run_font);
                run.clear();
            }
            run_font = font;
            run.push(c);
        }
        if !run.is_empty() {
            total += shaped_width(&chain[run_font], &run, size, run_font);
        }
        total
    }

    /// Height of one line of text at `size` points, as egui makes it.
    pub fn row_height(&self, size: f32) -> f32 {
        let face = &self.regular[0];
        let scale = size / units_per_em(face);
        let ascent = (f32::from(face.ascender()) * scale).round_ui();
        let descent = (f32::from(face.descender()) * scale).round_ui();
        let gap = (f32::from(face.line_gap()) * scale).round_ui();
        // egui lays rows out on whole pixels (at 1 pixel a point, as an export is measured).
        (ascent - descent + gap).round()
    }

    /// Distance from the top of a line to its baseline at `size` points.
    pub fn ascent(&self, size: f32) -> f32 {
        let face = &self.regular[0];
        (f32::from(face.ascender()) * size / units_per_em(face)).round_ui()
    }

    /// `text` broken into lines no wider than `width`: at spaces where it can, inside a word
    /// longer than a line; each `\n` starts a new line.
    pub fn wrap(&self, text: &str, size: f32, width: f32, bold: bool) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let words: Vec<&str> = paragraph.split(' ').collect();
            for (i, word) in words.iter().enumerate() {
                let candidate = if line.is_empty() {
                    (*word).to_owned()
                } else {
                    format!("{line} {word}")
                };
                // As in egui, the space after a word must fit too (but not at the end).
                let needed = if i + 1 < words.len() {
                    self.width(&format!("{candidate} "), size, bold)
                } else {
                    self.width(&candidate, size, bold)
                };
                if line.is_empty() || needed <= width {
                    line = candidate;
                } else {
                    lines.push(std::mem::take(&mut line));
                    line = (*word).to_owned();
                }
                // A word longer than a line is cut where it must be.
                while self.width(&line, size, bold) > width && line.chars().count() > 1 {
                    let mut head = String::new();
                    for c in line.chars() {
                        head.push(c);
                        if self.width(&head, size, bold) > width && head.chars().count() > 1 {
                            head.pop();
                            break;
                        }
                    }
                    let rest = line[head.len()..].to_owned();
                    lines.push(head);
                    line = rest;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// `text` on one line, cut with an ellipsis to fit `width`.
    pub fn truncate(&self, text: &str, size: f32, width: f32, bold: bool) -> String {
        if self.width(text, size, bold) <= width {
            return text.to_owned();
        }
        let mut cut: String = text.to_owned();
        while cut.pop().is_some() {
            let candidate = format!("{}…", cut.trim_end());
            if self.width(&candidate, size, bold) <= width {
                return candidate;
            }
        }
        "…".to_owned()
    }
}

/// The font's units per em as a float.
fn units_per_em(face: &Face<'_>) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "units per em are at most 16384")]
    let upem = face.units_per_em() as f32;
    upem
}

/// Width of `run`, all in `face`, at `size` (the emoji font drawn smaller, as on the canvas).
fn shaped_width(face: &Face<'_>, run: &str, size: f32, index: usize) -> f32 {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(run);
    let shaped = rustybuzz::shape(face, &[], buffer);
    let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
    let scale = if index == fonts::FALLBACK_CHAIN.len() - 1 {
        fonts::EMOJI_SCALE
    } else {
        1.0
    };
    #[expect(clippy::cast_precision_loss, reason = "advances are small")]
    let units = units as f32;
    units * size * scale / units_per_em(face)
}

impl TextMeasure for Fonts {
    fn wrapped_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        #[expect(clippy::cast_precision_loss, reason = "few lines")]
        let rows = self.wrap(text, font_size, wrap_width, false).len() as f32;
        rows * self.row_height(font_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_text_wraps_to_the_width_and_keeps_every_word() {
        let fonts = Fonts::load().unwrap();
        let text = "Khách hàng không tìm thấy nút thanh toán trên điện thoại";
        let lines = fonts.wrap(text, 14.0, 120.0, false);
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            assert!(fonts.width(line, 14.0, false) <= 120.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
        // Noto Sans: 1069 up, 293 down per 1000.
        assert_eq!(fonts.row_height(14.0), 19.0);
    }

    #[test]
    fn truncate_cuts_with_an_ellipsis() {
        let fonts = Fonts::load().unwrap();
        let cut = fonts.truncate("Đặt hàng và thanh toán trực tuyến", 16.0, 80.0, true);
        assert!(
            cut.ends_with('…') && fonts.width(&cut, 16.0, true) <= 80.0,
            "{cut}"
        );
    }
}
